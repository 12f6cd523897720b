"""A small read-only table of text rows held in memory: the accused, victims and referrals
tables inside the editors (each row sums up one child record whose form is shown beside it).

Rows flagged with a problem show a warning colour and a tooltip, so an officer sees which
accused or victim validation named without opening each one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from tipdesk.ui.style import DANGER, DANGER_SOFT, icon

Index = QModelIndex | QPersistentModelIndex
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2


class SummaryTableModel(QAbstractTableModel):
    """Rows of strings under fixed headers; row operations keep views' selections right."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._problems: list[str] = []

    # --- changing rows --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._rows = [self._fit(r) for r in rows]
        self._problems = ["" for _ in self._rows]
        self.endResetModel()

    def append_row(self, row: Sequence[str]) -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(self._fit(row))
        self._problems.append("")
        self.endInsertRows()
        return n

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._problems[row]
        self.endRemoveRows()

    def update_row(self, row: int, values: Sequence[str]) -> None:
        if not 0 <= row < len(self._rows):
            return
        fitted = self._fit(values)
        if fitted != self._rows[row]:
            self._rows[row] = fitted
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def set_problem(self, row: int, text: str) -> None:
        """Flag a row (``text``: what is wrong, for the tooltip; empty clears the flag)."""
        if 0 <= row < len(self._rows) and self._problems[row] != text:
            self._problems[row] = text
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def clear_problems(self) -> None:
        for row in range(len(self._rows)):
            self.set_problem(row, "")

    def has_problem(self, row: int) -> bool:
        return 0 <= row < len(self._problems) and bool(self._problems[row])

    def _fit(self, row: Sequence[str]) -> list[str]:
        values = [str(v) for v in row][: len(self._headers)]
        return values + [""] * (len(self._headers) - len(values))

    # --- the Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        problem = self._problems[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][col]
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(QColor(DANGER))
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(QColor(DANGER_SOFT))
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return problem
        if role == Qt.ItemDataRole.DecorationRole and problem and col == 0:
            return icon("alert", DANGER)
        if role == PROBLEM_ROLE:
            return bool(problem)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
