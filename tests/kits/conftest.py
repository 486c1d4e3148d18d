"""Kit tests render every kit once per session, into a temporary folder, and read the files back with pypdf."""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from generator.catalog import Catalog
from generator.kits.build import KitBuild, build_kit
from generator.problems import format_text
from generator.project import read_project

SITE_URL = "https://wijkkit.example.org/"
MM = 72 / 25.4  # PDF points per millimetre


@dataclass(frozen=True)
class Kits:
    folder: Path
    builds: dict[str, KitBuild]

    def pdf(self, kit_id: str, stem: str) -> Path:
        return self.folder / kit_id / f"{stem}.pdf"


@pytest.fixture(scope="session")
def catalog(root: Path) -> Catalog:
    result = read_project(root)
    assert not result.problems, format_text(result.problems)
    return result.catalog


@pytest.fixture(scope="session")
def kits(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Kits:
    folder = tmp_path_factory.mktemp("kits")
    builds = {}
    for kit in catalog.kits:
        built = build_kit(catalog, kit, site_url=SITE_URL)
        assert not built.problems, format_text(built.problems)
        built.write(folder / kit.id)
        builds[kit.id] = built
    return Kits(folder, builds)


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_runs(page: Any) -> list[tuple[str, float, float, float]]:
    """(text, font size in pt, x, y in pt from the top-left of the trim box) for every non-blank text run."""
    trim = page.trimbox
    top = float(trim.top)
    left = float(trim.left)
    runs = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        m = _multiply(list(tm), list(cm))
        runs.append((text, size * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])), m[4] - left, top - m[5]))

    page.extract_text(visitor_text=visit)
    return runs


def page_texts(path: Path) -> list[str]:
    """The text of every page (PDFium: fast, and the same engine many viewers use)."""
    pdf = pdfium.PdfDocument(path)
    return [page.get_textpage().get_text_range() for page in pdf]


def small_text(path: Path, minimum_pt: float) -> list[tuple[int, str, float]]:
    """(page, character, size in pt) for every visible character smaller than `minimum_pt`."""
    found = []
    pdf = pdfium.PdfDocument(path)
    matrix = pdfium_raw.FS_MATRIX()
    for number, page in enumerate(pdf, 1):
        text = page.get_textpage()
        for i in range(text.count_chars()):
            char = chr(pdfium_raw.FPDFText_GetUnicode(text.raw, i))
            if not char.strip():
                continue
            pdfium_raw.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            size = pdfium_raw.FPDFText_GetFontSize(text.raw, i) * scale
            if size < minimum_pt:
                found.append((number, char, round(size, 2)))
    return found
