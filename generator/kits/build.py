"""Build workshop kits: Catalog + kit/*.yaml → HTML with print CSS and PDF per document, plus one combined PDF.

Reads top to bottom, like every build in Wijkkit: first plan and render everything in memory and check the laid-out
pages (text that does not fit, blank pages, documents longer than their one or two pages), and only when nothing is
wrong write the files. A failed build leaves the previous files alone.

`build_kit` is what `wijkkit kit NAME` calls (generator/kitcommand.py); `build_kits` is what the site build calls for
every kit. What each document is (file stem, template, page size, renderer, layouts) comes from generator/kitfiles.py.
"""

from __future__ import annotations

import atexit
import copy
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import firewall
from ..catalog import Catalog
from ..kitfiles import ALIGNMENT, COMBINED, DEFAULT_LAYOUT, DOCUMENTS, LAYOUTS, KitFile, combined_parts, kit_outputs
from ..model import KIND_BY_NAME, Document, Kit
from ..problems import Problem, sort_problems
from .fetcher import safe_fetcher
from .imposition import impose, sheet_count
from .layout import Overflow, blank_pages, element_page, overflows, page_fill, starts_on_page
from .plan import KitPlan, plan_kit
from .render import render_template

STATIC = Path(__file__).resolve().parent / "static"
PDF_ONLY_CSS = "pdf.css"
ASSETS = "assets"  # beside the documents: the CSS and the fonts, so a kit folder works on its own and offline
PDF_OPTIONS = {"pdf_tags": True}  # tagged PDF; title and language come from <title> and <html lang="nl">

MIN_FILL = 0.25  # no page of a flowing document is less than a quarter full, except the last
MAX_FIT_STEP = 3  # card sides shrink in up to three steps (see cards.css) before text that does not fit is an error


# ---------------------------------------------------------------------------------------------------------------
# assets


def kit_fonts() -> list[Path]:
    """Atkinson Hyperlegible, the site's font, from its PyPI package: nothing is fetched at build or view time."""
    from fontpkg_atkinson_hyperlegible import ROOT

    files = sorted((Path(ROOT) / "files").glob("*.ttf"))
    if not files:  # pragma: no cover - a broken installation
        raise RuntimeError(f"no font files in {ROOT}/files; reinstall fontpkg-atkinson-hyperlegible")
    return files


def asset_files() -> dict[str, Path]:
    """Relative path under the kit folder → source file."""
    files = {f"{ASSETS}/{css.name}": css for css in sorted(STATIC.glob("*.css")) if css.name != PDF_ONLY_CSS}
    files.update({f"{ASSETS}/fonts/{font.name}": font for font in kit_fonts()})
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
    if file.document == COMBINED:
        return f"Alles in één – {kit.title}"
    return f"{file.label} – {kit.title}"


def _deck(plan: KitPlan, file: KitFile) -> dict[str, Any]:
    spec = DOCUMENTS[Document(file.document)]
    records = list(plan.principles if spec.records == "principles" else plan.cases)
    layout = LAYOUTS[file.layout or DEFAULT_LAYOUT]
    return {
        "kind": "principle" if spec.records == "principles" else "case",
        "layout": layout,
        "deck_title": spec.label,
        "sheets": impose(records, layout),
        "sheet_count": sheet_count(records, layout),
    }


def _alignment(plan: KitPlan, file: KitFile) -> dict[str, Any]:
    return {"layout": LAYOUTS["duplex"], "sheets": impose([1, 2, 3, 4], LAYOUTS["duplex"])}


def _nothing(plan: KitPlan, file: KitFile) -> dict[str, Any]:
    return {}


# the renderer named in a document's kitfiles entry → what its template gets besides the plan
CONTEXTS: dict[str, Callable[[KitPlan, KitFile], dict[str, Any]]] = {
    "page": _nothing,
    "slides": _nothing,
    "methods": _nothing,
    "deck": _deck,
}


