"""Documents → a Catalog, or every problem found, never half of each.

Checks run in three rounds, each collecting all its problems before the next: the schema per file (types,
required and unknown fields, enums, lengths), text safety per file (raw HTML, unsafe links, personal data), and
consistency across files (ids, references, registers, totals). Each problem points at the line a contributor must
change and says how to change it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from . import markup, schedule, textcheck, urls
from .catalog import Catalog, Page, assemble
from .load import YamlFile
from .model import (
    ID_RE,
    KINDS,
    LINE_PATTERN,
    WEAK_SOURCE_KINDS,
    Example,
    Kind,
    Kit,
    PrincipleSelection,
    Record,
    marked,
)
from .problems import WARNING, Problem, sort_problems
from .schema import FieldType, Loc, field_type, markdown_patterns, models_in


@dataclass(frozen=True)
class PageText:
    """A hand-written Markdown page as read from disk."""

    path: str
    text: str


@dataclass(frozen=True)
class Checked:
    """A document that passed the schema: its kind and typed record."""

    kind: Kind
    doc: YamlFile
    record: Record


# ---------------------------------------------------------------------------------------------------------------
# Round 1: the schema


def _data_loc(data: Any, loc: Loc, error_type: str) -> Loc:
    """The part of a pydantic error location that exists in the data; drops union branch names."""
    clean: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            clean.append(part)
            current = current[part]
        elif i == len(loc) - 1 and error_type in ("missing", "extra_forbidden"):
            clean.append(part)
    return tuple(clean)


def _describe(value: Any, typed: str | None = None) -> str:
    """The value in words; a number as it was typed ('getal 0344'), not as YAML read it (228)."""
    if typed is not None and isinstance(value, int | float) and not isinstance(value, bool):
        return f"getal {typed}"
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return f"ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int | float):
        return f"getal {value}"
    if isinstance(value, dt.date):
        return f"datum {value.isoformat()}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "velden"
    return f"'{value}'"


def _pattern_hint(pattern: str) -> str:
    if "GM" in pattern:
        return (
            "Zet hier de CBS-code van de gemeente, niet de naam: GM en vier cijfers, zoals GM0344 voor Utrecht. "
            "De codes staan in content/municipalities.yaml."
        )
    if "https" in pattern:
        return (
            "Een webadres begint met https:// (of http://): schrijf https://www.gemeente.nl/wijkteams, niet "
            "www.gemeente.nl/wijkteams. Kopieer het adres het makkelijkst uit de adresbalk van je browser."
        )
    if "[01][0-9]" in pattern:
        return 'Schrijf een tijd als "UU:MM" tussen aanhalingstekens, bijvoorbeeld "08:00".'
    if "[0-9]{4}" in pattern:
        return "Schrijf een datum als JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2014-01-16."
    if "äë" in pattern:
        return "Eén woord in kleine letters, zonder spaties of cijfers, zoals 'buurtinitiatief'."
    if "_" in pattern:
        return (
            "Schrijf de naam van een veld zoals in het sjabloon, met een liggend streepje: bijvoorbeeld period, "
            "teams, target_group of working_elements."
        )
    return "Alleen kleine letters, cijfers en streepjes, zoals 'vertrouwen-herstellen'."


def _did_you_mean(word: str, options: list[str]) -> str:
    """'Bedoel je …? ' for a value typed in another case, with an accent, as a word people use for it ('nota' →
    'beleidsdocument'), or misspelled; '' when nothing is close."""
    close = _meant(word, options)
    return "Bedoel je " + " of ".join(f"'{c}'" for c in close) + "? " if close else ""


def _did_you_mean_field(unknown: str, fields: Mapping[str, Any]) -> str:
    """Also matches the Dutch label, because contributors often type the Dutch word: 'samenvatting' → summary."""
    spellings: dict[str, str] = {}
    for name, info in fields.items():
        spellings[name] = name
        if info.title:
            label = info.title.lower()
            spellings.setdefault(label.replace(" ", "_"), name)
            spellings.setdefault(label.replace(" ", ""), name)
    scored = sorted(((difflib.SequenceMatcher(None, unknown.lower(), s).ratio(), s) for s in spellings), reverse=True)
    best = scored[0][0] if scored else 0.0
    close = [s for ratio, s in scored[:3] if ratio >= max(0.6, best - 0.15)]  # a near-exact match drowns out the rest
    names = list(dict.fromkeys(spellings[c] for c in close))
    return "Bedoel je " + " of ".join(f"'{n}'" for n in names) + "? " if names else ""


# ---------------------------------------------------------------------------------------------------------------
# What a contributor typed, and what they probably meant


INVISIBLE = textcheck.LOOKALIKES
CURLY = "“”„‟‘’‚‛«»"

# Words people use for an allowed value; each maps to the value Wijkkit uses. Only values among the field's own
# choices are offered, so 'onderzoek' can mean a source kind and, for a status, nothing.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "beleidsdocument": (
        "nota",
        "beleidsnota",
        "kadernota",
        "raadsbrief",
        "raadsinformatiebrief",
        "raadsvoorstel",
        "collegebrief",
        "brief",
        "beleidsplan",
        "plan",
        "visie",
        "visiedocument",
        "notitie",
        "verordening",
        "beleid",
    ),
    "onderzoek": ("studie", "onderzoeksrapport", "literatuurstudie", "wetenschappelijk artikel", "proefschrift"),
    "evaluatie": ("evaluatierapport", "evaluatieonderzoek", "effectmeting", "monitor", "rekenkamerrapport"),
    "nieuws": ("nieuwsbericht", "persbericht", "krantenartikel", "krant", "bericht"),
    "artikel": ("tijdschriftartikel", "vakblad", "tijdschrift", "vakartikel"),
    "verslag": ("notulen", "bijeenkomst", "impressie"),
    "aankondiging": ("uitnodiging", "agenda", "programma"),
    "jaarverslag": ("jaarrapport", "jaarrekening", "jaaroverzicht"),
    "blog": ("weblog", "column", "post"),
    "pilot": ("proef", "proefproject", "experiment", "proeftuin", "test"),
    "definitief": ("structureel", "vast", "loopt", "lopend", "actief", "ingevoerd", "staand beleid", "bezig"),
    "gestopt": ("beeindigd", "gestaakt", "afgerond", "voorbij", "stopgezet", "afgeschaft", "gestopt"),
    "verkenning": ("orientatie", "idee", "voorbereiding", "in voorbereiding", "onderzoek"),
    "geevalueerd": ("onderzocht", "evaluatie", "geevalueerd"),
    "beschreven": ("beschrijving", "uitgebreid"),
    "anekdotisch": ("anekdote", "vermelding", "genoemd"),
    "kern": ("dorp", "dorpen", "kernen"),
    "wijk": ("buurt", "buurten", "wijken"),
    "gebied": ("regio", "gebieden", "district", "stadsdeel"),
    "hele-gemeente": ("gemeente", "gemeentebreed", "hele gemeente", "heel de gemeente"),
    "welzijnsorganisatie": ("welzijn", "welzijnsinstelling"),
    "zorgorganisatie": ("zorg", "thuiszorg", "zorgaanbieder"),
    "cooperatie-of-stichting": ("cooperatie", "stichting"),
    "combinatie": ("samen", "samenwerking", "meerdere", "partners"),
}


def _folded(text: str) -> str:
    """Lower case, accents and punctuation gone: 'Geëvalueerd.' and 'geevalueerd' are the same."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() or c == "-" else " " for c in plain.casefold()).split())


