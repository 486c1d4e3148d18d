"""The session composer (/workshopkits/samenstellen/) in a real browser, as the wijkteam coordinator uses it.

She starts from the breakfast kit, makes it 08:30–10:00 for ten colleagues with five principles and three cases,
reads the times on screen, prints from the browser (Chromium's own PDF, read back with pypdf), downloads the kit and
hands it to `wijkkit check` and `wijkkit kit` in a copy of the project, which must give the same times. Then the
link: opened in a fresh browser it is the same session. And as anyone expects of a page: keyboard only, axe without
violations in light and dark, on a desktop and a phone, no request off the machine.

Debian's Chromium driven by Playwright for Python; skipped with the reason without them, failed under CI=true.
Set WIJKKIT_SCREENSHOTS=<folder> to save the screenshots (1280 and 390 px, light and dark) for a person to look at.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from chromium import DESKTOP, chromium, require
from served import LocalSite, serve
from sitebuild import BuiltSite, copy_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
PAGE = "workshopkits/samenstellen/"
A4 = (595.3, 841.9)  # points
# 08:30–10:00, ten people: the breakfast kit without 'Kennismaken in tweetallen' and 'Evaluatie', a shorter breakfast,
# and the harvest after the next step. Worked out by hand from kit/ontbijtsessie.yaml.
AGENDA = [
    ("08:30", "08:40", "Inloop en ontbijt"),
    ("08:40", "09:00", "Principekaarten"),
    ("09:00", "09:30", "Casussen in drietallen"),
    ("09:30", "09:40", "Mijn volgende stap"),
    ("09:40", "09:50", "Oogst in de groep"),
    ("09:50", "10:00", "Afsluiting"),
]
PRINCIPLES = (2, 4, 6, 9, 13)  # card numbers


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as started:
        yield started


@pytest.fixture(scope="module")
def site(built_site: BuiltSite) -> Iterator[LocalSite]:
    with serve(built_site) as local:
        yield local


@pytest.fixture
def open_page(browser, site: LocalSite):
    """A page in a fresh context that records every request and lets none leave 127.0.0.1."""
    contexts, outside = [], []

    def open_(scheme: str = "light", viewport: dict[str, int] = DESKTOP):
        context = browser.new_context(
            color_scheme=scheme, viewport=viewport, locale="nl-NL", accept_downloads=True, service_workers="block"
        )

        def route(route) -> None:
            url = route.request.url
            if url.startswith((site.origin + "/", "data:", "blob:")):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        context.route("**/*", route)
        # window.print() would open a dialog; the test prints with page.pdf() instead and counts the calls
        context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not outside, f"requests to other hosts than 127.0.0.1: {sorted(set(outside))}"


def ready(page) -> None:
    page.locator("#wk-ss:not([hidden])").wait_for()
    page.locator("#wk-ss-agenda tr").first.wait_for()
    page.evaluate("document.fonts.ready.then(() => true)")


def agenda(page) -> list[tuple[str, str, str]]:
    rows = []
    for row in page.locator("#wk-ss-agenda tr").all():
        cells = row.locator("td").all()
        start, end = cells[0].inner_text().strip().split("–")
        rows.append((start, end, cells[1].inner_text().split("\n")[0].strip()))
    return rows


def block(page, title: str):
    return page.locator(f"li.wk-ss__blok[data-titel='{title}']")


def pdf_text(data: bytes) -> tuple[list[tuple[float, float]], str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    return sizes, text


def is_a4(size: tuple[float, float]) -> bool:
    return abs(size[0] - A4[0]) < 1.5 and abs(size[1] - A4[1]) < 1.5


def print_pdf(page, button: str) -> bytes:
    """Press a print button; what the browser would print, as Chromium's PDF (saved for a person to look at when
    WIJKKIT_SCREENSHOTS is set)."""
    before = page.evaluate("window.__printed")
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_function("n => window.__printed > n", arg=before)
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    folder = os.environ.get("WIJKKIT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"samenstellen-print-{button.lower().replace(' ', '-')}.pdf").write_bytes(data)
    return data


def compose(page, built: BuiltSite) -> dict[str, object]:
    """The coordinator's session, with the keyboard where a keyboard user would; returns what she chose."""
    catalog = built.catalog
    page.get_by_label("Titel", exact=True).fill("Ontbijt met het wijkteam")
    page.get_by_label("Datum").fill("2026-03-10")
    page.get_by_label("Plaats").fill("Buurthuis De Linde")
    page.get_by_label("Organisator").fill("Sociaal wijkteam Noord")
    page.get_by_label("Begintijd").fill("08:30")
    page.get_by_label("Eindtijd").fill("10:00")
    page.get_by_label("Aantal deelnemers").fill("10")
    # 120 minutes of blocks in 90: the warning says so, in the validator's words
    assert "de sessie zou om 10:30 eindigen" in page.locator("#wk-ss-eind-melding").inner_text()
    block(page, "Kennismaken in tweetallen").get_by_role("button", name=re.compile("verwijderen$")).click()
    block(page, "Evaluatie").get_by_role("button", name=re.compile("verwijderen$")).click()
    minutes = block(page, "Inloop en ontbijt").get_by_label(re.compile("^Minuten"))
    minutes.fill("5")  # below the werkvorm's minimum: a warning beside the block
    assert "werkvorm 'inloop-met-ontbijt' 10–20" in block(page, "Inloop en ontbijt").inner_text()
    minutes.fill("10")
    # move 'Oogst in de groep' below 'Mijn volgende stap' with the keyboard: focus its button, press Enter
    down = block(page, "Oogst in de groep").get_by_role("button", name=re.compile("omlaag$"))
    down.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").endswith("omlaag")
    # five principles by card number, three cases by title
    page.get_by_role("button", name="Geen", exact=True).click()
    chosen = [p for p in catalog.principles if p.number in PRINCIPLES]
    for p in chosen:
        page.locator(f"input[name=principe][data-nummer='{p.number}']").check()
    checked = page.locator("input[name=casus]:checked")
    while checked.count():
        checked.first.uncheck()
    cases = [c for c in catalog.cases if c.id in ("het-trapveldje", "volle-agenda", "van-bovenaf")]
    assert len(cases) == 3
    for c in cases:
        page.get_by_label(c.title, exact=True).check()
    return {"principles": chosen, "cases": cases}


