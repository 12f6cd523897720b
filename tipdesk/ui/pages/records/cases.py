"""The Cases page: the case list (search, stage/district/accused outcome/period filters, "My
cases") and case editors in tabs.

"My cases" lists the cases whose investigating officer is the signed-in user. Cases name their
officer as text, so the first time the officer is asked how they are written there (the name
most often written on the cases they entered is offered); the answer is kept for them
(:func:`tipdesk.services.lists.set_officer_name`), and "…" beside the box changes it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import Outcome, Stage
from tipdesk.services import lists
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.handover import HandedOverPanel
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
        self._build_my_cases()
        # Cases handed over to this district, above the list (hidden when there is none).
        self.handed_over = HandedOverPanel(ctx, self.list)
        layout = self.list.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.handed_over)
        self.handed_over.refresh()

    # --- My cases -------------------------------------------------------------------------------
    def _build_my_cases(self) -> None:
        self.my_cases = QCheckBox(self.tr("My cases"), self)
        self.my_cases.setObjectName("myCases")
        self.my_cases.setToolTip(self.tr("Only the cases you are the investigating officer of"))
        self.my_cases.toggled.connect(self._on_my_cases)
        self.my_name_button = QToolButton(self)
        self.my_name_button.setObjectName("myNameButton")
        self.my_name_button.setText("…")
        self.my_name_button.setToolTip(self.tr("How you are written as investigating officer"))
        self.my_name_button.setAccessibleName(self.my_name_button.toolTip())
        self.my_name_button.clicked.connect(lambda: self._ask_name(force=True))
        self.list.extra_bar.addWidget(self.my_cases)
        self.list.extra_bar.addWidget(self.my_name_button)
        self.officer = ""

    def _on_my_cases(self, on: bool) -> None:
        if not on:
            self.list.set_extra_filter("investigating_officer", "")
            return
        if self.officer:
            self.list.set_extra_filter("investigating_officer", self.officer)
            return
        self.ctx.runner.submit(lists.officer_name, self._on_officer_name, self._on_failed)

    def _on_officer_name(self, found: lists.OfficerName) -> None:
        if found.known:
            self._use_name(found.name)
        else:
            self._ask_name(guess=found.name)

    def _ask_name(self, *, force: bool = False, guess: str = "") -> None:
        name = ask_officer_name(self, guess or self.officer)
        if name is None or not name.strip():
            if not force:
                self.my_cases.setChecked(False)
            return
        self.ctx.runner.submit(
            partial(lists.set_officer_name, name=name),
            lambda saved: self._use_name(saved.name),
            self._on_failed,
        )

    def _use_name(self, name: str) -> None:
        self.officer = name
        self.my_cases.setToolTip(
            self.tr("Only the cases whose investigating officer is {name}").format(name=name)
        )
        if not self.my_cases.isChecked():
            self.my_cases.setChecked(True)  # runs _on_my_cases, which filters
        else:
            self.list.set_extra_filter("investigating_officer", name)

    def _on_failed(self, exc: BaseException) -> None:
        self.my_cases.setChecked(False)
        self.ctx.report(exc)

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
        return CaseEditor(self.ctx, record_id, self.editor_parent())


def ask_officer_name(parent: QWidget, suggested: str) -> str | None:
    """Ask how the user is written as investigating officer (None: cancelled). Tests replace
    it with ``monkeypatch.setattr``."""
    tr = QCoreApplication.translate
    name, ok = QInputDialog.getText(
        parent,
        tr("CasesView", "My cases"),
        tr("CasesView", "Your name as it is written in “Investigating officer”:"),
        QLineEdit.EchoMode.Normal,
        suggested,
    )
    return name if ok else None
