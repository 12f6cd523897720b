"""Signing in at start-up, and unlocking a locked app: user, passphrase, the login delay
counting down after failed attempts, and the recovery-key path.

Contract:
- The passphrase is checked on the store's thread (Argon2id is slow by design): at start-up
  through ``runner.replace_session`` (the session is opened on the worker), when locked through
  :func:`tipdesk.services.lock.unlock` on the open session. The fields are wiped after every
  attempt; nothing typed is kept or logged.
- After a failed attempt the screen asks the key file how long to wait
  (:func:`tipdesk.services.lock.login_hint`) and counts down with the injected clock; the
  button stays disabled until the wait is over.
- ``sig_unlocked`` carries a :class:`~tipdesk.ui.context.SignedIn` at start-up and ``None``
  when a locked app was unlocked.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import KnownError, LoginThrottled, WrongPassphrase
from tipdesk.ui.context import AppConfig, ErrorHandler, SignedIn, signed_in
from tipdesk.ui.errors import said_text
from tipdesk.ui.style import logo as style_logo
from tipdesk.ui.widgets.common import Banner, button, label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from tipdesk.services.lock import LoginHint
    from tipdesk.services.session import Session
    from tipdesk.ui.runner import SessionRunner
    from tipdesk.ui.widgets.passphrase import PassphraseFields


# --- work for the store's thread ----------------------------------------------------------------
# This is the app's first window: the services (and the database driver) must not load with it.
# So, unlike the pages, this module imports them inside the work, which runs on the store's
# thread once the window is up (tests/gui/test_app.py checks that start-up stays that light).
def _sign_in(
    old: Session | None, *, config: AppConfig, user: str, passphrase: str
) -> tuple[Session, SignedIn]:
    from tipdesk.services.session import sign_in

    session = sign_in(config.paths, user=user, passphrase=passphrase, clock=config.clock)
    if old is not None:
        old.close()
    return session, signed_in(session)


def _recover(
    old: Session | None, *, config: AppConfig, user: str, key: str, new_passphrase: str
) -> tuple[Session, SignedIn]:
    from tipdesk.services.session import sign_in_with_recovery

    session = sign_in_with_recovery(
        config.paths,
        recovery_key=key,
        user=user,
        new_passphrase=new_passphrase,
        clock=config.clock,
    )
    if old is not None:
        old.close()
    return session, signed_in(session)


def _hint(config: AppConfig) -> LoginHint:
    from tipdesk.services.lock import login_hint

    return login_hint(config.paths, config.clock)


def _unlock(session: Session, *, passphrase: str) -> None:
    from tipdesk.services.lock import unlock

    unlock(session, passphrase)


def _unlock_with_recovery(session: Session, *, key: str, new_passphrase: str) -> None:
    from tipdesk.services.lock import unlock_with_recovery

    unlock_with_recovery(session, key, new_passphrase)


class UnlockView(QWidget):
    """The sign-in card. ``locked_user`` set: the lock screen of a signed-in app."""

    sig_unlocked = Signal(object)
    """A :class:`SignedIn` at start-up; ``None`` after unlocking a locked app."""

    def __init__(
        self,
        config: AppConfig,
        runner: SessionRunner,
        report: ErrorHandler,
        *,
        locked_user: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen" if locked_user else "unlockView")
        self._config = config
        self._runner = runner
        self._report = report
        self._locked_user = locked_user
        self._busy = False
        self._deadline: dt.datetime | None = None
        self.recovery_edit: QLineEdit | None = None
        self.new_passphrase: PassphraseFields | None = None
        self.recover_button: QPushButton | None = None
        self._page = 0
        self.hint_received = False
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_tick)
        self._build()
        if locked_user is None:
            # After the first paint: the worker's first job imports the services, and the
            # window should not wait for that.
            QTimer.singleShot(100, self, self.refresh_hint)

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(440)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        box = QVBoxLayout(card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(12)
        box.addLayout(self._build_brand())
        box.addSpacing(6)
        self.title_label = label("", "sectionTitle")
        box.addWidget(self.title_label)
        self.note_label = label("", "muted", wrap=True)
        box.addWidget(self.note_label)
        self.user_edit = QLineEdit(self._locked_user or "")
        self.user_edit.setObjectName("userName")
        self.user_edit.setPlaceholderText(self.tr("User name"))
        self.user_edit.setVisible(self._locked_user is None)
        self.user_edit.setReadOnly(self._locked_user is not None)
        box.addWidget(self.user_edit)
        # Two pages (passphrase; recovery key) shown one at a time in this column: only the
        # shown one takes room. (No QStackedWidget: one Qt class less to load at start-up.)
        self.pages = QVBoxLayout()
        self.pages.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.pages)
        self.page_widgets: list[QWidget] = []
        sign = self._build_passphrase_page()
        self.pages.addWidget(sign)
        self.page_widgets.append(sign)
        self.wait_label = label("", "error", wrap=True)
        self.wait_label.setObjectName("waitLabel")
        self.wait_label.hide()
        box.addWidget(self.wait_label)
        self.message = Banner("error")
        self.message.setObjectName("unlockMessage")
        box.addWidget(self.message)
        if self._locked_user is None:
            folder = label(
                self.tr("Data folder: {folder}").format(folder=self._config.paths.home),
                "hint",
                wrap=True,
            )
            folder.setObjectName("dataFolder")
            box.addWidget(folder)
        self._show_page(0)

    def _build_brand(self) -> QHBoxLayout:
        brand = QHBoxLayout()
        brand.setSpacing(12)
        logo = label()
        logo.setPixmap(style_logo(40))
        brand.addWidget(logo)
        names = QVBoxLayout()
        names.setSpacing(0)
        app_name = label("TIPDesk")
        app_name.setObjectName("brand")
        names.addWidget(app_name)
        names.addWidget(label(self.tr("Anti-trafficking register"), "muted"))
        brand.addLayout(names, 1)
        return brand

    def _build_passphrase_page(self) -> QWidget:
        """Page 0: the passphrase, Sign in (or Unlock), and the way to the recovery key."""
        sign = QWidget()
        sign_box = QVBoxLayout(sign)
        sign_box.setContentsMargins(0, 0, 0, 0)
        sign_box.setSpacing(10)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase_edit.returnPressed.connect(self.attempt)
        sign_box.addWidget(self.passphrase_edit)
        self.unlock_button = button(
            self.tr("Unlock") if self._locked_user else self.tr("Sign in"), primary=True
        )
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.attempt)
        sign_box.addWidget(self.unlock_button)
        self.recover_link = button(
            self.tr("Forgot your passphrase? Use the recovery key"), flat=True
        )
        self.recover_link.setObjectName("recoverLink")
        self.recover_link.clicked.connect(lambda: self._show_page(1))
        link_row = QHBoxLayout()
        link_row.addWidget(self.recover_link)
        link_row.addStretch(1)
        sign_box.addLayout(link_row)
        return sign

    def _build_recovery_page(self) -> None:
        """Page 1: the recovery key and a new passphrase (built when first asked for: start-up
        shows the passphrase page only)."""
        from PySide6.QtWidgets import QFormLayout

        from tipdesk.ui.widgets.passphrase import PassphraseFields

        recover = QWidget()
        form = QFormLayout(recover)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recovery_edit = QLineEdit()
        self.recovery_edit.setObjectName("recoveryKey")
        self.recovery_edit.setPlaceholderText("ABCD-EFGH-…")
        form.addRow(label(self.tr("Recovery key"), "hint", wrap=True))
        form.addRow(self.recovery_edit)
        form.addRow(label(self.tr("Choose a new passphrase:"), "hint", wrap=True))
        self.new_passphrase = PassphraseFields(self.user_edit.text)
        form.addRow(self.new_passphrase)
        self.recover_button = button(self.tr("Reset passphrase and unlock"), "key", primary=True)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.clicked.connect(self.attempt_recovery)
        form.addRow(self.recover_button)
        back = button(self.tr("Back to the passphrase"), flat=True)
        back.clicked.connect(lambda: self._show_page(0))
        back_row = QHBoxLayout()
        back_row.addWidget(back)
        back_row.addStretch(1)
        form.addRow(back_row)
        self.pages.addWidget(recover)
        self.page_widgets.append(recover)
        self.new_passphrase.sig_changed.connect(self._update_buttons)
        self.recovery_edit.textChanged.connect(self._update_buttons)

    def _show_page(self, index: int) -> None:
        if index == 1 and self.recover_button is None:
            self._build_recovery_page()
        for i, page in enumerate(self.page_widgets):
            page.setVisible(i == index)
        self._page = index
        self._set_heading()
        self.message.set_message("error", "")
        (self.recovery_edit if index and self.recovery_edit else self.passphrase_edit).setFocus()
        self._update_buttons()

    def _set_heading(self) -> None:
        if self._page == 1:
            title = self.tr("Use the recovery key")
            note = self.tr("The recovery key from the day TIPDesk was set up opens the store; "
                           "then choose a new passphrase for this user.")  # fmt: skip
        elif self._locked_user:
            title = self.tr("TIPDesk is locked")
            note = self.tr(
                "Signed in as {user}. Enter your passphrase to continue; your unsaved work is kept."
            ).format(user=self._locked_user)
        else:
            title = self.tr("Sign in")
            note = self.tr("Enter your user name and passphrase.")
        self.title_label.setText(title)
        self.note_label.setText(note)

    # --- state --------------------------------------------------------------------------------
    @property
    def page_index(self) -> int:
        """0: the passphrase; 1: the recovery key."""
        return self._page

    @property
    def waiting(self) -> bool:
        return self._deadline is not None

    def remaining_seconds(self) -> int:
        if self._deadline is None:
            return 0
        left = (self._deadline - self._config.clock.now()).total_seconds()
        return max(0, math.ceil(left))

    def set_wait(self, seconds: float) -> None:
        """Disable the buttons and count down ``seconds`` (0: allowed now)."""
        if seconds <= 0:
            self._deadline = None
            self._timer.stop()
        else:
            self._deadline = self._config.clock.now() + dt.timedelta(seconds=seconds)
            self._timer.start()
        self._on_tick()

    def _on_tick(self) -> None:
        left = self.remaining_seconds()
        if self._deadline is not None and left <= 0:
            self._deadline = None
            self._timer.stop()
        if self._deadline is None:
            self.wait_label.hide()
        else:
            self.wait_label.setText(
                self.tr("Too many failed attempts. You can try again in {n} s.").format(n=left)
            )
            self.wait_label.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        free = not self._busy and self._deadline is None
        self.unlock_button.setEnabled(free)
        if self.recover_button is not None and self.recovery_edit and self.new_passphrase:
            self.recover_button.setEnabled(
                free
                and bool(self.recovery_edit.text().strip())
                and self.new_passphrase.is_acceptable()
            )
        self.unlock_button.setText(
            self.tr("Checking…")
            if self._busy
            else self.tr("Unlock")
            if self._locked_user
            else self.tr("Sign in")
        )

    def refresh_hint(self) -> None:
        """Ask the key file (on the worker) how long the login delay still runs."""
        self._runner.call(partial(_hint, self._config), self._on_hint, lambda _exc: None)

    def _on_hint(self, hint: LoginHint) -> None:
        self.hint_received = True
        self.set_wait(hint.wait_seconds)

    # --- attempts -----------------------------------------------------------------------------
    def attempt(self) -> None:
        if self._busy or self._deadline is not None:
            return
        user = self.user_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        self.passphrase_edit.clear()
        if not user or not passphrase:
            self.message.set_message(
                "error",
                self.tr("Enter your user name and passphrase.")
                if not user
                else self.tr("Enter your passphrase."),
            )
            return
        self._start()
        if self._locked_user is None:
            self._runner.replace_session(
                partial(_sign_in, config=self._config, user=user, passphrase=passphrase),
                self._on_success,
                self._on_failure,
            )
        else:
            self._runner.submit(
                partial(_unlock, passphrase=passphrase), self._on_success, self._on_failure
            )

    def attempt_recovery(self) -> None:
        if self._busy or self._deadline is not None:
            return
        user = self.user_edit.text().strip()
        if self.recovery_edit is None or self.new_passphrase is None:
            return
        key = self.recovery_edit.text()
        new = self.new_passphrase.passphrase()
        if not user:
            self.message.set_message("error", self.tr("Enter your user name."))
            return
        if not self.new_passphrase.is_acceptable():
            return
        self.recovery_edit.clear()
        self.new_passphrase.clear()
        self._start()
        if self._locked_user is None:
            self._runner.replace_session(
                partial(_recover, config=self._config, user=user, key=key, new_passphrase=new),
                self._on_success,
                self._on_failure,
            )
        else:
            self._runner.submit(
                partial(_unlock_with_recovery, key=key, new_passphrase=new),
                self._on_success,
                self._on_failure,
            )

    def _start(self) -> None:
        self._busy = True
        self.message.set_message("error", "")
        self._update_buttons()

    def _on_success(self, value: SignedIn | None) -> None:
        self._busy = False
        self.message.set_message("error", "")
        self._show_page(0)
        self._update_buttons()
        self.sig_unlocked.emit(value)

    def _on_failure(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, LoginThrottled):
            self.message.set_message("error", "")
            self.set_wait(exc.retry_after)
        elif isinstance(exc, KnownError):
            self.message.set_message("error", said_text(exc))
            if isinstance(exc, WrongPassphrase):
                self.refresh_hint_after_failure()
        else:
            self._report(exc)
        self.passphrase_edit.setFocus()

    def refresh_hint_after_failure(self) -> None:
        self._runner.call(
            partial(_hint, self._config), lambda h: self.set_wait(h.wait_seconds), lambda _exc: None
        )

    def reset(self) -> None:
        """Forget anything typed (called before the lock screen is shown again)."""
        self.passphrase_edit.clear()
        if self.recovery_edit is not None and self.new_passphrase is not None:
            self.recovery_edit.clear()
            self.new_passphrase.clear()
        self.message.set_message("error", "")
        self._show_page(0)
