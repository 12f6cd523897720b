"""Report generation at HQ scale: JSON and PDF from a store of 1,000,000 cases.

Builds (not measured) a store with BENCH_REPORT_CASES cases (default 1,000,000), five accused
each, one victim each, a referral for one victim in four, BENCH_REPORT_CASES / 5 campaigns and
/ 50 training sessions (:mod:`bench.report_data`), in the newest schema (with the report
summaries that schema 3's triggers keep). Then, in the same run, it times:

- the baseline: a bare ``SELECT count(*)`` over cases, accused, victims and campaigns;
- the national report for one year (2024) to JSON and to PDF (goals: under 2 s and 10 s), with
  the time of each query step of :func:`build_report` and of the writer, so a regression
  points at its step;
- small-cell suppression (threshold 5) of the national report for the year, for one month
  (many small cells) and of one province for one month, each against the time to build that
  report (goal: suppression well under the build), with the cells it hides; when the
  developer tools are installed (scipy), the attack of ``tests/unit/reports/attack.py``
  checks each suppressed report and prints its narrowest range.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from bench.report_data import Size, build
from tipdesk.reports.build import build_report
from tipdesk.reports.model import Hidden, Report, ReportParams
from tipdesk.reports.relations import cells
from tipdesk.reports.suppress import suppress
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
            print("small-cell suppression (threshold 5), against building the same report:")
            for label, params in (
                ("national, 2024", ReportParams(dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
                ("national, June 2024", ReportParams(dt.date(2024, 6, 1), dt.date(2024, 6, 30))),
                ("Punjab, June 2024",
                 ReportParams(dt.date(2024, 6, 1), dt.date(2024, 6, 30), province="PB")),
            ):  # fmt: skip
                _time_suppression(store, label, params)
        finally:
            store.close()


def _time_suppression(store: Store, label: str, params: ReportParams, threshold: int = 5) -> None:
    reference = load_reference()
    t0 = time.perf_counter()
    report = build_report(store, reference, params, generated_at="2026-01-31T00:00:00Z")
    built = time.perf_counter() - t0
    t1 = time.perf_counter()
    suppress(report, threshold)
    took = time.perf_counter() - t1
    counts = [c for c in cells(report) if c.sensitive and isinstance(c.value, int)]
    small = sum(1 for c in counts if c.hidden is Hidden.SMALL)
    protect = sum(1 for c in counts if c.hidden is Hidden.PROTECT)
    print(f"  {label:<20} build {built:6.2f} s; suppression {took * 1000:7.1f} ms "
          f"({took / built:6.1%} of the build); of {len(counts):,} counts "
          f"{small} shown <{threshold}, {protect} x{_attack(report, threshold)}")  # fmt: skip


def _attack(report: Report, threshold: int) -> str:
    """The narrowest hidden range the attack finds (tests/unit/reports/attack.py), or ''
    without the developer tools."""
    import importlib.util
    import sys

    if importlib.util.find_spec("scipy") is None:
        return ""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "unit" / "reports"))
    import attack  # type: ignore[import-not-found]

    t0 = time.perf_counter()
    ranges = attack.ranges(report, threshold)
    if not ranges:
        return "; nothing hidden"
    narrowest = min(r.width for r in ranges)
    verdict = "ok" if narrowest >= threshold - 1 else "TOO NARROW"
    return (f"; attack ({time.perf_counter() - t0:.1f} s): narrowest range {narrowest} values "
            f"({verdict})")  # fmt: skip
