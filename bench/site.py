"""`make bench-site`: how fast the built site is for a visitor, measured with Lighthouse on every page type.

The site is built from a copy of the project (bench/work/site/), served on 127.0.0.1 under the path of site_url by
a small server that compresses text with gzip (as GitHub Pages does), and measured by bench/lighthouse.mjs: each
page type on a phone and on a desktop, and a search typed on a phone. Targets (issue 16): mobile performance
≥ 0.95, desktop 1.0, cumulative layout shift < 0.05, total blocking time while searching < 200 ms.
Writes bench/results-site.md. Needs Node with `npm ci` run at the repository root and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator import urls
from generator.project import read_project
from generator.site.build import run_build

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / "work" / "site"
RESULTS = REPO / "bench" / "results-site.md"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
COMPRESS = {".html", ".css", ".js", ".json", ".svg", ".csv", ".txt", ".xml"}
TARGETS = {"mobile": 0.95, "desktop": 1.0, "cls": 0.05, "search_tbt": 200.0}
QUERY = "bewonersinitiatief"


class Gzip(SimpleHTTPRequestHandler):
    """Static files under `prefix`, gzip-compressed when the browser accepts it; any unknown path gets 404.html."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if not path.startswith(self.prefix):
            return self._send(Path(self.directory) / "404.html", 404)
        target = Path(self.directory) / urllib.parse.unquote(path[len(self.prefix) :])
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or not target.resolve().is_relative_to(Path(self.directory).resolve()):
            return self._send(Path(self.directory) / "404.html", 404)
        self._send(target, 200)

    def _send(self, file: Path, status: int) -> None:
        body = file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Cache-Control", "max-age=600")
        if file.suffix in COMPRESS and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build(root: Path) -> Path:
    """The project's content, kits and theme in bench/work/site/project, built without kit documents."""
    project = WORK / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("content", "kit", "theme", "mkdocs.yml"):
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    if run_build(project, kits=False) != 0:
        sys.exit("bench-site: the build failed (see above)")
    return project


def page_types(project: Path) -> list[tuple[str, str]]:
    """One page of each kind a visitor meets, picked from the content (the record with the most links)."""
    catalog = read_project(project).catalog
    principle = max(
        catalog.principles, key=lambda p: (len(catalog.uses[p.id].examples) + len(catalog.uses[p.id].cases), p.id)
    )
    example = max(catalog.examples, key=lambda e: (len(e.sources) + len(e.principles), e.id))
    found = [
        ("home", ""),
        ("principes", "principes/"),
        ("principe", urls.page_url("principle", principle.id)),
        ("casussen", "casussen/"),
        ("casus", urls.page_url("case", catalog.cases[0].id)),
        ("praktijkvoorbeelden", "praktijkvoorbeelden/"),
        ("praktijkvoorbeeld", urls.page_url("example", example.id)),
        ("vergelijken", "vergelijken/?v=" + ",".join(e.id for e in catalog.examples[:2])),
        ("gemeenten", "gemeenten/"),
        ("gemeente", urls.page_url("municipality", example.municipality)),
        ("werkvormen", "werkvormen/"),
        ("werkvorm", urls.page_url("werkvorm", catalog.werkvormen[0].id)),
        ("workshopkits", "workshopkits/"),
        ("workshopkit", urls.page_url("kit", catalog.kits[0].id)),
        ("bronnen", "bronnen/"),
        ("trefwoorden", "trefwoorden/"),
        ("over", "over/"),
        ("bijdragen", "bijdragen/"),
        ("voorbeeld toevoegen (formulier)", "bijdragen/voorbeeld/"),
        ("sessie samenstellen", "workshopkits/samenstellen/?kit=" + catalog.kits[0].id),
    ]
    if (project / "site" / "voor-bewoners" / "index.html").is_file():
        found.append(("voor bewoners", "voor-bewoners/"))
    return found + [("404", "bestaat-niet/")]


