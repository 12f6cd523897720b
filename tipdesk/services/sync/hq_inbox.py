"""The PostgreSQL HQ's receiver and importer workers (issue 20): ``hq serve`` stores bundles,
``hq import-worker`` (or the serve process's own worker threads) imports them.

Contract:
- :func:`receive` is what the receiver does with a bundle whose sender and signature it has
  checked (:func:`tipdesk.services.sync.hq.check_bundle_bytes`): it stores it in the
  database's inbox (:mod:`tipdesk.hqstore.inbox`) and answers at once, with the answer today's
  district client reads (``{status, sequence, duplicate}``: ``stored`` the first time,
  ``duplicate`` when HQ already holds or imported those bytes). The district keeps the bundle
  until a receipt acknowledges it, so "stored" is "accepted, receipt pending": its next upload
  sends it again (a duplicate, nothing more) and fetches the receipt once a worker imported it.
  A different bundle under the same number raises :class:`SequenceReused`; the same bytes
  an importer refused raise :class:`BundleRefused` with the importer's message.
- :func:`import_next` claims one waiting bundle (``FOR UPDATE SKIP LOCKED``; one bundle of a
  device at a time), opens it with the HQ install's keys (``open_data``: on the session's
  thread) and applies it, **in the transaction that marks it done**: each bundle is imported
  exactly once, whatever number of workers run. A bundle refused (a
  :class:`~tipdesk.core.errors.KnownError`: damaged, revoked sender, handover on
  PostgreSQL...) is marked refused with the message, its import rolled back, and never
  claimed again. Any other failure rolls everything back and counts an attempt; after
  :data:`MAX_ATTEMPTS` the bundle is refused (its message names the kind of failure only).
- :class:`ImportWorkers` runs N such workers in threads until stopped (or, ``once``, until the
  inbox holds nothing they can take). Given ``receipts`` (the PostgreSQL HQ's receipt builder,
  :func:`tipdesk.services.sync.hq_pg_outbox.refresh`), a worker builds and stores the
  device's receipt after each bundle it finished, and the out-of-date ones whenever it finds
  the inbox empty (``once``: before it returns, at most :data:`ONCE_SWEEPS` passes): the
  receiver only serves them.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.hqstore import inbox as pg_inbox
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.services.sync import cpu_share, hq_pg
from tipdesk.sync.bundle import Manifest, short_device
from tipdesk.sync.errors import SequenceReused, SyncError
from tipdesk.sync.gcpause import gc_paused

log = logging.getLogger("tipdesk.import")

MAX_ATTEMPTS = 3
"""Runs of a bundle that failed for an unexpected reason before it is refused."""
POLL_SECONDS = 1.0
"""How long an idle worker waits before looking at the inbox again."""
ONCE_SWEEPS = 64
"""Passes over out-of-date receipts a worker run ``once`` makes at most before it returns
(each builds a few: :data:`tipdesk.services.sync.hq_pg_outbox.SWEEP`); the next run goes on."""


class BundleRefused(SyncError):
    """The bundle was received before and an importer refused it."""


def receive(db: HqDatabase, data: bytes, manifest: Manifest, at: str) -> dict[str, Any]:
    """Store a checked bundle in the inbox (see the module contract); the receiver's answer."""
    sha = hashlib.sha256(data).hexdigest()
    with db.transaction() as conn:
        found = pg_inbox.put(conn, manifest.device, manifest.seq, sha, data, at)
    if found is None:
        return {"status": "stored", "sequence": manifest.seq, "duplicate": False}
    if found.sha256 != sha:
        raise SequenceReused(
            say("HQ already imported a different bundle {seq} from this device.", seq=manifest.seq)
            if found.where == "imported"
            else say(
                "HQ already received a different bundle {seq} from this device.", seq=manifest.seq
            )
        )
    if found.status == pg_inbox.REFUSED:
        raise BundleRefused(
            say(
                "HQ refused bundle {seq} of this device: {error}",
                seq=manifest.seq,
                error=found.error,
            )
        )
    return {"status": "duplicate", "sequence": manifest.seq, "duplicate": True}


@dataclass(frozen=True, slots=True)
class Imported:
    """One inbox row an importer finished: its status (``imported``, ``duplicate``,
    ``refused``), records accepted, and the refusal's message."""

    device_id: str
    seq: int
    status: str
    accepted: int = 0
    error: str = ""


def _safe_message(exc: BaseException) -> str:
    """A refusal's message: a KnownError's own (written for users, free of record contents
    and keys); for anything else only the kind of failure."""
    if isinstance(exc, KnownError):
        return str(exc)
    return f"an unexpected {type(exc).__name__} while importing; see the importer's log"


