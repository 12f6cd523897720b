"""Time sources. Code that needs "now" takes a ``Clock`` so tests can fix time."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current UTC time."""

    def now(self) -> dt.datetime:
        """Return an aware UTC datetime."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock that stands still until moved; for tests and deterministic demo data."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def advance(self, seconds: float) -> None:
        self._at += dt.timedelta(seconds=seconds)


def iso_timestamp(moment: dt.datetime) -> str:
    """Format an aware datetime as the store's timestamp text: UTC, milliseconds, ``Z``."""
    return (
        moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.")
        + f"{moment.microsecond // 1000:03d}Z"
    )


def parse_timestamp(text: str) -> dt.datetime:
    """Inverse of :func:`iso_timestamp`."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
