"""The contribution form in a real browser (Debian's Chromium through Playwright), as a contributor uses it.

Fill every field for a municipality the old 26-entry register did not have, take the YAML the form offers, drop it
into a copy of the project and run `wijkkit check` and `wijkkit build`: the new page must be there. The same form
with mistakes shows each message next to its field. The form's YAML writer is held to `wijkkit from-issue`'s byte
for byte, and the issue link it makes is read back by `from-issue` into the same record.

Every request leaves 127.0.0.1 only; anything else is aborted and fails the test.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from chromium import chromium, require

from generator.fromissue.questions import questions
from generator.model import Example, Source
from generator.scaffold.emit import record_yaml

from .conftest import TODAY

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IN_CI = os.environ.get("CI", "").lower() == "true"
NEW_MUNICIPALITY = "GM0373"  # Bergen (Noord-Holland): not in the register of 26 the form was first built on


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as started:
        yield started


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture
def form_page(browser, project: Path, wijkkit) -> Iterator[tuple[object, Path, dict]]:
    """The form page of a freshly built copy of the project, in a new browser page that cannot leave 127.0.0.1."""
    built = wijkkit("build", "--no-kits")
    assert built.code == 0, built.err
    server, origin = serve(project / "site")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    outside: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin + "bijdragen/voorbeeld/")
    page.wait_for_selector("#wk-uitvoer:not([hidden])", timeout=10000)
    data = json.loads((project / "site/bijdragen/voorbeeld/gegevens.json").read_text(encoding="utf-8"))
    try:
        yield page, project, data
        assert errors == [], errors
        assert outside == [], f"requests left the machine: {outside}"
    finally:
        context.close()
        server.shutdown()


def label_of(data: dict, code: str) -> str:
    """What the picker shows for a municipality: its option in the list."""
    m = next(m for m in data["municipalities"] if m["code"] == code)
    return f"{m['name']} ({m['province']})"


def fill_everything(page, data: dict) -> None:
    assert any(m["code"] == NEW_MUNICIPALITY for m in data["municipalities"]), "the full register is needed (§3)"
    page.fill("#wk-veld-municipality-invoer", label_of(data, NEW_MUNICIPALITY))
    page.fill("#wk-veld-other-municipalities-invoer", "Alkmaar")
    page.fill("#wk-veld-title-invoer", 'Buurtteams in de kernen: "samen" #1')
    page.select_option("#wk-veld-status-invoer", "pilot")
    page.fill("#wk-veld-summary-invoer", "In drie kernen werken teams met een vast gezicht.\nBewoners lopen binnen.")
    page.fill("#wk-veld-as-of-invoer", "2020")
    page.fill("#wk-veld-period-start-invoer", "2018")
    page.fill("#wk-veld-period-end-invoer", "2022")
    page.fill("#wk-veld-teams-invoer", "3")
    page.select_option("#wk-veld-area-invoer", "kern")
    page.select_option("#wk-veld-lead-invoer", "gemeente")
    page.check('#wk-veld-access input[value="voordeur"]')
    page.check('#wk-veld-access input[value="inloop"]')
    page.fill("#wk-veld-goal-invoer", "Hulp dichtbij huis.")
    page.fill("#wk-veld-target-group-invoer", "Alle inwoners van de kernen.")
    page.fill("#wk-veld-approach-invoer", "Het team werkt zo:\n\n- een vast gezicht;\n- **één plan** per gezin.")
    page.fill("#wk-veld-team-invoer", "wijkverpleegkundige\n\nconsulent Wmo\n")
    page.fill("#wk-veld-working-elements-invoer", "Eén vast aanspreekpunt.")
    page.check('#wk-veld-principles input[value="aansluiten-bij-burgerkracht"]')
    page.fill("#wk-principe-aansluiten-bij-burgerkracht", "Het team begint bij wat bewoners al doen.")
    page.check('#wk-veld-principles input[value="geen-maakbare-wijk"]')
    page.fill("#wk-veld-results-invoer", "Minder wachttijd, volgens de evaluatie.")
    page.check('#wk-veld-evaluation-evaluated input[value="ja"]')
    page.fill("#wk-veld-evaluation-by-invoer", "de rekenkamer")
    page.fill("#wk-veld-evaluation-summary-invoer", "De aanpak werkt, maar kost meer tijd dan gedacht.")
    page.select_option("#wk-veld-evidence-invoer", "geevalueerd")
    page.fill("#wk-veld-lessons-invoer", "Begin klein.\nBetrek de huisarts.")
    page.fill("#wk-veld-url-invoer", "https://www.bergen-nh.nl/buurtteams")
    page.check('#wk-veld-tags input[value="bewoners"]')
    # three sources: two from the list and a new one; each says which facts it backs
    page.select_option("#wk-bron-1", "wijkgericht-werken-doel-of-middel-2013")
    page.fill("#wk-bron-1-vindplaats", "tweede alinea")
    page.click("#wk-bronnen li:nth-child(1) summary")
    for name in ("status", "period", "teams", "area", "lead", "access", "goal"):
        page.check(f'#wk-bronnen li:nth-child(1) [data-source-supports] input[value="{name}"]')
    page.click("#wk-bron-erbij")
    page.select_option("#wk-bron-2", "__nieuw")
    page.fill("#wk-bron-2-vindplaats", "p. 4")
    page.click("#wk-bronnen li:nth-child(2) summary")
    for name in ("target_group", "approach", "team", "working_elements", "results", "evaluation"):
        page.check(f'#wk-bronnen li:nth-child(2) [data-source-supports] input[value="{name}"]')
    page.fill("#wk-veld-source-title-invoer", "Evaluatie buurtteams Bergen")
    page.select_option("#wk-veld-source-kind-invoer", "evaluatie")
    page.fill("#wk-veld-source-url-invoer", "https://www.bergen-nh.nl/evaluatie-buurtteams")
    page.fill("#wk-veld-source-date-invoer", "2022-06")
    page.fill("#wk-veld-source-publisher-invoer", "Gemeente Bergen")
    page.fill("#wk-veld-source-authors-invoer", "Rekenkamer Bergen")
    page.wait_for_timeout(300)


def visible_errors(page) -> list[str]:
    return [e.inner_text() for e in page.locator(".wk-veld__fout:not([hidden])").all()]


def test_every_field_filled_gives_yaml_that_checks_and_builds(form_page, wijkkit) -> None:
    page, project, data = form_page
    fill_everything(page, data)
    page.click("#wk-download")  # a way in chosen: every problem would now show
    page.wait_for_timeout(300)
    assert visible_errors(page) == []
    assert page.locator("#wk-fouten").is_hidden()
    assert "Alles is ingevuld" in page.inner_text("#wk-status")

    with page.expect_download() as example_download:
        page.click("#wk-download")
    with page.expect_download() as source_download:
        page.click("#wk-download-bron")
    example_name = example_download.value.suggested_filename
    source_name = source_download.value.suggested_filename
    example_download.value.save_as(project / "content/examples" / example_name)
    source_download.value.save_as(project / "content/sources" / source_name)

    record = yaml.safe_load((project / "content/examples" / example_name).read_text(encoding="utf-8"))
    asked = set(Example.model_fields)
    assert set(record) == asked, (
        f"not filled: {sorted(asked - set(record))}"
    )  # every field, with the YAML the form wrote
    assert record["municipality"] == NEW_MUNICIPALITY and record["other_municipalities"] == ["GM0361"]
    assert record["title"] == 'Buurtteams in de kernen: "samen" #1'
    assert record["team"] == ["wijkverpleegkundige", "consulent Wmo"]
    assert record["evaluation"] == {
        "evaluated": True,
        "by": "de rekenkamer",
        "summary": "De aanpak werkt, maar kost meer tijd dan gedacht.",
    }
    assert str(record["last_reviewed"]) == TODAY
    assert record["sources"][1]["source"] == source_name.removesuffix(".yaml")
    assert example_name == record["id"] + ".yaml"

    check = wijkkit("check")
    assert check.code == 0, check.err
    build = wijkkit("build", "--no-kits")
    assert build.code == 0, build.err
    built = project / "site/praktijkvoorbeelden" / record["id"] / "index.html"
    assert built.is_file() and "Buurtteams in de kernen" in built.read_text(encoding="utf-8")

    # the links to GitHub carry the same text
    links = page.locator("#wk-github-links a").all()
    assert len(links) == 2  # first the new source, then the example
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(links[1].get_attribute("href")).query)
    assert query["filename"] == [f"content/examples/{example_name}"]
    assert query["value"] == [(project / "content/examples" / example_name).read_text(encoding="utf-8")]
    assert links[1].get_attribute("href").startswith(data["repository"] + "/new/" + data["branch"] + "?")


def test_the_issue_link_reads_back_into_the_same_record(form_page, wijkkit, tmp_path: Path) -> None:
    """What the form puts in the issue link, `wijkkit from-issue` turns into the record the form showed."""
    page, project, data = form_page
    fill_everything(page, data)
    href = page.get_attribute("#wk-issue", "href")
    assert href.startswith(data["repository"] + "/issues/new?template=praktijkvoorbeeld.yml&")
    answers = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(href).query))
    assert answers["title"] == 'Praktijkvoorbeeld: Buurtteams in de kernen: "samen" #1'
    # the issue as GitHub writes it after submitting the prefilled form
    body = "".join(f"### {q.label}\n\n{answers.get(q.id) or '_No response_'}\n\n" for q in questions())
    body += (
        "### Afspraken\n\n- [X] Er staan geen namen van bewoners, telefoonnummers of e-mailadressen in.\n"
        "- [X] Ik geef Wijkkit toestemming dit te publiceren onder CC BY 4.0.\n"
    )
    issue = tmp_path / "issue.md"
    issue.write_text(body, encoding="utf-8")
    before = set(project.glob("content/**/*.yaml"))
    run = wijkkit("from-issue", str(issue))
    assert run.code == 0, run.err
    made = {
        p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in set(project.glob("content/**/*.yaml")) - before
    }
    shown = yaml.safe_load(page.text_content("#wk-yaml"))
    shown_source = yaml.safe_load(page.text_content("#wk-bron-yaml"))
    assert made["examples"] == shown
    assert made["sources"] == shown_source


def test_mistakes_are_shown_next_to_their_field(form_page) -> None:
    page, _, _ = form_page
    page.fill("#wk-veld-municipality-invoer", "Bergen")  # two municipalities have that name
    page.fill("#wk-veld-title-invoer", "x" * 120)
    page.fill("#wk-veld-teams-invoer", "vijf")
    page.fill("#wk-veld-period-start-invoer", str(dt.date.today().year + 2))
    page.click("#wk-download")
    page.wait_for_timeout(300)

    def error(field: str) -> str:
        box = page.locator(f"#wk-veld-{field}-fout")
        assert box.is_visible(), f"no message next to {field}"
        return box.inner_text()

    assert "langer dan 100" in error("title")  # Ajv's own words, in Dutch
    assert "geheel getal" in error("teams")
    assert "meer gemeenten met deze naam" in error("municipality") and "Bergen" in error("municipality")
    assert "toekomst" in error("period-start")
    assert "verplicht" in error("status") and "verplicht" in error("evidence")
    assert page.get_attribute("#wk-veld-title-invoer", "aria-invalid") == "true"
    described = page.get_attribute("#wk-veld-title-invoer", "aria-describedby")
    assert "wk-veld-title-fout" in described  # a screen reader reads the message with the field
    summary = page.locator("#wk-fouten")
    assert summary.is_visible() and page.evaluate("document.activeElement.id") == "wk-fouten"
    assert "Nog" in page.inner_text("#wk-status")


def test_keyboard_only_reaches_every_control_with_a_name(form_page) -> None:
    page, _, _ = form_page
    controls = page.evaluate("""() => Array.from(document.querySelectorAll(
        '#wk-formulier input:not([type=hidden]), #wk-formulier select, #wk-formulier textarea, #wk-formulier button'))
        .filter(e => e.offsetParent !== null || e.closest('details'))
        .map(e => ({id: e.id, name: (e.labels && e.labels.length ? e.labels[0].textContent : e.textContent).trim(),
                    tab: e.tabIndex}))""")
    assert controls and all(c["name"] for c in controls), [c for c in controls if not c["name"]]
    assert all(c["tab"] >= 0 for c in controls)
    page.focus("#wk-veld-municipality-invoer")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "wk-veld-other-municipalities-invoer"


def test_the_form_has_no_accessibility_violations(form_page) -> None:
    page, _, data = form_page
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        require(False, "axe-playwright-python is missing: install the test extra")
    fill_everything(page, data)
    page.fill("#wk-veld-teams-invoer", "vijf")
    page.click("#wk-download")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_form_yaml_writer_matches_from_issue_byte_for_byte(form_page) -> None:
    """Strings that YAML would misread, quotes, ' #', leading spaces, tabs, line separators, dates and numbers."""
    page, _, _ = form_page
    example = {
        "id": "no",
        "municipality": "GM0344",
        "title": 'Utrecht: "wijk" #2 ‘krul’ \u2028 \u0085 - yes',
        "status": "pilot",
        "summary": "regel één\nregel twee\n\n  ingesprongen",
        "as_of": 2016,
        "period": {"start": 2014, "end": 2018},
        "teams": 9,
        "access": ["voordeur"],
        "approach": "\tmet tab\nerna",
        "team": ["yes", "0344", "on", "2014-01-02", "0x1f", "a: b"],
        "principles": [{"id": "x", "how": "- begint met een streepje"}],
        "evaluation": {"evaluated": False},
        "evidence": "beschreven",
        "lessons": ["~", "null", "@handle", "`code`"],
        "sources": [{"source": "bron-1", "note": "p. 1", "supports": ["target_group", "teams"]}],
        "last_reviewed": dt.date(2026, 1, 2),
    }
    expected = record_yaml(Example, example, header="kop\nregel twee")
    source = {"id": "bron-1", "title": "Titel", "date": "2014", "kind": "rapport", "accessed": dt.date(2026, 1, 2)}
    expected_source = record_yaml(Source, source)

    def js(record: dict, header: str) -> str:
        encoded = json.dumps(record, default=lambda d: {"__day": d.isoformat()})
        return page.evaluate(
            """([text, header]) => {
            const revive = (v) => Array.isArray(v) ? v.map(revive) : (v && typeof v === 'object')
                ? (v.__day ? new WijkkitYaml.Day(v.__day)
                           : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)])))
                : v;
            return WijkkitYaml.recordYaml(revive(JSON.parse(text)), header);
        }""",
            [encoded, header],
        )

    assert js(example, "kop\nregel twee") == expected
    assert js(source, "") == expected_source
    assert yaml.safe_load(expected)["team"] == ["yes", "0344", "on", "2014-01-02", "0x1f", "a: b"]


def test_too_long_for_a_link_says_so_and_offers_download_and_copy(form_page) -> None:
    page, _, data = form_page
    page.fill("#wk-veld-municipality-invoer", label_of(data, NEW_MUNICIPALITY))
    page.fill("#wk-veld-title-invoer", "Een lange aanpak")
    page.select_option("#wk-veld-status-invoer", "onbekend")
    page.fill("#wk-veld-summary-invoer", "Kort gezegd: veel tekst.")
    page.select_option("#wk-veld-evidence-invoer", "beschreven")
    page.select_option("#wk-bron-1", "wijkgericht-werken-doel-of-middel-2013")
    page.fill("#wk-veld-approach-invoer", "Een zin over de aanpak in de wijk. " * 300)  # ~10,000 characters
    page.wait_for_timeout(400)
    assert "Alles is ingevuld" in page.inner_text("#wk-status")
    assert page.locator("#wk-te-lang").is_visible() and "te lang" in page.inner_text("#wk-te-lang")
    assert page.locator("#wk-issue").is_hidden()
    assert all(len(a.get_attribute("href")) <= data["max_url"] for a in page.locator("#wk-github-links a").all())
    assert page.locator("#wk-download").is_visible() and page.locator("#wk-kopieer").is_visible()


def test_other_pages_do_not_load_the_form_scripts(form_page) -> None:
    page, _, _ = form_page
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(page.url.split("bijdragen/")[0])
    page.wait_for_load_state("load")
    assert any(url.endswith("assets/javascripts/paginascripts.js") for url in loaded)  # the loader, on every page
    assert not [url for url in loaded if "vendor/" in url or "bijdragen-" in url]
