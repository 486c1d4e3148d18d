"""Progress lines for builds that take a while: what is happening now, and how long each step took."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    def __init__(self, command: str, steps: int, out: TextIO | None = None) -> None:
        self.command = command
        self.steps = steps
        self.done = 0
        self.out = out or sys.stderr
        self.started = time.monotonic()
        self.failed = False

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        self.done += 1
        self.say(f"[{self.done}/{self.steps}] {label}")
        started = time.monotonic()
        yield
        if not self.failed:
            self.say(f"      klaar in {seconds(time.monotonic() - started)}")

    def say(self, text: str) -> None:
        print(f"{self.command}: {text}", file=self.out, flush=True)

    def fail(self, text: str) -> None:
        self.failed = True
        self.say(text)

    def total(self) -> str:
        return seconds(time.monotonic() - self.started)


def seconds(value: float) -> str:
    """Dutch notation: '1,2 s'."""
    return f"{value:.1f} s".replace(".", ",")
