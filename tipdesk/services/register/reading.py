"""Reading a register file (XLSX or CSV) into rows of raw cell values, refusing what cannot be
read safely and kindly.

Contract:
- :func:`read_register` returns a :class:`RegisterFile`: the sheets it recognised, each with
  its header row and its non-empty data rows, plus every problem found while reading (missing
  or unknown sheets, merged cells, formulas whose result was not saved). It never changes
  anything and holds no file open when it returns.
- A file that cannot be read at all raises :class:`~tipdesk.core.errors.InvalidInput` with a
  message that says what the file is and what to do: not a spreadsheet, an encrypted
  (password-protected) or old ``.xls`` workbook, an OpenDocument or binary workbook, a CSV that
  is not UTF-8, a file or sheet over the :class:`Limits` (which also guard against zip bombs:
  XLSX is a zip, and a tiny file may declare gigabytes of XML).
- XLSX is opened with openpyxl in read-only, values-only mode (cached results of formulas, not
  the formulas); the rows themselves are streamed by :mod:`.fastrows`, which gives the same
  values several times faster (openpyxl's ``iter_rows`` is the fallback). Neither can see
  merged cells or formulas, so the sheet's XML is scanned for them once, in a streaming pass
  with bounded memory.
- CSV is UTF-8 with or without a byte-order mark, comma- or tab-separated; one CSV holds one
  sheet, named by the caller or by the file's name (``cases.csv``).
- ``progress(phase, done, total)`` is called while rows are read and ``cancelled()`` is polled
  (every few hundred rows); when it returns true, :class:`ImportCancelled` is raised.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils.cell import (  # type: ignore[import-untyped]
    coordinate_to_tuple,
    get_column_letter,
    range_boundaries,
)

from tipdesk.core.errors import InvalidInput
from tipdesk.services.register.columns import (
    IGNORED_SHEETS,
    PLAIN_HEADERS,
    SHEETS,
    Column,
    HeaderMap,
    SheetSpec,
    header_key,
    sheet_spec,
)
from tipdesk.services.register.fastrows import sheet_rows
from tipdesk.services.register.model import (
    ERROR,
    WARNING,
    ImportCancelled,
    RowProblem,
)

MIB = 1024 * 1024
Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
_CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
_HEADER_SEARCH_ROWS = 10  # a register may have a title and a blank row above its header
_POLL_EVERY = 500


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a register may hold. The defaults allow several times the 100,000 rows the
    import is built for, and refuse files that would exhaust an officer's laptop."""

    max_file_bytes: int = 40 * MIB
    max_uncompressed_bytes: int = 512 * MIB  # all members of an XLSX together
    max_ratio: int = 100  # uncompressed / compressed, for members over 1 MiB
    max_rows: int = 250_000  # data rows of all sheets together


@dataclass(slots=True)
class RawSheet:
    """One recognised sheet: ``headers`` are (column index, header text) of its header row,
    ``rows`` are (row number, cell values) of its non-empty data rows. ``blocked`` rows cannot
    be imported (a problem in ``problems`` says why)."""

    name: str
    spec: SheetSpec
    header_row: int
    headers: list[tuple[int, str]]
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    columns: dict[int, Column] = field(default_factory=dict)
    """Header index -> the register column its header names (duplicates included)."""
    silent: set[int] = field(default_factory=set)
    """Header indexes that name nothing and are read silently (a serial number's column)."""
    totals: list[int] = field(default_factory=list)
    """Rows read as totals of the rows above them, not as records."""

    def header_at(self, index: int) -> str:
        """The header of a 0-based column index, else its letter."""
        return next((h for i, h in self.headers if i == index), get_column_letter(index + 1))


@dataclass(slots=True)
class RegisterFile:
    """What was read: the format (``xlsx`` or ``csv``), the sheets and the reading problems."""

    path: Path
    format: str
    sheets: list[RawSheet]
    problems: list[RowProblem]


