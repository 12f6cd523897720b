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
from tipdesk.core.messages import say
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


# --- step 3: report summaries ----------------------------------------------------------------
# Literal SQL templates (see the module contract); ``{p}`` is ``NEW`` or ``OLD`` in a trigger.
# The age group at identification, exactly as ``tipdesk.store.queries.AGE_GROUP`` of this
# release computes it from a victim row (``tests/unit/store/test_report_summaries.py`` checks
# the two agree).
_AGE_3 = (
    "coalesce({p}.age, CASE WHEN {p}.date_of_birth IS NOT NULL AND {p}.identified_on IS NOT NULL "
    "THEN (CAST(strftime('%Y', {p}.identified_on) AS INTEGER) - CAST(strftime('%Y', "
    "{p}.date_of_birth) AS INTEGER)) - (strftime('%m-%d', {p}.identified_on) < "
    "strftime('%m-%d', {p}.date_of_birth)) END)"
)
_AGE_GROUP_3 = (
    f"CASE WHEN {_AGE_3} IS NULL THEN 'unknown' WHEN {_AGE_3} < 18 THEN 'child' ELSE 'adult' END"
)

# One row's contribution to a summary, added (sign 1) or taken away (sign -1). Every statement
# adds nothing when its WHERE is false, so a trigger simply runs both halves of a change.
_CASE_ROW_3 = """
    INSERT INTO report_cases(month, district, stage, cases, official, action)
    SELECT substr({p}.registered_on, 1, 7), {p}.district, {p}.stage, {s},
        {s} * {p}.official_involvement,
        {s} * ({p}.official_involvement = 1 AND trim({p}.official_action) != '')
    WHERE {p}.deleted = 0 AND {p}.registered_on IS NOT NULL
    ON CONFLICT(month, district, stage) DO UPDATE SET cases = cases + excluded.cases,
        official = official + excluded.official, action = action + excluded.action;
"""
# An accused counts under its case's district: no case row, no contribution (the report's
# figures join the case), so the contribution is added by whichever of the two rows comes last.
_PROCEEDED_ROW_3 = """
    INSERT INTO report_proceeded(month, district, gender, n)
    SELECT substr({p}.proceeded_on, 1, 7), c.district, {p}.gender, {s}
    FROM cases AS c WHERE c.id = {p}.case_id AND {p}.deleted = 0 AND {p}.proceeded_on IS NOT NULL
    ON CONFLICT(month, district, gender) DO UPDATE SET n = n + excluded.n;
"""
_JUDGMENT_ROW_3 = """
    INSERT INTO report_judgments(month, district, gender, outcome, n)
    SELECT substr({p}.judgment_on, 1, 7), c.district, {p}.gender, {p}.outcome, {s}
    FROM cases AS c WHERE c.id = {p}.case_id AND {p}.deleted = 0
        AND {p}.outcome != 'pending' AND {p}.judgment_on IS NOT NULL
    ON CONFLICT(month, district, gender, outcome) DO UPDATE SET n = n + excluded.n;
"""
_ACCUSED_ROW_3 = _PROCEEDED_ROW_3 + _JUDGMENT_ROW_3
# All accused of case row {p}, counted under district {d} (a case inserted after its accused,
# a case moved to another district, a case row removed).
_CASE_ACCUSED_3 = """
    INSERT INTO report_proceeded(month, district, gender, n)
    SELECT substr(a.proceeded_on, 1, 7), {d}, a.gender, {s} * count(*)
    FROM accused AS a WHERE a.case_id = {p}.id AND a.deleted = 0 AND a.proceeded_on IS NOT NULL
        AND {cond}
    GROUP BY 1, 3
    ON CONFLICT(month, district, gender) DO UPDATE SET n = n + excluded.n;
    INSERT INTO report_judgments(month, district, gender, outcome, n)
    SELECT substr(a.judgment_on, 1, 7), {d}, a.gender, a.outcome, {s} * count(*)
    FROM accused AS a WHERE a.case_id = {p}.id AND a.deleted = 0 AND a.outcome != 'pending'
        AND a.judgment_on IS NOT NULL AND {cond}
    GROUP BY 1, 3, 4
    ON CONFLICT(month, district, gender, outcome) DO UPDATE SET n = n + excluded.n;
"""
_VICTIM_ROW_3 = """
    INSERT INTO report_victims(month, district, gender, age_group, nationality, n)
    SELECT substr({p}.identified_on, 1, 7), {p}.district, {p}.gender, {age_group},
        {p}.nationality, {s}
    WHERE {p}.deleted = 0 AND {p}.identified_on IS NOT NULL
    ON CONFLICT(month, district, gender, age_group, nationality) DO UPDATE SET n = n + excluded.n;
    INSERT INTO report_victim_forms(month, district, gender, age_group, no_form, form, n)
    SELECT substr({p}.identified_on, 1, 7), {p}.district, {p}.gender, {age_group},
        f.value IS NULL, coalesce(f.value, ''), {s} * count(*)
    FROM (SELECT 1) LEFT JOIN json_each({p}.exploitation_forms) AS f
    WHERE {p}.deleted = 0 AND {p}.identified_on IS NOT NULL
        AND json_valid({p}.exploitation_forms)
    GROUP BY 5, 6
    ON CONFLICT(month, district, gender, age_group, no_form, form)
        DO UPDATE SET n = n + excluded.n;
"""
# The summaries of the rows a store already holds when it reaches schema 3.
_BACKFILL_3 = """
    INSERT INTO report_cases(month, district, stage, cases, official, action)
    SELECT substr(registered_on, 1, 7), district, stage, count(*), sum(official_involvement),
        sum(official_involvement = 1 AND trim(official_action) != '')
    FROM cases WHERE deleted = 0 AND registered_on IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO report_proceeded(month, district, gender, n)
    SELECT substr(a.proceeded_on, 1, 7), c.district, a.gender, count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE a.deleted = 0 AND a.proceeded_on IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO report_judgments(month, district, gender, outcome, n)
    SELECT substr(a.judgment_on, 1, 7), c.district, a.gender, a.outcome, count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE a.deleted = 0 AND a.outcome != 'pending' AND a.judgment_on IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    INSERT INTO report_victims(month, district, gender, age_group, nationality, n)
    SELECT substr(v.identified_on, 1, 7), v.district, v.gender, {age_group}, v.nationality,
        count(*)
    FROM victims AS v WHERE v.deleted = 0 AND v.identified_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO report_victim_forms(month, district, gender, age_group, no_form, form, n)
    SELECT substr(v.identified_on, 1, 7), v.district, v.gender, {age_group},
        f.value IS NULL, coalesce(f.value, ''), count(*)
    FROM victims AS v LEFT JOIN json_each(v.exploitation_forms) AS f
    WHERE v.deleted = 0 AND v.identified_on IS NOT NULL AND json_valid(v.exploitation_forms)
    GROUP BY 1, 2, 3, 4, 5, 6;
"""


