"""What the district's and HQ's Sync screens share: the yes/no question (a module function,
so tests replace it with ``monkeypatch.setattr``), how devices, bundles, records, districts,
offices and times read, and a text table whose cells carry their codes as tool tips. Files and
folders are asked for through :mod:`tipdesk.ui.widgets.files`."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tipdesk.core.reference import Reference
from tipdesk.ui.widgets.common import counted
from tipdesk.ui.widgets.text_table import Key, TextTableModel


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def short(device_id: str) -> str:
    return "…" + device_id[-8:] if device_id else ""


def bundles_text(n: int) -> str:
    """``1 bundle``, ``12 bundles``."""
    translate = QCoreApplication.translate
    return counted(n, translate("SyncView", "{n} bundle"), translate("SyncView", "{n} bundles"))


def records_text(n: int) -> str:
    """``1 record``, ``1,204 records``."""
    translate = QCoreApplication.translate
    return counted(n, translate("SyncView", "{n} record"), translate("SyncView", "{n} records"))


def when(iso: str | None) -> str:
    """``2026-06-01T10:00:00.000Z`` -> ``2026-06-01 10:00`` (times are shown as stored, UTC)."""
    if not iso:
        return ""
    return iso[:16].replace("T", " ")


def district_name(reference: Reference, code: str) -> str:
    """A district by its name (the code when the reference lists do not know it)."""
    found = reference.districts.get(code)
    return found.name if found is not None else code


def office_name(reference: Reference, offices: Mapping[str, str], code: str) -> str:
    """An office by its name: this install's offices first, then the shipped list."""
    if code in offices:
        return offices[code]
    found = reference.offices.get(code)
    return found.name if found is not None else code


def where_name(reference: Reference, where: str) -> str:
    """Where a version of a record was made (:class:`~tipdesk.services.sync.ConflictSide`):
    ``HQ``, a district's code or ``unknown device``, in words."""
    translate = QCoreApplication.translate
    if where == "HQ":
        return translate("SyncView", "HQ")
    if where == "unknown device":
        return translate("SyncView", "an unknown device")
    return district_name(reference, where)


Index = QModelIndex | QPersistentModelIndex


class TippedTableModel(TextTableModel):
    """A :class:`TextTableModel` whose cells may carry their own tool tips (the codes behind
    the names shown): ``tips`` in :meth:`set_rows`, a row of texts per row, blank for none."""

    def __init__(
        self, headers: Sequence[str], parent: QWidget | None = None, *, context: str = ""
    ) -> None:
        super().__init__(headers, parent, context=context)
        self._tips: list[list[str]] = []

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        keys: Sequence[Key] | None = None,
        highlight: Collection[int] = (),
        tips: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self._tips = [list(t) for t in tips] if tips is not None else []
        super().set_rows(rows, keys, highlight)

    def tip(self, row: int, column: int) -> str:
        if 0 <= row < len(self._tips) and 0 <= column < len(self._tips[row]):
            return self._tips[row][column]
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and self.valid(index):
            own = self.tip(index.row(), index.column())
            if own and not self.has_problem(index.row()):
                return own
        return super().data(index, role)
