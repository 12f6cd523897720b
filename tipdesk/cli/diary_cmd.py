"""The diary and printouts: ``diary list|add|done|reopen`` and ``print case|referral|cause-list``.

``diary list`` shows what is overdue and what falls due in the coming days (hearings not yet
recorded, investigation and challan deadlines, referral follow-ups); each line ends with the
item's key, which ``diary done`` takes. Printouts are written atomically, readable by the user
only (mode 0600).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from tipdesk.cli import io
from tipdesk.cli.common import Add, OutFile, open_session, parse_date
from tipdesk.core.codes import HearingPurpose
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.records import Hearing
from tipdesk.paths import Paths
from tipdesk.services import diary, printouts
from tipdesk.services.diary import DiaryItem, Section

DEFAULT_DAYS = 7
MAX_DAYS = 366


def parse_days(text: str) -> int:
    """``7d``, ``2w`` or ``10`` as a number of days (0 to 366)."""
    found = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", text or "")
    if not found:
        raise InvalidInput(
            say("{value} is not a number of days (e.g. 7d or 2w).", value=repr(text[:20]))
        )
    days = int(found.group(1)) * (7 if found.group(2) == "w" else 1)
    if days > MAX_DAYS:
        raise InvalidInput(say("--due looks at most {most} days ahead.", most=MAX_DAYS))
    return days


def _required_date(text: str, option: str) -> dt.date:
    day = parse_date(text)
    if day is None:
        raise InvalidInput(say("{option} needs a date (YYYY-MM-DD).", option=option))
    return day


def _purpose(text: str | None) -> HearingPurpose | None:
    if text is None:
        return None
    return HearingPurpose(text)


def _item_json(item: DiaryItem) -> dict[str, Any]:
    return {
        "key": item.key,
        "kind": item.kind,
        "rule": item.rule,
        "due_on": item.due_on.isoformat(),
        "overdue": item.overdue,
        "title": item.title,
        "case_id": item.case_id,
        "case_number": item.case_number,
        "officer": item.officer,
        "subject": item.subject,
        "court": item.court,
    }


def _line(item: DiaryItem) -> str:
    when = "overdue " if item.overdue else "due     "
    what = item.title + (f" ({item.subject})" if item.subject else "")
    if item.court:
        what += f", {item.court}"
    officer = item.officer or "no officer named"
    return (
        f"{item.due_on.isoformat()}  {when} {what}  |  {item.case_number or '-'}  |  {officer}"
        f"  [{item.key}]"
    )


def _section_text(title: str, section: Section) -> list[str]:
    more = "+" if section.more else ""
    lines = [f"{title} ({section.total:,}{more})"]
    lines += [f"  {_line(i)}" for i in section.items]
    if section.total > len(section.items):
        lines.append(f"  ... and {section.total - len(section.items):,}{more} more (--limit)")
    return lines


def cmd_diary_list(args: argparse.Namespace, paths: Paths) -> int:
    days = parse_days(args.due) if args.due is not None else DEFAULT_DAYS
    with open_session(args, paths) as session:
        today = session.clock.now().date()
        parts: list[tuple[str, Section]] = []
        filters = {"office": args.office, "officer": args.officer, "limit": args.limit}
        if args.overdue or args.due is None:
            parts.append(("Overdue", diary.overdue(session, **filters)))
        if not args.overdue or args.due is not None:
            ahead = today + dt.timedelta(days=days)
            coming = diary.items(session, date_from=today, date_to=ahead, **filters)
            parts.append((f"Due from {today.isoformat()} to {ahead.isoformat()}", coming))
    data = {
        "today": today.isoformat(),
        "sections": [
            {"title": title, "total": s.total, "more": s.more,
             "items": [_item_json(i) for i in s.items]}
            for title, s in parts
        ],
    }  # fmt: skip
    io.emit(data, args.json, lambda: "\n".join(ln for t, s in parts for ln in _section_text(t, s)))
    return 0


def cmd_diary_add(args: argparse.Namespace, paths: Paths) -> int:
    hearing = Hearing(
        case_id=args.case_id,
        accused_id=args.accused or "",
        hearing_on=_required_date(args.on, "--on"),
        court=args.court,
        purpose=_purpose(args.purpose) or HearingPurpose.OTHER,
        proceedings=args.what or "",
        done=args.what is not None,
        next_on=parse_date(args.next),
    )
    with open_session(args, paths) as session:
        saved = diary.save_hearing(session, hearing, next_purpose=_purpose(args.next_purpose))
    return _emit_saved(args, saved)


def _emit_saved(args: argparse.Namespace, saved: diary.Saved) -> int:
    h, nxt = saved.hearing, saved.next_hearing
    data: dict[str, Any] = {"hearing": h.id, "key": f"hearing:{h.id}", "done": h.done}
    lines = [f"Saved hearing {h.id} ({h.hearing_on}, {h.court})"]
    if nxt is not None:
        data["next_hearing"] = nxt.id
        lines.append(f"Next hearing {nxt.id} on {nxt.hearing_on} ({nxt.court})")
    io.emit(data, args.json, "\n".join(lines))
    return 0


def cmd_diary_done(args: argparse.Namespace, paths: Paths) -> int:
    rule, record_id = diary.parse_key(args.key)
    next_on = parse_date(args.next)
    with open_session(args, paths) as session:
        if rule == "hearing":
            if not args.what:
                raise InvalidInput(
                    say(
                        "Say what happened at the hearing with --what (and --next DATE when the "
                        "court gave a next date)."
                    )
                )
            saved = diary.record_outcome(
                session,
                record_id,
                version=None,
                proceedings=args.what,
                next_on=next_on,
                next_purpose=_purpose(args.next_purpose),
                next_court=args.court,
            )
            return _emit_saved(args, saved)
        if args.what or args.next_purpose or args.court:
            raise InvalidInput(say("--what, --next-purpose and --court are for hearings only."))
        diary.mark_done(session, args.key, next_on=next_on)
    text = (
        say("Done: {key} (due again on {day})", key=args.key, day=next_on.isoformat())
        if next_on
        else say("Done: {key}", key=args.key)
    )
    io.emit({"done": args.key, "next_on": next_on.isoformat() if next_on else None},
            args.json, text)  # fmt: skip
    return 0


def cmd_diary_reopen(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        reopened = diary.reopen(session, args.key)
    text = (
        say("Reopened: {key}", key=args.key)
        if reopened
        else say("{key} was not marked done.", key=args.key)
    )
    io.emit({"reopened": reopened, "key": args.key}, args.json, text)
    return 0


# --- printouts -------------------------------------------------------------------------------


def _written(args: argparse.Namespace, out: printouts.Printout) -> int:
    printouts.save_pdf(Path(args.out), out.data)
    io.emit(
        {"written": str(args.out), "bytes": len(out.data), "title": out.title},
        args.json,
        f"Wrote {out.title} to {args.out} ({len(out.data):,} bytes)",
    )
    return 0


def cmd_print_case(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        out = printouts.case_summary(session, args.id, reveal_reason=args.reveal)
    return _written(args, out)


def cmd_print_referral(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        out = printouts.referral_letter(
            session, args.victim_id, args.service, reveal_reason=args.reveal
        )
    return _written(args, out)


def cmd_print_cause_list(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        week = parse_date(args.week) or session.clock.now().date()
        out = printouts.cause_list(session, week, office=args.office)
    return _written(args, out)


def register(sub: Any, add: Add) -> None:
    purposes = [p.value for p in HearingPurpose]
    group = sub.add_parser("diary", help="hearings and deadlines: what is due, what is overdue")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = add("list", cmd_diary_list, "what is overdue and what falls due soon", actions)
    p.add_argument(
        "--due", metavar="DAYS", help="due within DAYS from today: 7d (the default), 2w, 30"
    )
    p.add_argument("--overdue", action="store_true", help="only what is overdue")
    p.add_argument("--officer", metavar="NAME", help="of this investigating officer")
    p.add_argument("--office", metavar="CODE", help="of this office's cases")
    p.add_argument("--limit", type=int, default=200, help="items per part (default 200)")

    p = add("add", cmd_diary_add, "add a court hearing to a case", actions)
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--on", required=True, metavar="DATE", help="date of the hearing")
    p.add_argument("--court", required=True, help="the court")
    p.add_argument("--purpose", choices=purposes, default="other")
    p.add_argument("--accused", metavar="ACCUSED_ID", help="a hearing of one accused")
    p.add_argument("--what", metavar="TEXT", help="what happened (records it as held)")
    p.add_argument("--next", metavar="DATE", help="the next date (makes the next hearing)")
    p.add_argument("--next-purpose", choices=purposes, help="purpose of the next hearing")

    p = add("done", cmd_diary_done, "record a hearing's outcome or mark a deadline done", actions)
    p.add_argument("key", metavar="KEY", help="the item's key, as `diary list` shows it")
    p.add_argument("--what", metavar="TEXT", help="a hearing: what happened")
    p.add_argument(
        "--next", metavar="DATE", help="a hearing: the next date; a deadline: when it is due again"
    )
    p.add_argument("--next-purpose", choices=purposes, help="a hearing: the next one's purpose")
    p.add_argument("--court", help="a hearing: the next one's court, when it changes")

    p = add("reopen", cmd_diary_reopen, "undo marking a deadline done", actions)
    p.add_argument("key", metavar="KEY")

    group = sub.add_parser("print", help="printouts as PDF: case summary, referral letter, ...")
    kinds = group.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    p = add("case", cmd_print_case, "a case summary to hand over", kinds)
    p.add_argument("id", metavar="CASE_ID")
    p.add_argument("--out", required=True, type=OutFile, metavar="FILE", help="the PDF to write")
    p.add_argument(
        "--reveal", metavar="REASON", help="print victims' names (needs the permission; audited)"
    )
    p = add("referral", cmd_print_referral, "a referral letter for a victim to a service", kinds)
    p.add_argument("victim_id", metavar="VICTIM_ID")
    p.add_argument("--service", required=True, help="shelter, medical, legal_aid, ...")
    p.add_argument("--out", required=True, type=OutFile, metavar="FILE", help="the PDF to write")
    p.add_argument(
        "--reveal", metavar="REASON", help="print the victim's name (needs the permission)"
    )
    p = add("cause-list", cmd_print_cause_list, "the hearings of a week, court by court", kinds)
    p.add_argument("--week", metavar="DATE", help="first day of the week (default: today)")
    p.add_argument("--office", metavar="CODE", help="only this office's cases")
    p.add_argument("--out", required=True, type=OutFile, metavar="FILE", help="the PDF to write")
