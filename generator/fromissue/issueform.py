"""The issue form .github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml, written from the questions (and so from the model).

`python -m generator.fromissue.issueform > .github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml` rewrites it; a test fails
when the committed file is not what this module writes.
"""

from __future__ import annotations

from typing import Any

import yaml

from .questions import LABEL_NEW_SOURCE, Question, example_questions, source_questions

FILE = ".github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml"
TEMPLATE = "praktijkvoorbeeld.yml"
LABEL = "praktijkvoorbeeld"
TITLE_PREFIX = "Praktijkvoorbeeld: "

INTRO = """\
Bedankt dat je een voorbeeld deelt! Vul in wat je weet; alleen de vragen met een sterretje zijn verplicht.
Schrijf alleen op wat een bron zegt, in je eigen woorden. Makkelijker gaat het met het formulier op de site
(Bijdragen → Voorbeeld toevoegen): dat vult deze vragen voor je in en controleert ze meteen.

**Let op: dit formulier is openbaar.** Noem geen namen van bewoners en niets waaraan iemand te herkennen
is. Noem medewerkers bij hun rol. Zet er geen telefoonnummers of e-mailadressen in.

Na het versturen maakt Wijkkit er vanzelf een voorstel (pull request) van, of zet in een reactie wat er nog
moet veranderen. Pas dan je issue aan (··· → Edit); de controle draait opnieuw."""

SOURCE_INTRO = f"""\
### {LABEL_NEW_SOURCE}

Staat de publicatie waar je voorbeeld op steunt nog niet bij de bronnen op de site? Beschrijf haar dan hier.
Wijkkit maakt er een bron van en zet haar bij je voorbeeld."""

AGREEMENT_ID = "agreement"
AGREEMENT_LABEL = "Afspraken"
AGREEMENT = (
    "Er staan geen namen van bewoners, telefoonnummers of e-mailadressen in.",
    "Ik geef Wijkkit toestemming dit te publiceren onder CC BY 4.0.",
)
AGREEMENT_TEXT = (
    "CC BY 4.0 betekent dat iedereen de tekst mag delen en bewerken, als Wijkkit en de bijdragers "
    "worden genoemd. Schrijf je namens je gemeente, vraag dan zo nodig na of dat mag."
)


def _element(question: Question) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": question.label, "description": question.description}
    return {
        "type": "textarea" if question.textarea else "input",
        "id": question.id,
        "attributes": attributes,
        "validations": {"required": question.required},
    }


def issue_form() -> dict[str, Any]:
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    body.extend(_element(q) for q in example_questions())
    body.append({"type": "markdown", "attributes": {"value": SOURCE_INTRO}})
    body.extend(_element(q) for q in source_questions())
    body.append(
        {
            "type": "checkboxes",
            "id": AGREEMENT_ID,
            "attributes": {
                "label": AGREEMENT_LABEL,
                "description": AGREEMENT_TEXT,
                "options": [{"label": text, "required": True} for text in AGREEMENT],
            },
        }
    )
    return {
        "name": "Praktijkvoorbeeld voorstellen",
        "description": (
            "Vertel wat jouw gemeente doet, zonder zelf een bestand te maken. Wij maken er een praktijkvoorbeeld van."
        ),
        "title": TITLE_PREFIX,
        "labels": [LABEL],
        "body": body,
    }


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)

HEADER = """\
# Generated from the model by generator/fromissue/issueform.py; do not edit by hand. Rewrite it with:
#   python -m generator.fromissue.issueform > .github/ISSUE_TEMPLATE/praktijkvoorbeeld.yml
# Every answer is typed text (GitHub cannot fill in a dropdown from a link). `wijkkit from-issue` reads the answers
# back by their labels; the form on the site fills them in by their ids.
"""


def issue_form_text() -> str:
    return HEADER + yaml.dump(issue_form(), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


if __name__ == "__main__":
    print(issue_form_text(), end="")
