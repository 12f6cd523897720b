"""Whether a victim's name is recorded, for roles that may not read the name (issue 20,
database roles): the victims list's "name recorded" column for the analyst and the editor.

Contract:
- ``tipdesk_name_recorded(victim_id)`` (:data:`FUNCTION_SQL`, made by a schema step,
  SECURITY DEFINER, owned by the schema's owner, EXECUTE revoked from PUBLIC and granted to
  the analyst, so to the editor and the identity officer, by :mod:`tipdesk.hqstore.roles`)
  answers ``victims.name != ''`` for one victim: ``true``, ``false``, or NULL when the name
  is NULL or the victim unknown, exactly as the SQLCipher store's list column reads. It
  returns nothing else of the row: no name, no length, no sealed bytes.
- :data:`COLUMN_SQL` is the list's column read through it.

The SQL below is frozen with its schema step (never edited: a change is a new step).
"""

from __future__ import annotations

SIGNATURE = "public.tipdesk_name_recorded(text)"

FUNCTION_SQL = """
CREATE FUNCTION public.tipdesk_name_recorded(victim_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    SELECT v.name::text <> '' FROM public.victims AS v WHERE v.id = victim_id
$fn$
"""

LOCK_DOWN_SQL = f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC"

COLUMN_SQL = "public.tipdesk_name_recorded(t.id)"
