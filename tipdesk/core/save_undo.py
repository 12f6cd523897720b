"""Giving a failed save's records back as they were (both of HQ's engines, and the district's).

A save assigns ids, versions, links and bookkeeping to the caller's record objects as it
writes. When its transaction rolls back, those objects must look unsaved again, so that the
same objects can simply be saved again once the problem is fixed (an editor keeps the objects
it showed; a save retried after a stale record further on, a full disk or a deadlock must not be
refused as stale by its own half-done attempt).

Contract: :func:`snapshot` before the save, :func:`restore` when it fails. Lists are not
mutated by a save, only their items, so a shallow copy of each object's fields is enough.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from tipdesk.core.records import Case, Record, Victim

Snapshot = list[tuple[Record, dict[str, Any]]]


def tree(record: Record) -> Iterator[Record]:
    """``record`` and the children a save writes with it, parents first."""
    yield record
    if isinstance(record, Case):
        yield from record.accused
        for v in record.victims:
            yield from tree(v)
    elif isinstance(record, Victim):
        yield from record.referrals


def snapshot(records: Iterable[Record]) -> Snapshot:
    """Every field value of ``records`` and their children."""
    return [
        (r, {f.name: getattr(r, f.name) for f in dataclasses.fields(r)})
        for top in records
        for r in tree(top)
    ]


def restore(taken: Snapshot) -> None:
    """Put back every value :func:`snapshot` took."""
    for record, values in taken:
        for name, value in values.items():
            setattr(record, name, value)
