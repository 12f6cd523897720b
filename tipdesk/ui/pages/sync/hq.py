"""HQ's Sync screen: the inbox, Import bundles (from the inbox or chosen files) with a progress
bar and then the import report (:mod:`~tipdesk.ui.pages.sync.hq_report`), the devices
(:mod:`~tipdesk.ui.pages.sync.hq_devices`), the conflicts to review field by field
(:mod:`~tipdesk.ui.pages.sync.conflicts`) and every district's coverage with the quarantine
and its re-check (:mod:`~tipdesk.ui.pages.sync.hq_coverage`).

Importing the inbox goes through :func:`tipdesk.services.sync.import_inbox`, which moves every
bundle it imported (now or before) into the inbox's ``imported`` folder: the Inbox tab lists
what is still new (and what was refused), and says how many files are done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.reports.model import Coverage
from tipdesk.services import sync
from tipdesk.services.reports import district_coverage
from tipdesk.services.session import Session
from tipdesk.services.sync import Conflict, DeviceStatus, ImportReport
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.sync.common import bundles_text, when
from tipdesk.ui.pages.sync.conflicts import ConflictsTab
from tipdesk.ui.pages.sync.hq_coverage import CoverageTab
from tipdesk.ui.pages.sync.hq_devices import DevicesTab
from tipdesk.ui.pages.sync.hq_report import ImportReportTab
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.record_fields import Titles
from tipdesk.ui.runner import Progress
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import Banner, PageHeader, button, counted, label, number
from tipdesk.ui.widgets.text_table import TextTableModel, table_view

CONTEXT = "SyncHqPanel"
INBOX_COLUMNS = (
    str(QT_TRANSLATE_NOOP("SyncHqPanel", "File")),
    str(QT_TRANSLATE_NOOP("SyncHqPanel", "Size")),
    str(QT_TRANSLATE_NOOP("SyncHqPanel", "Arrived")),
)
IMPORTED = "imported"
"""The inbox's folder for imported bundles (:data:`tipdesk.services.sync.hq.IMPORTED_FOLDER`)."""


ImportWork = Callable[[Session, Progress], tuple[ImportReport, Titles]]


@dataclass
class HqState:
    inbox: list[tuple[str, int, float]] = field(default_factory=list)
    imported: int = 0
    """Bundle files already imported, moved to the inbox's ``imported`` folder."""
    devices: list[DeviceStatus] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    offices: dict[str, str] = field(default_factory=dict)
    """This install's offices (code -> name), besides the shipped list."""
    coverage: Coverage | None = None
    """Every district's devices, last bundle and quarantine (the Coverage tab)."""


def _bundle_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # Bundles, and the sealed case files that travel beside them.
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".tipb", ".tipf"))


# --- work for the store's thread ----------------------------------------------------------------
def _state(session: Session) -> HqState:
    devices = sync.device_status(session)  # checks the permission and the role
    inbox = [(p.name, p.stat().st_size, p.stat().st_mtime)
             for p in _bundle_files(session.paths.inbox)]  # fmt: skip
    imported = len(_bundle_files(session.paths.inbox / IMPORTED))
    offices = {o.code: o.name for o in session.store.offices()}
    coverage = district_coverage(session)
    return HqState(inbox, imported, devices, sync.conflicts(session), offices, coverage)


def _import_inbox(session: Session, progress: Progress) -> tuple[ImportReport, Titles]:
    """Import the inbox (the service moves each imported file out of it); the report and the
    titles of the records it lists by id."""
    report = sync.import_inbox(session, progress=progress.update)
    return report, sync.report_titles(session, report)


def _import_files(
    session: Session, progress: Progress, *, paths: list[Path]
) -> tuple[ImportReport, Titles]:
    """Import chosen files, each in its own transaction (they stay where they are)."""
    report = sync.import_files(session, paths, progress=progress.update)
    return report, sync.report_titles(session, report)


