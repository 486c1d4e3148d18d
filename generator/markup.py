"""One Markdown policy for contributed text: read it with the renderer that renders it, then hold the result against
the content allowlist.

Why: a checker with its own parser sees a different document than the site. The site renders with Python-Markdown
and the extensions in mkdocs.yml (attribute lists, admonitions, Markdown in HTML, …), so the check renders each text
with exactly those, and refuses raw HTML (which Python-Markdown passes through), attributes and elements Markdown
should never produce, links with a scheme other than http(s), and images (the site publishes no files from
content/). The kits render contributed Markdown with the same renderer (`to_html`), so what the check passed is
what they print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from . import firewall
from .problems import Finding

# The extensions the site uses when mkdocs.yml cannot be read (keep in step with mkdocs.yml; a test checks).
DEFAULT_EXTENSIONS: tuple[Any, ...] = (
    {"toc": {"permalink": True}},
    "tables",
    "attr_list",
    "md_in_html",
    "admonition",
    "def_list",
)
# Only characters that can make Markdown produce a link, an image, raw HTML, an attribute list or an admonition
# send a text through the renderer; plain prose (most text) is skipped, which keeps `wijkkit check` fast.
_SPECIAL = re.compile(r"[<\[{&]")  # every link, image, tag, entity, attribute list and abbreviation has one
_ENTITY = re.compile(r"^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);$")
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")
# Python-Markdown parses each level of nested lists, quotes and indented blocks by recursion: a few hundred levels
# exhaust Python's stack inside the site engine (a traceback, no site) although the text renders in the shallower
# check. No text a person writes needs more than a handful of levels.
MAX_NESTING = 10
# a cheap first pass: only such lines can be too deep
_DEEP_LINE = re.compile(rf"^[ \t>]{{{MAX_NESTING + 1},}}", re.MULTILINE)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) for v in value):
        return {k: _thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Policy:
    """The Markdown extensions (as in mkdocs.yml's `markdown_extensions`) the site renders with."""

    extensions: tuple[Any, ...] = tuple(_freeze(e) for e in DEFAULT_EXTENSIONS)

    @classmethod
    def from_config(cls, config: dict[str, Any] | None) -> Policy:
        extensions = (config or {}).get("markdown_extensions")
        if not isinstance(extensions, list) or not extensions:
            return cls()
        return cls(tuple(_freeze(e) for e in extensions))


DEFAULT_POLICY = Policy()


@lru_cache(maxsize=8)
def _renderer(policy: Policy, toc: bool, escape_raw: bool = False) -> Any:
    import markdown

    names: list[str] = []
    configs: dict[str, Any] = {}
    for item in policy.extensions:
        item = _thaw(item)
        if isinstance(item, dict):
            ((name, options),) = item.items()
        else:
            name, options = item, None
        if name == "toc" and not toc:
            continue
        names.append(name)
        if isinstance(options, dict):
            configs[name] = options
    md = _load(markdown, names, configs)
    if escape_raw:
        md.postprocessors.register(_EscapedRawHtml(md), "raw_html", 30)
    return md


def _load(markdown: Any, names: list[str], configs: dict[str, Any]) -> Any:
    """The renderer with the site's extensions. An extension whose settings refer to Python objects (MkDocs allows
    `!!python/name:` tags, which we read as text) is loaded with its defaults instead; one that cannot load at all
    is left out, so the check degrades instead of stopping: the site engine reports such an extension itself."""
    try:
        return markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # noqa: BLE001 - any failure inside a third-party extension
        usable = []
        for name in names:
            for options in (configs.get(name), None):
                try:
                    markdown.Markdown(extensions=[name], extension_configs={name: options} if options else {})
                except Exception:  # noqa: BLE001, S112
                    continue
                usable.append((name, options))
                break
        return markdown.Markdown(extensions=[n for n, _ in usable], extension_configs={n: o for n, o in usable if o})


def _escaped_raw_html_class() -> type:
    from markdown.postprocessors import RawHtmlPostprocessor

    class EscapedRawHtml(RawHtmlPostprocessor):
        """Raw HTML comes out as visible text, never as markup."""

        def run(self, text: str) -> str:
            import html as html_module

            stash = self.md.htmlStash
            stash.rawHtmlBlocks = [
                b if _ENTITY.match(str(b).strip()) else html_module.escape(str(b)) for b in stash.rawHtmlBlocks
            ]
            return super().run(text)

    return EscapedRawHtml


def _EscapedRawHtml(md: Any) -> Any:
    return _escaped_raw_html_class()(md)


def render(text: str, policy: Policy = DEFAULT_POLICY, *, toc: bool = True) -> tuple[str, list[str]]:
    """HTML as the site renders `text`, and the raw HTML the renderer passed through (entities excluded)."""
    md = _renderer(policy, toc)
    md.reset()
    html = md.convert(text)
    raw = [block for block in md.htmlStash.rawHtmlBlocks if isinstance(block, str) and not _ENTITY.match(block.strip())]
    return html, raw


def to_html(text: str | None, policy: Policy = DEFAULT_POLICY) -> str:
    """Contributed Markdown as HTML for print (kits): the site's renderer without heading permalinks, and raw HTML
    escaped rather than passed through (the check refuses it; this is the second line)."""
    if not text:
        return ""
    md = _renderer(policy, False, True)
    md.reset()
    return md.convert(text)


def _offset(text: str, needle: str) -> int:
    if needle:
        found = text.find(needle)
        if found >= 0:
            return found
        found = text.lower().find(needle.lower()[:40])
        if found >= 0:
            return found
    return 0


HTML_HINT = "Gebruik Markdown in plaats van HTML: **vet**, *schuin*, [tekst](https://adres), '- ' voor een lijst."


def check(text: str, policy: Policy = DEFAULT_POLICY) -> Iterator[Finding]:
    """Raw HTML, attributes and elements Markdown should not produce, unsafe links and images, and nesting deeper
    than the renderer can take, in `text`."""
    deep = _too_deep(text)
    if deep is not None:
        yield deep
        return  # rendering it could exhaust the stack
    if not _SPECIAL.search(text) and "!!!" not in text and "???" not in text:  # admonitions have none
        return
    html, raw = render(text, policy)
    for block in raw:
        snippet = block.strip().splitlines()[0] if block.strip() else ""
        if not snippet:  # an element md_in_html keeps as a tree: show the text from its first '<'
            start = text.find("<")
            snippet = text[start:].splitlines()[0] if start >= 0 else text.strip().splitlines()[0]
        yield Finding(_offset(text, snippet[:40]), f"HTML in de tekst: '{snippet[:60]}'", HTML_HINT)
    if raw:
        return  # the rest would repeat the same cause
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = (node.tag or "").lower()
        if tag == "a" and node.attributes.get("href") is not None:
            yield from _check_link(text, node.attributes.get("href") or "")
        elif tag == "img" and node.attributes.get("src") is not None:
            yield from _check_image(text, node.attributes.get("src") or "")
    for violation in firewall.violations(html, profile="content"):
        if (violation.element, violation.attribute) in (("a", "href"), ("img", "src")):
            continue  # said above, in words for this case
        yield Finding(
            _offset(text, violation.snippet),
            f"niet toegestaan in de tekst: {violation.message}",
            "Schrijf gewone Markdown zonder {: …}-attributen of HTML; opmaak komt van de site zelf.",
        )


def _too_deep(text: str) -> Finding | None:
    """The first line nested deeper than MAX_NESTING levels: each '>' is a level, and so are four columns of
    indentation (a tab counts as four)."""
    for match in _DEEP_LINE.finditer(text):
        lead = match.group()
        indent = re.sub(r"> ?", "", lead).replace("\t", "    ")  # a quote marker takes one space with it
        depth = lead.count(">") + len(indent) // 4
        if depth > MAX_NESTING:
            return Finding(
                match.start(),
                f"tekst te diep genest: {depth} niveaus (hoogstens {MAX_NESTING})",
                "Gebruik minder niveaus van opsommingen en citaten (>), en spring regels niet verder in dan nodig.",
            )
    return None


def _check_link(text: str, href: str) -> Iterator[Finding]:
    scheme = firewall.url_scheme(href)
    if scheme and scheme not in firewall.SAFE_SCHEMES:
        shown = firewall.normalise_url(href)[:60]
        yield Finding(
            _offset(text, href.strip()[:20] or shown),
            f"link met '{scheme}:' is niet toegestaan: '{shown}'",
            "Links moeten beginnen met https:// of http://.",
        )
    elif not scheme and firewall.normalise_url(href) != href.strip():
        yield Finding(
            _offset(text, href.strip()[:20]),
            "link met een onzichtbaar teken of regeleinde in het adres",
            "Schrijf het adres op één regel, zonder spaties of tabs: [tekst](https://adres).",
        )


def _check_image(text: str, src: str) -> Iterator[Finding]:
    """No image in contributed text: the site publishes no files from content/, so an image could only break or, from
    another site or the computer that builds the site, leak. The dangerous kinds get their own words."""
    url = firewall.normalise_url(src)
    if _WINDOWS_PATH.match(url):
        yield Finding(
            _offset(text, src[:20]),
            f"afbeelding van je eigen computer: '{url[:60]}'",
            "Dit is een bestand op jouw computer; de site kan het niet zien. Laat de afbeelding weg of "
            "beschrijf in woorden wat erop staat.",
        )
        return
    scheme = firewall.url_scheme(url)
    if scheme == "file" or url.startswith("~") or (url.startswith(("/", "\\")) and not url.startswith("//")):
        yield Finding(
            _offset(text, src[:20]),
            f"afbeelding met een pad op de computer: '{url[:60]}'",
            "Een afbeelding moet een bestand in het project zijn, met een pad zonder / ervoor. Laat de "
            "afbeelding anders weg.",
        )
        return
    if scheme or url.startswith(("//", "\\\\")):
        yield Finding(
            _offset(text, src[:20]),
            f"afbeelding van een andere site: '{url[:60]}'",
            "Afbeeldingen van andere sites laten de browser van elke lezer die site aanroepen. "
            "Laat de afbeelding weg of beschrijf wat erop staat.",
        )
        return
    parts = PurePosixPath(url.replace("\\", "/")).parts
    if ".." in parts or PureWindowsPath(url).drive:
        yield Finding(
            _offset(text, src[:20]),
            f"afbeelding buiten het project: '{url[:60]}'",
            "Een afbeelding moet in het project staan; '..' in het pad is niet toegestaan.",
        )
        return
    yield Finding(
        _offset(text, src[:20]),
        f"afbeelding in de tekst: '{url[:60]}'",
        "Afbeeldingen in de tekst komen niet op de site en niet in de kits. Beschrijf in woorden wat erop staat, "
        "of link naar de publicatie waar de afbeelding in staat.",
    )
