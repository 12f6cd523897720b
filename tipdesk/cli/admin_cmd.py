"""The audit log, backup and restore: ``audit``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from tipdesk.cli import io, language
from tipdesk.cli.common import Add, InFile, OutFileInNewFolder, open_session
from tipdesk.core.clock import SystemClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.services import audit_log
from tipdesk.services import backup as backup_service
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.services.sync import anchors


def _chain(args: argparse.Namespace) -> audit_log.Chain | None:
    """The ``--log`` asked for (``None``: the install's first: HQ's database when HQ keeps
    its records in PostgreSQL, else the store's own)."""
    return audit_log.Chain(args.log) if args.log else None


def cmd_audit_verify(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        result = audit_log.verify(session, _chain(args))
        # At a district, the chain against the anchor HQ holds of it (the latest receipt's).
        hq = anchors.compare_with_hq(session)
    data = {"ok": result.ok, "entries": result.entries, "problem": result.problem,
            "entry": result.bad_seq, "acknowledged_breaks": list(result.breaks)}  # fmt: skip
    if hq is not None:
        data["hq_anchor"] = {"entry": hq.entry, "matches": hq.matches, "message": hq.message}
    differs = hq is not None and hq.matches is False
    io.emit(
        data,
        args.json,
        lambda: (
            (
                f"Audit log verified: {result.entries:,} entries, chain intact."
                + "".join(f"\nRecorded break at {line}." for line in result.breaks)
                if result.ok
                else f"AUDIT LOG TAMPERED: {result.problem}."
            )
            + (f"\n{'AUDIT LOG DIFFERS FROM HQ: ' if differs else ''}{hq.message}" if hq else "")
        ),
    )
    return 0 if result.ok and not differs else 6


def cmd_audit_acknowledge(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = audit_log.acknowledge_break(session, args.reason)
    io.emit(
        {"acknowledged": found.problem, "log_ended_at": found.last_seq,
         "recorded_head": found.head_seq},
        args.json,
        f"Break recorded in the audit log ({found.problem}); it takes entries again.",
    )  # fmt: skip
    return 0


def cmd_audit_list(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        entries = audit_log.entries(
            session,
            after_seq=args.after,
            limit=args.limit,
            action=args.action,
            user=args.by,
            chain=_chain(args),
        )
    rows = [
        {"seq": e.seq, "at": e.at, "user": e.user, "action": e.action, "kind": e.kind,
         "record_id": e.record_id, "detail": e.detail}
        for e in entries
    ]  # fmt: skip
    io.emit(
        rows,
        args.json,
        lambda: "\n".join(
            f"#{e.seq:<6} {e.at} {e.user:12} {e.action:14} {e.kind} {e.record_id}" for e in entries
        ),
    )
    return 0


def cmd_backup(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        dest = backup_service.backup(session, Path(args.file))
    io.emit({"backup": str(dest)}, args.json, say("Backup written to {path}", path=dest))
    return 0


def cmd_restore(args: argparse.Namespace, paths: Paths) -> int:
    user = args.user or os.environ.get(io.ENV_USER)
    if not user:
        raise InvalidInput(say("Say which user of the backup signs in with --user NAME."))
    secret = io.passphrase(args.passphrase_file)
    current: Session | None = None
    if args.replace and session_service.store_exists(paths):
        # Replacing is the current store's decision: its own user signs in to it (audited
        # there), never a user of the backup.
        current = session_service.sign_in(paths, user=user, passphrase=secret, clock=SystemClock())
        current.close()
    backup_user = args.backup_user or user
    backup_secret = (
        io.read_secret_file(args.backup_passphrase_file) if args.backup_passphrase_file else secret
    )
    session = backup_service.restore(
        paths, Path(args.file), user=backup_user, passphrase=backup_secret, clock=SystemClock(),
        replace=args.replace, authorised_by=current,
    )  # fmt: skip
    new_device = backup_service.is_new_device(session)
    device = session.install.device_id
    session.close()
    text = language.text(say("Backup restored into {folder}", folder=paths.home))
    if new_device:
        text += "\n" + language.text(
            say(
                "This laptop is now a new sync device ({device}). Before HQ accepts its "
                "bundles, send HQ its device file (tipdesk device export --out FILE) to "
                "register; HQ may revoke the old device.",
                device=device,
            )
        )
    io.emit({"restored": str(paths.home), "new_device": new_device, "device": device},
            args.json, text)  # fmt: skip
    return 0


def register(sub: Any, add: Add) -> None:
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    log_help = (
        "which log, at an HQ keeping its records in PostgreSQL: 'database' (imports, record "
        "changes, reveals; the default there) or 'install' (this computer's sign-ins, users, "
        "settings)"
    )
    p = add("verify", cmd_audit_verify, "check the audit log's hash chain", audit)
    p.add_argument("--log", choices=[c.value for c in audit_log.Chain], help=log_help)
    p = add(
        "acknowledge",
        cmd_audit_acknowledge,
        "record a broken audit log (entries cut from its end) so it takes entries again (admins)",
        audit,
    )
    p.add_argument("--reason", required=True, help="why, for the record")
    p = add("list", cmd_audit_list, "list audit entries", audit)
    p.add_argument("--after", type=int, default=0, help="entries after this sequence number")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--action")
    p.add_argument("--by", help="only this user's entries")
    p.add_argument("--log", choices=[c.value for c in audit_log.Chain], help=log_help)

    p = add("backup", cmd_backup, "write an encrypted backup of the whole store")
    p.add_argument("file", type=OutFileInNewFolder)
    p = add("restore", cmd_restore, "restore an encrypted backup")
    p.add_argument("file", type=InFile)
    p.add_argument(
        "--replace",
        action="store_true",
        help="move an existing store aside first (--user signs in to the existing store)",
    )
    p.add_argument("--backup-user", help="the backup's user, when not the same as --user")
    p.add_argument(
        "--backup-passphrase-file", help="that user's passphrase, when not the same passphrase"
    )
