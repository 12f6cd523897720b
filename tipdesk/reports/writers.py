"""JSON and CSV writers, and the dispatch to every format.

Contract:
- Writers render a built :class:`Report` to bytes; they never query the store and never show a
  hidden cell's value (only :attr:`Cell.display`).
- :func:`write_report` writes the file atomically (:func:`tipdesk.fs.atomic_write_bytes`): a
  reader sees the old file or the whole new one.
- JSON: one object; the top-level keys listed in ``docs/report-definitions.md``.
- CSV: a zip of CSV files, one per table (UTF-8 with a byte-order mark so that Excel reads
  Urdu and accents correctly), plus ``about.csv`` (period, filters, generated-at, suppression).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tipdesk import __version__
from tipdesk.fs import atomic_write_bytes
from tipdesk.reports import sentences
from tipdesk.reports.localize import ENGLISH, Wording
from tipdesk.reports.model import HEADLINE, Cell, Report, Table, Value
from tipdesk.reports.sentences import QUARANTINE_KIND_LABELS, QUARANTINE_KINDS
from tipdesk.reports.tables import AGE_GROUPS, GENDERS

FORMATS = ("json", "csv", "xlsx", "pdf")
# Fixed timestamp inside zip members, so the same report gives the same bytes.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def change(current: Cell, previous: Cell) -> Value:
    """Change from the previous period as a fraction (0.25 = +25%), or ``None`` when it cannot
    be given (no previous value, a hidden value, or a rate)."""
    if current.hidden or previous.hidden:
        return None
    c, p = current.value, previous.value
    if not isinstance(c, int) or not isinstance(p, int) or p == 0:
        return None
    return round((c - p) / p, 4)


def change_text(current: Cell, previous: Cell, *, rate: bool) -> str:
    """The change from the previous period as the Reports screen writes it: ``+25%`` for a
    count (``+5`` when the previous count was 0), ``-3.3 pts`` for a rate (percentage
    points), ``""`` when it cannot be given (a hidden or missing value)."""
    if current.hidden or previous.hidden or current.value is None or previous.value is None:
        return ""
    diff = current.value - previous.value
    sign = "+" if diff > 0 else ""
    if rate:
        return f"{sign}{diff * 100:.1f} pts"
    if not previous.value:
        return f"{sign}{int(diff):,}" if diff else "0"
    return f"{sign}{diff / previous.value * 100:.0f}%"


def headline_table(report: Report) -> Table:
    """The headline figures beside the same period one year earlier, as a table; the change
    is written as on the screen (:func:`change_text`)."""
    from tipdesk.reports.model import Column, ColumnKind

    table = Table(
        "headline",
        "Headline figures",
        [
            Column("figure", "Figure", ColumnKind.TEXT),
            Column("value", f"{report.period[0]} to {report.period[1]}"),
            Column("previous", f"{report.previous_period[0]} to {report.previous_period[1]}"),
            Column("change", "Change", ColumnKind.RATE),
        ],
        note="Change: per cent of the earlier figure for counts; percentage points (pts) for "
        "the conviction rate.",
    )
    for key, label in HEADLINE:
        cur, prev = report.headline[key], report.previous[key]
        table.rows.append([label, cur, prev, change_text(cur, prev, rate=key == "conviction_rate")])
    return table


def coverage_table(report: Report, wording: Wording = ENGLISH) -> Table:
    """Every district of the report's scope (at HQ: of the reference list) with its data's
    freshness and status: a district that sent nothing is listed, and says why. Its note is a
    sentence made from the data, worded by ``wording`` (the rest is worded by
    :func:`~tipdesk.reports.localize.localized_table`)."""
    from tipdesk.reports.model import Column, ColumnKind

    text = ColumnKind.TEXT
    cov = report.coverage
    at_hq = cov.source == "bundles"
    columns = [
        Column("district_name", "District", text),
        Column("province_name", "Province", text),
        *([Column("devices", "Devices registered")] if at_hq else []),
        Column("last_update", "Last record change", ColumnKind.DATE),
        *([Column("last_bundle", "Last bundle received", ColumnKind.DATE)] if at_hq else []),
        Column("status", "Status", text),
        Column("district", "District code", text),
    ]
    table = Table(
        "coverage",
        "Coverage: which districts' data the figures hold",
        columns,
        note=sentences.coverage_note(report, wording),
    )
    for r in cov.rows:
        values: dict[str, Cell | str] = {
            "district_name": r.district_name,
            "province_name": r.province_name or r.province,
            "devices": Cell(r.devices),
            # Dates for readers (the JSON's coverage keeps the full times).
            "last_update": (r.last_update or "")[:10],
            "last_bundle": (r.last_bundle or "")[:10],
            "status": r.status_label,
            "district": r.district,
        }
        table.rows.append([values[c.key] for c in columns])
    return table


def quarantine_table(report: Report, wording: Wording = ENGLISH) -> Table | None:
    """HQ's open quarantine by district: records received but held back (they failed the
    checks), so in none of the figures. ``None`` when nothing is held. Its note is worded by
    ``wording``."""
    from tipdesk.reports.model import Column, ColumnKind

    held = report.coverage.quarantine
    if not held:
        return None
    kinds = [k for k in QUARANTINE_KINDS if any(q.by_kind.get(k) for q in held)]
    kinds += sorted({k for q in held for k in q.by_kind} - set(kinds))
    table = Table(
        "quarantine",
        "Held in quarantine at HQ: records not in these figures",
        [
            Column("district_name", "District", ColumnKind.TEXT),
            *(Column(k, QUARANTINE_KIND_LABELS.get(k, k)) for k in kinds),
            Column("records", "Records held"),
            Column("district", "District code", ColumnKind.TEXT),
        ],
        note=quarantine_note(report, wording),
    )
    for q in held:
        table.rows.append(
            [
                q.district_name,
                *(Cell(q.by_kind.get(k, 0)) for k in kinds),
                Cell(q.records),
                q.district,
            ]
        )
    return table


def quarantine_note(report: Report, wording: Wording = ENGLISH) -> str:
    """One sentence on what quarantine keeps out of the figures ("" when nothing), worded by
    ``wording`` (:func:`tipdesk.reports.sentences.quarantine_note`)."""
    return sentences.quarantine_note(report, wording)


def published_tables(report: Report, wording: Wording = ENGLISH) -> list[Table]:
    """Every table in publication order: headline, geography, breakdowns, coverage (and the
    quarantine held at HQ, when there is any); the notes made from data worded by
    ``wording``."""
    held = quarantine_table(report, wording)
    return [
        headline_table(report),
        *report.tables.values(),
        coverage_table(report, wording),
        *([held] if held else []),
    ]


# --- JSON -----------------------------------------------------------------------------------


def _code_map(table: Table, codes: tuple[str, ...], value_col: str) -> dict[str, Value]:
    rows = table.records(total=False)
    return {code: r[value_col] for code, r in zip(codes, rows, strict=True)}


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON document (see the module contract)."""
    p = report.params
    out: dict[str, Any] = {
        "report": report.title,
        "tipdesk_version": __version__,
        "generated_at": report.generated_at,
        "period": {"from": report.period[0], "to": report.period[1]},
        "previous_period": {"from": report.previous_period[0], "to": report.previous_period[1]},
        "scope": report.scope_label,
        "filters": p.filters(),
        "suppression": report.suppression,
    }
    out |= {k: c.display for k, c in report.headline.items()}
    out["previous"] = {k: c.display for k, c in report.previous.items()}
    # Keyed by code (female, child...): the tables show readers' labels in the same order.
    out["victims_by_gender"] = _code_map(report.tables["victims_by_gender"], GENDERS, "victims")
    out["victims_by_age_group"] = _code_map(
        report.tables["victims_by_age_group"], AGE_GROUPS, "victims"
    )
    out["by_province"] = report.tables["by_province"].records(total=False)
    out["by_district"] = report.tables["by_district"].records(total=False)
    cov = report.coverage
    out["coverage"] = {
        "source": cov.source,
        "summary": cov.summary(),
        "stale_before": cov.stale_before,
        "districts_included": cov.included,
        "stale_districts": cov.stale,
        "never_sent_districts": cov.never_sent,
        "no_device_districts": cov.no_device,
        "districts": [
            {
                "district": r.district,
                "name": r.district_name,
                "province": r.province,
                "province_name": r.province_name,
                "devices": r.devices,
                "last_update": r.last_update,
                "last_bundle": r.last_bundle,
                "stale": r.stale,
                "status": r.status.value,
                "status_label": r.status_label,
            }
            for r in cov.rows
        ],
    }
    out["quarantine"] = {
        "note": quarantine_note(report),
        "records": cov.quarantined_records,
        "districts": [
            {
                "district": q.district,
                "name": q.district_name,
                "records": q.records,
                "by_kind": q.by_kind,
            }
            for q in cov.quarantine
        ],
    }
    out["tables"] = {
        key: {
            "title": t.title,
            "note": t.note,
            "columns": [c.key for c in t.columns],
            "rows": t.records(total=False),
            "total": t.records()[-1] if t.total else None,
        }
        for key, t in report.tables.items()
        if key not in ("by_province", "by_district")
    }
    return out


