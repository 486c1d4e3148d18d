"""What `wijkkit new` tells a contributor, in plain Dutch: what happened, and what to do next."""

from __future__ import annotations

import re

from ..dutch import partial_date
from ..model import Municipality
from ..problems import HINT
from .municipalities import REGISTER, display

CBS_LIST = "https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar"


def need_municipality() -> str:
    return (
        "wijkkit new voorbeeld: geef de gemeente op.\n"
        f'{HINT}Bijvoorbeeld: wijkkit new voorbeeld --gemeente Zwolle --titel "Buurtteams in Zwolle"'
    )


def need_title(what: str) -> str:
    return (
        f"wijkkit new {what}: geef een titel op; de bestandsnaam wordt ervan gemaakt.\n"
        f'{HINT}Bijvoorbeeld: wijkkit new {what} --titel "{_example_title(what)}"'
    )


def _example_title(what: str) -> str:
    examples = {"principe": "Begin bij wat er al is", "casus": "Het buurthuis", "bron": "Wijkteams in de praktijk"}
    return examples.get(what, "Titel")


def municipality_not_for(what: str) -> str:
    return (
        f"wijkkit new {what}: --gemeente hoort alleen bij een voorbeeld.\n"
        f"{HINT}Laat --gemeente weg, of maak een voorbeeld met: wijkkit new voorbeeld --gemeente NAAM"
    )


def register_broken() -> str:
    return (
        f"{REGISTER}: het gemeenteregister kan niet gelezen worden.\n"
        f"{HINT}Draai 'wijkkit check'; die zegt op welke regel het misgaat."
    )


def _arg(text: str) -> str:
    """A command-line argument as a contributor would type it: in double quotes when it has spaces or quotes."""
    return f'"{text}"' if not text or any(c in text for c in " '\"&;|<>()$`\\") else text


def _names(municipalities: tuple[Municipality, ...]) -> str:
    """'A (GM0001)', 'A (GM0001) en B (GM0002)', 'A (GM0001), B (GM0002) en C (GM0003)'."""
    shown = [f"{m.name} ({m.code})" for m in municipalities]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " en " + shown[-1]


def _again(code: str, title: str | None) -> str:
    with_title = f" --titel {_arg(title)}" if title else ""
    return f"wijkkit new voorbeeld --gemeente {code}{with_title}"


def ambiguous_municipality(query: str, matches: tuple[Municipality, ...], title: str | None = None) -> str:
    """Two municipalities answer to the name ("Bergen"): list each with its province and code, never pick one."""
    name = re.sub(r"^gemeente\s+", "", query.strip(), flags=re.IGNORECASE)
    lines = [f"wijkkit new voorbeeld: er zijn {len(matches)} gemeenten die '{name}' heten. Welke bedoel je?"]
    for municipality in matches:
        lines.append(f"    - {display(municipality, province=True)}:")
        lines.append(f"        {_again(municipality.code, title)}")
    lines.append(f"{HINT}Geef de opdracht nog een keer met de code van jouw gemeente, zoals hierboven.")
    return "\n".join(lines)


def former_municipality(
    municipality: Municipality,
    direct: tuple[Municipality, ...],
    current: tuple[Municipality, ...],
    title: str | None = None,
) -> str:
    """The municipality no longer exists: say since when and in which one(s) it went, and offer those."""
    merged = municipality.merged
    assert merged is not None
    into = _names(direct) if direct else ", ".join(merged.successors)
    split = " (de gemeente is toen verdeeld)" if len(merged.successors) > 1 else ""
    head = (
        f"wijkkit new voorbeeld: gemeente {municipality.name} ({municipality.code}) bestaat niet meer: "
        f"ze is opgegaan in {into} sinds {merged.year}{split}."
    )
    lines = [head]
    if [m.code for m in current] != [m.code for m in direct] and current:
        lines.append(f"    Die gemeente is later zelf opgegaan in {_names(current)}.")
    if len(current) == 1:
        lines.append("    Gaat je voorbeeld over nu? Maak het dan voor de gemeente van nu:")
        lines.append(f"    Probeer dan: {_again(current[0].code, title)}")
    elif current:
        lines.append("    Gaat je voorbeeld over nu? Kies de gemeente waar het nu bij hoort:")
        for successor in current:
            lines.append(f"    - {display(successor)}:  {_again(successor.code, title)}")
    lines.append(
        f"{HINT}Gaat je voorbeeld over de tijd vóór {merged.year}? Maak het dan zoals hierboven, en zet daarna in "
        f"het bestand 'municipality: {municipality.code}' en bij 'as_of' het jaar dat het voorbeeld beschrijft "
        f"(vóór {merged.year})."
    )
    return "\n".join(lines)


