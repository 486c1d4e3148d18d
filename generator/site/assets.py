"""Files the theme needs that come from packages rather than from this repository: the self-hosted font.

Atkinson Hyperlegible is copied from the PyPI package `fontpkg-atkinson-hyperlegible` at build time, so the site
never fetches a font from elsewhere (no Google Fonts: the AVG and a public-sector audience rule that out).
theme/assets/stylesheets/wijkkit.css declares the @font-face rules for these files.
"""

from __future__ import annotations

from pathlib import Path

FONT_FOLDER = "assets/fonts"
FONT_FILES = (
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
)


def font_files() -> dict[str, bytes]:
    """The four styles and the SIL Open Font License that must travel with them."""
    import fontpkg_atkinson_hyperlegible as package

    root = Path(package.ROOT)
    files = {f"{FONT_FOLDER}/{name}": (root / "files" / name).read_bytes() for name in FONT_FILES}
    files[f"{FONT_FOLDER}/OFL.txt"] = (root / "LICENSE").read_bytes()
    return files
