"""Record templates → YAML text with Dutch comments, rendered with Jinja2.

Field explanations come from the model's Dutch descriptions, so a template never explains a field differently
from the editor tooltip (JSON Schema) and the validator's hints.
"""

from __future__ import annotations

import json
import textwrap
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import KIND_BY_NAME, Record
from ..schema import field_type

TEMPLATES = Path(__file__).parent / "templates"
WIDTH = 110


def yaml_text(value: str) -> str:
    """A YAML double-quoted string: safe for titles with ': ', '#' or quotes in them (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def comment_list(label: str, items: list[str]) -> str:
    """'# Label: a, b, c.' wrapped into comment lines, so long lists of ids stay readable."""
    lines = textwrap.wrap(f"{label}: {', '.join(items)}.", WIDTH - 2, break_on_hyphens=False, break_long_words=False)
    return "\n".join(f"# {line}" for line in lines)


def _field_help(model: type[Record]) -> Any:
    def field(name: str) -> str:
        info = model.model_fields[name]
        prefix = "VERPLICHT. " if info.is_required() else ""
        return prefix + (info.description or "")

    return field


def _choices(model: type[Record]) -> Any:
    def choices(name: str) -> str:
        found = field_type(model, (name,))
        options = found.choices if found else []
        return ", ".join(options[:-1]) + f" of {options[-1]}" if len(options) > 1 else "".join(options)

    return choices


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # YAML, not HTML; values that need quoting go through yaml_text
    )
    env.filters["yaml_text"] = yaml_text
    env.filters["comment_list"] = comment_list
    return env


def render(kind: str, **values: Any) -> str:
    """Render the template for `kind` ('example', 'principle', 'case', 'source') with the given values."""
    model = KIND_BY_NAME[kind].model
    defaults: dict[str, Any] = {
        "record_id": None,
        "title": None,
        "today": None,
        "municipality": None,
        "number": None,
        "sources": [],
        "principles": [],
        "tags": [],
    }
    template = _environment().get_template(f"{kind}.yaml.j2")
    return template.render({**defaults, **values, "field": _field_help(model), "choices": _choices(model)})
