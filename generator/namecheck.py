"""A role followed by a name ('wethouder Jansen'): a warning, not an error.

Records name people by their role, never by name (CONTRIBUTING.md). A name after a role is the usual slip, but not
always one: 'wethouder Zorg' is a portfolio and a published author may be named. So `wijkkit check` warns and goes
on; a reviewer decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .problems import Finding

ROLES = (
    "wethouder",
    "burgemeester",
    "gedeputeerde",
    "raadslid",
    "gemeentesecretaris",
    "directeur",
    "coördinator",
    "coordinator",
    "teamleider",
    "projectleider",
    "programmamanager",
    "wijkregisseur",
    "wijkcoach",
    "wijkmanager",
    "wijkverpleegkundige",
    "huisarts",
    "ambtenaar",
    "beleidsmedewerker",
    "opbouwwerker",
    "jongerenwerker",
    "mevrouw",
    "meneer",
    "mevr.",
    "mw.",
    "dhr.",
    "de heer",
)
# Capitalised words after a role that are not names: portfolios, departments, places in general.
NOT_NAMES = frozenset(
    {
        "zorg",
        "jeugd",
        "wonen",
        "welzijn",
        "sociaal",
        "sociale",
        "onderwijs",
        "financiën",
        "financien",
        "economie",
        "sport",
        "cultuur",
        "wmo",
        "participatie",
        "armoede",
        "volksgezondheid",
        "ruimte",
        "werk",
        "inkomen",
        "het",
        "de",
        "een",
        "en",
        "in",
        "van",
        "voor",
        "met",
        "op",
        "uit",
        "bij",
        "als",
        "die",
        "dat",
    }
)
ADDRESSES = ("mevrouw", "meneer", "mevr.", "mw.", "dhr.", "de heer")  # 'mevrouw de Boer': a lower-case particle
_PARTICLES = r"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|'t)\s+)*"
_ROLE = r"(?<![\w-])(?P<role>(?i:" + "|".join(re.escape(r) for r in ROLES) + r"))"
_NAME = r"(?P<name>" + _PARTICLES + r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w])"
ROLE_NAME = re.compile(_ROLE + r"\s+" + _NAME)


_ROLE_WORDS = tuple(role.lower() for role in ROLES)


def role_names(text: str, places: frozenset[str] = frozenset()) -> Iterator[Finding]:
    """`places`: lower-cased names of municipalities ('burgemeester Heerlen' is an office, not a person).

    The pattern is tried only where a role word occurs, found with plain substring search on the lower-cased text:
    a regular expression scanning every position was most of the check's time at 5,000 records."""
    lower = text.lower()
    starts = sorted({found for word in _ROLE_WORDS for found in _occurrences(lower, word)})
    for start in starts:
        match = ROLE_NAME.match(text, start)
        if match:
            yield from _judge(match, places)


def _occurrences(text: str, word: str) -> Iterator[int]:
    index = text.find(word)
    while index >= 0:
        yield index
        index = text.find(word, index + 1)


def _judge(match: re.Match[str], places: frozenset[str]) -> Iterator[Finding]:
    name = match.group("name")
    last = name.split()[-1]
    if last.lower() in NOT_NAMES or name.lower() in places or last.lower() in places:
        return
    if name[:1].islower() and match.group("role").lower() not in ADDRESSES:
        return  # 'directeur van de bibliotheek': a preposition, not a name
    yield Finding(
        match.start(),
        f"'{match.group().strip()}': een rol met een naam erachter",
        "Noem mensen bij hun rol, niet bij hun naam: schrijf 'de wethouder'. Is het geen persoon, of een "
        "auteur die in de bron staat? Dan mag het blijven.",
    )
