"""Settings: the idle-lock time, the offices, backup and restore, demo data for an empty store,
and facts about the install.

Changing settings and offices needs ``manage_settings``; backing up needs ``backup``; restoring
needs ``manage_settings`` (the restore service checks too). Long work runs on the store's thread
behind a progress dialog with Cancel (a backup cancelled writes no file; a restore can be
cancelled until the backup is checked, before the data folder is touched); a restore replaces
the session and the app rebuilds its main window (``ctx.events.sig_session_replaced``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import InstallRole, OfficeKind
from tipdesk.core.permissions import Permission
from tipdesk.core.reference import Reference
from tipdesk.services import backup, dashboard, demo, install_settings, reference_updates
from tipdesk.services.install_settings import About
from tipdesk.services.maintenance import restore_over
from tipdesk.services.reference_updates import ReferenceStatus
from tipdesk.services.session import Session
from tipdesk.store.store import OfficeRow
from tipdesk.ui.context import AppContext, Notice, SignedIn, signed_in
from tipdesk.ui.pages.settings.case_files_card import CaseFilesCard
from tipdesk.ui.pages.settings.commencement_dialog import CommencementDialog
from tipdesk.ui.pages.settings.language_card import LanguageCard
from tipdesk.ui.pages.settings.letterhead_card import LetterheadCard
from tipdesk.ui.pages.settings.restore_dialog import RestoreDialog
from tipdesk.ui.pages.settings.upload_card import UploadCard
from tipdesk.ui.progress import ProgressDialog, run_with_progress
from tipdesk.ui.runner import Cancelled, Progress
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import Banner, Card, PageHeader, button, counted, label, scroll_area
from tipdesk.ui.widgets.district import DistrictCombo
from tipdesk.ui.widgets.text_table import FlatTableModel

if TYPE_CHECKING:
    from tipdesk.ui.pages.settings.register_import_wizard import RegisterImportWizard

Index = QModelIndex | QPersistentModelIndex

KIND_NAMES = {
    OfficeKind.FIA_CIRCLE.value: str(QT_TRANSLATE_NOOP("OfficesModel", "FIA circle")),
    OfficeKind.POLICE_STATION.value: str(QT_TRANSLATE_NOOP("OfficesModel", "Police station")),
    OfficeKind.OTHER.value: str(QT_TRANSLATE_NOOP("OfficesModel", "Other office")),
}


class OfficesModel(FlatTableModel):
    COLUMNS = (
        str(QT_TRANSLATE_NOOP("OfficesModel", "Office")),
        str(QT_TRANSLATE_NOOP("OfficesModel", "District")),
        str(QT_TRANSLATE_NOOP("OfficesModel", "Kind")),
    )

    def __init__(self, district_names: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(self.COLUMNS, parent, context="OfficesModel")
        self._districts = district_names
        self._rows: list[OfficeRow] = []

    def set_offices(self, rows: list[OfficeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        office = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{office.name} ({office.code})"
        if role == Qt.ItemDataRole.DisplayRole:
            kind = QCoreApplication.translate(
                "OfficesModel", KIND_NAMES.get(office.kind, office.kind)
            )
            return (
                office.name,
                self._districts.get(office.district, office.district),
                kind,
            )[index.column()]
        return None


# --- work for the store's thread --------------------------------------------------------------
@dataclass(frozen=True)
class Overview:
    """What the page shows, read in one go."""

    minutes: int
    offices: list[OfficeRow]
    about: About
    counts: dict[str, int]
    reference: ReferenceStatus


def _overview(session: Session) -> Overview:
    return Overview(
        minutes=install_settings.idle_lock_minutes(session),
        offices=install_settings.offices(session),
        about=install_settings.about(session),
        counts=dashboard.record_counts(session),
        reference=reference_updates.status(session),
    )


def _install_reference(
    session: Session, folder: Path, effective_from: dt.date | None = None
) -> tuple[int, list[str], Reference, int]:
    """Install HQ's updated reference files; the revision, its files, the new lists and how
    many records held in quarantine passed after it. ``effective_from``: the commencement date
    of an amendment of the sentencing rules."""
    installed = reference_updates.install_releasing(session, folder, effective_from)
    update, released = installed.update, installed.released
    total = released.total if released is not None else 0
    return update.revision, sorted(update.files), session.reference, total


def _waiting_for_commencement(_session: Session, folder: Path) -> int:
    """How many versions of the folder's sentencing rules wait for a commencement date."""
    return len(reference_updates.waiting_for_commencement(folder))


