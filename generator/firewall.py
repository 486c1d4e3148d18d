"""The output firewall: built HTML held against an allowlist before anyone can see it.

Why: contributed text reaches HTML through several layers (the Markdown renderer and its extensions, our templates,
the engine's theme) and a fault in any one of them is a script on a public site. This module trusts none of them: it
parses the finished HTML with a standards-compliant HTML5 parser (lexbor, via selectolax, so it sees the page as a
browser does) and refuses event handlers, script URLs, foreign scripts, frames and plugins, style attributes that are
more than a position, and resources from other hosts. Two profiles share the rules: `page` for whole pages built by
the engine (the theme's own scripts allowed) and `content` for one contributed text rendered on its own (only the
tags and attributes Markdown itself produces).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

# Attributes whose value is a URL (or a list of them), by the HTML and SVG specifications.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "srcset",
        "imagesrcset",
        "poster",
        "data",
        "cite",
        "background",
        "ping",
        "manifest",
        "codebase",
        "longdesc",
        "usemap",
        "lowsrc",
        "dynsrc",
        "icon",
        "profile",
        "archive",
        "classid",
        "itemtype",
        "xml:base",
        "to",
        "from",
        "values",
        "by",
    }
)
# Attributes that make the browser fetch something while the page loads: only from the site itself.
RESOURCE_ATTRIBUTES = frozenset(
    {
        "src",
        "srcset",
        "imagesrcset",
        "poster",
        "data",
        "background",
        "lowsrc",
        "dynsrc",
        "codebase",
        "archive",
        "classid",
        "manifest",
        "icon",
    }
)
# Elements that run code, embed other documents, change where links go or animate attributes into URLs.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "portal",
        "fencedframe",
        "noembed",
        "foreignobject",
        "animate",
        "set",
        "animatemotion",
        "animatetransform",
        "handler",
        "listener",
        "style",
        "xmp",
        "plaintext",
        "math",
        "maction",
    }
)
SAFE_SCHEMES = frozenset({"http", "https"})
IMAGE_DATA = re.compile(r"^data:image/(?:png|gif|jpeg|webp|svg\+xml)[;,]", re.IGNORECASE)
# A style attribute may place and size things (kit sheets position cards and crop marks) and align table cells,
# nothing else: no url(), no expressions, no escapes.
STYLE_DECLARATION = re.compile(
    r"^\s*(?:(?:left|top|right|bottom|width|height|min-width|max-width|min-height|max-height)\s*:\s*"
    r"-?\d+(?:\.\d+)?(?:mm|cm|in|pt|px|em|rem|%)?|text-align\s*:\s*(?:left|right|center|justify))\s*$",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# What Markdown (Python-Markdown with the site's extensions) produces from contributed text; anything else in a
# rendered text came from somewhere it should not.
CONTENT_ELEMENTS: dict[str, frozenset[str]] = {
    **{
        tag: frozenset()
        for tag in (
            "p",
            "br",
            "hr",
            "em",
            "strong",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "table",
            "thead",
            "tbody",
            "tr",
            "dl",
            "dt",
            "dd",
            "sup",
            "sub",
            "del",
            "ins",
            "abbr",
            "html",
            "head",
            "body",
        )
    },
    **{f"h{n}": frozenset({"id"}) for n in range(1, 7)},
    "a": frozenset({"href", "title", "class"}),
    "img": frozenset({"src", "alt", "title"}),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
    "div": frozenset({"class"}),
    "ol": frozenset({"start"}),
}
CONTENT_CLASSES = re.compile(
    r"^(?:headerlink|admonition(?:-title)?|note|abstract|summary|tldr|info|todo|tip|hint|important|success|check|"
    r"done|question|help|faq|warning|caution|attention|failure|fail|missing|danger|error|bug|example|quote|cite)$"
)
SLUG_ID = re.compile(r"^[\w\-]+$")


@dataclass(frozen=True)
class Violation:
    """One thing the allowlist refuses, with the markup that carries it (for tracing it back to a file)."""

    message: str
    snippet: str  # the attribute value or element that is refused
    element: str
    attribute: str = ""  # the attribute refused, or '' for the element itself


def normalise_url(value: str) -> str:
    """The URL as a browser's URL parser sees it: C0 controls and spaces stripped, tabs and newlines removed."""
    return _TAB_OR_NEWLINE.sub("", value.strip(_C0_OR_SPACE))


def url_scheme(value: str) -> str:
    """'' for a relative URL (or one that no browser reads as having a scheme), else the lower-case scheme."""
    match = _SCHEME.match(normalise_url(value))
    return match.group(1).lower() if match else ""


