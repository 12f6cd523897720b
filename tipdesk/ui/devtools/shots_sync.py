"""The Sync screens for ``python -m tipdesk.ui.devtools.screenshots`` (importing this module
registers them): ``sync-district`` (the demo district after a round trip to HQ), ``sync-hq`` (HQ's
import report), ``sync-hq-conflicts`` (a conflict merged field by field), ``sync-hq-devices``
(the registered devices by name), ``sync-hq-coverage`` (every district: devices, last bundle,
quarantine), ``reports-hq`` (HQ's national report, its coverage), ``reports-hq-quarantine``
(data quality's Quarantined tab) and
``case-editor-other-district`` (a case the district keeps as another district's: read only,
with its banner). Synthetic data only.

A demo HQ install is made next to the demo district: HQ's enrolment is installed at the
district and its device registered at HQ, the district's first bundle is imported and
answered with a receipt, then HQ and the district change the same case so that the second
bundle brings a conflict. The district also opened a police station HQ does not know yet,
whose case waits in HQ's quarantine; a Multan device is registered and never sends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from tipdesk.core.codes import InstallRole
from tipdesk.core.ids import new_id
from tipdesk.core.records import Case
from tipdesk.services import install_settings, records, sync
from tipdesk.services.session import Session, init_install
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import FAST_KDF, Shots, settle
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.reports.page import ReportsView
from tipdesk.ui.pages.reports.review_tabs import DataQualityPanel
from tipdesk.ui.pages.sync import district
from tipdesk.ui.pages.sync.hq import SyncHqPanel
from tipdesk.ui.pages.sync.page import SyncView

T = TypeVar("T")


@dataclass
class _State:
    window: MainWindow
    usb: Path
    receipt: Path
    hq_config: AppConfig
    case_id: str
    second: Path | None = None
    hq_window: MainWindow | None = None


_STATE: list[_State] = []


def _run(window: MainWindow, work: Callable[[Session], T]) -> T:
    """``work(session)`` on the window's (synchronous) runner; its result."""
    out: list[T] = []

    def failed(exc: BaseException) -> None:
        raise exc

    window.ctx.runner.submit(work, out.append, failed)
    return out[0]


def _sync_page(window: MainWindow) -> SyncView:
    page = window.show_page("sync")
    assert isinstance(page, SyncView)
    return page


def _edit_case(session: Session, *, case_id: str) -> None:
    case = session.store.get("case", case_id)
    assert isinstance(case, Case)
    case.investigating_officer = "Inspector Fakhar Zaman"
    records.save(session, [case])


def _new_station_case(session: Session) -> None:
    """The district opens a police station HQ does not know yet and registers a case there."""
    station = install_settings.add_office(
        session, "Police Station Model Town", "Lahore", "police_station"
    )
    case = session.store.get("case", str(session.store.query(
        "SELECT id FROM cases ORDER BY id LIMIT 1")[0][0]))  # fmt: skip
    assert isinstance(case, Case)
    fresh = dataclasses.replace(
        case, id=new_id(), case_number="FIR 77/2026", office=station.code, accused=[],
        victims=[], version=1,
    )  # fmt: skip
    records.save(session, [fresh])


def _silent_device(shots: Shots, hq: Session, files: Path) -> None:
    """A Multan install enrolled and registered at HQ that never sends a bundle."""
    paths = shots.config_for(shots.tmp / "multan-home").paths
    multan, _key = init_install(
        paths, role=InstallRole.DISTRICT, user=shots.user, passphrase=shots.passphrase,
        clock=shots.clock, kdf=FAST_KDF, district="Multan", office="FIA-AHTC-MLT",
    )  # fmt: skip
    try:
        sync.enroll(multan, files / "hq-enrolment.json")
        sync.export_device_file(multan, files / "device-multan.json")
    finally:
        multan.close()
    sync.register_device(hq, files / "device-multan.json")


