"""A record page: the list and, in tabs beside it, the records opened from it.

Contract:
- One page per record kind (cases, victims, trainings, campaigns). The first tab is the list
  (:class:`RecordListPanel`); each opened record gets a closable tab with its editor. Opening
  a record that is already open switches to its tab.
- The page implements the main window's optional hooks (see :mod:`tipdesk.ui.pages`):
  ``focus_search``, ``new_record``, ``activated``, ``lock``/``unlock`` (inputs kept as they
  are; revealed identities masked again) and ``confirm_close`` (asks about every editor with
  unsaved changes). ``has_unsaved_changes()`` tells whether any editor has some.
- A saved record refreshes its line in the list (a new one lists again from the top); the
  list and the editors reach the store only through the context's runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QTabBar, QTabWidget, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.list_model import ListColumn
from tipdesk.ui.pages.records.list_panel import ListFilter, RecordListPanel
from tipdesk.ui.widgets.common import PageHeader, button, counted
from tipdesk.ui.widgets.fields import district_items


class RecordsView(QWidget):
    """Base of the four record pages; subclasses give the kind's texts, columns, filters and
    editor."""

    kind = ""

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader(self.page_title(), "")
        self.new_button = button(self.new_text(), "plus", primary=True)
        self.new_button.setObjectName("newRecordButton")
        self.new_button.setToolTip(self.tr("Start a new record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.new_button.setEnabled(ctx.can(Permission.EDIT))
        self.header.action_bar.addWidget(self.new_button)
        layout.addWidget(self.header)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.setTabBarAutoHide(True)  # no tab strip while only the list is open
        self.tabs.tabCloseRequested.connect(self._on_tab_close)
        layout.addWidget(self.tabs, 1)

        self.list = RecordListPanel(
            ctx.runner,
            self.kind,
            self.columns(),
            self.filters(),
            ctx.clock,
            search_hint=self.search_hint(),
            noun=self.count_text,
            empty_text=self.empty_text(),
            report=ctx.report,
            parent=self.editor_parent(),  # made where it is shown (see editor_parent)
        )
        self.list.sig_open.connect(self.open_record)
        self.list.export_button.setVisible(ctx.can(Permission.REPORTS))
        self.list.sig_count_text.connect(self.header.set_subtitle)
        self.header.set_subtitle(self.list.count_text)
        self.tabs.addTab(self.list, self.list_title())
        bar = self.tabs.tabBar()
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            bar.setTabButton(0, side, None)
        self.editors: list[RecordEditor] = []
        self._activated_once = False
        self._reference = ctx.reference  # what the filters and columns were built from

    # --- what subclasses say ----------------------------------------------------------------------
    def page_title(self) -> str:
        raise NotImplementedError

    def list_title(self) -> str:
        return self.tr("List")

    def new_text(self) -> str:
        raise NotImplementedError

    def search_hint(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    def columns(self) -> Sequence[ListColumn]:
        raise NotImplementedError

    def filters(self) -> Sequence[ListFilter]:
        return []

    def district_filter(self) -> ListFilter:
        """The district filter every record page offers."""
        districts = district_items(self.ctx.reference)
        return ListFilter("district", self.tr("Any district"), districts, self.tr("District"))

    def make_editor(self, record_id: str | None) -> RecordEditor:
        """A new editor, made inside :meth:`editor_parent`."""
        raise NotImplementedError

    def editor_parent(self) -> QWidget | None:
        """Where an editor is made: inside the stack of the tabs' pages, where it is shown.
        An editor made elsewhere is moved there when its tab is added, and moving a built
        editor restyles every one of its inputs (a tenth of a case's first paint)."""
        return self.tabs.findChild(
            QStackedWidget, "qt_tabwidget_stackedwidget", Qt.FindChildOption.FindDirectChildrenOnly
        )

    # --- editors --------------------------------------------------------------------------------
    def open_record(self, record_id: str) -> RecordEditor:
        for editor in self.editors:
            if editor.record_id == record_id:
                self.tabs.setCurrentWidget(editor)
                return editor
        return self._add_editor(self.make_editor(record_id))

    def new_record(self) -> bool:
        """Ctrl+N: start a new record in its own tab."""
        if not self.ctx.can(Permission.EDIT):
            return False
        self._add_editor(self.make_editor(None))
        return True

    def _add_editor(self, editor: RecordEditor) -> RecordEditor:
        self.editors.append(editor)
        index = self.tabs.addTab(editor, editor.title())
        self.tabs.setCurrentIndex(index)
        editor.sig_title_changed.connect(lambda _t, e=editor: self._update_tab(e))
        editor.sig_dirty_changed.connect(lambda _d, e=editor: self._update_tab(e))
        editor.sig_saved.connect(self.list.record_saved)
        editor.sig_close_requested.connect(lambda e=editor: self._remove_editor(e))
        self._update_tab(editor)
        focus = next(iter(editor.form.fields.values()), None)
        if focus is not None and editor.record_id is None:
            focus.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def _update_tab(self, editor: RecordEditor) -> None:
        index = self.tabs.indexOf(editor)
        if index < 0:
            return
        title = editor.title()
        if editor.has_unsaved_changes():
            title = f"{title} •"
        self.tabs.setTabText(index, title)
        self.tabs.setTabToolTip(
            index, self.tr("Unsaved changes") if editor.has_unsaved_changes() else ""
        )

    def _on_tab_close(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, RecordEditor):
            widget.request_close()

    def _remove_editor(self, editor: RecordEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        index = self.tabs.indexOf(editor)
        if index >= 0:
            self.tabs.removeTab(index)
        editor.deleteLater()
        if self.tabs.currentIndex() == 0:
            self.list.table.setFocus()

    def current_editor(self) -> RecordEditor | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RecordEditor) else None

    # --- hooks of the main window ---------------------------------------------------------------
    def focus_search(self) -> bool:
        self.tabs.setCurrentIndex(0)
        self.list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.search.selectAll()
        return True

    def activated(self) -> None:
        # HQ's reference update (a receipt, or Settings at HQ) replaced the lists: a new
        # district or code is offered in the filters and named in the columns from now on.
        if self.ctx.reference is not self._reference:
            self._reference = self.ctx.reference
            self.list.refresh_lists(self.columns(), self.filters())
        # Coming back to the page: show records added elsewhere (demo data, another screen),
        # unless the officer is somewhere down the list.
        if self._activated_once and self.list.table.verticalScrollBar().value() == 0:
            self.list.model.reload()
        self._activated_once = True

    def has_unsaved_changes(self) -> bool:
        return any(e.has_unsaved_changes() for e in self.editors)

    def confirm_close(self) -> bool:
        """The app is quitting: ask about each editor with unsaved changes."""
        for editor in list(self.editors):
            if editor.has_unsaved_changes():
                self.tabs.setCurrentWidget(editor)
                if not editor.request_close():
                    return False
        return True

    def lock(self) -> None:
        for editor in self.editors:
            editor.lock()

    def unlock(self) -> None:
        for editor in self.editors:
            editor.unlock()


def noun_counter(one: str, many: str) -> Callable[[int], str]:
    """``n`` with the right noun: ``1 case`` / ``12,345 cases`` (texts already translated,
    with ``{n}`` in them)."""
    return lambda n: counted(n, one, many)
