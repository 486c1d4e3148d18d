"""The files a kit produces: one list, used by the kit writer and by the site's kit pages for download links."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Kit

LAYOUTS = {"fold": "vouwen", "duplex": "dubbelzijdig"}
COMBINED_LAYOUT = "fold"  # the card layout inside the all-in-one PDF: it needs no duplex printer
LABELS = {
    "draaiboek": "Draaiboek voor de begeleider",
    "programma": "Programma voor deelnemers",
    "principekaarten": "Principekaarten",
    "casuskaarten": "Casuskaarten",
    "werkblad": "Werkblad",
    "evaluatie": "Evaluatieformulier",
    "presentatie": "Presentatie (16:9)",
}


@dataclass(frozen=True)
class KitFile:
    """One downloadable document of a kit; `stem` + '.html' / '.pdf' is the file name in site/kits/<kit id>/."""

    document: str  # a model.Document value, or 'uitlijntest' / 'compleet'
    stem: str
    label: str  # Dutch, for links
    layout: str | None = None  # 'fold' or 'duplex' for card decks
    formats: tuple[str, ...] = ("html", "pdf")  # the all-in-one file exists only as PDF

    @property
    def deck(self) -> bool:
        return self.document in ("principekaarten", "casuskaarten")


def kit_outputs(kit: Kit, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> list[KitFile]:
    """Every document of `kit`, in reading order, with its file stem; card decks once per layout in `layouts`."""
    files: list[KitFile] = []
    for document in kit.documents:
        if document in ("principekaarten", "casuskaarten"):
            for layout, dutch in LAYOUTS.items():
                if layout not in layouts:
                    continue
                label = f"{LABELS[document]} ({'om te vouwen' if layout == 'fold' else 'dubbelzijdig printen'})"
                files.append(KitFile(document, f"{document}-{dutch}", label, layout))
        else:
            files.append(KitFile(document, document, LABELS[document]))
    if any(f.layout == "duplex" for f in files):
        files.append(KitFile("uitlijntest", "uitlijntest", "Uitlijntest voor dubbelzijdig printen"))
    files.append(KitFile("compleet", f"{kit.id}-compleet", "Alles in één PDF", formats=("pdf",)))
    return files


def combined_parts(kit: Kit, layout: str = COMBINED_LAYOUT) -> list[KitFile]:
    """What the all-in-one PDF holds, in order: every document once, card decks in `layout` (plus the alignment
    test when that layout is duplex)."""
    return [f for f in kit_outputs(kit, (layout,)) if f.document != "compleet"]