def to_json(report: Report) -> bytes:
    return (json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --- CSV ------------------------------------------------------------------------------------


def table_csv(table: Table) -> bytes:
    """One table as CSV text (header row of labels, then rows, then the total row)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.label for c in table.columns])
    for record in table.records():
        w.writerow(["" if v is None else v for v in record.values()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_csv_zip(report: Report) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        about = io.StringIO()
        w = csv.writer(about, lineterminator="\r\n")
        w.writerow(["item", "value"])
        w.writerow(["period_from", report.period[0]])
        w.writerow(["period_to", report.period[1]])
        w.writerow(["scope", report.scope_label])
        w.writerow(["generated_at", report.generated_at])
        w.writerow(["suppression_threshold", (report.suppression or {}).get("threshold", "none")])
        for name, data in [
            ("about.csv", ("\ufeff" + about.getvalue()).encode("utf-8")),
            *((f"{t.key}.csv", table_csv(t)) for t in published_tables(report)),
        ]:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# --- dispatch -------------------------------------------------------------------------------


def render(report: Report, fmt: str, wording: Wording = ENGLISH) -> bytes:
    """The report as ``fmt`` (json, csv, xlsx or pdf) bytes; the PDF and XLSX worded by
    ``wording`` (JSON and CSV are data for machines: keys and codes, always English)."""
    renderers: dict[str, Callable[[Report], bytes]] = {"json": to_json, "csv": to_csv_zip}
    if fmt == "xlsx":
        from tipdesk.reports.xlsx import to_xlsx  # openpyxl loads only when asked for

        return to_xlsx(report, wording)
    if fmt == "pdf":
        from tipdesk.reports.pdf import to_pdf  # reportlab loads only when asked for

        return to_pdf(report, wording)
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}")
    return renderers[fmt](report)


def write_report(report: Report, fmt: str, path: Path, wording: Wording = ENGLISH) -> Path:
    """Render (worded by ``wording``) and write atomically; return the path."""
    atomic_write_bytes(path, render(report, fmt, wording), mode=0o600)
    return path
