"""From a refused piece of built HTML back to the file (and, where it can be found, the line) a person must change.

Why: "page X contains an onerror attribute" is useless to a contributor; "content/examples/x.yaml:12" is not. The
built page tells us which Markdown page it came from; the catalog tells us which record wrote that page; the
refused attribute value or element, searched in that record's file, gives the line.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .. import urls
from ..catalog import Catalog
from ..firewall import Violation
from ..problems import Problem


def _sources(catalog: Catalog) -> dict[str, str]:
    """Docs Markdown file → the project file it is made from."""
    found: dict[str, str] = {}
    for kind, records in catalog.records():
        if kind in ("source",):
            continue
        for record in records:
            key = getattr(record, "id", None)
            if key is not None and kind in urls.SECTIONS:
                found[urls.page_file(kind, key)] = catalog.file_of(kind, key)
    for page in catalog.pages:
        found["index.md" if page.name == "home" else f"{page.name}.md"] = page.path
    return found


def _docs_file(html: str) -> str:
    path = PurePosixPath(html)
    if path.name == "index.html":
        return "index.md" if path.parent == PurePosixPath(".") else f"{path.parent}.md"
    return str(path.with_suffix(".md"))


def trace(refused: dict[str, list[Violation]], catalog: Catalog, root: Path) -> list[Problem]:
    """One problem per refused piece, at the project file and line behind it where that can be found."""
    sources = _sources(catalog)
    problems: list[Problem] = []
    for html, violations in refused.items():
        parts = PurePosixPath(html).parts
        if parts and parts[0] == urls.KIT_FILES and len(parts) > 1:
            origin = f"kit/{parts[1]}.yaml" if (root / "kit" / f"{parts[1]}.yaml").is_file() else None
        else:
            origin = sources.get(_docs_file(html))
            if origin is None and _docs_file(html).endswith("/index.md"):
                origin = sources.get(_docs_file(html)[: -len("/index.md")] + ".md")
        for violation in violations:
            file, line, column = _locate(root, origin, violation.snippet) if origin else (f"site/{html}", 1, 1)
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f"in de gebouwde pagina {html}: {violation.message}",
                    "Dit mag niet op de site. Haal de HTML, het script of het adres uit de tekst; "
                    "schrijf gewone tekst of Markdown.",
                )
            )
    return problems


def _locate(root: Path, origin: str, snippet: str) -> tuple[str, int, int]:
    try:
        text = (root / origin).read_text(encoding="utf-8")
    except OSError:
        return origin, 1, 1
    for needle in (snippet, snippet[:30], snippet.strip("<")[:20]):
        if needle and (index := text.find(needle)) >= 0:
            line = text.count("\n", 0, index) + 1
            return origin, line, index - (text.rfind("\n", 0, index) + 1) + 1
    return origin, 1, 1
