"""Browser fixtures shared by the browser tests (test_browser.py, test_browser_tasks.py), registered in conftest.py:
one Chromium for the session, the built test site served under its site_url path, one context per page opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from chromium import DESKTOP, chromium
from served import LocalSite, page_types, serve
from sitebuild import BuiltSite


@pytest.fixture(scope="module")  # per module: another module's own Playwright (tests/contrib) may run meanwhile
def browser() -> Iterator[object]:
    with chromium(axe=True) as started:
        yield started


@pytest.fixture(scope="module")
def site(built_site: BuiltSite) -> Iterator[LocalSite]:
    with serve(built_site) as local:
        yield local


@pytest.fixture(scope="module")
def pages(built_site: BuiltSite) -> dict[str, str]:
    first, second = (e.id for e in built_site.catalog.examples[:2])
    return page_types(built_site) | {
        "404": "bestaat-niet/",
        "vergelijken": f"vergelijken/?v={first},{second}",
        "voor-bewoners": "voor-bewoners/",
    }


@dataclass
class Requests:
    """Every request the pages of one context made, and those that were headed off the machine (and stopped)."""

    origin: str
    seen: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def local(self, url: str) -> bool:
        return url.startswith((self.origin + "/", "data:", "blob:", "about:"))


@pytest.fixture
def open_page(browser, site: LocalSite) -> Iterator[Callable[..., object]]:
    """open_page(scheme='light', viewport=DESKTOP) → a new page in a new context, recording every request.

    At the end of the test no request may have left 127.0.0.1: the test fails if one did.
    """
    opened: list[tuple[object, Requests]] = []

    def open_(scheme: str = "light", viewport: dict[str, int] = DESKTOP):
        context = browser.new_context(color_scheme=scheme, viewport=viewport, locale="nl-NL", service_workers="block")
        requests = Requests(site.origin)

        def on_request(request) -> None:
            requests.seen.append(request.url)
            if not requests.local(request.url):
                requests.outside.append(request.url)

        def route(route) -> None:
            if requests.local(route.request.url):
                route.continue_()
            else:
                route.abort()  # recorded by on_request; never let it reach the network

        context.on("request", on_request)
        context.route("**/*", route)
        page = context.new_page()
        page.on("websocket", lambda socket: requests.outside.append(socket.url))
        page.requests = requests
        opened.append((context, requests))
        return page

    yield open_
    outside = [url for _, requests in opened for url in requests.outside]
    for context, _ in opened:
        context.close()
    assert not outside, f"requests to other hosts than 127.0.0.1: {sorted(set(outside))}"
