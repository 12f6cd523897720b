"""The district side: collecting every change HQ has not acknowledged into the next bundle.

Contract:
- :func:`next_bundle` reads one consistent snapshot of the store and returns ``None`` when
  nothing changed since the last bundle and every change HQ lacks is still in the outbox (so
  exporting twice writes nothing). Otherwise the
  bundle holds the *current* state of every record changed after the change-log position HQ
  acknowledged (at-least-once: HQ removes duplicates), numbered one past the last bundle.
- Victims' identifying fields (name, father's name, CNIC, phone, address) leave the district
  only when ``consent_to_share`` is true; otherwise they are blank in the payload. They are
  sealed in the store (:mod:`tipdesk.store.identity`): a bundle holding a consenting victim
  is exported only by a user who holds the identity key (:class:`PermissionDenied` for others,
  nothing written); the payload carries the plain values, as before.
- The bundle carries the district's audit chain head, so HQ holds an anchor of the chain
  outside the laptop (``docs/security.md``).
- Records back: a row still exactly as HQ sent it back in a receipt (its ``sync_versions``
  entry is its current version) is not sent again, HQ holds it; the bundle confirms how far
  the district applied HQ's records back (``back``, from the latest receipt), and a bundle is
  made for that confirmation alone when nothing else is new.
- It does not write anything: the caller records the bundle in the outbox.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from tipdesk.core.errors import PermissionDenied
from tipdesk.core.masking import is_masked
from tipdesk.core.records import Record, Victim
from tipdesk.store.audit import HEAD_KEY as AUDIT_HEAD_KEY
from tipdesk.store.store import Store
from tipdesk.store.sync_store import HqRow, OutboxRow, SyncStore
from tipdesk.sync import payload
from tipdesk.sync.bundle import Manifest, seal_bundle
from tipdesk.sync.identity import Identity
from tipdesk.sync.merge import VV, row_vv


@dataclass(frozen=True, slots=True)
class Prepared:
    """A sealed bundle, ready to be recorded in the outbox and written out."""

    manifest: Manifest
    data: bytearray
    """The sealed file (a buffer built in place: see :func:`tipdesk.sync.container.seal`)."""
    sha256: str

    @property
    def file_name(self) -> str:
        return self.manifest.file_name()


def blank_identity(victim: Victim) -> None:
    """Clear a victim's identifying fields in place unless the victim consented to sharing."""
    if not victim.consent_to_share:
        for name in Victim.IDENTIFYING:
            setattr(victim, name, "")


def recipients(hq: HqRow) -> list[str]:
    return [hq.recipient, *(r for r in hq.backup_recipients if r != hq.recipient)]


def next_bundle(
    store: Store,
    identity: Identity,
    hq: HqRow,
    *,
    district: str,
    office: str,
    created_at: str,
    app_version: str,
) -> Prepared | None:
    """The next bundle, or ``None`` when there is nothing new (see the module contract)."""
    sync = SyncStore(store)
    with sync.snapshot():
        through = sync.max_change()
        outbox = sync.outbox()
        last = outbox[-1] if outbox else None
        after = sync.acked_change()
        back, must_confirm = sync.back_applied()
        confirmed = last.back_through if last else 0
        pending = [o for o in outbox if o.acked_at is None]
        if _nothing_new(after, through, last, pending) and (back <= confirmed or not must_confirm):
            return None
        audit_head = _audit_head(store)
        changed = sync.changed_after(after)
        records: dict[str, list[tuple[Record, VV]]] = {}
        for kind, ids in changed.items():
            found = with_vectors(sync, kind, ids, skip_as_received=True)
            if found:
                records[kind] = found
    masked_consenting = 0
    for rows in records.values():
        for record, _ in rows:
            if isinstance(record, Victim):
                blank_identity(record)
                masked_consenting += any(is_masked(getattr(record, n)) for n in Victim.IDENTIFYING)
    if masked_consenting:
        # Identities are sealed under the identity key, which this user does not hold: a
        # bundle must not carry masks where HQ expects a consenting victim's details.
        raise PermissionDenied(
            f"The next bundle holds {masked_consenting} victim(s) who consented to share their "
            "identity with HQ, and your role cannot open identities; a supervisor or an admin "
            "must export it. Nothing was written."
        )
    seq = (last.seq if last else 0) + 1
    device = identity.public.device_id
    payload_json, counts = payload.encode(device, seq, records, audit_head)
    manifest = Manifest(
        device=device,
        district=district,
        office=office,
        seq=seq,
        after_change=after,
        through_change=through,
        counts=counts,
        created_at=created_at,
        app_version=app_version,
        back=back,
    )
    data = seal_bundle(identity, manifest, payload_json, recipients(hq))
    return Prepared(manifest, data, hashlib.sha256(data).hexdigest())


def _audit_head(store: Store) -> tuple[int, str]:
    """The audit chain's head (last entry and its hash): HQ keeps it as an anchor."""
    head = store.settings_json(AUDIT_HEAD_KEY)
    if isinstance(head, list) and len(head) == 2:
        return int(head[0]), str(head[1])
    return 0, ""


def _nothing_new(
    after: int, through: int, last: OutboxRow | None, pending: Sequence[OutboxRow]
) -> bool:
    """No change since the last bundle, and every change HQ lacks is in a bundle still in the
    outbox (so resending the outbox is enough)."""
    if after >= through:
        return True
    if last is None or last.to_change < through:
        return False
    return any(p.from_change <= after and p.to_change >= through for p in pending)


def with_vectors(
    sync: SyncStore, kind: str, ids: Sequence[str], *, skip_as_received: bool = False
) -> list[tuple[Record, VV]]:
    """The current rows ``ids`` of ``kind`` (in that order) with their version vectors.
    ``skip_as_received``: leave out rows still exactly as sync wrote them (at a district:
    versions HQ sent back, which HQ holds)."""
    rows = sync.read_rows(kind, ids)
    synced = sync.versions(kind, ids)
    if skip_as_received:
        rows = [r for r in rows if (s := synced.get(r.id)) is None or s[0] != r.version]
    # Keep change-log order: HQ applies parents before children either way, and a stable
    # order keeps bundles reproducible for the same store.
    position = {record_id: i for i, record_id in enumerate(ids)}
    rows.sort(key=lambda r: position[r.id])
    return [(r, row_vv(r.version, r.updated_device, synced.get(r.id))) for r in rows]