def unknown_municipality(
    query: str,
    suggestions: tuple[Municipality, ...],
    code: str | None,
    title: str | None = None,
    *,
    guess: Municipality | None = None,
    as_of: str | None = None,
    former_since: int | None = None,
) -> str:
    if code:
        head = f"gemeente met code {code} staat niet in het register ({REGISTER})."
    else:
        head = f"gemeente '{query}' staat niet in het register ({REGISTER})."
    typed = "NAAM" if suggestions else _arg(query)  # after a near miss, the typed name is likely misspelled
    again = f"wijkkit new voorbeeld --gemeente {typed}" + (f" --titel {_arg(title)}" if title else "")
    lines = [f"wijkkit new voorbeeld: {head}"]
    if suggestions:
        lines.append("    Bedoel je: " + "; ".join(display(m, province=guess is None) for m in suggestions) + "?")
        if guess is not None:
            lines.append(f"    Probeer dan: {_again(guess.code, title)}")
        else:
            lines.append("    Geef de opdracht nog een keer met de naam of de code van jouw gemeente.")
    date = partial_date(as_of) if as_of else None
    when = f" op {date}" if date else ""
    former = f", en de gemeenten die sinds {former_since} zijn opgeheven" if former_since else ""
    lines.append(f"    Het register heeft alle gemeenten van Nederland{when}{former}.")
    lines.append("    Kijk of je de naam goed schreef, of geef de CBS-code, zoals GM0344 of 0344.")
    newer = f", van na {date}" if date else ""
    if suggestions:
        lines.append(
            f"{HINT}Staat je gemeente er echt niet in, omdat ze nieuw is{newer}? Hoe je haar toevoegt staat in "
            "CONTRIBUTING.md, 'Een gemeente toevoegen aan het register'."
        )
        return "\n".join(lines)
    lines.append(f"{HINT}Is je gemeente nieuw{newer}? Zo voeg je haar toe:")
    lines += [
        "      1. Zoek de CBS-gemeentecode op (GM en vier cijfers) in de lijst 'Gemeentelijke indeling' van het CBS:",
        f"         {CBS_LIST}",
        "         Neem de lijst van dit jaar: na een herindeling krijgt een gemeente een nieuwe code.",
        f"      2. Open {REGISTER}. Zet onder de regel met je provincie, zoals '# Overijssel',",
        "         deze drie regels, met het streepje recht onder de streepjes van de andere gemeenten:",
        f"           - code: {code or 'GM0000'}        # de CBS-code",
        "             name: Naam          # de officiële naam",
        "             province: Provincie # bijvoorbeeld Overijssel",
        f"      3. Geef dezelfde opdracht nog een keer: {again}",
        "      Meer uitleg: CONTRIBUTING.md, 'Een gemeente toevoegen aan het register'.",
    ]
    return "\n".join(lines)


def exists(path: str) -> str:
    return (
        f"{path}: dit bestand bestaat al; wijkkit new overschrijft nooit een bestaand bestand.\n"
        f"{HINT}Open het bestand om het aan te vullen, of kies een andere titel met --titel."
    )


def bad_title(what: str, title: str) -> str:
    return (
        f"wijkkit new {what}: van de titel '{title}' kan geen bestandsnaam gemaakt worden.\n"
        f"{HINT}Gebruik een titel met letters of cijfers."
    )


def created(path: str, url: str) -> str:
    return "\n".join(
        [
            f"Gemaakt: {path}",
            "",
            "Zo ga je verder:",
            f"  1. Open {path}",
            (
                "     en vul de velden in waar VERPLICHT bij staat. Bij elk veld staat uitleg; meer staat in "
                "CONTRIBUTING.md."
            ),
            "  2. Controleer je werk:  wijkkit check",
            "     Zolang er iets ontbreekt of niet klopt, noemt wijkkit check de regel en wat je moet doen.",
            f"  3. Bekijk het resultaat: wijkkit serve  en open http://127.0.0.1:8000/{url}",
            "  4. Stuur je bijdrage in met een pull request (zie CONTRIBUTING.md).",
        ]
    )
