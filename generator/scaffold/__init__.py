"""`wijkkit new`: start a record from a template, so a contributor fills in fields instead of writing YAML.

Never overwrites: the file is created exclusively, and an existing file is a plain refusal (exit 1). The new file
is valid YAML on purpose but not yet a valid record: required fields are left empty, so `wijkkit check` points at
each line that still needs filling in, and no placeholder text can be published by accident.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from ..load import load_file
from ..model import KIND_BY_NAME
from ..names import slugify
from ..problems import HINT
from ..urls import page_url
from . import messages
from .municipalities import RegisterError, find, read_register
from .render import render

KIND_OF = {"voorbeeld": "example", "principe": "principle", "casus": "case", "bron": "source"}


@dataclass(frozen=True)
class Draft:
    """A file about to be written: where, and what."""

    kind: str
    record_id: str
    text: str

    @property
    def path(self) -> str:
        return f"{KIND_BY_NAME[self.kind].folder}/{self.record_id}.yaml"


def _say(text: str) -> None:
    print(text)


def _fail(text: str, code: int = 1) -> int:
    print(text, file=sys.stderr)
    return code


def _ids(root: Path, kind: str) -> list[str]:
    """Ids of the records of a kind, from the file names: cheap, and right for every file `wijkkit check` accepts."""
    folder = root / (KIND_BY_NAME[kind].folder or "")
    return sorted(path.stem for path in folder.glob("*.yaml"))


def _tags(root: Path) -> list[str]:
    document, _ = load_file(root / "content/tags.yaml", "content/tags.yaml")
    items = document.data.get("tags") if document else None
    return [t["id"] for t in items or [] if isinstance(t, dict) and isinstance(t.get("id"), str)]


def _next_number(root: Path) -> int:
    """One more than the highest principle number in use: card numbers are never reused."""
    numbers = [0]
    for path in (root / "content/principles").glob("*.yaml"):
        document, _ = load_file(path, path.name)
        number = document.data.get("number") if document else None
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.append(number)
    return max(numbers) + 1


def _lists(root: Path) -> dict[str, list[str]]:
    return {"sources": _ids(root, "source"), "principles": _ids(root, "principle"), "tags": _tags(root)}


def _example(root: Path, municipality: str | None, title: str | None, today: dt.date) -> Draft | int:
    if not municipality:
        return _fail(messages.need_municipality(), 2)
    try:
        register = read_register(root)
    except RegisterError:
        return _fail(messages.register_broken())
    lookup = find(register, municipality)
    if lookup.matches:
        return _fail(messages.ambiguous_municipality(lookup.query, lookup.matches, title))
    if lookup.found is None:
        return _fail(
            messages.unknown_municipality(
                lookup.query,
                lookup.suggestions,
                lookup.code,
                title,
                guess=lookup.guess,
                as_of=register.as_of,
                former_since=register.former_since,
            )
        )
    if lookup.former:
        direct = tuple(register.by_code[code] for code in lookup.found.merged.successors if code in register.by_code)
        return _fail(messages.former_municipality(lookup.found, direct, lookup.successors, title))
    record_id = slugify(lookup.found.name, title or "")
    text = render(
        "example", record_id=record_id, municipality=lookup.found, title=title, today=today.isoformat(), **_lists(root)
    )
    return Draft("example", record_id, text)


def _titled(root: Path, what: str, title: str | None) -> Draft | int:
    if not title:
        return _fail(messages.need_title(what), 2)
    record_id = slugify(title)
    if not record_id:
        return _fail(messages.bad_title(what, title), 2)
    kind = KIND_OF[what]
    extra = {"number": _next_number(root)} if kind == "principle" else {}
    return Draft(kind, record_id, render(kind, record_id=record_id, title=title, **extra, **_lists(root)))


def _write(root: Path, draft: Draft) -> int:
    target = root / draft.path
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": fails instead of overwriting
            out.write(draft.text)
    except FileExistsError:
        return _fail(messages.exists(draft.path))
    _say(messages.created(draft.path, page_url(draft.kind, draft.record_id)))
    return 0


def run_new(
    root: Path, what: str, *, municipality: str | None = None, title: str | None = None, today: dt.date | None = None
) -> int:
    """Write a new record of kind `what` (voorbeeld, principe, casus, bron); 0 done, 1 refused, 2 wrong usage."""
    title = title.strip() if title else None
    if what == "voorbeeld":
        draft = _example(root, municipality, title, today or dt.date.today())
    elif what in KIND_OF:
        if municipality:
            return _fail(messages.municipality_not_for(what), 2)
        draft = _titled(root, what, title)
    else:
        return _fail(f"wijkkit new: onbekende soort '{what}'.\n{HINT}Kies voorbeeld, principe, casus of bron.", 2)
    if isinstance(draft, int):
        return draft
    return _write(root, draft)
