"""The session composer at /workshopkits/samenstellen/: what its page and its script need from the build.

A facilitator composes a session in the browser (theme/assets/javascripts/composer-*.js) and prints its documents
there. The browser keeps the build's logic and templates, not copies of them:

- the data file (`gegevens.json`) holds the shipped kits, werkvormen, principles and cases as the model dumps them,
  the kit templates' own source (rendered there by Nunjucks, a Jinja-compatible engine), the schedule's rule
  constants (the regular expressions of generator/schedule.py, translated to JavaScript syntax here, once), the
  document and layout tables of generator/kitfiles.py, the rendered Markdown of every text the templates pass
  through `md`, and the QR codes of every page a kit document points at;
- the print stylesheet (`afdruk.css`) is the kit's own kit.css and cards.css, scoped to the print section of the
  page (so they do not restyle the site) and with the card sheets on a page of their own name.

tests/kits/test_composer_conformance.py holds the browser's schedule to generator/schedule.py on every shipped kit
and on edge cases, and renders one context with Jinja2 and with Nunjucks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import schedule, urls
from .catalog import Catalog
from .kitfiles import DOCUMENTS, LAYOUTS
from .markup import to_html

PAGE = f"{urls.SECTIONS['kit']}/{urls.COMPOSER}.md"  # → /workshopkits/samenstellen/
FOLDER = f"{urls.SECTIONS['kit']}/{urls.COMPOSER}"
DATA = f"{FOLDER}/gegevens.json"  # fetched by the page's script as 'gegevens.json'
PRINT_CSS = f"{FOLDER}/afdruk.css"  # loaded by the page's script as 'afdruk.css'
TEMPLATES = Path(__file__).resolve().parent / "kits" / "templates"
STATIC = Path(__file__).resolve().parent / "kits" / "static"
PRINT_SOURCES = ("kit.css", "cards.css")  # the A4 documents and the card sheets; the slides are not printed
TOKEN = "WKKTIJD{}WKK"  # stands in for a time offset while a guide text is rendered (see guide_html)
# Python properties the templates read, which dataclasses.fields does not list
PROPERTIES = {"AgendaItem": ("steps_fitted",), "KitPlan": ("slots", "start", "end", "duration"),
              "Sheet": ("face_label",)}


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


def rules() -> dict[str, Any]:
    from .kits.plan import MONTHS, PER_PRINCIPLE_SLIDE, WEEKDAYS

    return {
        "day": schedule.DAY,
        "offset": js_pattern(schedule.OFFSET),
        "placeholder": js_pattern(schedule.PLACEHOLDER),
        "clock_in_text": js_pattern(schedule.CLOCK_IN_TEXT),
        "duration_in_text": js_pattern(schedule.DURATION_IN_TEXT),
        "sentence": js_pattern(schedule._SENTENCE),
        "per_principle_slide": PER_PRINCIPLE_SLIDE,
        "weekdays": WEEKDAYS,
        "months": MONTHS,
    }


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


def _urls(catalog: Catalog, site_url: str) -> list[str]:
    pages = [("principle", p.id) for p in catalog.principles] + [("case", c.id) for c in catalog.cases]
    pages += [("werkvorm", w.id) for w in catalog.werkvormen] + [("kit", k.id) for k in catalog.kits]
    return [urls.absolute(site_url, urls.page_url(kind, record_id)) for kind, record_id in pages] + [
        urls.absolute(site_url, f"{urls.SECTIONS['kit']}/")]


def composer_data(catalog: Catalog, site_url: str) -> dict[str, Any]:
    """Everything the composer's script reads, as plain JSON."""
    from .kits.qr import qr_data_uri

    markdown: dict[str, str] = {}
    for kit in catalog.kits:
        for text in (kit.goal, kit.variants.online, kit.variants.shorter):
            if text:
                markdown[text] = to_html(text)
    for case in catalog.cases:
        markdown[case.situation] = to_html(case.situation)
    guides = {block.guide: guide_html(block.guide) for kit in catalog.kits for block in kit.blocks}
    return {
        "version": 1,
        "site_url": site_url,
        "sections": urls.SECTIONS,
        "kits": jsonable(catalog.kits),
        "principles": jsonable(catalog.principles),
        "cases": jsonable(catalog.cases),
        "werkvormen": jsonable(catalog.werkvormen),
        "templates": {path.name: path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.j2"))},
        "markdown": markdown,
        "guides": guides,
        "token": TOKEN.format("(\\d+)"),
        "qr": {url: qr_data_uri(url) for url in _urls(catalog, site_url)},
        "rules": rules(),
        "documents": [{**jsonable(spec), "document": spec.document.value} for spec in DOCUMENTS.values()],
        "layouts": jsonable(LAYOUTS),
    }


def composer_files(catalog: Catalog, site_url: str) -> dict[str, bytes]:
    """The data file and the print stylesheet, beside the page in the docs folder."""
    data = json.dumps(composer_data(catalog, site_url), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return {DATA: data.encode("utf-8"), PRINT_CSS: print_css().encode("utf-8")}


# ---------------------------------------------------------------------------------------------------------------
# the print stylesheet

SCOPE = "div.wk-print"  # the print section: what the kit documents call html
DOC = "div.wk-doc"  # one document in it: what a kit document calls body
CARD_PAGE = "wk-kaarten"  # the card sheets' named page (in a kit document they have the whole file to themselves)
PREAMBLE = f"""/* Generated by wijkkit build from generator/kits/static/{' and '.join(PRINT_SOURCES)} (generator/composer.py):
   the kit documents' print CSS, scoped to the composer's print section. Do not edit. */
{SCOPE}, {SCOPE} * {{ box-sizing: content-box; }}
{DOC}.deck {{ page: {CARD_PAGE}; }}
"""


def _scope_selector(selector: str) -> str:
    """One selector of a kit stylesheet inside the print section; every selector gains the same specificity (one
    class), so the kit's own cascade holds."""
    selector = selector.strip()
    head, _, rest = selector.partition(" ")
    for name, scoped in (("html", SCOPE), (":root", SCOPE), ("body", DOC)):
        if head == name or head.startswith((name + ".", name + ":")):
            return (scoped + head[len(name):] + (" " + rest if rest else "")).strip()
    return f"{SCOPE} {selector}"


def print_css() -> str:
    import tinycss2

    out = [PREAMBLE]
    for name in PRINT_SOURCES:
        rules_ = tinycss2.parse_stylesheet((STATIC / name).read_text(encoding="utf-8"), skip_comments=True,
                                           skip_whitespace=True)
        out.append(f"/* {name} */")
        for rule in rules_:
            out.extend(_print_rule(rule, name))
    return "\n".join(out) + "\n"


def _print_rule(rule: Any, source: str) -> list[str]:
    import tinycss2

    if rule.type == "qualified-rule":
        selectors = ",".join(tinycss2.serialize(rule.prelude).split(","))
        scoped = ", ".join(_scope_selector(s) for s in selectors.split(","))
        return [f"{scoped} {{{tinycss2.serialize(rule.content)}}}"]
    if rule.type != "at-rule":
        return []
    keyword = rule.lower_at_keyword
    prelude = tinycss2.serialize(rule.prelude).strip()
    if keyword == "font-face":
        return []  # the site declares the same family for the same files (theme/assets/stylesheets/wijkkit.css)
    if keyword == "page":
        if source == "cards.css" and not prelude:
            prelude = CARD_PAGE  # the card sheets' page: no margins
        elif prelude == "shop":
            return []  # a print shop's sheet with bleed comes from WeasyPrint (the PDF), not from a browser
        return [f"@page {prelude} {{{tinycss2.serialize(rule.content)}}}".replace("@page  {", "@page {")]
    if keyword == "media":
        if prelude == "screen":
            return []  # how a kit document looks in a browser window; the print section is only printed
        inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
        body = [line for item in inner for line in _print_rule(item, source)]
        return [f"@media {prelude} {{", *body, "}"]
    return [tinycss2.serialize([rule])]


# ---------------------------------------------------------------------------------------------------------------
# the page


def page_context(catalog: Catalog) -> dict[str, Any]:
    """What the page's own HTML lists (so it reads and works in part without its script): the kits to start from,
    the principles and cases to choose, the werkvormen to add and the documents to print."""
    printed = [DOCUMENTS[d] for d in DOCUMENTS if DOCUMENTS[d].copies != "scherm"]
    return {"kits": catalog.kits, "principles": catalog.principles, "cases": catalog.cases,
            "werkvormen": catalog.werkvormen, "printed": printed}
