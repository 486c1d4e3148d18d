"""Kit arithmetic, computed once for the site's kit pages, the printed kit and the validator.

Clock times follow from `kit.start` and the block lengths (a werkvorm's steps are fitted to their block), times in
a guide text are offsets that become clock times here, and material quantities and groups follow from the number of
participants. Nothing here is typed by hand in a template, so the agenda on the site, the draaiboek, the programme
and the slides cannot disagree.

The rules are small and pure on purpose: the browser session composer implements the same ones in JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .model import Block, Case, Kit, Material, Werkvorm

DAY = 24 * 60

# In guide text: {+10} is ten minutes after the block starts, {stap 2} the start of the werkvorm's second step,
# {einde} the end of the block.
OFFSET = re.compile(r"\{\s*(?:\+\s*(?P<plus>\d+)|stap\s+(?P<step>\d+)|(?P<end>einde))\s*\}")
PLACEHOLDER = re.compile(r"\{[^{}\n]*\}")
CLOCK_IN_TEXT = re.compile(r"(?<![\d{+])(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)")
NUMBER_WORDS = (
    "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
    "zestien|zeventien|achttien|negentien|twintig|vijfentwintig|dertig|veertig|vijftig|zestig|"
    "anderhalf|half|halve|paar|\\d+"
)
DURATION_IN_TEXT = re.compile(
    rf"\b(?:{NUMBER_WORDS})\s+(?:minuut|minuten|min\.?|kwartier|uur|uren)\b|\bkwartier\b", re.IGNORECASE
)


def minute_of_day(text: str) -> int:
    """485 for '08:05'."""
    return int(text[:2]) * 60 + int(text[3:5])


def clock(minute: int) -> str:
    """'08:05' for 485; wraps past midnight."""
    hours, minutes = divmod(minute % DAY, 60)
    return f"{hours:02d}:{minutes:02d}"


def duration(minutes: int) -> str:
    """'45 minuten', '1 uur', '2 uur en 15 minuten'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} minuten"
    return f"{hours} uur en {rest} minuten" if rest else f"{hours} uur"


def session_minutes(kit: Kit) -> int:
    """Minutes from start to end; an end before the start is the next day."""
    return (minute_of_day(kit.end) - minute_of_day(kit.start)) % DAY or DAY


def blocks_end(kit: Kit) -> str:
    """Where the blocks end, which is `kit.end` only when they fill the session exactly (the validator checks)."""
    return clock(minute_of_day(kit.start) + sum(block.minutes for block in kit.blocks))


def people(low: int, high: int) -> str:
    """'10 mensen', '8 tot 24 mensen': never '10 tot 10 mensen'."""
    return f"{high} {'mens' if high == 1 else 'mensen'}" if low == high else f"{low} tot {high} mensen"


# ---------------------------------------------------------------------------------------------------------------
# groups and quantities