def measure(project: Path, pages: list[tuple[str, str]]) -> dict:
    site = project / "site"
    handler = type("Handler", (Gzip,), {"prefix": "/wijkkit/"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/wijkkit/"
    try:
        job = {"chrome": CHROME, "pages": [[name, base + path] for name, path in pages], "home": base, "query": QUERY}
        done = subprocess.run(
            ["node", str(REPO / "bench" / "lighthouse.mjs"), json.dumps(job)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
    finally:
        server.shutdown()
        server.server_close()
    if done.returncode != 0:
        sys.exit(f"bench-site: Lighthouse failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def report(data: dict) -> str:
    def ok(good: bool) -> str:
        return "" if good else " ✗"

    lines = [
        "# Site benchmark: Lighthouse on every page type",
        "",
        (
            f"Measured {dt.date.today().isoformat()} by `make bench-site` (bench/site.py, bench/lighthouse.mjs) with "
            f"Lighthouse {_lighthouse_version()} and {_chrome_version()}, on {os.cpu_count()} cores "
            f"({platform.machine()}). "
            "The site is served from 127.0.0.1 with gzip. Mobile: Lighthouse's default phone (simulated slow 4G, "
            "4x slower CPU); desktop: its desktop preset. Targets: mobile performance ≥ 0.95, desktop 1.0, cumulative "
            "layout shift (CLS) < 0.05, total blocking time (TBT) while searching < 200 ms; ✗ marks a miss."
        ),
        "",
        "| page | mobile | desktop | LCP mobile (ms) | CLS mobile | CLS desktop | TBT mobile (ms) | transferred (KB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in data["pages"]:
        m, d = row["mobile"], row["desktop"]
        if m["score"] is None or d["score"] is None:  # Lighthouse scores no page that answers with an error status
            lines.append(f"| {row['name']} | – | – | – | – | – | – | – |")
            continue
        lines.append(
            f"| {row['name']} | {m['score']:.2f}{ok(m['score'] >= TARGETS['mobile'])} "
            f"| {d['score']:.2f}{ok(d['score'] >= TARGETS['desktop'])} | {m['lcp']:.0f} "
            f"| {m['cls']:.3f}{ok(m['cls'] < TARGETS['cls'])} | {d['cls']:.3f}{ok(d['cls'] < TARGETS['cls'])} "
            f"| {m['tbt']:.0f} | {m['bytes'] / 1000:.0f} |"
        )
    if any(row["mobile"]["score"] is None for row in data["pages"]):
        lines += [
            "",
            (
                "Lighthouse gives no score for a page served with status 404 (the 404 page): – in the table; "
                "tests/site/test_browser_tasks.py checks that page's styles at the root and under a path."
            ),
        ]
    s = data["search"]
    lines += [
        "",
        f'Searching on a phone (user flow: open the search, type "{QUERY}" at 80 ms a key, wait for the results): '
        f"total blocking time {s['tbt']:.0f} ms{ok(s['tbt'] < TARGETS['search_tbt'])}, layout shift {s['cls']:.3f}"
        + (f", interaction to next paint {s['inp']:.0f} ms" if s.get("inp") is not None else "")
        + f'; the search answered "{s["results"]}".',
        "",
    ]
    return "\n".join(lines)


def _lighthouse_version() -> str:
    package = REPO / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "?"


def _chrome_version() -> str:
    try:
        return subprocess.run(
            [CHROME, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.strip()
    except OSError:
        return "Chromium ?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.site", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the table (bench/results-site.md)")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="write the table again from the last measurement (bench/work/site/lighthouse.json)",
    )
    args = parser.parse_args(argv)
    if args.report_only:
        text = report(json.loads((WORK / "lighthouse.json").read_text(encoding="utf-8")))
        args.out.write_text(text, encoding="utf-8")
        print(text)
        return 0
    if not (REPO / "node_modules" / "lighthouse").is_dir():
        sys.exit("bench-site: Lighthouse is missing; run 'npm ci' at the repository root first")
    if not Path(CHROME).is_file():
        sys.exit(f"bench-site: {CHROME} is missing (apt-get install chromium), or set CHROME_PATH")
    project = build(REPO)
    data = measure(project, page_types(project))
    (WORK / "lighthouse.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    text = report(data)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
