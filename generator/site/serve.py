"""`wijkkit serve`: a live preview that follows every change under content/ and kit/.

We keep build/serve/docs/ in step with the content (only files whose bytes changed are rewritten) and let
`mkdocs serve --dirty` rebuild just those pages and reload the browser. A change with content problems is reported
and not applied, so the preview keeps showing the last good version while you fix it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.observers.api import BaseObserver

from .. import engines
from ..problems import report
from ..project import read_project
from .build import BUILD_DIR, source_date_epoch
from .config import engine_config, write_engine_config
from .docs import docs_files
from .progress import seconds
from .sync import Synced, sync

SERVE_DIR = "serve"
WATCHED = ("content", "kit")
QUIET = 0.15  # seconds without further changes before refreshing: an editor's save is several events


class Preview:
    """build/serve/: the pages and configuration the live server reads."""

    def __init__(self, root: Path, *, host: str, port: int, fmt: str = "text") -> None:
        self.root = root
        self.fmt = fmt
        self.work = root / BUILD_DIR / SERVE_DIR
        self.docs = self.work / "docs"
        self.config_file = self.work / "mkdocs.yml"
        self.site_url = f"http://{host}:{port}/"
        self._lock = threading.Lock()
        self._failed = False
        self.last: Synced | None = None  # what the last successful refresh changed
        self.restart = False  # set when the engine must be started again (its folder was deleted)

    def refresh(self) -> bool:
        """Regenerate what changed; False (and the previous pages left alone) when the content has problems."""
        with self._lock:
            started = time.monotonic()
            result = read_project(self.root)
            if result.problems:
                report(result.problems, self.fmt)
                say("niet bijgewerkt: los de problemen hierboven op; de preview toont de laatste goede versie")
                self._failed = True
                return False
            config, site = result.config, result.settings
            if self.last is not None and not self.docs.is_dir():
                self.restart = True  # build/ was deleted: the live server watches a folder that no longer exists
                say(
                    f"{self.docs.relative_to(self.root)} was verwijderd; de pagina's worden opnieuw geschreven en de "
                    "preview wordt opnieuw gestart"
                )
            synced = self.last = sync(self.docs, docs_files(result.catalog, site, root=self.root))
            write_engine_config(
                self.config_file,
                engine_config(
                    config,
                    result.catalog,
                    root=self.root,
                    workdir=self.work,
                    docs_dir=self.docs,
                    site_dir=self.work / "site",
                    site_url=self.site_url,
                    strict=False,
                ),
            )
            changed = len(synced.written) + len(synced.removed)
            if self._failed:
                say("de inhoud is weer in orde")
                self._failed = False
            if changed:
                say(
                    f"{changed} {'bestand' if changed == 1 else 'bestanden'} bijgewerkt in "
                    f"{seconds(time.monotonic() - started)}"
                )
            return True


class Debounce:
    """Call `action` once things have been quiet for `wait` seconds."""

    def __init__(self, action: Callable[[], object], wait: float = QUIET) -> None:
        self.action = action
        self.wait = wait
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def __call__(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.wait, self.action)
            self._timer.daemon = True
            self._timer.start()

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()


def watch(root: Path, on_change: Debounce) -> BaseObserver:
    """Start watching content/ and kit/ for changes to YAML and Markdown files."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            paths = [event.src_path, getattr(event, "dest_path", "")]
            if any(str(p).endswith((".yaml", ".yml", ".md")) for p in paths if p) or event.is_directory:
                on_change()

    observer = Observer()
    for name in WATCHED:
        folder = root / name
        if folder.is_dir():
            observer.schedule(Handler(), str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    return observer


def run_serve(root: Path, *, host: str = "127.0.0.1", port: int = 8000, fmt: str = "text") -> int:
    preview = Preview(root, host=host, port=port, fmt=fmt)
    if not preview.refresh():
        return 1
    on_change = Debounce(preview.refresh)
    observer = watch(root, on_change)
    say(
        f"preview op {preview.site_url} (stop met Ctrl+C); wijzigingen in {' en '.join(f'{w}/' for w in WATCHED)} "
        f"komen vanzelf door"
    )
    command = engines.serve_command("mkdocs", preview.config_file, host, port)
    env = engines.child_env(source_date_epoch(root))
    child = subprocess.Popen(command, cwd=preview.work, env=env)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # stopped by a process manager: stop the server too
    try:
        while True:
            try:
                return child.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                pass
            if preview.restart:
                preview.restart = False
                _stop(child)
                child = subprocess.Popen(command, cwd=preview.work, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        on_change.cancel()
        observer.stop()
        _stop(child)


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def say(text: str) -> None:
    print(f"wijkkit serve: {text}", file=sys.stderr, flush=True)
