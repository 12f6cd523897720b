"""Tests for tipdesk.core.cnic."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipdesk.core.cnic import format_cnic, normalise_cnic

thirteen_digits = st.text(alphabet="0123456789", min_size=13, max_size=13)


@pytest.mark.parametrize(
    "text",
    [
        "35202-1234567-1",
        "3520212345671",
        " 35202-1234567-1 ",
        "35202 - 1234567 - 1",
        "35202 1234567 1",
        "35202\u20131234567\u20131",  # en dashes, as pasted from a word processor
        "۳۵۲۰۲-۱۲۳۴۵۶۷-۱",  # Urdu (extended Arabic-Indic) digits
    ],
)
def test_accepted_forms_give_the_13_digits(text: str) -> None:
    assert normalise_cnic(text) == "3520212345671"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "35202-1234567",
        "352021234567",  # 12 digits
        "35202123456712",  # 14 digits
        "3520-21234567-1",  # dashes in the wrong places
        "35202-1234567-1-",
        "35202--1234567-1",
        "35202-123456-71",
        "3520212345671-",
        "35202-1234567-X",
        "CNIC 35202-1234567-1",
    ],
)
def test_refused_forms_give_none(text: str) -> None:
    assert normalise_cnic(text) is None


def test_format_puts_dashes_after_the_5th_and_12th_digits() -> None:
    assert format_cnic("3520212345671") == "35202-1234567-1"
    assert format_cnic("35202-1234567-1") == "35202-1234567-1"


def test_format_refuses_what_is_not_a_cnic() -> None:
    with pytest.raises(ValueError, match="13 digits"):
        format_cnic("12345")


@given(thirteen_digits)
def test_any_13_digits_normalise_and_round_trip_through_format(digits: str) -> None:
    assert normalise_cnic(digits) == digits
    formatted = format_cnic(digits)
    assert len(formatted) == 15
    assert formatted[5] == formatted[13] == "-"
    assert normalise_cnic(formatted) == digits


@given(st.text(alphabet="0123456789", max_size=20).filter(lambda s: len(s) != 13))
def test_any_other_number_of_digits_is_refused(digits: str) -> None:
    assert normalise_cnic(digits) is None
