"""Read-only table models and the table view the screens show them in.

:class:`FlatTableModel` is what every flat table model of the app shares: fixed headers
(translated once), the row and column counts and the index checks; a subclass holds its rows
and says what a cell shows (the audit log, users, offices, report tables).

:class:`TextTableModel` is the one model for every small table a screen fills itself: the
Sync page's outbox, devices and conflicts, the Reports page's coverage, linked cases and data
quality, the register import wizard's pages, and the accused, victims and referrals tables
inside the editors (each row there sums up one child record whose form is shown beside it).

- Rows are lists of strings under fixed headers; a short row is padded, a long one cut.
- Each row may carry a key (``UserRole``, :meth:`key`): what the row stands for (a device id,
  a conflict id), so a screen never parses the text back.
- Rows may be *highlighted* (a light amber background: a device with gaps, a stale district)
  or flagged with a *problem* (the warning colour, an alert icon and the problem as tooltip:
  an accused that validation named). Other cells show their own text as tooltip.
- Changing a single row (:meth:`append_row`, :meth:`update_row`, :meth:`remove_row`) keeps a
  view's selection right; :meth:`set_rows` replaces everything in one reset.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from tipdesk.ui.style import CELL_PADDING, DANGER, DANGER_SOFT, icon

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2
HIGHLIGHT = QColor("#FFF4D6")
Key = str | None
"""What a row stands for, as text (``None``: nothing)."""


class FlatTableModel(QAbstractTableModel):
    """A flat, read-only table under ``headers``. ``context``: the headers are source texts
    (marked with QT_TRANSLATE_NOOP), translated in that translation context; without it they
    are shown as given (already translated). Subclasses implement :meth:`row_count` and
    ``data`` (which may rely on :meth:`valid`)."""

    def __init__(
        self, headers: Sequence[str] = (), parent: QObject | None = None, *, context: str = ""
    ) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.headers = [translate(context, h) for h in headers] if context else list(headers)

    def row_count(self) -> int:
        raise NotImplementedError

    def valid(self, index: Index) -> bool:
        """``index`` is a cell of this table."""
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < self.row_count()
            and 0 <= index.column() < len(self.headers)
        )

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class TextTableModel(FlatTableModel):
    """Rows of text under fixed headers (see the module docstring and :class:`FlatTableModel`
    for ``context``)."""

    def __init__(
        self, headers: Sequence[str], parent: QObject | None = None, *, context: str = ""
    ) -> None:
        super().__init__(headers, parent, context=context)
        self._rows: list[list[str]] = []
        self._keys: list[Key] = []
        self._problems: list[str] = []
        self._highlight: set[int] = set()

    # --- reading ------------------------------------------------------------------------------
    def key(self, row: int) -> Key:
        """The key given with row ``row`` (``None`` for no such row)."""
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def row(self, row: int) -> tuple[str, ...]:
        return tuple(self._rows[row])

    def highlighted(self, row: int) -> bool:
        return row in self._highlight

    def has_problem(self, row: int) -> bool:
        return 0 <= row < len(self._problems) and bool(self._problems[row])

    # --- changing rows ------------------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        keys: Sequence[Key] | None = None,
        highlight: Collection[int] = (),
    ) -> None:
        """Replace every row; ``keys``: one per row; ``highlight``: the rows to highlight.
        Problems are cleared."""
        self.beginResetModel()
        self._rows = [self._fit(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self._problems = [""] * len(self._rows)
        self._highlight = set(highlight)
        self.endResetModel()

    def append_row(self, row: Sequence[str], key: Key = None) -> int:
        n = len(self._rows)
        self.beginInsertRows(_ROOT, n, n)
        self._rows.append(self._fit(row))
        self._keys.append(key)
        self._problems.append("")
        self.endInsertRows()
        return n

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(_ROOT, row, row)
        del self._rows[row], self._keys[row], self._problems[row]
        # Highlighted rows below the removed one move up with their rows.
        self._highlight = {r - (r > row) for r in self._highlight if r != row}
        self.endRemoveRows()

    def update_row(self, row: int, values: Sequence[str]) -> None:
        if not 0 <= row < len(self._rows):
            return
        fitted = self._fit(values)
        if fitted != self._rows[row]:
            self._rows[row] = fitted
            self._row_changed(row)

    def set_problem(self, row: int, text: str) -> None:
        """Flag a row (``text``: what is wrong, for the tooltip; empty clears the flag)."""
        if 0 <= row < len(self._rows) and self._problems[row] != text:
            self._problems[row] = text
            self._row_changed(row)

    def clear_problems(self) -> None:
        for row in range(len(self._rows)):
            self.set_problem(row, "")

    def _fit(self, row: Sequence[str]) -> list[str]:
        width = len(self.headers)
        values = list(row)[:width]
        return values + [""] * (width - len(values))

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    # --- the Qt model -------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        row, col = index.row(), index.column()
        problem = self._problems[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or self._rows[row][col] or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if problem:
                return QBrush(QColor(DANGER_SOFT))
            return QBrush(HIGHLIGHT) if row in self._highlight else None
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(QColor(DANGER))
        if role == Qt.ItemDataRole.DecorationRole and problem and col == 0:
            return icon("alert", DANGER)
        if role == Qt.ItemDataRole.UserRole:
            return self._keys[row]
        if role == PROBLEM_ROLE:
            return bool(problem)
        return None


def table_view(
    model: QAbstractItemModel, name: str, *, stretch: int = -1, single: bool = True
) -> QTableView:
    """The read-only table the screens show rows in: whole rows selected (one at a time unless
    ``single`` is False), no grid, alternating rows, 28-pixel rows, no row numbers, headers
    aligned with the text; the last column stretches, or column ``stretch`` when given."""
    view = QTableView()
    view.setObjectName(name)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    head = view.horizontalHeader()
    head.setHighlightSections(False)
    head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    head.setStretchLastSection(stretch < 0)
    if stretch >= 0:
        head.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class _WrappedText(QStyledItemDelegate):
    """Measures a wrapped cell at the width its text is painted in: the column less the style
    sheet's cell padding, which the style's measure leaves in (the last line would be cut)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -2 * CELL_PADDING, 0)
        return super().sizeHint(narrowed, index)


class _FitRows(QObject):
    """Fits a table's rows to their text again once its viewport changed size (the stretched
    column follows the window; its header does not say so by a signal)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            # After the header has laid its columns out for the new size.
            QTimer.singleShot(0, self._view.resizeRowsToContents)
        return False


def wrap_column(view: QTableView, column: int, parent: QWidget) -> None:
    """Let ``column``'s long text (a reason, a sentence) wrap in ``view``, each row as tall
    as its text at the columns' widths, measured again when the rows or a column's width
    change. The vertical scroll bar stays, so rows measured without it are not narrowed by
    it appearing."""
    view.setWordWrap(True)
    view.setItemDelegateForColumn(column, _WrappedText(parent))
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.horizontalHeader().sectionResized.connect(lambda *_a: view.resizeRowsToContents())
    view.model().modelReset.connect(view.resizeRowsToContents)
    view.viewport().installEventFilter(_FitRows(view))


def selected_row(view: QTableView) -> int:
    """The selected row of a single-selection table, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def select_row(view: QTableView, row: int) -> None:
    """Select ``row`` whole and make it current (nothing when there is no such row).

    Use this, not ``QTableView.selectRow``: that one picks its column at the viewport's leading
    edge, which in a right-to-left layout lies beside the last column when the columns do not
    fill the width, and then selects nothing (the Urdu interface)."""
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(model.index(row, 0), flags)
