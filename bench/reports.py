"""Report generation at HQ scale: JSON and PDF from a store of 1,000,000 cases.

Builds (not measured) a store with BENCH_REPORT_CASES cases (default 1,000,000), five accused
each, one victim each, a referral for one victim in four, BENCH_REPORT_CASES / 5 campaigns and
/ 50 training sessions (:mod:`bench.report_data`), in the newest schema (with the report
summaries that schema 3's triggers keep). Then, in the same run, it times:

- the baseline: a bare ``SELECT count(*)`` over cases, accused, victims and campaigns;
- the national report for one year (2024) to JSON and to PDF (goals: under 2 s and 10 s), with
  the time of each query step of :func:`build_report` and of the writer, so a regression
  points at its step.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from bench.report_data import Size, build
from tipdesk.reports.build import build_report
from tipdesk.reports.model import ReportParams
from tipdesk.reports.writers import write_report
from tipdesk.resources import load_reference
from tipdesk.store.store import Store


def _time_report(store: Store, fmt: str, out: Path) -> tuple[float, dict[str, float]]:
    """Seconds to build and write the report, and the seconds of each step."""
    reference = load_reference()
    params = ReportParams(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    steps: dict[str, float] = {}
    last = [time.perf_counter(), ""]

    def progress(_done: int, _total: int, step: str) -> None:
        now = time.perf_counter()
        if last[1]:
            steps[str(last[1])] = now - float(last[0])
        last[:] = [now, step]

    t0 = time.perf_counter()
    report = build_report(
        store, reference, params, generated_at="2026-01-31T00:00:00Z", progress=progress
    )
    t1 = time.perf_counter()
    write_report(report, fmt, out)
    steps[f"write {fmt}"] = time.perf_counter() - t1
    return time.perf_counter() - t0, steps


def main() -> None:
    cases = int(os.environ.get("BENCH_REPORT_CASES", "1000000"))
    size = Size(cases=cases, accused_per_case=5, campaigns=cases // 5, trainings=cases // 50)
    key = os.urandom(32)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hq.db"
        t0 = time.perf_counter()
        build(path, key, load_reference(), size)
        print(f"built {cases:,} cases, {cases * size.accused_per_case:,} accused, {cases:,} "
              f"victims, {size.campaigns:,} campaigns in {time.perf_counter() - t0:.0f} s "
              f"(not measured)")  # fmt: skip
        store = Store.open(path, key)
        try:
            t0 = time.perf_counter()
            for table in ("cases", "accused", "victims", "campaigns"):
                store.query(f"SELECT count(*) FROM {table}")
            baseline = time.perf_counter() - t0
            print(f"baseline count(*) over the four tables: {baseline:6.2f} s")
            js, js_steps = _time_report(store, "json", Path(tmp) / "r.json")
            pdf, pdf_steps = _time_report(store, "pdf", Path(tmp) / "r.pdf")
            print("steps (s):  " + ", ".join(f"{k} {v:.3f}" for k, v in js_steps.items()))
            print(f"  pdf writer: {pdf_steps['write pdf']:.3f}")
            print(f"report (schema {store.schema_version}): "
                  f"JSON {js:6.2f} s (goal < 2 s, {js / baseline:5.2f}x baseline); "
                  f"PDF {pdf:6.2f} s (goal < 10 s)")  # fmt: skip
        finally:
            store.close()
