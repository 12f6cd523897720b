"""``tipdesk hq import-worker``: importer workers of the PostgreSQL HQ, taking the bundles the
receiver (``tipdesk hq serve``) stored in the database's inbox
(:mod:`tipdesk.services.sync.hq_inbox`); and the signed-in session both commands serve from."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from typing import Any

from tipdesk.cli import io
from tipdesk.cli.common import Add, user_name
from tipdesk.core.clock import SystemClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.sync import cpu_share
from tipdesk.services.sync import server as sync_server


def serving_session(
    args: argparse.Namespace, paths: Paths, *, importer: bool = True
) -> sync_server.StoreWorker:
    """The HQ session on its own thread (its PostgreSQL pool with it), logging set up;
    ``importer``: whether this process imports (and so opens the importer's database)."""
    user = user_name(args, paths)
    secret = io.passphrase(args.passphrase_file)
    # One line per refused request or dropped connection (tipdesk.serve), with uvicorn's own.
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr
    )
    return sync_server.StoreWorker(
        lambda: session_service.sign_in(paths, user=user, passphrase=secret, clock=SystemClock()),
        receiver_login=getattr(args, "receiver_login", None),
        importer_login=getattr(args, "importer_login", None),
        importer=importer,
    )


def add_login_options(p: Any, *, receiver: bool) -> None:
    """``--importer-login`` (and, for ``hq serve``, ``--receiver-login``): the database
    logins the PostgreSQL HQ's workers and receiver sign in as (docs/install.md, HQ server)."""
    p.add_argument(
        "--importer-login",
        metavar="ROLE",
        help="PostgreSQL HQ: sign the importer workers (and receipts) in as this login, a "
        "member of tipdesk_importer (default: the install's database user)",
    )
    if receiver:
        p.add_argument(
            "--receiver-login",
            metavar="ROLE",
            help="PostgreSQL HQ: store uploads in the inbox and serve the receipts the "
            "importers built, signed in as this login, a member of tipdesk_receiver (default: "
            "the importer's login); with --workers 0 this process opens no other login",
        )


def import_workers(worker: sync_server.StoreWorker, workers: int, niceness: int = 0) -> Any:
    """``workers`` importer threads over the serving session's HQ database (PostgreSQL), each
    at CPU priority lowered by ``niceness`` (:mod:`tipdesk.services.sync.cpu_share`)."""
    from tipdesk.services.sync import hq_inbox, hq_pg  # the PostgreSQL driver, only when used

    db = worker.database
    if db is None:
        raise InvalidInput(
            say(
                "Importer workers take bundles from the PostgreSQL HQ's inbox; this HQ keeps its "
                "records in its own store (see `tipdesk hq database`)."
            )
        )
    from tipdesk.services.sync import hq_pg_outbox

    return hq_inbox.ImportWorkers(
        db,
        lambda data: worker.call(lambda s: hq_pg.open_bundle(s, data, source="upload")),
        lambda: worker.call(lambda s: s.now()),
        workers=workers,
        niceness=niceness,
        # The workers build and sign the receipts; the receiver only serves them.
        receipts=lambda device: hq_pg_outbox.refresh(db, worker.call, device),
    )


def cmd_hq_import_worker(args: argparse.Namespace, paths: Paths) -> int:
    if args.workers < 1:
        raise InvalidInput(say("--workers must be 1 or more."))
    if not 0 <= args.nice <= 19:
        raise InvalidInput(say("--nice must be from 0 to 19."))
    worker = serving_session(args, paths)
    try:
        importers = import_workers(worker, args.workers, niceness=args.nice)
        if args.once:
            stats = importers.run_once()
        else:
            print(
                f"Importing bundles from the HQ database's inbox with {args.workers} "
                "worker(s) (Ctrl+C stops).",
                file=sys.stderr,  # stdout is for the summary (--json)
                flush=True,
            )
            importers.start()
            # systemctl stop (SIGTERM) as Ctrl+C: each worker finishes the bundle in hand.
            previous = signal.signal(signal.SIGTERM, lambda *_: importers.request_stop())
            try:
                importers.join()
            except KeyboardInterrupt:
                pass
            finally:
                importers.stop()
                signal.signal(signal.SIGTERM, previous)
            stats = importers.stats
    finally:
        worker.close()
    by_status: dict[str, int] = {}
    for item in stats.done:
        by_status[item.status] = by_status.get(item.status, 0) + 1
    io.emit(
        {"bundles": by_status, "failures": stats.failures},
        args.json,
        f"Imported {by_status.get('imported', 0)} bundle(s), "
        f"{by_status.get('duplicate', 0)} duplicate(s), {by_status.get('refused', 0)} "
        f"refused; {stats.failures} failure(s) to try again.",
    )
    return 1 if stats.failures else 0


def add_hq_action(hq: Any, add: Add) -> None:
    """``hq import-worker`` (called by the ``hq`` group)."""
    p = add(
        "import-worker",
        cmd_hq_import_worker,
        "import the bundles the receiver stored in the PostgreSQL HQ's inbox",
        hq,
    )
    p.add_argument("--workers", type=int, default=1, metavar="N", help="importer threads")
    p.add_argument(
        "--once", action="store_true", help="import what waits, then stop (else run until stopped)"
    )
    p.add_argument(
        "--nice",
        type=int,
        default=cpu_share.IMPORTER_NICENESS,
        metavar="N",
        help="lower the workers' CPU priority by N (0-19; default "
        f"{cpu_share.IMPORTER_NICENESS}) so that analysts' searches on the same host go first",
    )
    add_login_options(p, receiver=False)
