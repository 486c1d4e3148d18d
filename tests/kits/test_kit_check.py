"""`wijkkit check` on kits: the silent errors a facilitator made when adapting a kit are reported, with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.project import read_project


@pytest.fixture
def project(root: Path, tmp_path: Path) -> Path:
    shutil.copytree(root / "content", tmp_path / "content")
    shutil.copytree(root / "kit", tmp_path / "kit")
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _edit(project: Path, old: str, new: str) -> None:
    path = project / "kit" / "ontbijtsessie.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(project: Path) -> list:
    return read_project(project).problems


def _line(project: Path, starts: str) -> int:
    lines = (project / "kit" / "ontbijtsessie.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.lstrip().startswith(starts))


def test_the_shipped_kits_pass(project: Path) -> None:
    assert _problems(project) == []


def test_a_later_start_that_moves_the_end_says_so(project: Path) -> None:
    _edit(project, 'start: "08:00"', 'start: "08:30"')
    [problem] = _problems(project)
    assert problem.file == "kit/ontbijtsessie.yaml" and problem.line == _line(project, "end:")
    assert "120 minuten" in problem.message and "08:30 tot 10:00 is 90 minuten" in problem.message
    assert "10:30" in problem.message and "30 minuten korter" in problem.hint


def test_a_longer_block_that_moves_the_end_says_so(project: Path) -> None:
    _edit(project, "  - title: Oogst in de groep\n    minutes: 10", "  - title: Oogst in de groep\n    minutes: 15")
    [problem] = _problems(project)
    assert "de sessie zou om 10:05 eindigen" in problem.message


@pytest.mark.parametrize(
    ("guide", "says"),
    [
        ("Open de sessie om 08:10.", "'08:10' is een kloktijd"),
        ("Geef een seintje na vier minuten.", "'vier minuten' is een duur"),
        ("Geef een seintje om {stap 9}.", "heeft 4 stappen"),
    ],
)
def test_guide_text_with_a_typed_time_is_refused(project: Path, guide: str, says: str) -> None:
    _edit(project, "Geef om {stap 3} een duidelijk seintje,", guide)
    [problem] = _problems(project)
    lines = (project / "kit" / "ontbijtsessie.yaml").read_text(encoding="utf-8").splitlines()
    guides = [i for i, line in enumerate(lines, 1) if line.strip() == "guide: |"]
    assert problem.file == "kit/ontbijtsessie.yaml" and problem.line == guides[1]  # the second block's guide
    assert says in problem.message and "Kennismaken in tweetallen" in problem.message
    assert "{+10}" in problem.hint and "{stap 2}" in problem.hint


def test_principles_are_chosen_by_id_or_card_number(project: Path, catalog) -> None:
    _edit(project, "principles: all", "principles: [7, vertrouwen-herstellen, 3]")
    result = read_project(project)
    assert result.problems == []
    numbers = [p.number for p in result.catalog.kit_principles["ontbijtsessie"]]
    assert numbers == sorted(numbers) and set(numbers) == {1, 3, 7}  # card-number order, whatever the order typed


def test_an_unknown_principle_lists_the_valid_ids_and_numbers(project: Path, catalog) -> None:
    _edit(project, "principles: all", "principles: [99, vertrouwen-herstelen]")
    problems = _problems(project)
    assert [p.message for p in problems] == [
        "principe kaartnummer 99 bestaat niet",
        "principe 'vertrouwen-herstelen' bestaat niet",
    ]
    for problem in problems:
        assert problem.line == _line(project, "principles:")
        for principle in catalog.principles:
            assert f"{principle.number} {principle.id}" in problem.hint
    assert "Bedoel je 'vertrouwen-herstellen'?" in problems[1].hint


def test_cases_live_in_one_place_only(project: Path) -> None:
    _edit(project, "principles: all", "principles: all\ncases: [het-trapveldje]")
    [problem] = _problems(project)
    assert "onbekend veld 'cases'" in problem.message
