"""YAML syntax errors read the same in Dutch whichever parser PyYAML uses: libyaml and PyYAML's own parser word
their errors differently, and a contributor must get the same message, line and hint from both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator import load

CASES = Path(__file__).parent / "cases" / "negative"
FILES = sorted((CASES / "yaml-newcomer-mistakes" / "files").rglob("*.yaml")) + sorted(
    (CASES / "yaml-syntax" / "files").rglob("*.yaml")
)


def _problem(path: Path, loader: type, monkeypatch: pytest.MonkeyPatch) -> load.Problem:
    monkeypatch.setattr(load, "_Loader", loader)
    document, problems = load.parse(path.read_text(encoding="utf-8"), path.name)
    assert document is None and len(problems) == 1
    return problems[0]


@pytest.mark.skipif(
    not load.LIBYAML and os.environ.get("CI") != "true",
    reason="PyYAML was built without libyaml: only one parser to compare (in CI this fails instead)",
)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_both_parsers_give_the_same_dutch_message(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _problem(path, yaml.CSafeLoader, monkeypatch)
    pure = _problem(path, yaml.SafeLoader, monkeypatch)
    assert "while " not in fast.message and "expected" not in fast.message, fast.message
    assert (pure.line, pure.column, pure.message, pure.hint) == (fast.line, fast.column, fast.message, fast.hint)
