"""The PostgreSQL HQ's inbox: bundles the receiver took, waiting for an importer (issue 20).

Contract:
- The table is schema step 5 (:mod:`tipdesk.hqstore.migrations`).
- The receiver (``hq serve``) checks a bundle's sender and signature, then :func:`put` stores
  it here as it came (it is encrypted to HQ: no record is readable in this table) and answers
  at once; it never imports in the request.
- Importers claim rows with :func:`claim` (``FOR UPDATE SKIP LOCKED``): a row is taken by one
  importer only, and only when its device's import lock (the advisory lock the import batch
  takes, :func:`tipdesk.hqstore.batch.lock_key`) is free, so one bundle of a device is
  imported at a time, oldest first, while the other importers take other devices' bundles
  (a device's later bundle is not taken while an earlier one waits). The claim, the
  import and :func:`finish` run in **one transaction**: a bundle is imported and marked done
  together, or neither (a worker that dies leaves the row waiting, and the import rolled back).
- A row ends ``imported`` or ``duplicate`` (the import's status), or ``refused`` with the
  message naming the problem; a refused bundle is never claimed again. :func:`put` of the
  same bytes again is told the row's state, so the receiver can say so to the district.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import psycopg

from tipdesk.hqstore.batch import lock_key

Conn = psycopg.Connection[tuple[object, ...]]

WAITING = "waiting"
REFUSED = "refused"
DONE = ("imported", "duplicate")


@dataclass(frozen=True, slots=True)
class Held:
    """What the database already holds of a device's bundle number: ``where`` is
    ``imported`` (in ``sync_bundles``) or ``inbox``; ``status`` the inbox row's status."""

    where: str
    sha256: str
    status: str = ""
    error: str = ""


@dataclass(frozen=True, slots=True)
class Claimed:
    """An inbox row claimed by an importer (inside the claiming transaction)."""

    id: int
    device_id: str
    seq: int
    data: bytes


def held(conn: Conn, device_id: str, seq: int) -> Held | None:
    """What the database holds of bundle ``seq`` of ``device_id``: imported first, else
    the inbox's row, else ``None``."""
    row = conn.execute(
        "SELECT sha256 FROM sync_bundles WHERE device_id = %s AND seq = %s", (device_id, seq)
    ).fetchone()
    if row is not None:
        return Held("imported", str(row[0]))
    row = conn.execute(
        "SELECT sha256, status, error FROM sync_inbox WHERE device_id = %s AND seq = %s",
        (device_id, seq),
    ).fetchone()
    if row is not None:
        return Held("inbox", str(row[0]), str(row[1]), str(row[2]))
    return None


def put(conn: Conn, device_id: str, seq: int, sha256: str, data: bytes, at: str) -> Held | None:
    """Store a checked bundle in the inbox, unless the database already holds that number of
    the device (returned instead; nothing is written then). The caller commits."""
    found = held(conn, device_id, seq)
    if found is not None:
        return found
    inserted = conn.execute(
        "INSERT INTO sync_inbox (device_id, seq, sha256, device_lock, data, received_at) "
        "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (device_id, seq) DO NOTHING RETURNING id",
        (device_id, seq, sha256, lock_key(f"device:{device_id}"), data, at),
    ).fetchone()
    if inserted is None:  # the same number arrived through another connection meanwhile
        return held(conn, device_id, seq)
    return None


CANDIDATES = 64
"""Devices a claim looks at (their oldest waiting bundle, oldest first) for a free one."""


def claim(conn: Conn) -> Claimed | None:
    """Take the oldest waiting bundle whose device no other importer is importing (see the
    module contract), inside the caller's transaction; ``None`` when there is none. The
    device's import lock is held from here to the end of the transaction."""
    # The device locks are tried one candidate at a time, here, rather than in the query's
    # WHERE: the planner could evaluate that on every waiting row before sorting, and this
    # transaction would then hold every free device's lock until it ends.
    # Each device's oldest waiting bundle only: a device's bundles are imported in the order
    # they arrived.
    candidates = conn.execute(
        "SELECT id, device_lock FROM (SELECT DISTINCT ON (device_id) id, device_lock "
        "FROM sync_inbox WHERE status = 'waiting' ORDER BY device_id, id) AS firsts "
        "ORDER BY id LIMIT %s",
        (CANDIDATES,),
    ).fetchall()
    for row_id, device_lock in candidates:
        free = conn.execute("SELECT pg_try_advisory_xact_lock(%s)", (device_lock,)).fetchone()
        if not free or not free[0]:
            continue  # another importer is importing this device's bundle
        row = conn.execute(
            "SELECT id, device_id, seq, data FROM sync_inbox WHERE id = %s "
            "AND status = 'waiting' FOR UPDATE SKIP LOCKED",
            (row_id,),
        ).fetchone()
        if row is None:
            continue  # done meanwhile (the lock stays held: harmless, to this commit)
        data = row[3]
        if not isinstance(data, bytes):  # bytea comes back as bytes
            raise TypeError("sync_inbox.data is not bytea")
        return Claimed(int(str(row[0])), str(row[1]), int(str(row[2])), data)
    return None


def finish(conn: Conn, row_id: int, status: str, at: str, error: str = "") -> None:
    """Mark a claimed row done (``imported``/``duplicate``) or ``refused`` with ``error``; the
    bundle's bytes are dropped once it is done (``sync_bundles`` records it)."""
    conn.execute(
        "UPDATE sync_inbox SET status = %s, error = %s, done_at = %s, attempts = attempts + 1, "
        "data = CASE WHEN %s = 'refused' THEN data ELSE ''::bytea END WHERE id = %s",
        (status, error, at, status, row_id),
    )


def failed(conn: Conn, row_id: int, at: str, error: str, max_attempts: int) -> bool:
    """Count a failed attempt at a row (an unexpected error, its transaction rolled back);
    after ``max_attempts`` the row is refused with ``error``. True when it was refused. The
    caller commits."""
    row = conn.execute(
        "UPDATE sync_inbox SET attempts = attempts + 1, error = %s, "
        "status = CASE WHEN attempts + 1 >= %s THEN 'refused' ELSE status END, "
        "done_at = CASE WHEN attempts + 1 >= %s THEN %s ELSE done_at END "
        "WHERE id = %s AND status = 'waiting' RETURNING status",
        (error, max_attempts, max_attempts, at, row_id),
    ).fetchone()
    return row is not None and str(row[0]) == REFUSED


def counts(conn: Conn) -> dict[str, int]:
    """Inbox rows by status."""
    rows = conn.execute("SELECT status, count(*) FROM sync_inbox GROUP BY status").fetchall()
    return {str(r[0]): int(str(r[1])) for r in rows}


def waiting(conn: Conn) -> int:
    """Bundles waiting for an importer."""
    row = conn.execute("SELECT count(*) FROM sync_inbox WHERE status = 'waiting'").fetchone()
    return int(str(row[0])) if row else 0


def refused(conn: Conn, limit: int = 100) -> Sequence[tuple[str, int, str, str]]:
    """The latest refused bundles: ``(device id, seq, when, message)``."""
    rows = conn.execute(
        "SELECT device_id, seq, coalesce(done_at, ''), error FROM sync_inbox "
        "WHERE status = 'refused' ORDER BY id DESC LIMIT %s",
        (limit,),
    ).fetchall()
    return [(str(r[0]), int(str(r[1])), str(r[2]), str(r[3])) for r in rows]
