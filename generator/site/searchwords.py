"""What the site's search knows about Dutch beyond the stemmer: compound words and the content's synonym list.

Dutch glues words together: a page says "bewonersinitiatieven", a reader types "initiatief" or "buurtinitiatief".
Two tables, written at build time into the script the search worker loads (generator/site/assets.py), bridge that:

- `compounds`: each long word on the site that is two other words on the site ("bewonersinitiatieven" → "bewoners",
  "initiatieven"), so the search also indexes the parts;
- `synonyms`: content/synonyms.yaml, word → the other words of its group, so a query also looks for those.

Both are plain data; search_nl.js uses them. Nothing here depends on the engine: under Zensical (which does not run
lunr) the tables are simply never loaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..catalog import Catalog

WORD = re.compile(r"[^\W\d_]+")
MIN_PART = 4  # shorter parts ('wijk' is the shortest useful one) split too much: 'over' + 'heid'
MIN_COMPOUND = 2 * MIN_PART + 1
LINKS = ("", "s", "e", "en")  # Dutch linking sounds between the parts: bewoner-s-initiatief, gemeente-huis
STOPWORDS = frozenset(
    {
        "over",
        "onder",
        "door",
        "tegen",
        "zonder",
        "voor",
        "naar",
        "want",
        "maar",
        "heid",
        "achter",
        "tussen",
        "boven",
        "buiten",
        "binnen",
        "alle",
        "zich",
        "eens",
        "wordt",
        "zijn",
        "deze",
    }
)


CHUNK = 1 << 22  # characters of text per pass


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Every word of the site long enough to be part of a compound. The texts are searched in passes of a few MB:
    a pass per page took two seconds at 5,000 examples, and one pass over all text at once held every word of the
    site in a list (a 400 MB peak)."""
    words: set[str] = set()
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= CHUNK:
            words.update(WORD.findall("\n".join(batch).lower()))
            batch, size = [], 0
    words.update(WORD.findall("\n".join(batch).lower()))
    return {word for word in words if len(word) >= MIN_PART}


def compounds(words: set[str]) -> dict[str, list[str]]:
    """Word → its two parts, for every word that splits into two known words (with an optional linking s/e/en).

    Of several possible splits the one with the longest head (the last part, which carries the meaning in Dutch)
    wins: 'wijkteamleden' → 'wijkteam' + 'leden' rather than 'wijk' + 'teamleden'... unless that head is unknown.
    """
    found: dict[str, list[str]] = {}
    for word in sorted(words):
        if len(word) < MIN_COMPOUND:
            continue
        best: tuple[str, str] | None = None
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[cut:]
            if head not in words or head in STOPWORDS:
                continue
            for link in LINKS:
                stem = word[:cut]
                if link and not stem.endswith(link):
                    continue
                modifier = stem[: len(stem) - len(link)] if link else stem
                known = modifier in words or (not link and (modifier + "s" in words or modifier + "en" in words))
                if len(modifier) >= MIN_PART and modifier not in STOPWORDS and known:
                    if best is None or len(head) > len(best[1]):
                        best = (modifier, head)
                    break
        if best:
            found[word] = list(best)
    return found


def synonyms(catalog: Catalog) -> dict[str, list[str]]:
    """Each word of content/synonyms.yaml → the other words of its group."""
    return {
        word: [other for other in group.words if other != word] for group in catalog.synonyms for word in group.words
    }


def script(catalog: Catalog, texts: Iterable[str]) -> bytes:
    """The tables as a statement for the search worker: plain data in the site's own script, not in a page."""
    words = vocabulary(texts) | {word for group in catalog.synonyms for word in group.words}
    data = {"compounds": compounds(words), "synonyms": synonyms(catalog)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"self.wijkkitSearchWords={text};\n".encode()
