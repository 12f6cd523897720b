"""Registers kept in spreadsheets: ``template register`` and ``import register``.

``import register`` checks the whole file first and prints every problem as
``Sheet!Row Column: value — expected ...``, and how it read the file's own headers
(``FIR No. -> case_number``); ``--map-column "HEADER=column"`` says what a header the register
and the reference data do not know holds (``-``: nothing). Rows with errors are left out and
listed; the others are imported (one bad row never refuses the whole register). With
``--all-or-nothing`` any error refuses the whole file instead (exit 5, also for a ``--dry-run``
that finds errors). ``--valid-only`` (the default now) is still accepted.
``--dry-run`` only checks. ``--json`` prints the plan (and the result) as JSON on stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tipdesk.cli import io, language
from tipdesk.cli.common import Add, InFile, OutFile, open_session
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services.register import (
    ImportOptions,
    ImportPlan,
    ImportRefused,
    commit_import,
    plan_import,
    write_template,
)
from tipdesk.services.register.columns import header_key

_SHOW_CHANGES = 50  # updates listed one by one in the human output; the rest are counted
EXIT_REFUSED = ImportRefused.exit_code


def cmd_template(args: argparse.Namespace, paths: Paths) -> int:
    del paths  # the template needs no store
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise InvalidInput(
            say("The template is an Excel workbook: give --out a name ending in .xlsx.")
        )
    try:
        write_template(out, load_reference())
    except OSError as exc:
        raise InvalidInput(
            say("Cannot write {out}: {reason}.", out=out, reason=exc.strerror or exc)
        ) from None
    io.emit({"template": str(out)}, args.json, say("Register template written to {path}", path=out))
    return 0


def _office_map(pairs: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, code = pair.partition("=")
        if not sep or not name.strip() or not code.strip():
            raise InvalidInput(say("--map-office takes NAME=CODE, not {pair}.", pair=repr(pair)))
        out[name.strip()] = code.strip()
    return out


def _column_map(pairs: list[str] | None) -> dict[str, str]:
    """``--map-column "HEADER=column"``: the last ``=`` splits (a header may hold one)."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        header, sep, column = pair.rpartition("=")
        if not sep or not header.strip() or not column.strip():
            raise InvalidInput(
                say(
                    '--map-column takes "HEADER=column" (a register column, or - for none), not '
                    "{pair}.",
                    pair=repr(pair),
                )
            )
        out[header.strip()] = column.strip()
    return out


def _counts_text(counts: dict[str, dict[str, int]], verb: dict[str, str]) -> list[str]:
    lines = []
    for kind, by_action in counts.items():
        parts = [f"{n:,} {verb[a]}" for a, n in by_action.items() if n]
        if parts:
            lines.append(f"  {kind:9} " + ", ".join(parts))
    return lines