def is_other_host(value: str) -> bool:
    """A URL that points at another host: it has a scheme, or starts with '//' (or '\\\\', which browsers treat
    the same)."""
    url = normalise_url(value).replace("\\", "/")
    return bool(url_scheme(url)) or url.startswith("//")


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


@lru_cache(maxsize=1)
def theme_scripts() -> tuple[re.Pattern[str], ...]:
    """The inline scripts the site engines' own templates write, as patterns ({{ … }} may be any plain text).

    Read from the installed Material and Zensical templates, so an engine update brings its own scripts along and
    no inline script from anywhere else (our templates, the content) is ever allowed.
    """
    folders = []
    for package in ("material", "zensical"):
        try:
            module = __import__(package)
        except ImportError:
            continue
        folders.append(Path(module.__file__).parent / "templates")
    patterns: list[re.Pattern[str]] = []
    seen: set[str] = set()
    for folder in folders:
        for template in folder.rglob("*.html"):
            if "assets" in template.parts:
                continue
            text = template.read_text(encoding="utf-8", errors="replace")
            for body in re.findall(r"<script>(.*?)</script>", text, re.DOTALL):
                body = body.strip()
                if not body or body in seen or "{%" in body:
                    continue
                seen.add(body)
                parts = re.split(r"\{\{.*?\}\}", body)
                regex = r"[^\"'<>\\\s]*".join(re.escape(part) for part in parts)
                patterns.append(re.compile(rf"^{regex}$", re.DOTALL))
    return tuple(patterns)


def _inline_script_allowed(body: str, script_type: str) -> bool:
    body = body.strip()
    if script_type == "application/json":
        try:
            json.loads(body)
        except ValueError:
            return False
        return True
    return any(pattern.match(body) for pattern in theme_scripts())


@lru_cache(maxsize=4096)
def _script_source_allowed(src: str, here: PurePosixPath | None, site: Path | None) -> bool:
    """Only the site's own script files: a relative URL to a .js file in an assets folder of this site. Cached:
    every page of a section names the same files from the same depth."""
    url = normalise_url(src)
    if is_other_host(url) or "?" in url or "#" in url:
        return False
    path = PurePosixPath(unquote(url))
    if not path.name.endswith(".js") or "assets" not in path.parts:
        return False
    if site is None or here is None:
        return True
    if path.is_absolute():
        return any((site / PurePosixPath(*path.parts[index:])).is_file() for index in range(1, len(path.parts)))
    target = (site / here.parent / path).resolve()
    return target.is_file() and site.resolve() in target.parents


