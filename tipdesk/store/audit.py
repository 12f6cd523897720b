"""The append-only, hash-chained audit log.

Contract:
- :func:`append` adds entries inside the caller's transaction, so an audit entry exists if and
  only if the change it describes was committed.
- Each entry's ``hash`` is SHA-256 over the canonical JSON of its fields and the previous
  entry's hash; the chain's head (last seq and hash) is also kept in ``settings`` so that
  removing entries from the end is detected too.
- :func:`append` chains from that stored head and refuses (:class:`AuditChainBroken`, nothing
  written) when the table's last entry is not it: a cut tail is never papered over by the
  next entry. :func:`status` tells whether they agree (sign-in checks it before it logs);
  :func:`record_break` is an administrator's acknowledgement, the one entry that may follow a
  break: it names the head that was recorded and the entry the log ended at, and the chain
  goes on from there.
- Entries never contain record contents or identities: the action, the record kind and id, and
  in ``detail`` only field *names*, counts and reasons.
- :func:`verify` walks the whole chain and names the first entry that was edited, deleted or
  reordered. Triggers refuse UPDATE and DELETE on the table; the chain catches what bypasses
  them (for example a copy of the file edited with the key elsewhere).
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.core.errors import AuditChainBroken
from tipdesk.core.messages import say
from tipdesk.store import settings_table
from tipdesk.store.driver import Connection, insert_rows

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
BREAK_ACTION = "audit.break"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    user: str
    device: str
    action: str
    kind: str
    record_id: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class NewEntry:
    """What a caller supplies; sequence and hashes are filled in by :func:`append`."""

    at: str
    user: str
    device: str
    action: str
    kind: str = ""
    record_id: str = ""
    detail: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    entries: int
    problem: str = ""
    bad_seq: int | None = None
    breaks: tuple[str, ...] = ()
    """Breaks an administrator acknowledged (:func:`record_break`), one line each: the chain
    verifies, but entries before each of them were lost."""


@dataclass(frozen=True, slots=True)
class ChainStatus:
    """Whether the audit table's last entry is the head the store recorded (see
    :func:`status`). ``problem`` says what does not match, in words, when ``ok`` is false."""

    ok: bool
    last_seq: int
    head_seq: int | None
    problem: str = ""


# Canonical JSON: sorted keys, no spaces, UTF-8 text. Built once (json.dumps with options
# would build a new encoder per call).
_canonical = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode


_text = json.encoder.encode_basestring  # what _canonical writes for a text (C)


def entry_hash(
    seq: int, at: str, user: str, device: str, action: str, kind: str, record_id: str,
    detail_json: str, prev_hash: str,
) -> str:  # fmt: skip
    """SHA-256 (hex) of the canonical JSON array of the entry's fields and the previous hash.

    The array is joined directly (``_canonical`` of the same list gives the same text, which
    ``test_audit`` checks): an HQ import hashes tens of thousands of entries at once."""
    texts = (at, user, device, action, kind, record_id, detail_json, prev_hash)
    payload = f"[{int(seq)}," + ",".join(map(_text, texts)) + "]"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _last(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def _stored_head(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (HEAD_KEY,)).fetchone()
    if row is None:
        return None
    try:
        seq, digest = json.loads(row[0])
        return int(seq), str(digest)
    except (ValueError, TypeError):
        return (-1, "")  # unreadable: matches no entry


def status(conn: Connection) -> ChainStatus:
    """Compare the table's last entry with the recorded head (no walk of the chain: cheap
    enough for every sign-in and every append)."""
    last_seq, last_hash = _last(conn)
    head = _stored_head(conn)
    if head is None:
        if last_seq == 0:
            return ChainStatus(True, 0, None)
        return ChainStatus(
            False, last_seq, None, "the audit log's head record is missing: it was removed"
        )
    head_seq, head_hash = head
    if (head_seq, head_hash) == (last_seq, last_hash):
        return ChainStatus(True, last_seq, head_seq)
    if head_seq > last_seq:
        problem = (
            f"the audit log ends at #{last_seq} but entry #{head_seq} was written: "
            "entries at the end were deleted"
        )
    else:
        problem = (
            f"the audit log's last entry (#{last_seq}) is not the one recorded as its end "
            f"(#{head_seq}): entries were removed or rewritten"
        )
    return ChainStatus(False, last_seq, head_seq, problem)


def append(conn: Connection, entries: Iterable[NewEntry]) -> int:
    """Append ``entries`` in order inside the current transaction, chained from the recorded
    head; return the last seq. :class:`AuditChainBroken` (nothing written) when the table's
    last entry is not that head."""
    entries = list(entries)
    if not entries:
        return _last(conn)[0]
    found = status(conn)
    if not found.ok:
        raise AuditChainBroken(
            say(
                "The audit log is broken ({problem}); nothing was saved. An administrator must "
                "review it (tipdesk audit verify) and record the break (tipdesk audit "
                "acknowledge) before changes can be saved again.",
                problem=found.problem,
            )
        )
    return _append_after(conn, _last(conn), entries)


def record_break(conn: Connection, entry: NewEntry) -> ChainStatus:
    """Append ``entry`` (an administrator's acknowledgement, action :data:`BREAK_ACTION`) after
    the table's last entry although it is not the recorded head, with what did not match in
    its detail, and make it the head. Returns the status it acknowledged; raises
    ``ValueError`` when the chain is not broken (there is nothing to acknowledge)."""
    found = status(conn)
    if found.ok:
        raise ValueError("the audit chain is not broken")
    detail = dict(entry.detail or {})
    detail.update(
        {"log_ended_at": found.last_seq, "recorded_head": found.head_seq, "problem": found.problem}
    )
    ack = NewEntry(entry.at, entry.user, entry.device, BREAK_ACTION, detail=detail)
    _append_after(conn, _last(conn), [ack])
    return found


def _append_after(conn: Connection, last: tuple[int, str], entries: list[NewEntry]) -> int:
    seq, prev = last
    rows = []
    for e in entries:
        seq += 1
        detail_json = _canonical(e.detail or {})
        h = entry_hash(
            seq, e.at, e.user, e.device, e.action, e.kind, e.record_id, detail_json, prev
        )
        rows.append(
            (seq, e.at, e.user, e.device, e.action, e.kind, e.record_id, detail_json, prev, h)
        )
        prev = h
    insert_rows(conn, "INSERT INTO audit", rows)
    settings_table.put(conn, {HEAD_KEY: _canonical([seq, prev])})
    return seq


def _row_to_entry(row: Any) -> AuditEntry:
    return AuditEntry(
        seq=int(row[0]), at=row[1], user=row[2], device=row[3], action=row[4], kind=row[5],
        record_id=row[6], detail=json.loads(row[7]), prev_hash=row[8], hash=row[9],
    )  # fmt: skip


def entries(
    conn: Connection,
    *,
    after_seq: int = 0,
    limit: int = 500,
    action: str | None = None,
    user: str | None = None,
) -> list[AuditEntry]:
    """A page of entries in order, keyset-paged by ``after_seq``, optionally filtered."""
    sql = "SELECT * FROM audit WHERE seq > ?"
    params: list[Any] = [after_seq]
    if action:
        sql += " AND action = ?"
        params.append(action)
    if user:
        sql += " AND user = ?"
        params.append(user)
    sql += " ORDER BY seq LIMIT ?"
    params.append(limit)
    return [_row_to_entry(r) for r in conn.execute(sql, params)]


def _walk(conn: Connection) -> Iterator[Any]:
    cur = conn.execute("SELECT * FROM audit ORDER BY rowid")
    while batch := cur.fetchmany(5000):
        yield from batch


def verify_rows(rows: Iterable[Sequence[Any]]) -> tuple[VerifyResult, str]:
    """Check a chain's entries (rows of ``seq, at, user, device, action, kind, record_id,
    detail, prev_hash, hash`` in order): the result names the first entry that was edited,
    deleted or reordered; with it, the last entry's hash (:data:`GENESIS` for none), which a
    recorded head is compared with. Driver-free: HQ's PostgreSQL chain is checked by it too."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    breaks: list[str] = []
    for row in rows:
        seq, at, user, device, action, kind, record_id, detail_json, prev_hash, h = row
        count += 1
        if action == BREAK_ACTION:
            detail = json.loads(detail_json)
            breaks.append(
                f"#{seq}: {detail.get('problem', 'the log was broken')}; acknowledged by "
                f"{user} at {at}" + (f" ({detail['reason']})" if detail.get("reason") else "")
            )
        if seq != expected_seq:
            if seq > expected_seq:
                missing = (
                    f"#{expected_seq}"
                    if seq == expected_seq + 1
                    else f"#{expected_seq} to #{seq - 1}"
                )
                return VerifyResult(
                    False, count, f"audit entry {missing} was deleted", expected_seq
                ), prev
            return VerifyResult(False, count, f"audit entry #{seq} is out of order", seq), prev
        if prev_hash != prev:
            return VerifyResult(
                False,
                count,
                f"audit entry #{seq} does not follow #{seq - 1}: entries were removed or reordered",
                seq,
            ), prev
        recomputed = entry_hash(
            seq, at, user, device, action, kind, record_id, detail_json, prev_hash
        )
        if recomputed != h:
            return VerifyResult(False, count, f"audit entry #{seq} was edited", seq), prev
        prev = h
        expected_seq += 1
    return VerifyResult(True, count, breaks=tuple(breaks)), prev


def verify(conn: Connection) -> VerifyResult:
    """Check the whole chain, and that it ends at the head the store recorded; name the first
    entry that was edited, deleted or reordered."""
    walked, prev = verify_rows(_walk(conn))
    if not walked.ok:
        return walked
    count = walked.entries
    expected_seq = count + 1
    head = conn.execute("SELECT value FROM settings WHERE key = ?", (HEAD_KEY,)).fetchone()
    if head is not None:
        head_seq, head_hash = json.loads(head[0])
        if head_seq != expected_seq - 1 or head_hash != prev:
            return VerifyResult(
                False,
                count,
                f"the audit log ends at #{expected_seq - 1} but entry #{head_seq} was written: "
                "entries at the end were deleted",
                expected_seq,
            )
    elif count:
        return VerifyResult(False, count, "the audit log's head record is missing", None)
    return walked
