"""The district's side of sync: the next bundle, the outbox, HQ's receipts and the sync state.

Contract:
- Every function checks the permission and the install's role first (district only).
- Files are written atomically (:func:`tipdesk.fs.atomic_write_bytes`), private to the user.
- Transports (the HTTPS uploader, :mod:`tipdesk.services.sync.upload`) only move bytes:
  :func:`outbox_files` lists what to upload, :func:`import_receipt_bytes` takes what comes
  back; at HQ :func:`~tipdesk.services.sync.hq.import_bundle_bytes` and
  :func:`~tipdesk.services.sync.hq.receipt_for` do the same.
- Runs on the store's thread, like every service.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipdesk import __version__
from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.core.messages import Message, say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Victim
from tipdesk.fs import atomic_write_bytes
from tipdesk.services import reference_updates, relay_setup
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync import exporter, files_out, handovers, receipt_checks, records_back
from tipdesk.services.sync.common import own_identity, read_file, require_district, sync_store
from tipdesk.store.handover_store import HandoverStore
from tipdesk.store.remote_apply import remote_batch
from tipdesk.store.sync_store import HqRow, NoticeRow, OutboxRow, ReceiptRow
from tipdesk.sync import budget, container, payload, receipt
from tipdesk.sync.bundle import Manifest, short_device
from tipdesk.sync.canonical import unb64
from tipdesk.sync.container import DEFAULT_LIMITS, Limits
from tipdesk.sync.errors import NotEnrolled, UnknownSender, WrongDevice
from tipdesk.sync.gcpause import gc_paused


# --- district: HQ's notices --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Notice:
    """HQ's notice that an accused of one of this district's cases is also an accused in a
    case of another district: that district and its case number, nothing else of it."""

    case_id: str
    case_number: str
    other_district: str
    """The other district's code (for tool tips and ``--json``)."""
    other_district_name: str
    other_case_number: str
    first_seen: str
    """When a receipt first brought it."""

    @property
    def line(self) -> str:
        return (
            f"{self.case_number}: an accused is also an accused in {self.other_district_name}'s "
            f"case {self.other_case_number}"
        )

    @classmethod
    def of(cls, session: Session, row: NoticeRow) -> Notice:
        return cls(
            row.case_id,
            row.case_number,
            row.other_district,
            district_name(session, row.other_district),
            row.other_case_number,
            row.first_seen,
        )


def notices(session: Session) -> list[Notice]:
    """HQ's notices as of the latest receipt (``tipdesk sync notices``), by case number."""
    session.require(Permission.VIEW)
    require_district(session, "sync notices")
    return [Notice.of(session, row) for row in sync_store(session).notices()]


