"""The audit screen: newest entries first, filters, paging, and "Verify chain" showing OK and
then naming a tampered entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import GUI_OTHER_PASSPHRASE, sign_in
from PySide6.QtCore import QDate, Qt

from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.store.driver import connect
from tipdesk.store.keys import KeyFile
from tipdesk.ui.app import AppController
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.audit import page as audit_view
from tipdesk.ui.pages.audit.page import AuditView


def _audit(window: MainWindow) -> AuditView:
    page = window.show_page("audit")
    assert isinstance(page, AuditView)
    return page


def _tamper(paths: Paths, seq: int, clock: Any) -> None:
    """Edit one audit entry behind TIPDesk's back (someone holding the key, with the triggers
    dropped): only the hash chain can notice."""
    key = KeyFile.load(paths.keyfile).unlock("admin1", "correct horse battery staple", clock)
    conn = connect(paths.database, key)
    try:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET user = 'someone.else' WHERE seq = ?", (seq,))
    finally:
        conn.close()


def test_verify_shows_ok_then_names_a_tampered_entry(main_window: MainWindow, qtbot: Any) -> None:
    page = _audit(main_window)
    assert page.model is not None
    assert page.model.rowCount() > 0
    newest = page.model.entry(0)
    assert newest.action == "login"  # newest first
    page.verify_button.click()
    assert page.result.kind == "ok"
    assert "intact" in page.result.text()

    ctx = main_window.ctx
    _tamper(ctx.paths, 3, ctx.clock)
    page.verify_button.click()
    assert page.result.kind == "error"
    assert "audit entry #3 was edited" in page.result.text()


def test_filters_and_paging(
    controller: AppController, make_install: Callable[..., str], qtbot: Any, monkeypatch: Any
) -> None:
    make_install(demo_cases=10, users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    monkeypatch.setattr(audit_view, "PAGE_SIZE", 7)
    window = sign_in(controller)
    page = _audit(window)
    model = page.model
    assert model is not None
    assert model.rowCount() == 7  # one page
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 14
    seqs = [model.entry(r).seq for r in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == 14

    page.action_box.setCurrentIndex(page.action_box.findData("user.add"))
    while model.canFetchMore():
        model.fetchMore()
    assert {model.entry(r).action for r in range(model.rowCount())} == {"user.add"}
    assert model.data(model.index(0, 4)) == "User bilal"
    assert "role: District officer" in model.data(model.index(0, 5))  # as the Users page says
    # Actions read as words, with the stored code in the tool tip (and in the filter).
    assert model.data(model.index(0, 3)) == "User added"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole) == "user.add"
    assert page.action_box.currentText() == "User added"
    tip = model.data(model.index(0, 5), Qt.ItemDataRole.ToolTipRole)
    assert "role: district_officer" in tip

    # Records are named by their titles; the id stays in the tooltip.
    page.action_box.setCurrentIndex(page.action_box.findData("create"))
    while model.canFetchMore():
        model.fetchMore()
    found: list[Any] = []
    window.ctx.runner.submit(
        lambda s: s.store.query("SELECT id, case_number FROM cases"), found.append
    )
    numbers = {str(i): str(n) for i, n in found[0]}
    cases = [r for r in range(model.rowCount()) if model.entry(r).kind == "case"]
    assert cases
    for r in cases:
        entry = model.entry(r)
        assert model.data(model.index(r, 4)) == f"Case {numbers[entry.record_id]}"
        tip = model.data(model.index(r, 4), Qt.ItemDataRole.ToolTipRole)
        assert tip == f"case {entry.record_id}"

    page.clear_filters()
    page.user_box.setCurrentIndex(page.user_box.findData("admin1"))
    page.from_edit.setDate(QDate(2026, 6, 2))  # after everything was written
    assert model.rowCount() == 0
    page.from_edit.setDate(QDate(2026, 6, 1))
    assert model.rowCount() > 0
    assert page.focus_search()


def test_roles_without_the_audit_permission_see_a_note(
    controller: AppController, make_install: Callable[..., str]
) -> None:
    make_install(users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    window = sign_in(controller, "bilal", GUI_OTHER_PASSPHRASE)
    page = _audit(window)
    assert page.model is None
    assert not page.allowed


def test_the_audit_model_passes_qtmodeltester(main_window: MainWindow, qtmodeltester: Any) -> None:
    page = _audit(main_window)
    assert page.model is not None
    qtmodeltester.check(page.model, force_py=True)
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Time"


def _entry(action: str, kind: str = "", record_id: str = "", **detail: Any) -> Any:
    from tipdesk.store.audit import AuditEntry

    return AuditEntry(
        seq=1, at="2026-06-01T10:00:00.000Z", user="hq.admin", device="dev", action=action,
        kind=kind, record_id=record_id, detail=detail, prev_hash="", hash="",
    )  # fmt: skip


def test_entries_read_as_names_not_codes(main_window: MainWindow) -> None:
    """Actions, field names, districts, offices and device ids as people name them; the codes
    stay in the tool tip."""
    from tipdesk.ui.pages.audit import words

    names = words.Names(
        main_window.ctx.reference,
        {("case", "c1"): "FIR 22/2026"},
        {"0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b": "PB-LHR"},
    )
    device = "0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"
    issued = _entry("sync.receipt.issue", "device", device, serial=3, bundles=[1, 2])
    assert words.action_words(issued.action) == "Receipt issued"
    assert words.subject(issued, names) == "Device …2e3f4a5b (Lahore)"
    registered = _entry(
        "sync.device.register", "device", device, district="PB-LHR", office="FIA-AHTC-LHR"
    )
    text = words.describe(registered, names)
    assert "district: Lahore" in text and "PB-LHR" not in text
    assert "FIA-AHTC-LHR" not in text and "office: FIA" in text  # the office's name
    assert "district: PB-LHR" in words.codes(registered)
    changed = _entry(
        "update", "case", "c1", fields=["investigating_officer", "narrative"],
        children={"accused.create": ["a1", "a2"]},
    )  # fmt: skip
    assert words.subject(changed, names) == "Case FIR 22/2026"
    text = words.describe(changed, names)
    assert "fields: Investigating officer, What happened" in text
    assert "Accused added: 2" in text
    assert "investigating_officer" in words.codes(changed)
    conflict = _entry("sync.conflict", "case", "c1", held="incoming", **{"from": device})
    assert words.describe(conflict, names) == (
        "from device: …2e3f4a5b (Lahore) · held: the district's version"
    )
    bundle = _entry("sync.import", "bundle", f"{device}#7")
    assert words.subject(bundle, names) == "Bundle 7 from …2e3f4a5b (Lahore)"
    assert words.action_words("sync.something.new") == "sync something new"  # never dropped
