"""Timings of the Diary page for ``bench/gui_diary.py`` (the Qt half of that benchmark).

Builds the Diary page on a signed-in session with the synchronous runner and measures the time
from creating it to its table having painted its first rows (the page reads the diary in
``activated()``, as the main window calls it), several times; the same for a same-run
baseline, a bare table of the same size filled from memory (what Qt alone costs); and, on the
store's side, the page's first read (the rows), the counts it reads after painting, the
officers' load (the By officer tab) and the dashboard's Due panel read. Nothing here is used
by the app itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from tipdesk.services import diary
from tipdesk.services.session import Session
from tipdesk.ui.context import AppConfig, AppContext, signed_in
from tipdesk.ui.events import AppEvents
from tipdesk.ui.pages.diary import labels
from tipdesk.ui.pages.diary.page import FIRST, LIMIT, DiaryView
from tipdesk.ui.runner import InlineRunner
from tipdesk.ui.widgets.text_table import TextTableModel, table_view


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _until_painted(paints: _Paints, since: int, limit_s: float = 10.0) -> None:
    end = time.perf_counter() + limit_s
    while paints.count == since and time.perf_counter() < end:
        QApplication.processEvents()


def _raise(exc: BaseException) -> None:
    raise exc


def context(session: Session) -> AppContext:
    """The app's context over one open session, with the synchronous runner."""
    runner = InlineRunner(session=session)
    info = signed_in(session)
    config = AppConfig(paths=session.paths, clock=session.clock, make_runner=InlineRunner)
    return AppContext(config, runner, info.identity, info.reference, _raise, AppEvents())


def _timed_page(make: Callable[[], QWidget], table_of: Callable[[QWidget], QWidget]) -> float:
    paints = _Paints()
    t0 = time.perf_counter()
    page = make()
    page.resize(1280, 800)
    table_of(page).viewport().installEventFilter(paints)  # type: ignore[attr-defined]
    page.show()
    activated = getattr(page, "activated", None)
    if callable(activated):
        activated()
    _until_painted(paints, 0)
    ms = (time.perf_counter() - t0) * 1000
    page.close()
    page.deleteLater()
    QApplication.processEvents()
    return ms


def measure_diary(session: Session, repeat: int = 5) -> dict[str, list[float]]:
    """Milliseconds per step (see the module docstring); several runs of each."""
    app = QApplication.instance() or QApplication(["tipdesk-bench"])
    assert isinstance(app, QApplication)
    ctx = context(session)
    out: dict[str, list[float]] = {k: [] for k in (
        "first_paint", "baseline", "read", "counts", "by_officer", "due_panel")}  # fmt: skip
    found = diary.diary(session, office=ctx.identity.install.office or None, limit=LIMIT)
    rows = [labels.row(i) for i in found.overdue.items]

    def bare() -> QWidget:
        # The baseline: the same table with the same rows, no store, no page.
        widget = QWidget()
        model = TextTableModel(labels.HEADERS, widget, context=labels.CONTEXT)
        model.set_rows(rows)
        QVBoxLayout(widget).addWidget(table_view(model, "bare", stretch=1))
        return widget

    def bare_table(widget: QWidget) -> QWidget:
        table = widget.findChild(QWidget, "bare")
        assert table is not None
        return table

    def page() -> QWidget:
        return DiaryView(ctx)

    def page_table(widget: QWidget) -> QWidget:
        assert isinstance(widget, DiaryView)
        return widget.tables["overdue"]

    for _ in range(repeat):
        out["baseline"].append(_timed_page(bare, bare_table))
        out["first_paint"].append(_timed_page(page, page_table))
    office = ctx.identity.install.office or None
    for key, work in (
        ("read", partial(diary.diary, session, office=office, limit=FIRST, counted=False)),
        ("counts", partial(diary.diary, session, office=office, limit=LIMIT)),
        ("by_officer", partial(diary.by_officer, session, office=office)),
        ("due_panel", partial(diary.diary, session, office=office, limit=6)),
    ):
        for _ in range(repeat):
            t0 = time.perf_counter()
            work()
            out[key].append((time.perf_counter() - t0) * 1000)
    return out
