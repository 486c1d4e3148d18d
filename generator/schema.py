"""JSON Schema export, one file per record kind, for editors (VS Code's YAML extension) and for the open data.

Generated from the model, so the schema an editor checks against is the schema the validator enforces.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import KINDS, Kind

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