def _restore(
    old: Session | None, *, src: Path, user: str, passphrase: str, progress: Progress
) -> tuple[Session, SignedIn]:
    """Opener for ``runner.replace_session``: the restored store's session, and a notice for
    the new main window when this laptop became a new sync device."""
    if old is None:
        raise RuntimeError("restore needs an open session")
    session = restore_over(old, src, user=user, passphrase=passphrase, progress=progress.update)
    notice = None
    if session.install.role is InstallRole.DISTRICT:
        notice = Notice(
            QCoreApplication.translate("SettingsView", "Restore"),
            QCoreApplication.translate(
                "SettingsView",
                "The backup is restored. This laptop is now a new sync device: before HQ "
                "accepts its bundles, write its device file (Sync > Device file for HQ…) "
                "and send it to HQ to register.",
            ),
        )
    return session, signed_in(session, notice)


def _demo(session: Session, progress: Progress, *, seed: int, cases: int) -> dict[str, int]:
    return demo.fill(session, seed=seed, cases=cases, progress=progress.update)


class SettingsView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsView")
        self.ctx = ctx
        self.can_manage = ctx.can(Permission.MANAGE_SETTINGS)
        # Asks HQ for an amendment's commencement date (tests answer it).
        self.ask_commencement: Callable[[int], dt.date | None] = self._ask_commencement
        self.last_backup: Path | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(
            PageHeader(
                self.tr("Settings"),
                self.tr("This install's security, offices, backups and details."),
            )
        )
        body = QWidget()
        outer.addWidget(scroll_area(body, framed=True), 1)
        grid = QGridLayout(body)
        grid.setContentsMargins(24, 18, 24, 24)
        grid.setSpacing(16)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.message = Banner("ok")
        self.message.setObjectName("settingsMessage")
        grid.addWidget(self.message, 0, 0, 1, 2)
        left = QVBoxLayout()
        left.setSpacing(16)
        right = QVBoxLayout()
        right.setSpacing(16)
        grid.addLayout(left, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(right, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(2, 1)
        self.language_card = LanguageCard(ctx)
        left.addWidget(self.language_card)
        left.addWidget(self._security_card())
        self.upload_card: UploadCard | None = None
        if ctx.identity.install.role is InstallRole.DISTRICT:
            self.upload_card = UploadCard(ctx)
            left.addWidget(self.upload_card)
        left.addWidget(self._backup_card())
        self.case_files_card = CaseFilesCard(ctx)
        left.addWidget(self.case_files_card)
        left.addWidget(self._register_card())
        left.addWidget(self._reference_card())
        left.addWidget(self._demo_card())
        right.addWidget(self._offices_card())
        self.letterhead_card = LetterheadCard(ctx)
        right.addWidget(self.letterhead_card)
        right.addWidget(self._about_card())

    # --- cards --------------------------------------------------------------------------------
    def _security_card(self) -> Card:
        card = Card(self.tr("Automatic lock"))
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Lock TIPDesk after"), ""))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("idleMinutes")
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(10)
        self.minutes_spin.setMinimumWidth(90)
        row.addWidget(self.minutes_spin)
        row.addWidget(label(self.tr("without use"), ""))
        row.addStretch(1)
        self.minutes_button = button(self.tr("Save"))
        self.minutes_button.setObjectName("saveMinutes")
        self.minutes_button.clicked.connect(self.save_minutes)
        row.addWidget(self.minutes_button)
        card.body.addLayout(row)
        card.body.addWidget(
            label(
                self.tr(
                    "Locking hides every record until the passphrase is "
                    "entered again; unsaved input is kept. Ctrl+L locks "
                    "at once."
                ),
                "hint",
                wrap=True,
            )
        )
        self.minutes_spin.setEnabled(self.can_manage)
        self.minutes_button.setVisible(self.can_manage)
        return card

    def _backup_card(self) -> Card:
        card = Card(self.tr("Backup and restore"))
        card.body.addWidget(
            label(
                self.tr(
                    "A backup is one encrypted file: it opens with the same passphrases or the "
                    "recovery key. Keep copies on a USB stick away from this computer."
                ),
                "hint",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        self.backup_button = button(self.tr("Back up now…"), "backup", primary=True)
        self.backup_button.setObjectName("backupButton")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = button(self.tr("Restore…"), "restore")
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.backup_button.setEnabled(self.ctx.can(Permission.BACKUP))
        self.restore_button.setEnabled(self.can_manage)
        if not self.ctx.can(Permission.BACKUP):
            self.backup_button.setToolTip(self.tr("Your role does not include backups."))
        return card

    def _register_card(self) -> Card:
        card = Card(self.tr("Registers"))
        card.body.addWidget(
            label(
                self.tr(
                    "Bring in a case, training or campaign register kept in a spreadsheet "
                    "(XLSX or CSV, as the register template)."
                ),
                "hint",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        self.import_button = button(self.tr("Import a register…"))
        self.import_button.setObjectName("importRegisterButton")
        self.import_button.clicked.connect(self.import_register)
        self.import_button.setEnabled(self.ctx.can(Permission.EDIT))
        row.addWidget(self.import_button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def import_register(self) -> RegisterImportWizard:
        """Open the import wizard. Its module is imported here, not with the page: it brings in
        the register services and openpyxl (about 0.2 s), which most visits do not need."""
        from tipdesk.ui.pages.settings.register_import_wizard import RegisterImportWizard

        wizard = RegisterImportWizard(self.ctx, self)
        wizard.finished.connect(lambda _r: self._wizard_closed(wizard))
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: RegisterImportWizard) -> None:
        wizard.deleteLater()
        self.refresh()

    def _demo_card(self) -> Card:
        self.demo_card = Card(self.tr("Demo data"))
        self.demo_card.body.addWidget(
            label(
                self.tr(
                    "For training installs only: fill this empty store with synthetic cases, "
                    "victims, training sessions and campaigns. Every name and number is invented."
                ),
                "hint",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        self.demo_button = button(self.tr("Add demo data"), "demo")
        self.demo_button.setObjectName("demoButton")
        self.demo_button.clicked.connect(self.add_demo_data)
        self.demo_button.setEnabled(self.ctx.can(Permission.EDIT))
        row.addWidget(self.demo_button)
        row.addStretch(1)
        self.demo_card.body.addLayout(row)
        self.demo_card.hide()  # shown once the store is known to be empty
        return self.demo_card

    def _offices_card(self) -> Card:
        card = Card(self.tr("Offices"))
        names = {c: d.name for c, d in self.ctx.reference.districts.items()}
        self.offices_model = OfficesModel(names, self)
        self.offices_table = QTableView()
        self.offices_table.setObjectName("officesTable")
        self.offices_table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.offices_table.setModel(self.offices_model)
        self.offices_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offices_table.setShowGrid(False)
        self.offices_table.setAlternatingRowColors(True)
        self.offices_table.verticalHeader().hide()
        self.offices_table.verticalHeader().setDefaultSectionSize(28)
        self.offices_table.setMinimumHeight(180)
        head = self.offices_table.horizontalHeader()
        head.setHighlightSections(False)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        card.body.addWidget(self.offices_table)
        form = QFormLayout()
        form.setSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.office_name = QLineEdit()
        self.office_name.setObjectName("officeName")
        self.office_name.setPlaceholderText(self.tr("e.g. Police Station Saddar"))
        self.office_district = DistrictCombo(self.ctx.reference)
        self.office_district.setObjectName("officeDistrict")
        if self.ctx.identity.install.district:
            self.office_district.set_district(self.ctx.identity.install.district)
        self.office_kind = QComboBox()
        self.office_kind.setObjectName("officeKind")
        for code, name in KIND_NAMES.items():
            self.office_kind.addItem(QCoreApplication.translate("OfficesModel", name), code)
        self.office_kind.setCurrentIndex(self.office_kind.findData(OfficeKind.POLICE_STATION.value))
        form.addRow(self.tr("New office"), self.office_name)
        form.addRow(self.tr("District"), self.office_district)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.office_kind, 1)
        self.add_office_button = button(self.tr("Add office"), "plus")
        self.add_office_button.setObjectName("addOfficeButton")
        self.add_office_button.clicked.connect(self.add_office)
        kind_row.addWidget(self.add_office_button)
        form.addRow(self.tr("Kind"), kind_row)
        self.office_form = QWidget()
        self.office_form.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        card.body.addWidget(self.office_form)
        self.office_form.setVisible(self.can_manage)
        return card

    def _reference_card(self) -> Card:
        card = Card(self.tr("Reference lists and rules"))
        hq = self.ctx.identity.install.role is InstallRole.HQ
        card.body.addWidget(
            label(
                self.tr(
                    "Districts, offices, code lists and maximum sentences. HQ installs updated "
                    "files once; every receipt carries them to the districts."
                )
                if hq
                else self.tr(
                    "Districts, offices, code lists and maximum sentences. Updates come from "
                    "HQ with its receipts."
                ),
                "hint",
                wrap=True,
            )
        )
        self.reference_status = label("", wrap=True)
        self.reference_status.setObjectName("referenceStatus")
        card.body.addWidget(self.reference_status)
        self.reference_button = button(self.tr("Install updated files…"))
        self.reference_button.setObjectName("installReferenceButton")
        self.reference_button.clicked.connect(self.install_reference)
        self.reference_button.setVisible(hq)
        self.reference_button.setEnabled(hq and self.can_manage)
        row = QHBoxLayout()
        row.addWidget(self.reference_button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def _show_reference(self, status: ReferenceStatus) -> None:
        if not status.revision:
            text = self.tr("The lists and rules shipped with this TIPDesk are in use.")
        else:
            text = self.tr("Update {n} is in use (installed {at}): {files}.").format(
                n=status.revision,
                at=str(status.installed_at or "")[:10],
                files=", ".join(status.files),
            )
            if status.problem:
                text += " " + self.tr("It is set aside: {problem}").format(problem=status.problem)
        self.reference_status.setText(text)

    def _ask_commencement(self, waiting: int) -> dt.date | None:
        dialog = CommencementDialog(waiting, self.ctx.clock.now().date(), self)
        if dialog.exec() != CommencementDialog.DialogCode.Accepted:
            return None
        return dialog.date()

    def install_reference(self) -> None:
        folder = files.ask_folder(
            self, self.tr("Folder with the updated reference files"), Path.home()
        )
        if folder is None:
            return
        # An amendment of the sentencing rules waits for the commencement date HQ confirms.
        self.ctx.runner.submit(
            partial(_waiting_for_commencement, folder=folder),
            lambda waiting: self._install_from(folder, waiting),
            self.ctx.report,
        )

    def _install_from(self, folder: Path, waiting: int) -> None:
        effective_from = None
        if waiting:
            effective_from = self.ask_commencement(waiting)
            if effective_from is None:
                return

        def done(result: tuple[int, list[str], Reference, int]) -> None:
            revision, names, reference, released = result
            self.ctx.reference = reference  # editors opened from now on use the new lists
            text = self.tr(
                "Reference update {n} installed ({files}); the receipts you write from now "
                "on carry it to the districts."
            ).format(n=revision, files=", ".join(names))
            if released:
                # Records that waited in quarantine for a code the update brings.
                text += " " + counted(
                    released,
                    self.tr("{n} record held in quarantine passes now and is in the register."),
                    self.tr("{n} records held in quarantine pass now and are in the register."),
                )
            self.message.set_message("ok", text)
            self.refresh()

        self.ctx.runner.submit(
            partial(_install_reference, folder=folder, effective_from=effective_from),
            done,
            self.ctx.report,
        )

    def _about_card(self) -> Card:
        card = Card(self.tr("About this install"))
        self.about_form = QFormLayout()
        self.about_form.setSpacing(6)
        self.about_labels: dict[str, Any] = {}
        for key, title in (
            ("version", self.tr("TIPDesk version")),
            ("install_role", self.tr("Kind of install")),
            ("data_folder", self.tr("Data folder")),
            ("device_id", self.tr("Device id")),
            ("schema_version", self.tr("Database version")),
            ("created_at", self.tr("Set up on")),
        ):
            value = label("", wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"about_{key}")
            self.about_labels[key] = value
            self.about_form.addRow(label(title, "muted"), value)
        card.body.addLayout(self.about_form)
        return card

    # --- page hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.ctx.runner.submit(_overview, self._on_overview, self.ctx.report)
        self.letterhead_card.refresh()
        self.case_files_card.refresh()
        if self.upload_card is not None:
            self.upload_card.refresh()

    def _on_overview(self, data: Overview) -> None:
        self.minutes_spin.setValue(data.minutes)
        self.offices_model.set_offices(data.offices)
        about = data.about
        kinds = {"district": self.tr("District office"), "hq": self.tr("Headquarters")}
        for key, shown in self.about_labels.items():
            value = getattr(about, key)
            text = kinds.get(str(value), str(value)) if key == "install_role" else str(value)
            if key == "created_at":
                text = text[:10]
            shown.setText(text)
        empty = not any(data.counts.values())
        self.demo_card.setVisible(empty)
        self._show_reference(data.reference)

    # --- actions ------------------------------------------------------------------------------
    def save_minutes(self) -> None:
        minutes = self.minutes_spin.value()

        def done(value: int) -> None:
            self.ctx.events.sig_idle_lock_changed.emit(value)
            self.message.set_message(
                "ok", self.tr("TIPDesk now locks after {n} minutes without use.").format(n=value)
            )

        self.ctx.runner.submit(
            partial(install_settings.set_idle_lock_minutes, minutes=minutes), done, self.ctx.report
        )

    def add_office(self) -> None:
        name = self.office_name.text().strip()
        district = self.office_district.district_code()
        if not name or not district:
            self.message.set_message("error", self.tr("Give the office a name and a district."))
            return

        def done(added: install_settings.OfficeAdded) -> None:
            self.office_name.clear()
            text = self.tr("Office added: {name}.").format(name=added.office.name)
            found = added.released
            if found is not None and found.total:
                # At HQ: cases that waited in quarantine for this office are in the register.
                text += " " + counted(
                    found.total,
                    self.tr(
                        "{n} record held in quarantine for it passes now and is in the register."
                    ),
                    self.tr(
                        "{n} records held in quarantine for it pass now and are in the register."
                    ),
                )
            self.message.set_message("ok", text)
            self.refresh()

        kind = str(self.office_kind.currentData())
        self.ctx.runner.submit(
            partial(install_settings.add_office_releasing, name=name, district=district, kind=kind),
            done,
            self.ctx.report,
        )

    def backup_now(self) -> None:
        stamp = self.ctx.clock.now().strftime("%Y-%m-%d")
        suggested = Path.home() / f"tipdesk-{stamp}.tipbak"
        dest = files.ask_save_file(
            self, self.tr("Save the backup"), suggested, self.tr("TIPDesk backups (*.tipbak)")
        )
        if dest is None:
            return
        if not dest.suffix:
            dest = dest.with_suffix(".tipbak")

        def done(path: Path) -> None:
            self.last_backup = path
            self.message.set_message(
                "ok",
                self.tr(
                    "Backup written to {path}. Keep it on a USB stick away from this computer."
                ).format(path=path),
            )

        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Backup"),
            self.tr("Writing the encrypted backup…"),
            lambda session, progress: backup.backup(session, dest, progress=progress.update),
            done,
            self.ctx.report,
            on_cancelled=lambda: self.message.set_message(
                "warning", self.tr("Backup cancelled; nothing was written.")
            ),
        )

    def restore(self) -> RestoreDialog | None:
        src = files.ask_open_file(
            self,
            self.tr("Choose a backup"),
            Path.home(),
            self.tr("TIPDesk backups (*.tipbak);;All files (*)"),
        )
        if src is None:
            return None
        dialog = RestoreDialog(src, self.ctx.identity.user, self)
        dialog.accepted.connect(lambda: self._run_restore(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _run_restore(self, dialog: RestoreDialog) -> None:
        user, passphrase = dialog.credentials()
        progress = ProgressDialog(
            self,
            self.tr("Restore"),
            self.tr("Checking and restoring the backup…"),
        )

        def done(signed: SignedIn) -> None:
            progress.finish()
            self.ctx.events.sig_session_replaced.emit(signed)

        def failed(exc: BaseException) -> None:
            progress.finish()
            if isinstance(exc, Cancelled):
                self.message.set_message(
                    "warning", self.tr("Restore cancelled; nothing was changed.")
                )
                return
            self.ctx.report(exc)

        self.ctx.runner.replace_session(
            partial(
                _restore,
                src=dialog.backup,
                user=user,
                passphrase=passphrase,
                progress=progress.progress,
            ),
            done,
            failed,
        )

    def add_demo_data(self) -> None:
        cfg = self.ctx.config

        def done(counts: dict[str, int]) -> None:
            self.message.set_message(
                "ok",
                self.tr(
                    "Demo data added: {cases} cases, {trainings} training sessions, {campaigns} "
                    "campaigns."
                ).format(
                    cases=counts.get("case", 0),
                    trainings=counts.get("training", 0),
                    campaigns=counts.get("campaign", 0),
                ),
            )
            self.refresh()

        def cancelled() -> None:
            self.message.set_message(
                "warning", self.tr("Stopped. The batches saved before Cancel stay in the store.")
            )
            self.refresh()

        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Demo data"),
            self.tr("Adding synthetic records…"),
            partial(_demo, seed=cfg.demo_seed, cases=cfg.demo_cases),
            done,
            self.ctx.report,
            on_cancelled=cancelled,
        )
