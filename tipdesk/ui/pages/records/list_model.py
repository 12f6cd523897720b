"""The record lists' model: lazy, keyset-paged rows from the store, counted off the GUI thread.

Contract:
- :class:`RecordListModel` holds the rows fetched so far. ``canFetchMore``/``fetchMore`` ask the
  runner for the next page (keyset: the previous page's ``next_key``, never an OFFSET), so a
  view over 1,000,000 records only ever asks for what it shows.
- A new query (search text, filters, sort) is fetched while the old rows stay on screen; the
  first page replaces them in one reset. Answers to superseded queries are dropped (each
  request carries the generation it was made for).
- The count is asked for separately, after the first page, when nothing has changed for
  :attr:`count_delay_ms`; it counts at most :data:`COUNT_CAP` rows (a scan of the table would
  keep the store's thread busy for seconds at 1,000,000 rows) unless :meth:`count_exactly` is
  called.
- Sorting happens in the store (:meth:`sort` maps a column to the store's sort by that column);
  columns the store cannot sort quickly report themselves unsortable (:meth:`sortable`).
- Cells are formatted by a :class:`ListColumn` once, when a page arrives; ``data()`` only
  returns what is stored, so painting never parses or looks anything up.
- While a search is on, one more column, "Matched", says what the search found in each row
  (an accused's or the officer's name...: :func:`~tipdesk.ui.pages.records.list_columns.
  matched_text`); :attr:`matched_column` is its index (-1 without a search).
- :meth:`fetch_to_end` fetches every remaining page (large pages, one request at a time: the
  window stays responsive) and then calls back: Ctrl+End reaches the real last row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from tipdesk.services import lists
from tipdesk.store.list_queries import Key, ListQuery, Page
from tipdesk.ui.runner import Runner

Index = QModelIndex | QPersistentModelIndex
COUNT_CAP = 10_000
END_PAGE_SIZE = 2_000  # rows per request when fetching to the end (Ctrl+End)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ALIGN_END = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
_ALIGN_START = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class ListColumn:
    """How one store column shows: header, width, formatting and alignment. ``sort`` is the
    store's sort for this column ("" when the store cannot sort by it quickly)."""

    name: str
    header: str
    width: int
    format: Callable[[Any], str] = str
    sort: str = ""
    numeric: bool = False
    tooltip: bool = False


