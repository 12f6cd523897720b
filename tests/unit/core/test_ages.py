"""Tests for tipdesk.core.ages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipdesk.core.ages import AGE_BAND_LABELS, age_broad, age_group, age_on, is_child

CTDC_LABELS = ("0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+")


@pytest.mark.parametrize(
    ("age", "child", "group"),
    [
        (0, True, "child"),
        (17, True, "child"),
        (18, False, "adult"),
        (75, False, "adult"),
        (None, None, "unknown"),
        (-1, None, "unknown"),
    ],
)
def test_child_is_under_18(age: int | None, child: bool | None, group: str) -> None:
    assert is_child(age) is child
    assert age_group(age) == group


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "0--8"),
        (8, "0--8"),
        (9, "9--17"),
        (17, "9--17"),
        (18, "18--20"),
        (20, "18--20"),
        (21, "21--23"),
        (23, "21--23"),
        (24, "24--26"),
        (26, "24--26"),
        (27, "27--29"),
        (29, "27--29"),
        (30, "30--38"),
        (38, "30--38"),
        (39, "39--47"),
        (47, "39--47"),
        (48, "48+"),
        (120, "48+"),
        (None, "unknown"),
        (-3, "unknown"),
    ],
)
def test_age_broad_uses_the_ctdc_bands(age: int | None, band: str) -> None:
    assert age_broad(age) == band


def test_band_labels_are_ctdc_labels() -> None:
    assert AGE_BAND_LABELS == CTDC_LABELS


def test_every_age_0_to_120_falls_in_exactly_one_band() -> None:
    seen: dict[str, list[int]] = {label: [] for label in CTDC_LABELS}
    for age in range(121):
        seen[age_broad(age)].append(age)
    assert sum(len(ages) for ages in seen.values()) == 121
    # Bands are contiguous and each is used.
    for ages in seen.values():
        assert ages == list(range(ages[0], ages[-1] + 1))


@given(st.integers(min_value=0, max_value=120))
def test_band_agrees_with_the_child_adult_split(age: int) -> None:
    band = age_broad(age)
    assert band in CTDC_LABELS
    assert (band in ("0--8", "9--17")) == (age_group(age) == "child")


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (dt.date(2000, 6, 15), dt.date(2025, 6, 14), 24),
        (dt.date(2000, 6, 15), dt.date(2025, 6, 15), 25),
        (dt.date(2000, 6, 15), dt.date(2000, 6, 15), 0),
        (dt.date(2004, 2, 29), dt.date(2025, 2, 28), 20),  # leap-day birthday: 1 March
        (dt.date(2004, 2, 29), dt.date(2025, 3, 1), 21),
        (dt.date(2004, 2, 29), dt.date(2024, 2, 29), 20),
    ],
)
def test_age_on_counts_completed_years(born: dt.date, on: dt.date, age: int) -> None:
    assert age_on(born, on) == age


def test_age_on_refuses_a_date_before_birth() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(dt.date(2000, 1, 2), dt.date(2000, 1, 1))


@given(st.dates(max_value=dt.date(2100, 1, 1)), st.integers(min_value=0, max_value=40000))
def test_age_on_never_decreases_and_matches_year_difference(born: dt.date, days: int) -> None:
    on = born + dt.timedelta(days=days)
    age = age_on(born, on)
    assert age >= 0
    assert on.year - born.year - 1 <= age <= on.year - born.year
    assert age_on(born, on + dt.timedelta(days=1)) >= age
