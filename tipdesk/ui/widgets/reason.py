"""Asking an administrator why, before an audited action that needs a reason (rotating the
keys, recording a break in the audit log): an explanation, a reason line and a button that is
enabled once the reason has a few words. The dialog writes nothing; the screen that opened it
reads :meth:`ReasonDialog.reason` when it is accepted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.widgets.common import label

MIN_REASON = 5
"""Characters a reason needs at least (the services refuse less where they check)."""


class ReasonDialog(QDialog):
    """See the module docstring. ``text`` may hold simple rich text (paragraphs, bold)."""

    def __init__(
        self,
        title: str,
        text: str,
        ok_text: str,
        placeholder: str,
        parent: QWidget | None = None,
        *,
        danger: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        self.intro = QLabel(text)
        self.intro.setObjectName("reasonIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.AutoText)
        layout.addWidget(self.intro)
        ask = label(self.tr("&Reason (kept in the audit log):"))
        layout.addWidget(ask)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(placeholder)
        self.reason_edit.setMaxLength(500)
        ask.setBuddy(self.reason_edit)
        layout.addWidget(self.reason_edit)
        hint = label(self.tr("At least a few words."), "hint")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("reasonOkButton")
        self.ok_button.setText(ok_text)
        self.ok_button.setProperty("danger" if danger else "primary", True)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_text)
        self.reason_edit.setFocus()

    def _on_text(self, text: str) -> None:
        self.ok_button.setEnabled(len(text.strip()) >= MIN_REASON)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def reason(self) -> str:
        return self.reason_edit.text().strip()
