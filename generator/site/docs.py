"""Everything the engine reads from build/docs/, as one mapping of file → bytes.

Pages, open data, schemas and fonts are all decided here before anything is written; `sync` then makes the folder
match. Kit documents are the one exception: the kit builder writes them into docs/kits/ itself (see build.py).
"""

from __future__ import annotations

from ..catalog import Catalog
from ..composer import composer_files
from ..export import export_files, schema_files
from ..pages import render_pages
from ..settings import Settings
from .assets import font_files, search_files

KIT_FOLDER = "kits"


def docs_files(catalog: Catalog, settings: Settings, *, kit_files: frozenset[str] = frozenset()) -> dict[str, bytes]:
    schemas = tuple(sorted(schema_files()))
    pages = render_pages(catalog, settings.edit_url, kit_files=kit_files, schemas=schemas)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    for extra in (export_files(catalog, settings.site_url, kit_files=kit_files), font_files(), search_files(),
                  composer_files(catalog, settings.site_url)):
        clash = files.keys() & extra.keys()
        if clash:
            raise ValueError(f"two outputs for {sorted(clash)}")
        files.update(extra)
    return files


def is_kit_file(rel: str) -> bool:
    """Files under docs/kits/ belong to the kit builder; syncing the pages must leave them alone."""
    return rel.startswith(KIT_FOLDER + "/")
