"""The site build side by side: Wijkkit, plain MkDocs + Material, a newcomer's set-up and Zensical, on one corpus.

Every set-up renders the same Markdown pages, the ones `wijkkit build --no-kits` wrote into build/docs/:

- **Wijkkit**: `wijkkit build --no-kits`, from an empty build/ and site/ (as in CI): read and check the content,
  write the pages and open data, run MkDocs with our configuration, swap site/.
- **plain**: MkDocs + Material with a minimal mkdocs.yml (no theme overrides, no extra CSS or JavaScript, no
  strict checks) on the same pages and the same section navigation: the floor for our engine.
- **naive**: what a newcomer writes: the same minimal mkdocs.yml with every page in the navigation.
- **Zensical**: `zensical build` with our configuration on the same pages, its cache emptied before each run.

Kits are left out here (they do not grow with the corpus); bench/bench_kits.py measures them.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import engines

from .measure import Run, median_run

# `wijkkit build` as the user runs it, with its step timings printed to the millisecond instead of 0.1 s.
WRAPPER = """\
import sys
import generator.site.progress as progress
progress.seconds = lambda value: f"{value:.3f} s"
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""
STEPS = {
    "inhoud lezen": "read",
    "pagina's": "pages",
    "site bouwen": "engine",
    "HTML controleren": "firewall",
    "site/ vervangen": "publish",
}
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}


@dataclass
class SiteStats:
    """What a visitor's browser and the host see of one built site."""

    bytes: int
    files: int
    pages: int
    record_page: float  # median bytes of an example's page (praktijkvoorbeelden/<id>/index.html)
    largest_page: int
    largest_path: str
    search_index: int  # the client-side search index every visitor downloads, raw
    search_index_gz: int  # and gzip-compressed, as a web server sends it


@dataclass
class Setup:
    key: str
    label: str
    run: Run
    runs: int
    stats: SiteStats
    steps: dict[str, float] = field(default_factory=dict)  # Wijkkit only: seconds per build step


def measure_all(tree: Path, *, repeat: int, naive: bool = True) -> dict[str, Setup]:
    """Build the corpus in `tree` with every set-up; returns them by key (wijkkit, plain, naive, zensical)."""
    tree = tree.resolve()
    out = {"wijkkit": measure_wijkkit(tree, repeat=repeat)}
    build = tree / "build"
    ours = yaml.safe_load((build / "mkdocs.yml").read_text(encoding="utf-8"))
    variants = [("plain", "plain MkDocs + Material", plain_config(ours, "site-plain"))]
    if naive:
        variants.append(("naive", "naive: every page in the nav", naive_config(ours, build / "docs", "site-naive")))
    variants.append(("zensical", "Zensical", {**ours, "site_dir": "site-zensical"}))
    for key, label, config in variants:
        print(f"    {label} …", flush=True)
        config_file = build / f"{key}.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        site = build / config["site_dir"]
        engine = "zensical" if key == "zensical" else "mkdocs"
        # Zensical exactly as `wijkkit build --engine zensical` runs it; MkDocs without --strict, as a newcomer would
        command = (
            engines.build_command(engine, config_file)
            if engine == "zensical"
            else [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config_file)]
        )

        def clean(site: Path = site) -> None:
            shutil.rmtree(site, ignore_errors=True)
            shutil.rmtree(build / ".cache", ignore_errors=True)  # Zensical's cache: every run starts cold

        run, runs = median_run(command, build, repeat=repeat, before=clean, env=MKDOCS_ENV)
        index = site / ("search.json" if engine == "zensical" else "search/search_index.json")
        out[key] = Setup(key, label, run, runs, site_stats(site, index))
        shutil.rmtree(site, ignore_errors=True)  # the naive site at 5,000 examples takes gigabytes
    shutil.rmtree(build / ".cache", ignore_errors=True)
    return out


def measure_wijkkit(tree: Path, *, repeat: int) -> Setup:
    def clean() -> None:
        for name in ("build", "site"):
            shutil.rmtree(tree / name, ignore_errors=True)

    print("    wijkkit build --no-kits …", flush=True)
    run, runs = median_run([sys.executable, "-c", WRAPPER, "build", "--no-kits"], tree, repeat=repeat, before=clean)
    stats = site_stats(tree / "site", tree / "site" / "search" / "search_index.json")
    return Setup("wijkkit", "Wijkkit (`wijkkit build --no-kits`)", run, runs, stats, steps=build_steps(run.output))


