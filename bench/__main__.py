"""`make bench`: how Wijkkit scales, measured on synthetic projects of N municipal examples.

Writes bench/results.md (committed) with the machine's core count, the date and the load. `--quick` runs N = 100
once per measurement and writes to bench/work/quick/results.md instead, so the test suite can keep this script
working without overwriting the results. Each section below is one function that measures and returns its lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental, search
from .corpus import generate
from .measure import LONG, median_run
from .sites import Setup, measure_all, split_pages_step

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / "work"
WIJKKIT = str(Path(sys.executable).with_name("wijkkit"))
SETUPS = ("wijkkit", "plain", "naive", "zensical")
KB, MB = 1_000, 1_000_000


@dataclass
class Corpus:
    n: int
    tree: Path
    counts: dict[str, int]
    check: tuple[float, float, float] = (0.0, 0.0, 0.0)  # wall, user+sys, peak MiB
    setups: dict[str, Setup] = field(default_factory=dict)
    pagefind: search.PagefindCost | None = None
    split: dict[str, float] = field(default_factory=dict)  # the pages step split, see bench_steps


@dataclass
class Bench:
    quick: bool
    repeat: int
    corpora: list[Corpus]
    loads: list[float] = field(default_factory=list)

    waited: float = 0.0

    def load(self) -> None:
        self.loads.append(os.getloadavg()[0])

    def settle(self, *, below: float = 1.0, at_most: float = 180.0) -> None:
        """Before a timed section of the full run: wait (up to `at_most` s) until the machine's load has dropped."""
        if self.quick:
            return
        started = time.monotonic()
        while os.getloadavg()[0] > below and time.monotonic() - started < at_most:
            time.sleep(5)
        self.waited += time.monotonic() - started
        self.load()


# ---------------------------------------------------------------------------------------------------- sections


