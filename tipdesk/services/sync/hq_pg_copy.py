"""Moving an HQ from its SQLCipher store to PostgreSQL: ``tipdesk hq migrate-to-postgres URL``.

Contract (:func:`migrate_to_postgres`):
- Copies every row the PostgreSQL HQ keeps (:data:`tipdesk.hqstore.copy.TABLES`) from the HQ
  install's store into an **empty** PostgreSQL database, in one transaction, as the rows are:
  victims' identities stay sealed tokens (their data keys go with them), the audit chain keeps
  its entries and hashes, bundles, quarantine, conflicts and anchors their numbers.
- Proves the copy before committing it: the audit chain verifies on PostgreSQL with as many
  entries as the store holds, every table holds as many rows as the store's, and the national
  report (all dates up to today, with coverage) is byte-identical from either. Any difference
  rolls the copy back and says what differed; the store is never changed by a failed copy.
- Case files are copied and proven too (:mod:`tipdesk.services.sync.hq_pg_copy_files`: keys
  wrapped, no content decrypted; each case's and accused's file read back whole).
- Then the install uses the database (as :func:`tipdesk.services.sync.hq_pg.configure`).
  The store keeps its rows: it is not emptied (it stays the backup of the day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.copy import TABLES, CopyTarget
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.keys import install_index_key
from tipdesk.reports import writers
from tipdesk.reports.build import build_report, build_report_from
from tipdesk.reports.model import ReportParams
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_copy_files, hq_pg_tls
from tipdesk.services.sync.common import require_hq
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.store import report_queries as rq
from tipdesk.store.identity import INDEX_KEY, PUBLIC_KEY
from tipdesk.store.rows import select_columns
from tipdesk.store.sync_rows import CONFLICT_COLUMNS, QUARANTINE_COLUMNS

PAGE = 5000

_KINDS = {
    "cases": "case", "accused": "accused", "victims": "victim", "referrals": "referral",
    "trainings": "training", "campaigns": "campaign",
}  # fmt: skip

# Target table -> (SELECT in the store giving TABLES' columns in order, positions of the key
# the rows are paged by, the key's column names in the store).
_SOURCES: dict[str, tuple[str, tuple[int, ...], tuple[str, ...]]] = {
    **{
        table: (f"SELECT rowid, {select_columns(kind)} FROM {table}", (0,), ("rowid",))  # noqa: S608
        for table, kind in _KINDS.items()
    },
    "identity_keys": ("SELECT id, sealed FROM identity_keys", (0,), ("id",)),
    "victim_keys": (
        "SELECT victim_id, cnic_key, name_key, father_key FROM victim_keys", (0,), ("victim_id",)
    ),
    "victim_terms": ("SELECT term, victim_id FROM victim_terms", (0, 1), ("term", "victim_id")),
    "changes": (
        "SELECT seq, kind, record_id, version, at, owner, device FROM changes", (0,), ("seq",)
    ),
    "audit": (
        "SELECT seq, at, user, device, action, kind, record_id, detail, prev_hash, hash "
        "FROM audit", (0,), ("seq",),
    ),
    "sync_devices": (
        "SELECT device_id, district, office, registered_at, revoked_at, back_confirmed "
        "FROM sync_devices", (0,), ("device_id",),
    ),
    "sync_bundles": (
        "SELECT device_id, seq, sha256, from_change, to_change, created_at, imported_at, "
        "result, receipt_serial FROM sync_bundles", (0, 1), ("device_id", "seq"),
    ),
    "sync_versions": (
        "SELECT kind, record_id, version, vv FROM sync_versions", (0, 1), ("kind", "record_id")
    ),
    "sync_conflicts": (f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts", (0,), ("id",)),  # noqa: S608
    "sync_quarantine": (
        f"SELECT {QUARANTINE_COLUMNS}, "  # noqa: S608
        "CASE WHEN kind IN ('accused', 'victim') THEN json_extract(record, '$.case_id') END, "
        "CASE WHEN kind = 'referral' THEN json_extract(record, '$.victim_id') END "
        "FROM sync_quarantine", (0,), ("id",),
    ),
    "sync_anchors": (
        "SELECT device_id, bundle_seq, entry, hash, proof_entry, proof_hash, received_at, "
        "problem, detail FROM sync_anchors", (0, 1), ("device_id", "bundle_seq"),
    ),
    "handovers": (
        "SELECT id, case_id, from_district, to_district, reason, asked_by, asked_at, state, "
        "moved_at, sealed, sent_seq FROM handovers", (0,), ("id",),
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Migrated:
    """What was copied (rows per table) and what proved it."""

    rows: dict[str, int]
    audit_entries: int
    report_bytes: int


def _pages(session: Session, table: str) -> Iterator[list[tuple[Any, ...]]]:
    sql, key_at, key_cols = _SOURCES[table]
    order = ", ".join(key_cols)
    last: tuple[Any, ...] | None = None
    while True:
        if last is None:
            rows = session.store.query(f"{sql} ORDER BY {order} LIMIT ?", (PAGE,))
        else:
            marks = ", ".join("?" for _ in last)
            rows = session.store.query(
                f"{sql} WHERE ({order}) > ({marks}) ORDER BY {order} LIMIT ?", (*last, PAGE)
            )
        if rows:
            yield rows
        if len(rows) < PAGE:
            return
        last = tuple(rows[-1][i] for i in key_at)


def migrate_to_postgres(session: Session, url: str, ca: Path | None = None) -> Migrated:
    """Copy, prove and switch to ``url`` (see the module contract); ``ca``: the CA
    certificate file of a server reached over the network (as for ``hq database``)."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "hq migrate-to-postgres")
    ca_pem = hq_pg_tls.read_ca(ca)
    hq_pg_tls.check(url, ca_pem)
    if session.store.setting(DATABASE_SETTING):
        raise KnownError(
            say("This HQ already keeps its records in PostgreSQL; nothing was changed.")
        )
    keys = dict(
        session.store.query(
            "SELECT key, value FROM settings WHERE key IN (?, ?)", (PUBLIC_KEY, INDEX_KEY)
        )
    )
    target = CopyTarget(hq_pg_tls.url_with_ca(session, url, ca_pem))
    try:
        for table in TABLES:
            for rows in _pages(session, table):
                target.write(table, rows)
        index_key = install_index_key(keys[INDEX_KEY])
        copied_files = hq_pg_copy_files.copy_files(session, target.conn, index_key)
        target.link_identity(str(keys[PUBLIC_KEY]), index_key)
        target.finish()
        proof = _prove(session, target)
        hq_pg_copy_files.prove_files(session, target.conn, index_key)
        proof.rows["attachments"] = copied_files
        target.commit()
    except BaseException:
        target.rollback()
        raise
    target.close()
    session.store.set_settings(
        {DATABASE_SETTING: url, hq_pg_tls.CA_SETTING: ca_pem or ""}, session.actor()
    )
    return proof


