"""The content schema: one typed class per record kind.

This module is the single source of truth for what a record may contain. The validator checks against it, the
renderers read its instances, `wijkkit schema` exports JSON Schema from it and CONTRIBUTING.md must explain every
field in it (a test enforces that). Every field carries a Dutch description because contributors read them in their
editor.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import Enum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
GM_PATTERN = r"^GM[0-9]{4}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Markdown:
    """Marks a text field as Markdown: checked for raw HTML, unsafe links and images from other hosts."""

    def __repr__(self) -> str:
        return "Markdown()"


class Card:
    """Marks a text field that is printed on a card; `max_chars` is the validator's first, cheap fit check."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars

    def __repr__(self) -> str:
        return f"Card({self.max_chars})"


MARKDOWN = Markdown()

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]  # a model field, such as target_group
Text = Annotated[str, StringConstraints(min_length=1)]
# A title or label is one line: a page title, a table cell and a card heading have no room for a line break.
LINE_PATTERN = r"^[^\r\n]+$"
Line = Annotated[str, StringConstraints(min_length=1, pattern=LINE_PATTERN)]
MarkdownText = Annotated[str, StringConstraints(min_length=1), MARKDOWN]
GmCode = Annotated[str, StringConstraints(pattern=GM_PATTERN)]
ClockTime = Annotated[str, StringConstraints(pattern=TIME_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]


def CardText(max_chars: int) -> Any:
    """A plain-text field printed on a card, at most `max_chars` characters."""
    return Annotated[str, StringConstraints(min_length=1, max_length=max_chars), Card(max_chars)]


def CardLine(max_chars: int) -> Any:
    """A card's title: one line of at most `max_chars` characters."""
    return Annotated[str, StringConstraints(min_length=1, max_length=max_chars, pattern=LINE_PATTERN), Card(max_chars)]


def _partial_date(value: Any) -> Any:
    """Accept 2014, "2014-01" and 2014-01-16 (YAML date) and normalise them to an ISO string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return f"{value:04d}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
PartialDate = Annotated[str, BeforeValidator(_partial_date), StringConstraints(pattern=PARTIAL_DATE_PATTERN)]
Year = Annotated[int, Field(ge=1945, le=2100)]


def mark(*, completeness: bool = False, fact: bool = False, csv: str | None = None) -> dict[str, Any]:
    """Marks on a field, kept in its JSON Schema under 'x-wijkkit' so the browser form reads the same facts.

    completeness: an empty value (or 'onbekend') is a gap the site invites readers to fill;
    fact: a claim about the municipality that a source must support (see SourceRef.supports);
    csv: the column that holds the field in the open-data CSV (generator/export.py reads these, in field order).
    """
    found: dict[str, Any] = {name: True for name, on in (("completeness", completeness), ("fact", fact)) if on}
    if csv:
        found["csv"] = csv
    return {"x-wijkkit": found}


def marks(model: type[BaseModel], field: str) -> dict[str, Any]:
    """The marks set with `mark` on `model.field`, or {}."""
    extra = model.model_fields[field].json_schema_extra
    return dict(extra.get("x-wijkkit", {})) if isinstance(extra, dict) else {}


@functools.cache
def marked(model: type[BaseModel], name: str) -> tuple[str, ...]:
    """The fields of `model` that carry mark `name`, in declaration order."""
    return tuple(field for field in model.model_fields if marks(model, field).get(name))


def _dutch_description(schema: dict[str, Any], model: type) -> None:
    """JSON Schema shows contributors the Dutch `nl` text, not the English docstring."""
    schema["description"] = model.nl


class Record(BaseModel):
    """Base for every record: immutable, unknown fields refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, json_schema_extra=_dutch_description)
    nl: ClassVar[str] = ""


# ---------------------------------------------------------------------------------------------------------------
# Enumerations (allowed values appear in the validator's hints and in the JSON Schema)


class Status(str, Enum):
    verkenning = "verkenning"
    pilot = "pilot"
    definitief = "definitief"
    gestopt = "gestopt"
    onbekend = "onbekend"  # the sources do not say; better than a guess


class Setting(str, Enum):
    stadswijk = "stadswijk"
    dorp = "dorp"
    kleine_kern = "kleine-kern"
    regio = "regio"
    gemeentehuis = "gemeentehuis"
    onbekend = "onbekend"


class Evidence(str, Enum):
    anekdotisch = "anekdotisch"
    beschreven = "beschreven"
    geevalueerd = "geevalueerd"


class SourceKind(str, Enum):
    onderzoek = "onderzoek"
    evaluatie = "evaluatie"
    beleidsdocument = "beleidsdocument"
    jaarverslag = "jaarverslag"
    rapport = "rapport"
    artikel = "artikel"
    nieuws = "nieuws"
    verslag = "verslag"
    essay = "essay"
    aankondiging = "aankondiging"
    opinie = "opinie"
    blog = "blog"


