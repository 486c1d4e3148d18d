"""What a kit's documents show, computed once from the Kit and the Catalog: clock times, quantities, lookups.

Pure data, no markup and no WeasyPrint, so it is cheap to test. Clock times follow from `kit.start` and the block
lengths and material quantities from `participants.max`: never typed, so they cannot disagree with the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..catalog import Catalog
from ..model import Block, Case, Kit, Material, Principle, Werkvorm
from ..schedule import basis, clock, duration, minute_of_day, quantity


@dataclass(frozen=True)
class StepRow:
    start: str  # clock time
    minutes: int  # fitted to the block (see fit_minutes)
    do: str


@dataclass(frozen=True)
class Slot:
    """One block with its computed clock times."""

    index: int  # position in kit.blocks, for problem locations
    start: str
    end: str
    block: Block
    werkvorm: Werkvorm | None
    cases: tuple[Case, ...]
    steps: tuple[StepRow, ...]
    materials: tuple[str, ...]  # the block's own, then the werkvorm's, without repeats
    werkvorm_minutes: int = 0  # the werkvorm's own steps added up, before they were fitted to the block
    invitation: str | None = None  # the question that opens the block, on the slide and in the script
    invitation_field: str = ""  # where that question comes from, for fit problems: "werkvorm" or "block"

    @property
    def steps_fitted(self) -> bool:
        """True when the werkvorm's steps were stretched or shortened to fill this block."""
        return bool(self.steps) and self.werkvorm_minutes != self.block.minutes


@dataclass(frozen=True)
class MaterialRow:
    index: int
    material: Material
    quantity: int
    basis: str  # how the number was computed, in Dutch


@dataclass(frozen=True)
class KitPlan:
    kit: Kit
    slots: tuple[Slot, ...]
    start: str
    end: str
    duration: str
    principles: tuple[Principle, ...]
    cases: tuple[Case, ...]
    materials: tuple[MaterialRow, ...]
    kit_url: str  # the kit's page on the published site
    principle_urls: dict[str, str]
    case_urls: dict[str, str]


def fit_minutes(minutes: list[int], total: int) -> list[int]:
    """Step lengths scaled to add up to `total` exactly, each at least one minute (largest remainder rounding).

    A werkvorm's steps are written for its own length; a block may give it more or less time. The facilitator's
    script must add up to the block, or the clock times in the draaiboek run past the next block.
    """
    given = sum(minutes)
    if given == total or not minutes or total < len(minutes):
        return list(minutes)
    exact = [m * total / given for m in minutes]
    fitted = [max(1, int(x)) for x in exact]
    order = sorted(range(len(minutes)), key=lambda i: (round(fitted[i] - exact[i], 6), -minutes[i]))
    i = 0
    while sum(fitted) < total:
        fitted[order[i % len(order)]] += 1
        i += 1
    order = sorted(range(len(minutes)), key=lambda i: (round(exact[i] - fitted[i], 6), minutes[i]))
    i = 0
    while sum(fitted) > total:
        j = order[i % len(order)]
        if fitted[j] > 1:
            fitted[j] -= 1
        i += 1
    return fitted


def _invitation(kit: Kit, block: Block, werkvorm: Werkvorm | None) -> tuple[str | None, str]:
    """The werkvorm's invitation question, except in a plain-language kit whose block asks its own.

    Werkvormen are written for professionals ("uit je eigen werk"); a residents' evening puts its own question to
    the block, and that is the one residents should read on the slide.
    """
    if werkvorm is None:
        return None, ""
    if kit.plain_language and block.questions:
        return block.questions[0], "block"
    return werkvorm.invitation, "werkvorm"


def plan_kit(catalog: Catalog, kit: Kit, site_url: str) -> KitPlan:
    start = minute_of_day(kit.start)
    clock_now = start
    slots = []
    for index, block in enumerate(kit.blocks):
        werkvorm = catalog.werkvorm_by_id.get(block.werkvorm) if block.werkvorm else None
        steps: list[StepRow] = []
        given = 0
        if werkvorm is not None and werkvorm.steps:
            given = sum(step.minutes for step in werkvorm.steps)
            at = clock_now
            for step, minutes in zip(werkvorm.steps, fit_minutes([s.minutes for s in werkvorm.steps], block.minutes)):
                steps.append(StepRow(clock(at), minutes, step.do))
                at += minutes
        materials = dict.fromkeys([*block.materials, *(werkvorm.materials if werkvorm else ())])
        invitation, invitation_field = _invitation(kit, block, werkvorm)
        slots.append(Slot(
            index=index,
            start=clock(clock_now),
            end=clock(clock_now + block.minutes),
            block=block,
            werkvorm=werkvorm,
            cases=tuple(catalog.case_by_id[cid] for cid in block.cases),
            steps=tuple(steps),
            materials=tuple(materials),
            werkvorm_minutes=given,
            invitation=invitation,
            invitation_field=invitation_field,
        ))
        clock_now += block.minutes
    most = kit.participants.max
    principles = catalog.kit_principles[kit.id]
    cases = catalog.kit_cases[kit.id]
    return KitPlan(
        kit=kit,
        slots=tuple(slots),
        start=clock(start),
        end=clock(clock_now),
        duration=duration(clock_now - start),
        principles=principles,
        cases=cases,
        materials=tuple(MaterialRow(i, m, quantity(m, most), basis(m, most)) for i, m in enumerate(kit.materials)),
        kit_url=urls.absolute(site_url, urls.page_url("kit", kit.id)),
        principle_urls={p.id: urls.absolute(site_url, urls.page_url("principle", p.id)) for p in principles},
        case_urls={c.id: urls.absolute(site_url, urls.page_url("case", c.id)) for c in cases},
    )