def plan_text(plan: ImportPlan) -> str:
    """The human report of a plan: sheets, problems, unknown offices, what would change."""
    out = [f"{plan.file.name} ({plan.format}): {plan.rows_total:,} rows"]
    for s in plan.sheets:
        extra = f"; ignored: {', '.join(s.ignored)}" if s.ignored else ""
        out.append(
            f"  {s.sheet} -> {s.target}: {s.rows:,} rows, header in row {s.header_row}{extra}"
        )
        renamed = [f"{h} -> {c}" for h, c in s.columns if header_key(h) != c]
        if renamed:
            out.append(f"    read as: {'; '.join(renamed)}")
    errors, warnings = plan.errors, plan.warnings
    if plan.problems:
        out.append(f"Problems: {len(errors):,} errors, {len(warnings):,} warnings")
        # Each problem's sentence in the user's language (tipdesk.cli.language).
        out += [f"  {p.line(language.text(p.said()))}" for p in errors]
        out += [f"  warning: {p.line(language.text(p.said()))}" for p in warnings]
    if plan.unknown_offices:
        out.append('Offices this install does not know (add them, or --map-office "NAME=CODE"):')
        out += [
            f"  {o.name!r} ({', '.join(sorted(o.districts)) or 'no district'}; {o.rows:,} rows)"
            for o in plan.unknown_offices
        ]
    if plan.resolutions:
        out.append("Departments named without their province, taken as the district's province's:")
        out += [f"  {r}" for r in plan.resolutions]
    updates = [c for c in plan.changes if c.action == "update"]
    if updates:
        out.append("Updates:")
        out += [
            f"  {c.sheet}!{c.row} {c.kind} {c.label}: {', '.join(c.fields)}"
            if c.row is not None
            else f"  {c.kind} {c.label}: {', '.join(c.fields)}"
            for c in updates[:_SHOW_CHANGES]
        ]
        if len(updates) > _SHOW_CHANGES:
            out.append(f"  ... and {len(updates) - _SHOW_CHANGES:,} more")
    return "\n".join(out)


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    options = ImportOptions(
        sheet=args.sheet,
        office_map=_office_map(args.map_office),
        column_map=_column_map(args.map_column),
    )
    with open_session(args, paths) as session:
        plan = plan_import(session, Path(args.file), options)
        refused = bool(plan.errors) and args.all_or_nothing
        result = None
        if not args.dry_run and not refused:
            result = commit_import(session, plan, valid_only=True)
    data: dict[str, Any] = plan.to_json()
    data["dry_run"] = bool(args.dry_run)
    data["imported"] = result is not None
    if result is not None:
        data["result"] = result.to_json()

    def text() -> str:
        lines = [plan_text(plan)]
        if result is not None:
            lines.append("Imported:")
            verbs = {"create": "created", "update": "updated", "unchanged": "unchanged"}
            lines += _counts_text(result.counts, verbs) or ["  nothing to change"]
            if result.skipped_rows:
                lines.append(f"{result.skipped_rows:,} rows with errors were left out.")
        else:
            verbs = {"create": "to create", "update": "to update", "unchanged": "unchanged"}
            lines.append("Would import:" if plan.rows_valid else "Nothing can be imported.")
            lines += _counts_text(plan.counts(), verbs)
            left_out = plan.rows_total - plan.rows_valid
            if left_out and not refused:
                lines.append(f"{left_out:,} rows with errors would be left out.")
            if refused:
                lines.append(
                    f"Nothing was imported: correct the errors, or leave out --all-or-nothing "
                    f"to import the {plan.rows_valid:,} rows without errors."
                )
            else:
                lines.append("Dry run: nothing was imported.")
        return "\n".join(lines)

    io.emit(data, args.json, text)
    if refused:
        print(
            f"tipdesk: error: {len(plan.errors):,} problems in {plan.file.name}; "
            "nothing was imported.",
            file=sys.stderr,
        )
    return EXIT_REFUSED if refused else 0


def register(sub: Any, add: Add) -> None:
    template = sub.add_parser("template", help="blank templates").add_subparsers(
        dest="template_command", metavar="WHAT", required=True
    )
    p = add(
        "register",
        cmd_template,
        "write the register template (XLSX: cases, accused, victims, training, campaigns)",
        template,
    )
    p.add_argument("--out", required=True, type=OutFile, metavar="FILE.xlsx")

    importer = sub.add_parser("import", help="bring in data from files").add_subparsers(
        dest="import_command", metavar="WHAT", required=True
    )
    p = add(
        "register",
        cmd_import,
        "import a register kept in a spreadsheet (XLSX or CSV); checks everything first",
        importer,
    )
    p.add_argument("file", type=InFile)
    p.add_argument("--sheet", help="import only this sheet; for a CSV, the sheet it holds")
    p.add_argument("--dry-run", action="store_true", help="check and report; import nothing")
    p.add_argument(
        "--valid-only",
        action="store_true",
        help="import the rows without errors, list the rest (the default)",
    )
    p.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="with any error, import nothing (exit 5)",
    )
    p.add_argument(
        "--map-office",
        action="append",
        metavar="NAME=CODE",
        help="read the office NAME in the file as this install's office CODE (repeatable)",
    )
    p.add_argument(
        "--map-column",
        action="append",
        metavar="HEADER=column",
        help="read the file's column HEADER as the register's column (e.g. "
        '"Name of Complainant=-" to ignore it, "Recovered On=identified_on"); repeatable',
    )
