"""Which pages the site has: one entry per Markdown file, with its template and what the template needs.

Everything is decided before anything is written (as in `mkdocs build`): the plan is a list, rendering is a loop,
and two pages can never claim the same file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import composer, contribute, facts, schedule, urls
from ..catalog import Catalog, Page
from ..model import KIND_BY_NAME
from . import labels, views
from .render import page_environment

EditUrl = Callable[[str], "str | None"]  # project-relative file → URL of the repository's web editor

HOME = "home"
COMPARE = "vergelijken"  # the page that shows chosen examples side by side
DATA_FILES = (  # open data written next to the pages (generator.export); the 'over' page links to them
    (urls.DATA_JSON, "De hele kennisbank in JSON: alle records met hun verbanden en adressen op de site."),
    (
        urls.DATA_CSV,
        (
            "De praktijkvoorbeelden als tabel (CSV), te openen in een spreadsheet. Een cel die met =, +, - of "
            "@ begint, krijgt een ' ervoor, zodat een spreadsheet hem nooit als formule uitvoert."
        ),
    ),
)


@dataclass(frozen=True)
class PageSpec:
    file: str  # relative to the docs folder
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


class DuplicatePage(Exception):
    """Two pages would be written to one file: a bug (ids are unique per kind), never a content problem."""


def plan(
    catalog: Catalog,
    edit_url: EditUrl,
    *,
    kit_files: frozenset[str] = frozenset(),
    schemas: tuple[str, ...] = (),
    site_url: str = "",
    dates: Mapping[str, dt.date] | None = None,
    today: dt.date | None = None,
) -> list[PageSpec]:
    """Every page of the site. `kit_files`: the kit documents that were built (paths relative to the docs folder),
    so kit pages link to exactly those; `schemas`: the JSON Schema files the 'over' page lists; `site_url` and
    `dates` (project file → date of its last change) make each page's citation, `today` when a file has no date."""
    dates = dates or {}
    fallback = today or dt.date(1970, 1, 1)

    def edit(kind: str, record_id: str) -> str | None:
        return edit_url(catalog.file_of(kind, record_id))

    def tags(record: Any) -> list[str]:
        return [catalog.tag_by_id[t].label for t in dict.fromkeys(getattr(record, "tags", ()))]

    def cite(kind: str, record_id: str, title: str, date: dt.date | None = None) -> views.Citation:
        file = catalog.file_of("municipalities" if kind == "municipality" else kind, record_id)
        return views.Citation(
            title,
            labels.KIND[kind],
            date or dates.get(file, fallback),
            urls.absolute(site_url, urls.page_url(kind, record_id)),
        )

    rows = views.example_rows(catalog)
    pages = [
        PageSpec("principes/index.md", "principles.md.j2"),
        PageSpec("casussen/index.md", "cases.md.j2"),
        PageSpec(
            "praktijkvoorbeelden/index.md", "examples.md.j2", {"rows": rows, "facets": views.facets(rows, catalog)}
        ),
        PageSpec(f"{COMPARE}.md", "compare.md.j2"),
        PageSpec("gemeenten/index.md", "municipalities.md.j2", {"provinces": views.by_province(catalog)}),
        PageSpec("werkvormen/index.md", "werkvormen.md.j2"),
        PageSpec("workshopkits/index.md", "kits.md.j2"),
        PageSpec(composer.PAGE, "composer.md.j2", composer.page_context(catalog)),
        PageSpec("bronnen/index.md", "sources.md.j2"),
        PageSpec("trefwoorden.md", "tags.md.j2"),
        PageSpec(contribute.PAGE, "contribute.md.j2", contribute.page_context(catalog, edit_url)),
        PageSpec(contribute.DATA, "contribute-data.json.j2", {"data": contribute.form_data(catalog, edit_url)}),
    ]
    for p in catalog.principles:
        pages.append(
            PageSpec(
                urls.page_file("principle", p.id),
                "principle.md.j2",
                {
                    "principle": p,
                    "tags": tags(p),
                    "edit_url": edit("principle", p.id),
                    "citation": cite("principle", p.id, p.title),
                },
            )
        )
    for c in catalog.cases:
        pages.append(
            PageSpec(
                urls.page_file("case", c.id),
                "case.md.j2",
                {"case": c, "tags": tags(c), "edit_url": edit("case", c.id), "citation": cite("case", c.id, c.title)},
            )
        )
    for row in rows:
        e = row.example
        pages.append(
            PageSpec(
                urls.page_file("example", e.id),
                "example.md.j2",
                {
                    "row": row,
                    "example": e,
                    "tags": tags(e),
                    "edit_url": edit("example", e.id),
                    "completeness": facts.completeness(e),
                    "period": row.period,
                    "citation": cite("example", e.id, e.title, e.last_reviewed),
                },
            )
        )
    for m in views.with_examples(catalog):
        pages.append(
            PageSpec(
                urls.page_file("municipality", m.code),
                "municipality.md.j2",
                {
                    "municipality": m,
                    "edit_url": edit("municipalities", m.code),
                    "citation": cite("municipality", m.code, m.name),
                },
            )
        )
    used_in = views.werkvorm_kits(catalog)
    for w in catalog.werkvormen:
        pages.append(
            PageSpec(
                urls.page_file("werkvorm", w.id),
                "werkvorm.md.j2",
                {
                    "werkvorm": w,
                    "kits": used_in[w.id],
                    "edit_url": edit("werkvorm", w.id),
                    "citation": cite("werkvorm", w.id, w.title),
                },
            )
        )
    for k in catalog.kits:
        pages.append(
            PageSpec(
                urls.page_file("kit", k.id),
                "kit.md.j2",
                {
                    "kit": k,
                    "edit_url": edit("kit", k.id),
                    "agenda": schedule.agenda(k, catalog.werkvorm_by_id, catalog.case_by_id),
                    "downloads": views.kit_downloads(k, catalog, kit_files),
                    "materials": schedule.materials(k),
                    "citation": cite("kit", k.id, k.title),
                },
            )
        )
    for page in catalog.pages:
        pages.append(_handwritten(page, catalog, edit_url, schemas))
    return pages


