"""CONTRIBUTING.md explains every field of every kind, shows the real templates, and links only to what exists."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.model import KINDS, Kind
from generator.scaffold.render import render
from generator.schema import models_in, unwrap


def field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """'sources', 'sources.source', 'sources.note', … : nested models' fields under their parent's name."""
    for name, info in model.model_fields.items():
        yield prefix + name
        tp, _ = unwrap(info.annotation)
        inner = typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp
        for nested in models_in(inner):
            yield from field_paths(nested, f"{prefix}{name}.")


@pytest.fixture(scope="module")
def contributing(root: Path) -> str:
    return (root / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(text: str, kind: Kind) -> str:
    """The part of 'Alle velden' for one kind: from its ### heading (naming its folder or file) to the next heading."""
    where = f"`{kind.folder}/`" if kind.folder else f"`{kind.file}`"
    match = re.search(rf"^### [^\n]*{re.escape(where)}[^\n]*\n(.*?)(?=^##)", text, re.MULTILINE | re.DOTALL)
    assert match, f"CONTRIBUTING.md has no '### … {where}' section"
    return match.group(1)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_field_is_explained_with_an_example(contributing: str, kind: Kind) -> None:
    rows = {}
    for line in section(contributing, kind).splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 4 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells
    paths = list(field_paths(kind.model))
    missing = [path for path in paths if path not in rows]
    assert not missing, f"explain these {kind.name} fields in CONTRIBUTING.md: {missing}"
    for path in paths:
        _, required, explanation, example = rows[path]
        assert required.startswith(("ja", "nee")), f"{path}: say whether it is required"
        assert len(explanation) > 10 and example, f"{path}: explain it and give an example"
    unknown = [path for path in rows if path not in paths]
    assert not unknown, f"CONTRIBUTING.md explains fields the model does not have: {unknown}"


@pytest.mark.parametrize(("kind", "marker"), [("example", "sjabloon"), ("source", "sjabloon bron")])
def test_the_template_to_copy_is_the_one_wijkkit_new_uses(contributing: str, kind: str, marker: str) -> None:
    block = rf"<!-- {marker}: begin[^\n]*-->\n```yaml\n(.*?)```\n<!-- {marker}: einde -->"
    match = re.search(block, contributing, re.DOTALL)
    assert match, f"no '{marker}' block"
    assert match.group(1) == render(kind), f"paste the output of: python -m generator.scaffold {kind}"


@pytest.mark.parametrize("kind", ["example", "principle", "case", "source"])
def test_an_empty_template_has_no_python_leftovers(kind: str) -> None:
    text = render(kind)
    assert "None" not in text and "{{" not in text and "{%" not in text


def _github_anchor(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_links_point_at_files_and_headings_that_exist(root: Path, contributing: str) -> None:
    anchors = {_github_anchor(h) for h in re.findall(r"^#+ (.+)$", contributing, re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", contributing):
        if target.startswith("#"):
            assert target[1:] in anchors, f"no heading for link {target}"
        elif not re.match(r"^https?://", target):
            assert (root / target).exists(), f"link to missing file {target}"


def test_licences_and_privacy_rules_are_stated(contributing: str) -> None:
    assert "CC BY 4.0" in contributing and "EUPL-1.2" in contributing
    assert "geen namen van bewoners" in contributing
    assert "geen telefoonnummers, geen e-mailadressen" in contributing


def test_the_form_link_opens_the_issue_form_that_exists(root: Path, contributing: str) -> None:
    forms = set(re.findall(r"/issues/new\?template=([\w.-]+)", contributing))
    assert forms, "CONTRIBUTING.md links to the issue form"
    for name in forms:
        assert (root / ".github/ISSUE_TEMPLATE" / name).is_file(), name
