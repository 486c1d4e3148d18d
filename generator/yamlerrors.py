"""PyYAML's parse errors → one Dutch problem a contributor can act on.

libyaml and PyYAML's own parser word the same mistake differently and often point where the parser gave up, lines
below the real mistake (an unclosed quote). This module names the usual mistake in plain Dutch, points at the line
that needs changing and, where it can, shows the corrected line.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from .problems import Problem, line_col
from .textcheck import INVISIBLE_HINT, LOOKALIKES, character_name

Mark = tuple[int, int]


# libyaml and PyYAML's own parser word their errors differently; each pair is (context, problem) substrings.
_QUOTE_HINT = (
    "Zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin. Begint de tekst met een "
    "apostrof, zoals 's-Gravenhage, zet de hele tekst dan tussen dubbele aanhalingstekens: \"'s-Gravenhage\"."
)
_YAML_ERRORS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("quoted scalar", ("end of stream",), "een aanhalingsteken wordt niet gesloten", _QUOTE_HINT),
    (
        "quoted scalar",
        ("escape",),
        "een \\ in tekst tussen dubbele aanhalingstekens",
        "Zet de tekst tussen enkele aanhalingstekens (') of haal de \\ weg.",
    ),
    (
        "simple key",
        ("expected ':'",),
        "een regel zonder dubbele punt, op een plek waar een veld verwacht wordt",
        (
            "Hoort de regel bij een tekst onder | of >-? Zet er dan twee spaties voor, net als de regels erboven. "
            "Is het een veld? Zet dan een dubbele punt en een spatie na de veldnaam, zoals 'status: pilot'."
        ),
    ),
    (
        "block scalar",
        ("comment or", "line break"),
        "na | of >- mag op dezelfde regel geen tekst staan",
        "Zet de tekst op de regel eronder, met twee spaties ervoor.",
    ),
    (
        "block collection",
        ("'-' indicator", "<block end>"),
        "de inspringing in een lijst klopt niet",
        (
            "Elk punt van de lijst begint met '- ' op dezelfde plek. Velden van één punt staan precies onder elkaar: "
            "'note:' recht onder 'source:', dus twee tekens verder dan het streepje."
        ),
    ),
    (
        "block mapping",
        ("expected key", "<block end>"),
        "de inspringing klopt niet met de regels erboven",
        (
            "Velden op hetzelfde niveau beginnen precies onder elkaar; een veld bovenaan staat helemaal links, zonder "
            'spaties. Kijk ook op de regels erboven: staat er een aanhalingsteken (") dat niet gesloten wordt, of '
            "tekst "
            "na het sluitende aanhalingsteken?"
        ),
    ),
    (
        "flow sequence",
        ("',' or ']'",),
        "een lijst tussen [ en ] is niet goed afgesloten",
        (
            "Zet komma's tussen de items en sluit de lijst op dezelfde regel af met ], zoals: tags: [preventie, "
            "jeugd]. "
            "Is het geen lijst maar een tekst die met [ begint? Zet de tekst dan tussen aanhalingstekens."
        ),
    ),
    (
        "next token",
        ("cannot start any token",),
        "een tekst begint met een teken dat YAML niet toestaat",
        'Zet de hele tekst tussen dubbele aanhalingstekens, zoals: title: "@Wijkteam: samen sterk".',
    ),
)
# A line like `title: Zwolle: buurtteams`, optionally as a list item: the field name and the text after it.
_FIELD_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+(.*?)\s*$")
# A field whose text opens with a double quote that the line does not close: `title: "Zwolle: buurtteams`.
_OPEN_QUOTE = re.compile(r'^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+"(?:[^"\\]|\\.)*$')
_NO_SPACE_DASH = re.compile(r"^\s*-[^\s-]")
CURLY = "“”„‟‘’‚‛«»"  # what word processors make of " and '; YAML does not read them as quotes


def _colon_hint(lines: list[str], index: int) -> str:
    """Why `: ` was not allowed on line `index`, for the three usual causes, with the fixed line when possible."""
    line = lines[index] if index < len(lines) else ""
    field = _FIELD_LINE.match(line)
    if field and field.group(2)[:1] in CURLY:
        value = field.group(2).strip(CURLY + " ").replace("\\", "\\\\").replace('"', '\\"')
        return (
            f"De tekst staat tussen gekrulde aanhalingstekens ({field.group(2)[0]} …), die YAML niet als "
            f'aanhalingstekens kent. Gebruik rechte: {field.group(1)}: "{value}"'
        )
    if field and ": " in field.group(2) and field.group(2)[:1] not in "\"'|>":
        value = field.group(2).strip('"').replace("\\", "\\\\").replace('"', '\\"')
        return f'Zet de tekst tussen aanhalingstekens: {field.group(1)}: "{value}"'
    if _NO_SPACE_DASH.match(line):
        return "Zet een spatie na het streepje, zoals '- source: ...'."
    if index > 0 and _NO_SPACE_DASH.match(lines[index - 1]):
        return f"Zet op regel {index} een spatie na het streepje, zoals '- source: ...'."
    return (
        "Springt deze regel verder in dan de velden erboven? Laat hem dan recht onder die velden beginnen. "
        "Staat er een dubbele punt met een spatie in een tekst? Zet de tekst dan tussen aanhalingstekens, "
        'zoals: title: "Zwolle: buurtteams in elke wijk".'
    )


def _open_quote_above(lines: list[str], index: int) -> int | None:
    """The nearest line above `index` that opens a double-quoted text without closing it; the usual cause of a
    parse error far below the real mistake."""
    for above in range(min(index, len(lines)) - 1, -1, -1):
        if _OPEN_QUOTE.match(lines[above]):
            return above
    return None


def _odd_indent(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """The first line up to `upto` (1-based) whose indentation holds a space YAML does not count as one (any Unicode
    space separator, such as the non-breaking space Word pastes), with that space named."""
    for row, line in enumerate(lines[:upto]):
        for column, char in enumerate(line[: len(line) - len(line.lstrip())]):
            if unicodedata.category(char) == "Zs" and char != " ":
                return row, column, LOOKALIKES.get(char, f"een typografische spatie (U+{ord(char):04X})")
    return None


def explain_yaml_error(exc: yaml.YAMLError, rel: str, text: str) -> Problem:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    detail = f"{context}, {what}" if context else what
    message = f"YAML kan niet gelezen worden: {detail}"
    hint = (
        "Controleer de inspringing (2 spaties per niveau), de dubbele punt na elke veldnaam en zet tekst "
        "met ': ' of ' #' erin tussen aanhalingstekens."
    )
    mark = problem_mark or context_mark
    position: Mark | None = (mark.line + 1, mark.column + 1) if mark is not None else None
    lines = text.splitlines()
    for context_part, problem_parts, dutch, dutch_hint in _YAML_ERRORS:
        if context_part in context and any(part in what for part in problem_parts):
            message, hint = f"YAML kan niet gelezen worden: {dutch}", dutch_hint
            if context_mark is not None and context_part in ("quoted scalar", "simple key", "flow sequence"):
                # where the unclosed quote or [, or the stray line, starts: not where the parser gave up
                position = (context_mark.line + 1, context_mark.column + 1)
            break
    if "mapping values are not allowed" in what and problem_mark is not None:
        message = (
            "YAML kan niet gelezen worden: een dubbele punt met een spatie erachter, op een plek waar dat niet mag"
        )
        hint = _colon_hint(lines, problem_mark.line)
    if problem_mark is not None and ("block mapping" in context or "block collection" in context):
        opened = _open_quote_above(lines, problem_mark.line)
        if opened is not None:
            position = (opened + 1, lines[opened].index('"') + 1)
            message = "YAML kan niet gelezen worden: een aanhalingsteken wordt niet gesloten"
            hint = _QUOTE_HINT
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int | str):
        # a character YAML refuses outright (NUL, a vertical tab…): named as the text check names invisible ones
        # (libyaml gives its code, PyYAML's reader the character)
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        message, hint = f"onzichtbaar teken {character_name(char)}", INVISIBLE_HINT
        if char in text:  # libyaml's position can run past the character
            position = line_col(text, text.index(char))
    odd = _odd_indent(lines, position[0] if position else len(lines))
    if odd is not None:
        row, column, name = odd
        position = (row + 1, column + 1)
        message = f"YAML kan niet gelezen worden: de regel begint met {name} in plaats van gewone spaties"
        hint = (
            "YAML telt alleen gewone spaties bij het inspringen; zo'n teken komt vaak mee bij kopiëren uit Word of "
            "een webpagina. Haal de ruimte aan het begin van de regel weg en typ de spaties opnieuw."
        )
    if "expected a single document" in detail:
        hint = "Eén record per bestand: haal de tweede '---' en wat erna komt weg, of zet het in een eigen bestand."
    if position is None and getattr(exc, "position", None) is not None:
        position = line_col(text, min(exc.position, len(text)))
    line, column = position or (1, 1)
    return Problem(rel, line, column, message, hint)
