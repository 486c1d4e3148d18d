"""Kit build speed (a benchmark, not a test): `.venv/bin/python -m bench.bench_kits [--runs N]`.

Issue 13's target: the breakfast kit in under 5 s from a fresh process on 2 cores. Measured three ways, each in a
new Python process, from start-up (WeasyPrint's import included) to the last file written:

- `wijkkit kit ontbijtsessie`: what a facilitator runs (card decks in one layout, HTML and PDF), timed from outside
  the process, so interpreter start-up counts too; its CPU time (user + sys) is printed beside it, because on a
  shared machine the wall time says as much about the neighbours as about the kit. When a core is idle the command
  paints the all-in-one PDF on it (generator/kits/build.py, `Helper`), so its wall time is then below its CPU time;
- the breakfast kit with every layout, as the site build makes it;
- all kits, as the site build makes them.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIJKKIT = Path(sys.executable).with_name("wijkkit")

SCRIPT = """
import sys, time, tempfile
from pathlib import Path
started = time.perf_counter()
from generator.project import read_project
from generator.kits.build import build_kit, build_kits
root = Path(sys.argv[1]); which = sys.argv[2]
result = read_project(root)
catalog, site_url = result.catalog, result.settings.site_url
with tempfile.TemporaryDirectory() as tmp:
    if which == "all":
        problems = build_kits(catalog, Path(tmp), site_url=site_url)
    else:
        built = build_kit(catalog, catalog.kit_by_id[which], site_url=site_url)
        problems = built.problems
        built.write(Path(tmp) / which)
    files = sorted(p.name for p in Path(tmp).rglob('*.pdf'))
print(f"{time.perf_counter() - started:.2f} {len(files)} {len(problems)}")
"""


def in_process(which: str) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT), which], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"{which}: the kit has problems; run wijkkit check")
    return float(out[0]), int(out[1])


CPU: list[float] = []


def command(kit: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [str(WIJKKIT), "--root", str(ROOT), "kit", kit, "--out", tmp],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return seconds, len(list(Path(tmp).glob("*.pdf")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; best of {args.runs} runs, each in a fresh process")
    cases = (
        ("wijkkit kit ontbijtsessie", lambda: command("ontbijtsessie"), 5.0),
        ("ontbijtsessie, every layout", lambda: in_process("ontbijtsessie"), None),
        ("all kits, every layout", lambda: in_process("all"), None),
    )
    for name, run, target in cases:
        times, pdfs = [], 0
        for _ in range(args.runs):
            seconds, pdfs = run()
            times.append(seconds)
        best = min(times)
        verdict = "" if target is None else f"  target < {target:.0f} s: {'ok' if best < target else 'TOO SLOW'}"
        cpu = f"  cpu {min(CPU):.2f} s" if target is not None and CPU else ""
        print(f"{name:28} {pdfs:3} PDFs  best {best:.2f} s  runs {', '.join(f'{t:.2f}' for t in times)}{cpu}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
