"""The same build/docs/ and mkdocs.yml build with Zensical: every record page exists there too."""

from __future__ import annotations

from pagetree import page
from sitebuild import SECTION_URLS, BuiltSite

from generator import urls


def all_urls(site: BuiltSite) -> list[str]:
    found = list(SECTION_URLS)
    found += [
        urls.page_url(kind, r.id) for kind, records in site.catalog.records() if kind != "source" for r in records
    ]
    return found + [
        urls.page_url("municipality", m.code) for m in site.catalog.municipalities if site.catalog.examples_in[m.code]
    ]


def test_every_page_exists_in_both_engines(built_site: BuiltSite, zensical_site: BuiltSite) -> None:
    for site in (built_site, zensical_site):
        missing = [url for url in all_urls(site) if not (site.site / url / "index.html").is_file()]
        assert not missing, f"{site.engine}: {missing}"


def test_zensical_keeps_edit_links_language_and_font(zensical_site: BuiltSite) -> None:
    html = zensical_site.html("principes/vertrouwen-herstellen/")
    assert '<html lang="nl"' in html
    edit = page(zensical_site.site, "principes/vertrouwen-herstellen/").find("a", rel="edit")
    assert edit is not None and edit.attrs["href"].endswith("content/principles/vertrouwen-herstellen.yaml")
    assert "fonts.googleapis.com" not in html
    assert (zensical_site.site / "assets/fonts/AtkinsonHyperlegible-Regular.woff2").is_file()
    assert "Made with" not in html


def test_zensical_examples_table_is_complete(zensical_site: BuiltSite) -> None:
    table = page(zensical_site.site, "praktijkvoorbeelden/").find("div", id="wk-voorbeelden").find("table")
    assert len(table.find_all("tr")) - 1 == len(zensical_site.catalog.examples)


def test_zensical_open_data(zensical_site: BuiltSite) -> None:
    assert (zensical_site.site / "data/wijkkit.json").is_file()
    assert (zensical_site.site / "data/praktijkvoorbeelden.csv").is_file()
