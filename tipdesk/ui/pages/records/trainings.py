"""The Training page: training sessions (search titles, venues and rosters; district,
organiser and period filters) and their editors in tabs."""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.training_editor import TrainingEditor
from tipdesk.ui.pages.records.list_columns import training_columns
from tipdesk.ui.pages.records.list_model import ListColumn
from tipdesk.ui.pages.records.list_panel import ListFilter
from tipdesk.ui.pages.records.page import RecordsView, noun_counter
from tipdesk.ui.widgets.fields import reference_items


class TrainingsView(RecordsView):
    kind = "training"

    def page_title(self) -> str:
        return self.tr("Training")

    def list_title(self) -> str:
        return self.tr("All sessions")

    def new_text(self) -> str:
        return self.tr("New training")

    def search_hint(self) -> str:
        return self.tr("Search titles, venues, participants…")

    def empty_text(self) -> str:
        return self.tr("No training sessions yet. Use “New training” to record one.")

    def count_text(self, n: int) -> str:
        return noun_counter(self.tr("{n} session"), self.tr("{n} sessions"))(n)

    def columns(self) -> Sequence[ListColumn]:
        return training_columns(self.ctx.reference)

    def filters(self) -> Sequence[ListFilter]:
        return [
            self.district_filter(),
            ListFilter(
                "organiser",
                self.tr("Any organiser"),
                reference_items(self.ctx.reference, "agencies"),
                self.tr("Organised by"),
            ),
        ]

    def make_editor(self, record_id: str | None) -> RecordEditor:
        return TrainingEditor(self.ctx, record_id, self.editor_parent())
