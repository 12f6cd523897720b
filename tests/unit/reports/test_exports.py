"""The standard exports: no identifying field, derived ages, one row per live victim."""

from __future__ import annotations

import csv
import io

from tipdesk.reports.exports import CTDC_COLUMNS, HTCDS_COLUMNS, ctdc_csv, htcds_csv
from tipdesk.store.store import Store


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_htcds(rep_store: Store) -> None:
    data = htcds_csv(rep_store)
    assert b"Hidden Name" not in data and b"9990044455566" not in data
    rows = _rows(data)
    assert list(rows[0]) == list(HTCDS_COLUMNS)
    assert len(rows) == 5  # four in 2025, one in 2024; the deleted victim is left out
    girl = next(r for r in rows if r["age_broad"] == "9--17" and r["gender"] == "female")
    assert girl["is_minor"] == "1"
    assert girl["exploitation_forced_labour"] == "1" and girl["referral_shelter"] == "1"
    afghan = next(r for r in rows if r["citizenship"] == "AF")
    # No form recorded for the victim: the case's form is used; the route is the case's.
    assert afghan["exploitation_types"] == "sexual_exploitation"
    assert (afghan["is_transnational"], afghan["route_countries"]) == ("1", "PK;AE")
    assert afghan["age_broad"] == "unknown" and afghan["is_minor"] == ""


def test_ctdc(rep_store: Store) -> None:
    rows = _rows(ctdc_csv(rep_store, {"PB-LHR": "PB", "PB-FSD": "PB", "SD-KHS": "SD"}))
    assert list(rows[0]) == list(CTDC_COLUMNS)
    bands = sorted(r["ageBroad"] for r in rows)
    assert bands == ["18--20", "30--38", "9--17", "9--17", "unknown"]
    child = next(r for r in rows if r["gender"] == "Transgender")
    assert (child["majorityStatus"], child["isForcedLabour"], child["admin1"]) == (
        "Minor",
        "1",
        "SD",
    )
    abroad = next(r for r in rows if r["CountryOfExploitation"] == "AE")
    flags = (abroad["isAbroad"], abroad["isSexualExploit"], abroad["meansOfControlFalsePromises"])
    assert flags == ("1", "1", "1")
