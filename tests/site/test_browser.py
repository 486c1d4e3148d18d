"""The built site in a real browser: Debian's Chromium driven by Playwright for Python.

What a visitor does: search in Dutch, follow backlinks from a principle to a case, an example and a municipality,
filter and sort the examples table, find the way with the keyboard alone. Every request of every page is recorded
and none may leave 127.0.0.1. axe-core (from the PyPI package axe-playwright-python) must find no violation of any
impact on any page type, in the light and the dark palette.

One browser for the session (Playwright gives it a fresh, empty profile folder of its own); one context per test.
Without Playwright or /usr/bin/chromium these tests skip with the reason, and fail when CI=true.
Set WIJKKIT_SCREENSHOTS=<folder> to also save full-page screenshots of every page type, light and dark, on a
desktop and a phone screen.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections import Counter
from pathlib import Path

import pytest
from chromium import DESKTOP
from served import LocalSite
from sitebuild import BuiltSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 375, "height": 740}
SCHEMES = {"light": "default", "dark": "slate"}  # Playwright's colour scheme → Material's palette scheme
TYPES = (
    "home",
    "principes",
    "principe",
    "casussen",
    "casus",
    "praktijkvoorbeelden",
    "praktijkvoorbeeld",
    "vergelijken",
    "gemeenten",
    "gemeente",
    "werkvormen",
    "werkvorm",
    "workshopkits",
    "workshopkit",
    "bronnen",
    "trefwoorden",
    "over",
    "bijdragen",
    "voor-bewoners",
    "404",
)
RESIDENT = {"width": 390, "height": 844}


def visit(page, site: LocalSite, path: str, scheme: str = "light") -> None:
    """Go to a page and wait until the theme has applied the palette and the fonts are in."""
    page.goto(site.url(path), wait_until="load")
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=SCHEMES[scheme])
    page.evaluate("document.fonts.ready.then(() => true)")


def title(page) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    return page.locator("article h1").first.inner_text().replace("¶", "").strip()


# ---------------------------------------------------------------------------------------------------------------
# Accessibility: axe-core on every page type, light and dark


def axe_report(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '')}".rstrip())
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("kind", TYPES)
def test_axe_finds_no_violations(open_page, site: LocalSite, pages: dict[str, str], kind: str, scheme: str) -> None:
    page = open_page(scheme)
    visit(page, site, pages[kind], scheme)
    violations = axe_report(page)
    assert not violations, f"axe on {pages[kind] or 'home'} ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_no_violations_in_open_search(open_page, site: LocalSite, scheme: str) -> None:
    page = open_page(scheme)
    visit(page, site, "", scheme)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("wijk", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    violations = axe_report(page)
    assert not violations, f"axe with search results open ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_no_violations_on_a_phone(open_page, site: LocalSite, scheme: str) -> None:
    """The examples as cards (tabel.js), and the menu opened from the header."""
    page = open_page(scheme, PHONE)
    visit(page, site, "praktijkvoorbeelden/", scheme)
    page.locator(".wk-table--cards").wait_for()
    violations = axe_report(page)
    assert not violations, f"axe on the examples as cards ({scheme}):\n{describe(violations)}"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    violations = axe_report(page)
    assert not violations, f"axe with the menu open on a phone ({scheme}):\n{describe(violations)}"


# ---------------------------------------------------------------------------------------------------------------
# Search in Dutch


def index_words(site: Path) -> set[str]:
    """Every word in the search index, lower case, as the theme's tokenizer splits them (roughly)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc.get("title", "") + " " + re.sub(r"<[^>]+>", " ", doc.get("text", "")) for doc in index["docs"])
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def inflected_query(built: BuiltSite) -> tuple[str, object]:
    """A word in a principle's title, cut back to a shorter Dutch form that appears nowhere on the site.

    'kwetsbaarheid' → 'kwetsbaar', 'patronen' → 'patroon'-like stems: finding the principle by that form shows the
    search matches inflected and derived Dutch words, not only the exact word.
    """
    words = index_words(built.site)
    for principle in sorted(built.catalog.principles, key=lambda p: p.id):
        for word in sorted(re.findall(r"[^\W\d_]+", principle.title.lower()), key=len, reverse=True):
            for suffix in ("heid", "en", "s", "e"):
                stem = word[: -len(suffix)]
                if word.endswith(suffix) and len(stem) >= 5 and stem not in words:
                    return stem, principle
    pytest.fail("no principle title has a word whose shorter form is absent from the site; pick a query by hand")


