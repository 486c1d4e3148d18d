"""Kit documents as HTML: one Jinja2 environment, one template per document, print CSS beside them.

The same HTML is written to disk (print it from a browser) and handed to WeasyPrint (the PDF), so both give the same
pages. Markdown fields are rendered by the site's own renderer (generator/markup.py), with raw HTML shown as text; the
validator refuses raw HTML anyway.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..markup import to_html
from .qr import qr_data_uri

TEMPLATES = {
    "draaiboek": "draaiboek.html.j2",
    "programma": "programma.html.j2",
    "principekaarten": "cards.html.j2",
    "casuskaarten": "cards.html.j2",
    "uitlijntest": "uitlijntest.html.j2",
    "werkblad": "werkblad.html.j2",
    "evaluatie": "evaluatie.html.j2",
    "presentatie": "presentatie.html.j2",
}


def markdown(text: str | None) -> Markup:
    """Contributed Markdown as the site renders it (generator/markup.py: one policy for check, site and kits)."""
    return Markup(to_html(text))


def markdown_inline(text: str | None) -> Markup:
    """The same, for a text inside a line: without the paragraph around it."""
    html = to_html(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.kits", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown
    env.filters["md_inline"] = markdown_inline
    env.filters["qr"] = qr_data_uri
    return env


def render_document(document: str, **context: Any) -> str:
    return environment().get_template(TEMPLATES[document]).render(document=document, **context)
