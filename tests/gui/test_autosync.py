"""The automatic upload to HQ in the app: at sign-in, after a save, with Upload now, against
HQ's receiver on a loopback port (it starts and stops with each test); HQ out of reach, and an
export the user may not make, are quiet lines in the status bar, never a dialog; one upload at
a time; a window closed mid-upload leaves the bundle in the outbox."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, message_boxes, sign_in
from hq_https_support import free_port, hq_serving, make_cert
from sync_screens import link

from tipdesk.core.errors import PermissionDenied
from tipdesk.paths import Paths
from tipdesk.services.session import Session
from tipdesk.services.session import sign_in as open_session
from tipdesk.services.sync import server as sync_server
from tipdesk.ui.app import AppController
from tipdesk.ui.autosync import AutoUpload, UploadState, ago
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.sync.page import SyncView
from tipdesk.ui.runner import InlineRunner


@pytest.fixture
def hq_paths(
    tmp_path: Path, make_install: Callable[..., str], gui_config: AppConfig
) -> Iterator[Paths]:
    """A Lahore district install (a little demo data) linked with an HQ install."""
    make_install(demo_cases=3)
    paths = Paths(tmp_path / "hq-home")
    link(gui_config, paths, tmp_path / "files")
    yield paths


def _district(config: AppConfig) -> Session:
    return open_session(config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=config.clock)


def _configure(config: AppConfig, url: str, cert: Path) -> None:
    from tipdesk.services.sync import upload

    session = _district(config)
    try:
        upload.configure(session, url, cert)
    finally:
        session.close()


@pytest.fixture
def tls(tmp_path: Path) -> tuple[Path, Path]:
    return make_cert(tmp_path / "tls", "hq")


@pytest.fixture
def hq_url(hq_paths: Paths, gui_config: AppConfig, tls: tuple[Path, Path]) -> Iterator[str]:
    """HQ's receiver (importing at once) on a loopback port, configured at the district."""

    def hq() -> Session:
        return open_session(
            hq_paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
        )

    config = sync_server.ServerConfig(import_directly=True)
    with hq_serving(hq, tls, config) as url:
        _configure(gui_config, url, tls[0])
        yield url


def _session(controller: AppController) -> Session:
    runner = controller.runner.runner  # type: ignore[attr-defined]
    assert isinstance(runner, InlineRunner) and runner.session is not None
    return runner.session


def _a_case(session: Session) -> Any:
    from tipdesk.services import records

    return records.get(session, "case", records.page(session, "case", limit=1)[0].id)


def _waiting(session: Session) -> int:
    from tipdesk.services.sync.common import sync_store

    return len(sync_store(session).outbox(pending_only=True))


def test_signing_in_uploads_and_the_status_bar_says_so(
    hq_url: str, controller: AppController
) -> None:
    window = sign_in(controller)  # the first upload runs at sign-in
    state = window.autosync.state
    assert state.kind == "done" and state.changes_waiting == 0 and state.last_contact
    assert window.upload_label.text() == "HQ is up to date; last contact just now"
    assert _waiting(_session(controller)) == 0
    page = window.show_page("sync")
    assert isinstance(page, SyncView)
    panel: Any = page.panel
    assert panel.upload_button.isVisible() and panel.upload_button.isEnabled()
    assert hq_url in panel.values["upload"].text()
    assert "up to date" in panel.values["upload"].text()
    assert panel.outbox_model.text(0, 4) != "waiting"  # acknowledged by HQ's receipt


def test_a_save_and_upload_now_send_the_new_changes(
    hq_url: str, controller: AppController, qtbot: Any
) -> None:
    from tipdesk.services import records

    window = sign_in(controller)
    session = _session(controller)
    case = _a_case(session)
    case.narrative = "Changed after sign-in."
    records.save(session, [case])
    window.autosync.save_timer.setInterval(0)
    window.ctx.events.sig_record_saved.emit()
    assert window.autosync.save_timer.isActive()  # shortly after the save, not at once
    with qtbot.waitSignal(window.autosync.sig_finished) as finished:
        pass
    assert finished.args[0].exported == 1 and _waiting(session) == 0
    assert window.autosync.state.kind == "done"

    case.narrative = "Changed again."
    records.save(session, [case])
    panel: Any = window.show_page("sync").panel  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.autosync.sig_finished) as finished:
        panel.upload_button.click()
    result = finished.args[0]
    assert result.exported == 1 and [s["status"] for s in result.sent] == ["imported"]
    assert panel.outbox_model.rowCount() == 3 and _waiting(session) == 0


