"""`wijkkit new`: finding the municipality, naming the file, never overwriting, and a file that check points into."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.names import slugify
from generator.scaffold.municipalities import find, read_register

from .conftest import TODAY
from .contributor import line_of


@pytest.fixture
def register(root: Path):
    return read_register(root)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Zwolle", "GM0193"),
        ("zwolle", "GM0193"),
        ("  ZWOLLE ", "GM0193"),
        ("den haag", "GM0518"),  # alias
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("’s-gravenhage", "GM0518"),  # typographic apostrophe, as phones and word processors type it
        ("s gravenhage", "GM0518"),
        ("Ljouwert", "GM0080"),  # Frisian name
        ("leeuwarden", "GM0080"),
        ("den bosch", "GM0796"),
        ("Lelystád", "GM0995"),  # accents do not matter
        ("gemeente Utrecht", "GM0344"),
        ("gm0344", "GM0344"),
        ("GM0344", "GM0344"),
        ("0344", "GM0344"),
        ("344", "GM0344"),  # digits as typed, without the leading zero
        ("gm 344", "GM0344"),
        ("14", "GM0014"),
        ("Hengelo", "GM0164"),  # CBS writes 'Hengelo (O.)'; people type Hengelo
        ("Sudwest Fryslan", "GM1900"),
        ("Voorne aan Zee", "GM1992"),  # formed in 2023
    ],
)
def test_municipality_found_by_name_alias_or_code(register, typed: str, code: str) -> None:
    lookup = find(register, typed)
    assert lookup.found.code == code and not lookup.former


def test_unknown_name_gets_near_matches(register) -> None:
    lookup = find(register, "Amsterdm")
    assert lookup.found is None
    assert [m.name for m in lookup.suggestions][:1] == ["Amsterdam"]
    assert lookup.guess.code == "GM0363"  # clearly the closest: offered as the one meant


@pytest.mark.parametrize("typed", ["Bergen", "bergen", "gemeente Bergen"])
def test_bergen_is_ambiguous(register, typed: str) -> None:
    lookup = find(register, typed)
    assert lookup.found is None and lookup.guess is None
    assert {(m.code, m.name, m.province) for m in lookup.matches} == {
        ("GM0373", "Bergen (NH.)", "Noord-Holland"),
        ("GM0893", "Bergen (L.)", "Limburg"),
    }


@pytest.mark.parametrize(
    ("typed", "former", "now"),
    [
        ("Haarlemmerliede en Spaarnwoude", "GM0393", ["GM0394"]),
        ("haarlemmerliede", "GM0393", ["GM0394"]),
        ("393", "GM0393", ["GM0394"]),
        ("Weesp", "GM0457", ["GM0363"]),
        ("Littenseradiel", "GM0140", ["GM0080", "GM1900", "GM1949"]),  # split over three
    ],
)
def test_former_municipality_leads_to_the_municipalities_of_now(
    register, typed: str, former: str, now: list[str]
) -> None:
    lookup = find(register, typed)
    assert lookup.former and lookup.found.code == former
    assert sorted(m.code for m in lookup.successors) == now


@pytest.mark.parametrize("typed", ["Alphen", "Berg"])
def test_equally_close_names_are_listed_not_guessed(register, typed: str) -> None:
    lookup = find(register, typed)
    assert lookup.found is None and len(lookup.suggestions) >= 2 and lookup.guess is None


def test_bergen_asks_which_one(project: Path, wijkkit) -> None:
    run = wijkkit("new", "voorbeeld", "--gemeente", "gemeente Bergen", "--titel", "Buurtteams")
    assert run.code == 1
    assert "er zijn 2 gemeenten die 'Bergen' heten. Welke bedoel je?" in run.err
    assert "Bergen (NH.) in Noord-Holland, GM0373" in run.err and "Bergen (L.) in Limburg, GM0893" in run.err
    assert "wijkkit new voorbeeld --gemeente GM0373 --titel Buurtteams" in run.err
    assert "wijkkit new voorbeeld --gemeente GM0893 --titel Buurtteams" in run.err
    assert "Probeer dan" not in run.err
    assert not list((project / "content/examples").glob("bergen*"))


def test_former_municipality_says_where_it_went(project: Path, wijkkit) -> None:
    before = set((project / "content/examples").iterdir())
    run = wijkkit("new", "voorbeeld", "--gemeente", "Haarlemmerliede en Spaarnwoude")
    assert run.code == 1
    assert "Haarlemmerliede en Spaarnwoude (GM0393) bestaat niet meer" in run.err
    assert "opgegaan in Haarlemmermeer (GM0394) sinds 2019" in run.err
    assert "Probeer dan: wijkkit new voorbeeld --gemeente GM0394" in run.err
    assert "'municipality: GM0393'" in run.err and "as_of" in run.err  # the way to write about before 2019
    assert set((project / "content/examples").iterdir()) == before  # nothing written


def test_split_municipality_offers_each_successor(wijkkit) -> None:
    run = wijkkit("new", "voorbeeld", "--gemeente", "Littenseradiel")
    assert run.code == 1
    assert "opgegaan in Leeuwarden (GM0080), Súdwest-Fryslân (GM1900) en Waadhoeke (GM1949) sinds 2018" in run.err
    for code in ("GM0080", "GM1900", "GM1949"):
        assert f"wijkkit new voorbeeld --gemeente {code}" in run.err
    assert "Probeer dan" not in run.err


def test_digits_without_leading_zero_make_the_example(project: Path, wijkkit) -> None:
    run = wijkkit("new", "voorbeeld", "--gemeente", "344", "--titel", "Buurtteams")
    assert run.code == 0, run.err
    data = yaml.safe_load((project / "content/examples/utrecht-buurtteams.yaml").read_text(encoding="utf-8"))
    assert data["municipality"] == "GM0344"


def test_equally_close_names_get_no_single_try_this(wijkkit) -> None:
    run = wijkkit("new", "voorbeeld", "--gemeente", "Alphen")
    assert run.code == 1
    assert (
        "Alphen aan den Rijn in Zuid-Holland, GM0484" in run.err and "Alphen-Chaam in Noord-Brabant, GM1723" in run.err
    )
    assert "Probeer dan" not in run.err


def test_unknown_code_is_not_guessed(register) -> None:
    lookup = find(register, "GM9999")
    assert lookup.found is None and lookup.code == "GM9999"


@pytest.mark.parametrize(
    ("parts", "slug"),
    [
        (("Zwolle", "Buurtteams in Zwolle-Zuid"), "zwolle-buurtteams-in-zwolle-zuid"),
        (("Zwolle", "Zwolle: buurtteams"), "zwolle-buurtteams"),  # the name is not repeated
        (("'s-Gravenhage", "Wijkteams & één loket"), "s-gravenhage-wijkteams-een-loket"),
        (("Súdwest-Fryslân", ""), "sudwest-fryslan"),
        (("Utrecht", "x" * 10 + " " + "y" * 70), "utrecht-xxxxxxxxxx"),  # cut at a hyphen, never mid-word
    ],
)
def test_slug_is_lowercase_ascii_with_hyphens(parts: tuple[str, str], slug: str) -> None:
    assert slugify(*parts) == slug


def test_example_from_alias_gets_code_schema_line_and_today(project: Path, wijkkit) -> None:
    run = wijkkit("new", "voorbeeld", "--gemeente", "den haag", "--titel", "Buurtteams: samen sterk")
    assert run.code == 0, run.err
    path = project / "content/examples/s-gravenhage-buurtteams-samen-sterk.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/example.json"
    data = yaml.safe_load(text)
    assert data["id"] == "s-gravenhage-buurtteams-samen-sterk"
    assert data["municipality"] == "GM0518"
    assert data["title"] == "Buurtteams: samen sterk"
    assert str(data["last_reviewed"]) == TODAY
    # the next steps name the file and the commands, in Dutch
    assert "Gemaakt: content/examples/s-gravenhage-buurtteams-samen-sterk.yaml" in run.out
    assert "wijkkit check" in run.out and "wijkkit serve" in run.out
    assert "praktijkvoorbeelden/s-gravenhage-buurtteams-samen-sterk/" in run.out


def test_untouched_example_is_refused_at_each_line_to_fill_in(project: Path, wijkkit) -> None:
    wijkkit("new", "voorbeeld", "--gemeente", "Zwolle", "--titel", "Buurtteams")
    rel = "content/examples/zwolle-buurtteams.yaml"
    text = (project / rel).read_text(encoding="utf-8")
    run = wijkkit("check", "--format", "json")
    assert run.code == 1
    found = {(p["line"], p["message"].split("'")[1]) for p in run.problems() if p["file"] == rel}
    expected = {(line_of(text, f"{field}:"), field) for field in ("status", "summary", "evidence")}
    expected.add((line_of(text, "- source:"), "source"))
    assert found == expected


def test_unknown_municipality_suggests_and_explains_the_register(project: Path, wijkkit) -> None:
    before = set((project / "content/examples").iterdir())
    run = wijkkit("new", "voorbeeld", "--gemeente", "Amsterdm")
    assert run.code == 1
    assert "gemeente 'Amsterdm' staat niet in het register" in run.err
    assert "Bedoel je: Amsterdam, GM0363?" in run.err
    assert "Probeer dan: wijkkit new voorbeeld --gemeente GM0363" in run.err
    assert "content/municipalities.yaml" in run.err and "CBS" in run.err
    assert set((project / "content/examples").iterdir()) == before  # nothing written


def test_unknown_code_explains_how_to_add_it(wijkkit) -> None:
    run = wijkkit("new", "voorbeeld", "--gemeente", "GM9999")
    assert run.code == 1
    assert "gemeente met code GM9999 staat niet in het register" in run.err
    assert "- code: GM9999" in run.err
    assert "Geef dezelfde opdracht nog een keer: wijkkit new voorbeeld --gemeente GM9999" in run.err


def test_municipality_missing_from_the_register_is_added_step_by_step(project: Path, wijkkit) -> None:
    """A municipality newer than the register (after a merger): say what the register holds, and how to go on."""
    run = wijkkit("new", "voorbeeld", "--gemeente", "Pijpekop", "--titel", "Wijkteams in Pijpekop")
    assert run.code == 1
    assert "gemeente 'Pijpekop' staat niet in het register" in run.err
    assert "alle gemeenten van Nederland op 1 januari 2023" in run.err and "Bedoel je" not in run.err
    assert "1. Zoek de CBS-gemeentecode op" in run.err and "2. Open content/municipalities.yaml" in run.err
    assert (
        "3. Geef dezelfde opdracht nog een keer: wijkkit new voorbeeld --gemeente Pijpekop "
        '--titel "Wijkteams in Pijpekop"'
    ) in run.err
    register = project / "content/municipalities.yaml"
    text = register.read_text(encoding="utf-8")
    steps = "  - code: GM9990\n    name: Pijpekop\n    province: Overijssel\n"  # made up: stays unknown
    register.write_text(text.replace("  # Overijssel\n", "  # Overijssel\n" + steps, 1), encoding="utf-8")
    assert wijkkit("new", "voorbeeld", "--gemeente", "Pijpekop", "--titel", "Wijkteams in Pijpekop").code == 0
    assert (project / "content/examples/pijpekop-wijkteams-in-pijpekop.yaml").is_file()


def test_never_overwrites(project: Path, wijkkit) -> None:
    assert wijkkit("new", "voorbeeld", "--gemeente", "Zwolle", "--titel", "Buurtteams").code == 0
    path = project / "content/examples/zwolle-buurtteams.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status:", "status: pilot"), encoding="utf-8")
    before = path.read_bytes()
    run = wijkkit("new", "voorbeeld", "--gemeente", "zwolle", "--titel", "buurtteams")
    assert run.code == 1
    assert "content/examples/zwolle-buurtteams.yaml: dit bestand bestaat al" in run.err
    assert "overschrijft nooit" in run.err
    assert path.read_bytes() == before


def test_example_without_municipality_is_a_usage_error(wijkkit) -> None:
    run = wijkkit("new", "voorbeeld")
    assert run.code == 2 and "--gemeente" in run.err


def test_principle_gets_the_next_free_number(project: Path, wijkkit) -> None:
    files = (project / "content/principles").glob("*.yaml")
    numbers = [yaml.safe_load(path.read_text(encoding="utf-8"))["number"] for path in files]
    run = wijkkit("new", "principe", "--titel", "Luister eerst")
    assert run.code == 0, run.err
    data = yaml.safe_load((project / "content/principles/luister-eerst.yaml").read_text(encoding="utf-8"))
    assert data["number"] == max(numbers) + 1
    assert data["title"] == "Luister eerst"


@pytest.mark.parametrize(("what", "folder", "schema"), [("casus", "cases", "case"), ("bron", "sources", "source")])
def test_case_and_source_start_from_their_template(project: Path, wijkkit, what: str, folder: str, schema: str) -> None:
    run = wijkkit("new", what, "--titel", "De wijkagent")
    assert run.code == 0, run.err
    text = (project / f"content/{folder}/de-wijkagent.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schema/{schema}.json\n")
    assert yaml.safe_load(text)["id"] == "de-wijkagent"
    problems = wijkkit("check", "--format", "json").problems()
    assert problems and {p["file"] for p in problems} == {f"content/{folder}/de-wijkagent.yaml"}


def test_principle_without_title_is_a_usage_error(wijkkit) -> None:
    run = wijkkit("new", "principe")
    assert run.code == 2 and "--titel" in run.err
