"""Checks on free text: raw HTML and unsafe links in Markdown, personal data anywhere.

Why: content is published on a public site and printed. Raw HTML can break pages or inject scripts, an image from
another host makes every reader's browser call that host (which the AVG forbids us to cause), and a phone number or
e-mail address of a person must never be published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Candidate phone numbers; a candidate is a phone number when its digits form a Dutch number (10 digits from 0, or
# +31/0031 and 9 more). Catches "(0529) 47 81 80", "06-12345678", "+31 6 1234 5678", "020 123 4567".
PHONE_RE = re.compile(r"(?:\+31|0031|\(0\d{1,3}\)|0)(?:[\s\-.]|\(0\)|\d){7,18}\d")
# A cheap first pass: the regex engine finds these quickly because the pattern starts with a character set.
_PHONE_CANDIDATE = re.compile(r"[0(+][\d\s\-.()]{8,24}")
SAFE_SCHEMES = {"", "http", "https"}


@dataclass(frozen=True)
class Finding:
    """Something wrong at character `offset` of the text."""

    offset: int
    message: str
    hint: str


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
            yield Finding(match.start(), f"e-mailadres gevonden: '{match.group()}'",
                          "Publiceer geen e-mailadressen; verwijs naar de website van de organisatie.")
    position = 0
    while candidate := _PHONE_CANDIDATE.search(text, position):
        start = candidate.start()
        position = start + 1
        if start and (text[start - 1].isalnum() or text[start - 1] in "+_"):
            continue  # part of a longer number or word, like 2013-2015 or A0
        match = PHONE_RE.match(text, start, candidate.end())
        if match and _is_phone(match.group()):
            position = match.end()
            yield Finding(start, f"telefoonnummer gevonden: '{match.group().strip()}'",
                          "Publiceer geen telefoonnummers; verwijs naar de website van de organisatie.")


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # let every link through so we can judge (and report) it ourselves
    return md


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _offset(text: str, needle: str, fallback: int = 0) -> int:
    found = text.find(needle) if needle else -1
    return found if found >= 0 else fallback


def markdown(text: str) -> Iterator[Finding]:
    """Raw HTML, links with a scheme other than http(s), and images from other hosts."""
    if "<" not in text and "](" not in text and "]:" not in text:
        return  # nothing that can become HTML or a link: skip the parser
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    block_offset = 0
    for token in _walk(_markdown().parse(text)):
        if token.map:
            block_offset = starts[min(token.map[0], len(starts) - 1)]
        if token.type in ("html_block", "html_inline"):
            snippet = token.content.strip().splitlines()[0] if token.content.strip() else token.content
            yield Finding(_offset(text, snippet, block_offset), f"HTML in de tekst: '{snippet[:60]}'",
                          "Gebruik Markdown in plaats van HTML: **vet**, *schuin*, [tekst](https://adres), '- ' voor een lijst.")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            scheme = urlsplit(href).scheme.lower() if ":" in href else ""
            if scheme not in SAFE_SCHEMES:
                yield Finding(_offset(text, href, block_offset), f"link met '{scheme}:' is niet toegestaan: '{href[:60]}'",
                              "Links moeten beginnen met https:// of http://.")
        elif token.type == "image":
            src = str(token.attrs.get("src", ""))
            parts = urlsplit(src)
            if parts.scheme or parts.netloc:
                yield Finding(_offset(text, src, block_offset), f"afbeelding van een andere site: '{src[:60]}'",
                              "Afbeeldingen van andere sites laten de browser van elke lezer die site aanroepen. "
                              "Laat de afbeelding weg of beschrijf wat erop staat.")
