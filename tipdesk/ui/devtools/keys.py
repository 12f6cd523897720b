"""Real key presses for tests and benchmarks, routed as Qt routes a keyboard's.

A key goes to the open popup when there is one (a completer's list, a calendar), else to the
widget with the focus, exactly where the window system would deliver it; so a test or
``bench/keystrokes.py`` drives the screens as an officer's keyboard does, shortcuts included
(a shortcut is matched from the widget the key is sent to). :class:`Keyboard` counts what it
sends: characters of typed values apart from every other key (Tab, arrows, Enter, Space,
shortcuts), the navigation the keystroke benchmark reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def key_target() -> QWidget | None:
    """Where a key pressed now goes: the open popup (its focused child), else the focused
    widget."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    return QApplication.focusWidget()


@dataclass
class Keyboard:
    """Sends keys where they would go and counts them (see the module docstring)."""

    typed: int = 0
    """Characters of values typed into inputs."""
    navigation: int = 0
    """Every other key: Tab, arrows, Enter, Space, Escape, shortcuts."""
    log: list[str] = field(default_factory=list)

    def press(
        self,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        times: int = 1,
    ) -> None:
        """Press a navigation key (``times`` times), e.g. ``press(Qt.Key.Key_Tab)``."""
        for _ in range(times):
            target = key_target()
            if target is None:
                raise RuntimeError("no widget has the keyboard focus")
            QTest.keyClick(target, key, modifiers)
            QApplication.processEvents()
            self.navigation += 1
            self.log.append(_name(key, modifiers))

    def shortcut(self, sequence: str) -> None:
        """Press a shortcut such as ``"Ctrl+Shift+A"`` (one navigation key)."""
        *mods, last = sequence.split("+")
        modifiers = Qt.KeyboardModifier.NoModifier
        for mod in mods:
            modifiers |= {
                "Ctrl": Qt.KeyboardModifier.ControlModifier,
                "Shift": Qt.KeyboardModifier.ShiftModifier,
                "Alt": Qt.KeyboardModifier.AltModifier,
            }[mod]
        key = Qt.Key(ord(last.upper())) if len(last) == 1 else getattr(Qt.Key, f"Key_{last}")
        self.press(key, modifiers)

    def type(self, text: str) -> None:
        """Type ``text`` into whatever has the focus (each character one typed key)."""
        for char in text:
            target = key_target()
            if target is None:
                raise RuntimeError("no widget has the keyboard focus")
            QTest.keyClicks(target, char)
            QApplication.processEvents()
            self.typed += 1

    @property
    def total(self) -> int:
        return self.typed + self.navigation


def _name(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> str:
    parts = [
        name
        for flag, name in (
            (Qt.KeyboardModifier.ControlModifier, "Ctrl"),
            (Qt.KeyboardModifier.ShiftModifier, "Shift"),
            (Qt.KeyboardModifier.AltModifier, "Alt"),
        )
        if modifiers & flag
    ]
    return "+".join([*parts, str(key.name).removeprefix("Key_")])
