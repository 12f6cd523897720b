"""The HQ side: applying one verified, decrypted bundle to the store in one transaction.

Contract (:func:`apply_bundle`):
- A bundle already imported (same device, sequence number and digest) is reported as a
  duplicate and changes nothing. The same sequence number with other contents is refused
  (:class:`~tipdesk.sync.errors.SequenceReused`).
- Every incoming row version is merged with what HQ holds (:func:`tipdesk.sync.merge.decide`):
  known versions are counted as duplicates or superseded; new ones are validated per unit (a
  case with its accused, victims and referrals) with the core rules as the district sees the
  unit. A unit that fails is quarantined in full with every problem and the rest of the bundle
  goes on; the others are written as they are (:mod:`tipdesk.store.remote_apply`), concurrent
  versions are kept as open conflicts, and all of it commits together with the bundle's
  bookkeeping and audit entries, or not at all.
- Validation uses ``ctx`` (HQ's reference data, offices and today); duplicate case numbers
  are not checked here (case numbers are unique per office, and offices belong to districts).
- Ownership: a device changes only what its district owns **as HQ knows it**
  (``device_district``, from HQ's registry, never from the bundle). A changed unit whose
  stored root or any stored row belongs to another district, a new unit whose root is for
  another district or claims another owner, and a version dated more than a day after the
  bundle was made or after HQ's clock (``now``) are quarantined in full with the reason
  (rules ``sync.owner``, ``sync.future``); nothing of them is applied, deletions included. A
  format 1 record (no owner) gets the owner HQ knows, or the device's district when new.
- Quarantined rows are taken up again by a later bundle of the same device, or by HQ's
  re-check after its offices or reference lists changed (:mod:`tipdesk.services.sync.release`,
  which runs the same steps on the device's open quarantine with no incoming row).
- The device's confirmation of HQ's records back (``manifest.back``) moves its cursor.
- The bundle's audit head is checked against the device's anchor history and recorded
  (:mod:`tipdesk.services.sync.anchors`): a head that went backwards or forked is flagged
  (and audited), never a reason to refuse the bundle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipdesk.core.errors import Problem, problem_kept
from tipdesk.core.messages import say
from tipdesk.core.records import (
    PARENT_KEY,
    RECORD_TYPES,
    Case,
    Record,
    Victim,
    from_dict,
    to_dict,
)
from tipdesk.core.validation import ValidationContext, validate
from tipdesk.services.sync import anchors, handovers, import_checks
from tipdesk.services.sync.import_batch import HqBookkeeping, ImportBatch
from tipdesk.services.sync.import_state import (
    NEW,
    Outcome,
    RowState,
    held_version,
    incoming_version,
    stored_version,
)
from tipdesk.store import anchor_store
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.audit import NewEntry
from tipdesk.store.remote_apply import RemoteBatch, StoredRow, remote_batch
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import BundleRow, ConflictRow, QuarantineRow, SyncStore
from tipdesk.sync.bundle import Manifest
from tipdesk.sync.codec import KIND_ORDER, in_range, record_digest
from tipdesk.sync.errors import SequenceReused
from tipdesk.sync.merge import (
    Decision,
    Order,
    compare,
    decide,
    record_ref,
    vv_key,
)
from tipdesk.sync.payload import IncomingRow, Payload, row_from_raw
from tipdesk.sync.units import Layer, Unit, case_tree, parent_unit, victim_tree


class _Import:
    """State of one :func:`apply_bundle` call."""

    def __init__(
        self,
        b: ImportBatch,
        manifest: Manifest,
        payload: Payload,
        ctx: ValidationContext,
        here: str,
        device_district: str,
        now: str,
    ) -> None:
        self.b = b
        self.m = manifest
        self.payload = payload
        self.ctx = ctx
        self.here = here
        self.district = device_district
        self.latest = import_checks.day_after(min(manifest.created_at, now))
        self.refused: dict[Unit, list[Problem]] = {}
        self.at = b.actor.at
        self.out = Outcome("imported")
        self.rows: dict[str, list[RowState]] = {}
        self.parents: dict[str, dict[str, StoredRow]] = {"case": {}, "victim": {}}
        self.quarantined: set[Unit] = set()
        self.written: dict[Unit, list[tuple[Record, str]]] = {}
        # Trees validated for units made only of new rows: the register holds them exactly
        # so, and search indexes them without reading anything back.
        self.new_trees: dict[Unit, Record] = {}
        self.case_rowids: dict[str, int] = {}
        # Added to every unit's audit entry (HQ's re-check says what released the unit).
        self.audit_extra: dict[str, Any] = {}

    # --- reading and deciding ----------------------------------------------------------------
    def load(self) -> None:
        for kind in KIND_ORDER:
            incoming = self.payload.rows.get(kind, [])
            if not incoming:
                continue
            ids = [r.record_id for r in incoming]
            stored = self.b.stored(kind, ids)
            held = self.b.open_conflicts(kind, ids)
            rows = [
                RowState(r, stored.get(r.record_id), held.get(r.record_id, [])) for r in incoming
            ]
            self.rows[kind] = rows
            if kind in self.parents:
                self.parents[kind].update(stored)
        for rows in self.rows.values():
            for row in rows:
                row.decision = self._decide(row)

    def _decide(self, row: RowState) -> Decision | str | None:
        record = row.inc.record
        if record is None:
            return None
        if row.stored is None:
            return NEW
        heads = [stored_version(row.stored, self.here)]
        heads += [held_version(c, self.here) for c in row.held]
        decision = decide(heads, incoming_version(row.inc, record, self.here))
        if row.pulled is not None:
            return decision
        if decision.status == "duplicate":
            self.out.duplicates += 1
        elif decision.status == "superseded":
            self.out.superseded += 1
        return decision

    def _changing(self, row: RowState) -> bool:
        d = row.decision
        return d is None or d == NEW or (isinstance(d, Decision) and d.status == "merged")

    def assign_units(self) -> None:
        """Give every row its unit; look up parents HQ holds but the bundle does not carry."""
        parent_of = {
            kind: [self._parent_id(r) for r in self.rows.get(kind, [])]
            for kind in ("accused", "victim", "referral")
        }
        incoming_cases = {r.inc.record_id for r in self.rows.get("case", [])}
        want_cases = {
            p for k in ("accused", "victim") for p in parent_of[k] if p and p not in incoming_cases
        }
        self.parents["case"].update(self.b.stored("case", sorted(want_cases)))
        incoming_victims = {r.inc.record_id: r for r in self.rows.get("victim", [])}
        want_victims = {p for p in parent_of["referral"] if p and p not in incoming_victims}
        self.parents["victim"].update(self.b.stored("victim", sorted(want_victims)))
        for kind, rows in self.rows.items():
            parents = parent_of.get(kind) or [None] * len(rows)
            for row, parent in zip(rows, parents, strict=True):
                if kind == "referral" and parent:
                    case_id = self._victim_case(parent, incoming_victims)
                    row.unit = ("case", case_id) if case_id else ("victim", parent)
                elif kind in ("accused", "victim") and parent:
                    row.unit = parent_unit(kind, parent)
                else:
                    row.unit = (kind, row.inc.record_id)

    def _parent_id(self, row: RowState) -> str | None:
        key = PARENT_KEY.get(row.inc.kind)
        if key is None:
            return None
        value = getattr(row.inc.record, key) if row.inc.record else row.inc.raw().get(key)
        return value if isinstance(value, str) and value else None

    def _victim_case(self, victim_id: str, incoming: dict[str, RowState]) -> str | None:
        row = incoming.get(victim_id)
        if row is not None:
            rec = row.inc.record
            value = rec.case_id if isinstance(rec, Victim) else row.inc.raw().get("case_id")
            return value if isinstance(value, str) and value else None
        stored = self.parents["victim"].get(victim_id)
        if stored is not None and isinstance(stored.record, Victim):
            return stored.record.case_id
        return None

    def pull_quarantine(self) -> None:
        """Bring back the open quarantine entries of every unit this bundle touches: a child
        fixed at the district joins its quarantined parent (and the other way round), and the
        unit is validated again as a whole (HQ's re-check, :mod:`tipdesk.services.sync.release`,
        takes up all of a device's entries through :meth:`take_up`)."""
        if not self.b.has_open_quarantine():
            return
        units = {r.unit for rows in self.rows.values() for r in rows}
        case_ids = sorted(u[1] for u in units if u[0] == "case")
        victim_ids = sorted(u[1] for u in units if u[0] == "victim")
        present = {(k, r.inc.record_id) for k, rows in self.rows.items() for r in rows}
        entries = [
            q
            for q in self.b.quarantine_of_units(case_ids, victim_ids, self.m.device)
            if (q.kind, q.record_id) not in present
        ]
        if entries:
            self.take_up(entries, case_ids, present)

    def take_up(
        self,
        entries: Sequence[QuarantineRow],
        case_ids: Sequence[str],
        present: set[tuple[str, str]] | None = None,
    ) -> None:
        """Add quarantine ``entries`` to this import as rows taken from the quarantine, each
        in its unit (``case_ids``: the cases whose stored victims may be a referral's parent).
        ``present``: the (kind, id) already in the import (the first entry for a record wins)."""
        present = set() if present is None else present
        victim_case: dict[str, str | None] = {}
        for rows in self.b.children("victim", case_ids).values():
            victim_case.update({v.record.id: getattr(v.record, "case_id", None) for v in rows})
        for r in self.rows.get("victim", []):
            victim_case[r.inc.record_id] = self._parent_id(r)
        by_kind: dict[str, list[tuple[str, IncomingRow]]] = {}
        for q in entries:
            if (q.kind, q.record_id) in present:
                continue  # two entries for one record: the bundle order keeps the first
            present.add((q.kind, q.record_id))
            by_kind.setdefault(q.kind, []).append((q.id, row_from_raw(q.kind, q.record, q.vv)))
            if q.kind == "victim":
                victim_case[q.record_id] = _text(q.record.get("case_id"))
        for kind in KIND_ORDER:
            items = by_kind.get(kind, [])
            ids = [inc.record_id for _, inc in items]
            stored = self.b.stored(kind, ids) if items else {}
            held = self.b.open_conflicts(kind, ids) if items else {}
            for qid, inc in items:
                row = RowState(inc, stored.get(inc.record_id), held.get(inc.record_id, []))
                row.pulled = qid
                row.decision = self._decide(row)
                parent = self._parent_id(row)
                if kind == "referral" and parent:
                    case_id = victim_case.get(parent)
                    row.unit = ("case", case_id) if case_id else ("victim", parent)
                elif kind in ("accused", "victim") and parent:
                    row.unit = parent_unit(kind, parent)
                else:
                    row.unit = (kind, inc.record_id)
                self.rows.setdefault(kind, []).append(row)
                found = stored.get(inc.record_id)
                if kind in self.parents and found is not None:
                    self.parents[kind][inc.record_id] = found

    # --- ownership and dates -------------------------------------------------------------
    def check_sender(self) -> None:
        """Refuse (for the quarantine) every changed unit the device may not change: see the
        module contract. Runs before validation; a refused unit is not validated."""
        by_unit: dict[Unit, list[RowState]] = {}
        for rows in self.rows.values():
            for row in rows:
                if self._changing(row):
                    by_unit.setdefault(row.unit, []).append(row)
        if not by_unit:
            return
        wanted: dict[str, set[str]] = {}
        for unit, rows in by_unit.items():
            wanted.setdefault(unit[0], set()).add(unit[1])
            for row in rows:
                if row.stored is not None:
                    wanted.setdefault(row.inc.kind, set()).add(row.inc.record_id)
        owners = {
            (kind, record_id): found[0]
            for kind, ids in wanted.items()
            for record_id, found in self.b.unit_owners(kind, sorted(ids)).items()
        }
        handed = {
            case_id: row.to_district
            for case_id, row in self.b.handed_over(sorted(wanted.get("case", ()))).items()
            if row.from_district == self.district and row.state == "moved"
        }
        for unit, rows in by_unit.items():
            problems = import_checks.refusals(
                unit, rows, owners, district=self.district, latest=self.latest, fmt=self.m.format
            )
            if problems and problems[0] == import_checks.NOT_OURS and unit[1] in handed:
                problems[0] = import_checks.handed_over(handed[unit[1]])
            if problems:
                self.refused[unit] = problems

    # --- validation --------------------------------------------------------------------------
    def _load_roots(self) -> None:
        """The case and victim at the root of every unit, when HQ holds them and the bundle
        does not carry them (a referral's unit is its victim's case)."""
        for kind in ("case", "victim"):
            carried = {r.inc.record_id for r in self.rows.get(kind, [])}
            roots = {r.unit[1] for rows in self.rows.values() for r in rows if r.unit[0] == kind}
            missing = sorted(roots - carried - set(self.parents[kind]))
            if missing:
                self.parents[kind].update(self.b.stored(kind, missing))

    def validate_units(self) -> None:
        self._load_roots()
        by_unit: dict[Unit, list[RowState]] = {}
        for rows in self.rows.values():
            for row in rows:
                by_unit.setdefault(row.unit, []).append(row)
        todo = {u: rs for u, rs in by_unit.items() if any(self._changing(r) for r in rs)}
        stored_layers = self._stored_layers([u for u in todo if u[0] in ("case", "victim")])
        for unit, rows in todo.items():
            problems = list(self.refused.get(unit, ())) or [p for r in rows for p in r.inc.problems]
            if not problems:
                problems = self._unit_problems(unit, rows, stored_layers.get(unit))
                if not problems and all(r.decision == NEW for r in rows):
                    self._remember_tree(unit, rows)
            if problems:
                self._quarantine(unit, rows, problems)

    def _stored_layers(self, units: Sequence[Unit]) -> dict[Unit, Layer]:
        """HQ's live rows of the case and victim units being changed."""
        layers: dict[Unit, Layer] = {}
        case_ids = [u[1] for u in units if u[0] == "case" and u[1] in self.parents["case"]]
        victim_roots = [u[1] for u in units if u[0] == "victim"]
        if not case_ids and not victim_roots:
            return layers
        accused = self.b.children("accused", case_ids)
        victims = self.b.children("victim", case_ids)
        victim_ids = [v.record.id for vs in victims.values() for v in vs] + victim_roots
        referrals = self.b.children("referral", victim_ids)
        for cid in case_ids:
            layer = layers.setdefault(("case", cid), Layer())
            layer.add_all(s.record for s in accused.get(cid, []))
            for v in victims.get(cid, []):
                layer.add(v.record)
                layer.add_all(s.record for s in referrals.get(v.record.id, []))
        for vid in victim_roots:
            layer = layers.setdefault(("victim", vid), Layer())
            layer.add_all(s.record for s in referrals.get(vid, []))
        return layers

    def _unit_problems(self, unit: Unit, rows: list[RowState], base: Layer | None) -> list[Problem]:
        kind, root_id = unit
        if kind not in ("case", "victim"):
            record = rows[0].inc.record
            return [] if record is None or record.deleted else validate(record, self.ctx)
        layer = Layer()
        if base is not None:
            layer.add_all(
                [
                    *base.cases.values(),
                    *base.accused.values(),
                    *base.victims.values(),
                    *base.referrals.values(),
                ]
            )
        layer.add_all(r.inc.record for r in rows if r.inc.record is not None)
        root: Record | None = (layer.cases if kind == "case" else layer.victims).get(root_id)
        if root is None:
            stored = self.parents[kind].get(root_id)
            root = stored.record if stored is not None else None
        if root is None:
            what = "case" if kind == "case" else "victim"
            return [
                Problem(
                    f"{what}_id",
                    "sync.parent",
                    f"its {what} is not at HQ (never received, or quarantined)",
                )
            ]
        if root.deleted:
            return []
        if isinstance(root, Case):
            return validate(case_tree(root, layer), self.ctx)
        if isinstance(root, Victim):
            return validate(victim_tree(root, layer), self.ctx)
        return validate(root, self.ctx)

    def _remember_tree(self, unit: Unit, rows: list[RowState]) -> None:
        root = next((r.inc.record for r in rows if r.inc.record_id == unit[1]), None)
        if isinstance(root, Case) and unit[0] == "case":
            self.new_trees[unit] = root

    def _quarantine(self, unit: Unit, rows: list[RowState], problems: list[Problem]) -> None:
        self.quarantined.add(unit)
        listed = [problem_kept(p) for p in problems]
        for row in rows:
            if not self._changing(row) or row.pulled is not None:
                continue  # a row taken from the quarantine stays there as it was
            inc = row.inc
            qid = record_ref(
                "Q", self.m.device, inc.kind, inc.record_id, vv_key(inc.vv), inc.digest
            )
            version = inc.record.version if inc.record else _int(inc.raw().get("version"))
            self.b.add_quarantine(
                QuarantineRow(
                    qid,
                    self.m.device,
                    self.m.seq,
                    inc.kind,
                    inc.record_id,
                    version,
                    inc.vv,
                    inc.raw(),
                    listed,
                    self.at,
                    "open",
                )
            )
            self.out.quarantined.append(
                {
                    "id": qid,
                    "kind": inc.kind,
                    "record_id": inc.record_id,
                    "version": version,
                    "problems": listed,
                }
            )

    # --- writing -----------------------------------------------------------------------------
    def write(self) -> None:
        for kind in KIND_ORDER:
            fresh: list[RowState] = []  # records HQ never had: inserted together below
            for row in self.rows.get(kind, []):
                if row.unit in self.quarantined:
                    continue
                if not self._changing(row):
                    if row.pulled is not None:  # HQ holds this version or a later one
                        self.b.close_quarantine(row.pulled, "superseded")
                    continue
                if row.decision == NEW and row.inc.record is not None:
                    fresh.append(row)
                else:
                    self._write_row(row)
                if row.pulled is not None:
                    self.b.close_quarantine(row.pulled, "accepted")
            if fresh:
                self._write_new(kind, fresh)
        self._close_quarantine()
        self._index_cases()
        for unit, written in self.written.items():
            self._audit_unit(unit, written)

    def _write_new(self, kind: str, rows: list[RowState]) -> None:
        """Insert the bundle's new records of ``kind`` (rows with a record) in one call."""
        fresh = [(row, row.inc.record) for row in rows if row.inc.record is not None]
        rowids = self.b.insert_new(
            kind, [(rec, row.inc.vv, row.inc.db) for row, rec in fresh], self.district
        )
        if kind == "case":
            self.case_rowids.update(
                (rec.id, rowid) for (_row, rec), rowid in zip(fresh, rowids, strict=True)
            )
        written = self.written
        for row, rec in fresh:
            written.setdefault(row.unit, []).append((rec, "create"))
        self.out.accepted[kind] = self.out.accepted.get(kind, 0) + len(fresh)

    def _write_row(self, row: RowState) -> None:
        inc = row.inc
        record = inc.record
        if record is None:  # pragma: no cover - rows without a record were quarantined
            return
        if row.decision == NEW:
            rowid = self.b.write(record, inc.vv, rowid=None, row=inc.db, owner=self.district)
            if inc.kind == "case":
                self.case_rowids[record.id] = rowid
            self._wrote(row.unit, record, "create")
            return
        d = row.decision
        if not isinstance(d, Decision) or row.stored is None:  # pragma: no cover
            return
        stored = row.stored
        old = stored.record
        if d.winner.ref == "incoming":
            self.b.write(record, inc.vv, rowid=stored.rowid, row=inc.db, owner=self.district)
            self._wrote(row.unit, record, _action(old, record))
        elif d.winner.ref != "stored":
            promoted = next(c for c in row.held if c.id == d.winner.ref)
            rec = _from_conflict(promoted)
            self.b.write(rec, dict(promoted.vv), rowid=stored.rowid, owner=self.district)
            self.b.close_conflict(promoted.id, "promoted", "now the register's version")
            self._wrote(row.unit, rec, _action(old, rec))
        held_refs = {v.ref for v in d.held}
        for v in d.retired:
            if v.ref not in ("stored", "incoming"):
                self.b.close_conflict(v.ref, "superseded", "superseded by a later version")
        if "stored" in held_refs:
            self._hold(old, stored_version(stored, self.here).vv, "local")
        if "incoming" in held_refs:
            self._hold(record, inc.vv, "incoming")

    def _hold(self, record: Record, vv: dict[str, int], side: str) -> None:
        cid = record_ref("C", record.KIND, record.id, vv_key(vv), record_digest(record))
        self.b.add_conflict(
            ConflictRow(
                cid,
                record.KIND,
                record.id,
                "open",
                record.version,
                vv,
                to_dict(record, children=False),
                self.m.device,
                self.m.seq,
                self.at,
            )
        )
        self.out.conflicts.append(
            {"id": cid, "kind": record.KIND, "record_id": record.id, "held": side}
        )
        self.b.audit(
            NewEntry(
                self.at,
                self.b.actor.user,
                self.b.actor.device,
                "sync.conflict",
                record.KIND,
                record.id,
                {"conflict": cid, "held": side, "from": self.m.device},
            )
        )

    def _wrote(self, unit: Unit, record: Record, action: str) -> None:
        self.written.setdefault(unit, []).append((record, action))
        self.out.accepted[record.KIND] = self.out.accepted.get(record.KIND, 0) + 1

    def _close_quarantine(self) -> None:
        """A version written now settles the quarantine entries of the versions it supersedes."""
        if not self.b.has_open_quarantine():
            return
        for kind in KIND_ORDER:
            ids = [rec.id for rows in self.written.values() for rec, _ in rows if kind == rec.KIND]
            if not ids:
                continue
            open_entries = self.b.open_quarantine(kind, ids)
            if not open_entries:
                continue
            vvs = {r.inc.record_id: r.inc.vv for r in self.rows.get(kind, []) if r.inc.record}
            for record_id, entries in open_entries.items():
                vv = vvs.get(record_id)
                for q in entries:
                    if vv is not None and compare(vv, q.vv) in (Order.AFTER, Order.EQUAL):
                        self.b.close_quarantine(q.id, "superseded")

    def _index_cases(self) -> None:
        """Re-index every case whose row or children were written (its search text holds the
        accused names and victim codes), as the register now holds it."""
        rebuild = []
        for unit in self.written:
            if unit[0] != "case":
                continue
            tree = self.new_trees.get(unit)
            if isinstance(tree, Case) and tree.id in self.case_rowids:
                self.b.index_case(tree, self.case_rowids[tree.id], new=True)
            else:
                rebuild.append(unit)
        if not rebuild:
            return
        base = self._stored_layers(rebuild)
        for unit in rebuild:
            layer = Layer()
            if unit in base:
                b = base[unit]
                layer.add_all([*b.accused.values(), *b.victims.values(), *b.referrals.values()])
            layer.add_all(rec for rec, _ in self.written[unit])
            case_id = unit[1]
            stored = self.parents["case"].get(case_id)
            case = layer.cases.get(case_id) or (stored.record if stored else None)
            if not isinstance(case, Case):
                continue
            if stored is not None:
                self.b.index_case(case_tree(case, layer), stored.rowid, new=False)
            elif case.id in self.case_rowids:
                self.b.index_case(case_tree(case, layer), self.case_rowids[case.id], new=True)

    def _audit_unit(self, unit: Unit, written: list[tuple[Record, str]]) -> None:
        kind, root = unit
        top = next((a for rec, a in written if kind == rec.KIND and root == rec.id), "update")
        children: dict[str, list[str]] = {}
        for rec, action in written:
            if not (kind == rec.KIND and root == rec.id):
                children.setdefault(f"{rec.KIND}.{action}", []).append(rec.id)
        detail: dict[str, Any] = {"from": self.m.device, "bundle": self.m.seq, **self.audit_extra}
        if children:
            detail["children"] = children
        self.b.audit(
            NewEntry(
                self.at, self.b.actor.user, self.b.actor.device, f"sync.{top}", kind, root, detail
            )
        )

    def finish(self, sha256: str) -> None:
        m = self.m
        result = self.out.to_json()
        result["audit_head"] = list(self.payload.audit_head)
        self.b.add_bundle(
            BundleRow(
                m.device,
                m.seq,
                sha256,
                m.after_change,
                m.through_change,
                m.created_at,
                self.at,
                result,
            )
        )
        self.b.audit(
            NewEntry(
                self.at,
                self.b.actor.user,
                self.b.actor.device,
                "sync.import",
                "bundle",
                f"{m.device}#{m.seq}",
                {
                    "accepted": self.out.accepted,
                    "duplicates": self.out.duplicates,
                    "superseded": self.out.superseded,
                    "conflicts": len(self.out.conflicts),
                    "quarantined": len(self.out.quarantined),
                },
            )
        )
        self.out.changes = self.b.changes


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: object) -> int:
    """A quarantined row's version for the store: 0 when it is not a usable number."""
    return value if type(value) is int and in_range(value) else 0


