"""Crash reports hold the exception type and code locations, never values or messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tipdesk.crash import crash_report_text, save_crash_report
from tipdesk.paths import Paths

SECRET = "Sana Bibi 35202-7654321-2"


def _inner(value: str) -> None:
    raise KeyError(value)


def _outer() -> None:
    try:
        _inner(SECRET)
    except KeyError as exc:
        raise ValueError(f"could not save {SECRET}") from exc


def _caught() -> BaseException:
    try:
        _outer()
    except ValueError as exc:
        return exc
    raise AssertionError("no exception")


def test_the_report_names_types_and_places_only() -> None:
    text = crash_report_text(_caught(), dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    assert text.startswith("TIPDesk ") and "2026-06-01" in text
    assert "exception: builtins.ValueError" in text
    assert "caused by: builtins.KeyError" in text
    assert " in _outer" in text and " in _inner" in text
    assert "Sana" not in text and "35202" not in text


def test_saving_the_report(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "home")
    report = save_crash_report(paths, _caught())
    assert report is not None and report.parent == paths.logs
    assert "ValueError" in report.read_text(encoding="utf-8")
    assert save_crash_report(None, _caught()) is None
    blocked = Paths(tmp_path / "file-not-folder")
    blocked.home.write_text("x", encoding="utf-8")  # logs/ cannot be made under a file
    assert save_crash_report(blocked, _caught()) is None