def import_next(
    db: HqDatabase, open_data: Callable[[bytes], hq_pg.OpenedBundle], now: Callable[[], str]
) -> Imported | None:
    """Claim, open, apply and mark done one waiting bundle (module contract); ``None`` when
    no waiting bundle can be taken now."""
    claimed: list[pg_inbox.Claimed] = []

    def work(conn: Conn) -> Imported | None:
        row = pg_inbox.claim(conn)
        if row is None:
            return None
        claimed[:] = [row]
        try:
            opened = open_data(row.data)
            with conn.transaction():  # a savepoint: a refused bundle leaves nothing behind
                outcome = hq_pg.apply_on(conn, opened)
        except KnownError as exc:
            message = _safe_message(exc)
            pg_inbox.finish(conn, row.id, pg_inbox.REFUSED, now(), message)
            return Imported(row.device_id, row.seq, pg_inbox.REFUSED, error=message)
        pg_inbox.finish(conn, row.id, outcome.status, now())
        accepted = sum(outcome.accepted.values()) if outcome.status == "imported" else 0
        return Imported(row.device_id, row.seq, outcome.status, accepted)

    try:
        with gc_paused():
            return db.run(work)
    except Exception as exc:
        if not claimed:
            raise
        row = claimed[0]
        message = _safe_message(exc)
        with db.transaction() as conn:
            gave_up = pg_inbox.failed(conn, row.id, now(), message, MAX_ATTEMPTS)
        log.error(
            "bundle %d of device …%s failed (%s)%s",
            row.seq,
            short_device(row.device_id),
            message,
            "; refused after repeated failures" if gave_up else "; it will be tried again",
        )
        if gave_up:
            return Imported(row.device_id, row.seq, pg_inbox.REFUSED, error=message)
        raise


@dataclass
class WorkerStats:
    """What the workers did (thread-safe counters through :meth:`add`)."""

    done: list[Imported] = field(default_factory=list)
    failures: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, item: Imported | None = None, *, failure: bool = False) -> None:
        with self._lock:
            if item is not None:
                self.done.append(item)
            if failure:
                self.failures += 1


class ImportWorkers:
    """``workers`` importer threads on ``db`` (see the module contract). :meth:`start` them,
    :meth:`stop` them (each finishes the bundle in hand); :meth:`run_once` imports what can be
    taken and returns when nothing is left."""

    def __init__(
        self,
        db: HqDatabase,
        open_data: Callable[[bytes], hq_pg.OpenedBundle],
        now: Callable[[], str],
        workers: int = 1,
        poll: float = POLL_SECONDS,
        niceness: int = 0,
        receipts: Callable[[str | None], int] | None = None,
        once_sweeps: int = ONCE_SWEEPS,
    ) -> None:
        if workers < 1:
            raise ValueError("at least one worker")
        self.db, self.open_data, self.now = db, open_data, now
        self.receipts, self.once_sweeps = receipts, once_sweeps
        self.workers, self.poll = workers, poll
        self.niceness = niceness  # each worker thread's, not the process's (cpu_share)
        self.stats = WorkerStats()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def _loop(self, once: bool) -> None:
        if self.niceness:
            cpu_share.yield_cpu(self.niceness)  # analysts' searches first (cpu_share)
        while not self._stop.is_set():
            try:
                item = import_next(self.db, self.open_data, self.now)
            except Exception as exc:  # a worker never dies of one bundle
                self.stats.add(failure=True)
                log.error("importer: %s", _safe_message(exc))
                if once:
                    return
                self._stop.wait(self.poll)
                continue
            if item is not None:
                self.stats.add(item)
                if item.status == pg_inbox.REFUSED:
                    log.warning(
                        "bundle %d of device …%s refused: %s",
                        item.seq,
                        short_device(item.device_id),
                        item.error,
                    )
                else:
                    self._build_receipts(item.device_id)
                continue
            waiting = self._waiting()
            # The inbox empty: bring every out-of-date receipt up to date, a few per pass (not
            # while bundles wait: each import would make them out of date again). A run
            # ``once`` makes a bounded number of passes (HQ-side saves may go on meanwhile).
            passes = 0
            while not waiting and not self._stop.is_set() and self._build_receipts(None):
                passes += 1
                waiting = self._waiting()
                if once and passes >= self.once_sweeps:
                    break
            if once and not waiting:
                return
            self._stop.wait(self.poll if not once else min(self.poll, 0.05))

    def _build_receipts(self, device_id: str | None) -> int:
        """The receipt builder's pass (module contract); a failure is logged and counted,
        never the worker's end (the next idle pass tries again)."""
        if self.receipts is None:
            return 0
        try:
            return self.receipts(device_id)
        except Exception as exc:
            self.stats.add(failure=True)
            log.error("receipts: %s", _safe_message(exc))
            return 0

    def _waiting(self) -> bool:
        with self.db.connection() as conn:
            n = pg_inbox.waiting(conn)
            conn.rollback()
        return n > 0

    def start(self, once: bool = False) -> None:
        for i in range(self.workers):
            t = threading.Thread(
                target=self._loop, args=(once,), name=f"tipdesk-import-{i + 1}", daemon=True
            )
            t.start()
            self._threads.append(t)

    def join(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        for t in self._threads:
            t.join(None if deadline is None else max(0.0, deadline - time.monotonic()))

    def request_stop(self) -> None:
        """Ask every worker to stop after the bundle in hand (safe from a signal handler)."""
        self._stop.set()

    def stop(self, timeout: float | None = 60.0) -> None:
        """:meth:`request_stop`, then wait for the workers (at most ``timeout`` seconds)."""
        self._stop.set()
        self.join(timeout)

    def run_once(self) -> WorkerStats:
        """Import every bundle the workers can take, then return (``hq import-worker
        --once``)."""
        self.start(once=True)
        self.join()
        return self.stats
