"""Records back: the versions HQ holds for a district that the district's device does not
(HQ's corrections, conflict resolutions, the district's records from its other devices;
later, cases handed over to it), sent in pages with each receipt and applied at the district.

HQ side (:func:`page_for`): HQ's change log names, for every version it wrote, the owner
district of the record's unit and the device that made the version (schema 4). A device's
page is the current version of every record its district owns that changed after the
device's confirmed position (``back_confirmed``) by any other device (HQ included), oldest
change first, at most :data:`PAGE_ROWS` change rows. ``back = {"from", "through", "more"}``
says what the page covers; the device confirms ``through`` in its next bundle and the next
receipt starts there. A lost receipt or bundle only means the page is sent again: applying it
twice changes nothing.

District side (:func:`apply`), inside the receipt's own transaction, with the version-vector
rules HQ uses (:func:`tipdesk.sync.merge.compare`):
- a version the district does not have is written as it is (with its vector, so the
  district's next edit supersedes it at HQ and is no conflict);
- a version the district already has, or one its own version supersedes, changes nothing;
- a version concurrent with the district's own (an edit HQ has not seen, or one HQ holds as a
  conflict) never replaces it: the district's version is kept and put in the next bundle
  again, and the change is listed as a conflict. A receipt can never make a district forget
  its unsent work;
- victims' identities HQ does not hold (blank at HQ without consent) keep the district's.
Every change is listed in words (:class:`BackChange`), never with record contents beyond the
record's title (case number, victim code...).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tipdesk.core.records import (
    BOOKKEEPING_FIELDS,
    CHILDREN,
    PARENT_KEY,
    Case,
    Record,
    Victim,
)
from tipdesk.services.sync.exporter import VersionedRows, blank_identity, with_vectors
from tipdesk.services.sync.import_state import stored_version
from tipdesk.services.titles import record_title
from tipdesk.store.remote_apply import RemoteBatch, StoredRow
from tipdesk.store.store import Store
from tipdesk.store.sync_store import DeviceRow, NoticeRow, SyncStore
from tipdesk.sync import payload
from tipdesk.sync.codec import KIND_ORDER
from tipdesk.sync.merge import VV, Order, compare, record_ref
from tipdesk.sync.payload import IncomingRow
from tipdesk.sync.units import Layer, case_tree

PAGE_ROWS = 2000
"""Change-log rows per page: a receipt stays small however long the district was away."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of records back for a device (see the module docstring)."""

    back: dict[str, Any]
    records: dict[str, Any]
    resolved: list[dict[str, Any]]
    counts: dict[str, int]


class BackSource(VersionedRows, Protocol):
    """What a page of records back reads: :class:`SyncStore` on the SQLCipher HQ, or the
    PostgreSQL HQ's :class:`tipdesk.hqstore.back.PgReceiptSource`."""

    def max_change(self) -> int: ...

    def outgoing(
        self, owner: str, after: int, device_id: str, limit: int
    ) -> list[tuple[int, str, str]]: ...

    def resolutions(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]: ...

    def linked_pairs(self, limit: int = 100_000) -> list[tuple[str, str, str, str, str]]: ...


def page_for(store: Store, device: DeviceRow, here: str, limit: int | None = None) -> Page:
    """The next page of records back for ``device`` (HQ; reads only), at most ``limit``
    change rows (:data:`PAGE_ROWS`)."""
    return page_from(SyncStore(store), device, here, limit)


def page_from(sync: BackSource, device: DeviceRow, here: str, limit: int | None = None) -> Page:
    """:func:`page_for` from either engine's HQ (``device.back_confirmed`` as that HQ holds
    it)."""
    limit = limit or PAGE_ROWS
    start = device.back_confirmed
    rows = sync.outgoing(device.district, start, device.device_id, limit)
    more = len(rows) >= limit
    through = rows[-1][0] if more else max(start, sync.max_change())
    ids: dict[str, dict[str, None]] = {}
    for _seq, kind, record_id in rows:
        ids.setdefault(kind, {})[record_id] = None
    records: dict[str, list[tuple[Record, VV]]] = {}
    resolved: list[dict[str, Any]] = []
    for kind in KIND_ORDER:
        wanted = list(ids.get(kind, ()))
        if not wanted:
            continue
        found = with_vectors(sync, kind, wanted)
        for record, _vv in found:
            if isinstance(record, Victim):
                blank_identity(record)  # HQ holds none without consent; never send one
        records[kind] = found
        settled = sync.resolutions(kind, wanted)
        for record, _vv in found:
            closed = settled.get(record.id)
            if closed and record.updated_device == here and closed[0] == record.updated_at:
                resolved.append({"kind": kind, "record_id": record.id, "outcome": closed[1]})
    blocks, counts = payload.encode_records(records)
    back = {"from": start, "through": through, "more": more}
    return Page(back, blocks, resolved, counts)


