"""Kit documents as HTML: one Jinja2 environment, one template per document, print CSS beside them.

The same HTML is written to disk (print it from a browser) and handed to WeasyPrint (the PDF), so both give the same
pages. Markdown fields are rendered by markdown-it with raw HTML switched off; the validator refuses raw HTML anyway.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

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


@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "typographer": False})


def markdown(text: str | None) -> Markup:
    return Markup(_markdown().render(text or ""))


def markdown_inline(text: str | None) -> Markup:
    return Markup(_markdown().renderInline(text or ""))


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