def _prepare(shots: Shots) -> _State:
    if _STATE:
        return _STATE[0]
    files = shots.tmp / "sync-files"
    usb = shots.tmp / "usb"
    files.mkdir()
    usb.mkdir()
    hq_config = shots.config_for(shots.tmp / "hq-home")
    hq, _key = init_install(
        hq_config.paths, role=InstallRole.HQ, user=shots.user, passphrase=shots.passphrase,
        clock=shots.clock, kdf=FAST_KDF,
    )  # fmt: skip
    window = shots.main_window()
    try:
        sync.export_enrolment(hq, files / "hq-enrolment.json")
        _run(window, partial(sync.enroll, path=files / "hq-enrolment.json"))
        _run(window, partial(sync.export_device_file, out=files / "device.json"))
        sync.register_device(hq, files / "device.json")
        _silent_device(shots, hq, files)
        _run(window, _new_station_case)
        first = _run(window, partial(sync.export_bundle, out_dir=usb))
        assert first.path is not None
        sync.import_files(hq, [first.path])
        case_id = str(hq.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        at_hq = hq.store.get("case", case_id)
        assert isinstance(at_hq, Case)
        at_hq.narrative = "Corrected at HQ after the review meeting: dates of rescue checked."
        records.save(hq, [at_hq])
        (receipt,) = sync.write_receipts(hq, files)
    finally:
        hq.close()
    shots.clock.advance(3600)
    _run(window, partial(_edit_case, case_id=case_id))
    _STATE.append(_State(window, usb, receipt, hq_config, case_id))
    return _STATE[0]


def _sync_district(shots: Shots) -> QWidget:
    state = _prepare(shots)
    window = state.window
    if window.locked:
        window.unlock()
    panel = _sync_page(window).panel
    assert isinstance(panel, district.SyncDistrictPanel)
    if state.second is None:
        # As the Import a receipt button does, without the file question.
        panel._on_receipt(_run(window, partial(district._import_receipt, path=state.receipt)))
        second = _run(window, partial(sync.export_bundle, out_dir=state.usb))
        panel._on_exported(second)
        state.second = second.path
    panel.refresh()
    settle()
    # The page was first drawn before enrolling, with one more button in its header: the
    # window grew then and does not shrink by itself.
    window.resize(*shots.size)
    settle()
    return window


def _hq_window(shots: Shots) -> MainWindow:
    state = _prepare(shots)
    if state.hq_window is not None:
        return state.hq_window
    if state.second is None:
        _sync_district(shots)
    assert state.second is not None
    config = state.hq_config
    config.paths.inbox.mkdir(parents=True, exist_ok=True)
    shutil.copy(state.second, config.paths.inbox / state.second.name)
    controller = AppController(config)
    shots.on_close(controller.shutdown)
    window = shots.sign_in(controller)
    _hq_panel(window)
    settle()
    _hq_panel(window).import_inbox()
    settle()
    state.hq_window = window
    return window


def _hq_panel(window: MainWindow) -> SyncHqPanel:
    panel = _sync_page(window).panel
    assert isinstance(panel, SyncHqPanel)
    return panel


def _sync_hq(shots: Shots) -> QWidget:
    window = _hq_window(shots)
    panel = _hq_panel(window)
    panel.tabs.setCurrentIndex(panel.report_tab)
    settle()
    return window


def _sync_hq_conflicts(shots: Shots) -> QWidget:
    window = _hq_window(shots)
    panel = _hq_panel(window)
    panel.tabs.setCurrentIndex(panel.conflicts_tab)
    settle()
    return window


def _hand_over_a_copy(session: Session) -> str:
    """A case kept here as another district's (as a handed-over copy stays): its id."""
    case_id = str(session.store.query("SELECT id FROM cases ORDER BY id DESC LIMIT 1")[0][0])
    case = session.store.get("case", case_id)
    assert isinstance(case, Case)
    case.owner = "SD-KHS"
    case.narrative += " Handed over to the Karachi South circle, where the accused was arrested."
    session.store.save([case], session.actor())
    return case_id


def _case_editor_other_district(shots: Shots) -> QWidget:
    _sync_district(shots)
    window = _prepare(shots).window
    case_id = _run(window, _hand_over_a_copy)
    page = window.show_page("cases")
    assert isinstance(page, CasesView)
    page.open_record(case_id)
    settle()
    return window


def _sync_hq_coverage(shots: Shots) -> QWidget:
    window = _hq_window(shots)
    panel = _hq_panel(window)
    panel.refresh()
    panel.tabs.setCurrentIndex(panel.coverage_tab)
    settle()
    return window


def _reports_hq(shots: Shots) -> QWidget:
    """HQ's national report: coverage of every district and the quarantine note."""
    window = _hq_window(shots)
    page = window.show_page("reports")
    assert isinstance(page, ReportsView) and page.report_panel is not None
    panel = page.report_panel
    today = shots.clock.now().date()
    panel.set_period(dt.date(today.year - 1, today.month, 1), today)
    panel.build_button.click()
    panel.sections.setCurrentIndex(1)
    panel.breakdown_tabs.setCurrentIndex(panel.breakdown_tabs.count() - 1)
    settle()
    return window


def _reports_hq_quarantine(shots: Shots) -> QWidget:
    """HQ's data quality, Quarantined: the new station's case, its reason naming the field by
    the editors' label."""
    window = _hq_window(shots)
    page = window.show_page("reports")
    assert isinstance(page, ReportsView)
    panel = page.show_tab("quality")
    assert isinstance(panel, DataQualityPanel)
    panel.tabs.setCurrentIndex(1)
    settle()
    return window


def _sync_hq_devices(shots: Shots) -> QWidget:
    window = _hq_window(shots)
    panel = _hq_panel(window)
    panel.tabs.setCurrentIndex(panel.devices_tab)
    settle()
    return window


register("sync-district", _sync_district)
register("sync-hq", _sync_hq)
register("sync-hq-conflicts", _sync_hq_conflicts)
register("sync-hq-devices", _sync_hq_devices)
register("sync-hq-coverage", _sync_hq_coverage)
register("reports-hq", _reports_hq)
register("reports-hq-quarantine", _reports_hq_quarantine)
register("case-editor-other-district", _case_editor_other_district)
