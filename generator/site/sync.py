"""Make a folder hold exactly a given set of files, touching only what changed.

A live preview watches the folder: rewriting a file whose bytes did not change would make it rebuild that page for
nothing, and a half-written file would make it render garbage. So unchanged files are left alone, changed ones are
replaced atomically, and files no longer wanted are removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


@dataclass
class Synced:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def sync(folder: Path, files: Mapping[str, bytes], *, keep: Callable[[str], bool] = lambda rel: False) -> Synced:
    """Write `files` (posix paths relative to `folder`) and delete every other file, except those `keep` accepts."""
    report = Synced()
    folder.mkdir(parents=True, exist_ok=True)
    for rel in sorted(files):
        _check(rel)
        target = folder / rel
        data = files[rel]
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace(target, data)
        report.written.append(rel)
    for path in sorted(folder.rglob("*"), reverse=True):  # children before their folders
        rel = path.relative_to(folder).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in files and not keep(rel):
            path.unlink()
            report.removed.append(rel)
    return report


def _replace(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".wijkkit-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check(rel: str) -> None:
    path = PurePosixPath(rel)
    if path.is_absolute() or ".." in path.parts or not rel:
        raise ValueError(f"not a relative path inside the folder: {rel!r}")
