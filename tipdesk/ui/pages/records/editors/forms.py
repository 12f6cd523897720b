"""Forms bound to records, child tables inside them, and where validation problems go.

Contract:
- A :class:`RecordForm` edits one record: ``load(record)`` fills its inputs, ``build()`` returns
  a new record (the loaded one's bookkeeping kept, the inputs' values applied, children built
  by their sections) together with the problems found before validation (text that is not a
  date or a number), ``state()`` is what is on screen (for unsaved-change checks).
- A :class:`ChildListSection` edits a list of child records (a case's accused or victims, a
  victim's referrals): a table summing them up and one form per child, shown for the selected
  row. Each child keeps its own form, so unsaved input and problems stay with the right person.
  Loading the same number of children again (the record read back after a save) refills the
  forms in place: the focus, the selection and what is scrolled into view stay.
  ``load(..., later=True)`` (a record being opened) leaves the children's forms to be built
  after the editor has painted (:meth:`RecordForm.start_loading`), one per turn of the event
  loop (:attr:`ChildListSection.sig_child_loaded` for each, :attr:`loading` meanwhile);
  :meth:`finish_loading` builds what is left at once (before a save or a check). Tab leaves
  the table; arrows move between its rows. ``shortcut`` (e.g. Ctrl+Shift+A) adds a child
  from anywhere in the editor holding the section.
- :meth:`RecordForm.route` takes a problem path from the core's validation
  (``accused[2].imprisonment_months``, ``victims[0].referrals[1].referred_on``,
  ``participants_by_agency.fia``) and shows the message under the input it names, returning
  the labels that name the place for the summary and the widget to bring into view.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import Problem
from tipdesk.core.limits import input_length
from tipdesk.core.records import Meta
from tipdesk.ui.widgets.common import Banner
from tipdesk.ui.widgets.fields import FieldBox, TextField
from tipdesk.ui.widgets.text_table import TextTableModel

_SEGMENT = re.compile(r"^(?P<name>[^.\[]+)(?:\[(?P<index>\d+)\])?$")

Segments = list[tuple[str, int | None]]
Routed = tuple[list[str], QWidget]


def parse_path(path: str) -> Segments:
    """``accused[2].imprisonment_months`` -> ``[("accused", 2), ("imprisonment_months", None)]``.
    A leading ``[i].`` (several records saved together) is dropped."""
    path = re.sub(r"^\[\d+\]\.?", "", path)
    out: Segments = []
    for part in path.split("."):
        if not part:
            continue
        m = _SEGMENT.match(part)
        if m is None:
            out.append((part, None))
        else:
            out.append((m["name"], int(m["index"]) if m["index"] is not None else None))
    return out


_LINE: list[int] = []


def _line_height() -> int:
    if not _LINE:
        _LINE.append(QLineEdit().sizeHint().height())
    return _LINE[0]


def new_form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    form.setFormAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(6)
    return form


class _Parts(dict[str, Any]):
    """A form's fields or sections by name; asking for one of a part not built yet builds the
    part first (see :meth:`RecordForm.add_part`). Iterating lists the built ones only."""

    def __init__(self, build: Callable[[str], bool]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> Any:
        if self._build(name) and dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        raise KeyError(name)


class RecordForm(QWidget):
    """Inputs for one record (see the module contract). Subclasses add fields in
    ``__init__`` with :meth:`add_field` and sections with :meth:`add_section`; parts not
    shown at first (a case's other tabs) with :meth:`add_part`, built after the first paint
    or when first needed."""

    sig_edited = Signal()
    """The officer changed something in this form (or in a child's form)."""
    sig_part_built = Signal(object)
    """A part was built and filled from the record: the names of its fields and sections."""

    record_type: type[Meta] = Meta

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, FieldBox] = _Parts(self._build_part_of)
        self.captions: dict[str, QLabel] = {}
        self.sections: dict[str, ChildListSection] = _Parts(self._build_part_of)
        self._parts: dict[str, Callable[[], None]] = {}  # parts not built yet, by key
        self._part_of: dict[str, str] = {}  # field or section name -> its part's key
        self._later = False  # the record is being opened: children after the first paint
        self._next_part = QTimer(self)
        self._next_part.setSingleShot(True)
        self._next_part.setInterval(0)
        self._next_part.timeout.connect(self._build_next_part)
        self.record: Any = self.record_type()
        self.banner = Banner("error", "")
        self.banner.setObjectName("recordProblems")

    # --- building the form ----------------------------------------------------------------------
    def add_field(
        self, layout: QFormLayout | None, name: str, label: str, editor: QWidget
    ) -> FieldBox:
        # "&Gender": Alt+G goes to the input (the caption's mnemonic); the label as read
        # elsewhere (problems, screen readers) is without the "&".
        # Made inside the layout's widget: moving a finished box into it costs more.
        holder = layout.parentWidget() if layout is not None else None
        box = FieldBox(editor, label.replace("&", "").rstrip(":"), holder)
        box.setObjectName(f"field_{name}")
        editor.setObjectName(name)
        editor.setAccessibleName(box.label)
        if isinstance(editor, TextField):
            limit = input_length(getattr(self.record_type, "KIND", ""), name)
            if limit is not None:
                editor.set_limit(limit)  # typing stops where a save would refuse the text
        self.fields[name] = box
        if layout is not None:
            caption = QLabel(label)
            caption.setBuddy(editor)
            self.captions[name] = caption
            # As tall as one line of input, so it sits level with the first line of any input.
            caption.setMinimumHeight(_line_height() + 4)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            layout.addRow(caption, box)
        # Every input of widgets/fields.py has sig_edited, value, set_value and state; QWidget,
        # the type the form holds them by, does not say so.
        editor.sig_edited.connect(self.sig_edited.emit)  # type: ignore[attr-defined]
        return box

    def add_section(self, name: str, section: ChildListSection) -> ChildListSection:
        self.sections[name] = section
        section.sig_edited.connect(self.sig_edited.emit)
        return section

    # --- parts built later ----------------------------------------------------------------------
    def add_part(self, key: str, names: Sequence[str], build: Callable[[], None]) -> None:
        """``build`` adds the fields and sections ``names`` (a tab not shown at first); it runs
        after the first paint (:meth:`start_loading`), when one of ``names`` is asked for, or
        through :meth:`build_part`. The record's values are filled in then."""
        self._parts[key] = build
        for name in names:
            self._part_of[name] = key

    def build_part(self, key: str) -> None:
        build = self._parts.pop(key, None)
        if build is None:
            return
        before = set(self.fields) | set(self.sections)
        build()
        new = [n for n in (*self.fields, *self.sections) if n not in before]
        for name in new:
            if name in dict.keys(self.fields) and hasattr(self.record, name):
                self.editor(name).set_value(getattr(self.record, name))
            elif name in dict.keys(self.sections):
                self.sections[name].load(list(getattr(self.record, name)), later=self._later)
                if self._later:
                    self.sections[name].start_loading()
        self.after_part(key)
        self.sig_part_built.emit(new)

    def _build_part_of(self, name: str) -> bool:
        key = self._part_of.get(name)
        if key is None or key not in self._parts:
            return False
        self.build_part(key)
        return True

    def after_part(self, key: str) -> None:
        """Hook: part ``key`` was built and filled."""

    def _build_next_part(self) -> None:
        """One part per turn of the event loop, then the children's forms."""
        if self._parts:
            self.build_part(next(iter(self._parts)))
            self._next_part.start()
            return
        for section in self.sections.values():
            section.start_loading()

    def editor(self, name: str) -> Any:
        """The input of field ``name``: a widget of :mod:`tipdesk.ui.widgets.fields` (typed
        ``Any``: each has its own ``value()`` type)."""
        return self.fields[name].editor

    # --- records --------------------------------------------------------------------------------
    def load(self, record: Any, *, later: bool = False) -> None:
        """Fill the inputs from ``record``; ``later``: the children's forms are built after
        the editor has painted (see :class:`ChildListSection`)."""
        self.record = record
        self._later = later
        for name in self.fields:
            if hasattr(record, name):
                self.editor(name).set_value(getattr(record, name))
        for name, section in self.sections.items():
            section.load(list(getattr(record, name)), later=later)
        self.after_load()

    @property
    def loading(self) -> bool:
        """Parts or children's forms are still to be built."""
        return bool(self._parts) or any(s.loading for s in self.sections.values())

    def finish_loading(self) -> None:
        """Build every part and child's form still waiting, now."""
        self._next_part.stop()
        while self._parts:
            self.build_part(next(iter(self._parts)))
        for section in self.sections.values():
            section.finish_loading()

    def start_loading(self) -> None:
        """Start building what waits (parts, then children's forms), one piece per turn of
        the event loop: after the first paint."""
        if not self._next_part.isActive():
            self._next_part.start()

    def after_load(self) -> None:
        """Hook: adjust the form after a record was loaded (enable fields...)."""

    def build(self) -> tuple[Any, list[Problem]]:
        """A new record with the form's values, and the input problems found on the way."""
        record = dataclasses.replace(self.record)
        problems: list[Problem] = []
        for name, box in self.fields.items():
            editor: Any = box.editor
            parse = getattr(editor, "parse_problem", None)
            problem = parse() if parse is not None else ""
            if problem:
                problems.append(Problem(name, "type", problem))
            if hasattr(record, name):
                setattr(record, name, editor.value())
        for name, section in self.sections.items():
            children, found = section.build()
            setattr(record, name, children)
            problems += [dataclasses.replace(p, field=f"{name}{p.field}") for p in found]
        self.before_build(record)
        return record, problems

    def before_build(self, record: Any) -> None:
        """Hook: final touches on a built record (values set by code, not inputs)."""

    def state(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: self.editor(name).state() for name in self.fields}
        for name, section in self.sections.items():
            out[name] = section.state()
        return out

    # --- problems -------------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for box in self.fields.values():
            box.clear_problems()
        for section in self.sections.values():
            section.clear_problems()
        self.banner.set_message("error", "")

    def add_record_problem(self, message: str) -> None:
        text = self.banner.text()
        line = message[:1].upper() + message[1:]
        self.banner.set_message("error", f"{text}\n{line}" if text else line)

    def route(self, segments: Segments, problem: Problem) -> Routed:
        """Show ``problem`` where ``segments`` point; return the labels naming that place and
        the widget to bring into view."""
        if not segments:
            self.add_record_problem(problem.message)
            return [], self.banner
        name, index = segments[0]
        if name in self.sections:
            section = self.sections[name]
            if index is None:
                section.add_problem(problem.message)
                return [section.title], section
            return section.route(index, segments[1:], problem)
        if name in self.fields:
            box = self.fields[name]
            box.add_problem(problem.message)
            return [box.label], box.editor
        self.add_record_problem(problem.message)
        return [], self.banner

    def label_for(self, segments: Segments) -> list[str]:
        """The labels naming a path without showing anything (the summary of a problem that
        has no input of its own)."""
        if not segments:
            return []
        name, index = segments[0]
        if name in self.sections:
            section = self.sections[name]
            if index is None:
                return [section.title]
            return section.labels_for(index, segments[1:])
        if name in self.fields:
            return [self.fields[name].label]
        return []

    def problem_count(self) -> int:
        n = sum(1 for box in self.fields.values() if box.has_problem)
        n += sum(s.problem_count() for s in self.sections.values())
        return n + (1 if self.banner.text() else 0)


class ChildListSection(QWidget):
    """A table of child records and, beside it, the selected child's form (``make_form(parent)``
    makes one inside ``parent``, where it is shown)."""

    sig_edited = Signal()
    sig_child_loaded = Signal(object)
    """A child's form was built by a deferred load (the form)."""
    sig_loaded = Signal()
    """A deferred load has built every child's form."""

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        summary: Callable[[Any], Sequence[str]],
        make_form: Callable[[QWidget], RecordForm],
        new_record: Callable[[], Any],
        *,
        add_text: str,
        remove_text: str,
        empty_text: str,
        item_label: Callable[[int, Any], str],
        confirm_remove: Callable[[Any], bool] | None = None,
        shortcut: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.shortcut = shortcut
        self.after_add: Callable[[RecordForm], None] | None = None
        """Hook: a child was added (the form is shown and has the focus)."""
        self._summary = summary
        self._make_form = make_form
        self._new_record = new_record
        self._item_label = item_label
        self._confirm_remove = confirm_remove
        self.forms: list[RecordForm] = []
        self._queue: list[Any] = []  # children waiting for their forms (a deferred load)
        # A timer, not QTimer.singleShot(0): that posts an event, handled before the paint the
        # editor's showing posted; a zero timer runs after the posted events (the paint).
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(0)
        self._next.timeout.connect(self._load_next)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.model = TextTableModel(headers, self)
        layout.addWidget(self._build_table(title))
        layout.addLayout(self._build_buttons(add_text, remove_text))
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.stack = QStackedWidget(self)
        self.empty = QLabel(empty_text)
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        self.stack.currentChanged.connect(self._on_stack_changed)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    def _build_table(self, title: str) -> QTableView:
        """The children's summaries, one row each (as tall as its rows: see _fit_height)."""
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # Tab and Shift+Tab leave the table (to the buttons, the form); arrows move inside.
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.model.rowsInserted.connect(self._fit_height)
        self.model.rowsRemoved.connect(self._fit_height)
        self.model.modelReset.connect(self._fit_height)
        self.table.setAccessibleName(title)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        return self.table

    def _build_buttons(self, add_text: str, remove_text: str) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("addChildButton")
        self.add_button.clicked.connect(self.add)
        if self.shortcut:
            key = QKeySequence(self.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            self.add_button.setToolTip(f"{add_text} ({key})")
        self.remove_button = QPushButton(remove_text)
        self.remove_button.setProperty("danger", True)
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        return buttons

    def _fit_height(self) -> None:
        """As tall as its rows (2 to 6 rows shown; more scroll)."""
        rows = min(max(self.model.rowCount(), 2), 6)
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows * row + 2 * self.table.frameWidth() + 2)

    # --- records --------------------------------------------------------------------------------
    def load(self, records: Sequence[Any], *, later: bool = False) -> None:
        self._queue = []
        self._next.stop()
        if records and len(records) == len(self.forms):
            # The same children read back (after a save): refill the forms in place.
            for i, (form, record) in enumerate(zip(self.forms, records, strict=True)):
                form.load(record)
                self.model.update_row(i, self._summary(form))
            self._update_buttons()
            return
        for form in self.forms:
            self.stack.removeWidget(form)
            form.deleteLater()
        self.forms = []
        self.model.set_rows([])
        if later and records:
            self._queue = list(records)
            self.select(-1)
            return  # the editor calls start_loading once it has painted
        for record in records:
            self._append(record)
        self.select(0 if self.forms else -1)
        self._update_buttons()

    @property
    def loading(self) -> bool:
        return bool(self._queue)

    def start_loading(self) -> None:
        """Build the waiting children's forms, one per turn of the event loop."""
        if self._queue and not self._next.isActive():
            self._next.start()

    def _load_next(self) -> None:
        """One child's form of a deferred load (then the next, at the next turn)."""
        self._next.stop()
        if not self._queue:
            return
        form = self._append(self._queue.pop(0))
        if len(self.forms) == 1:
            self.select(0)
        self.sig_child_loaded.emit(form)
        if self._queue:
            self._next.start()
        else:
            self._update_buttons()
            self.sig_loaded.emit()

    def finish_loading(self) -> None:
        while self._queue:
            self._load_next()

    def _append(self, record: Any) -> RecordForm:
        # Made inside the stack that shows it: moving a built form there would restyle it.
        form = self._make_form(self.stack)
        form.load(record)
        self.forms.append(form)
        self.stack.addWidget(form)
        self.model.append_row(self._summary(form))
        form.sig_edited.connect(lambda f=form: self._on_form_edited(f))
        return form

    def refresh_rows(self) -> None:
        for i, form in enumerate(self.forms):
            self.model.update_row(i, self._summary(form))

    def build(self) -> tuple[list[Any], list[Problem]]:
        self.refresh_rows()
        records: list[Any] = []
        problems: list[Problem] = []
        for i, form in enumerate(self.forms):
            record, found = form.build()
            records.append(record)
            problems += [dataclasses.replace(p, field=f"[{i}].{p.field}") for p in found]
        return records, problems

    def state(self) -> list[Any]:
        return [form.state() for form in self.forms]

    # --- the officer's actions ------------------------------------------------------------------
    def add(self) -> RecordForm:
        self.finish_loading()
        form = self._append(self._new_record())
        self.select(len(self.forms) - 1)
        self._update_buttons()
        first = next(iter(form.fields.values()), None)
        if first is not None:
            reveal_widget(first.editor)
        if self.after_add is not None:
            self.after_add(form)
        self.sig_edited.emit()
        return form

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        form = self.forms[row]
        stored = bool(getattr(form.record, "id", ""))
        if stored and self._confirm_remove is not None and not self._confirm_remove(form.record):
            return
        del self.forms[row]
        self.stack.removeWidget(form)
        form.deleteLater()
        self.model.remove_row(row)
        self.select(min(row, len(self.forms) - 1))
        self._update_buttons()
        self.sig_edited.emit()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select(self, row: int) -> None:
        if 0 <= row < len(self.forms):
            self.table.selectRow(row)
            self.stack.setCurrentWidget(self.forms[row])
        else:
            self.table.clearSelection()
            self.stack.setCurrentWidget(self.empty)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.current_row()
        if 0 <= row < len(self.forms):
            self.stack.setCurrentWidget(self.forms[row])
        self._update_buttons()

    def _on_stack_changed(self, index: int) -> None:
        # Bringing a form into view (from the problem summary) selects its row too.
        row = index - 1
        if 0 <= row < len(self.forms) and self.current_row() != row:
            self.table.selectRow(row)

    def _on_form_edited(self, form: RecordForm) -> None:
        if form in self.forms:
            row = self.forms.index(form)
            self.model.update_row(row, self._summary(form))
        self.sig_edited.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.current_row() >= 0)

    def set_editable(self, editable: bool) -> None:
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)

    # --- problems -------------------------------------------------------------------------------
    def clear_problems(self) -> None:
        self.message.setVisible(False)
        self.message.setText("")
        self.model.clear_problems()
        for form in self.forms:
            form.clear_problems()

    def add_problem(self, message: str) -> None:
        text = message[:1].upper() + message[1:]
        old = self.message.text()
        self.message.setText(f"{old}\n{text}" if old else text)
        self.message.setVisible(True)

    def route(self, index: int, rest: Segments, problem: Problem) -> Routed:
        if not 0 <= index < len(self.forms):
            self.add_problem(problem.message)
            return [self.title], self
        form = self.forms[index]
        labels, widget = form.route(rest, problem)
        self.model.set_problem(index, problem.message[:1].upper() + problem.message[1:])
        return [self._item_label(index, form), *labels], widget

    def labels_for(self, index: int, rest: Segments) -> list[str]:
        if not 0 <= index < len(self.forms):
            return [self.title]
        form = self.forms[index]
        return [self._item_label(index, form), *form.label_for(rest)]

    def problem_count(self) -> int:
        n = 1 if self.message.isVisible() else 0
        return n + sum(form.problem_count() for form in self.forms)


def reveal_widget(widget: QWidget) -> None:
    """Bring ``widget`` into view: switch the tabs and stacks holding it, scroll to it and put
    the focus in it."""
    child: QWidget = widget
    parent = widget.parentWidget()
    scrolls: list[QScrollArea] = []
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            holder = parent.parentWidget()
            if isinstance(holder, QTabWidget):
                holder.setCurrentIndex(parent.indexOf(child))
            else:
                parent.setCurrentWidget(child)
        elif isinstance(parent, QScrollArea):
            scrolls.append(parent)
        child = parent
        parent = parent.parentWidget()
    for area in scrolls:
        area.ensureWidgetVisible(widget, 20, 40)
    target = widget.focusProxy() or widget
    if target.focusPolicy() != Qt.FocusPolicy.NoFocus:
        target.setFocus(Qt.FocusReason.OtherFocusReason)
