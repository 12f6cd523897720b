"""Derived age groups. Records store exact ages (or dates of birth); groups and bands are
computed here on output and never stored.

Contract: pure functions, no I/O. ``None`` (age not recorded) and impossible ages (negative)
give "unknown" rather than an exception, so reports over imperfect data never fail.

- :func:`age_group`: UNODC / SDG 16.2.2 split, child (under 18) or adult.
- :func:`age_broad`: the CTDC ``ageBroad`` bands, with CTDC's own labels (``0--8`` ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

ADULT_AGE = 18
UNKNOWN = "unknown"

# (lowest age in the band, CTDC label); each band runs up to the next band's lowest age - 1.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "0--8"),
    (9, "9--17"),
    (18, "18--20"),
    (21, "21--23"),
    (24, "24--26"),
    (27, "27--29"),
    (30, "30--38"),
    (39, "39--47"),
    (48, "48+"),
)
AGE_BAND_LABELS: tuple[str, ...] = tuple(label for _, label in AGE_BANDS)

AgeGroup = Literal["child", "adult", "unknown"]


def is_child(age: int | None) -> bool | None:
    """``True`` under 18, ``False`` from 18, ``None`` when the age is unknown or impossible."""
    if age is None or age < 0:
        return None
    return age < ADULT_AGE


def age_group(age: int | None) -> AgeGroup:
    """``"child"`` (under 18), ``"adult"`` or ``"unknown"``."""
    child = is_child(age)
    if child is None:
        return "unknown"
    return "child" if child else "adult"


def age_broad(age: int | None) -> str:
    """The CTDC band label for ``age`` (e.g. ``"9--17"``, ``"48+"``), or ``"unknown"``."""
    if age is None or age < 0:
        return UNKNOWN
    label = UNKNOWN
    for lowest, band in AGE_BANDS:
        if age >= lowest:
            label = band
    return label


def age_on(date_of_birth: dt.date, on_date: dt.date) -> int:
    """Age in completed years on ``on_date``.

    Someone born on 29 February turns a year older on 1 March in common years.
    Raises ``ValueError`` when ``on_date`` is before ``date_of_birth`` (callers check the order
    of user dates first and report it as a problem).
    """
    if on_date < date_of_birth:
        raise ValueError("the date is before the date of birth")
    years = on_date.year - date_of_birth.year
    if (on_date.month, on_date.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years
