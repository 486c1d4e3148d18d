"""Faults a user can cause around `wijkkit build` and `wijkkit serve`: none may lose site/ or end in a traceback."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.site import publish
from generator.site.build import run_build
from generator.site.serve import Preview

pytestmark = pytest.mark.slow


def _copy(root: Path, dest: Path) -> Path:
    for name in ("content", "kit", "theme", "mkdocs.yml"):
        (shutil.copytree if (root / name).is_dir() else shutil.copy2)(root / name, dest / name)
    return dest


def _snapshot(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    project = _copy(root, tmp_path_factory.mktemp("faults") / "project")
    assert run_build(project, kits=False) == 0
    return project


def _build(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--root", str(project), "build", "--no-kits"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_builds_at_once_never_lose_the_site(built: Path) -> None:
    site = built / "site"
    missing: list[float] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not site.is_dir() or not (site / "index.html").is_file():
                missing.append(time.monotonic())
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        first, second = _build(built), _build(built)
        results = [(p.wait(timeout=300), *p.communicate()) for p in (first, second)]
    finally:
        done.set()
        watcher.join()
    assert [code for code, _, _ in results] == [0, 0], results
    assert not missing, f"site/ was missing {len(missing)} times while two builds ran"
    assert any("er draait al een wijkkit build" in err for _, _, err in results)  # the second one waited, and said so


def test_a_build_the_firewall_refuses_leaves_the_site_byte_identical(built: Path) -> None:
    before = _snapshot(built / "site")
    partial = built / "theme/partials/actions.html"
    original = partial.read_text(encoding="utf-8")
    partial.write_text('<p onclick="alert(1)">klik</p>\n' + original, encoding="utf-8")
    try:
        build = _build(built)
        _, err = build.communicate(timeout=300)
    finally:
        partial.write_text(original, encoding="utf-8")
    assert build.returncode == 1
    assert "onclick" in err and "site/ is niet veranderd" in err and "Traceback" not in err
    assert _snapshot(built / "site") == before


def test_a_site_that_cannot_be_replaced_gives_a_message_not_a_traceback(built: Path, monkeypatch, capsys) -> None:
    before = _snapshot(built / "site")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(built / "site"))

    monkeypatch.setattr(publish, "_exchange", refuse)
    monkeypatch.setattr(publish, "_rename", refuse)
    assert run_build(built, kits=False) == 1
    err = capsys.readouterr().err
    assert "site/ kan niet vervangen worden" in err and "Permission denied" in err
    assert _snapshot(built / "site") == before
    assert not (built / "build/site.new").exists()


def test_an_engine_that_crashes_gives_its_last_line_and_a_log_not_a_traceback(built: Path, monkeypatch, capsys) -> None:
    """What the deep-nesting attack did before the check caught it: the engine died in a RecursionError."""
    from generator import engines

    before = _snapshot(built / "site")
    output = (
        "INFO    -  Building documentation...\n"
        "Traceback (most recent call last):\n"
        '  File "markdown/blockprocessors.py", line 166, in _split\n'
        "RecursionError: maximum recursion depth exceeded\n"
    )
    monkeypatch.setattr(engines, "build", lambda *args, **kwargs: engines.Run("mkdocs", 1, output, 0.1))
    assert run_build(built, kits=False) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "blockprocessors" not in err
    assert "Building documentation" in err  # the engine's own messages stay
    assert "RecursionError: maximum recursion depth exceeded" in err and "build/engine.log" in err
    assert (built / "build/engine.log").read_text(encoding="utf-8") == output
    assert _snapshot(built / "site") == before


def test_the_swap_puts_the_old_site_back_when_the_second_rename_fails(tmp_path: Path, monkeypatch) -> None:
    site, staging = tmp_path / "site", tmp_path / "build/site.new"
    site.mkdir()
    (site / "index.html").write_text("oud", encoding="utf-8")
    staging.mkdir(parents=True)
    (staging / "index.html").write_text("nieuw", encoding="utf-8")
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)  # a system without renameat2
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(src, dst)

    monkeypatch.setattr(publish, "_rename", second_fails)
    with pytest.raises(publish.PublishError):
        publish.publish(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "oud"


def test_serve_recovers_when_build_is_deleted(built: Path) -> None:
    preview = Preview(built, host="127.0.0.1", port=8000)
    assert preview.refresh()
    assert not preview.restart
    shutil.rmtree(built / "build")
    assert preview.refresh()
    assert preview.restart  # run_serve starts the live server again on the new folder
    assert (preview.docs / "index.md").is_file() and preview.config_file.is_file()
