"""Files the theme needs that come from packages rather than from this repository: the font and Dutch search.

Atkinson Hyperlegible is made at build time from the PyPI package `fontpkg-atkinson-hyperlegible`: each style as a
WOFF2 subset with the characters Dutch text needs (fontTools), so the site never fetches a font from elsewhere (no
Google Fonts: the AVG and a public-sector audience rule that out) and a page loads about a quarter of the bytes.
theme/assets/stylesheets/wijkkit.css declares the @font-face rules for these files.

Material's Dutch search support (lunr-languages' `nl`) gets a small addition, search_nl.js, so that queries are
stemmed too; see that file for why. Engines that do not use lunr (Zensical) simply never load the file.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from ..catalog import Catalog
from . import searchwords

FONT_FOLDER = "assets/fonts"
FONT_FILES = (
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
)
# What Dutch text on the site needs: Latin-1 (é, ë, ï, ü, …), Latin Extended-A (ĳ, names like Súdwest-Fryslân
# are in Latin-1 already), typographic punctuation (– — ‘ ’ “ ” … •), € and the arrows of the sort buttons.
# The stylesheet's @font-face rules name the same ranges (unicode-range), so a character outside them falls back
# to a system font instead of showing as a box. Keep the two in step.
UNICODES = "U+0000-00FF, U+0100-017F, U+0192, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2190-2195"


@functools.lru_cache(maxsize=1)
def font_files() -> dict[str, bytes]:
    """The four styles as WOFF2 subsets (fontTools, from the package's TTF files), and the SIL Open Font License
    that must travel with them. The subsets keep kerning and ligatures; the same input gives the same bytes."""
    import fontpkg_atkinson_hyperlegible as package

    root = Path(package.ROOT)
    files = {
        f"{FONT_FOLDER}/{Path(name).stem}.woff2": subset_woff2((root / "files" / name).read_bytes())
        for name in FONT_FILES
    }
    files[f"{FONT_FOLDER}/OFL.txt"] = (root / "LICENSE").read_bytes()
    return files


def subset_woff2(ttf: bytes) -> bytes:
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]  # keep the names, including the licence notice and URL (the OFL asks for it)
    options.notdef_outline = True
    font = TTFont(io.BytesIO(ttf), recalcTimestamp=False, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


SEARCH_NL = "assets/javascripts/lunr/min/lunr.nl.min.js"  # where Material's search worker loads Dutch support


def search_files(catalog: Catalog, texts: Iterable[str]) -> dict[str, bytes]:
    """Material's lunr.nl.min.js, then the build's Dutch word tables (compounds from the pages' `texts`, synonyms from
    content/synonyms.yaml), then search_nl.js; a docs file overrides the theme file of that name."""
    from importlib.resources import files

    original = files("material").joinpath("templates", SEARCH_NL).read_bytes()
    addition = (Path(__file__).parent / "search_nl.js").read_bytes()
    return {SEARCH_NL: original.rstrip() + b"\n" + searchwords.script(catalog, texts) + addition}


MINIFIED = (("assets/stylesheets", ".css"), ("assets/javascripts", ".js"))


def theme_assets(theme: Path) -> dict[str, bytes]:
    """The theme's own stylesheets and scripts, minified (rcssmin, rjsmin), to be written over the theme's readable
    sources in the site: a file in the docs folder takes the place of the theme file of the same name.

    Measured with gzip: wijkkit.css 5.5 → 2.9 KB, tabel.js 5.6 → 4.1 KB, wijkkit.js 2.0 → 1.2 KB. Material's own
    files are minified already. `wijkkit serve` leaves this out, so edits to the theme show at once.
    """
    import rcssmin
    import rjsmin

    found = {}
    for folder, suffix in MINIFIED:
        for path in sorted((theme / folder).glob(f"*{suffix}")):
            text = path.read_text(encoding="utf-8")
            small = rcssmin.cssmin(text) if suffix == ".css" else rjsmin.jsmin(text)
            found[f"{folder}/{path.name}"] = small.encode("utf-8")
    return found