def read_register(
    path: Path,
    *,
    sheet: str | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    headers: HeaderMap = PLAIN_HEADERS,
) -> RegisterFile:
    """Read ``path`` (see the module contract). ``sheet`` restricts an XLSX to one sheet and
    names the sheet a CSV holds; ``headers`` says which headers name which columns."""
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path.name}: {exc.strerror or exc}.") from None
    if size > limits.max_file_bytes:
        raise InvalidInput(
            f"{path.name} is {size / MIB:.1f} MB; TIPDesk imports registers of up to "
            f"{limits.max_file_bytes / MIB:.0f} MB. Split it into smaller files (for example one "
            "per year) and import them one by one."
        )
    if size == 0:
        raise InvalidInput(f"{path.name} is empty: it is not a spreadsheet.")
    reader = _Reader(limits, progress, cancelled, headers)
    if head.startswith(_OLE_MAGIC):
        raise InvalidInput(_ole_message(path))
    if head.startswith(_ZIP_MAGIC):
        return reader.xlsx(path, sheet)
    if path.suffix.lower() in _CSV_SUFFIXES:
        return reader.csv(path, sheet)
    raise InvalidInput(
        f"{path.name} is not a spreadsheet TIPDesk can read: save the register as an Excel "
        "workbook (.xlsx) or as CSV UTF-8 (.csv)."
    )


def _ole_message(path: Path) -> str:
    data = path.read_bytes()
    if _ENCRYPTED_MARK in data:
        return (
            f"{path.name} is protected with a password (encrypted), so it cannot be read. "
            "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt "
            "with Password, clear it), save it as .xlsx and import that copy."
        )
    return (
        f"{path.name} is an old Excel 97-2003 workbook (.xls) or a password-protected workbook, "
        "which TIPDesk cannot read. Open it in Excel or LibreOffice and save it as an Excel "
        "Workbook (.xlsx) without a password."
    )


