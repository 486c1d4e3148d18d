"""An issue-form body → the answers by question, and the answers → record data.

GitHub writes a submitted issue form as Markdown: for each question `### Label`, an empty line, the answer, and
`_No response_` for an answer left empty; checkboxes as `- [X] label`. Bodies arrive with Windows line ends when
written on Windows, and people edit them afterwards (bullets before list items, extra blank lines). Anything that
cannot be turned into a value is an `Answer` problem with the question's label, in Dutch; values that are only
wrong (an unknown status, a principle id that does not exist) are passed on as typed, so that `wijkkit check`
answers them with its own messages and suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Municipality, Principle, Source, Tag
from ..names import fold, lookup_key, slugify
from ..scaffold import municipalities as lookup_module
from ..scaffold.municipalities import display, find
from .questions import Question, by_label, questions

NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*#*[ \t]*$")
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
CHECKBOX = re.compile(r"^\s*-\s*\[([ xX])\]\s*(.*?)\s*$")
GM = re.compile(r"\bGM\s?([0-9]{4})\b", re.IGNORECASE)
FENCE = re.compile(r"^```[\w-]*\n(.*?)\n?```$", re.DOTALL)


@dataclass(frozen=True)
class Trouble:
    """Something in an answer that keeps it from becoming a record: the question's label, what, and what to do."""

    label: str
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Known:
    """What the project already has, to turn names and titles into ids."""

    municipalities: tuple[Municipality, ...]
    sources: tuple[Source, ...] = ()
    principles: tuple[Principle, ...] = ()
    tags: tuple[Tag, ...] = ()
    example_ids: frozenset[str] = frozenset()


def sections(body: str) -> dict[str, str]:
    """'### Label' → the text under it (stripped; '' for _No response_)."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        heading = HEADING.match(line)
        if heading:
            current = found.setdefault(heading.group(1).strip(), [])
            continue
        if current is not None:
            current.append(line)
    out = {}
    for label, lines in found.items():
        value = "\n".join(lines).strip()
        fenced = FENCE.match(value)
        if fenced:
            value = fenced.group(1).strip()
        out[label] = "" if value == NO_RESPONSE else value
    return out


def checked(value: str) -> list[tuple[bool, str]]:
    return [(m.group(1) != " ", m.group(2)) for line in value.split("\n") if (m := CHECKBOX.match(line))]


def _items(value: str, *, commas: bool) -> list[str]:
    parts = re.split(r"[,;\n]" if commas else r"\n", value)
    return [BULLET.sub("", part).strip() for part in parts if BULLET.sub("", part).strip()]


def _fold_match(value: str, options: dict[str, str]) -> str:
    """An option typed in another case or with accents ('Geëvalueerd' → 'geevalueerd'); else the value as typed."""
    return options.get(lookup_key(value), value)


@dataclass
class Record:
    """What the answers say: the example's data, a new source's data, and what could not be read."""

    example: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)
    troubles: list[Trouble] = field(default_factory=list)
    agreed: bool = False


class Reader:
    """Turns answers into values, one question at a time."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.record = Record()
        maker = getattr(lookup_module, "Register", None)  # the register with its indexes, where the lookup has one
        self.register: Any = maker(tuple(known.municipalities)) if maker else tuple(known.municipalities)

    def trouble(self, question: Question, message: str, hint: str = "") -> None:
        self.record.troubles.append(Trouble(question.label, message, hint))

    # one reader per answer kind -------------------------------------------------------------------------------
    def text(self, q: Question, value: str) -> Any:
        return value

    markdown = text

    def int(self, q: Question, value: str) -> Any:
        digits = value.replace(".", "").replace(" ", "")
        if digits.isdigit():
            return int(digits)
        self.trouble(q, f"'{value}' is geen heel getal", "Schrijf alleen cijfers, zoals 2016.")
        return None

    def bool(self, q: Question, value: str) -> Any:
        answer = fold(value).strip(" .!")
        if answer in ("ja", "yes", "true", "j", "waar"):
            return True
        if answer in ("nee", "no", "false", "n", "niet"):
            return False
        self.trouble(
            q, f"'{value}' is geen ja of nee", "Schrijf ja of nee, of laat de vraag leeg als je het niet weet."
        )
        return None

    def choice(self, q: Question, value: str) -> Any:
        return _fold_match(value, {lookup_key(c): c for c in q.choices})

    def choices(self, q: Question, value: str) -> Any:
        return [self.choice(q, item) for item in _items(value, commas=True)]

    def lines(self, q: Question, value: str) -> Any:
        return _items(value, commas=False)

    def commas(self, q: Question, value: str) -> Any:
        return _items(value, commas=True)

    def municipality(self, q: Question, value: str) -> Any:
        code = GM.search(value)
        query = f"GM{code.group(1)}" if code else value
        lookup = find(self.register, query)
        if lookup.found is not None:
            return lookup.found.code
        several = getattr(lookup, "matches", ())
        if several:
            options = "; ".join(display(m) for m in several)
            self.trouble(
                q,
                f"er zijn meer gemeenten met de naam '{value}'",
                f"Schrijf welke je bedoelt, met de code erbij: {options}.",
            )
        elif lookup.code:
            self.trouble(
                q,
                f"er is geen gemeente met code {lookup.code}",
                "Controleer de code in de lijst van het CBS, of schrijf de naam van de gemeente.",
            )
        elif lookup.suggestions:
            options = "; ".join(display(m) for m in lookup.suggestions)
            self.trouble(
                q, f"gemeente '{value}' is niet gevonden", f"Bedoel je: {options}? Schrijf de naam of de code."
            )
        else:
            self.trouble(
                q,
                f"gemeente '{value}' is niet gevonden",
                "Schrijf de officiële naam van de gemeente, of haar CBS-code (GM en vier cijfers).",
            )
        return None

    def municipalities(self, q: Question, value: str) -> Any:
        codes = [self.municipality(q, item) for item in _items(value, commas=True)]
        return [c for c in codes if c]

    def tags(self, q: Question, value: str) -> Any:
        options = {lookup_key(t.id): t.id for t in self.known.tags} | {
            lookup_key(t.label): t.id for t in self.known.tags
        }
        return [_fold_match(item, options) for item in _items(value, commas=True)]

    def principles(self, q: Question, value: str) -> Any:
        known = self.known.principles
        by_key = {lookup_key(p.id): p.id for p in known} | {lookup_key(p.title): p.id for p in known}
        by_key |= {str(p.number): p.id for p in known}
        uses = []
        for line in _items(value, commas=False):
            key, how = line, ""
            for principle in sorted(known, key=lambda p: -len(p.title)):  # a title may hold a colon itself
                for name in (principle.title, principle.id, str(principle.number)):
                    if fold(line).startswith(fold(name)) and line[len(name) :].lstrip().startswith((":", "–", "-")):
                        key, how = name, line[len(name) :].lstrip()[1:].strip()
                        break
                if how:
                    break
            else:
                if ":" in line:
                    key, how = (part.strip() for part in line.split(":", 1))
            use: dict[str, Any] = {"id": _fold_match(key, by_key)}
            if how:
                use["how"] = how
            uses.append(use)
        return uses

    def sources(self, q: Question, value: str) -> Any:
        refs = []
        for line in _items(value, commas=False):
            parts = [part.strip() for part in line.split("|")]
            ref: dict[str, Any] = {"source": self.source_id(parts[0])}
            if len(parts) > 1 and parts[1]:
                ref["note"] = parts[1]
            if len(parts) > 2 and parts[2]:
                ref["supports"] = [self.field_name(name) for name in _items(parts[2], commas=True)]
            refs.append(ref)
        return refs

    def source_id(self, typed: str) -> str:
        """An id, web address or title of a known source → its id; anything else as typed (the check answers it)."""

        def address(url: str) -> str:
            return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()

        for source in self.known.sources:
            if typed == source.id or (source.url and address(typed) == address(source.url)):
                return source.id
            if lookup_key(typed) == lookup_key(source.title):
                return source.id
        return typed

    @staticmethod
    def field_name(typed: str) -> str:
        from ..model import Example

        options = {lookup_key(name): name for name in Example.model_fields}
        options |= {lookup_key(info.title or ""): name for name, info in Example.model_fields.items()}
        return options.get(lookup_key(typed), typed)