def search(page, query: str) -> list[tuple[str, str]]:
    """Type a query in the search field as a person would; (title, href) of the results shown."""
    field_ = page.locator("input.md-search__input")
    field_.click()
    field_.press_sequentially(query, delay=40)  # Material's search misses fill() about half the time
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d|Geen")).wait_for()
    links = page.locator("li.md-search-result__item > a.md-search-result__link")
    return [(link.locator("h1, h2").first.inner_text().strip(), link.get_attribute("href")) for link in links.all()]


def test_a_dutch_search_finds_a_principle_by_an_inflected_form(
    open_page, site: LocalSite, built_site: BuiltSite
) -> None:
    query, principle = inflected_query(built_site)
    page = open_page()
    visit(page, site, "")
    results = search(page, query)
    titles = [title for title, _ in results[:3]]
    assert principle.title in titles, f"search for {query!r}: {results[:5]}"
    page.locator("a.md-search-result__link", has_text=principle.title).first.click()
    page.wait_for_url(re.compile(rf"/principes/{re.escape(principle.id)}/"))
    assert title(page) == principle.title


@pytest.mark.parametrize(
    ("query", "principle_id"),
    [
        ("burgerkrachten", "aansluiten-bij-burgerkracht"),  # plural of a word the site only has in the singular
        ("kwetsbaarheden", "niet-alleen-kwetsbaarheid"),  # -heid → -heden
    ],
)
def test_dutch_stemming_finds_a_longer_inflected_form(
    open_page, site: LocalSite, built_site: BuiltSite, query: str, principle_id: str
) -> None:
    """Only stemming can match these: the typed word is longer than any word on the site, so no prefix matches."""
    assert query not in index_words(built_site.site)
    principle = built_site.catalog.principle_by_id[principle_id]
    page = open_page()
    visit(page, site, "")
    titles = [title for title, _ in search(page, query)[:3]]
    assert principle.title in titles, f"search for {query!r}: {titles}"


# ---------------------------------------------------------------------------------------------------------------
# Backlinks by clicking


