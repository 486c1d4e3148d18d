"""Incremental work after a one-file change: what `wijkkit build` rewrites, and how fast `wijkkit serve` shows it.

A file counts as rewritten when its bytes or its modification time changed: a file with the same bytes but a new mtime
was rewritten for nothing (a watcher, a cache or an rsync to the host sees it as changed). Same bytes and mtime in a
new inode (a new site folder swapped in) is counted apart: nothing that compares times or contents notices it.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .measure import run

EXAMPLE = "proefvoorbeeld-00042"  # exists from N = 100 on


@dataclass
class Diff:
    total: int  # files after the change
    changed: list[str] = field(default_factory=list)  # other bytes
    touched: list[str] = field(default_factory=list)  # same bytes, new modification time
    relinked: list[str] = field(default_factory=list)  # same bytes and time, another inode
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def rewritten(self) -> int:
        return len(self.changed) + len(self.touched) + len(self.added)


@dataclass
class Rebuild:
    label: str
    seconds: float
    docs: Diff  # build/docs/
    site: Diff  # site/


@dataclass
class ServeLatency:
    startup: float  # from starting `wijkkit serve` to the first page served
    latencies: list[float]  # from saving the file to the page served with the new title
    synced: list[int]  # files the preview rewrote in build/serve/docs/ per edit
    refresh: list[float]  # seconds wijkkit took to regenerate the pages, per edit (its own log, 0.1 s steps)
    engine: list[float]  # seconds MkDocs' dirty rebuild took, per edit (its own log)
    index_pages: tuple[int, int]  # pages in the preview's search index after the edits, and before them

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    out = {}
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            out[path.relative_to(folder).as_posix()] = (st.st_mtime_ns, st.st_ino, path.read_bytes())
    return out


def diff(before: dict[str, tuple[int, int, bytes]], after: dict[str, tuple[int, int, bytes]]) -> Diff:
    out = Diff(total=len(after))
    for rel, (mtime, inode, data) in sorted(after.items()):
        old = before.get(rel)
        if old is None:
            out.added.append(rel)
        elif old[2] != data:
            out.changed.append(rel)
        elif old[0] != mtime:
            out.touched.append(rel)
        elif old[1] != inode:
            out.relinked.append(rel)
    out.removed = sorted(before.keys() - after.keys())
    return out


def retitle(tree: Path, example: str, title: str) -> None:
    """Save the example with a new title, the way an editor does: the whole file written in place."""
    path = tree / "content" / "examples" / f"{example}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(f'title: "{title}"\n' if line.startswith("title:") else line for line in lines), encoding="utf-8"
    )


def rebuilds(tree: Path, wijkkit: str) -> list[Rebuild]:
    """`wijkkit build --no-kits` three times on a built tree: as it is, unchanged, and after one title changed."""
    build = [wijkkit, "build", "--no-kits"]
    first = run(build, tree)  # a known starting point (a benchmark may have added files to site/)
    if first.returncode:
        raise RuntimeError(first.output[-3000:])
    out = []
    for label, change in (
        ("nothing changed", None),
        ("one example's title changed", "Een nieuwe titel voor de meting"),
    ):
        if change:
            retitle(tree, EXAMPLE, change)
        docs, site = snapshot(tree / "build" / "docs"), snapshot(tree / "site")
        again = run(build, tree)
        if again.returncode:
            raise RuntimeError(again.output[-3000:])
        out.append(
            Rebuild(
                label, again.wall, diff(docs, snapshot(tree / "build" / "docs")), diff(site, snapshot(tree / "site"))
            )
        )
    return out


def summarize(paths: list[str], limit: int = 12) -> str:
    """'praktijkvoorbeelden/x.md, index.md' for a few files; counts per top folder for many."""
    if len(paths) <= limit:
        return ", ".join(f"`{p}`" for p in paths) or "none"
    folders = Counter(p.split("/")[0] + ("/" if "/" in p else "") for p in paths)
    return ", ".join(f"`{folder}` {count:,}" for folder, count in folders.most_common())


def serve_latency(tree: Path, wijkkit: str, edits: int, *, timeout: float = 300.0) -> ServeLatency:
    """Start `wijkkit serve`, then retitle one example `edits` times, timing each save until the page shows it."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/praktijkvoorbeelden/{EXAMPLE}/"
    log = tree / "build" / "serve-bench.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [wijkkit, "serve", "--port", str(port)],
            cwd=tree,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(url, lambda html: True, timeout, server)
        startup = time.perf_counter() - started
        index_before = _index_pages(port)
        latencies, synced, refresh, engine = [], [], [], []
        for k in range(1, edits + 1):
            time.sleep(1.0)  # let the server settle, as between two saves by a person
            title = f"Bewerking {k} voor de meting {time.time_ns() % 1_000_000}"
            lines_before = len(log.read_text(encoding="utf-8").splitlines())
            saved = time.perf_counter()
            retitle(tree, EXAMPLE, title)
            _wait_for(url, lambda html, title=title: title in html, timeout, server)
            latencies.append(time.perf_counter() - saved)
            time.sleep(0.5)  # the log lines of this edit
            new_lines = log.read_text(encoding="utf-8").splitlines()[lines_before:]
            ours = [
                m
                for line in new_lines
                if (m := re.match(r"wijkkit serve: (\d+) bestand(?:en)? bijgewerkt in ([\d,]+) s", line))
            ]
            synced.append(sum(int(m[1]) for m in ours))
            refresh.append(sum(float(m[2].replace(",", ".")) for m in ours))
            engine.append(
                sum(
                    float(m[1])
                    for line in new_lines
                    if (m := re.search(r"Documentation built in ([\d.]+) seconds", line))
                )
            )
        index_after = _index_pages(port)
    finally:
        _stop(server)
    return ServeLatency(startup, latencies, synced, refresh, engine, (index_after, index_before))


def _index_pages(port: int) -> int:
    """How many pages the served search index holds."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json", timeout=60) as response:
        docs = json.load(response)["docs"]
    return len({doc["location"].split("#")[0] for doc in docs})


def _wait_for(url: str, ready, timeout: float, server: subprocess.Popen) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"wijkkit serve stopped (exit {server.returncode}); see its log in build/")
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} not ready within {timeout:.0f} s")


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM (wijkkit serve then stops its MkDocs server); the process group only if that does not work."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