def _row_3(template: str, p: str, s: int, **extra: str) -> str:
    """``template`` for the row ``p`` (``NEW`` or ``OLD``) added (``s`` = 1) or removed (-1)."""
    return template.format(p=p, s=s, age_group=_AGE_GROUP_3.format(p=p), **extra)


def _step_2_to_3(conn: Connection) -> None:
    """The national report at HQ scale (1,000,000 cases): per-month summaries kept by triggers,
    and covering indexes. Record tables and record rows are unchanged.

    - ``report_cases``, ``report_proceeded``, ``report_judgments``, ``report_victims`` and
      ``report_victim_forms`` hold, per calendar month of each figure's own date, district and
      the columns the report groups by, the count of the records that are not deleted (sums
      for the official-involvement columns). Triggers on ``cases``, ``accused`` and ``victims``
      keep them equal to those counts on every insert, update and delete, whatever the order
      of the rows in a transaction (an accused counts under its case's current district once
      both rows exist). Rows whose counts fall to zero stay (readers skip them).
    - Covering indexes for the figures read from their own rows (referrals, campaigns) and
      ``(district, updated_at)`` for coverage's latest change per district.
    - Existing rows are summarised once here (a few minutes for 5,000,000 accused)."""
    run_script(
        conn,
        """
        CREATE TABLE report_cases (
            month TEXT NOT NULL, district TEXT NOT NULL, stage TEXT NOT NULL,
            cases INTEGER NOT NULL, official INTEGER NOT NULL, action INTEGER NOT NULL,
            PRIMARY KEY (month, district, stage)
        ) WITHOUT ROWID;
        CREATE TABLE report_proceeded (
            month TEXT NOT NULL, district TEXT NOT NULL, gender TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (month, district, gender)
        ) WITHOUT ROWID;
        CREATE TABLE report_judgments (
            month TEXT NOT NULL, district TEXT NOT NULL, gender TEXT NOT NULL,
            outcome TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (month, district, gender, outcome)
        ) WITHOUT ROWID;
        CREATE TABLE report_victims (
            month TEXT NOT NULL, district TEXT NOT NULL, gender TEXT NOT NULL,
            age_group TEXT NOT NULL, nationality TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (month, district, gender, age_group, nationality)
        ) WITHOUT ROWID;
        -- form has no type: it keeps each JSON value's own type, as the report's json_each does;
        -- no_form = 1 stands for a victim without a form (the report's NULL form).
        CREATE TABLE report_victim_forms (
            month TEXT NOT NULL, district TEXT NOT NULL, gender TEXT NOT NULL,
            age_group TEXT NOT NULL, no_form INTEGER NOT NULL, form NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (month, district, gender, age_group, no_form, form)
        ) WITHOUT ROWID;
        CREATE INDEX referrals_report ON referrals(referred_on, service, outcome, victim_id)
            WHERE deleted = 0;
        CREATE INDEX campaigns_report
            ON campaigns(start_on, district, department, people_reached) WHERE deleted = 0;
        CREATE INDEX cases_updated ON cases(district, updated_at);
        CREATE INDEX victims_updated ON victims(district, updated_at);
        CREATE INDEX trainings_updated ON trainings(district, updated_at);
        CREATE INDEX campaigns_updated ON campaigns(district, updated_at);
        """,
    )
    # The summaries of the rows already stored, then the triggers that keep them current.
    run_script(conn, _BACKFILL_3.format(age_group=_AGE_GROUP_3.format(p="v")))
    case_changed = " OR ".join(
        f"OLD.{c} IS NOT NEW.{c}"
        for c in ("deleted", "registered_on", "district", "stage", "official_involvement",
                  "official_action")
    )  # fmt: skip
    accused_changed = " OR ".join(
        f"OLD.{c} IS NOT NEW.{c}"
        for c in ("deleted", "case_id", "gender", "proceeded_on", "outcome", "judgment_on")
    )
    victim_changed = " OR ".join(
        f"OLD.{c} IS NOT NEW.{c}"
        for c in ("deleted", "identified_on", "district", "gender", "age", "date_of_birth",
                  "nationality", "exploitation_forms")
    )  # fmt: skip
    accused_of = _CASE_ACCUSED_3
    moved = "OLD.district IS NOT NEW.district"
    run_script(
        conn,
        f"""
        CREATE TRIGGER report_cases_insert AFTER INSERT ON cases BEGIN
            {_row_3(_CASE_ROW_3, "NEW", 1)}
        END;
        CREATE TRIGGER report_cases_insert_accused AFTER INSERT ON cases
        WHEN EXISTS (SELECT 1 FROM accused WHERE case_id = NEW.id) BEGIN
            {_row_3(accused_of, "NEW", 1, d="NEW.district", cond="1")}
        END;
        CREATE TRIGGER report_cases_update AFTER UPDATE ON cases WHEN {case_changed} BEGIN
            {_row_3(_CASE_ROW_3, "OLD", -1)}
            {_row_3(_CASE_ROW_3, "NEW", 1)}
            {_row_3(accused_of, "OLD", -1, d="OLD.district", cond=moved)}
            {_row_3(accused_of, "NEW", 1, d="NEW.district", cond=moved)}
        END;
        CREATE TRIGGER report_cases_delete AFTER DELETE ON cases BEGIN
            {_row_3(_CASE_ROW_3, "OLD", -1)}
            {_row_3(accused_of, "OLD", -1, d="OLD.district", cond="1")}
        END;
        -- Split so that the usual new accused (no judgment yet) looks its case up once.
        CREATE TRIGGER report_accused_insert AFTER INSERT ON accused
        WHEN NEW.proceeded_on IS NOT NULL BEGIN
            {_row_3(_PROCEEDED_ROW_3, "NEW", 1)}
        END;
        CREATE TRIGGER report_accused_insert_judgment AFTER INSERT ON accused
        WHEN NEW.judgment_on IS NOT NULL AND NEW.outcome != 'pending' BEGIN
            {_row_3(_JUDGMENT_ROW_3, "NEW", 1)}
        END;
        CREATE TRIGGER report_accused_update AFTER UPDATE ON accused WHEN {accused_changed} BEGIN
            {_row_3(_ACCUSED_ROW_3, "OLD", -1)}
            {_row_3(_ACCUSED_ROW_3, "NEW", 1)}
        END;
        CREATE TRIGGER report_accused_delete AFTER DELETE ON accused BEGIN
            {_row_3(_ACCUSED_ROW_3, "OLD", -1)}
        END;
        CREATE TRIGGER report_victims_insert AFTER INSERT ON victims BEGIN
            {_row_3(_VICTIM_ROW_3, "NEW", 1)}
        END;
        CREATE TRIGGER report_victims_update AFTER UPDATE ON victims WHEN {victim_changed} BEGIN
            {_row_3(_VICTIM_ROW_3, "OLD", -1)}
            {_row_3(_VICTIM_ROW_3, "NEW", 1)}
        END;
        CREATE TRIGGER report_victims_delete AFTER DELETE ON victims BEGIN
            {_row_3(_VICTIM_ROW_3, "OLD", -1)}
        END;
        """,  # noqa: S608 (literal templates, no input)
    )