class _Reader:
    def __init__(
        self,
        limits: Limits,
        progress: Progress | None,
        cancelled: Cancelled | None,
        headers: HeaderMap,
    ):
        self.limits = limits
        self.progress = progress
        self.cancelled = cancelled
        self.headers = headers
        self.rows_read = 0

    def _tick(self, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled("The import was cancelled; nothing was imported.")
        if self.progress is not None:
            self.progress("reading", done, total)

    def _count_row(self, where: str) -> None:
        self.rows_read += 1
        if self.rows_read > self.limits.max_rows:
            raise InvalidInput(
                f"{where} goes past {self.limits.max_rows:,} rows, the most TIPDesk imports at "
                "once. Split the register into smaller files and import them one by one."
            )

    # --- XLSX ----------------------------------------------------------------------------
    def xlsx(self, path: Path, only: str | None) -> RegisterFile:
        members = self._check_zip(path)
        # openpyxl warns about parts of a workbook it does not read (extensions, a missing
        # default style); none of them hold register data, so they are not the officer's
        # concern.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            except Exception as exc:  # openpyxl raises many types for a damaged file
                raise InvalidInput(
                    f"{path.name} could not be read as an Excel workbook: it may be damaged "
                    f"({type(exc).__name__}). Open it in Excel or LibreOffice and save it again."
                ) from None
            try:
                return self._workbook(path, wb, members, only)
            except (InvalidInput, ImportCancelled):
                raise
            except Exception as exc:  # a damaged sheet shows up only while it is read
                raise InvalidInput(
                    f"{path.name} could not be read to the end: it may be damaged "
                    f"({type(exc).__name__}). Open it in Excel or LibreOffice and save it again."
                ) from None
            finally:
                wb.close()

    def _check_zip(self, path: Path) -> dict[str, zipfile.ZipInfo]:
        try:
            with zipfile.ZipFile(path) as z:
                infos = {i.filename: i for i in z.infolist()}
        except (zipfile.BadZipFile, OSError):
            raise InvalidInput(
                f"{path.name} looks like an Excel workbook but is damaged (not a valid zip file)."
            ) from None
        if "xl/workbook.xml" not in infos:
            if "xl/workbook.bin" in infos:
                what = "an Excel binary workbook (.xlsb)"
            elif "mimetype" in infos or "content.xml" in infos:
                what = "an OpenDocument file (.ods)"
            else:
                what = "a zip file, not an Excel workbook"
            raise InvalidInput(
                f"{path.name} is {what}. Save the register as an Excel Workbook (.xlsx) or as "
                "CSV UTF-8 and import that."
            )
        total = sum(i.file_size for i in infos.values())
        suspicious = [
            i
            for i in infos.values()
            if i.file_size > MIB and i.file_size > self.limits.max_ratio * max(i.compress_size, 1)
        ]
        if total > self.limits.max_uncompressed_bytes or suspicious:
            raise InvalidInput(
                f"{path.name} unpacks to {total / MIB:,.0f} MB"
                + (" and is compressed far more than a real register" if suspicious else "")
                + "; it was refused to protect this computer. If it is a genuine register, "
                "split it into smaller files."
            )
        return infos

    def _workbook(
        self, path: Path, wb: Any, members: dict[str, zipfile.ZipInfo], only: str | None
    ) -> RegisterFile:
        problems: list[RowProblem] = []
        chosen: list[tuple[str, SheetSpec]] = []
        names: list[str] = list(wb.sheetnames)
        if only is not None:
            spec = sheet_spec(only)
            match = next((n for n in names if header_key(n) == header_key(only)), None)
            if match is None and spec is not None:
                match = next((n for n in names if sheet_spec(n) is spec), None)
            if spec is None:
                raise InvalidInput(_unknown_sheet(only))
            if match is None:
                problems.append(
                    RowProblem(
                        path.name,
                        None,
                        "",
                        "",
                        f"the sheet {only!r} is missing; the workbook has: {', '.join(names)}",
                        "sheet.missing",
                    )
                )
            else:
                chosen.append((match, spec))
        else:
            seen: dict[str, str] = {}
            for name in names:
                spec = sheet_spec(name)
                if spec is None:
                    if header_key(name) not in IGNORED_SHEETS:
                        problems.append(
                            RowProblem(
                                name,
                                None,
                                "",
                                "",
                                "this sheet is not a register sheet and was ignored (sheets: "
                                + ", ".join(s.name for s in SHEETS)
                                + ")",
                                "sheet.ignored",
                                WARNING,
                            )
                        )
                    continue
                if spec.name in seen:
                    problems.append(
                        RowProblem(
                            name,
                            None,
                            "",
                            "",
                            f"a second {spec.name} sheet (the first is {seen[spec.name]!r}); "
                            "put all its rows in one sheet",
                            "sheet.duplicate",
                        )
                    )
                    continue
                seen[spec.name] = name
                chosen.append((name, spec))
            if not chosen:
                problems.append(
                    RowProblem(
                        path.name,
                        None,
                        "",
                        "",
                        "no register sheet found: name the sheets "
                        + ", ".join(s.name for s in SHEETS)
                        + f" (the workbook has: {', '.join(names)})",
                        "sheet.missing",
                    )
                )
        sheets = []
        for name, spec in chosen:
            ws = wb[name]
            hint = int(ws.max_row or 0) if hasattr(ws, "max_row") else 0
            # Dimensions written by some programs cover formatted but empty rows (up to a
            # million); without them openpyxl yields only the rows the file holds.
            ws.reset_dimensions()
            rows = sheet_rows(path, ws)
            if rows is None:
                rows = enumerate(ws.iter_rows(values_only=True), start=1)
            raw = self._sheet(name, spec, rows, hint, f"{name}")
            if raw is not None:
                member = getattr(ws, "_worksheet_path", None)
                if isinstance(member, str) and member in members:
                    self._scan_xml(path, member, raw)
                sheets.append(raw)
            else:
                problems.append(_no_header(name, spec))
        return RegisterFile(path, "xlsx", sheets, problems)

    def _sheet(
        self,
        name: str,
        spec: SheetSpec,
        rows: Iterable[tuple[int, tuple[Any, ...]]],
        hint: int,
        where: str,
    ) -> RawSheet | None:
        """Find the header among the first rows (with the row below it when the header
        spreads over two rows), then collect the non-empty data rows, leaving out totals rows.
        ``rows`` are (row number, values)."""
        sheet: RawSheet | None = None
        width = 0
        number = 0
        seen = 0
        below_header = False
        for number, values in rows:
            seen += 1
            if sheet is None:
                headers = _header(spec, values, self.headers)
                if headers is not None:
                    sheet = RawSheet(name, spec, number, headers)
                    width = max(i for i, _ in headers) + 1
                    below_header = True
                elif number >= _HEADER_SEARCH_ROWS:
                    return None
                continue
            if below_header:
                below_header = False
                two = _second_header_row(spec, sheet.headers, values, self.headers)
                if number == sheet.header_row + 1 and two is not None:
                    sheet.headers, sheet.header_row = two, number
                    width = max(width, max(i for i, _ in two) + 1)
                    continue
            if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                continue
            if _is_totals(values):
                sheet.totals.append(number)
                continue
            self._count_row(where)
            row = tuple(values[:width])
            if len(row) < width:
                row += (None,) * (width - len(row))
            sheet.rows.append((number, row))
            if seen % _POLL_EVERY == 0:
                self._tick(self.rows_read, max(hint, number))
        self._tick(self.rows_read, max(hint, number))
        if sheet is not None:
            for i, header in sheet.headers:
                column = self.headers.column(spec, header)
                if column is not None:
                    sheet.columns[i] = column
                elif self.headers.names_nothing(spec, header):
                    sheet.silent.add(i)
            if sheet.totals:
                sheet.problems.append(
                    RowProblem(
                        sheet.name,
                        sheet.totals[0],
                        "",
                        "",
                        "a totals row, not a record: left out"
                        + (
                            f" (also rows {', '.join(str(n) for n in sheet.totals[1:])})"
                            if len(sheet.totals) > 1
                            else ""
                        ),
                        "row.totals",
                        WARNING,
                    )
                )
        return sheet

    def _scan_xml(self, path: Path, member: str, sheet: RawSheet) -> None:
        """Find merged cells and formulas without a saved result in the sheet's XML."""
        merges: set[bytes] = set()
        formulas: set[bytes] = set()
        with zipfile.ZipFile(path) as z, z.open(member) as f:
            tail = b""
            while chunk := f.read(4 * MIB):
                data = tail + chunk
                if b"mergeCell" in data:
                    merges.update(_MERGE.findall(data))
                if b"<f" in data or b":f" in data:
                    formulas.update(_EMPTY_FORMULA.findall(data))
                tail = data[-_OVERLAP:]
        filled: list[str] = []
        for ref in sorted(merges):
            if _merge_problem(sheet, ref.decode("ascii")):
                filled.append(ref.decode("ascii"))
        if filled:
            more = f" and {len(filled) - 5:,} more" if len(filled) > 5 else ""
            shown = ", ".join(filled[:5]) + more
            sheet.problems.append(
                RowProblem(
                    sheet.name,
                    None,
                    "",
                    shown,
                    "merged cells of one column: read as their value in every row they cover",
                    "cell.merged.filled",
                    WARNING,
                )
            )
        totals = set(sheet.totals)
        for ref in sorted(formulas, key=lambda r: coordinate_to_tuple(r.decode("ascii"))):
            row, col = coordinate_to_tuple(ref.decode("ascii"))
            if row <= sheet.header_row or row in totals:
                continue
            sheet.problems.append(
                RowProblem(
                    sheet.name,
                    row,
                    sheet.header_at(col - 1),
                    "(formula)",
                    "the cell holds a formula whose result was never saved; open the file in "
                    "Excel or LibreOffice so it calculates, save it, and import again (or paste "
                    "the values instead of the formula)",
                    "cell.formula",
                )
            )
            sheet.blocked.add(row)

    # --- CSV -----------------------------------------------------------------------------
    def csv(self, path: Path, only: str | None) -> RegisterFile:
        name = only or path.stem
        spec = sheet_spec(name)
        if spec is None:
            if only is not None:
                raise InvalidInput(_unknown_sheet(only))
            raise InvalidInput(
                f"Say which sheet {path.name} holds with --sheet NAME (one of "
                + ", ".join(s.name for s in SHEETS)
                + ")."
            )
        text = _decode_csv(path)
        first = text.split("\n", 1)[0]
        delimiter = "\t" if "\t" in first and "," not in first else ","
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise InvalidInput(f"{path.name} is not a well-formed CSV file ({exc}).") from None
        numbered = ((i, tuple(r)) for i, r in enumerate(rows, start=1))
        raw = self._sheet(spec.name, spec, numbered, len(rows), path.name)
        problems = [] if raw is not None else [_no_header(spec.name, spec)]
        return RegisterFile(path, "csv", [raw] if raw is not None else [], problems)


# A merge reference, and a cell holding a formula with no saved value (<v/>, <v></v> or none).
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_EMPTY_FORMULA = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>/]*>\s*'
    rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_OVERLAP = 64 * 1024


