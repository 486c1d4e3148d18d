"""Search that loads its index in chunks: what Pagefind would cost a visitor, measured on the built site.

MkDocs' search makes every visitor download the whole index (search/search_index.json) before the first result.
Pagefind splits its index into chunks by word and its excerpts into one fragment per page; a query fetches the
runtime once, the chunks holding its words and the fragments of the results it shows. Here Pagefind indexes the
built site's `<article>` (in Dutch, from `<html lang="nl">`, so with Dutch stemming) into site/pagefind/, and a
fresh headless Chromium per query runs it through Pagefind's own JavaScript API while every response under
/pagefind/ is counted; the bundle is removed afterwards. A measurement only: the site's search is unchanged.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

BUNDLE = "pagefind"
SHOWN = 5  # results whose excerpts a query loads: Pagefind's UI shows five before "load more"
QUERIES = ("buurt", "vertrouwen jongeren", "proefgemeente")
CHROMIUM = "/usr/bin/chromium"


@dataclass
class QueryCost:
    query: str
    results: int
    runtime: int  # bytes of pagefind.js, the WebAssembly and the language metadata (once per visit)
    index: int  # bytes of the index chunks this query fetched
    fragments: int  # bytes of the excerpts of the first SHOWN results
    requests: int

    @property
    def total(self) -> int:
        return self.runtime + self.index + self.fragments


@dataclass
class PagefindCost:
    seconds: float  # indexing the site
    bundle_bytes: int
    bundle_files: int
    queries: list[QueryCost]


def available() -> str | None:
    """Why Pagefind cannot be measured here, or None when it can."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return "the `pagefind` package is not installed (`pip install -e '.[bench]'`)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed"
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM}"
    return None


def measure(site: Path) -> PagefindCost:
    """Index `site` with Pagefind (into site/pagefind/, removed afterwards) and price a few queries."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-subdir",
            BUNDLE,
            "--root-selector",
            "article",
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{done.stdout}\n{done.stderr}")
    sizes = [p.stat().st_size for p in bundle.rglob("*") if p.is_file()]
    try:
        queries = _price_queries(site)
    finally:
        shutil.rmtree(bundle, ignore_errors=True)
    return PagefindCost(seconds, sum(sizes), len(sizes), queries)


def _price_queries(site: Path) -> list[QueryCost]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    costs = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            try:
                for query in QUERIES:
                    costs.append(_one_query(browser, base, query))
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return costs


def _one_query(browser, base: str, query: str) -> QueryCost:
    """A fresh visitor (empty cache) on the home page types one query."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/bijdragen/")  # a small page: its own bytes are not part of the search's cost
    seen: list[tuple[str, int]] = []

    def on_response(response) -> None:
        if f"/{BUNDLE}/" in response.url:
            seen.append((response.url, len(response.body())))

    page.on("response", on_response)
    results = page.evaluate(
        """async ([query, shown]) => {
            const pagefind = await import("/pagefind/pagefind.js");
            const search = await pagefind.search(query);
            await Promise.all(search.results.slice(0, shown).map(r => r.data()));
            return search.results.length;
        }""",
        [query, SHOWN],
    )
    page.wait_for_load_state("networkidle")
    context.close()
    kinds = {"index": 0, "fragments": 0, "runtime": 0}
    for url, size in seen:
        kind = "index" if ".pf_index" in url else "fragments" if ".pf_fragment" in url else "runtime"
        kinds[kind] += size
    return QueryCost(query, results, kinds["runtime"], kinds["index"], kinds["fragments"], len(seen))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass
