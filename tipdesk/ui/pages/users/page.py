"""Users of this install: the list, and for administrators (``manage_users``) adding a user
(roles limited to the install's kind), disabling and enabling, and rotating the database keys.
Other roles see the list and a note. Every change runs through :mod:`tipdesk.services.users` on
the store's thread.

Disabling a user and "Rotate keys…" re-key the store: they run behind a busy dialog and end
with the new recovery key shown once (:mod:`tipdesk.ui.pages.users.keys`).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.permissions import INSTALL_ROLES, Permission
from tipdesk.services.users import KeyRotation, disable_user, list_users, rotate_keys
from tipdesk.store.store import User
from tipdesk.ui.context import AppContext, role_label
from tipdesk.ui.pages.users import keys
from tipdesk.ui.pages.users.dialogs import AddUserDialog, EnableUserDialog, UserWork
from tipdesk.ui.style import DANGER, SUCCESS
from tipdesk.ui.widgets.common import Banner, PageHeader, button
from tipdesk.ui.widgets.reason import ReasonDialog
from tipdesk.ui.widgets.recovery_key import RecoveryKeyDialog
from tipdesk.ui.widgets.text_table import FlatTableModel

Index = QModelIndex | QPersistentModelIndex


class UsersModel(FlatTableModel):
    """The users (a short list: loaded whole)."""

    COLUMNS = (
        str(QT_TRANSLATE_NOOP("UsersModel", "User")),
        str(QT_TRANSLATE_NOOP("UsersModel", "Role")),
        str(QT_TRANSLATE_NOOP("UsersModel", "Status")),
        str(QT_TRANSLATE_NOOP("UsersModel", "Added")),
        str(QT_TRANSLATE_NOOP("UsersModel", "Added by")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self.COLUMNS, parent, context="UsersModel")
        self._users: list[User] = []

    def set_users(self, users: list[User]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user(self, row: int) -> User:
        return self._users[row]

    def row_count(self) -> int:
        return len(self._users)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        user = self._users[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                user.name,
                role_label(user.role),
                QCoreApplication.translate("UsersModel", "Active")
                if user.active
                else QCoreApplication.translate("UsersModel", "Disabled"),
                user.created_at[:10],
                user.created_by,
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(SUCCESS if user.active else DANGER)
        if role == Qt.ItemDataRole.UserRole:
            return user.name
        return None


class UsersView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersView")
        self.ctx = ctx
        self.can_manage = ctx.can(Permission.MANAGE_USERS)
        self.dialog: AddUserDialog | EnableUserDialog | None = None
        self.key_dialog: RecoveryKeyDialog | None = None
        """The last new recovery key shown (after disabling or rotating)."""
        self.reason_dialog: ReasonDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = PageHeader(
            self.tr("Users"), self.tr("Who may sign in on this computer, and with which role.")
        )
        outer.addWidget(self.header)
        body = QVBoxLayout()
        body.setContentsMargins(24, 16, 24, 16)
        body.setSpacing(12)
        outer.addLayout(body, 1)

        self.add_button = button(self.tr("Add user…"), "plus", primary=True)
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add_user)
        self.rotate_button = button(self.tr("Rotate keys…"), "lock")
        self.rotate_button.setObjectName("rotateKeysButton")
        self.rotate_button.setToolTip(
            self.tr(
                "Re-encrypt the store with new keys: after a lost laptop or a leaked passphrase"
            )
        )
        self.rotate_button.clicked.connect(self.rotate_keys)
        self.header.action_bar.addWidget(self.rotate_button)
        self.header.action_bar.addWidget(self.add_button)
        self.note = Banner(
            "info",
            ""
            if self.can_manage
            else self.tr(
                "Only an administrator can add, disable or enable users. You can see the list."
            ),
        )
        self.note.setObjectName("usersNote")
        body.addWidget(self.note)
        self.message = Banner("ok")
        self.message.setObjectName("usersMessage")
        body.addWidget(self.message)

        self.model = UsersModel(self)
        body.addWidget(self._build_table(), 1)
        body.addLayout(self._build_actions())
        managing = (self.add_button, self.disable_button, self.enable_button, self.rotate_button)
        for widget in managing:
            widget.setVisible(self.can_manage)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # --- building -----------------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        head = self.table.horizontalHeader()
        head.setHighlightSections(False)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in enumerate((200, 190, 110, 120)):
            self.table.setColumnWidth(col, width)
        head.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        return self.table

    def _build_actions(self) -> QHBoxLayout:
        """Disable and Enable…, for the selected user."""
        actions = QHBoxLayout()
        self.disable_button = button(self.tr("Disable"), "user-off", danger=True)
        self.disable_button.setObjectName("disableButton")
        self.disable_button.clicked.connect(self.disable_selected)
        self.enable_button = button(self.tr("Enable…"), "user-on")
        self.enable_button.setObjectName("enableButton")
        self.enable_button.clicked.connect(self.enable_selected)
        actions.addWidget(self.disable_button)
        actions.addWidget(self.enable_button)
        actions.addStretch(1)
        return actions

    # --- page hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def new_record(self) -> bool:
        if not self.can_manage:
            return False
        self.add_user()
        return True

    # --- list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.runner.submit(list_users, self._on_users, self.ctx.report)

    def _on_users(self, users: list[User]) -> None:
        selected = self.selected_name()
        self.model.set_users(users)
        for row in range(self.model.rowCount()):
            if self.model.user(row).name == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()).name if rows else None

    def select(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.user(row).name == name:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        user = self.model.user(rows[0].row()) if rows else None
        me = self.ctx.identity.user
        self.disable_button.setEnabled(bool(user and user.active and user.name != me))
        self.enable_button.setEnabled(bool(user and not user.active))

    # --- changes ------------------------------------------------------------------------------
    def add_user(self) -> AddUserDialog:
        roles = INSTALL_ROLES[self.ctx.identity.install.role]
        dialog = AddUserDialog(roles, self._submit, self)
        self._open(dialog)
        return dialog

    def enable_selected(self) -> EnableUserDialog | None:
        name = self.selected_name()
        if name is None:
            return None
        dialog = EnableUserDialog(name, self._submit, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: AddUserDialog | EnableUserDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def _submit(self, work: UserWork, name: str) -> None:
        dialog = self.dialog

        def done(_result: object) -> None:
            if dialog is not None:
                dialog.succeeded()
            self.message.set_message("ok", self.tr("Saved: {name}.").format(name=name))
            self.refresh()

        def failed(exc: BaseException) -> None:
            if dialog is None or not dialog.failed(exc):
                self.ctx.report(exc)

        self.ctx.runner.submit(work, done, failed)

    def disable_selected(self, confirm: bool = True) -> None:
        name = self.selected_name()
        if name is None:
            return
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Disable {name}?").format(name=name),
                self.tr(
                    "{name} will no longer be able to sign in. Their records stay. "
                    "You can enable them again with a new passphrase."
                ).format(name=name),
                QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setInformativeText(
                self.tr("Disabling also re-keys the store, so that {name}'s passphrase opens "
                        "nothing, not even with an old copy of the key file.").format(name=name)
                + "\n\n"
                + keys.rekey_explained()
            )  # fmt: skip
            box.setObjectName("confirmDisable")
            disable = box.addButton(
                self.tr("Disable and re-key"), QMessageBox.ButtonRole.AcceptRole
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(
                lambda _r: self._disable(name) if box.clickedButton() is disable else None
            )
            box.open()
            return
        self._disable(name)

    def _disable(self, name: str) -> None:
        self.disable_button.setEnabled(False)

        def done(rotation: KeyRotation) -> None:
            self.message.set_message(
                "ok",
                self.tr("{name} is disabled; the store has new keys.").format(name=name),
            )
            self.refresh()
            intro = keys.rotated_intro(
                rotation,
                self.tr("{name} is disabled and can no longer open this store.").format(name=name),
            )
            self.key_dialog = keys.show_new_key(self.ctx, self, intro, rotation.recovery_key)

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            self.ctx.report(exc)

        keys.run_rekey(
            self.ctx,
            self,
            self.tr("Disable {name}").format(name=name),
            partial(disable_user, name=name),
            done,
            failed,
        )

    # --- keys ---------------------------------------------------------------------------------
    def rotate_keys(self) -> ReasonDialog | None:
        """Ask why, then re-key the store and show the new recovery key (admins)."""
        if not self.can_manage:
            return None
        dialog = keys.ask_rotation_reason(self)
        self.reason_dialog = dialog
        dialog.accepted.connect(lambda: self._rotate(dialog.reason()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _rotate(self, reason: str) -> None:
        self.rotate_button.setEnabled(False)

        def done(rotation: KeyRotation) -> None:
            self.rotate_button.setEnabled(True)
            self.message.set_message("ok", self.tr("The store has new keys."))
            intro = keys.rotated_intro(rotation, self.tr("The keys were rotated."))
            self.key_dialog = keys.show_new_key(self.ctx, self, intro, rotation.recovery_key)

        def failed(exc: BaseException) -> None:
            self.rotate_button.setEnabled(True)
            self.ctx.report(exc)

        keys.run_rekey(
            self.ctx,
            self,
            self.tr("Rotate the keys"),
            partial(rotate_keys, reason=reason),
            done,
            failed,
        )
