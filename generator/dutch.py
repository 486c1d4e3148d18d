"""Dates as Dutch readers write them, for every reader-facing output (site, kits, messages, composer data).

One module below all renderers, so '16 januari 2014' is spelled once: the site, the printed kit and the
contributor's messages used to keep three copies of the month names.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip


def partial_date(value: str | None, *, missing: str = "zonder datum") -> str:
    """'2014-01-16' → '16 januari 2014', '2014-01' → 'januari 2014', '2014' → '2014'; no date → `missing`."""
    if not value:
        return missing
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def day(value: dt.date) -> str:
    """'24 november 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def long_date(value: dt.date | None) -> str:
    """'dinsdag 24 november 2026'; '' when there is no date."""
    return f"{WEEKDAYS[value.weekday()]} {day(value)}" if value else ""
