"""HQ's sync use cases: importing bundles, receipts, and the state of every device
(conflicts and their resolution are :mod:`tipdesk.services.sync.review`). Re-exported by
:mod:`tipdesk.services.sync`.

Contract:
- A bundle is checked in this order, and refused at the first failure with nothing changed:
  structure and format version, size limits, a registered and not revoked sender, the
  sender's signature over the manifest, recipients and payload digest, then (only then)
  decryption with HQ's key, bounded decompression, decoding, and the manifest against the
  payload. A bundle already imported is reported as a duplicate and writes nothing at all.
- Each bundle is applied in one transaction (:func:`tipdesk.services.sync.importer.apply_bundle`).
- Receipts are signed by HQ and encrypted to the device they are for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.core.messages import Message, say
from tipdesk.core.permissions import Permission
from tipdesk.fs import atomic_write_bytes
from tipdesk.services import reference_updates
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync import (
    anchors,
    files_in,
    handovers,
    importer,
    receipt_entries,
    records_back,
    relay,
)
from tipdesk.services.sync.anchors import AnchorProblem
from tipdesk.services.sync.common import (
    own_identity,
    read_file,
    require_hq,
    sync_store,
)
from tipdesk.services.titles import record_title, record_titles
from tipdesk.store.attachments import AttachmentStore
from tipdesk.store.sync_store import BundleRow, DeviceRow
from tipdesk.sync import budget, bundle, container, file_seal, payload, receipt, status
from tipdesk.sync.anchor import AnchorCheck
from tipdesk.sync.bundle import Manifest, short_device
from tipdesk.sync.canonical import unb64
from tipdesk.sync.container import DEFAULT_LIMITS, Envelope, Limits
from tipdesk.sync.errors import (
    ImplausibleBundle,
    RevokedSender,
    SequenceReused,
    UnknownSender,
    WrongDistrict,
)
from tipdesk.sync.gcpause import gc_paused

if TYPE_CHECKING:
    from tipdesk.hqstore.pool import HqDatabase


@dataclass(slots=True)
class ImportResult:
    """One bundle's import, for the report (``--json``) and the app. ``conflicts`` and
    ``quarantined`` are the entries the import recorded (and receipts carry), by id."""

    source: str = field(metadata={"json": "file"})
    """The file imported (``file`` in ``--json`` output)."""
    device: str
    district: str
    seq: int
    status: str  # imported | duplicate
    counts: dict[str, int]
    accepted: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    superseded: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[int] = field(default_factory=list)
    up_to_date: int = 0
    """Incoming versions HQ already held, or held a later version of (a bundle imported
    before: every record in it). A re-sent bundle is this, not a failure."""
    district_name: str = ""
    """The sending device's district, for people."""
    anchor: AnchorCheck | None = None
    """What HQ found about the audit head the bundle carried: ``problem`` "" (it extends the
    device's anchors), ``backwards`` or ``fork`` with a ``message``; None for a bundle
    imported before (nothing new was checked)."""
    handovers: list[dict[str, str]] = field(default_factory=list)
    """The cases the bundle handed over: ``{"id", "case_id", "state", "why"}``."""
    files_left_out: int = 0
    """Case file descriptions the bundle carried for records HQ does not hold in the
    device's district (not kept)."""


@dataclass(frozen=True, slots=True)
class RefusedFile:
    """A bundle file that was not imported: ``error`` names the kind of problem (the
    :class:`~tipdesk.core.errors.KnownError` class), ``message`` says it to people."""

    file: str
    error: str
    message: str
    said: Message | None = field(default=None, compare=False, metadata={"json": None})
    """``message`` as the translatable message it was raised with (the app and the command
    line show it in the user's language); never in ``--json`` output, which stays English."""

    @classmethod
    def of(cls, path: Path, exc: KnownError) -> RefusedFile:
        """The file ``path`` refused with ``exc``."""
        return cls(str(path), type(exc).__name__, exc.message, exc.said)