def test_unreachable_hq_is_a_quiet_line_never_a_dialog(
    hq_paths: Paths, gui_config: AppConfig, tls: tuple[Path, Path], controller: AppController
) -> None:
    _configure(gui_config, f"https://127.0.0.1:{free_port()}", tls[0])
    window = sign_in(controller)
    state = window.autosync.state
    assert state.kind == "offline" and not window.autosync.reachable
    assert state.changes_waiting > 0 and state.bundles_waiting == 1  # exported, kept
    assert window.upload_label.text() == (
        f"HQ not reachable; {state.changes_waiting} changes waiting; last contact never"
    )
    assert window.upload_label.isVisibleTo(window)
    assert message_boxes() == []
    # Offline, a save does not start an upload; Upload now tries again without a new bundle.
    window.ctx.events.sig_record_saved.emit()
    assert not window.autosync.save_timer.isActive()
    window.ctx.events.sig_upload_now.emit()
    assert window.autosync.state.kind == "offline" and message_boxes() == []
    assert _waiting(_session(controller)) == 1


def test_an_export_refused_to_the_user_is_a_quiet_line(
    hq_url: str, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tipdesk.services.sync import upload

    def refuse(_session: Session, _out: Path) -> Any:
        raise PermissionDenied("The next bundle holds 1 victim(s) who consented; a supervisor "
                               "or an admin must export it. Nothing was written.")  # fmt: skip

    monkeypatch.setattr(upload, "export_bundle", refuse)
    window = sign_in(controller)
    assert window.autosync.state.kind == "refused"
    assert window.upload_label.text().startswith("Not sent: a supervisor must send")
    assert "consented" in window.upload_label.toolTip()
    assert message_boxes() == []


def test_no_upload_configured_shows_nothing(hq_paths: Paths, controller: AppController) -> None:
    window = sign_in(controller)
    assert window.autosync.state.kind == "off" and not window.autosync.active
    assert not window.upload_label.isVisibleTo(window)
    assert window.autosync.upload_now() is False


class HeldNetwork:
    """The app's inline runner, but the network step waits until the test releases it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def submit(self, work: Any, on_done: Any, on_error: Any = None) -> None:
        self.inner.submit(work, on_done, on_error)

    def off_store(self, fn: Any, on_done: Any, on_error: Any = None) -> None:
        self.held.append((fn, on_done))

    def release(self) -> None:
        fn, on_done = self.held.pop(0)
        on_done(fn())


def test_one_upload_at_a_time_and_closing_mid_upload_keeps_the_bundle(
    hq_url: str, controller: AppController, qtbot: Any
) -> None:
    from tipdesk.services import records

    window = sign_in(controller)
    session = _session(controller)
    held = HeldNetwork(window.ctx.runner)
    auto = AutoUpload(dataclasses.replace(window.ctx, runner=held))  # type: ignore[arg-type]
    auto.active = True
    assert auto.upload_now() and auto.busy and len(held.held) == 1
    assert auto.upload_now() and len(held.held) == 1  # not two at once: one more after
    with qtbot.waitSignal(auto.sig_finished):
        held.release()
    assert len(held.held) == 1  # the one asked for meanwhile has started
    held.release()
    assert not auto.busy and auto.state.kind == "done"

    case = _a_case(session)
    case.narrative = "Saved just before closing."
    records.save(session, [case])
    auto.upload_now()  # exports bundle 2, then waits on the network
    assert _waiting(session) == 1
    auto.stop()  # the window closes
    held.release()  # HQ's answer comes too late: nothing more is done with it
    assert auto.state.kind == "sending" and _waiting(session) == 1  # still in the outbox
    auto.deleteLater()


def test_ago_in_words() -> None:
    import datetime as dt

    now = dt.datetime(2026, 6, 3, 10, 0, tzinfo=dt.UTC)
    assert ago(None, now) == "never"
    assert ago("2026-06-03T09:59:40.000Z", now) == "just now"
    assert ago("2026-06-03T09:55:00.000Z", now) == "5 minutes ago"
    assert ago("2026-06-03T09:00:00.000Z", now) == "1 hour ago"
    assert ago("2026-06-01T09:00:00.000Z", now) == "2 days ago"
    assert UploadState("off").active is False


def test_the_time_between_uploads_is_a_setting(hq_url: str, controller: AppController) -> None:
    window = sign_in(controller)
    assert window.autosync.timer.isActive()
    assert window.autosync.timer.interval() == 15 * 60_000  # the default
    page: Any = window.show_page("settings")
    card = page.upload_card
    assert card is not None and card.spin.value() == 15
    card.spin.setValue(30)
    card.save_button.click()
    assert window.autosync.timer.interval() == 30 * 60_000 and window.autosync.timer.isActive()
    assert "every 30 minutes" in card.message.text()