def _meant(word: str, options: list[str]) -> list[str]:
    """The allowed values `word` most likely stands for: same when folded, a known synonym, or close in spelling."""
    folded = _folded(word)
    same = [o for o in options if _folded(o) == folded or _folded(o).replace("-", " ") == folded]
    if same:
        return same
    synonyms = [o for o in options if folded in SYNONYMS.get(o, ())]
    if synonyms:
        return synonyms
    close = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    return close or difflib.get_close_matches(folded, options, n=3, cutoff=0.6)


def _invisible_in(text: str) -> str:
    """The first invisible character in `text`, named, or ''."""
    return next((name for char, name in INVISIBLE.items() if char in text), "")


def _without_invisible(text: str) -> str:
    return "".join(c for c in text if c not in INVISIBLE).strip()


def _curly(value: Any) -> bool:
    return isinstance(value, str) and len(value) >= 2 and value[0] in CURLY and value[-1] in CURLY


def _as_typed(doc: YamlFile, loc: Loc) -> str | None:
    """The value as it stands in the file ('0344'), where YAML made something else of it (the number 228)."""
    line, column = doc.locate(loc)
    lines = doc.text.splitlines()
    if not 0 < line <= len(lines):
        return None
    found = re.match(r"[^\s,\]}#]+", lines[line - 1][column - 1 :])
    return found.group() if found else None


@dataclass(frozen=True)
class Known:
    """What the files say about sources and principles before they are checked, so that a title or a web address
    typed where an id belongs can be answered with the id."""

    sources: tuple[tuple[str, str, str], ...] = ()  # (id, title, url)
    principles: tuple[tuple[str, str, int | None], ...] = ()  # (id, title, number)
    municipalities: tuple[tuple[str, str], ...] = ()  # (name or alias, code)

    @functools.cached_property
    def places(self) -> frozenset[str]:
        """Lower-cased municipality names: 'burgemeester Heerlen' is an office, not a person."""
        return frozenset(name.lower() for name, _ in self.municipalities)

    @classmethod
    def of(cls, documents: list[YamlFile]) -> Known:
        sources, principles, municipalities = [], [], []
        for doc in documents:
            kind = kind_of(doc.path)
            data = doc.data
            if kind is None or not isinstance(data, dict):
                continue
            if kind.name == "source" and isinstance(data.get("id"), str):
                sources.append((data["id"], str(data.get("title") or ""), str(data.get("url") or "")))
            elif kind.name == "principle" and isinstance(data.get("id"), str):
                number = data.get("number") if isinstance(data.get("number"), int) else None
                principles.append((data["id"], str(data.get("title") or ""), number))
            elif kind.name == "municipalities":
                for item in data.get("municipalities") or []:
                    if isinstance(item, dict) and isinstance(item.get("code"), str):
                        for name in [item.get("name"), *(item.get("aliases") or [])]:
                            if isinstance(name, str):
                                municipalities.append((name, item["code"]))
        return cls(tuple(sources), tuple(principles), tuple(municipalities))