def _prove(session: Session, target: CopyTarget) -> Migrated:
    expected = {
        table: int(session.store.query(f"SELECT count(*) FROM {table}")[0][0])  # noqa: S608
        for table in TABLES
    }
    copied = {table: target.counts.get(table, 0) for table in TABLES}
    if copied != expected:
        wrong = sorted(t for t in TABLES if copied[t] != expected[t])
        raise KnownError(
            say("The copy differs in {tables}; it was rolled back.", tables=", ".join(wrong))
        )
    ok, entries = verify_audit(target.conn)
    if not ok or entries != expected["audit"]:
        raise KnownError(
            say(
                "The audit chain does not verify in the copy (or the store's own chain has a "
                "recorded break); it was rolled back. Check it with `tipdesk audit verify`."
            )
        )
    today = dt.date.fromisoformat(session.now()[:10])
    params = ReportParams(dt.date(1900, 1, 1), today)
    at = session.now()
    here = build_report(
        session.store,
        session.reference,
        params,
        generated_at=at,
        bundle_dates=rq.last_bundle_by_district,
        devices=rq.devices_by_district,
        quarantine=rq.quarantine_by_district,
    )
    there = build_report_from(
        PgFigures(conn=target.conn), session.reference, params, generated_at=at
    )
    mine, theirs = writers.to_json(here), writers.to_json(there)
    if mine != theirs:
        raise KnownError(
            say(
                "The national report from the copy differs from the store's; it was rolled back "
                "and the HQ keeps its records in its own store. Please report this."
            )
        )
    return Migrated(copied, entries, len(mine))
