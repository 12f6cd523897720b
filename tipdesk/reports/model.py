"""The report model: what :func:`tipdesk.reports.build.build_report` produces and every writer
(JSON, CSV, XLSX, PDF) and the GUI read. Plain dataclasses: no I/O, no Qt, no SQL.

Contract:
- A :class:`Report` is complete and self-describing: writers never query the store.
- Numbers live in :class:`Cell` objects. Small-cell suppression (:mod:`tipdesk.reports.suppress`)
  marks cells hidden in place; writers show a hidden cell as :attr:`Cell.display` (``"<5"`` for
  a small count, ``"x"`` for a count of any size hidden to protect others) and never print
  its value.
- Every cell has a report-wide ``key``; the same figure shown in two places (a headline figure
  and the total row of a breakdown) is one cell object, so hiding it hides it everywhere.
- Every linear tie between published figures is declared, never left for a reader to find:
  a table names the columns whose rows add up to its total row (:attr:`Table.column_sums`)
  and the columns that add up within each row (:attr:`Table.row_sums`); ties between tables
  (districts to their province, forms of exploitation to the gender x age cells) are
  :attr:`Report.links`. :func:`tipdesk.reports.relations.relations` derives the full list
  that small-cell suppression protects; a test finds every identity the figures obey on
  random data and fails when one is not declared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Value = int | float | str | None


class Hidden(StrEnum):
    """Why a cell is hidden: too small, shown ``"<N"`` (primary); or shown ``"x"``: hidden to
    protect other hidden cells (secondary), or a small count whose ``"<N"`` would let a
    reader narrow it or another cell (:mod:`tipdesk.reports.suppress`)."""

    NO = ""
    SMALL = "small"
    PROTECT = "protect"


@dataclass(slots=True, eq=False)
class Cell:
    """One figure. ``value`` is a count (int), a rate (float, 0..1) or ``None`` (no data,
    e.g. a rate with a zero denominator). ``sensitive`` counts (victims, accused, referrals,
    cases) take part in small-cell suppression."""

    value: int | float | None
    key: str = ""
    sensitive: bool = False
    hidden: Hidden = Hidden.NO
    small_label: str = "<5"

    @property
    def display(self) -> Value:
        """What a published table shows: the value, or the suppression mark."""
        if self.hidden is Hidden.SMALL:
            return self.small_label
        if self.hidden is Hidden.PROTECT:
            return "x"
        return self.value


class ColumnKind(StrEnum):
    TEXT = "text"
    COUNT = "count"
    RATE = "rate"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    kind: ColumnKind = ColumnKind.COUNT


class Bound(StrEnum):
    """How the parts of a :class:`Relation` compare with its total."""

    EQUAL = "="  # the parts add up to the total
    AT_MOST = "<="  # the parts add up to no more than the total
    AT_LEAST = ">="  # the parts add up to at least the total (a person counted under several)


@dataclass(frozen=True, slots=True, eq=False)
class Relation:
    """Published figures tied together: ``sum(parts) <bound> total``."""

    parts: tuple[Cell, ...]
    total: Cell
    bound: Bound = Bound.EQUAL

    def holds(self) -> bool:
        """Whether the true values obey the relation (missing values count as 0)."""
        left = sum(c.value or 0 for c in self.parts)
        right = self.total.value or 0
        if self.bound is Bound.EQUAL:
            return left == right
        return left <= right if self.bound is Bound.AT_MOST else left >= right


@dataclass(frozen=True, slots=True)
class RowSum:
    """In every row of a table (its total row too) the cells of the ``parts`` columns add up
    to (``bound``) the cell of the ``total`` column."""

    parts: tuple[str, ...]
    total: str
    bound: Bound = Bound.EQUAL


@dataclass(slots=True)
class Table:
    """A published table: text columns (labels) then figure columns; an optional total row
    (cells shared with the headline where they are the same figure).

    ``column_sums``: the count columns whose rows add up to the total row (every count column
    of a table with a total row must be listed: :mod:`tipdesk.reports.relations` refuses a
    total it cannot account for). ``row_sums``: the columns that add up within each row."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list[Cell | str]] = field(default_factory=list)
    total: list[Cell | str] | None = None
    note: str = ""
    column_sums: tuple[str, ...] = ()
    row_sums: tuple[RowSum, ...] = ()

    def records(self, *, total: bool = True) -> list[dict[str, Value]]:
        """Rows as dicts of displayed values (the total row last, when asked)."""
        rows = [*self.rows, *([self.total] if total and self.total else [])]
        return [
            {
                c.key: (v.display if isinstance(v, Cell) else v)
                for c, v in zip(self.columns, row, strict=True)
            }
            for row in rows
        ]


@dataclass(frozen=True, slots=True)
class ReportParams:
    """What to report on: an inclusive period and optionally one province or one district
    (codes), and the small-cell threshold (``None``: no suppression)."""

    date_from: dt.date
    date_to: dt.date
    province: str | None = None
    district: str | None = None
    suppress_below: int | None = None
    stale_days: int = 30
    install_district: str | None = None
    """Set on a district install (its district's code): the report covers only the records
    that install holds, and says so (never "national")."""

    def filters(self) -> dict[str, Any]:
        return {"province": self.province, "district": self.district}


