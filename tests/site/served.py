"""The built site as a visitor's browser and the link checker see it: served over HTTP on 127.0.0.1.

`LocalSite` serves a built `site/` folder under the path of its `site_url` (/wijkkit/), as GitHub Pages does, so the
404 page's absolute links work too; any unknown path gets 404.html with status 404. It answers with a `LinkChecker`
header, which tells linkchecker it may check this host at full speed.

`page_types` names one page of each kind a visitor meets, picked from the catalog so the tests follow the content.
"""

from __future__ import annotations

import functools
import posixpath
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sitebuild import BuiltSite

from generator import urls


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    not_found: Path | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def translate_path(self, path: str) -> str:
        path = urllib.parse.urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0")  # never exists
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):  # type: ignore[override]
        target = Path(self.translate_path(self.path))
        found = target.is_file() or (target.is_dir() and (target / "index.html").is_file())
        if not found and not target.is_dir() and self.not_found is not None:
            body = self.not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "HEAD":
                return None
            self.wfile.write(body)
            return None
        return super().send_head()


class LocalSite:
    """A built site served on a free port of 127.0.0.1; `url(path)` gives a page's address."""

    def __init__(self, site: Path, prefix: str = "/") -> None:
        handler = type("Handler", (_Handler,), {"prefix": prefix, "not_found": site / "404.html"})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.base = self.origin + prefix
        self.site = site

    def url(self, path: str = "") -> str:
        return self.base + path

    def start(self) -> LocalSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def serve(built: BuiltSite) -> Iterator[LocalSite]:
    """`built` served under the path of its site_url, for as long as the `with` block lasts."""
    prefix = urllib.parse.urlsplit(_site_url(built)).path.rstrip("/") + "/"
    local = LocalSite(built.site, prefix).start()
    try:
        yield local
    finally:
        local.stop()


def _site_url(built: BuiltSite) -> str:
    from generator.settings import read_config, settings

    return settings(read_config(built.root)[0])[0].site_url


def page_types(built: BuiltSite) -> dict[str, str]:
    """One page of each kind, by a Dutch name for test ids: the records with the most links, so most is on show."""
    catalog = built.catalog
    principle = max(
        catalog.principles,
        key=lambda p: (
            len(catalog.uses[p.id].cases) + len(catalog.uses[p.id].examples) + len(catalog.uses[p.id].kits),
            p.id,
        ),
    )
    uses = catalog.uses[principle.id]
    case = uses.cases[0] if uses.cases else catalog.cases[0]
    example = uses.examples[0] if uses.examples else catalog.examples[0]
    werkvorm = catalog.werkvormen[0]
    kit = max(catalog.kits, key=lambda k: (len(k.blocks), k.id))
    return {
        "home": "",
        "principes": "principes/",
        "principe": urls.page_url("principle", principle.id),
        "casussen": "casussen/",
        "casus": urls.page_url("case", case.id),
        "praktijkvoorbeelden": "praktijkvoorbeelden/",
        "praktijkvoorbeeld": urls.page_url("example", example.id),
        "gemeenten": "gemeenten/",
        "gemeente": urls.page_url("municipality", example.municipality),
        "werkvormen": "werkvormen/",
        "werkvorm": urls.page_url("werkvorm", werkvorm.id),
        "workshopkits": "workshopkits/",
        "workshopkit": urls.page_url("kit", kit.id),
        "bronnen": "bronnen/",
        "trefwoorden": "trefwoorden/",
        "over": "over/",
        "bijdragen": "bijdragen/",
    }


def html_pages(site: Path) -> list[str]:
    """Every page of a built site as a path relative to its root ('', 'principes/', …), 404.html left out."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        folder = path.parent.relative_to(site).as_posix()
        pages.append("" if folder == "." else posixpath.join(folder, ""))
    return pages
