"""Showing a recovery key once: the set-up wizard's last page, and the dialog after a key
rotation (disabling a user, or "Rotate keys").

Contract:
- The key is shown in two lines of large monospaced groups, selectable, with *Save to file…*
  (atomic, file mode 0600, with a warning that it is as sensitive as the records) and
  *Print…*, a warning banner, and a check box "I have written down or saved the recovery key"
  that must be ticked before the screen showing it can be left.
- The key is never written anywhere else, never logged and forgotten with the widget.
- This module imports no services (the wizard is the app's first window).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import KnownError
from tipdesk.fs import atomic_write_text
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import Banner, button, label

ErrorHandler = Callable[[BaseException], None]


def recovery_text(key: str, where: str, created: str) -> str:
    """The recovery-key sheet (saved or printed)."""
    return (
        "TIPDesk recovery key\n"
        f"Install: {where}\n"
        f"Created: {created}\n\n"
        f"{key}\n\n"
        "Anyone who holds this key can open every record of this install, including victims'\n"
        "identities. Keep it on paper or on a USB stick in a locked place. Never keep it on the\n"
        "computer that runs TIPDesk, and never send it by e-mail or messenger.\n"
    )


def two_lines(key: str) -> str:
    """``AAAA-BBBB-CCCC-DDDD`` as two lines of groups (easier to copy by hand)."""
    groups = key.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])


class RecoveryKeyPanel(QWidget):
    """The key, Save to file… and Print…, the warnings and the confirmation check box (see
    the module contract). ``sig_confirmed`` says whether the box is ticked."""

    sig_confirmed = Signal(bool)

    def __init__(self, report: ErrorHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyPanel")
        self._report = report
        self._key = ""
        self._where = ""
        self._created = ""
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.key_label = label("", "mono")
        self.key_label.setObjectName("recoveryKeyLabel")
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(14)
        self.key_label.setFont(mono)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setProperty("card", True)
        self.key_label.setMinimumHeight(86)
        box.addWidget(self.key_label)
        box.addLayout(self._build_actions())
        self.notice = Banner(
            "warning",
            self.tr(
                "Anyone who holds this key can open every record, including victims' identities. "
                "Write it down or save it to a USB stick, and keep it in a locked place, away from "
                "this computer."
            ),
        )
        self.notice.setObjectName("recoveryNotice")
        box.addWidget(self.notice)
        self.saved = Banner("ok")
        self.saved.setObjectName("savedNotice")
        box.addWidget(self.saved)
        box.addStretch(1)
        self.confirm_check = QCheckBox(self.tr("I have written down or saved the recovery key"))
        self.confirm_check.setObjectName("confirmRecovery")
        self.confirm_check.toggled.connect(self.sig_confirmed.emit)
        box.addWidget(self.confirm_check)

    def _build_actions(self) -> QHBoxLayout:
        """Save to file… and Print…"""
        actions = QHBoxLayout()
        self.save_button = button(self.tr("Save to file…"), "save")
        self.save_button.setObjectName("saveRecoveryButton")
        self.save_button.clicked.connect(self.save_to_file)
        self.print_button = button(self.tr("Print…"), "print")
        self.print_button.setObjectName("printRecoveryButton")
        self.print_button.clicked.connect(self.print_key)
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        return actions

    def set_key(self, key: str, where: str, created: str) -> None:
        """Show ``key`` (the install ``where`` and the date ``created`` go on the sheet)."""
        self._key, self._where, self._created = key, where, created
        self.key_label.setText(two_lines(key))
        self.saved.set_message("ok", "")

    def is_confirmed(self) -> bool:
        return self.confirm_check.isChecked()

    def sheet(self) -> str:
        return recovery_text(self._key, self._where, self._created)

    def save_to_file(self) -> Path | None:
        suggested = Path.home() / "tipdesk-recovery-key.txt"
        path = files.ask_save_file(
            self, self.tr("Save the recovery key"), suggested, self.tr("Text files (*.txt)")
        )
        if path is None:
            return None
        try:
            atomic_write_text(path, self.sheet(), mode=0o600)
        except KnownError as exc:  # the disk is full
            self._report(exc)
            return None
        except OSError as exc:
            self._report(
                KnownError(f"The recovery key could not be saved to {path}: {exc.strerror}.")
            )
            return None
        self.saved.set_message(
            "ok",
            self.tr(
                "Saved to {path}. This file is as sensitive as the records themselves: move it "
                "to a USB stick kept in a locked place and delete it from this computer."
            ).format(path=path),
        )
        return path

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self.sheet())
        document.print_(printer)


class RecoveryKeyDialog(QDialog):
    """A new recovery key after the keys were rotated, shown once: what happened (``intro``),
    the key panel, and *Done*, which (like Esc and the window's close button) works only once
    the box "I have written down or saved the recovery key" is ticked."""

    def __init__(
        self,
        intro: str,
        key: str,
        where: str,
        created: str,
        report: ErrorHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("The new recovery key"))
        self.setMinimumWidth(620)
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 18, 20, 16)
        box.setSpacing(12)
        heading = label(self.tr("Your new recovery key"), "sectionTitle")
        box.addWidget(heading)
        self.intro = label(intro, "muted", wrap=True)
        self.intro.setObjectName("recoveryIntro")
        box.addWidget(self.intro)
        self.panel = RecoveryKeyPanel(report, self)
        self.panel.set_key(key, where, created)
        box.addWidget(self.panel, 1)
        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton(
            self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setObjectName("recoveryDoneButton")
        self.done_button.setProperty("primary", True)
        self.done_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.panel.sig_confirmed.connect(self.done_button.setEnabled)
        box.addWidget(self.buttons)
        self.panel.save_button.setFocus()

    def accept(self) -> None:
        if self.panel.is_confirmed():
            super().accept()

    def reject(self) -> None:
        # Esc and the close button: the key is shown only now, so it must be kept first.
        if self.panel.is_confirmed():
            super().reject()
