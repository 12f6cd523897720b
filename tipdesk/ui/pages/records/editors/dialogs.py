"""Small dialogs of the editors: asking for a reason (revealing an identity, deleting)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_REASON = 5


class ReasonDialog(QDialog):
    """Asks why; OK is enabled once the reason has a few words (the audit log keeps it)."""

    def __init__(self, title: str, text: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("e.g. court order 12/2025, hearing on 3 June"))
        intro.setBuddy(self.reason_edit)
        layout.addWidget(self.reason_edit)
        hint = QLabel(self.tr("At least a few words."))
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_text)

    def _on_text(self, text: str) -> None:
        self.ok_button.setEnabled(len(text.strip()) >= MIN_REASON)

    def reason(self) -> str:
        return self.reason_edit.text().strip()
