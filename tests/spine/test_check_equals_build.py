"""Check equals build: every failure that stops `wijkkit build` is reported by `wijkkit check` too.

Each case plants one failure the build used to find on its own (after the pre-commit hook and the pull-request check
had passed), then runs the check. The kit layout case lays out a small kit: slow the first time, cached after.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]

LONG_CUE = "Loop rond, luister mee en schrijf op wat opvalt, zonder zelf mee te praten of te sturen"
LONG_KIT = (
    'id: lang\ntitle: Lang\ngoal: Testen.\naudience: Testers.\nstart: "09:00"\nend: "11:00"\n'
    "participants: {min: 3, max: 6}\nblocks:\n"
    + "".join(
        f"  - {{title: Ronde {n}, minutes: 5, cue: '{LONG_CUE}', guide: Ronde {n}.,\n"
        f"     materials: [een flap met de vraag van ronde {n}, stiften, memoblaadjes, pennen]}}\n"
        for n in range(1, 25)
    )
    + "documents: [draaiboek]\n"
)


def _plant_page_name(project: Path) -> None:
    (project / "content/pages/principes.md").write_text("# Principes\n\nVervangt de sectie.\n", encoding="utf-8")


def _plant_broken_config(project: Path) -> None:
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("site_name: Wijkkit", "site_name: [Wijkkit", 1), encoding="utf-8")


def _plant_no_site_url(project: Path) -> None:
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    (project / "mkdocs.yml").write_text("".join(l for l in lines if not l.startswith("site_url:")), encoding="utf-8")


def _plant_missing_page_link(project: Path) -> None:
    with (project / "content/pages/over.md").open("a", encoding="utf-8") as page:
        page.write("\nZie ook [de oude pagina](oude-pagina.md).\n")


def _plant_missing_anchor(project: Path) -> None:
    with (project / "content/pages/over.md").open("a", encoding="utf-8") as page:
        page.write("\nZie [deze bron](bronnen/index.md#bestaat-niet).\n")


def _plant_relative_link_in_a_record(project: Path) -> None:
    case = min((project / "content/cases").glob("*.yaml"))
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    data["outcome"] = "Zie [dit principe](../principes/bestaat-niet.md)."
    case.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _plant_kit_that_does_not_fit(project: Path) -> None:
    (project / "kit/lang.yaml").write_text(LONG_KIT, encoding="utf-8")


CASES = {
    "page named like a section": (_plant_page_name, "content/pages/principes.md", "al in gebruik op de site"),
    "mkdocs.yml that is not YAML": (_plant_broken_config, "mkdocs.yml", "geen geldige YAML"),
    "mkdocs.yml without site_url": (_plant_no_site_url, "mkdocs.yml", "site_url ontbreekt"),
    "link to a page the site lacks": (_plant_missing_page_link, "content/pages/over.md", "die pagina bestaat niet"),
    "link to an anchor the site lacks": (_plant_missing_anchor, "content/pages/over.md", "die plek op de pagina"),
    "link from a record to a page the site lacks": (
        _plant_relative_link_in_a_record,
        "content/cases/",
        "die pagina bestaat niet",
    ),
    "run sheet longer than one A4": (_plant_kit_that_does_not_fit, "kit/lang.yaml", "past niet op één A4"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "project"
    for name in ("content", "kit", "theme", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, dest / name)
    return dest


@pytest.mark.parametrize("case", CASES)
def test_the_check_finds_what_stops_the_build(case: str, project: Path, capsys: pytest.CaptureFixture) -> None:
    plant, file, message = CASES[case]
    plant(project)
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert any(line.startswith(file) and message in line for line in err.splitlines()), err
