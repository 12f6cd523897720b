"""The red notice above every page while the audit log is broken (its last entry is not the
head the store recorded: entries were cut from its end, or rewritten).

Contract:
- The state is the session's :attr:`~tipdesk.services.session.Session.audit_status`, checked
  at sign-in and at each unlock (:meth:`AuditBrokenNotice.refresh` is called then). The notice
  names the problem as the store words it.
- An administrator (``manage_settings``) gets "Acknowledge…": a reason, then
  :func:`tipdesk.services.audit_log.acknowledge_break` on the store's thread; the notice then
  hides and ``sig_acknowledged`` fires. Other users read that saving is blocked until an
  administrator acts (the session refuses every save meanwhile).
- "Audit log" asks the main window for the Audit page (``sig_open_audit``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.services import audit_log
from tipdesk.services.session import Session
from tipdesk.store.audit import ChainStatus
from tipdesk.ui.context import AppContext
from tipdesk.ui.style import DANGER, DANGER_SOFT, render_svg
from tipdesk.ui.widgets.common import button, label
from tipdesk.ui.widgets.reason import ReasonDialog


def _status(session: Session) -> ChainStatus:
    """The audit log's state as the session last checked it (sign-in, unlock)."""
    return session.audit_status


class AuditBrokenNotice(QFrame):
    """See the module docstring. Hidden while the audit log is intact."""

    sig_acknowledged = Signal()
    sig_open_audit = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditBrokenNotice")
        self.setStyleSheet(
            f"QFrame#auditBrokenNotice {{ background: {DANGER_SOFT};"
            " border-bottom: 1px solid #F4C1BC; }"
            f" QFrame#auditBrokenNotice QLabel {{ color: {DANGER}; background: transparent; }}"
        )
        self.ctx = ctx
        self.admin = ctx.can(Permission.MANAGE_SETTINGS)
        self.status: ChainStatus | None = None
        self.dialog: ReasonDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 10, 24, 10)
        row.setSpacing(12)
        mark = QLabel()
        mark.setPixmap(render_svg("alert", 22, DANGER))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(mark)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = label(self.tr("The audit log is broken"))
        self.title.setObjectName("auditBrokenTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.text = label("", wrap=True)
        self.text.setObjectName("auditBrokenText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        row.addLayout(texts, 1)
        self.audit_button = button(self.tr("Audit log"), "audit")
        self.audit_button.setObjectName("auditBrokenOpenButton")
        self.audit_button.clicked.connect(self.sig_open_audit.emit)
        self.audit_button.setVisible(ctx.can(Permission.AUDIT))
        row.addWidget(self.audit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.ack_button = button(self.tr("Acknowledge…"), danger=True)
        self.ack_button.setObjectName("acknowledgeBreakButton")
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_button.setVisible(self.admin)
        row.addWidget(self.ack_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    # --- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.runner.submit(_status, self.show_status, self.ctx.report)

    def show_status(self, status: ChainStatus) -> None:
        self.status = status
        if status.ok:
            self.hide()
            return
        if self.admin:
            text = self.tr(
                "{problem}. Someone may have removed entries to hide what was done on this "
                "computer. Nothing can be saved until you record the break: check the log "
                "(Verify chain), report it to your supervisor and HQ, then press "
                "Acknowledge… and say why."
            ).format(problem=_sentence(status.problem))
        else:
            text = self.tr(
                "{problem}. Saving is blocked until an administrator reviews the log and "
                "records the break: tell your administrator now. You can still read records."
            ).format(problem=_sentence(status.problem))
        self.text.setText(text)
        self.show()

    # --- acknowledging ------------------------------------------------------------------------
    def acknowledge(self) -> ReasonDialog | None:
        """Ask why, then record the break (administrators)."""
        if not self.admin or self.status is None or self.status.ok:
            return None
        head = self.status.head_seq
        dialog = ReasonDialog(
            self.tr("Record the break in the audit log"),
            self.tr(
                "<p>TIPDesk adds an entry to the audit log saying that the log ends at entry "
                "#{last} although entry #{head} was recorded as its end, with your name and your "
                "reason. Every later check of the log (Verify chain) lists this break, so the "
                "evidence is kept.</p><p>Saving works again afterwards. Record the break only "
                "after you have reported it.</p>"
            ).format(last=self.status.last_seq, head=head if head is not None else "?"),
            self.tr("Record the break"),
            self.tr("e.g. reported to HQ on 2 June; laptop back from repair"),
            self,
            danger=True,
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._record(dialog.reason()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _record(self, reason: str) -> None:
        self.ack_button.setEnabled(False)

        def done(_found: ChainStatus) -> None:
            self.ack_button.setEnabled(True)
            self.refresh()
            self.sig_acknowledged.emit()

        def failed(exc: BaseException) -> None:
            self.ack_button.setEnabled(True)
            self.ctx.report(exc)

        self.ctx.runner.submit(
            lambda session: audit_log.acknowledge_break(session, reason), done, failed
        )


def _sentence(problem: str) -> str:
    """The store's wording of the problem as the start of a sentence."""
    text = problem.strip() or QCoreApplication.translate(
        "AuditBrokenNotice", "the audit log does not end where it was recorded to end"
    )
    return text[:1].upper() + text[1:]
