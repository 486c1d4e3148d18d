"""`wijkkit build`: content → checked Catalog → Markdown pages → engine → site/, reading top to bottom.

First everything is gathered and checked; only then is anything published. The engine writes into an emptied folder
inside build/, and that folder replaces site/ only when every step succeeded, so a failed build leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .. import engines
from ..catalog import Catalog
from ..pages import page_problems
from ..problems import Problem, format_text
from ..project import read_project
from .config import ConfigError, engine_config, read_config, settings, write_engine_config
from .docs import KIT_FOLDER, docs_files, is_kit_file
from .progress import Progress, seconds
from .sync import sync

BUILD_DIR = "build"
DOCS_DIR = "docs"
SITE_DIR = "site"
STAGING_DIR = "site.new"


def run_build(root: Path, *, engine: str = "mkdocs", kits: bool = True) -> int:
    """Exit code 0 when site/ holds the new site; 1 when content, kits or the engine failed (site/ untouched)."""
    progress = Progress("wijkkit build", steps=5 if kits else 4)
    work = root / BUILD_DIR
    docs = work / DOCS_DIR

    with progress.step("inhoud lezen en controleren"):
        result = read_project(root)
        problems = result.problems or page_problems(result.catalog)
        if problems:
            return _fail(progress, problems)
        catalog = result.catalog
        try:
            config = read_config(root)
            site = settings(config)
        except ConfigError as error:
            return _fail(progress, message=str(error))

    kit_files: frozenset[str] = frozenset()
    if kits:
        with progress.step("workshopkits maken"):
            kit_files, problems = build_kit_files(catalog, docs, site.site_url)
            if problems:
                return _fail(progress, problems)
            progress.say(f"      {len(kit_files)} bestanden")
    else:
        shutil.rmtree(docs / KIT_FOLDER, ignore_errors=True)

    with progress.step("pagina's en open data schrijven"):
        built_on = dt.datetime.fromtimestamp(source_date_epoch(root), dt.UTC).date()
        synced = sync(docs, docs_files(catalog, site, kit_files=kit_files, root=root, today=built_on),
                      keep=is_kit_file)
        progress.say(f"      {len(synced.written)} bestanden geschreven, {synced.unchanged} ongewijzigd, "
                     f"{len(synced.removed)} verwijderd")

    label = engines.LABELS[engine]
    with progress.step(f"site bouwen met {label}"):
        staging = work / STAGING_DIR  # fixed name: the configuration (and Zensical's cache) stay the same
        shutil.rmtree(staging, ignore_errors=True)
        config_file = write_engine_config(work / "mkdocs.yml", engine_config(
            config, catalog, root=root, workdir=work, docs_dir=docs, site_dir=staging))
        run = engines.build(engine, config_file, env=engines.environment(source_date_epoch(root)),
                            on_wait=lambda t: progress.say(f"      {label} is nog bezig ({seconds(t)})"))
        if not run.ok:
            shutil.rmtree(staging, ignore_errors=True)
            print(run.output, file=sys.stderr)
            return _fail(progress, message=f"{label} kon de site niet bouwen (zie de meldingen hierboven)")

    with progress.step("site/ vervangen"):
        publish(staging, root / SITE_DIR)
    pages = sum(1 for _ in (root / SITE_DIR).rglob("index.html"))
    progress.say(f"klaar: {pages} pagina's in {SITE_DIR}/ in {progress.total()}")
    return 0


def build_kit_files(catalog: Catalog, docs: Path, site_url: str) -> tuple[frozenset[str], list[Problem]]:
    """Kit documents into docs/kits/<kit id>/, and the files written (relative to `docs`) for the pages to link.

    WeasyPrint is imported here, not at start-up, so `--no-kits` and `wijkkit check` never pay for it. When it
    cannot start (usually Pango is missing), that is a problem with a fix, not a traceback.
    """
    dest = docs / KIT_FOLDER
    shutil.rmtree(dest, ignore_errors=True)
    try:
        from ..kits.build import build_kits
    except (ImportError, OSError) as error:
        return frozenset(), [Problem("pyproject.toml", 1, 1, f"de PDF-maker WeasyPrint kan niet starten: {error}",
                                     "Installeer Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0) "
                                     "en voer 'make site' opnieuw uit, of bouw zonder kits: wijkkit build --no-kits.")]
    dest.mkdir(parents=True)
    problems = list(build_kits(catalog, dest, site_url=site_url))
    if problems:
        return frozenset(), problems
    return frozenset(p.relative_to(docs).as_posix() for p in dest.rglob("*") if p.is_file()), []


def publish(staging: Path, site: Path) -> None:
    """Swap the new site in: two renames on one file system, the old site removed only after.

    Files whose bytes did not change keep their old modification time first, so rsync, caches and deploy steps see
    only the pages that really changed.
    """
    old = None
    if site.exists():
        keep_times(staging, site)
        old = staging.with_name(staging.name + "-old")
        shutil.rmtree(old, ignore_errors=True)  # left over from an interrupted swap
        os.replace(site, old)
    os.replace(staging, site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def keep_times(new: Path, old: Path) -> int:
    """Give each file in `new` that is byte-identical to its namesake in `old` the old file's times."""
    kept = 0
    for folder, _, names in os.walk(new):
        for name in names:
            fresh = os.path.join(folder, name)
            previous = os.path.join(old, os.path.relpath(fresh, new))
            try:
                before = os.stat(previous)
                if before.st_size == os.stat(fresh).st_size and filecmp.cmp(fresh, previous, shallow=False):
                    os.utime(fresh, ns=(before.st_atime_ns, before.st_mtime_ns))
                    kept += 1
            except FileNotFoundError:
                continue
    return kept


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH when set; otherwise the last commit's time, so builds of one commit match everywhere."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value.isdigit():
        return int(value)
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                              timeout=10, check=False)
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return int(done.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    inputs = [p for top in ("content", "kit") for p in (root / top).rglob("*") if p.is_file()]
    return int(max((p.stat().st_mtime for p in inputs), default=0))


def _fail(progress: Progress, problems: list[Problem] = (), message: str = "") -> int:
    if problems:
        print(format_text(list(problems)), file=sys.stderr)
    if message:
        progress.say(message)
    progress.fail(f"afgebroken; {SITE_DIR}/ is niet veranderd")
    return 1