@dataclass(slots=True)
class ImportReport:
    """Several bundle files' imports (:func:`import_files`): each imported or duplicate
    bundle's result, the files refused, and each sending device's missing bundles after."""

    results: list[ImportResult] = field(default_factory=list)
    errors: list[RefusedFile] = field(default_factory=list)
    gaps: dict[str, list[int]] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)
    """Inbox files moved into the inbox's ``imported`` folder (:func:`import_inbox`)."""
    files: list[files_in.FileResult] = field(default_factory=list)
    """Sealed case files imported (or held before), after the bundles."""

    @property
    def received(self) -> int:
        """Record versions in the bundles, over every bundle imported or seen before."""
        return sum(sum(r.counts.values()) for r in self.results)

    @property
    def up_to_date(self) -> int:
        """Versions HQ already held (or held a later version of), over every bundle."""
        return sum(r.up_to_date for r in self.results)

    @property
    def accepted(self) -> dict[str, int]:
        """Records accepted, by kind, over every bundle."""
        accepted: dict[str, int] = {}
        for r in self.results:
            for kind, n in r.accepted.items():
                accepted[kind] = accepted.get(kind, 0) + n
        return accepted

    @property
    def duplicates(self) -> list[str]:
        """The bundles imported before, as ``device#seq``."""
        return [f"{r.device}#{r.seq}" for r in self.results if r.status == "duplicate"]

    @property
    def conflicts(self) -> list[dict[str, Any]]:
        return [c for r in self.results for c in r.conflicts]

    @property
    def quarantined(self) -> list[dict[str, Any]]:
        return [q for r in self.results for q in r.quarantined]


MAX_BUNDLE_FILE = budget.plain_budget(budget.MAX_RECORDS) + budget.COMPRESSION_SLACK
"""The largest bundle file HQ reads: what the largest bundle may compress to, at worst."""
MAX_SEQ_AHEAD = 10_000
"""How far past the highest bundle HQ holds a device's next bundle may be numbered: a district
exporting daily for years without one bundle reaching HQ stays well below it."""


def revoked_sender(device_id: str, revoked_at: str) -> RevokedSender:
    """The refusal of a bundle from a revoked device (on either engine)."""
    return RevokedSender(
        say(
            "This bundle comes from a revoked device (…{device}, revoked on {revoked_at}); it "
            "was refused. Nothing was changed.",
            device=short_device(device_id),
            revoked_at=revoked_at[:10],
        )
    )


def check_seq(seq: int, highest: int) -> None:
    """Refuse a bundle numbered implausibly far past the ``highest`` HQ holds of its device."""
    if seq > highest + MAX_SEQ_AHEAD:
        # A device numbers its bundles 1, 2, 3...: a number far past the last one HQ holds is
        # crafted, and would make HQ count every bundle below it as received or covered.
        raise ImplausibleBundle(
            say(
                "This bundle is numbered {seq:,}, but the highest bundle HQ holds from its device "
                "is {highest:,}: a TIPDesk never numbers so far ahead; it was refused. Nothing "
                "was changed.",
                seq=seq,
                highest=highest,
            )
        )


def _verified(
    session: Session, data: bytes, limits: Limits
) -> tuple[Envelope, Manifest, DeviceRow]:
    env = container.read(data, limits, expect="bundle")
    manifest = bundle.read_manifest(env)
    # What a bundle may hold is bounded by the records it declares (tipdesk.sync.budget):
    # checked before anything else, so no bundle can make HQ decompress or parse more.
    budget.check_declared(manifest.counts, env.plain_bytes, len(env.ciphertext))
    device = sync_store(session).device(manifest.device)
    if device is None:
        raise UnknownSender(
            say(
                "This bundle comes from a device HQ has not registered (…{device}, {district}). "
                "Register it with `tipdesk device register` first. Nothing was changed.",
                device=short_device(manifest.device),
                district=manifest.district or say("no district"),
            )
        )
    if device.revoked_at:
        raise revoked_sender(manifest.device, device.revoked_at)
    container.verify(env, unb64(device.signing_key, 32))
    check_seq(manifest.seq, sync_store(session).highest_bundle(device.device_id))
    if manifest.district != device.district:
        # HQ never names a file or a record after what a bundle claims: a signed bundle that
        # claims another district than its device's is refused whole.
        raise WrongDistrict(
            say(
                "This bundle claims district {code}, but its device (…{device}) is registered for "
                "{district} ({registered}); it was refused. Nothing was changed.",
                code=shown_code(manifest.district),
                device=short_device(device.device_id),
                district=district_name(session, device.district),
                registered=device.district,
            )
        )
    return env, manifest, device


