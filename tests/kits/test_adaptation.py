"""Issue 13's adaptation, done as a facilitator would: the breakfast kit moved to 08:30–10:00 for 10 people, with
other principles (chosen by card number and by id) and other cases. The kit is built and its PDFs are read back
(pypdf): every clock time, count and list must agree across draaiboek, programme, slides and cards.

The expected values are worked out here from the changed YAML, by hand rules a facilitator would use, not by
calling the schedule code under test.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest
import yaml

from generator.kits.build import build_kit
from generator.project import read_project

from .conftest import SITE_URL

pytestmark = pytest.mark.slow

BLOCKS = {  # title → minutes after the adaptation; 'Kennismaken in tweetallen' is dropped
    "Inloop en ontbijt": 15,
    "Principekaarten": 15,
    "Casussen in drietallen": 25,
    "Oogst in de groep": 10,
    "Mijn volgende stap": 10,
    "Evaluatie": 8,
    "Afsluiting": 7,
}
PRINCIPLES = [9, "vertrouwen-herstellen", 4, 12]  # typed out of order, by number and by id
CASES = ["vage-doelen", "het-trapveldje", "binnen-het-gemeentehuis"]


@pytest.fixture(scope="module")
def adapted(root: Path, tmp_path_factory: pytest.TempPathFactory):
    project = tmp_path_factory.mktemp("adapted")
    for folder in ("content", "kit"):
        shutil.copytree(root / folder, project / folder)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    path = project / "kit" / "ontbijtsessie.yaml"
    kit = yaml.safe_load(path.read_text(encoding="utf-8"))
    kit.update(
        start="08:30",
        end="10:00",
        participants={"min": 10, "max": 10},
        principles=PRINCIPLES,
        date="2026-03-03",
        place="Buurthuis De Linde",
        organiser="Sociaal wijkteam Noord",
    )
    kit["blocks"] = [dict(b, minutes=BLOCKS[b["title"]]) for b in kit["blocks"] if b["title"] in BLOCKS]
    for block in kit["blocks"]:
        if block.get("cases"):
            block["cases"] = CASES
    path.write_text(yaml.safe_dump(kit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = read_project(project)
    assert not result.problems, result.problems
    catalog = result.catalog
    built = build_kit(catalog, catalog.kit_by_id["ontbijtsessie"], site_url=SITE_URL, layouts=("fold",))
    assert not built.problems, built.problems
    out = project / "out"
    built.write(out)
    texts = {
        pdf.stem: [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]
        for pdf in out.glob("*.pdf")
    }
    return catalog, texts


def _agenda() -> list[tuple[str, str, str]]:
    """(start, end, title) by adding the minutes by hand from 08:30."""
    rows, now = [], 8 * 60 + 30
    for title, minutes in BLOCKS.items():
        rows.append(
            (f"{now // 60:02d}:{now % 60:02d}", f"{(now + minutes) // 60:02d}:{(now + minutes) % 60:02d}", title)
        )
        now += minutes
    assert rows[-1][1] == "10:00"
    return rows


def _all(texts: dict[str, list[str]], stem: str) -> str:
    return " ".join(texts[stem])


def test_every_document_shows_the_same_agenda(adapted) -> None:
    _, texts = adapted
    agenda = _agenda()
    programme, draaiboek = _all(texts, "programma"), texts["draaiboek"]
    assert "08:30 – 10:00" in programme and "08:00" not in programme
    for start, end, title in agenda:
        assert f"{start} – {end} {title}" in programme, title
        assert f"{start} – {end} {title}" in draaiboek[0], title  # the run sheet
        assert f"{start} – {end} {title}" in _all(texts, "draaiboek").split("Het draaiboek, blok voor blok")[1], title
    slides = texts["presentatie"]
    agenda_slide = next(page for page in slides if page.startswith("Programma"))
    assert [re.findall(r"\d\d:\d\d", agenda_slide)] == [[start for start, _, _ in agenda]]
    block_slides = [page for page in slides if re.match(r"\d\d:\d\d – \d\d:\d\d · \d+ MINUTEN", page)]
    assert [page.split(" · ")[0] for page in block_slides] == [f"{s} – {e}" for s, e, _ in agenda]
    assert "Kennismaken in tweetallen" not in _all(texts, "draaiboek") + programme + " ".join(slides)


def test_guide_times_and_step_times_follow_the_new_start(adapted) -> None:
    _, texts = adapted
    draaiboek = _all(texts, "draaiboek")
    # 'Open de sessie om {stap 2}': Inloop's steps of 10 + 5 minutes fitted to 15 stay 10 + 5, so 08:40
    assert "Open de sessie om 08:40" in draaiboek
    assert "08:40 5 min Opening." in draaiboek
    assert "zodat je toch om 10:00 stopt" in draaiboek  # '{einde}' of the shortened closing block
    # Casussen 09:00–09:25: steps 3 + 5 + 12 + 5 + 5 = 30 fitted to 25 by hand: 3, 4, 10, 4, 4 (largest remainder)
    for time in ("09:00 3 min", "09:03 4 min", "09:07 10 min", "09:17 4 min", "09:21 4 min"):
        assert time in draaiboek, time
    assert "om 09:17 dat het drietal een principe kiest, en om 09:21 dat iedereen één inzicht opschrijft" in draaiboek


def test_dates_places_and_organisers_are_printed(adapted) -> None:
    _, texts = adapted
    for stem in ("programma", "presentatie", "draaiboek"):
        first = texts[stem][0].lower()  # the slides print it in capitals
        assert "dinsdag 3 maart 2026" in first and "buurthuis de linde" in first, stem
        assert "Sociaal wijkteam Noord" in _all(texts, stem), stem


def test_ten_people_make_three_groups_of_three_three_and_four(adapted) -> None:
    _, texts = adapted
    draaiboek = _all(texts, "draaiboek")
    assert "Deelnemers 10 mensen" in draaiboek and "10 tot 10" not in draaiboek
    assert "3 set principekaarten 3 groepen (3 + 3 + 4)" in draaiboek
    assert "12 naamsticker 10 deelnemers + 2 extra" not in draaiboek  # spare is 4
    assert "14 naamsticker 10 deelnemers + 4 extra" in draaiboek


def test_principles_agree_in_card_number_order_everywhere(adapted) -> None:
    catalog, texts = adapted
    by_id = {p.id: p for p in catalog.principles}
    by_number = {p.number: p for p in catalog.principles}
    chosen = sorted({(by_number[k] if isinstance(k, int) else by_id[k]).number for k in PRINCIPLES})
    titles = [by_number[n].title for n in chosen]
    cards = _all(texts, "principekaarten-vouwen")
    assert [int(n) for n in re.findall(r"\b(\d+) PRINCIPE\b", cards)] == chosen
    assert _positions(cards, titles) == sorted(_positions(cards, titles))
    principle_slides = " ".join(page for page in texts["presentatie"] if page.startswith("De principes"))
    assert _positions(principle_slides, titles) == sorted(_positions(principle_slides, titles))
    for title in titles:
        assert title in principle_slides
    others = [p.title for p in catalog.principles if p.number not in chosen]
    assert not [t for t in others if t in cards or t in principle_slides]
    glance = _all(texts, "draaiboek").split("De principes in deze kit")[1]
    assert _positions(glance, titles) == sorted(_positions(glance, titles))
    werkblad = _all(texts, "werkblad")
    assert _positions(werkblad, titles) == sorted(_positions(werkblad, titles))


def test_cases_agree_and_are_numbered_the_same_everywhere(adapted) -> None:
    catalog, texts = adapted
    cases = [catalog.case_by_id[c] for c in CASES]
    cards, slides = _all(texts, "casuskaarten-vouwen"), texts["presentatie"]
    appendix = _all(texts, "draaiboek").split("De casussen")[-1]
    by_number = {p.number: p for p in catalog.principles}
    on_the_table = {(by_number[k] if isinstance(k, int) else catalog.principle_by_id[k]).id for k in PRINCIPLES}
    for n, case in enumerate(cases, 1):
        # a case names the numbers of the principle cards in this kit that play in it, and no others
        numbers = sorted(catalog.principle_by_id[p].number for p in case.principles if p in on_the_table)
        assert f"{n} {case.title}" in cards and f"{n} {case.title}" in appendix, case.id
        slide = next(page for page in slides if case.title in page and page.startswith("CASUS"))
        if numbers:
            assert f"Principes: {' '.join(map(str, numbers))}" in cards, case.id
            assert slide.startswith(f"CASUS {n} · PRINCIPES {', '.join(map(str, numbers))} "), slide
        else:
            assert slide.startswith(f"CASUS {n} {case.title}"), slide
    assert any(p in on_the_table for c in cases for p in c.principles)  # so the numbered path above is exercised
    others = [c.title for c in catalog.cases if c.id not in CASES]
    assert not [t for t in others if t in cards or t in appendix or t in " ".join(slides)]


def _positions(text: str, needles: list[str]) -> list[int]:
    return [text.index(needle) for needle in needles]