def _merge_problem(sheet: RawSheet, ref: str) -> bool:
    """Report a merge the rows cannot be read through; True when it was resolved instead.

    A merge within the header rows is harmless (a title, a group of columns, a header over
    two rows). A merge down one column of data rows means its value holds for every row it
    covers (a case number beside each of its accused): the value is filled in. Other merges
    reaching data rows (across columns) are errors at those rows, except in totals rows."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if max_row <= sheet.header_row:
        return False  # a title above the header, or the header's own cells: harmless
    header = min_row <= sheet.header_row
    totals = set(sheet.totals)
    rows = [n for n in range(max(min_row, sheet.header_row + 1), max_row + 1) if n not in totals]
    if not rows:
        return False
    if not header and min_col == max_col:
        return _fill_down(sheet, min_col - 1, min_row, max_row)
    sheet.problems.append(
        RowProblem(
            sheet.name,
            min_row,
            sheet.header_at(min_col - 1),
            ref,
            "merged cells: TIPDesk reads only the first cell of a merge; unmerge them and "
            + ("give every column its own name" if header else "write the value in every row"),
            "cell.merged",
        )
    )
    sheet.blocked.update(rows)
    return False


def _fill_down(sheet: RawSheet, index: int, first: int, last: int) -> bool:
    """Copy the first row's value of a merge down one column into the rows it covers."""
    at = {number: k for k, (number, _) in enumerate(sheet.rows)}
    if first not in at or not 0 <= index < len(sheet.rows[at[first]][1]):
        return True  # the merge's value lies in a row or column that holds no data
    value = sheet.rows[at[first]][1][index]
    for number in range(first + 1, last + 1):
        k = at.get(number)
        if k is not None:
            cells = list(sheet.rows[k][1])
            cells[index] = value
            sheet.rows[k] = (number, tuple(cells))
    return True


