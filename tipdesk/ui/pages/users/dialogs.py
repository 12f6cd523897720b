"""Dialogs for managing users: add a user, enable a disabled user with a new passphrase.

The dialog does not write anything itself: pressing OK calls ``submit(work, name)`` with the
service call to make (``work(session)``) and the user's name; the page runs it on the store's
thread and calls back :meth:`UserDialog.succeeded` (the dialog closes) or
:meth:`UserDialog.failed` (the reason is shown in the dialog, which stays open).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import KnownError
from tipdesk.core.permissions import UserRole
from tipdesk.services.session import Session
from tipdesk.services.users import add_user, enable_user
from tipdesk.ui.context import role_label
from tipdesk.ui.errors import said_text
from tipdesk.ui.widgets.common import Banner, label
from tipdesk.ui.widgets.passphrase import PassphraseFields

UserWork = Callable[[Session], None]
Submit = Callable[[UserWork, str], None]
"""``submit(work, name)``: run ``work`` for the user ``name``."""


class UserDialog(QDialog):
    """Shared frame: a form, the passphrase pair, a message line, OK/Cancel."""

    def __init__(self, title: str, intro: str, submit: Submit, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._submit = submit
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 18, 20, 16)
        box.setSpacing(12)
        box.addWidget(label(intro, "muted", wrap=True))
        self.form = QFormLayout()
        self.form.setSpacing(10)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        box.addLayout(self.form)
        self.message = Banner("error")
        self.message.setObjectName("dialogMessage")
        box.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setProperty("primary", True)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)

    def user_name(self) -> str:
        raise NotImplementedError

    def work(self) -> UserWork:
        """The service call OK asks for."""
        raise NotImplementedError

    def ready(self) -> bool:
        raise NotImplementedError

    def _refresh(self) -> None:
        self.ok_button.setEnabled(self.ready())

    def _on_ok(self) -> None:
        if not self.ready():
            return
        self.ok_button.setEnabled(False)
        self.message.set_message("error", "")
        self._submit(self.work(), self.user_name())

    def succeeded(self, _result: object = None) -> None:
        self.accept()

    def failed(self, exc: BaseException) -> bool:
        """Show a known problem in the dialog; return False for anything else (a bug)."""
        self._refresh()
        if isinstance(exc, KnownError):
            self.message.set_message("error", said_text(exc))
            return True
        return False


class AddUserDialog(UserDialog):
    def __init__(
        self, roles: Sequence[UserRole], submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Add a user"),
            self.tr(
                "The new user signs in with their own name and passphrase. Tell them the "
                "passphrase in person; they should change it after the first sign-in."
            ),
            submit,
            parent,
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newUserName")
        self.name_edit.setMaxLength(64)
        self.role_box = QComboBox()
        self.role_box.setObjectName("roleBox")
        for role in roles:
            self.role_box.addItem(role_label(role), role.value)
        self.form.addRow(self.tr("User name"), self.name_edit)
        self.form.addRow(self.tr("Role"), self.role_box)
        self.passphrase = PassphraseFields(self.name_edit.text, form=self.form)
        self.name_edit.textChanged.connect(lambda _t: self.passphrase.refresh())
        self.passphrase.sig_changed.connect(self._refresh)
        self._refresh()

    def user_name(self) -> str:
        return self.name_edit.text().strip()

    def work(self) -> UserWork:
        return partial(
            add_user,
            name=self.user_name(),
            role=UserRole(self.role_box.currentData()),
            passphrase=self.passphrase.passphrase(),
        )

    def ready(self) -> bool:
        return bool(self.name_edit.text().strip()) and self.passphrase.is_acceptable()


class EnableUserDialog(UserDialog):
    def __init__(self, name: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Enable {name}").format(name=name),
            self.tr(
                "{name} gets access again with a new passphrase (the old one was removed "
                "when the user was disabled)."
            ).format(name=name),
            submit,
            parent,
        )
        self._name = name
        self.passphrase = PassphraseFields(lambda: name, form=self.form)
        self.passphrase.sig_changed.connect(self._refresh)
        self._refresh()

    def user_name(self) -> str:
        return self._name

    def work(self) -> UserWork:
        return partial(enable_user, name=self._name, passphrase=self.passphrase.passphrase())

    def ready(self) -> bool:
        return self.passphrase.is_acceptable()
