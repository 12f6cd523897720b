"""Revealing a victim's identity on the PostgreSQL HQ: one audited database function.

Contract:
- ``tipdesk_reveal(victim_id, field, reason, app_user, device)`` (:data:`FUNCTION_SQL`, made by
  a schema step, SECURITY DEFINER, owned by the schema's owner, EXECUTE revoked from PUBLIC and
  granted to ``tipdesk_identity`` only: :mod:`tipdesk.hqstore.roles`) returns the **sealed**
  token of one identifying field (``NULL`` when empty) and, in the same transaction, appends a
  ``reveal`` entry to the hash-chained audit table (under the import's log lock, hashed exactly
  as :func:`tipdesk.store.audit.entry_hash`, so the chain verifies as before). The entry names
  the app's user, the device, the field, the reason and the database role that asked
  (``session_user``: the app's word for who it is cannot hide the login). No role can read the
  identity columns otherwise (column privileges), so every identity read is audited.
- The token is opened by the app with the identity key (:class:`tipdesk.hqstore.vault.PgVault`):
  the server never sees a plaintext identity.
- :func:`reveal_token` calls it; a bad field, a short reason or an unknown victim is
  :class:`~tipdesk.core.errors.InvalidInput`, a role without the grant
  :class:`~tipdesk.core.errors.PermissionDenied`.

The SQL below is frozen with its schema step (never edited: a change is a new step).
"""

from __future__ import annotations

import psycopg

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.records import Victim
from tipdesk.hqstore.errors import classify

Conn = psycopg.Connection[tuple[object, ...]]

SIGNATURE = "public.tipdesk_reveal(text, text, text, text, text)"

FUNCTION_SQL = """
CREATE FUNCTION public.tipdesk_reveal(p_victim_id text, p_field text, p_reason text,
    p_user text, p_device text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    v_token text;
    v_seq bigint;
    v_prev text;
    v_at text;
    v_detail text;
    v_reason text := btrim(coalesce(p_reason, ''));
BEGIN
    IF p_field IS NULL OR p_field NOT IN ('name', 'father_name', 'cnic', 'phone', 'address')
    THEN
        RAISE EXCEPTION 'not an identifying field' USING ERRCODE = '22023';
    END IF;
    IF length(v_reason) < 5 OR coalesce(p_user, '') = '' OR coalesce(p_device, '') = '' THEN
        RAISE EXCEPTION 'a reason, a user and a device are needed' USING ERRCODE = '22023';
    END IF;
    SELECT CASE p_field WHEN 'name' THEN v.name WHEN 'father_name' THEN v.father_name
        WHEN 'cnic' THEN v.cnic WHEN 'phone' THEN v.phone ELSE v.address END
        INTO v_token FROM public.victims AS v WHERE v.id = p_victim_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such victim' USING ERRCODE = 'P0002';
    END IF;
    -- The import's log lock (tipdesk.hqstore.batch.LOG_LOCK): chain order is commit order.
    PERFORM pg_advisory_xact_lock(7022629598040910959);
    SELECT a.seq, a.hash INTO v_seq, v_prev FROM public.audit AS a ORDER BY a.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        v_seq := 0;
        v_prev := repeat('0', 64);
    END IF;
    v_seq := v_seq + 1;
    v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    -- Canonical JSON as tipdesk.store.audit writes it: sorted keys, no spaces.
    v_detail := '{"db_role":' || to_json(session_user::text)::text
        || ',"field":' || to_json(p_field)::text
        || ',"reason":' || to_json(v_reason)::text || '}';
    INSERT INTO public.audit (seq, at, user_name, device, action, kind, record_id, detail,
        prev_hash, hash)
    VALUES (v_seq, v_at, p_user, p_device, 'reveal', 'victim', p_victim_id, v_detail, v_prev,
        encode(sha256(convert_to('[' || v_seq::text
            || ',' || to_json(v_at)::text || ',' || to_json(p_user)::text
            || ',' || to_json(p_device)::text || ',"reveal","victim",'
            || to_json(p_victim_id)::text || ',' || to_json(v_detail)::text
            || ',' || to_json(v_prev)::text || ']', 'UTF8')), 'hex'));
    RETURN v_token;
END
$fn$
"""

LOCK_DOWN_SQL = f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC"


def reveal_token(
    conn: Conn, victim_id: str, field: str, reason: str, user: str, device: str
) -> str | None:
    """The sealed token of ``field`` of victim ``victim_id``, audited (see the module
    contract); the caller commits (the audit entry goes with the transaction)."""
    if field not in Victim.IDENTIFYING:
        raise InvalidInput(
            say("{field} is not an identifying field of a victim.", field=repr(field))
        )
    try:
        row = conn.execute(
            "SELECT public.tipdesk_reveal(%s, %s, %s, %s, %s)",
            (victim_id, field, reason.strip(), user, device),
        ).fetchone()
    except psycopg.Error as exc:
        state = getattr(exc, "sqlstate", None) or ""
        if state == "P0002":
            raise InvalidInput(say("No victim with this id is in the HQ database.")) from None
        if state == "22023":
            raise InvalidInput(
                say("Give a reason (at least a few words) for revealing the identity.")
            ) from None
        raise classify(exc) from None
    return None if row is None or row[0] is None else str(row[0])
