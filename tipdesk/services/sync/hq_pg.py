"""HQ on PostgreSQL: linking the HQ install to its server database, importing bundles into it,
and the national report from it (issue 20, first slice).

Contract:
- The HQ install (its SQLCipher store) still holds users, the key file, HQ's own signing and age
  keys, the device registry and offices. :func:`link` prepares a PostgreSQL database for it:
  applies the schema (:mod:`tipdesk.hqstore.migrations`), copies the install's identity public
  key and index key (so identities are sealed to the same officers), and mirrors the device
  registry.
- :func:`import_bundle_bytes` (:func:`open_bundle` on the session's thread, then
  :func:`apply_opened` on any thread) verifies and decrypts a bundle exactly as
  :func:`tipdesk.services.sync.hq.import_bundle_bytes` does, then applies it through the same
  importer (:func:`tipdesk.services.sync.importer.apply_in_batch`) into PostgreSQL, in one
  transaction holding the device's and the records' locks (:mod:`tipdesk.hqstore.batch`); a
  deadlock or serialisation failure runs it again, a bounded number of times.
- :func:`build_report` builds the national report from PostgreSQL with the same assembler as
  the SQLCipher HQ (:func:`tipdesk.reports.build.build_report_from`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.validation import ValidationContext
from tipdesk.hqstore import batch as pg_batch
from tipdesk.hqstore import devices as pg_devices
from tipdesk.hqstore import keys as pg_keys
from tipdesk.hqstore import migrations
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.reports.build import Progress, build_report_from
from tipdesk.reports.model import Report, ReportParams
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_files, hq_pg_tls, importer
from tipdesk.services.sync.common import require_hq, sync_store
from tipdesk.services.sync.hq import (
    DATABASE_SETTING,
    ImportResult,
    _verified,
    check_seq,
    opened_contents,
    revoked_sender,
)
from tipdesk.services.sync.hq_pg_handovers import PgBookkeeping
from tipdesk.services.sync.import_state import Outcome
from tipdesk.store.identity import INDEX_KEY, PUBLIC_KEY
from tipdesk.store.store import Actor
from tipdesk.sync import status
from tipdesk.sync.bundle import Manifest
from tipdesk.sync.container import DEFAULT_LIMITS, Limits
from tipdesk.sync.gcpause import gc_paused
from tipdesk.sync.payload import Payload


@dataclass(frozen=True, slots=True)
class Linked:
    """What :func:`link` did: the schema version found and applied, devices mirrored."""

    found: int
    version: int
    devices: int


def _devices(session: Session) -> list[tuple[str, str, str, str, str | None]]:
    return [
        (d.device_id, d.district, d.office, d.registered_at, d.revoked_at)
        for d in sync_store(session).devices()
    ]


def link(session: Session, db: HqDatabase) -> Linked:
    """Prepare ``db`` for this HQ install (see the module contract). Raises
    :class:`KnownError` when the database belongs to another HQ (other identity keys)."""
    session.require(Permission.SYNC)
    require_hq(session, "hq database")
    keys = dict(
        session.store.query(
            "SELECT key, value FROM settings WHERE key IN (?, ?)", (PUBLIC_KEY, INDEX_KEY)
        )
    )
    index_key = pg_keys.install_index_key(keys[INDEX_KEY])
    devices = _devices(session)
    with db.connection() as conn:
        if not migrations.owns_schema(conn):
            return _join(conn, str(keys[PUBLIC_KEY]), index_key)
        had_clear_key = pg_keys.holds_clear_key(conn)
        conn.rollback()
        found = migrations.migrate(conn, index_key=index_key)
        with conn.transaction():
            pg_batch.link_identity(conn, str(keys[PUBLIC_KEY]), index_key)
            pg_batch.mirror_devices(conn, devices)
        if had_clear_key:
            pg_keys.rewrite_settings(conn)
    return Linked(found, migrations.LATEST, len(devices))


def _join(conn: Conn, public_key: str, index_key: bytes) -> Linked:
    """Link through a login that does not own the database's tables (an analyst's, an
    editor's or an identity officer's on their own computer, a copy of the HQ install): it may
    not change the schema nor write the database's settings, so it only checks, reading, that
    the owner already linked this HQ install's keys and brought the schema to this TIPDesk's
    step; nothing is written."""
    try:
        found = migrations.version(conn)
        if found != migrations.LATEST:
            raise KnownError(
                say(
                    "The HQ database is at schema step {found}; this TIPDesk needs step {latest}. "
                    "Its owner links it first (`tipdesk hq database URL` with the login that owns "
                    "the tables); then this login can be used. Nothing was changed.",
                    found=found,
                    latest=migrations.LATEST,
                )
            )
        pg_keys.matches(conn, public_key, index_key)
    finally:
        conn.rollback()
    return Linked(found, found, 0)


def install_index_key(session: Session) -> bytes:
    """The HQ install's identity index key, from its own (SQLCipher) store: what the
    PostgreSQL import hashes with; PostgreSQL holds only its fingerprint."""
    rows = session.store.query("SELECT value FROM settings WHERE key = ?", (INDEX_KEY,))
    if not rows:
        raise KnownError(say("This HQ install has no identity index key (its store is too old)."))
    return pg_keys.install_index_key(rows[0][0])


@dataclass
class OpenedBundle:
    """A bundle verified and decrypted with the HQ install's keys, ready to apply to
    PostgreSQL by :func:`apply_opened` on any thread (it holds no store or session)."""

    result: ImportResult
    manifest: Manifest
    sha256: str
    contents: Payload
    devices: list[tuple[str, str, str, str, str | None]]
    private: bytes | None = dataclasses.field(repr=False)
    index_key: bytes = dataclasses.field(repr=False)
    actor: Actor
    ctx: ValidationContext
    here: str
    districts: tuple[str, ...]
    """HQ's reference districts (a handover must name one)."""


