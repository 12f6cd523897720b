"""The question before a conflict is resolved: what the register will keep, and every value
that will be discarded, in full (:func:`tipdesk.services.sync.plan_resolution` says it before
anything is written). Cancel is the default button; resolving is a deliberate second step."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.widgets.common import label

HIDDEN = "••••"


@dataclass(frozen=True)
class PlanLine:
    """One differing field: its label, the side kept and both values as text."""

    field: str
    label: str
    keep: str
    """``local`` (HQ's register) or ``incoming`` (the district's)."""
    kept: str
    discarded: str
    hidden: bool = False


@dataclass(frozen=True)
class PlanView:
    """A resolution's plan as the dialog shows it."""

    conflict_id: str
    record: str
    """The record in words (``Case FIR 22/2026``)."""
    district: str
    """The district the held version came from, by name."""
    keep: str
    fields: dict[str, str]
    lines: tuple[PlanLine, ...]


class ResolutionDialog(QDialog):
    """See the module docstring. Accepting it means "resolve as planned"."""

    def __init__(self, plan: PlanView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolutionDialog")
        self.plan = plan
        self.setWindowTitle(self.tr("Resolve the conflict"))
        self.setMinimumSize(640, 420)
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 18, 20, 16)
        box.setSpacing(10)
        box.addWidget(
            label(self.tr("Resolve the conflict on {record}?").format(record=plan.record),
                  "sectionTitle")
        )  # fmt: skip
        intro = label(
            self.tr(
                "HQ's register will hold the values kept below, and this version goes back to "
                "{district} with its next receipt. The values listed as discarded are not kept "
                "anywhere: this cannot be undone."
            ).format(district=plan.district),
            "muted",
            wrap=True,
        )
        box.addWidget(intro)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.StyledPanel)
        content = QWidget()
        grid = QGridLayout(content)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for col, text in enumerate((self.tr("Field"), self.tr("Kept"), self.tr("Discarded"))):
            grid.addWidget(label(text, "muted"), 0, col)
        self.discarded_labels: dict[str, str] = {}
        for row, line in enumerate(plan.lines, start=1):
            side = self.tr("HQ's") if line.keep == "local" else self.tr("the district's")
            other = self.tr("the district's") if line.keep == "local" else self.tr("HQ's")
            grid.addWidget(label(line.label, wrap=True), row, 0, Qt.AlignmentFlag.AlignTop)
            kept = HIDDEN if line.hidden else line.kept or self.tr("(empty)")
            dropped = HIDDEN if line.hidden else line.discarded or self.tr("(empty)")
            kept_text = self.tr("{value}\n({side})").format(value=kept, side=side)
            dropped_text = self.tr("{value}\n({side})").format(value=dropped, side=other)
            self.discarded_labels[line.field] = dropped_text
            for col, text, role in ((1, kept_text, None), (2, dropped_text, "error")):
                value = label(text, role, wrap=True)
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(value, row, col, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(len(plan.lines) + 1, 1)
        area.setWidget(content)
        box.addWidget(area, 1)
        self.buttons = QDialogButtonBox()
        self.resolve_button = self.buttons.addButton(
            self.tr("&Resolve and discard"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.resolve_button.setObjectName("confirmResolveButton")
        self.resolve_button.setProperty("danger", True)
        self.resolve_button.setAutoDefault(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.cancel_button.setFocus()

    def discarded_text(self) -> str:
        """Every discarded value with its field, one per line (for tests and screen readers)."""
        return "\n".join(f"{f}: {t}" for f, t in self.discarded_labels.items())
