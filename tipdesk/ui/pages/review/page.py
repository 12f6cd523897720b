"""The Review page: accused who may be a victim of their own case (non-criminalisation).

Such an accused is recorded all the same (a register is never refused for a shared name); the
overlap waits here for a supervisor, who says whether they are two different people or the
same person, with a note (kept in the audit log). Until then the accused cannot be marked
proceeded against or convicted. The list comes from
:func:`tipdesk.services.overlaps.queue`; open overlaps first (an accused already proceeded
against or convicted first of all, then CNIC matches, the stronger sign). Users who may not
reveal identities see each victim by its code only, never which field matched. Resolving
needs the ``review_dual_role`` permission; others read the list.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.services import overlaps
from tipdesk.services.session import Session
from tipdesk.store.store import Changes
from tipdesk.ui.context import AppContext
from tipdesk.ui.widgets.common import Banner, PageHeader, button, label
from tipdesk.ui.widgets.reason import ReasonDialog
from tipdesk.ui.widgets.text_table import TextTableModel, selected_row, table_view


def _load(session: Session, *, include_reviewed: bool) -> list[overlaps.OverlapItem]:
    return overlaps.queue(session, include_reviewed=include_reviewed)


class ReviewView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.ctx = ctx
        self.items: list[overlaps.OverlapItem] = []
        self.can_resolve = ctx.can(Permission.REVIEW_DUAL_ROLE)
        self.can_read = self.can_resolve or ctx.can(Permission.REPORTS)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        body = QVBoxLayout()
        body.setContentsMargins(24, 12, 24, 16)
        body.setSpacing(10)
        outer.addLayout(body, 1)
        self.banner = Banner("info")
        self.banner.setObjectName("reviewBanner")
        body.addWidget(self.banner)
        self.model = TextTableModel(
            [
                self.tr("Case"),
                self.tr("District"),
                self.tr("Accused"),
                self.tr("May be victim"),
                self.tr("Sign"),
                self.tr("Status"),
            ],
            self,
        )
        self.table = table_view(self.model, "reviewTable", stretch=3)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        self.table.doubleClicked.connect(lambda _i: self.open_case())
        body.addWidget(self.table, 1)
        body.addLayout(self._build_actions())
        self.hint = label(
            self.tr(
                "A victim must not be treated as an offender. Look at both records (the case "
                "opens with a double click), then say whether they are two different people "
                "or the same person. Rows in colour are already proceeded against or "
                "convicted: look at them first."
            ),
            "hint",
            wrap=True,
        )
        body.addWidget(self.hint)
        if not self.can_read:
            self.banner.set_message("info", self.tr("Your role does not include the review queue."))
            self.table.hide()

    # --- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        self.header = PageHeader(
            self.tr("Review"),
            self.tr("Accused who may be a victim of the same case (non-criminalisation)."),
        )
        self.show_box = QComboBox()
        self.show_box.setObjectName("reviewShow")
        self.show_box.addItem(self.tr("To review"), False)
        self.show_box.addItem(self.tr("All, reviewed too"), True)
        self.show_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = button(self.tr("Refresh"), "refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.header.action_bar.addWidget(label(self.tr("Show"), "muted"))
        self.header.action_bar.addWidget(self.show_box)
        self.header.action_bar.addWidget(self.refresh_button)
        return self.header

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.open_button = button(self.tr("Open the case"))
        self.open_button.setObjectName("reviewOpenCase")
        self.open_button.clicked.connect(self.open_case)
        self.different_button = button(self.tr("Two different people…"), primary=True)
        self.different_button.setObjectName("reviewDifferent")
        self.different_button.clicked.connect(lambda: self.resolve("different"))
        self.same_button = button(self.tr("The same person…"))
        self.same_button.setObjectName("reviewSame")
        self.same_button.clicked.connect(lambda: self.resolve("same"))
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.different_button)
        row.addWidget(self.same_button)
        for widget in (self.different_button, self.same_button):
            widget.setVisible(self.can_resolve)
        self._selection()
        return row

    # --- page hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    # --- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.can_read:
            return
        include = bool(self.show_box.currentData())
        self.ctx.runner.submit(partial(_load, include_reviewed=include), self.show_items)

    def show_items(self, items: list[overlaps.OverlapItem]) -> None:
        self.items = items
        rows = [self._row(item) for item in items]
        marked = [i for i, item in enumerate(items) if item.open and item.marked]
        self.model.set_rows(rows, [item.accused_id for item in items], highlight=marked)
        open_count = sum(1 for i in items if i.open)
        if open_count:
            text = self.tr("{n} accused to review.").format(n=open_count)
            if not self.can_resolve:
                text += " " + self.tr("A supervisor reviews them.")
            self.banner.set_message("warning", text)
        else:
            self.banner.set_message("ok", self.tr("Nothing to review."))
        self.table.resizeColumnsToContents()
        self._selection()

    def _row(self, item: overlaps.OverlapItem) -> list[str]:
        victims = item.open or item.reviewed
        codes = ", ".join(v.code for v in victims)
        signs = {v.sign for v in victims if v.sign}
        if not signs:
            sign = ""
        elif "cnic" in signs:
            sign = self.tr("Same CNIC (strong)")
        else:
            sign = self.tr("Same name")
        if item.open:
            status = (
                self.tr("To review: already proceeded against")
                if item.marked
                else self.tr("To review")
            )
        else:
            decision = {
                "different": self.tr("Two people"),
                "same": self.tr("Same person"),
                "reviewed": self.tr("Reviewed"),
            }.get(item.decision, item.decision)
            who = item.reviewed_by or self.tr("a supervisor")
            status = self.tr("{decision}, by {who}").format(decision=decision, who=who)
        return [
            item.case_number,
            item.district_name,
            item.accused_name,
            codes,
            sign,
            status,
        ]

    def selected(self) -> overlaps.OverlapItem | None:
        row = selected_row(self.table)
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selection(self) -> None:
        item = self.selected() if hasattr(self, "table") else None
        self.open_button.setEnabled(item is not None)
        for widget in (self.different_button, self.same_button):
            widget.setEnabled(item is not None and item.is_open and self.can_resolve)

    # --- actions ------------------------------------------------------------------------------
    def open_case(self) -> None:
        item = self.selected()
        if item is not None:
            self.ctx.events.sig_open_record.emit("case", item.case_id)

    def ask_note(self, decision: str, item: overlaps.OverlapItem) -> str | None:
        """Ask why (tests replace this)."""
        victims = ", ".join(v.code for v in item.open)
        if decision == "different":
            title = self.tr("Two different people")
            text = self.tr(
                "The accused {accused} of case {case} and victim {victims} are two different "
                "people. The accused can then be proceeded against."
            )
        else:
            title = self.tr("The same person")
            text = self.tr(
                "The accused {accused} of case {case} is victim {victims}. Recording this "
                "review lets the case proceed against them: make sure that is right for "
                "someone who is also a victim (non-criminalisation)."
            )
        dialog = ReasonDialog(
            title,
            text.format(accused=item.accused_name, case=item.case_number, victims=victims),
            self.tr("Record the review"),
            self.tr("e.g. different father's name and CNIC, checked with the IO"),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def resolve(self, decision: str) -> None:
        item = self.selected()
        if item is None or not item.open:
            return
        note = self.ask_note(decision, item)
        if note is None:
            return
        self.ctx.runner.submit(
            partial(overlaps.resolve, accused_id=item.accused_id, decision=decision, note=note),
            self._on_resolved,
            self.ctx.report,
        )

    def _on_resolved(self, _changes: Changes) -> None:
        self.banner.set_message("ok", self.tr("Review recorded."))
        self.refresh()


__all__ = ["ReviewView"]
