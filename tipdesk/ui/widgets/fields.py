"""Form inputs for the record editors: each holds one record field's value.

Every input here has ``value()`` (the field's value as the record stores it: codes, dates,
numbers), ``set_value(value)``, ``state()`` (what is on screen, raw: used to tell whether the
form has unsaved changes, and never fails) and a ``sig_edited`` signal for changes the user
makes. Inputs whose text may not parse (dates, numbers) also have ``parse_problem()``: a
sentence for the officer, or ``""``.

:class:`FieldBox` wraps an input with the message line shown under it when validation names
that field, and draws the red frame around it.

Coded fields show the reference lists' display names and store codes. A stored code that is
not in the list (an old or imported record) is kept and shown as the code itself, so opening
and saving a record never changes it behind the officer's back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import (
    Appeal,
    ArrestStatus,
    CaseKind,
    Gender,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.ui.widgets.checklist import CodeChecklist as CodeChecklist

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("fields", text)


# --- labels of the fixed code lists (enums) ---------------------------------------------------


_LABELS: dict[type[StrEnum], dict[str, str]] = {}


def enum_labels() -> dict[type[StrEnum], dict[str, str]]:
    """Display names of the enum code lists, translated (once: lists format thousands of
    cells with them)."""
    if not _LABELS:
        _LABELS.update(_enum_labels())
    return _LABELS


def _enum_labels() -> dict[type[StrEnum], dict[str, str]]:
    return {
        Stage: {
            "registered": _tr("Registered"),
            "investigation": _tr("Investigation"),
            "challan": _tr("Challan submitted"),
            "trial": _tr("Trial"),
            "decided": _tr("Decided"),
            "closed": _tr("Closed"),
        },
        CaseKind: {"fir": _tr("FIR"), "enquiry": _tr("Enquiry")},
        Gender: {
            "female": _tr("Female"),
            "male": _tr("Male"),
            "transgender": _tr("Transgender"),
            "unknown": _tr("Not known"),
        },
        ArrestStatus: {
            "not_arrested": _tr("Not arrested"),
            "arrested": _tr("Arrested"),
            "bail": _tr("On bail"),
            "absconding": _tr("Absconding"),
            "proclaimed_offender": _tr("Proclaimed offender"),
        },
        Outcome: {
            "pending": _tr("Pending"),
            "convicted": _tr("Convicted"),
            "acquitted": _tr("Acquitted"),
            "discharged": _tr("Discharged"),
        },
        Appeal: {
            "none": _tr("No appeal"),
            "filed": _tr("Appeal filed"),
            "upheld": _tr("Appeal: conviction upheld"),
            "overturned": _tr("Appeal: conviction overturned"),
        },
        ReferralOutcome: {
            "pending": _tr("Pending"),
            "provided": _tr("Service provided"),
            "declined": _tr("Declined by the victim"),
            "not_available": _tr("Service not available"),
        },
    }


def enum_label(value: StrEnum | str, enum: type[StrEnum]) -> str:
    text = str(value.value if isinstance(value, StrEnum) else value)
    return enum_labels()[enum].get(text, text)


# --- the frame with its message -----------------------------------------------------------------

# The red frame of an input with a problem is drawn by the app's style sheet
# (``QFrame#fieldFrame[problem="true"]`` in :mod:`tipdesk.ui.style`): one style sheet per
# input made each form's inputs cost several milliseconds apiece to build.


class FieldBox(QWidget):
    """One input, its red frame and the message line under it."""

    def __init__(self, editor: QWidget, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.frame = QFrame(self)
        self.frame.setObjectName("fieldFrame")
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(2, 2, 2, 2)
        inner.addWidget(editor)
        layout.addWidget(self.frame)
        limit = editor.maximumWidth()
        if limit < 10_000:  # a short input (date, number): the frame hugs it
            self.frame.setMaximumWidth(limit + 4)
        self._layout = layout
        self._message: QLabel | None = None  # made with the first problem: forms build faster
        self.problems: list[str] = []
        edited = getattr(editor, "sig_edited", None)
        if edited is not None:
            edited.connect(self.clear_problems)

    @property
    def message(self) -> QLabel:
        """The line under the input that shows its problems (hidden without any)."""
        if self._message is None:
            self._message = QLabel(self)
            self._message.setObjectName("fieldProblem")
            self._message.setProperty("role", "error")
            self._message.setWordWrap(True)
            self._message.setVisible(False)
            self._message.setTextFormat(Qt.TextFormat.PlainText)
            self._layout.addWidget(self._message)
        return self._message

    def set_problems(self, messages: Sequence[str]) -> None:
        """Show ``messages`` under the input and frame it in red (empty: clear)."""
        self.problems = list(messages)
        text = "\n".join(_sentence(m) for m in self.problems)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.frame.setProperty("problem", bool(text))
        self.frame.style().unpolish(self.frame)
        self.frame.style().polish(self.frame)
        self.editor.setAccessibleDescription(text)

    def add_problem(self, message: str) -> None:
        self.set_problems([*self.problems, message])

    def clear_problems(self) -> None:
        if self.problems:
            self.set_problems([])

    @property
    def has_problem(self) -> bool:
        return bool(self.problems)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


# --- inputs -------------------------------------------------------------------------------------


class TextField(QLineEdit):
    """One line of text. :meth:`set_limit` caps what can be typed (the record's text limit);
    a stored value longer than that (written before the limit) is still shown whole, so
    opening and saving never cuts it: the save names the problem instead."""

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._limit = self.maxLength()  # Qt's default: 32767
        self.textEdited.connect(lambda _t: self.sig_edited.emit())

    def set_limit(self, limit: int) -> None:
        """At most ``limit`` characters can be typed (Qt counts UTF-16 units: a character
        outside the basic plane counts twice, which only stops typing a little earlier)."""
        self._limit = limit
        self.setMaxLength(max(limit, len(self.text())))

    def _show(self, text: str) -> None:
        # QLineEdit cuts text longer than its maxLength: never a stored value.
        self.setMaxLength(max(self._limit, len(text)))
        self.setText(text)
        self.setCursorPosition(0)

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: str | None) -> None:
        self._show(value or "")

    def state(self) -> Any:
        return self.text()


class CnicField(TextField):
    """A CNIC: shown as ``#####-#######-#``; stored as 13 digits (the services normalise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, placeholder="#####-#######-#")

    def set_value(self, value: str | None) -> None:
        text = value or ""
        if len(text) == 13 and text.isdigit():
            text = f"{text[:5]}-{text[5:12]}-{text[12]}"
        super().set_value(text)


class ListTextField(TextField):
    """A list of short texts typed with commas between them (sections, e.g. ``3, 4``)."""

    # A list where TextField gives a str: the forms read each input by its own type.
    def value(self) -> list[str]:  # type: ignore[override]
        return [p.strip() for p in self.text().split(",") if p.strip()]

    def set_value(self, value: Sequence[str] | None) -> None:
        self._show(", ".join(value or []))


class LinesField(QPlainTextEdit):
    """A list of texts, one per line (a training's roster)."""

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self.sig_edited.emit)

    def value(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Sequence[str] | None) -> None:
        self.setPlainText("\n".join(value or []))

    def state(self) -> Any:
        return self.toPlainText()


