"""HQ's import report: what an import of bundle files did, in words first ("Nothing new: HQ
already had all 2,001 records in this bundle"), then records per type and what was held back
or is missing.

A re-sent bundle is not a failure: the versions HQ already held (or held a later version of)
are counted as "already up to date" (:attr:`tipdesk.services.sync.ImportReport.up_to_date`),
and the banner is a warning only when something was refused or quarantined, or when a
bundle's audit head went backwards or forked (listed with what to do).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from tipdesk.core.errors import problem_said
from tipdesk.core.reference import Reference
from tipdesk.services.sync import ImportReport
from tipdesk.ui.errors import kept_problem_text, message_text
from tipdesk.ui.pages.sync.common import bundles_text, district_name, records_text, short
from tipdesk.ui.record_fields import Titles, kind_words, named
from tipdesk.ui.widgets.common import Card, counted, label, number
from tipdesk.ui.widgets.text_table import TextTableModel, table_view, wrap_column

CONTEXT = "ImportReportTab"
COUNT_COLUMNS = (
    str(QT_TRANSLATE_NOOP("ImportReportTab", "Type")),
    str(QT_TRANSLATE_NOOP("ImportReportTab", "In the bundles")),
    str(QT_TRANSLATE_NOOP("ImportReportTab", "Accepted")),
)
PROBLEM_COLUMNS = (
    str(QT_TRANSLATE_NOOP("ImportReportTab", "What")),
    str(QT_TRANSLATE_NOOP("ImportReportTab", "Where")),
    str(QT_TRANSLATE_NOOP("ImportReportTab", "Details")),
)
ORDER = ("case", "accused", "victim", "referral", "training", "campaign")


@dataclass(frozen=True)
class Summary:
    """The report in words: ``kind`` of banner (``ok``, ``info``, ``warning``), the files'
    sentence and the records' sentence."""

    kind: str
    files: str
    records: str

    @property
    def text(self) -> str:
        return f"{self.files}\n{self.records}"


