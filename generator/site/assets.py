"""Files the theme needs that come from packages rather than from this repository: the font and Dutch search.

Atkinson Hyperlegible is copied from the PyPI package `fontpkg-atkinson-hyperlegible` at build time, so the site
never fetches a font from elsewhere (no Google Fonts: the AVG and a public-sector audience rule that out).
theme/assets/stylesheets/wijkkit.css declares the @font-face rules for these files.

Material's Dutch search support (lunr-languages' `nl`) gets a small addition, search_nl.js, so that queries are
stemmed too; see that file for why. Engines that do not use lunr (Zensical) simply never load the file.
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


SEARCH_NL = "assets/javascripts/lunr/min/lunr.nl.min.js"  # where Material's search worker loads Dutch support


def search_files() -> dict[str, bytes]:
    """Material's lunr.nl.min.js with search_nl.js appended; a docs file overrides the theme file of that name."""
    from importlib.resources import files

    original = files("material").joinpath("templates", SEARCH_NL).read_bytes()
    addition = (Path(__file__).parent / "search_nl.js").read_bytes()
    return {SEARCH_NL: original.rstrip() + b"\n" + addition}