# A source of one of these kinds (or without a date) never stands alone under an example: a blog or an opinion
# piece says what someone thinks, not what a municipality did.
WEAK_SOURCE_KINDS = frozenset({SourceKind.opinie.value, SourceKind.blog.value})


class Area(str, Enum):
    """What one team covers."""

    wijk = "wijk"
    kern = "kern"
    gebied = "gebied"
    hele_gemeente = "hele-gemeente"


class Lead(str, Enum):
    """Who leads the teams."""

    gemeente = "gemeente"
    welzijnsorganisatie = "welzijnsorganisatie"
    zorgorganisatie = "zorgorganisatie"
    cooperatie_of_stichting = "cooperatie-of-stichting"
    combinatie = "combinatie"


class Access(str, Enum):
    """How residents reach the team."""

    voordeur = "voordeur"  # one front door: a desk, a phone number or a website of the municipality
    inloop = "inloop"  # walk-in hours in the neighbourhood
    huisarts = "huisarts"  # referred by the GP
    school = "school"  # through schools and childcare
    partners = "partners"  # referred by other organisations
    outreachend = "outreachend"  # the team goes to people: home visits, signals from the street


class Province(str, Enum):
    groningen = "Groningen"
    friesland = "Fryslân"
    drenthe = "Drenthe"
    overijssel = "Overijssel"
    flevoland = "Flevoland"
    gelderland = "Gelderland"
    utrecht = "Utrecht"
    noord_holland = "Noord-Holland"
    zuid_holland = "Zuid-Holland"
    zeeland = "Zeeland"
    noord_brabant = "Noord-Brabant"
    limburg = "Limburg"


class Document(str, Enum):
    """A kit document; what each one is (file, template, paper) lives in generator/kitfiles.py, keyed by this."""

    draaiboek = "draaiboek"
    programma = "programma"
    principekaarten = "principekaarten"
    casuskaarten = "casuskaarten"
    werkvormkaarten = "werkvormkaarten"
    werkblad = "werkblad"
    evaluatie = "evaluatie"
    presentatie = "presentatie"


class Per(str, Enum):
    deelnemer = "deelnemer"
    groep = "groep"
    sessie = "sessie"


# ---------------------------------------------------------------------------------------------------------------
# Shared parts


class SourceRef(Record):
    """A citation: which source, and where in it."""

    nl: ClassVar[str] = "Een verwijzing naar een bron, met waar in de bron het staat."

    source: Slug = Field(title="Bron", description="Id van de bron (bestandsnaam in content/sources/ zonder .yaml).")
    note: Text | None = Field(
        title="Vindplaats",
        default=None,
        description=(
            "Waar in de bron het staat, bijvoorbeeld 'p. 12', 'tip 3' of 'tweede alinea'. Helpt lezers het terug te "
            "vinden."
        ),
    )
    supports: list[FieldName] = Field(
        title="Onderbouwt",
        default_factory=list,
        description="Alleen bij praktijkvoorbeelden: welke velden deze bron onderbouwt, bijvoorbeeld [period, teams, "
        "lead]. "
        "Heeft een voorbeeld één bron, dan onderbouwt die alles en mag dit veld weg.",
    )


class Range(Record):
    """An inclusive range of whole numbers, such as a group size."""

    nl: ClassVar[str] = "Een bereik van hele getallen: min en max."

    min: int = Field(title="Minimum", ge=1, description="De kleinste waarde van het bereik.")
    max: int = Field(title="Maximum", ge=1, description="De grootste waarde van het bereik; niet kleiner dan min.")


class Evaluation(Record):
    """Whether the approach was evaluated, and by whom."""

    nl: ClassVar[str] = "Of de aanpak is geëvalueerd, en door wie."

    evaluated: bool = Field(
        title="Geëvalueerd",
        description="true als de aanpak is geëvalueerd, false als een bron zegt dat dat niet gebeurde.",
    )
    by: Text | None = Field(
        title="Door",
        default=None,
        description=(
            "Wie evalueerde, bijvoorbeeld een onderzoeksbureau of de rekenkamer (nooit namen van privépersonen)."
        ),
    )
    summary: Text | None = Field(
        title="Uitkomst", default=None, description="Wat de evaluatie vond, in één of twee zinnen."
    )


class Period(Record):
    """When an approach ran, in years."""

    nl: ClassVar[str] = "Looptijd in jaren."

    start: Year = Field(
        json_schema_extra=mark(csv="startjaar"),
        title="Begin",
        description="Jaar waarin de aanpak begon, bijvoorbeeld 2014.",
    )
    end: Year | None = Field(
        json_schema_extra=mark(csv="eindjaar"),
        title="Einde",
        default=None,
        description="Jaar waarin de aanpak stopte; leeg (null) als hij nog loopt.",
    )


