"""Temporary files that a killed process may leave behind, removed at the next start.

A backup writes two temporary files before the finished one is renamed into place: the
database copy (in the data folder) and the container (beside the destination, which may be a
USB stick). Both are created 0600, but a ``kill -9`` or a power cut between their creation and
the end of the backup leaves them where they are. :func:`tracked` notes them in the data
folder's ``.leftovers/`` while the work runs; :func:`clean` (run at every sign-in) removes the
files of notes whose process is gone.

Contract: a note is a small JSON file holding a list of paths, guarded by an OS file lock
(filelock) that its writer holds while the work runs, so :func:`clean` never removes the files
of a backup still under way in another process (the app and the command line may run at
once). Only files whose names start with ``.tipdesk-`` or ``.backup-`` are ever removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from filelock import Timeout as LockTimeout

from tipdesk.paths import Paths

_FOLDER = ".leftovers"
_PREFIXES = (".tipdesk-", ".backup-")


def _folder(paths: Paths) -> Path:
    return paths.home / _FOLDER


def _lock(note: Path) -> FileLock:
    return FileLock(str(note) + ".lock", mode=0o600, thread_local=False, is_singleton=False)


@contextmanager
def tracked(paths: Paths, files: Sequence[Path]) -> Iterator[None]:
    """Note ``files`` for the duration of the block; at its end (normal or not) remove any of
    them still there, and the note."""
    folder = _folder(paths)
    folder.mkdir(mode=0o700, exist_ok=True)
    note = folder / f"{uuid.uuid4().hex}.json"
    lock = _lock(note)
    lock.acquire()
    try:
        fd = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([str(p) for p in files], handle)
        try:
            yield
        finally:
            _remove(files)
            note.unlink(missing_ok=True)
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            Path(lock.lock_file).unlink()


def clean(paths: Paths) -> list[Path]:
    """Remove the files of notes left by processes that ended before their work did; return
    the files removed. Never raises: a file that cannot be removed stays for the next time."""
    removed: list[Path] = []
    folder = _folder(paths)
    if not folder.is_dir():
        return removed
    for note in folder.glob("*.json"):
        lock = _lock(note)
        try:
            lock.acquire(timeout=0)
        except (LockTimeout, OSError):
            continue  # its writer is still at work
        try:
            try:
                files = [Path(p) for p in json.loads(note.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError):
                files = []
            removed += _remove(files)
            note.unlink(missing_ok=True)
        finally:
            lock.release()
            with contextlib.suppress(OSError):
                Path(lock.lock_file).unlink()
    return removed


def _remove(files: Sequence[Path]) -> list[Path]:
    gone: list[Path] = []
    for f in files:
        if not f.name.startswith(_PREFIXES):
            continue
        with contextlib.suppress(OSError):
            if f.is_file() and not f.is_symlink():
                f.unlink()
                gone.append(f)
    return gone
