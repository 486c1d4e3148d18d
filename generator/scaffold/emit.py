"""A record as YAML text that a person can read and that `wijkkit check` reads back exactly as it was given.

Used by `wijkkit from-issue`; the form on the site (theme/assets/javascripts/bijdragen-yaml.js) writes YAML by the
same rules, and a conformance test holds the two to the same bytes. The rules are few on purpose:

- fields in the model's order; empty values (None, "", []) are left out, as a contributor would leave them out;
- ids, enum values and CBS codes plain; every other text JSON-quoted (a JSON string is a YAML double-quoted
  string), so `: `, ` #`, `yes`, `0344` or a leading `-` can never change what the text means;
- text with line breaks as a `|-` block, unless a line would not survive a block (a tab, a leading space on the
  first line): then quoted as well;
- characters YAML reads as line breaks or refuses (U+0085, U+2028, U+2029, C1 controls, U+FEFF) escaped as \\uXXXX.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import BaseModel

PLAIN = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|[a-z]+(?:_[a-z]+)+|GM[0-9]{4})$")  # ids, field names, codes
# Words YAML 1.1 reads as something other than text, and plain digits: quoted even when they look like an id.
YAML_WORDS = re.compile(
    r"^(?:y|n|yes|no|on|off|true|false|null|0x[0-9a-f_]+|0b[01_]+|[0-9][0-9_]*|[0-9]+-[0-9]+(?:-[0-9]+)?)$"
)
ESCAPE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]")
INDENT = "  "


def quoted(text: str) -> str:
    """A YAML double-quoted string."""
    return ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _block_safe(text: str) -> bool:
    return "\t" not in text and not text.startswith((" ", "\n")) and not ESCAPE.search(text) and "\r" not in text


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if PLAIN.match(text) and not YAML_WORDS.match(text):
        return text
    return quoted(text)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _lines(key: str, value: Any, indent: str) -> list[str]:
    """`key: value` at `indent`, for any value the records hold."""
    if isinstance(value, dict):
        return [f"{indent}{key}:", *_mapping(value, indent + INDENT)]
    if isinstance(value, list):
        out = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, dict):
                inner = _mapping(item, indent + INDENT + INDENT)
                out.append(f"{indent}{INDENT}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{indent}{INDENT}- {scalar(item)}")
        return out
    if isinstance(value, str) and "\n" in value and _block_safe(value):
        body = [f"{indent}{INDENT}{line}" if line else "" for line in value.split("\n")]
        return [f"{indent}{key}: |-", *body]
    return [f"{indent}{key}: {scalar(value)}"]


def _mapping(data: dict[str, Any], indent: str) -> list[str]:
    out: list[str] = []
    for key, value in data.items():
        if not _empty(value):
            out.extend(_lines(key, value, indent))
    return out


def ordered(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """`data` with its keys in the model's field order (unknown keys last, so nothing is lost)."""
    known = [name for name in model.model_fields if name in data]
    return {name: data[name] for name in [*known, *(k for k in data if k not in model.model_fields)]}


def record_yaml(model: type[BaseModel], data: dict[str, Any], *, header: str = "") -> str:
    """The YAML file for one record; `header` lines become comments at the top."""
    comments = [f"# {line}".rstrip() for line in header.splitlines()] if header else []
    return "\n".join([*comments, *_mapping(ordered(model, data), "")]) + "\n"