def group_count(participants: int, size: int) -> int:
    """Groups of at least `size` people: what is left over joins other groups (10 in threes: 3 + 3 + 4)."""
    return max(1, participants // max(size, 1))


def group_sizes(participants: int, size: int) -> list[int]:
    """The size of every group, smallest first: 10 in threes is [3, 3, 4]."""
    count = group_count(participants, size)
    base, extra = divmod(participants, count)
    return [base] * (count - extra) + [base + 1] * extra


def groups_text(participants: int, size: int) -> str:
    """'8 groepen van 3', '3 groepen (3 + 3 + 4)', '8 groepen: 7 van 3 en 1 van 4', '1 groep van 5'."""
    sizes = group_sizes(participants, size)
    count = len(sizes)
    noun = "groep" if count == 1 else "groepen"
    if len(set(sizes)) == 1:
        return f"{count} {noun} van {sizes[0]}"
    if count <= 4:
        return f"{count} {noun} ({' + '.join(map(str, sizes))})"
    small, large = sizes[0], sizes[-1]
    return f"{count} {noun}: {sizes.count(small)} van {small} en {sizes.count(large)} van {large}"


def quantity(material: Material, participants: int) -> int:
    """How many to bring for the largest group the kit is meant for."""
    if material.per == "deelnemer":
        base = participants * material.count
    elif material.per == "groep":
        base = group_count(participants, material.group_size or 1) * material.count
    else:
        base = material.count
    return base + material.spare


def basis(material: Material, participants: int) -> str:
    """How `quantity` was computed, in Dutch, for the facilitator who wants to check it."""
    spare = f" + {material.spare} extra" if material.spare else ""
    each = "" if material.count == 1 else f"{material.count} × "
    if material.per == "deelnemer":
        return f"{each}{participants} deelnemers{spare}"
    if material.per == "groep":
        return f"{each}{groups_text(participants, material.group_size or 1)}{spare}"
    return f"{material.count} per sessie{spare}"


@dataclass(frozen=True)
class MaterialRow:
    index: int  # position in kit.materials, for problem locations
    material: Material
    quantity: int
    basis: str  # how the number was computed, in Dutch


def materials(kit: Kit) -> tuple[MaterialRow, ...]:
    most = kit.participants.max
    return tuple(MaterialRow(i, m, quantity(m, most), basis(m, most)) for i, m in enumerate(kit.materials))


# ---------------------------------------------------------------------------------------------------------------
# the agenda


@dataclass(frozen=True)
class StepTime:
    start: str  # clock time
    minutes: int  # fitted to the block (see fit_minutes)
    title: str
    do: str


@dataclass(frozen=True)
class AgendaItem:
    """One block with everything computed about it: clock times, fitted steps, guide text with clock times."""

    index: int  # position in kit.blocks, for problem locations
    start: str
    end: str
    minutes: int
    block: Block
    werkvorm: Werkvorm | None
    cases: tuple[Case, ...]
    steps: tuple[StepTime, ...]
    guide: str  # Markdown, offsets replaced by clock times
    cue: str  # one line for the run sheet
    materials: tuple[str, ...]  # the block's own, then the werkvorm's, without repeats
    werkvorm_minutes: int = 0  # the werkvorm's own steps added up, before they were fitted to the block
    invitation: str | None = None  # the question that opens the block, on the slide and in the script
    invitation_field: str = ""  # where that question comes from, for fit problems: "werkvorm" or "block"

    @property
    def steps_fitted(self) -> bool:
        """True when the werkvorm's steps were stretched or shortened to fill this block."""
        return bool(self.steps) and self.werkvorm_minutes != self.minutes


@dataclass(frozen=True)
class Agenda:
    start: str
    end: str
    minutes: int
    duration: str
    items: tuple[AgendaItem, ...]


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


def offset_problems(text: str, minutes: int, steps: int | None) -> list[str]:
    """What is wrong with the times in a guide text, in Dutch; [] when every time is an offset the build resolves.
    `steps` None: the block names a werkvorm that does not exist (reported on its own), so steps are not judged."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        offset = OFFSET.fullmatch(match.group())
        if offset is None:
            found.append(f"'{match.group()}' is geen tijd die Wijkkit kent")
        elif offset["plus"] is not None and not 0 <= int(offset["plus"]) <= minutes:
            found.append(f"'{match.group()}' valt buiten dit blok van {minutes} minuten")
        elif offset["step"] is not None and steps is not None and not 1 <= int(offset["step"]) <= steps:
            found.append(
                f"'{match.group()}': de werkvorm van dit blok heeft {steps} stappen"
                if steps
                else f"'{match.group()}': dit blok heeft geen werkvorm met stappen"
            )
    bare = PLACEHOLDER.sub(" ", text)
    found += [f"'{m.group()}' is een kloktijd" for m in CLOCK_IN_TEXT.finditer(bare)]
    bare = CLOCK_IN_TEXT.sub(" ", bare)  # '08.20 uur' is one clock time, not also a duration '20 uur'
    found += [f"'{m.group()}' is een duur" for m in DURATION_IN_TEXT.finditer(bare)]
    return found


def resolve_times(text: str, start: int, step_starts: list[int], minutes: int = 0) -> str:
    """A guide text with {+N}, {stap N} and {einde} turned into clock times (after the validator accepted them)."""

    def replace(match: re.Match[str]) -> str:
        if match["end"] is not None:
            return clock(start + minutes)
        if match["plus"] is not None:
            return clock(start + int(match["plus"]))
        return clock(step_starts[int(match["step"]) - 1])

    return OFFSET.sub(replace, text)


_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.DOTALL)


def first_sentence(markdown: str) -> str:
    flat = " ".join(markdown.split())
    match = _SENTENCE.match(flat)
    return match.group(1) if match else flat


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


def agenda(kit: Kit, werkvormen: Mapping[str, Werkvorm], cases: Mapping[str, Case]) -> Agenda:
    """Every block of `kit` with its clock times; werkvormen and cases by id (the Catalog's lookups)."""
    start = now = minute_of_day(kit.start)
    items = []
    for index, block in enumerate(kit.blocks):
        werkvorm = werkvormen.get(block.werkvorm) if block.werkvorm else None
        own = list(werkvorm.steps) if werkvorm else []
        steps, step_starts, at = [], [], now
        for step, minutes in zip(own, fit_minutes([s.minutes for s in own], block.minutes)):
            steps.append(StepTime(clock(at), minutes, step.title, step.do))
            step_starts.append(at)
            at += minutes
        guide = resolve_times(block.guide, now, step_starts, block.minutes)
        invitation, invitation_field = _invitation(kit, block, werkvorm)
        items.append(
            AgendaItem(
                index=index,
                start=clock(now),
                end=clock(now + block.minutes),
                minutes=block.minutes,
                block=block,
                werkvorm=werkvorm,
                cases=tuple(cases[cid] for cid in block.cases if cid in cases),
                steps=tuple(steps),
                guide=guide,
                cue=resolve_times(block.cue, now, step_starts, block.minutes) if block.cue else first_sentence(guide),
                materials=tuple(dict.fromkeys([*block.materials, *(werkvorm.materials if werkvorm else ())])),
                werkvorm_minutes=sum(s.minutes for s in own),
                invitation=invitation,
                invitation_field=invitation_field,
            )
        )
        now += block.minutes
    return Agenda(clock(start), clock(now), now - start, duration(now - start), tuple(items))
