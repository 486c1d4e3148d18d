"""What `wijkkit new` tells a contributor, in plain Dutch: what happened, and what to do next."""

from __future__ import annotations

from ..model import Municipality
from .municipalities import REGISTER, display

CBS_LIST = "https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar"


def need_municipality() -> str:
    return ("wijkkit new voorbeeld: geef de gemeente op.\n"
            "    hint: Bijvoorbeeld: wijkkit new voorbeeld --gemeente Zwolle --titel \"Buurtteams in Zwolle\"")


def need_title(what: str) -> str:
    return (f"wijkkit new {what}: geef een titel op; de bestandsnaam wordt ervan gemaakt.\n"
            f"    hint: Bijvoorbeeld: wijkkit new {what} --titel \"{_example_title(what)}\"")


def _example_title(what: str) -> str:
    examples = {"principe": "Begin bij wat er al is", "casus": "Het buurthuis", "bron": "Wijkteams in de praktijk"}
    return examples.get(what, "Titel")


def municipality_not_for(what: str) -> str:
    return (f"wijkkit new {what}: --gemeente hoort alleen bij een voorbeeld.\n"
            f"    hint: Laat --gemeente weg, of maak een voorbeeld met: wijkkit new voorbeeld --gemeente NAAM")


def register_broken() -> str:
    return (f"{REGISTER}: het gemeenteregister kan niet gelezen worden.\n"
            "    hint: Draai 'wijkkit check'; die zegt op welke regel het misgaat.")


def _arg(text: str) -> str:
    """A command-line argument as a contributor would type it: in double quotes when it has spaces or quotes."""
    return f'"{text}"' if not text or any(c in text for c in " '\"&;|<>()$`\\") else text


def unknown_municipality(query: str, suggestions: tuple[Municipality, ...], code: str | None,
                         title: str | None = None) -> str:
    if code:
        head = f"gemeente met code {code} staat niet in het register ({REGISTER})."
    else:
        head = f"gemeente '{query}' staat niet in het register ({REGISTER})."
    typed = "NAAM" if suggestions else _arg(query)  # after a near miss, the typed name is likely misspelled
    with_title = f" --titel {_arg(title)}" if title else ""
    again = f"wijkkit new voorbeeld --gemeente {typed}{with_title}"
    lines = [f"wijkkit new voorbeeld: {head}"]
    if suggestions:
        lines.append("    Bedoel je: " + "; ".join(display(m) for m in suggestions) + "?")
        first = suggestions[0]
        lines.append(f"    Probeer dan: wijkkit new voorbeeld --gemeente {first.code}{with_title}")
        lines.append("    hint: Staat je gemeente er echt niet in? Zo voeg je haar toe:")
    else:
        lines.append("    Het register heeft nog niet alle gemeenten van Nederland, alleen die waar Wijkkit al iets over")
        lines.append("    weet. Je voegt je gemeente zelf toe, in dezelfde pull request als je voorbeeld.")
        lines.append("    hint: Zo voeg je haar toe:")
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
    return (f"{path}: dit bestand bestaat al; wijkkit new overschrijft nooit een bestaand bestand.\n"
            "    hint: Open het bestand om het aan te vullen, of kies een andere titel met --titel.")


def bad_title(what: str, title: str) -> str:
    return (f"wijkkit new {what}: van de titel '{title}' kan geen bestandsnaam gemaakt worden.\n"
            "    hint: Gebruik een titel met letters of cijfers.")


def created(path: str, url: str) -> str:
    return "\n".join([
        f"Gemaakt: {path}",
        "",
        "Zo ga je verder:",
        f"  1. Open {path}",
        "     en vul de velden in waar VERPLICHT bij staat. Bij elk veld staat uitleg; meer staat in CONTRIBUTING.md.",
        "  2. Controleer je werk:  wijkkit check",
        "     Zolang er iets ontbreekt of niet klopt, noemt wijkkit check de regel en wat je moet doen.",
        f"  3. Bekijk het resultaat: wijkkit serve  en open http://127.0.0.1:8000/{url}",
        "  4. Stuur je bijdrage in met een pull request (zie CONTRIBUTING.md).",
    ])