def _step_3_to_4(conn: Connection) -> None:
    """Ownership and records back (issue 14).

    - ``owner`` on cases, victims, trainings and campaigns: the district that owns the record
      (only its district install may change it; HQ may change any). A row already stored gets
      its own ``district``, or the install's district when that is blank. A victim in a case
      has a blank owner: it follows its case's.
    - ``changes.owner`` and ``changes.device``: the owner district of the row's unit and the
      device that made the version. HQ reads its change log per owner district from them
      (``changes_owner``) to send each district the versions it lacks. Rows written before
      this step have none and are never sent back.
    - ``sync_devices.back_confirmed`` (HQ): how far in HQ's change log the device confirmed
      applying the versions HQ sent back; ``sync_outbox.back_through`` (district): what each
      bundle confirmed; ``sync_notices`` (district): HQ's notices of the latest receipt."""
    install_district = "coalesce((SELECT value FROM settings WHERE key = 'district'), '')"
    run_script(
        conn,
        f"""
        ALTER TABLE cases ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        ALTER TABLE victims ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        ALTER TABLE trainings ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        ALTER TABLE campaigns ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        UPDATE cases SET owner = CASE WHEN district != '' THEN district
            ELSE {install_district} END;
        UPDATE victims SET owner = CASE WHEN district != '' THEN district
            ELSE {install_district} END WHERE case_id IS NULL;
        UPDATE trainings SET owner = CASE WHEN district != '' THEN district
            ELSE {install_district} END;
        UPDATE campaigns SET owner = CASE WHEN district != '' THEN district
            ELSE {install_district} END;
        ALTER TABLE changes ADD COLUMN owner TEXT;
        ALTER TABLE changes ADD COLUMN device TEXT;
        CREATE INDEX changes_owner ON changes(owner, seq) WHERE owner IS NOT NULL;
        ALTER TABLE sync_devices ADD COLUMN back_confirmed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sync_outbox ADD COLUMN back_through INTEGER NOT NULL DEFAULT 0;
        -- District: HQ's notices (the same accused in a case of another district), as the
        -- latest receipt listed them.
        CREATE TABLE sync_notices (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            case_id TEXT NOT NULL,
            case_number TEXT NOT NULL,
            other_district TEXT NOT NULL,
            other_case_number TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            receipt_serial INTEGER NOT NULL
        );
        """,  # noqa: S608 (literal SQL, no input)
    )


