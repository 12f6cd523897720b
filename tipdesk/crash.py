"""Crash reports: what TIPDesk saves when a bug (anything that is not a ``KnownError``) stops it.

Contract:
- A report holds the TIPDesk version, the time, the exception's type and the code locations of
  its traceback (file, line, function) and nothing else: no exception message, no local values,
  no arguments, because any of them might quote a victim's name or other record contents.
- :func:`save_crash_report` writes the report under ``logs/`` of the data folder and returns its
  path, or ``None`` when it could not be written (a crash while reporting a crash must not
  raise). Any thread may call it.
- No Qt here: the command line and the desktop app both use it.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
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
