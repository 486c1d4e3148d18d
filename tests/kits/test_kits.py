"""Workshop kits as printed: files, page sizes and counts, content, clock times, QR codes, fonts, tags and fit.

Every test here reads the kits built once per session (conftest.py), which takes a while: the module is slow.
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp

from generator import urls
from generator.kitfiles import LAYOUTS, combined_parts, kit_outputs
from generator.kits.build import ASSETS, build_kits
from generator.kits.layout import element_page, headings_at_page_end, page_fill
from generator.kits.plan import plan_kit
from generator.project import read_project

from .conftest import MM, SITE_URL, Kits, page_texts, small_text, text_runs

pytestmark = pytest.mark.slow

A4 = (210 * MM, 297 * MM)
A4_DOCUMENTS = ("draaiboek", "programma", "werkblad", "evaluatie", "werkvormkaarten")
SHOP = tuple(
    f"{deck}-{layout.stem}"
    for deck in ("principekaarten", "casuskaarten")
    for layout in LAYOUTS.values()
    if layout.bleed
)
OFFICE = tuple(
    f"{deck}-{layout.stem}"
    for deck in ("principekaarten", "casuskaarten")
    for layout in LAYOUTS.values()
    if not layout.bleed
)
CLOCK_RANGE = re.compile(r"\b(\d\d:\d\d) – (\d\d:\d\d)\b")


def _reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(path)


def _size(box: pypdf.generic.RectangleObject) -> tuple[float, float]:
    return float(box.width), float(box.height)


def _close(a: tuple[float, float], b: tuple[float, float], tolerance: float = 0.5) -> bool:
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def _pages(path: Path) -> int:
    return len(pdfium.PdfDocument(path))


def _text(path: Path) -> str:
    return "\n".join(page_texts(path))


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------------------
# files


def test_every_listed_file_is_written_and_nothing_else(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        expected = {f"{f.stem}.{fmt}" for f in kit_outputs(kit) for fmt in f.formats}
        written = {p.name for p in (kits.folder / kit.id).iterdir() if p.name != ASSETS}
        assert written == expected, kit.id
        assets = kits.folder / kit.id / ASSETS
        assert (assets / "kit.css").is_file() and list((assets / "fonts").glob("AtkinsonHyperlegible-*.ttf"))


def test_html_uses_only_local_assets(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for html in (kits.folder / kit.id).glob("*.html"):
            text = html.read_text(encoding="utf-8")
            assert '<html lang="nl"' in text
            for ref in re.findall(r'(?:href|src)="([^"]+)"', text):
                if ref.startswith(("data:", SITE_URL)):
                    continue
                assert not ref.startswith(("http:", "https:", "//")), (html.name, ref)
                assert (html.parent / ref).is_file(), (html.name, ref)
            css = (html.parent / ASSETS / "kit.css").read_text(encoding="utf-8")
            assert "http" not in css


# ---------------------------------------------------------------------------------------------------------------
# page sizes and counts


def test_a4_documents_and_office_card_sheets_are_a4_portrait_with_nothing_outside(kits: Kits, catalog) -> None:
    """An office printer at 100 % prints an A4 page as it is: no bleed, no slug, nothing for the dialog to centre."""
    for kit in catalog.kits:
        for stem in (*A4_DOCUMENTS, *OFFICE, "uitlijntest"):
            if stem.split("-")[0] not in kit.documents and stem != "uitlijntest":
                continue
            for page in _reader(kits.pdf(kit.id, stem)).pages:
                assert _close(_size(page.mediabox), A4), (kit.id, stem)
                assert _close(_size(page.trimbox), A4), (kit.id, stem)


def test_print_shop_sheets_are_a4_trim_with_bleed_and_a_slug_for_crop_marks(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for stem in SHOP:
            for page in _reader(kits.pdf(kit.id, stem)).pages:
                assert _close(_size(page.trimbox), A4), (kit.id, stem)
                bleed = (float(page.bleedbox.width) - float(page.trimbox.width)) / 2
                assert bleed >= 3 * MM - 0.01, (kit.id, stem, bleed / MM)
                slug = (float(page.mediabox.width) - float(page.trimbox.width)) / 2
                assert slug >= 8 * MM, (kit.id, stem)


def _dark_runs(values: list[bool]) -> list[float]:
    """Centres of runs of dark pixels, in pixel units."""
    centres, start = [], None
    for i, dark in enumerate([*values, False]):
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            centres.append((start + i - 1) / 2)
            start = None
    return centres


def test_crop_marks_cut_the_sheet_into_four_a6_cards(kits: Kits) -> None:
    """Read the crop marks back from the rendered sheet: cuts at 0, 105, 210 mm across and 0.5, 148.5, 296.5 down."""
    dpi = 300
    pdf = pdfium.PdfDocument(kits.pdf("ontbijtsessie", "principekaarten-drukkerij"))
    page = pdf[0]
    left, _, _, top = page.get_mediabox()
    image = page.render(scale=dpi / 72).to_pil().convert("L")
    px_per_mm = dpi / 25.4
    trim_left = (0 - left) / MM * px_per_mm  # trim box starts at x = 0 pt
    trim_top = (top - A4[1]) / MM * px_per_mm
    row = round(trim_top - 9.4 * px_per_mm)  # through the top marks (5 to 10 mm above the trim), above the label
    across = [image.getpixel((x, row)) < 128 for x in range(image.width)]
    xs = [(x - trim_left) / px_per_mm for x in _dark_runs(across)]
    assert xs == pytest.approx([0, 105, 210], abs=0.25)
    column = round(trim_left - 7.5 * px_per_mm)
    down = [image.getpixel((column, y)) < 128 for y in range(image.height)]
    ys = [(y - trim_top) / px_per_mm for y in _dark_runs(down)]
    assert ys == pytest.approx([0.5, 148.5, 296.5], abs=0.25)


def test_office_sheets_have_crop_marks_inside_the_page_on_the_middle_cut_lines(kits: Kits) -> None:
    """Read the marks back: in the gutters at x = 105 mm (top and bottom edge) and y = 148.5 mm (left and right edge),
    at least 5 mm inside the paper's edge, where every printer prints."""
    dpi = 300
    image = pdfium.PdfDocument(kits.pdf("ontbijtsessie", "casuskaarten-dubbelzijdig"))[0].render(scale=dpi / 72)
    image = image.to_pil().convert("L")
    px_per_mm = dpi / 25.4
    row = round(8 * px_per_mm)  # 8 mm below the top edge: inside the page
    gutter = range(round(101 * px_per_mm), round(109 * px_per_mm))  # between the two columns' artwork
    xs = [(gutter[0] + x) / px_per_mm for x in _dark_runs([image.getpixel((x, row)) < 128 for x in gutter])]
    assert xs == pytest.approx([105], abs=0.3)
    column = round(8 * px_per_mm)
    gutter = range(round(145 * px_per_mm), round(152 * px_per_mm))
    ys = [(gutter[0] + y) / px_per_mm for y in _dark_runs([image.getpixel((column, y)) < 128 for y in gutter])]
    assert ys == pytest.approx([148.5], abs=0.3)


