"""Handovers through sync (issue 14, part B): what bundles and receipts carry, and what HQ
and the districts do with it (the use cases are :mod:`tipdesk.services.handover`).

- A district's bundle carries every handover it asked that HQ has not moved yet
  (``bundle.handovers``); HQ applies them in the bundle's transaction, after its records,
  with :func:`apply_requests`: the sender must be the case's owner as HQ knows it, and the
  case must be at HQ; otherwise the handover is refused (kept as ``refused``, audited) and
  the sending district learns it from its next receipt (the case is editable there again).
- HQ's receipts carry, for a district, the handovers from it and to it (:func:`for_receipt`;
  the sealed identities only to the receiving district), and the directory of every
  district's registered devices' age recipients (:func:`directory`), which a district needs
  to seal identities for a receiving district.
- At a district, :func:`settle` keeps them with the receipt: the sender's copy stays
  read-only with the receiving district as its owner; the receiving district lists the case
  as handed over to it and writes the victims' identities sealed for its device into its
  own vault, as soon as the case's victims have arrived (records back may take more than one
  receipt).

Contract: nothing here writes a plaintext identity outside a vault or logs one; a handover
that does not open for this device (sealed for another) leaves the identities blank and says
so in the receipt's result, never an error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from tipdesk.core.codes import InstallRole
from tipdesk.services.session import Session
from tipdesk.store import identity_relay
from tipdesk.store.handover_store import MOVED, REFUSED, HandoverRow, HandoverStore
from tipdesk.store.remote_apply import RemoteBatch
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import age

DIRECTORY_KEY = "sync_directory"


def for_bundle(store: Store) -> list[dict[str, Any]]:
    """The handovers this district asked that HQ has not moved yet (every bundle carries
    them until a receipt says they moved or were refused: HQ ignores one it has)."""
    return [r.to_json() for r in HandoverStore(store).all(("asked",))]


def unsent(store: Store) -> bool:
    """Whether a handover asked here is in no bundle yet (an export must make one)."""
    return any(r.sent_seq == 0 for r in HandoverStore(store).all(("asked",)))


def row_of(doc: dict[str, Any], state: str | None = None) -> HandoverRow:
    sealed = doc.get("sealed") or {}
    return HandoverRow(
        str(doc["id"]),
        str(doc["case_id"]),
        str(doc["from"]),
        str(doc["to"]),
        str(doc["reason"]),
        str(doc["asked_by"]),
        str(doc["asked_at"]),
        state or str(doc.get("state", "")),
        str(doc.get("moved_at", "")),
        json.dumps(sealed, sort_keys=True) if sealed else "",
    )


class HandoverBook(Protocol):
    """HQ's handovers in either engine, inside an import's transaction (the SQLCipher store's
    :class:`HandoverStore`, or :class:`tipdesk.hqstore.handovers.PgHandovers`)."""

    def get(self, handover_id: str) -> HandoverRow | None: ...
    def owner(self, case_id: str) -> str | None: ...
    def move(self, row: HandoverRow, actor: Actor) -> None: ...
    def refuse(self, row: HandoverRow, actor: Actor, why: str) -> None: ...


class _StoreBook:
    """:class:`HandoverBook` on the SQLCipher store, in the batch's transaction."""

    def __init__(self, b: RemoteBatch, store: Store) -> None:
        self._b = b
        self._handovers = HandoverStore(store)

    def get(self, handover_id: str) -> HandoverRow | None:
        return self._handovers.get(handover_id)

    def owner(self, case_id: str) -> str | None:
        found = self._b.conn.execute("SELECT owner FROM cases WHERE id = ?", (case_id,)).fetchone()
        return None if found is None else str(found[0])

    def move(self, row: HandoverRow, actor: Actor) -> None:
        self._handovers.move(self._b.conn, row, actor)

    def refuse(self, row: HandoverRow, actor: Actor, why: str) -> None:
        self._handovers.refuse(self._b.conn, row, actor, why)


