"""When each content file last changed, from git: the date a page's citation gives ('Citeer deze pagina').

Computed once per build with one `git log` over content/ and kit/. Without git (a downloaded archive, a copy of the
project) or for a file git does not know yet, the date falls back to the build's reproducible date
(SOURCE_DATE_EPOCH, see build.source_date_epoch), so a build never fails or varies for want of history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

TRACKED = ("content", "kit")
_MARK = "\x1e"  # starts each commit's date line in the log output; never part of a file name git prints


def content_dates(root: Path) -> dict[str, dt.date]:
    """Project-relative file → the date (UTC) of the last commit that changed it; {} when git cannot tell."""
    try:
        done = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "log",
                f"--format={_MARK}%ct",
                "--name-only",
                "--no-renames",
                "--",
                *TRACKED,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    top = _toplevel(root)
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in done.stdout.split("\n"):  # not splitlines(): that splits at the \x1e mark too
        if line.startswith(_MARK):
            current = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC).date()
        elif line and current is not None:
            path = _project_relative(line, top, root)
            if path is not None:
                dates.setdefault(path, current)  # newest commit first: the first date seen is the last change
    return dates


def _toplevel(root: Path) -> Path | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(done.stdout.strip()).resolve() if done.returncode == 0 else None


def _project_relative(line: str, top: Path | None, root: Path) -> str | None:
    """git prints paths relative to the repository's top; the catalog knows them relative to the project root."""
    if top is None:
        return line
    try:
        return (top / line).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
