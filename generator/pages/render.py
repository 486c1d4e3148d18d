"""The Jinja2 environment for Markdown pages: filters that make plain text safe in Markdown, and relative links.

Templates write Markdown, not HTML, so links between pages are relative `.md` paths: both engines check them at build
time (strict mode), rewrite them for directory URLs, and a broken reference fails the build instead of the reader.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markdown_it import MarkdownIt

from .. import dutch, model, schedule, urls
from . import labels, views

TEMPLATES = Path(__file__).parent / "templates"

# Characters that start Markdown syntax anywhere in a line; braces start an attribute list ({: onclick=…}), which the
# site's attr_list extension would turn into attributes. Python-Markdown honours a backslash before each of them.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|{}])")
# ... and characters that start a block at the beginning of a line: a list, heading, admonition (!!!) or definition.
_LEADING = re.compile(r"^(\d+(?=[.)])|(?=[#+\-!]))")
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|br|hr|blockquote|pre|div|table|tr|td|th)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_markdown = MarkdownIt("commonmark")


_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]|&<>{}]|^(?:\d+[.)]|[#+\-!:])")


@functools.lru_cache(maxsize=16384)
def text(value: Any) -> str:
    """Plain text (a title, a list item) shown literally in Markdown: no accidental emphasis, links or HTML.

    Cached and with a fast path: at 5,000 examples the same names and titles are escaped over a hundred thousand
    times, and most need no escaping at all.
    """
    flat = _SPACE.sub(" ", str(value)).strip()
    if not _NEEDS_ESCAPE.search(flat):
        return flat
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    if escaped.startswith(":"):
        return "&#58;" + escaped[1:]  # ': ' would start a definition; a colon has no backslash escape
    return _LEADING.sub(lambda m: m.group(1) + "\\", escaped, count=1)  # '1. ' or '# ' would start a list or heading


def plain(value: Any, limit: int = 0) -> str:
    """Markdown → one line of plain text, for page descriptions; cut at a word boundary when longer than `limit`.

    The result is text, not Markdown or HTML: '&lt;img&gt;' in the source comes out as '<img>'. Whatever prints it
    escapes it for where it lands: the front matter value is escaped by the theme, and in a page body a template
    must follow it with `| text`.
    """
    rendered = _markdown.render(str(value))
    flat = _SPACE.sub(" ", html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", rendered)))).strip()
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
    return flat


def sentence(value: Any) -> str:
    """End a phrase with a full stop unless it already ends in punctuation: 'Wat kan beter?' stays as it is."""
    value = str(value).strip()
    return value if value.endswith((".", "?", "!", "…", ":")) else value + "."


def front(value: Any) -> str:
    """A front matter value: JSON is valid YAML, and quotes every string that YAML would otherwise reinterpret."""
    return json.dumps(value, ensure_ascii=False)


def target_file(kind: str, record_id: str) -> str:
    """The Markdown file (with anchor) a link to a record points at."""
    if kind == "source":
        return f"{urls.SECTIONS['source']}/index.md#{record_id}"
    return urls.page_file(kind, record_id)


def relative(here: str, target: str) -> str:
    """A path from the page `here` to `target`, both relative to the docs folder; keeps an anchor."""
    path, _, anchor = target.partition("#")
    return _relpath(posixpath.dirname(here), path) + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relpath(start: str, path: str) -> str:
    """posixpath.relpath for clean relative paths, without its per-call getcwd (it showed in 5,000-page profiles)."""
    start_parts = start.split("/") if start else []
    parts = path.split("/")
    common = 0
    while common < min(len(start_parts), len(parts) - 1) and start_parts[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + parts[common:])


@pass_context
def link(context: Any, kind: str, record_id: str) -> str:
    return relative(context["here"], target_file(kind, record_id))


def span(value: Any, between: str = "–") -> str:
    """A range as a reader says it: '3–4', but '3' when both ends are the same (never '3–3')."""
    if value.min == value.max:
        return str(value.min)
    return f"{value.min}{between}{value.max}"


@pass_context
def path(context: Any, target: str) -> str:
    return relative(context["here"], target)


def page_dir(file: str) -> str:
    """The directory URL a Markdown file becomes: 'a/index.md' → 'a/', 'a/b.md' → 'a/b/', 'index.md' → ''."""
    if file == "index.md":
        return ""
    if file.endswith("/index.md"):
        return file[: -len("index.md")]
    return file[: -len(".md")] + "/"


@pass_context
def href(context: Any, kind: str, record_id: str) -> str:
    """A link to a record's page from the current page, as the browser resolves it: for HTML written by our own
    templates (the engine rewrites only Markdown links)."""
    return href_url(context, urls.page_url(kind, record_id))


@pass_context
def href_url(context: Any, target: str) -> str:
    """A link to a site URL ('data/x.csv', 'gemeenten/') from the current page, as the browser resolves it."""
    path_part, _, anchor = target.partition("#")
    start = page_dir(context["here"]).rstrip("/")
    return (_relpath(start, path_part) or "./") + (f"#{anchor}" if anchor else "")


def label(record: type, field: str) -> str:
    """The Dutch title of a model field: labels on the site are the model's, never typed again in a template."""
    return record.model_fields[field].title


def page_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        # Markdown (.md.j2): the `text` filter does the escaping that matters there. HTML parts (.html.j2, included
        # by a page where Markdown cannot say it, such as data attributes) are escaped by Jinja itself.
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are code: no stat of every included template on every page
    )
    env.filters.update(
        text=text,
        plain=plain,
        front=front,
        sentence=sentence,
        date_nl=dutch.partial_date,
        status=labels.STATUS.__getitem__,
        setting=labels.SETTING.__getitem__,
        evidence=labels.EVIDENCE.__getitem__,
        lead=labels.LEAD.__getitem__,
        area=labels.AREA.__getitem__,
        access=labels.ACCESS.__getitem__,
        day=dutch.day,
        source_kind=labels.SOURCE_KIND.__getitem__,
        kind_label=labels.KIND.__getitem__,
        per=labels.PER.__getitem__,
        duration=schedule.duration,
        numbered=lambda p: f"{p.number}. {p.title}",
        span=span,
        case_facts=views.case_facts,
    )
    env.globals.update(
        link=link,
        path=path,
        href=href,
        href_url=href_url,
        label=label,
        labels=labels,
        Example=model.Example,
        Municipality=model.Municipality,
        Source=model.Source,
        Period=model.Period,
        Evaluation=model.Evaluation,
        Werkvorm=model.Werkvorm,
    )
    return env
