"""Settings: how often the app uploads to HQ on its own (district installs). Read when the
settings page refreshes; saved with :func:`tipdesk.services.install_settings.set_upload_minutes`
(the ``manage_settings`` permission; audited). The running upload takes the new time at once
(``events.sig_upload_minutes_changed``)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.services import install_settings as settings
from tipdesk.ui.context import AppContext
from tipdesk.ui.widgets.common import Banner, Card, button, label


class UploadCard(Card):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Upload to HQ"), parent)
        self.setObjectName("uploadCard")
        self.ctx = ctx
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Upload to HQ every"), ""))
        self.spin = QSpinBox()
        self.spin.setObjectName("uploadMinutes")
        self.spin.setRange(settings.MIN_UPLOAD_MINUTES, settings.MAX_UPLOAD_MINUTES)
        self.spin.setSuffix(self.tr(" min"))
        self.spin.setValue(settings.DEFAULT_UPLOAD_MINUTES)
        self.spin.setMinimumWidth(90)
        row.addWidget(self.spin)
        row.addWidget(label(self.tr("while someone is signed in"), ""))
        row.addStretch(1)
        self.save_button = button(self.tr("Save"))
        self.save_button.setObjectName("saveUploadMinutes")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        self.body.addWidget(
            label(
                self.tr(
                    "When HQ's address is set, TIPDesk also uploads at sign-in and shortly "
                    "after a save. Without the network, changes wait safely in the outbox."
                ),
                "hint",
                wrap=True,
            )
        )
        self.message = Banner("ok")
        self.message.setObjectName("uploadMessage")
        self.body.addWidget(self.message)
        can_manage = ctx.can(Permission.MANAGE_SETTINGS)
        self.spin.setEnabled(can_manage)
        self.save_button.setVisible(can_manage)

    def refresh(self) -> None:
        self.ctx.runner.submit(settings.upload_minutes, self.spin.setValue, self.ctx.report)

    def save(self) -> None:
        def done(value: int) -> None:
            self.ctx.events.sig_upload_minutes_changed.emit(value)
            self.message.set_message(
                "ok", self.tr("TIPDesk now uploads to HQ every {n} minutes.").format(n=value)
            )

        self.ctx.runner.submit(
            partial(settings.set_upload_minutes, minutes=self.spin.value()), done, self.ctx.report
        )
