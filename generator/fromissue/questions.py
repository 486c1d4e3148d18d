"""The questions of the issue form 'Praktijkvoorbeeld voorstellen', derived from the model.

One list serves three readers: the issue form itself (.github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml is written from
it, and a test keeps the committed file current), `wijkkit from-issue` (which reads the answers back by their
labels) and the form on the site (which fills the answers in through the issue form's URL, by question id).

Every answer is typed text, never a dropdown: GitHub cannot fill in a dropdown from a link, and a required dropdown
silently starts on its first option. How each answer is written (one per line, separated by commas, a name or a
code) is the `answer` of the question; the form on the site writes, and `from-issue` reads, exactly those formats.
"""

from __future__ import annotations

import enum
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model import Example, PrincipleUse, Source, SourceRef
from ..schema import models_in, unwrap

SKIPPED = ("id", "last_reviewed")  # made by `from-issue`: the id from municipality and title, the date is today
NEW_SOURCE = ("title", "kind", "url", "obtain", "date", "publisher", "authors")  # a new source, in this order
NEW_SOURCE_PREFIX = "source_"
LABEL_NEW_SOURCE = "Nieuwe bron"

# How the answer is written, and what the question says about it (added to the field's own description).
HOW = {
    "text": "",
    "markdown": "",
    "int": "",
    "bool": "Schrijf ja of nee.",
    "choice": "Kies één: {choices}.",
    "choices": "Kies uit: {choices}. Meer mag, gescheiden door komma's.",
    "lines": "Eén per regel.",
    "commas": "Gescheiden door komma's.",
    "municipality": "",
    "municipalities": "Namen of CBS-codes, gescheiden door komma's.",
    "tags": "Trefwoorden van de site (zie Trefwoorden), gescheiden door komma's.",
    "principles": (
        "Eén principe per regel: het nummer, de titel of de id van het principe (zie Principes op de site), "
        "dan een dubbele punt en hoe de gemeente het toepast. Bijvoorbeeld: 8: Het team begint bij wat "
        "bewoners al doen."
    ),
    "sources": (
        "Eén bron per regel: de id van een bron op de site (zie Bronnen), haar webadres of haar titel. "
        "Zet na een | waar in de bron het staat, en noemen meer bronnen elk een deel, zet dan na nog een | "
        "welke velden de bron onderbouwt, zoals: movisie-2014 | p. 12 | period, teams. Staat de bron nog "
        "niet op de site? Vul dan de vragen 'Nieuwe bron' hieronder in."
    ),
}
# Query parameters GitHub's new-issue page reads itself: a question with one of these ids could not be filled in.
GITHUB_PARAMETERS = frozenset({"title", "body", "labels", "template", "assignees", "milestone", "projects", "type"})
MUNICIPALITY_TEXT = "De naam van de gemeente, of haar CBS-code (GM en vier cijfers) als je die weet."


@dataclass(frozen=True)
class Question:
    """One question of the issue form and where its answer goes in the record."""

    id: str  # the issue form's field id; also the query parameter that fills it in
    path: tuple[str, ...]  # ('period', 'start'); for a new source: ('source', 'title')
    label: str  # the heading GitHub writes above the answer in the issue ('### Looptijd: begin')
    description: str
    answer: str  # a key of HOW
    required: bool
    choices: tuple[str, ...] = ()
    textarea: bool = False

    @property
    def example_field(self) -> str:
        return self.path[0]


def _choices(annotation: Any) -> tuple[str, ...]:
    tp, _ = unwrap(annotation)
    if typing.get_origin(tp) is list:
        tp, _ = unwrap(typing.get_args(tp)[0])
    if typing.get_origin(tp) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(tp))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tuple(str(e.value) for e in tp)
    return ()


def _answer(name: str, annotation: Any, metadata: list[Any]) -> tuple[str, bool]:
    """(answer kind, textarea?) for a field, from its type."""
    if name == "municipality":
        return "municipality", False
    if name == "other_municipalities":
        return "municipalities", False
    if name == "tags":
        return "tags", False
    tp, meta = unwrap(annotation)
    meta = [*metadata, *meta]
    if typing.get_origin(tp) is list:
        inner, _ = unwrap(typing.get_args(tp)[0])
        if inner is PrincipleUse:
            return "principles", True
        if inner is SourceRef:
            return "sources", True
        if _choices(tp):
            return "choices", False
        return ("lines", True) if name != "authors" else ("commas", False)
    if _choices(tp):
        return "choice", False
    if tp is bool:
        return "bool", False
    if tp is int:
        return "int", False
    markdown = any(type(m).__name__ == "Markdown" for m in meta)
    long = any(getattr(m, "max_length", None) and m.max_length > 100 for m in meta)
    if markdown:
        return "markdown", True
    return "text", long


def _describe(description: str, answer: str, choices: tuple[str, ...]) -> str:
    if answer == "municipality":
        return MUNICIPALITY_TEXT
    if answer == "tags":  # the model's description points at a file; the form's readers know the site
        return HOW["tags"]
    if choices and all(choice in description for choice in choices):  # the description already names them
        how = {"choice": "Kies er één.", "choices": "Meer mag, gescheiden door komma's."}[answer]
    else:
        listed = ", ".join(choices[:-1]) + f" of {choices[-1]}" if len(choices) > 1 else "".join(choices)
        how = HOW[answer].format(choices=listed)
    return " ".join(part for part in (description, how) if part)


def _field_questions(
    model: type[BaseModel],
    names: tuple[str, ...] | None,
    prefix: str,
    path: tuple[str, ...],
    label: str,
    required_parent: bool,
) -> list[Question]:
    out = []
    for name, info in model.model_fields.items():
        if names is not None and name not in names:
            continue
        title = info.title or name
        nested = [m for m in models_in(info.annotation) if typing.get_origin(unwrap(info.annotation)[0]) is not list]
        required = info.is_required() and required_parent
        if nested:
            out.extend(
                _field_questions(nested[0], None, f"{prefix}{name}_", (*path, name), f"{title}: ", info.is_required())
            )
            continue
        answer, textarea = _answer(name, info.annotation, list(info.metadata))
        choices = _choices(info.annotation)
        full_label = f"{label}{title.lower() if label else title}"
        question_id = f"{prefix}{name}"
        if question_id in GITHUB_PARAMETERS:
            question_id = f"example_{name}"
        out.append(
            Question(
                question_id,
                (*path, name),
                full_label,
                _describe(info.description or "", answer, choices),
                answer,
                required,
                choices,
                textarea,
            )
        )
    return out


def example_questions() -> list[Question]:
    names = tuple(name for name in Example.model_fields if name not in SKIPPED)
    questions = _field_questions(Example, names, "", (), "", True)
    # A new source can stand in for the sources list, so the list itself is not required in the issue form.
    return [
        Question(q.id, q.path, q.label, q.description, q.answer, False, q.choices, q.textarea)
        if q.id == "sources"
        else q
        for q in questions
    ]


def source_questions() -> list[Question]:
    questions = _field_questions(Source, NEW_SOURCE, NEW_SOURCE_PREFIX, ("source",), f"{LABEL_NEW_SOURCE}: ", False)
    order = {name: index for index, name in enumerate(NEW_SOURCE)}
    return sorted(questions, key=lambda q: order[q.path[1]])


def questions() -> list[Question]:
    return [*example_questions(), *source_questions()]


def by_label() -> dict[str, Question]:
    return {q.label: q for q in questions()}
