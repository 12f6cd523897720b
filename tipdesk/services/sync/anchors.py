"""Audit anchors: HQ's history of each device's audit log heads, and the district's check of
its own log against HQ's anchor (:mod:`tipdesk.sync.anchor` says what is checked and why).

HQ side:
- :func:`record`, inside a bundle's import transaction: checks the head and proof the bundle
  carried against the device's history, records the anchor with what was found, and writes a
  ``sync.anchor`` audit entry when something was (entry numbers only).
- :func:`receipt_anchor`: the anchor a receipt carries back; :func:`problems`: every flag, by
  device (``tipdesk hq devices``; the Sync screen).

District side:
- :func:`proof`: what the next bundle proves (HQ's last anchor and the hash the chain has
  there now); :func:`compare_with_hq` (``tipdesk audit verify``): the chain against HQ's
  anchor from the latest receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.services.sync.import_batch import ImportBatch
from tipdesk.store import anchor_store
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.audit import NewEntry
from tipdesk.store.store import Store
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import anchor
from tipdesk.sync.anchor import AnchorCheck
from tipdesk.sync.payload import Payload


@dataclass(frozen=True, slots=True)
class AnchorProblem:
    """A bundle whose audit head HQ flagged: ``problem`` is ``backwards`` or ``fork``."""

    bundle: int
    problem: str
    message: str
    received_at: str


# --- HQ ---------------------------------------------------------------------------------------
class AnchorBook(Protocol):
    """Where a device's audit anchors are kept (the SQLCipher store or PostgreSQL)."""

    def anchors(self, device_id: str) -> list[AnchorRow]: ...
    def add_anchor(self, row: AnchorRow) -> None: ...


def check_and_record(
    b: ImportBatch, book: AnchorBook, device_id: str, bundle: int, contents: Payload
) -> AnchorCheck:
    """Check and record the audit head bundle ``bundle`` of ``device_id`` carried, in the
    import's transaction ``b`` of either engine, its anchors kept in ``book``."""
    history = [
        anchor.Anchor(r.bundle_seq, r.entry, r.hash, r.problem) for r in book.anchors(device_id)
    ]
    found = anchor.check(history, bundle, contents.audit_head, contents.audit_at)
    entry, digest = contents.audit_head
    proof_entry, proof_hash = contents.audit_at
    book.add_anchor(
        AnchorRow(
            device_id, bundle, entry, digest, proof_entry, proof_hash, b.actor.at,
            found.problem, found.message,
        ),
    )  # fmt: skip
    if found.problem:
        b.audit(
            NewEntry(
                b.actor.at,
                b.actor.user,
                b.actor.device,
                "sync.anchor",
                "device",
                device_id,
                {"bundle": bundle, "problem": found.problem, "entry": entry},
            )
        )
    return found


def receipt_anchor(store: Store, device_id: str) -> list[Any]:
    """``[entry, hash]`` of HQ's highest trusted anchor of the device (``[]`` when none)."""
    rows = anchor_store.anchors(store, device_id)
    found = anchor.echo([anchor.Anchor(r.bundle_seq, r.entry, r.hash, r.problem) for r in rows])
    return list(found) if found else []


def problems(store: Store) -> dict[str, list[AnchorProblem]]:
    """Every flagged anchor, by device, oldest bundle first."""
    out: dict[str, list[AnchorProblem]] = {}
    for r in anchor_store.problems(store):
        out.setdefault(r.device_id, []).append(
            AnchorProblem(r.bundle_seq, r.problem, r.detail, r.received_at)
        )
    return out


# --- district ---------------------------------------------------------------------------------
def _hq_anchor(store: Store) -> tuple[int, str] | None:
    last = SyncStore(store).last_receipt()
    found = last.summary.get("anchor") if last is not None else None
    if isinstance(found, list) and len(found) == 2 and type(found[0]) is int and found[0] > 0:
        return found[0], str(found[1])
    return None


def proof(store: Store) -> tuple[int, str]:
    """What the next bundle proves: HQ's last anchor's entry and the hash this install's
    audit chain has there now ("" when the chain no longer reaches it); (0, "") without one."""
    hq = _hq_anchor(store)
    if hq is None:
        return 0, ""
    return hq[0], anchor_store.audit_hash_at(store, hq[0])


@dataclass(frozen=True, slots=True)
class HqAnchorComparison:
    """This install's audit chain against the anchor of it HQ recorded (the latest receipt's):
    ``matches`` is None when HQ holds no anchor yet."""

    entry: int
    matches: bool | None
    message: str


def compare_with_hq(session: Session) -> HqAnchorComparison | None:
    """The audit chain's entry at HQ's anchor against the hash HQ recorded; None at HQ."""
    session.require(Permission.AUDIT)
    if session.install.role is not InstallRole.DISTRICT:
        return None
    hq = _hq_anchor(session.store)
    if hq is None:
        return HqAnchorComparison(
            0, None, "HQ holds no anchor of this audit log yet (none came with a receipt)."
        )
    entry, digest = hq
    here = anchor_store.audit_hash_at(session.store, entry)
    if here == digest:
        return HqAnchorComparison(
            entry, True, f"Entry #{entry:,} matches the anchor HQ holds of this audit log."
        )
    if not here:
        why = f"the log has no entry #{entry:,}, which HQ anchored: entries were removed"
    else:
        why = f"entry #{entry:,} is not the one HQ anchored: the log was rewritten"
    return HqAnchorComparison(entry, False, f"This audit log does not match HQ's anchor: {why}.")