def open_bundle(
    session: Session, data: bytes, *, source: str = "", limits: Limits = DEFAULT_LIMITS
) -> OpenedBundle:
    """Verify and decrypt one bundle with the HQ install's registry and keys (the session's
    thread). Raises what :func:`tipdesk.services.sync.hq.import_bundle_bytes` raises for a
    bundle it refuses; nothing is written anywhere."""
    session.require(Permission.SYNC)
    require_hq(session, "hq import")
    env, manifest, device = _verified(session, data, limits)
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
    with gc_paused():
        # Consenting victims' identities are opened here and sealed again by the
        # PostgreSQL batch as it writes them.
        contents = opened_contents(session, env, manifest, limits)
    # The validation context's person key reads the identity index key from the store on
    # first use: read it here, on the session's thread, since the bundle is applied on any.
    session.store.vault.person_of("", "index key", "")
    return OpenedBundle(
        result,
        manifest,
        hashlib.sha256(data).hexdigest(),
        contents,
        _devices(session),
        session.store.vault.private_key(),
        install_index_key(session),
        session.actor(),
        session.validation_context(),
        session.install.device_id,
        tuple(session.reference.districts),
    )


def apply_on(conn: Conn, opened: OpenedBundle) -> Outcome:
    """Apply an opened bundle on ``conn``, inside the caller's transaction (its own
    savepoint): what :func:`apply_opened` runs, and what an inbox importer runs in the
    transaction that claims the bundle and marks it done (:mod:`.hq_inbox`)."""
    m = opened.manifest
    ids = [r.record_id for rows in opened.contents.rows.values() for r in rows]
    # Another install linked to this database may have revoked the device, or imported its
    # bundles, after this install's registry and store last heard of it: PostgreSQL decides.
    sender = pg_devices.sender_state(conn, m.device)
    if sender.revoked_at:
        raise revoked_sender(m.device, sender.revoked_at)
    check_seq(m.seq, sender.highest_bundle)
    pg_batch.mirror_devices(conn, opened.devices)
    with pg_batch.import_batch(
        conn, opened.actor, m.device, ids, opened.private, index_key=opened.index_key
    ) as b:
        outcome = importer.apply_in_batch(
            b,
            PgBookkeeping(b, opened.districts),
            manifest=m,
            sha256=opened.sha256,
            payload=opened.contents,
            ctx=opened.ctx,
            here=opened.here,
            device_district=opened.result.district,
        )
    if outcome.status == "imported":  # the case files' descriptions, as at the SQLCipher HQ
        opened.result.files_left_out = hq_pg_files.keep_descriptions(
            conn, m.device, opened.result.district, opened.contents.attachments, opened.index_key
        )
    return outcome


