"""Building a copy of the project for the site tests; used by conftest.py and by tests that need their own copy."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import Catalog
from generator.project import read_project
from generator.site.build import run_build

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"  # copied over the project: a test kit, made-up examples with every fact filled in
FALLBACKS = HERE / "fixtures-fallback"  # copied only where the project has no such file yet (a page still to come)
PROJECT_PARTS = ("content", "kit", "theme", "mkdocs.yml")
# The site's fixed pages a visitor reaches from the navigation (the home page is "").
SECTION_URLS = ("", "principes/", "casussen/", "praktijkvoorbeelden/", "gemeenten/", "werkvormen/", "workshopkits/",
                "bronnen/", "trefwoorden/", "bijdragen/", "over/")  # fmt: skip


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the project copy
    site: Path  # root / "site"
    catalog: Catalog
    engine: str

    def html(self, url: str) -> str:
        """The HTML of a page by its site URL ('principes/x/'); an anchor is ignored."""
        return (self.site / url.split("#")[0] / "index.html").read_text(encoding="utf-8")


def copy_project(source: Path, dest: Path, *, fixtures: bool = True) -> Path:
    """The parts of the project a build reads, plus the test kit; never the developer's build/ or site/."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, dest / name)
        elif path.is_file():
            shutil.copy2(path, dest / name)
    if fixtures:
        shutil.copytree(FIXTURES, dest, dirs_exist_ok=True)
        for path in FALLBACKS.rglob("*"):
            target = dest / path.relative_to(FALLBACKS)
            if path.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    return dest


def build_project(root: Path, *, engine: str = "mkdocs", kits: bool = False) -> BuiltSite:
    code = run_build(root, engine=engine, kits=kits)
    assert code == 0, f"wijkkit build --engine {engine} failed (exit {code}); see the captured output"
    result = read_project(root)
    assert result.catalog is not None
    return BuiltSite(root, root / "site", result.catalog, engine)
