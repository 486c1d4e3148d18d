"""content/municipalities.yaml holds every Dutch municipality of its date, and the ones merged away since 2015.

The expected numbers are the published ones, written here by hand, never counted from the file: when the register
moves to a new date, add that date's published number of municipalities below.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.model import MunicipalityRegister

# Number of municipalities on a date, as published by CBS (reported in the sources the register cites).
PUBLISHED_COUNT = {
    "2022-01-01": 345,
    "2023-01-01": 342,
}
PROVINCES = {
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
}


@pytest.fixture(scope="module")
def register(root: Path) -> MunicipalityRegister:
    data = yaml.safe_load((root / "content/municipalities.yaml").read_text(encoding="utf-8"))
    return MunicipalityRegister.model_validate(data)


def test_register_says_which_date_it_describes(register: MunicipalityRegister) -> None:
    assert register.as_of in PUBLISHED_COUNT, f"add the published CBS count for {register.as_of} to PUBLISHED_COUNT"
    assert register.sources, "the register names where its codes come from"


def test_every_current_municipality_of_that_date(register: MunicipalityRegister) -> None:
    current = [m for m in register.municipalities if m.merged is None]
    assert len(current) == PUBLISHED_COUNT[register.as_of]


def test_codes_and_names_are_unique_and_provinces_valid(register: MunicipalityRegister) -> None:
    codes = Counter(m.code for m in register.municipalities)
    assert [code for code, n in codes.items() if n > 1] == []
    names = Counter(m.name.casefold() for m in register.municipalities)
    assert [name for name, n in names.items() if n > 1] == []
    assert {m.province for m in register.municipalities} == PROVINCES


def test_count_before_the_last_mergers_matches_too(register: MunicipalityRegister) -> None:
    """Undo the mergers of 2022 and 2023: the register must then give the published count of 1 January 2022."""
    current = {m.code for m in register.municipalities if m.merged is None}
    later = [m for m in register.municipalities if m.merged and m.merged.year >= 2022]
    weesp = "GM0457"  # merged into Amsterdam on 24 March 2022: still a municipality on 1 January 2022
    undone = current - {code for m in later if m.merged.year == 2023 for code in m.merged.successors} | {
        m.code for m in later if m.merged.year == 2023 or m.code == weesp
    }
    assert len(undone) == PUBLISHED_COUNT["2022-01-01"]


@pytest.mark.parametrize(
    ("code", "name", "province"),
    [
        ("GM0373", "Bergen (NH.)", "Noord-Holland"),
        ("GM0893", "Bergen (L.)", "Limburg"),
        ("GM0518", "'s-Gravenhage", "Zuid-Holland"),
        ("GM0796", "'s-Hertogenbosch", "Noord-Brabant"),
        ("GM1992", "Voorne aan Zee", "Zuid-Holland"),
        ("GM1961", "Vijfheerenlanden", "Utrecht"),  # moved from Zuid-Holland with the 2019 merger
    ],
)
def test_names_and_provinces_as_cbs_writes_them(
    register: MunicipalityRegister, code: str, name: str, province: str
) -> None:
    municipality = next(m for m in register.municipalities if m.code == code)
    assert (municipality.name, municipality.province, municipality.merged) == (name, province, None)


@pytest.mark.parametrize(
    ("code", "into", "year"),
    [
        ("GM0393", ["GM0394"], 2019),  # Haarlemmerliede en Spaarnwoude → Haarlemmermeer
        ("GM0140", ["GM0080", "GM1900", "GM1949"], 2018),  # Littenseradiel, split
        ("GM1671", ["GM0796", "GM0828"], 2015),  # Maasdonk, split
        ("GM0788", ["GM0757", "GM0824", "GM0855", "GM0865"], 2021),  # Haaren, split
        ("GM0457", ["GM0363"], 2022),  # Weesp → Amsterdam
        ("GM0530", ["GM1992"], 2023),  # Hellevoetsluis → Voorne aan Zee
    ],
)
def test_former_municipalities_name_successors_and_year(
    register: MunicipalityRegister, code: str, into: list[str], year: int
) -> None:
    municipality = next(m for m in register.municipalities if m.code == code)
    assert municipality.merged is not None
    assert (sorted(municipality.merged.successors), municipality.merged.year) == (into, year)
