"""The training session editor: participants by gender and by agency, which must add up.

The sums are shown as the officer types (a hint, not a block); the rule itself is the core's
``participants.gender_sum`` / ``participants.agency_sum``, reported on Save next to the total
and the agency table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.records import Training
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
    LinesField,
    TextField,
    reference_items,
)


class AgencyCountsField(QWidget):
    """People trained per agency: one line per agency (agency, count, remove)."""

    sig_edited = Signal()

    def __init__(self, agencies: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agencies = agencies
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        layout.addLayout(self.grid)
        self.add_button = QPushButton(self.tr("Add an agency"))
        self.add_button.setObjectName("addAgency")
        self.add_button.clicked.connect(self._on_add)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.lines: list[tuple[CodeCombo, CountField, QToolButton]] = []
        self.setFocusProxy(self.add_button)

    def _on_add(self) -> None:
        combo, _count, _remove = self.add_line("", 0)
        combo.setFocus()
        self.sig_edited.emit()

    def add_line(self, code: str, count: int) -> tuple[CodeCombo, CountField, QToolButton]:
        combo = CodeCombo(self._agencies, blank=self.tr("Choose the agency"), searchable=True)
        combo.set_value(code)
        spin = CountField()
        spin.setMaximumWidth(100)
        spin.set_value(count)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this agency"))
        remove.setAutoRaise(True)
        line = (combo, spin, remove)
        self.lines.append(line)
        row = len(self.lines) - 1
        self.grid.addWidget(combo, row, 0)
        self.grid.addWidget(spin, row, 1)
        self.grid.addWidget(remove, row, 2)
        combo.sig_edited.connect(self.sig_edited.emit)
        spin.sig_edited.connect(self.sig_edited.emit)
        remove.clicked.connect(lambda: self._remove(line))
        return line

    def _remove(self, line: tuple[CodeCombo, CountField, QToolButton]) -> None:
        if line not in self.lines:
            return
        self.lines.remove(line)
        for w in line:
            self.grid.removeWidget(w)
            w.deleteLater()
        # Re-pack the remaining lines so the grid has no holes.
        for row, (combo, spin, remove) in enumerate(self.lines):
            self.grid.addWidget(combo, row, 0)
            self.grid.addWidget(spin, row, 1)
            self.grid.addWidget(remove, row, 2)
        self.sig_edited.emit()

    def value(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for combo, spin, _ in self.lines:
            code = combo.value()
            out[code] = out.get(code, 0) + spin.value()
        return out

    def set_value(self, value: dict[str, int] | None) -> None:
        for line in list(self.lines):
            for w in line:
                self.grid.removeWidget(w)
                w.deleteLater()
        self.lines = []
        for code, count in (value or {}).items():
            self.add_line(code, int(count))

    def state(self) -> Any:
        return [(c.value(), s.value()) for c, s, _ in self.lines]

    def total(self) -> int:
        return sum(s.value() for _, s, _ in self.lines)


class TrainingForm(RecordForm):
    record_type = Training

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        page.addWidget(self.banner)
        # In this order: the fields' order is the order problems and focus go through.
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._build_session())
        left.addWidget(self._build_place())
        page.addLayout(columns(left, self._build_participants()))
        page.addStretch(1)
        self.sig_edited.connect(self._update_sums)

    # --- the groups -----------------------------------------------------------------------------
    def _build_session(self) -> QWidget:
        ref = self.ctx.reference
        what, f1 = group(self.tr("The session"))
        self.add_field(
            f1,
            "title",
            self.tr("&Title"),
            TextField(placeholder=self.tr("e.g. Victim identification for investigators")),
        )
        self.add_field(
            f1,
            "organiser",
            self.tr("&Organised by"),
            CodeCombo(reference_items(ref, "agencies"), searchable=True),
        )
        self.add_field(
            f1,
            "topics",
            self.tr("To&pics"),
            CodeChecklist(reference_items(ref, "training_topics"), rows=6),
        )
        self.add_field(
            f1,
            "partners",
            self.tr("Pa&rtners"),
            CodeChecklist(reference_items(ref, "partners"), rows=4),
        )
        return what

    def _build_place(self) -> QWidget:
        where, f2 = group(self.tr("When and where"))
        self.add_field(f2, "start_on", self.tr("&Start date"), DateField())
        self.add_field(f2, "end_on", self.tr("&End date"), DateField())
        self.add_field(f2, "district", self.tr("&District"), DistrictField(self.ctx.reference))
        self.add_field(f2, "venue", self.tr("&Venue"), TextField())
        return where

    def _build_participants(self) -> QWidget:
        """The counts (by gender and by agency, with their sums) and the roster."""
        people, f3 = group(self.tr("Participants"))
        self.add_field(f3, "participants_total", self.tr("Total tr&ained"), CountField())
        self.add_field(f3, "participants_female", self.tr("&Women"), CountField())
        self.add_field(f3, "participants_male", self.tr("&Men"), CountField())
        self.add_field(f3, "participants_transgender", self.tr("Tra&nsgender"), CountField())
        self.gender_sum = QLabel()
        self.gender_sum.setObjectName("genderSum")
        self.gender_sum.setProperty("role", "hint")
        self.gender_sum.setWordWrap(False)
        f3.addRow("", self.gender_sum)
        agencies = AgencyCountsField(reference_items(self.ctx.reference, "agencies"))
        self.add_field(f3, "participants_by_agency", self.tr("&By agency"), agencies)
        self.agency_sum = QLabel()
        self.agency_sum.setObjectName("agencySum")
        self.agency_sum.setProperty("role", "hint")
        self.agency_sum.setWordWrap(False)
        f3.addRow("", self.agency_sum)
        roster = LinesField()
        roster.setPlaceholderText(self.tr("Optional: one name per line"))
        roster.setMinimumHeight(90)
        self.add_field(f3, "roster", self.tr("Roster"), roster)
        return people

    def after_load(self) -> None:
        self._update_sums()

    def _update_sums(self) -> None:
        total = self.editor("participants_total").value()
        parts = [
            self.editor(f"participants_{g}").value() for g in ("female", "male", "transgender")
        ]
        s = sum(parts)
        if not any(parts):
            text = self.tr("Women, men and transgender add up to the total when given.")
        elif s == total:
            text = self.tr("Women + men + transgender = {sum:,}: matches the total.").format(sum=s)
        else:
            text = self.tr(
                "Women + men + transgender = {sum:,}, but the total is {total:,}."
            ).format(sum=s, total=total)
        self.gender_sum.setText(text)
        agencies: AgencyCountsField = self.editor("participants_by_agency")
        if not agencies.lines:
            atext = self.tr("Optional: how many came from each agency (they add up to the total).")
        elif agencies.total() == total:
            atext = self.tr("The agencies add up to {sum:,}: matches the total.").format(
                sum=agencies.total()
            )
        else:
            atext = self.tr("The agencies add up to {sum:,}, but the total is {total:,}.").format(
                sum=agencies.total(), total=total
            )
        self.agency_sum.setText(atext)
        self.gender_sum.setAlignment(Qt.AlignmentFlag.AlignLeading)


class TrainingEditor(RecordEditor):
    kind = "training"

    def build_body(self, body: QWidget) -> None:
        self.place_form(body, TrainingForm(self.ctx))

    def new_record(self) -> Any:
        return Training(district=self.ctx.identity.install.district)

    def title(self) -> str:
        title = str(self.form.record.title) if self._loaded else ""
        return title or (self.tr("New training") if not self.record_id else self.tr("Training"))
