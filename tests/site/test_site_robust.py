"""Builds that fail leave the previous site alone; builds that succeed are reproducible; kits are wired in."""

from __future__ import annotations

import hashlib
import sys
import types
from pathlib import Path

import pytest
import yaml
from pagetree import page
from sitebuild import build_project, copy_project

from generator import engines, urls
from generator.kitfiles import kit_outputs
from generator.problems import Problem
from generator.site.build import run_build


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_content_problem_fails_the_build_and_keeps_the_site(project_copy: Path, capsys) -> None:
    build_project(project_copy)
    before = tree(project_copy / "site")
    principle = project_copy / "content/principles/vertrouwen-herstellen.yaml"
    principle.write_text(
        principle.read_text(encoding="utf-8").replace("number: 1\n", "number: een\n"), encoding="utf-8"
    )
    capsys.readouterr()
    assert run_build(project_copy, kits=False) == 1
    err = capsys.readouterr().err
    assert "content/principles/vertrouwen-herstellen.yaml:2:" in err  # file:line:column, as `wijkkit check` prints
    assert "site/ is niet veranderd" in err
    assert tree(project_copy / "site") == before


def test_unknown_tag_in_content_fails_the_build(project_copy: Path, capsys) -> None:
    case = project_copy / "content/cases/het-trapveldje.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("tags: [", "tags: [geen-bestaand-trefwoord, "), encoding="utf-8")
    assert run_build(project_copy, kits=False) == 1
    assert "geen-bestaand-trefwoord" in capsys.readouterr().err
    assert not (project_copy / "site").exists()


@pytest.mark.parametrize("engine", engines.ENGINES)
def test_engine_refuses_a_tag_outside_the_allowed_list(project_copy: Path, engine: str) -> None:
    """Belt and braces: even a page that skipped validation cannot bring in a tag that content/tags.yaml lacks."""
    build_project(project_copy, engine=engine)
    docs = project_copy / "build/docs"
    (docs / "losse-pagina.md").write_text(
        '---\ntitle: Los\ntags: ["Verzonnen trefwoord"]\n---\n# Los\n', encoding="utf-8"
    )
    run = engines.build(engine, project_copy / "build/mkdocs.yml", env=engines.child_env(0))
    assert not run.ok
    assert "Verzonnen trefwoord" in run.output


def test_engine_failure_keeps_the_previous_site(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_project(project_copy)
    before = tree(project_copy / "site")
    monkeypatch.setattr(engines, "build", lambda *a, **k: engines.Run("mkdocs", 1, "ERROR - kapot", 0.1))
    assert run_build(project_copy, kits=False) == 1
    assert tree(project_copy / "site") == before
    assert not (project_copy / "build/site.new").exists()


@pytest.mark.parametrize("engine", engines.ENGINES)
def test_two_builds_give_identical_bytes(
    tmp_path: Path, root: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_project(copy_project(root, tmp_path / "one"), engine=engine)
    second = build_project(copy_project(root, tmp_path / "two"), engine=engine)
    a, b = tree(first.site), tree(second.site)
    assert a.keys() == b.keys()
    assert [path for path in a if a[path] != b[path]] == []


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_rebuild_touches_only_what_changed(project_copy: Path) -> None:
    """Unchanged pages keep their bytes and modification times, so a deploy or rsync sends only real changes."""
    first = build_project(project_copy)
    before = mtimes(first.site)
    build_project(project_copy)
    assert mtimes(first.site) == before
    example = next(iter(first.catalog.examples))
    path = project_copy / first.catalog.file_of("example", example.id)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["lessons"] = [*data.get("lessons", []), "Een nieuwe les."]  # shown on the example's own page only
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build_project(project_copy)
    after = mtimes(first.site)
    changed = {rel for rel in after if after[rel] != before.get(rel)}
    assert f"{urls.page_url('example', example.id)}index.html" in changed
    assert "data/wijkkit.json" in changed
    assert 0 < len(changed) <= 5, sorted(changed)  # the page, the open data and the search index


def test_source_date_epoch_sets_the_sitemap_date(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    build_project(project_copy)
    assert "<lastmod>2023-11-14</lastmod>" in (project_copy / "site/sitemap.xml").read_text(encoding="utf-8")


def fake_kit_builder(monkeypatch: pytest.MonkeyPatch, problems: list[Problem]) -> list[Path]:
    """Stand in for generator.kits.build: write a small file per kit output, as the real builder would."""
    written: list[Path] = []

    def build_kits(catalog, dest: Path, *, site_url: str) -> list[Problem]:
        assert site_url.startswith("https://")
        for kit in catalog.kits:
            for file in kit_outputs(kit):
                for suffix in (".html", ".pdf"):
                    path = dest / kit.id / (file.stem + suffix)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(f"{kit.id} {file.stem}", encoding="utf-8")
                    written.append(path)
        return problems

    module = types.ModuleType("generator.kits.build")
    module.build_kits = build_kits  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "generator.kits.build", module)
    return written


def test_kit_files_are_published_and_linked(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_kit_builder(monkeypatch, [])
    site = build_project(project_copy, kits=True)  # strict mode: every download link must resolve
    kit = site.catalog.kit_by_id["proefsessie"]
    links = set(page(site.site, urls.page_url("kit", kit.id)).links())
    for file in kit_outputs(kit):
        assert (site.site / urls.KIT_FILES / kit.id / f"{file.stem}.pdf").is_file()
        assert f"../../{urls.KIT_FILES}/{kit.id}/{file.stem}.pdf" in links


def test_a_kit_problem_fails_the_build(project_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    fake_kit_builder(monkeypatch, [Problem("kit/proefsessie.yaml", 3, 8, "titel past niet op de kaart")])
    assert run_build(project_copy, kits=True) == 1
    assert "kit/proefsessie.yaml:3:8: titel past niet op de kaart" in capsys.readouterr().err
    assert not (project_copy / "site").exists()


def test_kit_builder_that_cannot_start_fails_plainly(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """No PDF maker (e.g. Pango missing): the build stops with a fix, not a traceback, and site/ stays as it was."""
    monkeypatch.setitem(sys.modules, "generator.kits.build", None)  # import fails as if WeasyPrint could not load
    assert run_build(project_copy, kits=True) == 1
    err = capsys.readouterr().err
    assert "de PDF-maker WeasyPrint kan niet starten" in err and "wijkkit build --no-kits" in err
    assert "Traceback" not in err
    assert not (project_copy / "site").exists()


def test_a_handwritten_page_cannot_take_a_section_name(project_copy: Path, capsys) -> None:
    (project_copy / "content/pages/principes.md").write_text("# Principes\n\nEigen tekst.\n", encoding="utf-8")
    assert run_build(project_copy, kits=False) == 1
    assert "content/pages/principes.md:1:1: de naam 'principes' is al in gebruik" in capsys.readouterr().err