# --- district: bundles, outbox, receipts ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BundleFile:
    """A bundle HQ has not acknowledged, as an export left it in the folder chosen."""

    seq: int
    path: Path
    new: bool
    """Made by this export (else made before and written again: HQ has not acknowledged it)."""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export did. ``path`` and ``seq``: the newest bundle made now (None when nothing
    was new; an export larger than one bundle may be makes several), ``counts`` the records
    in the bundles made now. ``files``: every bundle HQ has not acknowledged, now in the
    folder chosen, oldest first (the new ones included). ``pending``: their numbers."""

    path: Path | None
    seq: int | None
    counts: dict[str, int] = field(default_factory=dict)
    pending: tuple[int, ...] = ()
    files: tuple[BundleFile, ...] = ()
    waiting: tuple[Victim, ...] = ()
    """Consenting victims left out of this export: their identity cannot be sealed for HQ
    until a user who holds the identity key (a supervisor or an admin) signs in here."""
    case_files: tuple[files_out.SentFile, ...] = ()
    """Case files marked for HQ, written beside the bundles (sealed) until HQ confirms them."""
    files_waiting: tuple[tuple[str, str], ...] = ()
    """Case files marked for HQ this export could not seal yet: (id, why)."""


class ExportNotWritten(KnownError):
    """A bundle is safe in the outbox but could not be written to the folder chosen."""


def _hq(session: Session) -> HqRow:
    hq = sync_store(session).hq()
    if hq is None:
        raise NotEnrolled(
            say(
                "This install is not enrolled with HQ yet: run `tipdesk enroll FILE` with HQ's "
                "enrolment file first."
            )
        )
    return hq


def export_bundle(session: Session, out_dir: Path) -> ExportResult:
    """Make the next bundle when something is new (every change HQ has not acknowledged),
    keep it in the outbox until HQ's receipt acknowledges it, then write *every* bundle HQ
    has not acknowledged to ``out_dir`` (new or made before: a stick that filled up, or an
    export killed after the commit, loses nothing). A bundle that cannot be written raises
    :class:`ExportNotWritten` naming what is in the outbox and what is in ``out_dir``."""
    session.require(Permission.SYNC)
    require_district(session, "sync export")
    if not out_dir.is_dir():
        raise InvalidInput(say("{path} is not a folder.", path=out_dir))
    hq = _hq(session)
    me = own_identity(session)
    store = sync_store(session)
    # An install enrolled before the identity relay existed gets its recipients now.
    relay_setup.ensure_recipients(session.store, session.actor())
    with gc_paused():
        prepared = exporter.next_bundles(
            session.store,
            me,
            hq,
            district=session.install.district,
            office=session.install.office,
            created_at=session.now(),
            app_version=__version__,
            handovers=handovers.for_bundle(session.store),
            handover_unsent=handovers.unsent(session.store),
        )
    made: list[Manifest] = []
    waiting = tuple(v for p in prepared for v in p.waiting)
    while prepared:
        one = prepared.pop(0)
        m = one.manifest
        row = OutboxRow(
            m.seq,
            one.file_name,
            m.after_change,
            m.through_change,
            m.counts,
            one.sha256,
            m.created_at,
            back_through=m.back,
        )
        # The store keeps the sealed bytes first: if writing a file fails (or the process is
        # killed), the bundle is not lost, its number is never reused for other contents,
        # and every later export writes it again until HQ acknowledges it.
        store.add_outbox(row, one.data, session.actor())
        if one.handovers:
            HandoverStore(session.store).mark_sent(one.handovers, m.seq)
        made.append(m)
        del one
    files = _write_pending(session, out_dir, {m.seq for m in made})
    try:
        sealed = files_out.write_files(session, hq, exporter.recipients(hq), out_dir)
    except OSError as exc:
        raise ExportNotWritten(
            say(
                "The bundles are in {out_dir}, but a case file marked for HQ could not be written "
                "there ({reason}). Export again to another folder or stick: every file HQ has not "
                "confirmed is written there.",
                out_dir=out_dir,
                reason=exc.strerror or type(exc).__name__,
            )
        ) from None
    newest = files[-1] if made else None
    counts: dict[str, int] = {}
    for m in made:
        for kind, n in m.counts.items():
            counts[kind] = counts.get(kind, 0) + n
    return ExportResult(
        newest.path if newest else None,
        made[-1].seq if made else None,
        counts,
        tuple(f.seq for f in files),
        tuple(files),
        waiting,
        tuple(sealed.files),
        tuple(sealed.waiting),
    )


def _write_pending(session: Session, out_dir: Path, new: set[int]) -> list[BundleFile]:
    """Write every unacknowledged bundle to the outbox folder (when missing there) and to
    ``out_dir`` (unless the same file is there already), oldest first."""
    store = sync_store(session)
    outbox = _outbox_folder(session)
    files: list[BundleFile] = []
    for row in store.outbox(pending_only=True):
        data = store.outbox_data(row.seq)
        if data is None:  # pragma: no cover - kept until acknowledged (schema 2)
            continue
        kept = outbox / row.file_name
        dest = out_dir / row.file_name
        try:
            if not _holds(kept, row.sha256):
                atomic_write_bytes(kept, data)
            if dest.resolve() != kept.resolve() and not _holds(dest, row.sha256):
                atomic_write_bytes(dest, data)
        except OSError as exc:
            raise ExportNotWritten(_not_written(row.seq, out_dir, files, exc)) from None
        files.append(BundleFile(row.seq, dest, row.seq in new, dict(row.counts)))
    return files


def _holds(path: Path, sha256: str) -> bool:
    """``path`` is a file holding exactly the bundle of digest ``sha256``."""
    try:
        return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def _not_written(seq: int, out_dir: Path, done: list[BundleFile], exc: OSError) -> Message:
    why = exc.strerror or type(exc).__name__
    there = (
        say(
            "Bundles {seqs} are in {out_dir}.",
            seqs=", ".join(str(f.seq) for f in done),
            out_dir=out_dir,
        )
        if done
        else say("Nothing was written to {out_dir}.", out_dir=out_dir)
    )
    return say(
        "Bundle {seq} is safe in this install's outbox (HQ has not acknowledged it) but could "
        "not be written to {out_dir} ({reason}). {there} Export again to another folder or "
        "stick: every bundle HQ has not acknowledged is written there.",
        seq=seq,
        out_dir=out_dir,
        reason=why,
        there=there,
    )


def _outbox_folder(session: Session) -> Path:
    folder = session.paths.outbox
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def outbox_files(session: Session) -> list[Path]:
    """The unacknowledged bundles, oldest first, as files in the outbox folder (re-written
    from the store when one is missing). What an uploader sends."""
    session.require(Permission.SYNC)
    require_district(session, "the outbox")
    store = sync_store(session)
    folder = _outbox_folder(session)
    out: list[Path] = []
    for row in store.outbox(pending_only=True):
        path = folder / row.file_name
        if not path.exists():
            data = store.outbox_data(row.seq)
            if data is None:
                continue
            atomic_write_bytes(path, data)
        out.append(path)
    return out


@dataclass(slots=True)
class ReceiptResult:
    serial: int
    status: str  # imported | duplicate | older
    highest_seq: int
    acked_change: int
    acknowledged: tuple[int, ...]
    quarantined: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    gaps: list[int]
    bundles: list[dict[str, Any]]
    reference: reference_updates.Applied | None = None
    """HQ's reference update the receipt carried, when it was newer than the installed one."""
    records_back: tuple[records_back.BackChange, ...] = ()
    """What the versions HQ sent back did here (``line`` says it in words)."""
    notices: tuple[Notice, ...] = ()
    """HQ's notices as this install now keeps them."""
    handovers: dict[str, list[str]] = field(default_factory=dict)
    """What the receipt said about handovers, by case id: ``moved`` (handed over by this
    district: read-only here), ``refused`` (HQ could not move it: editable again),
    ``received`` (handed over to this district), ``identities`` (victims whose identity a
    handover brought)."""
    more_back: bool = False
    """HQ has more records back for this district: they come with the next receipt, after
    the next bundle confirms this page."""
    files_confirmed: tuple[str, ...] = ()
    """Case files marked for HQ that HQ now holds: marked sent here."""


