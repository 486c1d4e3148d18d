"""What the page templates show that is not stored as such: computed from the Catalog, never typed by hand.

Clock times, completeness, groupings and filter choices live here as plain data, so templates only lay them out
and tests can check the arithmetic without rendering a page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import dutch
from ..catalog import Catalog
from ..kitfiles import Download, downloads
from ..model import Case, Example, Kit, Municipality, Principle
from . import labels

# ---------------------------------------------------------------------------------------------------------------
# Examples: how complete each one is


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
    """One row of the examples table; the same values feed the filter choices (`facets`)."""

    example: Example
    municipality: Municipality  # the first one: where the example is listed
    municipalities: tuple[Municipality, ...]  # every municipality it is about
    year: str  # start year, or '' when unknown
    period: str  # the period as a reader says it: 'sinds 2014'
    principles: tuple[Principle, ...]
    values: Mapping[str, tuple[str, ...]]  # facet key → the row's values for that filter


def example_rows(catalog: Catalog) -> tuple[ExampleRow, ...]:
    rows = []
    for e in catalog.examples:
        places = tuple(catalog.municipality_by_code[code] for code in e.codes)
        row = ExampleRow(
            example=e,
            municipality=places[0],
            municipalities=places,
            year=str(e.period.start) if e.period else "",
            period=period_text(e),
            principles=tuple(
                sorted(
                    (catalog.principle_by_id[u.id] for u in _unique(e.principles, key=lambda u: u.id)),
                    key=lambda p: p.number,
                )
            ),
            values={},
        )
        rows.append(dataclasses.replace(row, values={facet.key: facet.values(row) for facet in FACETS}))
    return tuple(rows)


def team_bucket(teams: int | None) -> str:
    """The 'Aantal teams' filter value for a number of teams: '1', '2-5', '6-10', '11-' or 'onbekend'."""
    if teams is None:
        return labels.UNKNOWN
    for low, high, _ in labels.TEAM_BUCKETS:
        if teams >= low and (high is None or teams <= high):
            if high is None:
                return f"{low}-"
            return str(low) if high == low else f"{low}-{high}"
    raise ValueError(teams)  # the model allows at least 1 team


def _bucket_choices() -> dict[str, str]:
    return {team_bucket(low): label for low, _, label in labels.TEAM_BUCKETS}


@dataclass(frozen=True)
class FacetSpec:
    """A filter of the examples table: its address key (the YAML field name), label (the model field's title) and
    how to read a row's values. Values are codes; `choice_label` turns one into the words a reader sees."""

    key: str
    label: str
    everything: str
    values: Callable[[ExampleRow], tuple[str, ...]]
    choice_label: Callable[[str, Catalog], str]
    order: Callable[[str, Catalog], Any]


def _enum_order(names: Mapping[str, str]) -> Callable[[str, Catalog], Any]:
    keys = list(names)
    return lambda value, _: (value == labels.UNKNOWN, keys.index(value) if value in keys else len(keys))


def _or_unknown(value: Any) -> tuple[str, ...]:
    return (str(value),) if value not in (None, "") else (labels.UNKNOWN,)


def _unknown_or(names: Mapping[str, str]) -> Callable[[str, Catalog], str]:
    return lambda value, _: names.get(value, "Onbekend")


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec(
        "province",
        Municipality.model_fields["province"].title,
        "Alle provincies",
        lambda r: tuple(dict.fromkeys(m.province for m in r.municipalities)),
        lambda value, _: value,
        lambda value, _: value.casefold(),
    ),
    FacetSpec(
        "municipality",
        Example.model_fields["municipality"].title,
        "Alle gemeenten",
        lambda r: tuple(m.code for m in r.municipalities),
        lambda value, catalog: catalog.municipality_by_code[value].name,
        lambda value, catalog: catalog.municipalities.index(catalog.municipality_by_code[value]),
    ),
    FacetSpec(
        "status",
        Example.model_fields["status"].title,
        "Elke status",
        lambda r: (r.example.status,),
        _unknown_or(labels.STATUS),
        _enum_order(labels.STATUS),
    ),
    FacetSpec(
        "period",
        Example.model_fields["period"].title,
        "Elk beginjaar",
        lambda r: _or_unknown(r.year),
        lambda value, _: "Onbekend" if value == labels.UNKNOWN else f"begonnen in {value}",
        lambda value, _: (value == labels.UNKNOWN, value),
    ),
    FacetSpec(
        "teams",
        Example.model_fields["teams"].title,
        "Elk aantal",
        lambda r: (team_bucket(r.example.teams),),
        _unknown_or(_bucket_choices()),
        _enum_order(_bucket_choices()),
    ),
    FacetSpec(
        "lead",
        Example.model_fields["lead"].title,
        "Iedereen",
        lambda r: _or_unknown(r.example.lead),
        _unknown_or(labels.LEAD),
        _enum_order(labels.LEAD),
    ),
    FacetSpec(
        "evidence",
        Example.model_fields["evidence"].title,
        "Elke onderbouwing",
        lambda r: (r.example.evidence,),
        _unknown_or(labels.EVIDENCE),
        _enum_order(labels.EVIDENCE),
    ),
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int  # rows with this value, with no other filter set


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    everything: str
    choices: tuple[Choice, ...]


def facets(rows: Iterable[ExampleRow], catalog: Catalog) -> tuple[Facet, ...]:
    """Each filter with the values that occur (only those: a choice that leaves nothing is no choice)."""
    rows = tuple(rows)
    found = []
    for spec in FACETS:
        counts: dict[str, int] = {}
        for row in rows:
            for value in row.values[spec.key]:
                counts[value] = counts.get(value, 0) + 1
        ordered = sorted(counts, key=lambda v: spec.order(v, catalog))
        found.append(
            Facet(
                spec.key,
                spec.label,
                spec.everything,
                tuple(Choice(v, spec.choice_label(v, catalog), counts[v]) for v in ordered),
            )
        )
    return tuple(found)


def with_examples(catalog: Catalog) -> tuple[Municipality, ...]:
    """The municipalities with at least one example: only they get a page (the register holds hundreds more)."""
    return tuple(m for m in catalog.municipalities if catalog.examples_in[m.code])


def case_facts(case: Case) -> tuple[str, ...]:
    """What a case's kicker says besides "Casus": its setting and whether it is composite. 'onbekend' is no place a
    reader can picture, so it is left out rather than printed as "Plek onbekend"."""
    setting = (labels.SETTING[case.setting],) if case.setting != "onbekend" else ()
    return setting + (("samengestelde casus",) if case.composite else ())


# ---------------------------------------------------------------------------------------------------------------
# Citing a page


AUTHOR = "Wijkkit"


@dataclass(frozen=True)
class Citation:
    """'Citeer deze pagina' in APA style: author, (date), title [kind], permalink. The date is the date of the
    content (an example's last check, else the last change of its file), so two readers cite the same version."""

    title: str
    kind: str  # what the page is, in brackets after the title: 'Praktijkvoorbeeld'
    date: dt.date
    url: str

    @property
    def date_text(self) -> str:
        """APA's '(2026, 24 november)'."""
        return f"{self.date.year}, {self.date.day} {dutch.MONTHS[self.date.month - 1]}"

    @property
    def text(self) -> str:
        return f"{AUTHOR}. ({self.date_text}). {self.title} [{self.kind}]. {self.url}"


# ---------------------------------------------------------------------------------------------------------------
# Municipalities


@dataclass(frozen=True)
class Province:
    name: str
    municipalities: tuple[Municipality, ...]


def by_province(catalog: Catalog) -> tuple[Province, ...]:
    """The municipalities with examples, per province."""
    groups: dict[str, list[Municipality]] = {}
    for m in with_examples(catalog):
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
    counts = {
        "principles": len(catalog.kit_principles[kit.id]),
        "cases": len(catalog.kit_cases[kit.id]),
        "werkvormen": len({b.werkvorm for b in kit.blocks if b.werkvorm}),
    }
    return downloads(kit, kit_files, counts)


def _unique(items: Iterable[Any], *, key: Any) -> list[Any]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())