# ---------------------------------------------------------------------------------------------------------------
# Record kinds


class Principle(Record):
    """A lesson practitioners keep relearning, written to be discussed and printed on a card."""

    nl: ClassVar[str] = (
        "Een principe: een les die wijkteams steeds opnieuw leren, geschikt voor een gesprek en een kaart."
    )

    id: Slug = Field(title="Id", description="Korte naam in kleine letters met streepjes; gelijk aan de bestandsnaam.")
    number: int = Field(
        title="Nummer", ge=1, le=999, description="Vast nummer op de principekaart; uniek per principe."
    )
    title: CardLine(60) = Field(
        title="Titel", description="Titel van het principe, kort en krachtig (maximaal 60 tekens)."
    )
    summary: CardText(160) = Field(
        title="Samenvatting", description="Eén zin die het principe samenvat; staat op de kaart (maximaal 160 tekens)."
    )
    body: MarkdownText = Field(
        title="Toelichting", description="Waarom het principe ertoe doet, in 2 tot 4 alinea's (Markdown)."
    )
    in_practice: list[CardText(200)] = Field(
        title="In de praktijk",
        min_length=3,
        description="Wat je ziet als het principe wordt toegepast (minstens 3 punten).",
    )
    pitfalls: list[CardText(200)] = Field(
        title="Valkuilen", min_length=2, description="Valkuilen: wat er vaak misgaat (minstens 2)."
    )
    questions: list[CardText(140)] = Field(
        title="Vragen",
        min_length=3,
        max_length=5,
        description=(
            "Gespreksvragen voor de achterkant van de kaart en voor sessies (3 tot 5, elk maximaal 140 tekens)."
        ),
    )
    related: list[Slug] = Field(
        title="Verwante principes", default_factory=list, description="Ids van verwante principes."
    )
    sources: list[SourceRef] = Field(
        title="Bronnen", min_length=1, description="Bronnen waarop het principe steunt (minstens 1)."
    )
    tags: list[Slug] = Field(
        title="Trefwoorden", default_factory=list, description="Trefwoorden uit de lijst in content/tags.yaml."
    )


class Case(Record):
    """An anonymised situation for discussion, built on facts from the sources."""

    nl: ClassVar[str] = "Een geanonimiseerde casus om over te praten, gebaseerd op feiten uit de bronnen."

    id: Slug = Field(title="Id", description="Korte naam in kleine letters met streepjes; gelijk aan de bestandsnaam.")
    title: CardLine(60) = Field(title="Titel", description="Titel van de casus (maximaal 60 tekens).")
    setting: Setting = Field(title="Omgeving", description="Waar de casus speelt.")
    composite: bool = Field(
        title="Samengesteld",
        default=False,
        description=(
            "true als dit een samengestelde casus is: details zijn toegevoegd om hem bruikbaar te maken en zijn geen "
            "feiten."
        ),
    )
    situation: Annotated[str, StringConstraints(min_length=1, max_length=700), MARKDOWN, Card(700)] = Field(
        title="Situatie",
        description=(
            "De situatie, geanonimiseerd, in eenvoudige taal (Markdown, maximaal 700 tekens: staat op de kaart)."
        ),
    )
    dilemma: CardText(280) = Field(
        title="Dilemma", description="Het dilemma waar de groep over praat (maximaal 280 tekens)."
    )
    questions: list[CardText(140)] = Field(
        title="Vragen",
        min_length=3,
        max_length=5,
        description="Vragen voor het gesprek (3 tot 5, elk maximaal 140 tekens).",
    )
    principles: list[Slug] = Field(
        title="Principes", min_length=1, description="Ids van de principes die in deze casus spelen."
    )
    outcome: MarkdownText | None = Field(
        title="Afloop", default=None, description="Hoe het afliep, als de bron dat vertelt (Markdown)."
    )
    sources: list[SourceRef] = Field(
        title="Bronnen", min_length=1, description="Bronnen met de feiten onder de casus (minstens 1)."
    )
    tags: list[Slug] = Field(
        title="Trefwoorden", default_factory=list, description="Trefwoorden uit de lijst in content/tags.yaml."
    )


class PrincipleUse(Record):
    """How a municipal example applies a principle."""

    nl: ClassVar[str] = "Hoe een gemeente een principe toepast."

    id: Slug = Field(title="Principe", description="Id van het principe.")
    how: Text | None = Field(
        title="Hoe", default=None, description="Hoe de gemeente dit principe toepast, in één of twee zinnen."
    )


