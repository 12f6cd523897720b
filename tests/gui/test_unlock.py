"""Signing in at start-up: a wrong passphrase gives a message, the right one opens the main
window; after repeated failures the delay counts down visibly and the button waits; the
recovery key sets a new passphrase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, sign_in, unlock_view

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import WrongPassphrase
from tipdesk.services.session import sign_in as service_sign_in
from tipdesk.ui.app import AppController, StartWindow
from tipdesk.ui.main_window import MainWindow


def _try(controller: AppController, passphrase: str, user: str = GUI_ADMIN) -> None:
    view = unlock_view(controller)
    view.user_edit.setText(user)
    view.passphrase_edit.setText(passphrase)
    view.unlock_button.click()


def test_wrong_then_right_passphrase(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install()
    window = controller.start()
    assert isinstance(window, StartWindow)
    qtbot.waitExposed(window)
    view = unlock_view(controller)
    # The worker reads the login delay after the window is up; no user name is offered.
    qtbot.waitUntil(lambda: view.hint_received)
    assert view.user_edit.text() == ""

    _try(controller, "not the passphrase at all")
    assert controller.main_window is None
    assert view.message.isVisible()
    assert view.message.text() == "Wrong user name or passphrase."
    assert view.passphrase_edit.text() == ""  # wiped after every attempt
    assert view.unlock_button.isEnabled()  # the first failures cost no wait

    _try(controller, GUI_PASSPHRASE)
    main = controller.main_window
    assert isinstance(main, MainWindow)
    assert main.isVisible()
    assert main.user_label.text() == f"Signed in: {GUI_ADMIN}"
    assert main.role_label.text() == "Role: District admin"


def test_the_login_delay_counts_down(
    controller: AppController, make_install: Callable[..., str], qtbot: Any,
    gui_clock: FixedClock,
) -> None:  # fmt: skip
    make_install()
    controller.start()
    view = unlock_view(controller)
    for _ in range(3):  # three failures; the next attempt must wait 1 s
        _try(controller, "wrong passphrase again")
    assert view.waiting
    assert not view.unlock_button.isEnabled()
    assert view.wait_label.isVisible()
    assert view.wait_label.text() == "Too many failed attempts. You can try again in 1 s."
    # Even Enter does nothing while waiting.
    view.passphrase_edit.setText(GUI_PASSPHRASE)
    view.attempt()
    assert controller.main_window is None

    gui_clock.advance(1.0)
    view._on_tick()
    assert view.unlock_button.isEnabled()
    _try(controller, "wrong once more")  # the fourth failure: 2 s
    assert view.wait_label.text() == "Too many failed attempts. You can try again in 2 s."
    gui_clock.advance(1.2)
    view._on_tick()
    assert view.wait_label.text() == "Too many failed attempts. You can try again in 1 s."
    assert not view.unlock_button.isEnabled()
    gui_clock.advance(1.0)
    view._on_tick()
    assert not view.waiting
    assert not view.wait_label.isVisible()
    assert view.unlock_button.isEnabled()
    _try(controller, GUI_PASSPHRASE)
    assert isinstance(controller.main_window, MainWindow)


def test_a_restart_still_shows_the_delay(
    controller: AppController, make_install: Callable[..., str], qtbot: Any,
    gui_clock: FixedClock,
) -> None:  # fmt: skip
    make_install()
    paths = controller.config.paths
    for _ in range(3):  # another run of the app failed three times just now
        with pytest.raises(WrongPassphrase):
            service_sign_in(paths, user=GUI_ADMIN, passphrase="wrong wrong wrong", clock=gui_clock)
    controller.start()
    view = unlock_view(controller)
    qtbot.waitUntil(lambda: view.waiting)
    assert not view.unlock_button.isEnabled()
    assert view.wait_label.text().endswith("try again in 1 s.")


def test_the_recovery_key_sets_a_new_passphrase(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    recovery = make_install()
    controller.start()
    view = unlock_view(controller)
    view.user_edit.setText(GUI_ADMIN)
    view.recover_link.click()
    assert view.page_index == 1
    assert view.recovery_edit is not None and view.recovery_edit.isVisible()
    assert not view.passphrase_edit.isVisible()
    assert not view.recover_button.isEnabled()
    view.recovery_edit.setText(recovery.lower())  # case and dashes do not matter
    new = "lanterns glow over the old city"
    view.new_passphrase.passphrase_edit.setText(new)
    view.new_passphrase.confirm_edit.setText(new)
    assert view.recover_button.isEnabled()
    view.recover_button.click()
    main = controller.main_window
    assert isinstance(main, MainWindow)
    main.close()
    # The new passphrase works from now on.
    service_sign_in(
        controller.config.paths, user=GUI_ADMIN, passphrase=new,
        clock=FixedClock(dt.datetime(2026, 6, 2, tzinfo=dt.UTC)),
    ).close()  # fmt: skip


def test_sign_in_with_a_missing_name_or_passphrase_explains(
    controller: AppController, make_install: Callable[..., str]
) -> None:
    make_install()
    controller.start()
    view = unlock_view(controller)
    view.user_edit.setText("")
    view.passphrase_edit.setText("")
    view.unlock_button.click()
    assert view.message.text() == "Enter your user name and passphrase."
    main = sign_in(controller)
    assert main.isVisible()