def violations(
    html: str, *, profile: str = "page", here: str | None = None, site: Path | None = None, resources: str = "site"
) -> list[Violation]:
    """Everything in `html` the allowlist refuses.

    profile: 'page' (a whole page: the theme's own scripts allowed) or 'content' (one rendered text: only what
    Markdown produces). here/site: the page's path in the site and the site folder, to check that scripts exist.
    resources: 'site' (resources only from this site, data: images allowed) or 'none' (no resources at all).
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    found: list[Violation] = []
    page_path = PurePosixPath(here) if here else None
    # the script check resolves paths from the page's folder: one key per folder, so the cache above is shared
    folder = PurePosixPath(here).parent / "_" if here else None
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = (node.tag or "").lower()
        if tag.startswith("-"):  # comments, doctype
            continue
        attributes = {str(k).lower(): (v or "") for k, v in node.attributes.items()}
        if profile == "page" and tag not in _SPECIAL_TAGS and not any(_watched(name) for name in attributes):
            continue  # most elements: a class, an id, an aria label; nothing that can run or load
        found.extend(_check_element(tag, attributes, node, profile, folder or page_path, site, resources))
    return found


_SPECIAL_TAGS = FORBIDDEN_ELEMENTS | {"script", "meta", "link"}
_WATCHED = URL_ATTRIBUTES | {"style", "srcdoc", "formaction"}


def _watched(name: str) -> bool:
    return name in _WATCHED or name.startswith("on")


def _check_element(
    tag: str,
    attributes: dict[str, str],
    node,
    profile: str,
    here: PurePosixPath | None,
    site: Path | None,
    resources: str,
) -> Iterator[Violation]:
    def bad(message: str, snippet: str, attribute: str = "") -> Violation:
        return Violation(message, snippet, tag, attribute)

    if tag in FORBIDDEN_ELEMENTS:
        yield bad(f"element <{tag}> is niet toegestaan", f"<{tag}")
    refused: set[str] = set()
    if profile == "content":
        allowed = CONTENT_ELEMENTS.get(tag)
        if allowed is None:
            yield bad(f"element <{tag}> hoort niet in een tekst", f"<{tag}")
            allowed = frozenset()
        for name, value in attributes.items():
            if name.startswith("on"):
                continue  # reported below, with every profile
            if name not in allowed:
                yield bad(f"attribuut '{name}' op <{tag}> is niet toegestaan", value or name, name)
                refused.add(name)
            elif name == "class" and not all(CONTENT_CLASSES.match(c) for c in value.split()):
                yield bad(f"class '{value}' op <{tag}> is niet toegestaan", value, name)
            elif name == "id" and not SLUG_ID.match(value):
                yield bad(f"id '{value}' op <{tag}> is niet toegestaan", value, name)
    if tag == "script":
        src = attributes.get("src")
        if profile == "content":
            yield bad("script in een tekst", "<script")
        elif src is not None:
            if not _script_source_allowed(src, here, site) or node.text(deep=True).strip():
                yield bad(f"script van buiten de eigen bestanden van de site: '{src[:80]}'", src)
        elif not _inline_script_allowed(node.text(deep=True), attributes.get("type", "").lower()):
            yield bad("script in de pagina dat niet van het thema komt", node.text(deep=True).strip()[:80] or "<script")
    if tag == "meta" and attributes.get("http-equiv", "").lower() in ("refresh", "set-cookie"):
        yield bad(f'<meta http-equiv="{attributes["http-equiv"]}"> is niet toegestaan', attributes.get("content", ""))
    if tag == "link" and any(
        rel in ("import", "prerender", "prefetch", "modulepreload")
        or (rel in ("stylesheet", "preload", "icon", "manifest") and is_other_host(attributes.get("href", "")))
        for rel in attributes.get("rel", "").lower().split()
    ):
        yield bad(f"link naar '{attributes.get('href', '')[:80]}' is niet toegestaan", attributes.get("href", ""))
    for name, value in attributes.items():
        if name in refused:
            continue
        if name.startswith("on"):
            yield bad(f"attribuut '{name}' (een script) is niet toegestaan", value or name, name)
        elif name == "style":
            declarations = [d for d in value.split(";") if d.strip()]
            if not all(STYLE_DECLARATION.match(d) for d in declarations):
                yield bad(f"style-attribuut '{value[:80]}' is niet toegestaan", value, name)
        elif name in ("srcdoc", "formaction"):
            yield bad(f"attribuut '{name}' is niet toegestaan", value or name, name)
        elif name in URL_ATTRIBUTES:
            urls = _srcset_urls(value) if name in ("srcset", "imagesrcset") else [value]
            for url in urls:
                yield from _check_url(tag, name, url, resources, lambda m, v, attribute=name: bad(m, v, attribute))


def _check_url(tag: str, name: str, url: str, resources: str, bad) -> Iterator[Violation]:
    scheme = url_scheme(url)
    loads = name in RESOURCE_ATTRIBUTES or (tag in ("script",) and name == "src")
    if scheme == "data":
        if not (loads and tag == "img" and IMAGE_DATA.match(normalise_url(url))):
            yield bad(f"data:-adres in '{name}' is niet toegestaan", url[:80])
        return
    if scheme and scheme not in SAFE_SCHEMES:
        yield bad(f"adres met '{scheme}:' in '{name}' is niet toegestaan", url[:80])
        return
    if loads and (resources == "none" or is_other_host(url)):
        where = "een bestand" if resources == "none" else "een andere site"
        yield bad(f"'{name}' laadt iets van {where}: '{url[:80]}'", url[:80])


def check_folder(
    folder: Path, *, files: Iterable[Path] | None = None, jobs: int | None = None
) -> dict[str, list[Violation]]:
    """Every HTML file under `folder` (a built site), by path relative to it; only files with violations. From
    400 files on, the files are shared between processes (forked; only the violations travel back)."""
    import os

    paths = sorted(files if files is not None else folder.rglob("*.html"))
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs < 2 or len(paths) < 400 or not hasattr(os, "fork"):
        return dict(_check_files(folder, paths))
    import multiprocessing

    size = -(-len(paths) // jobs)
    chunks = [(folder, paths[i : i + size]) for i in range(0, len(paths), size)]
    with multiprocessing.get_context("fork").Pool(len(chunks) - 1) as pool:
        pending = pool.starmap_async(_check_files, chunks[1:])
        found = _check_files(*chunks[0])
        for part in pending.get():
            found.extend(part)
    return dict(sorted(found))


def _check_files(folder: Path, paths: list[Path]) -> list[tuple[str, list[Violation]]]:
    found = []
    for path in paths:
        rel = path.relative_to(folder).as_posix()
        refused = violations(path.read_text(encoding="utf-8", errors="replace"), profile="page", here=rel, site=folder)
        if refused:
            found.append((rel, refused))
    return found
