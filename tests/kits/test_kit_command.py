"""`wijkkit kit NAME`: what it writes, and the errors a user can make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.settings import read_config, settings


def _project(root: Path, tmp: Path, mkdocs: str) -> Path:
    shutil.copytree(root / "content", tmp / "content")
    shutil.copytree(root / "kit", tmp / "kit")
    (tmp / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    return tmp


MKDOCS = """site_name: Wijkkit
site_url: https://wijkkit.example.org/sub
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  analytics: !ENV [ANALYTICS, null]
"""


def test_site_url_is_read_past_mkdocs_python_tags(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    config, problems = read_config(tmp_path)
    assert problems == []
    assert settings(config)[0].site_url == "https://wijkkit.example.org/sub/"


def test_a_missing_site_url_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Wijkkit\n", encoding="utf-8")
    config, _ = read_config(tmp_path)
    site, [problem] = settings(config)
    assert site is None and problem.file == "mkdocs.yml" and "site_url ontbreekt" in problem.message


def test_unknown_kit_names_the_known_ones(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "kit", "ontbijt"]) == 1
    err = capsys.readouterr().err
    assert "geen kit 'ontbijt'" in err and "ontbijtsessie" in err


def test_kit_without_site_url_stops_before_rendering(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(root, tmp_path / "p", "site_name: Wijkkit\n")
    assert main(["--root", str(project), "kit", "teamoverleg", "--out", str(tmp_path / "out")]) == 1
    assert "site_url" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_kit_duplex_html_writes_one_layout_and_the_alignment_test(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(root, tmp_path / "p", MKDOCS)
    out = tmp_path / "out"
    assert (
        main(["--root", str(project), "kit", "teamoverleg", "--layout", "duplex", "--files", "html", "--out", str(out)])
        == 0
    )
    names = {p.name for p in out.iterdir()}
    assert names == {
        "assets",
        "draaiboek.html",
        "programma.html",
        "principekaarten-dubbelzijdig.html",
        "casuskaarten-dubbelzijdig.html",
        "uitlijntest.html",
        "werkvormkaarten.html",
        "werkblad.html",
        "presentatie.html",
    }
    assert "https://wijkkit.example.org/sub/workshopkits/teamoverleg/" in (out / "programma.html").read_text()
    assert "ok: 8 bestanden" in capsys.readouterr().out
