"""The languages the interface speaks."""

from __future__ import annotations

import pytest

from tipdesk.core.errors import InvalidInput
from tipdesk.core.languages import Language, parse_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en", Language.ENGLISH),
        ("en_GB", Language.ENGLISH),
        ("English", Language.ENGLISH),
        ("ur", Language.URDU),
        ("ur_PK", Language.URDU),
        ("ur-PK", Language.URDU),
        (" UR ", Language.URDU),
        ("اردو", Language.URDU),
    ],
)
def test_parse_language(text: str, expected: Language) -> None:
    assert parse_language(text) is expected


@pytest.mark.parametrize("text", ["", "fr", "urdu-ish", "xx_PK"])
def test_an_unknown_language_is_named_in_the_message(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_language(text)
    assert repr(text) in str(caught.value)
    assert "اردو" in str(caught.value)


def test_only_urdu_is_right_to_left() -> None:
    assert Language.URDU.right_to_left and not Language.ENGLISH.right_to_left
    assert Language.URDU.native_name == "اردو"
