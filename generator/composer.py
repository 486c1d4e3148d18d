"""The session composer at /workshopkits/samenstellen/: its page, and the pieces of its data that need no renderer.

A facilitator composes a session in the browser (theme/assets/javascripts/composer-*.js) and prints its documents
there. The browser keeps the build's logic and templates, not copies of them:

- the data file (`gegevens.json`) holds the shipped kits, werkvormen, principles and cases as the model dumps them,
  the kit templates' own source (rendered there by Nunjucks, a Jinja-compatible engine), the schedule's rule
  constants (the regular expressions of generator/schedule.py, translated to JavaScript syntax here, once), the
  document and layout tables of generator/kitfiles.py, the rendered Markdown of every text the templates pass
  through `md`, and the QR codes of every page a kit document points at;
- the print stylesheet (`afdruk.css`) is the kit's own kit.css and cards.css, scoped to the print section of the
  page (so they do not restyle the site) and with the card sheets on a page of their own name.

The data file and the print stylesheet are written by the site build (generator/site/composer.py), which may
read the kit builder's tables; this module is read by the pages too, so it imports no renderer.
tests/kits/test_composer_conformance.py holds the browser's schedule to generator/schedule.py on every shipped kit
and on edge cases, and renders one context with Jinja2 and with Nunjucks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import schedule, urls
from .catalog import Catalog
from .kitfiles import DOCUMENTS
from .markup import to_html

PAGE = f"{urls.SECTIONS['kit']}/{urls.COMPOSER}.md"  # → /workshopkits/samenstellen/
FOLDER = f"{urls.SECTIONS['kit']}/{urls.COMPOSER}"
DATA = f"{FOLDER}/gegevens.json"  # fetched by the page's script as 'gegevens.json'
PRINT_CSS = f"{FOLDER}/afdruk.css"  # loaded by the page's script as 'afdruk.css'
TEMPLATES = Path(__file__).resolve().parent / "kits" / "templates"
TOKEN = "WKKTIJD{}WKK"  # stands in for a time offset while a guide text is rendered (see guide_html)
# Python properties the templates read, which dataclasses.fields does not list
PROPERTIES = {
    "AgendaItem": ("steps_fitted",),
    "KitPlan": ("slots", "start", "end", "duration"),
    "Sheet": ("face_label",),
}


# ---------------------------------------------------------------------------------------------------------------
# plain JSON from the build's objects


def jsonable(value: Any) -> Any:
    """A kit plan or template context as plain JSON values: models as the model dumps them, dataclasses as their
    fields (and the properties templates read), tuples and sets as lists, dates as ISO text."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        found.update({name: jsonable(getattr(value, name)) for name in PROPERTIES.get(type(value).__name__, ())})
        return found
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (frozenset, set)):
        return sorted(jsonable(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------------------------------------------------------
# the schedule's rules in JavaScript syntax

_WORD = r"[\p{L}\p{N}_]"
_BOUNDARY = rf"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))"


def js_pattern(pattern: re.Pattern[str]) -> dict[str, str]:
    """A Python regular expression as the source and flags of the same JavaScript one (with the 'u' flag).

    Only what generator/schedule.py uses is translated: named groups, and \\b, which is Unicode-aware in Python and
    ASCII-only in JavaScript ('één minuut' must match in both)."""
    source = pattern.pattern.replace("(?P<", "(?<").replace(r"\b", _BOUNDARY)
    flags = "u" + ("i" if pattern.flags & re.IGNORECASE else "") + ("s" if pattern.flags & re.DOTALL else "")
    return {"source": source, "flags": flags}


# ---------------------------------------------------------------------------------------------------------------
# the data file


def guide_html(text: str) -> dict[str, Any]:
    """A guide text rendered as the kits render it, with its time offsets still open: each offset is replaced by a
    token that Markdown leaves alone, rendered, and listed, so the browser puts in the clock times (the build puts
    them in before rendering; a token and a clock time are both plain text to Markdown)."""
    offsets: list[str] = []

    def token(match: re.Match[str]) -> str:
        offsets.append(match.group())
        return TOKEN.format(len(offsets) - 1)

    return {"html": to_html(schedule.OFFSET.sub(token, text)), "offsets": offsets}


# ---------------------------------------------------------------------------------------------------------------
# the page


def page_context(catalog: Catalog) -> dict[str, Any]:
    """What the page's own HTML lists (so it reads and works in part without its script): the kits to start from,
    the principles and cases to choose, the werkvormen to add and the documents to print."""
    printed = [DOCUMENTS[d] for d in DOCUMENTS if DOCUMENTS[d].copies != "scherm"]
    return {
        "kits": catalog.kits,
        "principles": catalog.principles,
        "cases": catalog.cases,
        "werkvormen": catalog.werkvormen,
        "printed": printed,
    }