class Example(Record):
    """What one municipality does: a municipal example, usually added by pull request."""

    nl: ClassVar[str] = "Een praktijkvoorbeeld: wat één gemeente doet."

    id: Slug = Field(
        json_schema_extra=mark(csv="id"),
        title="Id",
        description="Korte naam in kleine letters met streepjes; gelijk aan de bestandsnaam.",
    )
    municipality: GmCode = Field(
        json_schema_extra=mark(csv="cbs_code"),
        title="Gemeente",
        description="CBS-code van de gemeente, GM en vier cijfers (zie content/municipalities.yaml).",
    )
    other_municipalities: list[GmCode] = Field(
        title="Andere gemeenten",
        default_factory=list,
        description="Werken meer gemeenten samen aan deze ene aanpak, zet dan hier hun CBS-codes, zoals [GM0160]: "
        "één voorbeeld voor allemaal, geen kopie per gemeente.",
    )
    title: Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=LINE_PATTERN)] = Field(
        json_schema_extra=mark(csv="titel"), title="Titel", description="Titel van het voorbeeld (maximaal 100 tekens)."
    )
    status: Status = Field(
        json_schema_extra=mark(completeness=True, fact=True, csv="status"),
        title="Status",
        description="Hoe ver de aanpak is; onbekend als de bronnen het niet zeggen.",
    )
    summary: Annotated[str, StringConstraints(min_length=1, max_length=300)] = Field(
        title="Samenvatting", description="Samenvatting in één of twee zinnen (maximaal 300 tekens)."
    )
    as_of: Year | None = Field(
        json_schema_extra=mark(completeness=True, csv="stand_van"),
        title="Stand van",
        default=None,
        description=(
            "Het jaar dat de feiten beschrijven, bijvoorbeeld 2016: zo ziet een lezer dat een feit uit 2016 niet over "
            "vandaag gaat."
        ),
    )
    period: Period | None = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Looptijd",
        default=None,
        description="Looptijd in jaren: start en eventueel einde.",
    )
    teams: int | None = Field(
        json_schema_extra=mark(completeness=True, fact=True, csv="aantal_teams"),
        title="Aantal teams",
        default=None,
        ge=1,
        le=500,
        description="Hoeveel teams er zijn (in het jaar van 'Stand van').",
    )
    area: Area | None = Field(
        json_schema_extra=mark(completeness=True, fact=True, csv="werkgebied"),
        title="Werkgebied",
        default=None,
        description="Wat één team bedient: wijk, kern, gebied of hele-gemeente.",
    )
    lead: Lead | None = Field(
        json_schema_extra=mark(completeness=True, fact=True, csv="wie_leidt"),
        title="Wie leidt",
        default=None,
        description=(
            "Wie de teams aanstuurt: gemeente, welzijnsorganisatie, zorgorganisatie, cooperatie-of-stichting of "
            "combinatie."
        ),
    )
    access: list[Access] = Field(
        json_schema_extra=mark(completeness=True, fact=True, csv="toegang"),
        title="Hoe bewoners binnenkomen",
        default_factory=list,
        description="Hoe bewoners bij het team komen: voordeur (één loket), inloop, huisarts, school, partners "
        "(verwezen door "
        "andere organisaties), outreachend (het team gaat zelf op mensen af).",
    )
    goal: MarkdownText | None = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Doel",
        default=None,
        description="Doel: wat de gemeente wil bereiken.",
    )
    target_group: MarkdownText | None = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Doelgroep",
        default=None,
        description="Doelgroep: voor wie de aanpak is bedoeld.",
    )
    approach: MarkdownText | None = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Aanpak",
        default=None,
        description="Aanpak: wat er gebeurt, stap voor stap (Markdown).",
    )
    team: list[Text] = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Team",
        default_factory=list,
        description="Wie er meedoen, als rollen (nooit namen van personen).",
    )
    working_elements: list[Text] = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Werkzame elementen",
        default_factory=list,
        description="Werkzame elementen: waardoor de aanpak volgens de bron werkt.",
    )
    principles: list[PrincipleUse] = Field(
        json_schema_extra=mark(completeness=True, csv="principes"),
        title="Principes",
        default_factory=list,
        description="Principes die de gemeente toepast, met hoe.",
    )
    results: MarkdownText | None = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Resultaten",
        default=None,
        description="Resultaten, alleen als een bron ze noemt (Markdown).",
    )
    evaluation: Evaluation | None = Field(
        json_schema_extra=mark(completeness=True, fact=True),
        title="Evaluatie",
        default=None,
        description="Of de aanpak is geëvalueerd, door wie en met welke uitkomst.",
    )
    evidence: Evidence = Field(
        json_schema_extra=mark(csv="onderbouwing"),
        title="Onderbouwing",
        description=(
            "Onderbouwing: anekdotisch (een vermelding), beschreven (uitgebreid beschreven) of geevalueerd "
            "(onderzocht)."
        ),
    )
    lessons: list[Text] = Field(
        json_schema_extra=mark(completeness=True),
        title="Lessen",
        default_factory=list,
        description="Lessen voor andere gemeenten.",
    )
    url: Url | None = Field(
        json_schema_extra=mark(completeness=True),
        title="Webadres",
        default=None,
        description="Webpagina van de gemeente over deze aanpak (http of https).",
    )
    sources: list[SourceRef] = Field(
        json_schema_extra=mark(csv="bronnen"),
        title="Bronnen",
        min_length=1,
        description="Bronnen waar het voorbeeld op steunt; minstens één, want elk voorbeeld moet controleerbaar zijn.",
    )
    tags: list[Slug] = Field(
        json_schema_extra=mark(csv="trefwoorden"),
        title="Trefwoorden",
        default_factory=list,
        description="Trefwoorden uit de lijst in content/tags.yaml.",
    )
    last_reviewed: dt.date = Field(
        json_schema_extra=mark(csv="laatst_gecontroleerd"),
        title="Laatst gecontroleerd",
        description="Datum waarop iemand dit voorbeeld voor het laatst controleerde (JJJJ-MM-DD).",
    )

    @property
    def codes(self) -> tuple[str, ...]:
        """Every municipality the example is about, the first one first."""
        return (self.municipality, *self.other_municipalities)


