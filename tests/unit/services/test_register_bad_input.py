"""Register files that are wrong: each gives a clear report and imports nothing."""

from __future__ import annotations

import datetime as dt
import os
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from register_support import (
    accused_row,
    case_row,
    rules,
    store_state,
    victim_row,
    write_book,
)

from tipdesk.core.errors import InvalidInput
from tipdesk.services.register import (
    ImportOptions,
    ImportRefused,
    Limits,
    commit_import,
    plan_import,
)
from tipdesk.services.session import Session


def _refused(session: Session, path: Path, options: ImportOptions | None = None) -> set[str]:
    """Plan ``path``, check that committing it is refused and changes nothing; return the
    rules of its errors."""
    before = store_state(session)
    plan = plan_import(session, path, options)
    assert not plan.ok
    for p in plan.errors:
        assert p.sheet and p.expected, p
    with pytest.raises(ImportRefused, match="nothing was imported"):
        commit_import(session, plan)
    assert store_state(session) == before
    return rules(plan)


def _unreadable(session: Session, path: Path, match: str) -> None:
    before = store_state(session)
    with pytest.raises(InvalidInput, match=match):
        plan_import(session, path)
    assert store_state(session) == before


def test_not_a_spreadsheet(district_session: Session, tmp_path: Path) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    _unreadable(district_session, png, "not a spreadsheet")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("case_number,registered_on\n", encoding="utf-8")
    _unreadable(district_session, fake, "not a spreadsheet")
    binary_csv = tmp_path / "cases.csv"
    binary_csv.write_bytes(b"\x00\x01\x02" * 100)
    _unreadable(district_session, binary_csv, "binary data")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    _unreadable(district_session, empty, "empty")
    other_zip = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("notes.txt", "hello")
    _unreadable(district_session, other_zip, "not an Excel workbook")
    ods = tmp_path / "register.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    _unreadable(district_session, ods, "OpenDocument")
    broken = tmp_path / "broken.xlsx"
    good = write_book(tmp_path / "good.xlsx", {"Cases": [case_row()]}).read_bytes()
    broken.write_bytes(good[: len(good) // 2])
    _unreadable(district_session, broken, "damaged")


def test_password_protected_workbook(district_session: Session, tmp_path: Path) -> None:
    # An encrypted OOXML workbook is an OLE2 compound file holding an EncryptionInfo stream.
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + bytes(512))
    _unreadable(district_session, locked, "protected with a password")
    old = tmp_path / "old.xls"
    old.write_bytes(ole + bytes(1024))
    _unreadable(district_session, old, r"\.xls\) or a password-protected")


def test_missing_sheet(district_session: Session, tmp_path: Path) -> None:
    book = write_book(tmp_path / "m.xlsx", {"Cases": [case_row()]})
    assert _refused(district_session, book, ImportOptions(sheet="Victims")) == {"sheet.missing"}
    other = write_book(tmp_path / "n.xlsx", {"Sheet1": [{}]}, headers={"Sheet1": ["a", "b"]})
    assert _refused(district_session, other) == {"sheet.missing"}
    with pytest.raises(InvalidInput, match="not a register sheet"):
        plan_import(district_session, book, ImportOptions(sheet="Payroll"))


def test_missing_column(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "c.xlsx",
        {"Cases": [case_row()]},
        headers={"Cases": ["case_number", "district", "stage"]},
    )
    problems = plan_import(district_session, book).problems
    missing = [p for p in problems if p.rule == "column.missing"]
    assert [(p.sheet, p.row, p.column) for p in missing] == [("Cases", 1, "registered_on")]
    assert _refused(district_session, book) == {"column.missing"}


def test_wrong_types(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "t.xlsx",
        {
            "Cases": [case_row(transnational="maybe", stage="sleeping")],
            "Accused": [accused_row(age="forty", gender="x", imprisonment_months=2.5)],
        },
    )
    found = _refused(district_session, book)
    assert found == {"value.bool", "value.enum", "value.number", "value.gender"}
    plan = plan_import(district_session, book)
    texts = {p.column: str(p) for p in plan.errors}
    assert texts["age"] == "Accused!2 age: forty — expected an age in whole years (or unknown)"
    assert "expected one of: registered, investigation" in texts["stage"]


def test_impossible_dates(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "d.xlsx",
        {"Cases": [case_row(registered_on="31/02/2024"), case_row("FIR 2", registered_on="soon")]},
    )
    assert _refused(district_session, book) == {"value.date"}
    future = write_book(
        tmp_path / "f.xlsx", {"Cases": [case_row(registered_on=dt.date(2030, 1, 1))]}
    )
    assert _refused(district_session, future) == {"date.future"}


def test_unknown_codes(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "u.xlsx",
        {
            "Cases": [case_row(district="Atlantis", exploitation_forms="forced_labour; slavery")],
            "Accused": [accused_row(role="mastermind", nationality="Narnia")],
        },
    )
    plan = plan_import(district_session, book)
    by_column = {p.column: p for p in plan.errors}
    assert by_column["district"].rule == "value.district"
    assert "'slavery' unknown" in by_column["exploitation_forms"].expected
    assert "forced_labour" in by_column["exploitation_forms"].expected
    assert by_column["role"].rule == "value.code"
    assert _refused(district_session, book) >= {"value.district", "value.code"}


def test_duplicate_case_numbers_in_file(district_session: Session, tmp_path: Path) -> None:
    book = write_book(tmp_path / "dup.xlsx", {"Cases": [case_row(), case_row(stage="trial")]})
    plan = plan_import(district_session, book)
    dup = [p for p in plan.errors if p.rule == "duplicate.case_number"]
    assert [(p.row, p.expected.split(";")[0]) for p in dup] == [
        (2, "the same case number, district and office as Cases!3"),
        (3, "the same case number, district and office as Cases!2"),
    ]
    assert _refused(district_session, book) == {"duplicate.case_number"}
    victims = write_book(
        tmp_path / "dupv.xlsx",
        {"Cases": [case_row()], "Victims": [victim_row(), victim_row(age=20)]},
    )
    assert _refused(district_session, victims) == {"duplicate.victim_code"}


def test_accused_pointing_at_missing_case(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "a.xlsx",
        {"Cases": [case_row()], "Accused": [accused_row(), accused_row("FIR 404/2025")]},
    )
    plan = plan_import(district_session, book)
    (problem,) = plan.errors
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Accused",
        3,
        "case_number",
        "FIR 404/2025",
    )
    assert problem.rule == "case.missing"
    assert _refused(district_session, book) == {"case.missing"}


