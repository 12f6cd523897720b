"""A broken audit chain (entries cut from its end) is shown at once after sign-in: a red notice
above every page naming the problem; an administrator records the break with a reason
("Acknowledge…", by keyboard) and saving works again; other users read that saving is blocked,
and a refused save says so in words, in the editor and in the error dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_OTHER_PASSPHRASE, GUI_PASSPHRASE, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tipdesk.core.errors import AuditChainBroken
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.store.driver import connect
from tipdesk.store.keys import KeyFile
from tipdesk.ui.app import AppController
from tipdesk.ui.errors import known_error_text
from tipdesk.ui.main_window import MainWindow

CUT = 2


def _cut_the_tail(paths: Paths, clock: Any) -> int:
    """What someone holding the database key does to hide their last actions: drop the
    append-only trigger and delete the last entries. Returns the entry the log ends at now."""
    key = KeyFile.load(paths.keyfile).unlock(GUI_ADMIN, GUI_PASSPHRASE, clock)
    conn = connect(paths.database, key)
    try:
        conn.execute("DROP TRIGGER audit_no_delete")
        last = int(conn.execute("SELECT max(seq) FROM audit").fetchone()[0])
        conn.execute("DELETE FROM audit WHERE seq > ?", (last - CUT,))
    finally:
        conn.close()
    return last - CUT


@pytest.fixture
def broken(make_install: Callable[..., str], gui_config: Any) -> int:
    make_install(demo_cases=2, users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    return _cut_the_tail(gui_config.paths, gui_config.clock)


def _add_office(window: MainWindow, name: str) -> Any:
    page = window.show_page("settings")
    page.office_name.setText(name)
    page.add_office_button.click()
    return page


def test_an_admin_sees_the_break_at_once_and_records_it(
    broken: int, gui_config: Any, qtbot: Any
) -> None:
    controller = AppController(gui_config)
    try:
        window = sign_in(controller)
        notice = window.audit_notice
        assert notice.isVisible()
        assert f"ends at #{broken}" in notice.text.text()
        assert "entries at the end were deleted" in notice.text.text()
        assert notice.ack_button.isVisible() and notice.audit_button.isVisible()

        # A save is refused, in words that say what to do in the app.
        _add_office(window, "Police Station Model Town")
        box = controller.reporter.last_dialog
        assert isinstance(box, QMessageBox)
        assert box.windowTitle() == "Not saved: the audit log is broken"
        assert "Acknowledge…" in box.text() and "tipdesk audit" not in box.text()
        box.close()

        notice.audit_button.click()
        assert window.current_key() == "audit"

        # Acknowledge… asks why (by keyboard); the break is recorded and the notice goes.
        dialog = notice.acknowledge()
        assert dialog is not None and dialog.isVisible()
        assert f"#{broken}" in dialog.intro.text()
        qtbot.keyClicks(dialog.reason_edit, "cut")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # too short: nothing happens
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.reason_edit, " found at the monthly check; reported to HQ")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
        assert not notice.isVisible()
        assert "recorded" in window.statusBar().currentMessage()

        page = _add_office(window, "Police Station Model Town")
        assert page.message.kind == "ok", page.message.text()
        found: list[Any] = []
        window.ctx.runner.submit(
            lambda s: s.store.audit_entries(action="audit.break"), found.append
        )
        (entry,) = found[0]
        assert entry.user == GUI_ADMIN and "reported to HQ" in entry.detail["reason"]
        assert entry.detail["log_ended_at"] == broken
    finally:
        controller.shutdown()


def test_an_officer_reads_that_saving_is_blocked(broken: int, gui_config: Any) -> None:
    controller = AppController(gui_config)
    try:
        window = sign_in(controller, "bilal", GUI_OTHER_PASSPHRASE)
        notice = window.audit_notice
        assert notice.isVisible()
        assert "Saving is blocked until an administrator" in notice.text.text()
        assert f"ends at #{broken}" in notice.text.text()
        assert not notice.ack_button.isVisible()
        assert notice.acknowledge() is None
    finally:
        controller.shutdown()


def test_an_intact_log_shows_no_notice(main_window: MainWindow) -> None:
    assert main_window.audit_notice.status is not None
    assert main_window.audit_notice.status.ok
    assert not main_window.audit_notice.isVisible()


def test_the_refusal_reads_as_words_in_the_editor_too() -> None:
    text = known_error_text(AuditChainBroken("The audit log is broken (x); tipdesk audit …"))
    assert text.startswith("Nothing was saved.")
    assert "administrator" in text and "tipdesk" not in text