def test_four_cards_per_duplex_sheet_with_backs_mirrored(kits: Kits, catalog) -> None:
    principles = catalog.kit_principles["ontbijtsessie"]
    reader = _reader(kits.pdf("ontbijtsessie", "principekaarten-dubbelzijdig"))
    # the number in the badge, not the one on the back's title line
    front, back = reader.pages[0], reader.pages[1]
    quadrant = {}
    for text, _, x, y in text_runs(front):
        for p in principles[:4]:
            if _flat(text) == str(p.number):
                quadrant[p.number] = (x > 105 * MM, y > 148.5 * MM)
    assert quadrant == {1: (False, False), 2: (True, False), 3: (False, True), 4: (True, True)}
    back_quadrant = {}
    for text, _, x, y in text_runs(back):
        for p in principles[:4]:
            if _flat(text) == str(p.number):
                back_quadrant[p.number] = (x > 105 * MM, y > 148.5 * MM)
    # long-edge flip: left and right swap, top and bottom stay
    assert back_quadrant == {n: (not right, lower) for n, (right, lower) in quadrant.items()}


def test_slides_are_16_by_9(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for page in _reader(kits.pdf(kit.id, "presentatie")).pages:
            width, height = _size(page.mediabox)
            assert width / height == pytest.approx(16 / 9, rel=1e-3)


def test_page_counts(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        principles, cases = catalog.kit_principles[kit.id], catalog.kit_cases[kit.id]
        werkvormen = {block.werkvorm for block in kit.blocks if block.werkvorm}
        expected = {
            "programma": 1,
            "evaluatie": 1,
            "werkblad": 2,
            "uitlijntest": 2,
            "werkvormkaarten": len(werkvormen),
            "principekaarten-vouwen": math.ceil(len(principles) / 2),
            "principekaarten-dubbelzijdig": 2 * math.ceil(len(principles) / 4),
            "principekaarten-drukkerij": 2 * math.ceil(len(principles) / 4),
            "casuskaarten-vouwen": math.ceil(len(cases) / 2),
            "casuskaarten-dubbelzijdig": 2 * math.ceil(len(cases) / 4),
            # title, agenda, a slide per block, at most six principles to a slide, a slide per case, closing
            "presentatie": 2 + len(kit.blocks) + math.ceil(len(principles) / 6) + len(cases) + 1,
        }
        for stem, pages in expected.items():
            if stem.split("-")[0] in kit.documents or stem == "uitlijntest":
                assert _pages(kits.pdf(kit.id, stem)) == pages, (kit.id, stem)
        assert _pages(kits.pdf(kit.id, "draaiboek")) >= 3


def test_combined_pdf_is_the_sum_of_its_parts(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        parts = combined_parts(kit)
        total = sum(_pages(kits.pdf(kit.id, part.stem)) for part in parts)
        combined = kits.pdf(kit.id, f"{kit.id}-compleet")
        assert _pages(combined) == total, kit.id
        assert _reader(combined).metadata.title == f"Alles in één – {kit.title}"


def test_no_blank_pages(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for pdf in (kits.folder / kit.id).glob("*.pdf"):
            for number, text in enumerate(page_texts(pdf), 1):
                assert text.strip(), (pdf.name, number)


def test_no_heading_is_left_at_the_bottom_of_a_page(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for stem in A4_DOCUMENTS:
            if stem in kit.documents:
                assert headings_at_page_end(kits.builds[kit.id].documents[stem]) == [], (kit.id, stem)


def test_the_draaiboek_opens_with_a_one_page_run_sheet_and_no_page_is_nearly_empty(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        document = kits.builds[kit.id].documents["draaiboek"]
        fill = page_fill(document)
        assert all(share >= 0.25 for share in fill[:-1]), (kit.id, fill)
        pages = page_texts(kits.pdf(kit.id, "draaiboek"))
        assert "Regiekaart" in pages[0] and "Voorbereiding" not in pages[0]
        first = _flat(pages[0])
        for slot in plan_kit(catalog, kit, SITE_URL).slots:
            assert f"{slot.start} – {slot.end}" in first and _flat(slot.cue) in first, (kit.id, slot.block.title)


def test_every_draaiboek_block_stays_on_one_page_when_it_fits_on_one(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        document = kits.builds[kit.id].documents["draaiboek"]
        for slot in plan_kit(catalog, kit, SITE_URL).slots:
            first = element_page(document, "data-block", str(slot.index))
            last = max(
                number
                for number in range(1, len(document.pages) + 1)
                if str(slot.index) in _blocks_on(document, number)
            )
            assert last == first or slot.index in _loose(kits, kit.id), (kit.id, slot.block.title, first, last)


def _blocks_on(document, number: int) -> set[str]:
    from generator.kits.layout import _page_box, _walk

    return {
        box.element.get("data-block")
        for box, _ in _walk(_page_box(document.pages[number - 1]))
        if getattr(box, "element", None) is not None and box.element.get("data-block") is not None
    }


def _loose(kits: Kits, kit_id: str) -> set[int]:
    html = kits.folder.joinpath(kit_id, "draaiboek.html").read_text(encoding="utf-8")
    return {int(n) for n in re.findall(r'class="block loose" data-block="(\d+)"', html)}


def test_the_draaiboek_holds_the_case_texts(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        text = _flat(_text(kits.pdf(kit.id, "draaiboek")))
        for case in catalog.kit_cases[kit.id]:
            assert _flat(case.dilemma) in text, (kit.id, case.id)
            assert _flat(case.situation.split("\n\n")[0])[:120] in text, (kit.id, case.id)


# ---------------------------------------------------------------------------------------------------------------
# content


def test_every_selected_principle_is_on_the_cards(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for stem in ("principekaarten-vouwen", "principekaarten-dubbelzijdig"):
            text = _flat(_text(kits.pdf(kit.id, stem)))
            for principle in catalog.kit_principles[kit.id]:
                assert principle.title in text, (kit.id, stem, principle.id)
                for question in kit.card_questions or principle.questions:
                    assert _flat(question) in text, (kit.id, principle.id, question)
        cards = _flat(_text(kits.pdf(kit.id, "casuskaarten-vouwen")))
        for case in catalog.kit_cases[kit.id]:
            assert case.title in cards and _flat(case.dilemma) in cards, (kit.id, case.id)


def _clock_ranges(text: str) -> list[tuple[str, str]]:
    return CLOCK_RANGE.findall(text)


@pytest.mark.parametrize("stem", ["programma", "draaiboek"])
def test_breakfast_clock_times_run_from_eight_to_ten(kits: Kits, catalog, stem: str) -> None:
    kit = catalog.kit_by_id["ontbijtsessie"]
    text = _text(kits.pdf(kit.id, stem))
    ranges = _clock_ranges(text)
    blocks = [r for r in ranges if r != ("08:00", "10:00")]
    # the programme lists every block once; the draaiboek lists them in the overview and again in the script
    agenda = blocks[: len(kit.blocks)]
    assert agenda[0][0] == "08:00" and agenda[-1][1] == "10:00"
    assert all(a[1] == b[0] for a, b in itertools.pairwise(agenda)), agenda
    plan = plan_kit(catalog, kit, SITE_URL)
    assert agenda == [(slot.start, slot.end) for slot in plan.slots]
    for slot in plan.slots:
        assert slot.block.title in _flat(text)


def test_every_step_in_the_draaiboek_has_a_clock_time_inside_its_block(kits: Kits, catalog) -> None:
    """A facilitator reads the step times off the page: they start with the block and end when the next begins."""
    for kit in catalog.kits:
        text = _flat(_text(kits.pdf(kit.id, "draaiboek")))
        for slot in plan_kit(catalog, kit, SITE_URL).slots:
            if not slot.steps:
                continue
            assert sum(step.minutes for step in slot.steps) == slot.block.minutes, (kit.id, slot.block.title)
            assert slot.steps[0].start == slot.start, (kit.id, slot.block.title)
            for step in slot.steps:
                assert f"{step.start} {step.minutes} min {step.title}." in text, (kit.id, slot.block.title, step)
            if slot.steps_fitted:
                assert f"duren samen {slot.werkvorm_minutes} minuten" in text, (kit.id, slot.block.title)


def test_slide_text_can_be_read_from_the_back_of_the_room(kits: Kits, catalog) -> None:
    """Nothing on a slide is below 20 pt, and most of the text (titles, leads, questions, agenda, principles) is
    22 pt or larger."""
    for kit in catalog.kits:
        small = small_text(kits.pdf(kit.id, "presentatie"), 19.95)
        assert not small, (kit.id, small[:5])
        reader = _reader(kits.pdf(kit.id, "presentatie"))
        runs = [(text, size) for page in reader.pages for text, size, _, _ in text_runs(page)]
        large = sum(len(text) for text, size in runs if size >= 21.95)
        assert large / sum(len(text) for text, _ in runs) > 0.6, kit.id


def test_slides_follow_the_session(kits: Kits, catalog) -> None:
    """Each block's slide in agenda order with its step times; principles after the block that shows them, cases
    after the block that discusses them; the closing slide last."""
    for kit in catalog.kits:
        plan = plan_kit(catalog, kit, SITE_URL)
        pages = [_flat(text) for text in page_texts(kits.pdf(kit.id, "presentatie"))]
        at: dict[str, int] = {}
        for slot in plan.slots:
            page = next(i for i, text in enumerate(pages) if text.startswith(f"{slot.start} – {slot.end}"))
            at[slot.block.title] = page
            for step in slot.steps:
                assert f"{step.start} {step.title}" in pages[page], (kit.id, slot.block.title, step)
            for case in slot.cases:
                case_page = next(i for i, text in enumerate(pages) if text.startswith("CASUS") and case.title in text)
                assert case_page > page, (kit.id, case.id)
            if slot.block.shows_principles:
                assert pages[page + 1].startswith("De principes"), (kit.id, slot.block.title)
        starts = [at[slot.block.title] for slot in plan.slots]
        assert starts == sorted(starts), kit.id
        assert pages[-1].startswith(("Dank je wel", "Bedankt")), kit.id


def test_material_quantities_follow_the_largest_group(catalog) -> None:
    kit = catalog.kit_by_id["ontbijtsessie"]
    rows = {row.material.item: row.quantity for row in plan_kit(catalog, kit, SITE_URL).materials}
    assert rows["naamsticker"] == 24 + 4  # per deelnemer, spare 4
    assert rows["set principekaarten"] == 8  # one per drietal in the casus block: 24 / 3
    assert rows["flip-over met papier"] == 1


def _decode(path: Path, dpi: int = 200) -> list[str]:
    found = []
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        image = page.render(scale=dpi / 72).to_pil()
        found.extend(result.text for result in zxingcpp.read_barcodes(image))
    return found


def test_every_card_qr_code_opens_its_page_and_its_address_is_printed_beside_it(kits: Kits, catalog) -> None:
    kit = catalog.kit_by_id["ontbijtsessie"]
    for kind, records, stem in (
        ("principle", catalog.kit_principles[kit.id], "principekaarten-vouwen"),
        ("case", catalog.kit_cases[kit.id], "casuskaarten-dubbelzijdig"),
    ):
        expected = [urls.absolute(SITE_URL, urls.page_url(kind, r.id)) for r in records]
        assert sorted(_decode(kits.pdf(kit.id, stem))) == sorted(expected)
        # an address may wrap anywhere; PDFium reads a hyphen where a line breaks as U+FFFE or U+0002
        text = "".join(_text(kits.pdf(kit.id, stem)).replace("\ufffe", "-").replace("\x02", "-").split())
        for url in expected:
            assert url.removeprefix("https://").rstrip("/") in text, url


def test_case_cards_carry_their_number_and_their_principles_numbers(kits: Kits, catalog) -> None:
    kit = catalog.kit_by_id["ontbijtsessie"]
    pages = [_flat(t) for t in page_texts(kits.pdf(kit.id, "casuskaarten-vouwen"))]
    numbers = {p.id: p.number for p in catalog.kit_principles[kit.id]}  # the breakfast kit has every principle
    for n, case in enumerate(catalog.kit_cases[kit.id], 1):
        page = pages[(n - 1) // 2]
        assert f"{n} CASUS" in page and f"{n} {case.title}" in page, (n, case.id)
        refs = " ".join(str(x) for x in sorted(numbers[p] for p in case.principles))
        assert f"Principes: {refs}" in page, (case.id, refs)


def test_programme_qr_code_opens_the_kit_page(kits: Kits) -> None:
    assert _decode(kits.pdf("bewonersavond", "programma")) == [
        urls.absolute(SITE_URL, urls.page_url("kit", "bewonersavond"))
    ]


# ---------------------------------------------------------------------------------------------------------------
# print quality and accessibility


def test_pdfs_have_title_language_tags_and_embedded_fonts(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for pdf in (kits.folder / kit.id).glob("*.pdf"):
            reader = _reader(pdf)
            root = reader.trailer["/Root"]
            assert reader.metadata.title and kit.title in reader.metadata.title, pdf.name
            assert root["/Lang"] == "nl", pdf.name
            assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, pdf.name
            fonts = set()
            for page in reader.pages:
                for font in page["/Resources"].get_object().get("/Font", {}).values():
                    font = font.get_object()
                    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                    assert "/FontFile2" in descriptor, (pdf.name, font["/BaseFont"])
                    fonts.add(str(font["/BaseFont"]).split("+")[-1])
            assert fonts and all(name.startswith("Atkinson-Hyperlegible") for name in fonts), (pdf.name, fonts)


def test_no_inline_style_or_script_in_kit_html(kits: Kits, catalog) -> None:
    """The output firewall allows classes and the project's CSS files; kit HTML needs nothing else."""
    for kit in catalog.kits:
        for html in (kits.folder / kit.id).glob("*.html"):
            text = html.read_text(encoding="utf-8")
            assert " style=" not in text and "<script" not in text and "<style" not in text, html.name


def test_no_text_smaller_than_ten_point(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for pdf in (kits.folder / kit.id).glob("*.pdf"):
            if pdf.stem.endswith("-compleet"):
                continue
            small = small_text(pdf, 9.95)
            assert not small, (pdf.name, small[:5])


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_have_enough_contrast(root: Path) -> None:
    static = root / "generator" / "kits" / "static"
    css = (static / "kit.css").read_text(encoding="utf-8")
    palette = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    ink, muted, paper = palette["ink"], palette["muted"], palette["paper"]
    for colour, tint in (("accent", "tint"), ("case", "casetint"), ("method", "methodtint")):
        colour, tint = palette[colour], palette[tint]
        for text, background in ((ink, tint), (muted, tint), (colour, tint), (colour, paper), (paper, colour)):
            assert _contrast(text, background) >= 4.5, (text, background)
    assert _contrast(ink, paper) >= 4.5 and _contrast(muted, paper) >= 4.5
    # every colour in the print CSS comes from that palette (or is black or the rule colour for lines)
    allowed = {c.lower() for c in palette.values()} | {"#000000", "#000"}
    for sheet in static.glob("*.css"):
        for colour in re.findall(r"#[0-9a-fA-F]{3,6}\b", sheet.read_text(encoding="utf-8")):
            if colour.lower() in ("#d9d9d9", "#3a3a3a", "#1b1b1b"):  # screen-only backdrops and ink
                continue
            assert colour.lower() in allowed, (sheet.name, colour)


# ---------------------------------------------------------------------------------------------------------------
# fit: text that does not fit is a build error naming the record and the field


def _project_copy(root: Path, tmp: Path) -> Path:
    shutil.copytree(root / "content", tmp / "content")
    (tmp / "kit").mkdir(exist_ok=True)
    shutil.copy(root / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


def _words(limit: int) -> str:
    """Ordinary Dutch words up to `limit` characters, ending in a full stop."""
    words = [
        "het",
        "team",
        "werkt",
        "samen",
        "met",
        "bewoners",
        "in",
        "de",
        "wijk",
        "aan",
        "vertrouwen",
        "en",
        "zorg",
        "voor",
        "elkaar",
    ]
    text, i = "", 0
    while len(text) + len(words[i % len(words)]) + 2 <= limit:
        text += (" " if text else "Dan ") + words[i % len(words)]
        i += 1
    return text + "."


def _kit_file(project: Path, documents: str, *, plain: bool = False) -> None:
    (project / "kit" / "proef.yaml").write_text(
        f"id: proef\ntitle: Proef\ngoal: Testen.\naudience: Testers.\nplain_language: {str(plain).lower()}\n"
        'start: "09:00"\nend: "09:30"\nparticipants: {min: 3, max: 6}\n'
        "principles: [vertrouwen-herstellen]\n"
        "blocks:\n  - {title: Casus, minutes: 30, werkvorm: casus-in-drietallen, cases: [het-trapveldje],\n"
        "     guide: Bespreek de casus.}\n"
        f"documents: [{documents}]\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("plain", [False, True])
def test_cards_at_the_validators_limits_fit_by_shrinking_their_text(root: Path, tmp_path: Path, plain: bool) -> None:
    import yaml

    project = _project_copy(root, tmp_path)
    case_file = project / "content" / "cases" / "het-trapveldje.yaml"
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    case.update(title=_words(60), situation=_words(700), dilemma=_words(280), questions=[_words(140)] * 5)
    case_file.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    principle_file = project / "content" / "principles" / "vertrouwen-herstellen.yaml"
    principle = yaml.safe_load(principle_file.read_text(encoding="utf-8"))
    principle.update(title=_words(60), summary=_words(160), questions=[_words(140)] * 5)
    principle_file.write_text(yaml.safe_dump(principle, allow_unicode=True), encoding="utf-8")
    _kit_file(project, "principekaarten, casuskaarten", plain=plain)
    result = read_project(project)
    assert not result.problems, result.problems
    assert build_kits(result.catalog, tmp_path / "out", site_url=SITE_URL) == []
    html = (tmp_path / "out" / "proef" / "casuskaarten-vouwen.html").read_text(encoding="utf-8")
    assert re.search(r'class="side case fit-[1-3]" data-fit="case:het-trapveldje:back"', html)  # it had to shrink
    assert not small_text(tmp_path / "out" / "proef" / "casuskaarten-vouwen.pdf", 9.95)


def test_a_case_that_does_not_fit_its_card_is_an_error_with_file_line_and_field(root: Path, tmp_path: Path) -> None:
    project = _project_copy(root, tmp_path)
    case = project / "content" / "cases" / "het-trapveldje.yaml"
    lines = case.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("situation:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    # within the validator's 700 characters, but forty short paragraphs need more room than a card has, even at the
    # smallest shrink step
    paragraphs = "\n\n".join(f"Stap {n}." for n in range(1, 41))
    body = ["situation: |", *("  " + line if line else "" for line in paragraphs.splitlines())]
    case.write_text("\n".join(lines[:start] + body + lines[end:]) + "\n", encoding="utf-8")
    _kit_file(project, "casuskaarten")
    result = read_project(project)
    assert not result.problems, result.problems
    problems = build_kits(result.catalog, tmp_path / "out", site_url=SITE_URL)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file == "content/cases/het-trapveldje.yaml"
    assert problem.line == start + 1
    assert "situation" in problem.message and "casuskaart" in problem.message
    assert problem.as_text().startswith(f"content/cases/het-trapveldje.yaml:{start + 1}:")
    assert not (tmp_path / "out" / "proef").exists()  # nothing written for a kit with problems


def test_a_residents_evening_asks_its_own_questions_not_the_professionals_werkvorm_invitation(
    kits: Kits, catalog
) -> None:
    """Werkvormen speak to professionals ("uit je eigen werk"); residents read the block's own question instead."""
    for kit in catalog.kits:
        slides = " ".join(page_texts(kits.pdf(kit.id, "presentatie"))).replace("\r\n", " ").replace("\n", " ")
        for block in kit.blocks:
            if not block.werkvorm:
                continue
            invitation = catalog.werkvorm_by_id[block.werkvorm].invitation
            if kit.plain_language and block.questions:
                assert block.questions[0] in slides, (kit.id, block.title)
                assert invitation not in slides, (kit.id, block.title)
            else:
                assert invitation in slides, (kit.id, block.title)


def test_a_composite_case_says_so_on_its_card(kits: Kits, catalog) -> None:
    """Invented details are allowed only in a case that says it is composite; the card says it once per case."""
    for kit in catalog.kits:
        if "casuskaarten" not in kit.documents:
            continue
        cases = catalog.kit_cases[kit.id]
        text = " ".join(page_texts(kits.pdf(kit.id, "casuskaarten-vouwen"))).replace("\r\n", " ").replace("\n", " ")
        assert text.count("Samengesteld verhaal: sommige details zijn bedacht.") == sum(c.composite for c in cases)
        assert all("details zijn bedacht" not in c.situation for c in cases), "the card prints it; the text need not"


def test_a_run_sheet_longer_than_one_page_is_an_error_on_the_kit(root: Path, tmp_path: Path) -> None:
    project = _project_copy(root, tmp_path)
    cue = "Loop rond, luister mee en schrijf op wat opvalt, zonder zelf mee te praten of te sturen"  # 88 characters
    blocks = "".join(
        f"  - {{title: Ronde {n}, minutes: 5, cue: '{cue}', guide: Ronde {n}.,\n"
        f"     materials: [een flap met de vraag van ronde {n}, stiften, memoblaadjes, pennen]}}\n"
        for n in range(1, 25)
    )
    (project / "kit" / "lang.yaml").write_text(
        'id: lang\ntitle: Lang\ngoal: Testen.\naudience: Testers.\nstart: "09:00"\nend: "11:00"\n'
        "participants: {min: 3, max: 6}\nblocks:\n" + blocks + "documents: [draaiboek]\n",
        encoding="utf-8",
    )
    result = read_project(project)
    assert not result.problems, result.problems
    problems = build_kits(result.catalog, tmp_path / "out", site_url=SITE_URL)
    assert [p.message for p in problems] == ["kit 'lang': de regiekaart in het draaiboek past niet op één A4"]
    assert problems[0].file == "kit/lang.yaml" and "cue" in problems[0].hint


def test_the_all_in_one_pdf_painted_on_the_second_core_is_the_same_file(kits: Kits, catalog) -> None:
    from generator.kits.build import Helper, combined_pdf, renderer

    kit = catalog.kit_by_id["teamoverleg"]
    plan = plan_kit(catalog, kit, SITE_URL)
    helper = Helper(lambda: combined_pdf(renderer(), plan, "fold"))
    assert helper.result() == kits.builds[kit.id].files[f"{kit.id}-compleet.pdf"]
    failing = Helper(lambda: 1 / 0)
    assert failing.result() is None  # the caller then paints it itself
