"""The Diary screens for ``python -m tipdesk.ui.devtools.screenshots`` (importing this module
registers them): ``diary`` (the page on the demo install, This week), ``diary-outcome`` (what
happened at a hearing, with its next date), ``dashboard-due`` (the dashboard scrolled to its
Due panel), ``printout-case-summary``, ``printout-referral-letter`` and
``printout-cause-list`` (page 1 of each PDF, as the print preview draws it) and
``overdue-notice`` (the short list over the pages after signing in). Synthetic data only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from tipdesk.services import printouts
from tipdesk.services.printouts import Printout
from tipdesk.services.session import Session
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, dismiss_notices, settle
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.diary.overdue_notice import notify_overdue
from tipdesk.ui.pages.diary.page import DiaryView
from tipdesk.ui.widgets.text_table import select_row

PAGE_WIDTH = 900


def _diary(shots: Shots) -> MainWindow:
    window = shots.main_window()
    if window.locked:
        window.unlock()
    page = window.show_page("diary")
    assert isinstance(page, DiaryView)
    page.tabs.setCurrentIndex(2)  # this week
    select_row(page.tables["week"], 0)
    page.tables["week"].setFocus()
    settle()
    return window


def _diary_outcome(shots: Shots) -> QWidget:
    window = _diary(shots)
    page = window.page("diary")
    assert isinstance(page, DiaryView)
    page.tabs.setCurrentIndex(1)  # today: a hearing to record
    select_row(page.tables["today"], 0)
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
    shots.after_this(lambda: dismiss_notices(window))
    settle()
    return window


def _printout(shots: Shots, make: Callable[[Session], Printout]) -> QWidget:
    """Page 1 of a printout, rendered from its PDF as the print preview draws it."""
    window = shots.main_window()
    out: list[Printout] = []

    def failed(exc: BaseException) -> None:
        raise exc

    window.ctx.runner.submit(make, out.append, failed)
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(out[0].data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    size = document.pagePointSize(0)
    width = PAGE_WIDTH
    height = round(width * size.height() / size.width())
    page = QLabel()
    page.setPixmap(QPixmap.fromImage(document.render(0, QSize(width, height))))
    page.setStyleSheet("background: white;")
    page.resize(width, height)
    page.show()
    shots.keep(page, document, buffer)
    settle()
    return page


def _one(session: Session, sql: str) -> str:
    return str(session.store.query(sql)[0][0])


def _case_summary(session: Session) -> Printout:
    case_id = _one(
        session,
        "SELECT h.case_id FROM hearings AS h JOIN victims AS v ON v.case_id = h.case_id "
        "JOIN accused AS a ON a.case_id = h.case_id GROUP BY h.case_id "
        "ORDER BY count(DISTINCT h.id) DESC, h.case_id LIMIT 1",
    )
    return printouts.case_summary(session, case_id)


def _referral_letter(session: Session) -> Printout:
    victim_id = _one(session, "SELECT v.id FROM victims AS v JOIN referrals AS r ON "
                     "r.victim_id = v.id WHERE r.service = 'shelter' AND r.provider != '' "
                     "AND v.case_id IS NOT NULL ORDER BY v.id LIMIT 1")  # fmt: skip
    return printouts.referral_letter(session, victim_id, "shelter")


def _cause_list(session: Session) -> Printout:
    return printouts.cause_list(session, session.clock.now().date())


register("diary", _diary)
register("diary-outcome", _diary_outcome)
register("dashboard-due", _dashboard_due)
register("printout-case-summary", lambda shots: _printout(shots, _case_summary))
register("printout-referral-letter", lambda shots: _printout(shots, _referral_letter))
register("printout-cause-list", lambda shots: _printout(shots, _cause_list))
register("overdue-notice", _overdue_notice)