# "Total", "Totals", "Grand Total", "G. Total", "Sub-total", "Total:" (a row that sums the rows
# above it in a hand-kept register; never a record)
_TOTALS = re.compile(r"^(?:grand|g|sub)?\s*totals?$")


def _is_totals(values: tuple[Any, ...]) -> bool:
    for v in values:
        if isinstance(v, str) and v.strip():
            letters = " ".join(re.sub(r"[^a-z ]+", " ", v.casefold()).split())
            if _TOTALS.match(letters) or letters.replace(" ", "") in ("grandtotal", "subtotal"):
                return True
    return False


def _header(
    spec: SheetSpec, values: tuple[Any, ...], headers: HeaderMap
) -> list[tuple[int, str]] | None:
    """The header cells of ``values`` when at least two of them name columns of ``spec``."""
    cells = [(i, str(v).strip()) for i, v in enumerate(values) if isinstance(v, str) and v.strip()]
    known = sum(1 for _, h in cells if headers.column(spec, h) is not None)
    return cells if known >= 2 or (known == 1 and len(cells) == 1) else None


def _second_header_row(
    spec: SheetSpec, upper: list[tuple[int, str]], values: tuple[Any, ...], headers: HeaderMap
) -> list[tuple[int, str]] | None:
    """The header read over two rows, when ``values`` (the row below the header) continue it:
    text only, and naming columns the first row alone does not (``Participants`` over
    ``Female | Male | Transgender``, ``Date`` over ``From | To``). A cell of the lower row is
    read with the label above it (or the nearest one to its left, a label spread over several
    columns) when that names a column, else alone; ``None`` when the row is not a header."""
    if any(v is not None and not isinstance(v, str) for v in values):
        return None
    lower = {i: v.strip() for i, v in enumerate(values) if isinstance(v, str) and v.strip()}
    if not lower:
        return None
    top = dict(upper)
    out: list[tuple[int, str]] = []
    label = ""
    for i in sorted(set(top) | set(lower)):
        if i in top:
            label = top[i]
        low = lower.get(i)
        if low is None:
            out.append((i, top[i]))
            continue
        tries = [f"{label} {low}", low] if label else [low]
        out.append((i, next((t for t in tries if headers.column(spec, t) is not None), low)))
    before = {c.name for _, h in upper if (c := headers.column(spec, h)) is not None}
    after = {c.name for _, h in out if (c := headers.column(spec, h)) is not None}
    return out if after - before and len(after) > len(before) else None


def _no_header(name: str, spec: SheetSpec) -> RowProblem:
    return RowProblem(
        name,
        None,
        "",
        "",
        "no header row found in the first rows; the header names the columns, e.g. "
        + ", ".join(c.name for c in spec.columns[:4]),
        "sheet.header",
    )


def _unknown_sheet(name: str) -> str:
    return f"{name!r} is not a register sheet; use one of: " + ", ".join(s.name for s in SHEETS)


def _decode_csv(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidInput(
            f'{path.name} is saved as UTF-16 ("Unicode text"). Save it as "CSV UTF-8 '
            '(Comma delimited)" and import that.'
        )
    if b"\x00" in data[: 64 * 1024]:
        raise InvalidInput(f"{path.name} is not a text (CSV) file: it holds binary data.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            f"{path.name} is not UTF-8 text (line {line} has a character in another encoding, "
            'such as Windows-1252). In Excel choose Save As > "CSV UTF-8 (Comma delimited)" '
            "and import that file."
        ) from None


__all__ = ["ERROR", "Limits", "RawSheet", "RegisterFile", "read_register"]
