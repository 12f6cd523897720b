"""The fast XLSX row reader gives the same values as openpyxl's ``iter_rows``."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

from tipdesk.services.register.fastrows import sheet_rows

# Every kind of cell Excel and other programs write: shared and inline strings (with rich
# text runs and a phonetic run to skip), numbers, a date style, booleans, a formula's cached
# text and number, an error, an ISO date cell, entities, gaps, a cell without its reference,
# and a namespace prefix.
SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3"><x:v>42</x:v></x:c><x:c r="B3"><x:v>2.5</x:v></x:c>
<x:c r="C3" s="1"><x:v>45292</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c>
<x:c r="E3" t="str"><x:f>A1&amp;"x"</x:f><x:v>caf&#233; &amp; co</x:v></x:c>
<x:c r="F3" t="e"><x:v>#N/A</x:v></x:c><x:c r="G3"><x:f>1+1</x:f><x:v>2</x:v></x:c>
<x:c r="H3" t="inlineStr"><x:is><x:r><x:t>ab</x:t></x:r>
<x:r><x:t xml:space="preserve"> cd</x:t></x:r>
<x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c r="I3" s="1"/></x:row>
<x:row r="4"><x:c t="inlineStr"><x:is><x:t>no ref</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c>
<x:c r="D4" t="d"><x:v>2025-03-01T00:00:00</x:v></x:c></x:row>
<x:row r="5"/>
</x:sheetData></x:worksheet>"""


def _book(tmp_path: Path) -> Path:
    base = tmp_path / "base.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "name"
    ws["B1"] = dt.date(2025, 1, 1)  # gives the workbook a date style (s="1")
    wb.save(base)
    out = tmp_path / "cells.xlsx"
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><si><t>Case number</t></si><si><r><t>Dis</t></r><r><t>trict'
        "</t></r></si></sst>"
    )
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = SHEET.encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            dst.writestr(item, data)
        dst.writestr("xl/sharedStrings.xml", strings)
    return out


def _trim(values: tuple[Any, ...]) -> tuple[Any, ...]:
    out = list(values)
    while out and out[-1] is None:
        out.pop()
    return tuple(out)


def test_fast_rows_match_openpyxl(tmp_path: Path) -> None:
    path = _book(tmp_path)
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()
        theirs = {
            n: _trim(r) for n, r in enumerate(ws.iter_rows(values_only=True), start=1) if any(r)
        }
        rows = sheet_rows(path, ws)
        assert rows is not None
        ours = {n: _trim(r) for n, r in rows if any(v is not None for v in r)}
    finally:
        wb.close()
    assert ours == theirs
    assert ours[1] == ("Case number", None, "District")
    assert ours[3][:8] == (42, 2.5, dt.datetime(2024, 1, 1), True, "café & co", "#N/A", 2, "ab cd")
    assert ours[4] == ("no ref", 7, None, dt.datetime(2025, 3, 1))


def test_falls_back_without_openpyxl_internals(tmp_path: Path) -> None:
    class Bare:
        pass

    assert sheet_rows(tmp_path / "x.xlsx", Bare()) is None
