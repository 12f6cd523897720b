"""The Reports screen: building a report on the runner, its figures against ``tipdesk stats``,
an XLSX export read back with openpyxl, the linked cases and the data-quality review; every
model passes qtmodeltester."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from gui_support import GUI_ADMIN, GUI_KDF, GUI_PASSPHRASE, sign_in

from tipdesk.core.codes import Gender, InstallRole
from tipdesk.core.records import Accused, Case
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.reports.page import BREAKDOWNS, ReportsView, preset_dates

if TYPE_CHECKING:
    from tipdesk.services.figures import Figures

PLANTED_CNIC = "9990011122299"
START = dt.date(2025, 1, 1)
END = dt.date(2026, 5, 31)


def _reports(window: MainWindow) -> ReportsView:
    page = window.show_page("reports")
    assert isinstance(page, ReportsView)
    return page


@pytest.fixture
def reports_window(controller: AppController, gui_config: AppConfig) -> MainWindow:
    """An HQ install with a little demo data and one accused CNIC planted in cases of Lahore
    and Faisalabad."""
    from tipdesk.services import demo
    from tipdesk.services.session import init_install

    session, _recovery = init_install(
        gui_config.paths, role=InstallRole.HQ, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE,
        clock=gui_config.clock, kdf=GUI_KDF,
    )  # fmt: skip
    try:
        demo.fill(session, seed=3, cases=20)
        cases = [
            Case(case_number=f"FIR {n}/2026", registered_on=dt.date(2026, 2, n),
                 district=district, office=office, exploitation_forms=["forced_labour"],
                 accused=[Accused(name="Planted", father_name="Fakefather", gender=Gender.MALE,
                                  role="recruiter", cnic=PLANTED_CNIC)])
            for n, district, office in ((3, "PB-LHR", "FIA-AHTC-LHR"),
                                        (4, "PB-FSD", "FIA-AHTC-FSD"))
        ]  # fmt: skip
        session.store.save(cases, session.actor())
    finally:
        session.close()
    return sign_in(controller)


def _build(page: ReportsView, **kw: Any) -> None:
    panel = page.report_panel
    assert panel is not None
    panel.set_period(kw.get("start", START), kw.get("end", END))
    if "suppress" in kw:
        panel.suppress_check.setChecked(True)
        panel.threshold.setValue(kw["suppress"])
    panel.build_button.click()
    assert panel.report is not None


def _stats(window: MainWindow, start: dt.date, end: dt.date) -> Figures:
    from tipdesk.services.figures import stats

    found: list[Figures] = []
    window.ctx.runner.submit(lambda s: stats(s, start, end), found.append)
    return found[0]


def test_a_built_report_agrees_with_stats(reports_window: MainWindow, qtmodeltester: Any) -> None:
    page = _reports(reports_window)
    _build(page)
    panel = page.report_panel
    assert panel is not None and panel.report is not None
    figures = _stats(reports_window, START, END)
    model = panel.headline_model
    for row in range(model.rowCount()):
        key = model.key(row)
        figure = getattr(figures, key, None)  # conviction_rate and acquittals are not in stats
        if figure is not None:
            assert model.index(row, 1).data(256) == figure, key
    cases = model.index(0, 1).data()
    assert cases == f"{figures.cases_registered:,}"
    assert model.index(0, 2).data()  # the same period a year earlier is shown beside it
    change = model.index(0, 3).data()  # kept left-to-right inside Urdu (RTL) tables
    assert change[0] == "\u2066" and change[-1] == "\u2069" and change[1] in "+-0"
    qtmodeltester.check(model)
    for key in BREAKDOWNS:
        assert panel.table_models[key].rowCount() >= 1, key
        qtmodeltester.check(panel.table_models[key])
    qtmodeltester.check(panel.coverage_model)
    # The total row of the by-district table is the headline figure.
    by_district = panel.table_models["by_district"]
    last = by_district.rowCount() - 1
    assert by_district.index(last, 0).data() == "Total"
    assert by_district.index(last, 3).data() == cases
    for view in (panel.funnel_view, panel.trend_view, panel.victims_view):
        assert view.chart().series()
    assert panel.banner.isVisible()


def test_suppression_hides_small_counts(reports_window: MainWindow) -> None:
    page = _reports(reports_window)
    _build(page, suppress=50)
    panel = page.report_panel
    assert panel is not None and panel.report is not None
    assert panel.report.suppression is not None
    texts = [panel.headline_model.index(r, 1).data() for r in range(3)]
    assert any(t in ("<50", "x") for t in texts), texts


def test_the_screen_never_shows_a_hidden_value(reports_window: MainWindow) -> None:
    # Every hidden cell gets a sentinel value after suppression; the screen, shown again,
    # must show the marks and never the sentinel (tables, headline, and the raw values the
    # headline hands out).
    from PySide6.QtCore import Qt

    from tipdesk.reports.relations import cells

    page = _reports(reports_window)
    _build(page, suppress=5)
    panel = page.report_panel
    assert panel is not None and panel.report is not None
    hidden = [c for c in cells(panel.report) if c.hidden]
    assert hidden
    for cell in hidden:
        cell.value = 987_123
    panel.show_report(panel.report)
    shown = []
    for model in [panel.headline_model, *panel.table_models.values()]:
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                shown += [str(index.data()), str(index.data(Qt.ItemDataRole.UserRole))]
    assert [t for t in shown if "987" in t] == []
    assert "<5" in shown and "x" in shown


def test_export_xlsx_writes_a_workbook(reports_window: MainWindow, tmp_path: Path) -> None:
    page = _reports(reports_window)
    _build(page)
    panel = page.report_panel
    assert panel is not None
    dest = tmp_path / "national.xlsx"
    panel.choose_file = lambda _fmt: dest  # type: ignore[method-assign]
    panel.export_buttons["xlsx"].click()
    assert panel.last_export == dest and dest.exists()
    assert "national.xlsx" in panel.banner.text()
    book = openpyxl.load_workbook(dest, read_only=True)
    assert "About" in book.sheetnames and len(book.sheetnames) > 3
    book.close()


def test_linked_cases_show_the_planted_cnic(reports_window: MainWindow, qtmodeltester: Any) -> None:
    page = _reports(reports_window)
    panel = page.show_tab("linked")
    assert panel is page.linked_panel and page.linked_panel is not None
    model = page.linked_panel.model
    cnics = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert PLANTED_CNIC in cnics
    rows = [model.row(r) for r in range(model.rowCount()) if model.row(r)[0] == PLANTED_CNIC]
    assert {r[3] for r in rows} == {"Lahore", "Faisalabad"}
    qtmodeltester.check(model)


def test_data_quality_lists(reports_window: MainWindow, qtmodeltester: Any) -> None:
    page = _reports(reports_window)
    page.show_tab("quality")
    panel = page.quality_panel
    assert panel is not None and panel.quality is not None
    assert sum(panel.quality.checked.values()) > 0
    assert "records checked" in panel.summary.text()
    for model in (panel.failing_model, panel.quarantine_model, panel.quiet_model):
        qtmodeltester.check(model)


def test_without_the_permission_a_note_is_shown(reports_window: MainWindow, qtbot: Any) -> None:
    # Every role has the permission today; a context that says no stands for a future one.
    ctx = dataclasses.replace(reports_window.ctx)
    ctx.can = lambda _permission: False  # type: ignore[method-assign]
    page = ReportsView(ctx)
    qtbot.addWidget(page)
    assert not page.allowed and page.report_panel is None
    assert "does not include reports" in page.note.text()


def test_presets() -> None:
    today = dt.date(2026, 6, 15)
    assert preset_dates("this_year", today) == (dt.date(2026, 1, 1), today)
    assert preset_dates("last_year", today) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert preset_dates("last_quarter", today) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert preset_dates("last_quarter", dt.date(2026, 2, 1)) == (
        dt.date(2025, 10, 1), dt.date(2025, 12, 31),
    )  # fmt: skip
