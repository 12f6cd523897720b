"""Resolving a conflict at HQ: the reviewer keeps the register's version (``local``) or the
held one (``incoming``), or merges them field by field (each differing field from one side).

Contract (:func:`resolve`): the kept contents are written as a new version made at this install
by the reviewer, whose version vector covers both sides, so neither side can come back as a
conflict and an editor holding either old version is stale. The kept record is validated as
part of its unit first (:class:`~tipdesk.core.errors.ValidationFailed` leaves everything as
it was). The conflict is closed with the choice, and an audit entry records who chose what,
in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from tipdesk.core.errors import InvalidInput, NotFound, Problem, ValidationFailed, record_word
from tipdesk.core.messages import say
from tipdesk.core.records import (
    BOOKKEEPING_FIELDS,
    RECORD_TYPES,
    Case,
    Record,
    Referral,
    Victim,
    from_dict,
    record_fields,
    to_dict,
)
from tipdesk.core.validation import ValidationContext, validate
from tipdesk.services.sync.import_batch import ImportBatch
from tipdesk.store.audit import NewEntry
from tipdesk.store.remote_apply import remote_batch
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import ConflictRow, SyncStore
from tipdesk.sync.merge import join, row_vv
from tipdesk.sync.units import Layer, case_tree, victim_tree

KEEP = ("local", "incoming")
# Fields a reviewer does not choose: the record's bookkeeping (the kept version gets new
# bookkeeping); a deletion is a choice like any field.
_NOT_CHOSEN = BOOKKEEPING_FIELDS - {"deleted"}


def differing_fields(kind: str, local: dict[str, Any], incoming: dict[str, Any]) -> list[str]:
    """The fields a reviewer chooses between: those whose values differ (record order)."""
    return [
        name
        for name in record_fields(RECORD_TYPES[kind])
        if name not in _NOT_CHOSEN and local.get(name) != incoming.get(name)
    ]


def merged(
    kind: str,
    local: dict[str, Any],
    incoming: dict[str, Any],
    keep: str,
    fields: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The record kept: every field from ``keep``'s side, except those ``fields`` names
    (field -> ``local`` or ``incoming``). Refuses a side or a field that is not one of the
    differing fields, naming it."""
    if keep not in KEEP:
        raise InvalidInput(say("Say which version to keep: local or incoming."))
    choices = dict(fields or {})
    differ = set(differing_fields(kind, local, incoming))
    for name, side in choices.items():
        if side not in KEEP:
            raise InvalidInput(
                say("Say local or incoming for {name}, not {side}.", name=name, side=repr(side))
            )
        if name not in differ:
            raise InvalidInput(
                say(
                    "{name} is not a field in which the two versions differ ({fields}).",
                    name=name,
                    fields=", ".join(sorted(differ)) or say("none do"),
                )
            )
    base = local if keep == "local" else incoming
    out = dict(base)
    for name, side in choices.items():
        out[name] = (local if side == "local" else incoming).get(name)
    return out


def outcome_of(keep: str, fields: Mapping[str, str] | None) -> str:
    """How a resolution is recorded (and told to the district): ``kept local``, ``kept
    incoming``, or ``merged`` with the fields taken from the other side."""
    others = sorted(n for n, side in (fields or {}).items() if side != keep)
    if not others:
        return f"kept {keep}"
    other = "incoming" if keep == "local" else "local"
    return f"merged: {keep}, {other} for {', '.join(others)}"


def _case_layer(b: ImportBatch, case_id: str) -> Layer:
    layer = Layer()
    accused = b.children("accused", [case_id]).get(case_id, [])
    victims = b.children("victim", [case_id]).get(case_id, [])
    referrals = b.children("referral", [v.record.id for v in victims])
    layer.add_all(a.record for a in accused)
    for v in victims:
        layer.add(v.record)
        layer.add_all(r.record for r in referrals.get(v.record.id, []))
    return layer


def _unit(b: ImportBatch, record: Record) -> tuple[Record, Layer, int | None] | None:
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
    fields: Mapping[str, str] | None = None,
) -> Record:
    """Resolve an open conflict (see the module contract); returns the record now held.
    ``fields`` (field -> ``local`` or ``incoming``) takes those fields from the other side."""
    if keep not in KEEP:
        raise InvalidInput(say("Say which version to keep: local or incoming."))
    conflict = must_be_open(SyncStore(store).conflict(conflict_id.strip()), conflict_id)
    with remote_batch(store, actor) as b:
        return resolve_in(b, conflict, keep, here=here, actor=actor, ctx=ctx, fields=fields)


def must_be_open(conflict: ConflictRow | None, conflict_id: str) -> ConflictRow:
    """``conflict``; refuses one that is not there or no longer open, naming it."""
    if conflict is None:
        raise NotFound(say("There is no conflict {id}.", id=repr(conflict_id.strip())))
    if conflict.status != "open":
        raise InvalidInput(
            say(
                "Conflict {id} is already closed ({status}).",
                id=conflict.id,
                status=conflict.status,
            )
        )
    return conflict


def resolve_in(
    b: ImportBatch,
    conflict: ConflictRow,
    keep: str,
    *,
    here: str,
    actor: Actor,
    ctx: ValidationContext,
    fields: Mapping[str, str] | None = None,
) -> Record:
    """:func:`resolve`'s work inside an open apply-remote batch of either engine (the
    SQLCipher store's, or PostgreSQL's: :mod:`tipdesk.services.sync.hq_pg_conflicts`), for
    an open ``conflict`` read in it; the caller commits."""
    if keep not in KEEP:
        raise InvalidInput(say("Say which version to keep: local or incoming."))
    stored = b.stored(conflict.kind, [conflict.record_id]).get(conflict.record_id)
    if stored is None:
        raise NotFound(
            say(
                "The {kind} of conflict {id} is not in the register.",
                kind=record_word(conflict.kind),
                id=conflict.id,
            )
        )
    current = stored.record
    local = to_dict(current, children=False)
    kept_values = merged(conflict.kind, local, conflict.record, keep, fields)
    chosen, _problems = from_dict(RECORD_TYPES[conflict.kind], kept_values)
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
    owner = b.unit_owners(conflict.kind, [conflict.record_id]).get(conflict.record_id)
    b.write(kept, vv, rowid=stored.rowid, owner=owner[0] if owner else "")
    if isinstance(root, Case) and case_rowid is not None:
        b.index_case(case_tree(root, layer), case_rowid, new=False)
    outcome = outcome_of(keep, fields)
    b.close_conflict(conflict.id, "resolved", outcome)
    b.audit(
        NewEntry(
            actor.at,
            actor.user,
            actor.device,
            "sync.resolve",
            conflict.kind,
            conflict.record_id,
            {"conflict": conflict.id, "kept": keep, "outcome": outcome},
        )
    )
    return kept
