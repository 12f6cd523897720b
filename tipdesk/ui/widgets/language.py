"""The language chooser (English / اردو) of the setup wizard and the settings.

Each language is listed by its own name (never translated: an officer who cannot read the
current language must still find theirs). Emits :attr:`LanguageChooser.sig_chosen` when the
user picks another language, not when the program sets one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from tipdesk.core.languages import Language


class LanguageChooser(QComboBox):
    sig_chosen = Signal(object)
    """The user picked a :class:`~tipdesk.core.languages.Language`."""

    def __init__(self, current: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageChooser")
        for language in Language:
            self.addItem(language.native_name, language.value)
        self.set_language(current)
        self.activated.connect(self._on_activated)

    def language(self) -> Language:
        return Language(str(self.currentData()))

    def set_language(self, language: Language) -> None:
        self.setCurrentIndex(max(0, self.findData(language.value)))

    def _on_activated(self, _index: int) -> None:
        self.sig_chosen.emit(self.language())
