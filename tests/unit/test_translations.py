"""The interface's translations (resources/translations/*.ts): complete, in step with the
code, their placeholders intact, Urdu sentences laid out right to left. See
docs/translation.md."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tipdesk.ui.devtools import i18n

PLACEHOLDERS = re.compile(r"\{[^{}]*\}|%\d|<[^>]+>")


@pytest.fixture(scope="module")
def urdu() -> list[i18n.Entry]:
    return i18n.entries(i18n.ts_path("ur"))


def test_every_string_has_an_urdu_translation(urdu: list[i18n.Entry]) -> None:
    left = [f"[{e.context}] {e.source!r}" for e in urdu if not e.finished]
    assert not left, "unfinished in tipdesk_ur.ts (make lupdate, then translate):\n" + "\n".join(
        left
    )


def test_the_ts_file_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """``make lupdate`` would add nothing: no visible string is missing from the file."""
    fresh = i18n.extract(["ur"], folder=tmp_path)[0]
    wanted = {(e.context, e.source) for e in i18n.entries(fresh)}
    kept = {(e.context, e.source) for e in i18n.entries(i18n.ts_path("ur"))}
    missing = sorted(wanted - kept)
    assert not missing, "run `make lupdate` and translate: " + repr(missing[:20])
    assert len(wanted) > 1000  # the extraction read the whole UI


def test_translations_keep_their_placeholders(urdu: list[i18n.Entry]) -> None:
    bad = [
        (e.source, e.translation)
        for e in urdu
        if sorted(PLACEHOLDERS.findall(e.source)) != sorted(PLACEHOLDERS.findall(e.translation))
    ]
    assert not bad


def _first_strong(text: str) -> str:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL", "RLM"):
            return kind
        if ch == "\u200f":
            return "R"
    return ""


def test_urdu_sentences_start_right_to_left(urdu: list[i18n.Entry]) -> None:
    """A translation starting with a Latin word or a placeholder ("FIR {n}", "{office} · ...")
    starts with a right-to-left mark, or Qt would lay the sentence out left to right."""
    sentences = [e for e in urdu if e.source != LAYOUT_DIRECTION]
    ltr = [e.translation for e in sentences if _first_strong(e.translation) == "L"]
    assert not ltr


#: Qt's switch, not a sentence: translated "RTL", installing the translator lays the
#: application out right to left (how start-up avoids the Qt namespace).
LAYOUT_DIRECTION = "QT_LAYOUT_DIRECTION"


def test_urdu_turns_qt_right_to_left_by_itself(urdu: list[i18n.Entry]) -> None:
    switch = [e for e in urdu if e.source == LAYOUT_DIRECTION]
    assert [(e.context, e.translation) for e in switch] == [("QGuiApplication", "RTL")]
    i18n.release()
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n.ts_path("ur").with_suffix(".qm")))
    # Qt asks with its own disambiguating comment; the entry without one answers it.
    assert translator.translate("QGuiApplication", LAYOUT_DIRECTION, "Translate this") == "RTL"


def test_the_compiled_file_is_current_and_loads() -> None:
    from PySide6.QtCore import QTranslator

    i18n.release()
    qm = i18n.ts_path("ur").with_suffix(".qm")
    assert qm.stat().st_mtime >= i18n.ts_path("ur").stat().st_mtime
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("pages", "Dashboard") == "ڈیش بورڈ"
    assert translator.translate("codes", "Forced labour") == "جبری مشقت"


def test_a_placeholder_in_urdu_is_isolated() -> None:
    """A Latin value ("/tmp/home", "Pakistan (all provinces)") keeps its own direction and
    does not pull the ": 1 جون" after it into its run: compiling isolates each placeholder."""
    from PySide6.QtCore import QTranslator

    i18n.release()
    translator = QTranslator()
    assert translator.load(str(i18n.ts_path("ur").with_suffix(".qm")))
    text = translator.translate(
        "ReportPanel", "{scope}: {start} to {end}, beside {pstart} to {pend}."
    )
    assert i18n.FSI + "{scope}" + i18n.PDI in text and i18n.FSI + "{pend}" + i18n.PDI in text
    assert text.format(scope="x", start="", end="", pstart="", pend="")  # still a template
    english = '<TS language="en_GB"><translation>{n} x</translation></TS>'
    assert i18n.bidi_marked(english) == english
    urdu = '<TS language="ur_PK"><translation>{n} x</translation></TS>'
    assert i18n.bidi_marked(i18n.bidi_marked(urdu)) == i18n.bidi_marked(urdu)
