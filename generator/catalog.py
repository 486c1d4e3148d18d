"""The linked knowledge base every renderer reads: immutable, with lookups, backlinks and stable orders.

Built only from records that passed validation, so every reference in it resolves. Renderers read typed records,
never YAML; the catalog keeps each record's file and line marks only so that later stages (the kit layout, the link
check) can report a problem at the line a contributor must change (`where`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .model import Case, Example, Kit, Municipality, Principle, PrincipleSelection, Source, SynonymGroup, Tag, Werkvorm


@dataclass(frozen=True)
class Page:
    """A hand-written Markdown page from content/pages/."""

    name: str  # file name without .md
    path: str  # project-relative path, for edit links
    text: str


@dataclass(frozen=True)
class Citing:
    """A record that cites a source or uses a tag: its kind name and the record itself."""

    kind: str
    record: Any


@dataclass(frozen=True)
class Uses:
    """What uses a principle."""

    cases: tuple[Case, ...] = ()
    examples: tuple[Example, ...] = ()
    kits: tuple[Kit, ...] = ()


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class Catalog:
    """All content, sorted for display: principles by number, the rest by title or name."""

    principles: tuple[Principle, ...]
    cases: tuple[Case, ...]
    examples: tuple[Example, ...]
    sources: tuple[Source, ...]
    werkvormen: tuple[Werkvorm, ...]
    municipalities: tuple[Municipality, ...]
    tags: tuple[Tag, ...]
    kits: tuple[Kit, ...]
    pages: tuple[Page, ...]
    files: Mapping[tuple[str, str], str] = field(repr=False)  # (kind, id) → project-relative file
    marks: Mapping[tuple[str, str], Any] = field(repr=False, default_factory=dict)  # (kind, id) → Document
    synonyms: tuple[SynonymGroup, ...] = ()  # content/synonyms.yaml: words the site's search treats as one

    # derived, filled by build()
    principle_by_id: Mapping[str, Principle] = field(init=False, repr=False)
    case_by_id: Mapping[str, Case] = field(init=False, repr=False)
    example_by_id: Mapping[str, Example] = field(init=False, repr=False)
    source_by_id: Mapping[str, Source] = field(init=False, repr=False)
    werkvorm_by_id: Mapping[str, Werkvorm] = field(init=False, repr=False)
    municipality_by_code: Mapping[str, Municipality] = field(init=False, repr=False)
    tag_by_id: Mapping[str, Tag] = field(init=False, repr=False)
    kit_by_id: Mapping[str, Kit] = field(init=False, repr=False)
    uses: Mapping[str, Uses] = field(init=False, repr=False)  # principle id → what uses it
    examples_in: Mapping[str, tuple[Example, ...]] = field(init=False, repr=False)  # municipality code → examples
    cited_by: Mapping[str, tuple[Citing, ...]] = field(init=False, repr=False)  # source id → citing records
    tagged: Mapping[str, tuple[Citing, ...]] = field(init=False, repr=False)  # tag id → records
    related_to: Mapping[str, tuple[Principle, ...]] = field(init=False, repr=False)  # both directions of `related`
    kit_principles: Mapping[str, tuple[Principle, ...]] = field(init=False, repr=False)
    kit_cases: Mapping[str, tuple[Case, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: derived indexes are computed once, here
        set_(self, "principle_by_id", _frozen({p.id: p for p in self.principles}))
        set_(self, "case_by_id", _frozen({c.id: c for c in self.cases}))
        set_(self, "example_by_id", _frozen({e.id: e for e in self.examples}))
        set_(self, "source_by_id", _frozen({s.id: s for s in self.sources}))
        set_(self, "werkvorm_by_id", _frozen({w.id: w for w in self.werkvormen}))
        set_(self, "municipality_by_code", _frozen({m.code: m for m in self.municipalities}))
        set_(self, "tag_by_id", _frozen({t.id: t for t in self.tags}))
        set_(self, "kit_by_id", _frozen({k.id: k for k in self.kits}))

        kit_principles = {kit.id: self._select_principles(kit) for kit in self.kits}
        kit_cases = {kit.id: self._kit_cases(kit) for kit in self.kits}
        set_(self, "kit_principles", _frozen(kit_principles))
        set_(self, "kit_cases", _frozen(kit_cases))

        cases: dict[str, list[Case]] = {p.id: [] for p in self.principles}
        examples: dict[str, list[Example]] = {p.id: [] for p in self.principles}
        kits: dict[str, list[Kit]] = {p.id: [] for p in self.principles}
        for case in self.cases:
            for pid in dict.fromkeys(case.principles):
                cases[pid].append(case)
        for example in self.examples:
            for pid in dict.fromkeys(use.id for use in example.principles):
                examples[pid].append(example)
        for kit in self.kits:
            for principle in kit_principles[kit.id]:
                kits[principle.id].append(kit)
        set_(
            self,
            "uses",
            _frozen({pid: Uses(tuple(cases[pid]), tuple(examples[pid]), tuple(kits[pid])) for pid in cases}),
        )

        related: dict[str, dict[str, None]] = {p.id: {} for p in self.principles}
        for principle in self.principles:
            for other in principle.related:
                related[principle.id][other] = None
                related[other][principle.id] = None
        order = {p.id: i for i, p in enumerate(self.principles)}
        set_(
            self,
            "related_to",
            _frozen(
                {
                    pid: tuple(self.principle_by_id[o] for o in sorted(others, key=order.__getitem__) if o != pid)
                    for pid, others in related.items()
                }
            ),
        )

        in_municipality: dict[str, list[Example]] = {m.code: [] for m in self.municipalities}
        for example in self.examples:
            for code in example.codes:
                in_municipality[code].append(example)
        set_(self, "examples_in", _frozen({code: tuple(found) for code, found in in_municipality.items()}))

        cited: dict[str, list[Citing]] = {s.id: [] for s in self.sources}
        tagged: dict[str, list[Citing]] = {t.id: [] for t in self.tags}
        for kind, records in self.records():
            for record in records:
                for source_id in dict.fromkeys(ref.source for ref in getattr(record, "sources", ())):
                    cited[source_id].append(Citing(kind, record))
                for tag in dict.fromkeys(getattr(record, "tags", ())):
                    tagged[tag].append(Citing(kind, record))
        for source in self.sources:
            for host in source.reported_in:
                cited[host].append(Citing("source", source))
        set_(self, "cited_by", _frozen({sid: tuple(found) for sid, found in cited.items()}))
        set_(self, "tagged", _frozen({tid: tuple(found) for tid, found in tagged.items()}))

    def records(self) -> tuple[tuple[str, tuple[Any, ...]], ...]:
        """Every record kind with its records, in a fixed order."""
        return (
            ("principle", self.principles),
            ("case", self.cases),
            ("example", self.examples),
            ("source", self.sources),
            ("werkvorm", self.werkvormen),
            ("kit", self.kits),
        )

    def file_of(self, kind: str, record_id: str) -> str:
        """The file a record was read from, for 'edit this page' links."""
        return self.files[(kind, record_id)]

    def where(self, kind: str, record_id: str, *loc: str | int) -> tuple[str, int, int]:
        """File, line and column of a record's field, so later stages (card fit) can report like the validator."""
        path = self.files[(kind, record_id)]
        document = self.marks.get((kind, record_id))
        line, column = document.locate(loc) if document is not None else (1, 1)
        return path, line, column

    def _select_principles(self, kit: Kit) -> tuple[Principle, ...]:
        selection = kit.principles
        if selection == "all":
            return self.principles
        if isinstance(selection, PrincipleSelection):
            wanted = set(selection.tags)
            return tuple(p for p in self.principles if wanted & set(p.tags))
        by_number = {p.number: p for p in self.principles}
        chosen = {(by_number[key] if isinstance(key, int) else self.principle_by_id[key]).id for key in selection}
        return tuple(p for p in self.principles if p.id in chosen)  # card-number order, whatever the kit's order

    def _kit_cases(self, kit: Kit) -> tuple[Case, ...]:
        ids = dict.fromkeys(cid for block in kit.blocks for cid in block.cases)
        return tuple(self.case_by_id[cid] for cid in ids)

    def counts(self) -> dict[str, int]:
        return {
            "principle": len(self.principles),
            "case": len(self.cases),
            "example": len(self.examples),
            "source": len(self.sources),
            "werkvorm": len(self.werkvormen),
            "municipalities": len(self.municipalities),
            "tags": len(self.tags),
            "kit": len(self.kits),
        }