def _place(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def read_answers(body: str, known: Known) -> Record:
    """The whole body → a Record. Required questions left empty and the agreement are checked here."""
    from .issueform import AGREEMENT, AGREEMENT_LABEL

    answers = sections(body)
    reader = Reader(known)
    labels = by_label()
    if not any(label in answers for label in labels):
        reader.record.troubles.append(
            Trouble(
                "",
                "dit issue is niet met het formulier 'Praktijkvoorbeeld voorstellen' gemaakt",
                "Open een nieuw issue met dat formulier, of met het formulier op de site (Bijdragen → Voorbeeld "
                "toevoegen).",
            )
        )
        return reader.record
    for question in questions():
        value = answers.get(question.label, "").strip()
        if not value:
            if question.required:
                reader.trouble(question, "deze vraag is verplicht maar nog leeg", question.description)
            continue
        parsed = getattr(reader, question.answer)(question, value)
        if parsed is None or parsed == []:
            continue
        target = (
            reader.record.source
            if question.path[0] == "source" and question.id.startswith("source_")
            else reader.record.example
        )
        _place(target, question.path[1:] if target is reader.record.source else question.path, parsed)
    boxes = checked(answers.get(AGREEMENT_LABEL, ""))
    ticked = {label for on, label in boxes if on}
    reader.record.agreed = all(text in ticked for text in AGREEMENT)
    if not reader.record.agreed:
        reader.record.troubles.append(
            Trouble(
                AGREEMENT_LABEL,
                "de afspraken zijn niet allebei aangevinkt",
                "Vink ze aan als ze kloppen: zonder die toestemming kan Wijkkit het voorbeeld niet publiceren.",
            )
        )
    return reader.record


def new_id(base: str, taken: set[str] | frozenset[str]) -> str:
    """`base`, or `base-2`, `base-3`… when a record already has that id."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def example_id(municipality: Municipality | None, title: str, taken: frozenset[str]) -> str:
    return new_id(slugify(municipality.name if municipality else "", title) or "voorbeeld", taken)