class CoverageStatus(StrEnum):
    """Where a district's data stands for a report (``docs/report-definitions.md``, Coverage).

    At HQ every district of the reference list in the report's scope has one: a district with
    no registered device is ``NO_DEVICE``; one whose registered device never sent a bundle is
    ``NEVER_SENT`` (flagged: someone has to call the district). A district install reports on
    its own data only, from its record changes."""

    CURRENT = "current"  # data newer than the stale date
    STALE = "stale"  # data, but nothing newer than the stale date
    NEVER_SENT = "never_sent"  # a device is registered, no bundle ever arrived
    NO_DEVICE = "no_device"  # no device registered, nothing received


COVERAGE_STATUS_LABELS = {
    CoverageStatus.CURRENT: "Up to date",
    CoverageStatus.STALE: "Stale",
    CoverageStatus.NEVER_SENT: "Registered, never sent",
    CoverageStatus.NO_DEVICE: "No device registered",
}


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One district: when its data last changed (records), when its last bundle arrived (sync,
    at HQ), how many devices HQ registered for it (not revoked; 0 on a district install) and
    its :class:`CoverageStatus` for this report. ``stale`` is true for a district with data
    but nothing recent, and for one whose registered device never sent anything."""

    district: str
    district_name: str
    province: str
    last_update: str | None
    last_bundle: str | None
    stale: bool
    devices: int = 0
    status: CoverageStatus = CoverageStatus.CURRENT
    province_name: str = ""

    @property
    def status_label(self) -> str:
        return COVERAGE_STATUS_LABELS[self.status]


@dataclass(frozen=True, slots=True)
class QuarantinedDistrict:
    """Records of one district held in quarantine at HQ (received, refused by validation or
    ownership checks, so not in any figure): open entries by kind (``case``, ``accused``...).
    ``records`` counts distinct records (a record refused in two versions counts once)."""

    district: str
    district_name: str
    by_kind: dict[str, int]

    @property
    def records(self) -> int:
        return sum(self.by_kind.values())


@dataclass(slots=True)
class Coverage:
    source: str  # "bundles" (sync's bundle dates) or "records" (latest record change)
    stale_before: str  # ISO date: nothing newer than this means stale
    rows: list[CoverageRow] = field(default_factory=list)
    quarantine: list[QuarantinedDistrict] = field(default_factory=list)
    """HQ: open quarantine by district (empty elsewhere, and when nothing is held)."""

    @property
    def included(self) -> list[str]:
        return [r.district for r in self.rows if r.last_update or r.last_bundle]

    @property
    def stale(self) -> list[str]:
        """Districts with data in the figures but nothing recent behind it (at HQ: no recent
        bundle); a device that never sent anything is :attr:`never_sent`."""
        return [
            r.district for r in self.rows if r.stale and r.status is not CoverageStatus.NEVER_SENT
        ]

    @property
    def never_sent(self) -> list[str]:
        return [r.district for r in self.rows if r.status is CoverageStatus.NEVER_SENT]

    @property
    def no_device(self) -> list[str]:
        return [r.district for r in self.rows if r.status is CoverageStatus.NO_DEVICE]

    @property
    def quarantined_records(self) -> int:
        return sum(q.records for q in self.quarantine)

    def summary(self) -> str:
        """One sentence for readers: how many districts' data the figures hold and which are
        missing or old (never "none stale" when most districts sent nothing)."""
        from tipdesk.reports.sentences import coverage_summary  # its templates live there

        return coverage_summary(self)


# The headline figures, in the order of the headline table, with their labels.
HEADLINE: tuple[tuple[str, str], ...] = (
    ("cases_registered", "Cases registered (probed)"),
    ("accused_proceeded_against", "Accused proceeded against (challan)"),
    ("accused_convicted", "Accused convicted"),
    ("accused_acquitted", "Accused acquitted"),
    ("conviction_rate", "Conviction rate (convicted / (convicted + acquitted))"),
    ("victims_identified", "Victims identified"),
    ("persons_trained", "Persons trained"),
    ("training_sessions", "Training sessions"),
    ("awareness_campaigns", "Awareness campaigns"),
    ("people_reached", "People reached by campaigns"),
)


@dataclass(slots=True)
class Report:
    """A built report. ``headline`` and ``previous`` map the :data:`HEADLINE` keys to cells
    (``previous``: the same period one year earlier, never suppressed separately: it is
    suppressed by the same rules when the threshold is set)."""

    params: ReportParams
    generated_at: str
    period: tuple[str, str]
    previous_period: tuple[str, str]
    headline: dict[str, Cell]
    previous: dict[str, Cell]
    tables: dict[str, Table]
    coverage: Coverage
    # Relations between cells of different tables (within a table: its declarations).
    links: list[Relation] = field(default_factory=list)
    # Cells computed from others (rates): hidden when any of their inputs is hidden.
    derived: list[tuple[Cell, list[Cell]]] = field(default_factory=list)
    scope_label: str = "Pakistan"
    # The scope as a template and its arguments (names), for a translated wording
    # (tipdesk.reports.sentences.scope); ("", {}): only the label is known.
    scope_words: tuple[str, dict[str, str]] = field(default_factory=lambda: ("", {}))
    title: str = "TIPDesk national report"
    """What the report calls itself: "national" only for the whole country at HQ."""
    # Set by suppression: {"threshold": n, "small": cells under it, "protect": cells hidden
    # to protect them}; None when the report is not suppressed.
    suppression: dict[str, int] | None = None

    def table(self, key: str) -> Table:
        return self.tables[key]
