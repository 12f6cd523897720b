"""``tipdesk case handover``, ``tipdesk case handovers`` and ``tipdesk hq handover``: handing
a case over to another district (:mod:`tipdesk.services.handover`)."""

from __future__ import annotations

import argparse
from typing import Any

from tipdesk.cli import io, language
from tipdesk.cli.common import Add, open_session
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.services import handover
from tipdesk.services.handover import Handover

_STATES = {
    "asked": "asked; waits for HQ",
    "moved": "moved by HQ",
    "received": "handed over to this district",
    "refused": "refused by HQ",
}


def _line(h: Handover) -> str:
    number = h.case_number or h.case_id
    when = (h.moved_at or h.asked_at)[:10]
    return (
        f"{number}: {h.from_name} -> {h.to_name}, {_STATES.get(h.state, h.state)} ({when}, "
        f"by {h.asked_by}). Reason: {h.reason}"
    )


def cmd_case_handover(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        done = handover.ask(session, args.id, args.to, args.reason)
    io.emit(
        done,
        args.json,
        lambda: (
            _line(done)
            + "\n"
            + language.text(
                say("The case is read-only here now; the next bundle takes the handover to HQ.")
            )
        ),
    )
    return 0


def cmd_hq_handover(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        done = handover.hq_move(session, args.id, args.to, args.reason)
    io.emit(
        done,
        args.json,
        lambda: (
            _line(done)
            + "\n"
            + language.text(
                say("{district} gets the case with its next receipt.", district=done.to_name)
            )
        ),
    )
    return 0


def cmd_case_handovers(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = handover.listed(session)
    io.emit(
        found,
        args.json,
        lambda: "\n".join(map(_line, found)) or language.text(say("No handovers.")),
    )
    return 0


def _handover_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="the case's id")
    p.add_argument("--to", required=True, metavar="DISTRICT", help="the receiving district's code")
    p.add_argument("--reason", required=True, help="why the case is handed over")


def add_case_actions(actions: Any, add: Add) -> None:
    """``case handover`` and ``case handovers`` (called by the ``case`` group)."""
    p = add("handover", cmd_case_handover, "hand a case over to another district", actions)
    _handover_args(p)
    add("handovers", cmd_case_handovers, "cases handed over from and to this install", actions)


def add_hq_action(hq: Any, add: Add) -> None:
    """``hq handover`` (called by the ``hq`` group)."""
    p = add("handover", cmd_hq_handover, "move a case to another district", hq)
    _handover_args(p)
