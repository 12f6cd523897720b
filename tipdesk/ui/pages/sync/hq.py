"""HQ's Sync screen: the inbox, Import bundles (from the inbox or chosen files) with a progress
bar and then the import report, the devices and their gaps (register, revoke), and the
conflicts to review side by side ("Keep local" / "Keep incoming", recorded by the service)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from tipdesk.core.errors import problem_line
from tipdesk.core.permissions import Permission
from tipdesk.core.records import META_FIELDS, Victim, to_dict
from tipdesk.services import sync
from tipdesk.services.session import Session
from tipdesk.services.sync import Conflict, DeviceStatus, ImportReport
from tipdesk.services.sync.common import sync_store
from tipdesk.store.sync_store import DeviceRow
from tipdesk.sync.identity import DeviceFile
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.sync import common
from tipdesk.ui.pages.sync.common import bundles_text, short, when
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.record_fields import (
    Titles,
    field_label,
    field_value,
    kind_words,
    named,
    record_words,
)
from tipdesk.ui.runner import Progress
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import Banner, Card, PageHeader, button, counted, label, number
from tipdesk.ui.widgets.text_table import TextTableModel, selected_row, table_view

CONTEXT = "SyncHqPanel"


def _n(text: object) -> str:
    return str(text)


INBOX_COLUMNS = (
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "File")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Size")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Arrived")),
)
DEVICE_COLUMNS = (
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "District")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Office")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Device")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Last bundle")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Complete up to")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Missing")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Last seen")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Conflicts")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "State")),
)
CONFLICT_COLUMNS = (
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Record")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "From")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Detected")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Fields that differ")),
)
COMPARE_COLUMNS = (
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Field")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Local (in the register)")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Incoming (held back)")),
)
COUNT_COLUMNS = (
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Type")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "In the bundles")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Accepted")),
)
PROBLEM_COLUMNS = (
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "What")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Where")),
    _n(QT_TRANSLATE_NOOP("SyncHqPanel", "Details")),
)
_META = ("version", "updated_at", "updated_by", "updated_device")


@dataclass
class HqState:
    inbox: list[tuple[str, int, float]] = field(default_factory=list)
    devices: list[DeviceStatus] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True)
class CompareRow:
    """One field of a conflict's record on both sides, values as names."""

    field: str
    label: str
    local: str
    incoming: str


def _inbox_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".tipb")


# --- work for the store's thread ----------------------------------------------------------------
def _state(session: Session) -> HqState:
    devices = sync.device_status(session)  # checks the permission and the role
    inbox = [(p.name, p.stat().st_size, p.stat().st_mtime)
             for p in _inbox_files(session.paths.inbox)]  # fmt: skip
    return HqState(inbox, devices, sync.conflicts(session))


def _import(
    session: Session, progress: Progress, *, paths: list[Path]
) -> tuple[ImportReport, Titles]:
    """Import ``paths``, each file in its own transaction; the report and the titles of the
    records it lists by id."""
    report = sync.ImportReport()
    ordered = sorted(paths, key=lambda p: p.name)
    for i, path in enumerate(ordered):
        progress.update(i, len(ordered))
        one = sync.import_files(session, [path])  # each file in its own transaction
        report.results += one.results
        report.errors += one.errors
        report.gaps.update(one.gaps)  # the later file's gaps are the device's latest
    progress.update(len(ordered), len(ordered))
    return report, sync.report_titles(session, report)


