"""The audit log: newest entries first, keyset-paged as you scroll, filtered by action, user and
date, and a "Verify chain" action that walks the whole hash chain on the store's thread.

Entries never hold record contents (see :mod:`tipdesk.store.audit`), so everything in them is
shown, in words (:mod:`tipdesk.ui.pages.audit.words`: actions, field labels, district and
office names, short device ids) with the stored codes in tool tips. Needs the ``audit``
permission; other roles see a note instead of the log.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import Permission
from tipdesk.core.reference import Reference
from tipdesk.services import audit_log, sync
from tipdesk.services.session import Session
from tipdesk.store.audit import AuditEntry, VerifyResult
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.audit import words
from tipdesk.ui.record_fields import Titles
from tipdesk.ui.runner import Failed, Runner
from tipdesk.ui.widgets.common import Banner, PageHeader, button, label
from tipdesk.ui.widgets.text_table import FlatTableModel

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def local_time(at: str) -> str:
    moment = QDateTime.fromString(at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return at
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss")


def _page(
    session: Session, *, before: int | None, filters: dict[str, Any]
) -> tuple[list[AuditEntry], Titles, dict[str, str]]:
    """A page of entries, the titles of the records they name and the devices this install
    knows (id -> district code: HQ's registry; a district knows its own)."""
    entries = audit_log.page(session, before_seq=before, limit=PAGE_SIZE, **filters)
    install = session.install
    devices = {install.device_id: install.district} if install.district else {}
    if install.role is InstallRole.HQ:
        devices.update((d.device_id, d.district) for d in sync.list_devices(session))
    return entries, audit_log.titles(session, entries), devices


def _choices(
    session: Session, *, chain: audit_log.Chain | None
) -> tuple[list[audit_log.Chain], list[str], list[str]]:
    """The audit logs this install keeps, and the actions and users of ``chain``'s."""
    return (audit_log.chains(session), *audit_log.filter_choices(session, chain))


class AuditModel(FlatTableModel):
    """Audit entries newest first, fetched a page at a time on the store's thread."""

    COLUMNS = (
        str(QT_TRANSLATE_NOOP("AuditModel", "#")),
        str(QT_TRANSLATE_NOOP("AuditModel", "Time")),
        str(QT_TRANSLATE_NOOP("AuditModel", "User")),
        str(QT_TRANSLATE_NOOP("AuditModel", "Action")),
        str(QT_TRANSLATE_NOOP("AuditModel", "Record")),
        str(QT_TRANSLATE_NOOP("AuditModel", "Details")),
    )

    def __init__(
        self, runner: Runner, report: Failed, reference: Reference, parent: QObject | None = None
    ) -> None:
        super().__init__(self.COLUMNS, parent, context="AuditModel")
        self._runner = runner
        self._report = report
        self._reference = reference
        self._rows: list[AuditEntry] = []
        self._titles: Titles = {}
        self._devices: dict[str, str] = {}
        self._filters: dict[str, Any] = {}
        self._exhausted = False
        self._loading = False
        self._generation = 0

    # --- Qt model API -------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        entry = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(entry, col)
        if role == Qt.ItemDataRole.UserRole:
            return entry.seq
        return None

    def names(self) -> words.Names:
        return words.Names(self._reference, self._titles, self._devices)

    def _display(self, entry: AuditEntry, col: int) -> str:
        if col == 0:
            return str(entry.seq)
        if col == 1:
            return local_time(entry.at)
        if col == 2:
            return entry.user
        if col == 3:
            return words.action_words(entry.action)
        if col == 4:
            return words.subject(entry, self.names())
        if col == 5:
            return words.describe(entry, self.names())
        return ""

    def _tip(self, entry: AuditEntry, col: int) -> str | None:
        """The codes behind the words: the action, the record's kind and id, the details as
        stored (for a search or the command line)."""
        if col == 3:
            return entry.action
        if col == 4 and entry.record_id:
            return f"{entry.kind} {entry.record_id}"
        if col == 5:
            return words.codes(entry) or None
        return self._display(entry, col) or None

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        before = self._rows[-1].seq if self._rows else None
        self._runner.submit(
            partial(_page, before=before, filters=self._filters),
            lambda page: self._on_page(generation, *page),
            lambda exc: self._on_failed(generation, exc),
        )

    # --- loading ------------------------------------------------------------------------------
    def set_filters(self, **filters: Any) -> None:
        """Start again from the newest entry with these filters (None: any)."""
        self.beginResetModel()
        self._generation += 1
        self._filters = {k: v for k, v in filters.items() if v}
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    @property
    def loading(self) -> bool:
        return self._loading

    def _on_page(
        self, generation: int, rows: list[AuditEntry], titles: Titles, devices: dict[str, str]
    ) -> None:
        if generation != self._generation:
            return
        self._titles.update(titles)
        self._devices.update(devices)
        self._loading = False
        self._exhausted = len(rows) < PAGE_SIZE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
        self._report(exc)


class AuditView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = PageHeader(
            self.tr("Audit log"),
            self.tr(
                "Every sign-in, change, reveal, backup and restore, in a tamper-evident chain."
            ),
        )
        outer.addWidget(self.header)
        body = QVBoxLayout()
        body.setContentsMargins(24, 16, 24, 16)
        body.setSpacing(12)
        outer.addLayout(body, 1)
        self.allowed = ctx.can(Permission.AUDIT)
        self.result = Banner("ok")
        self.result.setObjectName("verifyResult")
        if not self.allowed:
            body.addWidget(
                Banner(
                    "info",
                    self.tr(
                        "Your role does not include the audit log. A supervisor or an "
                        "administrator can check it."
                    ),
                )
            )
            body.addStretch(1)
            self.model = None
            return

        self.verify_button = button(self.tr("Verify chain"), "audit", primary=True)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.header.action_bar.addWidget(self.verify_button)
        body.addLayout(self._build_filters())
        body.addWidget(self.result)
        self.result.set_message("ok", "")
        self.model = AuditModel(ctx.runner, ctx.report, ctx.reference, self)
        body.addWidget(self._build_table(self.model), 1)
        for box in (self.action_box, self.user_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.chain_box.currentIndexChanged.connect(lambda _i: self._chain_changed())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self._loaded = False

    # --- building -----------------------------------------------------------------------------
    def _build_filters(self) -> QHBoxLayout:
        """Action, user, from and to, and Clear filters."""
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.action_box = QComboBox()
        self.action_box.setObjectName("actionFilter")
        self.action_box.setMinimumWidth(170)
        self.user_box = QComboBox()
        self.user_box.setObjectName("userFilter")
        self.user_box.setMinimumWidth(150)
        self.from_edit = _date_edit("fromDate")
        self.to_edit = _date_edit("toDate")
        # An HQ keeping its records in PostgreSQL keeps two logs (audit_log.Chain): shown
        # only there, once the choices are read.
        self.chain_label = label(self.tr("Log"), "muted")
        self.chain_box = QComboBox()
        self.chain_box.setObjectName("chainFilter")
        self.chain_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for part in (self.chain_label, self.chain_box):
            part.setVisible(False)
            filters.addWidget(part)
        filters.addSpacing(6)
        for text, widget in (
            (self.tr("Action"), self.action_box),
            (self.tr("User"), self.user_box),
            (self.tr("From"), self.from_edit),
            (self.tr("To"), self.to_edit),
        ):
            filters.addWidget(label(text, "muted"))
            filters.addWidget(widget)
            filters.addSpacing(6)
        self.clear_button = button(self.tr("Clear filters"), flat=True)
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        return filters

    def _build_table(self, model: AuditModel) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        head = self.table.horizontalHeader()
        head.setHighlightSections(False)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in enumerate((64, 170, 120, 150, 250)):
            self.table.setColumnWidth(col, width)
        head.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return self.table

    # --- page hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        if self.model is None:
            return
        self.load_choices()
        self.apply_filters()

    def focus_search(self) -> bool:
        if self.model is None:
            return False
        self.action_box.setFocus()
        return True

    # --- filters ------------------------------------------------------------------------------
    def chain(self) -> audit_log.Chain | None:
        """The log shown (``None``: the install's first, before the choices are read)."""
        found = self.chain_box.currentData()
        return audit_log.Chain(found) if found else None

    def load_choices(self) -> None:
        self.ctx.runner.submit(
            partial(_choices, chain=self.chain()), self._on_choices, self.ctx.report
        )

    def _chain_changed(self) -> None:
        # The other log has other actions and users: start from all of them.
        for box in (self.action_box, self.user_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.result.set_message("ok", "")
        self.load_choices()
        self.apply_filters()

    def _on_choices(self, choices: tuple[list[audit_log.Chain], list[str], list[str]]) -> None:
        chains, actions, users = choices
        if self.chain_box.count() != len(chains):
            names = {
                audit_log.Chain.DATABASE: (
                    self.tr("HQ database"),
                    self.tr(
                        "Kept in HQ's PostgreSQL database: imports, record changes, conflict "
                        "resolutions, handovers and reveals, from every analyst's computer."
                    ),
                ),
                audit_log.Chain.INSTALL: (
                    self.tr("This computer"),
                    self.tr("Kept on this computer: sign-ins, users, keys and settings."),
                ),
            }
            self.chain_box.blockSignals(True)
            self.chain_box.clear()
            for chain in chains:
                name, tip = names[chain]
                self.chain_box.addItem(name, chain.value)
                self.chain_box.setItemData(
                    self.chain_box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole
                )
            self.chain_box.setCurrentIndex(0)
            self.chain_box.blockSignals(False)
            for widget in (self.chain_label, self.chain_box):
                widget.setVisible(len(chains) > 1)
        for box, values, everyone in (
            (self.action_box, actions, self.tr("All actions")),
            (self.user_box, users, self.tr("All users")),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, "")
            for value in values:
                if box is self.action_box:
                    box.addItem(words.action_words(value), value)
                    box.setItemData(box.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
                else:
                    box.addItem(value, value)
            row = box.findData(current) if current else 0
            box.setCurrentIndex(max(row, 0))
            box.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        return {
            "chain": self.chain(),
            "action": self.action_box.currentData() or None,
            "user": self.user_box.currentData() or None,
            "date_from": _date_value(self.from_edit),
            "date_to": _date_value(self.to_edit),
        }

    def apply_filters(self) -> None:
        if self.model is not None:
            self.model.set_filters(**self.filters())

    def clear_filters(self) -> None:
        for widget in (self.action_box, self.user_box, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.action_box.setCurrentIndex(0)
        self.user_box.setCurrentIndex(0)
        self.from_edit.setDate(self.from_edit.minimumDate())
        self.to_edit.setDate(self.to_edit.minimumDate())
        for widget in (self.action_box, self.user_box, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self.apply_filters()

    # --- verify -------------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.set_message("info", self.tr("Checking every entry of the audit log…"))
        self.ctx.runner.submit(
            partial(audit_log.verify, chain=self.chain()),
            self._on_verified,
            self._on_verify_failed,
        )

    def _on_verified(self, result: VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        loc = QLocale()
        if result.ok:
            self.result.set_message(
                "ok",
                self.tr(
                    "The audit chain is intact: {n} entries checked, none changed or removed."
                ).format(n=loc.toString(result.entries)),
            )
        elif self.chain() is audit_log.Chain.DATABASE:
            self.result.set_message(
                "error",
                self.tr(
                    "The HQ database's audit log has been tampered with: {problem}. Report this "
                    "to HQ's database administrator; change nothing in the database and keep its "
                    "backups."
                ).format(problem=result.problem),
            )
        else:
            self.result.set_message(
                "error",
                self.tr(
                    "The audit log has been tampered with: {problem}. Report this to your "
                    "supervisor and HQ; keep this computer as it is."
                ).format(problem=result.problem),
            )

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result.set_message("ok", "")
        self.ctx.report(exc)


_ANY = QDate(2000, 1, 1)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_ANY)
    edit.setSpecialValueText(QCoreApplication.translate("AuditView", "any date"))
    edit.setDate(_ANY)
    edit.setMinimumWidth(130)
    return edit


def _date_value(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    if date == edit.minimumDate():
        return None
    return dt.date(date.year(), date.month(), date.day())
