"""Where each record's page lives on the site: one source for page writers, QR codes and the data export.

Paths are relative to the site root and end in '/', as MkDocs and Zensical serve them with directory URLs.
"""

from __future__ import annotations

SECTIONS = {
    "principle": "principes",
    "case": "casussen",
    "example": "praktijkvoorbeelden",
    "municipality": "gemeenten",
    "werkvorm": "werkvormen",
    "kit": "workshopkits",
    "source": "bronnen",
}
KIT_FILES = "kits"  # downloadable kit documents: site/kits/<kit id>/<file>
DATA_JSON = "data/wijkkit.json"  # open data: every record with its links
DATA_CSV = "data/praktijkvoorbeelden.csv"  # open data: the examples as a table
SCHEMA_FOLDER = "schema"  # open data: schema/<kind>.json
COMPOSER = "samenstellen"  # the session composer: workshopkits/samenstellen/, so no kit may have this id
# Ids a kit cannot have: its page would take the place of a page of the site's own in the kits section.
RESERVED_KIT_IDS = frozenset({COMPOSER, "index"})
# Names a page in content/pages/ cannot have: the site's own pages, sections and folders use them.
RESERVED_PAGE_NAMES = frozenset(
    {
        "index",
        "trefwoorden",
        *SECTIONS.values(),
        DATA_JSON.split("/")[0],
        SCHEMA_FOLDER,
        KIT_FILES,
        "assets",
        "search",
        "404",
        "vergelijken",
    }
)


def page_url(kind: str, record_id: str) -> str:
    """'principes/vertrouwen-herstellen/'; sources share one bibliography page with an anchor per source."""
    if kind == "source":
        return f"{SECTIONS['source']}/#{record_id}"
    return f"{SECTIONS[kind]}/{record_id.lower()}/"


def page_file(kind: str, record_id: str) -> str:
    """The Markdown file in build/docs/ that becomes `page_url(kind, record_id)`."""
    return f"{SECTIONS[kind]}/{record_id.lower()}.md"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")
