"""The field-by-field merge of one conflict: for each field in which HQ's register and the
district's held version differ, both values in full (wrapped, never cut) and a choice "Keep
HQ's" / "Keep the district's"; below, the fields that are the same in both, for context.

Keyboard: Tab moves from field to field (the choice of each is one stop), Left and Right
switch the choice, and the area scrolls to the focused field. The kept value is framed
green, the discarded one is dimmed and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.style import BORDER, MUTED, SUCCESS, SUCCESS_SOFT, repolish
from tipdesk.ui.widgets.common import label

LOCAL, INCOMING = "local", "incoming"
HIDDEN = "••••"


@dataclass(frozen=True)
class FieldRow:
    """One field of a conflict's record on both sides, values as names and in full."""

    field: str
    label: str
    local: str
    incoming: str
    hidden: bool = False
    """A victim's identifying detail: neither value is shown."""
    default: str = LOCAL
    """The side chosen before the reviewer changes anything."""


_STYLE = f"""
QFrame[side] {{ border: 1px solid {BORDER}; border-radius: 6px; background: white; }}
QFrame[side][choice="kept"] {{ border: 2px solid {SUCCESS}; background: {SUCCESS_SOFT}; }}
QFrame[side][choice="dropped"] {{ background: #F6F7F8; }}
QFrame[side][choice="dropped"] QLabel {{ color: {MUTED}; }}
"""


class _Side(QFrame):
    """One side's value of one field, with its radio button."""

    def __init__(self, radio: QRadioButton, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("side", True)
        self.radio = radio
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 10)
        box.setSpacing(4)
        box.addWidget(radio)
        self.value = QLabel(text)
        self.value.setObjectName("mergeValue")
        self.value.setWordWrap(True)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.value)
        self.state = label("", "hint")
        box.addWidget(self.state)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)  # the whole box chooses, not only the small circle


class MergeView(QScrollArea):
    """See the module docstring. ``sig_changed`` fires when a choice changes."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(_STYLE)
        self.groups: dict[str, QButtonGroup] = {}
        self.sides: dict[str, tuple[_Side, _Side]] = {}
        self.rows: list[FieldRow] = []
        self._content: QWidget | None = None
        self.set_rows([], [], "", "")

    # --- building -----------------------------------------------------------------------------
    def set_rows(
        self,
        differing: list[FieldRow],
        same: list[FieldRow],
        local_head: str,
        incoming_head: str,
    ) -> None:
        """Show a conflict: the differing fields with their choices, then the others."""
        self.rows = list(differing)
        self.groups, self.sides = {}, {}
        content = QWidget()
        content.setObjectName("mergeContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(4, 4, 12, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 150)
        if not differing:
            grid.addWidget(label(self.tr("Select a conflict to review it."), "muted"), 0, 0, 1, 3)
        else:
            grid.addWidget(label(self.tr("Field"), "muted"), 0, 0)
            for col, text in ((1, local_head), (2, incoming_head)):
                head = label(text, "muted", wrap=True)
                head.setObjectName("mergeHead")
                grid.addWidget(head, 0, col)
        row = 1
        for field_row in differing:
            self._add_choice(grid, row, field_row)
            row += 1
        if same:
            title = label(self.tr("The same in both versions"), "sectionTitle")
            title.setObjectName("mergeSameTitle")
            grid.addWidget(title, row, 0, 1, 3)
            row += 1
            for field_row in same:
                name = label(field_row.label, "muted", wrap=True)
                value = label(HIDDEN if field_row.hidden else field_row.local, wrap=True)
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, 1, 1, 2)
                row += 1
        grid.setRowStretch(row, 1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(content)
        self._content = content
        for field_row in differing:
            self._paint(field_row.field)

    def _add_choice(self, grid: QGridLayout, row: int, field_row: FieldRow) -> None:
        name = label(field_row.label, wrap=True)
        name.setStyleSheet("font-weight: 600;")
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        group = QButtonGroup(self)
        group.setExclusive(True)
        pair: list[_Side] = []
        for col, side, text, value in (
            (1, LOCAL, self.tr("Keep HQ's"), field_row.local),
            (2, INCOMING, self.tr("Keep the district's"), field_row.incoming),
        ):
            radio = QRadioButton(text)
            radio.setObjectName(f"keep_{side}_{field_row.field}")
            radio.setAccessibleName(f"{text}: {field_row.label}")
            radio.installEventFilter(self)
            shown = HIDDEN if field_row.hidden else (value or self.tr("(empty)"))
            box = _Side(radio, shown)
            group.addButton(radio)
            radio.setChecked(side == field_row.default)
            grid.addWidget(box, row, col)
            pair.append(box)
        self.groups[field_row.field] = group
        self.sides[field_row.field] = (pair[0], pair[1])
        group.buttonToggled.connect(lambda _b, on, f=field_row.field: self._toggled(f, on))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left and Right on a choice take the other side (whichever way the layout runs)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            and isinstance(watched, QRadioButton)
        ):
            for local, incoming in self.sides.values():
                if watched in (local.radio, incoming.radio):
                    other = incoming.radio if watched is local.radio else local.radio
                    other.setChecked(True)
                    other.setFocus(Qt.FocusReason.OtherFocusReason)
                    self.ensureWidgetVisible(other)
                    return True
        return super().eventFilter(watched, event)

    def _toggled(self, name: str, on: bool) -> None:
        if on:
            self._paint(name)
            self.sig_changed.emit()

    def _paint(self, name: str) -> None:
        local, incoming = self.sides[name]
        keep_local = local.radio.isChecked()
        for box, kept in ((local, keep_local), (incoming, not keep_local)):
            box.setProperty("choice", "kept" if kept else "dropped")
            box.state.setText(self.tr("kept") if kept else self.tr("will be discarded"))
            repolish(box)

    # --- reading and setting ------------------------------------------------------------------
    def choice(self, name: str) -> str:
        local, _incoming = self.sides[name]
        return LOCAL if local.radio.isChecked() else INCOMING

    def choices(self) -> dict[str, str]:
        """Every differing field -> the side kept."""
        return {r.field: self.choice(r.field) for r in self.rows}

    def choose(self, name: str, side: str) -> None:
        local, incoming = self.sides[name]
        (local if side == LOCAL else incoming).radio.setChecked(True)

    def choose_all(self, side: str) -> None:
        for r in self.rows:
            self.choose(r.field, side)

    def first_choice(self) -> QRadioButton | None:
        """The first field's chosen button (where the keyboard starts)."""
        if not self.rows:
            return None
        local, incoming = self.sides[self.rows[0].field]
        return local.radio if local.radio.isChecked() else incoming.radio
