"""What WeasyPrint may load while it lays out a kit: the kit's own files, nothing else.

Why: a kit PDF is made on a maintainer's machine or in CI from text a stranger wrote. WeasyPrint follows every URL in
the HTML and CSS it is given: an image path like /etc/passwd or ~/.ssh/id_rsa would be read and printed into the PDF,
and an http URL would make the build call another host. The check refuses such images in the content (with file and
line); this fetcher is the second line: it serves only data: images and files inside the folders it was given, and
remembers what it refused so the build can say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..firewall import IMAGE_DATA


class Allow:
    """The rule: data: images, and file: URLs of files inside `roots`."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.refused: list[str] = []

    def __call__(self, url: str) -> bool:
        if IMAGE_DATA.match(url):
            return True
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(url2pathname(unquote(parts.path))).resolve()
            if path.is_file() and any(root == path or root in path.parents for root in self.roots):
                return True
        self.refused.append(url)
        return False


def safe_fetcher(roots: Iterable[Path]) -> Any:
    """A url_fetcher for WeasyPrint (the URLFetcher class of WeasyPrint 70, or a function for older releases)."""
    allow = Allow(roots)
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint < 70: a function returning a dict
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> dict:
            if not allow(url):
                raise ValueError(f"niet toegestaan in een kit: {url[:200]}")
            return default_url_fetcher(url, *args, **kwargs)

        fetch.allow = allow  # type: ignore[attr-defined]
        return fetch

    class SafeURLFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not allow(url):
                raise ValueError(f"niet toegestaan in een kit: {url[:200]}")
            return super().fetch(url, headers)

    fetcher = SafeURLFetcher(allowed_protocols=("file", "data"), allow_redirects=False)
    fetcher.allow = allow  # type: ignore[attr-defined]
    return fetcher
