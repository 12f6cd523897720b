"""Settings: the size limits of case files (per file and for all of a store's files), with
what the files take now. Read when the settings page refreshes; saved with
:func:`tipdesk.services.attachments.set_limits` (the ``manage_settings`` permission; audited
as a settings change). A file over a limit is refused when attached, with a message naming
the limit; files already stored stay."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QSpinBox, QWidget

from tipdesk.core import attachments as A
from tipdesk.core.errors import KnownError
from tipdesk.core.permissions import Permission
from tipdesk.services import attachments
from tipdesk.services.attachments import Usage
from tipdesk.ui.context import AppContext
from tipdesk.ui.errors import said_text, size_shown
from tipdesk.ui.widgets.common import Banner, Card, button


def _spin(ceiling: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, ceiling)
    spin.setSuffix(" " + QCoreApplication.translate("CaseFilesCard", "MB"))
    spin.setAccelerated(True)
    return spin


class CaseFilesCard(Card):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Case files"), parent)
        self.setObjectName("caseFilesCard")
        self.ctx = ctx
        self.set_hint(
            self.tr("Scans and photos attached to cases are kept encrypted in the store and "
                    "in its backups. Larger limits make backups larger.")
        )  # fmt: skip
        form = QFormLayout()
        form.setSpacing(6)
        self.file_spin = _spin(A.MAX_FILE_MB_CEILING)
        self.file_spin.setObjectName("maxFileMb")
        self.store_spin = _spin(A.MAX_STORE_MB_CEILING)
        self.store_spin.setObjectName("maxStoreMb")
        self.store_spin.setSingleStep(256)
        form.addRow(self.tr("Largest file"), self.file_spin)
        form.addRow(self.tr("All files together"), self.store_spin)
        self.body.addLayout(form)
        self.message = Banner("ok")
        self.message.setObjectName("caseFilesMessage")
        self.body.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = button(self.tr("Save limits"), "save")
        self.save_button.setObjectName("saveFileLimits")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        editable = ctx.can(Permission.MANAGE_SETTINGS)
        for widget in (self.file_spin, self.store_spin, self.save_button):
            widget.setEnabled(editable)

    def refresh(self) -> None:
        self.ctx.runner.submit(attachments.usage, self._on_read, self.ctx.report)

    def _on_read(self, usage: Usage) -> None:
        self.file_spin.setValue(usage.limits.max_file_mb)
        self.store_spin.setValue(usage.limits.max_store_mb)
        self.set_hint(
            self.tr("Scans and photos attached to cases are kept encrypted in the store and "
                    "in its backups; they take {used} now. Larger limits make backups "
                    "larger.").format(used=size_shown(usage.used))
        )  # fmt: skip

    def save(self) -> None:
        self.message.set_message("ok", "")
        self.ctx.runner.submit(
            partial(
                attachments.set_limits,
                max_file_mb=self.file_spin.value(),
                max_store_mb=self.store_spin.value(),
            ),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, _limits: A.Limits) -> None:
        self.message.set_message("ok", self.tr("The limits were saved."))
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.message.set_message("error", said_text(exc))
        else:
            self.ctx.report(exc)
