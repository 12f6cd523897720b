"""Database roles per duty on the PostgreSQL HQ (issue 20, security): what each may do, as SQL.

Contract:
- :func:`roles_sql` is one idempotent script (run it again after each TIPDesk upgrade: it
  grants on the tables and columns that exist then). It creates four group roles (NOLOGIN;
  an administrator grants them to login roles, ``GRANT tipdesk_analyst TO alice``):

  - ``tipdesk_receiver``: INSERT into the receiver's inbox table (:data:`INBOX_TABLE`), and
    read what tells a duplicate from a new bundle (:data:`RECEIVER_READS`: the inbox's and
    the imported bundles' numbers, hashes and states; never a bundle's bytes, never a
    record). While the inbox table does not exist the script grants nothing here and says
    so (a NOTICE; :func:`apply` returns ``False``). It reads each device's stored receipt
    too (:mod:`tipdesk.hqstore.outbox`: sealed to the device; the importer builds them).
  - ``tipdesk_importer``: read and write records, identities (sealed), the blind index and
    sync bookkeeping; append to the audit table (INSERT, chained through the audit head
    function, :mod:`tipdesk.hqstore.audit_head`: it may not read the audit); read
    ``settings``. It builds and signs the receipts too (they read records back) and stores
    them in the receipt outbox.
  - ``tipdesk_analyst``: read records, except victims' identifying columns (column
    privileges: :data:`IDENTIFYING`) and the versions kept in quarantine and conflicts
    (``record``: they hold identities too); no blind index, no data keys; append to the audit.
    It reads the versions saves replaced (``record_versions``: the History window; they
    never hold a victim's identity).
  - ``tipdesk_editor``: an analyst who may save records (HQ's corrections): what an analyst
    may, plus INSERT and UPDATE on cases, accused, referrals, trainings and campaigns,
    UPDATE on victims' columns but the identifying ones (:data:`IDENTIFYING`: still neither
    read nor written), and what a save writes beside the records: the change log, the kept
    versions (``record_versions``), the record claims, the search rows and the report
    summaries (their triggers run as the saving role). No INSERT on victims (a new victim
    carries an identity), no blind index, no data keys, no quarantine or conflicts.
    The analyst (so the editor) may EXECUTE ``tipdesk_name_recorded``
    (:mod:`tipdesk.hqstore.name_recorded`): whether a victim's name is recorded, not the name.
  - ``tipdesk_identity``: what an analyst may, plus the sealed data keys and EXECUTE on the one
    audited function revealing a sealed identity (:mod:`tipdesk.hqstore.reveal`).

- Case files (``attachments``, ``attachment_chunks``; :mod:`tipdesk.hqstore.files`): the
  importer adds them; analysts read the descriptions (no ``data_key``) and, through the views
  ``case_file_keys`` and ``case_file_chunks``, the wrapped keys and chunks of cases' and
  accused's files only; the identity officer also reads victims' files' sealed keys and
  chunks; an editor may remove a file. The receiver gets nothing.
- UPDATE, DELETE and TRUNCATE on ``audit`` are revoked from PUBLIC, from every role above and
  from the tables' owner (the triggers refuse them anyway); PUBLIC gets nothing on the tables
  and may not create in the schema.
- The script must be run by the tables' owner with CREATEROLE, or a superuser
  (``tipdesk hq database-roles | sudo -u postgres psql -d tipdesk -v ON_ERROR_STOP=1``). It
  holds no secret and no name of a person.
"""

from __future__ import annotations

import psycopg

from tipdesk.core.records import Victim
from tipdesk.hqstore.audit_head import SIGNATURE as AUDIT_HEAD
from tipdesk.hqstore.errors import translated
from tipdesk.hqstore.name_recorded import SIGNATURE as NAME_RECORDED
from tipdesk.hqstore.outbox import RECEIVER_COLUMNS as OUTBOX_COLUMNS
from tipdesk.hqstore.outbox import TABLE as OUTBOX_TABLE
from tipdesk.hqstore.reveal import SIGNATURE

Conn = psycopg.Connection[tuple[object, ...]]

RECEIVER = "tipdesk_receiver"
IMPORTER = "tipdesk_importer"
ANALYST = "tipdesk_analyst"
EDITOR = "tipdesk_editor"
IDENTITY = "tipdesk_identity"
ROLES = (RECEIVER, IMPORTER, ANALYST, EDITOR, IDENTITY)

INBOX_TABLE = "sync_inbox"
"""The receiver's inbox table (branch pginbox of issue 20): the one table the receiver may
insert into. The grant hook below grants on it once it exists."""

RECEIVER_READS = {
    INBOX_TABLE: ("id", "device_id", "seq", "sha256", "status", "error"),
    "sync_bundles": ("device_id", "seq", "sha256"),
}
"""Columns the receiver reads (:func:`tipdesk.hqstore.inbox.held`): a bundle received or
imported before, its hash and, for the inbox, its state and a refusal's message."""

