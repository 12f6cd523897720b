"""Register import throughput: a 100,000-row workbook imported end to end.

Writes a workbook the way Excel saves one (shared strings, a date style, sheet dimensions) with
40% case rows, 40% accused rows and 20% victim rows, then in the same run times:

- the baseline: openpyxl (read-only, values only) merely reading every row of it;
- TIPDesk: ``plan_import`` (read, convert, match, validate) + ``commit_import`` (the one
  transaction through ``records.save``) into a fresh district store.

Prints both times and the ratio; the goal is the whole import under 30 s.
Environment: BENCH_REGISTER_ROWS (default 100000).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.register import commit_import, plan_import
from tipdesk.store.keys import KdfParams

FIRST = ["Ahmed", "Bilal", "Imran", "Kashif", "Naveed", "Sajid", "Tariq", "Usman", "Zahid"]
LAST = ["Khan", "Butt", "Chaudhry", "Malik", "Qureshi", "Sheikh", "Siddiqui", "Awan"]
FORMS = ["forced_labour", "Domestic servitude", "child_labour; forced_begging", "Forced labour"]
CASES = ["case_number", "registered_on", "district", "office", "law", "exploitation_forms",
         "stage", "official_involvement", "transnational", "summary"]  # fmt: skip
ACCUSED = ["case_number", "name", "cnic", "gender", "age", "nationality", "role",
           "arrest_status", "proceeded_on", "outcome", "judgment_on", "imprisonment_months",
           "fine_pkr"]  # fmt: skip
VICTIMS = ["case_number", "victim_code", "name", "gender", "age", "nationality",
           "exploitation_forms", "identified_on", "referred_to"]  # fmt: skip
_EPOCH = dt.date(1899, 12, 30)
Cell = str | int | dt.date | None


def _rows(total: int, rng: random.Random) -> dict[str, list[list[Cell]]]:
    n_cases = total * 2 // 5
    n_victims = total // 5
    n_accused = total - n_cases - n_victims
    cases: list[list[Cell]] = []
    dates = []
    for n in range(n_cases):
        reg = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1400))
        dates.append(reg)
        cases.append([f"FIR {n}/{reg.year}", reg, "Lahore", "", "", rng.choice(FORMS),
                      "challan", "no", "no", "Workers held at a brick kiln."])  # fmt: skip
    accused: list[list[Cell]] = []
    for n in range(n_accused):
        c = n % n_cases
        accused.append([cases[c][0], f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
                        f"{rng.randrange(10**12, 10**13)}", "M", rng.randrange(20, 60), "PK",
                        "recruiter", "arrested", dates[c] + dt.timedelta(days=30), "pending",
                        None, None, None])  # fmt: skip
    victims: list[list[Cell]] = []
    for n in range(n_victims):
        c = (n * 2) % n_cases
        victims.append([cases[c][0], f"V-LHR-{n:07d}", f"{rng.choice(FIRST)} Bibi", "F",
                        rng.randrange(8, 40), "PK", "forced_labour", dates[c],
                        "shelter"])  # fmt: skip
    return {
        "Cases": [list[Cell](CASES), *cases],
        "Accused": [list[Cell](ACCUSED), *accused],
        "Victims": [list[Cell](VICTIMS), *victims],
    }


def _col(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def write_excel_like(path: Path, sheets: dict[str, list[list[Cell]]]) -> None:
    """An XLSX as Excel writes it: shared strings, a date style, dimensions."""
    strings: dict[str, int] = {}
    parts: dict[str, str] = {}
    for n, (_name, rows) in enumerate(sheets.items(), start=1):
        out = []
        width = max(len(r) for r in rows)
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, value in enumerate(row):
                ref = f"{_col(c)}{r}"
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    cells.append(f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>')
                elif isinstance(value, int):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                else:
                    idx = strings.setdefault(value, len(strings))
                    cells.append(f'<c r="{ref}" t="s"><v>{idx}</v></c>')
            out.append(f'<row r="{r}">{"".join(cells)}</row>')
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:{_col(width - 1)}{len(rows)}"/><sheetData>'
            + "".join(out)
            + "</sheetData></worksheet>"
        )
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    names = list(sheets)
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        + "</sst>"
    )
    parts["xl/styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{ns}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" '
        'xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle '
        'name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
        + "".join(
            f'<sheet name="{s}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(names, 1)
        )
        + "</sheets></workbook>"
    )
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + f'<Relationship Id="rIdS" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rIdT" Type="{rel}/styles" Target="styles.xml"/></Relationships>'
    )
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    sheet_ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{sheet_ct}.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            f'ContentType="{sheet_ct}.worksheet+xml"/>'
            for i in range(1, len(names) + 1)
        )
        + f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sheet_ct}.sharedStrings+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{sheet_ct}.styles+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


def main() -> None:
    total = int(os.environ.get("BENCH_REGISTER_ROWS", "100000"))
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "register.xlsx"
        write_excel_like(book, _rows(total, random.Random(5)))
        size = book.stat().st_size

        t0 = time.perf_counter()
        wb = openpyxl.load_workbook(book, read_only=True, data_only=True)
        rows = sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True))
        wb.close()
        base_s = time.perf_counter() - t0

        clock = FixedClock(dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
        session, _ = session_service.init_install(
            Paths(Path(tmp) / "home"),
            role=InstallRole.DISTRICT,
            user="bench",
            passphrase="correct horse battery staple",  # noqa: S106 (a throwaway store)
            clock=clock,
            district="Lahore",
            office="FIA-AHTC-LHR",
            kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
        )
        try:
            t0 = time.perf_counter()
            plan = plan_import(session, book)
            t_plan = time.perf_counter() - t0
            if plan.errors:
                raise SystemExit(f"bench register has errors: {plan.errors[:3]}")
            result = commit_import(session, plan)
            total_s = time.perf_counter() - t0
        finally:
            session.close()
        saved = sum(len(v) for v in result.changes.by_kind.values())
        print(f"register rows: {rows - 3:,} ({size / 1e6:.1f} MB xlsx); records saved: {saved:,}")
        print(f"openpyxl read only:  {base_s:8.2f} s  {rows / base_s:>10,.0f} rows/s")
        print(f"TIPDesk import:      {total_s:8.2f} s  (check {t_plan:.2f} s + save "
              f"{total_s - t_plan:.2f} s)")  # fmt: skip
        print(f"ratio import/read:   {total_s / base_s:8.2f}x  (goal: import under 30 s)")