def import_receipt(session: Session, path: Path, limits: Limits = DEFAULT_LIMITS) -> ReceiptResult:
    return import_receipt_bytes(session, read_file(path, "receipt"), limits)


def import_receipt_bytes(
    session: Session, data: bytes, limits: Limits = DEFAULT_LIMITS
) -> ReceiptResult:
    """Check and record HQ's receipt: the signature with the enrolled HQ's key first, then
    that it is addressed to this device, then decrypt. A repeated receipt, or one issued
    before the latest imported, changes nothing; a newer one acknowledges the bundles it lists
    as received and sets where the next bundle starts (HQ's word, even if it now holds less)."""
    session.require(Permission.SYNC)
    require_district(session, "sync receipt")
    hq = _hq(session)
    env = container.read(data, limits, expect="receipt")
    manifest = receipt.read_manifest(env)
    if manifest.hq != hq.device_id:
        raise UnknownSender(
            say(
                "This receipt was not issued by the HQ this install is enrolled with. Nothing "
                "was changed."
            )
        )
    container.verify(env, unb64(hq.signing_key, 32))
    me = own_identity(session)
    if manifest.device != me.public.device_id:
        raise WrongDevice(
            say(
                "This receipt is for another device (…{device}), not this one (…{own}). "
                "Nothing was changed.",
                device=short_device(manifest.device),
                own=short_device(me.public.device_id),
            )
        )
    budget.check_receipt(env.plain_bytes)
    plain = container.open_payload(env, me.age_identity, me.public.recipient, limits)
    budget.check_receipt(len(plain), plain)
    rec = receipt.read_receipt(manifest, plain, env.format)
    store = sync_store(session)
    if store.has_receipt(rec.hq, rec.serial, rec.issued_at):
        return _receipt_result(rec, "duplicate", ())
    last = store.last_receipt()
    if last is not None and rec.issued_at < last.issued_at:
        # An older receipt (replayed, or late) never moves the district's state back.
        return _receipt_result(rec, "older", ())
    # HQ may acknowledge only what this install sent (a forged bundle could make it say more).
    receipt_checks.check(rec, store.outbox())
    # HQ's reference update is checked first and written with the receipt: a bad one is
    # reported, never a reason to refuse the receipt.
    update = reference_updates.from_receipt(session, rec.updates)
    with gc_paused():
        back_rows = payload.decode_records(rec.records, env.format)
    actor = session.actor()
    n_rows = sum(len(v) for v in back_rows.values())
    # The records HQ sent back, the receipt and its update: one transaction.
    with remote_batch(session.store, actor, rows=n_rows) as b:
        back = records_back.apply(
            b,
            back_rows,
            here=me.public.device_id,
            owner=session.install.district,
            resolved=rec.resolved,
        )
        summary = rec.to_json()
        summary.pop("records", None)  # the records are in the store now; keep what they did
        summary["records_back"] = [dataclasses.asdict(c) for c in back]
        entries = list(update.entries) if update else []
        if back:
            # Which records HQ's versions changed here, by id (never contents).
            by_what: dict[str, dict[str, list[str]]] = {}
            for c in back:
                by_what.setdefault(c.what, {}).setdefault(c.kind, []).append(c.record_id)
            entries.append(
                session.audit_entry("sync.records_back", "receipt", str(rec.serial), **by_what)
            )
        newly = store.add_receipt(
            ReceiptRow(
                rec.serial,
                rec.hq,
                rec.issued_at,
                session.now(),
                rec.highest_seq,
                rec.acked_change,
                summary,
            ),
            actor,
            settings=update.settings if update else None,
            also_log=entries,
            notices=records_back.read_notices(rec.notices) if rec.format >= 2 else None,
            conn=b.conn,
        )
        # After the records back are in: a handed-over case's victims may be among them.
        b.flush()
        handed = handovers.settle(session, rec.handovers, rec.directory or None, me.age_identity)
    for row in newly:
        (session.paths.outbox / row.file_name).unlink(missing_ok=True)
    confirmed = files_out.confirm(session, rec.files)
    result = _receipt_result(rec, "imported", tuple(o.seq for o in newly))
    result.files_confirmed = tuple(confirmed)
    result.reference = update.installed_in(session) if update else None
    result.records_back = tuple(back)
    result.notices = tuple(notices(session))
    result.handovers = handed
    return result


