"""The automatic upload to HQ: export what is new, send the outbox, take HQ's receipts, without
anyone thinking about it, and say how it went in one quiet line of the status bar.

Contract:
- Active on a district install whose user may sync, once HQ's address is configured
  (``tipdesk sync configure``) and the install is enrolled; otherwise it does nothing and
  says nothing.
- It uploads at sign-in (:meth:`AutoUpload.start`), every N minutes while signed in (the
  install's setting, :func:`tipdesk.services.install_settings.upload_minutes`), a few seconds
  after a record is saved when HQ was reachable last time (offline, the timer tries again
  later rather than after every save), and when the user presses Upload now (the Sync page:
  ``events.sig_upload_now``).
- One upload at a time: a request while one runs makes one more run after it.
- Every round of :class:`~tipdesk.services.sync.upload.UploadRun` goes store's thread
  (export, outbox) -> a thread of its own (the network: :meth:`Runner.off_store`) -> store's
  thread (receipt): the GUI thread never waits and the store's thread never waits on HQ.
- HQ out of reach, HQ refusing a bundle, a certificate that does not verify, an export this
  user may not make: all are states (:class:`UploadState`), shown in the status bar, never a
  dialog. Only a bug (an exception that is not a :class:`KnownError`) goes to the app's
  error reporter.
- :meth:`AutoUpload.stop` (the window closes, a restore replaces the store) stops the timers
  and drops whatever answer comes later: a store step already queued finishes (the runner
  runs its queue before closing the session), the network step is abandoned; an unsent or
  unacknowledged bundle stays in the outbox for the next time (HQ drops duplicates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import KnownError
from tipdesk.core.permissions import Permission
from tipdesk.ui.errors import said_text
from tipdesk.ui.widgets.common import counted

if TYPE_CHECKING:
    from tipdesk.services.session import Session
    from tipdesk.services.sync.upload import Answers, Outgoing, UploadResult, UploadRun
    from tipdesk.ui.context import AppContext

CONTEXT = "AutoUpload"


@dataclass(frozen=True)
class UploadState:
    """What the status bar says about the upload to HQ.

    ``kind``: ``off`` (no automatic upload here), ``waiting`` (configured, not tried yet),
    ``sending``, ``done`` (HQ answered), ``offline`` (HQ not reachable), ``refused`` (this
    user may not export what is new: it waits for a supervisor), ``problem`` (HQ refused a
    bundle, or its certificate did not verify: ``detail`` says it in the service's words)."""

    kind: str
    changes_waiting: int = 0
    bundles_waiting: int = 0
    last_contact: str | None = None
    """When a receipt from HQ was last imported (the store's ISO time); None: never."""
    detail: str = ""
    received: int = 0
    """Records HQ's receipts changed here in the last upload."""

    @property
    def active(self) -> bool:
        return self.kind != "off"


@dataclass(frozen=True)
class Plan:
    """What the upload needs to know at sign-in (read on the store's thread)."""

    active: bool
    minutes: int
    changes_waiting: int = 0
    bundles_waiting: int = 0
    last_contact: str | None = None


def _plan(session: Session) -> Plan:
    # The upload module needs the network libraries: imported here, on the store's thread.
    from tipdesk.services import install_settings
    from tipdesk.services.sync import upload
    from tipdesk.services.sync.common import sync_store

    minutes = install_settings.upload_minutes(session)
    state = sync_store(session)
    if upload.configured(session) is None or state.hq() is None:
        return Plan(False, minutes)
    last = state.last_receipt()
    return Plan(
        True,
        minutes,
        state.max_change() - state.acked_change(),
        len(state.outbox(pending_only=True)),
        last.imported_at if last else None,
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ago(iso: str | None, now: dt.datetime) -> str:
    """``just now``, ``5 minutes ago``, ``2 days ago``; ``never`` without a time."""
    if not iso:
        return QCoreApplication.translate("AutoUpload", "never")
    try:
        then = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    minutes = max(0, int((now - then).total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("AutoUpload", "just now")
    if minutes < 60:
        return counted(
            minutes,
            QCoreApplication.translate("AutoUpload", "{n} minute ago"),
            QCoreApplication.translate("AutoUpload", "{n} minutes ago"),
        )
    hours = minutes // 60
    if hours < 24:
        return counted(
            hours,
            QCoreApplication.translate("AutoUpload", "{n} hour ago"),
            QCoreApplication.translate("AutoUpload", "{n} hours ago"),
        )
    return counted(
        hours // 24,
        QCoreApplication.translate("AutoUpload", "{n} day ago"),
        QCoreApplication.translate("AutoUpload", "{n} days ago"),
    )


def state_text(state: UploadState, now: dt.datetime) -> str:
    """The status bar's line for ``state`` (empty when the upload is off)."""
    waiting = counted(
        state.changes_waiting,
        QCoreApplication.translate("AutoUpload", "{n} change waiting"),
        QCoreApplication.translate("AutoUpload", "{n} changes waiting"),
    )
    last = ago(state.last_contact, now)
    texts = {
        "off": "",
        "waiting": QCoreApplication.translate("AutoUpload", "HQ: {waiting}; last contact {last}"),
        "sending": QCoreApplication.translate("AutoUpload", "Sending to HQ…"),
        "done": QCoreApplication.translate("AutoUpload", "HQ is up to date; last contact {last}")
        if state.changes_waiting == 0
        else QCoreApplication.translate("AutoUpload", "Sent to HQ; {waiting}; last contact {last}"),
        "offline": QCoreApplication.translate(
            "AutoUpload", "HQ not reachable; {waiting}; last contact {last}"
        ),
        "refused": QCoreApplication.translate(
            "AutoUpload", "Not sent: a supervisor must send the new changes; {waiting}"
        ),
        "problem": QCoreApplication.translate(
            "AutoUpload", "HQ did not accept the upload; {waiting}; last contact {last}"
        ),
    }
    return texts.get(state.kind, "").format(waiting=waiting, last=last)


def state_of(result: UploadResult) -> UploadState:
    """The state after an upload (see :class:`UploadState`)."""
    kind = "done"
    detail = ""
    if not result.reachable:
        kind = "offline"
    elif result.errors:
        kind, detail = "problem", "; ".join(f"{e.file}: {e.message}" for e in result.errors)
    if result.refused:
        kind, detail = "refused", result.refused
    return UploadState(
        kind,
        result.changes_waiting,
        result.waiting,
        result.last_contact,
        detail,
        sum(len(r.records_back) for r in result.receipts),
    )


class AutoUpload(QObject):
    """See the module docstring. ``attempts``, ``budget`` and ``timeout`` bound each network
    step (shorter than the command line's: the next try is never far)."""

    sig_state = Signal(object)
    """The new :class:`UploadState` (also sent as ``events.sig_upload_state``)."""
    sig_finished = Signal(object)
    """An upload ended; carries its :class:`~tipdesk.services.sync.upload.UploadResult`, or
    None when it failed before HQ answered (the state says why)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        attempts: int = 2,
        budget: float = 20.0,
        timeout: float = 8.0,
        save_delay_ms: int = 5_000,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attempts, self.budget, self.timeout = attempts, budget, timeout
        self.state = UploadState("off")
        self.active = False
        self.busy = False
        self.reachable = True
        """HQ answered the last upload (saves trigger an upload only then)."""
        self._again = False
        self._stopped = False
        self._run: UploadRun | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("uploadTimer")
        self.timer.timeout.connect(self.upload_now)
        self.save_timer = QTimer(self)
        self.save_timer.setObjectName("uploadAfterSave")
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(save_delay_ms)
        self.save_timer.timeout.connect(self.upload_now)
        ctx.events.sig_upload_now.connect(self.upload_now)
        ctx.events.sig_record_saved.connect(self.after_save)
        ctx.events.sig_upload_minutes_changed.connect(self.set_minutes)

    @staticmethod
    def applies(ctx: AppContext) -> bool:
        """A district install and a user who may sync."""
        return ctx.identity.install.role is InstallRole.DISTRICT and ctx.can(Permission.SYNC)

    # --- starting and stopping ----------------------------------------------------------------
    def start(self) -> None:
        """At sign-in: find out whether uploads are configured; if so, upload now and every N
        minutes."""
        if self.applies(self.ctx):
            self.ctx.runner.submit(_plan, self._on_plan, self._failed)

    def _on_plan(self, plan: Plan) -> None:
        if self._stopped:
            return
        self.active = plan.active
        if not plan.active:
            self._set(UploadState("off"))
            return
        self._set(
            UploadState("waiting", plan.changes_waiting, plan.bundles_waiting, plan.last_contact)
        )
        self.set_minutes(plan.minutes)
        self.upload_now()

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)
        if self.active and not self._stopped:
            self.timer.start()

    def stop(self) -> None:
        """No more uploads; an answer still on its way is dropped (see the module contract)."""
        self._stopped = True
        self.timer.stop()
        self.save_timer.stop()

    # --- uploading ----------------------------------------------------------------------------
    def after_save(self) -> None:
        """A record was saved: upload shortly, if HQ was reachable last time."""
        if self.active and self.reachable and not self._stopped:
            self.save_timer.start()

    def upload_now(self) -> bool:
        """Start an upload (or one more after the one running); False when uploads are off."""
        if not self.active or self._stopped:
            return False
        if self.busy:
            self._again = True
            return True
        from tipdesk.services.sync.upload import UploadRun

        self.busy = True
        self.save_timer.stop()
        self._set(
            UploadState(
                "sending",
                self.state.changes_waiting,
                self.state.bundles_waiting,
                self.state.last_contact,
            )
        )
        # Offline last time: send what waits first; the export follows once HQ answers (a
        # bundle per try while offline would repeat every change HQ lacks in each).
        self._run = UploadRun(
            export=self.reachable or self.state.bundles_waiting == 0,
            attempts=self.attempts,
            budget=self.budget,
            timeout=self.timeout,
        )
        self.ctx.runner.submit(self._run.prepare, self._prepared, self._failed)
        return True

    def _prepared(self, out: Outgoing) -> None:
        if self._stopped or self._run is None:
            return
        self.ctx.runner.off_store(partial(self._run.send, out), self._sent, self._failed)

    def _sent(self, answers: Answers) -> None:
        if self._stopped or self._run is None:
            return
        self.ctx.runner.submit(partial(self._run.take, answers=answers), self._taken, self._failed)

    def _taken(self, again: bool) -> None:
        if self._stopped or self._run is None:
            return
        if again:
            self.ctx.runner.submit(self._run.prepare, self._prepared, self._failed)
            return
        result = self._run.result
        self.reachable = result.reachable
        self._done(state_of(result), result)

    def _failed(self, exc: BaseException) -> None:
        if self._stopped:
            return
        if not isinstance(exc, KnownError):
            self.ctx.report(exc)  # a bug: the app's crash report, as everywhere
        s = self.state
        # A refusal (HQ's certificate, its address) in the interface's language.
        why = said_text(exc) if isinstance(exc, KnownError) else str(exc)
        self._done(
            UploadState("problem", s.changes_waiting, s.bundles_waiting, s.last_contact, why), None
        )

    def _done(self, state: UploadState, result: UploadResult | None) -> None:
        self.busy = False
        self._run = None
        self._set(state)
        self.sig_finished.emit(result)
        if self._again:
            self._again = False
            self.upload_now()

    def _set(self, state: UploadState) -> None:
        self.state = state
        self.ctx.events.upload_state = state
        self.sig_state.emit(state)
        self.ctx.events.sig_upload_state.emit(state)
