"""Compare, cite, find: the page writer and build steps behind them, without a browser.

The browser tests (test_browser.py) walk the same features as a visitor; these check the parts a visitor cannot
see fail: the citation's date and permalink, the dates from git, the search word tables, the font subsets, the
navigation entry for residents, and that the selection CSV the browser makes is byte for byte the open data's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pagetree import page
from sitebuild import BuiltSite, copy_project

from generator import export, urls
from generator.pages import labels, render_pages
from generator.project import read_project
from generator.site import assets, searchwords
from generator.site.config import engine_config
from generator.site.dates import content_dates

SITE_URL = "https://wijkkit.github.io/wijkkit/"
TABEL_JS = Path(__file__).resolve().parents[2] / "theme/assets/javascripts/tabel.js"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory, root: Path):
    result = read_project(copy_project(root, tmp_path_factory.mktemp("ccf") / "project"))
    assert not result.problems, result.problems
    return result.catalog


def edit(path: str) -> str:
    return "https://example.org/edit/" + path


def expected_citation(title: str, kind: str, date: dt.date, url: str) -> str:
    month = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"Wijkkit. ({date.year}, {date.day} {month[date.month - 1]}). {title} [{kind}]. {url}"


# ---------------------------------------------------------------------------------------------------------------
# Cite


def test_an_example_is_cited_by_its_last_check_with_its_permalink(built_site: BuiltSite) -> None:
    example = built_site.catalog.examples[0]
    doc = page(built_site.site, urls.page_url("example", example.id))
    cite = doc.find("p", class_="wk-cite__text")
    assert cite is not None and "Citeer deze pagina" in doc.text
    assert cite.text == expected_citation(
        example.title, "Praktijkvoorbeeld", example.last_reviewed, SITE_URL + urls.page_url("example", example.id)
    )


def test_other_records_are_cited_by_the_last_commit_of_their_file(catalog) -> None:
    principle = catalog.principles[0]
    file = catalog.file_of("principle", principle.id)
    dated = render_pages(catalog, edit, site_url=SITE_URL, dates={file: dt.date(2025, 3, 7)}, today=dt.date(2026, 1, 1))
    text = dated[urls.page_file("principle", principle.id)]
    assert "Wijkkit. (2025, 7 maart)." in text and SITE_URL + urls.page_url("principle", principle.id) in text
    undated = render_pages(catalog, edit, site_url=SITE_URL, dates={}, today=dt.date(2026, 1, 1))
    assert "Wijkkit. (2026, 1 januari)." in undated[urls.page_file("principle", principle.id)]


def git(repo: Path, *args: str, when: str = "") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_content_dates_come_from_the_last_commit_per_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "content/principles").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "content/principles/a.yaml").write_text("a\n")
    (repo / "content/principles/b.yaml").write_text("b\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one", when="2024-02-03T12:00:00+00:00")
    (repo / "content/principles/b.yaml").write_text("b2\n")
    git(repo, "commit", "-qam", "two", when="2025-06-30T23:30:00+00:00")
    assert content_dates(repo) == {
        "content/principles/a.yaml": dt.date(2024, 2, 3),
        "content/principles/b.yaml": dt.date(2025, 6, 30),
    }


def test_without_git_history_there_are_no_dates_and_no_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    assert content_dates(tmp_path) == {}


def test_sources_link_to_the_publication_and_say_what_they_are(catalog) -> None:
    principle = catalog.principles[0]
    ref = principle.sources[0].source
    online = catalog.source_by_id[ref].model_copy(
        update={"url": "https://example.org/nota.pdf", "accessed": dt.date(2026, 5, 4), "inferred": ["date"]}
    )
    changed = dataclasses.replace(catalog, sources=tuple(online if s.id == ref else s for s in catalog.sources))
    pages = render_pages(changed, edit, site_url=SITE_URL)
    text = pages[urls.page_file("principle", principle.id)]
    assert f"[{online.title}](https://example.org/nota.pdf)" in text
    assert f"({labels.SOURCE_KIND[online.kind].lower()})" in text
    bibliography = pages["bronnen/index.md"]
    entry = bibliography.split(f"{{ #{ref} }}")[1].split("\n## ")[0]
    assert labels.SOURCE_KIND[online.kind] in entry and "(afgeleid)" in entry
    assert "geraadpleegd op 4 mei 2026" in entry


# ---------------------------------------------------------------------------------------------------------------
# For residents: the page in the navigation and on the home page once it exists


def test_the_residents_page_joins_the_navigation_when_it_exists(catalog, tmp_path: Path, root: Path) -> None:
    import yaml

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    docs.mkdir()
    names = lambda cfg: [next(iter(entry.values())) for entry in cfg["nav"]]
    without = engine_config(config, catalog, root=root, workdir=tmp_path, docs_dir=docs, site_dir=tmp_path / "s")
    assert "voor-bewoners.md" not in names(without)
    (docs / "voor-bewoners.md").write_text("# Voor bewoners\n", encoding="utf-8")
    with_page = engine_config(config, catalog, root=root, workdir=tmp_path, docs_dir=docs, site_dir=tmp_path / "s")
    assert names(with_page)[:2] == ["index.md", "voor-bewoners.md"]


# ---------------------------------------------------------------------------------------------------------------
# Find: compounds and synonyms for the search worker


def test_compounds_split_into_words_the_site_has() -> None:
    words = {
        "bewoners",
        "initiatieven",
        "bewonersinitiatieven",
        "wijk",
        "gericht",
        "wijkgericht",
        "binnen",
        "komen",
        "binnenkomen",
        "dorp",
        "belang",
        "dorpsbelang",
        "overheid",
    }
    found = searchwords.compounds(words)
    assert found["bewonersinitiatieven"] == ["bewoners", "initiatieven"]
    assert found["wijkgericht"] == ["wijk", "gericht"]
    assert found["dorpsbelang"] == ["dorp", "belang"]  # the linking s
    assert "binnenkomen" not in found and "overheid" not in found  # 'binn' and 'heid' are no words


def test_the_search_script_carries_the_synonym_list(catalog) -> None:
    script = searchwords.script(catalog, ["De bewonersinitiatieven van bewoners en hun initiatieven."]).decode()
    data = json.loads(re.fullmatch(r"self\.wijkkitSearchWords=(.*);\n", script, re.DOTALL).group(1))
    group = next(g for g in catalog.synonyms if "buurtinitiatief" in g.words)
    assert set(data["synonyms"]["buurtinitiatief"]) == set(group.words) - {"buurtinitiatief"}
    assert data["compounds"]["bewonersinitiatieven"] == ["bewoners", "initiatieven"]


# ---------------------------------------------------------------------------------------------------------------
# Fast: font subsets


def test_fonts_are_small_woff2_subsets_with_every_dutch_character() -> None:
    from fontTools.ttLib import TTFont

    files = assets.font_files()
    for name in ("Regular", "Italic", "Bold", "BoldItalic"):
        data = files[f"{assets.FONT_FOLDER}/AtkinsonHyperlegible-{name}.woff2"]
        assert data[:4] == b"wOF2" and len(data) < 25_000, (name, len(data))
        cmap = TTFont(io.BytesIO(data)).getBestCmap()
        assert all(ord(c) in cmap for c in "aéëïöüèçâ€–—‘’“”…"), name
    assert assets.font_files.__wrapped__() == files, "the same font gives the same bytes"
    css = (TABEL_JS.parents[1] / "stylesheets/wijkkit.css").read_text(encoding="utf-8")
    ranges = set(re.findall(r"unicode-range: ([^;]+);", css))
    assert ranges == {assets.UNICODES}, "the stylesheet's unicode-range must name the subset's characters"


# ---------------------------------------------------------------------------------------------------------------
# Compare: the selection CSV is made in the browser from the open-data CSV; prove it is the same bytes


NASTY = [
    '=HYPERLINK("https://example.org")',
    "+31 6 onzin",
    "-1",
    "@SUM(A1)",
    "\tingesprongen",
    'Aanhalingsteken " en komma, samen',
    "Twee\nregels",
    "Gewoon",
]


def nasty_catalog(catalog):
    base = catalog.examples[0]
    examples = tuple(
        base.model_copy(update={"id": f"raar-{index}", "title": title}) for index, title in enumerate(NASTY)
    )
    return dataclasses.replace(catalog, examples=examples + catalog.examples)


def run_selection(csv_text: str, ids: list[str]) -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = (
        "global.window = {}; global.document = { querySelectorAll: () => [] };"
        f"require({json.dumps(str(TABEL_JS))});"
        "let input = ''; process.stdin.on('data', d => input += d); process.stdin.on('end', () => {"
        " const {csv, ids} = JSON.parse(input); process.stdout.write(window.wijkkitCsv.selection(csv, ids)); });"
    )
    done = subprocess.run(
        [node, "-e", script],
        input=json.dumps({"csv": csv_text, "ids": ids}).encode(),
        capture_output=True,
        check=True,
        timeout=60,
    )  # bytes: keep every \r of the CSV
    return done.stdout.decode("utf-8")


def test_the_browser_selection_csv_is_the_open_data_csv_row_for_row(catalog) -> None:
    nasty = nasty_catalog(catalog)
    full = export.examples_csv(nasty, SITE_URL)
    assert "'=HYPERLINK" in full and "'+31" in full and "'-1" in full and "'@SUM" in full  # neutralised by export
    every = [e.id for e in nasty.examples]
    assert run_selection(full, every) == full
    chosen = ["raar-0", "raar-5", "raar-6", catalog.examples[0].id]
    expected = export.examples_csv(
        dataclasses.replace(nasty, examples=tuple(e for e in nasty.examples if e.id in chosen)), SITE_URL
    )
    assert run_selection(full, chosen) == expected
    assert run_selection(full, []) == full.split("\r\n", 1)[0] + "\r\n"  # the header alone


# ---------------------------------------------------------------------------------------------------------------
# Fast: the theme's own CSS and JavaScript are minified in the built site (the sources stay readable)


def test_the_theme_stylesheet_and_scripts_are_minified_in_the_site(built_site: BuiltSite, root: Path) -> None:
    for rel in ("assets/stylesheets/wijkkit.css", "assets/javascripts/tabel.js", "assets/javascripts/wijkkit.js"):
        source = (root / "theme" / rel).read_text(encoding="utf-8")
        built = (built_site.site / rel).read_text(encoding="utf-8")
        assert len(built) < 0.8 * len(source), rel
        assert "/*" not in built, f"{rel}: comments left in the site's copy"
    css = (built_site.site / "assets/stylesheets/wijkkit.css").read_text(encoding="utf-8")
    assert "unicode-range:" in css and ".wk-table" in css