class NoteField(QPlainTextEdit):
    """Free text over several lines (narrative, notes). Tab moves on to the next field."""

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 16)
        self.textChanged.connect(self.sig_edited.emit)

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, value: str | None) -> None:
        self.setPlainText(value or "")

    def state(self) -> Any:
        return self.toPlainText()


_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"),
)


def parse_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also with ``-`` or ``.``); ``None`` if not a date.

    Raises ``ValueError`` for text that is not a real date."""
    text = text.strip()
    if not text:
        return None
    for pattern in _DATE_FORMATS:
        m = pattern.match(text)
        if m:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    raise ValueError(text)


class DateField(QWidget):
    """A date typed as ``YYYY-MM-DD`` or ``DD/MM/YYYY``, or picked from a calendar; may be
    empty."""

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(_tr("YYYY-MM-DD"))
        self.line.setMaxLength(10)
        self.line.textEdited.connect(lambda _t: self.sig_edited.emit())
        self.line.setToolTip(_tr("Type the date, or press Alt+Down (or F4) for a calendar"))
        self.line.installEventFilter(self)
        row.addWidget(self.line, 1)
        # Out of the Tab order (one Tab per date would be one key more for every date of a
        # case); the keyboard opens the calendar from the date itself, as with a drop-down
        # list: Alt+Down or F4.
        self.pick = QToolButton(self)
        self.pick.setText("…")
        self.pick.setToolTip(_tr("Pick the date from a calendar (Alt+Down or F4)"))
        self.pick.setAccessibleName(_tr("Pick the date from a calendar"))
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pick.clicked.connect(self._open_calendar)
        row.addWidget(self.pick)
        self.setFocusProxy(self.line)
        # A label's mnemonic (Alt+R) focuses its input only if the input takes the focus; Tab
        # skips a widget with a focus proxy, so this adds no Tab stop.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._calendar: QCalendarWidget | None = None
        self.setMaximumWidth(190)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Down or F4 in the date opens the calendar (the keys of a drop-down list)."""
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and bool(
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self._open_calendar()
                return True
        return super().eventFilter(watched, event)

    def value(self) -> dt.date | None:
        try:
            return parse_date(self.line.text())
        except ValueError:
            return None

    def parse_problem(self) -> str:
        try:
            parse_date(self.line.text())
        except ValueError:
            return _tr("is not a date: write it as YYYY-MM-DD (or DD/MM/YYYY)")
        return ""

    def set_value(self, value: dt.date | None) -> None:
        self.line.setText(value.isoformat() if value else "")

    def state(self) -> Any:
        return self.line.text().strip()

    def _open_calendar(self) -> None:
        cal = QCalendarWidget()
        cal.setWindowFlags(Qt.WindowType.Popup)
        cal.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        cal.setGridVisible(True)
        current = self.value()
        if current is not None:
            cal.setSelectedDate(QDate(current.year, current.month, current.day))
        cal.clicked.connect(self._on_picked)
        cal.activated.connect(self._on_picked)
        below = self.mapToGlobal(QPoint(0, self.height()))
        cal.move(below)
        cal.show()
        cal.setFocus()
        self._calendar = cal

    def _on_picked(self, date: QDate) -> None:
        self.line.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        self.sig_edited.emit()
        if self._calendar is not None:
            self._calendar.close()
            self._calendar = None
        self.line.setFocus()


class IntField(QLineEdit):
    """A whole number (0 or more) that may be left empty. Commas between thousands are fine."""

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setMaximumWidth(190)
        self.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.textEdited.connect(lambda _t: self.sig_edited.emit())

    def _digits(self) -> str:
        return self.text().replace(",", "").replace(" ", "").strip()

    def value(self) -> int | None:
        text = self._digits()
        return int(text) if text.isdigit() else None

    def parse_problem(self) -> str:
        text = self._digits()
        if text and not text.isdigit():
            return _tr("is not a whole number: write digits only, e.g. 24")
        return ""

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else f"{value:,}")
        self.setCursorPosition(0)

    def state(self) -> Any:
        return self.text().strip()


