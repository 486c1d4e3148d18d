"""Finding a municipality in the register by what a contributor types: a name, another name or a CBS code.

Case, accents, spaces and apostrophes do not matter ("den haag", "’s-Gravenhage", "gm0518", "0518"), so people
who know their municipality by its everyday name still get the right code, and nobody has to look it up.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..load import load_file
from ..model import KIND_BY_NAME, Municipality, MunicipalityRegister
from .names import fold, lookup_key

REGISTER = KIND_BY_NAME["municipalities"].file or "content/municipalities.yaml"
CODE_RE = re.compile(r"^(?:gm)?\s*([0-9]{4})$")
PREFIX_RE = re.compile(r"^gemeente\s+")


class RegisterError(Exception):
    """The register cannot be read; `wijkkit check` says why, line by line."""


@dataclass(frozen=True)
class Lookup:
    """What a query found: the municipality, or else the closest names to offer."""

    query: str
    found: Municipality | None
    suggestions: tuple[Municipality, ...] = ()
    code: str | None = None  # set when the query was a CBS code


def read_register(root: Path) -> tuple[Municipality, ...]:
    document, problems = load_file(root / REGISTER, REGISTER)
    if document is None or problems:
        raise RegisterError(REGISTER)
    try:
        return tuple(MunicipalityRegister.model_validate(document.data).municipalities)
    except ValidationError as exc:
        raise RegisterError(REGISTER) from exc


def _keys(municipality: Municipality) -> list[str]:
    return [lookup_key(name) for name in (municipality.name, *municipality.aliases)]


def find(register: tuple[Municipality, ...], query: str) -> Lookup:
    """Exact match on code, name or alias; otherwise up to three suggestions, closest first."""
    text = PREFIX_RE.sub("", fold(query.strip()))
    code_match = CODE_RE.match(text)
    if code_match:
        code = "GM" + code_match.group(1)
        return Lookup(query, next((m for m in register if m.code == code), None), code=code)
    key = lookup_key(text)
    by_key: dict[str, Municipality] = {}
    for municipality in register:
        for candidate in _keys(municipality):
            by_key.setdefault(candidate, municipality)
    if key in by_key:
        return Lookup(query, by_key[key])
    close = difflib.get_close_matches(key, list(by_key), n=6, cutoff=0.6) if key else []
    starts = [k for k in by_key if len(key) >= 3 and k.startswith(key)]
    suggestions: list[Municipality] = []
    for candidate in [*starts, *close]:
        if by_key[candidate] not in suggestions:
            suggestions.append(by_key[candidate])
    return Lookup(query, None, tuple(suggestions[:3]))


def display(municipality: Municipality) -> str:
    """"'s-Gravenhage (Den Haag), GM0518" — the name people recognise and the code they will see in the file."""
    aliases = f" ({', '.join(municipality.aliases)})" if municipality.aliases else ""
    return f"{municipality.name}{aliases}, {municipality.code}"
