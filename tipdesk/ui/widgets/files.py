"""Asking for a file or a folder. Screens call these through the module (``files.ask_folder``),
so a test replaces them with ``monkeypatch.setattr`` instead of driving a native file dialog.
Each returns ``None`` (or nothing) when the user cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_file(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    """A file to write."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def ask_open_file(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    """An existing file to read."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None


def ask_open_files(parent: QWidget | None, title: str, folder: Path, filters: str) -> list[Path]:
    """Existing files to read."""
    names, _filter = QFileDialog.getOpenFileNames(parent, title, str(folder), filters)
    return [Path(n) for n in names]


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """A folder (a USB stick, say)."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None