def _address(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


def _reference_hint(value: str, what: str, known: Known | None, *, ids: Mapping[str, Any] | None = None) -> str:
    """For a source or principle reference that is not an id (a web address, a title, a number), or an id that
    does not exist: the id it most likely means, or how to add the source."""
    known = known or Known()
    if what == "bron":
        entries = [(i, t, u) for i, t, u in known.sources]
        if ids is not None:
            entries = [
                (i, str(getattr(r, "title", "") or ""), str(getattr(r, "url", "") or "")) for i, r in ids.items()
            ]
        if re.match(r"^(https?://|www\.)", value.strip()):
            match = [i for i, _, url in entries if url and _address(url) == _address(value)]
            if match:
                return (
                    f"Dat is het webadres van de bron '{match[0]}'. Zet hier de id van de bron, niet het adres: "
                    f"source: {match[0]}"
                )
            return (
                "Zet hier de id van een bron (de bestandsnaam in content/sources/ zonder .yaml), niet het webadres. "
                'Staat de bron er nog niet? Maak hem met: wijkkit new bron --titel "Titel van de publicatie", '
                "en zet het adres daar onder 'url:'."
            )
        titles = {_folded(t): i for i, t, _ in entries if t}
        if _folded(value) in titles:
            source = titles[_folded(value)]
            return f"Dat is de titel van de bron '{source}': zet hier die id, source: {source}"
        close = difflib.get_close_matches(_folded(value), list(titles), n=1, cutoff=0.75)
        by_id = [i for i, _, _ in entries]
        near_id = difflib.get_close_matches(value, by_id, n=3, cutoff=0.6)
        if near_id:
            return "Bedoel je " + " of ".join(f"'{i}'" for i in near_id) + "? Bronnen staan in content/sources/."
        if close:
            return f"Bedoel je de bron '{titles[close[0]]}'? Zet dan hier die id."
        title = value if not ID_RE.match(value) else "Titel van de publicatie"
        return (
            "Zet hier de id van een bron uit content/sources/. Staat de bron er nog niet? Maak hem met: "
            f'wijkkit new bron --titel "{title}"'
        )
    entries_p = [(i, t, n) for i, t, n in known.principles]
    if ids is not None:
        entries_p = [(i, str(getattr(r, "title", "") or ""), getattr(r, "number", None)) for i, r in ids.items()]
    by_title = {_folded(t): i for i, t, _ in entries_p if t}
    by_number = {str(n): i for i, _, n in entries_p if n is not None}
    if value.strip().rstrip(".") in by_number:
        found = by_number[value.strip().rstrip(".")]
        return f"Principe {value.strip().rstrip('.')} heeft de id '{found}': zet hier die id."
    if _folded(value) in by_title:
        return f"Dat is de titel van het principe '{by_title[_folded(value)]}': zet hier die id."
    near = difflib.get_close_matches(value, [i for i, _, _ in entries_p], n=3, cutoff=0.6)
    if near:
        return "Bedoel je " + " of ".join(f"'{i}'" for i in near) + "? Principes staan in content/principles/."
    close = difflib.get_close_matches(_folded(value), list(by_title), n=1, cutoff=0.6)
    if close:
        return f"Bedoel je het principe '{by_title[close[0]]}'? Zet dan hier die id."
    return "Zet hier de id van een principe: de bestandsnaam in content/principles/ zonder .yaml."


# Where a reference to a source or a principle stands, per kind of record: (path with '*' for a list index, what)
REFERENCES = (
    (("sources", "*", "source"), "bron"),
    (("reported_in", "*"), "bron"),
    (("principles", "*", "id"), "principe"),
    (("principles", "*"), "principe"),
    (("related", "*"), "principe"),
)


def _reference_at(loc: Loc) -> str | None:
    for pattern, what in REFERENCES:
        if len(pattern) == len(loc) and all(
            p == "*" and isinstance(x, int) or p == x for p, x in zip(pattern, loc, strict=True)
        ):
            return what
    return None


def _is_code_field(info: FieldType | None) -> bool:
    return info is not None and any("GM" in str(getattr(m, "pattern", "") or "") for m in info.metadata)


def _code_hint(typed: str, known: Known | None) -> str:
    """'0344', '344', 'gm0344' or 'Utrecht' → what to write instead."""
    digits = typed.strip().upper().removeprefix("GM").strip()
    if digits.isdigit() and len(digits) <= 4:
        return f"Zet GM voor de vier cijfers: GM{digits.zfill(4)}."
    names = {_folded(name): code for name, code in (known.municipalities if known else ())}
    if _folded(typed) in names:
        return f"Dat is de naam; de CBS-code van {typed} is {names[_folded(typed)]}. Zet die hier."
    return _pattern_hint("GM")


def _schema_problem(
    doc: YamlFile, model: type[BaseModel], error: dict[str, Any], known: Known | None = None
) -> Problem:
    etype = error["type"]
    loc = _data_loc(doc.data, error["loc"], etype)
    info = field_type(model, loc)
    name = ".".join(str(p) for p in loc) or "het record"
    field_name = info.name if info and info.name else name
    description = info.description if info else ""
    value = error.get("input")
    ctx = error.get("ctx") or {}
    typed = _as_typed(doc, loc) if isinstance(value, int | float) and not isinstance(value, bool) else None
    shown = typed if typed is not None else value  # 0344 as typed, not the 228 YAML 1.1 made of it

    if etype == "extra_forbidden":
        parent = field_type(model, loc[:-1])
        parent_models = models_in(parent.annotation) if parent else []
        fields = parent_models[0].model_fields if parent_models else {}
        unknown = str(loc[-1])
        invisible = _invisible_in(unknown)
        if invisible:
            clean = _without_invisible(unknown)
            fix = f"Typ de veldnaam opnieuw: {clean}:" if clean in fields else _did_you_mean_field(clean, fields)
            return _at(
                doc,
                loc,
                f"in de veldnaam '{clean}' staat {invisible}, die je niet ziet",
                f"{fix} (haal de regel weg en typ hem opnieuw, of kopieer hem niet uit een ander document).",
                key=True,
            )
        return _at(
            doc,
            loc,
            f"onbekend veld '{unknown}'",
            _did_you_mean_field(unknown, fields) + "Toegestane velden hier: " + ", ".join(sorted(fields)) + ".",
            key=True,
        )
    if etype == "missing":
        return _at(
            doc,
            loc[:-1],
            f"verplicht veld '{loc[-1]}' ontbreekt",
            f"Voeg '{loc[-1]}:' toe. {description}".strip(),
            key=True,
        )
    if value is None and etype not in ("missing", "extra_forbidden") and info is not None:
        # `field:` with nothing after it, as in a freshly scaffolded template
        choices = f" Kies uit: {', '.join(info.choices)}." if info.choices else ""
        optional = info.owner is not None and not info.owner.model_fields[info.name].is_required()
        unused = (
            (
                " Gebruik je dit veld niet? Zet dan weer '# ' voor de regel. Haalde je '# ' weg? Doe dat dan ook"
                " op de regels eronder die bij dit veld horen."
            )
            if optional
            else ""
        )
        return _at(
            doc,
            loc,
            f"'{field_name}' is nog niet ingevuld",
            f"Vul het in achter '{field_name}:'. {description}{choices}{unused}",
        )
    if etype == "string_too_long":
        length, limit = len(value), ctx.get("max_length")
        if info and info.card_limit:
            return _at(
                doc,
                loc,
                f"'{field_name}' is te lang voor een kaart: {length} tekens, max {limit}",
                f"Kort de tekst in met {length - limit} tekens; op een kaart is de ruimte beperkt.",
            )
        return _at(
            doc,
            loc,
            f"'{field_name}' is te lang: {length} tekens, max {limit}",
            f"Kort de tekst in met {length - limit} tekens.",
        )
    if etype == "string_too_short":
        required = info is not None and info.owner is not None and info.owner.model_fields[info.name].is_required()
        advice = "Vul dit veld in." if required else "Vul dit veld in of laat het helemaal weg."
        return _at(doc, loc, f"'{field_name}' is leeg", f"{advice} {description}")
    if etype == "too_short":
        return _at(
            doc,
            loc,
            f"'{field_name}' heeft te weinig items: {ctx.get('actual_length')}, minstens {ctx.get('min_length')}",
            f"Voeg items toe, elk op een eigen regel die begint met '- '. {description}",
        )
    if etype == "too_long":
        return _at(
            doc,
            loc,
            f"'{field_name}' heeft te veel items: {ctx.get('actual_length')}, max {ctx.get('max_length')}",
            f"Haal items weg. {description}",
        )
    if (
        isinstance(value, str)
        and _invisible_in(value)
        and etype in ("string_pattern_mismatch", "enum", "literal_error")
    ):
        return _at(
            doc,
            loc,
            f"in de waarde van '{field_name}' staat {_invisible_in(value)}, die je niet ziet",
            f"Typ de waarde opnieuw: {_without_invisible(value)}",
        )
    if _curly(value) and etype in ("string_pattern_mismatch", "enum", "literal_error", "date_from_datetime_parsing"):
        return _at(
            doc,
            loc,
            f"ongeldige waarde voor '{field_name}': {value} staat tussen gekrulde aanhalingstekens",
            f'Haal de aanhalingstekens weg: {field_name}: {value[1:-1]}. Een tekstverwerker maakt van " '
            "vaak “ of ”; YAML kent alleen de rechte.",
        )
    if _is_code_field(info) and (etype == "string_pattern_mismatch" or isinstance(value, int)):
        return _at(
            doc,
            loc,
            f"'{field_name}' moet een CBS-code zijn (GM en vier cijfers), maar is {shown}",
            _code_hint(str(shown), known),
        )
    if etype == "string_pattern_mismatch" and ctx.get("pattern") == LINE_PATTERN:
        first = str(value).strip().splitlines()[0] if str(value).strip() else ""
        return _at(
            doc,
            loc,
            f"'{field_name}' moet op één regel staan, maar heeft regeleinden: '{first[:60]}' …",
            "Zet de hele tekst op één regel achter de veldnaam (tussen aanhalingstekens als er ': ' in staat). Wat "
            "niet in een titel past, hoort in de samenvatting.",
        )
    if etype == "string_pattern_mismatch":
        reference = _reference_at(loc)
        if reference:
            return _at(
                doc,
                loc,
                f"ongeldige waarde voor '{field_name}': {_describe(value)}",
                _reference_hint(str(value), reference, known),
            )
        return _at(
            doc, loc, f"ongeldige waarde voor '{field_name}': {_describe(value)}", _pattern_hint(ctx.get("pattern", ""))
        )
    if etype == "enum" or (info and info.choices and etype in ("literal_error", "string_type")):
        choices = info.choices if info else []
        return _at(
            doc,
            loc,
            f"ongeldige waarde voor '{field_name}': {_describe(value, typed)}",
            _did_you_mean(str(shown), choices) + "Kies uit: " + ", ".join(choices) + ".",
        )
    if etype == "string_type" and isinstance(value, int | float) and _reference_at(loc) == "principe":
        return _at(
            doc,
            loc,
            f"ongeldige waarde voor '{field_name}': {_describe(value, typed)}",
            _reference_hint(str(shown), "principe", known),
        )
    if etype == "string_type":
        return _at(
            doc,
            loc,
            f"'{field_name}' moet tekst zijn, maar is {_describe(value, typed)}",
            f'Zet de waarde tussen aanhalingstekens, bijvoorbeeld: {field_name}: "{shown}".'
            if not isinstance(value, list | dict)
            else f"Schrijf één tekst achter '{field_name}:'. {description}",
        )
    if etype in ("int_type", "int_parsing", "int_from_float"):
        return _at(doc, loc, f"'{field_name}' moet een heel getal zijn, maar is {_describe(value)}", description)
    if etype in ("greater_than_equal", "greater_than"):
        return _at(
            doc, loc, f"'{field_name}' is te klein: {value}, minstens {ctx.get('ge', ctx.get('gt'))}", description
        )
    if etype in ("less_than_equal", "less_than"):
        return _at(
            doc, loc, f"'{field_name}' is te groot: {value}, hoogstens {ctx.get('le', ctx.get('lt'))}", description
        )
    if etype in ("bool_type", "bool_parsing"):
        return _at(doc, loc, f"'{field_name}' moet true of false zijn, maar is {_describe(value)}", description)
    if etype.startswith("date"):
        return _at(
            doc,
            loc,
            f"'{field_name}' moet een datum zijn (JJJJ-MM-DD), maar is {_describe(value)}",
            "Schrijf eerst het jaar, dan de maand, dan de dag, met streepjes en zonder aanhalingstekens: "
            "2024-03-12 voor 12 maart 2024.",
        )
    if etype == "list_type":
        return _at(
            doc,
            loc,
            f"'{field_name}' moet een lijst zijn, maar is {_describe(value)}",
            f"Zet elk item op een eigen regel die begint met '- '. {description}",
        )
    if etype in ("model_type", "model_attributes_type", "dict_type"):
        return _at(
            doc,
            loc,
            f"'{field_name}' moet velden bevatten (naam: waarde), maar is {_describe(value)}",
            f"Zet de velden op de regels eronder, elk met twee spaties ervoor, zoals in het sjabloon. {description}",
        )
    return _at(doc, loc, f"ongeldige waarde voor '{field_name}': {_describe(value)}", description)


def _at(doc: YamlFile, loc: Loc, message: str, hint: str, *, key: bool = False) -> Problem:
    line, column = doc.locate(loc, key=key)
    return Problem(doc.path, line, column, message, hint.strip())


def _check_schema(doc: YamlFile, kind: Kind, known: Known | None = None) -> tuple[Record | None, list[Problem]]:
    try:
        return kind.model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    problems: dict[Loc, Problem] = {}
    union_locs: set[Loc] = set()
    # a field name with an invisible character in it: reported as that, not also as the field that is then missing
    retyped = {
        (*error["loc"][:-1], _without_invisible(str(error["loc"][-1])))
        for error in errors
        if error["type"] == "extra_forbidden" and _invisible_in(str(error["loc"][-1]))
    }
    errors = [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in retyped)]
    for error in errors:
        loc = _data_loc(doc.data, error["loc"], error["type"])
        if len(loc) < len(error["loc"]) and error["type"] not in ("missing", "extra_forbidden"):
            union_locs.add(loc)  # one value failed several alternatives: report it once
        problems.setdefault((*loc, error["type"]), _schema_problem(doc, kind.model, error, known))
    result = [p for key, p in problems.items() if key[:-1] not in union_locs]
    for loc in union_locs:
        info = field_type(kind.model, loc)
        name = info.name if info and info.name else ".".join(map(str, loc))
        result.append(
            _at(
                doc, loc, f"ongeldige waarde voor '{name}': {_describe(doc.get(loc))}", info.description if info else ""
            )
        )
    return None, result


