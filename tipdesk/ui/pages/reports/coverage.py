"""The Reports screen's Coverage tab: every district the report covers (at HQ, every district of
the reference list) with its devices, last record change, last bundle and status, and the
records held in quarantine at HQ; districts to act on first. :meth:`CoveragePanel.coverage_text`
is the same in words, for the report's banner."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from tipdesk.reports.model import CoverageStatus, Report
from tipdesk.ui.pages.reports.review_tabs import fit_columns, new_table
from tipdesk.ui.widgets.common import counted, date_text, label, number
from tipdesk.ui.widgets.text_table import TextTableModel


class CoveragePanel(QWidget):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextTableModel(
            [
                self.tr("District"),
                self.tr("Province"),
                self.tr("Devices"),
                self.tr("Last record change"),
                self.tr("Last bundle"),
                self.tr("Status"),
                self.tr("Held in quarantine"),
            ],
            self,
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 0, 0)
        self.note = label("", "hint", wrap=True)
        self.note.setObjectName("coverageNote")
        box.addWidget(self.note)
        self.view = new_table(self.model, "coverageTable")
        box.addWidget(self.view, 1)

    def coverage_text(self, report: Report) -> str:
        """Coverage and quarantine in words: how many districts' data the figures hold, who
        sent nothing, what is held back (never "none stale" when most sent nothing)."""
        cov = report.coverage
        n, total = len(cov.included), len(cov.rows)
        parts: list[str] = []
        if cov.source == "bundles":  # HQ: a district install's report is its own records
            parts.append(
                self.tr("Data from {n} of {total} districts.").format(
                    n=number(n), total=number(total)
                )
            )
            if cov.no_device:
                parts.append(
                    self.tr("{n} have no device registered.").format(n=number(len(cov.no_device)))
                )
            if cov.never_sent:
                parts.append(
                    self.tr("{n} registered but never sent data.").format(
                        n=number(len(cov.never_sent))
                    )
                )
        if cov.stale:
            parts.append(
                self.tr("{n} not heard of since {date}.").format(
                    n=number(len(cov.stale)), date=date_text(cov.stale_before)
                )
            )
        if cov.quarantine:
            parts.append(
                self.tr(
                    "{n} held in quarantine and not in these figures (see Breakdowns, Coverage)."
                ).format(
                    n=counted(
                        cov.quarantined_records,
                        self.tr("{n} record received is"),
                        self.tr("{n} records received are"),
                    )
                )
            )
        return " ".join(parts)

    def show_report(self, report: Report) -> None:
        rows = []
        flagged = []
        held = {q.district: q for q in report.coverage.quarantine}
        statuses = {
            CoverageStatus.CURRENT: self.tr("Up to date"),
            CoverageStatus.STALE: self.tr("Stale"),
            CoverageStatus.NEVER_SENT: self.tr("Registered, never sent"),
            CoverageStatus.NO_DEVICE: self.tr("No device registered"),
        }
        at_hq = report.coverage.source == "bundles"
        # Districts to act on first (held records, silent, stale), those with no device last.
        order = {
            CoverageStatus.NEVER_SENT: 0,
            CoverageStatus.STALE: 1,
            CoverageStatus.CURRENT: 2,
            CoverageStatus.NO_DEVICE: 3,
        }
        listed = sorted(
            report.coverage.rows,
            key=lambda r: (0 if r.district in held else 1, order[r.status]),
        )
        for i, r in enumerate(listed):
            q = held.get(r.district)
            rows.append(
                [
                    r.district_name,
                    r.province_name or r.province,
                    number(r.devices) if at_hq else "",
                    date_text(r.last_update[:10]) if r.last_update else "",
                    date_text(r.last_bundle[:10]) if r.last_bundle else self.tr("none"),
                    statuses[r.status],
                    number(q.records) if q else "",
                ]
            )
            if r.stale or q:
                flagged.append(i)
        self.model.set_rows(rows, highlight=flagged)
        self.view.setColumnHidden(2, not at_hq)
        self.view.setColumnHidden(4, not at_hq)
        self.view.setColumnHidden(6, not held)
        note = self.coverage_text(report)
        if report.coverage.quarantine:
            note += " " + self.tr("Held in quarantine, by district: {list}.").format(
                list=", ".join(
                    f"{q.district_name} {number(q.records)}" for q in report.coverage.quarantine
                )
            )
        self.note.setText(note)
        fit_columns(self.view)