def test_a_session_composed_printed_and_built_has_one_set_of_times(
    open_page, site: LocalSite, built_site: BuiltSite, tmp_path: Path
) -> None:
    page = open_page()
    page.goto(site.url(PAGE + "?kit=ontbijtsessie"))
    ready(page)
    chosen = compose(page, built_site)

    # the agenda on screen, recomputed while she typed
    assert agenda(page) == AGENDA
    assert page.locator("#wk-ss-meldingen").inner_text().strip() == ""
    summary = page.locator("#wk-ss-samenvatting").inner_text()
    assert (
        "dinsdag 10 maart 2026, 08:30 – 10:00 (1 uur en 30 minuten) · 10 mensen · 5 principes · 3 casussen" == summary
    )

    # the principle cards alone: five cards folded two to an A4 sheet, none of the other principles
    sizes, text = pdf_text(print_pdf(page, "Principekaarten"))
    assert len(sizes) == 3 and all(map(is_a4, sizes)), sizes
    for p in built_site.catalog.principles:
        assert (p.title in text) == (p in chosen["principles"]), p.title
    assert page.locator("#wk-afdruk .deck-principle .card.front").count() == 5
    # the case cards: three, numbered in the order she chose them
    sizes, text = pdf_text(print_pdf(page, "Casuskaarten"))
    assert len(sizes) == 2 and all(map(is_a4, sizes)), sizes
    for c in built_site.catalog.cases:
        assert (c.title in text) == (c in chosen["cases"]), c.title
    assert page.locator("#wk-afdruk .deck-case .card.front").count() == 3

    # everything: the programme and the run sheet with the right times, every page A4
    sizes, text = pdf_text(print_pdf(page, "Print alles"))
    assert all(map(is_a4, sizes)), sizes
    assert len(sizes) >= 12
    for start, end, title in AGENDA:
        assert f"{start} – {end} {title}" in text, (start, title)
    assert "dinsdag 10 maart 2026 · 08:30 – 10:00 uur · Buurthuis De Linde" in text
    assert "Sociaal wijkteam Noord" in text
    assert "10 mensen" in text and "3 groepen (3 + 3 + 4)" in text
    assert "Regiekaart" in text
    # the run sheet alone is one page
    sizes, text = pdf_text(print_pdf(page, "Regiekaart"))
    assert len(sizes) == 1 and "Regiekaart" in text and "09:50 – 10:00" in text

    # download as kit → wijkkit check → wijkkit kit, in a copy of the project: the same times
    with page.expect_download() as info:
        page.get_by_role("link", name="Download als kit").click()
    download = info.value
    assert download.suggested_filename == "ontbijt-met-het-wijkteam.yaml"
    project = copy_project(built_site.root, tmp_path / "project", fixtures=False)
    kit_file = project / "kit" / download.suggested_filename
    download.save_as(kit_file)
    kit = yaml.safe_load(kit_file.read_text(encoding="utf-8"))
    assert (kit["start"], kit["end"], kit["participants"]) == ("08:30", "10:00", {"min": 10, "max": 10})
    wijkkit = [sys.executable, "-m", "generator.cli", "--root", str(project)]
    check = subprocess.run([*wijkkit, "check"], capture_output=True, text=True, check=False, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    out = tmp_path / "kit-out"
    built = subprocess.run(
        [*wijkkit, "kit", "ontbijt-met-het-wijkteam", "--out", str(out), "--files", "pdf"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    _, programme = pdf_text((out / "programma.pdf").read_bytes())
    _, draaiboek = pdf_text((out / "draaiboek.pdf").read_bytes())
    for start, end, title in AGENDA:
        assert f"{start} – {end} {title}" in programme, (start, title)
        assert f"{start} – {end} {title}" in draaiboek, (start, title)
    _, cards = pdf_text((out / "principekaarten-vouwen.pdf").read_bytes())
    assert all(p.title in cards for p in chosen["principles"])
    assert not page.errors, page.errors


def test_the_link_opens_the_same_session(open_page, site: LocalSite, built_site: BuiltSite) -> None:
    page = open_page()
    page.goto(site.url(PAGE + "?kit=ontbijtsessie"))
    ready(page)
    compose(page, built_site)
    page.wait_for_function("location.hash.length > 10")
    page.wait_for_timeout(400)  # the address is written a moment after the last change
    link = page.get_by_label("Link naar deze sessie").input_value()
    assert link.startswith(site.url(PAGE)) and "#z=" in link
    assert len(link) < 2000, len(link)  # fits in a chat message and in every browser
    other = open_page()
    other.goto(link)
    ready(other)
    assert agenda(other) == AGENDA
    assert other.get_by_label("Begintijd").input_value() == "08:30"
    assert other.get_by_label("Aantal deelnemers").input_value() == "10"
    assert other.locator("input[name=principe]:checked").count() == len(PRINCIPLES)
    assert other.locator("input[name=casus]:checked").count() == 3
    other.reload()
    ready(other)
    assert agenda(other) == AGENDA
    assert not page.errors and not other.errors


HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def test_a_hostile_shared_link_shows_its_text_and_runs_nothing(open_page, site: LocalSite) -> None:
    """A link to a session is a stranger's text: title, goal, block titles and guides from the address are shown and
    printed as text, never as markup."""
    import base64
    import json

    state = {
        "k": "ontbijtsessie",
        "t": "Titel " + HOSTILE,
        "g": "Doel " + HOSTILE,
        "p": "Plaats " + HOSTILE,
        "b": [["inloop-met-ontbijt", 20, "Blok " + HOSTILE, "Voor wie " + HOSTILE, "Gids {: onclick=x } " + HOSTILE]],
    }
    encoded = base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")
    page = open_page()
    page.goto(site.url(PAGE) + "#j=" + encoded)
    ready(page)
    assert page.get_by_label("Titel", exact=True).input_value() == state["t"]
    pdf = print_pdf(page, "Print alles")
    assert page.evaluate("window.__pwned") is None
    live = page.evaluate(
        """() => [...document.querySelectorAll('*')]
             .filter(e => e.tagName === 'SCRIPT' && !e.src && e.closest('.wk-print')
                          || [...e.attributes].some(a => a.name.startsWith('on')))
             .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert live == []
    shown = page.locator(".wk-print").inner_text()
    assert "Titel <img src=x" in shown and "Gids {: onclick=x }" in shown
    _, text = pdf_text(pdf)
    assert "Titel <img" in text
    assert not page.errors


def test_every_kit_page_and_the_overview_lead_to_the_composer(built_site: BuiltSite) -> None:
    for kit in built_site.catalog.kits:
        html = built_site.html(f"workshopkits/{kit.id}/")
        assert f'href="../samenstellen/?kit={kit.id}"' in html, kit.id
        assert "Pas deze sessie aan" in html
    assert 'href="samenstellen/"' in built_site.html("workshopkits/")


def test_the_blocks_fit_the_end_time_in_one_press(open_page, site: LocalSite) -> None:
    """08:00–09:45 from the two-hour breakfast kit: every block shrinks within its werkvorm's limits."""
    page = open_page()
    page.goto(site.url(PAGE + "?kit=ontbijtsessie"))
    ready(page)
    page.get_by_label("Eindtijd").fill("09:45")
    assert "de sessie zou om 10:00 eindigen" in page.locator("#wk-ss-eind-melding").inner_text()
    page.get_by_role("button", name="Laat de blokken passen").click()
    rows = agenda(page)
    assert rows[0][0] == "08:00" and rows[-1][1] == "09:45"
    assert page.locator("#wk-ss-meldingen").inner_text().strip() == ""
    assert not page.get_by_role("button", name="Laat de blokken passen").is_visible()


def test_an_empty_start_gives_a_valid_agenda_and_works_offline(open_page, site: LocalSite) -> None:
    page = open_page()
    page.goto(site.url(PAGE))
    ready(page)
    page.context.set_offline(True)  # once loaded, nothing more is fetched: composing and printing work offline
    page.get_by_label("Begin met").select_option("")
    page.get_by_role("button", name="Begin opnieuw met deze keuze").click()
    assert agenda(page) == [("09:00", "09:10", "Opening")]
    page.get_by_label("Blok toevoegen").select_option("casus-in-drietallen")
    page.get_by_role("button", name="Voeg toe", exact=True).click()
    rows = agenda(page)
    assert rows[1][0] == "09:10" and rows[1][2] == "Casus in drietallen"
    assert page.evaluate("document.activeElement.id").startswith("wk-ss-blok-1-")  # focus on the new block
    sizes, text = pdf_text(print_pdf(page, "Programma voor deelnemers"))
    assert len(sizes) == 1 and "09:10 – 09:40 Casus in drietallen" in text
    assert not page.errors


# ---------------------------------------------------------------------------------------------------------------
# accessibility and screenshots


def axe(page) -> list[dict]:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        require(False, "axe-playwright-python is missing: install the test extra (pip install -e '.[test]')")
    return Axe().run(page).response["violations"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_and_the_page_is_looked_at(
    open_page, site: LocalSite, built_site: BuiltSite, scheme: str, viewport: dict[str, int]
) -> None:
    page = open_page(scheme, viewport)
    page.goto(site.url(PAGE + "?kit=ontbijtsessie"))
    ready(page)
    compose(page, built_site)
    page.get_by_label("Eindtijd").fill("09:45")  # a warning on show too
    page.locator("li.wk-ss__blok details").first.locator("summary").click()
    violations = axe(page)
    assert not violations, "\n".join(
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )
    # nothing wider than the screen on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    folder = os.environ.get("WIJKKIT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
        page.screenshot(path=str(Path(folder) / f"samenstellen-{viewport['width']}-{scheme}.png"), full_page=True)


def test_the_composed_page_is_valid_html(open_page, site: LocalSite, built_site: BuiltSite, tmp_path: Path) -> None:
    """The page as the script leaves it (blocks, warnings, the print section), through the Nu HTML Checker."""
    jar = (
        Path(__file__).resolve().parents[1] / "kits" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    )
    require(jar.is_file() and shutil.which("java"), "the Nu HTML Checker is missing: make test-slow installs it")
    page = open_page()
    page.goto(site.url(PAGE + "?kit=ontbijtsessie"))
    ready(page)
    compose(page, built_site)
    print_pdf(page, "Print alles")
    file = tmp_path / "samenstellen.html"
    file.write_text(page.content(), encoding="utf-8")
    run = subprocess.run(
        ["java", "-jar", str(jar), "--format", "text", "--errors-only", str(file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
