"""The Campaigns page: awareness campaigns (search titles, venues, notes; district, department,
kind and period filters) and their editors in tabs."""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.campaign_editor import CampaignEditor
from tipdesk.ui.pages.records.list_columns import campaign_columns
from tipdesk.ui.pages.records.list_model import ListColumn
from tipdesk.ui.pages.records.list_panel import ListFilter
from tipdesk.ui.pages.records.page import RecordsView, noun_counter
from tipdesk.ui.widgets.fields import reference_items


class CampaignsView(RecordsView):
    kind = "campaign"

    def page_title(self) -> str:
        return self.tr("Campaigns")

    def list_title(self) -> str:
        return self.tr("All campaigns")

    def new_text(self) -> str:
        return self.tr("New campaign")

    def search_hint(self) -> str:
        return self.tr("Search titles, venues, national campaigns, notes…")

    def empty_text(self) -> str:
        return self.tr("No awareness campaigns yet. Use “New campaign” to record one.")

    def count_text(self, n: int) -> str:
        return noun_counter(self.tr("{n} campaign"), self.tr("{n} campaigns"))(n)

    def columns(self) -> Sequence[ListColumn]:
        return campaign_columns(self.ctx.reference)

    def filters(self) -> Sequence[ListFilter]:
        ref = self.ctx.reference
        return [
            self.district_filter(),
            ListFilter(
                "department",
                self.tr("Any department"),
                reference_items(ref, "departments"),
                self.tr("Organising department"),
            ),
            ListFilter(
                "kind", self.tr("Any kind"), reference_items(ref, "campaign_kinds"), self.tr("Kind")
            ),
        ]

    def make_editor(self, record_id: str | None) -> RecordEditor:
        return CampaignEditor(self.ctx, record_id, self.editor_parent())
