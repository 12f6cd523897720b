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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipdesk.hqstore.batch import PgRemoteBatch
from tipdesk.hqstore.handovers import PgHandovers
from tipdesk.hqstore.pool import Conn
from tipdesk.services.sync import handovers
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.handover_store import MOVED, REFUSED


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
