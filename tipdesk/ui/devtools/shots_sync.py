"""The Sync screens for ``python -m tipdesk.ui.devtools.screenshots`` (importing this module
registers them): ``sync-district`` (the demo district after a round trip to HQ), ``sync-hq`` (HQ's
import report) and ``sync-hq-conflicts`` (a conflict side by side). Synthetic data only.

A demo HQ install is made next to the demo district: HQ's enrolment is installed at the
district and its device registered at HQ, the district's first bundle is imported and
answered with a receipt, then HQ and the district change the same case so that the second
bundle brings a conflict.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.pages.sync import district as sync_district_view

_STATE: dict[str, Any] = {}


def _run(window: Any, work: Any) -> Any:
    """``work(session)`` on the window's (synchronous) runner; its result."""
    out: list[Any] = []

    def failed(exc: BaseException) -> None:
        raise exc

    window.ctx.runner.submit(work, out.append, failed)
    return out[0]


class _Shutdown:
    def __init__(self, controller: Any) -> None:
        self.controller = controller

    def close(self) -> None:
        self.controller.shutdown()


def _prepare(shots: Shots) -> dict[str, Any]:
    if _STATE:
        return _STATE
    from tipdesk.core.codes import InstallRole
    from tipdesk.core.records import Case
    from tipdesk.services import records, sync
    from tipdesk.services.session import init_install
    from tipdesk.ui.devtools.shots import _FAST_KDF

    files = shots.tmp / "sync-files"
    usb = shots.tmp / "usb"
    files.mkdir()
    usb.mkdir()
    hq_config = shots._config(shots.tmp / "hq-home")
    hq, _key = init_install(
        hq_config.paths, role=InstallRole.HQ, user=shots.user, passphrase=shots.passphrase,
        clock=shots.clock, kdf=_FAST_KDF,
    )  # fmt: skip
    window = shots.main_window()
    try:
        sync.export_enrolment(hq, files / "hq-enrolment.json")
        _run(window, lambda s: sync.enroll(s, files / "hq-enrolment.json"))
        _run(window, lambda s: sync.export_device_file(s, files / "device.json"))
        sync.register_device(hq, files / "device.json")
        first = _run(window, lambda s: sync.export_bundle(s, usb))
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

    def district_edit(s: Any) -> None:
        case = s.store.get("case", case_id)
        case.investigating_officer = "Inspector Fakhar Zaman"
        records.save(s, [case])

    _run(window, district_edit)
    _STATE.update(window=window, usb=usb, receipt=receipt, hq_config=hq_config, case_id=case_id)
    return _STATE


def _sync_district(shots: Shots) -> QWidget:
    from tipdesk.services import sync

    state = _prepare(shots)
    window = state["window"]
    if window.locked:
        window.unlock()
    page = window.show_page("sync")
    panel = page.panel
    if "second" not in state:
        # As the Import a receipt button does, without the file question.
        panel._on_receipt(_run(window, sync_district_view._import_receipt(state["receipt"])))
        second = _run(window, lambda s: sync.export_bundle(s, state["usb"]))
        panel._on_exported(second)
        state["second"] = second.path
    panel.refresh()
    settle()
    return window


def _hq_window(shots: Shots) -> Any:
    state = _prepare(shots)
    if "hq_window" in state:
        return state["hq_window"]
    if "second" not in state:
        _sync_district(shots)
    from tipdesk.ui.app import AppController, StartWindow
    from tipdesk.ui.pages.unlock.page import UnlockView

    config = state["hq_config"]
    config.paths.inbox.mkdir(parents=True, exist_ok=True)
    second: Path = state["second"]
    shutil.copy(second, config.paths.inbox / second.name)
    controller = AppController(config)
    shots._runners.append(_Shutdown(controller))  # type: ignore[arg-type]
    start = controller.start()
    assert isinstance(start, StartWindow)
    view = start.view
    assert isinstance(view, UnlockView)
    view.user_edit.setText(shots.user)
    view.passphrase_edit.setText(shots.passphrase)
    view.attempt()
    window = controller.main_window
    assert window is not None
    window.resize(*shots.size)
    window.show()
    page = window.show_page("sync")
    settle()
    page.panel.import_inbox()
    settle()
    state["hq_window"] = window
    return window


def _sync_hq(shots: Shots) -> QWidget:
    window = _hq_window(shots)
    panel = window.show_page("sync").panel
    panel.tabs.setCurrentIndex(panel.report_tab)
    settle()
    return window


def _sync_hq_conflicts(shots: Shots) -> QWidget:
    window = _hq_window(shots)
    panel = window.show_page("sync").panel
    panel.tabs.setCurrentIndex(panel.conflicts_tab)
    settle()
    return window


register("sync-district", _sync_district)
register("sync-hq", _sync_hq)
register("sync-hq-conflicts", _sync_hq_conflicts)
