"""Version history of record rows: the superseded versions, and the change log by record.

Contract:
- :func:`version_row` is what :class:`~tipdesk.store.store.Store` writes to
  ``record_versions`` when a save replaces a stored row (an update or a soft delete), in the
  same transaction: the row as it was (its version, who saved it and when, its field values
  as JSON) and the names of the fields the replacing save changed (identifying ones too: the
  name of a field, never its value). Victims' identifying fields (:attr:`Victim.IDENTIFYING`)
  are never copied there: the victims table stays their only home, so a history can never
  show one, and a restore leaves them as they are. Bookkeeping fields and children lists are
  not part of ``data``.
- The current version of a record is its row; every earlier version saved since schema 4
  has a ``record_versions`` row. Versions saved before that are known from the change log
  (``changes``: version and time) without their values.
- Read functions here only SELECT, on the store's thread.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from tipdesk.core.records import BOOKKEEPING_FIELDS, Record, Victim, to_dict

if TYPE_CHECKING:  # the store imports this module to write versions
    from tipdesk.store.store import Store

INSERT_HEAD = (
    "INSERT OR IGNORE INTO record_versions(kind, record_id, version, at, user, data, changed)"
)


def values(record: Record) -> dict[str, Any]:
    """The field values a version keeps (JSON-ready): no bookkeeping, no children, no victim
    identity."""
    data = {
        k: v for k, v in to_dict(record, meta=False, children=False).items()
        if k not in BOOKKEEPING_FIELDS
    }  # fmt: skip
    if isinstance(record, Victim):
        for name in Victim.IDENTIFYING:
            data.pop(name, None)
    return data


VersionRow = tuple[str, str, int, str, str, str, str]


def version_row(record: Record, changed: Sequence[str]) -> VersionRow:
    """The ``record_versions`` row of a stored record about to be replaced by a save that
    changes the fields ``changed``."""
    data = json.dumps(values(record), ensure_ascii=False, sort_keys=True)
    names = json.dumps(sorted(changed))
    return (
        record.KIND,
        record.id,
        record.version,
        record.updated_at,
        record.updated_by,
        data,
        names,
    )


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """One superseded version as kept: ``data`` as :func:`values` gave it; ``changed`` the
    fields the next version changed."""

    kind: str
    record_id: str
    version: int
    at: str
    user: str
    data: dict[str, Any]
    changed: tuple[str, ...]


def stored_versions(store: Store, kind: str, record_ids: Sequence[str]) -> list[StoredVersion]:
    """The kept versions of ``record_ids`` (all of ``kind``), oldest first per record."""
    out: list[StoredVersion] = []
    for i in range(0, len(record_ids), 500):
        part = list(record_ids[i : i + 500])
        marks = ", ".join("?" for _ in part)
        rows = store.query(
            "SELECT record_id, version, at, user, data, changed FROM record_versions "  # noqa: S608
            f"WHERE kind = ? AND record_id IN ({marks}) ORDER BY record_id, version",
            (kind, *part),
        )
        out += [
            StoredVersion(
                kind,
                str(r[0]),
                int(r[1]),
                str(r[2]),
                str(r[3]),
                json.loads(r[4]),
                tuple(json.loads(r[5])),
            )
            for r in rows
        ]
    return out


def logged_versions(store: Store, kind: str, record_id: str) -> list[tuple[int, str, int]]:
    """(version, time, position in the log) of every version of a record in the change log,
    oldest first."""
    rows = store.query(
        "SELECT version, at, seq FROM changes WHERE record_id = ? AND kind = ? ORDER BY seq",
        (record_id, kind),
    )
    return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]


def users_at(store: Store, times: Sequence[str]) -> dict[str, str]:
    """Who wrote at each of ``times`` (from the audit log: one timestamp per write)."""
    out: dict[str, str] = {}
    wanted = sorted(set(times))
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        marks = ", ".join("?" for _ in part)
        for at, user in store.query(
            f"SELECT at, user FROM audit WHERE at IN ({marks})",  # noqa: S608
            part,
        ):
            out.setdefault(str(at), str(user))
    return out


def child_ids(store: Store, table: str, parent_column: str, parent_id: str) -> list[str]:
    """Ids of every child row of a parent, deleted ones too (their history is the parent's)."""
    rows = store.query(
        f"SELECT id FROM {table} WHERE {parent_column} = ? ORDER BY rowid",  # noqa: S608
        (parent_id,),
    )
    return [str(r[0]) for r in rows]


class HistoryReads(Protocol):
    """The reads a record's history needs, from whichever engine holds the records."""

    def stored_versions(self, kind: str, record_ids: Sequence[str]) -> list[StoredVersion]: ...
    def logged_versions(self, kind: str, record_id: str) -> list[tuple[int, str, int]]: ...
    def users_at(self, times: Sequence[str]) -> dict[str, str]: ...
    def child_ids(self, table: str, parent_column: str, parent_id: str) -> list[str]: ...
    def restores(self, first: str, last: str) -> list[tuple[str, str, str]]: ...


class StoreHistoryReads:
    """The reads above over one store, as an object: the History service takes this or
    :class:`tipdesk.hqstore.history_reads.PgHistoryReads` (an HQ's records in PostgreSQL)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def stored_versions(self, kind: str, record_ids: Sequence[str]) -> list[StoredVersion]:
        return stored_versions(self.store, kind, record_ids)

    def logged_versions(self, kind: str, record_id: str) -> list[tuple[int, str, int]]:
        return logged_versions(self.store, kind, record_id)

    def users_at(self, times: Sequence[str]) -> dict[str, str]:
        return users_at(self.store, times)

    def child_ids(self, table: str, parent_column: str, parent_id: str) -> list[str]:
        return child_ids(self.store, table, parent_column, parent_id)

    def restores(self, first: str, last: str) -> list[tuple[str, str, str]]:
        """(kind, record id, detail) of the restores logged from ``first`` to ``last``."""
        rows = self.store.query(
            "SELECT kind, record_id, detail FROM audit WHERE at >= ? AND at <= ? "
            "AND action = 'record.restore'",
            (first, last),
        )
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]