def bench_check(bench: Bench) -> list[str]:
    lines = [
        "## `wijkkit check`",
        "",
        (
            "The content check, `wijkkit check --no-kits`: the kit layout it adds is cached by everything the layout "
            "depends on and measured on its own under *Kits*; the synthetic corpus's many principles would not fit a "
            "kit that prints them all."
        ),
        "",
        "| N examples | records | wall (s) | user+sys (s) | peak RSS (MiB) | runs |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        result, runs = median_run([WIJKKIT, "check", "--no-kits"], corpus.tree, repeat=1 if bench.quick else 5)
        corpus.check = (result.wall, result.cpu, result.peak_mib)
        lines.append(
            f"| {corpus.n:,} | {corpus.counts['records']:,} | {result.wall:.2f} | {result.cpu:.2f} | "
            f"{result.peak_mib:.0f} | {runs} |"
        )
        print(lines[-1], flush=True)
    return lines


def bench_builds(bench: Bench, *, naive: bool) -> list[str]:
    """Every set-up on every corpus; the side-by-side table and the ratios."""
    for corpus in bench.corpora:
        print(f"  N = {corpus.n:,}", flush=True)
        bench.settle()
        corpus.setups = measure_all(corpus.tree, repeat=bench.repeat, naive=naive)
        if search.available() is None:
            print("    Pagefind …", flush=True)
            corpus.pagefind = search.measure(corpus.tree / "site")
    lines = [
        "## Site build, side by side",
        "",
        (
            "Same Markdown pages for every set-up (see bench/sites.py); no kits. Wall and user+sys in seconds, "
            "user+sys and peak RSS including child processes; *runs* is how many runs the median is of."
        ),
        "",
        "| N examples | set-up | wall (s) | user+sys (s) | peak RSS (MiB) | runs | wall vs Wijkkit |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        ours = corpus.setups["wijkkit"].run.wall
        for key in SETUPS:
            if key in corpus.setups:
                s = corpus.setups[key]
                lines.append(
                    f"| {corpus.n:,} | {s.label} | {s.run.wall:.2f} | {s.run.cpu:.2f} | "
                    f"{s.run.peak_mib:.0f} | {s.runs} | {s.run.wall / ours:.2f}× |"
                )
            else:
                lines.append(f"| {corpus.n:,} | naive: every page in the nav | skipped (--skip-naive) | | | | |")
    lines += [
        "",
        "Ratios of wall time. *ours* is the whole `wijkkit build --no-kits`; *engine* is its MkDocs step.",
        "",
        "| N examples | ours / plain | ours' engine / plain | naive / ours | ours / Zensical |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        s = corpus.setups
        ours = s["wijkkit"].run.wall
        naive_ratio = f"{s['naive'].run.wall / ours:.2f}" if "naive" in s else "skipped"
        lines.append(
            f"| {corpus.n:,} | {ours / s['plain'].run.wall:.2f} | "
            f"{s['wijkkit'].steps['engine'] / s['plain'].run.wall:.2f} | {naive_ratio} | "
            f"{ours / s['zensical'].run.wall:.2f} |"
        )
    return lines


def bench_steps(bench: Bench) -> list[str]:
    lines = [
        "## Wijkkit's build by step",
        "",
        (
            "From `wijkkit build --no-kits`' own progress lines (the median run). *Outside the engine* is the total "
            "wall time minus the engine step: Python start-up, reading and checking, writing pages and open data, "
            "the output firewall over every HTML file, and swapping site/."
        ),
        "",
        (
            "| N examples | read + check (s) | pages + open data (s) | engine (s) | firewall (s) | swap site/ (s) | "
            "total (s) | outside the engine (s) | outside / engine |"
        ),
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        ours = corpus.setups["wijkkit"]
        st, total = ours.steps, ours.run.wall
        outside = total - st["engine"]
        lines.append(
            f"| {corpus.n:,} | {st['read']:.2f} | {st['pages']:.2f} | {st['engine']:.2f} | "
            f"{st['firewall']:.2f} | {st['publish']:.2f} | {total:.2f} | {outside:.2f} | "
            f"{outside / st['engine']:.0%} |"
        )
    lines += [
        "",
        (
            "The same work split further, in one process with the functions `wijkkit build` calls (median of "
            f"{bench.repeat}; bench/sites.py `SPLIT`): *render* is every page and the open data as bytes in "
            "memory, *write* is syncing them into build/docs/: into an empty folder, as in CI, and again with "
            "nothing changed, as in a local rebuild."
        ),
        "",
        (
            "| N examples | files | read (s) | check pages (s) | render (s) | write, empty folder (s) | "
            "write, nothing changed (s) |"
        ),
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        split = corpus.split = split_pages_step(corpus.tree, repeat=bench.repeat)
        lines.append(
            f"| {corpus.n:,} | {int(split['files']):,} | {split['read']:.2f} | {split['check pages']:.2f} | "
            f"{split['render']:.2f} | {split['write, empty folder']:.2f} | "
            f"{split['write, nothing changed']:.2f} |"
        )
    return lines


def bench_sizes(bench: Bench) -> list[str]:
    lines = [
        "## Pages and search index",
        "",
        (
            "1 kB = 1,000 bytes. *Record page*: the median HTML of an example's page. *Search index*: the file "
            "every visitor downloads before the first result (MkDocs: search/search_index.json; Zensical: "
            "search.json), raw and gzip-compressed as a web server sends it; *per record* divides the raw size "
            "by the number of records (examples, principles, cases, sources, werkvormen, kits), *per page* by the "
            "number of HTML pages (records plus a page per municipality and the section pages)."
        ),
        "",
        (
            "| N examples | set-up | pages | site (MB) | record page (kB) | largest page (kB) | "
            "search index (MB) | gzip (MB) | per record (kB) | per page (kB) |"
        ),
        "| ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        for key in SETUPS:
            if key not in corpus.setups:
                continue
            s = corpus.setups[key].stats
            lines.append(
                f"| {corpus.n:,} | {corpus.setups[key].label} | {s.pages:,} | {s.bytes / MB:.1f} | "
                f"{s.record_page / KB:.1f} | {s.largest_page / KB:.0f} (`{s.largest_path}`) | "
                f"{s.search_index / MB:.2f} | {s.search_index_gz / MB:.2f} | "
                f"{s.search_index / corpus.counts['records'] / KB:.2f} | "
                f"{s.search_index / s.pages / KB:.2f} |"
            )
    return lines


def bench_pagefind(bench: Bench) -> list[str]:
    lines = ["## Search on demand: Pagefind", "", search.__doc__.split("\n\n", 1)[1].strip(), ""]
    reason = search.available()
    if reason:
        return [*lines, f"Not measured: {reason}."]
    lines += [
        (
            f"A query loads the runtime once (pagefind.js, WebAssembly, language metadata), the index chunks of "
            f"its words and the excerpts of the first {search.SHOWN} results. MkDocs' search downloads the "
            f"whole index (last column, gzip) before the first result."
        ),
        "",
        (
            "| N examples | indexing (s) | bundle on disk (MB) | query | results | runtime (kB) | index chunks (kB) "
            "| excerpts (kB) | one query in all (kB) | MkDocs: whole index, gzip (kB) |"
        ),
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus in bench.corpora:
        pf = corpus.pagefind
        if pf is None:
            continue
        whole = corpus.setups["wijkkit"].stats.search_index_gz
        for q in pf.queries:
            lines.append(
                f"| {corpus.n:,} | {pf.seconds:.1f} | {pf.bundle_bytes / MB:.1f} | `{q.query}` | "
                f"{q.results:,} | {q.runtime / KB:.0f} | {q.index / KB:.0f} | {q.fragments / KB:.1f} | "
                f"{q.total / KB:.0f} | {whole / KB:,.0f} |"
            )
    return lines


def bench_incremental(bench: Bench, corpus: Corpus, *, edits: int) -> list[str]:
    print(f"  rebuilds at N = {corpus.n:,}", flush=True)
    bench.settle()
    rebuilds = incremental.rebuilds(corpus.tree, WIJKKIT)
    lines = [
        f"## Incremental rebuilds at N = {corpus.n:,}",
        "",
        (
            f"`wijkkit build --no-kits` on a built tree, once unchanged and once after the title of "
            f"`{incremental.EXAMPLE}` changed. *Changed*: other bytes; *same bytes, new mtime*: rewritten for "
            "nothing; *new inode only*: same bytes and mtime in a freshly swapped-in folder."
        ),
        "",
        ("| change | wall (s) | folder | files | changed | same bytes, new mtime | new inode only | added | removed |"),
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rebuilds:
        for name, d in (("build/docs/", r.docs), ("site/", r.site)):
            lines.append(
                f"| {r.label} | {r.seconds:.2f} | {name} | {d.total:,} | {len(d.changed):,} | "
                f"{len(d.touched):,} | {len(d.relinked):,} | {len(d.added):,} | {len(d.removed):,} |"
            )
    lines.append("")
    for r in rebuilds:
        for name, d in (("build/docs/", r.docs), ("site/", r.site)):
            if d.changed or d.touched:
                lines.append(
                    f"- {r.label}, {name}: changed {incremental.summarize(d.changed)}; "
                    f"same bytes, new mtime {incremental.summarize(d.touched)}."
                )
    print(f"  wijkkit serve at N = {corpus.n:,}", flush=True)
    serve = incremental.serve_latency(corpus.tree, WIJKKIT, edits)
    bench.load()
    lines += [
        "",
        f"### `wijkkit serve` at N = {corpus.n:,}",
        "",
        (
            "From saving one example's YAML file (a new title) until the served page shows the new title; MkDocs' "
            "server answers page requests only after a rebuild finishes, so this is when a reloaded browser shows "
            "it."
        ),
        "",
        (
            "| edits | first page served after start (s) | save → page, median (s) | min (s) | max (s) | "
            "wijkkit regenerating, median (s) | MkDocs' dirty rebuild, median (s) | files the preview rewrote "
            "per edit |"
        ),
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        (
            f"| {len(serve.latencies)} | {serve.startup:.1f} | {serve.median:.2f} | {min(serve.latencies):.2f} | "
            f"{max(serve.latencies):.2f} | {statistics.median(serve.refresh):.1f} | "
            f"{statistics.median(serve.engine):.2f} | {', '.join(map(str, serve.synced))} |"
        ),
        "",
        (
            "The rest of save → page is waiting: wijkkit's debounce (0.15 s), MkDocs' polling of build/serve/docs/ "
            "(every 0.5 s) and its build delay (0.1 s). The preview's search index holds "
            f"{serve.index_pages[0]:,} pages after the edits and {serve.index_pages[1]:,} before"
            + (
                ": a dirty rebuild indexes only the pages it rebuilt, so search in the preview misses the others "
                "until it restarts."
                if serve.index_pages[0] < serve.index_pages[1]
                else "."
            )
        ),
    ]
    return lines


def bench_kits(bench: Bench) -> list[str]:
    """The shipped kits (they do not grow with N), by bench/bench_kits.py."""
    print("  kits", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_kits"], cwd=REPO, capture_output=True, text=True, check=False
    )
    body = done.stdout.strip() if done.returncode == 0 else f"failed (exit {done.returncode}):\n{done.stderr[-2000:]}"
    return [
        "## Kits",
        "",
        (
            "The shipped kits as PDF, best of 3 from a fresh process, by `bench/bench_kits.py` "
            "(the kit time is separate from the site builds above)."
        ),
        "",
        "```text",
        body,
        "```",
    ]


def bench_targets(bench: Bench) -> list[str]:
    """Issue 7's targets against the largest corpus (they are set for N = 5,000)."""
    big, small = bench.corpora[-1], bench.corpora[0]
    note = "" if big.n >= 5000 else f" (measured at N = {big.n:,}; the target is set for N = 5,000)"
    ours = big.setups["wijkkit"]
    st = ours.steps
    outside = ours.run.wall - st["engine"]
    startup = outside - st["read"] - st["pages"] - st["firewall"] - st["publish"]
    share = outside / st["engine"]
    growth = big.setups["wijkkit"].stats.record_page / small.setups["wijkkit"].stats.record_page
    per_record = ours.stats.search_index / big.counts["records"]
    check = big.check[0]

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    rows = [
        (
            "generator overhead ≤ 10 % of the engine's time",
            f"{share:.0%}",
            verdict(share <= 0.10),
            (
                f"{outside:.1f} s outside MkDocs' {st['engine']:.1f} s: reading and checking {st['read']:.1f} s, "
                f"pages and "
                f"open data {st['pages']:.1f} s, swapping site/ {st['publish']:.1f} s, Python start-up and imports "
                f"{startup:.1f} s. Of the pages step, rendering takes {big.split['render']:.1f} s and writing "
                f"{int(big.split['files']):,} files into an empty build/docs/ {big.split['write, empty folder']:.1f} s "
                f"(only {big.split['write, nothing changed']:.1f} s when nothing changed)."
            ),
        ),
        (
            "HTML per record page at N = 5,000 ≤ 1.2 × at N = 100",
            (
                f"{growth:.2f}× ({big.setups['wijkkit'].stats.record_page / KB:.1f} kB vs "
                f"{small.setups['wijkkit'].stats.record_page / KB:.1f} kB)"
            ),
            verdict(growth <= 1.2),
            "The navigation lists sections, not records, so a record page does not carry the corpus."
            if growth <= 1.2
            else "A record page grows with the corpus: see the largest pages above.",
        ),
        (
            "`wijkkit check` < 1 s at N = 5,000",
            f"{check:.2f} s",
            verdict(check < 1.0),
            f"{big.counts['records']:,} records read and checked in one process, user+sys {big.check[1]:.2f} s.",
        ),
        (
            "search index ≤ 4 kB per record",
            f"{per_record / KB:.2f} kB",
            verdict(per_record <= 4 * KB),
            (
                f"MkDocs' index holds every page's full text split by heading ({ours.stats.search_index / MB:.1f} MB "
                f"raw, "
                f"{ours.stats.search_index_gz / MB:.1f} MB gzip at N = {big.n:,}), and every visitor downloads all of "
                f"it "
                "before the first result; see Pagefind below for an index loaded in chunks."
            ),
        ),
    ]
    lines = [
        f"## Targets{note}",
        "",
        "Targets from issue 7, reported, not asserted.",
        "",
        "| target | measured | verdict | why |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {t} | {m} | {v} | {w} |" for t, m, v, w in rows]
    return lines


# ---------------------------------------------------------------------------------------------------- main


def _cpu_stall() -> float | None:
    """Seconds that some task on this machine waited for a core, since boot (Linux pressure stall information)."""
    try:
        some = Path("/proc/pressure/cpu").read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError):
        return None
    return int(some.rpartition("total=")[2]) / 1e6


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} minutes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="N = 100, one run each; results go to bench/work/quick/")
    parser.add_argument("--sizes", type=int, nargs="+", help="override the sizes (default 100 1000 5000)")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the naive set-up (slow at 5,000)")
    parser.add_argument("--out", type=Path, help="where to write the results (default: see above)")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes or ([100] if args.quick else [100, 1000, 5000]))
    work = WORK / "quick" if args.quick else WORK  # the test suite's quick run never shares trees with `make bench`
    out = args.out or (work / "results.md" if args.quick else REPO / "bench" / "results.md")
    work.mkdir(parents=True, exist_ok=True)
    started, stall = time.monotonic(), _cpu_stall()
    bench = Bench(quick=args.quick, repeat=1 if args.quick else 3, corpora=[])
    bench.load()
    for n in sizes:
        tree = work / f"n{n}"
        bench.corpora.append(Corpus(n, tree, generate(tree, n, repo=REPO)))

    print("wijkkit check", flush=True)
    bench.settle()
    check = bench_check(bench)
    print("site builds", flush=True)
    builds = bench_builds(bench, naive=not args.skip_naive)
    steps, sizes_lines, pagefind = bench_steps(bench), bench_sizes(bench), bench_pagefind(bench)
    live = next((c for c in bench.corpora if c.n == 1000), bench.corpora[0])
    rebuild = bench_incremental(bench, live, edits=2 if args.quick else 5)
    kits = [] if args.quick else bench_kits(bench)
    bench.load()
    targets = bench_targets(bench)

    corpus_rows = [
        (
            f"| {c.n:,} | {c.counts['records']:,} | {c.counts['principles']:,} | {c.counts['cases']:,} | "
            f"{c.counts['sources']:,} |"
        )
        for c in bench.corpora
    ]
    shared = max(bench.loads) > 1.0
    elapsed = time.monotonic() - started
    stalled = _cpu_stall()
    pressure = (
        f" Some task waited for a core {(stalled - stall) / elapsed:.0%} of the time (CPU pressure)."
        if stall is not None and stalled is not None
        else ""
    )
    lines = [
        "# Wijkkit benchmarks",
        "",
        (
            f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores ({platform.machine()}, "
            f"{platform.system()}), Python {platform.python_version()}, by "
            f"`{'make bench-quick' if args.quick else 'make bench'}` "
            f"in {_duration(elapsed)}; "
            + (
                "one run for each measurement."
                if args.quick
                else f"median of 3 runs for each measurement under {LONG:.0f} s (of 5 for `wijkkit check`), one run "
                f"above."
            )
        ),
        (
            f"Load average (1 min) from {bench.loads[0]:.2f} at the start to {bench.loads[-1]:.2f} at the end, "
            f"highest {max(bench.loads):.2f}"
        )
        + (": a shared machine, other work was running, so wall times are upper bounds." if shared else ".")
        + pressure
        + (
            f" Before each section the run waited for the load to drop below 1 (at most 3 minutes; "
            f"{_duration(bench.waited)} in all)."
            if not args.quick
            else ""
        ),
        "",
        (
            "Synthetic corpora by bench/corpus.py (seeded, the same bytes every run): the shipped content plus N "
            "examples spread over ~350 municipalities in all twelve provinces, a principle per 50 examples, a case per "
            "20 and a source per 10."
        ),
        "",
        "| N examples | records | principles | cases | sources |",
        "| ---: | ---: | ---: | ---: | ---: |",
        *corpus_rows,
        "",
        *targets,
        "",
        *check,
        "",
        *builds,
        "",
        *steps,
        "",
        *sizes_lines,
        "",
        *pagefind,
        "",
        *rebuild,
        "",
    ]
    if kits:
        lines += [*kits, ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
