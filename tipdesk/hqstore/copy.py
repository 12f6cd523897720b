"""Copying an HQ's SQLCipher store into an empty PostgreSQL HQ database (``tipdesk hq
migrate-to-postgres``).

Contract: :class:`CopyTarget` (a URL checked as :func:`~tipdesk.hqstore.pool.check_url` does)
applies the schema, then writes, in **one transaction** on its own connection, the rows the
caller reads from the SQLCipher store (:data:`TABLES`: the same columns in the same order; the
caller pages through them), exactly as they are: victims' identities stay the tokens they are
(their data keys are copied with their ids), version vectors, bundles, quarantine, conflicts,
anchors, the change log and the whole audit chain keep their values and numbers. It refuses a
database that already holds records or audit entries. :meth:`CopyTarget.commit` commits after
the caller proved the copy through :attr:`CopyTarget.conn` (its own uncommitted state);
:meth:`CopyTarget.rollback` leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.hqstore import migrations
from tipdesk.hqstore.dialect import identifier
from tipdesk.hqstore.errors import translated
from tipdesk.hqstore.pool import Conn, check_url
from tipdesk.store.rows import MAPPINGS
from tipdesk.store.rows import TABLES as RECORD_TABLES

_RECORD_KINDS = ("case", "accused", "victim", "referral", "training", "campaign")

TABLES: dict[str, tuple[str, ...]] = {
    **{RECORD_TABLES[k]: ("rowid", *MAPPINGS[k].columns) for k in _RECORD_KINDS},
    "identity_keys": ("id", "sealed"),
    "victim_keys": ("victim_id", "cnic_key", "name_key", "father_key"),
    "victim_terms": ("term", "victim_id"),
    "changes": ("seq", "kind", "record_id", "version", "at", "owner", "device"),
    "audit": (
        "seq", "at", "user_name", "device", "action", "kind", "record_id", "detail",
        "prev_hash", "hash",
    ),
    "sync_devices": (
        "device_id", "district", "office", "registered_at", "revoked_at", "back_confirmed",
    ),
    "sync_bundles": (
        "device_id", "seq", "sha256", "from_change", "to_change", "created_at", "imported_at",
        "result", "receipt_serial",
    ),
    "sync_versions": ("kind", "record_id", "version", "vv"),
    "sync_conflicts": (
        "id", "kind", "record_id", "status", "version", "vv", "record", "device_id",
        "bundle_seq", "detected_at", "closed_at", "closed_by", "outcome",
    ),
    "sync_quarantine": (
        "id", "device_id", "bundle_seq", "kind", "record_id", "version", "vv", "record",
        "problems", "received_at", "status", "case_id", "victim_id",
    ),
    "sync_anchors": (
        "device_id", "bundle_seq", "entry", "hash", "proof_entry",
        "proof_hash", "received_at", "problem", "detail",
    ),
    "handovers": (
        "id", "case_id", "from_district", "to_district", "reason", "asked_by", "asked_at",
        "state", "moved_at", "sealed", "sent_seq",
    ),
}  # fmt: skip
"""Target table -> its columns, in the order the caller gives each row's values; parents
before children (the record tables' keys are checked at commit anyway)."""

_SEQUENCES = {  # identity columns whose next value must follow the copied ones
    **{RECORD_TABLES[k]: "rowid" for k in _RECORD_KINDS},
    "identity_keys": "id",
    "changes": "seq",
}


class CopyTarget:
    """One copy into an empty HQ database (see the module contract)."""

    def __init__(self, url: str) -> None:
        check_url(url)
        with translated():
            conn = psycopg.connect(url, autocommit=True, application_name="tipdesk-hq-copy")
        self.conn: Conn = conn
        try:
            migrations.migrate(conn)
            conn.execute("BEGIN")
            for table in ("cases", "victims", "trainings", "campaigns", "audit", "sync_bundles"):
                sql = f"SELECT 1 FROM {identifier(table)} LIMIT 1"  # noqa: S608
                if conn.execute(sql.encode()).fetchone() is not None:
                    raise KnownError(
                        say(
                            "The PostgreSQL database already holds an HQ's records: copy into an "
                            "empty database only. Nothing was changed."
                        )
                    )
        except BaseException:
            conn.close()  # an open transaction is rolled back with it
            raise
        self.counts: dict[str, int] = {}

    def write(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Append ``rows`` (values in :data:`TABLES`' column order) to ``table``."""
        if not rows:
            return
        columns = TABLES[table]
        # COPY writes identity columns as given (GENERATED ALWAYS included): the numbers
        # the SQLCipher store gave are kept.
        sql = f"COPY {identifier(table)} ({', '.join(columns)}) FROM STDIN"
        with self.conn.cursor() as cur, cur.copy(sql.encode()) as copy:
            for row in rows:
                copy.write_row(tuple(int(v) if type(v) is bool else v for v in row))
        self.counts[table] = self.counts.get(table, 0) + len(rows)

    def link_identity(self, public_key: str, index_key: bytes) -> None:
        """The HQ install's identity public key and index key's fingerprint (never the key:
        :func:`tipdesk.hqstore.keys.link`)."""
        from tipdesk.hqstore import keys

        keys.link(self.conn, public_key, index_key)

    def finish(self) -> None:
        """Move each identity column's sequence past the copied values, and index the
        copied records for search (:func:`tipdesk.hqstore.search.rebuild`)."""
        from tipdesk.hqstore.search import rebuild

        rebuild(self.conn)
        for table, column in _SEQUENCES.items():
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608
                f"coalesce((SELECT max({identifier(column)}) FROM {identifier(table)}), 0) + 1, "
                "false)",
                (table, column),
            )

    def commit(self) -> None:
        with translated():
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        """Undo the copy (nothing of it stays) and close the connection."""
        with translated():
            if not self.conn.closed:
                self.conn.execute("ROLLBACK")
                self.conn.close()

    def close(self) -> None:
        self.conn.close()
