"""What a kit's documents are: one table keyed by `model.Document`, read by the kit builder, the site's kit pages,
the command line and the tests.

A document's file stem, Dutch label, template, page size, renderer, card layouts and printing advice are written
once, here. Adding a kit document means adding its entry below and its template in generator/kits/templates/.
This module knows no renderer (no WeasyPrint, no Jinja2): the site links to the files, the kit builder makes them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from . import urls
from .model import Document, Kit
from .schedule import quantity


@dataclass(frozen=True)
class Layout:
    """How a card deck is put on paper."""

    name: str  # the value of `wijkkit kit --layout`
    stem: str  # in the file name: principekaarten-<stem>.pdf
    label: str  # Dutch, after the deck's name: "Principekaarten om te vouwen"
    per_sheet: int  # cards per sheet of paper
    duplex: bool  # backs on the next page, mirrored for a long-edge flip
    bleed: bool  # a print shop's sheet: 3 mm bleed and crop marks outside A4; otherwise an A4 page for any printer


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout("fold", "vouwen", "om te vouwen", 2, duplex=False, bleed=False),
        Layout("duplex", "dubbelzijdig", "dubbelzijdig", 4, duplex=True, bleed=False),
        Layout("drukkerij", "drukkerij", "voor de drukkerij", 4, duplex=True, bleed=True),
    )
}
DEFAULT_LAYOUT = "fold"  # needs no duplex printer; also the layout inside the all-in-one PDF


@dataclass(frozen=True)
class DocumentSpec:
    document: Document
    label: str  # Dutch, for links and titles
    description: str  # Dutch, the HTML's meta description
    template: str  # in generator/kits/templates/
    page: str  # 'A4', 'A4 met kaarten' or '16:9'
    renderer: str  # which context the kit builder gives the template: 'page', 'deck', 'methods' or 'slides'
    copies: str  # who gets one when no material says how many: 'begeleider', 'deelnemer', 'set' or 'scherm'
    paper: str  # Dutch printing advice
    sides: str  # Dutch printing advice
    layouts: tuple[str, ...] = ()  # card decks: one file per layout
    records: str = ""  # card decks: which records the cards show ('principles', 'cases')
    fit: str = ""  # Dutch name of a fixed box whose text must fit ('de dia'); '' when text may flow to a new page
    max_pages: int = 0  # 0: no limit

    def stem(self, layout: str | None = None) -> str:
        return f"{self.document.value}-{LAYOUTS[layout].stem}" if layout else self.document.value

    def file_label(self, layout: str | None = None) -> str:
        return f"{self.label} {LAYOUTS[layout].label}" if layout else self.label


OFFICE = "A4, 80 g/m²"
CARD = "A4, 160–200 g/m²"
CARD_LAYOUTS = tuple(LAYOUTS)

DOCUMENTS: dict[Document, DocumentSpec] = {
    spec.document: spec
    for spec in (
        DocumentSpec(
            Document.draaiboek,
            "Draaiboek voor de begeleider",
            "Draaiboek voor de begeleider: regiekaart, doel, voorbereiding, materialen en het programma "
            "blok voor blok.",
            "draaiboek.html.j2",
            "A4",
            "page",
            "begeleider",
            OFFICE,
            "dubbelzijdig",
        ),
        DocumentSpec(
            Document.programma,
            "Programma voor deelnemers",
            "Het programma voor deelnemers, met tijden.",
            "programma.html.j2",
            "A4",
            "page",
            "deelnemer",
            OFFICE,
            "enkelzijdig",
            max_pages=1,
        ),
        DocumentSpec(
            Document.principekaarten,
            "Principekaarten",
            "Principekaarten op A6: voorkant met nummer, titel en samenvatting, achterkant met vragen.",
            "cards.html.j2",
            "A4 met kaarten",
            "deck",
            "set",
            CARD,
            "",
            CARD_LAYOUTS,
            "principles",
            "de principekaart",
        ),
        DocumentSpec(
            Document.casuskaarten,
            "Casuskaarten",
            "Casuskaarten op A6: voorkant met de situatie, achterkant met het dilemma en vragen.",
            "cards.html.j2",
            "A4 met kaarten",
            "deck",
            "set",
            CARD,
            "",
            CARD_LAYOUTS,
            "cases",
            "de casuskaart",
        ),
        DocumentSpec(
            Document.werkvormkaarten,
            "Werkvormkaarten",
            "Werkvormkaarten voor de begeleider: per werkvorm de uitnodigende vraag, de stappen met minuten, "
            "groepsgrootte, ruimte en materialen.",
            "werkvormkaarten.html.j2",
            "A4",
            "methods",
            "begeleider",
            CARD,
            "enkelzijdig",
            max_pages=0,
        ),
        DocumentSpec(
            Document.werkblad,
            "Werkblad",
            "Werkblad voor deelnemers: de principes op een rij, vragen om over na te denken en mijn volgende stap.",
            "werkblad.html.j2",
            "A4",
            "page",
            "deelnemer",
            OFFICE,
            "dubbelzijdig",
            max_pages=2,
        ),
        DocumentSpec(
            Document.evaluatie,
            "Evaluatieformulier",
            "Evaluatieformulier voor deelnemers.",
            "evaluatie.html.j2",
            "A4",
            "page",
            "deelnemer",
            OFFICE,
            "enkelzijdig",
            max_pages=1,
        ),
        DocumentSpec(
            Document.presentatie,
            "Presentatie (16:9)",
            "Presentatie bij de sessie, in 16:9.",
            "presentatie.html.j2",
            "16:9",
            "slides",
            "scherm",
            "",
            "",
            fit="de dia",
        ),
    )
}

_VALUES = frozenset(d.value for d in Document)
ALIGNMENT = "uitlijntest"  # an extra sheet whenever a deck is printed double-sided on an office printer
COMBINED = "compleet"


@dataclass(frozen=True)
class KitFile:
    """One downloadable document of a kit; `stem` + '.html' / '.pdf' is the file name in site/kits/<kit id>/."""

    document: str  # a model.Document value, or ALIGNMENT / COMBINED
    stem: str
    label: str  # Dutch, for links
    layout: str | None = None  # the card layout, for card decks
    formats: tuple[str, ...] = ("html", "pdf")  # the all-in-one file exists only as PDF

    @property
    def spec(self) -> DocumentSpec | None:
        return DOCUMENTS.get(Document(self.document)) if self.document in _VALUES else None


def kit_outputs(kit: Kit, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> list[KitFile]:
    """Every document of `kit`, in reading order, with its file stem; card decks once per layout in `layouts`."""
    files: list[KitFile] = []
    for document in kit.documents:
        spec = DOCUMENTS[Document(document)]
        for layout in [name for name in spec.layouts if name in layouts] if spec.layouts else [None]:
            files.append(KitFile(spec.document.value, spec.stem(layout), spec.file_label(layout), layout))
    if any(f.layout and LAYOUTS[f.layout].duplex and not LAYOUTS[f.layout].bleed for f in files):
        files.append(KitFile(ALIGNMENT, ALIGNMENT, "Uitlijntest voor dubbelzijdig printen"))
    files.append(KitFile(COMBINED, f"{kit.id}-{COMBINED}", "Alles in één PDF", formats=("pdf",)))
    return files


def combined_parts(kit: Kit, layout: str = DEFAULT_LAYOUT) -> list[KitFile]:
    """What the all-in-one PDF holds, in order: every document that is printed, once, card decks in `layout` (plus
    the alignment test when that layout is double-sided). The slides are shown on a screen, not printed."""
    return [
        f for f in kit_outputs(kit, (layout,)) if f.document != COMBINED and not (f.spec and f.spec.copies == "scherm")
    ]


# ---------------------------------------------------------------------------------------------------------------
# downloads and printing advice for the site's kit page


@dataclass(frozen=True)
class Download:
    """One kit document as offered on its page: a PDF, a web page, or both, depending on what was built."""

    file: KitFile
    pdf: str | None  # path relative to the docs folder
    html: str | None
    copies: int = 0  # how many to print for the kit's largest group; 0: not printed (the slides, the print shop)
    sheets: int = 0  # sheets of paper per copy; 0 when it depends on the layout of the text (the draaiboek)
    paper: str = ""
    sides: str = ""

    @property
    def document(self) -> str:
        return self.file.document

    @property
    def label(self) -> str:
        return self.file.label


def copies(kit: Kit, document: Document) -> int:
    """How many copies to print: what a material that *is* this document says, else one per facilitator or
    participant, one set of cards, and none of the slides."""
    for material in kit.materials:
        if material.document == document.value:
            return quantity(material, kit.participants.max)
    rule = DOCUMENTS[document].copies
    return {"deelnemer": kit.participants.max, "scherm": 0}.get(rule, 1)


def sheets_per_copy(file: KitFile, counts: Mapping[str, int]) -> int:
    """Sheets of paper for one copy; `counts` holds the number of cards per deck ('principles', 'cases') and of
    werkvormen. 0 when only the laid-out document can tell (the draaiboek)."""
    if file.document == ALIGNMENT:
        return 1
    spec = DOCUMENTS[Document(file.document)]
    if spec.records:
        return math.ceil(counts.get(spec.records, 0) / LAYOUTS[file.layout or DEFAULT_LAYOUT].per_sheet)
    if spec.renderer == "methods":
        return counts.get("werkvormen", 0)
    if spec.max_pages:
        return math.ceil(spec.max_pages / (2 if spec.sides == "dubbelzijdig" else 1))
    return 0


def downloads(kit: Kit, kit_files: frozenset[str], counts: Mapping[str, int] | None = None) -> tuple[Download, ...]:
    """The kit's documents in reading order, limited to the files the kit builder actually wrote."""
    found = []
    for file in kit_outputs(kit):
        base = f"{urls.KIT_FILES}/{kit.id}/{file.stem}"
        pdf, html = base + ".pdf", base + ".html"
        if pdf not in kit_files and html not in kit_files:
            continue
        spec = file.spec
        layout = LAYOUTS[file.layout] if file.layout else None
        printed = file.document == ALIGNMENT or (spec is not None and not (layout and layout.bleed))
        number = 1 if file.document == ALIGNMENT else copies(kit, spec.document) if printed and spec else 0
        sides = (
            "dubbelzijdig, omslaan langs de lange kant"
            if layout and layout.duplex or file.document == ALIGNMENT
            else "enkelzijdig"
            if layout
            else spec.sides
            if spec
            else ""
        )
        found.append(
            Download(
                file,
                pdf if pdf in kit_files else None,
                html if html in kit_files else None,
                copies=number,
                sheets=sheets_per_copy(file, counts or {}) if number else 0,
                paper=(OFFICE if file.document == ALIGNMENT else spec.paper if spec else "") if number else "",
                sides=sides if number else "",
            )
        )
    return tuple(found)
