"""Printing from the editors: a case's summary, a victim's referral letter.

Both print the *saved* record (the services read it from the store) and open the printout
window (:class:`tipdesk.ui.widgets.printing.PrintoutDialog`: print on paper or save as PDF).
Victims' names print only when the officer asks for them, holds the reveal permission and
gives a reason; the service checks and audits that again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.permissions import Permission
from tipdesk.services import printouts
from tipdesk.services.printouts import Printout
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.dialogs import MIN_REASON, ReasonDialog
from tipdesk.ui.style import icon
from tipdesk.ui.widgets.common import label
from tipdesk.ui.widgets.fields import CodeCombo
from tipdesk.ui.widgets.printing import PrintoutDialog

translate = QCoreApplication.translate


class _Editor(Protocol):
    """What the printing buttons need of an editor."""

    ctx: RecordsContext
    record_id: str | None

    def tr(self, text: str) -> str: ...


def show_printout(ctx: RecordsContext, parent: QWidget, printout: Printout) -> PrintoutDialog:
    dialog = PrintoutDialog(ctx.runner, ctx.report, printout, parent)
    dialog.setObjectName("printoutDialog")
    dialog.open()
    return dialog


class CasePrintButton(QPushButton):
    """ "Print…" with the case summary, and the summary with the victims' names for those who
    may reveal them (a reason is asked)."""

    def __init__(self, editor: _Editor, parent: QWidget | None = None) -> None:
        super().__init__(translate("RecordEditor", "Print…"), parent)
        self.setObjectName("printCaseButton")
        self.editor = editor
        self.setToolTip(translate("RecordEditor", "Print the case summary of the saved case"))
        self.dialog: QDialog | None = None
        menu = QMenu(self)
        self.summary_action = menu.addAction(
            translate("RecordEditor", "Case summary"),
            lambda: self.print_summary(None),
        )
        self.revealed_action = menu.addAction(
            translate("RecordEditor", "Case summary with victims' names…"),
            self.print_revealed,
        )
        self.revealed_action.setVisible(editor.ctx.can(Permission.REVEAL_IDENTITY))
        self.setMenu(menu)
        self.setEnabled(False)

    def print_summary(self, reason: str | None = None) -> None:
        case_id = self.editor.record_id
        if not case_id:
            return
        ctx = self.editor.ctx
        ctx.runner.submit(
            partial(printouts.case_summary, case_id=case_id, reveal_reason=reason),
            self._show,
            ctx.report,
        )

    def print_revealed(self) -> ReasonDialog:
        dialog = ReasonDialog(
            translate("RecordEditor", "Victims' names on the printout"),
            translate(
                "RecordEditor",
                "Why must the victims' names be on this printout? The reason is kept "
                "in the audit log.",
            ),
            translate("RecordEditor", "Print"),
            self,
        )
        dialog.accepted.connect(lambda: self.print_summary(dialog.reason()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _show(self, printout: Printout) -> None:
        self.dialog = show_printout(self.editor.ctx, self, printout)


class ReferralLetterDialog(QDialog):
    """Which service the letter is for (the victim's referrals first), and whether the
    victim's name prints (with a reason)."""

    def __init__(
        self,
        ctx: RecordsContext,
        victim_id: str,
        services: list[str],
        on_done: Callable[[Printout], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referralLetterDialog")
        self.setWindowTitle(self.tr("Referral letter"))
        self.setMinimumWidth(480)
        self.ctx = ctx
        self.victim_id = victim_id
        self.on_done = on_done
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("A letter referring the victim to a service"),
                               "sectionTitle"))  # fmt: skip
        form = QFormLayout()
        items = ctx.reference.items("referral_services")
        ordered = [*services, *(c for c in items if c not in services)]
        self.service_combo = CodeCombo([(c, items[c].name) for c in ordered if c in items],
                                       blank=None)  # fmt: skip
        self.service_combo.setObjectName("letterService")
        form.addRow(self.tr("Service"), self.service_combo)
        self.reveal_box = QCheckBox(self.tr("Print the victim's name and father's name"))
        self.reveal_box.setObjectName("letterReveal")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("letterReason")
        self.reason_edit.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.reason_edit.setEnabled(False)
        self.reveal_box.toggled.connect(self._on_reveal)
        if ctx.can(Permission.REVEAL_IDENTITY):
            form.addRow("", self.reveal_box)
            form.addRow(self.tr("Reason"), self.reason_edit)
        layout.addLayout(form)
        layout.addWidget(label(self.tr("Without the name, the letter leaves a line to fill in "
                                       "by hand."), "hint", wrap=True))  # fmt: skip
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Show letter"))
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(lambda _t: self._update())
        self.service_combo.setFocus()

    def _on_reveal(self, on: bool) -> None:
        self.reason_edit.setEnabled(on)
        if on:
            self.reason_edit.setFocus()
        self._update()

    def _update(self) -> None:
        ok = not self.reveal_box.isChecked() or len(self.reason_edit.text().strip()) >= MIN_REASON
        self.ok_button.setEnabled(ok)

    def make(self) -> None:
        reason = self.reason_edit.text().strip() if self.reveal_box.isChecked() else None
        self.ok_button.setEnabled(False)
        self.ctx.runner.submit(
            partial(printouts.referral_letter, victim_id=self.victim_id,
                    service=self.service_combo.value(), reveal_reason=reason),
            self._done,
            self._failed,
        )  # fmt: skip

    def _done(self, printout: Printout) -> None:
        self.accept()
        self.on_done(printout)

    def _failed(self, exc: BaseException) -> None:
        self._update()
        self.ctx.report(exc)


class LetterButton(QPushButton):
    """ "Referral letter…" of a victim editor."""

    def __init__(
        self, editor: _Editor, services: Callable[[], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("RecordEditor", "Referral letter…"), parent)
        self.setObjectName("referralLetterButton")
        self.setToolTip(
            QCoreApplication.translate(
                "RecordEditor", "A letter referring the saved victim to a service"
            )
        )
        self.editor = editor
        self.services = services
        self.dialog: QDialog | None = None
        self.clicked.connect(self.ask)
        self.setEnabled(False)

    def ask(self) -> ReferralLetterDialog | None:
        victim_id = self.editor.record_id
        if not victim_id:
            return None
        dialog = ReferralLetterDialog(self.editor.ctx, victim_id, self.services(), self._show, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _show(self, printout: Printout) -> None:
        self.dialog = show_printout(self.editor.ctx, self, printout)


def print_button_icon(widget: QPushButton) -> QPushButton:
    """``widget`` with the printer icon (it marks the head buttons that print)."""
    widget.setIcon(icon("print", "#3D4A57"))
    return widget
