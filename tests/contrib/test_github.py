"""The GitHub side: workflows pass actionlint and do what CONTRIBUTING.md promises; the issue form mirrors Example."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.fromissue.questions import questions
from generator.model import Example
from generator.schema import field_type


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is missing: install the test dependencies with pip install -e '.[test]'"
    return found


def _workflow(root: Path, name: str) -> dict:
    data = yaml.safe_load((root / ".github/workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_actionlint_passes_on_the_workflows(root: Path) -> None:
    workflows = sorted(str(p) for p in (root / ".github/workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = subprocess.run(
        [_actionlint(), "-no-color", *workflows], capture_output=True, text=True, cwd=root, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert found, "zizmor is missing: install the test dependencies with pip install -e '.[test]'"
    return found


def test_zizmor_finds_nothing_in_the_workflows(root: Path) -> None:
    result = subprocess.run(
        [_zizmor(), "--offline", "--no-progress", "--format", "plain", ".github/workflows"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_an_injected_issue_body(tmp_path: Path) -> None:
    """The lint above can fail: the classic mistake, the issue body inside a shell line, is reported."""
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: issues\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.issue.body }}"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [_zizmor(), "--offline", "--no-progress", "--format", "plain", str(bad.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "template-injection" in result.stdout + result.stderr


def test_every_action_is_pinned_by_commit_and_no_run_line_holds_contributor_text(root: Path) -> None:
    for path in sorted((root / ".github/workflows").glob("*.yml")):
        for step in _steps(_workflow(root, path.name)):
            uses = step.get("uses", "")
            if uses:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{path.name}: pin {uses} by commit"
            run = step.get("run", "")
            assert "github.event.issue" not in run and "github.event.comment" not in run, f"{path.name}: {run}"


def test_an_issue_with_the_label_becomes_a_pull_request_and_a_dutch_comment(root: Path) -> None:
    workflow = _workflow(root, "praktijkvoorbeeld.yml")
    assert set(workflow["on"]["issues"]["types"]) >= {"opened", "edited"}
    job = workflow["jobs"]["proposal"]
    assert "praktijkvoorbeeld" in job["if"]
    steps = job["steps"]
    convert = next(s for s in steps if "wijkkit from-issue" in s.get("run", ""))
    assert convert["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert "$ISSUE_BODY" in convert["run"]
    pr = next(s for s in steps if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert pr["if"] == "steps.record.outputs.ok == 'true'" and pr["with"]["add-paths"] == "content/**"
    assert any("gh issue comment" in s.get("run", "") and "--body-file" in s["run"] for s in steps)
    assert workflow["permissions"] == {}


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint above can fail: a job without runs-on and a misspelled context are reported."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    steps:\n      - run: echo ${{ gihub.ref }}\n", encoding="utf-8")
    result = subprocess.run([_actionlint(), "-no-color", str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "runs-on" in result.stdout


def test_pull_requests_get_problems_on_their_lines_then_build_and_tests(root: Path) -> None:
    workflow = _workflow(root, "check.yml")
    assert "pull_request" in workflow["on"]
    runs = [step.get("run", "") for step in _steps(workflow)]
    assert any("wijkkit check --format github" in run for run in runs)
    assert any("make site" in run for run in runs)
    assert any(".ci/run" in run for run in runs)
    pythons = {step["with"]["python-version"] for step in _steps(workflow) if "setup-python" in step.get("uses", "")}
    assert pythons == {"3.11"}


def test_pages_deploys_main_with_the_official_actions(root: Path) -> None:
    workflow = _workflow(root, "pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    uses = {step.get("uses", "").split("@")[0] for step in _steps(workflow)}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["concurrency"]["cancel-in-progress"] is False
    upload = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


@pytest.fixture(scope="module")
def form(root: Path) -> dict:
    return yaml.safe_load((root / ".github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml").read_text(encoding="utf-8"))


def test_issue_form_asks_for_every_field_a_contributor_can_know(form: dict) -> None:
    elements = {item["id"]: item for item in form["body"] if "id" in item}
    asked = {q.path[0]: q for q in questions() if q.id in elements and not q.id.startswith("source_")}
    # id and last_reviewed are made by `wijkkit from-issue`: the id from municipality and title, the date is today
    wanted = set(Example.model_fields) - {"id", "last_reviewed"}
    assert wanted <= set(asked), f"ask for: {sorted(wanted - set(asked))}"
    for name in wanted - {"sources"}:  # a new source can stand in for the list of sources
        required = elements[asked[name].id].get("validations", {}).get("required", False)
        assert required == Example.model_fields[name].is_required(), f"{name}: required should match the model"
    for name in ("status", "evidence", "area", "lead", "access"):
        description = elements[name]["attributes"]["description"]
        assert all(choice in description for choice in field_type(Example, (name,)).choices), name


def test_issue_form_asks_for_consent_on_privacy_and_licence(form: dict) -> None:
    agreement = next(item for item in form["body"] if item.get("id") == "agreement")
    labels = " ".join(option["label"] for option in agreement["attributes"]["options"] if option["required"])
    assert "telefoonnummers" in labels and "CC BY 4.0" in labels


def test_pull_request_template_is_a_dutch_checklist(root: Path) -> None:
    text = (root / ".github/PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "bron" in text and "telefoonnummers" in text and "wijkkit check" in text
