"""The last HQ screens on PostgreSQL (issue 20): at an HQ keeping its records in PostgreSQL,
the dashboard's Due panel, a case's History window and its printout read them there (the
install's own store refuses every record read for the test, so a screen that silently read
its empty tables fails). Each is rendered to a PNG (``TIPDESK_PG_SCREENS_PNG``: a folder to
keep them in, else the test's own). Synthetic data only."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, sign_in
from install_guard import refuse_record_reads
from PySide6.QtWidgets import QApplication

from tipdesk.core.codes import InstallRole, Stage
from tipdesk.core.records import Case
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import demo, printouts, records
from tipdesk.services import session as session_service
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.errors import ErrorReporter
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.history import HistoryDialog

NARRATIVE = "Corrected at HQ after the district's call (synthetic)"


@pytest.fixture
def edited_at_pg_hq(gui_config: AppConfig, make_install: Callable[..., str], pg_url: str) -> str:
    """An HQ whose records (demo cases) are in PostgreSQL, one case then corrected at HQ (a
    second version); the corrected case's id."""
    make_install(role=InstallRole.HQ)
    session = session_service.sign_in(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        with HqDatabase(pg_url, max_size=1) as db:
            hq_pg.link(session, db)
        session.store.set_settings({DATABASE_SETTING: pg_url}, session.actor())
        demo.fill(session, seed=5, cases=8)
        assert not session.store.count("case")  # every record went to PostgreSQL
        case = records.get(session, "case", records.page(session, "case", limit=1)[0].id)
        assert isinstance(case, Case)
        case.narrative = NARRATIVE
        case.stage = Stage.TRIAL if case.stage != Stage.TRIAL else Stage.DECIDED
        records.save_one(session, case)
        return case.id
    finally:
        session.close()


def _png_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TIPDESK_PG_SCREENS_PNG") or tmp_path / "png")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_due_panel_history_and_printout_read_postgresql(
    edited_at_pg_hq: str,
    controller: AppController,
    gui_config: AppConfig,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    hits = refuse_record_reads(gui_config.paths.home, monkeypatch)
    reported: list[BaseException] = []
    monkeypatch.setattr(ErrorReporter, "report", lambda _self, exc, *_a: reported.append(exc))
    png = _png_folder(tmp_path)
    window = sign_in(controller)
    window.resize(1366, 900)

    # Every screen of the HQ, opened and refreshed: none reads the install's empty tables.
    for spec in window.specs:
        page = window.show_page(spec.key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
    assert not hits, hits
    assert not reported, reported
    settings = window.show_page("settings")
    # Its record counts come from PostgreSQL: no "fill with demo data" offer on a full HQ.
    assert settings.demo_card.isHidden()  # type: ignore[attr-defined]
    assert window.grab().save(str(png / "pg-hq-settings.png"))

    dashboard = window.show_page("dashboard")
    assert isinstance(dashboard, DashboardView)
    dashboard.refresh()
    due = dashboard.due_panel.diary
    assert due is not None
    assert due.overdue.total + due.due_today.total + due.week.total > 0
    assert dashboard.due_panel.model.rowCount() > 0
    assert window.grab().save(str(png / "pg-hq-dashboard.png"))

    cases = window.show_page("cases")
    assert isinstance(cases, CasesView)
    editor = cases.open_record(edited_at_pg_hq)
    assert editor.open_history() is not None
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog)]
    dialog.resize(1100, 640)
    rows = [dialog.model.row(i) for i in range(dialog.model.rowCount())]
    assert [(r[2], r[3]) for r in rows][:2] == [("The case", "2"), ("The case", "1")]
    assert rows[0][1] == GUI_ADMIN
    assert rows[0][4] == "Stage; What happened"  # the editors' labels
    assert NARRATIVE in dialog.detail.toPlainText()
    assert dialog.grab().save(str(png / "pg-hq-history.png"))
    dialog.close()

    session = session_service.sign_in(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        pdf = printouts.case_summary(session, edited_at_pg_hq)
    finally:
        session.close()
    assert pdf.data.startswith(b"%PDF")
    (png / "pg-hq-case-summary.pdf").write_bytes(pdf.data)
    assert not hits, hits
