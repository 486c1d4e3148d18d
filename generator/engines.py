"""The site engines: turn a folder of Markdown plus a configuration file into HTML.

MkDocs (with Material) is the default; Zensical, Material's successor, reads the same mkdocs.yml and the same
pages. Each runs as a child process: its logging stays out of ours, its output can be shown when it fails, and
`wijkkit serve` can stop it cleanly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

ENGINES = ("mkdocs", "zensical")
LABELS = {"mkdocs": "MkDocs", "zensical": "Zensical"}


@dataclass(frozen=True)
class Run:
    engine: str
    returncode: int
    output: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def child_env(source_date_epoch: int | None = None, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The child's environment: reproducible dates, and no advertising banner in the build output."""
    env = dict(os.environ if base is None else base)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONIOENCODING", "utf-8")
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    return env


def build_command(engine: str, config: Path) -> list[str]:
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file", str(config)]
    if engine == "zensical":
        return [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(config)]
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def serve_command(engine: str, config: Path, host: str, port: int) -> list[str]:
    """A live server that rebuilds changed pages and reloads the browser."""
    if engine == "mkdocs":
        return [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dirty",
            "--watch-theme",
            "--config-file",
            str(config),
            "--dev-addr",
            f"{host}:{port}",
        ]
    if engine == "zensical":
        return [sys.executable, "-m", "zensical", "serve", "--config-file", str(config), "--dev-addr", f"{host}:{port}"]
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def build(
    engine: str,
    config: Path,
    *,
    env: Mapping[str, str],
    on_wait: Callable[[float], None] | None = None,
    every: float = 10.0,
) -> Run:
    """Run one build; `on_wait(seconds)` is called every `every` seconds while it runs, to show it is alive."""
    started = time.monotonic()
    child = subprocess.Popen(
        build_command(engine, config),
        cwd=config.parent,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    while True:
        try:
            output, _ = child.communicate(timeout=every)
            break
        except subprocess.TimeoutExpired:
            if on_wait:
                on_wait(time.monotonic() - started)
        except BaseException:
            child.kill()
            child.wait()
            raise
    return Run(engine, child.returncode, output.strip(), time.monotonic() - started)
