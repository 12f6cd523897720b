"""A test's guard on an HQ keeping its records in PostgreSQL: its install's own store (whose
record tables are empty there) refuses every record read, so a screen or command that would
silently read the empty store fails instead (issue 20)."""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.records import LOCAL_KINDS
from tipdesk.services.sync.hq_pg_records import RECORD_TABLES
from tipdesk.store.store import Store

_NAMED = re.compile(r"\b(?:from|join|into|update)\s+([a-z_]+)", re.IGNORECASE)


def _caller() -> str:
    """Where the read came from: the innermost frame of the app outside its store."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        name = frame.filename.replace("\\", "/")
        if "/tipdesk/" in name and "/tipdesk/store/" not in name:
            return f"{name.split('/tipdesk/')[-1]}:{frame.lineno}"
    return "?"


def refuse_record_reads(home: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse, for the store of the install at ``home`` only, every read of its record
    tables; returns the list the refusals are noted in (a command may catch the error)."""
    hits: list[str] = []

    def mine(store: Store) -> bool:
        return store.path.is_relative_to(home)

    query = Store.query

    def guarded(self: Store, sql: str, params: Any = ()) -> Any:
        wrong = {t.lower() for t in _NAMED.findall(sql)} & RECORD_TABLES
        if mine(self) and wrong:
            hits.append(f"{_caller()} query: {' '.join(sql.split())[:100]}")
            raise AssertionError(hits[-1])
        return query(self, sql, params)

    monkeypatch.setattr(Store, "query", guarded)
    for name in ("get", "page", "count", "titles"):
        method = getattr(Store, name)

        def by_kind(
            self: Store, kind: str, *a: Any, _m: Any = method, _n: str = name, **k: Any
        ) -> Any:
            if mine(self) and kind not in LOCAL_KINDS:
                hits.append(f"{_caller()} {_n}({kind!r})")
                raise AssertionError(hits[-1])
            return _m(self, kind, *a, **k)

        monkeypatch.setattr(Store, name, by_kind)
    for name in ("search", "changes_since"):
        method = getattr(Store, name)

        def never(self: Store, *a: Any, _m: Any = method, _n: str = name, **k: Any) -> Any:
            if mine(self):
                hits.append(f"{_caller()} {_n}")
                raise AssertionError(_n)
            return _m(self, *a, **k)

        monkeypatch.setattr(Store, name, never)
    return hits
