"""The Sync page: the district's outbox, export and receipts, or HQ's inbox, import report,
devices and conflicts, depending on the install's role.

The two screens live in :mod:`tipdesk.ui.pages.sync.district` and
:mod:`tipdesk.ui.pages.sync.hq`; this module holds what they share: a small read-only
table model, the file and folder questions (module functions, so tests replace them with
``monkeypatch.setattr``) and the yes/no question. Every store call goes through the runner
and the services in :mod:`tipdesk.services.sync`, which check permissions and the role.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.context import AppContext
from tipdesk.ui.widgets.common import counted

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HIGHLIGHT = QColor("#FFF4D6")


class RowsModel(QAbstractTableModel):
    """Read-only rows of text. ``headers`` are source texts translated in ``context``;
    ``set_rows`` takes the rows, optional keys (``UserRole``), tooltips and rows to highlight."""

    def __init__(self, context: str, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._keys: list[Any] = []
        self._highlight: set[int] = set()

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        keys: Sequence[Any] | None = None,
        highlight: set[int] | None = None,
    ) -> None:
        self.beginResetModel()
        width = len(self._headers)
        self._rows = [[str(v) for v in list(r)[:width]] + [""] * (width - len(r)) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self._highlight = set(highlight or ())
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def highlighted(self, row: int) -> bool:
        return row in self._highlight

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._headers):
            return QCoreApplication.translate(self._context, self._headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = index.row(), index.column()
        if not 0 <= col < len(self._headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[row][col]
            return value if role == Qt.ItemDataRole.DisplayRole else (value or None)
        if role == Qt.ItemDataRole.BackgroundRole and row in self._highlight:
            return HIGHLIGHT
        if role == Qt.ItemDataRole.UserRole:
            return self._keys[row]
        return None


def table(model: QAbstractTableModel, name: str, stretch: int = -1) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
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


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


# --- questions (tests replace these) -------------------------------------------------------------
def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """A folder (a USB stick, say), or ``None`` when the user cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def ask_open_file(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None


def ask_open_files(parent: QWidget | None, title: str, folder: Path, filters: str) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(parent, title, str(folder), filters)
    return [Path(n) for n in names]


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def short(device_id: str) -> str:
    return "…" + device_id[-8:] if device_id else ""


def bundles_text(n: int) -> str:
    """``1 bundle``, ``12 bundles``."""
    tr = QCoreApplication.translate
    return counted(n, tr("SyncView", "{n} bundle"), tr("SyncView", "{n} bundles"))


def records_text(n: int) -> str:
    """``1 record``, ``1,204 records``."""
    tr = QCoreApplication.translate
    return counted(n, tr("SyncView", "{n} record"), tr("SyncView", "{n} records"))


def when(iso: str | None) -> str:
    """``2026-06-01T10:00:00.000Z`` -> ``2026-06-01 10:00`` (times are shown as stored, UTC)."""
    if not iso:
        return ""
    return iso[:16].replace("T", " ")


# --- the page ------------------------------------------------------------------------------------
class SyncView(QWidget):
    """The Sync page: the district screen or HQ's, by the install's role."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        from tipdesk.core.codes import InstallRole

        self.panel: Any
        if ctx.identity.install.role is InstallRole.HQ:
            from tipdesk.ui.pages.sync.hq import SyncHqPanel

            self.panel = SyncHqPanel(ctx, self)
        else:
            from tipdesk.ui.pages.sync.district import SyncDistrictPanel

            self.panel = SyncDistrictPanel(ctx, self)
        layout.addWidget(self.panel)

    def activated(self) -> None:
        self.panel.refresh()
