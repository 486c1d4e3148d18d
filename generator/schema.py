"""The model read as a schema: field paths, their types and marks, and JSON Schema export for editors and open data.

Generated from the model, so the schema an editor checks against is the schema the validator enforces, and every
other reader of the model (validator, scaffold, issue form, contribution form, tests) asks it the same way.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import KINDS, Card, Kind, Markdown

Loc = tuple[str | int, ...]


DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: Kind) -> dict[str, Any]:
    schema = kind.model.model_json_schema()
    schema.pop("title", None)
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)  # class names are English; each definition has a Dutch description
    where = f"{kind.folder}/<id>.yaml" if kind.folder else kind.file
    return {"$schema": DRAFT, "title": f"Wijkkit: {kind.label[0]} ({where})", **schema}


def schema_text(kind: Kind) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write <kind>.json for every kind; only rewrite files whose content changed."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / f"{kind.name}.json"
        text = schema_text(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------------------------------------------------------
# Reading the model: what type, metadata and description a field path has (the validator, the scaffold, the
# issue form and the tests all ask these questions)


def unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """Strip Annotated (keeping its metadata) and Optional."""
    meta: list[Any] = []
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            meta.extend(tp.__metadata__)
            tp = tp.__origin__
            continue
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
        return tp, meta


def models_in(tp: Any) -> list[type[BaseModel]]:
    tp, _ = unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in models_in(arg)]


@dataclass(frozen=True)
class FieldType:
    """What the schema says about one field path."""

    name: str  # the last field name on the path ('' for the record itself)
    annotation: Any
    metadata: tuple[Any, ...]
    description: str
    owner: type[BaseModel] | None  # the model the field belongs to

    @property
    def card_limit(self) -> int | None:
        return next((m.max_chars for m in self.metadata if isinstance(m, Card)), None)

    @property
    def is_markdown(self) -> bool:
        return any(isinstance(m, Markdown) for m in self.metadata)

    @property
    def choices(self) -> list[str]:
        tp, _ = unwrap(self.annotation)
        if typing.get_origin(tp) is list:
            tp, _ = unwrap(typing.get_args(tp)[0])
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return [str(e.value) for e in tp]
        return []


def field_type(model: type[BaseModel], loc: Loc) -> FieldType | None:
    """Follow `loc` (field names and list indexes) through the model classes."""
    tp: Any = model
    meta: list[Any] = []
    name, description, owner = "", "", None
    for part in loc:
        tp, extra = unwrap(tp)
        if isinstance(part, int):
            args = typing.get_args(tp)
            if not args:
                return None
            tp, meta = args[0], []
            continue
        for candidate in models_in(tp):
            if part in candidate.model_fields:
                info = candidate.model_fields[part]
                tp, meta = info.annotation, list(info.metadata)
                name, description, owner = part, info.description or "", candidate
                break
        else:
            return None
    tp, extra = unwrap(tp)
    return FieldType(name, tp, tuple(meta + extra), description, owner)


@cache
def markdown_patterns(model: type[BaseModel]) -> frozenset[Loc]:
    """Field paths holding Markdown, with '*' for any list index: ('steps', '*', 'do')."""
    found: set[Loc] = set()

    def visit(tp: Any, prefix: Loc, meta: list[Any]) -> None:
        tp, extra = unwrap(tp)
        if any(isinstance(m, Markdown) for m in meta + extra):
            found.add(prefix)
        if typing.get_origin(tp) is list:
            visit(typing.get_args(tp)[0], prefix + ("*",), [])
            return
        for candidate in models_in(tp):
            for fname, info in candidate.model_fields.items():
                visit(info.annotation, prefix + (fname,), list(info.metadata))

    visit(model, (), [])
    return frozenset(found)
