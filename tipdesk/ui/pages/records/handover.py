"""Handovers on screen (issue 14, part B): the "Hand over…" dialog of the case editor, the
"Handed over to you" panel of the dashboard and the Cases page, and making an editor's form
read-only (a case handed over, another district's record).

Every call to the services runs on the store's thread through the runner; the dialog keeps
what was typed when the service refuses it, and shows why.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import KnownError
from tipdesk.services import handover
from tipdesk.services.handover import MAX_REASON, Handover
from tipdesk.ui.errors import said_text
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.widgets.common import Banner, Card, label
from tipdesk.ui.widgets.text_table import TextTableModel, selected_row, table_view

SHOWN = 6


def make_read_only(root: QWidget) -> None:
    """Make every input under ``root`` read-only (text can still be selected and copied) and
    every button and choice under it inactive: what the editor shows cannot be changed."""
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            w.setReadOnly(True)
        elif isinstance(w, QComboBox | QAbstractButton | QListWidget):
            # QListWidget: the tick lists (their items toggle on a click); the "Ticked: ..."
            # line under each still says what is ticked. Tables stay: they choose the person
            # shown.
            w.setEnabled(False)


def banner_text(h: Handover) -> str:
    """The read-only banner of a case this district handed over."""
    when = (h.moved_at or h.asked_at)[:10]
    if h.state == "moved":
        text = QCoreApplication.translate(
            "HandoverBanner",
            "Read only: handed over to {to} on {date} ({reason}). {to}'s office keeps the case "
            "up to date now; this is the copy as it was handed over.",
        )
    else:
        text = QCoreApplication.translate(
            "HandoverBanner",
            "Read only: handed over to {to} on {date} ({reason}); HQ moves it with the next "
            "bundle. This copy can no longer be changed here.",
        )
    return text.format(to=h.to_name, date=when, reason=h.reason)


class HandoverDialog(QDialog):
    """Hand a case over: the receiving district and the reason, both required (at HQ, HQ
    moves the case itself: :func:`tipdesk.services.handover.hq_move`)."""

    def __init__(
        self,
        ctx: RecordsContext,
        case_id: str,
        title: str,
        parent: QWidget | None = None,
        owner: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.ctx, self.case_id = ctx, case_id
        self.done_handover: Handover | None = None
        self.setWindowTitle(self.tr("Hand over {case}").format(case=title))
        outer = QVBoxLayout(self)
        intro = label(
            self.tr(
                "The case, its accused, victims and referrals go to the receiving district "
                "through HQ. From now on this office keeps a read-only copy. The victims' "
                "identities are sealed for the receiving district only: HQ relays them and "
                "cannot read them."
            ),
            "hint",
            wrap=True,
        )
        outer.addWidget(intro)
        form = QFormLayout()
        self.district = QComboBox()
        self.district.setObjectName("handoverDistrict")
        # At HQ (no district of its own) any district; the service refuses the case's owner.
        own = owner or ctx.identity.install.district
        for code, found in sorted(ctx.reference.districts.items(), key=lambda d: d[1].name):
            if code != own:
                self.district.addItem(found.name, code)
        self.district.setCurrentIndex(-1)
        form.addRow(self.tr("&Receiving district"), self.district)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("handoverReason")
        self.reason.setPlaceholderText(self.tr("Why the case is handed over (required)"))
        self.reason.setFixedHeight(90)
        form.addRow(self.tr("Rea&son"), self.reason)
        outer.addLayout(form)
        self.problem = Banner("error")
        self.problem.setObjectName("handoverProblem")
        self.problem.set_message("error", "")
        outer.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Hand over"))
        ok.setObjectName("handoverOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.resize(520, 330)

    def submit(self) -> None:
        code = self.district.currentData()
        reason = self.reason.toPlainText().strip()
        if not code:
            self.problem.set_message("error", self.tr("Choose the receiving district."))
            return
        if not reason or len(reason) > MAX_REASON:
            self.problem.set_message(
                "error",
                self.tr("Say why the case is handed over (at most {n} characters).").format(
                    n=MAX_REASON
                ),
            )
            return
        self.buttons.setEnabled(False)
        at_hq = not self.ctx.identity.install.district
        use = handover.hq_move if at_hq else handover.ask
        self.ctx.runner.submit(
            partial(use, case_id=self.case_id, to=str(code), reason=reason),
            self._done,
            self._failed,
        )

    def _done(self, done: Handover) -> None:
        self.done_handover = done
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, KnownError):
            self.problem.set_message("error", said_text(exc))
        else:
            self.ctx.report(exc)


class HandedOverPanel(Card):
    """Cases handed over to this district: from whom, when and why; Enter opens one. Hidden
    when there is none (and at HQ)."""

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Handed over to you"), parent)
        self.setObjectName("handedOverPanel")
        self.ctx = ctx
        self.shown: list[Handover] = []
        self.set_hint(self.tr("Cases other districts handed over to this office, through HQ"))
        self.model = TextTableModel(
            [self.tr("Case"), self.tr("From"), self.tr("When"), self.tr("By"), self.tr("Why")],
            self,
        )
        self.table = table_view(self.model, "handedOverTable", stretch=4)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for column, width in ((0, 140), (1, 120), (2, 100), (3, 100)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda _index: self.open_case())
        self.body.addWidget(self.table)
        self.hide()

    def refresh(self) -> None:
        if not self.ctx.identity.install.district:
            return  # HQ: nothing is handed over to it
        self.ctx.runner.submit(handover.received, self._on_loaded, lambda _exc: None)

    def _on_loaded(self, found: list[Handover]) -> None:
        self.shown = found[:SHOWN]
        self.model.set_rows(
            [self._row(h) for h in self.shown],
            [h.case_id for h in self.shown],
        )
        self.table.setFixedHeight(28 * max(1, len(self.shown)) + 36)
        self.setVisible(bool(self.shown))

    def _row(self, h: Handover) -> list[str]:
        number = h.case_number or self.tr("(arriving)")
        return [number, h.from_name, h.moved_at[:10], h.asked_by, h.reason]

    def open_case(self) -> bool:
        row = selected_row(self.table)
        if not 0 <= row < len(self.shown):
            return False
        self.ctx.events.sig_open_record.emit("case", self.shown[row].case_id)
        return True
