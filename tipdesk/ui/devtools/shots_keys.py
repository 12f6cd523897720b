"""The key and audit screens for ``python -m tipdesk.ui.devtools.screenshots`` (importing this
module registers them): ``users-rotate-keys`` (the question before a key rotation),
``users-recovery-key`` (the new recovery key after it, shown once) and ``audit-broken`` (the
red notice after entries were cut from the end of the audit log). Each uses an install of its
own, so the demo install's keys and log stay as they are. Synthetic data only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tipdesk.core.codes import InstallRole
from tipdesk.services import demo
from tipdesk.services.session import init_install
from tipdesk.store.driver import connect
from tipdesk.store.keys import KeyFile
from tipdesk.ui.app import AppController
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import FAST_KDF, Shots, settle
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.users.page import UsersView

CUT = 3


def _window(shots: Shots, home: str, *, cut: bool = False) -> MainWindow:
    """A small district install of its own, signed in (``cut``: after the last audit entries
    were deleted behind TIPDesk's back)."""
    config = shots.config_for(shots.tmp / home)
    session, _key = init_install(
        config.paths, role=InstallRole.DISTRICT, user=shots.user, passphrase=shots.passphrase,
        clock=shots.clock, district="Lahore", office="FIA-AHTC-LHR", kdf=FAST_KDF,
    )  # fmt: skip
    try:
        demo.fill(session, seed=11, cases=12)
    finally:
        session.close()
    if cut:
        key = KeyFile.load(config.paths.keyfile).unlock(shots.user, shots.passphrase, shots.clock)
        conn = connect(config.paths.database, key)
        try:
            conn.execute("DROP TRIGGER audit_no_delete")
            last = int(conn.execute("SELECT max(seq) FROM audit").fetchone()[0])
            conn.execute("DELETE FROM audit WHERE seq > ?", (last - CUT,))
        finally:
            conn.close()
    controller = AppController(config)
    shots.on_close(controller.shutdown)
    window = shots.sign_in(controller)
    settle()
    return window


def _users(window: MainWindow) -> UsersView:
    page = window.show_page("users")
    assert isinstance(page, UsersView)
    settle()
    return page


def _rotate_keys(shots: Shots) -> QWidget:
    window = _window(shots, "keys-a")
    dialog = _users(window).rotate_keys()
    assert dialog is not None
    dialog.reason_edit.setText("Laptop of the Saddar office lost on 2 June")
    settle()
    shots.on_close(dialog.reject)
    return dialog


def _recovery_key(shots: Shots) -> QWidget:
    window = _window(shots, "keys-b")
    page = _users(window)
    dialog = page.rotate_keys()
    assert dialog is not None
    dialog.reason_edit.setText("Laptop of the Saddar office lost on 2 June")
    dialog.accept()
    settle()
    shown = page.key_dialog
    assert shown is not None
    shown.panel.confirm_check.setChecked(True)
    settle()
    shots.on_close(shown.reject)
    return shown


def _audit_broken(shots: Shots) -> QWidget:
    window = _window(shots, "audit-cut", cut=True)
    window.show_page("audit")
    settle()
    return window


register("users-rotate-keys", _rotate_keys)
register("users-recovery-key", _recovery_key)
register("audit-broken", _audit_broken)
