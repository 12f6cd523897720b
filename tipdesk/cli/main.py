"""``tipdesk`` command line: argument parsing and the commands.

Every command runs headless, prints one clear line on stderr on error (exit code non-zero) and
changes nothing then. ``--json`` gives machine-readable output on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tipdesk import APP_NAME, __version__
from tipdesk.cli import io
from tipdesk.core.clock import SystemClock
from tipdesk.core.codes import InstallRole, Stage
from tipdesk.core.errors import InvalidInput, KnownError, Problem, StoreExists, ValidationFailed
from tipdesk.core.permissions import Permission, UserRole
from tipdesk.core.records import RECORD_TYPES, Record, from_dict, to_dict
from tipdesk.paths import Paths, resolve_home
from tipdesk.services import backup as backup_service
from tipdesk.services import figures
from tipdesk.services import records as record_service
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KeyFile

Handler = Callable[[argparse.Namespace, Paths], int]
RECORD_COMMANDS = ("case", "victim", "training", "campaign")


# --- shared helpers --------------------------------------------------------------------------


def _user_name(args: argparse.Namespace, paths: Paths) -> str:
    """``--user``, else ``TIPDESK_USER``, else the key file's only user."""
    if args.user:
        return str(args.user)
    env = os.environ.get(io.ENV_USER)
    if env:
        return env
    if paths.keyfile.exists():
        names = KeyFile.load(paths.keyfile).users()
        if len(names) == 1:
            return names[0]
    raise InvalidInput(f"Say who you are with --user NAME (or set {io.ENV_USER}).")


def _open(args: argparse.Namespace, paths: Paths) -> Session:
    user = _user_name(args, paths)
    if not paths.keyfile.exists():
        # Fail before asking for a passphrase that could not be used.
        session_service.sign_in(paths, user=user, passphrase="", clock=SystemClock())
    secret = io.passphrase(args.passphrase_file)
    return session_service.sign_in(paths, user=user, passphrase=secret, clock=SystemClock())


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD).") from None


def _load_json_file(path: str) -> Any:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path} is not valid JSON ({exc}).") from None


# --- setup and users -------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, paths: Paths) -> int:
    role = InstallRole(args.role)
    if session_service.store_exists(paths):
        raise StoreExists(f"A TIPDesk store already exists in {paths.home}; nothing was changed.")
    if role is InstallRole.DISTRICT and not (args.district and args.office):
        raise InvalidInput("A district install needs --district and --office.")
    secret = io.passphrase(args.passphrase_file, prompt="New passphrase: ", confirm=True)
    session, recovery = session_service.init_install(
        paths,
        role=role,
        user=args.user or "",
        passphrase=secret,
        clock=SystemClock(),
        district=args.district or "",
        office=args.office or "",
    )
    info = {
        "home": str(paths.home),
        "role": role.value,
        "district": session.install.district,
        "office": session.install.office,
        "user": session.user.name,
        "device_id": session.install.device_id,
        "recovery_key": recovery,
    }
    session.close()
    io.emit(
        info,
        args.json,
        lambda: (
            f"{APP_NAME} store created in {paths.home} ({role.value}"
            + (f", {info['district']}, {info['office']}" if info["district"] else "")
            + ").\n\nRECOVERY KEY (shown only now; write it down and keep it locked away):\n\n"
            f"    {recovery}\n\nIt opens the store if every passphrase is forgotten."
        ),
    )
    return 0