def result_of(opened: OpenedBundle, outcome: Outcome) -> ImportResult:
    """The import's result, as :func:`tipdesk.services.sync.hq.import_bundle_bytes` gives it."""
    result = dataclasses.replace(opened.result, status=outcome.status)
    if outcome.status == "imported":
        result.accepted = outcome.accepted
        result.duplicates = outcome.duplicates
        result.superseded = outcome.superseded
        result.up_to_date = outcome.duplicates + outcome.superseded
        result.conflicts = outcome.conflicts
        result.quarantined = outcome.quarantined
        result.anchor = outcome.anchor
        result.handovers = outcome.handovers
    return result


def apply_opened(db: HqDatabase, opened: OpenedBundle) -> ImportResult:
    """Apply an opened bundle to PostgreSQL in one transaction (see the module contract);
    thread-safe: several importers may run at once, each with its own bundles."""
    with gc_paused():
        outcome = db.run(lambda conn: apply_on(conn, opened))
    result = result_of(opened, outcome)
    # As the SQLCipher HQ says after every import: the device's bundles still missing.
    result.gaps = gaps(db, opened.manifest.device)
    return result


def check_database_url(url: str, ca_pem: str | None = None) -> None:
    """Refuse a URL (with this CA certificate, PEM text, or none) this HQ must not use
    (:func:`tipdesk.services.sync.hq_pg_tls.check`), before anything is created."""
    hq_pg_tls.check(url, ca_pem)


def configure(session: Session, url: str, ca: Path | None = None) -> Linked:
    """Make ``url`` this HQ install's database: check it with the CA certificate file ``ca``
    (:mod:`tipdesk.services.sync.hq_pg_tls`), link it (:func:`link`) and remember both in the
    install's settings (audited; the URL holds no password, the CA is kept by content).
    Bundles imported and reports built from then on use it (:func:`database_of`)."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "hq database")
    ca_pem = hq_pg_tls.read_ca(ca)
    hq_pg_tls.check(url, ca_pem)
    with HqDatabase(hq_pg_tls.url_with_ca(session, url, ca_pem), max_size=1) as db:
        linked = link(session, db)
    session.store.set_settings(
        {DATABASE_SETTING: url, hq_pg_tls.CA_SETTING: ca_pem or ""}, session.actor()
    )
    return linked


def database_of(session: Session) -> HqDatabase | None:
    """The HQ install's PostgreSQL database (a new pool; the caller closes it), or ``None``
    when the install keeps its records in its own store."""
    url = session.store.setting(DATABASE_SETTING)
    if not url or session.install.role is not InstallRole.HQ:
        return None
    return HqDatabase(hq_pg_tls.connection_url(session, url))


def gaps(db: HqDatabase, device_id: str) -> list[int]:
    """Bundle numbers missing from what PostgreSQL holds of ``device_id``."""
    with db.connection() as conn:
        rows = conn.execute(
            "SELECT seq, from_change, to_change FROM sync_bundles WHERE device_id = %s "
            "ORDER BY seq",
            (device_id,),
        ).fetchall()
        conn.rollback()
    return status.progress((int(str(a)), int(str(b)), int(str(c))) for a, b, c in rows).gaps


def import_bundle_bytes(
    session: Session,
    db: HqDatabase,
    data: bytes,
    *,
    source: str = "",
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Verify, decrypt, validate and apply one bundle into PostgreSQL (module contract)."""
    return apply_opened(db, open_bundle(session, data, source=source, limits=limits))


def build_report(
    session: Session, db: HqDatabase, params: ReportParams, progress: Progress | None = None
) -> Report:
    """The national report for ``params`` from the PostgreSQL HQ database."""
    session.require(Permission.REPORTS)
    from tipdesk.services.sync.hq_pg_dash import figures_of  # devices: the install's registry

    return build_report_from(
        figures_of(session, db),
        session.reference,
        params,
        generated_at=session.now(),
        progress=progress,
    )
