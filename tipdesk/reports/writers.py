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
from tipdesk.reports.model import HEADLINE, Cell, Report, Table, Value

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


def headline_table(report: Report) -> Table:
    """The headline figures beside the same period one year earlier, as a table."""
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
    )
    for key, label in HEADLINE:
        cur, prev = report.headline[key], report.previous[key]
        delta = change(cur, prev)
        table.rows.append([label, cur, prev, Cell(delta if isinstance(delta, float) else None)])
    return table


def coverage_table(report: Report) -> Table:
    from tipdesk.reports.model import Column, ColumnKind

    text = ColumnKind.TEXT
    table = Table(
        "coverage",
        "Coverage: districts whose data is included",
        [
            Column("district", "District code", text),
            Column("district_name", "District", text),
            Column("province", "Province", text),
            Column("last_update", "Last record change", ColumnKind.DATE),
            Column("last_bundle", "Last bundle received", ColumnKind.DATE),
            Column("stale", "Stale", text),
        ],
        note=f"Stale: nothing newer than {report.coverage.stale_before} "
        f"({report.params.stale_days} days before the end of the period). Source: "
        + (
            "sync bundles."
            if report.coverage.source == "bundles"
            else "record changes (sync's bundle dates are used once sync is installed)."
        ),
    )
    for r in report.coverage.rows:
        table.rows.append(
            [
                r.district,
                r.district_name,
                r.province,
                r.last_update or "",
                r.last_bundle or "",
                "yes" if r.stale else "no",
            ]
        )
    return table


def published_tables(report: Report) -> list[Table]:
    """Every table in publication order: headline, geography, breakdowns, coverage."""
    return [headline_table(report), *report.tables.values(), coverage_table(report)]


# --- JSON -----------------------------------------------------------------------------------


def _cell_map(table: Table, label_col: str, value_col: str) -> dict[str, Value]:
    return {str(r[label_col]): r[value_col] for r in table.records(total=False)}


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON document (see the module contract)."""
    p = report.params
    out: dict[str, Any] = {
        "report": "TIPDesk national report",
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
    out["victims_by_gender"] = _cell_map(report.tables["victims_by_gender"], "gender", "victims")
    out["victims_by_age_group"] = _cell_map(
        report.tables["victims_by_age_group"], "age_group", "victims"
    )
    out["by_province"] = report.tables["by_province"].records(total=False)
    out["by_district"] = report.tables["by_district"].records(total=False)
    out["coverage"] = {
        "source": report.coverage.source,
        "stale_before": report.coverage.stale_before,
        "districts_included": report.coverage.included,
        "stale_districts": report.coverage.stale,
        "districts": [
            {
                "district": r.district,
                "name": r.district_name,
                "province": r.province,
                "last_update": r.last_update,
                "last_bundle": r.last_bundle,
                "stale": r.stale,
            }
            for r in report.coverage.rows
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


def render(report: Report, fmt: str) -> bytes:
    """The report as ``fmt`` (json, csv, xlsx or pdf) bytes."""
    renderers: dict[str, Callable[[Report], bytes]] = {"json": to_json, "csv": to_csv_zip}
    if fmt == "xlsx":
        from tipdesk.reports.xlsx import to_xlsx  # openpyxl loads only when asked for

        return to_xlsx(report)
    if fmt == "pdf":
        from tipdesk.reports.pdf import to_pdf  # reportlab loads only when asked for

        return to_pdf(report)
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}")
    return renderers[fmt](report)


def write_report(report: Report, fmt: str, path: Path) -> Path:
    """Render and write atomically; return the path."""
    atomic_write_bytes(path, render(report, fmt), mode=0o600)
    return path
