"""QR codes as SVG data URIs (segno): vector, so they stay sharp on paper, and nothing is fetched.

Making one costs about a millisecond (segno scores eight masks), and the session composer's data holds one for every
principle and case: thousands at 5,000 examples. So each code is kept in memory for the run and in the user's cache
folder (XDG_CACHE_HOME) between runs, under a key of the address and segno's version: the same bytes, made once.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import segno


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wijkkit" / "qr"


@lru_cache(maxsize=8192)
def qr_data_uri(url: str) -> str:
    key = hashlib.sha256(f"{segno.__version__}\0m\0{url}".encode()).hexdigest()
    cached = _cache_dir() / f"{key}.txt"
    try:
        return cached.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        pass
    # Error correction M survives a crease or a coffee stain; the 4-module quiet zone is white on any background.
    made = segno.make(url, error="m", micro=False).svg_data_uri(scale=1, border=4, dark="#000", light="#fff")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(made, encoding="ascii")
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: only slower next time
    return made
