"""HQ report and exports: ``report``, ``report linked-cases``, ``report quality``,
``export htcds|ctdc``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from tipdesk.cli import io
from tipdesk.cli.common import Add, OutFile, open_session, parse_date
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.reports.model import ReportParams
from tipdesk.services import data_quality
from tipdesk.services import reports as report_service


def _params(args: argparse.Namespace) -> ReportParams:
    start, end = parse_date(args.date_from), parse_date(args.date_to)
    if start is None or end is None:
        raise InvalidInput(say("Give the period with --from DATE --to DATE (YYYY-MM-DD)."))
    if args.suppress_below is not None and args.suppress_below < 2:
        raise InvalidInput(say("--suppress-below must be 2 or more."))
    return ReportParams(
        start,
        end,
        province=args.province,
        district=args.district,
        suppress_below=args.suppress_below,
    )


def _progress(done: int, total: int, step: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total} {step:30}", end="" if done < total else "\n", file=sys.stderr)


def cmd_report(args: argparse.Namespace, paths: Paths) -> int:
    if not args.out or not args.format:
        raise InvalidInput(say("Give --format json|csv|xlsx|pdf and --out FILE."))
    params = _params(args)
    with open_session(args, paths) as session:
        dest = report_service.export_report(
            session,
            params,
            args.format,
            Path(args.out),
            progress=_progress,
            wording=report_service.report_wording(args.language),
        )
    io.emit({"written": str(dest), "format": args.format}, args.json, f"Report written to {dest}")
    return 0


def cmd_linked(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = data_quality.linked_cases(session, limit=args.limit)
    data = [
        {
            "cnic": f.cnic,
            "districts": f.districts,
            "cases": [c.__dict__ if hasattr(c, "__dict__") else _slots(c) for c in f.cases],
        }
        for f in found
    ]

    def text() -> str:
        if not found:
            return "No accused CNIC appears in cases of more than one district."
        lines = []
        for f in found:
            lines.append(f"{f.cnic}  districts: {', '.join(f.districts)}")
            lines += [
                f"    {c.district:8} {c.case_number:18} {c.registered_on or '':10} "
                f"{c.stage:13} {c.outcome}"
                for c in f.cases
            ]
        return "\n".join(lines)

    io.emit(data, args.json, text)
    return 0


def _slots(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def cmd_quality(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        q = data_quality.data_quality(session, limit=args.limit)
    data = {
        "checked": q.checked,
        "truncated": q.truncated,
        "failing": [
            {
                "kind": f.kind,
                "id": f.id,
                "label": f.label,
                "district": f.district,
                "problems": [
                    {"field": p.field, "rule": p.rule, "message": p.message} for p in f.problems
                ],
            }
            for f in q.failing
        ],
        "quarantined": [io.to_json(item) for item in q.quarantined],  # without the said copy
        "quiet_districts": [{"district": d, "last_heard": at} for d, at in q.quiet_districts],
        "quiet_since": q.quiet_since,
        "overlaps_open": [item.to_json() for item in q.overlaps],
        "victims_not_recorded": {
            "total": q.unknown_victims_total,
            "listed": [dataclasses.asdict(v) for v in q.unknown_victims],
        },
    }

    def text() -> str:
        lines = [
            "Checked: " + ", ".join(f"{n:,} {k}" for k, n in q.checked.items()),
            f"Failing validation now: {len(q.failing)}",
        ]
        lines += [
            f"  {f.kind} {f.label} ({f.district}): " + "; ".join(str(p) for p in f.problems)
            for f in q.failing[:200]
        ]
        lines.append(f"Quarantined records: {len(q.quarantined)}")
        lines += [
            f"  {item.kind} {item.label or item.record_id} ({item.district}, bundle "
            f"{item.bundle}): " + "; ".join(item.problems)
            for item in q.quarantined[:200]
        ]
        lines.append(
            f"Districts quiet since {q.quiet_since}: "
            + (", ".join(d for d, _ in q.quiet_districts) or "none")
        )
        lines.append(f"Accused who may be a victim of the same case, to review: {len(q.overlaps)}")
        lines += [
            f"  {i.case_number} ({i.district_name}): accused {i.accused_name} may be victim "
            + ", ".join(v.code for v in i.open)
            for i in q.overlaps[:200]
        ]
        lines.append(f"Victims with gender or age not recorded: {q.unknown_victims_total:,}")
        lines += [
            f"  {v.code} ({v.district}): "
            + " and ".join(
                w for w, on in (("gender", v.gender_unknown), ("age", v.age_unknown)) if on
            )
            + " not recorded"
            for v in q.unknown_victims[:200]
        ]
        return "\n".join(lines)

    io.emit(data, args.json, text)
    return 0


def cmd_export(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        dest = report_service.export_standard(
            session,
            args.kind,
            Path(args.out),
            parse_date(args.date_from),
            parse_date(args.date_to),
        )
    io.emit({"written": str(dest), "format": args.kind}, args.json, f"Export written to {dest}")
    return 0


def register(sub: Any, add: Add) -> None:
    p = add("report", cmd_report, "the national report for a period (HQ)")
    p.add_argument("--from", dest="date_from", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", help="last day (YYYY-MM-DD)")
    p.add_argument("--province", help="only this province (code or name)")
    p.add_argument("--district", help="only this district (code or name)")
    p.add_argument(
        "--suppress-below",
        type=int,
        metavar="N",
        help="show counts of 1..N-1 as <N and protect totals (for publication)",
    )
    p.add_argument("--format", choices=report_service.FORMATS)
    p.add_argument("--out", type=OutFile, help="the file to write")
    p.add_argument(
        "--language",
        choices=("en", "ur"),
        default="en",
        help="the language of a PDF or XLSX (ur: Urdu, right to left); JSON and CSV are English",
    )
    views = p.add_subparsers(dest="report_view", metavar="VIEW")
    v = add("linked-cases", cmd_linked, "accused CNICs in cases of more than one district", views)
    v.add_argument("--limit", type=int, default=1000)
    v = add(
        "quality", cmd_quality, "records failing validation, quarantine, quiet districts", views
    )
    v.add_argument("--limit", type=int, default=20_000, help="records checked per kind")

    export = sub.add_parser("export", help="standard victim-level exports (no identities)")
    kinds = export.add_subparsers(dest="kind", metavar="FORMAT", required=True)
    for kind, what in (
        ("htcds", "HTCDS 2.0-shaped CSV of victims"),
        ("ctdc", "CTDC-style CSV of victims (ageBroad bands)"),
    ):
        e = add(kind, cmd_export, what, kinds)
        e.set_defaults(kind=kind)
        e.add_argument("--out", required=True, type=OutFile, help="the CSV file to write")
        e.add_argument("--from", dest="date_from", help="only victims identified from this day")
        e.add_argument("--to", dest="date_to", help="only victims identified up to this day")
