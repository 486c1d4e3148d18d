"""Turning what people type into ids and lookup keys.

Why a module of its own: the slug rules decide file names that stay in URLs for good, and the lookup key decides
whether "den haag", "Den Haag" and "’s-Gravenhage" find the same municipality. Both need to be easy to test.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60


def fold(text: str) -> str:
    """Lowercase ASCII without accents: 'Fryslân' → 'fryslan'; keeps every other character as it is."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def lookup_key(text: str) -> str:
    """Only letters and digits, folded: "’s-Gravenhage", "s gravenhage" and "'S-GRAVENHAGE" are all 'sgravenhage'."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def slugify(*parts: str, max_length: int = MAX_SLUG) -> str:
    """'Zwolle', 'Buurtteams in Zwolle-Zuid' → 'zwolle-buurtteams-in-zwolle-zuid'; cut at a hyphen, never mid-word.

    A later part that already starts with the earlier ones is not repeated: 'Zwolle' + 'Zwolle: buurtteams' gives
    'zwolle-buurtteams', not 'zwolle-zwolle-buurtteams'.
    """
    slug = ""
    for part in parts:
        piece = re.sub(r"[^a-z0-9]+", "-", fold(part).replace("'", "").replace("’", "")).strip("-")
        if not piece:
            continue
        if slug and (piece == slug or piece.startswith(slug + "-")):
            slug = piece
        else:
            slug = f"{slug}-{piece}" if slug else piece
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug
