"""Sync between districts and HQ: ``keys``, ``enroll``, ``device``, ``sync`` and ``hq``.

District: ``keys show``, ``device export``, ``enroll``,
``sync export|receipt|status|notices|configure|upload``.
HQ: ``keys show|export``, ``device register|revoke|list``,
``hq import|conflicts|resolve|receipts|devices|coverage|recheck|serve``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tipdesk.cli import handover_cmd, hq_pg_cmd, hq_worker_cmd, io, language
from tipdesk.cli.common import (
    Add,
    InFile,
    InFolder,
    OutFile,
    OutFolder,
    open_session,
    parse_date,
)
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.services import reference_updates
from tipdesk.services import reports as reports_service
from tipdesk.services import sync as sync_service
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload
from tipdesk.store.sync_store import DeviceRow
from tipdesk.sync.bundle import short_device


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {kind}" for kind, n in sorted(counts.items()) if n) or "nothing"


def _confirm(args: argparse.Namespace, question: str) -> None:
    """Ask on a terminal; elsewhere ``--yes`` is the confirmation."""
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise InvalidInput(
            say("Check the fingerprint above, then confirm with --yes. Nothing was changed.")
        )
    answer = input(f"{question} [y/N] ").strip().casefold()
    if answer not in ("y", "yes"):
        raise InvalidInput(say("Not confirmed. Nothing was changed."))


# --- keys and enrolment -------------------------------------------------------------------------
def cmd_keys_show(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        info = sync_service.keys_info(session)
    lines = [
        f"This install ({info.role}, device {info.device_id}):",
        f"  fingerprint  {info.fingerprint}",
        f"  age key      {info.recipient}",
    ]
    if info.hq_fingerprint:
        lines.append(f"Enrolled with HQ: fingerprint {info.hq_fingerprint}")
    io.emit(info, args.json, "\n".join(lines))
    return 0


def cmd_keys_export(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = sync_service.export_enrolment(
            session, Path(args.out), args.backup_recipient if args.backup_recipient else None
        )
    data = {
        "file": args.out,
        "fingerprint": found.hq.fingerprint,
        "backup_recipients": list(found.backup_recipients),
    }
    io.emit(
        data,
        args.json,
        f"HQ enrolment file written to {args.out}\nFingerprint: "
        f"{found.hq.fingerprint} (districts check it when they enroll)",
    )
    return 0


def cmd_enroll(args: argparse.Namespace, paths: Paths) -> int:
    found = sync_service.read_enrolment(Path(args.file))
    if not args.json:
        print(
            f"HQ enrolment file: HQ device {found.hq.device_id}\n"
            f"  fingerprint {found.hq.fingerprint}\n"
            f"  backup recipients: {len(found.backup_recipients)}\n"
            "Compare the fingerprint with the one HQ gave you (phone or paper)."
        )
    _confirm(args, "Does the fingerprint match the one HQ gave you?")
    with open_session(args, paths) as session:
        sync_service.enroll(session, Path(args.file))
    io.emit(
        {"enrolled": True, "hq_device": found.hq.device_id, "fingerprint": found.hq.fingerprint},
        args.json,
        "Enrolled: bundles now go to this HQ.",
    )
    return 0


# --- devices ------------------------------------------------------------------------------------
def _device_json(d: DeviceRow) -> dict[str, Any]:
    return {
        "device_id": d.device_id,
        "district": d.district,
        "office": d.office,
        "fingerprint": d.fingerprint,
        "registered_at": d.registered_at,
        "registered_by": d.registered_by,
        "revoked_at": d.revoked_at,
    }


def cmd_device_export(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = sync_service.export_device_file(session, Path(args.out))
    io.emit(
        {
            "file": args.out,
            "device_id": found.device.device_id,
            "fingerprint": found.device.fingerprint,
        },
        args.json,
        f"Device file written to {args.out}\nFingerprint: {found.device.fingerprint} "
        "(HQ checks it when it registers this device)",
    )
    return 0


def cmd_device_register(args: argparse.Namespace, paths: Paths) -> int:
    found = sync_service.read_device_file(Path(args.file))
    if not args.json:
        print(
            f"Device file: device {found.device.device_id}, district {found.district}, "
            f"office {found.office_code}\n  fingerprint {found.device.fingerprint}\n"
            "Compare the fingerprint with the one the district gave you."
        )
    _confirm(args, "Does the fingerprint match the one the district gave you?")
    with open_session(args, paths) as session:
        row = sync_service.register_device(session, Path(args.file))
    io.emit(
        _device_json(row),
        args.json,
        say("Device {device} ({district}) registered.", device=row.device_id,
            district=row.district),
    )  # fmt: skip
    return 0


def cmd_device_revoke(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        row = sync_service.revoke_device(session, args.id)
    io.emit(
        _device_json(row),
        args.json,
        f"Device {row.device_id} ({row.district}) revoked: its bundles are refused.",
    )
    return 0


def cmd_device_list(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        rows = sync_service.list_devices(session)
    io.emit(
        [_device_json(d) for d in rows],
        args.json,
        lambda: (
            "\n".join(
                f"{d.device_id}  {d.district:8} {d.office:16} {d.fingerprint}"
                + (f"  REVOKED {d.revoked_at}" if d.revoked_at else "")
                for d in rows
            )
            or "No devices registered."
        ),
    )
    return 0


# --- district sync ------------------------------------------------------------------------------
def cmd_sync_export(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        result = sync_service.export_bundle(session, Path(args.out))
    data = {
        "file": str(result.path) if result.path else None,
        "seq": result.seq,
        "counts": result.counts,
        "outbox": list(result.pending),
        "files": [
            {"seq": f.seq, "file": str(f.path), "new": f.new, "counts": f.counts}
            for f in result.files
        ],
        "identity_waiting": [v.victim_code for v in result.waiting],
        "case_files": [
            {"attachment": f.attachment_id, "file": str(f.path), "bytes": f.size}
            for f in result.case_files
        ],
        "case_files_waiting": [{"attachment": i, "why": why} for i, why in result.files_waiting],
    }

    def text() -> str:
        lines = []
        if result.path is None:
            lines.append("Nothing new to export since the last bundle.")
        if result.waiting:
            lines.append(
                f"{len(result.waiting)} consenting victim(s) wait (their identity cannot be "
                "sealed for HQ until a supervisor or an admin signs in here): "
                + ", ".join(v.victim_code for v in result.waiting)
            )
        for f in result.files:
            if f.new:
                lines.append(f"{f.path}\nBundle {f.seq}: {_counts(f.counts)}.")
            else:
                lines.append(
                    f"{f.path}\nBundle {f.seq} again: HQ has not acknowledged it yet "
                    f"({_counts(f.counts)})."
                )
        if not result.files:
            lines.append("HQ has acknowledged every bundle; no file was written.")
        elif result.path is None:
            lines.append(
                f"{len(result.files)} bundle(s) waiting for HQ's receipt written to {args.out}."
            )
        for c in result.case_files:
            lines.append(
                f"{c.path}\nCase file {c.attachment_id} for HQ (sealed, {c.size:,} bytes)."
            )
        for i, why in result.files_waiting:
            lines.append(f"Case file {i} marked for HQ waits: {why}.")
        return "\n".join(lines)

    io.emit(data, args.json, text)
    return 0


def cmd_sync_receipt(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        r = sync_service.import_receipt(session, Path(args.file))
        titles = sync_service.record_titles(
            session, [(str(q.get("kind")), str(q.get("record_id"))) for q in r.quarantined]
        )
    data = {
        "serial": r.serial,
        "status": r.status,
        "highest_seq": r.highest_seq,
        "acked_change": r.acked_change,
        "acknowledged": list(r.acknowledged),
        "gaps": r.gaps,
        "quarantined": r.quarantined,
        "conflicts": r.conflicts,
        "bundles": r.bundles,
        "records_back": [{**io.to_json(c), "line": c.line} for c in r.records_back],
        "more_back": r.more_back,
        "notices": [{**io.to_json(n), "line": n.line} for n in r.notices],
        "case_files_sent": list(r.files_confirmed),
    }

    def text() -> str:
        if r.status != "imported":
            return f"Receipt {r.serial} was already imported, or is older; nothing changed."
        lines = [f"Receipt {r.serial}: HQ holds every bundle up to {r.highest_seq}."]
        if r.acknowledged:
            lines.append(f"Acknowledged: bundles {', '.join(map(str, r.acknowledged))}.")
        if r.files_confirmed:
            lines.append(f"HQ holds case file(s) {', '.join(r.files_confirmed)}: marked sent.")
        if r.gaps:
            lines.append(f"HQ is missing bundles {', '.join(map(str, r.gaps))}: send them again.")
        for q in r.quarantined:
            why = "; ".join(f"{p['field']}: {p['message']}" for p in q.get("problems", []))
            kind, record_id = str(q.get("kind")), str(q.get("record_id"))
            title = titles.get((kind, record_id))
            named = f"{kind} {title} ({record_id})" if title else f"{kind} {record_id}"
            lines.append(f"Quarantined at HQ: {named}: {why}")
        if r.conflicts:
            n = len(r.conflicts)
            lines.append(f"{n} record{'' if n == 1 else 's'} in conflict with HQ's corrections.")
        if r.records_back:
            lines.append("Back from HQ:")
            lines += [f"  {c.line}" for c in r.records_back]
        if r.more_back:
            lines.append(
                "HQ has more records for this district: export a bundle (it confirms these) "
                "and import HQ's next receipt."
            )
        if r.notices:
            n = len(r.notices)
            lines.append(f"{n} notice{'' if n == 1 else 's'} from HQ: see `tipdesk sync notices`.")
        told = {
            "received": "handed over to this district",
            "moved": "handed over by this district, moved by HQ (read-only here)",
            "refused": "handover refused by HQ (editable here again)",
        }
        for key, what in told.items():
            if r.handovers.get(key):
                lines.append(f"Cases {what}: {len(r.handovers[key])} (`tipdesk case handovers`).")
        if r.reference is not None and r.reference.installed:
            lines.append(
                f"HQ's reference update {r.reference.revision} installed: "
                f"{', '.join(r.reference.files)}."
            )
        elif r.reference is not None:
            lines.append(f"HQ's reference update was not installed: {r.reference.problem}")
        return "\n".join(lines)

    if r.reference is not None:
        data["reference"] = {
            "revision": r.reference.revision,
            "files": list(r.reference.files),
            "installed": r.reference.installed,
            "problem": r.reference.problem,
        }
    io.emit(data, args.json, text)
    return 0


def cmd_reference_show(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        data = reference_updates.status(session)
    if not data.revision:
        text = "No reference update installed: the lists and rules shipped with TIPDesk apply."
    else:
        text = (
            f"Reference update {data.revision} (installed {data.installed_at}) replaces: "
            f"{', '.join(data.files)}."
        )
        if data.problem:
            text += f"\nIt is not used: {data.problem}"
    io.emit(data, args.json, text)
    return 0


def cmd_reference_install(args: argparse.Namespace, paths: Paths) -> int:
    effective_from = parse_date(args.effective_from)
    with open_session(args, paths) as session:
        installed = reference_updates.install_releasing(session, Path(args.folder), effective_from)
    update, released = installed.update, installed.released
    data: dict[str, Any] = {"revision": update.revision, "files": sorted(update.files)}
    text = (
        f"Reference update {update.revision} installed ({', '.join(sorted(update.files))}); "
        "every receipt carries it to the districts from now on."
    )
    if released is not None:
        # Records held in quarantine for want of a code the update brings.
        data["released"] = {
            "total": released.total,
            "by_district": {r.district: r.records for r in released.released},
            "still_held": released.still_held,
        }
        text += f"\n{released.summary()}"

    if effective_from is not None:
        data["effective_from"] = effective_from.isoformat()
        text += (
            f"\nThe amendment's versions of the sentencing rules take effect on "
            f"{effective_from.isoformat()}: offences from that date are checked against them, "
            "earlier offences against the versions before."
        )
    io.emit(data, args.json, text)
    return 0


def cmd_sync_notices(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = sync_service.notices(session)
    io.emit(
        [{**io.to_json(n), "line": n.line} for n in found],
        args.json,
        lambda: "\n".join(n.line for n in found) or "No notices from HQ.",
    )
    return 0


def cmd_sync_status(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        data = sync_service.status(session)

    def text() -> str:
        last, rec = data.last_bundle, data.last_receipt
        hq = f"enrolled, fingerprint {data.hq_fingerprint}" if data.enrolled else "not enrolled"
        waiting = ", ".join(str(o.seq) for o in data.outbox) or "none"
        lines = [
            f"HQ: {hq}",
            f"Last bundle: {last.seq} ({last.created_at})" if last else "No bundle yet.",
            f"Waiting for HQ's receipt: {waiting}",
            f"Changes not yet exported: {data.changes_not_exported:,}; "
            f"not yet acknowledged by HQ: {data.changes_not_acknowledged:,}",
        ]
        if rec:
            lines.append(
                f"Last receipt: {rec.serial} ({rec.issued_at}): "
                f"{len(rec.quarantined)} quarantined, {len(rec.conflicts)} in conflict"
            )
            lines += [f"  back from HQ: {c.line}" for c in rec.records_back]
        if data.notices:
            lines.append(f"Notices from HQ: {data.notices} (`tipdesk sync notices`)")
        return "\n".join(lines)

    io.emit(data, args.json, text)
    return 0


# --- HQ -----------------------------------------------------------------------------------------
def cmd_hq_import(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        if args.inbox is not None:
            folder = Path(args.inbox) if args.inbox else None
            report = sync_service.import_inbox(session, folder)
        elif args.files:
            report = sync_service.import_files(session, [Path(f) for f in args.files])
        else:
            raise InvalidInput(say("Name the bundle files to import, or --inbox."))

    def text() -> str:
        lines = []
        for r in report.results:
            name = Path(r.source).name
            where = r.district_name or r.district
            if r.status == "duplicate":
                lines.append(
                    language.text(
                        say(
                            "{name}: bundle {seq} from {where} was imported before: its {n:,} "
                            "records are up to date; nothing changed.",
                            name=name,
                            seq=r.seq,
                            where=where,
                            n=r.up_to_date,
                        )
                    )
                )
                continue
            lines.append(
                f"{name}: bundle {r.seq} from {where}: accepted {_counts(r.accepted)}; "
                f"{r.up_to_date:,} already up to date, {len(r.conflicts)} conflicts, "
                f"{len(r.quarantined)} quarantined."
            )
            for q in r.quarantined:
                why = "; ".join(f"{p['field']}: {p['message']}" for p in q["problems"])
                lines.append(f"  quarantined {q['kind']} {q['record_id']}: {why}")
            if r.anchor is not None and r.anchor.problem:
                lines.append(_anchor_line(r.anchor.problem, r.anchor.message))
            for h in r.handovers:
                why = f": {h['why']}" if h["why"] else ""
                lines.append(f"  handover of case {h['case_id']}: {h['state']}{why}")
        if report.results:
            accepted = sum(report.accepted.values())
            lines.append(
                language.text(
                    say(
                        "In the bundles {received:,}: accepted {accepted:,}, already up to date "
                        "{up_to_date:,}, conflicts {conflicts:,}, quarantined {quarantined:,}.",
                        received=report.received,
                        accepted=accepted,
                        up_to_date=report.up_to_date,
                        conflicts=len(report.conflicts),
                        quarantined=len(report.quarantined),
                    )
                )
            )
        for f in report.files:
            what = "imported" if f.status == "imported" else "held before; nothing changed"
            lines.append(
                f"{Path(f.source).name}: case file {f.attachment_id} of case "
                f"{f.case_id or '(a victim outside a case)'} from "
                f"{f.district_name or f.district}: {what}."
            )
        if report.moved:
            lines.append(
                language.text(
                    say(
                        "Moved {n} imported file(s) to the inbox's imported folder.",
                        n=len(report.moved),
                    )
                )
            )
        for device, gaps in report.gaps.items():
            if gaps:
                lines.append(
                    language.text(
                        say(
                            "Device …{device}: bundles {seqs} missing.",
                            device=short_device(device),
                            seqs=", ".join(map(str, gaps)),
                        )
                    )
                )
        return "\n".join(lines) or language.text(say("No bundle or case file imported."))

    data = {
        "bundles": report.results,
        "accepted": report.accepted,
        "received": report.received,
        "up_to_date": report.up_to_date,
        "duplicates": report.duplicates,
        "conflicts": report.conflicts,
        "quarantined": report.quarantined,
        "errors": report.errors,
        "gaps": report.gaps,
        "moved": report.moved,
        "case_files": report.files,
    }
    if report.results or report.files or args.json:
        io.emit(data, args.json, text)
    elif args.inbox is not None and not report.errors:
        io.emit(data, args.json, say("The inbox holds no new bundle."))
    for e in report.errors:
        print(f"tipdesk: error: {e.file}: {language.text(e.said or e.message)}", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_hq_database(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services.sync import hq_pg  # the PostgreSQL driver, only when used

    with open_session(args, paths) as session:
        linked = hq_pg.configure(session, args.url, hq_pg_cmd.ca_path(args))
    io.emit(
        {"schema_version": linked.version, "devices": linked.devices},
        args.json,
        f"HQ database ready (schema {linked.version}, {linked.devices} device(s) mirrored); "
        "bundles are imported into it and reports built from it from now on.",
    )
    return 0


def cmd_hq_migrate(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services.sync import hq_pg_copy  # the PostgreSQL driver, only when used

    with open_session(args, paths) as session:
        done = hq_pg_copy.migrate_to_postgres(session, args.url, hq_pg_cmd.ca_path(args))
    io.emit(
        {"rows": done.rows, "audit_entries": done.audit_entries, "proved": True},
        args.json,
        f"Copied {sum(done.rows.values()):,} rows; the audit chain verifies on PostgreSQL "
        f"({done.audit_entries:,} entries) and the national report is identical. This HQ "
        "now imports into PostgreSQL and reports from it.",
    )
    return 0


def cmd_hq_backup(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services.sync import hq_pg_backup  # the PostgreSQL driver, only when used

    with open_session(args, paths) as session:
        done = hq_pg_backup.backup(session, Path(args.file))
    io.emit(
        {"written": str(done.path), "bytes": done.bytes, "recipients": done.recipients},
        args.json,
        f"HQ database backed up to {done.path} ({done.bytes:,} bytes, encrypted to "
        f"{done.recipients} recipient(s)).",
    )
    return 0


def cmd_hq_restore_database(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services.sync import hq_pg_backup  # the PostgreSQL driver, only when used

    with open_session(args, paths) as session:
        hq_pg_backup.restore(session, Path(args.file), args.url, hq_pg_cmd.ca_path(args))
    io.emit(
        {"restored": args.file},
        args.json,
        "Backup restored into the database. Check it, then `tipdesk hq database URL` to use it.",
    )
    return 0


def _anchor_line(problem: str, message: str, bundle: int | None = None) -> str:
    at = f" at bundle {bundle}" if bundle is not None else ""
    what = "WENT BACKWARDS" if problem == "backwards" else "FORKED"
    return f"  AUDIT LOG {what}{at} ({problem}): {message}."


def cmd_hq_conflicts(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        rows = sync_service.conflicts(session, include_closed=args.all)

    def side(s: sync_service.ConflictSide) -> str:
        return f"v{s.version} by {s.updated_by} at {s.updated_at} ({s.where})"

    io.emit(
        rows,
        args.json,
        lambda: (
            "\n".join(
                f"{c.id}  {c.kind} {c.title} ({c.record_id}) [{c.status}]\n"
                f"    local:    {side(c.local)}\n    incoming: {side(c.incoming)}\n"
                f"    differs in: {', '.join(c.fields) or '(bookkeeping only)'}"
                for c in rows
            )
            or "No open conflicts."
        ),
    )
    return 0


def _field_choices(items: list[str] | None) -> dict[str, str]:
    """``--field NAME=local|incoming`` options as a mapping (refused when malformed)."""
    out: dict[str, str] = {}
    for item in items or []:
        name, sep, side = item.partition("=")
        if not sep or not name.strip() or side.strip() not in ("local", "incoming"):
            raise InvalidInput(
                say("Write --field NAME=local or NAME=incoming, not {item}.", item=repr(item))
            )
        out[name.strip()] = side.strip()
    return out


def _shown(value: Any) -> str:
    return "(empty)" if value in (None, "", [], {}) else repr(value)


def cmd_hq_resolve(args: argparse.Namespace, paths: Paths) -> int:
    fields = _field_choices(args.field)
    with open_session(args, paths) as session:
        plan = sync_service.plan_resolution(session, args.id, args.keep, fields)
        record = None if args.dry_run else sync_service.resolve(session, args.id, args.keep, fields)
    sides = {"local": "HQ's version", "incoming": "the district's version"}

    def text() -> str:
        head = (
            f"Conflict {plan.conflict_id} ({plan.kind} {plan.title}): {plan.outcome}."
            if record is None
            else f"Conflict {plan.conflict_id} resolved: {plan.outcome} "
            f"(now version {record.version})."
        )
        lines = [head]
        for c in plan.choices:
            kept, lost = _shown(c.kept), _shown(c.discarded)
            lines.append(f"  {c.field}: keeps {sides[c.keep]} {kept}; discards {lost}")
        if record is None:
            lines.append("Nothing was changed (--dry-run).")
        return "\n".join(lines)

    data: dict[str, Any] = {
        "resolved": None if record is None else args.id,
        "plan": plan,
        "kept": args.keep,
        "kind": plan.kind,
        "record_id": plan.record_id,
        "version": None if record is None else record.version,
    }
    io.emit(data, args.json, text)
    return 0


def cmd_hq_receipts(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        written = sync_service.write_receipts(session, Path(args.out))
    io.emit(
        {"receipts": [str(p) for p in written]},
        args.json,
        lambda: "\n".join(str(p) for p in written) or "No device has sent bundles yet.",
    )
    return 0


def cmd_hq_devices(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        rows = sync_service.device_status(session)

    def line(d: sync_service.DeviceStatus) -> str:
        text = (
            f"…{short_device(d.device_id)}  {d.district:8} last bundle {d.last_bundle or '-'}"
            f" (seq {d.highest_seq}, complete to {d.contiguous_seq})"
            f"  gaps: {', '.join(map(str, d.gaps)) or 'none'}"
            f"  last seen {d.last_seen or 'never'}"
            + (f"  REVOKED {d.revoked_at}" if d.revoked_at else "")
        )
        flags = [_anchor_line(p.problem, p.message, p.bundle) for p in d.anchor_problems]
        return "\n".join([text, *flags])

    io.emit(
        rows,
        args.json,
        lambda: "\n".join(map(line, rows)) or language.text(say("No devices registered.")),
    )
    return 0


def cmd_hq_coverage(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        cov = reports_service.district_coverage(session, args.stale_days)
    held = {q.district: q.records for q in cov.quarantine}
    shown = [r for r in cov.rows if args.all or r.status.value != "no_device"]

    def text() -> str:
        lines = [cov.summary()]
        for r in shown:
            lines.append(
                f"{r.district:8} {r.district_name[:22]:22} {r.status_label:24} devices "
                f"{r.devices}  last bundle {(r.last_bundle or '-')[:10]}"
                + (f"  quarantined {held[r.district]:,}" if r.district in held else "")
            )
        if not args.all and len(shown) < len(cov.rows):
            lines.append(
                f"({len(cov.rows) - len(shown)} districts with no device not listed: --all)"
            )
        return "\n".join(lines)

    data = {
        "summary": cov.summary(),
        "stale_before": cov.stale_before,
        "districts": [
            {
                "district": r.district,
                "name": r.district_name,
                "province": r.province,
                "devices": r.devices,
                "last_bundle": r.last_bundle,
                "status": r.status.value,
                "quarantined": held.get(r.district, 0),
            }
            for r in cov.rows
        ],
    }
    io.emit(data, args.json, text)
    return 0


def cmd_hq_recheck(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = sync_service.recheck_quarantine(session)
    io.emit(found, args.json, found.summary)
    return 0


def cmd_sync_configure(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        found = sync_upload.configure(session, args.hq_url, Path(args.ca) if args.ca else None)
    io.emit(
        {"hq_url": found.url, "ca_sha256": found.ca_fingerprint or None},
        args.json,
        f"HQ address set to {found.url}"
        + (
            f"; HQ's certificate is kept in the store (SHA-256 {found.ca_fingerprint}): "
            f"{args.ca} is not read again."
            if found.ca_pem
            else "."
        ),
    )
    return 0


def cmd_sync_upload(args: argparse.Namespace, paths: Paths) -> int:
    with open_session(args, paths) as session:
        result = sync_upload.upload(
            session, args.hq_url, Path(args.ca) if args.ca else None, budget=30.0
        )
    receipt = result.receipt
    data = {
        "reachable": result.reachable,
        "exported": result.exported,
        "sent": result.sent,
        "waiting": result.waiting,
        "changes_waiting": result.changes_waiting,
        "receipt": None
        if receipt is None
        else {
            "serial": receipt.serial,
            "status": receipt.status,
            "acknowledged": list(receipt.acknowledged),
        },
        "receipts": len(result.receipts),
        "last_contact": result.last_contact,
        "refused": result.refused,
        "identity_waiting": list(result.identity_waiting),
        "errors": result.errors,
    }

    def text() -> str:
        made = f"Exported {result.exported} new bundles.\n" if result.exported else ""
        if not result.reachable:
            return (
                f"{made}HQ is not reachable; {result.waiting} bundles wait in the outbox "
                f"({result.changes_waiting} changes HQ has not acknowledged)."
            )
        lines = [made.rstrip()] if made else []
        lines += [
            f"{s['file']}: {'already at HQ' if s.get('duplicate') else s.get('status')}"
            for s in result.sent
        ]
        for rec in result.receipts:
            acked = ", ".join(map(str, rec.acknowledged)) or "nothing new"
            back = f"; {len(rec.records_back)} records back" if rec.records_back else ""
            lines.append(f"Receipt {rec.serial} ({rec.status}): acknowledged {acked}{back}.")
        lines.append(f"{result.waiting} bundles wait in the outbox.")
        if result.identity_waiting:
            lines.append(
                f"{len(result.identity_waiting)} consenting victim(s) wait until a supervisor "
                "or an admin signs in here: " + ", ".join(result.identity_waiting)
            )
        return "\n".join(lines)

    io.emit(data, args.json, text)
    if result.refused:
        print(f"tipdesk: error: not exported: {result.refused}", file=sys.stderr)
    for e in result.errors:
        print(f"tipdesk: error: {e.file}: {e.message}", file=sys.stderr)
    return 1 if result.errors or result.refused else 0


def cmd_hq_serve(args: argparse.Namespace, paths: Paths) -> int:
    try:
        host, port = sync_server.parse_bind(args.bind)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    for name in (args.cert, args.key):
        if not Path(name).is_file():
            raise InvalidInput(say("There is no file {name}.", name=name))
    if args.workers < 0:
        raise InvalidInput(say("--workers must be 0 or more."))
    worker = hq_worker_cmd.serving_session(args, paths, importer=args.workers > 0)
    config = sync_server.ServerConfig(
        import_directly=args.import_directly, inbox=Path(args.inbox) if args.inbox else None
    )
    importers = None
    try:
        if worker.database is not None and args.workers:
            importers = hq_worker_cmd.import_workers(worker, args.workers)
            importers.start()
        server = sync_server.make_server(
            worker, host, port, Path(args.cert), Path(args.key), config
        )
        print(f"Receiving bundles on https://{args.bind} (Ctrl+C stops).", flush=True)
        server.run()
    finally:
        if importers is not None:
            importers.stop()
        worker.close()
    return 0


def register(sub: Any, add: Add) -> None:
    keys = sub.add_parser("keys", help="this install's sync keys").add_subparsers(
        dest="keys_command", metavar="ACTION", required=True
    )
    add("show", cmd_keys_show, "show this install's sync fingerprint", keys)
    p = add("export", cmd_keys_export, "write HQ's enrolment file for districts (HQ)", keys)
    p.add_argument("--out", required=True, type=OutFile, help="the enrolment file to write")
    p.add_argument(
        "--backup-recipient",
        action="append",
        metavar="AGE1...",
        help="also encrypt every bundle to this age recipient (repeatable)",
    )

    p = add("enroll", cmd_enroll, "install HQ's enrolment file (district)")
    p.add_argument("file", type=InFile)
    p.add_argument("--yes", action="store_true", help="the fingerprint was checked")

    device = sub.add_parser("device", help="district devices").add_subparsers(
        dest="device_command", metavar="ACTION", required=True
    )
    p = add("export", cmd_device_export, "write this device's registration file (district)", device)
    p.add_argument("--out", required=True, type=OutFile)
    p = add("register", cmd_device_register, "accept bundles from a device (HQ)", device)
    p.add_argument("file", type=InFile)
    p.add_argument("--yes", action="store_true", help="the fingerprint was checked")
    p = add("revoke", cmd_device_revoke, "refuse a device's bundles from now on (HQ)", device)
    p.add_argument("id", help="device id (or a unique start of it)")
    add("list", cmd_device_list, "list registered devices (HQ)", device)

    sync = sub.add_parser("sync", help="bundles to HQ (district)").add_subparsers(
        dest="sync_command", metavar="ACTION", required=True
    )
    p = add("export", cmd_sync_export, "write the next bundle for HQ", sync)
    p.add_argument("--out", required=True, type=OutFolder, help="folder to write the bundle into")
    p = add("receipt", cmd_sync_receipt, "import HQ's receipt", sync)
    p.add_argument("file", type=InFile)
    add("status", cmd_sync_status, "what was sent and what HQ acknowledged", sync)
    add("notices", cmd_sync_notices, "HQ's notices (the same accused in another district)", sync)
    p = add("configure", cmd_sync_configure, "set HQ's address for automatic upload", sync)
    p.add_argument("--hq-url", required=True, metavar="URL", help="https://host:port of HQ")
    p.add_argument(
        "--ca",
        metavar="FILE",
        type=InFile,
        help="HQ's certificate (self-signed) to trust; its contents are kept in the store",
    )
    p = add(
        "upload",
        cmd_sync_upload,
        "export what is new, upload the outbox to HQ and fetch the receipts",
        sync,
    )
    p.add_argument("--hq-url", metavar="URL", help="instead of the configured address")
    p.add_argument(
        "--ca", metavar="FILE", type=InFile, help="instead of the configured certificate"
    )

    ref = sub.add_parser("reference", help="reference lists and rules").add_subparsers(
        dest="reference_command", metavar="ACTION", required=True
    )
    add("show", cmd_reference_show, "the reference update in use, if any", ref)
    p = add("install", cmd_reference_install, "install updated reference files (HQ)", ref)
    p.add_argument("folder", type=InFolder, help="folder with any of the reference JSON files")
    p.add_argument(
        "--effective-from",
        metavar="YYYY-MM-DD",
        help="the commencement date HQ confirms for an amendment of the sentencing rules "
        "(its versions dated 'commencement', e.g. resources/rules/examples/amendments-2025)",
    )
    hq = sub.add_parser("hq", help="bundles from districts (HQ)").add_subparsers(
        dest="hq_command", metavar="ACTION", required=True
    )
    p = add("import", cmd_hq_import, "verify, decrypt and import bundles", hq)
    p.add_argument("files", nargs="*", metavar="FILE")  # each file: its own error line
    p.add_argument(
        "--inbox",
        nargs="?",
        const="",
        metavar="DIR",
        help="import every bundle in the inbox (this install's, or DIR) and move the imported "
        "ones to its imported folder",
    )
    p = add(
        "database",
        cmd_hq_database,
        "keep imported records in a PostgreSQL database (docs/install.md, HQ server)",
        hq,
    )
    p.add_argument("url", metavar="URL", help="a libpq URL without password")
    hq_pg_cmd.add_ca(p)
    p = add("backup", cmd_hq_backup, "back up the HQ's PostgreSQL database, encrypted", hq)
    p.add_argument("file", metavar="FILE", help="the backup file to write (.pgdump.age)")
    p = add(
        "restore-database",
        cmd_hq_restore_database,
        "restore a backup of the HQ's PostgreSQL database into an empty database",
        hq,
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("url", metavar="URL", help="an empty database (libpq URL without password)")
    hq_pg_cmd.add_ca(p)
    p = add(
        "migrate-to-postgres",
        cmd_hq_migrate,
        "copy this HQ's store into an empty PostgreSQL database, prove the copy, use it",
        hq,
    )
    p.add_argument("url", metavar="URL", help="a libpq URL without password")
    hq_pg_cmd.add_ca(p)
    hq_pg_cmd.register(hq, add)
    p = add("conflicts", cmd_hq_conflicts, "list conflicts waiting for review", hq)
    p.add_argument("--all", action="store_true", help="include resolved and superseded ones")
    p = add("resolve", cmd_hq_resolve, "resolve a conflict", hq)
    p.add_argument("id")
    p.add_argument(
        "--keep",
        required=True,
        choices=["local", "incoming"],
        help="the version to keep: local (HQ's register) or incoming (the district's)",
    )
    p.add_argument(
        "--field",
        action="append",
        metavar="NAME=local|incoming",
        help="take this field from the other side (repeat for more fields)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="only show what would be kept and discarded"
    )
    handover_cmd.add_hq_action(hq, add)
    p = add("receipts", cmd_hq_receipts, "write one receipt per device", hq)
    p.add_argument("--out", required=True, type=OutFolder, help="folder to write the receipts into")
    add("devices", cmd_hq_devices, "each device's last bundle, gaps and last contact", hq)
    p = add(
        "coverage",
        cmd_hq_coverage,
        "every district: its devices, last bundle, status, records held in quarantine",
        hq,
    )
    p.add_argument(
        "--stale-days",
        type=int,
        default=30,
        metavar="N",
        help="a district is stale when its last bundle is older (default 30)",
    )
    p.add_argument("--all", action="store_true", help="list the districts with no device too")
    add(
        "recheck",
        cmd_hq_recheck,
        "validate the quarantined records again with HQ's offices and reference lists now, "
        "and apply those that pass",
        hq,
    )
    p = add("serve", cmd_hq_serve, "receive bundles over HTTPS and serve receipts", hq)
    p.add_argument("--bind", required=True, metavar="HOST:PORT")
    p.add_argument(
        "--cert", required=True, type=InFile, metavar="FILE", help="TLS certificate (PEM)"
    )
    p.add_argument(
        "--key", required=True, type=InFile, metavar="FILE", help="TLS private key (PEM)"
    )
    p.add_argument("--inbox", metavar="DIR", help="folder for received bundles")
    p.add_argument("--import", dest="import_directly", action="store_true", help="import at once")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="on an HQ with a PostgreSQL database: importer threads in this process taking "
        "bundles from its inbox (default 1; 0: run `tipdesk hq import-worker` instead)",
    )
    hq_worker_cmd.add_login_options(p, receiver=True)
    hq_worker_cmd.add_hq_action(hq, add)
