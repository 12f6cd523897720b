"""Receipts from the PostgreSQL HQ (issue 20): what :func:`tipdesk.services.sync.hq.receipt_for`
builds from the SQLCipher store, built from the HQ database, so districts apply it unchanged.

Contract:
- :func:`receipt_for` issues the device's next receipt (its serial kept in the database's
  ``sync_devices``, going on from the install's store's; audited there) in one transaction:
  the bundles imported since its last receipt, its open quarantine and conflicts, its gaps
  and acknowledged position,
  HQ's highest trusted anchor of its audit chain, the next page of records back from the
  device's confirmed position (:func:`tipdesk.services.sync.records_back.page_from`), HQ's
  linked-accused notices for its district, and the handovers from and to its district
  (:mod:`.hq_pg_handovers`, sealed identities to the receiving district only). What the
  PostgreSQL HQ does not hold comes from the HQ install's store as before: reference updates,
  the offices' directory; the case files received from the device are PostgreSQL's
  (:mod:`tipdesk.services.sync.hq_pg_files`).
- The receipt is signed by HQ and encrypted to the device, as every receipt.
- :func:`receipt_if_any` is ``None`` while the database holds no bundle of the device (a
  bundle waiting in the inbox is not acknowledged yet). The receiver builds no receipt: the
  importer workers do (:func:`prepare`, stored in the receipt outbox:
  :mod:`tipdesk.services.sync.hq_pg_outbox`), and it serves the stored one.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.hqstore import outbox
from tipdesk.hqstore.back import PgReceiptSource
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.services import reference_updates
from tipdesk.services.session import Session
from tipdesk.services.sync import (
    handovers,
    hq_pg,
    hq_pg_files,
    hq_pg_handovers,
    receipt_entries,
    records_back,
)
from tipdesk.services.sync.common import own_identity, require_hq, sync_store
from tipdesk.services.sync.hq import NOTICES_PER_RECEIPT
from tipdesk.sync import anchor, receipt, status
from tipdesk.sync.bundle import short_device
from tipdesk.sync.errors import UnknownSender


def receipt_if_any(session: Session, db: HqDatabase, device_id: str) -> bytes | None:
    """A new receipt for the device, or ``None`` while the database holds none of its
    bundles."""
    with db.connection() as conn:
        held = PgReceiptSource(conn, None, b"").bundles(device_id)  # no identity read
        conn.rollback()
    return receipt_for(session, db, device_id) if held else None


def receipt_for(session: Session, db: HqDatabase, device_id: str) -> bytes:
    """A new receipt for one registered device, from PostgreSQL (see the module contract)."""
    return prepare(session, device_id)(db, False)


Builder = Callable[[HqDatabase, bool], bytes]
"""``build(db, keep)``: issues the receipt in the database and seals it; ``keep``: also
stores it in the receipt outbox (:mod:`tipdesk.hqstore.outbox`) in the transaction that
issued its serial. It touches no session: an importer's thread may run it."""


def prepare(session: Session, device_id: str) -> Builder:
    """What a receipt needs from the session (permission, the device, HQ's keys, the install
    store's reference updates and directory), read on the session's thread; the
    builder does the rest (:data:`Builder`), so it never waits for that thread while it
    holds database locks (an import on another thread may wait for the session)."""
    session.require(Permission.SYNC)
    require_hq(session, "hq receipts")
    device = sync_store(session).device(device_id)
    if device is None:
        raise UnknownSender(
            say("There is no registered device …{device}.", device=short_device(device_id))
        )
    me = own_identity(session)
    private = session.store.vault.private_key()
    index_key = hq_pg.install_index_key(session)
    actor = session.actor()
    here = session.install.device_id

    # What the install's store holds, read here on the session's thread.
    updates = reference_updates.receipt_updates(session)
    directory = handovers.directory(session.store)
    issued_at = session.now()

    def work(conn: Conn, keep: bool) -> bytes:
        mark = outbox.mark(conn)  # before the page is read: a later change marks it stale
        src = PgReceiptSource(conn, private, index_key)
        state = src.device_state(device_id)
        if state is None:
            raise UnknownSender(
                say(
                    "The HQ database has not imported anything from device …{device} yet.",
                    device=short_device(device_id),
                )
            )
        # Serials go on from the install's store's (an HQ that moved to PostgreSQL).
        serial, fresh = src.issue_receipt(device_id, actor, device.receipt_serial)
        mirrored = dataclasses.replace(device, receipt_serial=serial, back_confirmed=state[1])
        held = src.bundles(device_id)
        prog = status.progress((b.seq, b.from_change, b.to_change) for b in held)
        if keep and not fresh:
            fresh = outbox.last_reported(held)
        echoed = anchor.echo(
            [
                anchor.Anchor(r.bundle_seq, r.entry, r.hash, r.problem)
                for r in src.anchors(device_id)
            ]
        )
        got = {
            "serial": serial,
            "prog": prog,
            "bundles": receipt_entries.bundle_entries(fresh),
            "quarantined": [
                receipt_entries.quarantine_entry(*q[:5], json.loads(q[5]))
                for q in src.open_quarantine(device_id)
            ],
            "conflicts": [
                receipt_entries.conflict_entry(*c) for c in src.open_conflicts(device_id)
            ],
            "page": records_back.page_from(src, mirrored, here),
            "notices": records_back.notices_from(src).get(device.district, []),
            "anchor": list(echoed) if echoed else [],
            "handovers": hq_pg_handovers.receipt_docs(conn, device.district),
            "files": hq_pg_files.received_from(session, conn, device.device_id, receipt.MAX_FILES),
        }
        sealed = _seal(got)
        if keep:
            outbox.keep(conn, device_id, serial, issued_at, mark, sealed)
        return sealed

    def _seal(got: dict[str, Any]) -> bytes:
        page: records_back.Page = got["page"]
        prog: status.Progress = got["prog"]
        rec = receipt.Receipt(
            hq=me.public.device_id,
            device=device.device_id,
            serial=got["serial"],
            issued_at=issued_at,
            highest_seq=prog.contiguous_seq,
            acked_change=prog.acked_change,
            gaps=prog.gaps,
            bundles=got["bundles"],
            quarantined=got["quarantined"],
            conflicts=got["conflicts"],
            updates=updates,
            back=page.back,
            records=page.records,
            resolved=page.resolved,
            notices=got["notices"][:NOTICES_PER_RECEIPT],
            anchor=got["anchor"],
            handovers=got["handovers"],
            directory=directory,
            files=got["files"],
        )
        return receipt.seal_receipt(me, rec, device.recipient)

    def build(db: HqDatabase, keep: bool) -> bytes:
        return db.run(lambda conn: work(conn, keep))

    return build
