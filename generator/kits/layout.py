"""Measuring laid-out documents: text that does not fit its card or slide, blank pages, headings left at a page end.

Templates mark every fixed-size box with `data-fit` (a card side, a slide) and every piece of content text inside it
with `data-field="<kind>:<id>:<path>"`, the record field it comes from (`principle:vertrouwen-herstellen:questions.3`).
After WeasyPrint has laid the document out, the boxes are compared with the fixed box they sit in: nothing is guessed
from character counts.

WeasyPrint exposes its layout tree through `Page._page_box`; the walk below only reads positions and sizes, and
WeasyPrint is pinned below the next major version in pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

PX_PER_MM = 96 / 25.4  # WeasyPrint lays out in CSS pixels
TOLERANCE_PX = 0.75  # a quarter of a millimetre: rounding, not overflow
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Overflow:
    """A field whose text runs past the edge of its card or slide."""

    kind: str
    record_id: str
    path: tuple[str | int, ...]
    by_mm: float
    page: int  # 1-based
    box: str = ""  # the data-fit value of the box it runs out of, e.g. 'case:het-trapveldje:back'


def parse_field(value: str) -> tuple[str, str, tuple[str | int, ...]]:
    kind, record_id, path = value.split(":", 2)
    return kind, record_id, tuple(int(part) if part.isdigit() else part for part in path.split("."))


def _page_box(page: Any) -> Any:
    return page._page_box


def _children(box: Any) -> list[Any]:
    """Child boxes; absolutely positioned ones hide behind a placeholder, which is swapped for the real box."""
    children = getattr(box, "children", None) or ()
    return [child._box if type(child).__name__ == "AbsolutePlaceholder" else child for child in children]


def _walk(box: Any, parent_element: Any = None) -> Iterator[tuple[Any, bool]]:
    """Every box below `box` in document order, with whether it is the first (principal) box of its element."""
    for child in _children(box):
        element = getattr(child, "element", None)
        yield child, element is not None and element is not parent_element
        yield from _walk(child, element)


def _bottom(box: Any) -> float:
    if hasattr(box, "border_box_y"):
        return box.border_box_y() + box.border_height()
    return box.position_y + box.height


def _right(box: Any) -> float:
    if hasattr(box, "border_box_x"):
        return box.border_box_x() + box.border_width()
    return box.position_x + box.width


def _out_of_flow(box: Any) -> bool:
    style = getattr(box, "style", None)
    return style is not None and style["position"] in ("absolute", "fixed")


def _in_flow(box: Any) -> Iterator[Any]:
    """Descendants of a fixed box that take part in its flow (an absolutely placed QR footer does not)."""
    for child in _children(box):
        if _out_of_flow(child):
            continue
        yield child
        yield from _in_flow(child)


def _overshoot(box: Any, limit_bottom: float, limit_right: float) -> float:
    """How far `box` and its in-flow descendants run past the bottom (or, for text, the right) edge, in px."""
    worst = 0.0
    for part in (box, *_in_flow(box)):
        worst = max(worst, _bottom(part) - limit_bottom)
        if type(part).__name__ == "TextBox":
            worst = max(worst, _right(part) - limit_right)
    return worst


def overflows(document: Any) -> list[Overflow]:
    """Fields whose text does not fit inside the `data-fit` box that holds them."""
    found: list[Overflow] = []
    for number, page in enumerate(document.pages, 1):
        for box, principal in _walk(_page_box(page)):
            element = getattr(box, "element", None)
            if principal and element is not None and element.get("data-fit") is not None:
                found.extend(_fit_one(box, number))
    return found


def _fit_one(container: Any, page: int) -> list[Overflow]:
    limit_bottom = container.content_box_y() + container.height + TOLERANCE_PX
    limit_right = container.content_box_x() + container.width + TOLERANCE_PX
    worst = 0.0
    for child in _children(container):
        if not _out_of_flow(child):
            worst = max(worst, _overshoot(child, limit_bottom, limit_right))
    if worst <= 0:
        return []
    # The first field that crosses the edge is the one to shorten (or the text above it); when only spacing or an
    # unlabelled part crosses it, the last field pushed it there.
    fields: list[tuple[str, float]] = []
    seen: set[int] = set()
    for box in _in_flow(container):
        element = getattr(box, "element", None)
        if element is None or id(element) in seen or element.get("data-field") is None:
            continue
        seen.add(id(element))
        fields.append((element.get("data-field"), _overshoot(box, limit_bottom, limit_right)))
    if not fields:
        raise RuntimeError("text overflows a fixed box without a data-field to blame; fix the template")
    culprit = next((field for field, past in fields if past > 0), fields[-1][0])
    kind, record_id, path = parse_field(culprit)
    box = container.element.get("data-fit") or ""
    return [Overflow(kind, record_id, path, round(worst / PX_PER_MM, 1), page, box)]


def blank_pages(document: Any) -> list[int]:
    """1-based numbers of pages without any text or image."""
    blank = []
    for number, page in enumerate(document.pages, 1):
        if not any(_inks(box) for box, _ in _walk(_page_box(page))):
            blank.append(number)
    return blank


def _inks(box: Any) -> bool:
    name = type(box).__name__
    if name == "TextBox":
        return bool(box.text.strip())
    return name.endswith("ReplacedBox") or name == "InlineReplacedBox"


def headings_at_page_end(document: Any) -> list[tuple[int, str]]:
    """(page, heading text) for each page whose last line of text is a heading: a heading cut off from its text."""
    found = []
    for number, page in enumerate(document.pages[:-1], 1):
        last_line = None
        for box in _main_flow(_page_box(page)):
            if type(box).__name__ == "LineBox":
                last_line = box
        if last_line is None:
            continue
        element = getattr(last_line, "element", None)
        tag = getattr(last_line, "element_tag", "") or ""
        if tag in HEADINGS or (element is not None and "block-head" in (element.get("class") or "")):
            text = "".join(t.text for t, _ in _walk(last_line) if type(t).__name__ == "TextBox")
            found.append((number, text))
    return found


def _main_flow(box: Any) -> Iterator[Any]:
    for child in _children(box):
        if type(child).__name__ == "MarginBox" or _out_of_flow(child):
            continue
        yield child
        yield from _main_flow(child)


def element_page(document: Any, attribute: str, value: str) -> int | None:
    """The 1-based page on which the element with `attribute="value"` starts."""
    for number, page in enumerate(document.pages, 1):
        for box, principal in _walk(_page_box(page)):
            element = getattr(box, "element", None)
            if principal and element is not None and element.get(attribute) == value:
                return number
    return None


def page_fill(document: Any) -> list[float]:
    """How far down each page its text and images reach, as a share of the page's content height (0 to 1)."""
    shares = []
    for page in document.pages:
        box = _page_box(page)
        top, height = box.content_box_y(), box.height
        lowest = top
        for child in _main_flow(box):
            if type(child).__name__ in ("LineBox", "TextBox") or _inks(child):
                lowest = max(lowest, _bottom(child))
        shares.append(round(min(1.0, (lowest - top) / height), 3) if height else 0.0)
    return shares


def starts_on_page(document: Any, attribute: str, page: int) -> list[str]:
    """The values of `attribute` of the elements that start on the 1-based `page`, in document order."""
    found = []
    for box, principal in _walk(_page_box(document.pages[page - 1])):
        element = getattr(box, "element", None)
        if principal and element is not None and element.get(attribute) is not None:
            found.append(element.get(attribute))
    return found