def _name_key(name: str) -> str:
    """Dutch sort order: 's-Gravenhage under G, 't Hoogeland under H."""
    for prefix in ("'s-", "'s ", "'t "):
        if name.startswith(prefix):
            return name[len(prefix) :].casefold()
    return name.casefold()


def assemble(
    records: dict[str, list[Any]],
    pages: list[Page],
    files: dict[tuple[str, str], str],
    marks: dict[tuple[str, str], Any] | None = None,
) -> Catalog:
    """Sort validated records into their display order and link them."""
    municipalities = sorted(records.get("municipalities", []), key=lambda m: (_name_key(m.name), m.code))
    names = {m.code: m.name for m in municipalities}
    return Catalog(
        principles=tuple(sorted(records.get("principle", []), key=lambda p: (p.number, p.id))),
        cases=tuple(sorted(records.get("case", []), key=lambda c: (c.title.casefold(), c.id))),
        examples=tuple(
            sorted(
                records.get("example", []),
                key=lambda e: (_name_key(names.get(e.codes[0], "")), e.title.casefold(), e.id),
            )
        ),
        sources=tuple(sorted(records.get("source", []), key=lambda s: (s.date or "", s.title.casefold(), s.id))),
        werkvormen=tuple(sorted(records.get("werkvorm", []), key=lambda w: (w.title.casefold(), w.id))),
        municipalities=tuple(municipalities),
        tags=tuple(sorted(records.get("tags", []), key=lambda t: (t.label.casefold(), t.id))),
        kits=tuple(sorted(records.get("kit", []), key=lambda k: (k.title.casefold(), k.id))),
        pages=tuple(sorted(pages, key=lambda p: p.name)),
        files=MappingProxyType(dict(files)),
        marks=MappingProxyType(dict(marks or {})),
        synonyms=tuple(records.get("synonyms", [])),
    )
