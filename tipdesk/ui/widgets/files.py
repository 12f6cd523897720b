"""Asking for a file name. Screens call these through the module (``files.ask_save_file``), so a
test replaces them with ``monkeypatch.setattr`` instead of driving a native file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_file(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    """A file to write, or ``None`` when the user cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def ask_open_file(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    """An existing file to read, or ``None`` when the user cancelled."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None
