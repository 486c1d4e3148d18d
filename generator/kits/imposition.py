"""Where each card side goes on an A4 sheet: four A6 positions, two columns by two rows.

- fold: one card per row, front in the left column and back in the right; fold on the middle line, no duplex needed.
- duplex (also the print shop's sheets): four fronts on one page, their backs on the next with the columns swapped,
  so that after a long-edge flip every back lands behind its own front.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..kitfiles import Layout

FACE_LABELS = {"front": "voorkant", "back": "achterkant"}


@dataclass(frozen=True)
class Placed:
    record: Any
    side: str  # 'front' | 'back'
    col: int  # 0 left, 1 right
    row: int  # 0 top, 1 bottom


@dataclass(frozen=True)
class Sheet:
    number: int  # the physical sheet of paper, from 1
    face: str  # 'front', 'back' or 'both' (fold)
    slots: tuple[Placed, ...]

    @property
    def face_label(self) -> str:
        return FACE_LABELS.get(self.face, "")


def impose(records: list[Any] | tuple[Any, ...], layout: Layout) -> list[Sheet]:
    per = layout.per_sheet
    pages: list[Sheet] = []
    for start in range(0, len(records), per):
        group = records[start : start + per]
        number = start // per + 1
        if not layout.duplex:
            slots = []
            for row, record in enumerate(group):
                slots += [Placed(record, "front", 0, row), Placed(record, "back", 1, row)]
            pages.append(Sheet(number, "both", tuple(slots)))
        else:
            pages.append(Sheet(number, "front", tuple(Placed(r, "front", i % 2, i // 2) for i, r in enumerate(group))))
            pages.append(
                Sheet(number, "back", tuple(Placed(r, "back", 1 - i % 2, i // 2) for i, r in enumerate(group)))
            )
    return pages


def sheet_count(records: list[Any] | tuple[Any, ...], layout: Layout) -> int:
    return -(-len(records) // layout.per_sheet)