def render_pages(
    catalog: Catalog,
    edit_url: EditUrl,
    *,
    kit_files: frozenset[str] = frozenset(),
    schemas: tuple[str, ...] = (),
    site_url: str = "",
    dates: Mapping[str, dt.date] | None = None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """File (relative to the docs folder) → Markdown text, for every page in the plan."""
    env = page_environment()
    out: dict[str, str] = {}
    for spec in plan(
        catalog, edit_url, kit_files=kit_files, schemas=schemas, site_url=site_url, dates=dates, today=today
    ):
        if spec.file in out:
            raise DuplicatePage(f"two pages for {spec.file}")
        template = env.get_template(spec.template)
        out[spec.file] = template.render(catalog=catalog, here=spec.file, **spec.context)
    return out


def _schema_text(file: str) -> str:
    kind = KIND_BY_NAME.get(file.rsplit("/", 1)[-1].removesuffix(".json"))
    what = f"een {kind.label[0]}" if kind and kind.folder else f"het bestand {kind.file}" if kind else file
    return f"JSON Schema: welke velden {what} heeft."


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _handwritten(page: Page, catalog: Catalog, edit_url: EditUrl, schemas: tuple[str, ...]) -> PageSpec:
    """A page from content/pages/: its text as written, with front matter; home and over get generated parts."""
    heading = _HEADING.search(page.text)
    title = heading.group(1) if heading else page.name.replace("-", " ").capitalize()
    paragraphs = [p for p in re.split(r"\n\s*\n", page.text) if p.strip() and not p.lstrip().startswith("#")]
    context = {
        "page": page,
        "title": title,
        "lead": paragraphs[0] if paragraphs else title,
        "edit_url": edit_url(page.path),
    }
    if page.name == HOME:
        return PageSpec(
            "index.md",
            "home.md.j2",
            {
                **context,
                "newest": views.newest_examples(catalog),
                "with_examples": len(views.with_examples(catalog)),
            },
        )
    if page.name == "over":
        described = [(file, _schema_text(file)) for file in schemas]
        return PageSpec("over.md", "over.md.j2", {**context, "data_files": (*DATA_FILES, *described)})
    return PageSpec(f"{page.name}.md", "page.md.j2", context)