def test_formulas_and_merged_cells(district_session: Session, tmp_path: Path) -> None:
    """A formula without its result is an error at its row; so is a merge across columns. A
    merge down one column (the district beside three cases) holds for every row it covers."""
    path = write_book(
        tmp_path / "fm.xlsx",
        {
            "Cases": [
                case_row(),
                case_row("FIR 2/2025"),
                case_row("FIR 3/2025", district=None),
                case_row("FIR 4/2025", district=None),
                case_row("FIR 5/2025"),
            ]
        },
    )
    wb = openpyxl.load_workbook(path)
    ws = wb["Cases"]
    ws["B2"] = "=DATE(2025,3,1)"  # openpyxl saves formulas without a result, as a script would
    ws.merge_cells("C3:C5")
    ws.merge_cells("C6:D6")
    wb.save(path)
    plan = plan_import(district_session, path)
    by_rule = {p.rule: p for p in plan.errors}
    assert (by_rule["cell.formula"].row, by_rule["cell.formula"].column) == (2, "registered_on")
    assert "never saved" in by_rule["cell.formula"].expected
    merged = by_rule["cell.merged"]
    assert (merged.row, merged.column, merged.value) == (6, "district", "C6:D6")
    assert "unmerge" in merged.expected
    [filled] = [p for p in plan.warnings if p.rule == "cell.merged.filled"]
    assert filled.value == "C3:C5"
    assert _refused(district_session, path) >= {"cell.formula", "cell.merged"}
    result = commit_import(district_session, plan, valid_only=True)
    assert result.counts["case"]["create"] == 3, "rows 3 to 5 read Lahore from the merge"


def _fifty_megabyte_xlsx(path: Path) -> None:
    """A well-formed workbook of about 50 MB: a sheet of random-looking text, stored."""
    row = "".join(f'<c r="{c}{{n}}" t="inlineStr"><is><t>{{v}}</t></is></c>' for c in "ABC")
    chunk = os.urandom(24).hex()
    rows = "".join(
        f'<row r="{n}">' + row.format(n=n, v=chunk) + "</row>" for n in range(1, 200_001)
    )
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def test_fifty_megabyte_file_refused_quickly(district_session: Session, tmp_path: Path) -> None:
    big = tmp_path / "huge.xlsx"
    _fifty_megabyte_xlsx(big)
    assert big.stat().st_size > 45 * 1024 * 1024
    started = time.monotonic()
    _unreadable(district_session, big, r"MB; TIPDesk imports registers of up to 40 MB")
    assert time.monotonic() - started < 5, "refused before reading the file"


def test_zip_bomb_and_row_limit(district_session: Session, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<" + bytes(48 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    _unreadable(district_session, bomb, "compressed far more than a real register")

    rows = [case_row(f"FIR {n}") for n in range(30)]
    book = write_book(tmp_path / "rows.xlsx", {"Cases": rows})
    before = store_state(district_session)
    with pytest.raises(InvalidInput, match="goes past 20 rows"):
        plan_import(district_session, book, ImportOptions(limits=Limits(max_rows=20)))
    assert store_state(district_session) == before


def test_csv_encodings(district_session: Session, tmp_path: Path) -> None:
    latin = tmp_path / "cases.csv"
    latin.write_bytes(
        "case_number,registered_on,district\nFIR 1,2025-03-01,Lahore ñ\n".encode("cp1252")
    )
    _unreadable(district_session, latin, "line 2 has a character in another encoding")
    utf16 = tmp_path / "Cases.csv"
    utf16.write_bytes("case_number,registered_on\n".encode("utf-16"))
    _unreadable(district_session, utf16, "UTF-16")
