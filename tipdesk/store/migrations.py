"""Schema migrations, one function per step, keyed by ``PRAGMA user_version``.

Contract:
- ``STEPS[n]`` takes a database at version ``n`` to ``n + 1``. A released step is never edited:
  a change to the schema is a new step. Tests upgrade the golden store of every released schema
  (``tests/data/``) to the newest one.
- :func:`migrate` runs every pending step in one transaction each and refuses a store written by
  a newer TIPDesk (``StoreTooNew``) without touching it.
- Step DDL is literal SQL on purpose: it must not change when the record classes do.
"""

from __future__ import annotations

from collections.abc import Callable

from tipdesk.core.errors import StoreTooNew
from tipdesk.store.driver import Connection, run_script, transaction

_META = """
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    updated_device TEXT NOT NULL,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""


def _step_0_to_1(conn: Connection) -> None:
    """The first released schema."""
    run_script(
        conn,
        f"""
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        CREATE TABLE offices (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            district TEXT NOT NULL,
            kind TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL
        );
        CREATE TABLE cases ({_META},
            case_number TEXT NOT NULL,
            kind TEXT NOT NULL,
            registered_on TEXT,
            district TEXT NOT NULL,
            office TEXT NOT NULL,
            law TEXT NOT NULL,
            sections TEXT NOT NULL,
            exploitation_forms TEXT NOT NULL,
            means TEXT NOT NULL,
            transnational INTEGER NOT NULL,
            route_countries TEXT NOT NULL,
            stage TEXT NOT NULL,
            closed_reason TEXT NOT NULL,
            official_involvement INTEGER NOT NULL,
            official_action TEXT NOT NULL,
            investigating_officer TEXT NOT NULL,
            narrative TEXT NOT NULL,
            dual_role_reviewed_by TEXT NOT NULL
        );
        CREATE INDEX cases_registered ON cases(registered_on, id);
        CREATE INDEX cases_stage ON cases(stage, registered_on);
        CREATE INDEX cases_district ON cases(district, registered_on);
        CREATE INDEX cases_number ON cases(case_number);
        CREATE TABLE accused ({_META},
            case_id TEXT NOT NULL REFERENCES cases(id),
            name TEXT NOT NULL,
            father_name TEXT NOT NULL,
            cnic TEXT NOT NULL,
            gender TEXT NOT NULL,
            age INTEGER,
            nationality TEXT NOT NULL,
            role TEXT NOT NULL,
            arrest_status TEXT NOT NULL,
            section TEXT NOT NULL,
            proceeded_on TEXT,
            outcome TEXT NOT NULL,
            judgment_on TEXT,
            court TEXT NOT NULL,
            imprisonment_months INTEGER,
            fine_pkr INTEGER,
            appeal TEXT NOT NULL
        );
        CREATE INDEX accused_case ON accused(case_id);
        CREATE INDEX accused_cnic ON accused(cnic);
        CREATE INDEX accused_proceeded ON accused(proceeded_on);
        CREATE INDEX accused_judgment ON accused(judgment_on);
        CREATE TABLE victims ({_META},
            case_id TEXT REFERENCES cases(id),
            victim_code TEXT NOT NULL,
            district TEXT NOT NULL,
            name TEXT NOT NULL,
            father_name TEXT NOT NULL,
            cnic TEXT NOT NULL,
            phone TEXT NOT NULL,
            address TEXT NOT NULL,
            gender TEXT NOT NULL,
            age INTEGER,
            date_of_birth TEXT,
            nationality TEXT NOT NULL,
            exploitation_forms TEXT NOT NULL,
            identified_on TEXT,
            identified_by TEXT NOT NULL,
            indicators TEXT NOT NULL,
            consent_to_share INTEGER NOT NULL,
            protection_measures TEXT NOT NULL,
            notes TEXT NOT NULL
        );
        CREATE INDEX victims_case ON victims(case_id);
        CREATE INDEX victims_code ON victims(victim_code);
        CREATE INDEX victims_identified ON victims(identified_on, id);
        CREATE TABLE referrals ({_META},
            victim_id TEXT NOT NULL REFERENCES victims(id),
            service TEXT NOT NULL,
            provider TEXT NOT NULL,
            referred_on TEXT,
            outcome TEXT NOT NULL,
            outcome_on TEXT,
            notes TEXT NOT NULL
        );
        CREATE INDEX referrals_victim ON referrals(victim_id);
        CREATE TABLE trainings ({_META},
            title TEXT NOT NULL,
            topics TEXT NOT NULL,
            organiser TEXT NOT NULL,
            partners TEXT NOT NULL,
            start_on TEXT,
            end_on TEXT,
            district TEXT NOT NULL,
            venue TEXT NOT NULL,
            participants_total INTEGER NOT NULL,
            participants_female INTEGER NOT NULL,
            participants_male INTEGER NOT NULL,
            participants_transgender INTEGER NOT NULL,
            participants_by_agency TEXT NOT NULL,
            roster TEXT NOT NULL
        );
        CREATE INDEX trainings_start ON trainings(start_on, id);
        CREATE INDEX trainings_end ON trainings(end_on);
        CREATE TABLE campaigns ({_META},
            title TEXT NOT NULL,
            department TEXT NOT NULL,
            kind TEXT NOT NULL,
            start_on TEXT,
            end_on TEXT,
            district TEXT NOT NULL,
            venue TEXT NOT NULL,
            people_reached INTEGER NOT NULL,
            partners TEXT NOT NULL,
            national_campaign TEXT NOT NULL,
            notes TEXT NOT NULL
        );
        CREATE INDEX campaigns_start ON campaigns(start_on, id);
        -- What sync will ship: one row per record change, in commit order.
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            at TEXT NOT NULL
        );
        -- Append-only, hash-chained audit log (see tipdesk/store/audit.py).
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            device TEXT NOT NULL,
            action TEXT NOT NULL,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_at ON audit(at);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        -- Full-text search; rowid = the rowid of the record in its own table. Contentless:
        -- the text lives only in the record tables, so the index stores no second copy.
        CREATE VIRTUAL TABLE cases_fts USING fts5(
            text, content = '', contentless_delete = 1, detail = none,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE victims_fts USING fts5(
            code, identity, content = '', contentless_delete = 1, detail = column,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE trainings_fts USING fts5(
            text, content = '', contentless_delete = 1, detail = none,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE campaigns_fts USING fts5(
            text, content = '', contentless_delete = 1, detail = none,
            tokenize = 'unicode61 remove_diacritics 2');
        """,
    )


def _step_1_to_2(conn: Connection) -> None:
    """Sync (issue 3): the install's keys, the district's HQ and outbox, HQ's registered
    devices, imported bundles, version vectors, conflicts and quarantine. Record tables are
    unchanged: a row without a ``sync_versions`` entry has the version vector
    ``{updated_device: version}`` (see :mod:`tipdesk.sync.merge`)."""
    run_script(
        conn,
        """
        -- This install's secret keys (Ed25519 signing key, age X25519 identity). Never shown.
        CREATE TABLE sync_keys (
            name TEXT PRIMARY KEY,
            secret TEXT NOT NULL,
            public TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        -- District: the HQ this install sends bundles to (at most one row).
        CREATE TABLE sync_hq (
            device_id TEXT PRIMARY KEY,
            signing_key TEXT NOT NULL,
            recipient TEXT NOT NULL,
            backup_recipients TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            enrolled_by TEXT NOT NULL
        ) WITHOUT ROWID;
        -- District: bundles written, kept (sealed) until HQ acknowledges them.
        CREATE TABLE sync_outbox (
            seq INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            from_change INTEGER NOT NULL,
            to_change INTEGER NOT NULL,
            counts TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            data BLOB,
            acked_at TEXT
        );
        -- District: receipts imported from HQ.
        -- Ordered by HQ's issue time: an HQ restored from a backup numbers receipts again.
        CREATE TABLE sync_receipts (
            id INTEGER PRIMARY KEY,
            serial INTEGER NOT NULL,
            hq_device TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            highest_seq INTEGER NOT NULL,
            acked_change INTEGER NOT NULL,
            summary TEXT NOT NULL
        );
        -- HQ: district devices allowed to send bundles.
        CREATE TABLE sync_devices (
            device_id TEXT PRIMARY KEY,
            district TEXT NOT NULL,
            office TEXT NOT NULL,
            signing_key TEXT NOT NULL,
            recipient TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL,
            revoked_at TEXT,
            revoked_by TEXT,
            receipt_serial INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        -- HQ: bundles imported (one row per device and sequence number).
        CREATE TABLE sync_bundles (
            device_id TEXT NOT NULL REFERENCES sync_devices(device_id),
            seq INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            from_change INTEGER NOT NULL,
            to_change INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            result TEXT NOT NULL,
            receipt_serial INTEGER,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID;
        -- Version vectors of rows written by sync (and of their later local edits' base).
        CREATE TABLE sync_versions (
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            vv TEXT NOT NULL,
            PRIMARY KEY (kind, record_id)
        ) WITHOUT ROWID;
        -- HQ: versions held back by a conflict, kept in full for a reviewer.
        CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            status TEXT NOT NULL,
            version INTEGER NOT NULL,
            vv TEXT NOT NULL,
            record TEXT NOT NULL,
            device_id TEXT NOT NULL,
            bundle_seq INTEGER NOT NULL,
            detected_at TEXT NOT NULL,
            closed_at TEXT,
            closed_by TEXT,
            outcome TEXT
        );
        CREATE INDEX sync_conflicts_record ON sync_conflicts(kind, record_id, status);
        -- HQ: incoming versions that failed validation, kept in full with the reasons.
        CREATE TABLE sync_quarantine (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            bundle_seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            vv TEXT NOT NULL,
            record TEXT NOT NULL,
            problems TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL
        );
        CREATE INDEX sync_quarantine_record ON sync_quarantine(kind, record_id, status);
        """,
    )


STEPS: list[Callable[[Connection], None]] = [_step_0_to_1, _step_1_to_2]
LATEST = len(STEPS)


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> list[int]:
    """Bring the schema to :data:`LATEST`; return the versions reached (empty if current)."""
    version = current_version(conn)
    if version > LATEST:
        raise StoreTooNew(
            f"This store was written by a newer TIPDesk (schema {version}; this version reads up "
            f"to {LATEST}). Install the newer TIPDesk to open it; nothing was changed."
        )
    reached: list[int] = []
    while version < LATEST:
        with transaction(conn):
            STEPS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        version += 1
        reached.append(version)
    return reached
