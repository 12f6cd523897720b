"""What a register import reports: problems tied to a sheet, row and column, and the errors that
stop an import as a whole.

Contract: plain data, no I/O. A :class:`RowProblem` is what an officer needs to find and fix a
cell: ``str(problem)`` reads ``Cases!12 registered_on: 31/02/2024 — expected a real date ...``.
``value`` never holds identifying data (names, CNICs): such values are shown as ``(hidden)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import Message

ERROR = "error"
WARNING = "warning"
HIDDEN = "(hidden)"
EMPTY = "(empty)"
_MAX_VALUE = 60


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem in a register.

    ``row`` is the spreadsheet row number (1 = the first row), ``None`` for a problem of the
    whole sheet or file. ``column`` is the header as the file writes it (or the field's name
    when the problem is about a value the file does not hold). ``expected`` says what would be
    acceptable, or what is wrong, in a sentence that reads after the value. ``rule`` is stable
    (tests and the GUI key on it). ``severity`` is ``error`` (the row cannot be imported) or
    ``warning`` (imported anyway, or nothing to import).
    """

    sheet: str
    row: int | None
    column: str
    value: str
    expected: str
    rule: str
    severity: str = ERROR
    template: str = field(default="", compare=False)
    """The English template ``expected`` was made from (:mod:`tipdesk.core.messages`), so the
    wizard shows it translated; empty for a sentence not made translatable."""
    args: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def of(
        cls,
        sheet: str,
        row: int | None,
        column: str,
        value: str,
        expected: Message | str,
        rule: str,
        severity: str = ERROR,
    ) -> RowProblem:
        """A problem whose ``expected`` is a translatable message (or plain English)."""
        if isinstance(expected, str):
            return cls(sheet, row, column, value, expected, rule, severity)
        return cls(sheet, row, column, value, str(expected), rule, severity,
                   expected.template, tuple(expected.args.items()))  # fmt: skip

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        """``Cases!12`` (or just ``Cases`` for a whole-sheet problem, or the file's name)."""
        return f"{self.sheet}!{self.row}" if self.row is not None else self.sheet

    def said(self) -> Message | str:
        """``expected`` as a translatable message when it was made one, else the English."""
        if not self.template:
            return self.expected
        return Message(self.template, MappingProxyType(dict(self.args)))

    def line(self, expected: str | None = None) -> str:
        """``Cases!12 column: value — expected``, with ``expected`` as given (translated by
        the caller) or the English."""
        column = f" {self.column}" if self.column else ""
        value = f" {self.value} —" if self.value else ""
        return f"{self.where()}{column}:{value} {self.expected if expected is None else expected}"

    def __str__(self) -> str:
        return self.line()

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "expected": self.expected,
            "rule": self.rule,
            "severity": self.severity,
        }


@dataclass(slots=True)
class Resolution:
    """A value written as offices say it, resolved with the row's context: a department named
    without its province (``written``), taken as the department of the province of the row's
    district (``province``, a name) -> ``code`` / ``name``. ``rows`` counts the rows it
    resolved; the dry run lists every resolution so that an officer can check it."""

    column: str
    written: str
    province: str
    code: str
    name: str
    rows: int = 0

    def __str__(self) -> str:
        return f"{self.written!r} in {self.province} -> {self.name} ({self.rows:,} rows)"

    def to_json(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "written": self.written,
            "province": self.province,
            "code": self.code,
            "name": self.name,
            "rows": self.rows,
        }


def show_value(raw: object, *, identifying: bool = False) -> str:
    """A cell value as a report shows it: dates as ISO, long text shortened, identifying
    values hidden, nothing as ``(empty)``."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return EMPTY
    if identifying:
        return HIDDEN
    if isinstance(raw, dt.datetime):
        text = raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    elif isinstance(raw, dt.date):
        text = raw.isoformat()
    elif isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    else:
        text = " ".join(str(raw).split())
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


class ImportCancelled(KnownError):
    """The user cancelled the import; nothing was imported."""


class ImportRefused(KnownError):
    """The register has errors and the user did not choose to import the valid rows only."""

    exit_code = 5
