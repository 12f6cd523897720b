"""The dashboard's "Due" panel: how many diary items are overdue, due today and this week, and
the most pressing of them; Enter on one opens its case, the button opens the Diary.

Read through :func:`tipdesk.services.diary.diary` (the install's own office) each time the
dashboard refreshes, on the store's thread.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from tipdesk.services import diary
from tipdesk.services.diary import Diary, DiaryItem, Section
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.diary import labels
from tipdesk.ui.style import repolish
from tipdesk.ui.widgets.common import Card, button, label, number
from tipdesk.ui.widgets.text_table import TextTableModel, selected_row, table_view

SHOWN = 6


class DuePanel(Card):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Due"), parent)
        self.setObjectName("duePanel")
        self.ctx = ctx
        self.diary: Diary | None = None
        self.shown: list[DiaryItem] = []
        self.set_hint(self.tr("Court hearings and deadlines from the diary"))
        counts = QGridLayout()
        counts.setHorizontalSpacing(24)
        self.counts: dict[str, QLabel] = {}
        for column, (key, text) in enumerate(
            (("overdue", self.tr("Overdue")), ("today", self.tr("Today")),
             ("week", self.tr("This week")))
        ):  # fmt: skip
            value = label("–", "figure")
            value.setObjectName(f"due_{key}")
            counts.addWidget(value, 0, column)
            counts.addWidget(label(text, "figureLabel"), 1, column)
            self.counts[key] = value
        counts.setColumnStretch(3, 1)
        self.open_button = button(self.tr("Open the diary"), "diary")
        self.open_button.setObjectName("openDiaryButton")
        self.open_button.clicked.connect(lambda: self.ctx.events.sig_show_page.emit("diary"))
        counts.addWidget(self.open_button, 0, 4, 2, 1)
        self.body.addLayout(counts)
        self.model = TextTableModel(labels.HEADERS[:4], self, context=labels.CONTEXT)
        self.table = table_view(self.model, "dueTable", stretch=1)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setFixedHeight(28 * SHOWN + 36)
        for column, width in ((0, 110), (2, 130), (3, 180)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda _index: self.open_case())
        self.body.addWidget(self.table)
        self.empty = label(self.tr("Nothing is overdue or due this week."), "hint")
        self.empty.setObjectName("dueEmpty")
        self.empty.hide()
        row = QHBoxLayout()
        row.addWidget(self.empty)
        self.body.addLayout(row)

    def refresh(self) -> None:
        office = self.ctx.identity.install.office or None
        self.ctx.runner.submit(
            partial(diary.diary, office=office, limit=SHOWN), self._on_loaded, self.ctx.report
        )

    def _on_loaded(self, found: Diary) -> None:
        self.diary = found
        for key, section in (("overdue", found.overdue), ("today", found.due_today),
                             ("week", found.week)):  # fmt: skip
            self.counts[key].setText(_count(section))
        overdue = self.counts["overdue"]
        overdue.setProperty("role", "figureDanger" if found.overdue.total else "figure")
        repolish(overdue)
        # The latest overdue first, but leave room for what is due today and this week.
        coming = [*found.due_today.items, *found.week.items]
        late = found.overdue.items[: max(SHOWN // 2, SHOWN - len(coming))]
        self.shown = [*late, *coming][:SHOWN]
        self.model.set_rows(
            [labels.row(i)[:4] for i in self.shown],
            [i.key for i in self.shown],
            highlight=[n for n, i in enumerate(self.shown) if i.overdue],
        )
        nothing = not self.shown
        self.table.setVisible(not nothing)
        self.empty.setVisible(nothing)

    def open_case(self) -> bool:
        row = selected_row(self.table)
        item = self.shown[row] if 0 <= row < len(self.shown) else None
        if item is None or not item.case_id:
            return False
        self.ctx.events.sig_open_record.emit("case", item.case_id)
        return True


def _count(section: Section) -> str:
    return number(section.total) + ("+" if section.more else "")
