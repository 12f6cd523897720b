"""The district's Sync screen: the state of sync with HQ, Upload now (when HQ's address is
configured: :mod:`tipdesk.ui.autosync` uploads on its own too), Export to a folder (a USB stick),
Import a receipt, Enrol with HQ's file, and in tabs what the last receipt brought back from HQ
(:mod:`~tipdesk.ui.pages.sync.from_hq`: corrections, resolved conflicts, new records, in
words), HQ's notices (linked accused in another district), the outbox and the receipts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.core.reference import Reference
from tipdesk.services import sync
from tipdesk.services.session import Session
from tipdesk.services.sync import ExportResult, Notice, ReceiptResult, SyncStatus
from tipdesk.services.sync.common import sync_store
from tipdesk.store.sync_store import OutboxRow, ReceiptRow
from tipdesk.sync.identity import Enrolment
from tipdesk.ui.autosync import UploadState, state_text
from tipdesk.ui.context import AppContext
from tipdesk.ui.errors import received_problem_text
from tipdesk.ui.pages.sync import common, from_hq
from tipdesk.ui.pages.sync.common import TippedTableModel, bundles_text, records_text, when
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.record_fields import Titles, named
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import Banner, Card, PageHeader, button, counted, label, number
from tipdesk.ui.widgets.text_table import TextTableModel, table_view

CONTEXT = "SyncDistrictPanel"
OUTBOX_COLUMNS = (
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Bundle")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Made")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Changes")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Records")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Acknowledged")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "File")),
)
RECEIPT_COLUMNS = (
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Receipt")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Issued")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Imported")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Up to bundle")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Quarantined")),
    str(QT_TRANSLATE_NOOP("SyncDistrictPanel", "Conflicts")),
)


@dataclass
class DistrictState:
    status: SyncStatus
    outbox: list[OutboxRow] = field(default_factory=list)
    receipts: list[ReceiptRow] = field(default_factory=list)
    upload: str | None = None
    """HQ's address for the network upload, or None when no upload is configured."""
    notices: list[Notice] = field(default_factory=list)


@dataclass(frozen=True)
class ReceiptDone:
    """An imported receipt, HQ's reference lists when the receipt installed an update, and the
    titles of the records it lists as quarantined or in conflict (it names them by id)."""

    result: ReceiptResult
    reference: Reference | None
    titles: Titles


# --- work for the store's thread ----------------------------------------------------------------
def _state(session: Session) -> DistrictState:
    # The upload module needs the network libraries (httpx: about 80 ms to import); it is
    # imported here, on the store's thread, rather than with the page on the GUI thread.
    from tipdesk.services.sync import upload

    status = sync.status(session)  # checks the permission and the role
    store = sync_store(session)
    found = upload.configured(session)
    hq_address = str(found.url) if found is not None else None
    notices = sync.notices(session)
    return DistrictState(status, store.outbox(), store.receipts(), hq_address, notices)


def _device_file(session: Session, folder: Path) -> tuple[Path, str]:
    district = session.install.district or "district"
    out = folder / f"{district}-device-{session.install.device_id[-8:]}.json"
    found = sync.export_device_file(session, out)
    return out, found.device.fingerprint


def _import_receipt(session: Session, path: Path) -> ReceiptDone:
    result = sync.import_receipt(session, path)
    # A reference update the receipt installed: the app's pick lists use it from now on.
    updated = result.reference is not None and result.reference.installed
    listed = [(str(r.get("kind", "")), str(r.get("record_id", "")))
              for r in (*result.quarantined, *result.conflicts)]  # fmt: skip
    titles = sync.record_titles(session, listed)
    return ReceiptDone(result, session.reference if updated else None, titles)


