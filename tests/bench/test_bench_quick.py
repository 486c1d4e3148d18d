"""`python -m bench --quick` keeps working: N = 100, one run per measurement, every section with numbers.

It writes to bench/work/quick/ and must leave the committed bench/results.md alone.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

NUMBER = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?(×|%)?$")


def table(text: str, heading: str) -> list[list[str]]:
    """The rows (header excluded) of the first table after `heading`, as lists of cells."""
    section = text.split(heading, 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("| "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    assert len(rows) >= 2 and set(rows[1][0]) <= set("-: "), f"no table under {heading!r}"
    return rows[2:]


def numbers(row: list[str], *columns: int) -> list[float]:
    values = []
    for column in columns:
        cell = row[column].split(" ")[0]
        assert NUMBER.match(cell), f"not a number in column {column}: {row}"
        values.append(float(cell.rstrip("×%").replace(",", "")))
    return values


@pytest.mark.slow
def test_quick_bench_writes_every_section(root: Path) -> None:
    committed = root / "bench" / "results.md"
    before = committed.read_bytes() if committed.exists() else None
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick"], cwd=root, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (committed.read_bytes() if committed.exists() else None) == before, "--quick overwrote bench/results.md"
    text = (root / "bench" / "work" / "quick" / "results.md").read_text(encoding="utf-8")

    assert re.search(r"on \d+ cores", text) and "Load average" in text

    targets = table(text, "Targets from issue 7, reported, not asserted.\n")
    assert len(targets) == 4
    assert all(row[2] in ("**met**", "**missed**") for row in targets)

    (check,) = table(text, "## `wijkkit check`\n")
    assert check[0] == "100"
    assert all(value > 0 for value in numbers(check, 2, 3, 4))

    builds = table(text, "## Site build, side by side\n")
    assert [row[1].split(" ")[0].rstrip(":") for row in builds] == ["Wijkkit", "plain", "naive", "Zensical"]
    for row in builds:
        wall, cpu, rss, runs, ratio = numbers(row, 2, 3, 4, 5, 6)
        assert wall > 0 and cpu > 0 and rss > 0 and runs == 1 and ratio > 0
    (ratios,) = table(text, "Ratios of wall time.")
    assert all(value > 0 for value in numbers(ratios, 1, 2, 3, 4))

    (steps,) = table(text, "## Wijkkit's build by step\n")
    pages, engine, firewall, total, outside = numbers(steps, 2, 3, 4, 6, 7)
    assert 0 < engine < total and pages > 0 and firewall > 0 and outside > 0
    (split,) = table(text, "The same work split further")
    files, read, render, cold, warm = numbers(split, 1, 2, 4, 5, 6)
    assert files > 100 and read > 0 and render > 0 and cold > warm > 0

    sizes = table(text, "## Pages and search index\n")
    assert len(sizes) == 4
    for row in sizes:
        pages, site, record, largest, index, gz, per_record = numbers(row, 2, 3, 4, 5, 6, 7, 8)
        assert pages > 100 and site > 0 and 0 < record < largest and 0 < gz < index and per_record > 0

    pagefind = text.split("## Search on demand: Pagefind\n", 1)[1].split("\n## ", 1)[0]
    if "Not measured:" not in pagefind:
        rows = table(text, "## Search on demand: Pagefind\n")
        assert rows and all(numbers(row, 9)[0] > 0 for row in rows)

    rebuilds = table(text, "## Incremental rebuilds at N = 100\n")
    assert len(rebuilds) == 4
    unchanged_docs, _, edited_docs, _ = rebuilds
    assert numbers(unchanged_docs, 4, 5, 6) == [0, 0, 0], "an unchanged rebuild rewrote pages"
    changed, touched = numbers(edited_docs, 4, 5)
    assert 1 <= changed < 20 and touched == 0, "one changed title should rewrite only the pages that show it"

    (serve,) = table(text, "### `wijkkit serve` at N = 100\n")
    edits, startup, median = numbers(serve, 0, 1, 2)
    assert edits == 2 and startup > 0 and 0 < median < 30
