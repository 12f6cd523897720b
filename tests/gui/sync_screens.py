"""Shared fixtures and helpers of the Sync screen tests (both engines): an HQ install beside
the district's, its app, the two linked (enrolled, device registered), optionally with HQ
keeping its records in PostgreSQL. Synthetic data only.

The fixtures are registered for every GUI test in ``conftest.py``."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_KDF, GUI_PASSPHRASE, sign_in

from tipdesk.core.clock import Clock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services.session import Session
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.sync.hq import SyncHqPanel
from tipdesk.ui.pages.sync.page import SyncView


def session(paths: Paths, clock: Clock) -> Session:
    """The GUI tests' administrator signed in to the install at ``paths``."""
    from tipdesk.services.session import sign_in as open_session

    return open_session(paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=clock)


def sync_panel(window: MainWindow) -> Any:
    """The Sync screen's panel (district's or HQ's) of a signed-in window."""
    page = window.show_page("sync")
    assert isinstance(page, SyncView)
    return page.panel


def import_at_hq(hq_controller: AppController, bundle: Path) -> SyncHqPanel:
    """``bundle`` put in HQ's inbox and imported through HQ's Sync screen (HQ's app started
    and signed in): HQ's panel, its import report shown."""
    inbox = hq_controller.config.paths.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    shutil.copy(bundle, inbox / bundle.name)
    hq = sync_panel(sign_in(hq_controller))
    assert isinstance(hq, SyncHqPanel)
    hq.inbox_button.click()
    assert hq.report is not None
    return hq


def new_hq(paths: Paths, clock: Clock) -> Session:
    """A new HQ install at ``paths``, its administrator signed in (the caller closes it)."""
    from tipdesk.services.session import init_install

    hq, _key = init_install(
        paths, role=InstallRole.HQ, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=clock,
        kdf=GUI_KDF,
    )  # fmt: skip
    return hq


def link(gui_config: AppConfig, hq_paths: Paths, folder: Path, pg_url: str = "") -> None:
    """A new HQ install at ``hq_paths`` (keeping its records in PostgreSQL at ``pg_url`` when
    given) with the district install of ``gui_config`` enrolled and its device registered;
    the files pass through ``folder`` (made here)."""
    from tipdesk.services import sync

    hq = new_hq(hq_paths, gui_config.clock)
    district = session(gui_config.paths, gui_config.clock)
    try:
        if pg_url:
            from tipdesk.services.sync import hq_pg

            hq_pg.configure(hq, pg_url)
        folder.mkdir()
        sync.export_enrolment(hq, folder / "hq-enrolment.json")
        sync.enroll(district, folder / "hq-enrolment.json")
        sync.export_device_file(district, folder / "device.json")
        sync.register_device(hq, folder / "device.json")
    finally:
        district.close()
        hq.close()


@pytest.fixture
def hq_config(tmp_path: Path, gui_config: AppConfig) -> AppConfig:
    """The app configuration of an HQ install beside the district's (same clock)."""
    return AppConfig(
        paths=Paths(tmp_path / "hq-home"),
        clock=gui_config.clock,
        kdf=GUI_KDF,
        make_runner=gui_config.make_runner,
        monotonic=gui_config.monotonic,
        idle_check_ms=60_000,
    )


@pytest.fixture
def hq_controller(hq_config: AppConfig, qtbot: Any) -> Iterator[AppController]:
    """HQ's app (not started)."""
    app_controller = AppController(hq_config)
    yield app_controller
    app_controller.shutdown()


@pytest.fixture
def linked(
    make_install: Callable[..., str], gui_config: AppConfig, hq_config: AppConfig, tmp_path: Path
) -> None:
    """A Lahore district install with a little demo data, enrolled with an HQ install that
    has registered its device."""
    make_install(demo_cases=4)
    link(gui_config, hq_config.paths, tmp_path / "files")


@pytest.fixture
def linked_on_pg(
    make_install: Callable[..., str],
    gui_config: AppConfig,
    hq_config: AppConfig,
    tmp_path: Path,
    pg_url: str,
) -> str:
    """A Lahore district with a little demo data, enrolled with an HQ that keeps its records
    in PostgreSQL and registered the district's device; the database's URL."""
    make_install(demo_cases=6)
    link(gui_config, hq_config.paths, tmp_path / "files", pg_url)
    return pg_url
