"""Everything the engine reads from build/docs/, as one mapping of file → bytes.

Pages, open data, schemas and fonts are all decided here before anything is written; `sync` then makes the folder
match. Kit documents are the one exception: the kit builder writes them into docs/kits/ itself (see build.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..catalog import Catalog
from ..export import export_files, schema_files
from ..pages import render_pages
from ..settings import Settings
from .assets import font_files, search_files, theme_assets
from .composer import composer_files
from .config import THEME_DIR
from .dates import content_dates

KIT_FOLDER = "kits"


def docs_files(
    catalog: Catalog,
    settings: Settings,
    *,
    kit_files: frozenset[str] = frozenset(),
    root: Path | None = None,
    today: dt.date | None = None,
    minify: bool = False,
) -> dict[str, bytes]:
    """`root`: the project, whose git history dates each page's citation; `today`: the date for files without one;
    `minify`: put minified copies of the theme's stylesheets and scripts in place of the readable ones."""
    schemas = tuple(sorted(schema_files()))
    dates = content_dates(root) if root is not None else {}
    pages = render_pages(
        catalog,
        settings.edit_url,
        kit_files=kit_files,
        schemas=schemas,
        site_url=settings.site_url,
        dates=dates,
        today=today,
    )
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    searched = search_files(catalog, (text for name, text in pages.items() if name.endswith(".md")))
    minified = theme_assets(root / THEME_DIR) if minify and root is not None else {}
    for extra in (
        export_files(catalog, settings.site_url, kit_files=kit_files),
        font_files(),
        searched,
        minified,
        composer_files(catalog, settings.site_url),
    ):
        clash = files.keys() & extra.keys()
        if clash:
            raise ValueError(f"two outputs for {sorted(clash)}")
        files.update(extra)
    return files


def is_kit_file(rel: str) -> bool:
    """Files under docs/kits/ belong to the kit builder; syncing the pages must leave them alone."""
    return rel.startswith(KIT_FOLDER + "/")
