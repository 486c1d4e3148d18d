"""Dutch words for values the model stores as codes: the readers of the site never see a raw enum value."""

from __future__ import annotations

STATUS = {
    "verkenning": "Verkenning",
    "pilot": "Pilot",
    "definitief": "Definitief",
    "gestopt": "Gestopt",
    "onbekend": "Onbekend",
}

SETTING = {
    "stadswijk": "Stadswijk",
    "dorp": "Dorp",
    "kleine-kern": "Kleine kern",
    "regio": "Regio",
    "gemeentehuis": "Gemeentehuis",
    "onbekend": "Plek onbekend",
}

EVIDENCE = {
    "anekdotisch": "Anekdotisch: het voorbeeld wordt kort vermeld",
    "beschreven": "Beschreven: het voorbeeld is uitgebreid beschreven",
    "geevalueerd": "Geëvalueerd: de aanpak is onderzocht",
}

SOURCE_KIND = {
    "artikel": "Artikel",
    "essay": "Essay",
    "opinie": "Opiniestuk",
    "verslag": "Verslag",
    "rapport": "Rapport",
    "aankondiging": "Aankondiging",
}

KIND = {
    "principle": "Principe",
    "case": "Casus",
    "example": "Praktijkvoorbeeld",
    "source": "Bron",
    "werkvorm": "Werkvorm",
    "kit": "Workshopkit",
}

PER = {
    "deelnemer": "per deelnemer",
    "groep": "per groep",
    "sessie": "per sessie",
}

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def partial_date(value: str) -> str:
    """'2014-01-16' → '16 januari 2014', '2014-01' → 'januari 2014', '2014' → '2014'."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value
