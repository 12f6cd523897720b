"""Crash reports: what TIPDesk saves when a bug (anything that is not a ``KnownError``) stops it.

Contract:
- A report holds the TIPDesk version, the time, the exception's type and the code locations of
  its traceback (file, line, function) and nothing else: no exception message, no local values,
  no arguments, because any of them might quote a victim's name or other record contents.
- :func:`save_crash_report` writes the report under ``logs/`` of the data folder and returns its
  path, or ``None`` when it could not be written (a crash while reporting a crash must not
  raise). Any thread may call it.
- :func:`ordinary_error` tells a failure of the surroundings (a folder given for a file, a
  missing or read-only folder, a full disk, a closed pipe) from a bug: the former gets one
  line for the user and no report.
- No Qt here: the command line and the desktop app both use it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import traceback
from collections.abc import Callable
from pathlib import Path

from tipdesk import __version__
from tipdesk.paths import Paths


def _frames(exc: BaseException) -> list[str]:
    return [
        f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(exc.__traceback__)
    ]


def _cause(exc: BaseException) -> BaseException | None:
    return exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)


def crash_report_text(exc: BaseException, now: dt.datetime | None = None) -> str:
    """The report for ``exc``: its type and code locations only (see the module contract).
    Up to five chained causes (``raise X from Y``) follow, by the same rules."""
    moment = now or dt.datetime.now(dt.UTC)
    lines = [
        f"TIPDesk {__version__} crash at {moment.isoformat()}",
        f"exception: {type(exc).__module__}.{type(exc).__qualname__}",
        *_frames(exc),
    ]
    cause = _cause(exc)
    for _ in range(5):
        if cause is None:
            break
        lines.append(f"caused by: {type(cause).__module__}.{type(cause).__qualname__}")
        lines += _frames(cause)
        cause = _cause(cause)
    return "\n".join(lines) + "\n"


def save_crash_report(paths: Paths | None, exc: BaseException) -> Path | None:
    """Save the report for ``exc`` under ``paths.logs``; return its path, or ``None`` when there
    is no data folder or the report could not be written."""
    if paths is None:
        return None
    now = dt.datetime.now(dt.UTC)
    try:
        # Owner-only, like the rest of the data folder: the folder 0700, the report 0600.
        paths.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        paths.logs.mkdir(mode=0o700, exist_ok=True)
        if os.name != "nt":
            paths.logs.chmod(0o700)
        report = paths.logs / f"crash-{now:%Y%m%dT%H%M%S%f}.txt"
        fd = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(crash_report_text(exc, now))
    except OSError:
        return None
    return report


# errno -> what to tell the user: with the path the system named ({path}), and without one.
_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.EISDIR: ("{path} is a folder; give the name of a file", "a folder was given for a file"),
    errno.ENOTDIR: ("a part of {path} is not a folder", "a file was given for a folder"),
    errno.ENOENT: (
        "{path} does not exist (or a folder on its way does not)",
        "a file or folder does not exist",
    ),
    errno.EACCES: ("permission denied: {path}", "permission denied"),
    errno.EPERM: ("permission denied: {path}", "permission denied"),
    errno.EROFS: ("{path} is on a read-only disk", "the disk is read-only"),
    errno.ENOSPC: ("the disk is full: {path} was not completed", "the disk is full"),
    errno.EEXIST: ("{path} already exists", "the file already exists"),
    errno.ENAMETOOLONG: ("the name {path} is too long", "a file name is too long"),
    errno.EMFILE: ("too many files are open", "too many files are open"),
    errno.EIO: (
        "{path} could not be read or written: check the drive",
        "the disk could not be read or written: check the drive",
    ),
}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = (
        "the disk quota is full: {path} was not completed",
        "the disk quota is full",
    )


def ordinary_error(exc: BaseException, tr: Callable[[str], str] | None = None) -> str | None:
    """One sentence for the user when ``exc`` is a failure of the surroundings rather than a
    bug, else ``None``.

    Ordinary: any ``OSError`` (what the operating system refused: a folder where a file was
    expected, a missing or read-only folder, a full disk, no permission, a closed pipe). The
    sentence names the path the system gave and the reason; it never quotes the exception's
    message, which for some libraries' ``OSError`` subclasses may carry other text. ``tr``
    translates each sentence's pattern before the path is put in (the desktop app's
    translations; the command line's sentences are English).
    """
    if not isinstance(exc, OSError):
        return None
    t = tr or _same
    if isinstance(exc, BrokenPipeError):
        return t("The output was cut short: the program reading it stopped (a closed pipe).")
    path = exc.filename if isinstance(exc.filename, str) else None
    reasons = _OS_REASONS.get(exc.errno) if isinstance(exc.errno, int) else None
    if reasons is not None:
        text = t(reasons[0]).format(path=path) if path else t(reasons[1])
    else:
        reason = exc.strerror or type(exc).__name__
        text = (
            t("{path}: {reason}").format(path=path, reason=reason)
            if path
            else t("a system error ({reason})").format(reason=reason)
        )
    return text[0].upper() + text[1:] + "."


def disk_full(exc: BaseException) -> bool:
    """``exc`` says the disk (or the user's quota on it) is full."""
    full = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
    return isinstance(exc, OSError) and exc.errno in full


def _same(text: str) -> str:
    return text