def _action(old: Record, new: Record) -> str:
    return "delete" if new.deleted and not old.deleted else "update"


def _from_conflict(c: ConflictRow) -> Record:
    record, _problems = from_dict(RECORD_TYPES[c.kind], c.record)
    return record


def apply_bundle(
    store: Store,
    *,
    manifest: Manifest,
    sha256: str,
    payload: Payload,
    ctx: ValidationContext,
    here: str,
    actor: Actor,
    device_district: str,
    districts: Sequence[str] = (),
) -> Outcome:
    """Apply one bundle in one transaction (see the module contract). ``device_district``:
    the sending device's district as HQ registered it; ``actor.at`` is HQ's clock;
    ``districts``: HQ's reference districts (a handover must name one)."""
    rows = sum(len(kind_rows) for kind_rows in payload.rows.values())
    with remote_batch(store, actor, rows=rows) as b:
        return apply_in_batch(
            b,
            _StoreBookkeeping(store, b, districts),
            manifest=manifest,
            sha256=sha256,
            payload=payload,
            ctx=ctx,
            here=here,
            device_district=device_district,
        )


def apply_in_batch(
    b: ImportBatch,
    hq: HqBookkeeping,
    *,
    manifest: Manifest,
    sha256: str,
    payload: Payload,
    ctx: ValidationContext,
    here: str,
    device_district: str,
) -> Outcome:
    """Apply one bundle through an open batch of either engine (:func:`apply_bundle` for the
    SQLCipher store; :mod:`tipdesk.services.sync.hq_pg` for PostgreSQL). The caller commits."""
    prior = b.bundle(manifest.device, manifest.seq)
    if prior is not None:
        if prior == sha256:
            return Outcome("duplicate")
        raise SequenceReused(
            say(
                "A different bundle numbered {seq} from this device was imported before: the "
                "device may have been restored from an old backup. Register it again as a new "
                "device. Nothing was changed.",
                seq=manifest.seq,
            )
        )
    job = _Import(b, manifest, payload, ctx, here, device_district, b.actor.at)
    job.load()
    job.assign_units()
    job.pull_quarantine()
    job.check_sender()
    job.validate_units()
    job.write()
    job.finish(sha256)
    # The district's audit head against HQ's history of it (flagged, never refused).
    job.out.anchor = anchors.check_and_record(b, hq, manifest.device, manifest.seq, payload)
    if payload.handovers:
        # After the bundle's own records are in (a case may arrive with its handover).
        job.out.handovers = hq.apply_handovers(payload.handovers, device_district)
    if manifest.back:
        hq.confirm_back(manifest.device, min(manifest.back, b.max_change()))
    return job.out


class _StoreBookkeeping:
    """:class:`HqBookkeeping` on the SQLCipher store, in the batch's transaction."""

    def __init__(self, store: Store, b: RemoteBatch, districts: Sequence[str]) -> None:
        self._store = store
        self._b = b
        self._districts = districts

    def apply_handovers(
        self, requests: Sequence[dict[str, Any]], device_district: str
    ) -> list[dict[str, str]]:
        self._b.flush()
        return handovers.apply_requests(
            self._b, self._store, requests, device_district, self._districts, self._b.actor
        )

    def anchors(self, device_id: str) -> list[AnchorRow]:
        return anchor_store.anchors(self._store, device_id, self._b.conn)

    def add_anchor(self, row: AnchorRow) -> None:
        anchor_store.add_anchor(self._b.conn, row)

    def confirm_back(self, device_id: str, through: int) -> None:
        SyncStore(self._store).confirm_back(device_id, through, self._b.conn)
