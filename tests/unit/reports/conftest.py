"""Fixtures for the report tests: an encrypted store holding the known-totals data set, and
the report built from it (2025, no suppression) on each engine: the SQLCipher store and a
PostgreSQL HQ database holding the same records."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rep_fixture import fill

from tipdesk.core.reference import Reference
from tipdesk.hqstore.copy import TABLES as COPIED
from tipdesk.hqstore.copy import CopyTarget
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.reports import writers
from tipdesk.reports.build import build_report, build_report_from
from tipdesk.reports.model import Report, ReportParams
from tipdesk.resources import load_reference
from tipdesk.store.rows import TABLES as KIND_TABLES
from tipdesk.store.store import Store

GENERATED_AT = "2026-01-20T10:00:00.000Z"
RECORD_TABLES = frozenset(KIND_TABLES.values())


@pytest.fixture
def rep_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.create(tmp_path / "report.db", os.urandom(32))
    fill(store)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="session")
def rep_reference() -> Reference:
    return load_reference()


def make_report(store: Store, reference: Reference, **params: object) -> Report:
    values: dict[str, object] = {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 12, 31)}
    return build_report(
        store,
        reference,
        ReportParams(**(values | params)),  # type: ignore[arg-type]
        generated_at=GENERATED_AT,
        bundle_dates=None,
    )


class _NoBundleDates(PgFigures):
    """PostgreSQL's figures with coverage as :func:`make_report` asks the store for it."""

    def bundle_dates(self) -> dict[str, str] | None:
        return None


def _on_postgres(store: Store, url: str) -> HqDatabase:
    """A PostgreSQL HQ database holding ``store``'s records, copied as they are."""
    target = CopyTarget(url)
    try:
        for table, columns in COPIED.items():
            if table in RECORD_TABLES:
                target.write(table, store.query(f"SELECT {', '.join(columns)} FROM {table}"))  # noqa: S608
        target.finish()
        target.commit()
    finally:
        target.close()
    return HqDatabase(url, max_size=1)


@pytest.fixture(params=["sqlcipher", "postgres"])
def rep_report(
    request: pytest.FixtureRequest, rep_store: Store, rep_reference: Reference
) -> Iterator[Report]:
    """The report of the known-totals data set, built on either engine (issue 20: the report
    suite runs on both); on PostgreSQL its JSON is first checked byte-identical to the
    SQLCipher store's."""
    on_sqlite = make_report(rep_store, rep_reference)
    if request.param == "sqlcipher":
        yield on_sqlite
        return
    db = _on_postgres(rep_store, request.getfixturevalue("pg_url"))
    try:
        params = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        report = build_report_from(
            _NoBundleDates(db), rep_reference, params, generated_at=GENERATED_AT
        )
        assert writers.to_json(report) == writers.to_json(on_sqlite)
        yield report
    finally:
        db.close()
