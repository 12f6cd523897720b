"""On sign-in, a short list of what is overdue in the office's diary, without blocking: a panel
above the pages (it never takes the keyboard) with the latest items, a button to open the Diary
and one to dismiss it. It shows at a district install when something is overdue, and reads
after the main window is up."""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from tipdesk.core.codes import InstallRole
from tipdesk.services import diary
from tipdesk.services.diary import Section
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.diary import labels
from tipdesk.ui.widgets.common import button, date_text, label, number

SHOWN = 5


class NoticeHost(Protocol):
    """Where the notice goes (the main window's :meth:`add_notice`)."""

    def add_notice(self, widget: QWidget) -> None: ...
    def isVisible(self) -> bool: ...


class OverdueNotice(QFrame):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overdueNotice")
        self.setProperty("banner", "warning")
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 10, 24, 10)
        outer.setSpacing(6)
        head = QHBoxLayout()
        more = "+" if section.more else ""
        self.heading = label(
            self.tr("{n} overdue in the diary: hearings not yet recorded and deadlines "
                    "passed. The latest:").format(n=number(section.total) + more),
            "sectionTitle",
        )  # fmt: skip
        self.heading.setObjectName("overdueHeading")
        head.addWidget(self.heading, 1)
        self.open_button = button(self.tr("Open the diary"), "diary")
        self.open_button.setObjectName("overdueOpenDiary")
        self.open_button.clicked.connect(self.open_diary)
        self.dismiss_button = button(self.tr("Dismiss"), flat=True)
        self.dismiss_button.setObjectName("overdueDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        head.addWidget(self.open_button)
        head.addWidget(self.dismiss_button)
        outer.addLayout(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        self.lines: list[str] = []
        for n, item in enumerate(section.items[:SHOWN]):
            cells = (date_text(item.due_on.isoformat()), labels.what(item),
                     item.case_number or "–", item.subject or "")  # fmt: skip
            for column, text in enumerate(cells):
                grid.addWidget(label(text), n, column)
            self.lines.append(" · ".join(c for c in cells if c))
        grid.setColumnStretch(4, 1)  # the lines stay compact, on the left
        outer.addLayout(grid)

    def open_diary(self) -> None:
        self.ctx.events.sig_show_page.emit("diary")
        self.dismiss()

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()


def notify_overdue(window: NoticeHost, ctx: AppContext) -> None:
    """Read what is overdue (the install's office) and show the notice if anything is."""

    def shown(section: Section) -> None:
        if section.total and window.isVisible():
            window.add_notice(OverdueNotice(ctx, section))

    install = ctx.identity.install
    if install.role is InstallRole.HQ:
        return  # HQ does not work the districts' diaries (its Diary page shows them all)
    office = install.office or None
    # A failure here must not disturb signing in: the Diary page reports it when opened.
    ctx.runner.submit(partial(diary.overdue, office=office, limit=SHOWN), shown, lambda _e: None)