# ---------------------------------------------------------------------------------------------------------------
# Round 2: text safety


def _values(value: Any, pattern: Loc, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """The values at `pattern` ('*' = every list item) with their concrete paths."""
    if not pattern:
        yield loc, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _values(item, rest, loc + (index,))
    elif isinstance(value, dict) and head in value:
        yield from _values(value[head], rest, loc + (head,))


def _strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text in a document with its path, keys included (a key's path is its mapping's)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield loc, key
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,))


def _check_text(doc: YamlFile, kind: Kind | None, policy: markup.Policy = markup.DEFAULT_POLICY) -> list[Problem]:
    """Personal data and invisible characters anywhere in the file (found in its text, so the line is exact);
    invisible characters written as escapes ("\u202e") in the values; Markdown in Markdown fields."""
    problems = []
    for finding in (*textcheck.personal_data(doc.text), *textcheck.invisible(doc.text)):
        line, column = doc.offset_to_mark(finding.offset)
        problems.append(Problem(doc.path, line, column, finding.message, finding.hint))
    seen = {finding.message for finding in textcheck.invisible(doc.text)}
    for loc, text in _strings(doc.data) if "\\" in doc.text else ():  # an escape needs a backslash
        for finding in textcheck.invisible(text):
            if finding.message not in seen:  # written as an escape, so only the field can be named
                seen.add(finding.message)
                problems.append(_at(doc, loc, finding.message, finding.hint))
    for pattern in markdown_patterns(kind.model) if kind else ():
        for loc, text in _values(doc.data, pattern):
            if not isinstance(text, str):
                continue
            for finding in textcheck.markdown(text, policy):
                line, column = doc.locate_in_text(loc, finding.offset)
                problems.append(Problem(doc.path, line, column, finding.message, finding.hint))
    return problems


def _check_page(page: PageText, policy: markup.Policy = markup.DEFAULT_POLICY) -> list[Problem]:
    problems = []
    name = PurePosixPath(page.path).stem
    if not _is_slug(name):
        problems.append(
            Problem(
                page.path,
                1,
                1,
                f"ongeldige bestandsnaam '{name}.md'",
                "Gebruik kleine letters, cijfers en streepjes, zoals 'over-wijkkit.md'.",
            )
        )
    elif name in urls.RESERVED_PAGE_NAMES:
        problems.append(
            Problem(
                page.path,
                1,
                1,
                f"de naam '{name}' is al in gebruik op de site",
                f"Kies een andere bestandsnaam voor deze pagina, bijvoorbeeld 'over-{name}.md'.",
            )
        )
    if re.match(r"---[ \t]*\r?\n", page.text):
        problems.append(
            Problem(
                page.path,
                1,
                1,
                "een blok tussen --- bovenaan (front matter) wordt niet gelezen, maar als tekst op de pagina gezet",
                "Haal het blok weg. De titel van de pagina is de eerste regel die met '# ' begint; de "
                "beschrijving is de eerste alinea.",
            )
        )
    for finding in [
        *textcheck.personal_data(page.text),
        *textcheck.invisible(page.text),
        *textcheck.markdown(page.text, policy),
    ]:
        before = page.text[: finding.offset]
        line = before.count("\n") + 1
        problems.append(
            Problem(page.path, line, finding.offset - (before.rfind("\n") + 1) + 1, finding.message, finding.hint)
        )
    return problems


def _is_slug(text: str) -> bool:
    from .model import ID_RE

    return bool(ID_RE.match(text))


def _strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,))


def _may_hold_placeholder(text: str) -> bool:
    """A cheap first pass over the raw file: plain substring search for each template text's start."""
    from .placeholders import PLACEHOLDERS

    return any(p[:24] in text for p in PLACEHOLDERS)


def _check_filled(doc: YamlFile, kind: Kind, known: Known | None = None) -> list[Problem]:
    """Text that only looks filled in: only spaces, or the example text of the `wijkkit new` template; and a role
    with a name after it (a warning)."""
    from .namecheck import role_names
    from .placeholders import PLACEHOLDERS

    problems = []
    maybe_placeholder = _may_hold_placeholder(doc.text)  # most files hold none: skip the lookups
    for loc, text in _strings(doc.data):
        if text and not text.strip():
            name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "het record")
            problems.append(
                _at(
                    doc,
                    loc,
                    f"'{name}' bevat alleen spaties",
                    "Vul het in, of haal het veld weg als het niet verplicht is.",
                )
            )
            continue
        placeholder = next((p for p in PLACEHOLDERS if p in text), None) if maybe_placeholder else None
        if placeholder:
            name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "het record")
            problems.append(
                _at(
                    doc,
                    loc,
                    f"'{name}' bevat nog de voorbeeldtekst uit het sjabloon: '{placeholder}'",
                    "Vervang hem door je eigen tekst. Gebruik je dit veld niet? Zet dan weer '# ' voor "
                    "de regels van dit veld.",
                )
            )
    if kind.name not in ("municipalities", "tags"):
        places = known.places if known else frozenset()
        for finding in role_names(doc.text, places):
            line, column = doc.offset_to_mark(finding.offset)
            if not doc.text.splitlines()[line - 1].lstrip().startswith("#"):  # comments are not published
                problems.append(Problem(doc.path, line, column, finding.message, finding.hint, WARNING))
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Round 3: consistency across files


