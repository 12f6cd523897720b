"""Atomic file writes: a reader sees either the old file or the whole new one, never a mix.

Used for key files, bundles, exports and settings. The recipe is the classic one: write a
temporary file in the same folder (so the rename stays on one file system), flush and fsync it,
``os.replace`` it over the target (``Path.replace``), then fsync the folder so the rename itself
survives a power cut (POSIX only: Windows cannot open a folder for fsync).

Contract:
- On any failure before the rename the temporary file is removed, the target is untouched, and
  the exception is re-raised. ``OSError`` with ``ENOSPC`` or ``EDQUOT`` becomes
  :class:`tipdesk.core.errors.DiskFull`; every other error keeps its type.
- If only the final folder fsync fails (a real I/O error), the new content is already in place
  and the error is raised so the caller knows durability is not certain. Folder fsync is
  skipped silently on file systems that do not support it (``EINVAL``, ``ENOTSUP``).
- ``mode`` is applied exactly (it is not filtered by the umask); the default keeps the file
  private to the current user. On Windows only the read-only bit is honoured.
- If ``path`` is a symbolic link, the link itself is replaced by a regular file.
- Any thread may call these functions; two concurrent writers of the same path each produce a
  whole file and the last rename wins. No locking is done here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from tipdesk.core.errors import DiskFull

_DISK_FULL_ERRNOS: frozenset[int] = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)
_DIR_FSYNC_UNSUPPORTED: frozenset[int] = frozenset(
    code
    for code in (errno.EINVAL, getattr(errno, "ENOTSUP", None), getattr(errno, "EOPNOTSUPP", None))
    if code is not None
)


def atomic_write_bytes(path: Path, data: bytes | bytearray, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically and durably (see the module contract).

    Raises :class:`DiskFull` when the disk or quota is full, otherwise the ``OSError`` raised
    by the operating system (e.g. the folder does not exist or is not writable).
    """
    path = Path(path)
    try:
        _write_and_replace(path, data, mode)
    except OSError as exc:
        if exc.errno in _DISK_FULL_ERRNOS:
            raise DiskFull(f"The disk is full: {path} was not written; nothing changed.") from exc
        raise
    _fsync_folder(path.parent)


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8", mode: int = 0o600) -> None:
    """Like :func:`atomic_write_bytes` for text; no newline translation is done on any OS."""
    atomic_write_bytes(path, text.encode(encoding), mode=mode)


def _write_and_replace(path: Path, data: bytes | bytearray, mode: int) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            _set_mode(handle.fileno(), tmp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        # Includes KeyboardInterrupt: a half-written temp file must never be left behind.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _set_mode(fd: int, tmp: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only flag is meaningful.
        tmp.chmod(mode)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    dir_fd = os.open(folder, flags)
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(dir_fd)


def replace_durably(tmp: Path, path: Path) -> None:
    """Rename the finished, fsynced file ``tmp`` over ``path`` and fsync the folder (for
    callers that stream a large file into a temporary file of their own)."""
    Path(tmp).replace(path)
    _fsync_folder(Path(path).parent)
