"""Kit arithmetic shared by the site's kit pages, the printed kit and the validator: clock times and quantities.

One place, so the agenda on the site and the agenda on paper cannot disagree. Clock times follow from `kit.start`
and the block lengths, quantities from `participants.max`; neither is ever typed by hand.
"""

from __future__ import annotations

import math

from .model import Kit, Material


def minute_of_day(text: str) -> int:
    """485 for '08:05'."""
    return int(text[:2]) * 60 + int(text[3:5])


def clock(minute: int) -> str:
    """'08:05' for 485; wraps past midnight."""
    hours, minutes = divmod(minute % (24 * 60), 60)
    return f"{hours:02d}:{minutes:02d}"


def duration(minutes: int) -> str:
    """'45 minuten', '1 uur', '2 uur en 15 minuten'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} minuten"
    return f"{hours} uur en {rest} minuten" if rest else f"{hours} uur"


def block_times(kit: Kit) -> list[tuple[int, int]]:
    """Start and end minute of day of each block, in order."""
    times, now = [], minute_of_day(kit.start)
    for block in kit.blocks:
        times.append((now, now + block.minutes))
        now += block.minutes
    return times


def end_time(kit: Kit) -> str:
    return clock(minute_of_day(kit.start) + sum(block.minutes for block in kit.blocks))


def groups(material: Material, participants: int) -> int:
    return math.ceil(participants / (material.group_size or 4))


def quantity(material: Material, participants: int) -> int:
    """How many to bring for the largest group the kit is meant for (groups are rounded up)."""
    if material.per == "deelnemer":
        base = participants * material.count
    elif material.per == "groep":
        base = groups(material, participants) * material.count
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
        return f"{each}{groups(material, participants)} groepen van {material.group_size or 4}{spare}"
    return f"{material.count} per sessie{spare}"
