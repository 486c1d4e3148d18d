"""What a kit's documents show, gathered once from the Kit and the Catalog: the agenda, quantities, numbers, lookups.

Pure data, no markup and no WeasyPrint, so it is cheap to test. Clock times, fitted steps, guide texts with clock
times, groups and material quantities are computed in generator.schedule (the site's kit pages use the same); this
module adds what only the printed kit needs: card numbers, the slide order and the addresses behind the QR codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import schedule, urls
from ..catalog import Catalog
from ..dutch import long_date
from ..model import Case, Kit, Principle, Werkvorm
from ..schedule import AgendaItem, MaterialRow


@dataclass(frozen=True)
class Slide:
    """One slide after the title and agenda slides: a block, a principle group, a case or the closing slide."""

    kind: str  # 'block', 'principles', 'case', 'closing'
    item: AgendaItem | None = None  # the block it belongs to (none for the closing slide)
    principles: tuple[Principle, ...] = ()
    part: int = 0  # 'De principes (2 van 3)'
    parts: int = 0
    case: Case | None = None


@dataclass(frozen=True)
class KitPlan:
    kit: Kit
    agenda: schedule.Agenda
    participants: str  # '10 mensen', '8 tot 24 mensen'
    date: str  # 'dinsdag 3 maart 2026', or ''
    principles: tuple[Principle, ...]  # card-number order
    cases: tuple[Case, ...]  # in the order the blocks use them
    case_numbers: dict[str, int]  # case id → its number in this kit's deck
    case_principles: dict[str, tuple[int, ...]]  # case id → numbers of the kit's principle cards it plays in
    werkvormen: tuple[Werkvorm, ...]  # in the order the blocks use them
    materials: tuple[MaterialRow, ...]
    slides: tuple[Slide, ...]
    kit_url: str  # the kit's page on the published site
    principle_urls: dict[str, str]
    case_urls: dict[str, str]
    werkvorm_urls: dict[str, str]

    @property
    def slots(self) -> tuple[AgendaItem, ...]:
        return self.agenda.items

    @property
    def start(self) -> str:
        return self.agenda.start

    @property
    def end(self) -> str:
        return self.agenda.end

    @property
    def duration(self) -> str:
        return self.agenda.duration


PER_PRINCIPLE_SLIDE = 6  # at most six principles to a slide, spread evenly: 14 become 5 + 5 + 4


def slide_order(items: tuple[AgendaItem, ...], principles: tuple[Principle, ...]) -> tuple[Slide, ...]:
    """The session's order: each block's slide, then the principles after the block that shows them (or after the
    first block when none does), the cases after the block that uses them; the closing slide last."""
    count = max(1, -(-len(principles) // PER_PRINCIPLE_SLIDE))
    per = max(1, -(-len(principles) // count))
    batches = [principles[i : i + per] for i in range(0, len(principles), per)]
    home = next((item.index for item in items if item.block.shows_principles), 0)
    slides: list[Slide] = []
    for item in items:
        slides.append(Slide("block", item))
        if item.index == home:
            slides += [Slide("principles", item, batch, n, len(batches)) for n, batch in enumerate(batches, 1)]
        slides += [Slide("case", item, case=case) for case in item.cases]
    return (*slides, Slide("closing"))


def plan_kit(catalog: Catalog, kit: Kit, site_url: str) -> KitPlan:
    agenda = schedule.agenda(kit, catalog.werkvorm_by_id, catalog.case_by_id)
    principles = catalog.kit_principles[kit.id]
    cases = catalog.kit_cases[kit.id]
    used = dict.fromkeys(item.werkvorm.id for item in agenda.items if item.werkvorm)
    werkvormen = tuple(catalog.werkvorm_by_id[wid] for wid in used)

    def url(kind: str, record_id: str) -> str:
        return urls.absolute(site_url, urls.page_url(kind, record_id))

    return KitPlan(
        kit=kit,
        agenda=agenda,
        participants=schedule.people(kit.participants.min, kit.participants.max),
        date=long_date(kit.date),
        principles=principles,
        cases=cases,
        case_numbers={c.id: n for n, c in enumerate(cases, 1)},
        # only cards that are on the table: a number from another kit's deck would send people looking in vain
        case_principles={c.id: tuple(p.number for p in principles if p.id in c.principles) for c in cases},
        werkvormen=werkvormen,
        materials=schedule.materials(kit),
        slides=slide_order(agenda.items, principles),
        kit_url=url("kit", kit.id),
        principle_urls={p.id: url("principle", p.id) for p in principles},
        case_urls={c.id: url("case", c.id) for c in cases},
        werkvorm_urls={w.id: url("werkvorm", w.id) for w in werkvormen},
    )