def build_steps(output: str) -> dict[str, float]:
    """Seconds per step from `wijkkit build`'s progress lines ('[3/4] site bouwen met MkDocs' … 'klaar in 2.013 s')."""
    steps: dict[str, float] = {}
    current = None
    for line in output.splitlines():
        if match := re.search(r"\[\d+/\d+\] (.+)$", line):
            current = next((key for prefix, key in STEPS.items() if match[1].startswith(prefix)), None)
            if current is None:
                raise ValueError(f"unknown build step in: {line!r}")
        elif (match := re.search(r"klaar in ([0-9.]+) s$", line)) and current:
            steps[current] = float(match[1])
            current = None
    missing = set(STEPS.values()) - steps.keys()
    if missing:
        raise ValueError(f"build steps not found ({', '.join(sorted(missing))}) in:\n{output[-2000:]}")
    return steps


def plain_config(ours: dict[str, Any], site_dir: str) -> dict[str, Any]:
    """A minimal Material set-up on the same pages: what MkDocs itself costs, without anything of ours."""
    return {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "docs_dir": ours["docs_dir"],
        "site_dir": site_dir,
        "theme": {"name": "material", "language": ours["theme"].get("language", "nl")},
        "plugins": [{"search": {"lang": "nl"}}, "tags"],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "nav": ours["nav"],
        "not_in_nav": ours.get("not_in_nav", ""),
    }


def naive_config(ours: dict[str, Any], docs: Path, site_dir: str) -> dict[str, Any]:
    """The plain set-up with every page in the navigation, section by section, as a newcomer would list them."""
    config = plain_config(ours, site_dir)
    del config["not_in_nav"]
    nav: list[Any] = []
    listed: set[str] = set()
    for entry in ours["nav"]:
        ((title, path),) = entry.items()
        listed.add(path)
        folder = path.rpartition("/")[0]
        if path.endswith("/index.md") and (docs / folder).is_dir():
            pages = sorted(p.relative_to(docs).as_posix() for p in (docs / folder).glob("*.md"))
            nav.append({title: [path, *(p for p in pages if p != path)]})
            listed.update(pages)
        else:
            nav.append(entry)
    for page in sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")):
        if page not in listed:  # sections outside ours' nav (none today) still get every page listed
            nav.append(page)
    config["nav"] = nav
    return config


def site_stats(site: Path, search_index: Path) -> SiteStats:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.name == "index.html"]
    records = [p.stat().st_size for p in (site / "praktijkvoorbeelden").glob("*/index.html")]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = search_index.read_bytes() if search_index.is_file() else b""
    return SiteStats(
        bytes=sum(p.stat().st_size for p in files),
        files=len(files),
        pages=len(pages),
        record_page=statistics.median(records) if records else 0.0,
        largest_page=largest.stat().st_size,
        largest_path=largest.parent.relative_to(site).as_posix() + "/",
        search_index=len(index),
        search_index_gz=len(gzip.compress(index, compresslevel=6)),
    )


# The pages step in one process, split: what is computing and what is writing files. Uses the same functions as
# `wijkkit build` (generator/site/build.py); the writes go to a scratch folder inside the tree's build/.
SPLIT = """\
import json, shutil, statistics, sys, time
from pathlib import Path
from generator.project import read_project
from generator.site.docs import docs_files
from generator.site.sync import sync

root, repeat = Path(sys.argv[1]), int(sys.argv[2])
scratch = root / "build" / "split-docs"
times = {"read": [], "check pages": [], "render": [], "write, empty folder": [], "write, nothing changed": []}
for _ in range(repeat):
    shutil.rmtree(scratch, ignore_errors=True)
    t0 = time.perf_counter(); result = read_project(root)
    t1 = time.perf_counter()  # page names are checked by read_project since check equals build
    t2 = time.perf_counter(); files = docs_files(result.catalog, result.settings)
    t3 = time.perf_counter(); sync(scratch, files)
    t4 = time.perf_counter(); sync(scratch, files)
    t5 = time.perf_counter()
    for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
        times[key].append(value)
shutil.rmtree(scratch, ignore_errors=True)
print(json.dumps({"files": len(files), **{key: statistics.median(values) for key, values in times.items()}}))
"""


def split_pages_step(tree: Path, *, repeat: int) -> dict[str, float]:
    """Seconds (median of `repeat`, in one process) to read, check, render and write the pages of `tree`."""
    import json
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", SPLIT, str(tree.resolve()), str(repeat)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"splitting the pages step failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)