def test_principle_to_case_and_example_to_municipality(open_page, site: LocalSite, built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    principle = next(
        p
        for p in sorted(catalog.principles, key=lambda p: p.id)
        if catalog.uses[p.id].cases and catalog.uses[p.id].examples
    )
    case, example = catalog.uses[principle.id].cases[0], catalog.uses[principle.id].examples[0]
    municipality = catalog.municipality_by_code[example.municipality]
    page = open_page()
    content = page.locator("article.md-content__inner")

    visit(page, site, f"principes/{principle.id}/")
    content.get_by_role("link", name=case.title, exact=True).first.click()
    page.wait_for_url(re.compile(rf"/casussen/{re.escape(case.id)}/$"))
    assert title(page) == case.title
    assert content.locator(f"a[href$='principes/{principle.id}/']").count() >= 1, "the case does not link back"

    page.go_back()
    page.wait_for_url(re.compile(rf"/principes/{re.escape(principle.id)}/$"))
    content.get_by_role("link", name=example.title, exact=True).first.click()
    page.wait_for_url(re.compile(rf"/praktijkvoorbeelden/{re.escape(example.id)}/$"))
    assert title(page) == example.title

    content.get_by_role("link", name=municipality.name, exact=True).first.click()
    page.wait_for_url(re.compile(rf"/gemeenten/{re.escape(municipality.code.lower())}/$"))
    assert municipality.name in title(page)
    assert content.get_by_role("link", name=example.title, exact=True).count() == 1


# ---------------------------------------------------------------------------------------------------------------
# The examples table


def visible_rows(page) -> list[list[str]]:
    return page.locator(".wk-table tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(row => Array.from(row.cells, cell => cell.innerText.trim()))"
    )


def test_filter_and_sort_the_examples_table(open_page, site: LocalSite, built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    total = len(catalog.examples)
    counts = Counter(
        getattr(province, "value", province)
        for province in (catalog.municipality_by_code[e.municipality].province for e in catalog.examples)
    )
    # the province with the most examples that still leaves some out
    province, expected = max(((p, n) for p, n in counts.items() if n < total), key=lambda item: (item[1], item[0]))

    page = open_page()
    visit(page, site, "praktijkvoorbeelden/")
    form = page.locator("form.wk-filter")
    form.wait_for(state="visible")  # shown by tabel.js; without JavaScript the table alone is there
    assert len(visible_rows(page)) == total
    count = page.locator(".wk-filter__count")
    assert count.inner_text() == f"Alle {total} voorbeelden worden getoond."

    page.get_by_label("Provincie").select_option(value=province)
    rows = visible_rows(page)
    assert len(rows) == expected and all(row[1].endswith(province) for row in rows), rows
    assert count.inner_text() == f"{expected} van de {total} voorbeelden worden getoond."

    statuses = sorted({row[2] for row in rows})
    status = page.locator("#wk-filter-status option", has_text=statuses[0]).first.get_attribute("value")
    page.get_by_label("Status").select_option(value=status)
    both = visible_rows(page)
    assert both and all(row[1].endswith(province) and row[2] == statuses[0] for row in both), both

    page.get_by_role("button", name="Alles tonen").click()
    page.wait_for_function(f"document.querySelectorAll('.wk-table tbody tr:not([hidden])').length === {total}")
    assert count.inner_text() == f"Alle {total} voorbeelden worden getoond."

    header = page.locator(".wk-table th").nth(1)
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    names = [row[1].splitlines()[0] for row in visible_rows(page)]
    assert names == sorted(names, key=str.casefold), names
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert [row[1].splitlines()[0] for row in visible_rows(page)] == sorted(names, key=str.casefold, reverse=True)


# ---------------------------------------------------------------------------------------------------------------
# The keyboard alone


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), cls: el.className || '', href: el.getAttribute('href'),
                text: (el.innerText || el.value || '').trim(), inMain: !!el.closest('.md-content'),
                visible: !!(el.offsetWidth || el.offsetHeight)};
    }""")


def test_keyboard_reaches_main_content_through_the_skip_link(open_page, site: LocalSite, pages) -> None:
    page = open_page()
    visit(page, site, pages["principe"])
    page.keyboard.press("Tab")
    skip = focused(page)
    assert "md-skip" in skip["cls"] and skip["visible"], f"the first Tab should reach the skip link, not {skip}"
    assert skip["text"], "the skip link has no text"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(skip["href"]) + "$"))
    page.keyboard.press("Tab")
    after = focused(page)
    assert after["inMain"], f"after the skip link, Tab should land in the main content, not on {after}"


def test_keyboard_reaches_search_and_opens_a_result(open_page, site: LocalSite, built_site: BuiltSite) -> None:
    page = open_page()
    visit(page, site, "")
    for _ in range(25):
        page.keyboard.press("Tab")
        if "md-search__input" in focused(page)["cls"]:
            break
    else:
        pytest.fail("25 presses of Tab never reached the search field")
    principle = built_site.catalog.principles[0]
    page.locator("input.md-search__input").press_sequentially(principle.title, delay=30)
    page.locator("li.md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert "md-search-result__link" in result["cls"], f"ArrowDown should move to the first result, not {result}"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/principes/"))


# ---------------------------------------------------------------------------------------------------------------
# Nothing from elsewhere; the font is ours


def test_no_request_leaves_127_0_0_1(open_page, site: LocalSite, pages: dict[str, str]) -> None:
    page = open_page()
    for kind in TYPES:
        visit(page, site, pages[kind])
    search(page, "wijkteam")
    requests = page.requests
    assert not requests.outside, sorted(set(requests.outside))
    seen = {urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1] for url in requests.seen}
    assert "search_index.json" in seen, "the search index was not requested: the recording misses requests"
    assert "lunr.nl.min.js" in seen, "the search worker did not load Dutch language support (or it went unrecorded)"
    assert any(name.startswith("AtkinsonHyperlegible") for name in seen), sorted(seen)
    assert len(requests.seen) > len(TYPES)


def test_text_is_set_in_atkinson_hyperlegible(open_page, site: LocalSite, pages: dict[str, str]) -> None:
    page = open_page()
    visit(page, site, pages["principe"])
    for selector in ("article p", "article h1", "article h2", ".md-nav__link", "input.md-search__input", ".md-footer"):
        family = page.locator(selector).first.evaluate("el => getComputedStyle(el).fontFamily")
        assert family.strip("\"'").startswith("Atkinson Hyperlegible"), f"{selector}: {family}"
    assert page.evaluate("document.fonts.check('1rem \"Atkinson Hyperlegible\"')")
    loaded = page.evaluate("Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Atkinson Hyperlegible" in family for family in loaded), loaded


# ---------------------------------------------------------------------------------------------------------------
# Phone screens (and screenshots on request)


def test_pages_fit_a_phone_screen(open_page, site: LocalSite, pages: dict[str, str]) -> None:
    shots = os.environ.get("WIJKKIT_SCREENSHOTS")
    variants = (
        [(s, n, v) for s in SCHEMES for n, v in (("desktop", DESKTOP), ("phone", PHONE))]
        if shots
        else [("light", "phone", PHONE)]
    )
    too_wide = []
    for scheme, device, viewport in variants:
        page = open_page(scheme, viewport)
        for kind in TYPES:
            visit(page, site, pages[kind], scheme)
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if device == "phone" and width[0] > width[1]:
                too_wide.append(f"{kind}: {width[0]} px wide on a {width[1]} px screen")
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(Path(shots) / f"{kind}-{scheme}-{device}.png"), full_page=True)
    assert not too_wide, "pages wider than the screen (the page scrolls sideways):\n" + "\n".join(too_wide)


# ---------------------------------------------------------------------------------------------------------------
# Nothing leaves a blank line where the reader expects text


def test_no_heading_gets_a_blank_line_from_its_permalink_sign(
    open_page, site: LocalSite, pages: dict[str, str]
) -> None:
    """The hidden permalink sign after a heading wrapped onto a line of its own beside a long title."""
    taller = []
    for viewport in (DESKTOP, PHONE):
        page = open_page("light", viewport)
        for kind in TYPES:
            visit(page, site, pages[kind])
            found = page.evaluate("""() => Array.from(document.querySelectorAll('article .headerlink'), link => {
                const heading = link.parentElement;
                const before = heading.getBoundingClientRect().height;
                link.style.setProperty('display', 'none', 'important');
                const after = heading.getBoundingClientRect().height;
                link.style.removeProperty('display');
                return [heading.textContent.replace('¶', '').trim(), before - after];
            }).filter(([, extra]) => extra > 1)""")
            taller += [f"{kind} ({viewport['width']} px): '{text}' is {extra:.0f} px taller" for text, extra in found]
    assert not taller, "headings with an empty line for the permalink sign:\n" + "\n".join(taller)


def test_the_examples_table_headers_are_one_line_of_buttons(open_page, site: LocalSite) -> None:
    """Material's own sort icon (for role=columnheader) added an empty second line to every header cell."""
    page = open_page("light", DESKTOP)
    visit(page, site, "praktijkvoorbeelden/")
    page.locator(".wk-table th .wk-sort").first.wait_for()
    cells = page.locator(".wk-table th").evaluate_all("""cells => cells.map(th => {
        const style = getComputedStyle(th);
        const inner = th.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return [th.innerText.trim(), inner, th.querySelector('.wk-sort').getBoundingClientRect().height];
    })""")
    assert cells and all(inner <= button + 1 for _, inner, button in cells), cells
