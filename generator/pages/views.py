"""What the page templates show that is not stored as such: computed from the Catalog, never typed by hand.

Clock times, completeness, groupings and filter choices live here as plain data, so templates only lay them out
and tests can check the arithmetic without rendering a page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..catalog import Catalog
from ..kitfiles import Download, downloads
from ..model import Case, Example, Kit, Municipality, Principle, marked
from . import labels

# ---------------------------------------------------------------------------------------------------------------
# Examples: how complete each one is


@dataclass(frozen=True)
class Completeness:
    """Which of the fields marked `completeness` on the model an example fills; labels are the fields' titles."""

    filled: tuple[str, ...]
    missing: tuple[str, ...]
    missing_fields: tuple[str, ...] = ()  # the field names behind `missing`, for the open data

    @property
    def total(self) -> int:
        return len(self.filled) + len(self.missing)

    @property
    def percent(self) -> int:
        return round(100 * len(self.filled) / self.total) if self.total else 100


def completeness(example: Example) -> Completeness:
    """'onbekend' (the sources do not say) is a gap like an empty field."""
    filled, missing, names = [], [], []
    for field in marked(Example, "completeness"):
        value = getattr(example, field)
        label = Example.model_fields[field].title
        if value and value != "onbekend":
            filled.append(label)
        else:
            missing.append(label)
            names.append(field)
    return Completeness(tuple(filled), tuple(missing), tuple(names))


def period_text(example: Example) -> str:
    if example.period is None:
        return "onbekend"
    if example.period.end is None:
        return f"sinds {example.period.start}"
    if example.period.end == example.period.start:
        return str(example.period.start)
    return f"{example.period.start} tot {example.period.end}"


def newest_examples(catalog: Catalog, limit: int = 5) -> tuple[Example, ...]:
    """Most recently checked first: the closest the content has to 'new' without reading git history."""
    ordered = sorted(catalog.examples, key=lambda e: e.last_reviewed, reverse=True)  # stable: ties keep catalog order
    return tuple(ordered[:limit])


@dataclass(frozen=True)
class ExampleRow:
    """One row of the examples table; the same values feed the filter choices."""

    example: Example
    municipality: Municipality
    year: str  # start year, or '' when unknown
    principles: tuple[Principle, ...]


def example_rows(catalog: Catalog) -> tuple[ExampleRow, ...]:
    return tuple(
        ExampleRow(
            example=e,
            municipality=catalog.municipality_by_code[e.codes[0]],
            year=str(e.period.start) if e.period else "",
            principles=tuple(sorted((catalog.principle_by_id[u.id] for u in _unique(e.principles, key=lambda u: u.id)),
                                   key=lambda p: p.number)),
        )
        for e in catalog.examples
    )


@dataclass(frozen=True)
class Filters:
    """The choices of each filter on the examples table: only values that occur, in reading order."""

    provinces: tuple[str, ...]
    municipalities: tuple[str, ...]
    statuses: tuple[str, ...]
    years: tuple[str, ...]
    principles: tuple[Principle, ...]


def filters(rows: Iterable[ExampleRow], catalog: Catalog) -> Filters:
    rows = tuple(rows)
    used = {p.id for row in rows for p in row.principles}
    status_order = ("verkenning", "pilot", "definitief", "gestopt", "onbekend")
    return Filters(
        provinces=tuple(sorted({r.municipality.province for r in rows}, key=str.casefold)),
        municipalities=tuple(dict.fromkeys(r.municipality.name for r in rows)),  # catalog order: Dutch name order
        statuses=tuple(s for s in status_order if any(r.example.status == s for r in rows)),
        years=tuple(sorted({r.year for r in rows if r.year})),
        principles=tuple(p for p in catalog.principles if p.id in used),
    )


def case_facts(case: Case) -> tuple[str, ...]:
    """What a case's kicker says besides "Casus": its setting and whether it is composite. 'onbekend' is no place a
    reader can picture, so it is left out rather than printed as "Plek onbekend"."""
    setting = (labels.SETTING[case.setting],) if case.setting != "onbekend" else ()
    return setting + (("samengestelde casus",) if case.composite else ())


# ---------------------------------------------------------------------------------------------------------------
# Municipalities


@dataclass(frozen=True)
class Province:
    name: str
    municipalities: tuple[Municipality, ...]


def by_province(catalog: Catalog) -> tuple[Province, ...]:
    groups: dict[str, list[Municipality]] = {}
    for m in catalog.municipalities:
        groups.setdefault(m.province, []).append(m)
    return tuple(Province(name, tuple(groups[name])) for name in sorted(groups, key=str.casefold))


# ---------------------------------------------------------------------------------------------------------------
# Kits: the agenda and quantities come from generator.schedule, the files from generator.kitfiles


def werkvorm_kits(catalog: Catalog) -> dict[str, tuple[Kit, ...]]:
    """Werkvorm id → the kits with a block that uses it."""
    used: dict[str, list[Kit]] = {w.id: [] for w in catalog.werkvormen}
    for kit in catalog.kits:
        for block in kit.blocks:
            if block.werkvorm and kit not in used[block.werkvorm]:
                used[block.werkvorm].append(kit)
    return {wid: tuple(kits) for wid, kits in used.items()}


def kit_downloads(kit: Kit, catalog: Catalog, kit_files: frozenset[str]) -> tuple[Download, ...]:
    """The kit's documents that were built, with how many to print of each (see generator.kitfiles)."""
    counts = {"principles": len(catalog.kit_principles[kit.id]), "cases": len(catalog.kit_cases[kit.id]),
              "werkvormen": len({b.werkvorm for b in kit.blocks if b.werkvorm})}
    return downloads(kit, kit_files, counts)


def _unique(items: Iterable[Any], *, key: Any) -> list[Any]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())
