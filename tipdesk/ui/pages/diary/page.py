"""The Diary: what is overdue, due today and due this week (court hearings not yet recorded,
investigation and challan deadlines, referral follow-ups), and the load of each investigating
officer.

Keyboard-first, like the editors: the table has the focus; Enter opens the item's case; Ctrl+D
records what happened at a hearing (with its next date) or marks a deadline done; Ctrl+N adds
a hearing (to the selected item's case when one is selected); Ctrl+P prints the case summary;
Ctrl+Tab moves between the parts. The page reads everything through
:func:`tipdesk.services.diary.diary` on the store's thread each time it is shown, and the
officers' list and load after that first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.permissions import Permission
from tipdesk.services import diary, printouts
from tipdesk.services.diary import Diary, DiaryItem, OfficerLoad, Section
from tipdesk.services.printouts import Printout
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.diary import labels
from tipdesk.ui.pages.diary.dialogs import (
    AddHearingDialog,
    CauseListDialog,
    DoneDialog,
    OutcomeDialog,
)
from tipdesk.ui.widgets.common import Banner, PageHeader, button, date_text, label, number
from tipdesk.ui.widgets.printing import PrintoutDialog
from tipdesk.ui.widgets.text_table import TextTableModel, select_row, selected_row, table_view

SECTIONS = ("overdue", "today", "week")
COLUMN_WIDTHS = (100, 0, 115, 165, 195, 160)
"""Widths of the columns but "What", which takes the rest."""
FIRST = 30
"""Items of each part read for the first paint: more than a screenful."""
LIMIT = 200
"""Items of each part read after it, with the counts (the latest overdue first)."""


class _AfterPaint(QObject):
    """Calls ``then`` once, just after ``widget`` next paints (with a zero timer, so that the
    paint is on screen first); then removes itself. What the first paint does not need waits
    for it, whether the store's work runs on its own thread or inline."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
            self.deleteLater()
        return False