class CountField(QLineEdit):
    """A count that is never empty (participants, people reached): blank reads as 0."""

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(150)
        # A word, not "0": grey digits read as a value typed in.
        self.setPlaceholderText(_tr("none"))
        self.textEdited.connect(lambda _t: self.sig_edited.emit())

    def _digits(self) -> str:
        return self.text().replace(",", "").replace(" ", "").strip()

    def value(self) -> int:
        text = self._digits()
        return int(text) if text.isdigit() else 0

    def parse_problem(self) -> str:
        text = self._digits()
        if text and not text.isdigit():
            return _tr("is not a whole number: write digits only, e.g. 24")
        return ""

    def set_value(self, value: int | None) -> None:
        self.setText(f"{int(value or 0):,}" if value else "")
        self.setCursorPosition(0)

    def setValue(self, value: int) -> None:
        self.set_value(value)
        self.sig_edited.emit()

    def state(self) -> Any:
        return self.value() if not self.parse_problem() else self.text()


class CheckField(QCheckBox):
    sig_edited = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(lambda _b: self.sig_edited.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool | None) -> None:
        self.setChecked(bool(value))

    def state(self) -> Any:
        return self.isChecked()


class Suggestions(QCompleter):
    """A completer whose open list lets shortcuts through: Alt+letter to another input,
    Ctrl+S... close the list and reach the window, as they would without it (an open popup
    keeps shortcuts from the window otherwise). Its list is made only when first shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            chord = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
            widget = self.widget()
            popup = self.popup()
            if event.modifiers() & chord and widget is not None and watched is popup:
                popup.hide()
                again = QKeyEvent(
                    QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text()
                )
                QCoreApplication.postEvent(widget, again)
                return True
        return super().eventFilter(watched, event)


class CodeCombo(QComboBox):
    """One code from a list, shown by its display name. Long lists can be searched by typing.

    ``items`` are ``(code, display name)`` pairs in display order; ``blank`` adds an empty
    first entry (the field is optional or not chosen yet)."""

    sig_edited = Signal()

    def __init__(
        self,
        items: Iterable[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        blank: str | None = "",
        searchable: bool | None = None,
        shared: bool = False,
    ) -> None:
        super().__init__(parent)
        pairs = list(items)
        self._shared = shared
        if shared:
            # Long lists (countries, districts) in every accused's and victim's form: one
            # model for all of them, built once (each combo keeps its own choice).
            self.setModel(shared_model(pairs, blank))
        else:
            if blank is not None:
                self.addItem(blank, "")
            for code, name in pairs:
                self.addItem(name, code)
        self.setMaxVisibleItems(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if searchable is None:
            searchable = len(pairs) > 20
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = Suggestions(self.model(), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCompleter(completer)
            line = self.lineEdit()
            if line is not None:  # an editable combo always has one
                line.textEdited.connect(lambda _t: self.sig_edited.emit())
        self.activated.connect(lambda _i: self.sig_edited.emit())
        # The whole name, also when the box is too narrow for it.
        self.currentTextChanged.connect(self.setToolTip)

    def set_items(self, items: Iterable[tuple[str, str]], *, blank: str | None = "") -> None:
        """Replace the choices, keeping the current value."""
        current = self.value()
        self._own_model()
        self.blockSignals(True)
        try:
            self.clear()
            if blank is not None:
                self.addItem(blank, "")
            for code, name in items:
                self.addItem(name, code)
            self.set_value(current)
        finally:
            self.blockSignals(False)

    def value(self) -> str:
        index = self.currentIndex()
        if self.isEditable():
            text = self.currentText().strip()
            if index >= 0 and self.itemText(index) == self.currentText():
                return str(self.itemData(index) or "")
            found = self.findText(text, Qt.MatchFlag.MatchFixedString)
            if found >= 0:
                return str(self.itemData(found) or "")
            return text  # not in the list: validation names it
        return str(self.itemData(index) or "") if index >= 0 else ""

    def _own_model(self) -> None:
        """Copy a shared model before changing it (an unknown code is added to one combo)."""
        if not self._shared:
            return
        shared = self.model()
        own = QStandardItemModel(self)
        for row in range(shared.rowCount()):
            item = QStandardItem(str(shared.index(row, 0).data() or ""))
            item.setData(shared.index(row, 0).data(Qt.ItemDataRole.UserRole), _DATA_ROLE)
            own.appendRow(item)
        self._shared = False
        current = self.currentIndex()
        self.setModel(own)
        completer = self.completer()
        if completer is not None:
            completer.setModel(own)
        self.setCurrentIndex(current)

    def set_value(self, value: str | None) -> None:
        code = value or ""
        index = self.findData(code)
        if index < 0:
            self._own_model()
            self.addItem(code, code)  # unknown code: keep it visible and unchanged
            index = self.count() - 1
        self.setCurrentIndex(index)
        line = self.lineEdit()  # None unless the combo is editable
        if line is not None:
            self.setEditText(self.itemText(index))
            line.setCursorPosition(0)

    def state(self) -> Any:
        return self.value()


_DATA_ROLE = Qt.ItemDataRole.UserRole  # where QComboBox.addItem keeps an item's data
_SHARED: dict[tuple[tuple[tuple[str, str], ...], str | None], QStandardItemModel] = {}


def shared_model(pairs: Sequence[tuple[str, str]], blank: str | None) -> QStandardItemModel:
    """One item model per list of ``(code, name)`` (and blank entry), for combos that show
    the same long list. Kept for the life of the app (combos hold them; a reference update
    adds a list or two)."""
    key = (tuple(pairs), blank)
    model = _SHARED.get(key)
    if model is None:
        model = QStandardItemModel()
        rows = [("", blank)] if blank is not None else []
        for code, name in [*rows, *pairs]:
            item = QStandardItem(name)
            item.setData(code, _DATA_ROLE)
            model.appendRow(item)
        _SHARED[key] = model
    return model


class EnumCombo(CodeCombo):
    """One value of a fixed code list (an enum), shown by its translated label."""

    def __init__(self, enum: type[StrEnum], parent: QWidget | None = None) -> None:
        labels = enum_labels()[enum]
        super().__init__(((m.value, labels[m.value]) for m in enum), parent, blank=None)
        self._enum = enum

    def value(self) -> Any:  # the enum member
        return self._enum(super().value())

    def set_value(self, value: Any) -> None:
        super().set_value(str(value.value if isinstance(value, StrEnum) else value))

    def state(self) -> Any:
        return str(super().value())


def reference_items(reference: Any, list_name: str) -> list[tuple[str, str]]:
    """``(code, name)`` pairs of a reference list, in the list's own order."""
    return [(code, item.name) for code, item in reference.items(list_name).items()]


def district_items(reference: Any) -> list[tuple[str, str]]:
    """``(code, "District (Province)")`` for every district, by name."""
    out = []
    for d in sorted(reference.districts.values(), key=lambda d: d.name):
        province = reference.provinces.get(d.province)
        out.append((d.code, f"{d.name} ({province.name})" if province else d.name))
    return out


def country_items(reference: Any) -> list[tuple[str, str]]:
    """Countries by name, Pakistan first (the common case)."""
    items = sorted(reference_items(reference, "countries"), key=lambda p: p[1])
    pk = [p for p in items if p[0] == "PK"]
    return pk + [p for p in items if p[0] != "PK"]
