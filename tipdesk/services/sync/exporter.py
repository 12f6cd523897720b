"""The district side: collecting every change HQ has not acknowledged into the next bundle.

Contract:
- :func:`next_bundles` reads one consistent snapshot of the store and returns nothing when
  nothing changed since the last bundle and every change HQ lacks is still in the outbox (so
  exporting twice makes no bundle). Otherwise the bundle holds the *current* state of every
  record changed after the change-log position HQ acknowledged (at-least-once: HQ removes
  duplicates), numbered one past the last bundle, with each record's latest change position
  (HQ checks the range against them). An export larger than a bundle may be
  (:mod:`tipdesk.sync.budget`) becomes several consecutive bundles, cut between units
  (:mod:`tipdesk.services.sync.bundle_split`).
- Victims' identifying fields (name, father's name, CNIC, phone, address) leave the district
  only when ``consent_to_share`` is true; otherwise they are blank in the payload. A
  consenting victim's fields travel as the store keeps them, sealed, with their data keys
  sealed for HQ (:mod:`tipdesk.services.sync.relay`), so any user who may sync exports them
  (an officer too); a consenting victim whose data key has no copy for HQ yet is left out
  and named in :attr:`Prepared.waiting` (it goes in a later bundle, once a user who holds the
  identity key has signed in).
- The bundle carries the district's audit chain head, so HQ holds an anchor of the chain
  outside the laptop (``docs/security.md``), and the proof of HQ's last anchor (the hash the
  chain has now at the entry the latest receipt named: :mod:`tipdesk.sync.anchor`).
- Records back: a row still exactly as HQ sent it back in a receipt (its ``sync_versions``
  entry is its current version) is not sent again, HQ holds it; the bundle confirms how far
  the district applied HQ's records back (``back``, from the latest receipt), and a bundle is
  made for that confirmation alone when nothing else is new.
- Case files: a bundle carries the descriptions of its records' files, never their content
  (:func:`tipdesk.services.sync.files_out.descriptions`); a file marked for HQ travels as a
  sealed file of its own (:func:`tipdesk.services.sync.files_out.write_files`).
- It does not write anything: the caller records the bundle in the outbox.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.records import Record, Victim
from tipdesk.services.sync import anchors, bundle_split, files_out, relay
from tipdesk.store import identity_relay
from tipdesk.store.attachments import AttachmentStore
from tipdesk.store.audit import HEAD_KEY as AUDIT_HEAD_KEY
from tipdesk.store.store import Store
from tipdesk.store.sync_store import HqRow, OutboxRow, SyncStore
from tipdesk.sync import budget, payload
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
    waiting: tuple[Victim, ...] = ()
    """Consenting victims this export left out: their identity cannot be sealed for HQ
    until a user who holds the identity key signs in (see the module contract)."""
    handovers: tuple[str, ...] = ()
    """Ids of the handovers this bundle carries."""

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


def next_bundles(
    store: Store,
    identity: Identity,
    hq: HqRow,
    *,
    district: str,
    office: str,
    created_at: str,
    app_version: str,
    max_records: int | None = None,
    handovers: Sequence[dict[str, Any]] = (),
    handover_unsent: bool = False,
) -> list[Prepared]:
    """The next bundles (usually one; several when the export is larger than a bundle may
    be), or none when there is nothing new (see the module contract). ``handovers``: the
    cases handed over that HQ has not moved yet, carried by the last bundle made
    (``handover_unsent``: one of them is in no bundle yet, so a bundle is made for it)."""
    sync = SyncStore(store)
    with sync.snapshot():
        through = sync.max_change()
        outbox = sync.outbox()
        last = outbox[-1] if outbox else None
        after = min(sync.acked_change(), through)
        back, must_confirm = sync.back_applied()
        confirmed = last.back_through if last else 0
        pending = [o for o in outbox if o.acked_at is None]
        if (
            _nothing_new(after, through, last, pending)
            and (back <= confirmed or not must_confirm)
            and not handover_unsent
        ):
            return []
        audit_head = _audit_head(store)
        audit_at = anchors.proof(store)
        changed = sync.latest_changes(after)
        found: list[tuple[Record, VV, int]] = []
        not_sent: list[int] = []
        for kind, latest in changed.items():
            rows = with_vectors(sync, kind, list(latest), skip_as_received=True)
            sent = {record.id for record, _ in rows}
            # Each record's latest change, and the changes of records left out (HQ's own
            # versions): HQ checks the range the manifest claims against them.
            not_sent.extend(p for rid, p in latest.items() if rid not in sent)
            found += [(record, vv, latest[record.id]) for record, vv in rows]
        relayed = relay.relay_identities(store, [r for r, _, _ in found], hq)
    waiting = {v.id for v in relayed.waiting}
    if waiting:
        # Left out for now, listed as not sent: reseal() queues them again once their data
        # key has HQ's copy.
        not_sent += [p for r, _, p in found if r.KIND == "victim" and r.id in waiting]
        found = [f for f in found if not (f[0].KIND == "victim" and f[0].id in waiting)]
    for record, _, _ in found:
        if isinstance(record, Victim):
            blank_identity(record)
    described = files_out.descriptions(AttachmentStore(store), [r for r, _, _ in found])
    limit = max_records or budget.MAX_RECORDS
    whole = bundle_split.Slice(after, through, not_sent=sorted(not_sent))
    units = bundle_split.units_of(
        [(r, p) for r, _, p in found], lambda ids: _victim_cases(sync, ids)
    )
    whole.entries = [
        bundle_split.Entry(p, i, r, vv, u)
        for i, ((r, vv, p), u) in enumerate(zip(found, units, strict=True))
    ]
    del found
    seq = (last.seq if last else 0) + 1
    maker = _Maker(identity, hq, district, office, created_at, app_version, back, seq)
    maker.audit_head, maker.audit_at = audit_head, audit_at
    maker.identity_keys = relayed.keys
    maker.descriptions = described
    pieces = bundle_split.fitted(whole, limit, maker.fits, _too_large)
    carried: tuple[str, ...] = ()
    if handovers and pieces:
        # The last piece carries them: HQ moves a case after its records are in. Encoded
        # again, since it fitted without them (they are small: a few hundred bytes each);
        # should that not fit, they wait for the next export.
        maker.handovers = list(handovers)
        maker.next_seq -= 1
        if maker.fits(pieces[-1]):
            carried = tuple(str(h["id"]) for h in handovers)
        else:
            maker.next_seq += 1
    made = [maker.seal(piece) for piece in pieces]
    if made:
        made[-1] = dataclasses.replace(made[-1], waiting=tuple(relayed.waiting), handovers=carried)
    return made


def _victim_cases(sync: SyncStore, ids: list[str]) -> dict[str, str | None]:
    return {v.id: getattr(v, "case_id", None) or None for v in sync.read_rows("victim", ids)}


def _too_large(piece: bundle_split.Slice) -> None:
    record = piece.entries[0].record
    raise InvalidInput(
        say(
            "A {kind} changed in this install ({id}) is too large for a bundle; nothing was "
            "exported. Report this to HQ's support.",
            kind=record.KIND,
            id=record.id,
        )
    )


class _Maker:
    """Encodes and seals the slices of one export (same head, confirmation and time)."""

    def __init__(
        self,
        identity: Identity,
        hq: HqRow,
        district: str,
        office: str,
        created_at: str,
        app_version: str,
        back: int,
        seq: int,
    ) -> None:
        self.identity, self.hq = identity, hq
        self.district, self.office = district, office
        self.created_at, self.app_version = created_at, app_version
        self.back = back
        self.audit_head: tuple[int, str] = (0, "")
        self.audit_at: tuple[int, str] = (0, "")
        self.next_seq = seq
        self.identity_keys: dict[int, dict[str, bytes]] = {}
        self.handovers: list[dict[str, Any]] = []
        self.descriptions: dict[str, list[Any]] = {}
        """Descriptions of case files, by record id: each slice carries its records'."""
        # Slices that fit, by identity: their number and encoded payload, sealed next.
        self._fitting: dict[int, tuple[int, bytes, dict[str, int]]] = {}

    def fits(self, piece: bundle_split.Slice) -> bool:
        """Encode ``piece`` as the next bundle and keep it when it is within the budget (the
        slices are tried in order, so a slice that fits takes the next number)."""
        records: dict[str, list[tuple[Record, VV]]] = {}
        changes = payload.ChangeRange(piece.after, piece.through, not_sent=list(piece.not_sent))
        for e in piece.entries:
            records.setdefault(e.record.KIND, []).append((e.record, e.vv))
            changes.positions.setdefault(e.record.KIND, []).append(e.position)
        device = self.identity.public.device_id
        needed = {
            k
            for e in piece.entries
            if isinstance(e.record, Victim)
            for v in (getattr(e.record, n) for n in Victim.IDENTIFYING)
            if (k := identity_relay.key_id_of(v)) is not None
        }
        keys = relay.keys_json({k: self.identity_keys[k] for k in needed})
        data, counts = payload.encode(
            device,
            self.next_seq,
            records,
            self.audit_head,
            changes,
            self.audit_at,
            keys,
            self.handovers,
            [d for e in piece.entries for d in self.descriptions.get(e.record.id, ())],
        )
        if not budget.fits(len(piece.entries), data):
            return False
        self._fitting[id(piece)] = (self.next_seq, data, counts)
        self.next_seq += 1
        return True

    def seal(self, piece: bundle_split.Slice) -> Prepared:
        seq, payload_json, counts = self._fitting.pop(id(piece))
        manifest = Manifest(
            device=self.identity.public.device_id,
            district=self.district,
            office=self.office,
            seq=seq,
            after_change=piece.after,
            through_change=piece.through,
            counts=counts,
            created_at=self.created_at,
            app_version=self.app_version,
            back=self.back,
        )
        data = seal_bundle(self.identity, manifest, payload_json, recipients(self.hq))
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
    covered = after  # pending bundles chained from ``after`` (an export may make several)
    for p in sorted(pending, key=lambda p: p.from_change):
        if p.from_change <= covered:
            covered = max(covered, p.to_change)
    return covered >= through


class VersionedRows(Protocol):
    """Rows and their ``sync_versions`` entries: :class:`SyncStore` on either side, or the
    PostgreSQL HQ's :class:`tipdesk.hqstore.back.PgReceiptSource`."""

    def read_rows(self, kind: str, ids: Sequence[str]) -> list[Record]: ...

    def versions(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[int, str]]: ...


def with_vectors(
    sync: VersionedRows, kind: str, ids: Sequence[str], *, skip_as_received: bool = False
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
