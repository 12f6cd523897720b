"""HQ on PostgreSQL: linking the HQ install to its server database, importing bundles into it,
and the national report from it (issue 20, first slice).

Contract:
- The HQ install (its SQCipher store) still holds users, the key file, HQ's own signing and age
  keys, the device registry and offices. :func:`link` prepares a PostgreSQL database for it:
  applies the schema (:mod:`tipdesk.hqstore.migrations`), copies the install's identity public
  key and index key (so identities are sealed to the same officers), and mirrors the device
  registry.
- :func:`import_bundle_bytes` verifies and decrypts a bundle exactly as
  :func:`tipdesk.services.sync.hq.import_bundle_bytes` does, then applies it through the same
  importer (:func:`tipdesk.services.sync.importer.apply_in_batch`) into PostgreSQL, in one
  transaction holding the device's and the records' locks (:mod:`tipdesk.hqstore.batch`); a
  deadlock or serialisation failure runs it again, a bounded number of times.
- :func:`build_report` builds the national report from PostgreSQL with the same assembler as
  the SQLCipher HQ (:func:`tipdesk.reports.build.build_report_from`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tipdesk.core.errors import KnownError
from tipdesk.core.permissions import Permission
from tipdesk.hqstore import batch as pg_batch
from tipdesk.hqstore import migrations
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.reports.build import build_report_from
from tipdesk.reports.model import Report, ReportParams
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync import importer
from tipdesk.services.sync.common import own_identity, require_hq, sync_store
from tipdesk.services.sync.hq import ImportResult, _verified
from tipdesk.services.sync.import_state import Outcome
from tipdesk.store.identity import INDEX_KEY, PUBLIC_KEY
from tipdesk.sync import budget, bundle, container, payload
from tipdesk.sync.container import DEFAULT_LIMITS, Limits
from tipdesk.sync.gcpause import gc_paused


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
    devices = _devices(session)
    with db.connection() as conn:
        found = migrations.migrate(conn)
        with conn.transaction():
            try:
                pg_batch.link_identity(conn, str(keys[PUBLIC_KEY]), str(keys[INDEX_KEY]))
            except ValueError:
                raise KnownError(
                    "This PostgreSQL database belongs to another HQ (its identity keys differ); "
                    "nothing was changed. Use an empty database for this HQ."
                ) from None
            pg_batch.mirror_devices(conn, devices)
    return Linked(found, migrations.LATEST, len(devices))


def import_bundle_bytes(
    session: Session,
    db: HqDatabase,
    data: bytes,
    *,
    source: str = "",
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Verify, decrypt, validate and apply one bundle into PostgreSQL (module contract)."""
    session.require(Permission.SYNC)
    require_hq(session, "hq import")
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
    me = own_identity(session)
    plain = container.open_payload(env, me.age_identity, me.public.recipient, limits)
    budget.check_items(plain, budget.records_in(manifest.counts))
    devices = _devices(session)
    private = session.store.vault.private_key()
    actor = session.actor()
    ctx = session.validation_context()
    here = session.install.device_id
    with gc_paused():
        contents = payload.decode(plain, env.format)
        del plain
        bundle.check_payload(manifest, contents)
        ids = [r.record_id for rows in contents.rows.values() for r in rows]

        def work(conn: Conn) -> Outcome:
            pg_batch.mirror_devices(conn, devices)
            with pg_batch.import_batch(conn, actor, manifest.device, ids, private) as b:
                return importer.apply_in_batch(
                    b,
                    b,
                    manifest=manifest,
                    sha256=sha256,
                    payload=contents,
                    ctx=ctx,
                    here=here,
                    device_district=device.district,
                )

        outcome = db.run(work)
    result.status = outcome.status
    if outcome.status == "imported":
        result.accepted = outcome.accepted
        result.duplicates = outcome.duplicates
        result.superseded = outcome.superseded
        result.up_to_date = outcome.duplicates + outcome.superseded
        result.conflicts = outcome.conflicts
        result.quarantined = outcome.quarantined
        result.anchor = outcome.anchor
    return result


def build_report(session: Session, db: HqDatabase, params: ReportParams) -> Report:
    """The national report for ``params`` from the PostgreSQL HQ database."""
    session.require(Permission.REPORTS)
    return build_report_from(
        PgFigures(db),
        session.reference,
        params,
        generated_at=session.now(),
    )
