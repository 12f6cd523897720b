"""Case handovers on the PostgreSQL HQ database (issue 20): what
:class:`tipdesk.store.handover_store.HandoverStore` does at HQ, over the caller's connection.

Contract (the SQLCipher store's, same rows and audit entries):
- :meth:`PgHandovers.get`, :meth:`~PgHandovers.of_cases` and :meth:`~PgHandovers.all` read as
  ``HandoverStore``'s methods of the same names.
- :meth:`PgHandovers.move` gives the case to the receiving district inside the caller's
  transaction: a new version of the case with the new owner (HQ's edit), a change-log row for
  the case and each of its accused, victims and referrals (the receiving district's next
  receipt carries the whole case), the handover kept as ``moved`` and the audit entry
  ``case.handover``; :meth:`~PgHandovers.refuse` keeps it ``refused`` with
  ``case.handover.refused``. Both append to the change log and the audit chain, so the caller
  holds :data:`tipdesk.hqstore.batch.LOG_LOCK` (a batch that flushed holds it).
- ``sealed`` (victims' identities sealed by the sending district for the receiving district's
  devices) is relayed as it came: HQ cannot open it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipdesk.hqstore.batch import append_audit
from tipdesk.hqstore.pool import Conn
from tipdesk.store.handover_store import HandoverRow, handover_entry
from tipdesk.store.store import Actor

_COLUMNS = (
    "id, case_id, from_district, to_district, reason, asked_by, asked_at, state, moved_at, "
    "sealed, sent_seq"
)


def _row(r: Sequence[Any]) -> HandoverRow:
    return HandoverRow(
        str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]),
        str(r[7]), str(r[8]), str(r[9]), int(str(r[10])),
    )  # fmt: skip


class PgHandovers:
    """HQ's handovers over one connection (see the module contract)."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def _rows(self, where: str, params: Sequence[Any]) -> list[HandoverRow]:
        sql = f"SELECT {_COLUMNS} FROM handovers WHERE {where}"  # noqa: S608
        return [_row(r) for r in self.conn.execute(sql.encode(), tuple(params)).fetchall()]

    def all(self, states: Sequence[str]) -> list[HandoverRow]:
        """Handovers in ``states``, newest asked first."""
        return self._rows("state = ANY(%s) ORDER BY asked_at DESC, id", (list(states),))

    def get(self, handover_id: str) -> HandoverRow | None:
        found = self._rows("id = %s", (handover_id,))
        return found[0] if found else None

    def of_cases(self, case_ids: Sequence[str]) -> dict[str, HandoverRow]:
        """The latest handover of each case that has one (refused ones left out)."""
        if not case_ids:
            return {}
        rows = self._rows(
            "state != 'refused' AND case_id = ANY(%s) ORDER BY asked_at, id", (list(case_ids),)
        )
        return {r.case_id: r for r in rows}

    def _keep(self, row: HandoverRow) -> None:
        self.conn.execute(
            f"INSERT INTO handovers ({_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
            "from_district = excluded.from_district, to_district = excluded.to_district, "
            "reason = excluded.reason, asked_by = excluded.asked_by, "
            "asked_at = excluded.asked_at, state = excluded.state, "
            "moved_at = excluded.moved_at, sealed = excluded.sealed, "
            "sent_seq = excluded.sent_seq".encode(),
            (
                row.id, row.case_id, row.from_district, row.to_district, row.reason,
                row.asked_by, row.asked_at, row.state, row.moved_at, row.sealed, row.sent_seq,
            ),
        )  # fmt: skip

    def owner(self, case_id: str) -> str | None:
        """The case's owner as HQ holds it (``None``: HQ does not hold the case)."""
        found = self.conn.execute("SELECT owner FROM cases WHERE id = %s", (case_id,)).fetchone()
        return None if found is None else str(found[0])

    def move(self, row: HandoverRow, actor: Actor) -> None:
        """Give the case to ``row.to_district`` (see the module contract)."""
        found = self.conn.execute(
            "UPDATE cases SET owner = %s, version = version + 1, updated_at = %s, "
            "updated_by = %s, updated_device = %s WHERE id = %s RETURNING version",
            (row.to_district, actor.at, actor.user, actor.device, row.case_id),
        ).fetchone()
        if found is None:
            raise LookupError(row.case_id)
        changes: list[tuple[str, str, int]] = [("case", row.case_id, int(str(found[0])))]
        for kind, table, key in (
            ("accused", "accused", "case_id"),
            ("victim", "victims", "case_id"),
        ):
            changes += [
                (kind, str(r[0]), int(str(r[1])))
                for r in self.conn.execute(
                    f"SELECT id, version FROM {table} WHERE {key} = %s ORDER BY rowid".encode(),  # noqa: S608
                    (row.case_id,),
                )
            ]
        victims = [i for k, i, _v in changes if k == "victim"]
        changes += [
            ("referral", str(r[0]), int(str(r[1])))
            for r in self.conn.execute(
                "SELECT id, version FROM referrals WHERE victim_id = ANY(%s) ORDER BY rowid",
                (victims,),
            )
        ]
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO changes (kind, record_id, version, at, owner, device) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [(k, i, v, actor.at, row.to_district, actor.device) for k, i, v in changes],
            )
        self._keep(row)
        append_audit(
            self.conn,
            [handover_entry(actor, "case.handover", row, records=len(changes))],
        )

    def refuse(self, row: HandoverRow, actor: Actor, why: str) -> None:
        """Keep the handover ``refused``, audited with the reason it was refused."""
        self._keep(row)
        append_audit(self.conn, [handover_entry(actor, "case.handover.refused", row, why=why)])
