"""Search folding: one rule per test (see tipdesk.core.folding)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tipdesk.core.folding import fold


def test_words_stay_apart() -> None:
    assert fold("محمد علی").split() == ["محمد", "علی"]


def test_zer_zabar_pesh_and_other_marks_are_ignored() -> None:
    assert fold("مُحَمَّد") == fold("محمد")  # pesh, zabar, shadda
    assert fold("عِلم") == fold("علم")  # zer
    assert fold("فوراً") == fold("فورا")  # tanwin
    assert fold("رحمٰن") == fold("رحمن")  # the small (dagger) alef


def test_arabic_kaf_is_urdu_kaf() -> None:
    assert fold("پاكستان") == fold("پاکستان")


def test_arabic_yeh_and_alef_maksura_are_urdu_yeh() -> None:
    assert fold("علي") == fold("علی")
    assert fold("مصطفى") == fold("مصطفی")


def test_heh_forms_are_one_but_do_chashmi_stays_apart() -> None:
    assert fold("فاطمه") == fold("فاطمہ")  # Arabic heh, heh goal
    assert fold("فاطمة") == fold("فاطمہ")  # teh marbuta
    assert fold("خانۂ") == fold("خانہ")  # heh goal with hamza
    assert fold("بھائی") != fold("بہائی")  # aspiration is a different word


def test_tatweel_and_invisible_marks_are_ignored() -> None:
    assert fold("محـــمد") == fold("محمد")
    assert fold("\u200fمحمد\u200c") == fold("محمد")


def test_urdu_and_arabic_digits_are_western() -> None:
    assert fold("FIR ۱۲/۲۰۲۵") == fold("FIR 12/2025") == "fir 12/2025"
    assert fold("٣") == "3"


def test_latin_case_and_accents() -> None:
    assert fold("Café ZOË") == "cafe zoe"


@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)), st.text())
def test_ascii_folds_as_it_does_inside_any_text(ascii_text: str, other: str) -> None:
    """ASCII alone takes a shorter way (fold's fast path); beside a non-ASCII character it
    goes the general way, which must give the same letters (folding keeps each character's
    fold apart: a space-separated word folds alone)."""
    mixed = ascii_text + " é " + other
    assert fold(mixed).startswith(fold(ascii_text) + " e ")
    assert fold(ascii_text) == ascii_text.lower()
