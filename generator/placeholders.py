"""The example texts of the `wijkkit new` templates (generator/scaffold/templates/), which a contributor is meant to
replace. `wijkkit check` refuses a record that still holds one: a placeholder must never reach the site.

A test renders every template and fails when a text here no longer appears in one, so the list follows them.
"""

from __future__ import annotations

PLACEHOLDERS: tuple[str, ...] = (
    # example.yaml.j2
    "Wat de gemeente wil bereiken, in een paar zinnen.",
    "Voor wie de aanpak is bedoeld.",
    "Wat er gebeurt, stap voor stap.",
    "Hoe de gemeente dit principe toepast, in één of twee zinnen.",
    "Wat de aanpak heeft opgeleverd, volgens de bron.",
    "Naam van het onderzoeksbureau of de rekenkamer",
    "Wat de evaluatie vond, in één of twee zinnen.",
    "Een les voor andere gemeenten.",
    "https://www.gemeente.nl/pagina-over-de-aanpak",
    # source.yaml.j2
    "Naam van de uitgever of website",
    "Voornaam Achternaam",
    "Waar de publicatie over gaat, in je eigen woorden.",
    "id-van-een-andere-bron",
    # case.yaml.j2
    "Hoe het afliep.",
)