IDENTIFYING = Victim.IDENTIFYING
"""Victims' columns no analyst may read (sealed tokens: only the audited function reads them)."""

_SEARCH_TABLES = ("cases_search", "victims_search", "trainings_search", "campaigns_search")
_ANALYST_TABLES = (
    "cases", "accused", "referrals", "trainings", "campaigns", "changes", "record_versions",
    "settings",
    "schema_version", "sync_devices", "sync_bundles", "sync_versions", "sync_anchors",
    *_SEARCH_TABLES, "report_cases", "report_law_cases", "report_proceeded",
    "report_judgments", "report_law_accused", "report_victims", "report_victim_forms",
)  # fmt: skip
_EDITED_TABLES = ("cases", "accused", "referrals", "trainings", "campaigns")
"""The record tables an editor inserts into and updates (victims: see :func:`roles_sql`)."""
_SAVE_TABLES = ("changes", "record_versions", "audit")
"""Where a save appends beside the records (INSERT only)."""
_SUMMARY_TABLES = (
    "report_cases", "report_law_cases", "report_proceeded", "report_judgments",
    "report_law_accused", "report_victims", "report_victim_forms",
)  # fmt: skip

_HIDDEN_COLUMNS = {"victims": IDENTIFYING, "sync_quarantine": ("record",)}
_HIDDEN_COLUMNS["sync_conflicts"] = ("record",)


_SEARCH_DELETE = ", ".join(f"public.{t}" for t in _SEARCH_TABLES)
"""The search tables: an import replaces a record's search row (delete, then insert)."""


