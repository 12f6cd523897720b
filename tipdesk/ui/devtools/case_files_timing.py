"""Timings of a case with many files for ``bench/gui_case_files.py`` (its Qt half).

On a signed-in session with the synchronous runner, inside a Cases page on screen, taken in
turn: a bare tab (one label) to its first paint (this machine's floor), an empty new-case
editor to its first paint (the baseline), a like case without files to its first paint, the
case with files from the open request to the editor's first paint, and from switching to its
Files tab to the list shown (the case's files are listed, never read, until one is chosen);
then choosing the first file to its preview painted (the file decrypted and drawn). Nothing
here is used by the app.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from tipdesk.services.session import Session
from tipdesk.ui.devtools.case_timing import (
    _bare,
    _flush_deletes,
    _open,
    _Painted,
    _wait,
    _watch_paints,
)
from tipdesk.ui.devtools.list_timing import _Ctx
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.style import apply_style


def _files_tab(view: CasesView, case_id: str) -> tuple[float, float]:
    """Milliseconds from switching to the Files tab to its list filled, and from choosing the
    first file to its preview painted."""
    editor = view.open_record(case_id)
    assert isinstance(editor, CaseEditor)
    _wait(lambda: editor.fully_loaded)
    t0 = time.perf_counter()
    panel = editor.show_files()
    _wait(lambda: panel.table.rowCount() > 0)
    listed = (time.perf_counter() - t0) * 1000
    painted = _Painted()
    t1 = time.perf_counter()
    panel.table.selectRow(0)
    _watch_paints(panel.preview, painted)
    _wait(lambda: painted.at is not None and bool(panel.preview.pages))
    shown = ((painted.at or time.perf_counter()) - t1) * 1000
    editor.request_close()
    _flush_deletes()
    return listed, shown


def measure_case_files(
    session: Session, case_id: str, plain_id: str, repeat: int = 10
) -> dict[str, list[float]]:
    """Milliseconds per step (see the module docstring); ``repeat`` runs of each."""
    app = QApplication.instance() or QApplication(["tipdesk-bench", "-style", "fusion"])
    assert isinstance(app, QApplication)
    apply_style(app, fusion_set=True)
    ctx = _Ctx(session)
    view = CasesView(ctx)
    view.resize(1280, 800)
    view.show()
    _wait(lambda: view.list.model.rowCount() > 0)
    out: dict[str, list[float]] = {
        "bare": [], "baseline": [], "plain": [], "first_paint": [], "listed": [], "preview": []
    }  # fmt: skip
    _open(view, None)  # warm up
    for _ in range(repeat):
        out["bare"].append(_bare(view))
        first, _loaded, _cpu = _open(view, None)
        out["baseline"].append(first)
        first, _loaded, _cpu = _open(view, plain_id)
        out["plain"].append(first)
        first, _loaded, _cpu = _open(view, case_id)
        out["first_paint"].append(first)
        listed, shown = _files_tab(view, case_id)
        out["listed"].append(listed)
        out["preview"].append(shown)
    view.close()
    return out
