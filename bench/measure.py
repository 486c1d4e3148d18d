"""Run a command and measure it the way a user experiences it: wall time, CPU time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LONG = 120.0  # seconds: a command this slow runs once (the naive set-up at 5,000 examples takes over ten minutes)


@dataclass(frozen=True)
class Run:
    """One measured command: wall and user+sys seconds, peak resident memory of the process tree's largest member."""

    wall: float
    cpu: float
    peak_mib: float
    returncode: int
    output: str


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run once. The child is reaped with wait4(), so CPU time and peak memory are its own (and its children's)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, output)


def median_run(
    command: list[str],
    cwd: Path,
    *,
    repeat: int = 3,
    env: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
    once_above: float = LONG,
) -> tuple[Run, int]:
    """The median of `repeat` runs by wall time (one run when the first takes `once_above` s or more), and how many.

    `before` is called before every run, to start each from the same state (an emptied output folder, say).
    """
    runs: list[Run] = []
    while len(runs) < repeat and (not runs or runs[0].wall < once_above):
        if before:
            before()
        runs.append(run(command, cwd, env))
        if runs[-1].returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{runs[-1].output[-3000:]}")
    wall = statistics.median(r.wall for r in runs)
    return min(runs, key=lambda r: abs(r.wall - wall)), len(runs)
