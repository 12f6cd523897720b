"""What the district's and HQ's Sync screens share: the yes/no question (a module function,
so tests replace it with ``monkeypatch.setattr``) and how devices, bundles, records and times
read. Files and folders are asked for through :mod:`tipdesk.ui.widgets.files`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tipdesk.ui.widgets.common import counted


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
