"""Handovers on the PostgreSQL HQ database (issue 20): a bundle handing a case to another
district is imported, and the case moves, as on the SQLCipher HQ.

Contract: :class:`PgBookkeeping` is the PostgreSQL import's
:class:`~tipdesk.services.sync.import_batch.HqBookkeeping`: the device's audit anchors and
records-back cursor through the batch (:class:`tipdesk.hqstore.batch.PgRemoteBatch`), and the
bundle's handovers decided by the SQLCipher HQ's own rules
(:func:`tipdesk.services.sync.handovers.apply_in`) and written by
:class:`tipdesk.hqstore.handovers.PgHandovers`, in the bundle's transaction, after its records
(the batch is flushed first, which also takes the log lock the handovers' change-log rows and
audit entries need). The victims' identities the sending district sealed for the receiving
district's devices are kept as they came and relayed in that district's receipt
(:func:`receipt_docs`); HQ cannot open them.

HQ's own handover of a case (``tipdesk hq handover``) moves it in PostgreSQL with the same
writes (:func:`move`, under the case's record claim and the log lock), and ``tipdesk case
handovers`` lists PostgreSQL's (:func:`listed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipdesk.core.errors import NotFound
from tipdesk.core.messages import say
from tipdesk.core.records import Case
from tipdesk.hqstore.batch import LOG_LOCK, PgRemoteBatch
from tipdesk.hqstore.handovers import PgHandovers
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync import handovers
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.handover_store import ASKED, MOVED, RECEIVED, REFUSED, HandoverRow


class PgBookkeeping:
    """HQ's records of a device that a PostgreSQL import updates (see the module contract)."""

    def __init__(self, b: PgRemoteBatch, districts: Sequence[str]) -> None:
        self._b = b
        self._districts = districts

    def anchors(self, device_id: str) -> list[AnchorRow]:
        return self._b.anchors(device_id)

    def add_anchor(self, row: AnchorRow) -> None:
        self._b.add_anchor(row)

    def confirm_back(self, device_id: str, through: int) -> None:
        self._b.confirm_back(device_id, through)

    def apply_handovers(
        self, requests: Sequence[dict[str, Any]], device_district: str
    ) -> list[dict[str, str]]:
        self._b.flush()
        return handovers.apply_in(
            PgHandovers(self._b.conn), requests, device_district, self._districts, self._b.actor
        )


def receipt_docs(conn: Conn, district: str) -> list[dict[str, Any]]:
    """The handovers from and to ``district`` for its receipt, from PostgreSQL
    (:func:`tipdesk.services.sync.handovers.for_receipt`)."""
    return handovers.receipt_docs(PgHandovers(conn).all((MOVED, REFUSED)), district)


def case_of(session: Session, db: HqDatabase, case_id: str) -> Case:
    """A case as HQ holds it in PostgreSQL (victims' identities masked); refuses one that is
    not there, as :func:`tipdesk.services.handover.hq_move` does."""
    from tipdesk.services.sync import hq_pg_edit  # it imports hq_pg, which imports this module

    found = hq_pg_edit.get(session, db, "case", case_id.strip())
    if not isinstance(found, Case):
        raise NotFound(say("There is no case with id {id}.", id=case_id))
    return found


def move(session: Session, db: HqDatabase, row: HandoverRow) -> None:
    """HQ's own handover of a case in PostgreSQL: in one transaction, the case's record claim
    (an import or a save of the case waits, or makes this wait), the log lock, then
    :meth:`tipdesk.hqstore.handovers.PgHandovers.move` (as on the SQLCipher HQ)."""
    actor = session.actor()

    def work(conn: Conn) -> None:
        conn.execute(
            "INSERT INTO sync_record_claims (record_id) VALUES (%s) ON CONFLICT (record_id) "
            "DO UPDATE SET claims = sync_record_claims.claims + 1",
            (row.case_id,),
        )
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOG_LOCK,))
        PgHandovers(conn).move(row, actor)

    db.run(work)


def listed(db: HqDatabase) -> list[tuple[HandoverRow, str]]:
    """Every handover HQ's PostgreSQL database holds, newest asked first, each with its
    case's number (``""`` when the case is not there)."""
    with db.connection() as conn:
        try:
            rows = PgHandovers(conn).all((ASKED, MOVED, RECEIVED, REFUSED))
            numbers = {
                str(i): str(n)
                for i, n in conn.execute(
                    "SELECT id, case_number FROM cases WHERE id = ANY(%s)",
                    ([r.case_id for r in rows],),
                )
            }
        finally:
            conn.rollback()
    return [(r, numbers.get(r.case_id, "")) for r in rows]
