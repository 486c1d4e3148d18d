"""Finding a municipality in the register by what a contributor types: a name, another name or a CBS code.

Case, accents, spaces and apostrophes do not matter ("den haag", "’s-Gravenhage", "gm0518", "0518", "518"), so people
who know their municipality by its everyday name still get the right code, and nobody has to look it up.

Three answers are not a plain hit, and each gets its own message rather than a guess:
- a name two municipalities answer to ("Bergen": Bergen (NH.) and Bergen (L.)): `matches` holds both;
- a municipality that no longer exists ("Littenseradiel"): `found` is the former one, `successors` the current ones;
- a misspelling: `suggestions`, closest first, and `guess` only when one of them is clearly closer than the rest.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from ..load import load_file
from ..model import KIND_BY_NAME, Municipality, MunicipalityRegister
from ..names import fold, lookup_key

REGISTER = KIND_BY_NAME["municipalities"].file or "content/municipalities.yaml"
CODE_RE = re.compile(r"^(?:gm)?\s*([0-9]{1,4})$")
PREFIX_RE = re.compile(r"^gemeente\s+")
CLOSE = 0.6  # difflib ratio from which a name counts as a possible misspelling
PREFIX_SCORE = 0.9  # what typing the start of a name scores: all names starting so are equally likely
TIE = 0.05  # scores closer than this are "equally close": no single name is offered as the one meant
NEAR_BEST = 0.1  # suggestions further than this below the best are noise
MAX_SUGGESTIONS = 5


class RegisterError(Exception):
    """The register cannot be read; `wijkkit check` says why, line by line."""


@dataclass(frozen=True)
class Register:
    """The municipalities and the date the register describes, with the indexes a lookup needs."""

    municipalities: tuple[Municipality, ...]
    as_of: str | None = None

    @cached_property
    def by_code(self) -> dict[str, Municipality]:
        return {m.code: m for m in self.municipalities}

    @cached_property
    def by_key(self) -> dict[str, tuple[Municipality, ...]]:
        """Lookup key of every name and alias → the municipalities answering to it (two for 'bergen')."""
        found: dict[str, list[Municipality]] = {}
        for municipality in self.municipalities:
            for name in (municipality.name, *municipality.aliases):
                same = found.setdefault(lookup_key(name), [])
                if municipality not in same:
                    same.append(municipality)
        return {key: tuple(ms) for key, ms in found.items() if key}

    @cached_property
    def former_since(self) -> int | None:
        """The year of the oldest merger the register records."""
        return min((m.merged.year for m in self.municipalities if m.merged), default=None)

    def current(self, municipality: Municipality) -> tuple[Municipality, ...]:
        """The municipalities of today that a former one went into, following later mergers too."""
        result: list[Municipality] = []
        seen = {municipality.code}
        todo = list(municipality.merged.successors) if municipality.merged else []
        while todo:
            code = todo.pop(0)
            if code in seen or code not in self.by_code:
                continue
            seen.add(code)
            successor = self.by_code[code]
            if successor.merged:
                todo.extend(successor.merged.successors)
            elif successor not in result:
                result.append(successor)
        return tuple(result)


@dataclass(frozen=True)
class Lookup:
    """What a query found: the municipality, or the names it could mean, or the closest names to offer."""

    query: str
    found: Municipality | None
    suggestions: tuple[Municipality, ...] = ()
    code: str | None = None  # set when the query was a CBS code
    matches: tuple[Municipality, ...] = ()  # several municipalities answer to exactly this name
    successors: tuple[Municipality, ...] = ()  # `found` no longer exists: the municipalities it is part of now
    guess: Municipality | None = None  # the one suggestion clearly closer than the others, if there is one

    @property
    def former(self) -> bool:
        return self.found is not None and self.found.merged is not None


def read_register(root: Path) -> Register:
    document, problems = load_file(root / REGISTER, REGISTER)
    if document is None or problems:
        raise RegisterError(REGISTER)
    try:
        register = MunicipalityRegister.model_validate(document.data)
    except ValidationError as exc:
        raise RegisterError(REGISTER) from exc
    return Register(tuple(register.municipalities), register.as_of)


def _hit(register: Register, query: str, municipality: Municipality, code: str | None = None) -> Lookup:
    successors = register.current(municipality) if municipality.merged else ()
    return Lookup(query, municipality, code=code, successors=successors)


def find(register: Register, query: str) -> Lookup:
    """Exact match on code, name or alias; otherwise the closest names, with a guess only if one stands out."""
    text = PREFIX_RE.sub("", fold(query.strip()))
    code_match = CODE_RE.match(text)
    if code_match:
        code = "GM" + code_match.group(1).zfill(4)  # "344", "0344" and "gm0344" are all GM0344
        found = register.by_code.get(code)
        return _hit(register, query, found, code) if found else Lookup(query, None, code=code)
    key = lookup_key(text)
    exact = register.by_key.get(key, ())
    if len(exact) == 1:
        return _hit(register, query, exact[0])
    if exact:
        return Lookup(query, None, matches=exact)
    return _suggest(register, query, key)


def _suggest(register: Register, query: str, key: str) -> Lookup:
    if not key:
        return Lookup(query, None)
    scores: dict[str, float] = {}
    best_of: dict[str, Municipality] = {}
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    for candidate, municipalities in register.by_key.items():
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < CLOSE and not candidate.startswith(key):
            continue
        score = matcher.ratio()
        if len(key) >= 3 and candidate.startswith(key):
            score = max(score, PREFIX_SCORE)
        if score < CLOSE:
            continue
        for municipality in municipalities:
            if score > scores.get(municipality.code, -1.0):
                scores[municipality.code] = score
                best_of[municipality.code] = municipality
    ranked = sorted(scores, key=lambda code: (-scores[code], best_of[code].merged is not None, best_of[code].name))
    if not ranked:
        return Lookup(query, None)
    top = scores[ranked[0]]
    near = [code for code in ranked if scores[code] >= top - NEAR_BEST][:MAX_SUGGESTIONS]
    suggestions = tuple(best_of[code] for code in near)
    clear = len(near) == 1 or top - scores[near[1]] >= TIE
    return Lookup(query, None, suggestions, guess=suggestions[0] if clear else None)


def display(municipality: Municipality, *, province: bool = False) -> str:
    """ "'s-Gravenhage (Den Haag), GM0518" — the name people recognise and the code they will see in the file."""
    own = lookup_key(municipality.name)
    aliases = [a for a in municipality.aliases if lookup_key(a) not in own and own not in lookup_key(a)]  # not "Bergen"
    shown = f"{municipality.name} ({', '.join(aliases)})" if aliases else municipality.name
    if municipality.merged:
        shown += f" (opgeheven in {municipality.merged.year})"
    where = f" in {municipality.province}" if province else ""
    return f"{shown}{where}, {municipality.code}"
