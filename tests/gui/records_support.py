"""Fixtures for the record lists and editors tests: a signed-in install reached through the
synchronous runner, and the context the record pages take (the app's own AppContext).

Imported by the test modules (``from records_support import ...``); the Qt settings come from
conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_OTHER_PASSPHRASE, GUI_PASSPHRASE
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tipdesk.core.permissions import UserRole
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.ui.context import AppConfig, AppContext, signed_in
from tipdesk.ui.events import AppEvents
from tipdesk.ui.runner import InlineRunner


@dataclass
class Errors:
    """Errors the screens reported (a test fails if any is left unexpected)."""

    seen: list[BaseException] = field(default_factory=list)

    def __call__(self, exc: BaseException) -> None:
        self.seen.append(exc)


@dataclass
class RecordsApp:
    ctx: AppContext
    runner: InlineRunner
    errors: Errors

    @property
    def session(self) -> Session:
        session = self.runner.session
        assert session is not None
        return session


def open_app(
    config: AppConfig, user: str = GUI_ADMIN, passphrase: str = GUI_PASSPHRASE
) -> RecordsApp:
    errors = Errors()
    runner = InlineRunner(errors)
    box: list[Any] = []

    def opener(_current: Session | None) -> tuple[Session, Any]:
        session = session_service.sign_in(
            config.paths, user=user, passphrase=passphrase, clock=config.clock
        )
        return session, signed_in(session)

    runner.replace_session(opener, box.append)
    info = box[0]
    ctx = AppContext(config, runner, info.identity, info.reference, errors, AppEvents())
    return RecordsApp(ctx, runner, errors)


@pytest.fixture
def records_app(gui_config: AppConfig, make_install: Callable[..., str]) -> Iterator[RecordsApp]:
    """The district admin of a Lahore install with a little demo data."""
    make_install(demo_cases=12)
    app = open_app(gui_config)
    yield app
    app.runner.close()
    assert app.errors.seen == [], f"errors reported: {app.errors.seen!r}"


@pytest.fixture
def empty_app(gui_config: AppConfig, make_install: Callable[..., str]) -> Iterator[RecordsApp]:
    """The district admin of an install with no records."""
    make_install()
    app = open_app(gui_config)
    yield app
    app.runner.close()
    assert app.errors.seen == [], f"errors reported: {app.errors.seen!r}"


@pytest.fixture
def officer_app(gui_config: AppConfig, make_install: Callable[..., str]) -> Iterator[RecordsApp]:
    """A district officer (no reveal permission) of an install with a little demo data."""
    make_install(demo_cases=6, users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    app = open_app(gui_config, "bilal", GUI_OTHER_PASSPHRASE)
    yield app
    app.runner.close()
    assert app.errors.seen == [], f"errors reported: {app.errors.seen!r}"


def answer_next_dialog(act: Callable[[QWidget], None], *, timeout_ms: int = 5000) -> list[QWidget]:
    """When the next modal dialog (message box or dialog) opens, run ``act`` on it.

    Returns a list that holds the dialog once it was seen (to assert it opened at all)."""
    seen: list[QWidget] = []
    waited = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox | QDialog) and modal.isVisible():
            seen.append(modal)
            act(modal)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def click_message_button(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def act(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        widget.button(button).click()

    return act
