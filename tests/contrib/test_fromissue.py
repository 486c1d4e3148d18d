"""`wijkkit from-issue`: issue-form bodies as GitHub writes them → records that pass the check, or Dutch reasons.

The bodies in tests/contrib/issues/ are written as GitHub renders a submitted issue form: '### Label', a blank line,
the answer or '_No response_', checkboxes as '- [X]'. One is fed with Windows line ends, one with every question
answered, one with a new source, and one that must be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.fromissue.answers import sections
from generator.fromissue.issueform import FILE, issue_form, issue_form_text
from generator.fromissue.questions import questions
from generator.model import Example

from .conftest import TODAY, Run

ISSUES = Path(__file__).parent / "issues"


def body(name: str, *, crlf: bool = False) -> str:
    text = (ISSUES / name).read_text(encoding="utf-8")
    return text.replace("\n", "\r\n") if crlf else text


def run_issue(wijkkit: Callable[..., Run], project: Path, text: str, *extra: str) -> Run:
    issue = project.parent / "issue.md"
    issue.write_bytes(text.encode("utf-8"))
    return wijkkit("from-issue", str(issue), "--number", "12", "--comment", str(project.parent / "comment.md"), *extra)


def new_files(project: Path, before: set[Path]) -> dict[str, dict]:
    after = set(project.glob("content/**/*.yaml"))
    return {p.relative_to(project).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8")) for p in after - before}


def test_a_short_issue_with_windows_line_ends_becomes_an_example(wijkkit, project: Path) -> None:
    before = set(project.glob("content/**/*.yaml"))
    run = run_issue(wijkkit, project, body("1-zwolle-kort.md", crlf=True))
    assert run.code == 0, run.err
    files = new_files(project, before)
    assert list(files) == ["content/examples/zwolle-buurtteams-in-elke-wijk-van-zwolle.yaml"]
    record = files["content/examples/zwolle-buurtteams-in-elke-wijk-van-zwolle.yaml"]
    assert record["municipality"] == "GM0193"  # found by name
    assert record["title"] == "Buurtteams in elke wijk van Zwolle"
    assert record["sources"] == [{"source": "bb-vaagheid-troef-2014"}]
    assert str(record["last_reviewed"]) == TODAY
    assert "\r" not in (project / "content/examples/zwolle-buurtteams-in-elke-wijk-van-zwolle.yaml").read_text()
    assert set(record) == {"id", "municipality", "title", "status", "summary", "evidence", "sources", "last_reviewed"}
    check = wijkkit("check")
    assert check.code == 0, check.err
    assert "Bedankt" in (project.parent / "comment.md").read_text(encoding="utf-8")


def test_lists_bullets_case_titles_and_a_new_source(wijkkit, project: Path) -> None:
    before = set(project.glob("content/**/*.yaml"))
    run = run_issue(wijkkit, project, body("2-hardenberg-nieuwe-bron.md"))
    assert run.code == 0, run.err
    files = new_files(project, before)
    example = next(v for k, v in files.items() if k.startswith("content/examples/"))
    source_file, source = next((k, v) for k, v in files.items() if k.startswith("content/sources/"))
    assert example["title"] == 'Hardenberg: "wijkteams" met een vaste contactpersoon #1'  # ': ', quotes and ' #' kept
    assert example["status"] == "pilot"  # 'Pilot' as typed
    assert example["access"] == ["voordeur", "inloop", "outreachend"]  # commas and a semicolon
    assert example["team"] == ["wijkverpleegkundige", "jongerenwerker", "maatschappelijk werker"]  # '- ' and '* '
    assert example["principles"] == [  # by number, and by a title that holds a colon-free name
        {"id": "aansluiten-bij-burgerkracht", "how": "Het team begint bij wat bewoners al doen."},
        {"id": "geen-maakbare-wijk", "how": "elke kern krijgt een eigen aanpak."},
    ]
    assert example["evaluation"] == {"evaluated": False}
    assert example["tags"] == ["bewoners", "preventie"]  # labels → ids
    assert "- **één plan** voor het hele gezin." in example["approach"]
    assert example["sources"] == [{"source": source["id"]}]
    assert source_file == f"content/sources/{source['id']}.yaml"
    assert source["kind"] == "beleidsdocument" and source["date"] == "2015-03"
    assert str(source["accessed"]) == TODAY
    assert wijkkit("check").code == 0


def test_every_question_answered(wijkkit, project: Path) -> None:
    before = set(project.glob("content/**/*.yaml"))
    run = run_issue(wijkkit, project, body("3-ommen-alles.md"))
    assert run.code == 0, run.err
    (example,) = new_files(project, before).values()
    asked = {q.path[0] for q in questions() if not q.id.startswith("source_")}
    assert asked == set(Example.model_fields) - {"id", "last_reviewed"}
    assert asked <= set(example), f"not filled: {sorted(asked - set(example))}"
    assert example["other_municipalities"] == ["GM0160"]
    assert example["evidence"] == "geevalueerd"  # 'Geëvalueerd' with its accent
    assert example["sources"][1]["source"] == "bb-vaagheid-troef-2014"  # found by its title
    assert example["sources"][0]["supports"][-1] == "target_group"
    assert example["period"] == {"start": 2014, "end": 2017}
    assert wijkkit("check").code == 0


def test_a_wrong_issue_is_refused_with_dutch_reasons_per_question(wijkkit, project: Path) -> None:
    before = set(project.glob("content/**/*.yaml"))
    run = run_issue(wijkkit, project, body("4-geweigerd.md"))
    assert run.code == 1
    assert new_files(project, before) == {}  # nothing left behind
    comment = (project.parent / "comment.md").read_text(encoding="utf-8")
    assert "**Gemeente**: gemeente 'Atlantis' is niet gevonden" in comment
    assert "**Titel**: deze vraag is verplicht" in comment
    assert "**Aantal teams**: 'vijf' is geen heel getal" in comment
    assert "**Afspraken**" in comment
    assert "Pas je issue aan" in comment
    assert "Atlantis" in run.err and "Traceback" not in run.err


def test_a_value_the_check_refuses_is_reported_at_its_question_and_nothing_is_written(wijkkit, project: Path) -> None:
    text = body("1-zwolle-kort.md").replace("### Status\n\ndefinitief", "### Status\n\nloopt nog")
    text = text.replace("### Lessen\n\n_No response_", "### Lessen\n\nBel 06-12345678 voor meer.")
    before = set(project.glob("content/**/*.yaml"))
    run = run_issue(wijkkit, project, text)
    assert run.code == 1
    assert new_files(project, before) == {}
    comment = (project.parent / "comment.md").read_text(encoding="utf-8")
    assert "**Status**: ongeldige waarde voor 'status'" in comment and "Kies uit: verkenning" in comment
    assert "**Lessen**: telefoonnummer gevonden" in comment


def test_an_issue_without_the_form_is_refused(wijkkit, project: Path) -> None:
    run = run_issue(wijkkit, project, "Hoi, wij doen ook iets met wijkteams in Zwolle!")
    assert run.code == 1
    assert "niet met het formulier" in run.err


def test_an_id_that_is_taken_gets_a_free_one(wijkkit, project: Path) -> None:
    assert run_issue(wijkkit, project, body("1-zwolle-kort.md")).code == 0
    run = run_issue(wijkkit, project, body("1-zwolle-kort.md"))
    assert run.code == 0, run.err
    assert (project / "content/examples/zwolle-buurtteams-in-elke-wijk-van-zwolle-2.yaml").is_file()
    assert wijkkit("check").code == 0


def test_github_output_names_the_record(wijkkit, project: Path) -> None:
    output = project.parent / "out.txt"
    run = run_issue(wijkkit, project, body("1-zwolle-kort.md"), "--github-output", str(output))
    assert run.code == 0
    assert output.read_text(encoding="utf-8").splitlines() == [
        "ok=true",
        "id=zwolle-buurtteams-in-elke-wijk-van-zwolle",
    ]


def test_sections_reads_what_github_writes() -> None:
    text = "### Titel\r\n\r\nEen titel\r\n\r\n### Lessen\r\n\r\n_No response_\r\n\r\n### Aanpak\r\n\r\n```text\r\nregel\r\n```\r\n"  # noqa: E501 - a literal as it is written elsewhere
    assert sections(text) == {"Titel": "Een titel", "Lessen": "", "Aanpak": "regel"}


def test_the_committed_issue_form_is_generated_from_the_model(root: Path) -> None:
    assert (root / FILE).read_text(encoding="utf-8") == issue_form_text(), (
        "rewrite it: python -m generator.fromissue.issueform > .github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml"
    )


def test_issue_form_labels_are_unique_and_every_answer_is_typed() -> None:
    labels = [q.label for q in questions()]
    assert len(labels) == len(set(labels))
    types = {item["type"] for item in issue_form()["body"]}
    assert "dropdown" not in types  # a link cannot fill in a dropdown, and a required one starts on its first option
    ids = [item["id"] for item in issue_form()["body"] if "id" in item]
    assert all(i.replace("_", "").isalnum() for i in ids) and len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ["1-zwolle-kort.md", "2-hardenberg-nieuwe-bron.md", "3-ommen-alles.md"])
def test_the_samples_use_only_labels_of_the_form(name: str) -> None:
    labels = {q.label for q in questions()} | {"Afspraken"}
    assert set(sections(body(name))) <= labels