def render_html(
    plan: KitPlan, file: KitFile, fit: dict[str, int] | None = None, loose: frozenset[int] = frozenset()
) -> str:
    """The document's HTML; `fit` maps a card side ('case:<id>:back') to its shrink step (0 is the normal size),
    `loose` holds the draaiboek blocks that may break across pages (see `underfilled`)."""
    context: dict[str, Any] = {
        "plan": plan,
        "title": document_title(file, plan.kit),
        "fit": fit or {},
        "document": file.document,
        "loose": loose,
    }
    if file.document == ALIGNMENT:
        context.update(
            description="Testvel om te zien of je printer voor- en achterkant goed op elkaar legt.",
            **_alignment(plan, file),
        )
        return render_template("uitlijntest.html.j2", **context)
    spec = DOCUMENTS[Document(file.document)]
    context.update(description=spec.description, **CONTEXTS[spec.renderer](plan, file))
    return render_template(spec.template, **context)


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
            stylesheets=self.stylesheets, font_config=self.font_config, cache=self.cache
        )

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
    target = DOCUMENTS[Document(file.document)].fit
    by_mm = f"{overflow.by_mm:.1f}".replace(".", ",")
    message = (
        f"{label} '{overflow.record_id}': {_yaml_path(overflow.path)} past niet op {target}; "
        f"de tekst loopt {by_mm} mm te ver door"
    )
    if not file.layout:
        hint = "Maak de tekst korter: een dia moet in één oogopslag te lezen zijn."
    else:
        hint = (
            "Maak deze tekst (of de tekst erboven op dezelfde kant van de kaart) korter. Een kaart is A6 en de "
            "letter blijft groot genoeg om te lezen, dus de tekst moet inschikken."
        )
    return Problem(where, line, column, message, hint)


def page_problems(catalog: Catalog, kit: Kit, file: KitFile, document: Any) -> list[Problem]:
    """A document longer than its kitfiles entry allows, and a run sheet that does not fit its one page."""
    pages = len(document.pages)
    spec = file.spec
    problems = []
    if file.document == "draaiboek" and (element_page(document, "data-part", "after-runsheet") or 1) > 2:
        problems.append(
            Problem(
                *catalog.where("kit", kit.id, "blocks"),
                f"kit '{kit.id}': de regiekaart in het draaiboek past niet op één A4",
                "Maak de regie (cue) van de blokken korter, of voeg blokken samen.",
            )
        )
    if spec is not None and spec.renderer == "methods":
        ids = [block.werkvorm for block in kit.blocks if block.werkvorm]
        starts = [element_page(document, "data-werkvorm", wid) or 0 for wid in dict.fromkeys(ids)]
        for wid, start, following in zip(dict.fromkeys(ids), starts, [*starts[1:], pages + 1]):
            if following - start > 1:
                problems.append(
                    Problem(
                        *catalog.where("werkvorm", wid, "steps"),
                        f"werkvorm '{wid}': de werkvormkaart past niet op één A4",
                        "Maak de stappen of de tips korter.",
                    )
                )
    if spec is None or not spec.max_pages or pages <= spec.max_pages:
        return problems
    if file.document == "werkblad":
        back = element_page(document, "data-side", "2") or 1
        loc, hint = (
            (("principles",), "Kies minder principes voor deze kit; de eerste kant toont ze allemaal.")
            if back > 2
            else (("reflection",), "Gebruik minder of kortere reflectievragen.")
        )
    elif file.document == "programma":
        loc, hint = (
            ("blocks",),
            "Maak de omschrijvingen voor deelnemers (for_participants) korter of voeg blokken samen.",
        )
    else:
        loc, hint = ("evaluation",), "Gebruik minder of kortere vragen onder 'evaluation'."
    sides = "één A4" if spec.max_pages == 1 else f"{spec.max_pages} kanten A4"
    problems.append(
        Problem(
            *catalog.where("kit", kit.id, *loc),
            f"kit '{kit.id}': {spec.label.lower()} past niet op {sides} ({pages} pagina's)",
            hint,
        )
    )
    return problems


def underfilled(document: Any) -> frozenset[int]:
    """Draaiboek blocks that start a page after one less than a quarter full (blocks are kept whole when they can)."""
    fill = page_fill(document)
    found = set()
    for number, share in enumerate(fill[:-1], 1):
        if share < MIN_FILL:
            found.update(int(value) for value in starts_on_page(document, "data-block", number + 1)[:1])
    return frozenset(found)


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


def lay_out(
    engine: Renderer, plan: KitPlan, file: KitFile, fit: dict[str, int]
) -> tuple[str, Any, list[Overflow], list[Any]]:
    """Render one document and lay it out until it settles: card sides shrink a step at a time (`fit`, shared by
    every layout of a deck) and a draaiboek block that would leave a nearly empty page may break. Returns the HTML,
    the laid-out document (None when the firewall refused the HTML), what still overflows, and what was refused."""
    spec = file.spec
    loose: frozenset[int] = frozenset()
    while True:
        html = render_html(plan, file, fit, loose)
        refused = firewall.violations(html, profile="page")  # before WeasyPrint reads anything
        if refused:
            return html, None, [], refused
        document = engine.layout(html)
        more = underfilled(document) - loose if file.document == "draaiboek" else frozenset()
        if more:  # a block kept whole left the page before it nearly empty: let it break, and lay out again
            loose |= more
            continue
        found = overflows(document) if spec and spec.fit else []
        shrink = [o for o in found if file.layout and fit.get(o.box, 0) < MAX_FIT_STEP]
        if not shrink:
            return html, document, found, []
        for overflow in {o.box: o for o in shrink}.values():  # one step per side and pass
            fit[overflow.box] = fit.get(overflow.box, 0) + 1


