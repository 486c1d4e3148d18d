"""The built site (MkDocs), read as a visitor without JavaScript would: pages, links, tables, data files."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from pagetree import page, parse
from sitebuild import SECTION_URLS, BuiltSite

from generator import facts, model, urls
from generator.export import CSV_FILE, JSON_FILE
from generator.pages import views


def record_urls(site: BuiltSite) -> list[str]:
    found = [urls.page_url(kind, r.id) for kind, records in site.catalog.records() if kind != "source" for r in records]
    return found + [
        urls.page_url("municipality", m.code) for m in site.catalog.municipalities if site.catalog.examples_in[m.code]
    ]


def test_every_record_has_a_page(built_site: BuiltSite) -> None:
    missing = [url for url in record_urls(built_site) if not (built_site.site / url / "index.html").is_file()]
    assert not missing


def test_section_pages_exist(built_site: BuiltSite) -> None:
    for url in SECTION_URLS:
        assert (built_site.site / url / "index.html").is_file(), url


def test_pages_are_dutch_and_described(built_site: BuiltSite) -> None:
    html = built_site.html("principes/vertrouwen-herstellen/")
    assert '<html lang="nl"' in html
    principle = built_site.catalog.principle_by_id["vertrouwen-herstellen"]
    assert f'<meta name="description" content="{principle.summary}">' in html


def test_principle_page_links_back_to_what_uses_it(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    principle = next(p for p in catalog.principles if catalog.uses[p.id].cases and catalog.uses[p.id].kits)
    links = page(built_site.site, urls.page_url("principle", principle.id)).links()
    for case in catalog.uses[principle.id].cases:
        assert f"../../casussen/{case.id}/" in links
    for kit in catalog.uses[principle.id].kits:
        assert f"../../workshopkits/{kit.id}/" in links
    for other in catalog.related_to[principle.id]:
        assert f"../{other.id}/" in links
    for ref in principle.sources:
        assert f"../../bronnen/#{ref.source}" in links


def test_case_to_principle_to_municipality_path(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    example = next(e for e in catalog.examples if e.principles)
    principle = catalog.principle_by_id[example.principles[0].id]
    assert (
        f"../../praktijkvoorbeelden/{example.id}/"
        in page(built_site.site, urls.page_url("principle", principle.id)).links()
    )
    example_links = page(built_site.site, urls.page_url("example", example.id)).links()
    assert f"../../gemeenten/{example.municipality.lower()}/" in example_links


def test_edit_link_opens_the_records_yaml_file(built_site: BuiltSite) -> None:
    doc = page(built_site.site, "casussen/het-trapveldje/")
    edit = doc.find("a", rel="edit")
    assert edit is not None and edit.text == "Bewerk deze pagina"
    assert edit.attrs["href"] == "https://github.com/wijkkit/wijkkit/edit/main/content/cases/het-trapveldje.yaml"


def test_generated_overviews_have_no_edit_link(built_site: BuiltSite) -> None:
    assert page(built_site.site, "principes/").find("a", rel="edit") is None


def test_examples_table_is_complete_without_javascript(built_site: BuiltSite) -> None:
    doc = page(built_site.site, "praktijkvoorbeelden/")
    table = doc.find("div", id="wk-voorbeelden").find("table")
    headers = [th.text for th in table.find_all("th")]
    # the model's field titles, not words typed again in a template
    fields = model.Example.model_fields
    assert headers == [
        fields["title"].title,
        fields["municipality"].title,
        fields["status"].title,
        fields["period"].title,
        fields["teams"].title,
        fields["lead"].title,
        fields["evidence"].title,
    ]
    rows = table.find_all("tr")[1:]
    assert len(rows) == len(built_site.catalog.examples)
    for row, example in zip(rows, built_site.catalog.examples):
        cells = row.find_all("td")
        municipality = built_site.catalog.municipality_by_code[example.municipality]
        assert cells[0].find("a").attrs["href"] == f"{example.id}/"
        assert cells[1].find("a").text == municipality.name and cells[1].text.endswith(municipality.province)
    form = doc.find("form", class_="wk-filter")
    # without JavaScript the filter controls stay out of the layout (the page head marks a scripted page wk-js)
    assert "wk-needs-js" in form.attrs["class"].split()
    css = (built_site.site / "assets/stylesheets/wijkkit.css").read_text(encoding="utf-8")
    assert "html:not(.wk-js) .wk-needs-js{display:none" in css.replace(" !important", "")


def test_examples_filter_offers_what_occurs_with_counts(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    form = page(built_site.site, "praktijkvoorbeelden/").find("form", class_="wk-filter")
    provinces = [(o.attrs["value"], o.text) for o in form.find("select", id="wk-filter-province").find_all("option")][
        1:
    ]
    counts = {}
    for example in catalog.examples:
        for province in dict.fromkeys(catalog.municipality_by_code[code].province for code in example.codes):
            counts[province] = counts.get(province, 0) + 1
    assert provinces == [(p, f"{p} ({counts[p]})") for p in sorted(counts, key=str.casefold)]
    for key in ("status", "period", "teams", "lead", "evidence"):
        assert form.find("select", id=f"wk-filter-{key}") is not None, key
    assert (built_site.site / "assets/javascripts/tabel.js").is_file()


def test_example_page_shows_completeness_and_invites_to_fill_gaps(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    example = next(e for e in catalog.examples if facts.completeness(e).missing)
    c = facts.completeness(example)
    html = built_site.html(urls.page_url("example", example.id))
    assert f"Dit voorbeeld is voor {c.percent}% compleet" in html
    assert f"{len(c.filled)} van de {c.total} onderdelen" in html
    doc = parse(html)
    invitation = [a for a in doc.find_all("a") if a.text == "Vul dit voorbeeld aan"]
    assert invitation and invitation[0].attrs["href"].endswith(catalog.file_of("example", example.id))


def test_municipalities_grouped_by_province_with_their_examples(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    doc = page(built_site.site, "gemeenten/")
    headings = [h.text for h in doc.find_all("h2")]
    assert headings == sorted(
        {m.province for m in catalog.municipalities if catalog.examples_in[m.code]}, key=str.casefold
    )
    example = catalog.examples[0]
    municipality_page = page(built_site.site, urls.page_url("municipality", example.municipality))
    assert f"../../praktijkvoorbeelden/{example.id}/" in municipality_page.links()
    empty = next(m for m in catalog.municipalities if not catalog.examples_in[m.code])
    assert not (built_site.site / urls.page_url("municipality", empty.code)).exists(), "no page without examples"
    article = doc.find("article")
    listed = {link.rstrip("/") for link in article.links() if re.fullmatch(r"gm\d{4}/", link)}
    assert listed == {m.code.lower() for m in catalog.municipalities if catalog.examples_in[m.code]}
    assert "Staat jouw gemeente er niet bij?" in doc.text


def test_kit_page_shows_agenda_with_computed_clock_times(built_site: BuiltSite) -> None:
    doc = page(built_site.site, "workshopkits/proefsessie/")
    agenda = doc.find("table")
    rows = [[td.text for td in tr.find_all("td")] for tr in agenda.find_all("tr")[1:]]
    assert [r[0] for r in rows] == ["09:30–09:40", "09:40–10:20", "10:20–10:40"]
    assert rows[1][1] == "Casus bespreken" and rows[1][2] == "40"  # the werkvorm is named in the block below
    assert "werkvorm Casus in drietallen" in doc.text
    assert "09:30 tot 10:40" in doc.text


def test_bibliography_has_an_anchor_and_backlinks_per_source(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    doc = page(built_site.site, "bronnen/")
    ids = {e.attrs.get("id") for e in doc.iter()}
    for source in catalog.sources:
        assert source.id in ids
    source = next(s for s in catalog.sources if any(c.kind == "principle" for c in catalog.cited_by[s.id]))
    principle = next(c.record for c in catalog.cited_by[source.id] if c.kind == "principle")
    assert f"../principes/{principle.id}/" in doc.links()


def test_tags_index_lists_tagged_pages(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    doc = page(built_site.site, "trefwoorden/")
    tag = next(t for t in catalog.tags if catalog.tagged[t.id])
    assert tag.label in doc.text
    first = catalog.tagged[tag.id][0]
    assert any(link.endswith(urls.page_url(first.kind, first.record.id)) for link in doc.links())


def test_home_has_counts_and_newest_examples(built_site: BuiltSite) -> None:
    doc = page(built_site.site, "")
    assert f"{len(built_site.catalog.principles)} principes" in doc.text
    newest = views.newest_examples(built_site.catalog)
    assert f"praktijkvoorbeelden/{newest[0].id}/" in doc.links()


def test_nav_lists_sections_not_records(built_site: BuiltSite) -> None:
    """Each page carries the nav: with every record in it, page size would grow with the corpus."""
    nav = yaml.safe_load((built_site.root / "build" / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]  # as built
    doc = page(built_site.site, "principes/vertrouwen-herstellen/")
    primary = doc.find("nav", class_="md-nav--primary")
    assert len(primary.find_all("li", class_="md-nav__item")) == len(nav)
    others = [p for p in built_site.catalog.principles if p.id != "vertrouwen-herstellen"]
    assert not any(f"../{p.id}/" in primary.links() for p in others)


def test_search_index_is_configured_for_dutch(built_site: BuiltSite) -> None:
    """The index asks for lunr's Dutch language; that stemming then works is shown in a browser
    (test_browser.py::test_dutch_stemming_finds_a_longer_inflected_form)."""
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]


def test_no_third_party_requests_in_the_markup(built_site: BuiltSite) -> None:
    offenders = []
    for path in built_site.site.rglob("*.html"):
        if "kits" in path.relative_to(built_site.site).parts:
            continue
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", path.read_text("utf-8")):
            if 'rel="canonical"' in tag:
                continue
            if re.search(r'(?:src|href)="(?:https?:)?//', tag):
                offenders.append((path.name, tag))
    assert not offenders
    css = (built_site.site / "assets/stylesheets/wijkkit.css").read_text(encoding="utf-8")
    for font in re.findall(r'url\("([^"]+)"\)', css):
        assert (built_site.site / "assets/stylesheets" / font).resolve().is_file(), font


def test_no_generator_link_in_the_footer(built_site: BuiltSite) -> None:
    assert "Made with" not in built_site.html("")


def test_open_data_files_hold_every_record_and_are_linked(built_site: BuiltSite) -> None:
    catalog = built_site.catalog
    data = json.loads((built_site.site / JSON_FILE).read_text(encoding="utf-8"))
    assert [p["id"] for p in data["principles"]] == [p.id for p in catalog.principles]
    assert len(data["examples"]) == len(catalog.examples) and len(data["municipalities"]) == len(catalog.municipalities)
    first = data["principles"][0]
    assert first["url"].endswith(urls.page_url("principle", first["id"]))
    assert first["used_by"]["cases"] == [c.id for c in catalog.uses[first["id"]].cases]
    rows = list(csv.DictReader(io.StringIO((built_site.site / CSV_FILE).read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [e.id for e in catalog.examples]
    for kind in ("principle", "case", "example", "source", "werkvorm", "kit"):
        assert json.loads((built_site.site / "schema" / f"{kind}.json").read_text(encoding="utf-8"))["$schema"]
    links = page(built_site.site, "over/").links()
    assert "../data/wijkkit.json" in links and "../data/praktijkvoorbeelden.csv" in links
    assert "../schema/example.json" in links


def test_fonts_are_self_hosted(built_site: BuiltSite) -> None:
    fonts = sorted(p.name for p in (built_site.site / "assets/fonts").iterdir())
    assert "AtkinsonHyperlegible-Regular.woff2" in fonts and "OFL.txt" in fonts
    assert not any(name.endswith(".ttf") for name in fonts), "the full TTFs are four times the size of the subsets"
    assert "fonts.googleapis.com" not in built_site.html("")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_both_colour_schemes_are_offered(built_site: BuiltSite, scheme: str) -> None:
    assert f'data-md-color-scheme="{scheme}"' in built_site.html("")


def test_site_server_serves_the_built_pages(site_server: str) -> None:
    import urllib.request

    with urllib.request.urlopen(site_server + "principes/vertrouwen-herstellen/", timeout=5) as response:
        assert response.status == 200
        assert "Herstel eerst het vertrouwen" in response.read().decode("utf-8")


def test_examples_table_is_left_out_of_search(built_site: BuiltSite) -> None:
    """Each example has its own page in the index; the table would only repeat them (and, at 5,000 examples,
    exceed Zensical's per-page search limit)."""
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    overview = [d for d in index["docs"] if d["location"] == "praktijkvoorbeelden/"]
    assert overview and "Aantal teams" not in overview[0]["text"]
    example = built_site.catalog.examples[0]
    assert any(d["location"] == urls.page_url("example", example.id) for d in index["docs"])
