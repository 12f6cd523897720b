"""The record pages inside the real main window (the pages list as pages.py will name them):
Ctrl+N and Ctrl+F reach the page, locking keeps unsaved input and masks revealed identities
again, and quitting asks about unsaved changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from gui_support import sign_in
from PySide6.QtWidgets import QMessageBox
from records_support import answer_next_dialog, click_message_button

from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages import PageSpec, default_pages, lazy
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor

RECORD_PAGES = {
    "cases": "tipdesk.ui.pages.records.cases:CasesView",
    "victims": "tipdesk.ui.pages.records.victims:VictimsView",
    "trainings": "tipdesk.ui.pages.records.trainings:TrainingsView",
    "campaigns": "tipdesk.ui.pages.records.campaigns:CampaignsView",
}


def record_pages() -> Sequence[PageSpec]:
    """The app's pages with the record views in place of the placeholders."""
    return [
        dataclasses.replace(spec, factory=lazy(RECORD_PAGES[spec.key]))
        if spec.key in RECORD_PAGES
        else spec
        for spec in default_pages()
    ]


@pytest.fixture
def app_window(
    qtbot: Any, gui_config: AppConfig, make_install: Callable[..., str]
) -> Iterator[MainWindow]:
    make_install(demo_cases=8)
    controller = AppController(dataclasses.replace(gui_config, pages=record_pages))
    window = sign_in(controller)
    qtbot.waitExposed(window)
    yield window
    controller.shutdown()


def test_record_pages_open_in_the_main_window(qtbot: Any, app_window: MainWindow) -> None:
    for key in RECORD_PAGES:
        page = app_window.show_page(key)
        assert page.list.model.rowCount() > 0  # type: ignore[attr-defined]
    page = app_window.show_page("cases")
    assert isinstance(page, CasesView)
    assert app_window.new_record()  # Ctrl+N
    assert isinstance(page.current_editor(), CaseEditor)
    assert app_window.focus_search()  # Ctrl+F
    assert page.tabs.currentIndex() == 0


def test_lock_keeps_input_and_masks_revealed_identity(qtbot: Any, app_window: MainWindow) -> None:
    page = app_window.show_page("cases")
    assert isinstance(page, CasesView)
    page.new_record()
    editor = page.current_editor()
    assert isinstance(editor, CaseEditor)
    editor.case_form.editor("case_number").setText("FIR 5/2026")
    editor.case_form.sig_edited.emit()
    app_window.lock()
    assert not page.isVisible()
    app_window.unlock()
    assert editor.case_form.editor("case_number").text() == "FIR 5/2026"
    assert editor.has_unsaved_changes()
    # Quitting asks; Cancel keeps the window.
    seen = answer_next_dialog(click_message_button(QMessageBox.StandardButton.Cancel))
    assert page.confirm_close() is False
    assert seen
    # Discard lets it close.
    seen = answer_next_dialog(click_message_button(QMessageBox.StandardButton.Discard))
    assert page.confirm_close() is True
    assert seen and page.editors == []


def test_a_victims_case_opens_in_the_cases_page(app_window: MainWindow) -> None:
    from tipdesk.ui.pages.records.editors.victim_editor import VictimEditor
    from tipdesk.ui.pages.records.victims import VictimsView

    victims = app_window.show_page("victims")
    assert isinstance(victims, VictimsView)
    row = next(
        r for r in range(victims.list.model.rowCount())
        if victims.list.model.index(r, 6).data()  # a victim of a case
    )  # fmt: skip
    editor = victims.open_record(victims.list.model.record_id(row) or "")
    assert isinstance(editor, VictimEditor) and editor.open_case_button.isVisible()
    number = editor.case_label.text().removeprefix("Victim of case ")
    editor.open_case_button.click()
    assert app_window.current_key() == "cases"
    cases = app_window.page("cases")
    assert isinstance(cases, CasesView)
    opened = cases.current_editor()
    assert isinstance(opened, CaseEditor) and opened.title() == f"Case {number}"
