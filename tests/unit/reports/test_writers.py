"""Every format gives the fixture's exact figures: JSON, CSV (zip), XLSX read back with
openpyxl (and converted by LibreOffice when installed), PDF rendered with pdftoppm."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import make_report
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from rep_fixture import HEADLINE_2025, PREVIOUS_2024

from tipdesk.core.reference import Reference
from tipdesk.reports.model import Report
from tipdesk.reports.writers import render, write_report
from tipdesk.store.store import Store

REQUIRED_KEYS = {
    "period", "cases_registered", "accused_proceeded_against", "accused_convicted",
    "conviction_rate", "victims_identified", "victims_by_gender", "victims_by_age_group",
    "persons_trained", "training_sessions", "awareness_campaigns", "people_reached",
    "by_province", "by_district", "coverage",
}  # fmt: skip


def test_json(rep_report: Report, tmp_path: Path) -> None:
    path = write_report(rep_report, "json", tmp_path / "r.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= REQUIRED_KEYS
    assert {k: data[k] for k in HEADLINE_2025} == HEADLINE_2025
    assert data["previous"] == PREVIOUS_2024
    assert data["period"] == {"from": "2025-01-01", "to": "2025-12-31"}
    assert data["victims_by_age_group"] == {"child": 2, "adult": 1, "unknown": 1}
    assert data["victims_by_gender"]["female"] == 2
    assert [r["province"] for r in data["by_province"]] == ["PB", "SD"]
    assert data["coverage"]["districts_included"] == ["PB-FSD", "PB-LHR", "SD-KHS"]
    assert path.stat().st_mode & 0o777 == 0o600
    assert "Hidden Name" not in path.read_text(encoding="utf-8")


def test_json_suppressed(rep_store: Store, rep_reference: Reference) -> None:
    data = json.loads(render(make_report(rep_store, rep_reference, suppress_below=5), "json"))
    # Three cases, one per district: three "<5" districts make the total at least 3, so it is
    # shown "x" (a "<5" would leave it 3 or 4).
    assert data["cases_registered"] == "x"
    assert data["suppression"]["threshold"] == 5
    # Two female victims, a child and one of unknown age: two "<5" cells, so at least 2: "x".
    assert data["victims_by_gender"] == {"female": "x", "male": "<5", "transgender": "<5",
                                         "unknown": 0}  # fmt: skip
    assert data["by_district"][0]["cases_registered"] == "<5"


def test_csv_zip(rep_report: Report) -> None:
    with zipfile.ZipFile(io.BytesIO(render(rep_report, "csv"))) as zf:
        names = zf.namelist()
        assert names[:3] == ["about.csv", "headline.csv", "by_province.csv"]
        assert "coverage.csv" in names
        text = zf.read("headline.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Figure", "2025-01-01 to 2025-12-31", "2024-01-01 to 2024-12-31"]
    assert rows[1][:3] == ["Cases registered (probed)", "3", "1"]
    assert rows[3][:3] == ["Accused convicted", "2", "1"]


def test_xlsx_reads_back(rep_report: Report, tmp_path: Path) -> None:
    path = write_report(rep_report, "xlsx", tmp_path / "r.xlsx")
    wb = load_workbook(path)
    # Sheets are named for readers; codes only in a code column (About lists the JSON keys).
    assert wb.sheetnames[:4] == ["About", "Headline figures", "By province", "By district"]
    assert "Victims by form (SDG 16.2.2)" in wb.sheetnames
    assert all(len(name) <= 31 and "_" not in name for name in wb.sheetnames)
    ws = wb["Headline figures"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
              for r in range(2, ws.max_row + 1)}  # fmt: skip
    assert values["Cases registered (probed)"] == 3
    assert values["People reached by campaigns"] == 1500
    assert ws.cell(row=2, column=2).number_format == "#,##0"
    district = wb["By district"]
    assert [district.cell(row=r, column=1).value for r in range(2, 6)] == [
        "PB-FSD", "PB-LHR", "SD-KHS", "Total",
    ]  # fmt: skip
    # Province and gender by name, never by code.
    assert [district.cell(row=r, column=3).value for r in range(2, 5)] == [
        "Punjab", "Punjab", "Sindh",
    ]  # fmt: skip
    genders = wb["Victims by gender"]
    assert [genders.cell(row=r, column=1).value for r in range(2, 6)] == [
        "Female", "Male", "Transgender", "Not recorded",
    ]  # fmt: skip
    rate = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value
                .startswith("Conviction rate"))  # fmt: skip
    assert str(ws.cell(row=rate, column=4).value).endswith(" pts")
    assert district.column_dimensions["B"].width >= 10


@pytest.mark.skipif(
    not shutil.which("libreoffice"), reason="LibreOffice is not installed (make sysdeps)"
)
def test_xlsx_opens_in_libreoffice(rep_report: Report, tmp_path: Path) -> None:
    path = write_report(rep_report, "xlsx", tmp_path / "r.xlsx")
    out = tmp_path / "lo"
    proc = subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "csv", "--outdir", str(out), str(path)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    text = (out / "r.csv").read_text(encoding="utf-8")  # the first sheet: About
    assert "TIPDesk national report" in text
    assert "2025-01-01 to 2025-12-31" in text


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_pdf_renders(rep_report: Report, tmp_path: Path) -> None:
    path = write_report(rep_report, "pdf", tmp_path / "r.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    proc = subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "p")],
                          capture_output=True, timeout=120, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    pages = sorted(tmp_path.glob("p-*.png"))
    # Title; headline and funnel; charts; then the tables (the fixture's fit on five pages).
    assert len(pages) == EXPECTED_PAGES
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
    if text.returncode == 0:
        body = text.stdout.decode("utf-8")
        assert "2025-01-01 to 2025-12-31" in body
        assert "generated 2026-01-20T10:00:00.000Z" in body
        assert "Hidden Name" not in body
        # Readers' words: the title says what it covers, genders by name, definitions inside
        # the report (never a pointer to a markdown file).
        assert "TIPDesk national report" in body
        assert "report-definitions.md" not in body
        assert "Definitions" in body and "Female" in body and "female" not in body
        assert "Data from " in body


EXPECTED_PAGES = 9


def test_pdf_is_deterministic(rep_report: Report) -> None:
    assert render(rep_report, "pdf") == render(rep_report, "pdf")


def test_every_format_carries_the_split_by_act(rep_report: Report, tmp_path: Path) -> None:
    """JSON, CSV, XLSX and PDF all publish the trafficking / smuggling split and the officials
    among the accused (the fixture: one PSMA case, one official proceeded against)."""
    data = json.loads(render(rep_report, "json"))
    by_law = data["tables"]["by_law"]
    rows = {r["law"]: r for r in by_law["rows"]}
    assert rows["psma_2018"]["cases_registered"] == 1
    assert rows["tip_act_2018"]["officials_proceeded_against"] == 1
    assert by_law["total"]["accused_proceeded_against"] == 4
    with zipfile.ZipFile(io.BytesIO(render(rep_report, "csv"))) as zf:
        table = list(csv.reader(io.StringIO(zf.read("by_law.csv").decode("utf-8-sig"))))
    assert table[0] == ["Code", "Act", "Cases", "Proceeded against", "Officials among them",
                        "Convicted", "Officials convicted"]  # fmt: skip
    assert table[2] == ["psma_2018", "PSMA 2018", "1", "1", "0", "1", "0"]
    wb = load_workbook(write_report(rep_report, "xlsx", tmp_path / "r.xlsx"))
    found = [
        [c.value for c in row]
        for ws in wb.worksheets
        for row in ws.iter_rows()
        if row[0].value == "tip_act_2018"
    ]
    assert found == [["tip_act_2018", "TIP Act 2018", 2, 3, 1, 1, 0]]
    if shutil.which("pdftotext"):
        path = write_report(rep_report, "pdf", tmp_path / "r.pdf")
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
        body = text.stdout.decode("utf-8")
        assert "By Act (trafficking in persons, smuggling of migrants)" in body
        assert "PSMA 2018" in body
