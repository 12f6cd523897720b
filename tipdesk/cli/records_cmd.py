"""Records, search, figures and demo data: ``case|victim|training|campaign``, ``search``,
``stats``, ``demo``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tipdesk.cli import handover_cmd, io
from tipdesk.cli.common import Add, InFile, load_json_file, open_session, parse_date
from tipdesk.core.codes import Stage
from tipdesk.core.errors import InvalidInput, Problem, ValidationFailed
from tipdesk.core.messages import say
from tipdesk.core.records import RECORD_TYPES, Record, from_dict, to_dict
from tipdesk.paths import Paths
from tipdesk.services import figures
from tipdesk.services import records as record_service
from tipdesk.services.figures import Figures

RECORD_COMMANDS = ("case", "victim", "training", "campaign")


def cmd_record_add(args: argparse.Namespace, paths: Paths) -> int:
    kind = args.kind
    data = load_json_file(args.file)
    items = data if isinstance(data, list) else [data]
    records: list[Record] = []
    problems: list[Problem] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidInput(say("{file}: item {i} is not a JSON object.", file=args.file, i=i))
        record, found = from_dict(RECORD_TYPES[kind], item)
        prefix = f"[{i}]." if len(items) > 1 else ""
        problems += [Problem(prefix + p.field, p.rule, p.message) for p in found]
        records.append(record)
    if problems:
        raise ValidationFailed(problems, kind)
    with open_session(args, paths) as session:
        record_service.save(session, records)
        warnings = record_service.warnings(session, records)
    ids = [r.id for r in records]
    out: dict[str, Any] = {"saved": ids, "kind": kind}
    if warnings:
        out["warnings"] = [p.to_json() for p in warnings]
        for p in warnings:  # saved all the same: a warning asks the officer to check
            print(f"tipdesk: warning: {p}", file=sys.stderr)
    io.emit(out, args.json, lambda: "\n".join(f"Saved {kind} {r.id}" for r in records))
    return 0


def _summary(record: Record) -> dict[str, Any]:
    data = to_dict(record, meta=False, children=False)
    data["id"] = record.id
    data["version"] = record.version
    return data


def _line(kind: str, r: Record) -> str:
    d = to_dict(r, children=False)
    cols = {
        "case": ("case_number", "registered_on", "district", "stage"),
        "victim": ("victim_code", "identified_on", "gender", "age"),
        "training": ("title", "start_on", "district", "participants_total"),
        "campaign": ("title", "start_on", "district", "people_reached"),
    }[kind]
    return f"{r.id}  " + "  ".join(str(d[c]) if d[c] is not None else "-" for c in cols)


def cmd_record_list(args: argparse.Namespace, paths: Paths) -> int:
    kind = args.kind
    filters: dict[str, Any] = {}
    if getattr(args, "stage", None):
        filters["stage"] = Stage(args.stage).value
    if args.district:
        filters["district"] = args.district
    with open_session(args, paths) as session:
        rows = record_service.page(
            session,
            kind,
            filters=filters,
            date_from=args.date_from,
            date_to=args.date_to,
            limit=args.limit,
        )
    io.emit(
        [_summary(r) for r in rows],
        args.json,
        lambda: "\n".join(_line(kind, r) for r in rows) or f"No {kind} records.",
    )
    return 0


def cmd_record_show(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        if args.reveal:
            if args.kind != "victim":
                raise InvalidInput(say("--reveal applies to victims only."))
            record: Record = record_service.reveal_victim(session, args.id, args.reveal)
        else:
            record = record_service.get(session, args.kind, args.id)
    data = to_dict(record)
    io.emit(data, args.json, lambda: json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def cmd_search(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        hits = record_service.search(session, args.text, limit=args.limit)
    rows = [{"kind": h.kind, "id": h.id, "label": h.label, "detail": h.detail} for h in hits]
    io.emit(
        rows,
        args.json,
        lambda: (
            "\n".join(f"{h.kind:9} {h.id}  {h.label}  ({h.detail})" for h in hits)
            or "Nothing found."
        ),
    )
    return 0


def cmd_stats(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        data = figures.stats(session, parse_date(args.date_from), parse_date(args.date_to))
    io.emit(data, args.json, lambda: stats_text(data))
    return 0


def stats_text(data: Figures) -> str:
    counts = [
        ("Cases registered", data.cases_registered),
        ("Accused proceeded against", data.accused_proceeded_against),
        ("Accused convicted", data.accused_convicted),
        ("Victims identified", data.victims_identified),
        ("Persons trained", data.persons_trained),
        ("Training sessions", data.training_sessions),
        ("Awareness campaigns", data.awareness_campaigns),
        ("People reached", data.people_reached),
    ]
    period = data.period
    out = [
        f"Figures from {period.start} to {period.end}"
        if period.start
        else f"All figures up to {period.end}"
    ]
    out += [f"  {label:28} {n:>10,}" for label, n in counts]
    gender = ", ".join(f"{k} {v:,}" for k, v in data.victims_by_gender.items()) or "none"
    age = ", ".join(f"{k} {v:,}" for k, v in data.victims_by_age_group.items())
    out += [f"  {'Victims by gender':28} {gender}", f"  {'Victims by age group':28} {age}"]
    return "\n".join(out)


def cmd_demo(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services import demo as demo_service  # heavy generator: load only when used

    with open_session(args, paths) as session:
        counts = demo_service.fill(session, seed=args.seed, cases=args.cases)
    io.emit(
        counts,
        args.json,
        lambda: "Demo data added: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()),
    )
    return 0


def register(sub: Any, add: Add) -> None:
    for kind in RECORD_COMMANDS:
        group = sub.add_parser(kind, help=f"add, list and show {kind} records")
        actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
        p = add("add", cmd_record_add, f"add or update {kind} records from a JSON file", actions)
        p.add_argument(
            "--file", required=True, type=InFile, help="a JSON object, or a list of them"
        )
        p.set_defaults(kind=kind)
        p = add("list", cmd_record_list, f"list {kind} records, newest first", actions)
        p.set_defaults(kind=kind)
        if kind == "case":
            p.add_argument("--stage", choices=[s.value for s in Stage])
        p.add_argument("--district", help="district name or code")
        p.add_argument("--from", dest="date_from", help="from date (YYYY-MM-DD)")
        p.add_argument("--to", dest="date_to", help="to date (YYYY-MM-DD)")
        p.add_argument("--limit", type=int, default=200)
        p = add("show", cmd_record_show, f"show one {kind} record", actions)
        p.add_argument("id")
        p.set_defaults(kind=kind)
        if kind == "victim":
            p.add_argument("--reveal", metavar="REASON", help="show identifying details (audited)")
        else:
            p.set_defaults(reveal=None)
        if kind == "case":
            handover_cmd.add_case_actions(actions, add)

    p = add("search", cmd_search, "full-text search over case numbers, names, CNICs, narratives")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)

    p = add("stats", cmd_stats, "headline figures for a period")
    p.add_argument("--from", dest="date_from", help="from date (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", help="to date (YYYY-MM-DD)")

    p = add("demo", cmd_demo, "fill the store with realistic synthetic data")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cases", type=int, default=200)