def _step_4_to_5(conn: Connection) -> None:
    """Victims' identities sealed under the identity key (:mod:`tipdesk.store.identity`).

    - ``identity_keys`` (data keys sealed to the identity key), ``victim_keys`` (keyed hashes
      for the overlap check) and ``victim_terms`` (keyed hashes of words, for searching by
      identity) are created; the identity key pair and the index key are made (the private
      half in escrow until a user who may reveal identities signs in).
    - Every victim's name, father's name, CNIC, phone and address is replaced by its sealed
      token, and its keys and terms written.
    - ``victims_fts`` is rebuilt with victim codes only (it held identity words).
    Old plaintext is zeroed where it is overwritten or freed (``secure_delete``); the store
    runs ``VACUUM`` after this step (:data:`VACUUM_AFTER`), so no free page keeps any.
    """
    from tipdesk.core.records import Victim
    from tipdesk.store import identity
    from tipdesk.store.rows import MAPPINGS, from_row, select_columns

    conn.execute("PRAGMA secure_delete = ON")
    run_script(
        conn,
        """
        CREATE TABLE identity_keys (
            id INTEGER PRIMARY KEY,
            sealed BLOB NOT NULL
        );
        CREATE TABLE victim_keys (
            victim_id TEXT PRIMARY KEY,
            cnic_key TEXT,
            name_key TEXT,
            father_key TEXT
        );
        CREATE INDEX victim_keys_cnic ON victim_keys(cnic_key) WHERE cnic_key IS NOT NULL;
        CREATE INDEX victim_keys_name ON victim_keys(name_key) WHERE name_key IS NOT NULL;
        CREATE TABLE victim_terms (
            term TEXT NOT NULL,
            victim_id TEXT NOT NULL,
            PRIMARY KEY (term, victim_id)
        ) WITHOUT ROWID;
        CREATE INDEX victim_terms_victim ON victim_terms(victim_id);
        DROP TABLE victims_fts;
        CREATE VIRTUAL TABLE victims_fts USING fts5(
            code, identity, content = '', contentless_delete = 1, detail = column,
            tokenize = 'unicode61 remove_diacritics 2');
        """,
    )
    identity.create_keys(conn)
    vault = identity.IdentityVault(conn)
    columns = MAPPINGS["victim"].columns
    fields = identity.FIELDS
    rows = conn.execute(f"SELECT rowid, {select_columns('victim')} FROM victims").fetchall()  # noqa: S608
    batch: list[Victim] = []
    for row in rows:
        victim = from_row("victim", row[1:])
        assert isinstance(victim, Victim)
        values = dict(zip(columns, row[1:], strict=True))
        sealed = vault.seal_values(victim, [values[f] for f in fields], fields)
        conn.execute(
            f"UPDATE victims SET {', '.join(f'{f} = ?' for f in fields)} WHERE rowid = ?",  # noqa: S608
            (*sealed, row[0]),
        )
        batch.append(victim)
        if not victim.deleted:
            conn.execute(
                "INSERT INTO victims_fts(rowid, code, identity) VALUES (?, ?, '')",
                (row[0], victim.victim_code),
            )
    vault.index(batch)
    conn.execute("PRAGMA secure_delete = OFF")


