"""Parts of the editor frame: the problem summary at the top, where the focus is in a form
(kept across a save), and the first paint that starts building a record's children."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from tipdesk.ui.pages.records.editors.forms import RecordForm, reveal_widget
from tipdesk.ui.widgets.common import Banner


def path_to(form: RecordForm, widget: QWidget) -> list[str | int] | None:
    """The path through ``form`` (field names, section names and child positions) to the input
    holding ``widget``, or ``None``."""
    for name, box in form.fields.items():
        if box.editor is widget or box.editor.isAncestorOf(widget):
            return [name]
    for name, section in form.sections.items():
        for i, child in enumerate(section.forms):
            if child is widget or child.isAncestorOf(widget):
                rest = path_to(child, widget)
                return [name, i, *rest] if rest is not None else None
    return None


def widget_at(form: RecordForm, path: list[str | int]) -> QWidget | None:
    """The input at ``path`` (see :func:`path_to`), or ``None`` when it is gone."""
    head = str(path[0])
    if len(path) == 1:
        box = form.fields.get(head)
        return box.editor if box is not None else None
    section = form.sections.get(head)
    index = int(path[1])
    if section is None or not 0 <= index < len(section.forms):
        return None
    return widget_at(section.forms[index], path[2:]) if len(path) > 2 else None


LOAD_FALLBACK_MS = 150


def focused_path(editor: QWidget, form: RecordForm) -> list[str | int] | None:
    """Where the focus is, as a path through ``form`` (``["accused", 1, "name"]``), or
    ``None`` when it is not in an input of ``editor``."""
    widget = QApplication.focusWidget()
    if widget is None or not editor.isAncestorOf(widget):
        return None
    return path_to(form, widget)


def restore_focus(
    editor: QWidget, form: RecordForm, path: list[str | int] | None, fallback: QWidget
) -> None:
    """Put the focus back on the input at ``path`` (else on ``fallback``, inside the editor,
    so its keys keep working)."""
    target = widget_at(form, path) if path else None
    if target is not None:
        if not target.hasFocus():
            reveal_widget(target)
        return
    focused = QApplication.focusWidget()
    if focused is None or not editor.isAncestorOf(focused):
        fallback.setFocus(Qt.FocusReason.OtherFocusReason)


class FirstPaint(QObject):
    """Calls ``then`` (at the next turn of the event loop) after the first paint of the
    widget it watches, once :attr:`armed`."""

    def __init__(self, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.armed = False
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self._then)
        return False


class ProblemSummary(QFrame):
    """The list of problems at the top of an editor; each line is a link to its input."""

    sig_go_to = Signal(int)
    """The officer clicked problem number ``n``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemSummary")
        self.setProperty("banner", "error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = Banner("error", "")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.label.linkActivated.connect(lambda link: self.sig_go_to.emit(int(link)))
        layout.addWidget(self.label)
        self.lines: list[str] = []
        self.setVisible(False)

    def show_problems(self, heading: str, lines: list[str], kind: str = "error") -> None:
        """``kind``: ``error`` (not saved) or ``warning`` (saved; to check)."""
        self.lines = list(lines)
        items = "".join(
            f'<li><a href="{i}">{html.escape(line)}</a></li>' for i, line in enumerate(lines)
        )
        self.setProperty("banner", kind)
        self.label.set_message(
            kind, f"<b>{html.escape(heading)}</b><ul style='margin:4px 0 0 0'>{items}</ul>"
        )
        self.setVisible(bool(lines))

    def show_text(self, text: str) -> None:
        self.lines = [text] if text else []
        self.setProperty("banner", "error")
        self.label.set_message("error", html.escape(text))
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.lines = []
        self.label.set_message("error", "")
        self.setVisible(False)