_KIND_OF_WHAT = {
    "bron": "source",
    "principe": "principle",
    "casus": "case",
    "werkvorm": "werkvorm",
    "trefwoord": "tags",
    "gemeente": "municipalities",
}


class _Crosscheck:
    """References, registers, unique ids and totals, over all records that passed the schema."""

    def __init__(
        self, checked: list[Checked], today: dt.date, broken: set[tuple[str, str]], taken: frozenset[str] = frozenset()
    ) -> None:
        self.checked = checked
        self.taken = taken  # every file that was read, checked or not: a suggested new name must be free
        self.today = today
        self.broken = broken  # (kind, file stem) of files that could not be read or failed the schema
        self.problems: list[Problem] = []
        self.by_kind: dict[str, list[Checked]] = {kind.name: [] for kind in KINDS}
        for item in checked:
            self.by_kind[item.kind.name].append(item)
        self.ids: dict[str, dict[str, Any]] = {
            name: {c.record.id: c.record for c in items}
            for name, items in self.by_kind.items()
            if name not in ("municipalities", "tags", "synonyms")
        }
        self.municipalities = {m.code: m for c in self.by_kind["municipalities"] for m in c.record.municipalities}
        self.tags = {t.id: t for c in self.by_kind["tags"] for t in c.record.tags}

    def add(self, doc: YamlFile, loc: Loc, message: str, hint: str, *, key: bool = False) -> None:
        self.problems.append(_at(doc, loc, message, hint, key=key))

    def ref(self, doc: YamlFile, loc: Loc, value: str, known: Mapping[str, Any], what: str, where: str) -> None:
        if value in known or (_KIND_OF_WHAT[what], value) in self.broken:
            return  # found, or in a file that already has a problem of its own: no second message
        if what in ("gemeente", "trefwoord") and (_KIND_OF_WHAT[what], "") in self.broken:
            return  # the register itself is broken
        if what in ("bron", "principe"):
            self.add(doc, loc, f"{what} '{value}' bestaat niet", _reference_hint(value, what, None, ids=known))
            return
        hint = _did_you_mean(value, list(known))
        self.add(doc, loc, f"{what} '{value}' bestaat niet", f"{hint}{where}")

    def run(self) -> list[Problem]:
        self.unique_ids()
        self.registers()
        for item in self.checked:
            check = getattr(self, f"check_{item.kind.name}", None)
            if check:
                check(item.doc, item.record)
        return self.problems

    def unique_ids(self) -> None:
        for items in self.by_kind.values():
            seen: dict[str, str] = {}
            for item in items:
                record_id = getattr(item.record, "id", None)
                if record_id is None:
                    continue
                stem = PurePosixPath(item.doc.path).stem
                if textcheck.is_reserved_name(record_id):
                    self.add(
                        item.doc,
                        ("id",),
                        f"id '{record_id}' is een naam die Windows niet toestaat",
                        "Windows gebruikt deze naam voor een apparaat; het bestand kan daar niet bestaan. "
                        f"Kies een andere id, bijvoorbeeld '{record_id}-1'.",
                    )
                    continue
                if record_id != stem:
                    self.add(
                        item.doc,
                        ("id",),
                        f"id '{record_id}' is niet gelijk aan de bestandsnaam '{stem}.yaml'",
                        self.rename_hint(item, record_id, stem, items),
                    )
                    continue  # a copy with the old id: its id is what is wrong, not the original's
                if record_id in seen:
                    free = self.free_id(item, record_id)
                    self.add(
                        item.doc,
                        ("id",),
                        f"id '{record_id}' wordt al gebruikt in {seen[record_id]}",
                        f"Kies een andere id, zoals '{free}': zet 'id: {free}' en hernoem het bestand naar "
                        f"{free}.yaml. Elke id komt per soort record maar één keer voor.",
                    )
                seen.setdefault(record_id, item.doc.path)
        numbers: dict[int, str] = {}
        for item in self.by_kind["principle"]:
            number = item.record.number
            if number in numbers:
                self.add(
                    item.doc,
                    ("number",),
                    f"nummer {number} is al in gebruik door {numbers[number]}",
                    f"Kies een vrij nummer, bijvoorbeeld "
                    f"{max(c.record.number for c in self.by_kind['principle']) + 1}.",
                )
            numbers.setdefault(number, item.doc.path)

    def free_id(self, item: Checked, base: str) -> str:
        """`base` made into an id, with -2, -3… until no record of the kind has it and no file has its name."""
        from .names import slugify

        base = slugify(base) or "record"
        folder = PurePosixPath(item.doc.path).parent
        ids = set(self.ids.get(item.kind.name, {}))
        candidate, number = base, 1
        while candidate in ids or str(folder / f"{candidate}.yaml") in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def rename_hint(self, item: Checked, record_id: str, stem: str, items: list[Checked]) -> str:
        """Only fixes that work: never an invalid id ('x (1)'), never the name of a file that exists."""
        folder = PurePosixPath(item.doc.path).parent
        others = {c.record.id for c in items if c is not item}
        stem_ok = bool(ID_RE.match(stem)) and stem not in others
        name_free = str(folder / f"{record_id}.yaml") not in self.taken and record_id not in others
        if stem_ok and name_free:
            return f"Maak ze gelijk: zet 'id: {stem}' of hernoem het bestand naar {record_id}.yaml."
        if name_free:
            return f"Hernoem het bestand naar {record_id}.yaml."
        if stem_ok:
            return (
                f"Zet 'id: {stem}'; een ander bestand heet al {record_id}.yaml. Is dit een kopie van dat bestand? "
                "Haal dan een van de twee weg."
            )
        free = self.free_id(item, stem)
        return (
            f"Er is al een bestand {record_id}.yaml. Geef dit record een eigen id en bestandsnaam, zoals '{free}': "
            f"zet 'id: {free}' en hernoem het bestand naar {free}.yaml. Is het een kopie? Haal er dan een weg."
        )

    def registers(self) -> None:
        for item in self.by_kind["municipalities"]:
            codes: dict[str, int] = {}
            names: dict[str, int] = {}
            for index, municipality in enumerate(item.record.municipalities):
                if municipality.code in codes:
                    self.add(
                        item.doc,
                        ("municipalities", index, "code"),
                        f"gemeentecode {municipality.code} staat twee keer in het register",
                        "Houd één regel per gemeente.",
                    )
                if municipality.name.casefold() in names:
                    self.add(
                        item.doc,
                        ("municipalities", index, "name"),
                        f"gemeente '{municipality.name}' staat twee keer in het register",
                        "Houd één regel per gemeente.",
                    )
                codes.setdefault(municipality.code, index)
                names.setdefault(municipality.name.casefold(), index)
            self.mergers(item)
            for index, ref in enumerate(item.record.sources):
                self.ref(
                    item.doc,
                    ("sources", index, "source"),
                    ref.source,
                    self.ids["source"],
                    "bron",
                    "Bronnen staan in content/sources/; voeg de bron daar toe als hij ontbreekt.",
                )
        for item in self.by_kind["synonyms"]:
            groups: dict[str, int] = {}
            for index, group in enumerate(item.record.synonyms):
                for position, word in enumerate(group.words):
                    if word in groups:
                        where = "in deze groep" if groups[word] == index else f"in groep {groups[word] + 1}"
                        self.add(
                            item.doc,
                            ("synonyms", index, "words", position),
                            f"zoekwoord '{word}' staat al {where}",
                            "Zet elk woord in één groep; voeg de groepen samen als ze hetzelfde betekenen.",
                        )
                    groups.setdefault(word, index)
        for item in self.by_kind["tags"]:
            seen: set[str] = set()
            for index, tag in enumerate(item.record.tags):
                if tag.id in seen:
                    self.add(
                        item.doc,
                        ("tags", index, "id"),
                        f"trefwoord '{tag.id}' staat twee keer in de lijst",
                        "Houd één regel per trefwoord.",
                    )
                seen.add(tag.id)

    def mergers(self, item: Checked) -> None:
        """A former municipality points at successors in the register, in a year that has come and that the register
        covers."""
        register = item.record
        known = {m.code: m for m in register.municipalities}
        as_of = int(register.as_of[:4]) if register.as_of else None
        for index, municipality in enumerate(register.municipalities):
            merged = municipality.merged
            if merged is None:
                continue
            loc: Loc = ("municipalities", index, "merged", "into")
            for sindex, code in enumerate(merged.successors):
                at = loc if isinstance(merged.into, str) else (*loc, sindex)
                if code == municipality.code:
                    self.add(
                        item.doc,
                        at,
                        f"gemeente {municipality.name} ({code}) kan niet in zichzelf zijn opgegaan",
                        "Zet bij 'into' de CBS-code van de gemeente waarin ze opging.",
                    )
                elif code not in known:
                    self.add(
                        item.doc,
                        at,
                        f"gemeente {municipality.name} is opgegaan in {code}, maar die code staat niet in het register",
                        "Voeg de nieuwe gemeente toe aan het register (code, name, province), of verbeter de code.",
                    )
            if len(set(merged.successors)) < len(merged.successors):
                self.add(
                    item.doc,
                    loc,
                    f"bij gemeente {municipality.name} staat dezelfde code twee keer onder 'into'",
                    "Noem elke gemeente waarin ze opging één keer.",
                )
            year_loc: Loc = ("municipalities", index, "merged", "year")
            if merged.year > self.today.year:
                self.add(
                    item.doc,
                    year_loc,
                    f"samenvoeging van {municipality.name} in {merged.year} ligt in de toekomst",
                    "Zet een gemeente pas in 'merged' als de samenvoeging is ingegaan (op 1 januari van dat jaar).",
                )
            elif as_of is not None and merged.year > as_of:
                self.add(
                    item.doc,
                    year_loc,
                    f"samenvoeging van {municipality.name} in {merged.year} valt na de datum van het register "
                    f"('as_of: {register.as_of}')",
                    f"Zet 'as_of' op de datum waarop het register nu klopt, bijvoorbeeld {merged.year}-01-01, en "
                    "controleer dan ook de andere gemeenten van dat jaar.",
                )

    # references shared by several kinds
    def common(self, doc: YamlFile, record: Any) -> None:
        for index, ref in enumerate(getattr(record, "sources", ())):
            self.ref(
                doc,
                ("sources", index, "source"),
                ref.source,
                self.ids["source"],
                "bron",
                "Bronnen staan in content/sources/; voeg de bron daar toe als hij ontbreekt.",
            )
            if ref.supports and not isinstance(record, Example):
                self.add(
                    doc,
                    ("sources", index, "supports"),
                    "'supports' hoort alleen bij praktijkvoorbeelden",
                    "Haal 'supports:' hier weg; zet in 'note:' waar in de bron het staat.",
                    key=True,
                )
        for index, tag in enumerate(getattr(record, "tags", ())):
            self.ref(
                doc,
                ("tags", index),
                tag,
                self.tags,
                "trefwoord",
                "Gebruik een trefwoord uit content/tags.yaml, of voeg het daar toe met een omschrijving.",
            )

    def principle_refs(self, doc: YamlFile, field: str, ids: list[str]) -> None:
        for index, pid in enumerate(ids):
            self.ref(
                doc, (field, index), pid, self.ids["principle"], "principe", "Principes staan in content/principles/."
            )

    def check_principle(self, doc: YamlFile, record: Any) -> None:
        self.common(doc, record)
        for index, other in enumerate(record.related):
            if other == record.id:
                self.add(
                    doc, ("related", index), "een principe kan niet aan zichzelf verwant zijn", "Haal deze regel weg."
                )
            else:
                self.ref(
                    doc,
                    ("related", index),
                    other,
                    self.ids["principle"],
                    "principe",
                    "Principes staan in content/principles/.",
                )

    def check_case(self, doc: YamlFile, record: Any) -> None:
        self.common(doc, record)
        self.principle_refs(doc, "principles", list(record.principles))

    def check_example(self, doc: YamlFile, record: Any) -> None:
        self.common(doc, record)
        for index, use in enumerate(record.principles):
            self.ref(
                doc,
                ("principles", index, "id"),
                use.id,
                self.ids["principle"],
                "principe",
                "Principes staan in content/principles/.",
            )
        codes = [
            (("municipality",), record.municipality),
            *((("other_municipalities", index), code) for index, code in enumerate(record.other_municipalities)),
        ]
        for index, code in enumerate(record.other_municipalities):
            if code == record.municipality or code in record.other_municipalities[:index]:
                self.add(doc, ("other_municipalities", index), f"gemeente {code} staat er al", "Haal deze regel weg.")
        for loc, code in codes:
            if code in self.municipalities:
                self.former_municipality(doc, loc, record, self.municipalities[code])
                continue
            if ("municipalities", "") in self.broken:
                continue
            self.add(
                doc,
                loc,
                f"gemeentecode {code} staat niet in het register",
                "Zoek de CBS-code van de gemeente op en voeg de gemeente toe aan content/municipalities.yaml "
                "(code, name, province), of kies met 'wijkkit new voorbeeld --gemeente NAAM' de juiste code. "
                "Uitleg: CONTRIBUTING.md, 'Een gemeente toevoegen aan het register'.",
            )
        self.example_sources(doc, record)
        year = self.today.year
        for loc, value, what in (
            (("period", "start"), record.period.start if record.period else None, "beginjaar"),
            (("as_of",), record.as_of, "'stand van'"),
        ):
            if value is not None and value > year:
                self.add(
                    doc,
                    loc,
                    f"{what} {value} ligt in de toekomst",
                    f"Schrijf het jaar waarin het echt begon, uiterlijk {year}. Begint de aanpak pas later? Laat "
                    "het jaar dan weg en vertel over de plannen in 'approach'.",
                )
        if record.period and record.period.end is not None and record.period.end < record.period.start:
            self.add(
                doc,
                ("period", "end"),
                f"einde ({record.period.end}) ligt voor het begin ({record.period.start})",
                "Verwissel de jaren of laat 'end' leeg als de aanpak nog loopt.",
            )
        if record.last_reviewed > self.today:
            self.add(
                doc,
                ("last_reviewed",),
                f"datum {record.last_reviewed.isoformat()} ligt in de toekomst",
                f"Vul de datum in waarop je het voorbeeld controleerde, uiterlijk vandaag ({self.today.isoformat()}).",
            )

    def former_municipality(self, doc: YamlFile, loc: Loc, record: Example, municipality: Any) -> None:
        """An example filed under a municipality that merged away must say it is about the time before the merger.

        An error, not advice: an example about today filed under a former municipality sits on the wrong page, with
        no one left to ask. An example about a former approach names the year it describes ('as_of', or a 'period'
        that ended) before the merger, and then the old municipality is right and nothing is said.
        """
        merged = municipality.merged
        if merged is None:
            return
        ended = record.period.end if record.period else None
        if (record.as_of is not None and record.as_of < merged.year) or (ended is not None and ended < merged.year):
            return
        into = [self.municipalities[code] for code in merged.successors if code in self.municipalities]
        names = " en ".join(f"{m.name} ({m.code})" for m in into) or ", ".join(merged.successors)
        now = " of ".join(m.code for m in into) or ", ".join(merged.successors)
        self.add(
            doc,
            loc,
            f"gemeente {municipality.name} ({municipality.code}) bestaat niet meer: ze is opgegaan in "
            f"{names} sinds {merged.year}",
            f"Gaat het voorbeeld over nu? Zet dan de code van de gemeente van nu: {now}. Gaat het over de tijd "
            f"vóór {merged.year}? Zet dan bij 'as_of' het jaar dat het voorbeeld beschrijft (vóór {merged.year}); "
            "dan mag de oude gemeente blijven staan.",
        )

    def example_sources(self, doc: YamlFile, record: Example) -> None:
        """No example rests on weak sources only, and every fact it states is backed by a source it names."""
        sources = [self.ids["source"].get(ref.source) for ref in record.sources]
        known = [s for s in sources if s is not None]
        if known and len(known) == len(sources) and all(s.kind in WEAK_SOURCE_KINDS or not s.date for s in known):
            self.add(
                doc,
                ("sources",),
                "dit voorbeeld steunt alleen op zwakke bronnen (een opinie, blog of bron zonder datum)",
                "Een opinie of blog zegt wat iemand vindt, niet wat een gemeente deed. Voeg een sterkere bron toe: "
                "een onderzoek, evaluatie, beleidsdocument, jaarverslag of nieuwsbericht.",
                key=True,
            )
        facts = marked(Example, "fact")
        covered: set[str] = set()
        for index, ref in enumerate(record.sources):
            for sindex, name in enumerate(ref.supports):
                if name not in facts:
                    self.add(
                        doc,
                        ("sources", index, "supports", sindex),
                        f"'{name}' is geen veld met een feit",
                        _did_you_mean(name, list(facts)) + "Kies uit: " + ", ".join(facts) + ".",
                    )
                covered.add(name)
        if len(record.sources) == 1 and not record.sources[0].supports:
            return  # one source backs everything
        for name in facts:
            value = getattr(record, name)
            if value and value != "onbekend" and name not in covered:
                label = Example.model_fields[name].title
                self.add(
                    doc,
                    (name,),
                    f"geen bron onderbouwt '{label}' ({name})",
                    f"Zet '{name}' bij 'supports:' van de bron waar het in staat, of haal het veld weg als geen bron "
                    "het zegt.",
                    key=True,
                )

    def check_source(self, doc: YamlFile, record: Any) -> None:
        if not record.url and not record.obtain:
            self.add(
                doc,
                ("id",),
                "de bron heeft geen webadres en zegt niet waar je hem kunt krijgen",
                "Zet het adres onder 'url:', of schrijf onder 'obtain:' waar lezers de publicatie kunnen vinden, "
                "bijvoorbeeld 'op te vragen bij de gemeente'.",
                key=True,
            )
        for index, host in enumerate(record.reported_in):
            if host == record.id:
                self.add(
                    doc, ("reported_in", index), "een bron kan niet over zichzelf berichten", "Haal deze regel weg."
                )
            else:
                self.ref(
                    doc, ("reported_in", index), host, self.ids["source"], "bron", "Bronnen staan in content/sources/."
                )
        if record.date and record.date > self.today.isoformat():
            self.add(doc, ("date",), f"publicatiedatum {record.date} ligt in de toekomst", "Controleer de datum.")

    def check_werkvorm(self, doc: YamlFile, record: Any) -> None:
        self.range(doc, ("group_size",), record.group_size, "groepsgrootte")
        self.range(doc, ("minutes",), record.minutes, "duur")
        total = sum(step.minutes for step in record.steps)
        if not record.minutes.min <= total <= record.minutes.max:
            self.add(
                doc,
                ("steps",),
                f"de stappen duren samen {total} minuten, de werkvorm {record.minutes.min}–{record.minutes.max}",
                "Pas de minuten van de stappen of de duur (minutes) aan zodat ze kloppen.",
            )

    def range(self, doc: YamlFile, loc: Loc, value: Any, what: str) -> None:
        if value.min > value.max:
            self.add(
                doc,
                loc + ("min",),
                f"{what}: min ({value.min}) is groter dan max ({value.max})",
                "Verwissel de twee getallen.",
            )

    def check_kit(self, doc: YamlFile, record: Kit) -> None:
        if record.id in urls.RESERVED_KIT_IDS:
            self.add(
                doc,
                ("id",),
                f"id '{record.id}' is de naam van een pagina van de site zelf",
                f"De pagina workshopkits/{record.id}/ is al van Wijkkit. Kies een andere id en bestandsnaam, "
                f"bijvoorbeeld '{record.id}-1'.",
            )
        self.range(doc, ("participants",), record.participants, "aantal deelnemers")
        self.kit_times(doc, record)
        self.kit_principles(doc, record)
        documents = set(record.documents)
        for bindex, block in enumerate(record.blocks):
            for index, cid in enumerate(block.cases):
                self.ref(
                    doc,
                    ("blocks", bindex, "cases", index),
                    cid,
                    self.ids["case"],
                    "casus",
                    "Casussen staan in content/cases/.",
                )
            werkvorm = self.ids["werkvorm"].get(block.werkvorm) if block.werkvorm else None
            if block.werkvorm is not None and werkvorm is None:
                self.ref(
                    doc,
                    ("blocks", bindex, "werkvorm"),
                    block.werkvorm,
                    self.ids["werkvorm"],
                    "werkvorm",
                    "Werkvormen staan in content/werkvormen/.",
                )
            elif werkvorm is not None and not werkvorm.minutes.min <= block.minutes <= werkvorm.minutes.max:
                self.add(
                    doc,
                    ("blocks", bindex, "minutes"),
                    f"blok '{block.title}' duurt {block.minutes} minuten, werkvorm '{werkvorm.id}' "
                    f"{werkvorm.minutes.min}–{werkvorm.minutes.max}",
                    "Kies een duur binnen die van de werkvorm of een andere werkvorm.",
                )
            if werkvorm is not None:
                steps: int | None = len(werkvorm.steps)
            else:  # an unknown werkvorm is reported above: its steps are not judged
                steps = None if block.werkvorm else 0
            texts = (("guide", block.guide, "de aanwijzingen"), ("cue", block.cue or "", "de regie"))
            for field, text, where in texts:
                for problem in schedule.offset_problems(text, block.minutes, steps):
                    self.add(
                        doc,
                        ("blocks", bindex, field),
                        f"blok '{block.title}': {problem} in {where}",
                        "Schrijf tijden als {+10} (tien minuten na het begin van het blok), {stap 2} (het "
                        "begin van stap 2 van de werkvorm) of {einde} (het einde van het blok): Wijkkit maakt er de "
                        "kloktijd van, ook als het "
                        "programma verschuift. Een duur ('na vier minuten') klopt niet meer als een blok korter "
                        "wordt.",
                    )
        for index, material in enumerate(record.materials):
            if material.per == "groep" and material.group_size is None:
                self.add(
                    doc,
                    ("materials", index),
                    f"materiaal '{material.item}' is per groep, maar de groepsgrootte ontbreekt",
                    "Voeg 'group_size:' toe, bijvoorbeeld group_size: 3.",
                )
            if material.document is not None and material.document not in documents:
                self.add(
                    doc,
                    ("materials", index, "document"),
                    f"materiaal '{material.item}' is het document '{material.document}', maar dat zit niet in de kit",
                    "Zet het document bij 'documents:', of haal 'document:' weg.",
                )
        if "casuskaarten" in documents and not any(b.cases for b in record.blocks):
            self.add(
                doc,
                ("documents",),
                "de kit heeft casuskaarten maar geen blok met casussen",
                "Zet casussen onder 'cases:' bij het blok dat ze bespreekt, of haal 'casuskaarten' uit de documenten.",
            )
        if record.card_questions and "principekaarten" not in documents:
            self.add(
                doc,
                ("card_questions",),
                "de kit heeft vragen voor principekaarten maar geen principekaarten",
                "Zet 'principekaarten' bij 'documents:', of haal 'card_questions' weg.",
            )

    def kit_times(self, doc: YamlFile, record: Kit) -> None:
        """The blocks fill start to end exactly: a changed start or block length that moves the end is reported."""
        total = sum(block.minutes for block in record.blocks)
        session = schedule.session_minutes(record)
        if total == session:
            return
        ends = schedule.blocks_end(record)
        change = f"{total - session} minuten korter" if total > session else f"{session - total} minuten langer"
        self.add(
            doc,
            ("end",),
            f"de blokken duren samen {total} minuten, maar van {record.start} tot {record.end} is {session} "
            f"minuten: de sessie zou om {ends} eindigen",
            f"Maak de blokken samen {change}, of zet 'end: \"{ends}\"' als de sessie later mag eindigen.",
        )

    def kit_principles(self, doc: YamlFile, record: Kit) -> None:
        selection = record.principles
        if isinstance(selection, PrincipleSelection):
            for index, tag in enumerate(selection.tags):
                self.ref(
                    doc,
                    ("principles", "tags", index),
                    tag,
                    self.tags,
                    "trefwoord",
                    "Trefwoorden staan in content/tags.yaml.",
                )
            return
        if not isinstance(selection, list):
            return
        known = sorted(self.ids["principle"].values(), key=lambda p: p.number)
        by_number = {p.number: p for p in known}
        seen: dict[str, int] = {}
        for index, key in enumerate(selection):
            principle = by_number.get(key) if isinstance(key, int) else self.ids["principle"].get(key)
            if principle is None:
                if isinstance(key, str) and ("principle", key) in self.broken:
                    continue
                what = f"kaartnummer {key}" if isinstance(key, int) else f"'{key}'"
                guess = _did_you_mean(key, list(self.ids["principle"])) if isinstance(key, str) else ""
                valid = ", ".join(f"{p.number} {p.id}" for p in known)
                self.add(
                    doc,
                    ("principles", index),
                    f"principe {what} bestaat niet",
                    f"{guess}Kies een id of het nummer op de kaart: {valid}.",
                )
            elif principle.id in seen:
                self.add(
                    doc,
                    ("principles", index),
                    f"principe {key} staat er al in de lijst ({principle.number} {principle.id})",
                    "Haal deze regel weg.",
                )
            else:
                seen[principle.id] = index


