"""The audit chain's head for roles that append to the audit but may not read it (issue 20,
database roles): the importer and the receipts it builds.

Contract:
- ``tipdesk_audit_head()`` (:data:`FUNCTION_SQL`, made by a schema step, SECURITY DEFINER,
  owned by the schema's owner, EXECUTE revoked from PUBLIC and granted by
  :mod:`tipdesk.hqstore.roles`) returns the last entry's ``seq`` and ``hash`` (no row while
  the audit is empty): what chaining a new entry needs, and nothing of any entry's content.
- :func:`head` reads it; the caller holds the log lock
  (:data:`tipdesk.hqstore.batch.LOG_LOCK`), so the head cannot move before its append.

The SQL below is frozen with its schema step (never edited: a change is a new step).
"""

from __future__ import annotations

import psycopg

Conn = psycopg.Connection[tuple[object, ...]]

SIGNATURE = "public.tipdesk_audit_head()"

FUNCTION_SQL = """
CREATE FUNCTION public.tipdesk_audit_head(OUT seq bigint, OUT hash text) RETURNS SETOF record
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    SELECT a.seq, a.hash::text FROM public.audit AS a ORDER BY a.seq DESC LIMIT 1
$fn$
"""

LOCK_DOWN_SQL = f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC"


def head(conn: Conn) -> tuple[int, str] | None:
    """The last audit entry's ``(seq, hash)``, or ``None`` while the audit is empty."""
    row = conn.execute("SELECT seq, hash FROM public.tipdesk_audit_head()").fetchone()
    return None if row is None else (int(str(row[0])), str(row[1]))
