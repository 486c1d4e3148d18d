"""Kit HTML ("als webpagina") as accessible pages: a main landmark, a way back to the kit page, no violation found by
axe-core (in Chromium) and no error found by the newest Nu HTML Checker.

The Nu HTML Checker is `vnu.jar` from the npm package vnu-jar, pinned in tests/kits/vnu/package.json and installed
by .ci/run and `make test` (`npm ci --prefix tests/kits/vnu`), never at test time; it runs on the system's Java.
A canary page with a known error must be reported, so a checker that silently checks nothing fails the test.
Missing tools skip with the reason on a developer's machine and fail under CI=true.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import chromium, require

from .conftest import SITE_URL, Kits

pytestmark = pytest.mark.slow

VNU = Path(__file__).resolve().parent / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CANARY = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Kanarie</title></head>
<body><main><div aria-label="Kies 1 tot 5"><span>1</span></div></main></body></html>
"""


def _html_files(kits: Kits) -> list[Path]:
    return sorted(kits.folder.rglob("*.html"))


def test_every_kit_page_has_a_main_landmark_and_a_link_back_to_its_kit(kits: Kits, catalog) -> None:
    for kit in catalog.kits:
        for html in (kits.folder / kit.id).glob("*.html"):
            text = html.read_text(encoding="utf-8")
            assert text.count("<main") == 1, html.name
            back = f'<a href="{SITE_URL}workshopkits/{kit.id}/">'
            assert back in text.split("<main")[0], html.name


# ---------------------------------------------------------------------------------------------------------------
# the Nu HTML Checker


@pytest.fixture(scope="module")
def vnu_messages(kits: Kits, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    require(VNU.is_file(), f"{VNU} is missing: run 'npm ci --prefix tests/kits/vnu' (make test does)")
    java = shutil.which("java")
    require(java, "Java is missing: the Nu HTML Checker needs a Java runtime (apt-get install default-jre-headless)")
    canary = tmp_path_factory.mktemp("canary") / "kanarie.html"
    canary.write_text(CANARY, encoding="utf-8")
    result = subprocess.run(
        [
            java,
            "-Xss4m",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, _html_files(kits)),
            str(canary),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu HTML Checker gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return [m | {"canary": canary.name in m.get("url", "")} for m in messages]


def test_the_checker_is_the_pinned_newest_release() -> None:
    pinned = json.loads((VNU.parents[4] / "package.json").read_text(encoding="utf-8"))
    require(VNU.is_file(), f"{VNU} is missing: run 'npm ci --prefix tests/kits/vnu'")
    installed = json.loads((VNU.parents[2] / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == pinned["devDependencies"]["vnu-jar"]


def test_the_checker_reports_a_known_error(vnu_messages: list[dict]) -> None:
    assert any(m["canary"] and "aria-label" in m.get("message", "") for m in vnu_messages), vnu_messages


def test_every_kit_page_is_valid_html(vnu_messages: list[dict]) -> None:
    errors = [
        f"{m.get('url', '').rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m.get('message')}"
        for m in vnu_messages
        if not m["canary"]
    ]
    assert not errors, "\n".join(errors[:20])


# ---------------------------------------------------------------------------------------------------------------
# axe-core in Chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium(axe=True) as started:
        yield started


@pytest.mark.browser
def test_axe_finds_no_violations_on_any_kit_page(browser, kits: Kits) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.route(re.compile(r"^https?://"), lambda route: route.abort())  # the files are offline: nothing is fetched
    axe = Axe()
    found = []
    for html in _html_files(kits):
        page.goto(html.as_uri())
        for violation in axe.run(page).response["violations"]:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            found.append(f"{html.parent.name}/{html.name}: {violation['id']} ({violation['help']}) {targets}")
    page.close()
    assert not found, "\n".join(found[:30])
