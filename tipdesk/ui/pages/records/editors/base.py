"""The editor frame every record editor shares: load, save, problems, unsaved changes, keys.

Contract:
- An editor edits one record (an id to load, or a new record). It reaches the store only
  through the context's runner: ``services.records.get`` to load, ``services.records.save_one``
  then ``get`` to save (so the editor shows what was stored, versions and masks included).
- Save shows EVERY problem at once: input that is not a date or a number is found here; the
  rest come from the services' validation (run through the runner even when some input could
  not be read, via ``services.records.check``, so the officer sees everything in one go). Each
  problem appears under the input its path names, with a red frame, and in the summary at the
  top, where a click brings that input into view. Nothing is saved until validation passes.
- Once problems are shown, every edit validates again (the same check, through the runner;
  one at a time, the last edit's state winning): a problem the officer fixed leaves its input,
  the summary (its count) and the tab titles at once. Problems of inputs that showed none stay
  for the next save, so typing into a fresh input never turns it red under the officer's
  fingers. The check costs a few milliseconds for a full case (``bench/gui_case_open.py``).
- Saving keeps the focus where it was (the same input of the record read back), so Esc and
  Ctrl+S keep working from the keyboard.
- Warnings (``services.records.warnings``: e.g. TIP Act s.3(2) charged with no woman or child
  among the victims) never stop a save: after it, they are listed in the summary ("Saved.
  Please check"), each a link to its input, without marking the inputs as wrong.
- ``has_unsaved_changes()`` compares what is on screen with what was loaded. Closing (Esc, the
  tab's close button, the page's ``confirm_close``) asks Save / Discard / Cancel when there are
  unsaved changes.
- ``lock()`` / ``unlock()`` keep every input as it is (the app hides the window meanwhile);
  editors that revealed a victim's identity mask it again on lock.
- Ctrl+S saves, Esc closes (asking first when needed), Ctrl+H shows the record's history
  (:mod:`~tipdesk.ui.pages.records.editors.history`), from which an earlier version can be
  restored; the editor then reads the record back.
- Opening a record paints first and builds the rest after: the record's own inputs are
  filled at once, its children's forms (a case's accused and victims) one per turn of the
  event loop (:attr:`fully_loaded` tells when all are). Saving or checking first builds what
  is left, so nothing waits on the officer's side.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from tipdesk.core.errors import KnownError, Problem, ValidationFailed
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Record
from tipdesk.services import editing
from tipdesk.services import records as record_service
from tipdesk.services.session import Session
from tipdesk.ui.errors import known_error_text, problem_text, said_text
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.dialogs import ReasonDialog
from tipdesk.ui.pages.records.editors.forms import (
    RecordForm,
    Segments,
    parse_path,
    reveal_widget,
)
from tipdesk.ui.pages.records.editors.history import HistoryDialog
from tipdesk.ui.pages.records.editors.layout import scroll_page
from tipdesk.ui.pages.records.editors.live_check import LiveCheck
from tipdesk.ui.pages.records.editors.owner_banner import OwnerBanner
from tipdesk.ui.pages.records.editors.parts import (
    LOAD_FALLBACK_MS,
    FirstPaint,
    ProblemSummary,
    focused_path,
    restore_focus,
)
from tipdesk.ui.pages.records.handover import make_read_only


def _save_and_reload(session: Session, record: Record) -> tuple[Record, list[Problem]]:
    """Work for the runner: save one record and read it back as the editor shows it, with the
    warnings about what was saved."""
    record_service.save_one(session, record)
    warnings = record_service.warnings(session, [record])
    return record_service.get(session, record.KIND, record.id), warnings


class RecordEditor(QWidget):
    """Base of the case, victim, training and campaign editors (see the module contract).

    Subclasses set :attr:`kind`, build :attr:`form` (a :class:`RecordForm`) in
    :meth:`build_body`, and say how a new record starts in :meth:`new_record`."""

    kind = ""

    sig_saved = Signal(str, bool)
    """The record was saved: its id, and whether it was created by this save."""
    sig_close_requested = Signal()
    """The editor is done (closed after saving or discarding); the page removes it."""
    sig_dirty_changed = Signal(bool)
    """Unsaved changes appeared (True) or are gone (False)."""
    sig_title_changed = Signal(str)
    """The editor's title changed (after loading or saving)."""

    def __init__(
        self, ctx: RecordsContext, record_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.form: RecordForm
        self._baseline: Any = None
        self._dirty = False
        self._saving = False
        self._loaded = False
        self._close_after_save = False
        self.closed = False
        self.last_problems: list[Problem] = []
        self.live = LiveCheck(self)
        self.ask_unsaved: Callable[[], QMessageBox.StandardButton] = self._ask_unsaved
        self._focus_path: list[str | int] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(10)
        outer.addLayout(self._build_head())
        self.summary = ProblemSummary(self)
        self.summary.sig_go_to.connect(self.go_to_problem)
        outer.addWidget(self.summary)
        self.read_only = False
        self.owner_banner = OwnerBanner(self)  # another district's record: read only
        outer.addWidget(self.owner_banner)
        self._targets: list[QWidget] = []
        self.body = QWidget(self)
        outer.addWidget(self.body, 1)
        self.build_body(self.body)
        self.form.sig_edited.connect(self._on_edited)
        self.form.sig_part_built.connect(self._on_part_built)
        for name, section in self.form.sections.items():
            section.sig_child_loaded.connect(partial(self._on_child_loaded, name))
        self._add_shortcuts()

        editable = ctx.can(Permission.EDIT)
        self.save_button.setEnabled(editable)
        if record_id:
            self.set_status(self.tr("Loading…"))
            self.ctx.runner.submit(
                partial(record_service.get, kind=self.kind, record_id=record_id),
                self.guard(self._on_loaded),
                self.guard(self._on_load_failed),
            )
            if not self._loaded and not self.closed:
                # Hidden, not disabled, until the record arrives: disabling and enabling
                # again restyles every input of the form (a good part of a case's first
                # paint). Only when it arrives later: showing the body again before the
                # editor is placed would style every input twice.
                self.body.setVisible(False)
        else:
            self._load(self.new_record())
            self.set_status(self.tr("New record: not saved yet"))
            self._build_rest_after_paint()

    # --- building -------------------------------------------------------------------------------
    def _build_head(self) -> QHBoxLayout:
        """The title and status, and Delete, Close and Save."""
        head = QHBoxLayout()
        head.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("editorTitle")
        self._first_paint = FirstPaint(self._start_loading, self)
        self.title_label.installEventFilter(self._first_paint)
        self.title_label.setProperty("role", "sectionTitle")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("editorStatus")
        self.status_label.setProperty("role", "hint")
        titles.addWidget(self.title_label)
        titles.addWidget(self.status_label)
        head.addLayout(titles, 1)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setProperty("danger", True)
        self.delete_button.clicked.connect(self.delete_record)
        self.delete_button.setVisible(False)
        head.addWidget(self.delete_button)
        self.history_button = HistoryDialog.button(self.open_history)
        head.addWidget(self.history_button)
        for extra in self.head_actions():
            head.addWidget(extra)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setToolTip(self.tr("Close this record (Esc)"))
        self.close_button.clicked.connect(self.request_close)
        head.addWidget(self.close_button)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Save this record (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        head.addWidget(self.save_button)
        return head

    def _add_shortcuts(self) -> None:
        """Ctrl+S saves, Esc closes (anywhere in the editor)."""
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.save)
        close_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close_key.activated.connect(self.request_close)
        history_key = QShortcut(QKeySequence("Ctrl+H"), self)
        history_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        history_key.activated.connect(self.open_history)

    # --- for subclasses -------------------------------------------------------------------------
    def build_body(self, body: QWidget) -> None:
        """Make :attr:`form` and put it in ``body`` (usually with :meth:`place_form`)."""
        raise NotImplementedError

    def place_form(self, body: QWidget, form: RecordForm, *, scroll: bool = True) -> None:
        """``form`` becomes the editor's form, filling ``body`` (in a scroll area unless the
        form scrolls its own parts)."""
        self.form = form
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        if not scroll:
            layout.addWidget(form)
            return
        # The scroll area is placed first, then given the form: giving it the form styles
        # every input (it measures them), and placing a styled form styles them all again.
        area = scroll_page(None)
        layout.addWidget(area)
        area.setWidget(form)

    def new_record(self) -> Any:
        raise NotImplementedError

    def title(self) -> str:
        """A short name for the tab and the header."""
        raise NotImplementedError

    def section_of(self, segments: Segments) -> str:
        """Hook: the label of the part of the editor holding a path (tabs of the case)."""
        return ""

    def after_problems(self) -> None:
        """Hook: problems were shown (update tab titles...)."""

    def loaded(self, record: Any) -> None:
        """Hook: ``record`` was loaded (or read back after a save) into the form."""

    def head_actions(self) -> list[QWidget]:
        """Hook: more buttons for the head, before Close (printing); built once."""
        return []

    def after_load(self) -> None:
        """Hook: a record was loaded or saved (``record_id`` is set once it is stored)."""

    # --- loading --------------------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        """A save is with the runner."""
        return self._saving

    def guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        """A callback that does nothing once this editor's widgets are gone."""

        def call(value: Any) -> None:
            if isValid(self) and not self.closed:
                fn(value)

        return call

    def _on_loaded(self, record: Any) -> None:
        self._load(record, later=True)
        if self.body.isHidden():
            self.body.setVisible(True)
        self.set_status(self._saved_text(record))
        self._build_rest_after_paint()

    def _build_rest_after_paint(self) -> None:
        """What the form leaves for later (tabs, people) once the record has painted (or
        soon, if it is not shown)."""
        self._first_paint.armed = True
        QTimer.singleShot(LOAD_FALLBACK_MS, self._start_loading)

    def _start_loading(self) -> None:
        if isValid(self) and not self.closed:
            self._first_paint.armed = False
            self.form.start_loading()

    @property
    def fully_loaded(self) -> bool:
        """The record is loaded with every child's form built."""
        return self._loaded and not self.form.loading

    def _on_part_built(self, names: list[str]) -> None:
        """A part of the form was built and filled: what it shows is part of what was
        loaded, and its sections' people are too, as they come."""
        if isinstance(self._baseline, dict):
            for name in names:
                if name in dict.keys(self.form.fields):
                    self._baseline[name] = self.form.editor(name).state()
                elif name in dict.keys(self.form.sections):
                    self._baseline[name] = self.form.sections[name].state()
        for name in names:
            section = self.form.sections.get(name)
            if section is not None:
                section.sig_child_loaded.connect(partial(self._on_child_loaded, name))
        # Filling the part may have looked like an edit (a tick box says it was toggled).
        self._set_dirty(self.has_unsaved_changes())
        self.part_built(names)
        if self.read_only:
            self.make_read_only()  # the part built now too

    def part_built(self, names: list[str]) -> None:
        """Hook: the form built the fields and sections ``names`` (a tab shown late)."""

    def make_read_only(self) -> None:
        """The record cannot be changed here (another district's, a case handed over): no
        Save or Delete, and every input read-only, parts built later included."""
        self.read_only = True
        self.save_button.setEnabled(False)
        self.delete_button.setVisible(False)
        for section in self.form.sections.values():
            section.set_editable(False)
        make_read_only(self.body)

    def _on_child_loaded(self, name: str, form: RecordForm) -> None:
        """A child's form of a deferred load was built: it is part of what was loaded."""
        if self.read_only:
            make_read_only(form)
        if isinstance(self._baseline, dict) and isinstance(self._baseline.get(name), list):
            self._baseline[name].append(form.state())

    def _on_load_failed(self, exc: BaseException) -> None:
        self.body.setEnabled(False)
        self.save_button.setEnabled(False)
        if isinstance(exc, KnownError):
            self.summary.show_text(said_text(exc))
            self.set_status(self.tr("Could not be opened"))
        else:
            self.ctx.report(exc)

    def _load(self, record: Any, *, later: bool = False) -> None:
        self.form.load(record, later=later)
        self.record_id = getattr(record, "id", "") or None
        self._loaded = True
        self.delete_button.setVisible(bool(self.record_id) and self.ctx.can(Permission.DELETE))
        if self.owner_banner.show_for(self.ctx, record):
            self.make_read_only()
        self.history_button.setVisible(bool(self.record_id))
        self.loaded(record)
        self._baseline = self.form.state()
        self._set_dirty(False)
        self._refresh_title()
        self.after_load()

    def _refresh_title(self) -> None:
        title = self.title()
        self.title_label.setText(title)
        self.sig_title_changed.emit(title)

    def _saved_text(self, record: Any) -> str:
        if not getattr(record, "updated_at", ""):
            return ""
        return self.tr("Version {version}, last saved {at} by {user}").format(
            version=record.version,
            at=record.updated_at[:16].replace("T", " "),
            user=record.updated_by,
        )

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    # --- unsaved changes ------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self._loaded and self.form.state() != self._baseline

    def _on_edited(self) -> None:
        self._set_dirty(self.has_unsaved_changes())
        if self.last_problems and not self._saving:
            self.live.run()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.sig_dirty_changed.emit(dirty)

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        box = QMessageBox(self)
        box.setObjectName("unsavedChangesBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to {title}?").format(title=self.title()))
        box.setInformativeText(self.tr("If you don't save, your changes will be lost."))
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setStandardButtons(buttons)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec())

    def request_close(self) -> bool:
        """Close, asking first about unsaved changes. True when the editor closed now."""
        if self.closed:
            return True
        if self.has_unsaved_changes():
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save:
                self._close_after_save = True
                self.save()
                return self.closed
        self._close()
        return True

    def _close(self) -> None:
        self.closed = True
        self.sig_close_requested.emit()

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving or not self._loaded or not self.save_button.isEnabled():
            self._close_after_save = False
            return
        self.form.finish_loading()
        record, local = self.form.build()
        self._saving = True
        self._focus_path = focused_path(self, self.form)
        self.save_button.setEnabled(False)
        self.set_status(self.tr("Saving…"))
        if local:
            # Some input could not be read: validate the rest too, so every problem shows.
            self.ctx.runner.submit(
                partial(editing.check, record=record),
                self.guard(lambda found: self._on_checked(local, found)),
                self.guard(self._on_save_failed),
            )
            return
        self.ctx.runner.submit(
            partial(_save_and_reload, record=record),
            self.guard(self._on_saved),
            self.guard(self._on_save_failed),
        )

    def _on_checked(self, local: list[Problem], found: list[Problem]) -> None:
        unreadable = {p.field for p in local}
        problems = local + [p for p in found if p.field not in unreadable]
        self._saving = False
        self.save_button.setEnabled(True)
        self._close_after_save = False
        self.show_problems(problems)

    def _on_saved(self, result: tuple[Any, list[Problem]]) -> None:
        record, warnings = result
        created = not self.record_id
        self._saving = False
        self.save_button.setEnabled(True)
        self.clear_problems()
        self._load(record)
        restore_focus(self, self.form, self._focus_path, self.save_button)
        self.set_status(
            self.tr("Saved at {time}").format(time=QDateTime.currentDateTime().toString("HH:mm"))
            + " · "
            + self._saved_text(record)
        )
        if warnings:
            self.show_warnings(warnings)
        self.sig_saved.emit(record.id, created)
        self.ctx.events.sig_record_saved.emit()  # the automatic upload to HQ follows
        if self._close_after_save:
            self._close_after_save = False
            self._close()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._close_after_save = False
        if isinstance(exc, ValidationFailed):
            self.show_problems(list(exc.problems))
        elif isinstance(exc, KnownError):
            self.clear_problems()
            self.summary.show_text(known_error_text(exc))
            self.set_status(self.tr("Not saved"))
        else:
            self.set_status(self.tr("Not saved"))
            self.ctx.report(exc)

    # --- problems -------------------------------------------------------------------------------
    def clear_problems(self) -> None:
        self.form.clear_problems()
        self.summary.clear()
        self.last_problems = []
        self._targets = []
        self.after_problems()

    def show_problems(self, problems: list[Problem], *, focus: bool = True) -> None:
        """Show each problem under its input and all of them in the summary; ``focus`` brings
        the first into view (a save), else the focus stays (a live check)."""
        self.form.clear_problems()
        self.last_problems = list(problems)
        lines: list[str] = []
        self._targets = []
        for problem in problems:
            segments = parse_path(problem.field)
            labels, widget = self.form.route(segments, problem)
            where = [x for x in (self.section_of(segments), *labels) if x]
            # Drop a repeated word: "Accused › Accused 2" reads as "Accused 2".
            if len(where) > 1 and where[1].startswith(where[0]):
                where = where[1:]
            text = problem_text(problem)
            message = text[:1].upper() + text[1:]
            lines.append(f"{' › '.join(where)}: {message}" if where else message)
            self._targets.append(widget)
        count = len(problems)
        heading = (
            self.tr("Not saved. Please correct this:")
            if count == 1
            else self.tr("Not saved. Please correct these {n} things:").format(n=count)
        )
        self.summary.show_problems(heading, lines)
        self.set_status(self.tr("Not saved: see the problems above"))
        self.after_problems()
        if self._targets and focus:
            self.go_to_problem(0)

    def show_warnings(self, warnings: list[Problem]) -> None:
        """List what was saved but should be checked; each line leads to its input, which is
        not marked as wrong (the record is saved)."""
        lines: list[str] = []
        self._targets = []
        for warning in warnings:
            segments = parse_path(warning.field)
            labels, widget = self.form.route(segments, warning)
            where = [x for x in (self.section_of(segments), *labels) if x]
            if len(where) > 1 and where[1].startswith(where[0]):
                where = where[1:]
            text = problem_text(warning)
            message = text[:1].upper() + text[1:]
            lines.append(f"{' › '.join(where)}: {message}" if where else message)
            self._targets.append(widget)
        self.form.clear_problems()  # routing found the inputs; a warning marks none of them
        count = len(warnings)
        heading = (
            self.tr("Saved. Please check this:")
            if count == 1
            else self.tr("Saved. Please check these {n} things:").format(n=count)
        )
        self.summary.show_problems(heading, lines, "warning")

    def go_to_problem(self, n: int) -> None:
        if 0 <= n < len(self._targets):
            reveal_widget(self._targets[n])

    # --- history --------------------------------------------------------------------------------
    def open_history(self) -> HistoryDialog | None:
        """Ctrl+H: the record's versions, in a dialog (None for a record not saved yet)."""
        if not self.record_id or self.closed:
            return None
        return HistoryDialog.open_for(self)

    def reload(self) -> None:
        """Read the record again (another screen or a restore changed it)."""
        if not self.record_id or self.closed:
            return
        self.clear_problems()
        self.ctx.runner.submit(
            partial(record_service.get, kind=self.kind, record_id=self.record_id),
            self.guard(self._on_reloaded),
            self.guard(self._on_load_failed),
        )

    def _on_reloaded(self, record: Any) -> None:
        self._on_loaded(record)
        self.set_status(
            self.tr("Restored at {time}").format(time=QDateTime.currentDateTime().toString("HH:mm"))
            + " · "
            + self._saved_text(record)
        )

    # --- deleting -------------------------------------------------------------------------------
    def delete_record(self) -> None:
        if not self.record_id:
            return
        dialog = ReasonDialog(
            self.tr("Delete {title}").format(title=self.title()),
            self.tr(
                "The record is marked deleted: it disappears from lists and figures, and the "
                "deletion is sent to HQ. Give the reason (it is written to the audit log)."
            ),
            self.tr("Delete"),
            parent=self,
        )
        if dialog.exec() != ReasonDialog.DialogCode.Accepted:
            return
        reason = dialog.reason()
        record_id = self.record_id
        self.ctx.runner.submit(
            partial(record_service.delete, kind=self.kind, record_id=record_id, reason=reason),
            self.guard(lambda _changes: self._on_deleted(record_id)),
            self.guard(self._on_save_failed),
        )

    def _on_deleted(self, record_id: str) -> None:
        self._baseline = self.form.state()
        self.sig_saved.emit(record_id, False)
        self._close()

    # --- locking --------------------------------------------------------------------------------
    def lock(self) -> None:
        """The app is locking: inputs stay as they are (the window is hidden meanwhile)."""

    def unlock(self) -> None:
        """The app was unlocked."""
