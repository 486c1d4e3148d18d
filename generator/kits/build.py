"""Build workshop kits: Catalog + kit/*.yaml → HTML with print CSS and PDF per document, plus one combined PDF.

Reads top to bottom, like every build in Wijkkit: first plan and render everything in memory and check the laid-out
pages (text that does not fit, blank pages, documents longer than their one or two pages), and only when nothing is
wrong write the files. A failed build leaves the previous files alone.

`run_kit` is `wijkkit kit NAME`; `build_kits` is what the site build calls for every kit.
"""

from __future__ import annotations

import atexit
import copy
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import firewall
from ..catalog import Catalog
from ..model import KIND_BY_NAME, Kit
from ..problems import Problem, report, sort_problems
from .fetcher import safe_fetcher
from .imposition import impose, sheet_count
from .layout import Overflow, blank_pages, element_page, overflows
from .outputs import COMBINED_LAYOUT, LABELS, LAYOUTS, KitFile, combined_parts, kit_outputs
from .plan import KitPlan, plan_kit
from .render import render_document

STATIC = Path(__file__).resolve().parent / "static"
PDF_ONLY_CSS = "pdf.css"
ASSETS = "assets"  # beside the documents: the CSS and the fonts, so a kit folder works on its own and offline
PDF_OPTIONS = {"pdf_tags": True}  # tagged PDF; title and language come from <title> and <html lang="nl">

DECK_TITLES = {"principekaarten": "Principekaarten", "casuskaarten": "Casuskaarten"}
LAYOUT_LABELS = {"fold": "om te vouwen", "duplex": "dubbelzijdig"}
DESCRIPTIONS = {
    "draaiboek": "Draaiboek voor de begeleider: doel, voorbereiding, materialen en het programma blok voor blok.",
    "programma": "Het programma voor deelnemers, met tijden.",
    "principekaarten": "Principekaarten op A6: voorkant met nummer, titel en samenvatting, achterkant met vragen.",
    "casuskaarten": "Casuskaarten op A6: voorkant met de situatie, achterkant met het dilemma en vragen.",
    "uitlijntest": "Testvel om te zien of je printer voor- en achterkant goed op elkaar legt.",
    "werkblad": "Werkblad voor deelnemers: de principes op een rij, vragen om over na te denken en mijn volgende stap.",
    "evaluatie": "Evaluatieformulier voor deelnemers.",
    "presentatie": "Presentatie bij de sessie, in 16:9.",
}
FIT_TARGETS = {"principekaarten": "de principekaart", "casuskaarten": "de casuskaart", "presentatie": "de dia"}
ONE_PAGE = ("programma", "evaluatie")
MAX_FIT_STEP = 3  # card sides shrink in up to three steps (see cards.css) before text that does not fit is an error


# ---------------------------------------------------------------------------------------------------------------
# assets


def font_files() -> list[Path]:
    """Atkinson Hyperlegible, the site's font, from its PyPI package: nothing is fetched at build or view time."""
    from fontpkg_atkinson_hyperlegible import ROOT

    files = sorted((Path(ROOT) / "files").glob("*.ttf"))
    if not files:  # pragma: no cover - a broken installation
        raise RuntimeError(f"no font files in {ROOT}/files; reinstall fontpkg-atkinson-hyperlegible")
    return files


def asset_files() -> dict[str, Path]:
    """Relative path under the kit folder → source file."""
    files = {f"{ASSETS}/{css.name}": css for css in sorted(STATIC.glob("*.css")) if css.name != PDF_ONLY_CSS}
    files.update({f"{ASSETS}/fonts/{font.name}": font for font in font_files()})
    return files


def write_assets(folder: Path) -> list[Path]:
    written = []
    for rel, source in asset_files().items():
        target = folder / rel
        data = source.read_bytes()
        if not target.exists() or target.read_bytes() != data:
            _write_atomic(target, data)
        written.append(target)
    return written


