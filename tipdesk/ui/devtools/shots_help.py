"""The automatic upload and the user guide for ``python -m tipdesk.ui.devtools.screenshots``
(importing this module registers them): ``sync-upload`` (the district's Sync page with HQ's
address configured: Upload now, and the upload's state), ``status-upload-done`` and
``status-upload-offline`` (the status bar's line about HQ, on its own) and ``help`` (the user
guide at its part about sync, as F1 opens it there). Synthetic data only.

The upload states are set as the automatic upload sets them after an upload (no HQ is
reachable from the screenshot tool: the pictures show what officers read, not a network).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtWidgets import QWidget

from tipdesk.core.clock import iso_timestamp
from tipdesk.services.session import Session
from tipdesk.ui.autosync import UploadState
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.devtools.shots_sync import _prepare, _run, _sync_district
from tipdesk.ui.main_window import MainWindow

HQ_URL = "https://hq.tipdesk.example:8443"


def _address(session: Session, *, url: str | None) -> None:
    from tipdesk.services.sync import upload

    if url is None:
        session.store.set_settings({upload.HQ_URL_SETTING: ""}, session.actor())
    else:
        upload.configure(session, url)


def _with_state(shots: Shots, state: UploadState) -> MainWindow:
    """The demo district, enrolled, HQ's address configured, the upload in ``state``."""
    _sync_district(shots)
    window = _prepare(shots).window
    _run(window, partial(_address, url=HQ_URL))
    window.autosync.active = True
    window.autosync._set(state)
    shots.after_this(lambda: _undo(window))
    settle()
    return window


def _undo(window: MainWindow) -> None:
    _run(window, partial(_address, url=None))
    window.autosync.active = False
    window.autosync._set(UploadState("off"))


def _ago(shots: Shots, **delta: float) -> str:
    return iso_timestamp(shots.clock.now() - dt.timedelta(**delta))


def _offline(shots: Shots) -> UploadState:
    return UploadState("offline", 3, 1, _ago(shots, days=2, hours=3))


def _sync_upload(shots: Shots) -> QWidget:
    window = _with_state(shots, _offline(shots))
    page = window.show_page("sync")
    page.activated()  # type: ignore[attr-defined]
    settle()
    window.resize(*shots.size)  # the header's extra button made the window grow
    settle()
    return window


def _status_upload_done(shots: Shots) -> QWidget:
    window = _with_state(shots, UploadState("done", 0, 0, _ago(shots, seconds=20)))
    return window.upload_label  # the status bar's line about HQ, readable in the guide


def _status_upload_offline(shots: Shots) -> QWidget:
    return _with_state(shots, _offline(shots)).upload_label


def _help(shots: Shots) -> QWidget:
    window = shots.main_window()
    if window.locked:
        window.unlock()
    window.show_page("sync")
    helper = window.show_help()
    helper.resize(shots.size[0] - 200, shots.size[1])
    shots.after_this(helper.hide)
    settle()
    return helper


register("sync-upload", _sync_upload)
register("status-upload-done", _status_upload_done)
register("status-upload-offline", _status_upload_offline)
register("help", _help)
