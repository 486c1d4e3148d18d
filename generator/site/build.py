"""`wijkkit build`: content → checked Catalog → Markdown pages → engine → firewall → site/, reading top to bottom.

First everything is gathered and checked; only then is anything published. The engine writes into an emptied folder
inside build/; every HTML file there is held against the output firewall (generator/firewall.py); only then does that
folder replace site/, atomically and under a lock, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
from pathlib import Path

from .. import engines, firewall
from ..catalog import Catalog
from ..problems import Problem, report
from ..project import read_project
from .config import engine_config, write_engine_config
from .docs import KIT_FOLDER, docs_files, is_kit_file
from .progress import Progress, seconds
from .publish import PublishError, build_lock, publish, remove
from .sync import sync
from .trace import trace

BUILD_DIR = "build"
DOCS_DIR = "docs"
SITE_DIR = "site"
STAGING_DIR = "site.new"
ENGINE_LOG = "engine.log"
TRACEBACK = "Traceback (most recent call last):"


def _engine_failure(label: str, output: str, log: Path) -> str:
    """The engine's own messages, but not a Python traceback: that goes to build/engine.log, and the reader gets its
    last line and what to do."""
    if TRACEBACK not in output:
        print(output, file=sys.stderr)
        return f"{label} kon de site niet bouwen (zie de meldingen hierboven)"
    before, _, trace_text = output.partition(TRACEBACK)
    if before.strip():
        print(before.rstrip(), file=sys.stderr)
    log.write_text(output, encoding="utf-8")
    lines = [line for line in trace_text.strip().splitlines() if line.strip()]
    cause = lines[-1].strip() if lines else "onbekende fout"
    return (
        f"{label} liep vast op een fout in het programma: {cause}. De volledige uitvoer staat in "
        f"{BUILD_DIR}/{ENGINE_LOG}. Geeft 'wijkkit check' geen problemen, meld dit dan met dat bestand."
    )


def run_build(root: Path, *, engine: str = "mkdocs", kits: bool = True, fmt: str = "text") -> int:
    """Exit code 0 when site/ holds the new site; 1 when content, kits, the engine or the firewall failed.
    Problems are printed in `fmt` (text, github or json, see generator/problems.py); progress goes to stderr."""
    progress = Progress("wijkkit build", steps=6 if kits else 5)
    work = root / BUILD_DIR
    fail = functools.partial(_fail, progress, fmt=fmt)
    try:
        with build_lock(work, say=progress.say):
            return _build(root, work, progress, engine=engine, kits=kits, fail=fail)
    except PublishError as error:
        return fail(message=str(error))


def _build(root: Path, work: Path, progress: Progress, *, engine: str, kits: bool, fail) -> int:
    docs = work / DOCS_DIR
    with progress.step("inhoud lezen en controleren"):
        result = read_project(root)
        if result.problems:
            return fail(result.problems)
        catalog, config, site = result.catalog, result.config, result.settings

    kit_files: frozenset[str] = frozenset()
    if kits:
        with progress.step("workshopkits maken"):
            kit_files, problems = build_kit_files(catalog, docs, site.site_url)
            if problems:
                return fail(problems)
            progress.say(f"      {len(kit_files)} bestanden")
    else:
        remove(docs / KIT_FOLDER)

    with progress.step("pagina's en open data schrijven"):
        built_on = dt.datetime.fromtimestamp(source_date_epoch(root), dt.UTC).date()
        synced = sync(
            docs,
            docs_files(catalog, site, kit_files=kit_files, root=root, today=built_on, minify=True),
            keep=is_kit_file,
        )
        progress.say(
            f"      {len(synced.written)} bestanden geschreven, {synced.unchanged} ongewijzigd, "
            f"{len(synced.removed)} verwijderd"
        )

    label = engines.LABELS[engine]
    staging = work / STAGING_DIR  # fixed name: the configuration (and Zensical's cache) stay the same
    with progress.step(f"site bouwen met {label}"):
        remove(staging)
        config_file = write_engine_config(
            work / "mkdocs.yml",
            engine_config(config, catalog, root=root, workdir=work, docs_dir=docs, site_dir=staging),
        )
        run = engines.build(
            engine,
            config_file,
            env=engines.child_env(source_date_epoch(root)),
            on_wait=lambda t: progress.say(f"      {label} is nog bezig ({seconds(t)})"),
        )
        if not run.ok:
            remove(staging)
            return fail(message=_engine_failure(label, run.output, work / ENGINE_LOG))

    with progress.step("HTML controleren (firewall)"):
        refused = firewall.check_folder(staging)
        if refused:
            remove(staging)
            return fail(
                trace(refused, catalog, root),
                message="de gebouwde HTML bevat iets wat niet mag; site/ is niet vervangen",
            )
        progress.say(f"      {sum(1 for _ in staging.rglob('*.html'))} HTML-bestanden in orde")

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
    remove(dest)
    try:
        from ..kits.build import build_kits
    except (ImportError, OSError) as error:
        return frozenset(), [
            Problem(
                "pyproject.toml",
                1,
                1,
                f"de PDF-maker WeasyPrint kan niet starten: {error}",
                "Installeer Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0) "
                "en voer 'make site' opnieuw uit, of bouw zonder kits: wijkkit build --no-kits.",
            )
        ]
    dest.mkdir(parents=True)
    problems = list(build_kits(catalog, dest, site_url=site_url))
    if problems:
        return frozenset(), problems
    return frozenset(p.relative_to(docs).as_posix() for p in dest.rglob("*") if p.is_file()), []


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH when set; otherwise the last commit's time, so builds of one commit match everywhere."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value.isdigit():
        return int(value)
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10, check=False
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return int(done.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    inputs = [p for top in ("content", "kit") for p in (root / top).rglob("*") if p.is_file()]
    return int(max((p.stat().st_mtime for p in inputs), default=0))


def _fail(progress: Progress, problems: list[Problem] = (), message: str = "", *, fmt: str = "text") -> int:
    if problems:
        report(problems, fmt)
    if message:
        progress.say(message)
    progress.fail(f"afgebroken; {SITE_DIR}/ is niet veranderd")
    return 1
