"""The Victims page: the victim list (identities masked; search by victim code, and by name or
CNIC only for roles that may reveal identities) and victim editors in tabs."""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.core.codes import Gender
from tipdesk.core.permissions import Permission
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.victim_editor import VictimEditor
from tipdesk.ui.pages.records.list_columns import victim_columns
from tipdesk.ui.pages.records.list_model import ListColumn
from tipdesk.ui.pages.records.list_panel import ListFilter
from tipdesk.ui.pages.records.page import RecordsView, noun_counter
from tipdesk.ui.widgets.fields import enum_labels


class VictimsView(RecordsView):
    kind = "victim"

    def page_title(self) -> str:
        return self.tr("Victims")

    def list_title(self) -> str:
        return self.tr("All victims")

    def new_text(self) -> str:
        return self.tr("New victim")

    def search_hint(self) -> str:
        if self.ctx.can(Permission.REVEAL_IDENTITY):
            return self.tr("Search victim codes, names, CNICs, phone numbers…")
        return self.tr("Search victim codes…")

    def empty_text(self) -> str:
        return self.tr(
            "No victims yet. Victims identified in a case are added in the case; "
            "“New victim” records one identified outside a case."
        )

    def count_text(self, n: int) -> str:
        return noun_counter(self.tr("{n} victim"), self.tr("{n} victims"))(n)

    def columns(self) -> Sequence[ListColumn]:
        return victim_columns(self.ctx.reference)

    def filters(self) -> Sequence[ListFilter]:
        labels = enum_labels()[Gender]
        return [
            ListFilter(
                "gender",
                self.tr("Any gender"),
                [(g.value, labels[g.value]) for g in Gender],
                self.tr("Gender"),
            ),
            self.district_filter(),
        ]

    def make_editor(self, record_id: str | None) -> RecordEditor:
        return VictimEditor(self.ctx, record_id, self.editor_parent())
