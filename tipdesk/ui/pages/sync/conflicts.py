"""HQ's Conflicts tab: the open conflicts (which record, from which district, when, which
fields differ), and for the selected one a field-by-field merge
(:mod:`tipdesk.ui.pages.sync.merge_view`) with full texts, then "Resolve…", which first shows
what will be discarded (:mod:`tipdesk.ui.pages.sync.resolution_dialog`, from
:func:`tipdesk.services.sync.plan_resolution`) and only then resolves.

Defaults: each field keeps HQ's register value, except where the register has nothing and the
district has a value (filling a blank discards nothing). So resolving without changing
anything never loses what HQ holds; the reviewer picks the district's value field by field
("Keep the district's"), or for every field at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.core.records import BOOKKEEPING_FIELDS, RECORD_TYPES, Victim, record_fields
from tipdesk.services import sync
from tipdesk.services.session import Session
from tipdesk.services.sync import Conflict, ConflictSide, review
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.sync.common import TippedTableModel, short, when, where_name
from tipdesk.ui.pages.sync.merge_view import INCOMING, LOCAL, FieldRow, MergeView
from tipdesk.ui.pages.sync.resolution_dialog import PlanLine, PlanView, ResolutionDialog
from tipdesk.ui.record_fields import field_label, field_value, record_words
from tipdesk.ui.widgets.common import button, label
from tipdesk.ui.widgets.text_table import select_row, selected_row, table_view

CONTEXT = "ConflictsTab"
COLUMNS = (
    str(QT_TRANSLATE_NOOP("ConflictsTab", "Record")),
    str(QT_TRANSLATE_NOOP("ConflictsTab", "From")),
    str(QT_TRANSLATE_NOOP("ConflictsTab", "Detected")),
    str(QT_TRANSLATE_NOOP("ConflictsTab", "Fields that differ")),
)
Message = Callable[[str, str], None]


@dataclass(frozen=True)
class Review:
    """What the merge shows for one conflict: the differing fields (with the default choice)
    and the others, values as names, in full."""

    conflict_id: str
    differing: tuple[FieldRow, ...]
    same: tuple[FieldRow, ...]


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# --- work for the store's thread ----------------------------------------------------------------
def _review(session: Session, conflict_id: str) -> Review | None:
    """The merge's rows for one open conflict (None when it is no longer open). Victims'
    identifying details are never shown."""
    found = next((c for c in sync.conflicts(session) if c.id == conflict_id), None)
    if found is None:
        return None
    local = review.register_record(session, found.kind, found.record_id)
    hidden = set(Victim.IDENTIFYING) if found.kind == "victim" else set()
    offices = {o.code: o.name for o in session.store.offices()}

    def text(name: str, value: Any) -> str:
        return field_value(found.kind, name, value, session.reference, offices)

    differing = tuple(
        FieldRow(
            d.field,
            field_label(found.kind, d.field),
            text(d.field, d.local),
            text(d.field, d.incoming),
            d.field in hidden,
            INCOMING if _blank(d.local) and not _blank(d.incoming) else LOCAL,
        )
        for d in found.differences
    )
    differ = {d.field for d in found.differences}
    skip = BOOKKEEPING_FIELDS - {"owner"}
    same = tuple(
        FieldRow(
            name,
            field_label(found.kind, name),
            text(name, local.get(name)),
            text(name, local.get(name)),
            name in hidden,
        )
        for name in record_fields(RECORD_TYPES[found.kind])
        if name in local and name not in differ and name not in skip
    )
    return Review(conflict_id, differing, same)


def _plan(
    session: Session, conflict_id: str, keep: str, fields: dict[str, str], district: str
) -> PlanView:
    """What resolving with these choices keeps and discards (nothing is written)."""
    plan = sync.plan_resolution(session, conflict_id, keep, fields)
    hidden = set(Victim.IDENTIFYING) if plan.kind == "victim" else set()
    offices = {o.code: o.name for o in session.store.offices()}

    def text(name: str, value: Any) -> str:
        return field_value(plan.kind, name, value, session.reference, offices)

    lines = tuple(
        PlanLine(
            c.field,
            field_label(plan.kind, c.field),
            c.keep,
            text(c.field, c.kept),
            text(c.field, c.discarded),
            c.field in hidden,
        )
        for c in plan.discarded
    )
    record = record_words(plan.kind, plan.title or plan.record_id, session.reference)
    return PlanView(plan.conflict_id, record, district, keep, fields, lines)


def split_choices(choices: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The choices as the service takes them: the side most fields come from (HQ's unless
    every field is the district's) and the fields taken from the other side."""
    if choices and all(side == INCOMING for side in choices.values()):
        return INCOMING, {}
    return LOCAL, {f: side for f, side in choices.items() if side == INCOMING}


