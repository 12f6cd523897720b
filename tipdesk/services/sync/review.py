"""HQ's review of conflicts: each open conflict with both versions (who, when, where) and every
field that differs, in full; what a resolution would keep and discard; and the resolution
itself, whole or field by field. Re-exported by :mod:`tipdesk.services.sync`.

Contract: frozen dataclasses for a screen to show (values in JSON form, never shortened);
:func:`plan_resolution` writes nothing and refuses exactly what :func:`resolve` would;
:func:`resolve` writes the kept version at HQ in one transaction with its audit entry
(:mod:`tipdesk.services.sync.resolve`), and it goes back to the record's district with the
next receipt. On an HQ keeping its records in PostgreSQL both read and write there
(:mod:`tipdesk.services.sync.hq_pg_conflicts`, version-checked under the record's claim).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tipdesk.core.errors import NotFound
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Record, to_dict
from tipdesk.services.session import Session
from tipdesk.services.sync.common import require_hq, sync_store
from tipdesk.services.sync.hq import hq_database
from tipdesk.services.sync.resolve import differing_fields, merged, outcome_of
from tipdesk.services.sync.resolve import resolve as resolve_conflict
from tipdesk.services.titles import record_title
from tipdesk.store.sync_store import ConflictRow, DeviceRow

HQ_LABEL = "HQ"


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One version of a record in conflict: who changed it last, when, and where. The
    bookkeeping is None when the version does not hold it (a record no longer there)."""

    version: int | None
    deleted: bool | None
    updated_by: str | None
    updated_at: str | None
    updated_device: str
    where: str
    """``HQ``, the district of the device that made the version, or ``unknown device``."""


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field in which the two versions of a conflict differ, with both values in full
    (JSON form: dates as text, lists as lists; never shortened)."""

    field: str
    local: Any
    """The register's value (HQ's version)."""
    incoming: Any
    """The held version's value (the district's)."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """A conflict for a reviewer (:func:`conflicts`). ``local`` is the register's version,
    ``incoming`` the held one; ``fields`` names the fields that differ (names only, never
    values); ``title`` names the record to people
    (:func:`~tipdesk.services.titles.record_title`)."""

    id: str
    kind: str
    record_id: str
    title: str
    status: str
    """``open``, ``resolved``, ``superseded`` or ``promoted``."""
    detected_at: str
    device: str
    """The device whose bundle brought the held version."""
    bundle: int
    local: ConflictSide
    incoming: ConflictSide
    fields: tuple[str, ...]
    outcome: str | None
    closed_by: str | None
    closed_at: str | None
    differences: tuple[FieldDifference, ...] = ()
    """Every field that differs, with both values in full (``fields`` names them)."""


def _side(session: Session, record: dict[str, Any], devices: dict[str, DeviceRow]) -> ConflictSide:
    device = str(record.get("updated_device", ""))
    where = (
        HQ_LABEL
        if device == session.install.device_id
        else (devices[device].district if device in devices else "unknown device")
    )
    return ConflictSide(
        version=record.get("version"),
        deleted=record.get("deleted"),
        updated_by=record.get("updated_by"),
        updated_at=record.get("updated_at"),
        updated_device=device,
        where=where,
    )


def conflicts(session: Session, *, include_closed: bool = False) -> list[Conflict]:
    """Conflicts for a reviewer: both versions' who, when and where, the fields that differ
    (names only), and ``title``: what names the record to a reviewer (a case's number, a
    victim's code, an accused's name, a referral's service code, a training's or campaign's
    title), from the register's version or else the held one. ``local`` is the register's
    version, ``incoming`` the held one."""
    session.require(Permission.VIEW)
    require_hq(session, "hq conflicts")
    store = sync_store(session)
    devices = {d.device_id: d for d in store.devices()}
    out: list[Conflict] = []
    for c, current in _rows(session, include_closed):
        differ = sorted(
            k for k in c.record if k not in _META_SKIP and c.record[k] != current.get(k)
        )
        chosen = differing_fields(c.kind, current, c.record)
        out.append(
            Conflict(
                id=c.id,
                kind=c.kind,
                record_id=c.record_id,
                title=record_title(c.kind, current or c.record),
                status=c.status,
                detected_at=c.detected_at,
                device=c.device_id,
                bundle=c.bundle_seq,
                local=_side(session, current, devices),
                incoming=_side(session, c.record, devices),
                fields=tuple(differ),
                outcome=c.outcome,
                closed_by=c.closed_by,
                closed_at=c.closed_at,
                differences=tuple(
                    FieldDifference(k, current.get(k), c.record.get(k)) for k in chosen
                ),
            )
        )
    return out


def _rows(session: Session, include_closed: bool) -> list[tuple[ConflictRow, dict[str, Any]]]:
    """The conflicts, each with the register's version of its record (``{}`` if none), from
    whichever engine keeps HQ's records."""
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_conflicts  # the PostgreSQL driver, when used

        with db:
            return hq_pg_conflicts.conflict_rows(session, db, include_closed=include_closed)
    store = sync_store(session)
    out: list[tuple[ConflictRow, dict[str, Any]]] = []
    for c in store.conflicts(status=None if include_closed else "open"):
        found = store.record(c.kind, c.record_id)
        out.append((c, to_dict(found[0], children=False) if found else {}))
    return out


