"""The awareness campaign editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from tipdesk.core.records import Campaign
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.forms import RecordForm
from tipdesk.ui.pages.records.editors.layout import columns, group
from tipdesk.ui.widgets.district import DistrictField
from tipdesk.ui.widgets.fields import (
    CodeChecklist,
    CodeCombo,
    CountField,
    DateField,
    NoteField,
    TextField,
    reference_items,
)


class CampaignForm(RecordForm):
    record_type = Campaign

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ref = ctx.reference
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        page.addWidget(self.banner)
        what, f1 = group(self.tr("The campaign"))
        self.add_field(
            f1,
            "title",
            self.tr("&Title"),
            TextField(placeholder=self.tr("e.g. Walk against human trafficking")),
        )
        self.add_field(
            f1,
            "department",
            self.tr("&Organising department"),
            CodeCombo(reference_items(ref, "departments"), searchable=True),
        )
        self.add_field(
            f1, "kind", self.tr("&Kind"), CodeCombo(reference_items(ref, "campaign_kinds"))
        )
        self.add_field(
            f1,
            "national_campaign",
            self.tr("Part of a &national campaign"),
            TextField(placeholder=self.tr("e.g. Human Trafficking Awareness Week 2026")),
        )
        self.add_field(
            f1, "partners", self.tr("Pa&rtners"), CodeChecklist(reference_items(ref, "partners"))
        )
        where, f2 = group(self.tr("When and where"))
        self.add_field(f2, "start_on", self.tr("&Start date"), DateField())
        self.add_field(f2, "end_on", self.tr("&End date"), DateField())
        self.add_field(f2, "district", self.tr("&District"), DistrictField(ref))
        self.add_field(f2, "venue", self.tr("&Venue"), TextField())
        self.add_field(f2, "people_reached", self.tr("&People reached"), CountField())
        self.add_field(f2, "notes", self.tr("Not&es"), NoteField(lines=4))
        page.addLayout(columns(what, where))
        page.addStretch(1)


class CampaignEditor(RecordEditor):
    kind = "campaign"

    def build_body(self, body: QWidget) -> None:
        self.place_form(body, CampaignForm(self.ctx))

    def new_record(self) -> Any:
        return Campaign(district=self.ctx.identity.install.district)

    def title(self) -> str:
        title = str(self.form.record.title) if self._loaded else ""
        return title or (self.tr("New campaign") if not self.record_id else self.tr("Campaign"))
