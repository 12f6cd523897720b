"""The Cases page: the case list (search, stage/district/accused outcome/period filters) and
case editors in tabs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from tipdesk.core.codes import Outcome, Stage
from tipdesk.services import lists
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.list_columns import case_columns
from tipdesk.ui.pages.records.list_model import ListColumn
from tipdesk.ui.pages.records.list_panel import ListFilter
from tipdesk.ui.pages.records.page import RecordsView, noun_counter
from tipdesk.ui.widgets.fields import enum_labels


class CasesView(RecordsView):
    kind = "case"

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        self._offices: dict[str, str] = {}
        super().__init__(ctx, parent)
        # Offices this install added (beyond the reference list) show by name once known.
        ctx.runner.submit(lists.offices, self._on_offices, lambda _exc: None)

    def _on_offices(self, offices: list[tuple[str, str, str]]) -> None:
        self._offices.update({code: name for code, name, _d in offices})

    def page_title(self) -> str:
        return self.tr("Cases")

    def list_title(self) -> str:
        return self.tr("All cases")

    def new_text(self) -> str:
        return self.tr("New case")

    def search_hint(self) -> str:
        return self.tr("Search case numbers, officers, accused names and CNICs, narratives…")

    def empty_text(self) -> str:
        return self.tr("No cases yet. Use “New case” to register the first one.")

    def count_text(self, n: int) -> str:
        return noun_counter(self.tr("{n} case"), self.tr("{n} cases"))(n)

    def columns(self) -> Sequence[ListColumn]:
        return case_columns(self.ctx.reference, self._offices)

    def filters(self) -> Sequence[ListFilter]:
        labels = enum_labels()
        return [
            ListFilter(
                "stage",
                self.tr("Any stage"),
                [(s.value, labels[Stage][s.value]) for s in Stage],
                self.tr("Stage"),
            ),
            self.district_filter(),
            ListFilter(
                "outcome",
                self.tr("Any outcome"),
                [(o.value, labels[Outcome][o.value]) for o in Outcome],
                self.tr("Cases with an accused of this outcome"),
            ),
        ]

    def make_editor(self, record_id: str | None) -> RecordEditor:
        return CaseEditor(self.ctx, record_id)
