"""`make bench`: how Wijkkit scales, measured on synthetic projects of N municipal examples.

Writes bench/results.md (committed) with the machine's core count and the date. `--quick` runs N = 100 only and
writes to bench/work/ instead, so the test suite can keep this script working without overwriting the results.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
from pathlib import Path

from .corpus import generate
from .measure import median_run

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / "work"
WIJKKIT = str(Path(sys.executable).with_name("wijkkit"))


def bench_check(sizes: list[int]) -> list[str]:
    rows = ["| N examples | records | `wijkkit check` wall (s) | user+sys (s) | peak RSS (MiB) | target < 1 s at 5,000 |",
            "| ---: | ---: | ---: | ---: | ---: | --- |"]
    for n in sizes:
        tree = WORK / f"n{n}"
        counts = generate(tree, n, repo=REPO)
        result = median_run([WIJKKIT, "check"], tree)
        verdict = ("met" if result.wall < 1 else "missed") if n >= 5000 else ""
        rows.append(f"| {n:,} | {counts['records']:,} | {result.wall:.2f} | {result.cpu:.2f} | {result.peak_mib:.0f} | {verdict} |")
        print(rows[-1], flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="N = 100 only; results go to bench/work/")
    parser.add_argument("--sizes", type=int, nargs="+", help="override the sizes (default 100 1000 5000)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([100] if args.quick else [100, 1000, 5000])
    WORK.mkdir(parents=True, exist_ok=True)

    lines = [
        "# Wijkkit benchmarks",
        "",
        f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores ({platform.machine()}), "
        f"Python {platform.python_version()}, by `make bench` (median of 3 runs under 30 s).",
        "",
        "## `wijkkit check`",
        "",
        *bench_check(sizes),
        "",
    ]
    out = WORK / "results-quick.md" if args.quick else REPO / "bench" / "results.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"written: {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
