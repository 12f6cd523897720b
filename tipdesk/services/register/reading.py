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
- Hand-kept layouts (title rows, a header over two rows, totals rows, merged cells) are read
  as :mod:`.layout` says; which headers name which columns is the caller's
  :class:`~.columns.HeaderMap`.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils.cell import (  # type: ignore[import-untyped]
    coordinate_to_tuple,
)

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.services.register.columns import (
    IGNORED_SHEETS,
    PLAIN_HEADERS,
    SHEETS,
    HeaderMap,
    SheetSpec,
    header_key,
    sheet_spec,
)
from tipdesk.services.register.fastrows import sheet_rows
from tipdesk.services.register.layout import (
    RawSheet,
    find_header,
    is_totals,
    merge_problem,
    second_header_row,
)
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
        raise InvalidInput(
            say("Cannot read {name}: {reason}.", name=path.name, reason=exc.strerror or exc)
        ) from None
    if size > limits.max_file_bytes:
        raise InvalidInput(
            say(
                "{name} is {size:.1f} MB; TIPDesk imports registers of up to {most:.0f} MB. Split "
                "it into smaller files (for example one per year) and import them one by one.",
                name=path.name,
                size=size / MIB,
                most=limits.max_file_bytes / MIB,
            )
        )
    if size == 0:
        raise InvalidInput(say("{name} is empty: it is not a spreadsheet.", name=path.name))
    reader = _Reader(limits, progress, cancelled, headers)
    if head.startswith(_OLE_MAGIC):
        raise InvalidInput(_ole_message(path))
    if head.startswith(_ZIP_MAGIC):
        return reader.xlsx(path, sheet)
    if path.suffix.lower() in _CSV_SUFFIXES:
        return reader.csv(path, sheet)
    raise InvalidInput(
        say(
            "{name} is not a spreadsheet TIPDesk can read: save the register as an Excel workbook "
            "(.xlsx) or as CSV UTF-8 (.csv).",
            name=path.name,
        )
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
            raise ImportCancelled(say("The import was cancelled; nothing was imported."))
        if self.progress is not None:
            self.progress("reading", done, total)

    def _count_row(self, where: str) -> None:
        self.rows_read += 1
        if self.rows_read > self.limits.max_rows:
            raise InvalidInput(
                say(
                    "{where} goes past {max_rows:,} rows, the most TIPDesk imports at once. Split "
                    "the register into smaller files and import them one by one.",
                    where=where,
                    max_rows=self.limits.max_rows,
                )
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
                    say(
                        "{name} could not be read as an Excel workbook: it may be damaged "
                        "({error}). Open it in Excel or LibreOffice and save it again.",
                        name=path.name,
                        error=type(exc).__name__,
                    )
                ) from None
            try:
                return self._workbook(path, wb, members, only)
            except (InvalidInput, ImportCancelled):
                raise
            except Exception as exc:  # a damaged sheet shows up only while it is read
                raise InvalidInput(
                    say(
                        "{name} could not be read to the end: it may be damaged ({error}). "
                        "Open it in Excel or LibreOffice and save it again.",
                        name=path.name,
                        error=type(exc).__name__,
                    )
                ) from None
            finally:
                wb.close()

    def _check_zip(self, path: Path) -> dict[str, zipfile.ZipInfo]:
        try:
            with zipfile.ZipFile(path) as z:
                infos = {i.filename: i for i in z.infolist()}
        except (zipfile.BadZipFile, OSError):
            raise InvalidInput(
                say(
                    "{name} looks like an Excel workbook but is damaged (not a valid zip file).",
                    name=path.name,
                )
            ) from None
        if "xl/workbook.xml" not in infos:
            if "xl/workbook.bin" in infos:
                what = say("an Excel binary workbook (.xlsb)")
            elif "mimetype" in infos or "content.xml" in infos:
                what = say("an OpenDocument file (.ods)")
            else:
                what = say("a zip file, not an Excel workbook")
            raise InvalidInput(
                say(
                    "{name} is {what}. Save the register as an Excel Workbook (.xlsx) or as CSV "
                    "UTF-8 and import that.",
                    name=path.name,
                    what=what,
                )
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
                    RowProblem.of(
                        path.name,
                        None,
                        "",
                        "",
                        say(
                            "the sheet {sheet} is missing; the workbook has: {names}",
                            sheet=repr(only),
                            names=", ".join(names),
                        ),
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
                            RowProblem.of(
                                name,
                                None,
                                "",
                                "",
                                say(
                                    "this sheet is not a register sheet and was ignored "
                                    "(sheets: {sheets})",
                                    sheets=", ".join(s.name for s in SHEETS),
                                ),
                                "sheet.ignored",
                                WARNING,
                            )
                        )
                    continue
                if spec.name in seen:
                    problems.append(
                        RowProblem.of(
                            name,
                            None,
                            "",
                            "",
                            say(
                                "a second {sheet} sheet (the first is {first}); put all its "
                                "rows in one sheet",
                                sheet=spec.name,
                                first=repr(seen[spec.name]),
                            ),
                            "sheet.duplicate",
                        )
                    )
                    continue
                seen[spec.name] = name
                chosen.append((name, spec))
            if not chosen:
                problems.append(
                    RowProblem.of(
                        path.name,
                        None,
                        "",
                        "",
                        say(
                            "no register sheet found: name the sheets {sheets} (the workbook "
                            "has: {names})",
                            sheets=", ".join(s.name for s in SHEETS),
                            names=", ".join(names),
                        ),
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
                headers = find_header(spec, values, self.headers)
                if headers is not None:
                    sheet = RawSheet(name, spec, number, headers)
                    width = max(i for i, _ in headers) + 1
                    below_header = True
                elif number >= _HEADER_SEARCH_ROWS:
                    return None
                continue
            if below_header:
                below_header = False
                two = second_header_row(spec, sheet.headers, values, self.headers)
                if number == sheet.header_row + 1 and two is not None:
                    sheet.headers, sheet.header_row = two, number
                    width = max(width, max(i for i, _ in two) + 1)
                    continue
            if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                continue
            if is_totals(values):
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
                    RowProblem.of(
                        sheet.name,
                        sheet.totals[0],
                        "",
                        "",
                        say(
                            "a totals row, not a record: left out (also rows {rows})",
                            rows=", ".join(str(n) for n in sheet.totals[1:]),
                        )
                        if len(sheet.totals) > 1
                        else say("a totals row, not a record: left out"),
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
            if merge_problem(sheet, ref.decode("ascii")):
                filled.append(ref.decode("ascii"))
        if filled:
            more = f" and {len(filled) - 5:,} more" if len(filled) > 5 else ""
            shown = ", ".join(filled[:5]) + more
            sheet.problems.append(
                RowProblem.of(
                    sheet.name,
                    None,
                    "",
                    shown,
                    say("merged cells of one column: read as their value in every row they cover"),
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
                RowProblem.of(
                    sheet.name,
                    row,
                    sheet.header_at(col - 1),
                    "(formula)",
                    say(
                        "the cell holds a formula whose result was never saved; open the file "
                        "in Excel or LibreOffice so it calculates, save it, and import again (or "
                        "paste the values instead of the formula)"
                    ),
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
            raise InvalidInput(
                say("{name} is not a well-formed CSV file ({reason}).", name=path.name, reason=exc)
            ) from None
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


def _no_header(name: str, spec: SheetSpec) -> RowProblem:
    return RowProblem.of(
        name,
        None,
        "",
        "",
        say(
            "no header row found in the first rows; the header names the columns, e.g. {columns}",
            columns=", ".join(c.name for c in spec.columns[:4]),
        ),
        "sheet.header",
    )


def _unknown_sheet(name: str) -> str:
    return f"{name!r} is not a register sheet; use one of: " + ", ".join(s.name for s in SHEETS)


def _decode_csv(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidInput(
            say(
                '{name} is saved as UTF-16 ("Unicode text"). Save it as "CSV UTF-8 (Comma '
                'delimited)" and import that.',
                name=path.name,
            )
        )
    if b"\x00" in data[: 64 * 1024]:
        raise InvalidInput(
            say("{name} is not a text (CSV) file: it holds binary data.", name=path.name)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            say(
                "{name} is not UTF-8 text (line {line} has a character in another encoding, such "
                'as Windows-1252). In Excel choose Save As > "CSV UTF-8 (Comma delimited)" and '
                "import that file.",
                name=path.name,
                line=line,
            )
        ) from None


__all__ = ["ERROR", "Limits", "RawSheet", "RegisterFile", "read_register"]
