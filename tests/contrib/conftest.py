"""A contributor's working copy: a temporary copy of the project, and `wijkkit` run in it as a contributor runs it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main

# What `wijkkit check` and `wijkkit build` read; copied when present, so the copy builds as the repository does.
PROJECT_PARTS = ("content", "kit", "theme", "schema", "mkdocs.yml", "CONTRIBUTING.md")
TODAY = dt.date.today().isoformat()


@dataclass(frozen=True)
class Run:
    """What one `wijkkit` command did, as a contributor sees it in the terminal."""

    code: int
    out: str
    err: str

    def problems(self) -> list[dict]:
        """The problems of a `--format json` run."""
        return json.loads(self.out)


@pytest.fixture
def project(root: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "wijkkit"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, copy / part)
    return copy


@pytest.fixture
def wijkkit(project: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `wijkkit ARGS` in the copy, in-process (fast), returning exit code and output."""

    def run(*args: str) -> Run:
        capsys.readouterr()
        try:
            code = main(["--root", str(project), *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
