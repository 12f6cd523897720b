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

from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
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