@lru_cache(maxsize=1)
def _render_root() -> Path:
    """A private folder with the assets, which WeasyPrint reads while the kit is still in memory."""
    folder = Path(tempfile.mkdtemp(prefix="wijkkit-kit-assets-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    write_assets(folder)
    return folder


# ---------------------------------------------------------------------------------------------------------------
# HTML


def document_title(file: KitFile, kit: Kit) -> str:
    if file.document == "uitlijntest":
        return f"Uitlijntest voor dubbelzijdig printen – {kit.title}"
    if file.deck:
        return f"{DECK_TITLES[file.document]} {LAYOUT_LABELS[file.layout]} – {kit.title}"
    if file.document == "compleet":
        return f"Alles in één – {kit.title}"
    return f"{LABELS[file.document]} – {kit.title}"


def render_html(plan: KitPlan, file: KitFile, fit: dict[str, int] | None = None) -> str:
    """The document's HTML; `fit` maps a card side ('case:<id>:back') to its shrink step (0 is the normal size)."""
    kit = plan.kit
    context: dict[str, Any] = {
        "plan": plan,
        "title": document_title(file, kit),
        "description": DESCRIPTIONS[file.document],
        "fit": fit or {},
    }
    if file.deck:
        records = plan.principles if file.document == "principekaarten" else plan.cases
        context.update(
            kind="principle" if file.document == "principekaarten" else "case",
            layout=file.layout,
            layout_label=LAYOUT_LABELS[file.layout],
            deck_title=DECK_TITLES[file.document],
            sheets=impose(list(records), file.layout),
            sheet_count=sheet_count(list(records), file.layout),
        )
    elif file.document == "uitlijntest":
        context.update(sheets=impose([1, 2, 3, 4], "duplex"))
    return render_document(file.document, **context)


# ---------------------------------------------------------------------------------------------------------------
# PDF


class Renderer:
    """WeasyPrint, imported once per process, with one font configuration and image cache for every document."""

    def __init__(self) -> None:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        self._html = HTML
        self.font_config = FontConfiguration()
        self.cache: dict[str, Any] = {}
        self.base_url = _render_root().as_uri() + "/"
        self.fetcher = safe_fetcher([_render_root()])  # the kit's own CSS and fonts; QR codes are data: images
        # pdf.css is for WeasyPrint only: it shows what lies outside the A4 trim (crop marks, job label)
        self.stylesheets = [CSS(filename=str(STATIC / PDF_ONLY_CSS), font_config=self.font_config)]

    def layout(self, html: str) -> Any:
        return self._html(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render(
            stylesheets=self.stylesheets, font_config=self.font_config, cache=self.cache)

    def pdf(self, document: Any) -> bytes:
        return document.write_pdf(**PDF_OPTIONS)

    def combine(self, documents: list[Any], title: str) -> Any:
        combined = documents[0].copy([page for document in documents for page in document.pages])
        combined.metadata = copy.copy(documents[0].metadata)
        combined.metadata.title = title
        return combined


@lru_cache(maxsize=1)
def renderer() -> Renderer:
    return Renderer()


# ---------------------------------------------------------------------------------------------------------------
# checks on the laid-out pages


def _yaml_path(path: Iterable[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def overflow_problem(catalog: Catalog, overflow: Overflow, file: KitFile) -> Problem:
    where, line, column = catalog.where(overflow.kind, overflow.record_id, *overflow.path)
    label = KIND_BY_NAME[overflow.kind].label[0]
    target = FIT_TARGETS[file.document]
    by_mm = f"{overflow.by_mm:.1f}".replace(".", ",")
    message = (f"{label} '{overflow.record_id}': {_yaml_path(overflow.path)} past niet op {target}; "
               f"de tekst loopt {by_mm} mm te ver door")
    if file.document == "presentatie":
        hint = "Maak de tekst korter: een dia moet in één oogopslag te lezen zijn."
    else:
        hint = ("Maak deze tekst (of de tekst erboven op dezelfde kant van de kaart) korter. Een kaart is A6 en de "
                "letter blijft groot genoeg om te lezen, dus de tekst moet inschikken.")
    return Problem(where, line, column, message, hint)


def page_problems(catalog: Catalog, kit: Kit, file: KitFile, document: Any) -> list[Problem]:
    pages = len(document.pages)
    problems = []
    if file.document in ONE_PAGE and pages > 1:
        loc = ("blocks",) if file.document == "programma" else ("evaluation",)
        what = "het programma" if file.document == "programma" else "het evaluatieformulier"
        hint = ("Maak de omschrijvingen voor deelnemers (for_participants) korter of voeg blokken samen."
                if file.document == "programma" else "Gebruik minder of kortere vragen onder 'evaluation'.")
        problems.append(Problem(*catalog.where("kit", kit.id, *loc),
                                f"kit '{kit.id}': {what} past niet op één A4 ({pages} pagina's)", hint))
    if file.document == "werkblad" and pages != 2:
        back = element_page(document, "data-side", "2") or 1
        loc, hint = (("principles",), "Kies minder principes voor deze kit; de eerste kant toont ze allemaal.") \
            if back > 2 else (("reflection",), "Gebruik minder of kortere reflectievragen.")
        problems.append(Problem(*catalog.where("kit", kit.id, *loc),
                                f"kit '{kit.id}': het werkblad past niet op twee kanten A4 ({pages} pagina's)", hint))
    return problems


# ---------------------------------------------------------------------------------------------------------------
# one kit


@dataclass
class KitBuild:
    """Everything one kit produced, in memory until `write`."""

    kit: Kit
    files: dict[str, bytes] = field(default_factory=dict)  # file name → content
    pages: dict[str, int] = field(default_factory=dict)  # PDF file name → page count
    problems: list[Problem] = field(default_factory=list)
    documents: dict[str, Any] = field(default_factory=dict, repr=False)  # stem → laid-out WeasyPrint document

    def write(self, out: Path) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        written = write_assets(out) if any(name.endswith(".html") for name in self.files) else []
        for name, data in self.files.items():
            _write_atomic(out / name, data)
            written.append(out / name)
        return written


def build_kit(
    catalog: Catalog,
    kit: Kit,
    *,
    site_url: str,
    layouts: tuple[str, ...] = tuple(LAYOUTS),
    fmt: str = "both",
    combined_layout: str | None = None,
) -> KitBuild:
    """Render one kit in memory. The layout is always measured, also for HTML only: an overfull card is an error."""
    result = KitBuild(kit)
    plan = plan_kit(catalog, kit, site_url)
    files = kit_outputs(kit, layouts)
    engine = renderer()
    html: dict[str, str] = {}
    documents: dict[str, Any] = {}
    steps: dict[str, dict[str, int]] = {"principekaarten": {}, "casuskaarten": {}}  # shared by both layouts
    for file in files:
        if "html" not in file.formats:
            continue
        fit = steps.get(file.document, {})
        while True:
            html[file.stem] = render_html(plan, file, fit)
            refused = firewall.violations(html[file.stem], profile="page")  # before WeasyPrint reads anything
            if refused:
                result.problems.extend(
                    Problem(catalog.file_of("kit", kit.id), 1, 1, f"kit '{kit.id}', {file.stem}: {v.message}",
                            "Dit mag niet in een kit. Haal de HTML of het adres uit de tekst van de kit, het principe "
                            "of de casus.") for v in refused)
                break
            document = engine.layout(html[file.stem])
            found = overflows(document) if file.document in FIT_TARGETS else []
            shrink = [o for o in found if file.deck and fit.get(o.box, 0) < MAX_FIT_STEP]
            if not shrink:
                break
            for overflow in {o.box: o for o in shrink}.values():  # one step per side and pass
                fit[overflow.box] = fit.get(overflow.box, 0) + 1
        if refused:
            continue
        blank = blank_pages(document)
        if blank:
            raise RuntimeError(f"{kit.id}/{file.stem}: blank page(s) {blank}; fix the template")
        result.problems.extend(overflow_problem(catalog, o, file) for o in found)
        result.problems.extend(page_problems(catalog, kit, file, document))
        documents[file.stem] = document
    result.documents = documents
    result.problems = sort_problems(result.problems)
    if result.problems:
        return result

    for file in files:
        if "html" in file.formats and fmt in ("html", "both"):
            result.files[f"{file.stem}.html"] = html[file.stem].encode("utf-8")
        if "pdf" not in file.formats or fmt not in ("pdf", "both"):
            continue
        if file.document == "compleet":
            layout = combined_layout or (COMBINED_LAYOUT if COMBINED_LAYOUT in layouts else layouts[0])
            parts = [documents[part.stem] for part in combined_parts(kit, layout)]
            document = engine.combine(parts, document_title(file, kit))
        else:
            document = documents[file.stem]
        result.files[f"{file.stem}.pdf"] = engine.pdf(document)
        result.pages[f"{file.stem}.pdf"] = len(document.pages)
    return result


def build_kits(catalog: Catalog, dest: Path, *, site_url: str) -> list[Problem]:
    """Every kit into dest/<kit id>/, both card layouts, HTML and PDF. Nothing is written for a kit with problems."""
    problems: list[Problem] = []
    for kit in catalog.kits:
        built = build_kit(catalog, kit, site_url=site_url)
        problems.extend(built.problems)
        if not built.problems:
            built.write(dest / kit.id)
    return sort_problems(problems)


def run_kit(root: Path, name: str, *, layout: str = "fold", out: Path | None = None, files: str = "both",
            fmt: str = "text") -> int:
    """`wijkkit kit NAME`: one kit, card decks in one layout. Exit code 0 done, 1 problems (printed in `fmt`)."""
    from ..project import read_project

    started = time.perf_counter()
    result = read_project(root)
    if result.problems:
        report(result.problems, fmt)
        return 1
    catalog = result.catalog
    kit = catalog.kit_by_id.get(name)
    if kit is None:
        known = ", ".join(k.id for k in catalog.kits) or "geen"
        report([Problem(f"kit/{name}.yaml", 1, 1, f"er is geen kit '{name}' in kit/", f"Bekende kits: {known}.")], fmt)
        return 1
    built = build_kit(catalog, kit, site_url=result.settings.site_url, layouts=(layout,), fmt=files,
                      combined_layout=layout)
    if built.problems:
        report(built.problems, fmt)
        return 1
    target = out if out is not None else root / "build" / "kits" / kit.id
    built.write(target)
    seconds = time.perf_counter() - started
    documents = sorted(built.files)
    print("\n".join(str(target / name) for name in documents))
    print(f"ok: {len(documents)} bestanden voor kit '{kit.id}' in {target} ({seconds:.1f} s)")
    return 0


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

