"""First run: set up this computer as a district office or HQ, create the first user, and show
the recovery key once.

Contract:
- Nothing is written until the user presses *Create* on the last settings page. Then the store
  is created on the store's thread (``runner.replace_session``: the new session belongs to the
  worker) with the injected Argon2id cost (:attr:`AppConfig.kdf`); optional demo data follows
  with a progress dialog.
- The recovery key is shown once, on the last page, with *Save to file* (atomic, private file
  mode, with a warning that it is sensitive) and *Print*. The wizard cannot be finished until the
  user confirms they have kept it, and cannot be cancelled once the store exists.
- ``sig_done`` carries the :class:`~tipdesk.ui.context.SignedIn` of the new session.

The settings page (:class:`OptionsPage`) lives here with the work it starts; the other pages
and the steps panel are in :mod:`tipdesk.ui.pages.setup.pages`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import KnownError
from tipdesk.core.languages import DEFAULT_LANGUAGE, Language
from tipdesk.core.reference import Reference
from tipdesk.ui.context import AppConfig, ErrorHandler, SignedIn, signed_in
from tipdesk.ui.errors import said_text
from tipdesk.ui.language import current_language
from tipdesk.ui.pages.setup.database import Choice, DatabaseChoice, check_choice, link_database
from tipdesk.ui.pages.setup.pages import (
    INTRO,
    OFFICE,
    OPTIONS,
    RECOVERY,
    USER,
    IntroPage,
    OfficePage,
    RecoveryPage,
    StepsPanel,
    UserPage,
    page_layout,
)
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.style import repolish
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import Banner, button, label

if TYPE_CHECKING:
    from tipdesk.services.session import Session
    from tipdesk.ui.runner import Progress, SessionRunner


# --- work for the store's thread ----------------------------------------------------------------
# The wizard is the app's first window on a new data folder: the services (and the database
# driver) must not load with it. So, unlike the pages, this module imports them inside the
# work, which runs on the store's thread (tests/gui/test_app.py checks start-up stays light).
def _create(
    old: Session | None,
    *,
    config: AppConfig,
    role: InstallRole,
    user: str,
    passphrase: str,
    district: str,
    office: str,
    language: Language = DEFAULT_LANGUAGE,
    database: Choice | None = None,
) -> tuple[Session, SignedIn]:
    from tipdesk.services.session import init_install
    from tipdesk.store.keys import DEFAULT_KDF

    if database is not None:
        check_choice(database)  # before anything is created

    session, recovery = init_install(
        config.paths,
        role=role,
        user=user,
        passphrase=passphrase,
        clock=config.clock,
        district=district,
        office=office,
        kdf=config.kdf or DEFAULT_KDF,
    )
    from tipdesk.services.user_prefs import set_user_language

    set_user_language(session, language)  # the language the wizard was used in
    return session, signed_in(session, extra=recovery)


def _fill_demo(session: Session, progress: Progress, *, config: AppConfig) -> dict[str, int]:
    from tipdesk.services import demo

    return demo.fill(
        session, seed=config.demo_seed, cases=config.demo_cases, progress=progress.update
    )


def _read_enrolment(path: Path) -> tuple[str, str]:
    """Verify HQ's enrolment file (no session needed): HQ's device id and fingerprint."""
    from tipdesk.services import sync

    found = sync.read_enrolment(path)
    return str(found.hq.device_id), str(found.hq.fingerprint)


def _enroll(session: Session, *, path: Path) -> None:
    from tipdesk.services import sync

    sync.enroll(session, path)


class OptionsPage(QWizardPage):
    """The last choices; pressing Create writes the store (see :meth:`validatePage`)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        box = page_layout(
            self,
            self.tr("Ready to create the store"),
            self.tr(
                "Check the summary, then press Create. TIPDesk then shows the recovery key once."
            ),
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        self.summary = label("", wrap=True)
        self.summary.setObjectName("summary")
        box.addWidget(self.summary)
        box.addSpacing(8)
        self.enrol_title = label(self.tr("Enrolment with HQ"), "sectionTitle")
        box.addWidget(self.enrol_title)
        box.addWidget(self._build_enrolment())
        box.addWidget(self.enrol_note)
        self.database_title = label(
            self.tr("Where HQ keeps the records it imports"), "sectionTitle"
        )
        box.addWidget(self.database_title)
        self.database = DatabaseChoice()
        box.addWidget(self.database)
        box.addSpacing(8)
        self.demo_check = QCheckBox(self.tr("Fill with demo data (training installs only)"))
        self.demo_check.setObjectName("demoCheck")
        self.demo_check.setToolTip(
            self.tr(
                "Adds synthetic cases, victims, training sessions and "
                "campaigns so that officers can practise. Never tick "
                "this on an office's real install."
            )
        )
        box.addWidget(self.demo_check)
        box.addWidget(
            label(self.tr("Synthetic records only: every name and number is invented."), "hint")
        )
        box.addStretch(1)
        self.message = Banner("error")
        self.message.setObjectName("createMessage")
        box.addWidget(self.message)

    def _build_enrolment(self) -> QWidget:
        """HQ's enrolment file (districts only), and the note under it."""
        self.enrol_row = QWidget()
        enrol = QHBoxLayout(self.enrol_row)
        enrol.setContentsMargins(0, 0, 0, 0)
        self.enrol_edit = QLineEdit()
        self.enrol_edit.setObjectName("enrolmentFile")
        self.enrol_edit.setPlaceholderText(self.tr("HQ's enrolment file (optional)"))
        self.enrol_edit.setReadOnly(True)
        self.enrol_button = button(self.tr("Choose…"), "folder")
        self.enrol_button.setObjectName("enrolmentButton")
        self.enrol_button.clicked.connect(self._choose_enrolment)
        enrol.addWidget(self.enrol_edit, 1)
        enrol.addWidget(self.enrol_button)
        self.enrol_note = label(
            self.tr("Optional: the file HQ gives each district. It can also be installed later."),
            "hint",
            wrap=True,
        )
        self.enrol_note.setObjectName("enrolmentNote")
        return self.enrol_row

    def initializePage(self) -> None:
        w = self._wizard
        role = w.intro.role()
        self.enrol_title.setVisible(role is InstallRole.DISTRICT)
        self.enrol_row.setVisible(role is InstallRole.DISTRICT)
        self.enrol_note.setVisible(role is InstallRole.DISTRICT)
        self.database_title.setVisible(role is InstallRole.HQ)
        self.database.setVisible(role is InstallRole.HQ)
        lines = [
            self.tr("Kind: {kind}").format(
                kind=self.tr("district office") if role is InstallRole.DISTRICT else self.tr("HQ")
            )
        ]
        if role is InstallRole.DISTRICT:
            lines.append(
                self.tr("District: {d}").format(d=w.office_page.district.currentText().strip())
            )
            lines.append(
                self.tr("Office: {o}").format(o=w.office_page.office.currentText().strip())
            )
        if role is InstallRole.HQ:
            lines.append(self.database.summary())
        lines.append(self.tr("Administrator: {u}").format(u=w.user_page.user_edit.text().strip()))
        lines.append(self.tr("Data folder: {f}").format(f=w.config.paths.home))
        self.summary.setText("\n".join(lines))

    def _choose_enrolment(self) -> None:
        path = files.ask_open_file(
            self, self.tr("HQ's enrolment file"), Path.home(), self.tr("All files (*)")
        )
        if path is None:
            return
        self.enrol_edit.clear()
        self._wizard.runner.call(
            partial(_read_enrolment, path),
            lambda found: self._on_enrolment_read(path, found),
            self._on_enrolment_refused,
        )

    def _on_enrolment_read(self, path: Path, found: tuple[str, str]) -> None:
        device, fingerprint = found
        self.enrol_edit.setText(str(path))
        self.enrol_note.setText(
            self.tr(
                "HQ device {device}. Fingerprint: {fingerprint}. Check it with HQ (by phone) "
                "before you press Create."
            ).format(device=device, fingerprint=fingerprint)
        )
        self.message.set_message("error", "")

    def _on_enrolment_refused(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.message.set_message("error", said_text(exc))
        else:
            self._wizard.report(exc)

    def validatePage(self) -> bool:
        # Creating runs on the worker: the first press starts it and refuses to move on; when
        # it is done, the wizard moves on by itself.
        if self._wizard.ready:
            return True
        self._wizard.start_create()
        return self._wizard.ready


_NAV_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


class SetupWizard(QWizard):
    """See the module docstring."""

    sig_done = Signal(object)
    """The :class:`SignedIn` of the new install's first session."""
    sig_language_chosen = Signal(object)
    """A :class:`~tipdesk.core.languages.Language` was picked on the first page: the app
    shows the wizard again in it."""

    def __init__(
        self,
        config: AppConfig,
        runner: SessionRunner,
        report: ErrorHandler,
        reference: Reference,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.config = config
        self.runner = runner
        self.report = report
        self.signed: SignedIn | None = None
        self.recovery_key = ""
        self._creating = False
        self._filling = False
        self._database: Choice | None = None
        self.setWindowTitle(self.tr("Set up TIPDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.steps = StepsPanel()
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(820, 600)
        self.intro = IntroPage(config)
        self.intro.language.sig_chosen.connect(self.sig_language_chosen.emit)
        self.office_page = OfficePage(reference)
        self.user_page = UserPage()
        self.options_page = OptionsPage(self)
        self.recovery_page = RecoveryPage(self)
        for page_id, page in (
            (INTRO, self.intro),
            (OFFICE, self.office_page),
            (USER, self.user_page),
            (OPTIONS, self.options_page),
            (RECOVERY, self.recovery_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(INTRO)
        for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton):
            wizard_button = self.button(which)
            if wizard_button is not None:
                wizard_button.setProperty("primary", True)
                repolish(wizard_button)
        # QWizard's own layout squeezes its buttons below their size hint when a page grows (the
        # HQ database choice); Nastaliq labels need their full height, so it may not.
        for which in _NAV_BUTTONS:
            nav_button = self.button(which)
            if nav_button is not None:
                nav_button.setMinimumHeight(nav_button.sizeHint().height())
        self._on_current_id_changed(INTRO)

    def _on_current_id_changed(self, page_id: int) -> None:
        hq = self.intro.role() is InstallRole.HQ
        self.steps.show_step(page_id, skip={OFFICE} if hq else set())

    # --- creating -----------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The store exists (and the demo data, if asked for, is in): on to the key."""
        return self.signed is not None and not self._filling

    def _advance(self) -> None:
        # Deferred: the commit page's validatePage may still be on the stack.
        QTimer.singleShot(0, self, self.next)

    def start_create(self) -> None:
        if self._creating or self.signed is not None:
            return
        role = self.intro.role()
        district = office = ""
        if role is InstallRole.DISTRICT:
            district = self.office_page.district.district_code()
            office = self.office_page.office.office()
        user = self.user_page.user_edit.text().strip()
        passphrase = self.user_page.passphrase.passphrase()
        self._database = self.options_page.database.choice() if role is InstallRole.HQ else None
        self._creating = True
        self.options_page.message.set_message("info", self.tr("Creating the encrypted store…"))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.runner.replace_session(
            partial(
                _create,
                config=self.config,
                role=role,
                user=user,
                passphrase=passphrase,
                district=district,
                office=office,
                language=current_language(),
                database=self._database,
            ),
            self._on_created,
            self._on_create_failed,
        )

    def _on_created(self, signed: SignedIn) -> None:
        self._creating = False
        self.signed = signed
        self.recovery_key = str(signed.extra)
        self.user_page.passphrase.clear()
        self.options_page.message.set_message("info", "")
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        if self._database is not None:
            # As `tipdesk init --role hq --database URL`: a failure is told (the HQ keeps its
            # records in its own store meanwhile; `tipdesk hq database URL` links it later).
            self.runner.submit(
                partial(link_database, choice=self._database), lambda _r: None, self.report
            )
        enrol_path = self.options_page.enrol_edit.text()
        if enrol_path:
            self.runner.submit(
                partial(_enroll, path=Path(enrol_path)), lambda _r: None, self.report
            )
        if self.options_page.demo_check.isChecked():
            self._filling = True
            self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
            run_with_progress(
                self.runner,
                self,
                self.tr("Demo data"),
                self.tr("Adding synthetic records for practice…"),
                partial(_fill_demo, config=self.config),
                lambda _counts: self._on_demo_finished(),
                self._on_demo_failed,
                on_cancelled=self._on_demo_finished,
            )
            return
        self._advance()

    def _on_demo_finished(self) -> None:
        self._filling = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self._advance()

    def _on_demo_failed(self, exc: BaseException) -> None:
        self.report(exc)
        self._on_demo_finished()

    def _on_create_failed(self, exc: BaseException) -> None:
        self._creating = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        message = getattr(exc, "message", None)
        if message is not None:
            self.options_page.message.set_message("error", message)
        else:
            self.options_page.message.set_message("error", "")
            self.report(exc)

    # --- finishing ----------------------------------------------------------------------------
    def accept(self) -> None:
        if self.signed is None or not self.recovery_page.isComplete():
            return
        super().accept()
        self.sig_done.emit(self.signed)

    def reject(self) -> None:
        # Once the store exists the recovery key must not be lost by closing the window.
        if self.signed is not None:
            return
        super().reject()