def cmd_user_add(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        new_secret = io.passphrase(
            args.new_passphrase_file,
            env=io.ENV_NEW_PASSPHRASE,
            prompt=f"Passphrase for {args.name}: ",
            confirm=True,
        )
        session_service.add_user(session, args.name, UserRole(args.role), new_secret)
    finally:
        session.close()
    io.emit({"added": args.name, "role": args.role}, args.json, f"User {args.name} added.")
    return 0


def cmd_user_list(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        session.require(Permission.VIEW)
        users = session.store.users()
    finally:
        session.close()
    rows = [{"name": u.name, "role": u.role, "active": u.active} for u in users]
    io.emit(rows, args.json, lambda: "\n".join(f"{u.name:20} {u.role}" for u in users))
    return 0


def cmd_passwd(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        old = io.passphrase(args.passphrase_file)
        new = io.passphrase(
            args.new_passphrase_file,
            env=io.ENV_NEW_PASSPHRASE,
            prompt="New passphrase: ",
            confirm=True,
        )
        session_service.change_passphrase(session, old, new)
    finally:
        session.close()
    io.emit({"changed": True}, args.json, "Passphrase changed.")
    return 0


def cmd_recover(args: argparse.Namespace, paths: Paths) -> int:
    if args.recovery_key_file:
        key_text = io.read_secret_file(args.recovery_key_file)
    else:
        key_text = io.passphrase(None, env="TIPDESK_RECOVERY_KEY", prompt="Recovery key: ")
    new = io.passphrase(
        args.new_passphrase_file, env=io.ENV_NEW_PASSPHRASE, prompt="New passphrase: ",
        confirm=True,
    )  # fmt: skip
    session = session_service.sign_in_with_recovery(
        paths,
        recovery_key=key_text,
        user=_user_name(args, paths),
        new_passphrase=new,
        clock=SystemClock(),
    )
    session.close()
    io.emit({"reset": True}, args.json, "Passphrase reset with the recovery key.")
    return 0


# --- records ---------------------------------------------------------------------------------


def cmd_record_add(args: argparse.Namespace, paths: Paths) -> int:
    kind = args.kind
    data = _load_json_file(args.file)
    items = data if isinstance(data, list) else [data]
    records: list[Record] = []
    problems: list[Problem] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidInput(f"{args.file}: item {i} is not a JSON object.")
        record, found = from_dict(RECORD_TYPES[kind], item)
        prefix = f"[{i}]." if len(items) > 1 else ""
        problems += [Problem(prefix + p.field, p.rule, p.message) for p in found]
        records.append(record)
    if problems:
        raise ValidationFailed(problems, kind)
    session = _open(args, paths)
    try:
        record_service.save(session, records)
    finally:
        session.close()
    ids = [r.id for r in records]
    io.emit(
        {"saved": ids, "kind": kind},
        args.json,
        lambda: "\n".join(f"Saved {kind} {r.id}" for r in records),
    )
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
    session = _open(args, paths)
    try:
        rows = record_service.page(
            session,
            kind,
            filters=filters,
            date_from=args.date_from,
            date_to=args.date_to,
            limit=args.limit,
        )
    finally:
        session.close()
    io.emit(
        [_summary(r) for r in rows],
        args.json,
        lambda: "\n".join(_line(kind, r) for r in rows) or f"No {kind} records.",
    )
    return 0


def cmd_record_show(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        if args.reveal:
            if args.kind != "victim":
                raise InvalidInput("--reveal applies to victims only.")
            record: Record = record_service.reveal_victim(session, args.id, args.reveal)
        else:
            record = record_service.get(session, args.kind, args.id)
    finally:
        session.close()
    data = to_dict(record)
    io.emit(data, args.json, lambda: json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def cmd_search(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        hits = record_service.search(session, args.text, limit=args.limit)
    finally:
        session.close()
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
    session = _open(args, paths)
    try:
        data = figures.stats(session, _date(args.date_from), _date(args.date_to))
    finally:
        session.close()
    io.emit(data, args.json, lambda: _stats_text(data))
    return 0


def _stats_text(data: dict[str, Any]) -> str:
    labels = [
        ("cases_registered", "Cases registered"),
        ("accused_proceeded_against", "Accused proceeded against"),
        ("accused_convicted", "Accused convicted"),
        ("victims_identified", "Victims identified"),
        ("persons_trained", "Persons trained"),
        ("training_sessions", "Training sessions"),
        ("awareness_campaigns", "Awareness campaigns"),
        ("people_reached", "People reached"),
    ]
    period = data["period"]
    out = [
        f"Figures from {period['from']} to {period['to']}"
        if period["from"]
        else f"All figures up to {period['to']}"
    ]
    out += [f"  {label:28} {data[key]:>10,}" for key, label in labels]
    gender = ", ".join(f"{k} {v:,}" for k, v in data["victims_by_gender"].items()) or "none"
    age = ", ".join(f"{k} {v:,}" for k, v in data["victims_by_age_group"].items())
    out += [f"  {'Victims by gender':28} {gender}", f"  {'Victims by age group':28} {age}"]
    return "\n".join(out)


def cmd_demo(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services import demo as demo_service  # heavy generator: load only when used

    session = _open(args, paths)
    try:
        counts = demo_service.fill(session, seed=args.seed, cases=args.cases)
    finally:
        session.close()
    io.emit(
        counts,
        args.json,
        lambda: "Demo data added: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()),
    )
    return 0


# --- audit, backup ---------------------------------------------------------------------------


def cmd_audit_verify(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        session.require(Permission.AUDIT)
        result = session.store.verify_audit()
    finally:
        session.close()
    data = {"ok": result.ok, "entries": result.entries, "problem": result.problem,
            "entry": result.bad_seq}  # fmt: skip
    io.emit(
        data,
        args.json,
        lambda: (
            f"Audit log verified: {result.entries:,} entries, chain intact."
            if result.ok
            else f"AUDIT LOG TAMPERED: {result.problem}."
        ),
    )
    return 0 if result.ok else 6


def cmd_audit_list(args: argparse.Namespace, paths: Paths) -> int:
    session = _open(args, paths)
    try:
        session.require(Permission.AUDIT)
        entries = session.store.audit_entries(
            after_seq=args.after, limit=args.limit, action=args.action, user=args.by
        )
    finally:
        session.close()
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
    session = _open(args, paths)
    try:
        dest = backup_service.backup(session, Path(args.file))
    finally:
        session.close()
    io.emit({"backup": str(dest)}, args.json, f"Backup written to {dest}")
    return 0


def cmd_restore(args: argparse.Namespace, paths: Paths) -> int:
    user = args.user or os.environ.get(io.ENV_USER)
    if not user:
        raise InvalidInput("Say which user of the backup signs in with --user NAME.")
    secret = io.passphrase(args.passphrase_file)
    session = backup_service.restore(
        paths, Path(args.file), user=user, passphrase=secret, clock=SystemClock(),
        replace=args.replace,
    )  # fmt: skip
    session.close()
    io.emit({"restored": str(paths.home)}, args.json, f"Backup restored into {paths.home}")
    return 0


# --- parser ----------------------------------------------------------------------------------


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--home", help="data folder (default: TIPDESK_HOME or the user data folder)")
    p.add_argument("--user", help="who signs in (default: TIPDESK_USER or the only user)")
    p.add_argument("--passphrase-file", help="read the passphrase from this file")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tipdesk",
        description=f"{APP_NAME} {__version__}: anti-trafficking case, victim, training and "
        "awareness register. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str, parent: Any = sub) -> Any:
        p = parent.add_parser(name, help=help_text, description=help_text)
        _common(p)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "create a new encrypted store (district office or HQ)")
    p.add_argument("--role", choices=[r.value for r in InstallRole], required=True)
    p.add_argument("--district", help="district name or code (district installs)")
    p.add_argument("--office", help="office name or code: an FIA circle or your own office")

    users = sub.add_parser("user", help="manage users").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = add("add", cmd_user_add, "add a user (admins)", users)
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in UserRole])
    p.add_argument("--new-passphrase-file", help="the new user's passphrase")
    add("list", cmd_user_list, "list users", users)

    p = add("passwd", cmd_passwd, "change your passphrase (the database is not re-encrypted)")
    p.add_argument("--new-passphrase-file")
    p = add("recover", cmd_recover, "set a new passphrase using the recovery key")
    p.add_argument("--recovery-key-file")
    p.add_argument("--new-passphrase-file")

    for kind in RECORD_COMMANDS:
        group = sub.add_parser(kind, help=f"add, list and show {kind} records")
        actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
        p = add("add", cmd_record_add, f"add or update {kind} records from a JSON file", actions)
        p.add_argument("--file", required=True, help="a JSON object, or a list of them")
        p.set_defaults(kind=kind)
        p = add("list", cmd_record_list, f"list {kind} records, newest first", actions)
        p.set_defaults(kind=kind)
        if kind == "case":
            p.add_argument("--stage", choices=[s.value for s in Stage])
        p.add_argument("--district", help="district code")
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

    p = add("search", cmd_search, "full-text search over case numbers, names, CNICs, narratives")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)

    p = add("stats", cmd_stats, "headline figures for a period")
    p.add_argument("--from", dest="date_from", help="from date (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", help="to date (YYYY-MM-DD)")

    p = add("demo", cmd_demo, "fill the store with realistic synthetic data")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cases", type=int, default=200)

    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    add("verify", cmd_audit_verify, "check the audit log's hash chain", audit)
    p = add("list", cmd_audit_list, "list audit entries", audit)
    p.add_argument("--after", type=int, default=0, help="entries after this sequence number")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--action")
    p.add_argument("--by", help="only this user's entries")

    p = add("backup", cmd_backup, "write an encrypted backup of the whole store")
    p.add_argument("file")
    p = add("restore", cmd_restore, "restore an encrypted backup")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="move an existing store aside first")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run a command; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    paths: Paths | None = None
    try:
        paths = resolve_home(args.home)
    except KnownError as exc:
        print(f"tipdesk: error: {exc}", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    resolved = paths
    return io.run_guarded(lambda: handler(args, resolved), paths, args.json)


__all__ = ["build_parser", "run"]
