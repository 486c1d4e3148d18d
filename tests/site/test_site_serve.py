"""`wijkkit serve`: a change under content/ reaches the pages (how fast: bench/incremental.py); problems keep the last
good pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.site.serve import Debounce, Preview, watch

EXAMPLE = "utrecht-proefvoorbeeld"


@pytest.fixture
def project_copy(project_copy: Path) -> Path:
    """The project plus one example (and its source) of the test's own, so content edits do not break these tests."""
    (project_copy / "content/sources/proefbron.yaml").write_text(
        "id: proefbron\ntitle: Proefbron\npublisher: Wijkkit\ndate: 2020\nkind: rapport\n"
        "url: https://example.org/proefbron\n",
        encoding="utf-8",
    )
    (project_copy / f"content/examples/{EXAMPLE}.yaml").write_text(
        f'id: {EXAMPLE}\nmunicipality: GM0344\ntitle: "Utrecht: proef"\nstatus: definitief\n'
        "summary: Een voorbeeld voor de tests.\nevidence: beschreven\nsources:\n  - source: proefbron\n"
        "last_reviewed: 2024-01-01\n",
        encoding="utf-8",
    )
    return project_copy


def retitle(project: Path, example: str, title: str) -> None:
    path = project / f"content/examples/{example}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(f'title: "{title}"\n' if line.startswith("title:") else line for line in lines), encoding="utf-8"
    )


def test_refresh_rewrites_only_the_pages_a_change_touches(project_copy: Path) -> None:
    preview = Preview(project_copy, host="127.0.0.1", port=8000)
    assert preview.refresh()
    retitle(project_copy, EXAMPLE, "Utrecht: een nieuwe titel")
    assert preview.refresh()  # how fast: bench/incremental.py measures it; a test only asserts what changed
    written = set(preview.last.written)
    assert f"praktijkvoorbeelden/{EXAMPLE}.md" in written
    assert "gemeenten/gm0344.md" in written  # lists the example by title
    assert "praktijkvoorbeelden/index.md" in written
    assert "principes/vertrouwen-herstellen.md" not in written  # does not mention this example
    assert not any(path.startswith("assets/") for path in written)
    assert "Utrecht: een nieuwe titel" in (preview.docs / "gemeenten/gm0344.md").read_text(encoding="utf-8")


def test_content_problem_keeps_the_last_good_pages(project_copy: Path, capsys) -> None:
    preview = Preview(project_copy, host="127.0.0.1", port=8000)
    assert preview.refresh()
    page = preview.docs / f"praktijkvoorbeelden/{EXAMPLE}.md"
    before = page.read_bytes()
    example = project_copy / f"content/examples/{EXAMPLE}.yaml"
    example.write_text(
        example.read_text(encoding="utf-8").replace("status: definitief", "status: misschien"), encoding="utf-8"
    )
    assert not preview.refresh()
    assert f"content/examples/{EXAMPLE}.yaml:" in capsys.readouterr().err
    assert page.read_bytes() == before


def test_watcher_regenerates_within_a_second(project_copy: Path) -> None:
    preview = Preview(project_copy, host="127.0.0.1", port=8000)
    assert preview.refresh()
    observer = watch(project_copy, Debounce(preview.refresh))
    try:
        time.sleep(0.2)  # let the watcher settle
        page = preview.docs / f"praktijkvoorbeelden/{EXAMPLE}.md"
        retitle(project_copy, EXAMPLE, "Utrecht: snel bijgewerkt")
        started = time.monotonic()
        while "snel bijgewerkt" not in page.read_text(encoding="utf-8"):
            # a liveness bound, not a speed target (that is measured by the benchmark): a loaded CI machine is slow
            assert time.monotonic() - started < 20, "page not regenerated after a change"
            time.sleep(0.02)
    finally:
        observer.stop()
        observer.join(timeout=5)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


@pytest.mark.slow
def test_serve_shows_a_change_in_the_browser_page(project_copy: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/praktijkvoorbeelden/{EXAMPLE}/"
    child = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--root", str(project_copy), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert "Utrecht" in fetch(url)
                break
            except OSError:
                assert time.monotonic() < deadline, "wijkkit serve did not start"
                assert child.poll() is None, "wijkkit serve stopped"
                time.sleep(0.2)
        assert "livereload" in fetch(url)  # the browser is told to reload after a rebuild
        retitle(project_copy, EXAMPLE, "Utrecht: live bijgewerkt")
        started = time.monotonic()
        while "live bijgewerkt" not in fetch(url):
            assert time.monotonic() - started < 30, "the served page did not change"
            time.sleep(0.1)
    finally:
        child.terminate()
        child.wait(timeout=10)
