"""Every bad-input class, shown caught with file, line and hint; every good variant accepted.

Each folder under cases/negative/ and cases/positive/ is one test: its files/ are laid over a small valid project
(base/), then `wijkkit check` runs on it. expect.yaml lists the problems a contributor must see — file, line,
optionally column, a part of the message and of the hint — and no others may appear.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

HERE = Path(__file__).parent
BASE = HERE / "base"
CASES = sorted((HERE / "cases").glob("*/*/expect.yaml"))
PROBLEM_RE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$")


def build_tree(case: Path, target: Path) -> dict:
    """Base project + the case's files; returns the expectation."""
    shutil.copytree(BASE, target)
    if (case / "files").is_dir():
        shutil.copytree(case / "files", target, dirs_exist_ok=True)
    expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))
    if "big_file" in expect:
        spec = expect["big_file"]
        line = "# " + "x" * 97 + "\n"
        (target / spec["path"]).write_text("id: groot\n" + line * (spec["bytes"] // len(line)), encoding="utf-8")
    if "symlink" in expect:
        spec = expect["symlink"]
        os.symlink(spec["target"], target / spec["path"])
    return expect


def parse_problems(stderr: str) -> list[dict]:
    """The text format: 'file:line:col: message' followed by an indented 'hint:' line."""
    problems: list[dict] = []
    for line in stderr.splitlines():
        match = PROBLEM_RE.match(line)
        if match:
            problems.append({**match.groupdict(), "hint": ""})
        elif line.startswith("    hint: ") and problems:
            problems[-1]["hint"] = line[len("    hint: ") :]
    return problems


def run_check(tree: Path, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    code = main(["--root", str(tree), "check"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.parent.name}/{c.parent.name}" for c in CASES])
def test_case(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    tree = tmp_path / "project"
    expect = build_tree(case.parent, tree)
    code, out, err = run_check(tree, capsys)
    if case.parent.parent.name == "positive":
        assert code == 0, err
        assert out.startswith("ok: ") and expect["ok"] in out
        assert err == ""
        return
    assert code == 1
    found = parse_problems(err)
    assert len(found) == len(expect["problems"]), f"expected {len(expect['problems'])} problems, got:\n{err}"
    for wanted in expect["problems"]:
        matches = [
            p
            for p in found
            if p["file"] == wanted["file"]
            and int(p["line"]) == wanted["line"]
            and ("column" not in wanted or int(p["column"]) == wanted["column"])
            and wanted["message"] in p["message"]
            and wanted.get("hint", "") in p["hint"]
        ]
        assert matches, f"missing problem {wanted}\nreported:\n{err}"
    assert found == sorted(found, key=lambda p: (p["file"], int(p["line"]), int(p["column"])))


def test_base_project_is_valid(capsys: pytest.CaptureFixture) -> None:
    code, out, err = run_check(BASE, capsys)
    assert (code, err) == (0, "")
    assert out.strip() == (
        "ok: 2 principes, 1 casus, 1 praktijkvoorbeeld, 2 bronnen, 1 werkvorm, 2 gemeenten, 2 trefwoorden, 1 kit"
    )


def test_all_problems_of_all_files_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A contributor fixes everything in one go: problems from several classes and files come together."""
    tree = tmp_path / "project"
    shutil.copytree(BASE, tree)
    for case in ("personal-data", "unknown-field", "yml-extension", "tab"):
        shutil.copytree(HERE / "cases" / "negative" / case / "files", tree, dirs_exist_ok=True)
    code, _, err = run_check(tree, capsys)
    assert code == 1
    files = {p["file"] for p in parse_problems(err)}
    assert files == {
        "content/examples/utrecht-wijkteams.yaml",
        "content/principles/samen-doen.yaml",
        "content/sources/bron-drie.yml",
    }
    assert err.rstrip().endswith("6 problemen in 3 bestanden.")


def test_broken_file_does_not_cascade(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A source with a syntax error is reported once, not again by every record that cites it."""
    tree = tmp_path / "project"
    shutil.copytree(BASE, tree)
    (tree / "content/sources/bron-een.yaml").write_text("id: bron-een\ntitle: [kapot\n", encoding="utf-8")
    code, _, err = run_check(tree, capsys)
    assert code == 1
    assert [p["file"] for p in parse_problems(err)] == ["content/sources/bron-een.yaml"]


def test_github_and_json_formats(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    tree = tmp_path / "project"
    build_tree(HERE / "cases/negative/unknown-field", tree)
    assert main(["--root", str(tree), "check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        "::error file=content/principles/samen-doen.yaml,line=4,col=1,title=wijkkit check::onbekend veld 'samenvating'%0ABedoel je 'summary'?"  # noqa: E501 - a literal as it is written elsewhere
        in lines[1]
    )
    assert main(["--root", str(tree), "check", "--format", "json"]) == 1
    import json

    data = json.loads(capsys.readouterr().out)
    assert [(p["file"], p["line"]) for p in data] == [
        ("content/principles/samen-doen.yaml", 1),
        ("content/principles/samen-doen.yaml", 4),
        ("content/principles/samen-doen.yaml", 11),
    ]
    assert data[1]["hint"].startswith("Bedoel je 'summary'?")


def test_real_command_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    """The installed command, as a contributor runs it from the project folder."""
    tree = tmp_path / "project"
    build_tree(HERE / "cases/negative/not-utf8", tree)
    wijkkit = Path(sys.executable).with_name("wijkkit")
    bad = subprocess.run([str(wijkkit), "check"], cwd=tree / "content", capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("content/principles/samen-doen.yaml:4:15: geen UTF-8")
    good = subprocess.run([str(wijkkit), "check"], cwd=BASE, capture_output=True, text=True, check=False)
    assert (good.returncode, good.stderr) == (0, "")
    nowhere = subprocess.run([str(wijkkit), "check"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert nowhere.returncode == 1 and "geen Wijkkit-project gevonden" in nowhere.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes exist only on POSIX systems")
def test_a_named_pipe_is_reported_not_read(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Reading a named pipe waits forever: the check names it instead of hanging."""
    tree = tmp_path / "project"
    shutil.copytree(BASE, tree)
    os.mkfifo(tree / "content/examples/pijp.yaml")
    code, _, err = run_check(tree, capsys)
    assert code == 1
    assert err.startswith("content/examples/pijp.yaml:1:1: dit is geen gewoon bestand")
