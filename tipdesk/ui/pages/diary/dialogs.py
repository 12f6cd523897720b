"""The diary's dialogs: add a hearing, record what happened at one (and its next date), mark a
deadline done. Keyboard-first: the first input has the focus, Enter (Ctrl+Enter in a text box)
saves, Esc cancels. Every problem shows under its input; nothing is saved until all are fixed.
Work runs on the store's thread through the runner; the dialog closes when the save is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import HearingPurpose
from tipdesk.core.errors import KnownError, Problem, ValidationFailed
from tipdesk.core.records import Hearing
from tipdesk.services import diary, printouts
from tipdesk.services.diary import CaseChoice, DiaryItem, Saved
from tipdesk.services.session import Session
from tipdesk.ui.errors import problem_text, said_text
from tipdesk.ui.pages.diary import labels
from tipdesk.ui.runner import Runner
from tipdesk.ui.widgets.common import Banner, date_text, label
from tipdesk.ui.widgets.fields import CodeCombo, DateField, FieldBox, NoteField, TextField


class _FormDialog(QDialog):
    """A small form with Save and Cancel; problems show under the inputs they name."""

    def __init__(
        self, runner: Runner, report: Callable[[BaseException], None], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.report = report
        self.setMinimumWidth(520)
        self.outer = QVBoxLayout(self)
        self.outer.setSpacing(10)
        self.intro = label("", "sectionTitle", wrap=True)
        self.outer.addWidget(self.intro)
        self.banner = Banner("error")
        self.banner.setObjectName("dialogProblems")
        self.outer.addWidget(self.banner)
        self.form = QFormLayout()
        self.form.setSpacing(8)
        self.outer.addLayout(self.form)
        self.boxes: dict[str, FieldBox] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("dialogSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self.result_value: Any = None

    def add(self, name: str, text: str, editor: QWidget) -> QWidget:
        box = FieldBox(editor, text)
        self.boxes[name] = box
        self.form.addRow(text, box)
        return editor

    def save(self) -> None:
        raise NotImplementedError

    def show_problems(self, problems: list[Problem], where: dict[str, str]) -> None:
        """Each problem under the input ``where`` maps its field to; the rest in the banner."""
        for each in self.boxes.values():
            each.clear_problems()
        loose: list[str] = []
        for p in problems:
            box = self.boxes.get(where.get(p.field, p.field))
            if box is None:
                loose.append(problem_text(p))
            else:
                box.add_problem(problem_text(p))
        self.banner.set_message("error", "\n".join(loose))
        self.save_button.setEnabled(True)

    def failed(self, exc: BaseException, where: dict[str, str]) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_problems(list(exc.problems), where)
        else:
            self.save_button.setEnabled(True)
            self.report(exc)

    def done_with(self, value: object) -> None:
        self.result_value = value
        self.accept()


def _date_problem(field: DateField, name: str) -> list[Problem]:
    message = field.parse_problem()
    return [Problem(name, "type", message)] if message else []


# --- adding a hearing ------------------------------------------------------------------------

_ADD_FIELDS = {"case_id": "case", "case_number": "case", "accused_id": "accused",
               "hearing_on": "hearing_on", "court": "court", "purpose": "purpose"}  # fmt: skip


def _add_hearing(
    session: Session, number: str, accused: str, day: dt.date | None, court: str, purpose: str
) -> Saved:
    """Work for the runner: the case by its number, then the hearing."""
    found = diary.cases_numbered(session, number)
    hearing = Hearing(
        case_id=found[0].case_id if found else "",
        accused_id=accused,
        hearing_on=day,
        court=court,
        purpose=HearingPurpose(purpose or HearingPurpose.OTHER),
    )
    if not found:
        # Every problem at once: the case number, and whatever else the hearing lacks.
        problems = [
            Problem("case_number", "reference.case", "no case has this number"),
            *(p for p in diary.check_hearing(session, hearing) if p.field != "case_id"),
        ]
        raise ValidationFailed(problems, "hearing")
    return diary.save_hearing(session, hearing)


class AddHearingDialog(_FormDialog):
    """A new hearing of a case: its number (the accused are offered once it is found), the
    date, the court and the purpose."""

    def __init__(
        self,
        runner: Runner,
        report: Callable[[BaseException], None],
        case_number: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, report, parent)
        self.setObjectName("addHearingDialog")
        self.setWindowTitle(self.tr("Add a hearing"))
        self.intro.setText(self.tr("A court date of a case"))
        self.form.addRow(label(self.tr("When the court gives the next date, record it with what "
                                       "happened (Ctrl+D in the diary): the next hearing is "
                                       "added for you."), "hint", wrap=True))  # fmt: skip
        self.case_edit = TextField(placeholder=self.tr("e.g. FIR 101/2025"))
        self.case_edit.setObjectName("hearingCase")
        self.add("case", self.tr("Case number"), self.case_edit)
        self.case_note = label("", "hint")
        self.case_note.setObjectName("hearingCaseNote")
        self.form.addRow("", self.case_note)
        self.accused_combo = CodeCombo([], blank=self.tr("The whole case"))
        self.accused_combo.setObjectName("hearingAccused")
        self.add("accused", self.tr("Accused"), self.accused_combo)
        self.date_edit = DateField()
        self.date_edit.setObjectName("hearingDate")
        self.add("hearing_on", self.tr("Date"), self.date_edit)
        self.court_edit = TextField(placeholder=self.tr("e.g. Sessions Court (TIP), Lahore"))
        self.court_edit.setObjectName("hearingCourt")
        self.add("court", self.tr("Court"), self.court_edit)
        self.purpose_combo = CodeCombo(labels.purpose_items(), blank=None)
        self.purpose_combo.setObjectName("hearingPurpose")
        self.add("purpose", self.tr("Purpose"), self.purpose_combo)
        self.case_edit.editingFinished.connect(self.find_case)
        self.case_edit.setText(case_number)
        if case_number:
            self.find_case()
            self.date_edit.setFocus()
        else:
            self.case_edit.setFocus()

    def find_case(self) -> None:
        number = self.case_edit.value()
        if not number:
            return
        self.runner.submit(
            partial(diary.cases_numbered, case_number=number), self._on_found, self.report
        )

    def _on_found(self, found: list[CaseChoice]) -> None:
        if not found:
            self.case_note.setText(self.tr("No case has this number."))
            self.accused_combo.set_items([], blank=self.tr("The whole case"))
            return
        choice = found[0]
        self.case_note.setText(
            self.tr("Case {number}, {n} accused").format(
                number=choice.case_number, n=len(choice.accused)
            )
        )
        self.accused_combo.set_items(choice.accused, blank=self.tr("The whole case"))
        if choice.last_court and not self.court_edit.value():
            self.court_edit.setText(choice.last_court)

    def save(self) -> None:
        problems = _date_problem(self.date_edit, "hearing_on")
        if problems:
            self.show_problems(problems, _ADD_FIELDS)
            return
        self.save_button.setEnabled(False)
        self.runner.submit(
            partial(
                _add_hearing,
                number=self.case_edit.value(),
                accused=self.accused_combo.value(),
                day=self.date_edit.value(),
                court=self.court_edit.value(),
                purpose=self.purpose_combo.value(),
            ),
            self.done_with,
            lambda exc: self.failed(exc, _ADD_FIELDS),
        )


# --- what happened at a hearing --------------------------------------------------------------

_OUTCOME_FIELDS = {"proceedings": "proceedings", "next_on": "next_on", "done": "proceedings",
                   "next.court": "court", "next.hearing_on": "next_on"}  # fmt: skip


class OutcomeDialog(_FormDialog):
    """What happened at a hearing, and the next date the court gave (which adds the next
    hearing: same court and purpose unless changed here)."""

    def __init__(
        self,
        runner: Runner,
        report: Callable[[BaseException], None],
        item: DiaryItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, report, parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("What happened at the hearing"))
        self.item = item
        self.version: int | None = None
        self.intro.setText(
            self.tr("{what}, case {case}, {date}, {court}").format(
                what=labels.what(item), case=item.case_number,
                date=date_text(item.due_on.isoformat()), court=item.court,
            )
        )  # fmt: skip
        self.what_edit = NoteField(lines=3)
        self.what_edit.setObjectName("outcomeWhat")
        self.what_edit.setTabChangesFocus(True)
        self.what_edit.setMaximumHeight(96)
        self.add("proceedings", self.tr("What happened"), self.what_edit)
        self.next_edit = DateField()
        self.next_edit.setObjectName("outcomeNext")
        self.add("next_on", self.tr("Next date"), self.next_edit)
        self.purpose_combo = CodeCombo(labels.purpose_items(), blank=None)
        self.purpose_combo.setObjectName("outcomeNextPurpose")
        self.purpose_combo.set_value(item.purpose)
        self.add("purpose", self.tr("Next hearing for"), self.purpose_combo)
        self.court_edit = TextField()
        self.court_edit.setObjectName("outcomeNextCourt")
        self.court_edit.setText(item.court)
        self.add("court", self.tr("Next hearing in"), self.court_edit)
        self.form.addRow("", label(self.tr("Leave the next date empty when the court gave "
                                           "none (a judgment)."), "hint", wrap=True))  # fmt: skip
        self.what_edit.setFocus()
        self.runner.submit(
            partial(diary.get_hearing, hearing_id=item.record_id), self._on_loaded, self.report
        )

    def _on_loaded(self, hearing: Hearing) -> None:
        self.version = hearing.version
        if hearing.proceedings and not self.what_edit.value():
            self.what_edit.set_value(hearing.proceedings)

    def save(self) -> None:
        problems = _date_problem(self.next_edit, "next_on")
        if problems:
            self.show_problems(problems, _OUTCOME_FIELDS)
            return
        court = self.court_edit.value()
        self.save_button.setEnabled(False)
        self.runner.submit(
            partial(
                diary.record_outcome,
                hearing_id=self.item.record_id,
                version=self.version,
                proceedings=self.what_edit.value(),
                next_on=self.next_edit.value(),
                next_purpose=HearingPurpose(self.purpose_combo.value() or self.item.purpose),
                next_court=court if court and court != self.item.court else None,
            ),
            self.done_with,
            lambda exc: self.failed(exc, _OUTCOME_FIELDS),
        )


# --- a deadline done -------------------------------------------------------------------------


class DoneDialog(_FormDialog):
    """Mark a deadline done; with a date, it comes back then (a follow-up to repeat)."""

    def __init__(
        self,
        runner: Runner,
        report: Callable[[BaseException], None],
        item: DiaryItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, report, parent)
        self.setObjectName("doneDialog")
        self.setWindowTitle(self.tr("Mark done"))
        self.item = item
        case = item.case_number or self.tr("no case")
        self.intro.setText(
            self.tr("{what} ({case}), due {date}.").format(
                what=labels.what(item), case=case, date=date_text(item.due_on.isoformat())
            )
        )
        self.again_edit = DateField()
        self.again_edit.setObjectName("doneAgain")
        self.add("next_on", self.tr("Due again on"), self.again_edit)
        self.form.addRow("", label(self.tr("Optional: when to follow up again."), "hint"))
        self.save_button.setText(self.tr("Mark done"))
        self.again_edit.setFocus()

    def save(self) -> None:
        problems = _date_problem(self.again_edit, "next_on")
        if problems:
            self.show_problems(problems, {})
            return
        self.save_button.setEnabled(False)
        self.runner.submit(
            partial(diary.mark_done, key=self.item.key, next_on=self.again_edit.value()),
            self.done_with,
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.save_button.setEnabled(True)
            self.boxes["next_on"].set_problems([said_text(exc)])
        else:
            self.failed(exc, {})


# --- the cause list --------------------------------------------------------------------------


class CauseListDialog(_FormDialog):
    """Which week's cause list to print (from today unless changed)."""

    def __init__(
        self,
        runner: Runner,
        report: Callable[[BaseException], None],
        today: dt.date,
        office: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, report, parent)
        self.setObjectName("causeListDialog")
        self.setWindowTitle(self.tr("Cause list"))
        self.office = office
        self.intro.setText(self.tr("The hearings of seven days, court by court"))
        self.week_edit = DateField()
        self.week_edit.setObjectName("causeListWeek")
        self.week_edit.set_value(today)
        self.add("week", self.tr("From"), self.week_edit)
        self.save_button.setText(self.tr("Show"))
        self.week_edit.setFocus()

    def save(self) -> None:
        problems = _date_problem(self.week_edit, "week")
        week = self.week_edit.value()
        if problems or week is None:
            self.show_problems(
                problems or [Problem("week", "required", self.tr("a date is needed"))], {}
            )
            return
        self.save_button.setEnabled(False)
        self.runner.submit(
            partial(printouts.cause_list, week_from=week, office=self.office),
            self.done_with,
            lambda exc: self.failed(exc, {}),
        )