# --- step 6: the offence date, and the report's figures per law -------------------------------
# An accused's contribution to ``report_law_accused``: proceeded against (month of the date
# proceeded against) and judged (month of the judgment, event = the outcome), under its case's
# district and law; ``official`` is 1 for an accused whose role is ``official``.
_LAW_ACCUSED_ROW_6 = """
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr({p}.proceeded_on, 1, 7), c.district, c.law, {p}.role = 'official',
        'proceeded', {s}
    FROM cases AS c WHERE c.id = {p}.case_id AND {p}.deleted = 0 AND {p}.proceeded_on IS NOT NULL
    ON CONFLICT(month, district, law, official, event) DO UPDATE SET n = n + excluded.n;
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr({p}.judgment_on, 1, 7), c.district, c.law, {p}.role = 'official',
        {p}.outcome, {s}
    FROM cases AS c WHERE c.id = {p}.case_id AND {p}.deleted = 0
        AND {p}.outcome != 'pending' AND {p}.judgment_on IS NOT NULL
    ON CONFLICT(month, district, law, official, event) DO UPDATE SET n = n + excluded.n;
"""
_LAW_CASE_ROW_6 = """
    INSERT INTO report_law_cases(month, district, law, cases)
    SELECT substr({p}.registered_on, 1, 7), {p}.district, {p}.law, {s}
    WHERE {p}.deleted = 0 AND {p}.registered_on IS NOT NULL
    ON CONFLICT(month, district, law) DO UPDATE SET cases = cases + excluded.cases;
"""
# All accused of case row {p}, counted under district {d} and law {law}.
_LAW_CASE_ACCUSED_6 = """
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr(a.proceeded_on, 1, 7), {d}, {law}, a.role = 'official', 'proceeded',
        {s} * count(*)
    FROM accused AS a WHERE a.case_id = {p}.id AND a.deleted = 0 AND a.proceeded_on IS NOT NULL
        AND {cond}
    GROUP BY 1, 4
    ON CONFLICT(month, district, law, official, event) DO UPDATE SET n = n + excluded.n;
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr(a.judgment_on, 1, 7), {d}, {law}, a.role = 'official', a.outcome,
        {s} * count(*)
    FROM accused AS a WHERE a.case_id = {p}.id AND a.deleted = 0 AND a.outcome != 'pending'
        AND a.judgment_on IS NOT NULL AND {cond}
    GROUP BY 1, 4, 5
    ON CONFLICT(month, district, law, official, event) DO UPDATE SET n = n + excluded.n;
"""
_LAW_BACKFILL_6 = """
    INSERT INTO report_law_cases(month, district, law, cases)
    SELECT substr(registered_on, 1, 7), district, law, count(*)
    FROM cases WHERE deleted = 0 AND registered_on IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr(a.proceeded_on, 1, 7), c.district, c.law, a.role = 'official', 'proceeded',
        count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE a.deleted = 0 AND a.proceeded_on IS NOT NULL GROUP BY 1, 2, 3, 4;
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr(a.judgment_on, 1, 7), c.district, c.law, a.role = 'official', a.outcome,
        count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE a.deleted = 0 AND a.outcome != 'pending' AND a.judgment_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
"""


def _law_6(template: str, p: str, s: int, **extra: str) -> str:
    return template.format(p=p, s=s, **extra)


