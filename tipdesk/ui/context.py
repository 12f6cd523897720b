"""What the app's screens depend on, handed to them in ``__init__`` (no globals, no locator).

- :class:`AppConfig`: chosen once at start-up: the data folder, the clock, the Argon2id cost for
  new passphrases, how to make the store runner, the pages of the main window. Tests build one
  with a fixed clock, a tiny KDF and the synchronous runner; production uses the defaults.
- :class:`Identity`: who is signed in and to what install, as plain data read on the worker
  thread at sign-in. The GUI thread reads it freely; it never holds the session itself.
- :class:`AppContext`: what every page factory (``Callable[[AppContext], QWidget]``) receives:
  the config, the runner (the only way to reach the store), the identity, the reference lists
  and the error reporter.

This module imports no Qt and none of the services at import time (start-up speed): the
services are imported inside :func:`signed_in`, which runs on the store's thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from tipdesk.core.clock import Clock, SystemClock
from tipdesk.paths import Paths

if TYPE_CHECKING:
    from tipdesk.core.languages import Language
    from tipdesk.core.permissions import Permission, UserRole
    from tipdesk.core.reference import Reference
    from tipdesk.services.session import Install, Session
    from tipdesk.store.keys import KdfParams
    from tipdesk.ui.events import AppEvents
    from tipdesk.ui.pages import PageSpec
    from tipdesk.ui.runner import SessionRunner

ErrorHandler = Callable[[BaseException], None]


def _default_runner(on_unhandled: ErrorHandler) -> SessionRunner:
    from tipdesk.ui.runner import ThreadRunner

    return ThreadRunner(on_unhandled)


def _default_pages() -> Sequence[PageSpec]:
    from tipdesk.ui.pages import default_pages

    return default_pages()


@dataclass(frozen=True)
class AppConfig:
    """Start-up choices. Everything has a production default except the data folder."""

    paths: Paths
    clock: Clock = field(default_factory=SystemClock)
    kdf: KdfParams | None = None
    """Argon2id cost for the first user's passphrase; ``None``: the key file's default."""
    make_runner: Callable[[ErrorHandler], SessionRunner] = _default_runner
    pages: Callable[[], Sequence[PageSpec]] = _default_pages
    monotonic: Callable[[], float] = time.monotonic
    """Seconds for the idle timer (tests pass a fake one)."""
    idle_check_ms: int = 15_000
    """How often the idle timer looks at the time since the last input."""
    demo_cases: int = 300
    """How many synthetic cases "fill with demo data" makes."""
    demo_seed: int = 1

    def store_exists(self) -> bool:
        # The same test as services.session.store_exists, without importing the services
        # (and the database driver) before the first window is shown.
        return self.paths.keyfile.exists() or self.paths.database.exists()


@dataclass(frozen=True)
class Identity:
    """The signed-in user and the install (plain data, safe on any thread)."""

    user: str
    role: UserRole
    install: Install
    office_name: str
    district_name: str

    def can(self, permission: Permission) -> bool:
        from tipdesk.core.permissions import allowed  # not at start-up (the sign-in screen)

        return allowed(self.role, permission)

    @property
    def role_label(self) -> str:
        return role_label(self.role)


_ROLE_LABELS = {
    "district_officer": str(QT_TRANSLATE_NOOP("Roles", "District officer")),
    "district_supervisor": str(QT_TRANSLATE_NOOP("Roles", "District supervisor")),
    "district_admin": str(QT_TRANSLATE_NOOP("Roles", "District admin")),
    "hq_analyst": str(QT_TRANSLATE_NOOP("Roles", "HQ analyst")),
    "hq_admin": str(QT_TRANSLATE_NOOP("Roles", "HQ admin")),
}


def role_label(role: object) -> str:
    """A role as officers name it (``hq_admin`` -> ``HQ admin``), translated."""
    from PySide6.QtCore import QCoreApplication

    code = str(role)
    text = _ROLE_LABELS.get(code, code.replace("_", " ").capitalize())
    return QCoreApplication.translate("Roles", text)


@dataclass(frozen=True)
class Notice:
    """A message the new main window shows once, without blocking (after a restore)."""

    title: str
    text: str


@dataclass(frozen=True)
class SignedIn:
    """What the worker hands to the GUI when a session opens."""

    identity: Identity
    reference: Reference
    idle_lock_minutes: int
    extra: str | Notice | None = None
    """Anything else the opener returned (the recovery key after setting up, a
    :class:`Notice` for the main window)."""
    language: Language | None = None
    """The user's own interface language (``None``: never chosen; keep the one in force)."""


def signed_in(session: Session, extra: str | Notice | None = None) -> SignedIn:
    """Read the identity and the idle-lock setting. Runs on the worker thread."""
    # Signing in is start-up work (the sign-in window imports this module): the services
    # load here, on the store's thread, not with the first window.
    from tipdesk.services import install_settings, user_prefs

    install = session.install
    offices = {o.code: o.name for o in session.store.offices()}
    district = session.reference.districts.get(install.district)
    identity = Identity(
        user=session.user.name,
        role=session.role,
        install=install,
        office_name=offices.get(install.office, install.office),
        district_name=district.name if district else "",
    )
    minutes = install_settings.idle_lock_minutes(session)
    language = user_prefs.user_language(session)
    return SignedIn(identity, session.reference, minutes, extra, language)


@dataclass
class AppContext:
    """Handed to every page: see the module docstring. ``report`` shows an error the way the
    app does everywhere (a message for a known problem, the crash dialog for a bug)."""

    config: AppConfig
    runner: SessionRunner
    identity: Identity
    reference: Reference
    report: ErrorHandler
    events: AppEvents

    @property
    def clock(self) -> Clock:
        return self.config.clock

    @property
    def paths(self) -> Paths:
        return self.config.paths

    def can(self, permission: Permission) -> bool:
        return self.identity.can(permission)
