"""Audit anchors in the store (schema step 9): HQ's history of every device's audit heads
(``sync_anchors``), and, at a district, the hash of one entry of its own audit chain.

Contract: functions on an open store's connection (the caller's transaction when one is
given); no crypto and no decisions (:mod:`tipdesk.sync.anchor` decides,
:mod:`tipdesk.services.sync.anchors` drives). Rows hold entry numbers, hashes and HQ's
explanation only, never record contents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tipdesk.store.driver import Connection, translated
from tipdesk.store.store import Store


@dataclass(frozen=True, slots=True)
class AnchorRow:
    """One bundle's audit head as HQ recorded it (see schema step 9)."""

    device_id: str
    bundle_seq: int
    entry: int
    hash: str
    proof_entry: int
    proof_hash: str
    received_at: str
    problem: str = ""
    detail: str = ""


_COLUMNS = (
    "device_id, bundle_seq, entry, hash, proof_entry, proof_hash, received_at, problem, detail"
)


def _conn(store: Store) -> Connection:
    return store._conn  # sync bookkeeping shares the store's connection and thread


def anchors(store: Store, device_id: str, conn: Connection | None = None) -> list[AnchorRow]:
    """The device's anchors, by bundle number."""
    with translated():
        rows = (conn or _conn(store)).execute(
            f"SELECT {_COLUMNS} FROM sync_anchors WHERE device_id = ? ORDER BY bundle_seq",  # noqa: S608
            (device_id,),
        )
        return [_row(r) for r in rows]


def problems(store: Store) -> list[AnchorRow]:
    """Every anchor HQ flagged, by device and bundle."""
    with translated():
        rows = _conn(store).execute(
            f"SELECT {_COLUMNS} FROM sync_anchors WHERE problem != '' "  # noqa: S608
            "ORDER BY device_id, bundle_seq"
        )
        return [_row(r) for r in rows]


def add_anchor(conn: Connection, row: AnchorRow) -> None:
    """Record one bundle's head, inside the caller's transaction (the bundle's import)."""
    with translated():
        conn.execute(
            f"INSERT OR REPLACE INTO sync_anchors ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",  # noqa: S608
            (
                row.device_id,
                row.bundle_seq,
                row.entry,
                row.hash,
                row.proof_entry,
                row.proof_hash,
                row.received_at,
                row.problem,
                row.detail,
            ),
        )


def audit_hash_at(store: Store, entry: int) -> str:
    """The hash the audit chain of this store holds at ``entry`` ("" when it has none)."""
    with translated():
        row = _conn(store).execute("SELECT hash FROM audit WHERE seq = ?", (entry,)).fetchone()
    return str(row[0]) if row else ""


def _row(r: Any) -> AnchorRow:
    return AnchorRow(
        str(r[0]), int(r[1]), int(r[2]), str(r[3]), int(r[4]), str(r[5]), str(r[6]), str(r[7]),
        str(r[8]),
    )  # fmt: skip