def notices_by_district(store: Store) -> dict[str, list[dict[str, Any]]]:
    """HQ's linked-accused notices for every district: for each of its cases that shares an
    accused CNIC with a case of another district, that district and that case's number (never
    anything else of the other case, nor the accused)."""
    return notices_from(SyncStore(store))


def notices_from(sync: BackSource) -> dict[str, list[dict[str, Any]]]:
    """:func:`notices_by_district` from either engine's HQ."""
    out: dict[str, list[dict[str, Any]]] = {}
    for case_id, number, owner, other_number, other_owner in sync.linked_pairs():
        out.setdefault(owner, []).append(
            {
                "id": record_ref("N", case_id, other_owner, other_number),
                "kind": "linked_accused",
                "case_id": case_id,
                "case_number": number,
                "other_district": other_owner,
                "other_case_number": other_number,
            }
        )
    return out


def read_notices(items: Iterable[Mapping[str, Any]]) -> list[NoticeRow]:
    """The notices of a receipt, as the district keeps them (entries of the wrong shape are
    left out: a notice is information, never a reason to refuse a receipt)."""
    names = ("id", "kind", "case_id", "case_number", "other_district", "other_case_number")
    out: list[NoticeRow] = []
    for item in items:
        values = [item.get(n) for n in names]
        texts = [v for v in values if isinstance(v, str) and 0 < len(v) <= 200]
        if len(texts) == len(names):
            notice_id, kind, case_id, number, district, other = texts
            out.append(NoticeRow(notice_id, kind, case_id, number, district, other))
    return out


# --- the district's side ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BackChange:
    """What a version HQ sent back did at the district, for people (:attr:`line`)."""

    kind: str
    record_id: str
    title: str
    """The record's title (case number, victim code, accused name...)."""
    what: str
    """``new`` (a record the district did not have), ``corrected`` (HQ's correction),
    ``resolved`` (HQ's resolution of a conflict), ``conflict`` (the district's own concurrent
    version was kept and goes to HQ again), ``waiting`` (its case or victim has not arrived
    yet) or ``unreadable``."""
    fields: tuple[str, ...] = ()
    """The fields that changed (names only)."""
    kept: str = ""
    """For ``resolved``: whose version HQ kept (``HQ's``, ``yours`` or ``merged``)."""

    @property
    def line(self) -> str:
        name = f"{self.kind} {self.title}" if self.title and self.kind != "case" else self.title
        name = name or f"{self.kind} {self.record_id}"
        if self.what == "new":
            return f"{name}: received from HQ"
        if self.what == "corrected":
            fields = f": {', '.join(self.fields)}" if self.fields else ""
            return f"{name}: corrected at HQ{fields}"
        if self.what == "resolved":
            if self.kept == "merged":
                return f"{name}: resolved conflict: merged field by field at HQ"
            return f"{name}: resolved conflict: kept {self.kept} version"
        if self.what == "conflict":
            return (
                f"{name}: HQ changed it while you did; your version is kept and goes to HQ "
                "again for review"
            )
        if self.what == "waiting":
            return f"{name}: waits for its case or victim, which HQ sends later"
        return f"{name}: could not be read; ask HQ to check it"


_KEPT = {"kept local": "HQ's", "kept incoming": "your"}


def _kept(outcome: str) -> str:
    return _KEPT.get(outcome, "merged" if outcome.startswith("merged") else "HQ's")


def _changed(old: Record, new: Record) -> tuple[str, ...]:
    kids = set(CHILDREN.get(old.KIND, ()))
    return tuple(
        f.name
        for f in dataclasses.fields(new)
        if f.name not in BOOKKEEPING_FIELDS
        and f.name not in kids
        and getattr(old, f.name) != getattr(new, f.name)
    )


def _keep_identity(inc: IncomingRow, local: Record) -> None:
    """An identity HQ sent blank (it holds none without consent) stays the district's."""
    if not isinstance(local, Victim):
        return
    for name in Victim.IDENTIFYING:
        mine = getattr(local, name)
        if mine and inc.raw().get(name) == "":
            inc.set_text(name, mine)