class ImportReportTab(QWidget):
    """The Import report tab of HQ's Sync screen (see the module docstring)."""

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportTab")
        self.reference = reference
        self.counts_model = TextTableModel(COUNT_COLUMNS, self, context=CONTEXT)
        self.problems_model = TextTableModel(PROBLEM_COLUMNS, self, context=CONTEXT)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        self.summary = label(self.tr("No import yet in this session."), wrap=True)
        self.summary.setObjectName("reportSummary")
        box.addWidget(self.summary)
        row = QHBoxLayout()
        row.setSpacing(12)
        counts_card = Card(self.tr("Records per type"))
        self.counts_table = table_view(self.counts_model, "countsTable")
        self.counts_table.setColumnWidth(0, 100)
        self.counts_table.setColumnWidth(1, 130)
        counts_card.body.addWidget(self.counts_table)
        self.up_to_date = label("", "hint", wrap=True)
        self.up_to_date.setObjectName("upToDate")
        counts_card.body.addWidget(self.up_to_date)
        problems_card = Card(self.tr("Duplicates, conflicts, quarantine, gaps"))
        self.problems_table = table_view(self.problems_model, "problemsTable")
        # A quarantine reason names fields and says what is wrong with each: the What column
        # keeps the width of its words, Where a name's, and Details the rest, wrapped whole.
        self.problems_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.problems_table.setColumnWidth(1, 180)
        wrap_column(self.problems_table, 2, self)
        problems_card.body.addWidget(self.problems_table)
        row.addWidget(counts_card, 3)
        row.addWidget(problems_card, 5)
        box.addLayout(row, 1)

    # --- words --------------------------------------------------------------------------------
    def summarise(self, report: ImportReport) -> Summary:
        """The whole report in two sentences (files, then records)."""
        imported = sum(1 for r in report.results if r.status != "duplicate")
        before = len(report.duplicates)
        files = self.tr("{files}: {imported} imported, {before}, {refused} refused").format(
            files=counted(
                len(report.results) + len(report.errors),
                self.tr("{n} bundle file"),
                self.tr("{n} bundle files"),
            ),
            imported=number(imported),
            before=counted(before, self.tr("{n} imported before"), self.tr("{n} imported before")),
            refused=number(len(report.errors)),
        )
        if report.files:
            files += self.tr("; case files for HQ: {n} received").format(
                n=number(sum(1 for f in report.files if f.status == "imported"))
            )
        if report.moved:
            files += self.tr("; {n} moved to the inbox's “imported” folder").format(
                n=bundles_text(len(report.moved))
            )
        received = report.received
        accepted = sum(report.accepted.values())
        conflicts, quarantined = len(report.conflicts), len(report.quarantined)
        if received and report.up_to_date == received and not (conflicts or quarantined):
            records = self.tr(
                "Nothing new: HQ already had every record in them ({n}), as sent before."
            ).format(n=records_text(received))
        else:
            records = self.tr(
                "{received} in them: {accepted} accepted, {up_to_date} already up to date at "
                "HQ, {conflicts}, {quarantined} quarantined."
            ).format(
                received=records_text(received),
                accepted=number(accepted),
                up_to_date=number(report.up_to_date),
                conflicts=counted(
                    conflicts, self.tr("{n} conflict to review"), self.tr("{n} conflicts to review")
                ),
                quarantined=number(quarantined),
            )
        flagged = [r for r in report.results if r.anchor is not None and r.anchor.problem]
        if flagged:
            records += " " + self.tr(
                "The audit log of {n} went backwards or forked: see the list, and call the "
                "district."
            ).format(
                n=", ".join(
                    sorted({r.district_name or district_name(self.reference, r.district)
                            for r in flagged})
                )
            )  # fmt: skip
        kind = (
            "warning" if report.errors or quarantined or flagged else "info" if conflicts else "ok"
        )
        return Summary(kind, files + ".", records)

    # --- showing ------------------------------------------------------------------------------
    def _named(self, listed: Mapping[str, Any], titles: Titles) -> str:
        return named(str(listed["kind"]), str(listed["record_id"]), titles, self.reference)

    def show_report(
        self, report: ImportReport, titles: Titles, devices: Mapping[str, str]
    ) -> Summary:
        """Show ``report``; ``devices``: device id -> district code (for the gaps)."""
        in_bundles: dict[str, int] = {}
        for r in report.results:
            for kind, n in r.counts.items():
                in_bundles[kind] = in_bundles.get(kind, 0) + n
        kinds = sorted(
            set(in_bundles) | set(report.accepted),
            key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), k),
        )
        self.counts_model.set_rows(
            [
                [kind_words(k), number(in_bundles.get(k, 0)), number(report.accepted.get(k, 0))]
                for k in kinds
            ],
            kinds,
        )
        self.up_to_date.setText(
            self.tr(
                "Already up to date at HQ: {n} (sent before, or HQ holds a later version). "
                "They change nothing and need nothing from you."
            ).format(n=number(report.up_to_date))
        )
        rows = self._problems(report, titles, devices)
        self.problems_model.set_rows(rows)
        # A flagged audit log is a red row whose tool tip is the whole explanation.
        for i, row in enumerate(rows):
            if row[0] in (self.tr("Audit log went backwards"), self.tr("Audit log forked")):
                self.problems_model.set_problem(i, row[2])
        summary = self.summarise(report)
        self.summary.setText(summary.text)
        return summary

    def _problems(
        self, report: ImportReport, titles: Titles, devices: Mapping[str, str]
    ) -> list[list[str]]:
        rows: list[list[str]] = []
        for r in report.results:
            if r.status == "duplicate":
                where = self.tr("{district}, bundle {seq}").format(
                    district=r.district_name or district_name(self.reference, r.district),
                    seq=r.seq,
                )
                rows.append([self.tr("Imported before"), where,
                             self.tr("the same file again; nothing changed")])  # fmt: skip
        for r in report.results:
            if r.anchor is None or not r.anchor.problem:
                continue
            where = self.tr("{district}, bundle {seq}").format(
                district=r.district_name or district_name(self.reference, r.district), seq=r.seq
            )
            what = (
                self.tr("Audit log went backwards")
                if r.anchor.problem == "backwards"
                else self.tr("Audit log forked")
            )
            rows.append(
                [
                    what,
                    where,
                    self.tr(
                        "{message}. The records were imported; the district's audit trail can "
                        "no longer be trusted: call the district (restored from a backup, or "
                        "copied?) and see the Devices tab."
                    ).format(message=r.anchor.message.rstrip(".")),
                ]
            )
        for c in report.conflicts:
            rows.append([self.tr("Conflict"), self._named(c, titles),
                         self.tr("held for review on the Conflicts tab")])  # fmt: skip
        for q in report.quarantined:
            kind = str(q.get("kind", ""))
            reasons = "; ".join(
                kept_problem_text(*problem_said(p), kind=kind) for p in q.get("problems", [])
            )
            rows.append([self.tr("Quarantined"), self._named(q, titles), reasons])
        districts = dict(devices)
        districts.update({r.device: r.district for r in report.results})
        for device, gaps in sorted(report.gaps.items()):
            if gaps:
                where = (
                    f"{district_name(self.reference, districts.get(device, ''))} {short(device)}"
                )
                rows.append([self.tr("Missing bundles"), where.strip(),
                             ", ".join(str(g) for g in gaps)])  # fmt: skip
        for e in report.errors:
            said = message_text(e.said.template, e.said.args.items()) if e.said else e.message
            rows.append([self.tr("Refused"), Path(e.file).name, said])
        return rows
