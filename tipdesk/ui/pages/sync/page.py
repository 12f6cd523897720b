"""The Sync page: the district's outbox, export and receipts, or HQ's inbox, import report,
devices and conflicts, depending on the install's role.

The two screens live in :mod:`tipdesk.ui.pages.sync.district` and
:mod:`tipdesk.ui.pages.sync.hq`, what they share in :mod:`tipdesk.ui.pages.sync.common`. Every
store call goes through the runner and the sync services, which check permissions and the
role.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from tipdesk.core.codes import InstallRole
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.sync.district import SyncDistrictPanel
from tipdesk.ui.pages.sync.hq import SyncHqPanel


class SyncView(QWidget):
    """The Sync page: the district screen or HQ's, by the install's role."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel: SyncHqPanel | SyncDistrictPanel
        if ctx.identity.install.role is InstallRole.HQ:
            self.panel = SyncHqPanel(ctx, self)
        else:
            self.panel = SyncDistrictPanel(ctx, self)
        layout.addWidget(self.panel)

    def activated(self) -> None:
        self.panel.refresh()
