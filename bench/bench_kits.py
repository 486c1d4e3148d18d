"""Kit build speed (a benchmark, not a test): `.venv/bin/python tests/kits/bench_kits.py [--jobs N]`.

Targets from issue 5: the breakfast kit with every document as PDF in under 5 s, all three kits in under 12 s,
counted from a fresh process (WeasyPrint's import included) to the last file written.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys, time, tempfile
from pathlib import Path
started = time.perf_counter()
from generator.project import read_project
from generator.kits.build import build_kit, build_kits
from generator.kits.siteurl import read_site_url
root = Path(sys.argv[1]); which = sys.argv[2]
catalog = read_project(root).catalog
site_url = read_site_url(root)
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


def run(which: str) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), which], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for which, target in (("ontbijtsessie", 5.0), ("all", 12.0)):
        times = []
        for _ in range(args.runs):
            seconds, pdfs = run(which)
            times.append(seconds)
        best = min(times)
        verdict = "ok" if best < target else "TOO SLOW"
        print(f"{which:14} {pdfs:3} PDFs  best {best:.2f} s  runs {', '.join(f'{t:.2f}' for t in times)}"
              f"  target < {target:.0f} s  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
