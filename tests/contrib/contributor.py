"""Edits a contributor makes in a scaffolded file, done on the text as they would do them in an editor."""

from __future__ import annotations

import re


def set_value(text: str, field: str, value: str) -> str:
    """Type a value after 'field:' on its (only) line."""
    pattern = re.compile(rf"^(\s*(?:- )?){re.escape(field)}:[^\n]*$", re.MULTILINE)
    assert len(pattern.findall(text)) == 1, f"expected one line with '{field}:'"
    return pattern.sub(lambda m: f"{m.group(1)}{field}: {value}", text)


def write_below(text: str, field: str, lines: list[str]) -> str:
    """Write text on the lines under 'field: >-' or 'field: |', two spaces in."""
    marker = re.compile(rf"^{re.escape(field)}: [>|]-?$", re.MULTILINE)
    match = marker.search(text)
    assert match, f"no block field '{field}:'"
    block = "".join(f"  {line}\n" if line else "\n" for line in lines)
    return text[: match.end() + 1] + block + text[match.end() + 1 :]


def uncomment(text: str, field: str) -> str:
    """Remove '# ' from the field's line and its indented example lines, as the template tells contributors to."""
    lines = text.split("\n")
    start = lines.index(next(line for line in lines if re.match(rf"^# {re.escape(field)}:", line)))
    lines[start] = lines[start][2:]
    index = start + 1
    while index < len(lines) and (lines[index].startswith("#   ") or lines[index] == "#"):
        lines[index] = lines[index][2:]
        index += 1
    return "\n".join(lines)


def replace_block(text: str, field: str, lines: list[str]) -> str:
    """Replace the example text under 'field: |' (after uncommenting) with the contributor's own."""
    all_lines = text.split("\n")
    start = all_lines.index(f"{field}: |")
    end = start + 1
    while end < len(all_lines) and (all_lines[end].startswith("  ") or all_lines[end] == ""):
        end += 1
    while all_lines[end - 1] == "":
        end -= 1
    return "\n".join(all_lines[: start + 1] + [f"  {line}" if line else "" for line in lines] + all_lines[end:])


def line_of(text: str, needle: str) -> int:
    """1-based number of the only line containing `needle` outside a comment."""
    found = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if needle in line and not line.lstrip().startswith("#")
    ]
    assert len(found) == 1, f"'{needle}' on lines {found}"
    return found[0]


SUMMARY = "Buurtteams in Den Haag werken vanuit de wijk, samen met bewoners en organisaties."
APPROACH = [
    "Elk buurtteam heeft een vaste plek in de wijk.",
    "",
    "- bewoners lopen binnen met een vraag;",
    "- het team zoekt samen met hen naar een oplossing.",
]


def fill_example(text: str) -> str:
    """Fill the required fields and one optional block, as CONTRIBUTING.md tells a contributor to."""
    text = set_value(text, "status", "pilot")
    text = write_below(text, "summary", [SUMMARY])
    text = set_value(text, "evidence", "beschreven")
    text = set_value(text, "source", "bb-vaagheid-troef-2014")
    text = set_value(text, "note", "alinea 'Eigen aanpak'")
    text = uncomment(text, "approach")
    text = replace_block(text, "approach", APPROACH)
    text = uncomment(text, "tags")
    return set_value(text, "tags", "[lokale-aanpak, bewoners]")
