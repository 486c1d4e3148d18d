"""Site test set-up: a copy of the project built once per session, for every site test to read.

`built_site` is the shipped content plus one test kit (tests/site/fixtures/), built with MkDocs without the kit
documents; `zensical_site` is the same built with Zensical. Tests that change content use `project_copy` and
`sitebuild.build_project` on their own copy. The browser tests can reuse `built_site`: its `site` folder is plain
static HTML; serve it with any static server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import BuiltSite, build_project, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, root: Path) -> BuiltSite:
    return build_project(copy_project(root, tmp_path_factory.mktemp("site-mkdocs") / "project"))


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, root: Path) -> BuiltSite:
    return build_project(copy_project(root, tmp_path_factory.mktemp("site-zensical") / "project"), engine="zensical")


@pytest.fixture
def project_copy(tmp_path: Path, root: Path) -> Iterator[Path]:
    yield copy_project(root, tmp_path / "project")


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> Iterator[str]:
    """`built_site` served on 127.0.0.1 (a free port) for browser tests; yields the base URL, ending in '/'."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Browser fixtures (Chromium through Playwright), shared by test_browser.py and test_browser_tasks.py.
from browsing import browser, open_page, pages, site  # noqa: F401
