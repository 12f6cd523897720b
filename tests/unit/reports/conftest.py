"""Fixtures for the report tests: an encrypted store holding the known-totals data set, and
the report built from it (2025, no suppression)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rep_fixture import fill

from tipdesk.core.reference import Reference
from tipdesk.reports.build import build_report
from tipdesk.reports.model import Report, ReportParams
from tipdesk.resources import load_reference
from tipdesk.store.store import Store

GENERATED_AT = "2026-01-20T10:00:00.000Z"


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


@pytest.fixture
def rep_report(rep_store: Store, rep_reference: Reference) -> Report:
    return make_report(rep_store, rep_reference)
