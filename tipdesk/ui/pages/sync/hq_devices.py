"""HQ's Devices tab: every registered district device by its district's and office's names
(codes in tool tips), a short device id (the whole id and the fingerprint in the tool tip),
its bundles, gaps, conflicts and state; registering and revoking (admins).

The "Audit anchor" column shows the head of the device's audit log as its latest bundle
carried it, or, when HQ flagged one of its bundles (:attr:`DeviceStatus.anchor_problems`: the
head went backwards, or forked from what HQ saw before), a warning naming the bundle; the row
is marked as a problem (red) and its tool tip says what it means and what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.services import sync
from tipdesk.services.sync import DeviceStatus
from tipdesk.store.sync_store import DeviceRow
from tipdesk.sync.identity import DeviceFile
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.sync import common
from tipdesk.ui.pages.sync.common import TippedTableModel, district_name, office_name, short, when
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import button
from tipdesk.ui.widgets.text_table import selected_row, table_view

CONTEXT = "DevicesTab"
COLUMNS = (
    str(QT_TRANSLATE_NOOP("DevicesTab", "District")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Office")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Device")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Last bundle")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Complete up to")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Missing")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Last seen")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Conflicts")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "Audit anchor")),
    str(QT_TRANSLATE_NOOP("DevicesTab", "State")),
)
Message = Callable[[str, str], None]
"""``message(kind, text)``: the Sync screen's result banner."""


