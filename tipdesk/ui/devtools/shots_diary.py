"""The Diary screens for ``python -m tipdesk.ui.devtools.screenshots`` (importing this module
registers them): ``diary`` (the page on the demo install, This week), ``diary-outcome`` (what
happened at a hearing, with its next date), ``dashboard-due`` (the dashboard scrolled to its
Due panel) and ``overdue-notice`` (the short list over the pages after signing in). Synthetic
data only."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget

from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.diary.overdue_notice import notify_overdue
from tipdesk.ui.pages.diary.page import DiaryView


def _diary(shots: Shots) -> MainWindow:
    window = shots.main_window()
    if window.locked:
        window.unlock()
    page = window.show_page("diary")
    assert isinstance(page, DiaryView)
    page.tabs.setCurrentIndex(2)  # this week
    page.tables["week"].selectRow(0)
    page.tables["week"].setFocus()
    settle()
    return window


def _diary_outcome(shots: Shots) -> QWidget:
    window = _diary(shots)
    page = window.page("diary")
    assert isinstance(page, DiaryView)
    page.tabs.setCurrentIndex(1)  # today: a hearing to record
    page.tables["today"].selectRow(0)
    dialog = page.done_selected()
    assert dialog is not None
    settle()
    return dialog


def _dashboard_due(shots: Shots) -> QWidget:
    window = shots.main_window()
    if window.locked:
        window.unlock()
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardView)
    settle()
    area = page.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(page.due_panel, 0, 0)
    settle()
    return window


def _overdue_notice(shots: Shots) -> QWidget:
    window = shots.main_window()
    if window.locked:
        window.unlock()
    window.show_page("cases")
    notify_overdue(window, window.ctx)  # as on signing in (the demo has overdue items)
    settle()
    return window


register("diary", _diary)
register("diary-outcome", _diary_outcome)
register("dashboard-due", _dashboard_due)
register("overdue-notice", _overdue_notice)  # last: it stays on the main window