def _compare(session: Session, conflict_id: str) -> list[CompareRow]:
    """Both versions of a conflict's record, field by field: the fields that differ first,
    then the others in the record's order and its bookkeeping last. Victims' identifying
    details are not shown."""
    listed = {c.id: c for c in sync.conflicts(session)}  # permission and role
    if conflict_id not in listed:
        return []
    store = sync_store(session)
    row = store.conflict(conflict_id)
    if row is None:
        return []
    found = store.record(row.kind, row.record_id)
    local: dict[str, Any] = to_dict(found[0], children=False) if found else {}
    incoming = row.record
    hidden = set(Victim.IDENTIFYING) if row.kind == "victim" else set()
    offices = {o.code: o.name for o in session.store.offices()}
    differ = set(listed[conflict_id].fields)
    names = [n for n in dict.fromkeys([*local, *incoming]) if n not in _META]
    names.sort(key=lambda n: (n not in differ, n in META_FIELDS))
    out: list[CompareRow] = []
    for name in names:
        label = field_label(row.kind, name)
        if name in hidden:
            out.append(CompareRow(name, label, "••••", "••••"))
            continue
        a, b = (
            field_value(row.kind, name, side.get(name), session.reference, offices)
            for side in (local, incoming)
        )
        out.append(CompareRow(name, label, a, b))
    return out


