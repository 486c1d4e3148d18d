"""The kit document table (generator/kitfiles.py): it covers every document, and everything else derives from it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.cli import parser
from generator.kitfiles import (
    ALIGNMENT,
    COMBINED,
    DEFAULT_LAYOUT,
    DOCUMENTS,
    LAYOUTS,
    combined_parts,
    downloads,
    kit_outputs,
)
from generator.kits.build import CONTEXTS
from generator.model import Document

TEMPLATES = Path(__file__).resolve().parents[2] / "generator" / "kits" / "templates"


def test_the_table_has_an_entry_for_every_document() -> None:
    assert set(DOCUMENTS) == set(Document)
    for document, spec in DOCUMENTS.items():
        assert spec.document is document
        assert (TEMPLATES / spec.template).is_file(), spec.template
        assert spec.renderer in CONTEXTS, (document, spec.renderer)
        assert set(spec.layouts) <= set(LAYOUTS), document
        assert spec.copies in ("begeleider", "deelnemer", "set", "scherm"), document


def test_the_kit_command_offers_exactly_the_tables_layouts() -> None:
    kit = next(a for a in parser()._subparsers._group_actions[0].choices["kit"]._actions if a.dest == "layout")
    assert list(kit.choices) == list(LAYOUTS) and kit.default == DEFAULT_LAYOUT


def _code_strings(path: Path) -> set[str]:
    """String literals in Python, and quoted strings inside Jinja2 tags and expressions (not the HTML prose)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return {
            node.value
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
    tags = re.findall(r"{[{%](.*?)[%}]}", text, re.DOTALL)
    return {quoted for tag in tags for quoted in re.findall(r"\"([^\"]*)\"|'([^']*)'", tag) for quoted in quoted}


def test_a_layout_label_is_spelled_once_in_the_code() -> None:
    """'om te vouwen' and friends are written in kitfiles.LAYOUTS only; templates and builders read them there."""
    root = Path(__file__).resolve().parents[2] / "generator"
    for layout in LAYOUTS.values():
        users = sorted(
            path.relative_to(root).as_posix()
            for path in root.rglob("*")
            if path.suffix in (".py", ".j2") and any(layout.label in s for s in _code_strings(path))
        )
        assert users == ["kitfiles.py"], (layout.label, users)


def test_no_module_outside_kitfiles_names_a_document_file() -> None:
    """File stems are made by the table: a literal 'principekaarten-vouwen' elsewhere would be a second copy."""
    root = Path(__file__).resolve().parents[2] / "generator"
    stems = {spec.stem(layout) for spec in DOCUMENTS.values() for layout in spec.layouts}
    for path in root.rglob("*.py"):
        if path.name == "kitfiles.py":
            continue
        strings = _code_strings(path)
        assert not strings & stems, (path.name, strings & stems)


@pytest.fixture
def kit(catalog):
    return catalog.kit_by_id["ontbijtsessie"]


def test_every_document_of_a_kit_has_one_unique_file_per_layout(kit) -> None:
    files = kit_outputs(kit)
    stems = [f.stem for f in files]
    assert len(stems) == len(set(stems))
    for document in kit.documents:
        spec = DOCUMENTS[Document(document)]
        made = [f for f in files if f.document == document]
        assert len(made) == max(1, len(spec.layouts)), document
    assert files[-1].document == COMBINED and files[-1].formats == ("pdf",)
    assert ALIGNMENT in stems  # an office duplex deck comes with its alignment test


def test_the_all_in_one_pdf_holds_what_is_printed_in_the_office_layout(kit) -> None:
    parts = combined_parts(kit)
    assert {p.layout for p in parts if p.layout} == {DEFAULT_LAYOUT}
    assert [p.document for p in parts if p.document != ALIGNMENT] == [d for d in kit.documents if d != "presentatie"]


def test_printing_advice_follows_the_materials_and_the_group_size(kit) -> None:
    built = frozenset(f"kits/{kit.id}/{f.stem}.{fmt}" for f in kit_outputs(kit) for fmt in f.formats)
    counts = {"principles": 14, "cases": 6, "werkvormen": 7}
    rows = {d.file.stem: d for d in downloads(kit, built, counts)}
    # materials say: programma per deelnemer + 2, sets of principle cards per group of three, two sets of cases
    assert rows["programma"].copies == 24 + 2 and rows["programma"].sheets == 1
    assert rows["principekaarten-vouwen"].copies == 8 and rows["principekaarten-vouwen"].sheets == 7
    assert rows["principekaarten-dubbelzijdig"].sheets == 4
    assert rows["casuskaarten-vouwen"].copies == 2 and rows["casuskaarten-vouwen"].sheets == 3
    assert rows["werkblad"].sheets == 1 and rows["werkblad"].sides == "dubbelzijdig"
    assert rows["presentatie"].copies == 0  # on the screen
    assert rows["principekaarten-drukkerij"].copies == 0  # for the print shop, not the office printer
    assert rows["principekaarten-vouwen"].paper == "A4, 160–200 g/m²" and rows["programma"].paper == "A4, 80 g/m²"
    assert rows["draaiboek"].copies == 2  # 'draaiboek met werkvormkaarten, per sessie, count 2'


def _imports(path: Path) -> set[str]:
    """Absolute names of the generator modules `path` imports (relative imports resolved)."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]  # ('generator', 'pages') for pages/views.py
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            found.add(".".join([*base, *(node.module or "").split(".")]).strip("."))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("generator/pages", "generator.kits"),
        ("generator/kits", "generator.pages"),
        ("generator/kitfiles.py", "generator.kits"),
        ("generator/kitfiles.py", "generator.pages"),
        ("generator/schedule.py", "generator.kits"),
        ("generator/schedule.py", "generator.pages"),
    ],
)
def test_site_and_print_are_siblings(folder: str, forbidden: str) -> None:
    """The kit table and the agenda sit below both renderers; neither renderer imports the other."""
    target = ROOT / folder
    for path in [target] if target.is_file() else sorted(target.rglob("*.py")):
        bad = {name for name in _imports(path) if name == forbidden or name.startswith(forbidden + ".")}
        assert not bad, (path.relative_to(ROOT).as_posix(), bad)


def test_the_import_check_sees_a_relative_import() -> None:
    assert "generator.kitfiles" in _imports(ROOT / "generator" / "pages" / "views.py")
    assert "generator.kits.plan" in _imports(ROOT / "generator" / "kits" / "build.py")
