"""Checks on free text: Markdown that would render unsafely, personal data and invisible characters anywhere.

Why: content is published on a public site and printed. Raw HTML can break pages or inject scripts, an image from
another host makes every reader's browser call that host (which the AVG forbids us to cause), and a phone number or
e-mail address of a person must never be published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .problems import Finding

EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# The start of a web address up to its login part: https://jan:geheim@host has "geheim@host" look like an e-mail.
_URL_LOGIN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/@]*$")
# Candidate phone numbers; a candidate is a phone number when its digits form a Dutch number (10 digits from 0, or
# +31/0031 and 9 more). Catches "(0529) 47 81 80", "06-12345678", "+31 6 1234 5678", "020 123 4567".
PHONE_RE = re.compile(r"(?:\+31|0031|\(0\d{1,3}\)|0)(?:[\s\-.]|\(0\)|\d){7,18}\d")
# A cheap first pass: the regex engine finds these quickly because the pattern starts with a character set.
_PHONE_CANDIDATE = re.compile(r"[0(+][\d\s\-.()]{8,24}")


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate.replace("(0)", ""))
    if candidate.startswith("+31"):
        return len(digits) == 11
    if candidate.startswith("0031"):
        return len(digits) == 13
    return len(digits) == 10


def personal_data(text: str) -> Iterator[Finding]:
    """E-mail addresses and Dutch phone numbers."""
    if "@" in text:
        for match in EMAIL_RE.finditer(text):
            login = _URL_LOGIN.search(text, text.rfind("\n", 0, match.start()) + 1, match.start())
            if login:
                yield Finding(
                    login.start(),
                    "webadres met een gebruikersnaam of wachtwoord erin",
                    "Haal het deel tot en met de @ weg, zoals https://www.gemeente.nl/wijkteams. Een wachtwoord "
                    "dat op GitHub heeft gestaan, moet je bovendien veranderen.",
                )
                continue
            yield Finding(
                match.start(),
                f"e-mailadres gevonden: '{match.group()}'",
                "Publiceer geen e-mailadressen; verwijs naar de website van de organisatie.",
            )
    position = 0
    while candidate := _PHONE_CANDIDATE.search(text, position):
        start = candidate.start()
        position = start + 1
        if start and (text[start - 1].isalnum() or text[start - 1] in "+_"):
            continue  # part of a longer number or word, like 2013-2015 or A0
        match = PHONE_RE.match(text, start, candidate.end())
        if match and _is_phone(match.group()):
            position = match.end()
            yield Finding(
                start,
                f"telefoonnummer gevonden: '{match.group().strip()}'",
                "Publiceer geen telefoonnummers; verwijs naar de website van de organisatie.",
            )


# Characters nobody can see that change what a reader or a program sees: C0 and C1 control characters (a NUL
# ends strings in C code and corrupts files; an escape can colour a terminal) and the Unicode bidirectional
# controls, which reverse the order of what follows ("Trojan Source"). Newline, carriage return (Windows line
# ends) and tab are ordinary text.
# Also refused: the zero-width space, word joiner and a byte order mark inside the text (they split words, so search
# and sorting fail, and nothing shows why), and the Unicode line and paragraph separators (a line break some
# programs see and others do not). Joiners (U+200C, U+200D) stay: emoji and other scripts need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
_C0_NAMES = {0: "NUL", 7: "BEL", 8: "BACKSPACE", 11: "VERTICAL TAB", 12: "FORM FEED", 27: "ESCAPE", 127: "DELETE"}
# Names Windows reserves for devices: a file called con.yaml or nul.md cannot be checked out there.
WINDOWS_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(10)),
        *(f"lpt{n}" for n in range(10)),
        "com¹",
        "com²",
        "com³",
        "lpt¹",
        "lpt²",
        "lpt³",
    }
)


def character_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' — how the hint names an invisible character."""
    import unicodedata

    code = ord(char)
    name = unicodedata.name(char, "") or _C0_NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


# Characters that look like nothing (or like a space) but make a field name, a value or an indentation different.
LOOKALIKES = {
    "\u00a0": "een harde spatie (U+00A0)",
    "\u202f": "een smalle harde spatie (U+202F)",
    "\u2007": "een cijferspatie (U+2007)",
    "\u200b": "een onzichtbare spatie (U+200B)",
    "\u200c": "een onzichtbaar teken (U+200C)",
    "\u200d": "een onzichtbaar teken (U+200D)",
    "\u2060": "een onzichtbaar teken (U+2060)",
    "\ufeff": "een onzichtbaar teken (U+FEFF)",
    "\u00ad": "een zacht afbreekstreepje (U+00AD)",
}

INVISIBLE_HINT = (
    "Dit teken zie je niet, maar het verandert wat lezers of programma's zien. Haal het weg: typ de tekst op deze "
    "plek opnieuw, of kopieer hem niet uit een pdf of een andere site."
)


def invisible(text: str) -> Iterator[Finding]:
    """Control characters and bidirectional overrides, one finding per character."""
    for match in _INVISIBLE.finditer(text):
        char = match.group()
        yield Finding(
            match.start(),
            f"onzichtbaar teken {character_name(char)}",
            INVISIBLE_HINT,
        )


def is_reserved_name(name: str) -> bool:
    """True for a name Windows cannot use as a file name ('nul', 'COM1', 'con.yaml' all count)."""
    return name.split(".")[0].lower() in WINDOWS_RESERVED


def markdown(text: str, policy: object = None) -> Iterator[Finding]:
    """Raw HTML, attributes, unsafe links and images outside the project, judged on what the site's renderer makes
    of the text (see generator/markup.py)."""
    from . import markup

    yield from markup.check(text, policy or markup.Policy())
