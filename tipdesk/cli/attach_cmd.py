"""Case files on the command line: ``attach`` and ``attachment list|get|remove|send|limits``.

``tipdesk attach CASE_ID FILE`` stores the file encrypted in the store (``--accused ID`` or
``--victim ID`` for one of the case's people); ``attachment get ID --out FILE`` writes a
decrypted copy where the user says (audited; a victim's file needs ``--reveal REASON``). The
names printed are the sanitised names the store keeps (:func:`tipdesk.core.attachments.clean_name`);
the file ``get`` writes is the one ``--out`` names, never one taken from the stored name.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tipdesk.cli import io
from tipdesk.cli.common import Add, InFile, OutFile, open_session
from tipdesk.core import attachments as A
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.services import attachments as files
from tipdesk.services.attachments import Attachment


def _json(item: Attachment) -> dict[str, Any]:
    return {
        "id": item.id,
        "about": item.about.value,
        "record_id": item.record_id,
        "case_id": item.case_id,
        "about_label": item.about_label,
        "kind": item.kind.value,
        "file_name": item.file_name,
        "note": item.note,
        "media_type": item.media_type,
        "size": item.size,
        "sha256": item.sha256,
        "added_at": item.added_at,
        "added_by": item.added_by,
        "victims_file": item.sealed,
        "send_to_hq": item.hq_requested,
        "sent_to_hq": item.hq_sent,
    }


def _line(item: Attachment) -> str:
    hq = "  [to HQ]" if item.hq_requested else ""
    return (
        f"{item.id}  {item.kind_label:18} {A.size_text(item.size):>9}  {item.type_label:22} "
        f"{item.about_label:28} {item.shown_name}{hq}"
    )


def cmd_attach(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        item = files.attach(
            session,
            Path(args.file),
            case_id=args.case_id,
            accused_id=args.accused,
            victim_id=args.victim,
            kind=args.kind,
            note=args.note or "",
        )
    io.emit(
        _json(item),
        args.json,
        lambda: (
            f"Attached {item.shown_name} ({item.type_label}, {A.size_text(item.size)}) "
            f"to {item.about_label.lower()} as {item.id}"
        ),
    )
    return 0


def cmd_list(args: argparse.Namespace, paths: Paths) -> int:
    if not (args.case_id or args.record):
        raise InvalidInput(say("Say whose files to list: a CASE_ID, or --record ID."))
    with open_session(args, paths) as session:
        if args.record:
            items = files.list_for_record(session, args.record)
        else:
            items = files.list_for_case(session, args.case_id)
    io.emit(
        [_json(i) for i in items],
        args.json,
        lambda: "\n".join(_line(i) for i in items) or "No case files.",
    )
    return 0


def cmd_get(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        item = files.get(session, args.id)
        written = files.save_copy(session, args.id, Path(args.out), reason=args.reveal)
    io.emit(
        {"id": item.id, "out": str(written), "size": item.size, "sha256": item.sha256},
        args.json,
        f"Wrote a decrypted copy of {item.shown_name} to {written} ({A.size_text(item.size)}).",
    )
    return 0


def cmd_remove(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        files.remove(session, args.id, args.reason)
    io.emit({"removed": args.id}, args.json, say("Removed case file {id}.", id=args.id))
    return 0


def cmd_send(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        item = files.send_to_hq(session, args.id)
    io.emit(
        _json(item),
        args.json,
        say("Case file {id} will go to HQ with the next export.", id=item.id),
    )
    return 0


def cmd_limits(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        if args.file_mb is not None or args.store_mb is not None:
            now = files.limits(session)
            files.set_limits(
                session,
                args.file_mb if args.file_mb is not None else now.max_file_mb,
                args.store_mb if args.store_mb is not None else now.max_store_mb,
            )
        use = files.usage(session)
    data = {
        "max_file_mb": use.limits.max_file_mb,
        "max_store_mb": use.limits.max_store_mb,
        "used_bytes": use.used,
    }
    io.emit(
        data,
        args.json,
        f"Files of at most {use.limits.max_file_mb} MB; all files together at most "
        f"{use.limits.max_store_mb} MB ({A.size_text(use.used)} used).",
    )
    return 0


def register(sub: Any, add: Add) -> None:
    kinds = [k.value for k in A.AttachmentKind]
    p = add("attach", cmd_attach, "attach a file (scan, photo, office document) to a case")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("file", metavar="FILE", type=InFile)
    p.add_argument("--kind", choices=kinds, default=A.AttachmentKind.OTHER.value)
    p.add_argument("--note", help=f"a few words about the file (at most {A.MAX_NOTE})")
    whose = p.add_mutually_exclusive_group()
    whose.add_argument("--accused", metavar="ID", help="attach to this accused of the case")
    whose.add_argument("--victim", metavar="ID", help="attach to this victim of the case")

    group = sub.add_parser("attachment", help="list, copy out, remove and send case files")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = add("list", cmd_list, "list a case's files (and its people's)", actions)
    p.add_argument("case_id", metavar="CASE_ID", nargs="?")
    p.add_argument("--record", metavar="ID", help="only the files of this accused or victim")
    p = add("get", cmd_get, "write a decrypted copy of a file (audited)", actions)
    p.add_argument("id")
    p.add_argument("--out", required=True, type=OutFile, help="the file to write")
    p.add_argument("--reveal", metavar="REASON", help="a victim's file: why you open it")
    p = add("remove", cmd_remove, "destroy a file's content (the description stays)", actions)
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p = add("send", cmd_send, "send a file to HQ with the next export", actions)
    p.add_argument("id")
    p = add("limits", cmd_limits, "show or set the size limits", actions)
    p.add_argument("--file-mb", type=int, help="the largest file, in MB")
    p.add_argument("--store-mb", type=int, help="all files together, in MB")