# ---------------------------------------------------------------------------------------------------------------


def kind_of(path: str) -> Kind | None:
    """Which kind of record a file holds, from where it stands."""
    parent = path.rpartition("/")[0]
    for kind in KINDS:
        if kind.file == path or (kind.folder and kind.folder == parent):
            return kind
    return None


def _place_hint() -> str:
    places = [f"{k.folder}/" for k in KINDS if k.folder] + [k.file for k in KINDS if k.file]
    return "Records staan in " + ", ".join(places) + "."


def _broken_key(path: str) -> tuple[str, str] | None:
    kind = kind_of(path)
    if kind is None:
        return None
    return kind.name, "" if kind.file else PurePosixPath(path).stem


def _check_file(
    doc: YamlFile, known: Known | None, policy: markup.Policy, *, text_problems: list[Problem] | None = None
) -> tuple[Kind | None, Record | None, list[Problem]]:
    """Round 1 and 2 for one file: the schema, then its text. Needs nothing from other files but `known`.
    `text_problems`: round 2's result when it was already found (see `check_text_alone`)."""
    kind = kind_of(doc.path)
    if kind is None:
        message = "dit bestand staat op een plek waar Wijkkit geen records verwacht"
        return None, None, [Problem(doc.path, 1, 1, message, _place_hint())]
    record, problems = _check_schema(doc, kind, known)
    if text_problems is None:
        text_problems = [*_check_text(doc, kind, policy), *_check_filled(doc, kind, known)]
    return kind, record, [*problems, *text_problems]