class SyncHqPanel(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncHq")
        self.ctx = ctx
        self.state = HqState()
        self.report: ImportReport | None = None
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
        self.report_view = ImportReportTab(ctx.reference, self)
        self.devices_view = DevicesTab(ctx, self.result.set_message, self.refresh, self)
        self.conflicts_view = ConflictsTab(ctx, self.result.set_message, self.refresh, self)
        self.coverage_view = CoverageTab(ctx, self.result.set_message, self.refresh, self)
        self.inbox_tab = self.tabs.addTab(self._build_inbox_tab(), self.tr("Inbox"))
        self.report_tab = self.tabs.addTab(self.report_view, self.tr("Import report"))
        self.devices_tab = self.tabs.addTab(self.devices_view, self.tr("Devices"))
        self.conflicts_tab = self.tabs.addTab(self.conflicts_view, self.tr("Conflicts"))
        self.coverage_tab = self.tabs.addTab(self.coverage_view, self.tr("Coverage"))
        # The tables by the names the tests and the screenshot script use.
        self.counts_model = self.report_view.counts_model
        self.problems_model = self.report_view.problems_model
        self.report_summary = self.report_view.summary
        self.devices_model = self.devices_view.model
        self.conflicts_model = self.conflicts_view.model

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
        self.inbox_hint.setObjectName("inboxHint")
        box.addWidget(self.inbox_hint)
        self.inbox_table = table_view(self.inbox_model, "inboxTable", stretch=0)
        box.addWidget(self.inbox_table, 1)
        return inbox

    # --- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.runner.submit(_state, self._on_state, self.ctx.report)

    def _on_state(self, state: HqState) -> None:
        self.state = state
        self.inbox_model.set_rows(
            [[name, number(size), when(_iso(mtime))] for name, size, mtime in state.inbox],
            [name for name, _s, _m in state.inbox],
        )
        hint = self.tr("{n} waiting in the inbox folder {folder}.").format(
            n=counted(len(state.inbox), self.tr("{n} new bundle file"),
                      self.tr("{n} new bundle files")),
            folder=str(self.ctx.paths.inbox),
        )  # fmt: skip
        if state.imported:
            hint += " " + self.tr(
                "{n} imported before are done and kept in its “imported” folder."
            ).format(n=bundles_text(state.imported))
        self.inbox_hint.setText(hint)
        self.tabs.setTabText(self.inbox_tab, self.tr("Inbox ({n})").format(n=len(state.inbox)))
        self.devices_view.show_devices(state.devices, state.offices)
        self.tabs.setTabText(
            self.devices_tab, self.tr("Devices ({n})").format(n=len(state.devices))
        )
        self.coverage_view.show_coverage(state.coverage)
        self.conflicts_view.show_conflicts(state.conflicts)
        self.tabs.setTabText(
            self.conflicts_tab, self.tr("Conflicts ({n})").format(n=len(state.conflicts))
        )

    # --- import -------------------------------------------------------------------------------
    def import_inbox(self) -> None:
        if not _bundle_files(self.ctx.paths.inbox):
            self.result.set_message("info", self.tr("The inbox holds no new bundle."))
            return
        self._run_import(len(_bundle_files(self.ctx.paths.inbox)), _import_inbox)

    def import_chosen(self) -> None:
        chosen = files.ask_open_files(
            self, self.tr("Bundles to import"), self.ctx.paths.inbox,
            self.tr("Bundles and case files (*.tipb *.tipf)"),
        )  # fmt: skip
        if chosen:
            self.import_paths(chosen)

    def import_paths(self, paths: list[Path]) -> None:
        """Import these files (they stay where they are)."""
        self._run_import(
            len(paths),
            lambda session, progress: _import_files(session, progress, paths=paths),
        )

    def _run_import(self, n: int, work: ImportWork) -> None:
        self.inbox_button.setEnabled(False)
        self.files_button.setEnabled(False)
        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Import"),
            self.tr("Checking and importing {n}…").format(n=bundles_text(n)),
            work,
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
            "info",
            self.tr(
                "Import stopped. The bundles imported before you stopped are kept (and moved "
                "out of the inbox); the others wait in the inbox."
            ),
        )
        self.refresh()

    def _on_imported(self, done: tuple[ImportReport, Titles]) -> None:
        self._buttons_back()
        self.show_report(*done)
        self.refresh()

    def show_report(self, report: ImportReport, titles: Titles | None = None) -> None:
        """The import report, and its summary in the banner."""
        self.report = report
        devices = {d.device_id: d.district for d in self.state.devices}
        summary = self.report_view.show_report(report, titles or {}, devices)
        self.result.set_message(summary.kind, summary.records)
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


def _iso(mtime: float) -> str:
    return dt.datetime.fromtimestamp(mtime, dt.UTC).isoformat()
