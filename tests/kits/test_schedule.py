"""Kit arithmetic (generator/schedule.py): groups, counts, clock times and the offsets in guide text.

Expected values are worked out by hand here, not taken from the code under test.
"""

from __future__ import annotations

import pytest

from generator import schedule
from generator.model import Material


@pytest.mark.parametrize(
    ("people", "size", "sizes", "text"),
    [
        (10, 3, [3, 3, 4], "3 groepen (3 + 3 + 4)"),
        (24, 3, [3] * 8, "8 groepen van 3"),
        (25, 3, [3] * 7 + [4], "8 groepen: 7 van 3 en 1 van 4"),
        (30, 6, [6] * 5, "5 groepen van 6"),
        (5, 3, [5], "1 groep van 5"),
        (8, 3, [4, 4], "2 groepen van 4"),
        (2, 3, [2], "1 groep van 2"),
    ],
)
def test_groups_are_at_least_the_size_asked_and_the_rest_joins_them(people, size, sizes, text) -> None:
    assert schedule.group_sizes(people, size) == sizes
    assert schedule.groups_text(people, size) == text


def test_participants_are_said_as_a_person_says_them() -> None:
    assert schedule.people(10, 10) == "10 mensen"
    assert schedule.people(8, 24) == "8 tot 24 mensen"


def test_quantities_for_ten_people_in_threes() -> None:
    sets = Material(item="set principekaarten", per="groep", group_size=3)
    pens = Material(item="pen", per="deelnemer", spare=2)
    markers = Material(item="set stiften", per="sessie", count=2)
    assert schedule.quantity(sets, 10) == 3 and schedule.basis(sets, 10) == "3 groepen (3 + 3 + 4)"
    assert schedule.quantity(pens, 10) == 12 and schedule.basis(pens, 10) == "10 deelnemers + 2 extra"
    assert schedule.quantity(markers, 10) == 2 and schedule.basis(markers, 10) == "2 per sessie"


@pytest.mark.parametrize(
    ("minutes", "total"),
    [([2, 4, 4, 2], 10), ([3, 5, 12, 5, 5], 25), ([1, 5, 2], 5), ([2, 4, 4, 2], 15), ([10, 5], 15)],
)
def test_werkvorm_steps_are_fitted_to_their_block(minutes: list[int], total: int) -> None:
    fitted = schedule.fit_minutes(minutes, total)
    assert sum(fitted) == total and all(m >= 1 for m in fitted)
    assert all(abs(f - m * total / sum(minutes)) < 1.5 for f, m in zip(fitted, minutes)), fitted


def test_offsets_become_clock_times() -> None:
    text = "Open om {+10}, wissel om {stap 2} en stop om { + 20 }."
    assert (
        schedule.resolve_times(text, 8 * 60, [8 * 60, 8 * 60 + 3]) == "Open om 08:10, wissel om 08:03 en stop om 08:20."
    )
    assert schedule.resolve_times("Om {+30}.", 23 * 60 + 45, []) == "Om 00:15."
    assert schedule.resolve_times("Stop om {einde}.", 9 * 60 + 50, [], 10) == "Stop om 10:00."


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Open de sessie om 08:10, ook als nog niet iedereen er is.", "'08:10' is een kloktijd"),
        ("Zeg na twintig minuten dat het drietal kiest.", "'twintig minuten' is een duur"),
        ("Geef een seintje na vier minuten.", "'vier minuten' is een duur"),
        ("Houd de laatste 5 min vrij.", "'5 min' is een duur"),
        ("Na een kwartier wisselen.", "'een kwartier' is een duur"),
        ("Begin om 9.30 uur.", "'9.30' is een kloktijd"),
        ("Wissel om {stap 7}.", "'{stap 7}': de werkvorm van dit blok heeft 4 stappen"),
        ("Stop om {+45}.", "'{+45}' valt buiten dit blok van 30 minuten"),
        ("Stop om {eind}.", "'{eind}' is geen tijd die Wijkkit kent"),
    ],
)
def test_times_in_guide_text_that_would_not_follow_the_agenda_are_found(text: str, found: str) -> None:
    assert found in schedule.offset_problems(text, 30, 4)


def test_offsets_numbers_and_ordinary_words_pass() -> None:
    text = "Om {+10} en om {stap 2}: maak groepjes van vier tot zes, vertel in twee zinnen waar het vandaan komt."
    assert schedule.offset_problems(text, 30, 4) == []