def _step_5_to_6(conn: Connection) -> None:
    """The law by the date of the offence, and the report split by Act (issue 16).

    - ``cases.offence_on``: the date of the offence (the FIR's date of occurrence). Rows already
      stored have none: the registration date stands in for it (``records.offence_date``), as
      it did before the field existed, so no date is invented for them.
    - ``report_law_cases`` (cases registered, by month, district and law) and
      ``report_law_accused`` (accused proceeded against, by the month of that date, and judged,
      by the month of the judgment with the outcome as ``event``; by their case's district and
      law, and ``official`` = the accused's role is ``official``), kept equal to the record
      rows by triggers exactly as schema 3's summaries are (any row order; a case moved to
      another district or law moves its accused). Existing rows are summarised here."""
    run_script(
        conn,
        """
        ALTER TABLE cases ADD COLUMN offence_on TEXT;
        CREATE TABLE report_law_cases (
            month TEXT NOT NULL, district TEXT NOT NULL, law TEXT NOT NULL,
            cases INTEGER NOT NULL,
            PRIMARY KEY (month, district, law)
        ) WITHOUT ROWID;
        CREATE TABLE report_law_accused (
            month TEXT NOT NULL, district TEXT NOT NULL, law TEXT NOT NULL,
            official INTEGER NOT NULL, event TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (month, district, law, official, event)
        ) WITHOUT ROWID;
        """,
    )
    run_script(conn, _LAW_BACKFILL_6)
    case_changed = " OR ".join(
        f"OLD.{c} IS NOT NEW.{c}" for c in ("deleted", "registered_on", "district", "law")
    )
    accused_changed = " OR ".join(
        f"OLD.{c} IS NOT NEW.{c}"
        for c in ("deleted", "case_id", "role", "proceeded_on", "outcome", "judgment_on")
    )
    moved = "(OLD.district IS NOT NEW.district OR OLD.law IS NOT NEW.law)"
    of_case = _LAW_CASE_ACCUSED_6
    run_script(
        conn,
        f"""
        CREATE TRIGGER report_law_cases_insert AFTER INSERT ON cases BEGIN
            {_law_6(_LAW_CASE_ROW_6, "NEW", 1)}
        END;
        CREATE TRIGGER report_law_cases_insert_accused AFTER INSERT ON cases
        WHEN EXISTS (SELECT 1 FROM accused WHERE case_id = NEW.id) BEGIN
            {_law_6(of_case, "NEW", 1, d="NEW.district", law="NEW.law", cond="1")}
        END;
        CREATE TRIGGER report_law_cases_update AFTER UPDATE ON cases WHEN {case_changed} BEGIN
            {_law_6(_LAW_CASE_ROW_6, "OLD", -1)}
            {_law_6(_LAW_CASE_ROW_6, "NEW", 1)}
            {_law_6(of_case, "OLD", -1, d="OLD.district", law="OLD.law", cond=moved)}
            {_law_6(of_case, "NEW", 1, d="NEW.district", law="NEW.law", cond=moved)}
        END;
        CREATE TRIGGER report_law_cases_delete AFTER DELETE ON cases BEGIN
            {_law_6(_LAW_CASE_ROW_6, "OLD", -1)}
            {_law_6(of_case, "OLD", -1, d="OLD.district", law="OLD.law", cond="1")}
        END;
        CREATE TRIGGER report_law_accused_insert AFTER INSERT ON accused
        WHEN NEW.proceeded_on IS NOT NULL OR NEW.judgment_on IS NOT NULL BEGIN
            {_law_6(_LAW_ACCUSED_ROW_6, "NEW", 1)}
        END;
        CREATE TRIGGER report_law_accused_update AFTER UPDATE ON accused
        WHEN {accused_changed} BEGIN
            {_law_6(_LAW_ACCUSED_ROW_6, "OLD", -1)}
            {_law_6(_LAW_ACCUSED_ROW_6, "NEW", 1)}
        END;
        CREATE TRIGGER report_law_accused_delete AFTER DELETE ON accused BEGIN
            {_law_6(_LAW_ACCUSED_ROW_6, "OLD", -1)}
        END;
        """,  # noqa: S608 (literal templates, no input)
    )


def _step_6_to_7(conn: Connection) -> None:
    """The office's diary (issue 18): court hearings, officers' done marks on the deadlines
    the diary derives from the rules, and the indexes its date ranges read.

    - ``hearings``: a record kind with the usual bookkeeping (its rows never enter
      ``changes``: hearings stay at the install). Partial indexes by date for hearings not
      deleted, and apart for those not yet recorded as held (the overdue ones are few).
    - ``diary_marks``: per deadline rule and record, the officer's "done" (when, by whom, and
      the next follow-up date they set, if any). Deadlines themselves are never stored.
    - Indexes for the deadlines: open cases by office, stage and registration date; referrals
      by service, outcome and either date; remand hearings by accused and by date (an
      accused's first one stands for the arrest)."""
    run_script(
        conn,
        f"""
        CREATE TABLE hearings ({_META},
            case_id TEXT NOT NULL REFERENCES cases(id),
            accused_id TEXT NOT NULL,
            hearing_on TEXT,
            court TEXT NOT NULL,
            purpose TEXT NOT NULL,
            proceedings TEXT NOT NULL,
            next_on TEXT,
            done INTEGER NOT NULL,
            follows_id TEXT NOT NULL
        );
        CREATE INDEX hearings_on ON hearings(hearing_on, case_id) WHERE deleted = 0;
        CREATE INDEX hearings_open ON hearings(hearing_on, case_id)
            WHERE deleted = 0 AND done = 0;
        CREATE INDEX hearings_case ON hearings(case_id);
        CREATE INDEX hearings_follows ON hearings(follows_id) WHERE follows_id != '';
        CREATE INDEX hearings_remand ON hearings(accused_id, hearing_on)
            WHERE deleted = 0 AND purpose = 'remand' AND accused_id != '';
        CREATE INDEX hearings_remand_on ON hearings(hearing_on, accused_id)
            WHERE deleted = 0 AND purpose = 'remand' AND accused_id != '';
        CREATE TABLE diary_marks (
            rule TEXT NOT NULL,
            record_id TEXT NOT NULL,
            done_on TEXT NOT NULL,
            next_on TEXT,
            done_by TEXT NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (rule, record_id)
        ) WITHOUT ROWID;
        CREATE INDEX diary_marks_next ON diary_marks(rule, next_on) WHERE next_on IS NOT NULL;
        CREATE INDEX cases_diary ON cases(office, stage, registered_on) WHERE deleted = 0;
        CREATE INDEX referrals_diary ON referrals(service, outcome, referred_on)
            WHERE deleted = 0;
        CREATE INDEX referrals_diary_outcome ON referrals(service, outcome, outcome_on)
            WHERE deleted = 0;
        """,
    )