class ConflictsTab(QWidget):
    """See the module docstring. ``message`` shows results on the Sync screen; ``changed``
    asks the screen to reload after a resolution."""

    def __init__(
        self,
        ctx: AppContext,
        message: Message,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsTab")
        self.ctx = ctx
        self._message = message
        self._changed = changed
        self.conflicts: list[Conflict] = []
        self.review: Review | None = None
        self.confirm_dialog: ResolutionDialog | None = None
        self.model = TippedTableModel(COLUMNS, self, context=CONTEXT)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        box.setSpacing(8)
        self.table = table_view(self.model, "conflictsTable")
        for col, width in enumerate((300, 150, 140)):
            self.table.setColumnWidth(col, width)
        self._fit_table(0)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_conflict())
        box.addWidget(self.table)
        self.hint = label(
            self.tr(
                "Choose, field by field, which value the register keeps (Tab moves between "
                "fields, Left and Right switch). Resolve… lists what will be discarded before "
                "anything is written."
            ),
            "hint",
            wrap=True,
        )
        box.addWidget(self.hint)
        self.merge = MergeView(self)
        self.merge.sig_changed.connect(self._update_buttons)
        box.addWidget(self.merge, 1)
        box.addLayout(self._build_actions())
        self._update_buttons()

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.all_local_button = button(self.tr("All &HQ's"))
        self.all_local_button.setObjectName("allLocalButton")
        self.all_local_button.setToolTip(self.tr("Keep HQ's value in every field"))
        self.all_local_button.clicked.connect(lambda: self.merge.choose_all(LOCAL))
        self.all_incoming_button = button(self.tr("All the &district's"))
        self.all_incoming_button.setObjectName("allIncomingButton")
        self.all_incoming_button.setToolTip(self.tr("Keep the district's value in every field"))
        self.all_incoming_button.clicked.connect(lambda: self.merge.choose_all(INCOMING))
        self.choice_label = label("", "muted")
        self.choice_label.setObjectName("choiceSummary")
        self.resolve_button = button(self.tr("&Resolve…"), "check-white", primary=True)
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        for widget in (self.all_local_button, self.all_incoming_button):
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.choice_label, 1)
        row.addWidget(self.resolve_button)
        return row

    # --- the list -----------------------------------------------------------------------------
    def _from(self, side: ConflictSide) -> str:
        return where_name(self.ctx.reference, side.where)

    def record_title(self, conflict: Conflict) -> str:
        """``Case FIR 12/2025``, ``Victim V-LHR-2025-001``: what names a conflict's record."""
        return record_words(conflict.kind, conflict.title or conflict.record_id, self.ctx.reference)

    def show_conflicts(self, conflicts: list[Conflict]) -> None:
        selected = self.selected()
        self.conflicts = list(conflicts)
        self.model.set_rows(
            [
                [
                    self.record_title(c),
                    self._from(c.incoming),
                    when(c.detected_at),
                    ", ".join(field_label(c.kind, f) for f in c.fields),
                ]
                for c in conflicts
            ],
            [c.id for c in conflicts],
            tips=[
                [
                    f"{c.kind} {c.record_id}",
                    self.tr("{where}, device {device}").format(
                        where=c.incoming.where, device=short(c.device)
                    ),
                    "",
                    ", ".join(c.fields),
                ]
                for c in conflicts
            ],
        )
        self._fit_table(len(conflicts))
        keys = [c.id for c in conflicts]
        if keys:
            self.select(selected if selected in keys else keys[0])
        else:
            self.review = None
            self.merge.set_rows([], [], "", "")
            self._update_buttons()

    def _fit_table(self, rows: int) -> None:
        """As tall as its rows, two to five of them (the merge below needs the room)."""
        height = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(height + 28 * min(max(rows, 2), 5) + 4)

    def selected(self) -> str | None:
        return self.model.key(selected_row(self.table)) or None

    def selected_conflict(self) -> Conflict | None:
        key = self.selected()
        return next((c for c in self.conflicts if c.id == key), None)

    def select(self, conflict_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.key(row) == conflict_id:
                select_row(self.table, row)
                self.show_conflict()
                return

    # --- one conflict -------------------------------------------------------------------------
    def _head(self, title: str, side: ConflictSide) -> str:
        return self.tr("{title}\nversion {v}, saved by {who} ({where}) on {at}").format(
            title=title, v=side.version, who=side.updated_by or "?",
            where=self._from(side), at=when(side.updated_at),
        )  # fmt: skip

    def show_conflict(self) -> None:
        found = self.selected_conflict()
        if found is None:
            self.review = None
            self.merge.set_rows([], [], "", "")
            self._update_buttons()
            return
        local_head = self._head(self.tr("In HQ's register"), found.local)
        incoming_head = self._head(
            self.tr("Held back from {district}").format(district=self._from(found.incoming)),
            found.incoming,
        )

        def shown(review: Review | None) -> None:
            if self.selected() != found.id:
                return
            self.review = review
            if review is None:
                self.merge.set_rows([], [], "", "")
            else:
                self.merge.set_rows(
                    list(review.differing), list(review.same), local_head, incoming_head
                )
            self._update_buttons()

        self.ctx.runner.submit(partial(_review, conflict_id=found.id), shown, self.ctx.report)

    def _update_buttons(self) -> None:
        allowed = self.ctx.can(Permission.SYNC) and self.ctx.can(Permission.EDIT)
        ready = allowed and self.review is not None and bool(self.review.differing)
        for widget in (self.resolve_button, self.all_local_button, self.all_incoming_button):
            widget.setEnabled(ready)
        if not ready or self.review is None:
            self.choice_label.setText("")
            return
        choices = self.merge.choices()
        district = sum(1 for side in choices.values() if side == INCOMING)
        self.choice_label.setText(
            self.tr("{hq} from HQ, {district} from the district").format(
                hq=len(choices) - district, district=district
            )
        )

    # --- resolving ----------------------------------------------------------------------------
    def resolve(self) -> ResolutionDialog | None:
        """Plan the resolution with the choices made, then ask (the dialog names what will be
        discarded); nothing is written before the reviewer confirms."""
        found = self.selected_conflict()
        if found is None or self.review is None or not self.resolve_button.isEnabled():
            return None
        keep, fields = split_choices(self.merge.choices())
        district = self._from(found.incoming)
        opened: list[ResolutionDialog] = []

        def ask(plan: PlanView) -> None:
            dialog = ResolutionDialog(plan, self)
            self.confirm_dialog = dialog
            dialog.accepted.connect(lambda: self._resolve(plan, found))
            dialog.finished.connect(lambda _r: dialog.deleteLater())
            dialog.open()
            opened.append(dialog)

        self.ctx.runner.submit(
            partial(_plan, conflict_id=found.id, keep=keep, fields=fields, district=district),
            ask,
            self.ctx.report,
        )
        return opened[0] if opened else None

    def _resolve(self, plan: PlanView, found: Conflict) -> None:
        title = self.record_title(found)
        others = len(plan.fields)

        def done(_kept: object) -> None:
            if plan.keep == INCOMING:
                text = self.tr("Conflict on {record} resolved: the district's version is kept.")
            elif others:
                text = self.tr(
                    "Conflict on {record} resolved: merged field by field ({n} from the "
                    "district, the rest from HQ)."
                )
            else:
                text = self.tr("Conflict on {record} resolved: HQ's version is kept.")
            self._message(
                "ok",
                text.format(record=title, n=others)
                + " "
                + self.tr("It goes back to {district} with the next receipt.").format(
                    district=plan.district
                ),
            )
            self._changed()

        self.ctx.runner.submit(
            partial(sync.resolve, conflict_id=plan.conflict_id, keep=plan.keep,
                    fields=plan.fields or None),
            done,
            self.ctx.report,
        )  # fmt: skip
