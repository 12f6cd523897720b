"""The record lists and editors for ``python -m tipdesk.ui.devtools.screenshots`` (see
:func:`tipdesk.ui.devtools.screenshots.register`). Importing this module registers them.

Each screen is shown inside the main window when the sidebar's page is the record view, and
on its own at the same size otherwise. Demo data only (the screenshot script's demo install).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from tipdesk.core.languages import Language
from tipdesk.services import records as record_service
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.pages.records.campaigns import CampaignsView
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.page import RecordsView
from tipdesk.ui.pages.records.trainings import TrainingsView
from tipdesk.ui.pages.records.victims import VictimsView
from tipdesk.ui.widgets.text_table import select_row

_VIEWS: dict[str, type[RecordsView]] = {
    "cases": CasesView,
    "victims": VictimsView,
    "trainings": TrainingsView,
    "campaigns": CampaignsView,
}
_OWN: dict[str, RecordsView] = {}


def _view(shots: Shots, key: str) -> tuple[RecordsView, QWidget]:
    """The record page ``key`` and the window to photograph."""
    window = shots.main_window()
    if window.locked:
        window.unlock()
    window.show_page(key)
    page = window.page(key)
    if isinstance(page, _VIEWS[key]):
        settle()
        return page, window
    view = _OWN.get(key)
    if view is None:
        view = _VIEWS[key](window.ctx)
        view.resize(*shots.size)
        view.show()
        _OWN[key] = view
    settle()
    return view, view


def _reset(view: RecordsView) -> None:
    for editor in list(view.editors):
        editor.form.load(editor.form.record)  # drop any input: nothing to ask about
        editor.request_close()
    view.list.clear_filters()
    view.list.model.count_exactly()
    view.tabs.setCurrentIndex(0)


def _list(shots: Shots, key: str) -> QWidget:
    view, window = _view(shots, key)
    _reset(view)
    view.list.model.count_exactly()
    select_row(view.list.table, 1)
    settle()
    return window


def _cases_search(shots: Shots) -> QWidget:
    view, window = _view(shots, "cases")
    _reset(view)
    view.list.filter_combos["stage"].set_value("trial")
    view.list.filter_combos["stage"].sig_edited.emit()
    view.list.set_search("ملک" if shots.language is Language.URDU else "Khan")
    view.list.model.count_exactly()
    settle()
    return window


def _case_editor(shots: Shots) -> QWidget:
    view, window = _view(shots, "cases")
    _reset(view)
    view.list.with_sort("stage", descending=True)  # a decided case, with accused and victims
    record_id = view.list.model.record_id(0) or ""
    view.list.with_sort("", descending=True)
    view.list.model.count_exactly()
    _opened(view.open_record(record_id))
    return window


def _case_narrative(shots: Shots) -> QWidget:
    """The case editor on its narrative (in Urdu with --lang ur: a case number and English
    terms inside Urdu sentences)."""
    window = _case_editor(shots)
    view, _window = _view(shots, "cases")
    editor = view.current_editor()
    form = getattr(editor, "case_form", None)
    tabs = getattr(form, "tabs", None)
    if tabs is not None:
        # By its key: tabs after it (Files) must not take its place in the picture.
        tabs.setCurrentIndex(getattr(form, "tab_of", {}).get("narrative", tabs.count() - 1))
    settle()
    return window


def _opened(editor: RecordEditor) -> RecordEditor:
    """Wait until the editor has built every part of its record (people come after the first
    paint)."""
    for _ in range(100):
        settle(1)
        if editor.fully_loaded:
            break
    settle()
    return editor


def _case_editor_accused(shots: Shots) -> QWidget:
    window = _case_editor(shots)
    page, _window = _view(shots, "cases")
    editor = page.current_editor()
    assert isinstance(editor, CaseEditor)
    editor.case_form.tabs.setCurrentIndex(editor.case_form.tab_of["accused"])
    settle()
    return window


def _case_editor_problems(shots: Shots) -> QWidget:
    view, window = _view(shots, "cases")
    _reset(view)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    form.editor("case_number").setText("FIR 212/2026")
    form.editor("registered_on").set_value(shots.clock.now().date().replace(month=1, day=14))
    form.editor("stage").set_value("decided")
    form.editor("exploitation_forms").set_checked("forced_labour")
    section = form.sections["accused"]
    accused = section.add()
    accused.editor("name").setText("Rashid Mehmood")
    accused.editor("gender").set_value("male")
    accused.editor("role").set_value("recruiter")
    accused.editor("arrest_status").set_value("arrested")
    accused.editor("outcome").set_value("convicted")
    accused.editor("proceeded_on").set_value(shots.clock.now().date().replace(month=2, day=3))
    accused.editor("judgment_on").set_value(shots.clock.now().date().replace(month=5, day=20))
    accused.editor("court").setText("Sessions Court Lahore")
    accused.editor("imprisonment_months").setText("96")
    accused.editor("fine_pkr").setText("1,500,000")
    form.sig_edited.emit()
    editor.save()
    settle()
    return window


def _case_editor_warning(shots: Shots) -> QWidget:
    """A new case charged under s.3(2) (a woman or a child) with no such victim recorded, as
    the editor shows it after saving: the warning listed above, no input marked wrong. The
    case is not saved here (the demo data stays as it is for the other screens)."""
    view, window = _view(shots, "cases")
    _reset(view)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    form.editor("case_number").setText("FIR 213/2026")
    form.editor("registered_on").set_value(shots.clock.now().date().replace(month=1, day=14))
    form.editor("offence_on").set_value(shots.clock.now().date().replace(month=1, day=6))
    form.editor("sections").set_value(["3(2)"])
    form.editor("stage").set_value("investigation")
    form.editor("exploitation_forms").set_checked("forced_labour")
    record, _local = form.build()
    view.ctx.runner.submit(partial(record_service.warnings, records=[record]), editor.show_warnings)
    settle()
    return window


def _victim_editor(shots: Shots) -> QWidget:
    view, window = _view(shots, "victims")
    _reset(view)
    _opened(view.open_record(view.list.model.record_id(0) or ""))
    return window


def _training_editor(shots: Shots) -> QWidget:
    view, window = _view(shots, "trainings")
    _reset(view)
    _opened(view.open_record(view.list.model.record_id(0) or ""))
    return window


def _campaign_editor(shots: Shots) -> QWidget:
    view, window = _view(shots, "campaigns")
    _reset(view)
    _opened(view.open_record(view.list.model.record_id(0) or ""))
    return window


def _case_history(shots: Shots) -> QWidget:
    """A case changed twice (its stage and officer, then an accused's arrest), its history
    open on the case's change, over the main window."""
    view, window = _view(shots, "cases")
    _reset(view)
    view.list.with_sort("stage", descending=True)  # a decided case, with accused and victims
    record_id = view.list.model.record_id(2) or ""
    view.list.with_sort("", descending=True)
    editor = _opened(view.open_record(record_id))
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    form.editor("stage").set_value("trial")
    form.editor("investigating_officer").setText("Inspector Fakhar Zaman")
    form.sig_edited.emit()
    editor.save()
    accused = form.sections["accused"].forms
    if accused:
        accused[0].editor("arrest_status").set_value("bail")
        form.sig_edited.emit()
        editor.save()
    dialog = editor.open_history()
    assert dialog is not None
    settle()
    row = next(i for i, v in enumerate(dialog.versions) if v.kind == "case")
    select_row(dialog.table, row)
    settle()
    return _Picture(_over(window.grab(), dialog.grab()), window)


def _over(back: QPixmap, front: QPixmap) -> QPixmap:
    """``front`` (a dialog) in the middle of ``back`` (its window), the window dimmed."""
    out = QPixmap(back)
    painter = QPainter(out)
    painter.fillRect(out.rect(), QColor(0, 0, 0, 70))
    x = (out.width() - front.width()) // 2
    y = (out.height() - front.height()) // 2
    painter.drawPixmap(x, y, front)
    painter.end()
    return out


def _cases_rtl(shots: Shots) -> QWidget:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view, window = _view(shots, "cases")
    _reset(view)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    settle()
    picture = window.grab()
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    settle()
    return _Picture(picture, window)


class _Picture(QWidget):
    """A widget whose grab() is a picture taken earlier (the right-to-left screen)."""

    def __init__(self, picture: QPixmap, like: QWidget) -> None:
        super().__init__()
        self._picture = picture
        self.resize(like.size())

    def grab(self, *_args: object) -> QPixmap:
        return self._picture


def register_all() -> None:
    for key in ("cases", "victims", "trainings", "campaigns"):
        register(key, partial(_list, key=key))
    register("cases-search", _cases_search)
    register("case-editor", _case_editor)
    register("case-narrative", _case_narrative)
    register("case-editor-accused", _case_editor_accused)
    register("case-editor-problems", _case_editor_problems)
    register("case-editor-warning", _case_editor_warning)
    register("case-history", _case_history)
    register("victim-editor", _victim_editor)
    register("training-editor", _training_editor)
    register("campaign-editor", _campaign_editor)
    register("cases-rtl", _cases_rtl)


register_all()
