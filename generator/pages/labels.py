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

# What a status means, for the legend above the examples table and on an example's page.
STATUS_EXPLAINED = {
    "verkenning": "de gemeente onderzoekt of en hoe ze de aanpak wil invoeren",
    "pilot": "de aanpak loopt als proef, in een deel van de gemeente of voor een beperkte tijd",
    "definitief": "de aanpak is een vast onderdeel van het werk van de gemeente",
    "gestopt": "de gemeente is met de aanpak gestopt",
    "onbekend": "de bronnen zeggen niet hoe ver de aanpak is",
}

EVIDENCE = {
    "anekdotisch": "Anekdotisch",
    "beschreven": "Beschreven",
    "geevalueerd": "Geëvalueerd",
}

EVIDENCE_EXPLAINED = {
    "anekdotisch": "het voorbeeld wordt kort vermeld, bijvoorbeeld in een verslag of nieuwsbericht",
    "beschreven": "het voorbeeld is uitgebreid beschreven, bijvoorbeeld in een nota of rapport",
    "geevalueerd": "de aanpak is onderzocht of geëvalueerd",
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
    "municipality": "Gemeente",
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

# The buckets of the 'Aantal teams' filter: (lowest, highest or None, label).
TEAM_BUCKETS = (
    (1, 1, "1 team"),
    (2, 5, "2 tot 5 teams"),
    (6, 10, "6 tot 10 teams"),
    (11, None, "meer dan 10 teams"),
)

UNKNOWN = "onbekend"