class Source(Record):
    """A publication that records cite."""

    nl: ClassVar[str] = "Een publicatie waar de inhoud op steunt."

    id: Slug = Field(title="Id", description="Korte naam in kleine letters met streepjes; gelijk aan de bestandsnaam.")
    title: Line = Field(title="Titel", description="Titel van de publicatie.")
    authors: list[Text] = Field(
        title="Auteurs",
        default_factory=list,
        description="Namen van de auteurs zoals ze in de publicatie staan (nooit privépersonen).",
    )
    publisher: Text | None = Field(
        title="Uitgever",
        default=None,
        description="Uitgever, tijdschrift, organisatie of website; laat weg als het onbekend is.",
    )
    date: PartialDate | None = Field(
        title="Datum",
        default=None,
        description=(
            "Publicatiedatum: JJJJ, JJJJ-MM of JJJJ-MM-DD. Laat weg als de bron geen datum heeft; zo'n bron staat "
            "nooit alleen."
        ),
    )
    inferred: list[Literal["date", "publisher"]] = Field(
        title="Afgeleid",
        default_factory=list,
        description=(
            "Welke gegevens niet in de bron zelf staan maar zijn afgeleid, bijvoorbeeld [date]. De site zegt het erbij."
        ),
    )
    kind: SourceKind = Field(
        title="Soort",
        description="Wat voor publicatie het is: onderzoek, evaluatie, beleidsdocument, jaarverslag, rapport, "
        "artikel, nieuws, "
        "verslag, essay, aankondiging, opinie of blog.",
    )
    url: Url | None = Field(title="Webadres", default=None, description="Adres van de publicatie (http of https).")
    obtain: Text | None = Field(
        title="Verkrijgbaar",
        default=None,
        description=(
            "Staat de publicatie niet online: waar je hem kunt krijgen, bijvoorbeeld 'op te vragen bij de gemeente'."
        ),
    )
    accessed: dt.date | None = Field(
        title="Geraadpleegd",
        default=None,
        description="Wanneer iemand de webpagina voor het laatst bekeek (JJJJ-MM-DD).",
    )
    summary: MarkdownText | None = Field(
        title="Samenvatting", default=None, description="Waar de bron over gaat, in eigen woorden."
    )
    reported_in: list[Slug] = Field(
        title="Bericht in",
        default_factory=list,
        description="Ids van bronnen waarin over deze publicatie wordt bericht.",
    )


class Merger(Record):
    """What became of a municipality that no longer exists."""

    nl: ClassVar[str] = "Een gemeente die is opgegaan in een andere."

    into: GmCode | Annotated[list[GmCode], Field(min_length=1)] = Field(
        title="Opgegaan in",
        description="CBS-code van de gemeente waarin deze is opgegaan, zoals GM0394. Is de gemeente verdeeld over "
        "meer gemeenten, zet dan al hun codes in een lijst, zoals [GM0080, GM1900, GM1949].",
    )
    year: Year = Field(
        title="Sinds", description="Jaar van de samenvoeging (de nieuwe gemeente bestaat vanaf 1 januari)."
    )

    @property
    def successors(self) -> tuple[str, ...]:
        """The codes the municipality went into: one, or several after a split."""
        return (self.into,) if isinstance(self.into, str) else tuple(self.into)


class Municipality(Record):
    """One entry in the municipality register."""

    nl: ClassVar[str] = "Een gemeente in het register."

    code: GmCode = Field(title="Code", description="CBS-gemeentecode: GM en vier cijfers, bijvoorbeeld GM0344.")
    name: Text = Field(title="Naam", description="Officiële naam van de gemeente.")
    province: Province = Field(title="Provincie", description="De provincie waar de gemeente in ligt.")
    aliases: list[Text] = Field(
        title="Andere namen",
        default_factory=list,
        description="Andere namen waaronder mensen de gemeente kennen, zoals 'Den Haag'.",
    )
    merged: Merger | None = Field(
        title="Opgeheven",
        default=None,
        description="Alleen voor een gemeente die niet meer bestaat: in welke gemeente ze opging en sinds wanneer.",
    )


