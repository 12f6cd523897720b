"""HQ's screens on PostgreSQL (issue 20): an HQ whose records are in PostgreSQL imports a
district's bundle through its Sync screen; the Devices and Coverage tabs, the dashboard and
Write receipts read PostgreSQL (the install's own store holds no record nor bundle), and the
receipt acknowledges the district's bundle. Synthetic data only."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest
from gui_support import sign_in
from sync_screens import session as _session
from sync_screens import sync_panel as _sync

from tipdesk.services.audit_log import Chain
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.audit.page import AuditView
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.sync.district import SyncDistrictPanel
from tipdesk.ui.pages.sync.hq import SyncHqPanel
from tipdesk.ui.widgets import files


def test_hq_screens_read_postgresql(
    linked_on_pg: str,
    controller: AppController,
    hq_controller: AppController,
    hq_config: AppConfig,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    district = _sync(sign_in(controller))
    assert isinstance(district, SyncDistrictPanel)
    monkeypatch.setattr(files, "ask_folder", lambda *_a: usb)
    district.export_button.click()
    (bundle,) = usb.glob("*.tipb")
    assert district.outbox_model.rowCount() == 1

    inbox = hq_config.paths.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    shutil.copy(bundle, inbox / bundle.name)
    hq_controller.start()
    window = sign_in(hq_controller)
    hq = _sync(window)
    assert isinstance(hq, SyncHqPanel)
    assert hq.devices_model.text(0, 3) == "none yet"
    hq.inbox_button.click()
    assert hq.report is not None and not hq.report.errors
    assert [r.status for r in hq.report.results] == ["imported"]

    # The install's own store holds nothing of it: every screen below reads PostgreSQL.
    at_hq = _session(hq_config.paths, hq_config.clock)
    try:
        assert at_hq.store.query("SELECT count(*) FROM sync_bundles") == [(0,)]
        assert at_hq.store.query("SELECT count(*) FROM cases") == [(0,)]
    finally:
        at_hq.close()
    with psycopg.connect(linked_on_pg) as conn:
        (cases,) = conn.execute("SELECT count(*) FROM cases WHERE deleted = 0").fetchone() or (0,)
    assert cases == 6

    hq.refresh()
    assert hq.devices_model.text(0, 3).startswith("1 ")  # last bundle
    assert hq.devices_model.text(0, 8).startswith("up to entry ")  # the audit anchor
    coverage = hq.coverage_view.model
    rows = {coverage.text(r, 0): r for r in range(coverage.rowCount())}
    assert coverage.text(rows["Lahore"], 2) == "1"  # devices
    assert coverage.text(rows["Lahore"], 3) != "never"  # last bundle

    dashboard = window.show_page("dashboard")
    assert isinstance(dashboard, DashboardView)
    dashboard.refresh()
    assert dashboard.figures is not None
    assert dashboard.figures.record_counts["case"] == cases
    assert (
        dashboard.cards["cases"].value.text() == f"{dashboard.figures.headline.cases_registered:,}"
    )

    window.show_page("sync")
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    monkeypatch.setattr(files, "ask_folder", lambda *_a: receipts)
    hq.receipts_button.click()
    (receipt,) = receipts.glob("*.tipr")
    with psycopg.connect(linked_on_pg) as conn:
        assert conn.execute("SELECT receipt_serial FROM sync_bundles").fetchall() == [(1,)]
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: receipt)
    main = controller.main_window
    assert isinstance(main, MainWindow)
    district = _sync(main)
    district.receipt_button.click()
    assert district.result.kind == "ok", district.result.text()
    assert "1 bundle acknowledged" in district.result.text()
    assert district.outbox_model.text(0, 4) != "waiting"


def test_hq_audit_log_shows_the_database_chain_first(
    linked_on_pg: str,
    gui_config: AppConfig,
    hq_controller: AppController,
    hq_config: AppConfig,
    tmp_path: Path,
) -> None:
    """The audit screen of an HQ keeping its records in PostgreSQL offers its two logs: the
    database's first (the import is there), this computer's second (no import there)."""
    from tipdesk.services import sync

    district = _session(gui_config.paths, gui_config.clock)
    hq_session = _session(hq_config.paths, hq_config.clock)
    try:
        (tmp_path / "usb").mkdir()
        made = sync.export_bundle(district, tmp_path / "usb")
        assert made.path is not None
        assert sync.import_bundle_bytes(hq_session, made.path.read_bytes()).status == "imported"
    finally:
        district.close()
        hq_session.close()
    hq_controller.start()
    window = sign_in(hq_controller)
    page = window.show_page("audit")
    assert isinstance(page, AuditView)
    assert page.model is not None
    assert page.chain_box.isVisibleTo(page) and page.chain_box.count() == 2
    assert page.chain() is Chain.DATABASE
    shown = {page.model.entry(r).action for r in range(page.model.rowCount())}
    assert "sync.import" in shown and "login" not in shown
    page.verify_button.click()
    assert page.result.kind == "ok" and "intact" in page.result.text()

    page.chain_box.setCurrentIndex(1)
    assert page.chain() is Chain.INSTALL
    shown = {page.model.entry(r).action for r in range(page.model.rowCount())}
    assert "login" in shown and "sync.import" not in shown
    actions = {page.action_box.itemData(i) for i in range(page.action_box.count())}
    assert "login" in actions and "sync.import" not in actions
