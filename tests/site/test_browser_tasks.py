"""Two people with a task, in a real browser (Chromium through Playwright), on the built test site.

- The policy officer filters the examples to a province and a lead type through the page address, compares two
  examples side by side, copies a citation and downloads the selection as CSV, which must hold exactly the rows
  she filtered.
- The resident, on a 390 px phone, searches "bewonersinitiatief" and reaches the Voor bewoners page.

Plus what they rely on without noticing: the search index arrives only when search is used, the print style, the
cards on a phone and the 404 page wherever the site is served. The test site has made-up examples with every fact
filled in (tests/site/fixtures/), so the filters have something to narrow.
"""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from pathlib import Path

import pytest
from served import LocalSite
from sitebuild import BuiltSite
from test_browser import RESIDENT, search, title, visit

from generator import urls
from generator.pages import labels

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def visible_ids(page) -> list[str]:
    return page.locator(".wk-table tbody tr:not([hidden])").evaluate_all("rows => rows.map(row => row.dataset.id)")


def test_the_policy_officer_filters_compares_cites_and_downloads(
    open_page, site: LocalSite, built_site: BuiltSite, tmp_path: Path
) -> None:
    catalog = built_site.catalog
    # the province and lead type with the most examples that still leave some out
    combos: dict[tuple[str, str], list[str]] = {}
    for e in catalog.examples:
        if e.lead:
            for province in {catalog.municipality_by_code[c].province for c in e.codes}:
                combos.setdefault((province, e.lead), []).append(e.id)
    (province, lead), expected = max(combos.items(), key=lambda item: (len(item[1]), item[0]))
    assert len(expected) >= 2 and len(expected) < len(catalog.examples), combos

    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    query = urllib.parse.urlencode({"province": province, "lead": lead})
    visit(page, site, f"praktijkvoorbeelden/?{query}")
    page.locator("form.wk-filter").wait_for(state="visible")
    assert sorted(visible_ids(page)) == sorted(expected)
    assert page.get_by_label("Provincie").input_value() == province
    assert page.get_by_label("Wie leidt").input_value() == lead
    assert (
        page.locator(".wk-filter__count").inner_text()
        == f"{len(expected)} van de {len(catalog.examples)} voorbeelden worden getoond."
    )

    # the counts narrow each other: each lead choice says how many examples it leaves in this province
    for option in page.locator("#wk-filter-lead option[value]").all():
        value = option.get_attribute("value")
        if not value:
            continue
        n = sum(
            1
            for e in catalog.examples
            if (e.lead or "onbekend") == value
            and province in {catalog.municipality_by_code[c].province for c in e.codes}
        )
        assert option.inner_text().endswith(f"({n})"), (value, option.inner_text())

    # the selection as CSV: exactly the filtered rows, in the open data's columns
    with page.expect_download() as download:
        page.get_by_role("button", name="Download deze selectie als CSV").click()
    saved = tmp_path / "selectie.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert sorted(row["id"] for row in rows) == sorted(expected)
    full = (built_site.site / "data/praktijkvoorbeelden.csv").read_text(encoding="utf-8")
    assert saved.read_text(encoding="utf-8").splitlines()[0] == full.splitlines()[0]

    # two examples side by side
    first, second = expected[:2]
    for example_id in (first, second):
        page.locator(f"tr[data-id='{example_id}'] input.wk-choose").check()
    assert f"vergelijk={first}%2C{second}" in page.url or f"vergelijk={first},{second}" in page.url
    page.get_by_role("link", name="Vergelijk 2 voorbeelden").click()
    page.wait_for_url(re.compile(r"/vergelijken/\?v="))
    table = page.locator("table.wk-comparison__table")
    table.wait_for()
    heads = table.locator("thead th").all_inner_texts()
    assert heads == [catalog.example_by_id[first].title, catalog.example_by_id[second].title]
    lead_row = table.locator("tbody tr", has=page.locator("th", has_text="Wie leidt"))
    assert lead_row.locator("td").all_inner_texts() == [labels.LEAD[lead]] * 2
    teams_row = table.locator("tbody tr", has=page.locator("th", has_text="Aantal teams"))
    assert teams_row.locator("td").all_inner_texts() == [
        str(catalog.example_by_id[i].teams or labels.UNKNOWN) for i in (first, second)
    ]

    # copy the citation of the first example
    page.get_by_role("link", name=catalog.example_by_id[first].title).click()
    page.wait_for_url(re.compile(re.escape(urls.page_url("example", first)) + "$"))
    page.get_by_role("button", name="Kopieer de verwijzing").click()
    page.get_by_text("De verwijzing is gekopieerd.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator(".wk-cite__text").inner_text().strip()
    assert copied.startswith("Wijkkit. (") and copied.endswith(urls.page_url("example", first))


def test_an_impossible_selection_says_what_to_take_away(open_page, site: LocalSite, built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    provinces = {catalog.municipality_by_code[e.codes[0]].province for e in catalog.examples}
    lone = next(
        p
        for p in sorted(provinces)
        if {e.evidence for e in catalog.examples if catalog.municipality_by_code[e.codes[0]].province == p}
        != {e.evidence for e in catalog.examples}
    )
    missing = next(
        v
        for v in labels.EVIDENCE
        if not any(
            e.evidence == v and catalog.municipality_by_code[e.codes[0]].province == lone for e in catalog.examples
        )
        and any(e.evidence == v for e in catalog.examples)
    )
    page = open_page()
    visit(page, site, "praktijkvoorbeelden/?" + urllib.parse.urlencode({"province": lone, "evidence": missing}))
    empty = page.locator(".wk-empty")
    empty.wait_for(state="visible")
    assert visible_ids(page) == []
    assert not page.locator(".wk-table table").is_visible(), "no bare table header"
    empty.get_by_role("button", name=re.compile("^Haal weg: Onderbouwing")).click()
    assert len(visible_ids(page)) > 0 and not empty.is_visible()
    assert "evidence=" not in page.url


def test_the_resident_searches_on_a_phone_and_reaches_voor_bewoners(open_page, site: LocalSite) -> None:
    page = open_page("light", RESIDENT)
    visit(page, site, "")
    page.locator("label.md-header__button[for='__search']").click()
    results = search(page, "bewonersinitiatief")
    paths = [urllib.parse.urlsplit(href).path for _, href in results]
    assert any(path.rstrip("/").endswith("/voor-bewoners") for path in paths[:5]), results
    page.locator("a.md-search-result__link[href*='voor-bewoners']").first.click()
    page.wait_for_url(re.compile(r"/voor-bewoners/"))
    assert title(page) == "Voor bewoners"
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    visit(page, site, "")
    assert page.locator("article a[href$='voor-bewoners/']").count() >= 1, "the home page leads residents there"


def test_the_search_index_is_fetched_only_when_search_is_used(open_page, site: LocalSite) -> None:
    page = open_page()
    visit(page, site, "principes/")
    page.wait_for_timeout(500)
    names = lambda: {urllib.parse.urlsplit(u).path.rsplit("/", 1)[-1] for u in page.requests.seen}
    assert "search_index.json" not in names()
    results = search(page, "vertrouwen")
    assert results and "search_index.json" in names()


def test_the_examples_table_prints_whole_without_the_form(open_page, site: LocalSite) -> None:
    page = open_page()
    visit(page, site, "praktijkvoorbeelden/")
    page.locator("form.wk-filter").wait_for(state="visible")
    page.emulate_media(media="print")
    assert not page.locator(".wk-filter fieldset").is_visible()
    assert not page.locator(".wk-table-actions").is_visible()
    assert page.locator(".wk-filter__count").is_visible()
    fits = page.locator(".wk-table table").evaluate(
        "t => [t.scrollWidth, t.getBoundingClientRect().width, t.closest('article').getBoundingClientRect().width]"
    )
    assert fits[0] <= fits[1] + 1 and fits[1] <= fits[2] + 1, f"the table is cut off in print: {fits}"


def test_the_werkvormen_table_becomes_cards_on_a_phone(open_page, site: LocalSite) -> None:
    page = open_page("light", RESIDENT)
    visit(page, site, "werkvormen/")
    page.locator(".wk-werkvormen").wait_for()
    box = page.locator(".wk-werkvormen").evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert box[0] <= box[1], f"the werkvormen table is cut off at 390 px: {box}"
    label = page.locator(".wk-werkvormen tbody td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert "Doel" in label


@pytest.mark.parametrize("prefix", ["/", "/wijkkit/"])
def test_the_404_page_keeps_its_styles_at_the_root_and_under_a_path(
    open_page, built_site: BuiltSite, prefix: str, browser
) -> None:
    local = LocalSite(built_site.site, prefix).start()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        response = page.goto(local.url("bestaat/niet/"), wait_until="load")
        assert response.status == 404
        header = page.locator("header.md-header").evaluate("h => getComputedStyle(h).backgroundColor")
        assert header == "rgb(29, 92, 99)", f"served under {prefix}: the header lost its colour ({header})"
        assert page.locator("h1").inner_text() == "Pagina niet gevonden"
        context.close()
    finally:
        local.stop()


def test_without_javascript_the_table_is_whole_and_no_dead_controls_show(
    browser, site: LocalSite, built_site: BuiltSite
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site.url("praktijkvoorbeelden/?province=Utrecht"), wait_until="load")
        assert page.locator(".wk-table tbody tr").count() == len(built_site.catalog.examples)
        assert all(row.is_visible() for row in page.locator(".wk-table tbody tr").all())
        for selector in ("form.wk-filter", ".wk-download-selection", ".wk-compare", "input.wk-choose"):
            assert not page.locator(selector).first.is_visible(), f"{selector} shows but cannot work without a script"
        assert page.get_by_role("link", name="Alle voorbeelden als CSV").is_visible()
    finally:
        context.close()


def test_the_examples_table_fits_beside_the_navigation_at_1280(open_page, site: LocalSite) -> None:
    page = open_page()
    visit(page, site, "praktijkvoorbeelden/")
    scroll = page.locator(".wk-table .wk-scroll").evaluate("s => [s.scrollWidth, s.clientWidth]")
    assert scroll[0] <= scroll[1], f"the examples table scrolls sideways at 1280 px: {scroll}"