class MunicipalityRegister(Record):
    """content/municipalities.yaml: the municipalities examples may refer to."""

    nl: ClassVar[str] = "Het gemeenteregister (content/municipalities.yaml)."

    as_of: PartialDate | None = Field(
        title="Stand van",
        default=None,
        description="De datum waarop het register de gemeentelijke indeling beschrijft.",
    )
    sources: list[SourceRef] = Field(
        title="Bronnen", default_factory=list, description="Waar de codes, namen en samenvoegingen vandaan komen."
    )
    municipalities: list[Municipality] = Field(title="Gemeenten", min_length=1, description="Lijst van gemeenten.")


class Tag(Record):
    """One allowed tag."""

    nl: ClassVar[str] = "Een toegestaan trefwoord."

    id: Slug = Field(title="Id", description="Het trefwoord, in kleine letters met streepjes.")
    label: Line = Field(title="Label", description="Het trefwoord zoals lezers het zien.")
    description: Text | None = Field(
        title="Omschrijving", default=None, description="Wanneer je dit trefwoord gebruikt."
    )


class TagRegister(Record):
    """content/tags.yaml: the tags records may use, so the tag index stays tidy."""

    nl: ClassVar[str] = "De lijst van toegestane trefwoorden (content/tags.yaml)."

    tags: list[Tag] = Field(title="Trefwoorden", min_length=1, description="Lijst van toegestane trefwoorden.")


class Step(Record):
    """One step of a werkvorm."""

    nl: ClassVar[str] = "Eén stap van een werkvorm."

    title: Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=LINE_PATTERN)] = Field(
        title="Kort",
        description=(
            "De stap in een paar woorden (maximaal 32 tekens), voor de dia en de regiekaart, zoals 'Drietallen maken'."
        ),
    )
    minutes: int = Field(title="Minuten", ge=1, le=240, description="Hoeveel minuten deze stap duurt.")
    do: Text = Field(title="Wat je doet", description="Wat de begeleider en de deelnemers doen.")


class Werkvorm(Record):
    """An activity format a kit block can use."""

    nl: ClassVar[str] = "Een werkvorm: een manier van werken in een sessie."

    id: Slug = Field(title="Id", description="Korte naam in kleine letters met streepjes; gelijk aan de bestandsnaam.")
    title: Line = Field(title="Titel", description="Naam van de werkvorm.")
    purpose: Text = Field(title="Doel", description="Doel: wat de werkvorm oplevert.")
    group_size: Range = Field(
        title="Groepsgrootte", description="Groepsgrootte: minimaal en maximaal aantal mensen per groep."
    )
    minutes: Range = Field(title="Duur", description="Duur in minuten: kortst en langst.")
    steps: list[Step] = Field(
        title="Stappen", min_length=1, description="Stappen met hun duur; samen passen ze binnen de duur."
    )
    invitation: Text = Field(title="Uitnodigende vraag", description="De uitnodigende vraag die deelnemers krijgen.")
    materials: list[Text] = Field(
        title="Materialen", default_factory=list, description="Wat je nodig hebt, zoals kaarten of pennen."
    )
    space: Text | None = Field(
        title="Ruimte", default=None, description="Wat de ruimte nodig heeft, bijvoorbeeld 'tafels voor drie'."
    )
    tips: list[Text] = Field(title="Tips", default_factory=list, description="Tips voor de begeleider.")


class Material(Record):
    """A material whose quantity is computed from the number of participants."""

    nl: ClassVar[str] = "Materiaal waarvan het aantal wordt berekend uit het aantal deelnemers."

    item: Text = Field(title="Wat", description="Wat, bijvoorbeeld 'set principekaarten'.")
    per: Per = Field(title="Per", description="Per deelnemer, per groep of per sessie.")
    count: int = Field(title="Aantal", default=1, ge=1, description="Hoeveel per deelnemer, groep of sessie.")
    group_size: int | None = Field(
        title="Groepsgrootte",
        default=None,
        ge=2,
        description="Bij 'per: groep': hoeveel mensen in een groep (nodig om groepen te tellen).",
    )
    spare: int = Field(title="Reserve", default=0, ge=0, description="Extra exemplaren voor de zekerheid.")
    document: Document | None = Field(
        title="Document",
        default=None,
        description=(
            "Is dit materiaal een document uit de kit, zoals 'werkblad'? Dan zegt het aantal hoeveel je ervan print."
        ),
    )


