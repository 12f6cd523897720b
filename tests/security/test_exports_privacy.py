"""The HTCDS and CTDC exports point back at no record and no day: random export ids (not the
records' UUIDv7 ids, whose first 48 bits are the creation time), months instead of dates,
age bands instead of exact ages.

Before the fix the HTCDS export carried each victim's and case's record id (UUIDv7: the
moment the officer created the record, to the millisecond, and a key linking every export
to the store and to each other), the exact date of identification, the exact age and the
time of the last change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sec_cli_support import sec_install

from tipdesk.core.ages import AGE_BAND_LABELS
from tipdesk.core.codes import Gender, Stage
from tipdesk.core.records import Case, Victim
from tipdesk.services import records
from tipdesk.services import reports as report_service
from tipdesk.services.session import Session

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _victim(code: str, age: int, identified: dt.date, gender: Gender) -> Victim:
    return Victim(
        victim_code=code,
        name="Synthetic Person",
        gender=gender,
        age=age,
        identified_on=identified,
        exploitation_forms=["forced_labour"],
    )


def _case(number: str, registered: dt.date, *victims: Victim) -> Case:
    return Case(
        case_number=number,
        registered_on=registered,
        district="PB-LHR",
        office="FIA-AHTC-LHR",
        law="tip_act_2018",
        sections=["3"],
        exploitation_forms=["forced_labour"],
        stage=Stage.INVESTIGATION,
        victims=list(victims),
    )


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = sec_install(tmp_path / "home")
    records.save(
        s,
        [
            _case(
                "FIR 7/2025",
                dt.date(2025, 3, 14),
                _victim("V-1", 16, dt.date(2025, 3, 14), Gender.FEMALE),
                _victim("V-2", 23, dt.date(2025, 3, 17), Gender.MALE),
            ),
            _case(
                "FIR 9/2025",
                dt.date(2025, 11, 2),
                _victim("V-3", 41, dt.date(2025, 11, 5), Gender.FEMALE),
            ),
        ],
    )
    try:
        yield s
    finally:
        s.close()


def _record_ids(session: Session) -> set[str]:
    ids: set[str] = set()
    for case in records.page(session, "case", limit=100):
        full = records.get(session, "case", case.id)
        assert isinstance(full, Case)
        ids |= {full.id, *(v.id for v in full.victims)}
    return ids


def _export(session: Session, kind: str, tmp_path: Path, name: str) -> str:
    dest = report_service.export_standard(session, kind, tmp_path / name)
    return dest.read_text(encoding="utf-8-sig")


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("kind", ["htcds", "ctdc"])
def test_no_record_id_no_day_no_exact_age(session: Session, tmp_path: Path, kind: str) -> None:
    text = _export(session, kind, tmp_path, f"{kind}.csv")
    rows = _rows(text)
    assert len(rows) == 3
    for record_id in _record_ids(session):
        assert record_id not in text
        assert record_id.replace("-", "") not in text.replace("-", "")
    assert ISO_DAY.search(text) is None, "an exact date was exported"
    header = next(csv.reader(io.StringIO(text)))
    assert not any("age_at" in column or column == "age" for column in header)
    band = "age_broad" if kind == "htcds" else "ageBroad"
    assert sorted(r[band] for r in rows) == ["21--23", "39--47", "9--17"]
    assert {r[band] for r in rows} <= set(AGE_BAND_LABELS)
    for age in ("16", "23", "41"):
        assert all(age not in row.values() for row in rows)


def test_htcds_ids_are_random_and_new_for_each_export(session: Session, tmp_path: Path) -> None:
    first = _rows(_export(session, "htcds", tmp_path, "a.csv"))
    second = _rows(_export(session, "htcds", tmp_path, "b.csv"))
    for rows in (first, second):
        for row in rows:
            for column in ("victim_id", "case_id"):
                assert uuid.UUID(row[column]).version == 4, row[column]
        # Victims of one case share its export id: the two of FIR 7/2025 (March).
        march = [r for r in rows if r["month_identified"] == "2025-03"]
        assert len(march) == 2 and march[0]["case_id"] == march[1]["case_id"]
        assert len({r["case_id"] for r in rows}) == 2
        assert len({r["victim_id"] for r in rows}) == 3
    # Nothing links one export to the next.
    ids = {r[c] for r in first for c in ("victim_id", "case_id")}
    assert ids.isdisjoint({r[c] for r in second for c in ("victim_id", "case_id")})


def test_htcds_months_and_years(session: Session, tmp_path: Path) -> None:
    rows = _rows(_export(session, "htcds", tmp_path, "h.csv"))
    assert sorted(r["month_identified"] for r in rows) == ["2025-03", "2025-03", "2025-11"]
    assert {r["year_identified"] for r in rows} == {"2025"}
    # The last change: a month too (the store's clock is fixed at 2026-06-01).
    assert {r["month_updated"] for r in rows} == {"2026-06"}
