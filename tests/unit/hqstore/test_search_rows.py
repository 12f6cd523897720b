"""The search rows' texts on PostgreSQL (tipdesk.hqstore.search): the tsvector literal and the
trigram body, built as the module contract says for any words (no database needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tipdesk.hqstore.search import body_text, text_words, vector_text

_WORDS = st.lists(st.text(alphabet="ab'\\1٣²ß_", min_size=1, max_size=6), max_size=6)


def test_each_word_is_one_quoted_lexeme() -> None:
    assert vector_text(["fir", "123", "ali"]) == "'fir' '123' 'ali'"
    assert vector_text([]) == ""


def test_quote_and_backslash_are_doubled_in_their_word_only() -> None:
    assert vector_text(["o'neil", "a\\b", "x"]) == "'o''neil' 'a\\\\b' 'x'"


@given(_WORDS)
def test_vector_text_is_the_words_lexemes_whatever_they_hold(words: list[str]) -> None:
    expected = " ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in words)
    assert vector_text(words) == expected


def test_body_holds_the_words_with_a_digit_each_after_a_space() -> None:
    assert body_text(["fir", "777", "ab12", "ali", "٣x"]) == " 777 ab12 ٣x"
    assert body_text(["ali", "khan"]) == ""


@given(_WORDS)
def test_body_is_every_word_holding_any_digit(words: list[str]) -> None:
    expected = "".join(" " + w for w in words if any(c.isdigit() for c in w))
    assert body_text(words) == expected


def test_a_word_past_the_lexeme_limit_is_left_out_whatever_its_letters() -> None:
    short_wide = "ب" * 1000  # 2,000 bytes: kept
    long_wide = "ب" * 1024  # 2,048 bytes: left out
    long_narrow = "a" * 2046  # 2,046 bytes: kept
    assert text_words(f"x {short_wide} {long_wide} {long_narrow} y") == [
        "x", short_wide, long_narrow, "y",
    ]  # fmt: skip
