"""Timings of the case list for ``bench/gui_lists.py`` (the Qt half of that benchmark).

Builds the Cases page on a signed-in session with the synchronous runner and measures, each
as the time until the table has painted the result: the first paint, a keystroke in the
search box, clearing the search, a filter, a sort and scrolling one page; and, separately,
the count the page asks the store's thread for. Nothing here is used by the app itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tipdesk.core.permissions import Permission
from tipdesk.services import lists
from tipdesk.services.session import Session
from tipdesk.ui.events import AppEvents
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.list_model import COUNT_CAP
from tipdesk.ui.runner import InlineRunner


@dataclass
class _Install:
    district: str
    office: str


@dataclass
class _Identity:
    user: str
    install: _Install


class _Ctx:
    """The record pages' context over one session (see :mod:`records_context`)."""

    def __init__(self, session: Session) -> None:
        self.runner = InlineRunner(session=session)
        self.reference = session.reference
        self.identity = _Identity(session.user.name, _Install(
            session.install.district, session.install.office))  # fmt: skip
        self.clock = session.clock
        self.events = AppEvents()
        self._session = session

    def can(self, permission: Permission) -> bool:
        return self._session.can(permission)

    def report(self, exc: BaseException) -> None:
        raise exc


class _Paints(QObject):
    """Counts paint events of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _watch(view: CasesView, paints: _Paints) -> None:
    """Count paints of the table and of the "nothing matches" text that replaces it."""
    view.list.table.viewport().installEventFilter(paints)
    view.list.empty.installEventFilter(paints)


def _until_painted(paints: _Paints, since: int, limit_s: float = 10.0) -> None:
    end = time.perf_counter() + limit_s
    while paints.count == since and time.perf_counter() < end:
        QApplication.processEvents()


def measure_case_list(
    session: Session, total_hint: int = 0, repeat: int = 5
) -> dict[str, list[float]]:
    """Milliseconds per step (see the module docstring); several runs of each."""
    app = QApplication.instance() or QApplication(["tipdesk-bench"])
    assert isinstance(app, QApplication)
    ctx = _Ctx(session)
    out: dict[str, list[float]] = {k: [] for k in (
        "first_paint", "search_case_number", "search_name", "search_clear", "filter_stage",
        "sort_number", "scroll_page", "count", "count_exact")}  # fmt: skip
    paints = _Paints()
    for _ in range(repeat):
        t0 = time.perf_counter()
        view = CasesView(ctx)
        view.resize(1280, 800)
        _watch(view, paints)
        before = paints.count
        view.show()
        _until_painted(paints, before)
        out["first_paint"].append((time.perf_counter() - t0) * 1000)
        view.close()
        view.deleteLater()
        QApplication.processEvents()

    view = CasesView(ctx)
    view.resize(1280, 800)
    view.show()
    _watch(view, paints)
    QApplication.processEvents()
    panel = view.list
    model = panel.model
    stage = panel.filter_combos["stage"]

    def timed(key: str, act: Callable[[], object]) -> None:
        before = paints.count
        t0 = time.perf_counter()
        act()
        _until_painted(paints, before)
        out[key].append((time.perf_counter() - t0) * 1000)

    def clear_search() -> None:
        panel.search.clear()
        panel.flush_search()

    def choose_stage(code: str) -> None:
        stage.set_value(code)
        stage.sig_edited.emit()

    def type_keys(key: str, text: str) -> None:
        panel.search.clear()
        panel.flush_search()
        QApplication.processEvents()
        for ch in text:
            # One key after a pause: runs at once (the pause timer is idle).
            panel._search_timer.stop()
            timed(key, partial(QTest.keyClick, panel.search, ch))

    case_number = "FIR 12345/20"
    for _ in range(repeat):
        type_keys("search_case_number", case_number)
        type_keys("search_name", "Imran Khan")
        timed("search_clear", clear_search)
    for code in ("trial", "challan", "decided", ""):
        timed("filter_stage", partial(choose_stage, code))
    header = panel.table.horizontalHeader()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder) * 2:
        timed("sort_number", partial(header.setSortIndicator, 0, order))
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    bar = panel.table.verticalScrollBar()
    for _ in range(20):
        timed("scroll_page", lambda: bar.setValue(bar.maximum()))
    query = model.query
    for _ in range(3):
        t0 = time.perf_counter()
        lists.count(session, query, cap=COUNT_CAP)
        out["count"].append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    lists.count(session, query)
    out["count_exact"].append((time.perf_counter() - t0) * 1000)
    view.close()
    QApplication.processEvents()
    del total_hint
    return out
