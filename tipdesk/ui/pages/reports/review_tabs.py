"""HQ review tabs of the Reports screen: linked cases (the same accused CNIC in cases of
different districts) and data quality (records failing today's rules, records sync
quarantined, districts gone quiet). Both read through the runner when first shown or refreshed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.services.data_quality import LinkedAccused, QualityReport, data_quality, linked_cases
from tipdesk.services.session import Session
from tipdesk.ui.context import AppContext
from tipdesk.ui.errors import kept_problem_text, sentence_text
from tipdesk.ui.record_fields import record_words
from tipdesk.ui.widgets.common import Banner, button, date_text, label, number
from tipdesk.ui.widgets.text_table import TextTableModel, table_view, wrap_column

T = TypeVar("T")


def new_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A table of the Reports page: as every screen's (:func:`table_view`), but several rows
    may be selected, the headers are centred and no column is narrower than 60 pixels."""
    table = table_view(model, name, single=False)
    head = table.horizontalHeader()
    head.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    head.setMinimumSectionSize(60)
    return table


def fit_columns(table: QTableView, stretch: int = -1) -> None:
    """Size columns to their contents (capped), then stretch one (or the last)."""
    table.resizeColumnsToContents()
    model = table.model()
    for col in range(model.columnCount()):
        table.setColumnWidth(col, min(table.columnWidth(col) + 16, 320))
    if stretch >= 0 and stretch < model.columnCount():
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class _Panel(QWidget):
    """A tab with a line of text, a Refresh button and what :meth:`load` fills."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self._busy = False
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        box.setSpacing(10)
        top = QHBoxLayout()
        self.summary = label("", "muted", wrap=True)
        top.addWidget(self.summary, 1)
        self.refresh_button = button(self.tr("Refresh"), "refresh")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        box.addLayout(top)
        self.banner = Banner("info")
        box.addWidget(self.banner)
        self.body = box

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.refresh_button.setEnabled(False)
        self.banner.set_message("info", self.tr("Reading the store…"))
        self._load()

    def _load(self) -> None:
        """Read what the tab shows: ``self._run(service, self.show_result)``."""
        raise NotImplementedError

    def _run(self, work: Callable[[Session], T], show: Callable[[T], None]) -> None:
        self.ctx.runner.submit(work, lambda result: self._done(result, show), self._failed)

    def _done(self, result: T, show: Callable[[T], None]) -> None:
        self._busy = False
        self.loaded = True
        self.refresh_button.setEnabled(True)
        self.banner.set_message("info", "")
        show(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.refresh_button.setEnabled(True)
        self.banner.set_message("info", "")
        self.ctx.report(exc)

    def district_name(self, code: str) -> str:
        district = self.ctx.reference.districts.get(code)
        return district.name if district else code


class LinkedCasesPanel(_Panel):
    """Accused CNICs found in cases of two or more districts, one row per case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("linkedCases")
        self.model = TextTableModel(
            [
                self.tr("CNIC"),
                self.tr("Districts"),
                self.tr("Case"),
                self.tr("District of the case"),
                self.tr("Registered"),
                self.tr("Stage"),
                self.tr("Accused"),
                self.tr("Outcome"),
            ],
            self,
        )
        self.table = new_table(self.model, "linkedTable")
        self.body.addWidget(self.table, 1)
        self.found: list[LinkedAccused] = []

    def _load(self) -> None:
        self._run(linked_cases, self.show_result)

    def show_result(self, result: list[LinkedAccused]) -> None:
        self.found = result
        rows: list[list[str]] = []
        starts: list[int] = []
        for item in result:
            starts.append(len(rows))
            districts = ", ".join(self.district_name(d) for d in item.districts)
            for case in item.cases:
                rows.append(
                    [
                        item.cnic,
                        districts,
                        case.case_number,
                        self.district_name(case.district),
                        date_text(case.registered_on) if case.registered_on else "",
                        case.stage,
                        case.accused_name,
                        case.outcome,
                    ]
                )
        self.model.set_rows(rows, highlight=starts)
        fit_columns(self.table)
        cases = sum(len(i.cases) for i in result)
        self.summary.setText(
            self.tr(
                "{people} accused CNICs appear in cases of more than one district ({cases} "
                "cases). Networks cross district lines: tell the districts concerned."
            ).format(people=number(len(result)), cases=number(cases))
            if result
            else self.tr("No accused CNIC appears in cases of more than one district.")
        )


