"""Kit documents as HTML: one Jinja2 environment, one template per document (named in generator/kitfiles.py),
print CSS beside them.

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


def markdown(text: str | None) -> Markup:
    """Contributed Markdown as the site renders it (generator/markup.py: one policy for check, site and kits)."""
    return Markup(to_html(text))


def markdown_inline(text: str | None) -> Markup:
    """The same, for a text inside a line: without the paragraph around it."""
    html = to_html(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def short_url(url: str) -> str:
    """The address as a person types it: no scheme, no trailing slash ('wijkkit.nl/principes/vertrouwen')."""
    return url.split("://", 1)[-1].rstrip("/")


@lru_cache(maxsize=1)
def kit_environment() -> Environment:
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
    env.filters["short_url"] = short_url
    return env


def render_template(name: str, **context: Any) -> str:
    """One template from the kitfiles table (generator/kitfiles.py) with its context."""
    return kit_environment().get_template(name).render(**context)
