"""Open data: the whole Catalog as JSON, the examples as CSV and the JSON Schemas, as files for the site.

Every record carries its address on the site and the records it links to, so the JSON can be used without the
site. Output is deterministic (catalog order, no timestamps): the same content gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import typing
from typing import Any

from . import urls
from .catalog import Catalog
from .facts import completeness
from .kitfiles import downloads
from .model import KINDS, Example, marks
from .schema import models_in, schema_text, unwrap

JSON_FILE = urls.DATA_JSON
CSV_FILE = urls.DATA_CSV
LICENSE = "CC-BY-4.0"

# Columns the exporter adds to the ones marked on the model: about the municipality, and about the record's page.
MUNICIPALITY_COLUMNS = ("gemeente", "cbs_code", "provincie")  # cbs_code is the model's `municipality` field
PAGE_COLUMNS = ("compleet_procent", "pagina")


def csv_fields(model: type = Example, prefix: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    """(column, field path) for every field marked with `csv` on the model, nested models flattened, in the order
    the model declares them: adding a marked field to the model adds its column, with no change here."""
    found = []
    for name, info in model.model_fields.items():
        column = marks(model, name).get("csv")
        nested = [m for m in models_in(info.annotation) if not _is_list(info.annotation)]
        if column:
            found.append((column, (*prefix, name)))
        elif nested:
            found.extend(csv_fields(nested[0], (*prefix, name)))
    return found


def csv_columns() -> tuple[str, ...]:
    columns: list[str] = []
    for column, _ in csv_fields():
        columns.extend(MUNICIPALITY_COLUMNS if column == "cbs_code" else (column,))
    return (*columns, *PAGE_COLUMNS)


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(unwrap(annotation)[0]) is list


def _csv_value(value: Any) -> Any:
    """A field's value as one cell: lists joined with '; ', references by id, dates as JJJJ-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(_csv_value(item)) for item in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    for attribute in ("id", "source", "code"):
        if hasattr(value, attribute) and not isinstance(value, str):
            return getattr(value, attribute)
    return value


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        record = getattr(record, name, None) if record is not None else None
    return record


def schema_files() -> dict[str, bytes]:
    return {f"{urls.SCHEMA_FOLDER}/{kind.name}.json": schema_text(kind).encode("utf-8") for kind in KINDS}


def export_files(catalog: Catalog, site_url: str, *, kit_files: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """data/wijkkit.json, data/praktijkvoorbeelden.csv and schema/<kind>.json, as bytes by path."""
    return {
        # one record per line: readable and diffable, while json's C encoder (used only without `indent`) does the work
        JSON_FILE: _json_lines(catalog_json(catalog, site_url, kit_files=kit_files)).encode("utf-8"),
        CSV_FILE: examples_csv(catalog, site_url).encode("utf-8"),
        **schema_files(),
    }


def _json_lines(data: dict[str, Any]) -> str:
    """The top-level mapping with each list item on a line of its own. Valid JSON, byte-identical every run."""
    parts = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
            parts.append(f"{name}: [\n  {items}\n ]")
        else:
            parts.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def catalog_json(catalog: Catalog, site_url: str, *, kit_files: frozenset[str] = frozenset()) -> dict[str, Any]:
    def page(kind: str, record_id: str) -> str:
        return urls.absolute(site_url, urls.page_url(kind, record_id))

    def record(kind: str, item: Any, **links: Any) -> dict[str, Any]:
        return {
            **item.model_dump(mode="json"),
            "url": page(kind, item.id),
            "file": catalog.file_of(kind, item.id),
            **links,
        }

    def ids(items: Any) -> list[str]:
        return [item.id for item in items]

    return {
        "name": "Wijkkit",
        "site": site_url,
        "license": LICENSE,
        "counts": catalog.counts(),
        "principles": [
            record(
                "principle",
                p,
                related_to=ids(catalog.related_to[p.id]),
                used_by={
                    "cases": ids(catalog.uses[p.id].cases),
                    "examples": ids(catalog.uses[p.id].examples),
                    "kits": ids(catalog.uses[p.id].kits),
                },
            )
            for p in catalog.principles
        ],
        "cases": [record("case", c) for c in catalog.cases],
        "examples": [
            record(
                "example",
                e,
                municipality_name=catalog.municipality_by_code[e.codes[0]].name,
                province=catalog.municipality_by_code[e.codes[0]].province,
                municipality_url=page("municipality", e.codes[0]),
                completeness=_completeness(e),
            )
            for e in catalog.examples
        ],
        "sources": [
            record("source", s, cited_by=[{"kind": c.kind, "id": c.record.id} for c in catalog.cited_by[s.id]])
            for s in catalog.sources
        ],
        "werkvormen": [record("werkvorm", w) for w in catalog.werkvormen],
        "kits": [
            record(
                "kit",
                k,
                selected_principles=ids(catalog.kit_principles[k.id]),
                selected_cases=ids(catalog.kit_cases[k.id]),
                files=[_kit_file(site_url, d) for d in downloads(k, kit_files)],
            )
            for k in catalog.kits
        ],
        "municipalities": [  # only a municipality with examples has a page on the site
            {
                **m.model_dump(mode="json"),
                "url": page("municipality", m.code) if catalog.examples_in[m.code] else None,
                "examples": ids(catalog.examples_in[m.code]),
            }
            for m in catalog.municipalities
        ],
        "tags": [
            {
                **t.model_dump(mode="json"),
                "records": [{"kind": c.kind, "id": c.record.id} for c in catalog.tagged[t.id]],
            }
            for t in catalog.tags
        ],
    }


# A cell that starts with one of these is a formula to Excel and LibreOffice: '=HYPERLINK("https://…?x="&A1)' would
# send a reader's data to another site the moment the file is opened. OWASP's rule: put a quote before it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: formula starts get a leading apostrophe (the OWASP advice)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def examples_csv(catalog: Catalog, site_url: str) -> str:
    """One row per example; lists are joined with '; ' so the file opens as a plain table in a spreadsheet.
    Every cell goes through `cell`, so no cell is ever read as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_columns())
    fields = csv_fields()
    for e in catalog.examples:
        m = catalog.municipality_by_code[e.codes[0]]
        row: list[Any] = []
        for column, path in fields:
            row.extend((m.name, m.code, m.province) if column == "cbs_code" else (_csv_value(_get(e, path)),))
        row += [completeness(e).percent, urls.absolute(site_url, urls.page_url("example", e.id))]
        writer.writerow(cell(value) for value in row)
    return out.getvalue()


def _completeness(example: Any) -> dict[str, Any]:
    """Which optional fields are filled, by field name: what a contributor would add."""
    found = completeness(example)
    return {"percent": found.percent, "missing": list(found.missing_fields)}


def _kit_file(site_url: str, download: Any) -> dict[str, Any]:
    return {
        "label": download.label,
        "pdf": urls.absolute(site_url, download.pdf) if download.pdf else None,
        "html": urls.absolute(site_url, download.html) if download.html else None,
    }
