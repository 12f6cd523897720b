"""Switching the interface language: translators, the locale, the layout direction and the
Urdu font, all at once for the whole application.

Contract:
- :func:`apply_language` makes ``language`` the interface language: it removes the
  translators it installed before, installs Qt's own (``qtbase_<code>.qm``) and TIPDesk's
  (``resources/translations/tipdesk_<code>.qm``, compiled from the ``.ts`` kept in the repo
  by ``make translations``), sets the default ``QLocale`` (Urdu month names, Western digits
  as official forms use them), turns layouts right to left for Urdu and makes the bundled
  Noto Nastaliq Urdu the application font (Latin text falls back to the usual font).
  Start-up in Urdu pays for the translator, the locale and the font only: the layout turns
  by itself (Qt reads ``QT_LAYOUT_DIRECTION`` = ``RTL`` in the Urdu ``.qm``) and nothing
  that the first window does not need is imported (see :func:`_lay_out`).
  English needs no file. Windows built before the call keep their texts: the app rebuilds
  its window after a change (:meth:`tipdesk.ui.app.AppController.change_language`).
- The language shown before anyone signs in is the one last used on this computer
  (:func:`last_language`, a one-word file in the data folder: no record data), or
  ``TIPDESK_LANG`` when set; the signed-in user's own choice is kept in the store
  (:mod:`tipdesk.services.user_prefs`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tipdesk.core.errors import InvalidInput
from tipdesk.core.languages import DEFAULT_LANGUAGE, Language, parse_language
from tipdesk.paths import Paths, resources_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

LANG_ENV = "TIPDESK_LANG"
LAST_LANGUAGE_FILE = "ui-language"
URDU_FAMILY = "Noto Nastaliq Urdu"
#: Nastaliq's letters sit small on their tall line: one point more than Latin text reads alike.
URDU_POINT_SIZE_EXTRA = 1

_LOCALES = {Language.ENGLISH: "en_GB", Language.URDU: "ur_PK"}


class _State:
    """What :func:`apply_language` changed (to undo it on the next change)."""

    translators: list[QTranslator] = []  # noqa: RUF012 - one state per process
    language: Language = DEFAULT_LANGUAGE
    english_locale: QLocale | None = None
    english_font: QFont | None = None


def code_name(name: str) -> str:
    """A name of a reference code list (a form of exploitation, a service, an agency...) in
    the interface language: ``resources/reference`` holds the English names, ``make lupdate``
    puts them in the ``.ts`` under the context ``codes``."""
    return QCoreApplication.translate("codes", name)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def current_language() -> Language:
    """The interface language in force."""
    return _State.language


def env_language() -> Language | None:
    """``TIPDESK_LANG`` when it names a language TIPDesk speaks."""
    raw = os.environ.get(LANG_ENV)
    if not raw:
        return None
    try:
        return parse_language(raw)
    except InvalidInput:
        return None


def last_language(paths: Paths) -> Language | None:
    """The language last used on this computer for this data folder, if any."""
    try:
        raw = (paths.home / LAST_LANGUAGE_FILE).read_text(encoding="utf-8")
        return parse_language(raw)
    except (OSError, UnicodeDecodeError, InvalidInput):
        return None


def remember_language(paths: Paths, language: Language) -> None:
    """Keep ``language`` for the next sign-in screen (best effort: a read-only folder only
    means the next start shows the default language). Not written again when it holds
    ``language`` already: every start in a chosen language would rewrite it."""
    if last_language(paths) is language:
        return
    try:
        paths.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        (paths.home / LAST_LANGUAGE_FILE).write_text(language.value + "\n", encoding="utf-8")
    except OSError:
        pass


def start_language(paths: Paths | None) -> Language | None:
    """The language of the first window: ``TIPDESK_LANG``, else the last used here, else
    ``None`` (keep the one in force: English unless set up otherwise). Never the computer's
    locale: the language follows the user's choice, all of a screen at once."""
    return env_language() or (last_language(paths) if paths else None)


def apply_language(
    app: QApplication, language: Language, folder: Path | None = None
) -> list[QTranslator]:
    """Make ``language`` the interface language (see the module docstring); returns the
    translators installed (empty for English, or when the ``.qm`` is missing)."""
    if language is DEFAULT_LANGUAGE and _State.language is DEFAULT_LANGUAGE:
        return []  # nothing to undo (and start-up in English loads no translator classes)
    from PySide6.QtCore import QLibraryInfo, QTranslator

    if _State.english_locale is None:
        _State.english_locale = QLocale()
        _State.english_font = QFont(app.font())
    # The code lists' names were translated once, in the old language. Before the fields
    # module is loaded (start-up) none were, and importing it would cost ~12 ms.
    fields = sys.modules.get("tipdesk.ui.widgets.fields")
    if fields is not None:
        fields.forget_labels()
    for old in _State.translators:
        app.removeTranslator(old)
    _State.translators = []
    _State.language = language
    if language is DEFAULT_LANGUAGE:
        QLocale.setDefault(_State.english_locale)
        _lay_out(app, right_to_left=False)
        if _State.english_font is not None:
            app.setFont(_State.english_font)
        return []
    ours = folder or translations_dir()
    locale = QLocale(_LOCALES[language])
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for prefix, where in (("qtbase", qt_folder), ("tipdesk", str(ours))):
        translator = QTranslator(app)
        if translator.load(locale, prefix, "_", where):
            app.installTranslator(translator)
            _State.translators.append(translator)
    QLocale.setDefault(locale)
    _lay_out(app, right_to_left=language.right_to_left)
    if language is Language.URDU:
        from tipdesk.ui.style import ensure_fonts  # style imports nothing of this module

        ensure_fonts()  # Nastaliq, before a font asks for it
        # The app's style sheet is left as it is: changing it while the setup wizard was up
        # crashed Qt on the next change (so group-box titles keep Latin text's margin).
        app.setFont(urdu_font(_State.english_font or app.font()))
    return list(_State.translators)


def _lay_out(app: QApplication, *, right_to_left: bool) -> None:
    """Lay the application out right to left, or left to right.

    Qt does it by itself as translators come and go, from the translation of
    ``QT_LAYOUT_DIRECTION`` ("RTL" in ``tipdesk_ur.ts``), while no direction was ever set
    explicitly: so at start-up. It is set here only when Qt's own choice is not the one wanted
    (a direction set before, by a test or the screenshot tool, or a ``.qm`` that did not
    load): the ``Qt`` namespace the call needs costs ~15 ms of CPU the first time (its enums
    are built in Python), half of what Urdu added to start-up."""
    if app.isRightToLeft() == right_to_left:
        return
    from PySide6.QtCore import Qt

    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    )


def urdu_font(base: QFont) -> QFont:
    """``base`` with Noto Nastaliq Urdu first (loaded from ``resources/fonts`` by
    :func:`tipdesk.ui.style.load_fonts`) and ``base``'s family after it for what Nastaliq
    lacks, one point larger."""
    font = QFont(base)
    font.setFamilies([URDU_FAMILY, *base.families()])
    # The system font's style name ("Book", "Regular"...) would pick Nastaliq's Bold face.
    font.setStyleName("")
    if base.pointSize() > 0:
        font.setPointSize(base.pointSize() + URDU_POINT_SIZE_EXTRA)
    return font
