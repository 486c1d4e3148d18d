"""Links between pages, checked before the engine sees them: check equals build.

Why: both engines build in strict mode, so a page or a record text that links to a page or a heading the site does
not have stops the build — after `wijkkit check`, the pre-commit hook and the pull-request check had all said "ok".
The pages the site will have are known from the page plan (no page is rendered for this), and the anchors of the
bibliography are the source ids, so the check can say which link is wrong, on which line. A record's Markdown is
resolved from the record's own page (a source's from the bibliography), as the engine resolves it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt

from .. import contribute, urls
from ..catalog import Catalog
from ..model import KIND_BY_NAME
from ..problems import Problem
from ..schema import markdown_patterns
from .plan import COMPARE, plan

_KIND_OF_SECTION = {section: kind for kind, section in urls.SECTIONS.items() if kind != "source"}
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{[^}]*#([\w\-]+)[^}]*\}\s*$")


def _links(text: str) -> Iterator[tuple[str, int]]:
    """Every link destination in Markdown `text` with the line it is on."""
    md = MarkdownIt("commonmark")

    def walk(tokens, line):
        for token in tokens:
            here = token.map[0] + 1 if token.map else line
            if token.type == "link_open":
                yield str(token.attrs.get("href", "")), here
            if token.children:
                yield from walk(token.children, here)

    yield from walk(md.parse(text), 1)


def _slug(heading: str) -> str:
    """The id Python-Markdown's toc gives a heading (its default slugify: lower case, words joined by '-')."""
    import unicodedata

    explicit = _ATTR_ID.search(heading)
    if explicit:
        return explicit.group(1)
    text = re.sub(r"[*_`\[\]]", "", heading)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _values(value, pattern, loc=()):
    if not pattern:
        yield loc, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for index, item in enumerate(value or ()):
            yield from _values(item, rest, loc + (index,))
    elif value is not None and hasattr(value, head):
        yield from _values(getattr(value, head), rest, loc + (head,))


def link_problems(catalog: Catalog) -> list[Problem]:
    """Links in content/pages/ and in records' Markdown to a page or an anchor the site will not have."""
    planned: set[str] = set()
    cheap = (
        {f"{section}/index.md" for section in urls.SECTIONS.values()}
        | {"index.md" if page.name == "home" else f"{page.name}.md" for page in catalog.pages}
        | {"trefwoorden.md", f"{COMPARE}.md", contribute.PAGE}
    )

    def exists(target: str) -> bool:
        """A record's page is known from the catalog; anything else from the page plan, made only when needed
        (it costs most of a second at 5,000 examples)."""
        if target in cheap:
            return True
        section, _, name = target.partition("/")
        kind = _KIND_OF_SECTION.get(section)
        if kind and name.endswith(".md") and name != "index.md":
            record_id = name[:-3]
            if kind == "municipality":
                return any(m.code.lower() == record_id and catalog.examples_in[m.code] for m in catalog.municipalities)
            return any(r.id.lower() == record_id for r in dict(catalog.records()).get(kind, ()))
        if not planned:
            planned.update(spec.file for spec in plan(catalog, lambda path: None))
        return target in planned

    bibliography = f"{urls.SECTIONS['source']}/index.md"
    anchors = {bibliography: {s.id for s in catalog.sources}}
    for page in catalog.pages:
        target = "index.md" if page.name == "home" else f"{page.name}.md"
        anchors[target] = {_slug(h) for h in _HEADING.findall(page.text)}

    def judge(href: str, here: str) -> tuple[str, str] | None:
        if not href or re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", href) or href.startswith("//"):
            return None  # another site (the check of the text judges the scheme)
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
        if path and not exists(target):
            return (
                f"link naar '{href}': die pagina bestaat niet op de site",
                (
                    "Controleer de naam. Een link naar een andere pagina van Wijkkit ziet eruit als "
                    "[tekst](principes/vertrouwen-herstellen.md) of [tekst](bronnen/index.md); vanuit een record "
                    "begint hij met ../, zoals [tekst](../principes/vertrouwen-herstellen.md)."
                ),
            )
        if anchor and target in anchors and anchor not in anchors[target]:
            return (
                f"link naar '{href}': die plek op de pagina bestaat niet",
                "Na # komt het id van een bron (op de pagina Bronnen) of van een kopje.",
            )
        return None

    problems = []
    for page in catalog.pages:
        here = "index.md" if page.name == "home" else f"{page.name}.md"
        for href, line in _links(page.text):
            if found := judge(href, here):
                problems.append(Problem(page.path, line, 1, *found))
    for kind, records in catalog.records():
        if kind not in urls.SECTIONS or kind not in KIND_BY_NAME:
            continue
        patterns = markdown_patterns(KIND_BY_NAME[kind].model)
        for record in records:
            here = bibliography if kind == "source" else urls.page_file(kind, record.id)
            for pattern in patterns:
                for loc, text in _values(record, pattern):
                    if not isinstance(text, str) or "](" not in text and "]:" not in text:
                        continue
                    for href, _ in _links(text):
                        if found := judge(href, here):
                            problems.append(Problem(*catalog.where(kind, record.id, *loc), *found))
    return problems
