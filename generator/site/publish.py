"""Putting a finished build in place: one build at a time, an atomic swap, and a clear message when it cannot.

Why a module of its own: the swap is where a fault loses the whole site. A lock keeps a second `wijkkit build` in the
same project from swapping folders under the first; the swap exchanges the two folders in one system call where the
kernel offers it (Linux renameat2), so `site/` is never missing, and falls back to two renames that are undone when
the second fails.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import filecmp
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "wijkkit-build.lock"
_rename = os.replace  # the plain rename the swap falls back to; a name of its own so tests can make it fail
WAIT_SECONDS = 15 * 60


class PublishError(Exception):
    """The new site could not be put in place; the message is for the user, in Dutch. The old site is unchanged."""


@contextmanager
def build_lock(work: Path, *, say: Callable[[str], None], timeout: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold build/wijkkit-build.lock for the whole build; a second build waits for the first (and says so)."""
    from filelock import FileLock, Timeout

    work.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(work / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say("er draait al een wijkkit build in deze map; deze build wacht tot die klaar is")
        try:
            lock.acquire(timeout=timeout)
        except Timeout as error:
            raise PublishError(
                f"de andere build is na {int(timeout // 60)} minuten nog niet klaar; stop hem of "
                f"verwijder {work / LOCK_FILE} als er geen build meer draait"
            ) from error
    try:
        yield
    finally:
        lock.release()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False when the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP if hasattr(errno, "ENOTSUP") else errno.EINVAL):
        return False
    raise OSError(code, os.strerror(code), str(b))


def publish(staging: Path, site: Path) -> None:
    """Put `staging` in the place of `site`; `site` is never missing and a failure leaves it as it was.

    Files whose bytes did not change keep their old modification time first, so rsync, caches and deploy steps see
    only the pages that really changed.
    """
    try:
        if not site.exists():
            _rename(staging, site)
            return
        keep_times(staging, site)
        if _exchange(staging, site):
            remove(staging)  # now holds the old site
            return
        old = staging.with_name(staging.name + "-old")
        remove(old)  # left over from an interrupted swap
        _rename(site, old)
        try:
            _rename(staging, site)
        except OSError:
            _rename(old, site)  # put the old site back before reporting
            raise
        remove(old)
    except OSError as error:
        remove(staging)
        raise PublishError(
            f"{site.name}/ kan niet vervangen worden ({error.strerror or error}); controleer of je "
            f"{site} en de map erboven mag wijzigen en of geen ander programma hem gebruikt. "
            f"De vorige {site.name}/ is niet veranderd."
        ) from error


def remove(path: Path) -> None:
    """Delete a folder tree, also where a user made parts of it read-only (the old site/ after a chmod)."""

    def make_writable(function: Callable, name: str, _: object) -> None:
        try:
            os.chmod(os.path.dirname(name), 0o755)
            os.chmod(name, 0o755 if os.path.isdir(name) else 0o644)
            function(name)
        except OSError:
            pass

    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        handler = {"onexc": make_writable} if sys.version_info >= (3, 12) else {"onerror": make_writable}
        shutil.rmtree(path, **handler)


def keep_times(new: Path, old: Path) -> int:
    """Give each file in `new` that is byte-identical to its namesake in `old` the old file's times."""
    kept = 0
    for folder, _, names in os.walk(new):
        for name in names:
            fresh = os.path.join(folder, name)
            previous = os.path.join(old, os.path.relpath(fresh, new))
            try:
                before = os.stat(previous)
                if before.st_size == os.stat(fresh).st_size and filecmp.cmp(fresh, previous, shallow=False):
                    os.utime(fresh, ns=(before.st_atime_ns, before.st_mtime_ns))
                    kept += 1
            except (FileNotFoundError, PermissionError):
                continue
    return kept
