"""One way to start Debian's Chromium for the browser tests (site, kits, form, composer).

The flags are those that work on a machine without network or screen: without --disable-background-networking
Chromium keeps trying to reach Google and the closed network refuses it many times over. A missing Playwright,
axe or Chromium skips a test on a developer's machine and fails it under CI=true, where .ci/run installs them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(ok: object, reason: str) -> None:
    """Go on when `ok`; else skip with `reason`, or fail under CI, where a missing tool is a broken set-up."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing tool fails the run; .ci/run installs it)")
    pytest.skip(reason)


@contextmanager
def chromium(*, axe: bool = False) -> Iterator[object]:
    """A Playwright Chromium browser (with axe-core available when `axe`), closed afterwards."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python is missing: install the test extra (pip install -e '.[test]')")
    if axe:
        try:
            import axe_playwright_python  # noqa: F401
        except ImportError:
            require(False, "axe-playwright-python is missing: install the test extra (pip install -e '.[test]')")
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
