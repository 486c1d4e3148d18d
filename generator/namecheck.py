"""A role followed by a name ('wethouder Jansen'): a warning, not an error.

Records name people by their role, never by name (CONTRIBUTING.md). A name after a role is the usual slip, but not
always one: 'wethouder Zorg' is a portfolio and a published author may be named. So `wijkkit check` warns and goes
on; a reviewer decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ROLES = (
    "wethouder", "burgemeester", "gedeputeerde", "raadslid", "gemeentesecretaris", "directeur", "coördinator",
    "coordinator", "teamleider", "projectleider", "programmamanager", "wijkregisseur", "wijkcoach", "wijkmanager",
    "wijkverpleegkundige", "huisarts", "ambtenaar", "beleidsmedewerker", "opbouwwerker", "jongerenwerker",
    "mevrouw", "meneer", "mevr.", "mw.", "dhr.", "de heer",
)
# Capitalised words after a role that are not names: portfolios, departments, places in general.
NOT_NAMES = frozenset({
    "zorg", "jeugd", "wonen", "welzijn", "sociaal", "sociale", "onderwijs", "financiën", "financien", "economie",
    "sport", "cultuur", "wmo", "participatie", "armoede", "volksgezondheid", "ruimte", "werk", "inkomen",
    "het", "de", "een", "en", "in", "van", "voor", "met", "op", "uit", "bij", "als", "die", "dat",
})
ADDRESSES = ("mevrouw", "meneer", "mevr.", "mw.", "dhr.", "de heer")  # 'mevrouw de Boer': a lower-case particle
_PARTICLES = r"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|'t)\s+)*"
_ROLE = r"(?<![\w-])(?P<role>(?i:" + "|".join(re.escape(r) for r in ROLES) + r"))"
_NAME = r"(?P<name>" + _PARTICLES + r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w])"
ROLE_NAME = re.compile(_ROLE + r"\s+" + _NAME)


@dataclass(frozen=True)
class Finding:
    offset: int
    message: str
    hint: str


def role_names(text: str, places: frozenset[str] = frozenset()) -> Iterator[Finding]:
    """`places`: lower-cased names of municipalities ('burgemeester Heerlen' is an office, not a person)."""
    for match in ROLE_NAME.finditer(text):
        name = match.group("name")
        last = name.split()[-1]
        if last.lower() in NOT_NAMES or name.lower() in places or last.lower() in places:
            continue
        if name[:1].islower() and match.group("role").lower() not in ADDRESSES:
            continue  # 'directeur van de bibliotheek': a preposition, not a name
        yield Finding(match.start(), f"'{match.group().strip()}': een rol met een naam erachter",
                      "Noem mensen bij hun rol, niet bij hun naam: schrijf 'de wethouder'. Is het geen persoon, of een "
                      "auteur die in de bron staat? Dan mag het blijven.")