class RecordListModel(QAbstractTableModel):
    """A read-only, lazily fetched list of one record kind (see the module contract)."""

    sig_count_changed = Signal(object)
    """The count for the current query: an int, or ``None`` while it is being counted."""
    sig_loading_changed = Signal(bool)
    """A first page is being fetched (True) or has arrived (False)."""
    sig_reset_done = Signal()
    """A new query's first page replaced the rows."""
    sig_failed = Signal(object)
    """Fetching failed; the exception."""

    def __init__(
        self,
        runner: Runner,
        query: ListQuery,
        columns: Sequence[ListColumn],
        *,
        page_size: int = lists.PAGE_SIZE,
        count_delay_ms: int = 400,
        matched: Callable[[tuple[str, str]], str] | None = None,
        matched_header: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._columns = list(columns)
        self._matched_text = matched
        self._matched_header = matched_header
        self._matched: list[str] = []
        self._searching = False
        self._to_end: Callable[[], None] | None = None
        self.page_size = page_size
        """Rows per request."""
        self.count_cap = COUNT_CAP
        """Where the automatic count stops (:meth:`count_exactly` counts all)."""
        self._query = query
        self._ids: list[str] = []
        self._cells: list[tuple[str, ...]] = []
        self._next_key: Key | None = None
        self._fetching = False
        self._changing = False
        self._generation = 0
        self._loading = False
        self._count: int | None = None
        self._count_capped = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(count_delay_ms)
        self._count_timer.timeout.connect(lambda: self._request_count(self.count_cap))
        self._store_names = [c.name for c in lists.columns(query.kind)]
        self._positions = [self._store_names.index(c.name) + 1 for c in self._columns]

    # --- the query ------------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def count(self) -> int | None:
        """Rows the query lists (``None`` until counted); see :attr:`count_capped`."""
        return self._count

    @property
    def count_capped(self) -> bool:
        """True when :attr:`count` is :data:`COUNT_CAP` and more rows exist."""
        return self._count_capped

    def set_query(self, query: ListQuery) -> None:
        """Fetch ``query``'s first page; the current rows stay until it arrives."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Fetch the current query again from the start (after a save, say)."""
        self._generation += 1
        generation = self._generation
        query = self._query
        self._count_timer.stop()
        self._fetching = True
        self._set_loading(True)
        if self._count is not None:
            self._count = None
            self.sig_count_changed.emit(None)
        size = self.page_size
        self._runner.submit(
            partial(lists.page, query=query, after=None, limit=size),
            lambda page: self._on_first_page(generation, page),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_first_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._changing = True
        try:
            self.beginResetModel()
            self._searching = bool(self._query.text.strip()) and self._matched_text is not None
            self._ids = [str(r[0]) for r in page.rows]
            self._cells = [self._format(r) for r in page.rows]
            self._matched = self._matches(page)
            self._next_key = page.next_key
            self._fetching = False
            self.endResetModel()
        finally:
            self._changing = False
        self._set_loading(False)
        self.sig_reset_done.emit()
        if page.next_key is None:
            self._set_count(len(self._ids), capped=False)
        else:
            self._count_timer.start()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._set_loading(False)
        self.sig_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.sig_loading_changed.emit(loading)

    # --- counting -------------------------------------------------------------------------------
    def _request_count(self, cap: int | None) -> None:
        generation = self._generation
        query = self._query
        self._runner.submit(
            partial(lists.count, query=query, cap=cap),
            lambda n: self._on_count(generation, int(n), cap),
            lambda exc: self._on_failed(generation, exc),
        )

    def count_exactly(self) -> None:
        """Count every row of the current query (may take seconds on a very large store)."""
        self._count_timer.stop()
        self._request_count(None)

    def _on_count(self, generation: int, n: int, cap: int | None) -> None:
        if generation != self._generation:
            return
        capped = cap is not None and n > cap
        self._set_count(cap if capped and cap is not None else n, capped=capped)

    def _set_count(self, n: int, *, capped: bool) -> None:
        self._count, self._count_capped = n, capped
        self.sig_count_changed.emit(n)

    # --- fetching more --------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Not from inside our own change signals: a synchronous runner would nest the next
        # insertion inside the handlers of this one.
        return (
            not parent.isValid()
            and self._next_key is not None
            and not self._fetching
            and not self._changing
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        query, after, size = self._query, self._next_key, self.page_size
        self._runner.submit(
            partial(lists.page, query=query, after=after, limit=size),
            lambda page: self._on_more(generation, page),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_more(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._next_key = page.next_key
        if not page.rows:
            return
        first = len(self._ids)
        self._changing = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._ids += [str(r[0]) for r in page.rows]
            self._cells += [self._format(r) for r in page.rows]
            self._matched += self._matches(page)
            self.endInsertRows()
        finally:
            self._changing = False

    def _matches(self, page: Page) -> list[str]:
        if not self._searching or self._matched_text is None:
            return []
        words = self._matched_text
        return [
            words(page.matched[str(r[0])]) if str(r[0]) in page.matched else "" for r in page.rows
        ]

    # --- to the end ---------------------------------------------------------------------------
    def fetch_to_end(self, then: Callable[[], None]) -> None:
        """Fetch every row still to come, then call ``then`` (see the module contract)."""
        if self._next_key is None:
            then()
            return
        self._to_end = then
        if not self._fetching:
            self._fetch_end_page()

    def _fetch_end_page(self) -> None:
        self._fetching = True
        generation = self._generation
        query, after = self._query, self._next_key
        self._runner.submit(
            partial(lists.page, query=query, after=after, limit=END_PAGE_SIZE),
            lambda page: self._on_end_page(generation, page),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_end_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            self._to_end = None
            return
        self._on_more(generation, page)
        then = self._to_end
        if self._next_key is not None and then is not None:
            self._fetch_end_page()
        elif then is not None:
            self._to_end = None
            then()

    # --- one record changed -------------------------------------------------------------------
    def refresh_record(self, record_id: str) -> None:
        """Re-read one record's row (after an edit); drop it when it no longer exists."""
        generation = self._generation
        kind = self._query.kind
        self._runner.submit(
            partial(lists.row, kind=kind, record_id=record_id),
            lambda found: self._on_row(generation, record_id, found),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_row(self, generation: int, record_id: str, found: tuple[Any, ...] | None) -> None:
        if generation != self._generation or record_id not in self._ids:
            return
        row = self._ids.index(record_id)
        if found is None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            del self._cells[row]
            if row < len(self._matched):
                del self._matched[row]
            self.endRemoveRows()
            return
        self._cells[row] = self._format(found)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def _format(self, row: Sequence[Any]) -> tuple[str, ...]:
        out = []
        for col, pos in zip(self._columns, self._positions, strict=True):
            value = row[pos]
            out.append("" if value is None else col.format(value))
        return tuple(out)

    def replace_columns(self, columns: Sequence[ListColumn]) -> None:
        """The same columns formatted anew (new reference names): the rows are fetched again."""
        if [c.name for c in columns] != [c.name for c in self._columns]:
            raise ValueError("replace_columns keeps the columns; only their formatting changes")
        self._columns = list(columns)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        self.reload()

    # --- sorting --------------------------------------------------------------------------------
    def sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and bool(self._columns[column].sort)

    @property
    def matched_column(self) -> int:
        """The "Matched" column's index while a search is on, else -1."""
        return len(self._columns) if self._searching else -1

    def sort_column(self) -> int:
        """The column the current sort orders by, or -1 (entry order, or a sort of no column)."""
        sort = self._query.sort
        for i, col in enumerate(self._columns):
            if col.sort and col.sort == sort:
                return i
        return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=self._columns[column].sort, descending=descending))

    # --- the Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + (1 if self._searching else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if col == len(self._columns):  # "Matched"
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._matched[row] or (None if role != Qt.ItemDataRole.DisplayRole else "")
            if role == ID_ROLE:
                return self._ids[row]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGN_START
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][col]
        if role == ID_ROLE:
            return self._ids[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_END if self._columns[col].numeric else _ALIGN_START
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[col].tooltip:
            return self._cells[row][col] or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section == len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._matched_header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGN_START
            return None
        col = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_END if col.numeric else _ALIGN_START
        if role == Qt.ItemDataRole.ToolTipRole and not col.sort:
            return QCoreApplication.translate("lists", "This column cannot be sorted")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- helpers for views ----------------------------------------------------------------------
    def record_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    @property
    def list_columns(self) -> list[ListColumn]:
        """The list's own columns (without "Matched")."""
        return list(self._columns)

    def column_spec(self, column: int) -> ListColumn:
        return self._columns[column]

    def cell(self, row: int, column: int) -> str:
        return self._cells[row][column]
