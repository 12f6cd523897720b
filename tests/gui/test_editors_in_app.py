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
