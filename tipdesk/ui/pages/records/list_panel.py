"""A record list with its search box and filter bar (one per record kind).

Contract:
- Owns a :class:`~tipdesk.ui.pages.records.list_model.RecordListModel`; every change of the search
  text, a filter or the sort becomes a new :class:`ListQuery` for it. The list never touches
  the store itself.
- Search is instant: a keystroke after a pause runs at once; keystrokes in quick succession are
  gathered and the last text runs :attr:`SEARCH_PAUSE_MS` after the last one, so typing fast
  never queues a search per key.
- While a search is on, matches are listed newest entered first (the order the full-text
  index answers fastest) until a column header is clicked; clearing the search brings back the
  sort chosen before.
- Enter or a double-click on a row emits :attr:`sig_open` with the record's id.
- Tab leaves the table (search box, filters, table in turn); arrows move in it; Ctrl+End goes
  to the real last row (every page fetched first), Ctrl+Home to the first.
- A click on a column the store cannot sort says so, under the bar, for a few seconds.
- While searching, a "Matched" column says what each row matched (an accused, the officer).
- When the count stops at its cap ("More than 10,000 cases"), "Count all" counts every row.
- "Export…" writes the list as searched and filtered to an XLSX workbook (every row, not only
  those fetched; :mod:`tipdesk.services.list_export`), behind a progress dialog.
- :meth:`set_extra_filter` adds a filter a page offers beyond the combos ("My cases").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.clock import Clock
from tipdesk.services import list_export
from tipdesk.services.list_export import ExportColumn
from tipdesk.services.session import Session
from tipdesk.store.list_queries import ListQuery
from tipdesk.ui.pages.records.list_columns import matched_text
from tipdesk.ui.pages.records.list_model import ListColumn, RecordListModel
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.runner import Progress, Runner
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.fields import CodeCombo, DateField

NOTICE_MS = 6000

SEARCH_PAUSE_MS = 150


@dataclass(frozen=True)
class ListFilter:
    """One combo of the filter bar: ``field`` is a store column (or ``outcome`` for cases);
    ``items`` are ``(code, name)``; the blank entry reads ``any_text``."""

    field: str
    any_text: str
    items: Sequence[tuple[str, str]]
    tooltip: str = ""


class PeriodFilter(QWidget):
    """Any time / last 30 days / last 12 months / this year / last year / from-to."""

    sig_changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        year = clock.now().year
        self.combo = CodeCombo(
            [
                ("30d", self.tr("Last 30 days")),
                ("12m", self.tr("Last 12 months")),
                ("this_year", self.tr("This year ({year})").format(year=year)),
                ("last_year", self.tr("Last year ({year})").format(year=year - 1)),
                ("custom", self.tr("From… to…")),
            ],
            blank=self.tr("Any time"),
            searchable=False,
        )
        self.combo.setMinimumContentsLength(12)
        self.combo.setToolTip(self.tr("Period (by the record's main date)"))
        self.combo.sig_edited.connect(self._on_combo)
        row.addWidget(self.combo)
        self.date_from = DateField()
        self.date_to = DateField()
        self.date_from.line.setPlaceholderText(self.tr("From"))
        self.date_to.line.setPlaceholderText(self.tr("To"))
        for field in (self.date_from, self.date_to):
            field.setVisible(False)
            field.line.editingFinished.connect(self.sig_changed.emit)
            field.sig_edited.connect(self._on_date_edited)
            row.addWidget(field)

    def _on_combo(self) -> None:
        custom = self.combo.value() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        if custom:
            self.date_from.setFocus()
        self.sig_changed.emit()

    def _on_date_edited(self) -> None:
        # A complete date (or an emptied field) applies at once; half-typed text waits.
        for field in (self.date_from, self.date_to):
            text = field.state()
            if text and (field.parse_problem() or len(text) < 8):
                return
        self.sig_changed.emit()

    def bounds(self) -> tuple[str | None, str | None]:
        today = self._clock.now().date()
        choice = self.combo.value()
        if choice == "30d":
            return (today - dt.timedelta(days=30)).isoformat(), today.isoformat()
        if choice == "12m":
            return (today - dt.timedelta(days=365)).isoformat(), today.isoformat()
        if choice == "this_year":
            return f"{today.year}-01-01", f"{today.year}-12-31"
        if choice == "last_year":
            return f"{today.year - 1}-01-01", f"{today.year - 1}-12-31"
        if choice == "custom":
            start, end = self.date_from.value(), self.date_to.value()
            return (start.isoformat() if start else None, end.isoformat() if end else None)
        return None, None

    def reset(self) -> None:
        self.combo.set_value("")
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self.date_from.setVisible(False)
        self.date_to.setVisible(False)


class RecordListPanel(QWidget):
    """Search box, filters and the table of one record kind."""

    sig_open = Signal(str)
    """Open the record with this id (Enter or double-click)."""
    sig_count_text = Signal(str)
    """How many records the list shows, as a sentence for the page header."""

    def __init__(
        self,
        runner: Runner,
        kind: str,
        columns: Sequence[ListColumn],
        filters: Sequence[ListFilter],
        clock: Clock,
        *,
        search_hint: str,
        noun: Callable[[int], str],
        empty_text: str,
        report: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._runner = runner
        self._noun = noun
        self._empty_text = empty_text
        self._report = report
        self.extra_filters: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(self._build_bar(filters, clock, search_hint))
        layout.addLayout(self._build_notes())
        self.model = RecordListModel(
            runner,
            ListQuery(kind),
            columns,
            matched=matched_text,
            matched_header=self.tr("Matched"),
            parent=self,
        )
        self._build_table(columns)
        self.empty = QLabel(self)
        self.empty.setObjectName("listEmpty")
        self.empty.setProperty("role", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)
        layout.addLayout(self._stack, 1)

        # Sorts: what the officer chose without a search, and during the current search.
        self._plain_sort: tuple[str, bool] = ("", True)
        self._search_sort: tuple[str, bool] | None = None
        self._searching = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._on_search_pause)
        self._search_pending = False
        self.search.textChanged.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._on_search_return)

        self.count_text = ""
        self.model.sig_count_changed.connect(self._on_count)
        self.model.sig_reset_done.connect(self._on_reset)
        self.model.sig_failed.connect(self._report)
        self.setFocusProxy(self.search)
        self._apply()

    # --- building -----------------------------------------------------------------------------
    def _build_bar(
        self, filters: Sequence[ListFilter], clock: Clock, search_hint: str
    ) -> QHBoxLayout:
        """The search box, one combo per filter and the period."""
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setObjectName("listSearch")
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.setAccessibleName(self.tr("Search"))
        bar.addWidget(self.search, 3)
        self.filter_combos: dict[str, CodeCombo] = {}
        for spec in filters:
            combo = CodeCombo(spec.items, blank=spec.any_text)
            combo.setObjectName(f"filter_{spec.field}")
            combo.setMinimumContentsLength(10)
            combo.setToolTip(spec.tooltip or spec.any_text)
            combo.setAccessibleName(spec.tooltip or spec.any_text)
            combo.sig_edited.connect(self._apply)
            self.filter_combos[spec.field] = combo
            bar.addWidget(combo, 1)
        self.period = PeriodFilter(clock)
        self.period.sig_changed.connect(self._apply)
        bar.addWidget(self.period)
        return bar

    def _build_notes(self) -> QHBoxLayout:
        """A line under the bar: a page's own filters ("My cases"), why a click did not sort,
        "Count all" and "Export…". (Its widgets are made without a parent, as the bar's are: a
        widget takes its place in the Tab order when it gets its parent.)"""
        row = QHBoxLayout()
        row.setSpacing(8)
        self.extra_bar = QHBoxLayout()
        self.extra_bar.setSpacing(6)
        row.addLayout(self.extra_bar)
        self.notice = QLabel()
        self.notice.setObjectName("listNotice")
        self.notice.setProperty("role", "hint")
        self.notice.setVisible(False)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(lambda: self.notice.setVisible(False))
        row.addWidget(self.notice)
        row.addStretch(1)
        self.count_button = QPushButton(self.tr("Count all"))
        self.count_button.setObjectName("countAllButton")
        self.count_button.setToolTip(
            self.tr("Count every record of the list (may take a few seconds)")
        )
        self.count_button.setVisible(False)
        self.count_button.clicked.connect(self.count_all)
        row.addWidget(self.count_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportListButton")
        self.export_button.setToolTip(
            self.tr("Write this list, as searched and filtered, to an Excel workbook")
        )
        self.export_button.clicked.connect(self.ask_export)
        row.addWidget(self.export_button)
        return row

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)
        self._notice_timer.start()

    def _build_table(self, columns: Sequence[ListColumn]) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("recordTable")
        self.table.setStyleSheet("QTableView#recordTable::item { padding: 0 5px; }")
        self.table.setModel(self.model)
        # Tab leaves the list (a search box, filters, table round); arrows move inside.
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        # Fixed row heights: the view never measures rows (ResizeToContents would read every
        # row's data).
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for i, col in enumerate(columns):
            header.resizeSection(i, col.width)
        header.sortIndicatorChanged.connect(self._on_sort_clicked)
        self.table.activated.connect(self._on_activated)
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+End in the table: to the real last row."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl and event.key() == Qt.Key.Key_End:
                self.go_to_end()
                return True
        return super().eventFilter(watched, event)

    def go_to_end(self) -> None:
        """Fetch what is left of the list and select its last row."""
        if self.model.canFetchMore() or self.model.query.text:
            self.show_notice(self.tr("Going to the end of the list…"))

        def select_last() -> None:
            last = self.model.rowCount() - 1
            if last >= 0:
                self.table.selectRow(last)
                self.table.scrollToBottom()
            self.notice.setVisible(False)

        self.model.fetch_to_end(select_last)

    def refresh_lists(self, columns: Sequence[ListColumn], filters: Sequence[ListFilter]) -> None:
        """New reference lists: the same columns and filters with the new names and choices;
        what the officer chose stays chosen."""
        for spec in filters:
            combo = self.filter_combos.get(spec.field)
            if combo is not None:
                combo.set_items(spec.items, blank=spec.any_text)
        self.model.replace_columns(columns)

    # --- building the query ---------------------------------------------------------------------
    def current_query(self) -> ListQuery:
        filters = list(self.extra_filters.items())
        outcome = ""
        for field, combo in self.filter_combos.items():
            value = combo.value()
            if not value:
                continue
            if field == "outcome":
                outcome = value
            else:
                filters.append((field, value))
        date_from, date_to = self.period.bounds()
        text = self.search.text().strip()
        if text:
            sort, descending = self._search_sort or ("entered", True)
        else:
            sort, descending = self._plain_sort
        return ListQuery(
            self.kind,
            text=text,
            filters=tuple(filters),
            date_from=date_from,
            date_to=date_to,
            outcome=outcome,
            sort=sort,
            descending=descending,
        )

    def _apply(self) -> None:
        query = self.current_query()
        self._show_sort(query)
        self.model.set_query(query)

    def _show_sort(self, query: ListQuery) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        try:
            column = -1
            for i, spec in enumerate(self.model.list_columns):
                if spec.sort and spec.sort == (query.sort or self._default_sort()):
                    column = i
            order = (
                Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(column, order)
        finally:
            header.blockSignals(False)

    def _default_sort(self) -> str:
        from tipdesk.store.list_queries import SPECS

        return SPECS[self.kind].date

    # --- search ---------------------------------------------------------------------------------
    def _on_search_edited(self, text: str) -> None:
        searching = bool(text.strip())
        if searching and not self._searching:
            self._search_sort = None  # a new search starts in entry order
        self._searching = searching
        if self._search_timer.isActive():
            self._search_pending = True
            self._search_timer.start()  # wait for the pause after the last key
            return
        self._search_pending = False
        self._apply()
        self._search_timer.start()

    def _on_search_pause(self) -> None:
        if self._search_pending:
            self._search_pending = False
            self._apply()

    def _on_search_return(self) -> None:
        if self._search_pending:
            self._search_timer.stop()
            self._search_pending = False
            self._apply()
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)

    def flush_search(self) -> None:
        """Run a gathered search now (tests; Enter in the box does the same)."""
        if self._search_pending:
            self._search_timer.stop()
            self._search_pending = False
            self._apply()

    # --- sorting --------------------------------------------------------------------------------
    def _on_sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):
            self._show_sort(self.model.query)  # the store cannot sort that column quickly
            name = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            self.show_notice(
                self.tr("The list cannot be sorted by “{column}”.").format(column=name)
            )
            return
        chosen = (self.model.column_spec(column).sort, order == Qt.SortOrder.DescendingOrder)
        if self.search.text().strip():
            self._search_sort = chosen
        else:
            self._plain_sort = chosen
        self._apply()

    # --- results --------------------------------------------------------------------------------
    def _on_reset(self) -> None:
        matched = self.model.matched_column
        if matched >= 0:
            # Shown second, beside what names the record: what the search found is what the
            # officer reads first.
            header = self.table.horizontalHeader()
            header.moveSection(header.visualIndex(matched), 1)
            header.resizeSection(matched, 240)
        empty = self.model.rowCount() == 0
        if empty:
            query = self.model.query
            filtered = bool(query.text or query.filters or query.outcome or query.date_from
                            or query.date_to)  # fmt: skip
            self.empty.setText(
                self.tr("Nothing matches the search and filters.") if filtered else self._empty_text
            )
        self._stack.setCurrentWidget(self.empty if empty else self.table)

    def _on_count(self, n: object) -> None:
        if n is None:
            self.count_text = self.tr("Counting…")
        else:
            text = self._noun(int(str(n)))
            if self.model.count_capped:
                text = self.tr("More than {text}").format(text=text)
            self.count_text = text
        self.count_button.setVisible(n is not None and self.model.count_capped)
        self.sig_count_text.emit(self.count_text)

    def count_all(self) -> None:
        """The real total ("More than 10,000 cases" until then)."""
        self.count_button.setVisible(False)
        self.model.count_exactly()

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id:
            self.sig_open.emit(record_id)

    # --- for the page ---------------------------------------------------------------------------
    def clear_filters(self) -> None:
        for combo in self.filter_combos.values():
            combo.set_value("")
        self.period.reset()
        self.search.clear()
        self._apply()

    def set_search(self, text: str) -> None:
        self.search.setText(text)
        self.flush_search()

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def record_saved(self, record_id: str, created: bool) -> None:
        """Show a saved record's new values (a new record: list again from the top)."""
        if created or self.model.row_of(record_id) < 0:
            self.model.reload()
        else:
            self.model.refresh_record(record_id)

    def set_extra_filter(self, field: str, value: str) -> None:
        """Filter by ``field`` = ``value`` beyond the combos ("" removes it)."""
        if value:
            self.extra_filters[field] = value
        else:
            self.extra_filters.pop(field, None)
        self._apply()

    # --- export ---------------------------------------------------------------------------------
    def ask_export(self) -> None:
        """Ask where, then write the list as searched and filtered to an XLSX workbook."""
        dest = files.ask_save_file(
            self,
            self.tr("Export the list"),
            Path.home() / f"tipdesk-{self.kind}s.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if dest is None:
            return
        query = self.current_query()
        columns = [ExportColumn(c.name, c.header, c.format) for c in self.model.list_columns]

        def work(session: Session, progress: Progress) -> int:
            return list_export.export_list(session, query, columns, dest, progress.update)

        run_with_progress(
            self._runner,
            self,
            self.tr("Export the list"),
            self.tr("Writing the list to {name}…").format(name=dest.name),
            work,
            lambda n: self.show_notice(
                self.tr("{n} rows written to {name}.").format(n=f"{n:,}", name=dest.name)
            ),
            self._report,
        )

    def with_sort(self, sort: str, descending: bool = True) -> None:
        self._plain_sort = (sort, descending)
        self._apply()

    def query_for(self, **changes: object) -> ListQuery:
        # replace() checks the names and mypy cannot check **changes against ListQuery's fields.
        return replace(self.current_query(), **changes)  # type: ignore[arg-type]
