"""The non-criminalisation review queue: ``review list`` and ``review resolve``.

An accused who may be a victim of the same case is recorded all the same; a supervisor looks
at each such overlap here (or on the Review page) and says whether they are two people or the
same person. Until then the accused cannot be marked proceeded against or convicted.
"""

from __future__ import annotations

import argparse
from typing import Any

from tipdesk.cli import io
from tipdesk.cli.common import Add, open_session
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.services import overlaps


def _victims(item: overlaps.OverlapItem, which: str) -> str:
    found = item.open if which == "open" else item.reviewed
    return ", ".join(
        v.code + (f" (same {'CNIC, strong' if v.sign == 'cnic' else 'name'})" if v.sign else "")
        for v in found
    )


def list_text(items: list[overlaps.OverlapItem]) -> str:
    """The queue as people read it: one block per accused, open ones first."""
    if not items:
        return "Nothing to review: no accused may be a victim of the same case."
    lines = []
    for item in items:
        status = "OPEN" if item.open else f"reviewed ({item.decision})"
        flag = "  already proceeded against or convicted" if item.open and item.marked else ""
        lines.append(
            f"{item.accused_id[:8]}  {status}  case {item.case_number} "
            f"({item.district_name}, {item.office}){flag}"
        )
        lines.append(f"    accused: {item.accused_name}")
        if item.open:
            lines.append(f"    may be victim {_victims(item, 'open')}")
        if item.reviewed:
            by = f" by {item.reviewed_by}" if item.reviewed_by else ""
            on = f" on {item.reviewed_on}" if item.reviewed_on else ""
            lines.append(f"    reviewed{by}{on}: victim {_victims(item, 'reviewed')}")
    open_count = sum(1 for i in items if i.open)
    lines.append(f"{open_count} open of {len(items)} listed.")
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        items = overlaps.queue(session, include_reviewed=args.all)
    data: dict[str, Any] = {
        "open": sum(1 for i in items if i.open),
        "items": [i.to_json() for i in items],
    }
    io.emit(data, args.json, lambda: list_text(items))
    return 0


def cmd_resolve(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        item = overlaps.find(session, args.accused)
        overlaps.resolve(session, args.accused, args.decision, args.note)
    victims = ", ".join(v.code for v in item.open)
    text = (
        say(
            "Reviewed: the accused of case {case} and victim {victims} are the same person.",
            case=item.case_number,
            victims=victims,
        )
        if args.decision == "same"
        else say(
            "Reviewed: the accused of case {case} and victim {victims} are two different people.",
            case=item.case_number,
            victims=victims,
        )
    )
    io.emit(
        {"resolved": item.accused_id, "decision": args.decision, "case": item.case_number},
        args.json,
        text,
    )
    return 0


def register(sub: Any, add: Add) -> None:
    review = sub.add_parser(
        "review", help="victim/accused overlaps a supervisor reviews (non-criminalisation)"
    ).add_subparsers(dest="review_command", metavar="WHAT", required=True)
    p = add("list", cmd_list, "the accused who may be a victim of the same case", review)
    p.add_argument("--all", action="store_true", help="also list the reviewed ones")
    p = add("resolve", cmd_resolve, "record a supervisor's review of an overlap", review)
    p.add_argument("accused", metavar="ID", help="the accused's id (or its first 8 characters)")
    p.add_argument(
        "--decision",
        required=True,
        choices=overlaps.DECISIONS,
        help="different: two people; same: the same person (proceeding was reviewed)",
    )
    p.add_argument("--note", required=True, help="why, in a few words (kept in the audit log)")
