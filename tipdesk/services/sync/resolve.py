"""Resolving a conflict at HQ: the reviewer keeps the register's version (``local``) or the
held one (``incoming``).

Contract (:func:`resolve`): the kept contents are written as a new version made at this install
by the reviewer, whose version vector covers both sides, so neither side can come back as a
conflict and an editor holding either old version is stale. The kept record is validated as
part of its unit first (:class:`~tipdesk.core.errors.ValidationFailed` leaves everything as
it was). The conflict is closed with the choice, and an audit entry records who chose what,
in the same transaction.
"""

from __future__ import annotations

import dataclasses

from tipdesk.core.errors import InvalidInput, NotFound, Problem, ValidationFailed
from tipdesk.core.records import RECORD_TYPES, Case, Record, Referral, Victim, from_dict
from tipdesk.core.validation import ValidationContext, validate
from tipdesk.store.audit import NewEntry
from tipdesk.store.remote_apply import RemoteBatch, remote_batch
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync.merge import join, row_vv
from tipdesk.sync.units import Layer, case_tree, victim_tree

KEEP = ("local", "incoming")


def _case_layer(b: RemoteBatch, case_id: str) -> Layer:
    layer = Layer()
    accused = b.children("accused", [case_id]).get(case_id, [])
    victims = b.children("victim", [case_id]).get(case_id, [])
    referrals = b.children("referral", [v.record.id for v in victims])
    layer.add_all(a.record for a in accused)
    for v in victims:
        layer.add(v.record)
        layer.add_all(r.record for r in referrals.get(v.record.id, []))
    return layer


def _unit(b: RemoteBatch, record: Record) -> tuple[Record, Layer, int | None] | None:
    """The root of ``record``'s unit with its live rows (``record`` in place of its stored
    row) and the root case's rowid when the unit is a case; None when the root is missing."""
    root_id: str | None = None
    if isinstance(record, Case):
        root_id = record.id
    elif isinstance(record, Referral):
        parent = b.stored("victim", [record.victim_id]).get(record.victim_id)
        if parent is None or not isinstance(parent.record, Victim):
            return None
        root_id = parent.record.case_id
        if root_id is None:
            layer = Layer()
            layer.add_all(
                r.record
                for r in b.children("referral", [parent.record.id]).get(parent.record.id, [])
            )
            layer.add(record)
            return parent.record, layer, None
    elif isinstance(record, Victim) and record.case_id is None:
        layer = Layer()
        layer.add_all(r.record for r in b.children("referral", [record.id]).get(record.id, []))
        return record, layer, None
    else:
        root_id = getattr(record, "case_id", None)
        if root_id is None:
            return record, Layer(), None
    stored_case = b.stored("case", [root_id]).get(root_id)
    if stored_case is None:
        return None
    layer = _case_layer(b, root_id)
    layer.add(record)
    root = record if isinstance(record, Case) else stored_case.record
    return root, layer, stored_case.rowid


def resolve(
    store: Store,
    conflict_id: str,
    keep: str,
    *,
    here: str,
    actor: Actor,
    ctx: ValidationContext,
) -> Record:
    """Resolve an open conflict (see the module contract); returns the record now held."""
    if keep not in KEEP:
        raise InvalidInput("Say which version to keep: local or incoming.")
    conflict = SyncStore(store).conflict(conflict_id.strip())
    if conflict is None:
        raise NotFound(f"There is no conflict {conflict_id.strip()!r}.")
    if conflict.status != "open":
        raise InvalidInput(f"Conflict {conflict.id} is already closed ({conflict.status}).")
    with remote_batch(store, actor) as b:
        stored = b.stored(conflict.kind, [conflict.record_id]).get(conflict.record_id)
        if stored is None:
            raise NotFound(f"The {conflict.kind} of conflict {conflict.id} is not in the register.")
        current = stored.record
        if keep == "local":
            chosen: Record = dataclasses.replace(current)
        else:
            chosen, _problems = from_dict(RECORD_TYPES[conflict.kind], conflict.record)
        version = max(current.version, conflict.version) + 1
        kept = dataclasses.replace(
            chosen,
            created_at=current.created_at,
            created_by=current.created_by,
            origin_device=current.origin_device,
            updated_at=actor.at,
            updated_by=actor.user,
            updated_device=here,
            version=version,
        )
        vv = join(row_vv(current.version, current.updated_device, stored.synced), conflict.vv)
        vv[here] = version
        unit = _unit(b, kept)
        if unit is None:
            raise ValidationFailed(
                [Problem("id", "sync.parent", "its case or victim is not in the register")],
                conflict.kind,
            )
        root, layer, case_rowid = unit
        if not root.deleted and not kept.deleted:
            tree = case_tree(root, layer) if isinstance(root, Case) else root
            if isinstance(tree, Victim) and not isinstance(root, Case):
                tree = victim_tree(tree, layer)
            problems = validate(tree, ctx)
            if problems:
                raise ValidationFailed(problems, conflict.kind)
        b.write(kept, vv, rowid=stored.rowid)
        if isinstance(root, Case) and case_rowid is not None:
            b.index_case(case_tree(root, layer), case_rowid, new=False)
        b.close_conflict(conflict.id, "resolved", f"kept {keep}")
        b.audit(
            NewEntry(
                actor.at,
                actor.user,
                actor.device,
                "sync.resolve",
                conflict.kind,
                conflict.record_id,
                {"conflict": conflict.id, "kept": keep},
            )
        )
    return kept