class DiaryView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diary")
        self.ctx = ctx
        self.diary: Diary | None = None
        self.counts: Diary | None = None
        """Every item with the counts, read after the first paint; ``None`` until then."""
        self.items: dict[str, dict[str, DiaryItem]] = {s: {} for s in SECTIONS}
        self.loads: list[OfficerLoad] = []
        self.dialog: QDialog | None = None
        self._loading = False
        self._again = False
        self._officers_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(24, 12, 24, 12)
        box.setSpacing(8)
        self.banner = Banner("info")
        self.banner.setObjectName("diaryBanner")
        box.addWidget(self.banner)
        box.addWidget(self._build_tabs(), 1)
        self.keys_hint = label(
            self.tr(
                "Enter opens the case · Ctrl+D records what happened or marks done · "
                "Ctrl+N adds a hearing · Ctrl+P prints the case summary"
            ),
            "hint",
        )
        box.addWidget(self.keys_hint)
        layout.addWidget(body, 1)
        self._build_shortcuts()

    # --- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        self.header = PageHeader(self.tr("Diary"), "")
        bar = self.header.action_bar
        self.office_box = QComboBox()
        self.office_box.setObjectName("diaryOffice")
        install = self.ctx.identity.install
        if install.office:
            self.office_box.addItem(self.ctx.identity.office_name or install.office, install.office)
        self.office_box.addItem(self.tr("All offices"), "")
        self.office_box.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.officer_box = QComboBox()
        self.officer_box.setObjectName("diaryOfficer")
        self.officer_box.addItem(self.tr("All officers"), "")
        self.officer_box.currentIndexChanged.connect(lambda _i: self.refresh())
        for box, chars in ((self.office_box, 16), (self.officer_box, 12)):
            # Long office names must not widen the window: the box shows what fits.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(chars)
        self.cause_button = button(self.tr("Cause list…"), "print")
        self.cause_button.setObjectName("causeListButton")
        self.cause_button.setToolTip(self.tr("Print the hearings of a week, court by court"))
        self.cause_button.clicked.connect(self.cause_list)
        self.add_button = button(self.tr("Add hearing"), "plus", primary=True)
        self.add_button.setObjectName("addHearingButton")
        self.add_button.setToolTip(self.tr("Add a court hearing (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_hearing)
        self.add_button.setEnabled(self.ctx.can(Permission.EDIT))
        for widget in (label(self.tr("Office"), "muted"), self.office_box,
                       label(self.tr("Officer"), "muted"), self.officer_box,
                       self.cause_button, self.add_button):  # fmt: skip
            bar.addWidget(widget)
        return self.header

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("diaryTabs")
        self.tabs.setDocumentMode(True)
        self.models: dict[str, TextTableModel] = {}
        self.tables: dict[str, QTableView] = {}
        for key in SECTIONS:
            model = TextTableModel(labels.HEADERS, self, context=labels.CONTEXT)
            table = table_view(model, f"diaryTable_{key}", stretch=1)
            for column, width in enumerate(COLUMN_WIDTHS):
                if width:
                    table.setColumnWidth(column, width)
            table.activated.connect(lambda _index, k=key: self.open_case(k))
            self.models[key] = model
            self.tables[key] = table
            self.tabs.addTab(table, "")
        self.officer_model = TextTableModel(
            [self.tr("Investigating officer"), self.tr("Overdue"), self.tr("Today"),
             self.tr("This week")],
            self,
        )  # fmt: skip
        self.officer_table = table_view(self.officer_model, "diaryOfficers", stretch=0)
        self.officer_table.activated.connect(lambda _index: self.pick_officer())
        self.tabs.addTab(self.officer_table, self.tr("By officer"))
        self.tabs.currentChanged.connect(self._on_tab)
        self._set_tab_titles()
        return self.tabs

    def _build_shortcuts(self) -> None:
        done = QShortcut(QKeySequence("Ctrl+D"), self)
        done.activated.connect(self.done_selected)
        printing = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        printing.activated.connect(self.print_case_summary)
        self.shortcuts = (done, printing)

    # --- page hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def new_record(self) -> bool:
        """Ctrl+N: add a hearing."""
        return self.add_hearing() is not None

    def focus_search(self) -> bool:
        """Ctrl+F: the officer filter (type a name to jump to it)."""
        self.officer_box.setFocus()
        return True

    # --- loading ------------------------------------------------------------------------------
    def office(self) -> str | None:
        return str(self.office_box.currentData() or "") or None

    def officer(self) -> str | None:
        return str(self.officer_box.currentData() or "") or None

    def _filters_changed(self) -> None:
        self._officers_loaded = False
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        # The rows first (what the first paint needs), then the counts for the tab titles:
        # an office with thousands of old deadlines must not wait for them to be counted.
        self.ctx.runner.submit(
            partial(diary.diary, office=self.office(), officer=self.officer(), limit=FIRST,
                    counted=False),
            self._on_loaded,
            self._on_failed,
        )  # fmt: skip

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        self.ctx.report(exc)

    def _finish(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()

    def _on_loaded(self, found: Diary) -> None:
        self.diary = found
        self.counts = None
        for key, section in zip(SECTIONS, (found.overdue, found.due_today, found.week),
                                strict=True):  # fmt: skip
            self._fill(key, section)
        self._set_tab_titles()
        self.header.set_subtitle(
            self.tr("Today is {date}").format(date=date_text(found.today.isoformat()))
        )
        self.office_box.setToolTip(self.office_box.currentText())
        empty = not (found.overdue.total or found.due_today.total or found.week.total)
        self.banner.set_message(
            "info",
            self.tr(
                "Nothing is due. Add court hearings with “Add hearing” (Ctrl+N); deadlines of "
                "cases and referrals appear here by themselves."
            )
            if empty
            else "",
        )
        table = self.current_table()
        if table is not None and table.model().rowCount() and selected_row(table) < 0:
            select_row(table, 0)
        self._finish()
        # After the rows are on screen: the counts, and the officers' names and load. The tab
        # bar paints with whichever part is showing (a hidden table would never paint).
        _AfterPaint(self.tabs.tabBar(), self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._load_counts()
        if not self._officers_loaded:
            self._load_officers()

    def _load_counts(self) -> None:
        self.ctx.runner.submit(
            partial(diary.diary, office=self.office(), officer=self.officer(), limit=LIMIT),
            self._on_counts,
            self.ctx.report,
        )

    def _on_counts(self, full: Diary) -> None:
        """Every item (up to :data:`LIMIT` per part) with the counts, the selection kept."""
        self.counts = full
        self.diary = full
        for key, section in zip(SECTIONS, (full.overdue, full.due_today, full.week),
                                strict=True):  # fmt: skip
            table = self.tables[key]
            row = selected_row(table)
            chosen = self.models[key].key(row) if row >= 0 else None
            self._fill(key, section)
            keys = [i.key for i in section.items]
            if chosen in keys:
                select_row(table, keys.index(chosen))
        self._set_tab_titles()

    def _fill(self, key: str, section: Section) -> None:
        self.items[key] = {i.key: i for i in section.items}
        self.models[key].set_rows([labels.row(i) for i in section.items],
                                  [i.key for i in section.items])  # fmt: skip

    def _count(self, section: Section | None) -> str:
        if section is None:
            return ""
        more = "+" if section.more else ""
        return f" ({number(section.total)}{more})"

    def _set_tab_titles(self) -> None:
        d = self.counts or self.diary
        titles = (
            self.tr("Overdue") + self._count(d.overdue if d else None),
            self.tr("Today") + self._count(d.due_today if d else None),
            self.tr("This week") + self._count(d.week if d else None),
        )
        for i, text in enumerate(titles):
            self.tabs.setTabText(i, text)

    def _load_officers(self) -> None:
        self._officers_loaded = True
        self.ctx.runner.submit(
            partial(diary.officers, office=self.office()), self._on_officers, self.ctx.report
        )
        if self.tabs.currentWidget() is self.officer_table:
            self._load_loads()

    def _on_officers(self, names: list[str]) -> None:
        current = self.officer()
        self.officer_box.blockSignals(True)
        try:
            self.officer_box.clear()
            self.officer_box.addItem(self.tr("All officers"), "")
            for name in names:
                self.officer_box.addItem(name, name)
            index = self.officer_box.findData(current or "")
            self.officer_box.setCurrentIndex(max(index, 0))
        finally:
            self.officer_box.blockSignals(False)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.officer_table:
            self._load_loads()

    def _load_loads(self) -> None:
        self.ctx.runner.submit(
            partial(diary.by_officer, office=self.office()), self._on_loads, self.ctx.report
        )

    def _on_loads(self, loads: list[OfficerLoad]) -> None:
        self.loads = loads
        self.officer_model.set_rows(
            [[load.officer or self.tr("(no officer named)"), number(load.overdue),
              number(load.today), number(load.week)] for load in loads],
            [load.officer for load in loads],
            highlight=[n for n, load in enumerate(loads) if load.overdue],
        )  # fmt: skip

    # --- the selected item --------------------------------------------------------------------
    def current_key(self) -> str:
        index = self.tabs.currentIndex()
        return SECTIONS[index] if 0 <= index < len(SECTIONS) else ""

    def current_table(self) -> QTableView | None:
        key = self.current_key()
        return self.tables.get(key)

    def selected_item(self) -> DiaryItem | None:
        key = self.current_key()
        table = self.tables.get(key)
        if table is None:
            return None
        row = selected_row(table)
        item_key = self.models[key].key(row) if row >= 0 else None
        return self.items[key].get(item_key) if item_key else None

    def open_case(self, section: str | None = None) -> bool:
        """Enter: open the selected item's case on the Cases page."""
        if section is not None and section != self.current_key():
            return False
        item = self.selected_item()
        if item is None or not item.case_id:
            return False
        self.ctx.events.sig_open_record.emit("case", item.case_id)
        return True

    def pick_officer(self) -> None:
        """Enter on an officer's line: show that officer's diary."""
        row = selected_row(self.officer_table)
        name = self.officer_model.key(row) if row >= 0 else None
        if name is None:
            return
        index = self.officer_box.findData(name)
        if index < 0:  # the list of names may still be on its way
            self.officer_box.addItem(name or self.tr("(no officer named)"), name)
            index = self.officer_box.count() - 1
        self.officer_box.setCurrentIndex(index)
        self.tabs.setCurrentIndex(0)

    # --- actions ------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` window-modal; refresh when it saved something."""
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def add_hearing(self) -> AddHearingDialog | None:
        if not self.ctx.can(Permission.EDIT):
            return None
        item = self.selected_item()
        dialog = AddHearingDialog(
            self.ctx.runner, self.ctx.report, item.case_number if item else "", self
        )
        self._open(dialog)
        return dialog

    def done_selected(self) -> QDialog | None:
        """Ctrl+D: what happened at the selected hearing, or the selected deadline done."""
        item = self.selected_item()
        if item is None or not self.ctx.can(Permission.EDIT):
            return None
        if item.kind == "hearing":
            return self._open(OutcomeDialog(self.ctx.runner, self.ctx.report, item, self))
        return self._open(DoneDialog(self.ctx.runner, self.ctx.report, item, self))

    def print_case_summary(self) -> bool:
        """Ctrl+P: the selected item's case summary (victims withheld)."""
        item = self.selected_item()
        if item is None or not item.case_id:
            return False
        self.ctx.runner.submit(
            partial(printouts.case_summary, case_id=item.case_id), self.show_printout,
            self.ctx.report,
        )  # fmt: skip
        return True

    def cause_list(self) -> CauseListDialog:
        dialog = CauseListDialog(
            self.ctx.runner, self.ctx.report, self.ctx.clock.now().date(), self.office(), self
        )
        dialog.accepted.connect(lambda: self.show_printout(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_printout(self, printout: Printout) -> None:
        dialog = PrintoutDialog(self.ctx.runner, self.ctx.report, printout, self)
        self.dialog = dialog
        dialog.open()
