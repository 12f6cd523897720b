"""The real ``tipdesk report`` and ``tipdesk export`` commands on an HQ store (few
invocations: each pays the real passphrase KDF)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from test_cli import ADMIN, CASE_DECIDED, tipdesk


@pytest.mark.slow
def test_report_and_exports(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tipdesk(home, "init", "--role", "hq", "--user", ADMIN)
    other = json.loads(json.dumps(CASE_DECIDED))
    other |= {"case_number": "FIR 5/2025", "district": "PB-FSD", "office": "FIA-AHTC-FSD"}
    other["victims"][0]["victim_code"] = "V-FSD-2025-1"
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([CASE_DECIDED, other]), encoding="utf-8")
    tipdesk(home, "case", "add", "--file", str(cases))
    out = tmp_path / "r.json"
    tipdesk(home, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json",
            "--out", str(out))  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["cases_registered"], data["accused_convicted"], data["victims_identified"]) == (
        2, 2, 2,
    )  # fmt: skip
    assert [r["district"] for r in data["by_district"]] == ["PB-FSD", "PB-LHR"]
    xlsx = tmp_path / "r.xlsx"
    tipdesk(home, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--province", "PB",
            "--suppress-below", "5", "--format", "xlsx", "--out", str(xlsx))  # fmt: skip
    ws = load_workbook(xlsx)["Headline figures"]  # sheets are named for readers
    # Two cases, one per district: each district's "<5" is at least 1, so a "<5" total could
    # only be 2 to 4. The total is shown "x" (at least 2, no upper limit) instead.
    assert (ws.cell(row=2, column=2).value, ws.cell(row=7, column=2).value) == ("x", "x")
    urdu = tmp_path / "ur.xlsx"
    tipdesk(home, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "xlsx",
            "--language", "ur", "--out", str(urdu))  # fmt: skip
    ws = load_workbook(urdu)["اہم اعداد و شمار"]  # "Headline figures", right to left
    assert ws.sheet_view.rightToLeft and ws.cell(row=1, column=1).value == "عدد"
    assert ws.cell(row=2, column=2).value == 2  # a number, as in English
    csv_out = tmp_path / "h.csv"
    tipdesk(home, "export", "htcds", "--out", str(csv_out))
    text = csv_out.read_text(encoding="utf-8-sig")
    assert text.count("\n") == 3 and "Kamran" not in text
