"""The tick list of the record forms: several codes from a reference list.

Contract: :class:`CodeChecklist` has the inputs' interface of :mod:`tipdesk.ui.widgets.fields`
(``value()``: the ticked codes, those the record had first in its order, then new ones;
``set_value``, ``state()``, ``sig_edited`` for ticks the officer makes or
:meth:`~CodeChecklist.set_checked` makes for them). A stored code that is not in the list is
kept, shown as the code itself and ticked. Space ticks the highlighted line; long lists get a
filter line on top; a line under the box names what is ticked, so ticks scrolled or filtered
out of view are still seen.

The lines live in a small model of plain Python data (:class:`TickModel`), not in one Qt item
per line: Qt asks only for the few lines it shows, so a list of 250 countries costs next to
nothing to make when an editor opens, where one item per line took milliseconds per list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The role holding a line's code (as the other coded inputs keep theirs)."""

# Roles as plain numbers: Qt passes them so, and the model answers for every line painted.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_CODE = int(CODE_ROLE)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("fields", text)


def _is_checked(value: Any) -> bool:
    """A check state as Qt hands it to ``setData`` (the enum or its number)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class TickModel(QAbstractListModel):
    """``(code, name)`` lines, each with a tick box; :attr:`ticked` holds the ticked codes."""

    def __init__(self, pairs: Iterable[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[tuple[str, str]] = list(pairs)
        self.ticked: set[str] = set()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.pairs)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        row = index.row()
        if not 0 <= row < len(self.pairs):
            return None
        code, name = self.pairs[row]
        if role == _DISPLAY:
            return name
        if role == _CHECK:
            return Qt.CheckState.Checked if code in self.ticked else Qt.CheckState.Unchecked
        if role == _CODE:
            return code
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: AnyIndex, value: Any, role: int = _CHECK) -> bool:
        """A tick toggled from the view (Space, a click)."""
        row = index.row()
        if role != _CHECK or not 0 <= row < len(self.pairs):
            return False
        self.set_ticked(self.pairs[row][0], _is_checked(value))
        return True

    def set_ticked(self, code: str, ticked: bool) -> None:
        """Tick or untick every line of ``code`` (``dataChanged`` for each line changed)."""
        if (code in self.ticked) == ticked:
            return
        if ticked:
            self.ticked.add(code)
        else:
            self.ticked.discard(code)
        for row, (line_code, _name) in enumerate(self.pairs):
            if line_code == code:
                index = self.index(row)
                self.dataChanged.emit(index, index, [_CHECK])

    def reset_ticks(self, codes: Sequence[str]) -> None:
        """Tick exactly ``codes``, adding a line for each code the list lacks (shown as the
        code itself), at the end."""
        known = {code for code, _name in self.pairs}
        new = [c for c in dict.fromkeys(codes) if c not in known]
        if new:
            first = len(self.pairs)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.pairs += [(c, c) for c in new]
            self.endInsertRows()
        self.ticked = set(codes)
        if self.pairs:
            self.dataChanged.emit(self.index(0), self.index(len(self.pairs) - 1), [_CHECK])

    def checked(self) -> list[str]:
        """The ticked codes in the list's order."""
        return [code for code, _name in self.pairs if code in self.ticked]

    def names_checked(self) -> list[str]:
        return [name for code, name in self.pairs if code in self.ticked]


class CodeChecklist(QWidget):
    """Several codes from a list, as a box of ticks (see the module contract)."""

    sig_edited = Signal()

    def __init__(
        self,
        items: Iterable[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        rows: int = 5,
        filterable: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = TickModel(items, self)
        count = self.model.rowCount()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        if filterable is None:
            filterable = count > 20
        self.filter: QLineEdit | None = None
        if filterable:
            self.filter = QLineEdit(self)
            self.filter.setPlaceholderText(_tr("Type to filter the list"))
            self.filter.setClearButtonEnabled(True)
            self.filter.textChanged.connect(self._apply_filter)
            layout.addWidget(self.filter)
        self.list = QListView(self)
        self.list.setUniformItemSizes(True)
        self.list.setModel(self.model)
        line = self.list.sizeHintForRow(0) if count else 20
        self.list.setFixedHeight(max(line, 20) * min(rows, max(count, 2)) + 8)
        self.model.dataChanged.connect(self._on_ticks_changed)
        layout.addWidget(self.list)
        self.ticked = QLabel(self)
        self.ticked.setObjectName("tickedSummary")
        self.ticked.setProperty("role", "hint")
        self.ticked.setWordWrap(True)
        self.ticked.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.ticked)
        self.setFocusProxy(self.filter or self.list)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # for a label's mnemonic (DateField)
        self._initial: list[str] = []
        self._loading = False
        self._show_ticked()

    def codes(self) -> list[str]:
        """Every line's code, in the list's order."""
        return [code for code, _name in self.model.pairs]

    def _on_ticks_changed(self, *_args: Any) -> None:
        if not self._loading:
            self._show_ticked()
            self.sig_edited.emit()

    def _show_ticked(self) -> None:
        names = self.model.names_checked()
        self.ticked.setText(
            _tr("Ticked: {names}").format(names=", ".join(names)) if names else _tr("None ticked")
        )

    def _apply_filter(self, text: str) -> None:
        key = text.strip().casefold()
        for row, (_code, name) in enumerate(self.model.pairs):
            self.list.setRowHidden(row, bool(key) and key not in name.casefold())

    def checked(self) -> list[str]:
        return self.model.checked()

    def value(self) -> list[str]:
        """Codes ticked: those the record had first, in its order, then new ones."""
        ticked = set(self.checked())
        kept = [c for c in self._initial if c in ticked]
        return kept + [c for c in self.checked() if c not in kept]

    def set_value(self, value: Sequence[str] | None) -> None:
        codes = list(value or [])
        self._loading = True
        try:
            self.model.reset_ticks(codes)
        finally:
            self._loading = False
        self._initial = codes
        self._show_ticked()

    def set_checked(self, code: str, checked: bool = True) -> None:
        """Tick (or untick) ``code`` as the officer would (``sig_edited`` follows)."""
        if code in self.codes():
            self.model.set_ticked(code, checked)

    def state(self) -> Any:
        return sorted(self.checked())
