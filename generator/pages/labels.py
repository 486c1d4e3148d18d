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
    "onderzoek": "Onderzoek",
    "evaluatie": "Evaluatie",
    "beleidsdocument": "Beleidsdocument",
    "jaarverslag": "Jaarverslag",
    "rapport": "Rapport",
    "artikel": "Artikel",
    "nieuws": "Nieuwsbericht",
    "verslag": "Verslag",
    "essay": "Essay",
    "aankondiging": "Aankondiging",
    "opinie": "Opiniestuk",
    "blog": "Blog",
}

AREA = {
    "wijk": "Wijk",
    "kern": "Kern (dorp)",
    "gebied": "Gebied (meer wijken of dorpen)",
    "hele-gemeente": "Hele gemeente",
}

LEAD = {
    "gemeente": "Gemeente",
    "welzijnsorganisatie": "Welzijnsorganisatie",
    "zorgorganisatie": "Zorgorganisatie",
    "cooperatie-of-stichting": "Coöperatie of stichting",
    "combinatie": "Combinatie van organisaties",
}

ACCESS = {
    "voordeur": "Eén voordeur (loket, telefoon of website)",
    "inloop": "Inloop in de wijk",
    "huisarts": "Via de huisarts",
    "school": "Via school of kinderopvang",
    "partners": "Verwezen door andere organisaties",
    "outreachend": "Het team gaat zelf op mensen af",
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

# Every enumeration in the model whose values a reader sees, with its Dutch labels (a test checks the coverage).
BY_ENUM = {
    "Status": STATUS,
    "Setting": SETTING,
    "Evidence": EVIDENCE,
    "SourceKind": SOURCE_KIND,
    "Area": AREA,
    "Lead": LEAD,
    "Access": ACCESS,
    "Per": PER,
}

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def partial_date(value: str | None) -> str:
    """'2014-01-16' → '16 januari 2014', '2014-01' → 'januari 2014', '2014' → '2014'; no date → 'zonder datum'."""
    if not value:
        return "zonder datum"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value