class SyncHqPanel(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncHq")
        self.ctx = ctx
        self.state = HqState()
        self.report: ImportReport | None = None
        self.compare_rows: list[CompareRow] = []
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
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        body.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_inbox_tab(), self.tr("Inbox"))
        self.report_tab = self.tabs.addTab(self._build_report_tab(), self.tr("Import report"))
        self.devices_tab = self.tabs.addTab(self._build_devices_tab(), self.tr("Devices"))
        self.conflicts_tab = self.tabs.addTab(self._build_conflicts_tab(), self.tr("Conflicts"))
        self._enable_choice()

    # --- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        self.header = PageHeader(
            self.tr("Sync: districts to HQ"),
            self.tr("Import the districts' bundles, answer with receipts, review conflicts."),
        )
        can_sync = self.ctx.can(Permission.SYNC)
        self.receipts_button = button(self.tr("Write receipts…"), "save")
        self.receipts_button.setObjectName("writeReceiptsButton")
        self.receipts_button.clicked.connect(self.write_receipts)
        self.files_button = button(self.tr("Import files…"), "folder")
        self.files_button.setObjectName("importFilesButton")
        self.files_button.clicked.connect(self.import_chosen)
        self.inbox_button = button(self.tr("Import the inbox"), "sync", primary=True)
        self.inbox_button.setObjectName("importInboxButton")
        self.inbox_button.clicked.connect(self.import_inbox)
        for widget in (self.receipts_button, self.files_button, self.inbox_button):
            widget.setEnabled(can_sync)
            self.header.action_bar.addWidget(widget)
        return self.header

    def _build_inbox_tab(self) -> QWidget:
        self.inbox_model = TextTableModel(INBOX_COLUMNS, self, context=CONTEXT)
        inbox = QWidget()
        box = QVBoxLayout(inbox)
        box.setContentsMargins(12, 12, 12, 12)
        self.inbox_hint = label("", "hint", wrap=True)
        box.addWidget(self.inbox_hint)
        self.inbox_table = table_view(self.inbox_model, "inboxTable", stretch=0)
        box.addWidget(self.inbox_table, 1)
        return inbox

    def _build_report_tab(self) -> QWidget:
        self.counts_model = TextTableModel(COUNT_COLUMNS, self, context=CONTEXT)
        self.problems_model = TextTableModel(PROBLEM_COLUMNS, self, context=CONTEXT)
        report = QWidget()
        rbox = QVBoxLayout(report)
        rbox.setContentsMargins(12, 12, 12, 12)
        self.report_summary = label(self.tr("No import yet in this session."), wrap=True)
        self.report_summary.setObjectName("reportSummary")
        rbox.addWidget(self.report_summary)
        row = QHBoxLayout()
        row.setSpacing(12)
        counts_card = Card(self.tr("Records per type"))
        self.counts_table = table_view(self.counts_model, "countsTable")
        self.counts_table.setColumnWidth(0, 90)
        self.counts_table.setColumnWidth(1, 135)
        counts_card.body.addWidget(self.counts_table)
        problems_card = Card(self.tr("Duplicates, conflicts, quarantine, gaps"))
        self.problems_table = table_view(self.problems_model, "problemsTable")
        self.problems_table.setColumnWidth(0, 130)
        self.problems_table.setColumnWidth(1, 250)
        problems_card.body.addWidget(self.problems_table)
        row.addWidget(counts_card, 3)
        row.addWidget(problems_card, 5)
        rbox.addLayout(row, 1)
        return report

    def _build_devices_tab(self) -> QWidget:
        self.devices_model = TextTableModel(DEVICE_COLUMNS, self, context=CONTEXT)
        devices = QWidget()
        dbox = QVBoxLayout(devices)
        dbox.setContentsMargins(12, 12, 12, 12)
        actions = QHBoxLayout()
        self.register_button = button(self.tr("Register a device…"), "plus")
        self.register_button.setObjectName("registerButton")
        self.register_button.clicked.connect(self.register_device)
        self.revoke_button = button(self.tr("Revoke…"), "user-off", danger=True)
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.revoke_device)
        can_manage = self.ctx.can(Permission.MANAGE_SETTINGS)
        self.register_button.setEnabled(can_manage)
        self.revoke_button.setEnabled(can_manage)
        actions.addWidget(self.register_button)
        actions.addWidget(self.revoke_button)
        actions.addStretch(1)
        dbox.addLayout(actions)
        self.devices_table = table_view(self.devices_model, "devicesTable")
        for col, width in enumerate((110, 130, 100, 150, 110, 80, 130, 80)):
            self.devices_table.setColumnWidth(col, width)
        dbox.addWidget(self.devices_table, 1)
        return devices

    def _build_conflicts_tab(self) -> QWidget:
        self.conflicts_model = TextTableModel(CONFLICT_COLUMNS, self, context=CONTEXT)
        self.compare_model = TextTableModel(COMPARE_COLUMNS, self, context=CONTEXT)
        conflicts = QWidget()
        cbox = QVBoxLayout(conflicts)
        cbox.setContentsMargins(12, 12, 12, 12)
        self.conflicts_table = table_view(self.conflicts_model, "conflictsTable")
        for col, width in enumerate((330, 160, 150)):
            self.conflicts_table.setColumnWidth(col, width)
        self.conflicts_table.setMaximumHeight(170)
        self.conflicts_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.show_conflict()
        )
        cbox.addWidget(self.conflicts_table)
        self.sides = label("", "muted", wrap=True)
        self.sides.setObjectName("conflictSides")
        cbox.addWidget(self.sides)
        self.compare_table = table_view(self.compare_model, "compareTable")
        self.compare_table.setColumnWidth(0, 180)
        self.compare_table.setColumnWidth(1, 380)
        cbox.addWidget(self.compare_table, 1)
        choose = QHBoxLayout()
        choose.addStretch(1)
        self.keep_local_button = button(self.tr("Keep local"), "check")
        self.keep_local_button.setObjectName("keepLocalButton")
        self.keep_local_button.clicked.connect(lambda: self.resolve("local"))
        self.keep_incoming_button = button(self.tr("Keep incoming"), "check-white", primary=True)
        self.keep_incoming_button.setObjectName("keepIncomingButton")
        self.keep_incoming_button.clicked.connect(lambda: self.resolve("incoming"))
        choose.addWidget(self.keep_local_button)
        choose.addWidget(self.keep_incoming_button)
        cbox.addLayout(choose)
        return conflicts

    # --- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.runner.submit(_state, self._on_state, self.ctx.report)

    def _on_state(self, state: HqState) -> None:
        self.state = state
        self.inbox_model.set_rows(
            [[name, number(size), when(_iso(mtime))] for name, size, mtime in state.inbox],
            [name for name, _s, _m in state.inbox],
        )
        self.inbox_hint.setText(
            self.tr("{n} in the inbox folder {folder}").format(
                n=counted(
                    len(state.inbox), self.tr("{n} bundle file"), self.tr("{n} bundle files")
                ),
                folder=str(self.ctx.paths.inbox),
            )
        )
        self.tabs.setTabText(0, self.tr("Inbox ({n})").format(n=len(state.inbox)))
        self.devices_model.set_rows(
            [
                [
                    d.district,
                    d.office,
                    short(d.device_id),
                    self.tr("{seq} ({at})").format(seq=d.last_bundle, at=when(d.last_bundle_at))
                    if d.last_bundle is not None
                    else self.tr("none yet"),
                    str(d.contiguous_seq),
                    ", ".join(str(g) for g in d.gaps) or self.tr("none"),
                    when(d.last_seen),
                    str(d.open_conflicts),
                    self.tr("revoked {at}").format(at=when(d.revoked_at))
                    if d.revoked_at
                    else self.tr("active"),
                ]
                for d in state.devices
            ],
            [d.device_id for d in state.devices],
            {i for i, d in enumerate(state.devices) if d.gaps},
        )
        self.tabs.setTabText(
            self.devices_tab, self.tr("Devices ({n})").format(n=len(state.devices))
        )
        selected = self._selected_conflict()
        self.conflicts_model.set_rows(
            [
                [
                    self.record_title(c),
                    c.incoming.where,
                    when(c.detected_at),
                    ", ".join(field_label(c.kind, f) for f in c.fields),
                ]
                for c in state.conflicts
            ],
            [c.id for c in state.conflicts],
        )
        self.tabs.setTabText(
            self.conflicts_tab, self.tr("Conflicts ({n})").format(n=len(state.conflicts))
        )
        keys = [c.id for c in state.conflicts]
        if keys:
            self.select_conflict(selected if selected is not None and selected in keys else keys[0])
        else:
            self.compare_model.set_rows([])
            self.sides.setText(self.tr("No conflicts to review."))
            self._enable_choice()

    # --- import -------------------------------------------------------------------------------
    def import_inbox(self) -> None:
        files = _inbox_files(self.ctx.paths.inbox)
        if not files:
            self.result.set_message("info", self.tr("The inbox is empty."))
            return
        self.import_paths(files)

    def import_chosen(self) -> None:
        chosen = files.ask_open_files(
            self, self.tr("Bundles to import"), self.ctx.paths.inbox,
            self.tr("Bundles (*.tipb)"),
        )  # fmt: skip
        if chosen:
            self.import_paths(chosen)

    def import_paths(self, paths: list[Path]) -> None:
        self.inbox_button.setEnabled(False)
        self.files_button.setEnabled(False)
        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Import"),
            self.tr("Checking and importing {n}…").format(n=bundles_text(len(paths))),
            partial(_import, paths=paths),
            self._on_imported,
            self._import_failed,
            on_cancelled=self._import_cancelled,
        )

    def _buttons_back(self) -> None:
        allowed = self.ctx.can(Permission.SYNC)
        self.inbox_button.setEnabled(allowed)
        self.files_button.setEnabled(allowed)

    def _import_failed(self, exc: BaseException) -> None:
        self._buttons_back()
        self.ctx.report(exc)
        self.refresh()

    def _import_cancelled(self) -> None:
        self._buttons_back()
        self.result.set_message(
            "info", self.tr("Import stopped. The bundles imported before you stopped are kept.")
        )
        self.refresh()

    def _on_imported(self, done: tuple[ImportReport, Titles]) -> None:
        self._buttons_back()
        self.show_report(*done)
        self.refresh()

    def _named(self, listed: dict[str, Any], titles: Titles) -> str:
        """A record the report lists (kind and id) by its title when known."""
        return named(listed["kind"], listed["record_id"], titles, self.ctx.reference)

    def show_report(self, report: ImportReport, titles: Titles | None = None) -> None:
        """The import report: records per type, then what was held back or is missing."""
        titles = titles or {}
        self.report = report
        in_bundles: dict[str, int] = {}
        for r in report.results:
            if r.status != "duplicate":
                for kind, n in r.counts.items():
                    in_bundles[kind] = in_bundles.get(kind, 0) + n
        order = ("case", "accused", "victim", "referral", "training", "campaign")
        kinds = sorted(
            set(in_bundles) | set(report.accepted),
            key=lambda k: (order.index(k) if k in order else len(order), k),
        )
        self.counts_model.set_rows(
            [
                [
                    kind_words(k),
                    number(in_bundles.get(k, 0)),
                    number(report.accepted.get(k, 0)),
                ]
                for k in kinds
            ],
            kinds,
        )
        problems: list[list[str]] = []
        for r in report.results:
            if r.status == "duplicate":
                problems.append([self.tr("Duplicate bundle"), f"{r.district} #{r.seq}",
                                 self.tr("imported before; nothing changed")])  # fmt: skip
        for c in report.conflicts:
            problems.append([self.tr("Conflict"), self._named(c, titles),
                             self.tr("held for review")])  # fmt: skip
        for q in report.quarantined:
            reasons = "; ".join(map(problem_line, q.get("problems", [])))
            problems.append([self.tr("Quarantined"), self._named(q, titles), reasons])
        names = {d.device_id: d.district for d in self.state.devices}
        names.update({r.device: r.district for r in report.results})
        for device, gaps in sorted(report.gaps.items()):
            if gaps:
                problems.append([self.tr("Missing bundles"),
                                 f"{names.get(device, '')} {short(device)}".strip(),
                                 ", ".join(str(g) for g in gaps)])  # fmt: skip
        for e in report.errors:
            problems.append([self.tr("Refused"), Path(e.file).name, e.message])
        self.problems_model.set_rows(problems)
        imported = sum(1 for r in report.results if r.status != "duplicate")
        summary = self.tr(
            "{files}: {imported} imported, {dups}, {refused} refused; {accepted} accepted, "
            "{conflicts}, {quarantined} quarantined."
        ).format(
            files=counted(
                len(report.results) + len(report.errors), self.tr("{n} file"), self.tr("{n} files")
            ),
            imported=bundles_text(imported),
            dups=counted(
                len(report.duplicates), self.tr("{n} duplicate"), self.tr("{n} duplicates")
            ),
            refused=number(len(report.errors)),
            accepted=counted(
                sum(report.accepted.values()), self.tr("{n} record"), self.tr("{n} records")
            ),
            conflicts=counted(
                len(report.conflicts), self.tr("{n} conflict"), self.tr("{n} conflicts")
            ),
            quarantined=number(len(report.quarantined)),
        )
        self.report_summary.setText(summary)
        bad = report.errors or report.quarantined or report.conflicts
        self.result.set_message("warning" if bad else "ok", summary)
        self.tabs.setCurrentIndex(self.report_tab)

    # --- receipts -----------------------------------------------------------------------------
    def write_receipts(self) -> None:
        folder = files.ask_folder(self, self.tr("Write receipts to a folder"), Path.home())
        if folder is None:
            return

        def done(paths: list[Path]) -> None:
            self.result.set_message(
                "ok",
                self.tr("{n} written to {folder}").format(
                    n=counted(len(paths), self.tr("{n} receipt"), self.tr("{n} receipts")),
                    folder=folder,
                ),
            )
            self.refresh()

        run_with_progress(
            self.ctx.runner, self, self.tr("Receipts"), self.tr("Writing receipts…"),
            lambda session, _progress: sync.write_receipts(session, folder),
            done, self.ctx.report, cancellable=False,
        )  # fmt: skip

    # --- devices ------------------------------------------------------------------------------
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
            ).format(district=found.district, fp=found.device.fingerprint)
            if common.confirm(self, self.tr("Register a device"), question):
                self.ctx.runner.submit(
                    partial(sync.register_device, path=path), self._on_registered, self.ctx.report
                )

        self.ctx.runner.call(partial(sync.read_device_file, path), read, self.ctx.report)

    def _on_registered(self, row: DeviceRow) -> None:
        self.result.set_message(
            "ok",
            self.tr("Device {device} of {district} registered.").format(
                device=short(row.device_id), district=row.district
            ),
        )
        self.refresh()

    def revoke_device(self) -> None:
        row = selected_row(self.devices_table)
        device_id = self.devices_model.key(row)
        if not device_id:
            self.result.set_message("info", self.tr("Select a device first."))
            return
        question = self.tr(
            "Revoke device {device} of {district}? Every later bundle from it will be refused. "
            "This cannot be undone."
        ).format(device=short(device_id), district=self.devices_model.text(row, 0))
        if not common.confirm(self, self.tr("Revoke a device"), question):
            return

        def done(found: DeviceRow) -> None:
            self.result.set_message(
                "ok", self.tr("Device {device} revoked.").format(device=short(found.device_id))
            )
            self.refresh()

        self.ctx.runner.submit(
            partial(sync.revoke_device, device_id=device_id), done, self.ctx.report
        )

    # --- conflicts ----------------------------------------------------------------------------
    def record_title(self, conflict: Conflict) -> str:
        """``Case FIR 12/2025``, ``Victim V-LHR-2025-001``: what names a conflict's record."""
        title = conflict.title or conflict.record_id
        return record_words(conflict.kind, title, self.ctx.reference)

    def _selected_conflict(self) -> str | None:
        return self.conflicts_model.key(selected_row(self.conflicts_table)) or None

    def select_conflict(self, conflict_id: str) -> None:
        for row in range(self.conflicts_model.rowCount()):
            if self.conflicts_model.key(row) == conflict_id:
                self.conflicts_table.selectRow(row)
                self.show_conflict()
                return

    def show_conflict(self) -> None:
        conflict_id = self._selected_conflict()
        found = next((c for c in self.state.conflicts if c.id == conflict_id), None)
        if found is None:
            self.compare_model.set_rows([])
            self._enable_choice()
            return
        local, incoming = found.local, found.incoming
        self.sides.setText(
            self.tr(
                "Local: version {lv}, {lwho} at {lwhere}, {lat}   ·   Incoming: version {iv}, "
                "{iwho} at {iwhere}, {iat}"
            ).format(
                lv=local.version, lwho=local.updated_by, lwhere=local.where,
                lat=when(local.updated_at), iv=incoming.version,
                iwho=incoming.updated_by, iwhere=incoming.where,
                iat=when(incoming.updated_at),
            )
        )  # fmt: skip

        def shown(rows: list[CompareRow]) -> None:
            if self._selected_conflict() != conflict_id:
                return
            self.compare_rows = rows
            differ = set(found.fields)
            self.compare_model.set_rows(
                [(r.label, r.local, r.incoming) for r in rows], [r.field for r in rows],
                {i for i, r in enumerate(rows) if r.field in differ},
            )  # fmt: skip
            self._enable_choice()

        self.ctx.runner.submit(
            partial(_compare, conflict_id=conflict_id or ""), shown, self.ctx.report
        )

    def _enable_choice(self) -> None:
        ok = (
            bool(self._selected_conflict())
            and self.ctx.can(Permission.SYNC)
            and self.ctx.can(Permission.EDIT)
        )
        self.keep_local_button.setEnabled(ok)
        self.keep_incoming_button.setEnabled(ok)

    def resolve(self, keep: str) -> None:
        conflict_id = self._selected_conflict()
        if not conflict_id:
            return
        found = next((c for c in self.state.conflicts if c.id == conflict_id), None)
        title = self.record_title(found) if found else conflict_id

        def done(_kept: object) -> None:
            self.result.set_message(
                "ok",
                self.tr("Conflict on {record} resolved: the {side} version is kept.").format(
                    record=title,
                    side=self.tr("local") if keep == "local" else self.tr("incoming"),
                ),
            )
            self.refresh()

        self.ctx.runner.submit(
            partial(sync.resolve, conflict_id=conflict_id, keep=keep), done, self.ctx.report
        )


def _iso(mtime: float) -> str:
    return dt.datetime.fromtimestamp(mtime, dt.UTC).isoformat()
