"""The page writer on its own (no engine): escaping, computed values, links, and that every record gets a page."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest
from sitebuild import copy_project

from generator import facts, model, schedule, urls
from generator.kitfiles import kit_outputs
from generator.pages import labels, render_pages
from generator.pages.render import plain, relative, text
from generator.project import read_project


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory, root: Path):
    result = read_project(copy_project(root, tmp_path_factory.mktemp("pages") / "project"))
    assert not result.problems, result.problems
    return result.catalog


def edit(path: str) -> str:
    return "https://example.org/edit/" + path


def test_plain_text_cannot_turn_into_markdown() -> None:
    assert text("a *b* [c](d) <b> | e_f") == r"a \*b\* \[c\](d) &lt;b&gt; \| e\_f"
    assert text("1. eerst") == r"1\. eerst"
    assert text("# geen kop") == r"\# geen kop"
    assert text("twee\nregels") == "twee regels"


def test_descriptions_are_plain_and_short() -> None:
    assert plain("**Vet** en [een link](x.md).") == "Vet en een link."
    short = plain("woord " * 100, 60)
    assert len(short) <= 60 and short.endswith("…")


def test_relative_links_between_pages() -> None:
    assert relative("principes/a.md", "casussen/b.md") == "../casussen/b.md"
    assert relative("principes/index.md", "principes/a.md") == "a.md"
    assert relative("index.md", "bronnen/index.md#x") == "bronnen/index.md#x"


def test_every_enum_value_has_a_dutch_label() -> None:
    # Province values are the Dutch names already; kit documents are labelled by the kit document table.
    enums = [
        value
        for value in vars(model).values()
        if isinstance(value, type)
        and issubclass(value, enum.Enum)
        and value.__module__ == model.__name__
        and value.__name__ not in ("Province", "Document")
    ]
    assert len(enums) >= 8
    for enum_type in enums:
        names = labels.BY_ENUM.get(enum_type.__name__, {})
        missing = [member.value for member in enum_type if member.value not in names]
        assert not missing, f"{enum_type.__name__}: no Dutch label for {missing} in generator/pages/labels.py"


def test_agenda_clock_times_follow_from_start_and_block_minutes(catalog) -> None:
    kit = catalog.kit_by_id["proefsessie"]
    agenda = schedule.agenda(kit, catalog.werkvorm_by_id, catalog.case_by_id)
    slots = agenda.items
    assert [(s.start, s.end) for s in slots] == [("09:30", "09:40"), ("09:40", "10:20"), ("10:20", "10:40")]
    assert agenda.end == "10:40" == kit.end
    assert slots[1].werkvorm is not None and slots[1].werkvorm.id == "casus-in-drietallen"


def test_material_quantities_for_the_largest_group(catalog) -> None:
    kit = catalog.kit_by_id["proefsessie"]
    pens, cards = kit.materials
    assert schedule.quantity(pens, kit.participants.max) == 12 + 2
    assert schedule.quantity(cards, kit.participants.max) == 4 + 1  # 12 people in groups of 3


def test_kit_page_says_what_to_print(catalog) -> None:
    """'Wat print ik?': the all-in-one PDF first, then per document the paper, how many and how to print."""
    kit = catalog.kit_by_id["proefsessie"]
    built = frozenset(f"kits/{kit.id}/{f.stem}.{fmt}" for f in kit_outputs(kit) for fmt in f.formats)
    page = render_pages(catalog, edit, kit_files=built)[urls.page_file("kit", kit.id)]
    section = page.split("## Wat print ik?")[1].split("\n## ")[0]
    assert section.index("alles in één PDF") < section.index("| Document |")
    assert "ware grootte (100 %)" in section
    # 12 participants: one programme each, on office paper, one sheet each
    assert (
        "| Programma voor deelnemers<br>" in section
        and "| A4, 80 g/m² | 12 exemplaren, 12 vellen | enkelzijdig |" in section
    )
    # one case: the fold layout puts two cards on a sheet, the office duplex layout four
    assert "| A4, 160–200 g/m² | 1 exemplaar, 1 vel | enkelzijdig |" in section
    assert "geef de PDF aan de drukkerij" in section


def test_completeness_counts_the_optional_parts() -> None:
    example = model.Example(
        id="x",
        municipality="GM0344",
        title="X",
        status="pilot",
        summary="S",
        evidence="beschreven",
        sources=[{"source": "s"}],
        last_reviewed="2026-01-01",
        goal="Doel",
        lessons=["les"],
    )
    c = facts.completeness(example)
    assert c.filled == ("Status", "Doel", "Lessen")
    # 17 parts: status, stand van, looptijd, teams, werkgebied, wie leidt, toegang, doel, doelgroep, aanpak, team,
    # werkzame elementen, principes, resultaten, evaluatie, lessen, webadres
    assert "Doelgroep" in c.missing and "Aantal teams" in c.missing and c.total == 17
    assert c.percent == 18
    unknown = facts.completeness(example.model_copy(update={"status": model.Status.onbekend}))
    assert unknown.filled == ("Doel", "Lessen") and "Status" in unknown.missing


def test_every_record_gets_exactly_one_page(catalog) -> None:
    pages = render_pages(catalog, edit)
    expected = {urls.page_file(kind, r.id) for kind, records in catalog.records() if kind != "source" for r in records}
    expected |= {urls.page_file("municipality", m.code) for m in catalog.municipalities if catalog.examples_in[m.code]}
    assert expected <= pages.keys()
    # the register holds every municipality of the country; only those with an example get a page
    without = [m for m in catalog.municipalities if not catalog.examples_in[m.code]]
    assert without and not any(urls.page_file("municipality", m.code) in pages for m in without)
    assert "bronnen/index.md" in pages and "index.md" in pages and "trefwoorden.md" in pages


def test_front_matter_has_title_description_tags_and_edit_link(catalog) -> None:
    principle = next(p for p in catalog.principles if p.tags)
    page = render_pages(catalog, edit)[urls.page_file("principle", principle.id)]
    front = page.split("---")[1]
    assert f'title: "{principle.title}"' in front
    assert "description: " in front
    assert catalog.tag_by_id[principle.tags[0]].label in front
    assert f'edit_url: "{edit(catalog.file_of("principle", principle.id))}"' in front


def test_kit_page_links_exactly_the_kit_files_that_were_built(catalog) -> None:
    kit = catalog.kit_by_id["proefsessie"]
    outputs = kit_outputs(kit)
    built = frozenset(f"kits/{kit.id}/{f.stem}.pdf" for f in outputs) | {f"kits/{kit.id}/{outputs[0].stem}.html"}
    with_files = render_pages(catalog, edit, kit_files=built)[urls.page_file("kit", kit.id)]
    for file in outputs:
        assert f"](../kits/{kit.id}/{file.stem}.pdf)" in with_files
    assert f"](../kits/{kit.id}/{outputs[0].stem}.html)" in with_files
    assert f"](../kits/{kit.id}/{outputs[1].stem}.html)" not in with_files  # not built, so not linked
    combined = f"[alles in één PDF](../kits/{kit.id}/{kit.id}-compleet.pdf)"
    assert with_files.index(combined) < with_files.index(f"](../kits/{kit.id}/{outputs[0].stem}.pdf)"), (
        "the all-in-one PDF is offered first, in the sentence above the list"
    )
    without = render_pages(catalog, edit)[urls.page_file("kit", kit.id)]
    assert "../kits/" not in without


def test_phrases_get_one_full_stop() -> None:
    from generator.pages.render import sentence

    assert sentence("Samen sterker in de wijk") == "Samen sterker in de wijk."
    assert sentence("Wat kan beter?") == "Wat kan beter?"


def test_a_range_reads_as_a_reader_says_it() -> None:
    from generator.pages.render import span

    assert span(model.Range(min=3, max=4)) == "3–4"
    assert span(model.Range(min=3, max=3)) == "3"  # never "3–3"
    assert span(model.Range(min=25, max=40), " tot ") == "25 tot 40"


def test_an_unknown_setting_is_left_out_rather_than_printed(catalog) -> None:
    pages = render_pages(catalog, edit)
    assert "Plek onbekend" not in pages["casussen/index.md"]
    for case in catalog.cases:
        page = pages[urls.page_file("case", case.id)]
        assert "Plek onbekend" not in page
        kicker = page.split("{: .wk-kicker")[0].rstrip().splitlines()[-1]
        assert kicker.startswith("Casus"), kicker