def _receipt_result(rec: receipt.Receipt, status: str, acked: tuple[int, ...]) -> ReceiptResult:
    return ReceiptResult(
        rec.serial,
        status,
        rec.highest_seq,
        rec.acked_change,
        acked,
        rec.quarantined,
        rec.conflicts,
        rec.gaps,
        rec.bundles,
        more_back=bool(rec.back.get("more")),
    )


@dataclass(frozen=True, slots=True)
class OutboxBundle:
    """A bundle made here, as the sync state shows it."""

    seq: int
    file: str
    created_at: str
    changes: tuple[int, int]
    """The change-log positions it covers: after the first, up to and including the second."""
    counts: dict[str, int]
    """Records in the bundle, by kind."""
    acknowledged_at: str | None
    """When HQ's receipt acknowledged it; None while it waits in the outbox."""

    @classmethod
    def of(cls, row: OutboxRow) -> OutboxBundle:
        return cls(
            seq=row.seq,
            file=row.file_name,
            created_at=row.created_at,
            changes=(row.from_change, row.to_change),
            counts=row.counts,
            acknowledged_at=row.acked_at,
        )


@dataclass(frozen=True, slots=True)
class LastReceipt:
    """The latest receipt imported from HQ. ``gaps``, ``quarantined``, ``conflicts`` and
    ``updates`` are the receipt's own lists, as HQ wrote them (``docs/bundle-format.md``)."""

    serial: int
    issued_at: str
    imported_at: str
    highest_seq: int
    """HQ holds every bundle up to this one."""
    acked_change: int
    gaps: list[int]
    quarantined: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    updates: dict[str, Any]
    records_back: tuple[records_back.BackChange, ...] = ()
    """What the versions HQ sent back with it did here (in words: ``line``)."""

    @classmethod
    def of(cls, row: ReceiptRow) -> LastReceipt:
        s = row.summary
        back = tuple(
            records_back.BackChange(
                str(c.get("kind", "")),
                str(c.get("record_id", "")),
                str(c.get("title", "")),
                str(c.get("what", "")),
                tuple(str(f) for f in c.get("fields", ())),
                str(c.get("kept", "")),
            )
            for c in s.get("records_back", [])
            if isinstance(c, dict)
        )
        return cls(
            serial=row.serial,
            issued_at=row.issued_at,
            imported_at=row.imported_at,
            highest_seq=row.highest_seq,
            acked_change=row.acked_change,
            gaps=s.get("gaps", []),
            quarantined=s.get("quarantined", []),
            conflicts=s.get("conflicts", []),
            updates=s.get("updates", {}),
            records_back=back,
        )


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The district's sync state (``tipdesk sync status`` and the app's sync page)."""

    device_id: str
    enrolled: bool
    hq_fingerprint: str | None
    """The fingerprint of the HQ this install is enrolled with; None when not enrolled."""
    last_bundle: OutboxBundle | None
    outbox: tuple[OutboxBundle, ...]
    """The bundles HQ has not acknowledged yet, oldest first."""
    changes_not_exported: int
    changes_not_acknowledged: int
    last_receipt: LastReceipt | None
    notices: int = 0
    """HQ's notices kept (``tipdesk sync notices`` lists them)."""


def status(session: Session) -> SyncStatus:
    """The district's sync state: HQ, last bundle, outbox, last receipt, what is not sent."""
    session.require(Permission.SYNC)
    require_district(session, "sync status")
    store = sync_store(session)
    hq = store.hq()
    outbox = store.outbox()
    pending = [o for o in outbox if o.acked_at is None]
    last = outbox[-1] if outbox else None
    rec = store.last_receipt()
    max_change = store.max_change()
    return SyncStatus(
        device_id=session.install.device_id,
        enrolled=hq is not None,
        hq_fingerprint=hq.fingerprint if hq else None,
        last_bundle=OutboxBundle.of(last) if last else None,
        outbox=tuple(OutboxBundle.of(o) for o in pending),
        changes_not_exported=max_change - (last.to_change if last else 0),
        changes_not_acknowledged=max_change - store.acked_change(),
        last_receipt=LastReceipt.of(rec) if rec else None,
        notices=len(store.notices()),
    )