def shown_code(text: str) -> str:
    """A code from another machine, for a message: quoted, and cut when long."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def inbox_file_name(session: Session, device: DeviceRow, seq: int) -> str:
    """The inbox file name of a device's bundle ``seq``, from HQ's registry: the district HQ
    registered (a code of its reference list) and the device id, never the bundle's claim."""
    return bundle.bundle_file_name(registered_district(session, device), device.device_id, seq)


def registered_district(session: Session, device: DeviceRow) -> str:
    if device.district not in session.reference.districts or not bundle.is_safe_code(
        device.district
    ):
        raise WrongDistrict(
            say(
                "Device …{device} is registered for a district that is not in HQ's reference "
                "list; nothing was written.",
                device=short_device(device.device_id),
            )
        )
    return device.district


def check_bundle_bytes(session: Session, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """Check a bundle's structure, sender and signature without decrypting or writing
    anything (what a receiver does before accepting an upload)."""
    session.require(Permission.SYNC)
    require_hq(session, "bundle checks")
    return _verified(session, data, limits)[1]


def _gaps(session: Session, device_id: str) -> list[int]:
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg

        with db:
            return hq_pg.gaps(db, device_id)
    rows = sync_store(session).bundles(device_id)
    return status.progress((b.seq, b.from_change, b.to_change) for b in rows).gaps


DATABASE_SETTING = "hq_database"
"""The HQ install's setting naming its PostgreSQL database (a libpq URL without password;
:func:`tipdesk.services.sync.hq_pg.configure`)."""


def hq_database(session: Session) -> HqDatabase | None:
    """The HQ install's PostgreSQL database (a new pool; the caller closes it) when it keeps
    its records there (issue 20), else ``None``: imports go there whichever way they come
    (command line, app, HTTPS receiver), and the national report is read from it."""
    if session.install.role is not InstallRole.HQ or not session.store.setting(DATABASE_SETTING):
        return None
    from tipdesk.services.sync import hq_pg  # the PostgreSQL driver, only when used

    return hq_pg.database_of(session)


def opened_contents(
    session: Session, env: Envelope, manifest: Manifest, limits: Limits
) -> payload.Payload:
    """A verified bundle's payload, decrypted with HQ's key, within the memory budget,
    checked against its manifest, consenting victims' identities opened (the SQLCipher and
    the PostgreSQL import alike). Call it with the collector paused (``gc_paused``): decoding
    makes many objects and no cycles."""
    me = own_identity(session)
    plain = container.open_payload(env, me.age_identity, me.public.recipient, limits)
    budget.check_items(plain, budget.records_in(manifest.counts))
    contents = payload.decode(plain, env.format)
    del plain  # the decrypted bytes go before the checks below run
    bundle.check_payload(manifest, contents)
    relay.open_identities(contents.rows.get("victim", []), contents.identity_keys, me.age_identity)
    return contents


def import_bundle_bytes(
    session: Session, data: bytes, *, source: str = "", limits: Limits = DEFAULT_LIMITS
) -> ImportResult:
    """Verify, decrypt, validate and apply one bundle (see the module contract)."""
    session.require(Permission.SYNC)
    require_hq(session, "hq import")
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg

        with db:
            return hq_pg.import_bundle_bytes(session, db, data, source=source, limits=limits)
    env, manifest, device = _verified(session, data, limits)
    sha256 = hashlib.sha256(data).hexdigest()
    result = ImportResult(
        source,
        manifest.device,
        device.district,
        manifest.seq,
        "duplicate",
        dict(manifest.counts),
        up_to_date=sum(manifest.counts.values()),
        district_name=district_name(session, device.district),
    )
    prior = sync_store(session).bundle(manifest.device, manifest.seq)
    if prior is not None:
        if prior.sha256 != sha256:
            raise SequenceReused(
                say(
                    "A different bundle numbered {seq} from this device was imported before: the "
                    "device may have been restored from an old backup. Nothing was changed.",
                    seq=manifest.seq,
                )
            )
        result.gaps = _gaps(session, manifest.device)
        return result
    with gc_paused():
        contents = opened_contents(session, env, manifest, limits)
        outcome = importer.apply_bundle(
            session.store,
            manifest=manifest,
            sha256=sha256,
            payload=contents,
            ctx=session.validation_context(),
            here=session.install.device_id,
            actor=session.actor(),
            device_district=device.district,
            districts=list(session.reference.districts),
        )
        described = contents.attachments
        # Freed here by reference counting: once the collector is back on, its first full
        # pass would otherwise walk every decoded record once more (about half a second
        # for 100,000 records, measured).
        del contents
    result.status = outcome.status
    if outcome.status == "imported":
        result.files_left_out = files_in.keep_descriptions(session, device, described)
    result.accepted = outcome.accepted
    result.duplicates = outcome.duplicates
    result.superseded = outcome.superseded
    result.up_to_date = (
        outcome.duplicates + outcome.superseded
        if outcome.status == "imported"
        else result.up_to_date
    )
    result.conflicts = outcome.conflicts
    result.quarantined = outcome.quarantined
    result.gaps = _gaps(session, manifest.device)
    result.anchor = outcome.anchor
    result.handovers = outcome.handovers
    return result


ProgressHook = Callable[[int, int], None]
"""``progress(done, total)``: files imported so far, of how many."""


def import_files(
    session: Session,
    paths: Sequence[Path],
    limits: Limits = DEFAULT_LIMITS,
    *,
    progress: ProgressHook | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Import several bundle files, each in its own transaction, in (device, sequence) order
    when their manifests can be read. A refused file is listed with its reason and does not
    stop the others. ``progress(done, total)`` is called before each file and at the end; an
    exception it raises (the app's Cancel) stops the import there: the files imported before
    stay imported, and are listed in ``report`` when the caller passed one."""
    session.require(Permission.SYNC)
    require_hq(session, "hq import")
    report = report if report is not None else ImportReport()
    case_files = [p for p in paths if p.suffix == file_seal.EXTENSION]
    paths = [p for p in paths if p.suffix != file_seal.EXTENSION]
    largest = min(limits.max_payload_bytes, MAX_BUNDLE_FILE)
    # The files are read twice (their manifests for the order, then each one to import it)
    # so that only one bundle is in memory at a time, however many the inbox holds.
    order: list[tuple[tuple[str, int, int], Path]] = []
    for i, path in enumerate(paths):
        try:
            data = read_file(path, "bundle", largest + 64 * 1024)
        except KnownError as exc:
            report.errors.append(RefusedFile.of(path, exc))
            continue
        try:
            m = bundle.read_manifest(container.read(data, limits, expect="bundle"))
            key = (m.device, m.seq, i)
        except KnownError:
            key = ("", 0, i)  # refused again (with its message) when imported below
        del data
        order.append((key, path))
    total = len(order)
    for done, (_key, path) in enumerate(sorted(order, key=lambda item: item[0])):
        if progress is not None:
            progress(done, total)
        try:
            data = read_file(path, "bundle", largest + 64 * 1024)
            result = import_bundle_bytes(session, data, source=str(path), limits=limits)
        except KnownError as exc:
            report.errors.append(RefusedFile.of(path, exc))
            continue
        finally:
            data = b""
        report.results.append(result)
    # Case files after the bundles: a file's record (and description) comes in a bundle.
    for path in sorted(case_files):
        try:
            report.files.append(files_in.import_file(session, path))
        except KnownError as exc:
            report.errors.append(RefusedFile.of(path, exc))
    if progress is not None:
        progress(total, total)
    for device_id in sorted({r.device for r in report.results}):
        report.gaps[device_id] = _gaps(session, device_id)
    return report


IMPORTED_FOLDER = "imported"


def import_inbox(
    session: Session,
    folder: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    progress: ProgressHook | None = None,
) -> ImportReport:
    """Import every bundle waiting in the inbox (the install's inbox folder, or ``folder``),
    then move each one imported now or before into the inbox's ``imported`` folder, so that
    the inbox shows only what is new and what was refused (left in place, with its reason).
    ``progress`` as for :func:`import_files`; the files imported before it stopped the import
    are moved too."""
    session.require(Permission.SYNC)
    require_hq(session, "hq import")
    inbox = folder or session.paths.inbox
    if not inbox.is_dir():
        raise InvalidInput(say("{inbox} is not a folder.", inbox=inbox))
    files = sorted(
        p
        for p in inbox.iterdir()
        if p.is_file() and p.suffix in (bundle.EXTENSION, file_seal.EXTENSION)
    )
    report = ImportReport()
    try:
        import_files(session, files, limits, progress=progress, report=report)
    finally:
        _move_imported(inbox, files, report)
    return report


def _move_imported(inbox: Path, files: Sequence[Path], report: ImportReport) -> None:
    done = {r.source for r in report.results} | {f.source for f in report.files}
    if not done:
        return
    dest = inbox / IMPORTED_FOLDER
    dest.mkdir(mode=0o700, exist_ok=True)
    for path in files:
        if str(path) in done:
            path.replace(dest / path.name)
            report.moved.append(str(dest / path.name))


def report_titles(session: Session, report: ImportReport) -> dict[tuple[str, str], str]:
    """Titles (see :func:`~tipdesk.services.titles.record_title`) of the records an import
    report lists by id: those in conflict from the register, the quarantined from the versions
    held in quarantine."""
    session.require(Permission.VIEW)
    require_hq(session, "hq import")
    titles = record_titles(session, [(c["kind"], c["record_id"]) for c in report.conflicts])
    held = [q["id"] for q in report.quarantined]
    db = hq_database(session)
    if db is None:
        rows = sync_store(session).quarantine_entries(held)
    else:  # an HQ keeping its records in PostgreSQL (issue 20)
        from tipdesk.services.sync import hq_pg_conflicts  # the driver, only when used

        with db, db.connection() as conn:
            try:
                rows = hq_pg_conflicts.reads(session, conn).quarantine_entries(held)
            finally:
                conn.rollback()
    for row in rows:
        titles.setdefault((row.kind, row.record_id), record_title(row.kind, row.record))
    return titles


# --- receipts and device state ------------------------------------------------------------------
def receipt_for(
    session: Session,
    device_id: str,
    *,
    notices: dict[str, list[dict[str, Any]]] | None = None,
    updates: dict[str, Any] | None = None,
    directory: dict[str, list[str]] | None = None,
) -> bytes:
    """A new receipt for one registered device: signed by HQ, encrypted to the device. It
    carries the next page of records back for the device's district and HQ's notices for
    that district. ``notices`` and ``updates`` (HQ's reference update) are the same for every
    receipt of one run: :func:`write_receipts` computes them once."""
    session.require(Permission.SYNC)
    require_hq(session, "hq receipts")
    db = hq_database(session)
    if db is not None:  # an HQ keeping its records in PostgreSQL (issue 20)
        from tipdesk.services.sync import hq_pg_receipts  # the driver, only when used

        with db:
            return hq_pg_receipts.receipt_for(session, db, device_id)
    store = sync_store(session)
    device = store.device(device_id)
    if device is None:
        raise UnknownSender(
            say("There is no registered device …{device}.", device=short_device(device_id))
        )
    me = own_identity(session)
    serial, fresh = store.issue_receipt(device.device_id, session.actor())
    prog = status.progress((b.seq, b.from_change, b.to_change) for b in store.bundles(device_id))
    bundles = receipt_entries.bundle_entries(fresh)
    quarantined = [
        receipt_entries.quarantine_entry(
            q.id, q.kind, q.record_id, q.version, q.bundle_seq, q.problems
        )
        for q in store.quarantine(device_id=device_id)
    ]
    open_conflicts = [
        receipt_entries.conflict_entry(
            c.id, c.kind, c.record_id, c.version, c.bundle_seq, c.detected_at
        )
        for c in store.conflicts(device_id=device_id)
    ]
    page = records_back.page_for(session.store, device, session.install.device_id)
    if notices is None:
        notices = records_back.notices_by_district(session.store)
    rec = receipt.Receipt(
        hq=me.public.device_id,
        device=device.device_id,
        serial=serial,
        issued_at=session.now(),
        highest_seq=prog.contiguous_seq,
        acked_change=prog.acked_change,
        gaps=prog.gaps,
        bundles=bundles,
        quarantined=quarantined,
        conflicts=open_conflicts,
        updates=reference_updates.receipt_updates(session) if updates is None else updates,
        back=page.back,
        records=page.records,
        resolved=page.resolved,
        notices=notices.get(device.district, [])[:NOTICES_PER_RECEIPT],
        anchor=anchors.receipt_anchor(session.store, device.device_id),
        handovers=handovers.for_receipt(session.store, device.district),
        directory=handovers.directory(session.store) if directory is None else directory,
        files=AttachmentStore(session.store).received_from(device.device_id, receipt.MAX_FILES),
    )
    return receipt.seal_receipt(me, rec, device.recipient)


NOTICES_PER_RECEIPT = 1000
"""Notices a receipt carries at most (a bound on its size; the district sees the first ones by
case number and HQ's linked-cases review has them all)."""


def receipt_file_name(session: Session, device: DeviceRow, serial: int) -> str:
    """``receipt-<district>-<device>-<serial>.tipr`` from HQ's registry (see
    :func:`inbox_file_name`)."""
    short = short_device(device.device_id)
    district = registered_district(session, device)
    return f"receipt-{district}-{short}-{serial:06d}{receipt.EXTENSION}"


def write_receipts(session: Session, out_dir: Path) -> list[Path]:
    """One new receipt per registered, not revoked device that has sent bundles."""
    session.require(Permission.SYNC)
    require_hq(session, "hq receipts")
    db = hq_database(session)
    if db is not None:  # receipts are issued from PostgreSQL's bundles (issue 20)
        from tipdesk.services.sync import hq_pg_stick

        with db:
            return hq_pg_stick.write_receipts(session, db, out_dir)
    if not out_dir.is_dir():
        raise InvalidInput(say("{out_dir} is not a folder.", out_dir=out_dir))
    store = sync_store(session)
    written: list[Path] = []
    notices = records_back.notices_by_district(session.store)
    updates = reference_updates.receipt_updates(session)
    directory = handovers.directory(session.store)
    for device in store.devices():
        if device.revoked_at or not store.bundles(device.device_id):
            continue
        data = receipt_for(
            session, device.device_id, notices=notices, updates=updates, directory=directory
        )
        serial = (store.device(device.device_id) or device).receipt_serial
        path = out_dir / receipt_file_name(session, device, serial)
        atomic_write_bytes(path, data)
        written.append(path)
    return written


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """A registered device as HQ sees it (:func:`device_status`)."""

    device_id: str
    district: str
    office: str
    fingerprint: str
    revoked_at: str | None
    last_bundle: int | None
    last_bundle_at: str | None = field(metadata={"json": "last_bundle_created_at"})
    """When the device made its latest bundle (``last_bundle_created_at`` in ``--json``)."""
    last_seen: str | None
    """When HQ last imported a bundle from it."""
    highest_seq: int
    contiguous_seq: int
    acked_change: int
    gaps: list[int]
    open_conflicts: int
    open_quarantine: int
    audit_head: list[Any]
    """The device's audit chain head (entry number, hash) when it made its latest bundle."""
    anchor_problems: list[AnchorProblem] = field(default_factory=list)
    """The bundles whose audit head HQ flagged (went backwards, or forked), oldest first."""


def device_status(session: Session) -> list[DeviceStatus]:
    """Each registered device: district, last bundle, last sequence, gaps, last seen."""
    session.require(Permission.VIEW)
    require_hq(session, "hq devices")
    db = hq_database(session)
    if db is not None:  # bundles, conflicts, quarantine and anchors are there (issue 20)
        from tipdesk.services.sync import hq_pg_dash

        with db:
            return hq_pg_dash.device_status(session, db)
    store = sync_store(session)
    conflicts_by = _count_by(c.device_id for c in store.conflicts())
    quarantine_by = _count_by(q.device_id for q in store.quarantine())
    flagged = anchors.problems(session.store)
    return [
        status_of(d, store.bundles(d.device_id), conflicts_by, quarantine_by, flagged)
        for d in store.devices()
    ]


def status_of(
    d: DeviceRow,
    rows: list[BundleRow],
    conflicts_by: Mapping[str, int],
    quarantine_by: Mapping[str, int],
    flagged: Mapping[str, list[AnchorProblem]],
) -> DeviceStatus:
    """One registered device's status from its bundles (``rows``) and the open conflicts,
    open quarantine and anchor problems of every device (by device id): what both engines'
    :func:`device_status` give."""
    prog = status.progress((b.seq, b.from_change, b.to_change) for b in rows)
    last = max(rows, key=lambda b: b.seq) if rows else None
    return DeviceStatus(
        d.device_id,
        d.district,
        d.office,
        d.fingerprint,
        d.revoked_at,
        last.seq if last else None,
        last.created_at if last else None,
        max(b.imported_at for b in rows) if rows else None,
        prog.highest_seq,
        prog.contiguous_seq,
        prog.acked_change,
        prog.gaps,
        conflicts_by.get(d.device_id, 0),
        quarantine_by.get(d.device_id, 0),
        list(last.result.get("audit_head", [])) if last else [],
        flagged.get(d.device_id, []),
    )


def _count_by(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out