def apply_requests(
    b: RemoteBatch,
    store: Store,
    requests: Sequence[dict[str, Any]],
    device_district: str,
    districts: Sequence[str],
    actor: Actor,
) -> list[dict[str, str]]:
    """Move the cases a bundle hands over (HQ, inside the bundle's transaction); what was
    done, per handover: ``{"id", "case_id", "state", "why"}``."""
    return apply_in(_StoreBook(b, store), requests, device_district, districts, actor)


def apply_in(
    book: HandoverBook,
    requests: Sequence[dict[str, Any]],
    device_district: str,
    districts: Sequence[str],
    actor: Actor,
) -> list[dict[str, str]]:
    """:func:`apply_requests` over either engine's handovers (``book``)."""
    out: list[dict[str, str]] = []
    for doc in requests:
        row = row_of(doc, MOVED)
        if book.get(row.id) is not None:
            continue  # carried again by a later bundle: HQ has it
        owner = book.owner(row.case_id)
        why = ""
        if owner is None:
            why = "HQ does not hold the case (it may have been quarantined)"
        elif owner != device_district or row.from_district != device_district:
            why = f"the case belongs to {owner}, not to the sending district"
        elif row.to_district not in districts or row.to_district == device_district:
            why = f"{row.to_district!r} is not another district of HQ's reference list"
        if why:
            book.refuse(HandoverRow(**{**_plain(row), "state": REFUSED}), actor, why)
        else:
            row = HandoverRow(**{**_plain(row), "moved_at": actor.at})
            book.move(row, actor)
        out.append({"id": row.id, "case_id": row.case_id, "state": REFUSED if why else MOVED,
                    "why": why})  # fmt: skip
    return out


def _plain(row: HandoverRow) -> dict[str, Any]:
    return {f: getattr(row, f) for f in HandoverRow.__dataclass_fields__}


def for_receipt(store: Store, district: str) -> list[dict[str, Any]]:
    """HQ's handovers from and to ``district`` (moved or refused); the sealed identities go
    to the receiving district only."""
    return receipt_docs(HandoverStore(store).all((MOVED, REFUSED)), district)


def receipt_docs(rows: Sequence[HandoverRow], district: str) -> list[dict[str, Any]]:
    """:func:`for_receipt` from HQ's moved and refused handovers ``rows`` (either engine's,
    newest asked first)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if district not in (row.from_district, row.to_district):
            continue
        doc = row.to_json()
        if row.to_district != district:
            doc["sealed"] = {}
        out.append(doc)
    return out


def directory(store: Store) -> dict[str, list[str]]:
    """Every district's registered (not revoked) devices' age recipients (HQ)."""
    out: dict[str, list[str]] = {}
    for device in SyncStore(store).devices():
        if not device.revoked_at:
            out.setdefault(device.district, []).append(device.recipient)
    return {k: sorted(v) for k, v in sorted(out.items())}


def settle(
    session: Session,
    docs: Sequence[dict[str, Any]],
    directory_doc: dict[str, Any] | None,
    age_identity: str,
) -> dict[str, list[str]]:
    """Keep what a receipt says about handovers (a district, inside the receipt's
    transaction), and write the identities handed over to this district that can be
    written now. ``{"moved", "refused", "received", "identities"}``: ids of what changed."""
    if session.install.role is InstallRole.HQ:
        return {}
    store = session.store
    handovers = HandoverStore(store)
    if directory_doc is not None:
        handovers.set_setting(DIRECTORY_KEY, json.dumps(directory_doc, sort_keys=True))
    rows = [row_of(d) for d in docs]
    changed = handovers.settle(rows, session.install.district, session.actor())
    out: dict[str, list[str]] = {"moved": [], "refused": [], "received": [], "identities": []}
    for row in changed:
        key = {"moved": "moved", "refused": "refused", "received": "received"}.get(row.state)
        if key:
            out[key].append(row.case_id)
    mine = age.recipient_of(age_identity)
    private = age.identity_key(age_identity)
    for row in handovers.waiting_identities():
        sealed = json.loads(row.sealed).get(mine)
        values = identity_relay.open_sealed(private, sealed) if sealed else None
        if values is None:
            continue  # sealed for another device of this district: that device writes them
        out["identities"] += handovers.fill_identities(row, values)
    return out