def combined_pdf(engine: Renderer, plan: KitPlan, layout: str) -> bytes:
    """The all-in-one PDF on its own: its parts laid out as `build_kit` lays them out (the same steps, so the same
    pages), put together and painted."""
    steps: dict[str, dict[str, int]] = {}
    parts = []
    for part in combined_parts(plan.kit, layout):
        _, document, _, _ = lay_out(engine, plan, part, steps.setdefault(part.document, {}))
        if document is None:
            raise RuntimeError(f"{plan.kit.id}/{part.stem}: refused by the firewall")
        parts.append(document)
    title = document_title(KitFile(COMBINED, "", ""), plan.kit)
    return engine.pdf(engine.combine(parts, title))


class Helper:
    """Work done in a forked child on the second core, its bytes read back at the end; where the system cannot fork
    or the child fails, `result` is None and the caller does the work itself."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self.pid = 0
        if not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # pragma: no cover - the child; coverage does not follow it
            status = 1
            try:
                os.close(read)
                data = work()
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.pid, self.read = pid, read

    def result(self) -> bytes | None:
        if not self.pid:
            return None
        with os.fdopen(self.read, "rb") as incoming:
            data = incoming.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return data if status == 0 else None

    def cancel(self) -> None:
        if self.pid:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
            os.close(self.read)
            self.pid = 0


def build_kit(
    catalog: Catalog,
    kit: Kit,
    *,
    site_url: str,
    layouts: tuple[str, ...] = tuple(LAYOUTS),
    fmt: str = "both",
    combined_layout: str | None = None,
    two_cores: bool = False,
) -> KitBuild:
    """Render one kit in memory. The layout is always measured, also for HTML only: an overfull card is an error.

    `two_cores`: on a machine with more than one core, a forked child lays out and paints the all-in-one PDF while
    this process lays out, checks and paints the documents (for `wijkkit kit`, where a facilitator waits; the bytes
    are the same, and the parent does the work itself when the child cannot)."""
    result = KitBuild(kit)
    plan = plan_kit(catalog, kit, site_url)
    files = kit_outputs(kit, layouts)
    engine = renderer()
    layout = combined_layout or (DEFAULT_LAYOUT if DEFAULT_LAYOUT in layouts else layouts[0])
    wants_pdf = fmt in ("pdf", "both") and any(f.document == COMBINED for f in files)
    helper = (
        Helper(lambda: combined_pdf(engine, plan, layout))
        if two_cores and wants_pdf and (os.cpu_count() or 1) > 1
        else None
    )
    html: dict[str, str] = {}
    documents: dict[str, Any] = {}
    steps: dict[str, dict[str, int]] = {}  # card sides' shrink steps, shared by every layout of a deck
    for file in files:
        if "html" not in file.formats:
            continue
        html[file.stem], document, found, refused = lay_out(engine, plan, file, steps.setdefault(file.document, {}))
        if refused:
            result.problems.extend(
                Problem(
                    catalog.file_of("kit", kit.id),
                    1,
                    1,
                    f"kit '{kit.id}', {file.stem}: {v.message}",
                    "Dit mag niet in een kit. Haal de HTML of het adres uit de tekst van de kit, het principe "
                    "of de casus.",
                )
                for v in refused
            )
            continue
        blank = blank_pages(document)
        if blank:
            raise RuntimeError(f"{kit.id}/{file.stem}: blank page(s) {blank}; fix the template")
        result.problems.extend(overflow_problem(catalog, o, file) for o in found)
        result.problems.extend(page_problems(catalog, kit, file, document))
        documents[file.stem] = document
    result.documents = documents
    once = {(p.file, p.line, p.column): p for p in reversed(result.problems)}  # a field too long in two layouts
    result.problems = sort_problems(list(once.values()))
    if result.problems:
        if helper:
            helper.cancel()
        return result

    for file in files:
        if "html" in file.formats and fmt in ("html", "both"):
            result.files[f"{file.stem}.html"] = html[file.stem].encode("utf-8")
        if "pdf" not in file.formats or fmt not in ("pdf", "both"):
            continue
        if file.document == COMBINED:
            parts = [documents[part.stem] for part in combined_parts(kit, layout)]
            result.pages[f"{file.stem}.pdf"] = sum(len(part.pages) for part in parts)
            painted = helper.result() if helper else None
            result.files[f"{file.stem}.pdf"] = painted or engine.pdf(engine.combine(parts, document_title(file, kit)))
        else:
            result.files[f"{file.stem}.pdf"] = engine.pdf(documents[file.stem])
            result.pages[f"{file.stem}.pdf"] = len(documents[file.stem].pages)
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
