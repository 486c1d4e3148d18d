"""Messages a contributor who is not a programmer can act on (issue 15 §4), each from a mistake seen in practice.

Each test writes one mistake into a copy of the small spine project (tests/spine/base) and reads what `wijkkit
check` says: the place, the message and a hint whose fix works — never an invalid id, an existing file name or a
number YAML made up.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.placeholders import PLACEHOLDERS
from generator.scaffold.render import render

BASE = Path(__file__).resolve().parents[1] / "spine" / "base"
EXAMPLE = (BASE / "content/examples/utrecht-wijkteams.yaml").read_text(encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(BASE, target)
    return target


def check(tree: Path, capsys: pytest.CaptureFixture) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = main(["--root", str(tree), "check", "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith("[") else []


def example(tree: Path, text: str, name: str = "utrecht-wijkteams.yaml") -> None:
    (tree / "content/examples" / name).write_text(text, encoding="utf-8")


def only(problems: list[dict]) -> dict:
    assert len(problems) == 1, problems
    return problems[0]


def test_a_code_with_a_leading_zero_is_answered_as_typed_not_as_an_octal_number(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("municipality: GM0344", "municipality: 0344"))
    code, problems = check(tree, capsys)
    problem = only(problems)
    assert code == 1 and problem["line"] == 2
    assert "0344" in problem["message"] and "228" not in problem["message"] + problem["hint"]
    assert "GM0344" in problem["hint"]


def test_three_digits_and_a_list_item_get_the_full_code(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("municipality: GM0344", "municipality: GM0344\nother_municipalities: [518]"))
    _, problems = check(tree, capsys)
    assert "GM0518" in only(problems)["hint"]


def test_a_name_where_the_code_belongs_gets_the_code(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("municipality: GM0344", "municipality: Den Haag"))
    _, problems = check(tree, capsys)
    assert "GM0518" in only(problems)["hint"]


def test_a_file_saved_as_a_copy_gets_a_free_valid_name(tree: Path, capsys) -> None:
    example(tree, EXAMPLE, "utrecht-wijkteams (1).yaml")
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert problem["file"] == "content/examples/utrecht-wijkteams (1).yaml"
    hint = problem["hint"]
    assert "id: utrecht-wijkteams (1)" not in hint  # not a valid id
    assert "hernoem het bestand naar utrecht-wijkteams.yaml" not in hint  # that file exists
    assert "utrecht-wijkteams-1" in hint or "utrecht-wijkteams-2" in hint
    suggested = next(word.strip("'.,:") for word in hint.split() if word.strip("'.,:").startswith("utrecht-wijkteams-"))
    assert not (tree / "content/examples" / f"{suggested}.yaml").exists()


def test_a_copied_id_is_not_answered_with_the_name_of_the_original(tree: Path, capsys) -> None:
    example(tree, EXAMPLE, "utrecht-buurtteams.yaml")
    _, problems = check(tree, capsys)
    hint = only(problems)["hint"]
    assert "id: utrecht-buurtteams" in hint
    assert "hernoem het bestand naar utrecht-wijkteams.yaml" not in hint


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("https://example.org/bron-een/", "source: bron-een"),  # the web address of a known source
        ("Een artikel over wijkteams", "bron-een"),  # its title
        ("https://www.elders.nl/rapport", "wijkkit new bron"),  # a source Wijkkit does not have yet
        ("bron-drie", "bron-een"),  # a valid id that does not exist: the close ones
    ],
)
def test_a_source_written_as_address_or_title_gets_its_id(tree: Path, capsys, typed: str, expected: str) -> None:
    example(tree, EXAMPLE.replace("  - source: bron-een", f'  - source: "{typed}"'))
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert problem["line"] == 14 and expected in problem["hint"]


@pytest.mark.parametrize(("typed", "expected"), [("Samen doen", "samen-doen"), ("2", "samen-doen")])
def test_a_principle_written_as_title_or_number_gets_its_id(tree: Path, capsys, typed: str, expected: str) -> None:
    example(tree, EXAMPLE.replace("  - id: samen-doen", f"  - id: {typed}"))
    _, problems = check(tree, capsys)
    assert f"'{expected}'" in only(problems)["hint"]


def test_an_invisible_space_in_a_field_name_is_named(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("summary:", "summary\u00a0:"))
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert "harde spatie" in problem["message"] and "summary" in problem["message"]
    assert "summary:" in problem["hint"]


def test_curly_quotes_around_a_text_with_a_colon(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("title: Wijkteams in Utrecht", "title: “Utrecht: wijkteams”"))
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert problem["line"] == 3 and "gekrulde" in problem["hint"]
    assert 'title: "Utrecht: wijkteams"' in problem["hint"]


def test_curly_quotes_around_a_choice(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("status: definitief", "status: “pilot”"))
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert "gekrulde" in problem["message"] and "status: pilot" in problem["hint"]


@pytest.mark.parametrize(
    ("line", "typed", "meant"),
    [
        ("evidence: anekdotisch", "evidence: Geëvalueerd", "geevalueerd"),
        ("status: definitief", "status: proef", "pilot"),
    ],
)
def test_a_word_people_use_gets_the_allowed_value(tree: Path, capsys, line: str, typed: str, meant: str) -> None:
    example(tree, EXAMPLE.replace(line, typed))
    _, problems = check(tree, capsys)
    assert f"Bedoel je '{meant}'?" in only(problems)["hint"]


def test_kind_nota_is_a_beleidsdocument(tree: Path, capsys) -> None:
    path = tree / "content/sources/bron-een.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: artikel", "kind: nota"), encoding="utf-8")
    _, problems = check(tree, capsys)
    assert "Bedoel je 'beleidsdocument'?" in only(problems)["hint"]


def test_text_of_only_spaces_is_not_filled_in(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("summary: Utrecht koos een eigen aanpak.", 'summary: "   "'))
    _, problems = check(tree, capsys)
    assert "alleen spaties" in only(problems)["message"]


def test_the_templates_example_text_left_in_is_refused(tree: Path, capsys) -> None:
    example(
        tree,
        EXAMPLE.replace(
            "approach: |\n  Het team werkt in de wijk.",
            "approach: |\n  Wat er gebeurt, stap voor stap.\n\n  - eerste stap;",
        ),
    )
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert "voorbeeldtekst" in problem["message"] and problem["line"] == 7


def test_every_placeholder_is_in_a_template() -> None:
    rendered = "".join(render(kind) for kind in ("example", "source", "principle", "case"))
    assert [p for p in PLACEHOLDERS if p not in rendered] == []


def test_a_start_year_in_the_future_says_what_to_do(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("period: {start: 2014, end: null}", "period: {start: 2099, end: null}"))
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert "2099 ligt in de toekomst" in problem["message"] and "uiterlijk" in problem["hint"]


def test_a_role_with_a_name_is_a_warning_and_the_check_passes(tree: Path, capsys) -> None:
    example(
        tree, EXAMPLE.replace("  Het team werkt in de wijk.", "  Het team werkt in de wijk, zegt wethouder Jansen.")
    )
    capsys.readouterr()
    assert main(["--root", str(tree), "check"]) == 0
    err = capsys.readouterr().err
    assert "waarschuwing: 'wethouder Jansen'" in err and "1 waarschuwing" in err
    code, problems = check(tree, capsys)
    assert code == 0 and only(problems)["severity"] == "warning"


def test_a_portfolio_after_a_role_is_no_name(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("  Het team werkt in de wijk.", "  De wethouder Zorg en de wethouder van Wonen."))
    capsys.readouterr()
    assert main(["--root", str(tree), "check"]) == 0
    assert "waarschuwing" not in capsys.readouterr().err


def test_a_local_image_path_is_a_file_on_your_own_computer(tree: Path, capsys) -> None:
    example(tree, EXAMPLE.replace("  Het team werkt in de wijk.", "  ![Het team](C:\\Users\\an\\Pictures\\team.jpg)"))
    _, problems = check(tree, capsys)
    problem = only(problems)
    assert "eigen computer" in problem["message"] + problem["hint"]
    assert "andere site" not in problem["message"]
