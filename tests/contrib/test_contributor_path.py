"""A contributor's whole path, in a copy of the repository: scaffold, fill in, check, build, find it on the site.

And the same path with the three mistakes contributors make most: a misspelled field name, a municipality code that
is not in the register, and a phone number in the text. Each must be reported in Dutch, on the line to change.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from generator.urls import page_url

from .contributor import fill_example, line_of, set_value

RECORD = "s-gravenhage-buurtteams-samen-sterk"
FILE = f"content/examples/{RECORD}.yaml"
TITLE = "Buurtteams: samen sterk"


@pytest.fixture
def filled(project: Path, wijkkit) -> Path:
    """An example scaffolded for 'den haag' and filled in."""
    assert wijkkit("new", "voorbeeld", "--gemeente", "den haag", "--titel", TITLE).code == 0
    path = project / FILE
    path.write_text(fill_example(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_filled_example_passes_check(project: Path, filled: Path, wijkkit) -> None:
    run = wijkkit("check")
    assert run.code == 0, run.err
    assert f"{len(list((project / 'content/examples').glob('*.yaml')))} praktijkvoorbeelden" in run.out


def test_filled_example_is_on_the_site_and_in_the_data(project: Path, filled: Path, wijkkit) -> None:
    run = wijkkit("build", "--no-kits")
    assert run.code == 0, run.err
    site = project / "site"
    page = (site / page_url("example", RECORD) / "index.html").read_text(encoding="utf-8")
    assert "Buurtteams: samen sterk" in page
    assert "Buurtteams in Den Haag werken vanuit de wijk" in page
    municipality = (site / page_url("municipality", "GM0518") / "index.html").read_text(encoding="utf-8")
    assert f"{RECORD}/" in municipality
    table = (site / "praktijkvoorbeelden/index.html").read_text(encoding="utf-8")
    assert f"{RECORD}/" in table and "Buurtteams: samen sterk" in table
    export = (site / "data/wijkkit.json").read_text(encoding="utf-8")
    assert RECORD in export and json.loads(export)
    with (site / "data/praktijkvoorbeelden.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle) if RECORD in ",".join(row)]
    assert len(rows) == 1 and "GM0518" in rows[0]


def _problems_in(run, file: str) -> list[dict]:
    assert run.code == 1
    return [p for p in run.problems() if p["file"] == file]


def test_misspelled_field(filled: Path, wijkkit) -> None:
    text = filled.read_text(encoding="utf-8").replace("\nsummary: >-\n", "\nsamenvating: >-\n")
    filled.write_text(text, encoding="utf-8")
    problems = _problems_in(wijkkit("check", "--format", "json"), FILE)
    unknown = next(p for p in problems if "samenvating" in p["message"])
    assert unknown["message"] == "onbekend veld 'samenvating'"
    assert unknown["line"] == line_of(text, "samenvating: >-") and unknown["column"] == 1
    assert unknown["hint"].startswith("Bedoel je 'summary'?")
    missing = next(p for p in problems if p is not unknown)
    assert missing["message"] == "verplicht veld 'summary' ontbreekt"
    assert len(problems) == 2


def test_unknown_municipality_code(filled: Path, wijkkit) -> None:
    text = set_value(filled.read_text(encoding="utf-8"), "municipality", "GM9999")
    filled.write_text(text, encoding="utf-8")
    [problem] = _problems_in(wijkkit("check", "--format", "json"), FILE)
    assert problem["message"] == "gemeentecode GM9999 staat niet in het register"
    assert problem["line"] == line_of(text, "municipality: GM9999")
    assert "content/municipalities.yaml" in problem["hint"]


def test_phone_number_in_the_text(filled: Path, wijkkit) -> None:
    text = filled.read_text(encoding="utf-8").replace(
        "  - bewoners lopen binnen met een vraag;", "  - bewoners lopen binnen of bellen 070 353 30 00;"
    )
    filled.write_text(text, encoding="utf-8")
    [problem] = _problems_in(wijkkit("check", "--format", "json"), FILE)
    assert problem["message"] == "telefoonnummer gevonden: '070 353 30 00'"
    assert problem["line"] == line_of(text, "070 353 30 00")
    assert problem["column"] == text.splitlines()[problem["line"] - 1].index("070") + 1
    assert "Publiceer geen telefoonnummers" in problem["hint"]


def test_problems_read_like_a_compiler_in_the_terminal(filled: Path, wijkkit) -> None:
    text = set_value(filled.read_text(encoding="utf-8"), "municipality", "GM9999")
    filled.write_text(text, encoding="utf-8")
    run = wijkkit("check")
    line = line_of(text, "municipality: GM9999")
    assert f"{FILE}:{line}:15: gemeentecode GM9999 staat niet in het register" in run.err
    assert "    hint: " in run.err and "1 probleem in 1 bestand." in run.err


def test_github_format_puts_the_problem_on_the_changed_line(filled: Path, wijkkit) -> None:
    text = set_value(filled.read_text(encoding="utf-8"), "municipality", "GM9999")
    filled.write_text(text, encoding="utf-8")
    run = wijkkit("check", "--format", "github")
    line = line_of(text, "municipality: GM9999")
    assert run.out.startswith(f"::error file={FILE},line={line},col=15,title=wijkkit check::gemeentecode GM9999")