class Block(Record):
    """One block of a kit's agenda; clock times are computed, never typed."""

    nl: ClassVar[str] = "Een blok van het programma; kloktijden worden berekend."

    title: Line = Field(title="Titel", description="Titel van het blok, zoals op het programma.")
    minutes: int = Field(title="Minuten", ge=1, le=240, description="Duur in minuten.")
    werkvorm: Slug | None = Field(
        title="Werkvorm", default=None, description="Id van de werkvorm die dit blok gebruikt."
    )
    cases: list[Slug] = Field(
        title="Casussen", default_factory=list, description="Ids van casussen die in dit blok aan bod komen."
    )
    guide: MarkdownText = Field(
        title="Aanwijzingen",
        description="Aanwijzingen voor de begeleider (Markdown). Schrijf een tijd als {+10} (tien minuten na het begin "
        "van dit blok), {stap 2} (het begin van stap 2 van de werkvorm) of {einde} (het einde van het blok); "
        "Wijkkit maakt er een kloktijd van.",
    )
    cue: Annotated[str, StringConstraints(min_length=1, max_length=90)] | None = Field(
        title="Regie",
        default=None,
        description="Wat de begeleider doet, in één korte zin (maximaal 90 tekens), voor de regiekaart. "
        "Zonder cue staat daar de eerste zin van de aanwijzingen.",
    )
    shows_principles: bool = Field(
        title="Toont de principes",
        default=False,
        description=(
            "true als dit blok over de principes gaat: de dia's met de principes komen dan na de dia van dit blok."
        ),
    )
    questions: list[Text] = Field(title="Vragen", default_factory=list, description="Vragen die de begeleider stelt.")
    materials: list[Text] = Field(
        title="Materialen", default_factory=list, description="Wat je voor dit blok klaarlegt."
    )
    for_participants: Text | None = Field(
        title="Voor deelnemers",
        default=None,
        description="Korte omschrijving voor deelnemers op het programma en de dia.",
    )


class PrincipleSelection(Record):
    """Select principles by tag."""

    nl: ClassVar[str] = "Kies principes op trefwoord."

    tags: list[Slug] = Field(
        title="Trefwoorden", min_length=1, description="Alle principes met minstens één van deze trefwoorden."
    )


class Preparation(Record):
    """The facilitator's preparation checklist."""

    nl: ClassVar[str] = "De voorbereiding als checklist."

    week_before: list[Text] = Field(
        title="Een week van tevoren", default_factory=list, description="Een week van tevoren."
    )
    day_before: list[Text] = Field(title="De dag ervoor", default_factory=list, description="De dag ervoor.")
    on_the_day: list[Text] = Field(title="Op de dag zelf", default_factory=list, description="Op de dag zelf.")


class Variants(Record):
    """Ways to run the kit differently."""

    nl: ClassVar[str] = "Andere manieren om de sessie te doen."

    online: MarkdownText | None = Field(title="Online", default=None, description="Zo doe je het online.")
    shorter: MarkdownText | None = Field(title="Korter", default=None, description="Zo doe je het in minder tijd.")


