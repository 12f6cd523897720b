"""Read-only Qt models for the Reports screen: a report table (cells that may be suppressed)
and the headline beside the same period a year earlier. Plain rows (linked cases, data
quality, coverage) use :class:`~tipdesk.ui.widgets.text_table.TextTableModel`. Every model is
flat, read-only and checked by ``qtmodeltester``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from tipdesk.core.languages import Language
from tipdesk.reports.localize import ENGLISH, REPORT_TEXTS, Wording, localized_table
from tipdesk.reports.model import HEADLINE, Cell, ColumnKind, Report, Table
from tipdesk.ui.language import current_language
from tipdesk.ui.widgets.common import locale, number
from tipdesk.ui.widgets.text_table import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
_FIGURES = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
_TEXT = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


def table_text(text: str) -> str:
    """A title or column label of the report (English source text) in the UI language."""
    return QCoreApplication.translate("ReportTables", text)


def report_wording() -> Wording:
    """How the PDF/XLSX exports are worded: in the interface's language (the report follows
    the user's choice of language). Built here, on the GUI thread, as a plain mapping: the
    export runs on the store's thread."""
    language = current_language()
    if language is Language.ENGLISH:
        return ENGLISH
    words = {text: table_text(text) for text in REPORT_TEXTS}

    def tr(text: str) -> str:
        if text in words:
            return words[text]
        return QCoreApplication.translate("codes", text)  # a code list's name not seen yet

    return Wording(tr, rtl=language.right_to_left)


def show_value(value: Any, kind: ColumnKind = ColumnKind.COUNT) -> str:
    """A displayed cell value: counts with separators, rates as percentages, marks as they are."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if kind is ColumnKind.RATE and isinstance(value, int | float):
        return locale().toString(float(value) * 100, "f", 1) + "%"
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return locale().toString(value, "f", 2)
    return str(value)


class ReportTableModel(FlatTableModel):
    """One :class:`~tipdesk.reports.model.Table`, its total row last in bold. Hidden cells show
    their mark (``<5``, ``x``), never their value. Column labels and row labels are worded as
    the PDF and XLSX word them (:func:`~tipdesk.reports.localize.localized_table` with the
    interface's :func:`report_wording`): one source for both, proper names and codes kept."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.table: Table | None = None
        self._data: list[list[Cell | str]] = []
        self._total_row = -1

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table = localized_table(table, report_wording()) if table else None
        self.headers = [c.label for c in table.columns] if table else []
        self._data = [*table.rows] if table else []
        self._total_row = -1
        if table is not None and table.total:
            self._total_row = len(self._data)
            self._data.append(table.total)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._data)

    def cell(self, row: int, column: int) -> Cell | str:
        return self._data[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index) or self.table is None:
            return None
        value = self._data[index.row()][index.column()]
        kind = self.table.columns[index.column()].kind
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, Cell):
                return show_value(value.display, kind)
            if index.row() == self._total_row and index.column() == 0 and not value:
                return QCoreApplication.translate("ReportTableModel", "Total")
            return str(value) if value else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_TEXT if kind in (ColumnKind.TEXT, ColumnKind.DATE) else _FIGURES)
        if role == Qt.ItemDataRole.FontRole and index.row() == self._total_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, Cell) and value.hidden:
            return QCoreApplication.translate(
                "ReportTableModel", "Hidden by small-cell suppression"
            )
        return None


class HeadlineModel(FlatTableModel):
    """The headline figures: this period, the same period a year earlier, and the change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        translate = QCoreApplication.translate
        self.headers = [
            translate("HeadlineModel", "Figure"),
            translate("HeadlineModel", "This period"),
            translate("HeadlineModel", "A year earlier"),
            translate("HeadlineModel", "Change"),
        ]
        self.report: Report | None = None

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def row_count(self) -> int:
        return len(HEADLINE) if self.report is not None else 0

    def key(self, row: int) -> str:
        return HEADLINE[row][0]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index) or self.report is None:
            return None
        key, text = HEADLINE[index.row()]
        col = index.column()
        kind = ColumnKind.RATE if key == "conviction_rate" else ColumnKind.COUNT
        now, before = self.report.headline[key], self.report.previous[key]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return table_text(text.split(" (")[0])
            if col == 1:
                return show_value(now.display, kind)
            if col == 2:
                return show_value(before.display, kind)
            return self._change(now, before, kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_TEXT if col == 0 else _FIGURES)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return table_text(text)
        if role == Qt.ItemDataRole.UserRole and col in (1, 2):
            cell = now if col == 1 else before
            return None if cell.hidden else cell.value
        return None

    @staticmethod
    def _change(now: Cell, before: Cell, kind: ColumnKind) -> str:
        text = HeadlineModel._change_text(now, before, kind)
        # Isolated left-to-right: in an Urdu (right-to-left) table "+23%" would otherwise
        # show as "23%+", the sign and the per cent sign being direction-neutral.
        return f"\u2066{text}\u2069" if text else text

    @staticmethod
    def _change_text(now: Cell, before: Cell, kind: ColumnKind) -> str:
        if now.hidden or before.hidden or now.value is None or before.value is None:
            return ""
        diff = now.value - before.value
        if kind is ColumnKind.RATE:
            points = locale().toString(diff * 100, "f", 1)
            return (
                ("+" if diff > 0 else "")
                + points
                + QCoreApplication.translate("HeadlineModel", " pts")
            )
        if not before.value:
            return ("+" if diff > 0 else "") + number(int(diff)) if diff else "0"
        pct = locale().toString(diff / before.value * 100, "f", 0)
        return ("+" if diff > 0 else "") + pct + "%"
