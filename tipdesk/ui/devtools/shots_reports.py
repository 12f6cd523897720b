"""The Reports screen for :mod:`tipdesk.ui.devtools.screenshots` (registered with
:func:`tipdesk.ui.devtools.screenshots.register`). Importing this module registers it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.pages.reports.page import BREAKDOWNS, ReportsView


def _reports(shots: Shots, tab: int = 0) -> QWidget:
    window = shots._page("reports")
    page = window.page("reports")
    assert isinstance(page, ReportsView) and page.report_panel is not None
    panel = page.report_panel
    today = shots.clock.now().date()
    panel.set_period(dt.date(today.year - 1, today.month, 1), today - dt.timedelta(days=1))
    panel.build_button.click()
    panel.sections.setCurrentIndex(tab)
    settle()
    return window


def _reports_breakdowns(shots: Shots) -> QWidget:
    return _reports(shots, 1)


def _reports_by_act(shots: Shots) -> QWidget:
    """The split by Act (trafficking and smuggling) with the officials among the accused."""
    window = shots._page("reports")
    _reports(shots, 1)
    page = window.page("reports")
    assert isinstance(page, ReportsView) and page.report_panel is not None
    page.report_panel.breakdown_tabs.setCurrentIndex(BREAKDOWNS.index("by_law"))
    settle()
    return window


def _reports_charts(shots: Shots) -> QWidget:
    return _reports(shots, 2)


register("reports", _reports)
register("reports-breakdowns", _reports_breakdowns)
register("reports-by-act", _reports_by_act)
register("reports-charts", _reports_charts)