class Kit(Record):
    """A workshop kit: agenda, documents and what they contain."""

    nl: ClassVar[str] = "Een workshopkit: programma, documenten en inhoud."

    id: Slug = Field(title="Id", description="Korte naam in kleine letters met streepjes; gelijk aan de bestandsnaam.")
    title: Line = Field(title="Titel", description="Titel van de sessie.")
    subtitle: Line | None = Field(
        title="Ondertitel", default=None, description="Een ondertitel die zegt wat deelnemers kunnen verwachten."
    )
    goal: MarkdownText = Field(title="Doel", description="Doel van de sessie.")
    audience: Text = Field(title="Voor wie", description="Voor wie de sessie is.")
    plain_language: bool = Field(
        title="Eenvoudige taal",
        default=False,
        description="true als alles in eenvoudige taal moet (bijvoorbeeld voor bewoners).",
    )
    start: ClockTime = Field(
        title="Begintijd",
        description=(
            'Begintijd als UU:MM, bijvoorbeeld "08:00"; de kloktijden van het programma worden hieruit berekend.'
        ),
    )
    end: ClockTime = Field(
        title="Eindtijd",
        description='Eindtijd als UU:MM, bijvoorbeeld "10:00". De blokken vullen de tijd van start tot end precies; '
        "verschuift een wijziging het einde, dan meldt wijkkit check dat.",
    )
    date: dt.date | None = Field(
        title="Datum",
        default=None,
        description="Datum van de sessie (JJJJ-MM-DD), voor het programma, de dia's en de regiekaart.",
    )
    place: Text | None = Field(
        title="Plaats", default=None, description="Waar de sessie is, bijvoorbeeld 'Buurthuis De Linde, Zwolle'."
    )
    organiser: Text | None = Field(
        title="Organisator",
        default=None,
        description=(
            "Wie de sessie organiseert, bijvoorbeeld 'Sociaal wijkteam Noord' (een organisatie, geen privépersoon)."
        ),
    )
    participants: Range = Field(title="Deelnemers", description="Aantal deelnemers: minimaal en maximaal.")
    principles: Literal["all"] | list[Slug | Annotated[int, Field(ge=1, le=999)]] | PrincipleSelection = Field(
        title="Principes",
        default="all",
        description="Welke principes: all, een lijst ids of kaartnummers (zoals [vertrouwen-herstellen, 4]), "
        "of {tags: [...]}. De kaarten komen altijd in de volgorde van hun nummer.",
    )
    card_questions: list[CardText(140)] = Field(
        title="Vragen op de principekaarten",
        default_factory=list,
        max_length=5,
        description="Vragen voor de achterkant van elke principekaart in deze kit, in plaats van de vragen van het "
        "principe "
        "zelf; bijvoorbeeld vragen voor bewoners (hoogstens 5, elk maximaal 140 tekens).",
    )
    blocks: list[Block] = Field(
        title="Blokken",
        min_length=1,
        description=(
            "De blokken van het programma, in volgorde. De casussen van de kit zijn de casussen van de blokken."
        ),
    )
    materials: list[Material] = Field(
        title="Materialen",
        default_factory=list,
        description="Materialen voor de hele sessie; de aantallen worden berekend uit het maximum aantal deelnemers.",
    )
    room: Text | None = Field(title="Ruimte", default=None, description="Inrichting van de ruimte.")
    preparation: Preparation = Field(
        title="Voorbereiding", default_factory=Preparation, description="Voorbereiding, als checklist."
    )
    variants: Variants = Field(title="Varianten", default_factory=Variants, description="Varianten: online en korter.")
    follow_up: list[Text] = Field(title="Na afloop", default_factory=list, description="Wat je na de sessie doet.")
    reflection: list[Text] = Field(
        title="Reflectievragen", default_factory=list, description="Reflectievragen voor het werkblad."
    )
    evaluation: list[Text] = Field(
        title="Evaluatievragen", default_factory=list, description="Vragen voor het evaluatieformulier."
    )
    documents: list[Document] = Field(title="Documenten", min_length=1, description="Welke documenten de kit bevat.")


SearchWord = Annotated[str, StringConstraints(pattern=r"^[a-zäëïöüéèáóúàâêîôûç]+$")]


class SynonymGroup(Record):
    """Words that should find the same pages in the site's search."""

    nl: ClassVar[str] = "Woorden die bij zoeken op de site hetzelfde vinden."

    words: list[SearchWord] = Field(
        title="Woorden",
        min_length=2,
        description="Twee of meer woorden in kleine letters, zonder spaties: wie op één ervan zoekt, vindt ook "
        "pagina's met de andere, bijvoorbeeld [buurtinitiatief, bewonersinitiatief].",
    )
    note: Text | None = Field(
        title="Toelichting",
        default=None,
        description="Waarom deze woorden bij elkaar horen; alleen voor bijdragers, het staat niet op de site.",
    )


class SynonymRegister(Record):
    """content/synonyms.yaml: words a reader may type that the site says differently."""

    nl: ClassVar[str] = "De lijst van zoekwoorden die hetzelfde vinden (content/synonyms.yaml)."

    synonyms: list[SynonymGroup] = Field(
        title="Synoniemen",
        min_length=1,
        description="Groepen woorden die bij zoeken hetzelfde vinden; elk woord staat in één groep.",
    )


# ---------------------------------------------------------------------------------------------------------------
# Where each kind lives


class Kind:
    """How a record kind is stored and named; the loader and validator route files by it."""

    def __init__(self, name: str, model: type[Record], folder: str | None, file: str | None, label: tuple[str, str]):
        self.name = name
        self.model = model
        self.folder = folder  # records, one per file: <folder>/<id>.yaml
        self.file = file  # a single register file
        self.label = label  # Dutch singular, plural

    def __repr__(self) -> str:
        return f"Kind({self.name})"


KINDS: tuple[Kind, ...] = (
    Kind("principle", Principle, "content/principles", None, ("principe", "principes")),
    Kind("case", Case, "content/cases", None, ("casus", "casussen")),
    Kind("example", Example, "content/examples", None, ("praktijkvoorbeeld", "praktijkvoorbeelden")),
    Kind("source", Source, "content/sources", None, ("bron", "bronnen")),
    Kind("werkvorm", Werkvorm, "content/werkvormen", None, ("werkvorm", "werkvormen")),
    Kind("municipalities", MunicipalityRegister, None, "content/municipalities.yaml", ("gemeente", "gemeenten")),
    Kind("tags", TagRegister, None, "content/tags.yaml", ("trefwoord", "trefwoorden")),
    Kind("synonyms", SynonymRegister, None, "content/synonyms.yaml", ("synoniem", "synoniemen")),
    Kind("kit", Kit, "kit", None, ("kit", "kits")),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}

ID_RE = re.compile(SLUG_PATTERN)