class SyncDistrictPanel(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDistrict")
        self.ctx = ctx
        self.state: DistrictState | None = None
        self.last_export: ExportResult | None = None
        self.last_receipt: ReceiptResult | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        body = QVBoxLayout()
        body.setContentsMargins(24, 16, 24, 16)
        body.setSpacing(12)
        outer.addLayout(body, 1)
        self.result = Banner("ok")
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        self.result.set_message("ok", "")
        body.addWidget(self.result)
        body.addWidget(self._build_status())
        self.details = label("", wrap=True)
        self.details.setObjectName("receiptDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        body.addWidget(self.details)
        body.addWidget(self._build_lists(), 1)

    # --- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        self.header = PageHeader(
            self.tr("Sync with HQ"),
            self.tr("Send this office's changes to HQ on a USB stick and read HQ's receipts."),
        )
        self.enroll_button = button(self.tr("Enrol with HQ…"), "settings")
        self.enroll_button.setObjectName("enrollButton")
        self.enroll_button.clicked.connect(self.enroll)
        self.receipt_button = button(self.tr("Import a receipt…"), "sync")
        self.receipt_button.setObjectName("importReceiptButton")
        self.receipt_button.clicked.connect(self.import_receipt)
        self.device_button = button(self.tr("Device file for HQ…"), "settings")
        self.device_button.setObjectName("deviceFileButton")
        self.device_button.setToolTip(
            self.tr("HQ registers this file once; it accepts this laptop's bundles from then on.")
        )
        self.device_button.clicked.connect(self.export_device_file)
        self.export_button = button(self.tr("Export to a folder…"), "sync", primary=True)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        for widget in (
            self.enroll_button,
            self.device_button,
            self.receipt_button,
            self.export_button,
        ):
            self.header.action_bar.addWidget(widget)
        allowed = self.ctx.can(Permission.SYNC)
        self.export_button.setEnabled(allowed)
        self.receipt_button.setEnabled(allowed)
        self.device_button.setEnabled(allowed)
        self.enroll_button.setEnabled(self.ctx.can(Permission.MANAGE_SETTINGS))
        self.ctx.events.sig_upload_state.connect(self._on_upload_state)
        return self.header

    def _build_status(self) -> Card:
        status = Card(self.tr("Status"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        for row, (key, text) in enumerate(
            (
                ("hq", self.tr("HQ")),
                ("export", self.tr("Last export")),
                ("receipt", self.tr("Last receipt")),
                ("acked", self.tr("HQ acknowledged")),
                ("pending", self.tr("Pending changes")),
                ("upload", self.tr("Upload")),
            )
        ):
            name = label(text, "muted")
            name.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
            value = label("", wrap=True)
            value.setObjectName(f"status_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        # Beside the upload's line (the header has no room left for a fifth button).
        self.upload_button = button(self.tr("Upload now"), "sync")
        self.upload_button.setObjectName("uploadNowButton")
        self.upload_button.setToolTip(
            self.tr("Send the new changes to HQ over the network now and take HQ's receipt.")
        )
        self.upload_button.clicked.connect(self.ctx.events.sig_upload_now)
        self.upload_button.hide()  # shown once an upload to HQ is configured
        grid.addWidget(self.upload_button, len(self.values) - 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        status.body.addLayout(grid)
        return status

    def _build_lists(self) -> QTabWidget:
        """From HQ, HQ's notices, the outbox and the receipts, in tabs."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("districtSyncTabs")
        self.back_model = TippedTableModel(from_hq.BACK_COLUMNS, self, context=from_hq.CONTEXT)
        self.notices_model = TippedTableModel(from_hq.NOTICE_COLUMNS, self, context=from_hq.CONTEXT)
        self.outbox_model = TextTableModel(OUTBOX_COLUMNS, self, context=CONTEXT)
        self.receipts_model = TextTableModel(RECEIPT_COLUMNS, self, context=CONTEXT)
        self.back_table = table_view(self.back_model, "backTable")
        self.back_table.setColumnWidth(0, 260)
        self.back_hint = label(
            self.tr("What the last receipt from HQ changed in this install's records."),
            "hint",
            wrap=True,
        )
        self.back_hint.setObjectName("backHint")
        self.back_tab = self.tabs.addTab(
            _tab(self.back_hint, self.back_table), self.tr("Back from HQ")
        )
        self.notices_table = table_view(self.notices_model, "noticesTable")
        for col, width in enumerate((220, 260, 160)):
            self.notices_table.setColumnWidth(col, width)
        notices_hint = label(
            self.tr(
                "HQ found the same accused (by CNIC) in a case of another district. Contact "
                "that district's office about its case: HQ sends nothing else of it."
            ),
            "hint",
            wrap=True,
        )
        self.notices_tab = self.tabs.addTab(
            _tab(notices_hint, self.notices_table), self.tr("HQ's notices")
        )
        self.outbox_table = table_view(self.outbox_model, "outboxTable")
        for col, width in enumerate((80, 150, 120, 90, 160)):
            self.outbox_table.setColumnWidth(col, width)
        outbox_hint = label(
            self.tr("Bundles made here; kept until HQ's receipt acknowledges them."), "hint"
        )
        self.outbox_tab = self.tabs.addTab(_tab(outbox_hint, self.outbox_table), self.tr("Outbox"))
        self.receipts_table = table_view(self.receipts_model, "receiptsTable")
        for col, width in enumerate((80, 150, 150, 120, 120)):
            self.receipts_table.setColumnWidth(col, width)
        receipts_hint = label(self.tr("What HQ received, accepted and held back."), "hint")
        self.receipts_tab = self.tabs.addTab(
            _tab(receipts_hint, self.receipts_table), self.tr("Receipts")
        )
        return self.tabs

    # --- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.runner.submit(_state, self._on_state, self.ctx.report)

    def _on_state(self, state: DistrictState) -> None:
        self.state = state
        s = state.status
        v = self.values
        enrolled = s.enrolled
        self.enroll_button.setVisible(not enrolled)
        if enrolled:
            v["hq"].setText(
                self.tr("Enrolled with HQ · fingerprint {fp}").format(fp=s.hq_fingerprint)
            )
        else:
            v["hq"].setText(
                self.tr("Not enrolled yet: use “Enrol with HQ…” with the file HQ gave you.")
            )
        last = s.last_bundle
        if last:
            v["export"].setText(
                self.tr("Bundle {seq} on {at} · {file}").format(
                    seq=last.seq, at=when(last.created_at), file=last.file
                )
            )
        else:
            v["export"].setText(self.tr("Nothing exported yet"))
        rec = s.last_receipt
        if rec:
            v["receipt"].setText(
                self.tr("Receipt {serial} issued {issued}, imported {imported}").format(
                    serial=rec.serial,
                    issued=when(rec.issued_at),
                    imported=when(rec.imported_at),
                )
            )
            v["acked"].setText(
                self.tr(
                    "Bundles up to {seq}; {q} quarantined, {c} in conflict, missing bundles: {gaps}"
                ).format(
                    seq=rec.highest_seq,
                    q=records_text(len(rec.quarantined)),
                    c=number(len(rec.conflicts)),
                    gaps=", ".join(str(g) for g in rec.gaps) or self.tr("none"),
                )
            )
            if rec.records_back:
                v["receipt"].setText(
                    v["receipt"].text()
                    + " · "
                    + self.tr("brought back {n} (see “Back from HQ”)").format(
                        n=records_text(len(rec.records_back))
                    )
                )
        else:
            v["receipt"].setText(self.tr("No receipt from HQ yet"))
            v["acked"].setText(self.tr("Nothing yet"))
        back = rec.records_back if rec else ()
        from_hq.fill_back(self.back_model, back, self.ctx.reference)
        self.tabs.setTabText(self.back_tab, self.tr("Back from HQ ({n})").format(n=len(back)))
        self.back_hint.setText(
            self.tr("What the last receipt from HQ changed in this install's records.")
        )
        if rec is not None and not back:
            self.back_hint.setText(
                self.tr("The last receipt (number {serial}) changed none of this install's "
                        "records.").format(serial=rec.serial)
            )  # fmt: skip
        from_hq.fill_notices(self.notices_model, state.notices, self.ctx.reference)
        self.tabs.setTabText(
            self.notices_tab, self.tr("HQ's notices ({n})").format(n=len(state.notices))
        )
        v["pending"].setText(
            self.tr("{new} not exported · {unacked} not acknowledged by HQ · "
                    "{bundles} waiting in the outbox").format(
                new=counted(s.changes_not_exported,
                            self.tr("{n} change"), self.tr("{n} changes")),
                unacked=number(s.changes_not_acknowledged),
                bundles=bundles_text(len(s.outbox)),
            )
        )  # fmt: skip
        self._show_upload(state.upload, len(s.outbox))
        self.outbox_model.set_rows(
            [
                [
                    str(o.seq),
                    when(o.created_at),
                    f"{o.from_change + 1}–{o.to_change}",
                    number(sum(o.counts.values())),
                    when(o.acked_at) if o.acked_at else self.tr("waiting"),
                    o.file_name,
                ]
                for o in reversed(state.outbox)
            ],
            [str(o.seq) for o in reversed(state.outbox)],
        )
        waiting = sum(1 for o in state.outbox if o.acked_at is None)
        self.tabs.setTabText(self.outbox_tab, self.tr("Outbox ({n})").format(n=waiting))
        self.receipts_model.set_rows(
            [
                [
                    str(r.serial),
                    when(r.issued_at),
                    when(r.imported_at),
                    str(r.highest_seq),
                    str(len(r.summary.get("quarantined", []))),
                    str(len(r.summary.get("conflicts", []))),
                ]
                for r in reversed(state.receipts)
            ],
            [str(r.serial) for r in reversed(state.receipts)],
        )
        self.tabs.setTabText(
            self.receipts_tab, self.tr("Receipts ({n})").format(n=len(state.receipts))
        )

    # --- upload -------------------------------------------------------------------------------
    def _show_upload(self, url: str | None, waiting: int) -> None:
        upload = self.ctx.events.upload_state
        sending = isinstance(upload, UploadState) and upload.kind == "sending"
        self.upload_button.setVisible(bool(url) and self.ctx.can(Permission.SYNC))
        self.upload_button.setEnabled(not sending)
        if not url:
            self.values["upload"].setText(
                self.tr("Upload over the network: not configured (`tipdesk sync configure`)")
            )
            return
        text = self.tr("Automatic, to {url}: {n} waiting to be sent").format(
            url=url, n=bundles_text(waiting)
        )
        if isinstance(upload, UploadState) and upload.active:
            text += " · " + state_text(upload, self.ctx.clock.now())
            if upload.detail:
                text += "\n" + upload.detail
        self.values["upload"].setText(text)

    def _on_upload_state(self, upload: UploadState) -> None:
        if upload.kind == "sending" or self.state is None:
            self.upload_button.setEnabled(upload.kind != "sending")
            return
        self.upload_button.setEnabled(True)
        if upload.received:
            self.result.set_message(
                "ok",
                self.tr("HQ's receipts changed {n} here (see “Back from HQ”).").format(
                    n=records_text(upload.received)
                ),
            )
        self.refresh()  # the outbox, the receipts and what came back

    # --- export -------------------------------------------------------------------------------
    def export(self) -> None:
        folder = files.ask_folder(self, self.tr("Export to a folder or USB stick"), Path.home())
        if folder is None:
            return
        self.export_button.setEnabled(False)
        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Export"),
            self.tr("Sealing the changes HQ has not acknowledged…"),
            lambda session, _progress: sync.export_bundle(session, folder),
            self._on_exported,
            self._failed,
            cancellable=False,
        )

    def _on_exported(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.last_export = result
        if result.path is None:
            self.result.set_message(
                "info",
                self.tr("Nothing new to export: HQ has every change, or it is in the outbox "
                        "already ({n} waiting)."
                        ).format(n=bundles_text(len(result.pending))),
            )  # fmt: skip
        else:
            records = sum(result.counts.values())
            self.result.set_message(
                "ok",
                self.tr("Bundle {seq} written ({n}): {file}").format(
                    seq=result.seq, n=records_text(records), file=str(result.path)
                ),
            )
        if result.case_files:
            sent = self.tr("{n} case file(s) for HQ written beside the bundles (sealed).").format(
                n=len(result.case_files)
            )
            kind = "info" if result.path is None else "ok"
            self.result.set_message(kind, self.result.text() + "\n" + sent)
        if result.waiting:
            codes = ", ".join(v.victim_code for v in result.waiting)
            waiting = self.tr("{n} consenting victim(s) wait: their identity can be sealed for "
                              "HQ only after a supervisor or an admin signs in here ({codes})."
                              ).format(n=len(result.waiting), codes=codes)  # fmt: skip
            self.result.set_message("warning", self.result.text() + "\n" + waiting)
        if result.files_waiting:
            held = self.tr(
                "{n} case file(s) marked for HQ wait: a victim's file goes only while the "
                "victim consents, exported by a user who may reveal identities."
            ).format(n=len(result.files_waiting))
            self.result.set_message("warning", self.result.text() + "\n" + held)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(self.ctx.can(Permission.SYNC))
        self.ctx.report(exc)

    # --- receipt ------------------------------------------------------------------------------
    def import_receipt(self) -> None:
        path = files.ask_open_file(
            self, self.tr("Import HQ's receipt"), Path.home(), self.tr("Receipts (*.tipr)")
        )
        if path is None:
            return
        self.ctx.runner.submit(
            partial(_import_receipt, path=path), self._on_receipt, self.ctx.report
        )

    def _named(self, listed: dict[str, Any], titles: Titles) -> str:
        """A record a receipt lists (kind and id) by its title when this install holds it."""
        kind, record_id = str(listed.get("kind", "")), str(listed.get("record_id", ""))
        return named(kind, record_id, titles, self.ctx.reference)

    def _on_receipt(self, done: ReceiptDone) -> None:
        result, titles = done.result, done.titles
        if done.reference is not None:
            self.ctx.reference = done.reference  # editors opened from now on list HQ's update
        self.last_receipt = result
        if result.status == "duplicate":
            self.result.set_message(
                "info", self.tr("This receipt was imported before; nothing changed.")
            )
        elif result.status == "older":
            self.result.set_message(
                "info",
                self.tr("This receipt is older than the last one imported; nothing changed."),
            )
        else:
            self.result.set_message(
                "ok",
                self.tr(
                    "Receipt {serial} imported: HQ has bundles up to {seq}; {acked} "
                    "acknowledged, {q} quarantined, {c} in conflict."
                ).format(
                    serial=result.serial,
                    seq=result.highest_seq,
                    acked=bundles_text(len(result.acknowledged)),
                    q=records_text(len(result.quarantined)),
                    c=number(len(result.conflicts)),
                ),
            )
        lines: list[str] = []
        for q in result.quarantined:
            reasons = "; ".join(map(received_problem_text, q.get("problems", [])))
            lines.append(
                self.tr("Quarantined: {record} (bundle {seq}): {reasons}").format(
                    record=self._named(q, titles), seq=q.get("bundle", ""), reasons=reasons
                )
            )
        for c in result.conflicts:
            lines.append(
                self.tr("In conflict at HQ: {record} (bundle {seq}); HQ decides.").format(
                    record=self._named(c, titles), seq=c.get("bundle", "")
                )
            )
        if result.gaps:
            lines.append(
                (
                    self.tr("HQ is missing bundle {gaps}: export again or bring it.")
                    if len(result.gaps) == 1
                    else self.tr("HQ is missing bundles {gaps}: export again or bring them.")
                ).format(gaps=", ".join(str(g) for g in result.gaps))
            )
        if result.records_back:
            lines.append(
                self.tr("HQ's versions changed {n} here (listed under “Back from HQ”).").format(
                    n=records_text(len(result.records_back))
                )
            )
        if result.more_back:
            lines.append(
                self.tr(
                    "HQ has more records for this office: they come with the next receipt, "
                    "after your next export reaches HQ."
                )
            )
        update = result.reference
        if update is not None and update.installed:
            lines.append(
                self.tr(
                    "HQ's updated reference lists and rules ({files}) are installed and used "
                    "from now on."
                ).format(files=", ".join(update.files))
            )
        elif update is not None:
            lines.append(
                self.tr("HQ's reference update was not installed: {problem}").format(
                    problem=update.problem
                )
            )
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        if result.records_back:
            self.tabs.setCurrentIndex(self.back_tab)
        self.refresh()

    # --- device file ---------------------------------------------------------------------------
    def export_device_file(self) -> None:
        folder = files.ask_folder(self, self.tr("Save the device file for HQ"), Path.home())
        if folder is None:
            return

        def done(result: tuple[Path, str]) -> None:
            path, fingerprint = result
            self.result.set_message(
                "ok",
                self.tr(
                    "Device file written: {file}. Give it to HQ, and tell HQ this fingerprint "
                    "(by phone or on paper) so they can check it: {fp}"
                ).format(file=path, fp=fingerprint),
            )

        self.ctx.runner.submit(partial(_device_file, folder=folder), done, self.ctx.report)

    # --- enrol --------------------------------------------------------------------------------
    def enroll(self) -> None:
        path = files.ask_open_file(
            self, self.tr("HQ's enrolment file"), Path.home(), self.tr("Enrolment (*.json)")
        )
        if path is None:
            return

        def read(found: Enrolment) -> None:
            question = self.tr(
                "Enrol this install with HQ?\n\nHQ's fingerprint: {fp}\n\nCompare it with "
                "the one HQ gave you (by phone or on paper) before you say yes."
            ).format(fp=found.hq.fingerprint)
            if common.confirm(self, self.tr("Enrol with HQ"), question):
                self.ctx.runner.submit(
                    partial(sync.enroll, path=path), self._on_enrolled, self.ctx.report
                )

        self.ctx.runner.call(partial(sync.read_enrolment, path), read, self.ctx.report)

    def _on_enrolled(self, found: Enrolment) -> None:
        self.result.set_message(
            "ok",
            self.tr("Enrolled with HQ (fingerprint {fp}). Bundles go to HQ from now on.").format(
                fp=found.hq.fingerprint
            ),
        )
        self.refresh()


def _tab(hint: QLabel, table: QWidget) -> QWidget:
    page = QWidget()
    box = QVBoxLayout(page)
    box.setContentsMargins(12, 10, 12, 12)
    box.setSpacing(8)
    box.addWidget(hint)
    box.addWidget(table, 1)
    return page
