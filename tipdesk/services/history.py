"""Each record's version history (who changed which field when) and restoring an earlier
version.

Contract:
- :func:`history` needs the ``view`` permission and lists every version of a record and of
  its children (a case's accused and victims, a victim's referrals, deleted ones too), newest
  first: the version's number, when and by whom it was saved, and the fields it changed with
  their values before and after. It reads the store's change log (``changes``: every version
  and its time), the kept versions (``record_versions``) and the audit log (who wrote then).
  Versions saved before version history was kept (schema 4) are listed with their time and
  author only, and cannot be restored.
- Victims' identifying fields (name, father's name, CNIC, phone, address) never appear with a
  value: the store does not keep them in the history at all (:mod:`tipdesk.store.history`).
  A change to one is listed by the field's name with ``hidden`` set, for every user.
- :func:`restore` needs the ``edit`` permission. It puts the values of an earlier version of
  the record (or of one of its children) back and saves the record through
  :func:`tipdesk.services.records.save`: validated like any save (refused with every problem,
  writing nothing), written as a new version, with a ``record.restore`` audit entry in the
  same transaction naming the record and the version restored. Identifying fields, links to
  the parent and bookkeeping stay as they are now; restoring a deleted child brings it back.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, cast

from tipdesk.core.errors import InvalidInput, NotFound, no_record
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import (
    BOOKKEEPING_FIELDS,
    PARENT_KEY,
    RECORD_TYPES,
    TITLE_FIELDS,
    Case,
    Record,
    Victim,
    from_dict,
)
from tipdesk.services import records as record_service
from tipdesk.services.session import Session
from tipdesk.store import history as store_history
from tipdesk.store.history import HistoryReads
from tipdesk.store.store import Changes

# A record kind -> (child kind, its table) whose history belongs to the record's.
_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "case": (("accused", "accused"), ("victim", "victims")),
    "victim": (("referral", "referrals"),),
}
# Links and children: never part of a version's values, never restored.
_NOT_VALUES = frozenset({"case_id", "victim_id", "accused", "victims", "referrals"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field a version changed: its values before and after (JSON-ready: codes, ISO
    dates), ``None`` when unknown; ``hidden`` for a victim's identifying field (no values)."""

    field: str
    before: Any = None
    after: Any = None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a record or of one of its children."""

    kind: str
    record_id: str
    title: str
    """What names the row: a case number, an accused's name, a victim code, a referral's
    service code, a title (never a victim's name)."""
    version: int
    at: str
    user: str
    action: str
    """``created``, ``changed``, ``deleted`` or ``restored`` (a change that restored an
    earlier version)."""
    changes: tuple[FieldChange, ...]
    restorable: bool
    """An earlier version whose values were kept (not the current one)."""
    current: bool
    seq: int = 0
    """Its place in the store's change log (0 when not logged): orders saves made at the
    same time."""


def _reads(session: Session) -> HistoryReads:
    """Where the versions are: PostgreSQL's tables for a session routed there (an HQ keeping
    its records in PostgreSQL: :func:`record_service._on_postgres`), else the store's."""
    if getattr(session.store, "on_postgres", False):
        from tipdesk.hqstore.history_reads import PgHistoryReads  # the driver, only when used

        return PgHistoryReads(cast(Any, session.store).conn)
    return store_history.StoreHistoryReads(session.store)


def _rows(session: Session, kind: str, record_id: str) -> list[tuple[str, str]]:
    """(kind, id) of the record and of every child whose history belongs to it."""
    rows = [(kind, record_id)]
    for child_kind, table in _CHILDREN.get(kind, ()):
        ids = _reads(session).child_ids(table, PARENT_KEY[child_kind], record_id)
        for child_id in ids:
            rows += _rows(session, child_kind, child_id)
    return rows


def _current(session: Session, kind: str, record_id: str) -> Record | None:
    try:
        return session.store.get(kind, record_id, deleted=True)
    except NotFound:
        return None


def _restored(
    session: Session, rows: set[tuple[str, str]], times: list[str]
) -> set[tuple[str, str, int]]:
    """(kind, id, version) of the versions of ``rows`` that restores wrote, from the restores
    logged between the first and last of ``times``."""
    if not times or not rows:
        return set()
    found = _reads(session).restores(min(times), max(times))
    out: set[tuple[str, str, int]] = set()
    for kind, record_id, detail in found:
        written = json.loads(detail).get("as_version")
        if (str(kind), str(record_id)) in rows and isinstance(written, int):
            out.add((str(kind), str(record_id), written))
    return out


def _changes(
    kind: str, before: dict[str, Any] | None, after: dict[str, Any] | None, names: tuple[str, ...]
) -> tuple[FieldChange, ...]:
    """The fields a version changed: from the values on both sides when kept, else from the
    names the store noted; identifying fields by name only."""
    hidden = set(Victim.IDENTIFYING) if kind == "victim" else set()
    out: list[FieldChange] = []
    listed = [n for n in names if n not in BOOKKEEPING_FIELDS and n not in _NOT_VALUES]
    if before is not None and after is not None:
        keys = sorted(set(before) | set(after), key=_field_order(kind))
        for name in keys:
            if name in _NOT_VALUES or before.get(name) == after.get(name):
                continue
            out.append(FieldChange(name, before.get(name), after.get(name)))
        known = {c.field for c in out}
        out += [FieldChange(n, hidden=True) for n in listed if n in hidden and n not in known]
        return tuple(out)
    return tuple(FieldChange(n, hidden=n in hidden) for n in listed)


def _field_order(kind: str) -> Any:
    """Fields in the record's declared order (the editors' order)."""
    order = {f.name: i for i, f in enumerate(dataclasses.fields(RECORD_TYPES[kind]))}
    return lambda name: order.get(name, len(order))


def history(session: Session, kind: str, record_id: str) -> list[Version]:
    """Every version of the record and its children, newest first (see the module contract)."""
    session.require(Permission.VIEW)
    if kind not in RECORD_TYPES:
        raise InvalidInput(f"Unknown record kind {kind!r}.")
    pg = record_service._on_postgres(session)
    if pg is not None:  # an HQ keeping its records in PostgreSQL: one transaction there
        with pg as routed:
            return history(routed, kind, record_id)
    reads = _reads(session)
    if _current(session, kind, record_id) is None:
        raise no_record(kind, record_id)
    out: list[Version] = []
    by_kind: dict[str, list[str]] = {}
    for row_kind, row_id in _rows(session, kind, record_id):
        by_kind.setdefault(row_kind, []).append(row_id)
    kept: dict[tuple[str, str], dict[int, store_history.StoredVersion]] = {}
    for row_kind, ids in by_kind.items():
        for v in reads.stored_versions(row_kind, ids):
            kept.setdefault((row_kind, v.record_id), {})[v.version] = v
    logged: dict[tuple[str, str], list[tuple[int, str, int]]] = {}
    for row_kind, ids in by_kind.items():
        for row_id in ids:
            logged[(row_kind, row_id)] = reads.logged_versions(row_kind, row_id)
    times = sorted({at for versions in logged.values() for _v, at, _seq in versions})
    users = reads.users_at(times)
    restored = _restored(session, set(logged), times)
    for row_kind, ids in by_kind.items():
        for row_id in ids:
            out += _row_versions(
                session,
                row_kind,
                row_id,
                kept.get((row_kind, row_id), {}),
                logged[(row_kind, row_id)],
                users,
                restored,
            )
    out.sort(key=lambda v: (v.at, v.seq), reverse=True)
    return out


def _row_versions(
    session: Session,
    kind: str,
    record_id: str,
    kept: dict[int, store_history.StoredVersion],
    logged: list[tuple[int, str, int]],
    users: dict[str, str],
    restored: set[tuple[str, str, int]],
) -> list[Version]:
    current = _current(session, kind, record_id)
    if current is None:
        return []
    now = store_history.values(current)
    title = str(getattr(current, TITLE_FIELDS.get(kind, ""), "") or "")
    times = {number: at for number, at, _seq in logged}
    places = {number: seq for number, _at, seq in logged}
    numbers = sorted(set(times) | set(kept) | {current.version})
    out: list[Version] = []
    for number in numbers:
        is_current = number == current.version
        mine = kept.get(number)
        data = now if is_current else (mine.data if mine else None)
        previous = kept.get(number - 1)
        if is_current:
            at, user = current.updated_at, current.updated_by
        elif mine is not None:
            at, user = mine.at, mine.user
        else:
            at = times.get(number, "")
            user = users.get(at, "")
        changes: tuple[FieldChange, ...] = ()
        if number == 1:
            action = "created"
        else:
            names = previous.changed if previous is not None else ()
            changes = _changes(kind, previous.data if previous else None, data, names)
            if is_current and current.deleted and "deleted" in names:
                action = "deleted"
            elif (kind, record_id, number) in restored:
                action = "restored"
            else:
                action = "changed"
        out.append(
            Version(
                kind,
                record_id,
                title,
                number,
                at,
                user,
                action,
                changes,
                restorable=not is_current and mine is not None,
                current=is_current,
                seq=places.get(number, 0),
            )
        )
    return out


def restore(
    session: Session, kind: str, record_id: str, row_kind: str, row_id: str, version: int
) -> Changes:
    """Put back version ``version`` of the row ``(row_kind, row_id)`` (the record ``(kind,
    record_id)`` itself or one of its children) and save the record (see the module
    contract)."""
    session.require(Permission.EDIT)
    pg = record_service._on_postgres(session)
    if pg is not None:  # read the version and save it in one PostgreSQL transaction
        with pg as routed:
            return restore(routed, kind, record_id, row_kind, row_id, version)
    if (row_kind, row_id) not in _rows(session, kind, record_id):
        raise InvalidInput(f"That {row_kind} is not part of this {kind}.")
    kept = {v.version: v for v in _reads(session).stored_versions(row_kind, [row_id])}
    old = kept.get(version)
    if old is None:
        raise InvalidInput(
            say(
                "Version {version} was saved before version history was kept (or is the current "
                "one); it cannot be restored.",
                version=version,
            )
        )
    top = session.store.get(kind, record_id)
    target = _find(session, top, row_kind, row_id)
    before = dataclasses.replace(target)
    values, _problems = from_dict(RECORD_TYPES[row_kind], old.data)
    skip = set(BOOKKEEPING_FIELDS) | _NOT_VALUES
    if row_kind == "victim":
        skip |= set(Victim.IDENTIFYING)
    for f in dataclasses.fields(values):
        if f.name not in skip and f.name in old.data:
            setattr(target, f.name, getattr(values, f.name))
    if store_history.values(target) == store_history.values(before) and not before.deleted:
        raise InvalidInput(
            say("Version {version} holds the values the record has now.", version=version)
        )
    target.deleted = False
    # The version this save writes (the store counts up by one for a change).
    entry = session.audit_entry(
        "record.restore", row_kind, row_id, version=version, as_version=target.version + 1
    )
    return record_service.save(session, [top], also_log=[entry])


def _find(session: Session, top: Record, kind: str, record_id: str) -> Record:
    """The row to restore inside ``top`` (a deleted child is read and put back in its
    parent's list)."""
    if kind == top.KIND and record_id == top.id:
        return top
    parents: list[Record] = [top]
    if isinstance(top, Case):
        parents += top.victims
    for parent in parents:
        for name in ("accused", "victims", "referrals"):
            children = getattr(parent, name, None)
            if not isinstance(children, list):
                continue
            for child in children:
                if kind == child.KIND and record_id == child.id:
                    found: Record = child
                    return found
    child = session.store.get(kind, record_id, deleted=True)
    parent_id = getattr(child, PARENT_KEY[kind])
    for parent in parents:
        if parent.id == parent_id:
            name = {"accused": "accused", "victim": "victims", "referral": "referrals"}[kind]
            getattr(parent, name).append(child)
            return child
    raise InvalidInput(f"That {kind} is not part of this record.")  # pragma: no cover


__all__ = ["FieldChange", "Version", "history", "restore"]
