"""Asking who signs in to a backup before it replaces the store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.widgets.common import Banner, label


class RestoreDialog(QDialog):
    """The backup file, the user of the backup and their passphrase. Accepting only closes the
    dialog; the settings screen runs the restore."""

    def __init__(self, backup: Path, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(520)
        self.backup = backup
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 18, 20, 16)
        box.setSpacing(12)
        box.addWidget(label(self.tr("Backup: {name}").format(name=backup.name), "sectionTitle"))
        box.addWidget(
            Banner(
                "warning",
                self.tr(
                    "The records on this computer are replaced by the backup's. The current "
                    "store is moved aside into a before-restore folder in the data folder; "
                    "nothing is deleted."
                ),
            )
        )
        form = QFormLayout()
        form.setSpacing(10)
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("restoreUser")
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("restorePassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User of the backup"), self.user_edit)
        form.addRow(self.tr("Their passphrase"), self.passphrase_edit)
        box.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.user_edit.textChanged.connect(self._refresh)
        self.passphrase_edit.textChanged.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        self.restore_button.setEnabled(
            bool(self.user_edit.text().strip()) and bool(self.passphrase_edit.text())
        )

    def credentials(self) -> tuple[str, str]:
        """(user, passphrase); the passphrase field is wiped."""
        passphrase = self.passphrase_edit.text()
        self.passphrase_edit.clear()
        return self.user_edit.text().strip(), passphrase