def _step_7_to_8(conn: Connection) -> None:
    """Version history of records, and indexes for the list sorts and filters people click.

    ``record_versions`` keeps each superseded version of a record row (written when a save
    replaces it; the current version is the row itself): who saved it and when, its field
    values as JSON (victims' identifying fields left out: sealed in their own row, never
    copied) and the names of the fields the replacing save changed. The change log
    (``changes``) gets an index by record, so a record's versions are found without a scan."""
    run_script(
        conn,
        """
        CREATE TABLE record_versions (
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            data TEXT NOT NULL,
            changed TEXT NOT NULL,
            PRIMARY KEY (kind, record_id, version)
        ) WITHOUT ROWID;
        CREATE INDEX changes_record ON changes(record_id, kind);
        CREATE INDEX cases_office ON cases(office, registered_on);
        CREATE INDEX cases_officer ON cases(investigating_officer COLLATE NOCASE, registered_on);
        CREATE INDEX victims_district ON victims(district, identified_on);
        CREATE INDEX victims_gender ON victims(gender, identified_on);
        CREATE INDEX victims_age ON victims(age);
        """,
    )


def _step_8_to_9(conn: Connection) -> None:
    """HQ's history of every device's audit anchors (security issue 15).

    ``sync_anchors`` (HQ): one row per bundle imported, the district's audit chain head it
    carried (``entry``, ``hash``), the hash the district gave for the entry of HQ's previous
    anchor (``proof_entry``, ``proof_hash``; 0 and '' when it gave none), and the problem HQ
    found (``backwards``: the log lost entries; ``fork``: an anchored entry changed; '' when
    none) with its explanation. Rows of bundles imported before this step are filled in from
    the head each bundle's result kept, without a problem."""
    run_script(
        conn,
        """
        CREATE TABLE sync_anchors (
            device_id TEXT NOT NULL REFERENCES sync_devices(device_id),
            bundle_seq INTEGER NOT NULL,
            entry INTEGER NOT NULL,
            hash TEXT NOT NULL,
            proof_entry INTEGER NOT NULL DEFAULT 0,
            proof_hash TEXT NOT NULL DEFAULT '',
            received_at TEXT NOT NULL,
            problem TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (device_id, bundle_seq)
        ) WITHOUT ROWID;
        INSERT INTO sync_anchors(device_id, bundle_seq, entry, hash, received_at)
            SELECT device_id, seq, json_extract(result, '$.audit_head[0]'),
                   json_extract(result, '$.audit_head[1]'), imported_at
            FROM sync_bundles
            WHERE json_valid(result) AND json_type(result, '$.audit_head') = 'array'
              AND json_type(result, '$.audit_head[0]') = 'integer'
              AND json_type(result, '$.audit_head[1]') = 'text';
        """,
    )


def _step_9_to_10(conn: Connection) -> None:
    """Case files (attachments): a file's description in ``attachments`` and its content,
    encrypted in chunks, in ``attachment_chunks`` (:mod:`tipdesk.store.attachments`).

    ``about`` and ``record_id`` name the case, accused or victim the file belongs to;
    ``case_id`` is that record's case (NULL for a victim outside a case), so a case lists its
    files and its people's with one indexed look-up. ``data_key`` is the file's own AES-256
    key: as it is for a case's or an accused's file, HPKE-sealed to the identity key for a
    victim's (``key_sealed`` = 1; the file's name and note are then encrypted under it too).
    A removed file keeps its description (``removed_at``) but loses its key and its chunks.
    ``hq_requested_at`` marks a file the district sends to HQ; ``hq_sent_at`` when it was
    written for HQ. ``origin``: the device that attached it (at HQ, the district's)."""
    run_script(
        conn,
        """
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            about TEXT NOT NULL CHECK (about IN ('case', 'accused', 'victim')),
            record_id TEXT NOT NULL,
            case_id TEXT,
            kind TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            file_name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            chunks INTEGER NOT NULL,
            data_key BLOB,
            key_sealed INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            origin TEXT NOT NULL,
            removed_at TEXT,
            removed_by TEXT,
            hq_requested_at TEXT,
            hq_requested_by TEXT,
            hq_sent_at TEXT
        );
        CREATE INDEX attachments_record ON attachments(record_id, created_at);
        CREATE INDEX attachments_case ON attachments(case_id, created_at)
            WHERE case_id IS NOT NULL;
        CREATE INDEX attachments_for_hq ON attachments(hq_requested_at)
            WHERE hq_requested_at IS NOT NULL AND hq_sent_at IS NULL;
        CREATE TABLE attachment_chunks (
            attachment_id TEXT NOT NULL REFERENCES attachments(id),
            n INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (attachment_id, n)
        );
        """,
    )