def register_record(session: Session, kind: str, record_id: str) -> dict[str, Any]:
    """The register's version of a record in conflict (JSON form, without children; ``{}``
    when the register has none), from whichever engine keeps HQ's records: what a reviewer's
    screen shows beside the fields that differ."""
    session.require(Permission.VIEW)
    require_hq(session, "hq conflicts")
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_conflicts

        with db:
            return hq_pg_conflicts.record_dict(session, db, kind, record_id)
    found = sync_store(session).record(kind, record_id)
    return to_dict(found[0], children=False) if found else {}


_META_SKIP = frozenset({"version", "updated_at", "updated_by", "updated_device"})


@dataclass(frozen=True, slots=True)
class FieldChoice:
    """What a resolution does with one differing field: the side kept, the value kept and
    the value discarded (both in full)."""

    field: str
    keep: str
    """``local`` (HQ's register) or ``incoming`` (the district's)."""
    kept: Any
    discarded: Any


@dataclass(frozen=True, slots=True)
class ResolutionPlan:
    """What resolving a conflict with given choices would keep and discard, before anything
    is written (:func:`plan_resolution`): a screen shows ``discarded`` for confirmation."""

    conflict_id: str
    kind: str
    record_id: str
    title: str
    keep: str
    choices: tuple[FieldChoice, ...]
    """Every differing field, in record order."""
    outcome: str
    """How the resolution will be recorded (``kept local``, ``merged: ...``)."""

    @property
    def discarded(self) -> tuple[FieldChoice, ...]:
        """The choices that throw a value away: every one (two versions differ there)."""
        return self.choices


def plan_resolution(
    session: Session, conflict_id: str, keep: str, fields: Mapping[str, str] | None = None
) -> ResolutionPlan:
    """What :func:`resolve` with these choices would keep and discard (nothing is written).
    ``keep``: the side every field comes from unless ``fields`` (field -> ``local`` or
    ``incoming``) says otherwise. Refuses what :func:`resolve` would refuse."""
    session.require(Permission.VIEW)
    require_hq(session, "hq resolve")
    found = next((c for c in conflicts(session) if c.id == conflict_id.strip()), None)
    if found is None:
        raise NotFound(say("There is no open conflict {id}.", id=repr(conflict_id.strip())))
    local = {d.field: d.local for d in found.differences}
    incoming = {d.field: d.incoming for d in found.differences}
    kept = merged(found.kind, local, incoming, keep, fields)
    choices = tuple(
        FieldChoice(
            d.field,
            side := (fields or {}).get(d.field, keep),
            kept[d.field],
            d.incoming if side == "local" else d.local,
        )
        for d in found.differences
    )
    return ResolutionPlan(
        found.id, found.kind, found.record_id, found.title, keep, choices, outcome_of(keep, fields)
    )


def resolve(
    session: Session, conflict_id: str, keep: str, fields: Mapping[str, str] | None = None
) -> Record:
    """Keep the ``local`` (register's) or ``incoming`` (held) version, or merge them field by
    field (``fields``: field -> side, the rest from ``keep``); recorded in the audit, and sent
    back to the record's district with the next receipt."""
    session.require(Permission.SYNC)
    session.require(Permission.EDIT)
    require_hq(session, "hq resolve")
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_conflicts

        with db:
            return hq_pg_conflicts.resolve(session, db, conflict_id, keep, fields)
    return resolve_conflict(
        session.store,
        conflict_id,
        keep,
        here=session.install.device_id,
        actor=session.actor(),
        ctx=session.validation_context(),
        fields=fields,
    )
