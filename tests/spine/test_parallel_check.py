"""From 400 files on, files are loaded and their text checked in parallel processes (generator/load.py
`load_and_check`). The problems a contributor sees must not depend on that: the same tree read with one process
and with two gives the same problems, the same warnings and the same catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.load import PARALLEL_FROM
from generator.project import read_project

BASE = Path(__file__).parent / "base"


def _tree(tmp_path: Path, *, broken: bool) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(BASE, tree)
    for i in range(PARALLEL_FROM + 20):
        text = (
            f"id: voorbeeld-{i:04d}\nmunicipality: GM0344\ntitle: Voorbeeld {i}\nstatus: pilot\n"
            f"summary: Een voorbeeld om parallel te lezen.\nevidence: beschreven\n"
            f"sources:\n  - source: bron-een\nlast_reviewed: 2026-01-01\n"
        )
        if broken and i == 7:
            text += "approach: Een [link](javascript:alert(1)) in de aanpak.\n"  # Markdown, refused
        if broken and i == 300:
            text += "approach: Het team overlegt met wethouder Jansen.\n"  # a name after a role: a warning
        (tree / "content/examples" / f"voorbeeld-{i:04d}.yaml").write_text(text, encoding="utf-8")
    return tree


def test_one_process_and_two_see_the_same(tmp_path: Path) -> None:
    tree = _tree(tmp_path, broken=True)
    one, two = read_project(tree, jobs=1), read_project(tree, jobs=2)
    assert one.problems == two.problems and one.warnings == two.warnings
    errors = [p.file for p in two.problems if p.is_error]
    warnings = [p.file for p in two.problems if not p.is_error]
    assert errors == ["content/examples/voorbeeld-0007.yaml"] and warnings == ["content/examples/voorbeeld-0300.yaml"]


def test_a_clean_tree_gives_the_same_catalog_either_way(tmp_path: Path) -> None:
    tree = _tree(tmp_path, broken=False)
    one, two = read_project(tree, jobs=1), read_project(tree, jobs=2)
    assert not one.problems and not two.problems
    assert [e.id for e in one.catalog.examples] == [e.id for e in two.catalog.examples]
    assert len(two.catalog.examples) == PARALLEL_FROM + 21
