"""Content problems as data, and the one reporter every command prints them with.

A problem is something a contributor can fix in a file; it is never an exception. Printing them like a compiler
(`file:line:col: message`) lets editors and GitHub jump to the spot. Every command (check, build, kit, serve) takes
`--format text|github|json` and hands its problems to `report`, so a problem reads the same whichever command
found it, and CI can ask any command for annotations or JSON.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TextIO

WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """Something wrong at character `offset` of one text; it becomes a Problem once the file and line are known.
    The text checks (personal data, invisible characters, Markdown, role names) all report these."""

    offset: int
    message: str
    hint: str


HINT = "    hint: "  # how every message's advice is set off, in every command's text output


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place. Field order is the sort order: by file, then line, then column."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = "error"  # or WARNING: reported, but it does not stop `wijkkit check` or the build

    @property
    def is_error(self) -> bool:
        return self.severity != WARNING

    def as_text(self) -> str:
        prefix = "waarschuwing: " if self.severity == WARNING else ""
        text = f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"
        if self.hint:
            text += f"\n{HINT}{self.hint}"
        return text


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character `index` in `text`."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted and without exact duplicates (one cause can be found by two checks)."""
    return sorted(set(problems))


def _github_escape(text: str, *, property_value: bool = False) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData / escapeProperty)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_text(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.is_error]
    warnings = len(problems) - len(errors)
    files = len({p.file for p in problems})
    lines = [p.as_text() for p in problems]
    where = f"in {files} {'bestand' if files == 1 else 'bestanden'}"
    counted = []
    if errors:
        counted.append(f"{len(errors)} {'probleem' if len(errors) == 1 else 'problemen'}")
    if warnings:
        counted.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    lines.append(f"{' en '.join(counted)} {where}.")
    return "\n".join(lines)


def format_github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands: each problem shows up on its line in the pull request."""
    out = []
    for p in problems:
        message = p.message + (f"\n{p.hint}" if p.hint else "")
        props = ",".join(
            f"{key}={_github_escape(str(value), property_value=True)}"
            for key, value in (("file", p.file), ("line", p.line), ("col", p.column), ("title", "wijkkit check"))
        )
        out.append(f"::{'error' if p.is_error else 'warning'} {props}::{_github_escape(message)}")
    return "\n".join(out)


def format_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


FORMATS = {"text": format_text, "github": format_github, "json": format_json}


def report(problems: Iterable[Problem], fmt: str = "text", *, stream: TextIO | None = None) -> None:
    """Print problems: text to stderr (like a compiler, beside the progress lines), machine formats to stdout."""
    output = FORMATS[fmt](sort_problems(problems))
    print(output, file=stream or (sys.stderr if fmt == "text" else sys.stdout), flush=True)


def report_ok(fmt: str, message: str) -> None:
    """The success line: text on stdout; an empty list in JSON (so a pipeline can always parse stdout)."""
    if fmt == "json":
        print("[]")
    elif fmt == "text":
        print(message)