class DataQualityPanel(_Panel):
    """Three lists: records failing validation, quarantined records, quiet districts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dataQuality")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.failing_model = TextTableModel(
            [
                self.tr("Kind"),
                self.tr("Record"),
                self.tr("District"),
                self.tr("Field"),
                self.tr("Rule"),
                self.tr("Problem"),
            ],
            self,
        )
        self.quarantine_model = TextTableModel(
            [
                self.tr("Received"),
                self.tr("District"),
                self.tr("Bundle"),
                self.tr("Record"),
                self.tr("Why it was held back"),
            ],
            self,
        )
        self.quiet_model = TextTableModel([self.tr("District"), self.tr("Last heard of")], self)
        self.failing_table = new_table(self.failing_model, "failingTable")
        self.quarantine_table = new_table(self.quarantine_model, "quarantineTable")
        # Why a record was held back can name several fields: the reason wraps whole.
        wrap_column(self.quarantine_table, 4, self)
        self.quiet_table = new_table(self.quiet_model, "quietTable")
        self.tabs.addTab(self.failing_table, self.tr("Failing validation"))
        self.tabs.addTab(self.quarantine_table, self.tr("Quarantined"))
        self.tabs.addTab(self.quiet_table, self.tr("Districts gone quiet"))
        self.body.addWidget(self.tabs, 1)
        self.quality: QualityReport | None = None

    def _load(self) -> None:
        self._run(data_quality, self.show_result)

    def show_result(self, result: QualityReport) -> None:
        self.quality = result
        kinds = {
            "case": self.tr("Case"),
            "victim": self.tr("Victim"),
            "training": self.tr("Training"),
            "campaign": self.tr("Campaign"),
        }
        failing = [
            [
                kinds.get(f.kind, f.kind),
                f.label,
                self.district_name(f.district),
                p.field,
                p.rule,
                sentence_text(p.said()),
            ]
            for f in result.failing
            for p in f.problems
        ]
        self.failing_model.set_rows(failing)
        self.quarantine_model.set_rows(
            [
                [
                    date_text(q.received_at[:10]),
                    self.district_name(q.district),
                    str(q.bundle),
                    record_words(q.kind, q.label or q.record_id, self.ctx.reference),
                    "; ".join(kept_problem_text(*said, kind=q.kind) for said in q.said)
                    or "; ".join(q.problems),
                ]
                for q in result.quarantined
            ]
        )
        self.quiet_model.set_rows(
            [
                [self.district_name(d), date_text(at[:10]) if at else self.tr("never")]
                for d, at in result.quiet_districts
            ],
            highlight=range(len(result.quiet_districts)),
        )
        for table in (self.failing_table, self.quarantine_table, self.quiet_table):
            fit_columns(table)
        self.quarantine_table.resizeRowsToContents()  # at the widths just fitted
        self.tabs.setTabText(
            0, self.tr("Failing validation ({n})").format(n=number(len(result.failing)))
        )
        self.tabs.setTabText(
            1, self.tr("Quarantined ({n})").format(n=number(len(result.quarantined)))
        )
        self.tabs.setTabText(
            2,
            self.tr("Districts gone quiet ({n})").format(n=number(len(result.quiet_districts))),
        )
        checked = sum(result.checked.values())
        text = self.tr(
            "{checked} records checked against today's rules; {failing} fail. Quiet: no news "
            "since {since}."
        ).format(
            checked=number(checked),
            failing=number(len(result.failing)),
            since=date_text(result.quiet_since),
        )
        if result.truncated:
            text += " " + self.tr("Stopped at the limit: not every record was checked.")
        self.summary.setText(text)
