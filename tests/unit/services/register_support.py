"""Helpers for the register import tests: small workbooks and CSVs written with openpyxl or by
hand, and a summary of what a store holds (to assert that nothing was imported)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from tipdesk.services.register.columns import ACCUSED, CAMPAIGNS, CASES, TRAINING, VICTIMS
from tipdesk.services.session import Session

HEADERS = {
    s.name: [c.name for c in s.columns] for s in (CASES, ACCUSED, VICTIMS, TRAINING, CAMPAIGNS)
}


def case_row(number: str = "FIR 1/2025", **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "case_number": number,
        "registered_on": dt.date(2025, 3, 1),
        "district": "Lahore",
        "office": "",
        "law": "",
        "exploitation_forms": "Forced labour; child_labour",
        "stage": "challan",
        "official_involvement": "no",
        "transnational": "no",
        "summary": "Brick kiln workers held under an advance.",
    }
    return row | values


def accused_row(number: str = "FIR 1/2025", **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "case_number": number,
        "name": "Akram Khan",
        "cnic": "35202-1234567-1",
        "gender": "M",
        "age": 40,
        "nationality": "Pakistan",
        "role": "recruiter",
        "arrest_status": "Arrested",
        "proceeded_on": "2025-04-01",
        "outcome": "pending",
    }
    return row | values


def victim_row(number: str = "FIR 1/2025", code: str = "V-LHR-2025-001", **values: Any):
    row: dict[str, Any] = {
        "case_number": number,
        "victim_code": code,
        "name": "Sana Bibi",
        "gender": "f",
        "age": 16,
        "nationality": "PK",
        "exploitation_forms": "forced_labour",
        "identified_on": "01/03/2025",
        "referred_to": "Shelter; legal_aid",
    }
    return row | values


def training_row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "title": "Victim identification for investigators",
        "district": "PB-LHR",
        "organiser": "Federal Investigation Agency (FIA)",
        "partners": "UNODC; iom",
        "topics": "victim_identification",
        "start_on": dt.date(2026, 3, 3),
        "end_on": dt.date(2026, 3, 5),
        "participants_female": 8,
        "participants_male": 16,
        "participants_transgender": 1,
    }
    return row | values


def campaign_row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "district": "lahore",
        "department": "Labour Department, Punjab",
        "kind": "walk",
        "start_on": "2026-01-11",
        "end_on": "2026-01-11",
        "people_reached": 1200,
        "partners": "iom",
    }
    return row | values


def write_book(
    path: Path,
    sheets: dict[str, list[dict[str, Any]]],
    *,
    headers: dict[str, list[str]] | None = None,
) -> Path:
    """A workbook with one sheet per entry: the register's headers (or ``headers``), then the
    rows (dicts by column name; missing keys are empty cells)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        cols = (headers or {}).get(name) or HEADERS[name]
        ws.append(cols)
        for row in rows:
            ws.append([row.get(c) for c in cols])
    wb.save(path)
    return path


def write_csv(path: Path, sheet: str, rows: list[dict[str, Any]], *, bom: bool = True) -> Path:
    cols = HEADERS[sheet]
    lines = [",".join(cols)]
    for row in rows:
        cells = []
        for c in cols:
            v = row.get(c)
            text = "" if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v))
            cells.append(f'"{text}"' if ("," in text or ";" in text) else text)
        lines.append(",".join(cells))
    path.write_bytes(("\ufeff" if bom else "").encode() + "\r\n".join(lines).encode("utf-8"))
    return path


def store_state(session: Session) -> dict[str, int]:
    """Counts of every record kind, change-log rows and audit entries."""
    out = {
        k: session.store.count(k)
        for k in ("case", "accused", "victim", "referral", "training", "campaign")
    }
    out["changes"] = int(session.store.query("SELECT count(*) FROM changes")[0][0])
    out["audit"] = int(session.store.query("SELECT count(*) FROM audit")[0][0])
    return out


def rules(plan: Any) -> set[str]:
    return {p.rule for p in plan.errors}
