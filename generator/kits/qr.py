"""QR codes as SVG data URIs (segno): vector, so they stay sharp on paper, and nothing is fetched."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=512)
def qr_data_uri(url: str) -> str:
    # Error correction M survives a crease or a coffee stain; the 4-module quiet zone is white on any background.
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=1, border=4, dark="#000", light="#fff")
