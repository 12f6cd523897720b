"""Timings of opening a case for ``bench/gui_case_open.py`` (the Qt half of that benchmark).

On a signed-in session with the synchronous runner, inside a Cases page already on screen:
a bare tab (one label) to its first paint (what showing anything costs on this machine), an
empty new-case editor to its first paint (the baseline), an existing case from the open
request to the editor's first paint, and to the moment everything is loaded
(:attr:`RecordEditor.fully_loaded`); and one live re-validation of a full case. Nothing here
is used by the app itself.
"""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tipdesk.services import editing
from tipdesk.services.session import Session
from tipdesk.ui.devtools.list_timing import _Ctx
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.style import apply_style


class _Painted(QObject):
    """Notes the first paint of any widget it watches: when (:attr:`at`), and the GUI
    thread's CPU time then (:attr:`cpu_at`)."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None
        self.cpu_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
            self.cpu_at = time.thread_time()
        return False


def _watch_paints(widget: QWidget, painted: _Painted) -> None:
    widget.installEventFilter(painted)
    for child in widget.findChildren(QWidget):
        child.installEventFilter(painted)


def _wait(condition: object, limit_s: float = 20.0) -> None:
    end = time.perf_counter() + limit_s
    while not condition() and time.perf_counter() < end:  # type: ignore[operator]
        QApplication.processEvents()


def _open(view: CasesView, record_id: str | None) -> tuple[float, float, float]:
    """Milliseconds from the open request to the editor's first paint, to fully loaded, and
    the GUI thread's CPU time to the first paint (what a shared machine's load does not
    stretch, or much less)."""
    painted = _Painted()
    t0 = time.perf_counter()
    cpu0 = time.thread_time()
    if record_id:
        editor = view.open_record(record_id)
    else:
        view.new_record()
        found = view.current_editor()
        assert found is not None
        editor = found
    _watch_paints(editor, painted)
    _wait(lambda: painted.at is not None)
    _wait(lambda: editor.fully_loaded)
    loaded = time.perf_counter()
    first = painted.at if painted.at is not None else loaded
    cpu = painted.cpu_at if painted.cpu_at is not None else time.thread_time()
    editor.request_close()
    _flush_deletes()
    return (first - t0) * 1000, (loaded - t0) * 1000, (cpu - cpu0) * 1000


def _flush_deletes() -> None:
    """Destroy the closed editor now: a deleteLater runs only back in the event loop, where it
    would land inside the next measurement (a big case's editor takes a while to destroy)."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _bare(view: CasesView) -> float:
    """Milliseconds from adding a bare tab (one label) to the page to its first paint: what
    showing anything there costs on this machine."""
    painted = _Painted()
    t0 = time.perf_counter()
    page = QLabel("A bare tab")
    page.installEventFilter(painted)
    index = view.tabs.addTab(page, "bare")
    view.tabs.setCurrentIndex(index)
    _wait(lambda: painted.at is not None)
    first = painted.at if painted.at is not None else time.perf_counter()
    view.tabs.removeTab(index)
    page.deleteLater()
    _flush_deletes()
    return (first - t0) * 1000


def _largest_cases(session: Session, n: int) -> list[str]:
    rows = session.store.query(
        "SELECT c.id FROM cases c WHERE c.deleted = 0 ORDER BY "
        "(SELECT count(*) FROM accused a WHERE a.case_id = c.id) + "
        "(SELECT count(*) FROM victims v WHERE v.case_id = c.id) DESC LIMIT ?",
        (n,),
    )
    return [str(r[0]) for r in rows]


def measure_case_open(session: Session, repeat: int = 15) -> dict[str, list[float]]:
    """Milliseconds per step (see the module docstring); ``repeat`` runs of each."""
    app = QApplication.instance() or QApplication(["tipdesk-bench", "-style", "fusion"])
    assert isinstance(app, QApplication)
    apply_style(app, fusion_set=True)  # the app's look: the style sheet costs what it costs
    ctx = _Ctx(session)
    view = CasesView(ctx)
    view.resize(1280, 800)
    view.show()
    _wait(lambda: view.list.model.rowCount() > 0)
    names = ("bare", "baseline", "baseline_cpu", "first_paint", "first_paint_cpu", "loaded")
    out: dict[str, list[float]] = {name: [] for name in names}
    _open(view, None)  # warm up: the first editor builds what every later one shares
    # Taken in turn, so that each figure meets the same load of a shared machine.
    for record_id in _largest_cases(session, repeat):
        out["bare"].append(_bare(view))
        first, _loaded, cpu = _open(view, None)
        out["baseline"].append(first)
        out["baseline_cpu"].append(cpu)
        first, loaded, cpu = _open(view, record_id)
        out["first_paint"].append(first)
        out["first_paint_cpu"].append(cpu)
        out["loaded"].append(loaded)
    out["live_check"] = _live_check(view, _largest_cases(session, 1)[0], repeat)
    view.close()
    return out


def _live_check(view: CasesView, record_id: str, repeat: int) -> list[float]:
    """What each edit costs once problems show: build the record, run the save's check."""
    editor: RecordEditor = view.open_record(record_id)
    _wait(lambda: editor.fully_loaded)
    runner = view.ctx.runner
    times: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        record, _local = editor.form.build()
        runner.submit(partial(editing.check, record=record), lambda _found: None)
        times.append((time.perf_counter() - t0) * 1000)
    editor.request_close()
    return times