def check_text_alone(doc: YamlFile, policy: markup.Policy = markup.DEFAULT_POLICY) -> bool:
    """Round 2 for one file without what other files say, in the process that loaded it (generator/load.py
    `load_and_check`): True when the text has nothing worth a message. Only that answer travels back; a file with
    something to say is checked again by `validate`, with `Known`, so its messages can name municipalities."""
    kind = kind_of(doc.path)
    return kind is not None and not _check_text(doc, kind, policy) and not _check_filled(doc, kind, None)


def validate(
    documents: list[YamlFile],
    pages: list[PageText] = (),
    *,
    today: dt.date | None = None,
    unreadable: list[str] = (),
    policy: markup.Policy = markup.DEFAULT_POLICY,
    prechecked: Mapping[str, bool] | None = None,
) -> tuple[Catalog | None, list[Problem]]:
    """All documents and pages → a Catalog when nothing is wrong, else all problems, sorted.

    `unreadable` names files that could not be loaded; references to their records are not reported again.
    `prechecked`: per file, whether `check_text_alone` found its text clean while loading it.
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    checked: list[Checked] = []
    broken = {key for key in map(_broken_key, unreadable) if key}
    known = Known.of(documents)
    prechecked = prechecked or {}
    for doc in documents:
        clean = prechecked.get(doc.path, False)  # its text was checked where it was loaded, with nothing to say
        kind, record, file_problems = _check_file(doc, known, policy, text_problems=[] if clean else None)
        problems.extend(file_problems)
        if kind is None:
            continue
        if record is not None:
            checked.append(Checked(kind, doc, record))
        else:
            broken.add(_broken_key(doc.path))
    for page in pages:
        problems.extend(_check_page(page, policy))
    taken = frozenset(doc.path for doc in documents) | frozenset(unreadable)
    problems.extend(_Crosscheck(checked, today, broken, taken).run())
    if unreadable or any(p.is_error for p in problems):
        return None, sort_problems(problems)  # a catalog is whole or absent, never built from part of the content
    records: dict[str, list[Any]] = {}
    files: dict[tuple[str, str], str] = {}
    marks: dict[tuple[str, str], YamlFile] = {}
    for item in checked:
        if item.kind.name == "municipalities":
            records.setdefault("municipalities", []).extend(item.record.municipalities)
            files.update({("municipalities", m.code): item.doc.path for m in item.record.municipalities})
        elif item.kind.name == "tags":
            records.setdefault("tags", []).extend(item.record.tags)
            files.update({("tags", t.id): item.doc.path for t in item.record.tags})
        elif item.kind.name == "synonyms":
            records.setdefault("synonyms", []).extend(item.record.synonyms)
        else:
            records.setdefault(item.kind.name, []).append(item.record)
            files[(item.kind.name, item.record.id)] = item.doc.path
            marks[(item.kind.name, item.record.id)] = item.doc
    catalog_pages = [Page(PurePosixPath(p.path).stem, p.path, p.text) for p in pages]
    return assemble(records, catalog_pages, files, marks), sort_problems(problems)  # warnings only