class _Apply:
    def __init__(
        self, b: RemoteBatch, here: str, owner: str, resolved: Mapping[tuple[str, str], str]
    ) -> None:
        self.b = b
        self.here = here
        self.owner = owner
        self.resolved = resolved
        self.out: list[BackChange] = []
        self.new_ids: set[tuple[str, str]] = set()
        self.written: dict[str, list[Record]] = {}
        self.case_rowids: dict[str, tuple[int, bool]] = {}

    def run(self, rows: Mapping[str, Sequence[IncomingRow]]) -> list[BackChange]:
        for kind in KIND_ORDER:
            incoming = list(rows.get(kind, ()))
            if not incoming:
                continue
            stored = self.b.stored(kind, [r.record_id for r in incoming])
            for inc in incoming:
                self._one(inc, stored.get(inc.record_id))
        self._index_cases()
        return self.out

    def _note(self, inc: IncomingRow, what: str, **extra: Any) -> None:
        title = record_title(inc.kind, inc.raw())
        self.out.append(BackChange(inc.kind, inc.record_id, title, what, **extra))

    def _one(self, inc: IncomingRow, local: StoredRow | None) -> None:
        record = inc.record
        if record is None:
            self._note(inc, "unreadable")
            return
        if local is None:
            if not self._parent_here(record):
                self._note(inc, "waiting")
                return
            rowid = self.b.write(record, inc.vv, rowid=None, row=inc.db, owner=self.owner)
            self.new_ids.add((inc.kind, inc.record_id))
            self._wrote(record, rowid, new=True)
            self._note(inc, "new")
            return
        _keep_identity(inc, local.record)
        mine = stored_version(local, self.here)
        order = compare(inc.vv, mine.vv)
        if order is Order.BEFORE or (order is Order.EQUAL and inc.digest == mine.digest):
            return  # the district holds this version, or a later one
        if order is Order.AFTER:
            self.b.write(record, inc.vv, rowid=local.rowid, row=inc.db, owner=self.owner)
            self._wrote(record, local.rowid, new=False)
            outcome = self.resolved.get((inc.kind, inc.record_id))
            if outcome is not None:
                self._note(inc, "resolved", kept=_kept(outcome))
            else:
                self._note(inc, "corrected", fields=_changed(local.record, record))
            return
        # Concurrent: the district's own version stays and goes to HQ again.
        self.b.touch(local.record, self.owner)
        self._note(inc, "conflict", fields=_changed(local.record, record))

    def _parent_here(self, record: Record) -> bool:
        key = PARENT_KEY.get(record.KIND)
        parent = getattr(record, key, None) if key else None
        if not parent:
            return True
        kind = "victim" if record.KIND == "referral" else "case"
        if (kind, parent) in self.new_ids:
            return True
        return bool(self.b.stored(kind, [parent]))

    def _wrote(self, record: Record, rowid: int, *, new: bool) -> None:
        self.written.setdefault(record.KIND, []).append(record)
        if isinstance(record, Case):
            self.case_rowids[record.id] = (rowid, new)

    def _index_cases(self) -> None:
        """Search indexes a case with its accused and victims: index every case whose row or
        children were written, as the store now holds it."""
        case_ids = {r.id for r in self.written.get("case", [])}
        for kind in ("accused", "victim"):
            for r in self.written.get(kind, []):
                parent = getattr(r, "case_id", None)
                if isinstance(parent, str) and parent:
                    case_ids.add(parent)
        victims_of = {r.id: r for r in self.written.get("victim", []) if isinstance(r, Victim)}
        for ref in self.written.get("referral", []):
            victim_id = str(getattr(ref, "victim_id", ""))
            victim = victims_of.get(victim_id)
            if victim is None:
                found = self.b.stored("victim", [victim_id]).get(victim_id)
                if found is not None and isinstance(found.record, Victim):
                    victim = found.record
            if victim is not None and victim.case_id:
                case_ids.add(victim.case_id)
        for case_id in sorted(case_ids):
            self._index_case(case_id)

    def _index_case(self, case_id: str) -> None:
        written = {r.id: r for rows in self.written.values() for r in rows}
        stored = self.b.stored("case", [case_id]).get(case_id)
        case = written.get(case_id) or (stored.record if stored else None)
        if not isinstance(case, Case):
            return
        layer = Layer()
        victims = self.b.children("victim", [case_id]).get(case_id, [])
        layer.add_all(a.record for a in self.b.children("accused", [case_id]).get(case_id, []))
        layer.add_all(v.record for v in victims)
        referrals = self.b.children("referral", [v.record.id for v in victims])
        layer.add_all(r.record for rs in referrals.values() for r in rs)
        layer.add_all(written.values())
        rowid, new = self.case_rowids.get(case_id, (stored.rowid if stored else 0, False))
        if rowid:
            self.b.index_case(case_tree(case, layer), rowid, new=new)


def apply(
    b: RemoteBatch,
    rows: Mapping[str, Sequence[IncomingRow]],
    *,
    here: str,
    owner: str,
    resolved: Iterable[Mapping[str, Any]] = (),
) -> list[BackChange]:
    """Apply one page of records back in ``b``'s transaction (see the module docstring).
    ``here``: this device; ``owner``: this install's district (for the change log);
    ``resolved``: the receipt's list of resolved conflicts."""
    settled = {
        (str(r.get("kind")), str(r.get("record_id"))): str(r.get("outcome", "")) for r in resolved
    }
    return _Apply(b, here, owner, settled).run(rows)