def _step_10_to_11(conn: Connection) -> None:
    """Identities relayed in bundles, and case handovers (issue 14, part B).

    - ``identity_relay`` (district): each identity data key sealed again (HPKE) to each of
      HQ's recipients' X25519 public key (``recipient``: its base64), so that a bundle can
      carry a consenting victim's sealed identity for HQ whoever exports it
      (:mod:`tipdesk.store.identity_relay`).
    - ``handovers`` (every role): a case handed over from one district to another, as the
      sending district asked for it (``state`` 'asked'), as HQ moved it ('moved'), and as
      the receiving district got it; ``sealed`` holds the victims' identities sealed for the
      receiving district's device (JSON, '' when none), which HQ relays and cannot open.
    - HQ's conflicts and quarantine keep a victim's version as JSON: its identifying values
      are sealed there now as in the victim's row (:meth:`IdentityVault.seal_json`); the
      plaintext is zeroed where it is overwritten (``secure_delete``), and the store runs
      ``VACUUM`` after this step."""
    from json import loads as json_loads

    from tipdesk.store import identity
    from tipdesk.store.sync_rows import to_json

    conn.execute("PRAGMA secure_delete = ON")
    run_script(
        conn,
        """
        CREATE TABLE identity_relay (
            key_id INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (key_id, recipient)
        ) WITHOUT ROWID;
        CREATE TABLE handovers (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            from_district TEXT NOT NULL,
            to_district TEXT NOT NULL,
            reason TEXT NOT NULL,
            asked_by TEXT NOT NULL,
            asked_at TEXT NOT NULL,
            state TEXT NOT NULL,
            moved_at TEXT NOT NULL DEFAULT '',
            sealed TEXT NOT NULL DEFAULT '',
            sent_seq INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX handovers_case ON handovers(case_id, asked_at);
        """,
    )
    vault = identity.IdentityVault(conn)
    for table in ("sync_conflicts", "sync_quarantine"):
        rows = conn.execute(
            f"SELECT id, record_id, record FROM {table} WHERE kind = 'victim'"  # noqa: S608
        ).fetchall()
        for row_id, record_id, text in rows:
            record = json_loads(text)
            if isinstance(record, dict):
                sealed = to_json(vault.seal_json(record_id, record))
                conn.execute(f"UPDATE {table} SET record = ? WHERE id = ?", (sealed, row_id))  # noqa: S608
    conn.execute("PRAGMA secure_delete = OFF")


def _step_11_to_12(conn: Connection) -> None:
    """The non-criminalisation review queue (issue 16): a victim/accused overlap no longer
    refuses a record; it is kept on the accused and reviewed by a supervisor.

    - ``accused.dual_role_matches``: the victims of the case the accused may be, as the
      district's check found them (JSON list of ``<victim id>:cnic|name``); ``dual_role_reviewed``
      (the matches a review covered), ``dual_role_reviewed_by``, ``dual_role_reviewed_on``,
      ``dual_role_decision``. Stored rows start with none: under the earlier schemas no
      unreviewed overlap could be saved, and a case's earlier review
      (``cases.dual_role_reviewed_by``) is carried to its accused on their next save
      (:mod:`tipdesk.services.overlaps`).
    - ``accused_dual_role``: the accused with matches (the queue reads only those)."""
    run_script(
        conn,
        """
        ALTER TABLE accused ADD COLUMN dual_role_matches TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE accused ADD COLUMN dual_role_reviewed TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE accused ADD COLUMN dual_role_reviewed_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE accused ADD COLUMN dual_role_reviewed_on TEXT;
        ALTER TABLE accused ADD COLUMN dual_role_decision TEXT NOT NULL DEFAULT '';
        CREATE INDEX accused_dual_role ON accused(case_id)
            WHERE deleted = 0 AND dual_role_matches != '[]';
        """,
    )


STEPS: list[Callable[[Connection], None]] = [
    _step_0_to_1,
    _step_1_to_2,
    _step_2_to_3,
    _step_3_to_4,
    _step_4_to_5,
    _step_5_to_6,
    _step_6_to_7,
    _step_7_to_8,
    _step_8_to_9,
    _step_9_to_10,
    _step_10_to_11,
    _step_11_to_12,
]
VACUUM_AFTER = frozenset({5, 11})
"""Versions after whose step the store runs ``VACUUM`` (outside the step's transaction), so
that no free page keeps what the step removed (plaintext identities: step 5 in the victims'
rows, step 11 in HQ's conflicts and quarantine)."""
LATEST = len(STEPS)


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> list[int]:
    """Bring the schema to :data:`LATEST`; return the versions reached (empty if current)."""
    version = current_version(conn)
    if version > LATEST:
        raise StoreTooNew(
            say(
                "This store was written by a newer TIPDesk (schema {version}; this version reads "
                "up to {latest}). Install the newer TIPDesk to open it; nothing was changed.",
                version=version,
                latest=LATEST,
            )
        )
    reached: list[int] = []
    while version < LATEST:
        with transaction(conn):
            STEPS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        version += 1
        reached.append(version)
    return reached
