"""Case handovers in the store (``handovers``, schema step 10 to 11; issue 14, part B).

One row per handover, kept by each install that takes part, in the state it has there:

- ``asked`` at the sending district (it waits for HQ; the case is read-only there already);
- ``moved`` at HQ (the owner changed) and at the sending district once a receipt said so;
- ``received`` at the receiving district ("Handed over to you");
- ``refused`` at HQ and the sending district when HQ could not move it (the reason in
  ``sealed``'s place is never used: ``reason`` stays the sender's, the refusal is audited).

``sealed`` holds the victims' identities sealed for the receiving district's devices (JSON,
:func:`tipdesk.store.identity_relay.seal_for` per device recipient): HQ relays it and cannot
open it; the receiving district clears it once every victim has its identity.

Contract: every write is one transaction with its audit entry (ids, districts and the reason's
length only: the reason is text an officer typed and may name people, so the audit log does
not copy it); nothing here checks permissions or districts (the services do).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.core.records import Victim
from tipdesk.store import audit, settings_table
from tipdesk.store.driver import Connection, transaction, translated
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_rows import chunks, marks

ASKED, MOVED, RECEIVED, REFUSED = "asked", "moved", "received", "refused"
_COLUMNS = (
    "id, case_id, from_district, to_district, reason, asked_by, asked_at, state, moved_at, "
    "sealed, sent_seq"
)


@dataclass(frozen=True, slots=True)
class HandoverRow:
    id: str
    case_id: str
    from_district: str
    to_district: str
    reason: str
    asked_by: str
    asked_at: str
    state: str
    moved_at: str = ""
    sealed: str = ""
    """JSON: recipient (base64 X25519 public key) -> sealed identities; '' when none."""
    sent_seq: int = 0

    def to_json(self) -> dict[str, Any]:
        """As bundles and receipts carry it (``docs/bundle-format.md``)."""
        return {
            "id": self.id,
            "case_id": self.case_id,
            "from": self.from_district,
            "to": self.to_district,
            "reason": self.reason,
            "asked_by": self.asked_by,
            "asked_at": self.asked_at,
            "state": self.state,
            "moved_at": self.moved_at,
            "sealed": json.loads(self.sealed) if self.sealed else {},
        }


def _row(r: Sequence[Any]) -> HandoverRow:
    return HandoverRow(
        str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]),
        str(r[7]), str(r[8]), str(r[9]), int(r[10]),
    )  # fmt: skip


def handover_entry(actor: Actor, action: str, row: HandoverRow, **detail: Any) -> audit.NewEntry:
    """A handover's audit entry: ids, districts and the reason's length only (the PostgreSQL
    HQ writes the same: :mod:`tipdesk.hqstore.handovers`)."""
    return audit.NewEntry(
        actor.at,
        actor.user,
        actor.device,
        action,
        "case",
        row.case_id,
        {
            "handover": row.id,
            "from": row.from_district,
            "to": row.to_district,
            "reason_chars": len(row.reason),
            **detail,
        },
    )


class HandoverStore:
    """The handovers of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn: Connection = store._conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[HandoverRow]:
        with translated():
            return [_row(tuple(r)) for r in self._conn.execute(sql, params).fetchall()]

    # --- reading -----------------------------------------------------------------------------
    def all(self, states: Sequence[str] = (ASKED, MOVED, RECEIVED, REFUSED)) -> list[HandoverRow]:
        return self._rows(
            f"SELECT {_COLUMNS} FROM handovers WHERE state IN ({marks(len(states))}) "  # noqa: S608
            "ORDER BY asked_at DESC, id",
            states,
        )

    def get(self, handover_id: str) -> HandoverRow | None:
        found = self._rows(f"SELECT {_COLUMNS} FROM handovers WHERE id = ?", (handover_id,))  # noqa: S608
        return found[0] if found else None

    def of_cases(self, case_ids: Sequence[str]) -> dict[str, HandoverRow]:
        """The latest handover of each case ``case_ids`` that has one (refused ones left out)."""
        out: dict[str, HandoverRow] = {}
        for part in chunks(list(case_ids)):
            rows = self._rows(
                f"SELECT {_COLUMNS} FROM handovers WHERE state != 'refused' "  # noqa: S608
                f"AND case_id IN ({marks(len(part))}) ORDER BY asked_at, id",
                part,
            )
            out.update({r.case_id: r for r in rows})
        return out

    def received_offices(self) -> frozenset[str]:
        """The offices of the cases handed over to this district (they keep their code)."""
        with translated():
            rows = self._conn.execute(
                "SELECT DISTINCT c.office FROM handovers AS h JOIN cases AS c ON c.id = h.case_id "
                "WHERE h.state = 'received'"
            ).fetchall()
        return frozenset(str(r[0]) for r in rows)

    # --- the sending district ----------------------------------------------------------------
    def ask(self, row: HandoverRow, actor: Actor) -> None:
        with transaction(self._conn) as conn:
            _insert(conn, row)
            audit.append(conn, [handover_entry(actor, "case.handover.ask", row)])

    def mark_sent(self, ids: Sequence[str], seq: int) -> None:
        """The handovers ``ids`` went in bundle ``seq``."""
        with transaction(self._conn) as conn:
            conn.executemany(
                "UPDATE handovers SET sent_seq = ? WHERE id = ? AND sent_seq = 0",
                [(seq, i) for i in ids],
            )

    # --- HQ ------------------------------------------------------------------------------------
    def move_now(self, row: HandoverRow, actor: Actor) -> None:
        """:meth:`move` in a transaction of its own (HQ's own handover)."""
        with transaction(self._conn) as conn:
            self.move(conn, row, actor)

    def move(self, conn: Connection, row: HandoverRow, actor: Actor) -> None:
        """Give the case of ``row`` to ``row.to_district`` inside the caller's transaction
        (HQ): a new version of the case with the new owner (this install's edit), and a
        change-log row for each of its accused, victims and referrals, so the receiving
        district's next receipt carries the whole case; the handover kept as ``moved``."""
        stored = conn.execute("SELECT version FROM cases WHERE id = ?", (row.case_id,)).fetchone()
        if stored is None:
            raise LookupError(row.case_id)
        version = int(stored[0]) + 1
        conn.execute(
            "UPDATE cases SET owner = ?, version = ?, updated_at = ?, updated_by = ?, "
            "updated_device = ? WHERE id = ?",
            (row.to_district, version, actor.at, actor.user, actor.device, row.case_id),
        )
        changes = [("case", row.case_id, version)]
        for kind, table in (("accused", "accused"), ("victim", "victims")):
            changes += [
                (kind, r[0], int(r[1]))
                for r in conn.execute(
                    f"SELECT id, version FROM {table} WHERE case_id = ?",  # noqa: S608
                    (row.case_id,),
                ).fetchall()
            ]
        victims = [c[1] for c in changes if c[0] == "victim"]
        for part in chunks(victims):
            changes += [
                ("referral", r[0], int(r[1]))
                for r in conn.execute(
                    f"SELECT id, version FROM referrals WHERE victim_id IN ({marks(len(part))})",  # noqa: S608
                    part,
                ).fetchall()
            ]
        conn.executemany(
            "INSERT INTO changes(kind, record_id, version, at, owner, device) VALUES (?,?,?,?,?,?)",
            [(k, i, v, actor.at, row.to_district, actor.device) for k, i, v in changes],
        )
        _insert(conn, row, replace=True)
        audit.append(conn, [handover_entry(actor, "case.handover", row, records=len(changes))])

    def refuse(self, conn: Connection, row: HandoverRow, actor: Actor, why: str) -> None:
        _insert(conn, row, replace=True)
        audit.append(conn, [handover_entry(actor, "case.handover.refused", row, why=why)])

    # --- receipts at a district ----------------------------------------------------------------
    def settle(self, rows: Sequence[HandoverRow], own: str, actor: Actor) -> list[HandoverRow]:
        """Keep what a receipt said (inside the caller's transaction): at the sending
        district the state HQ gave (and, once moved, the receiving district as the case's
        owner here: the copy stays read-only); at the receiving district the handover as
        ``received``. The rows new in their state here."""
        changed: list[HandoverRow] = []
        for row in rows:
            held = self.get(row.id)
            if row.from_district == own and row.to_district != own:
                if held is not None and held.state == row.state:
                    continue
                mine = HandoverRow(**{**_fields(held or row), "state": row.state,
                                      "moved_at": row.moved_at})  # fmt: skip
                _insert(self._conn, mine, replace=True)
                if row.state == MOVED:
                    self._conn.execute(
                        "UPDATE cases SET owner = ? WHERE id = ?", (row.to_district, row.case_id)
                    )
                changed.append(mine)
            elif row.to_district == own and row.state == MOVED:
                if held is not None:
                    continue
                mine = HandoverRow(**{**_fields(row), "state": RECEIVED})
                _insert(self._conn, mine)
                audit.append(self._conn, [handover_entry(actor, "case.handover.received", mine)])
                changed.append(mine)
        return changed

    def set_setting(self, key: str, value: str) -> None:
        """One setting inside the caller's transaction (the directory a receipt brings)."""
        settings_table.put(self._conn, {key: value})

    def settle_now(self, rows: Sequence[HandoverRow], own: str, actor: Actor) -> None:
        """:meth:`settle` in a transaction of its own (the screenshots' demo data)."""
        with transaction(self._conn):
            self.settle(rows, own, actor)

    def waiting_identities(self) -> list[HandoverRow]:
        """Received handovers whose sealed identities are not all written yet."""
        return self._rows(
            f"SELECT {_COLUMNS} FROM handovers WHERE state = 'received' AND sealed != ''"  # noqa: S608
        )

    def fill_identities(
        self, row: HandoverRow, values: Mapping[str, Mapping[str, str]]
    ) -> list[str]:
        """Write the identities a handover brought into the victims this store has now
        (sealed in this store's vault; no new version: HQ holds none of it), inside the
        caller's transaction; forget the sealed copy once every victim has had its own. The
        ids of the victims written."""
        vault = self._store.vault
        written: list[str] = []
        for victim_id, fields in values.items():
            if (
                self._conn.execute("SELECT 1 FROM victims WHERE id = ?", (victim_id,)).fetchone()
                is None
            ):
                continue
            names = [n for n in Victim.IDENTIFYING if fields.get(n)]
            if not names:
                written.append(victim_id)
                continue
            sets = ", ".join(f"{n} = ?" for n in names)
            sealed = [vault.seal(victim_id, n, fields[n]) for n in names]
            self._conn.execute(
                f"UPDATE victims SET {sets} WHERE id = ?",  # noqa: S608
                (*sealed, victim_id),
            )
            victim = Victim(id=victim_id)
            for n in Victim.IDENTIFYING:
                setattr(victim, n, fields.get(n, ""))
            vault.index([victim])
            written.append(victim_id)
        if set(written) >= set(values):
            self._conn.execute("UPDATE handovers SET sealed = '' WHERE id = ?", (row.id,))
        return written


def _fields(row: HandoverRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "case_id": row.case_id,
        "from_district": row.from_district,
        "to_district": row.to_district,
        "reason": row.reason,
        "asked_by": row.asked_by,
        "asked_at": row.asked_at,
        "state": row.state,
        "moved_at": row.moved_at,
        "sealed": row.sealed,
        "sent_seq": row.sent_seq,
    }


def _insert(conn: Connection, row: HandoverRow, *, replace: bool = False) -> None:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    conn.execute(
        f"{verb} INTO handovers({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        tuple(_fields(row).values()),
    )
