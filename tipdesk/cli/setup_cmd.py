"""Setting up an install, users and passphrases: ``init``, ``user``, ``passwd``, ``recover``."""

from __future__ import annotations

import argparse
from typing import Any

from tipdesk import APP_NAME
from tipdesk.cli import hq_pg_cmd, io
from tipdesk.cli.common import Add, InFile, open_session, user_name
from tipdesk.core.clock import SystemClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput, KnownError, StoreExists
from tipdesk.core.messages import say
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services import users


def cmd_init(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services.sync import hq_pg, hq_pg_tls  # the PostgreSQL driver, when used

    role = InstallRole(args.role)
    if session_service.store_exists(paths):
        raise StoreExists(
            say("A TIPDesk store already exists in {home}; nothing was changed.", home=paths.home)
        )
    if role is InstallRole.DISTRICT and not (args.district and args.office):
        raise InvalidInput(say("A district install needs --district and --office."))
    if args.database and role is not InstallRole.HQ:
        raise InvalidInput(say("Only an HQ install keeps its records in a PostgreSQL database."))
    if args.ca and not args.database:
        raise InvalidInput(say("--ca is the CA certificate of the --database server: give both."))
    if args.database:
        # Before anything is created: the URL, and the certificate file (read, kept by content).
        hq_pg.check_database_url(args.database, hq_pg_tls.read_ca(hq_pg_cmd.ca_path(args)))
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
    database: dict[str, object] | None = None
    if args.database:
        try:
            linked = hq_pg.configure(session, args.database, hq_pg_cmd.ca_path(args))
        except KnownError as exc:
            session.close()
            raise KnownError(
                say(
                    "The HQ store was created in {home}, but its database could not be set up: "
                    "{problem} Fix that, then run `tipdesk hq database URL`. The recovery key "
                    "is: {recovery}",
                    home=paths.home,
                    problem=exc.said or exc.message,
                    recovery=recovery,
                )
            ) from None
        database = {"schema_version": linked.version, "devices": linked.devices}
    info = {
        "home": str(paths.home),
        "role": role.value,
        "database": database,
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
    with open_session(args, paths) as session:
        new_secret = io.passphrase(
            args.new_passphrase_file,
            env=io.ENV_NEW_PASSPHRASE,
            prompt=f"Passphrase for {args.name}: ",
            confirm=True,
        )
        users.add_user(session, args.name, UserRole(args.role), new_secret)
    io.emit({"added": args.name, "role": args.role}, args.json, f"User {args.name} added.")
    return 0


def cmd_user_list(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = users.list_users(session)
    rows = [{"name": u.name, "role": u.role, "active": u.active} for u in found]
    io.emit(rows, args.json, lambda: "\n".join(f"{u.name:20} {u.role}" for u in found))
    return 0


def _rotation_text(rotation: users.KeyRotation) -> str:
    text = (
        f"The store was re-encrypted with a new key in {rotation.seconds:.1f} s; older key "
        "files and the old recovery key no longer open it.\n\nNEW RECOVERY KEY (shown only "
        f"now; write it down and keep it locked away):\n\n    {rotation.recovery_key}\n"
    )
    if rotation.dropped:
        text += (
            "\nThese users had not signed in since the upgrade and lost access; give them a "
            f"new passphrase: {', '.join(rotation.dropped)}\n"
        )
    return text


def _rotation_json(rotation: users.KeyRotation) -> dict[str, object]:
    return {
        "recovery_key": rotation.recovery_key,
        "dropped": list(rotation.dropped),
        "seconds": round(rotation.seconds, 3),
    }


def cmd_user_disable(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        rotation = users.disable_user(session, args.name)
    io.emit(
        {"disabled": args.name, **_rotation_json(rotation)},
        args.json,
        lambda: f"User {args.name} disabled.\n" + _rotation_text(rotation),
    )
    return 0


def cmd_user_rotate_keys(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        rotation = users.rotate_keys(session, reason=args.reason or "")
    io.emit(_rotation_json(rotation), args.json, lambda: _rotation_text(rotation))
    return 0


def cmd_user_enable(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        new_secret = io.passphrase(
            args.new_passphrase_file,
            env=io.ENV_NEW_PASSPHRASE,
            prompt=f"New passphrase for {args.name}: ",
            confirm=True,
        )
        users.enable_user(session, args.name, new_secret)
    io.emit({"enabled": args.name}, args.json, f"User {args.name} enabled with a new passphrase.")
    return 0


def cmd_passwd(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        old = io.passphrase(args.passphrase_file)
        new = io.passphrase(
            args.new_passphrase_file,
            env=io.ENV_NEW_PASSPHRASE,
            prompt="New passphrase: ",
            confirm=True,
        )
        session_service.change_passphrase(session, old, new)
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
        user=user_name(args, paths),
        new_passphrase=new,
        clock=SystemClock(),
    )
    session.close()
    io.emit({"reset": True}, args.json, "Passphrase reset with the recovery key.")
    return 0


def register(sub: Any, add: Add) -> None:
    p = add("init", cmd_init, "create a new encrypted store (district office or HQ)")
    p.add_argument("--role", choices=[r.value for r in InstallRole], required=True)
    p.add_argument("--district", help="district name or code (district installs)")
    p.add_argument("--office", help="office name or code: an FIA circle or your own office")
    p.add_argument(
        "--database",
        metavar="URL",
        help="HQ only: keep imported records in this PostgreSQL database (a libpq URL without "
        "password; see docs/install.md, HQ server)",
    )
    hq_pg_cmd.add_ca(p)

    users = sub.add_parser("user", help="manage users").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = add("add", cmd_user_add, "add a user (admins)", users)
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in UserRole])
    p.add_argument("--new-passphrase-file", type=InFile, help="the new user's passphrase")
    add("list", cmd_user_list, "list users", users)
    p = add(
        "disable",
        cmd_user_disable,
        "disable a user and rotate the keys; their passphrase and old key files stop working",
        users,
    )
    p.add_argument("name")
    p = add(
        "rotate-keys",
        cmd_user_rotate_keys,
        "re-encrypt the store with a new key and issue a new recovery key (admins; after a "
        "lost laptop or a leaked passphrase)",
        users,
    )
    p.add_argument("--reason", help="why, for the audit log")
    p = add("enable", cmd_user_enable, "enable a disabled user with a new passphrase", users)
    p.add_argument("name")
    p.add_argument("--new-passphrase-file", type=InFile, help="the user's new passphrase")

    p = add("passwd", cmd_passwd, "change your passphrase (the database is not re-encrypted)")
    p.add_argument("--new-passphrase-file", type=InFile)
    p = add("recover", cmd_recover, "set a new passphrase using the recovery key")
    p.add_argument("--recovery-key-file", type=InFile)
    p.add_argument("--new-passphrase-file", type=InFile)