def _list(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def roles_sql() -> str:
    """The whole script (see the module contract)."""
    everyone = ", ".join(("PUBLIC", *ROLES))
    column_grants = "\n".join(
        f"""    FOR c IN SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = '{table}'
        AND column_name NOT IN ({_list(hidden)}) ORDER BY ordinal_position LOOP
        EXECUTE format('GRANT SELECT (%I) ON public.{table} TO {ANALYST}', c);
    END LOOP;"""  # noqa: S608 (constants only, no input)
        for table, hidden in _HIDDEN_COLUMNS.items()
    )
    receiver_reads = "\n".join(
        f"        EXECUTE 'GRANT SELECT ({', '.join(cols)}) ON public.{table} TO {RECEIVER}';"
        for table, cols in RECEIVER_READS.items()
    )
    outbox_reads = ", ".join(OUTBOX_COLUMNS)
    return f"""-- TIPDesk HQ on PostgreSQL: database roles per duty (docs/install.md, HQ server).
-- Idempotent: run it again after each TIPDesk upgrade.
DO $roles$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY[{_list(ROLES)}] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$roles$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {", ".join(ROLES)};
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {everyone};
REVOKE ALL ON FUNCTION {SIGNATURE} FROM {everyone};

-- The importer: records, sealed identities, the blind index, sync bookkeeping; audit append.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {IMPORTER};
REVOKE INSERT, UPDATE ON public.settings, public.schema_version FROM {IMPORTER};
REVOKE SELECT, UPDATE ON public.audit FROM {IMPORTER};
GRANT DELETE ON public.victim_terms, {_SEARCH_DELETE} TO {IMPORTER};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {IMPORTER};

DO $head$
BEGIN
    IF to_regprocedure('{AUDIT_HEAD}') IS NOT NULL THEN
        EXECUTE 'REVOKE ALL ON FUNCTION {AUDIT_HEAD} FROM {everyone}';
        EXECUTE 'GRANT EXECUTE ON FUNCTION {AUDIT_HEAD} TO {IMPORTER}, {ANALYST}';
    END IF;
END
$head$;

-- The analyst: records without victims' identifying columns; audit append.
DO $analyst$
DECLARE t text; c text;
BEGIN
    FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'
        AND tablename IN ({_list(_ANALYST_TABLES)}) LOOP
        EXECUTE format('GRANT SELECT ON public.%I TO {ANALYST}', t);
    END LOOP;
{column_grants}
END
$analyst$;
GRANT SELECT, INSERT ON public.audit TO {ANALYST};
DO $named$
BEGIN
    IF to_regprocedure('{NAME_RECORDED}') IS NOT NULL THEN
        EXECUTE 'REVOKE ALL ON FUNCTION {NAME_RECORDED} FROM {everyone}';
        EXECUTE 'GRANT EXECUTE ON FUNCTION {NAME_RECORDED} TO {ANALYST}';
    END IF;
END
$named$;

-- The editor: an analyst who may save records, never victims' identifying columns.
GRANT {ANALYST} TO {EDITOR};
DO $editor$
DECLARE t text; c text;
BEGIN
    FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'
        AND tablename IN ({_list(_EDITED_TABLES)}) LOOP
        EXECUTE format('GRANT INSERT, UPDATE ON public.%I TO {EDITOR}', t);
    END LOOP;
    FOR c IN SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'victims'
        AND column_name NOT IN ({_list(IDENTIFYING)}) ORDER BY ordinal_position LOOP
        EXECUTE format('GRANT UPDATE (%I) ON public.victims TO {EDITOR}', c);
    END LOOP;
    FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'
        AND tablename IN ({_list(_SAVE_TABLES)}) LOOP
        EXECUTE format('GRANT SELECT, INSERT ON public.%I TO {EDITOR}', t);
    END LOOP;
    FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'
        AND tablename IN ({_list(_SUMMARY_TABLES)}) LOOP
        EXECUTE format('GRANT INSERT, UPDATE ON public.%I TO {EDITOR}', t);
    END LOOP;
    FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'
        AND tablename IN ({_list(_SEARCH_TABLES)}) LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON public.%I TO {EDITOR}', t);
    END LOOP;
END
$editor$;
GRANT SELECT, INSERT, UPDATE ON public.sync_record_claims TO {EDITOR};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {EDITOR};
-- The identity officer: an analyst who may reveal, through the one audited function.
GRANT {ANALYST} TO {IDENTITY};
GRANT SELECT ON public.identity_keys TO {IDENTITY};
GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {IDENTITY};

-- Case files (docs/security.md): analysts read descriptions and cases' and accused's keys
-- and chunks (the views); only the identity officer reads victims' files' (sealed) keys and
-- chunks; an editor may remove a file (its key and chunks); the importer adds them.
DO $files$
DECLARE c text;
BEGIN
    IF to_regclass('public.attachments') IS NOT NULL THEN
        FOR c IN SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'attachments'
            AND column_name <> 'data_key' ORDER BY ordinal_position LOOP
            EXECUTE format('GRANT SELECT (%I) ON public.attachments TO {ANALYST}', c);
        END LOOP;
        EXECUTE 'GRANT SELECT ON public.case_file_keys, public.case_file_chunks TO {ANALYST}';
        EXECUTE 'GRANT SELECT ON public.attachments, public.attachment_chunks TO {IDENTITY}';
        EXECUTE 'GRANT UPDATE (data_key, note, file_name, removed_at, removed_by) '
            'ON public.attachments TO {EDITOR}';
        EXECUTE 'GRANT SELECT (attachment_id, n), DELETE ON public.attachment_chunks '
            'TO {EDITOR}';
        EXECUTE 'REVOKE INSERT, UPDATE ON public.case_file_keys, public.case_file_chunks '
            'FROM {IMPORTER}';
    END IF;
END
$files$;

-- The receiver: the inbox only (grant hook: the inbox table comes with issue 20's receiver).
DO $receiver$
DECLARE s text;
BEGIN
    IF to_regclass('public.{INBOX_TABLE}') IS NULL THEN
        RAISE NOTICE '{RECEIVER}: no inbox table ({INBOX_TABLE}) yet; nothing granted';
    ELSE
        EXECUTE 'GRANT INSERT ON public.{INBOX_TABLE} TO {RECEIVER}';
{receiver_reads}
        FOR s IN SELECT pg_get_serial_sequence('public.{INBOX_TABLE}', a.attname)
            FROM pg_catalog.pg_attribute AS a
            WHERE a.attrelid = 'public.{INBOX_TABLE}'::regclass AND a.attnum > 0
            AND pg_get_serial_sequence('public.{INBOX_TABLE}', a.attname) IS NOT NULL LOOP
            EXECUTE format('GRANT USAGE ON SEQUENCE %s TO {RECEIVER}', s);
        END LOOP;
        EXECUTE 'GRANT DELETE ON public.{INBOX_TABLE} TO {IMPORTER}';
    END IF;
    IF to_regclass('public.{OUTBOX_TABLE}') IS NOT NULL THEN
        EXECUTE 'GRANT SELECT ({outbox_reads}) ON public.{OUTBOX_TABLE} TO {RECEIVER}';
    END IF;
END
$receiver$;

-- The audit table: append-only for everyone, the tables' owner included.
REVOKE UPDATE, DELETE, TRUNCATE ON public.audit FROM {everyone};
DO $audit$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON public.audit FROM %I',
        (SELECT tableowner FROM pg_catalog.pg_tables
         WHERE schemaname = 'public' AND tablename = 'audit'));
END
$audit$;
"""  # noqa: S608 (constants only, no input)


def apply(conn: Conn) -> bool:
    """Run :func:`roles_sql` in one transaction on ``conn`` (its role must be able to: see the
    module contract); returns whether the receiver's inbox grant was made."""
    with translated(), conn.transaction():
        conn.execute(roles_sql().encode())
        row = conn.execute(f"SELECT to_regclass('public.{INBOX_TABLE}')".encode()).fetchone()
    return bool(row and row[0] is not None)