class DevicesTab(QWidget):
    """See the module docstring. ``message`` shows results; ``changed`` asks the screen to
    reload after a device was registered or revoked."""

    def __init__(
        self,
        ctx: AppContext,
        message: Message,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devicesTab")
        self.ctx = ctx
        self._message = message
        self._changed = changed
        self.model = TippedTableModel(COLUMNS, self, context=CONTEXT)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        actions = QHBoxLayout()
        self.register_button = button(self.tr("Register a device…"), "plus")
        self.register_button.setObjectName("registerButton")
        self.register_button.clicked.connect(self.register_device)
        self.revoke_button = button(self.tr("Revoke…"), "user-off", danger=True)
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.revoke_device)
        can_manage = ctx.can(Permission.MANAGE_SETTINGS)
        self.register_button.setEnabled(can_manage)
        self.revoke_button.setEnabled(can_manage)
        actions.addWidget(self.register_button)
        actions.addWidget(self.revoke_button)
        actions.addStretch(1)
        box.addLayout(actions)
        self.table = table_view(self.model, "devicesTable")
        for col, width in enumerate((90, 150, 80, 120, 90, 60, 115, 65, 175)):
            self.table.setColumnWidth(col, width)
        box.addWidget(self.table, 1)

    def anchor_flag(self, d: DeviceStatus) -> tuple[str, str]:
        """The Audit anchor cell of ``d`` and its tool tip: the latest flagged bundle in words
        (what it means and what to do), else the head its latest bundle carried."""
        if not d.anchor_problems:
            text = (
                self.tr("up to entry {n}").format(n=d.audit_head[0])
                if d.audit_head
                else self.tr("none yet")
            )
            return text, self.tr("The head of the device's audit log in its latest bundle")
        last = d.anchor_problems[-1]
        if last.problem == "backwards":
            text = self.tr("⚠ Backwards, bundle {n}").format(n=last.bundle)
            meaning = self.tr(
                "The audit log in bundle {n} ends earlier than one HQ received before: the "
                "device's log was cut back, or the device was restored from an old backup."
            ).format(n=last.bundle)
        else:
            text = self.tr("⚠ Forked, bundle {n}").format(n=last.bundle)
            meaning = self.tr(
                "The audit log in bundle {n} no longer contains the entries HQ saw before: "
                "its history was rewritten, or another copy of the install is sending."
            ).format(n=last.bundle)
        more = len(d.anchor_problems) - 1
        tip = (
            meaning
            + "\n\n"
            + self.tr(
                "The bundle was imported (its records are kept), but the district's audit trail "
                "can no longer be trusted. Call the district: ask whether the computer was "
                "restored or copied, compare its audit log (Audit screen) with HQ's, and revoke "
                "and register the device again if it is not the one you registered."
            )
        )
        if more:
            tip += "\n" + self.tr("{n} earlier flagged bundles.").format(n=more)
        return text, tip

    def show_devices(self, devices: Sequence[DeviceStatus], offices: Mapping[str, str]) -> None:
        ref = self.ctx.reference
        rows: list[list[str]] = []
        tips: list[list[str]] = []
        for d in devices:
            anchor, anchor_tip = self.anchor_flag(d)
            rows.append(
                [
                    district_name(ref, d.district),
                    office_name(ref, offices, d.office),
                    short(d.device_id),
                    self.tr("{seq} ({at})").format(seq=d.last_bundle, at=when(d.last_bundle_at))
                    if d.last_bundle is not None
                    else self.tr("none yet"),
                    str(d.contiguous_seq),
                    ", ".join(str(g) for g in d.gaps) or self.tr("none"),
                    when(d.last_seen),
                    str(d.open_conflicts),
                    anchor,
                    self.tr("revoked {at}").format(at=when(d.revoked_at))
                    if d.revoked_at
                    else self.tr("active"),
                ]
            )
            tips.append(
                [
                    d.district,
                    d.office,
                    self.tr("{device}\nfingerprint {fp}").format(
                        device=d.device_id, fp=d.fingerprint
                    ),
                    "",
                    "",
                    "",
                    "",
                    "",
                    anchor_tip,
                    "",
                ]
            )
        gaps = {i for i, d in enumerate(devices) if d.gaps}
        self.model.set_rows(rows, [d.device_id for d in devices], gaps, tips)
        # A flagged audit log is a red row whose tool tip (on every cell) says what to do.
        for i, d in enumerate(devices):
            if d.anchor_problems:
                self.model.set_problem(i, tips[i][8])

    # --- registering and revoking -------------------------------------------------------------
    def register_device(self) -> None:
        path = files.ask_open_file(
            self, self.tr("The district's device file"), Path.home(),
            self.tr("Device files (*.json)"),
        )  # fmt: skip
        if path is None:
            return

        def read(found: DeviceFile) -> None:
            question = self.tr(
                "Register the device of {district}?\n\nFingerprint: {fp}\n\nCompare it with "
                "the one the district reads to you before you say yes."
            ).format(
                district=district_name(self.ctx.reference, found.district),
                fp=found.device.fingerprint,
            )
            if common.confirm(self, self.tr("Register a device"), question):
                self.ctx.runner.submit(
                    partial(sync.register_device, path=path), self._on_registered, self.ctx.report
                )

        self.ctx.runner.call(partial(sync.read_device_file, path), read, self.ctx.report)

    def _on_registered(self, row: DeviceRow) -> None:
        self._message(
            "ok",
            self.tr("Device {device} of {district} registered.").format(
                device=short(row.device_id),
                district=district_name(self.ctx.reference, row.district),
            ),
        )
        self._changed()

    def revoke_device(self) -> None:
        row = selected_row(self.table)
        device_id = self.model.key(row)
        if not device_id:
            self._message("info", self.tr("Select a device first."))
            return
        question = self.tr(
            "Revoke device {device} of {district}? Every later bundle from it will be refused. "
            "This cannot be undone."
        ).format(device=short(device_id), district=self.model.text(row, 0))
        if not common.confirm(self, self.tr("Revoke a device"), question):
            return

        def done(found: DeviceRow) -> None:
            self._message(
                "ok", self.tr("Device {device} revoked.").format(device=short(found.device_id))
            )
            self._changed()

        self.ctx.runner.submit(
            partial(sync.revoke_device, device_id=device_id), done, self.ctx.report
        )
