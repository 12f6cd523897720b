"""Checking a whole register: converting its cells, grouping accused and victims with their
cases, matching stored records, validating, and working out what can be imported.

Contract: used by :func:`tipdesk.services.register.importer.plan_import` only; it reads the
store (look-ups in :mod:`tipdesk.store.register_queries`) and never writes. Every problem is
collected, with its sheet, row and column; rows with errors are left out of ``records`` (and
a case row's accused and victims with it), so the plan's records are exactly what a
valid-only import saves. A case whose accused or victim rows break a rule of the whole case
(validation of a case covers its people) is rebuilt without them, a few rounds at most.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import Problem
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Record, Victim
from tipdesk.core.validation import ValidationContext, advise, validate
from tipdesk.services import overlap_guard, ownership
from tipdesk.services.register.columns import Column, SheetSpec, header_key
from tipdesk.services.register.holds import held_messages, hold_marks
from tipdesk.services.register.matching import (
    CREATE,
    UNCHANGED,
    BuiltCase,
    CaseGroup,
    Change,
    Row,
    build_case,
    build_simple,
    build_victim,
    fingerprint,
    simple_label,
)
from tipdesk.services.register.model import (
    ERROR,
    WARNING,
    ImportCancelled,
    RowProblem,
    show_value,
)
from tipdesk.services.register.reading import Cancelled, Progress, RawSheet
from tipdesk.services.register.resolving import Departments, unknown_victims_note
from tipdesk.services.register.values import BLANK, Cells, Expected, is_blank
from tipdesk.services.session import Session
from tipdesk.store import register_queries as q

_VALID_ONLY_ROUNDS = 4
_PATH = re.compile(r"^(accused|victims)\[(\d+)\]\.?(.*)$")


def _index(path: str) -> int:
    """The accused position of a problem's field (``accused[2].outcome`` -> 2), else -1."""
    m = _PATH.match(path)
    return int(m[2]) if m and m[1] == "accused" else -1


@dataclass(slots=True)
class UnknownOffice:
    """An office name the file uses that this install does not know."""

    name: str
    districts: set[str] = field(default_factory=set)
    rows: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "districts": sorted(self.districts), "rows": self.rows}


_RULES = {"int": "value.number", "age": "value.number", "codes": "value.code", "code": "value.code"}


def _rule(kind: str) -> str:
    base = kind.split(":", 1)[0]
    return _RULES.get(base, f"value.{base}")


class Planner:
    """The state of one plan: converted rows, groups, stored matches, problems, results."""

    def __init__(
        self,
        session: Session,
        cells: Cells,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.session = session
        self.cells = cells
        self.progress = progress
        self.cancelled = cancelled
        self.install = session.install
        # Users who may not see identities neither compare nor change a stored victim's.
        self.keep_identity = not session.can(Permission.REVEAL_IDENTITY)
        self.ctx: ValidationContext = session.validation_context()
        self.problems: list[RowProblem] = []
        self.unknown_offices: dict[str, UnknownOffice] = {}
        self.departments = Departments(cells, session.reference)
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self.changes: list[Change] = []
        self.records: list[Record] = []
        self.unusable = 0  # rows of sheets that could not be read at all
        self._excluded: set[int] = set()  # id(row) of rows that will not be imported
        self._all: dict[int, Row] = {}
        self._problem_keys: set[tuple[str, int | None, str, str]] = set()
        self._done = 0
        self._total = 0

    # --- helpers -------------------------------------------------------------------------
    def excluded_rows(self) -> set[int]:
        return self._excluded

    def _report(
        self,
        row: Row,
        column: str,
        value: str,
        expected: Expected,
        rule: str,
        severity: str = ERROR,
    ) -> None:
        key = (row.sheet.name, row.number, column, str(expected))
        if key in self._problem_keys:
            return
        self._problem_keys.add(key)
        self.problems.append(
            RowProblem.of(row.sheet.name, row.number, column, value, expected, rule, severity)
        )

    def _warn(self, row: Row, column: str, expected: Expected, rule: str) -> None:
        """A warning on ``row``: report it; the row is imported all the same."""
        col = row.spec.column(column)
        header = self._header(row, column)
        self._report(row, header, self._value(row, col), expected, rule, WARNING)

    def _fail(self, row: Row, column: str, expected: Expected, rule: str) -> None:
        """An error on ``row``: report it and leave the row out."""
        col = row.spec.column(column)
        self._report(row, self._header(row, column), self._value(row, col), expected, rule)
        self._excluded.add(id(row))

    def _header(self, row: Row, column: str) -> str:
        """The header as the file writes it for a register column (else the column name)."""
        wanted = row.spec.column(header_key(column))
        return next(
            (
                h
                for i, h in row.sheet.headers
                if header_key(h) == header_key(column)
                or (wanted is not None and row.sheet.columns.get(i) is wanted)
            ),
            column,
        )

    def _value(self, row: Row, column: Column | None) -> str:
        if column is None:
            return ""
        for i, _h in row.sheet.headers:
            if row.sheet.columns.get(i) is column and i < len(row.cells):
                return show_value(row.cells[i], identifying=column.identifying)
        value = row.values.get(column.name)
        return show_value(value, identifying=column.identifying) if value is not None else ""

    def _tick(self) -> None:
        self._done += 1
        if self._done % 500 == 0:
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled(say("The import was cancelled; nothing was imported."))
            if self.progress is not None:
                self.progress("checking", self._done, self._total)

    # --- converting cells ----------------------------------------------------------------
    def convert(self, sheet: RawSheet) -> None:
        spec = sheet.spec
        present: list[tuple[int, Column]] = []
        used: set[str] = set()
        for i, _header in sheet.headers:
            column = sheet.columns.get(i)
            if column is not None and column.name not in used:
                used.add(column.name)
                present.append((i, column))
        convert = self.cells.convert
        out = self.rows[spec.kind]
        # A Cases sheet without an office column is the install's own office's register,
        # as an empty office cell would be.
        defaults: dict[str, Any] = {}
        if spec.kind == "case" and "office" not in used and self.cells.own_office:
            defaults["office"] = self.cells.own_office
        for number, cells in sheet.rows:
            row = Row(sheet, number, cells, dict(defaults))
            self._all[id(row)] = row
            values = row.values
            later: list[tuple[int, Column]] = []
            for i, column in present:
                raw = cells[i]
                if raw is None and column.kind != "office":
                    continue  # the common empty cell, without a call
                if column.kind == "department":
                    later.append((i, column))  # resolved by the row's district, below
                    continue
                if not column.field and is_blank(raw):
                    continue  # a look-up column left empty: no filter, not the own office
                value, expected = convert(column.kind, raw)
                if expected is not None:
                    row.bad = True
                    self._report(
                        row,
                        sheet.header_at(i),
                        show_value(raw, identifying=column.identifying),
                        expected,
                        _rule(column.kind),
                    )
                    if column.kind == "office":
                        self._unknown_office(str(raw), row)
                elif value is not BLANK:
                    values[column.name] = value
            for i, column in later:
                self._department(row, i, column)
            if number in sheet.blocked:
                row.bad = True
            if row.bad:
                self._excluded.add(id(row))
            out.append(row)

    def _department(self, row: Row, index: int, column: Column) -> None:
        """A department cell, resolved by the province of the row's district when it names
        the department as offices say it (:class:`.resolving.Departments`)."""
        raw = row.cells[index]
        if is_blank(raw):
            return
        code, error, warning = self.departments.read(raw, row.get("district"))
        header = row.sheet.header_at(index)
        if code is None:
            row.bad = True
            self._report(row, header, show_value(raw), error, "value.department")
            return
        row.values[column.name] = code
        if warning:
            self._report(row, header, show_value(raw), warning, "department.province", WARNING)

    def _unknown_office(self, raw: str, row: Row) -> None:
        name = " ".join(raw.split())
        entry = self.unknown_offices.setdefault(name.casefold(), UnknownOffice(name))
        entry.rows += 1
        district = row.get("district")
        if isinstance(district, str):
            entry.districts.add(district)

    def _own_district(self, row: Row, district: object) -> bool:
        """District installs import their own district's rows only."""
        own = self.install.district
        if self.install.role is InstallRole.HQ or not isinstance(district, str):
            return True
        if district == own:
            return True
        name = ownership.district_name(self.session, district)
        self._fail(
            row,
            "district",
            say(
                "a row of another district ({district}); this install imports {own}'s rows only",
                district=name,
                own=ownership.district_name(self.session, own),
            ),
            "district.other",
        )
        return False

    # --- the whole plan ------------------------------------------------------------------
    def run(self) -> None:
        self._total = sum(len(v) for v in self.rows.values())
        groups = self._case_groups()
        loose = self._loose_victims(groups)
        for group in groups.values():
            self._plan_case(group)
        for row, stored in loose:
            self._plan_victim(row, stored)
        for kind in ("training", "campaign"):
            self._plan_simple(kind, self.rows.get(kind, []))
        self._note_unknown_victims()
        # An Accused sheet of guessed CNICs must not be a fast oracle (see overlap_guard).
        hits = sum(
            1 for p in self.problems if p.rule == "dual_role" or p.rule.startswith("dual_role.")
        )
        overlap_guard.note_hits(self.session, hits, "register")

    def _note_unknown_victims(self) -> None:
        """One note for the file's victims imported without a known gender or age."""
        rows = [r for r in self.rows.get("victim", []) if id(r) not in self._excluded]
        codes = {str(r.get("victim_code")) for r in rows if r.get("victim_code")}
        sheet = rows[0].sheet.name if rows else "Victims"
        note = unknown_victims_note(self.records, codes, sheet)
        if note is not None:
            self.problems.append(note)

    # --- cases ---------------------------------------------------------------------------
    def _case_groups(self) -> dict[tuple[str, ...], CaseGroup]:
        case_rows = self.rows.get("case", [])
        child_rows = [*self.rows.get("accused", []), *self.rows.get("victim", [])]
        numbers = {
            str(r.get("case_number")) for r in case_rows + child_rows if r.get("case_number")
        }
        stored = q.cases_by_number(self.session.store, numbers)
        stored_by_key: dict[tuple[str, ...], str] = {(n, d, o): i for i, n, d, o in stored}
        stored_by_number: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
        for i, n, d, o in stored:
            stored_by_number[n].append((i, n, d, o))

        groups: dict[tuple[str, ...], CaseGroup] = {}
        first: dict[tuple[str, ...], Row] = {}
        file_by_number: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for row in case_rows:
            number, district, office = (row.get(k) for k in ("case_number", "district", "office"))
            self._own_district(row, district)
            if not (number and district and office):
                # Incomplete: validation reports what is missing; its own group.
                groups[("row", row.sheet.name, str(row.number))] = CaseGroup(("row",), case_row=row)
                continue
            key = (str(number), str(district), str(office))
            if key in first:
                other = first[key]
                for this, that in ((row, other), (other, row)):
                    self._fail(
                        this,
                        "case_number",
                        say(
                            "the same case number, district and office as {row}; each case "
                            "needs exactly one row",
                            row=f"{that.sheet.name}!{that.number}",
                        ),
                        "duplicate.case_number",
                    )
                continue
            first[key] = row
            groups[key] = CaseGroup(key, case_row=row)
            file_by_number[key[0]].append(key)
            groups[key].stored_id = stored_by_key.get(key)

        for row in child_rows:
            if row.spec.kind == "victim" and not row.get("case_number"):
                continue  # a victim without a case (see _loose_victims)
            found = self._find_case(row, file_by_number, stored_by_number, groups)
            if found is None:
                continue
            group = groups.setdefault(found, CaseGroup(found, stored_id=stored_by_key.get(found)))
            (group.accused_rows if row.spec.kind == "accused" else group.victim_rows).append(row)

        loaded = q.load_cases(
            self.session.store, [g.stored_id for g in groups.values() if g.stored_id]
        )
        for g in groups.values():
            g.stored = loaded.get(g.stored_id) if g.stored_id else None
        return groups

    def _find_case(
        self,
        row: Row,
        file_by_number: dict[str, list[tuple[str, ...]]],
        stored_by_number: dict[str, list[tuple[str, str, str, str]]],
        groups: dict[tuple[str, ...], CaseGroup],
    ) -> tuple[str, ...] | None:
        """The key of the case an accused or victim row names, or ``None`` (reported)."""
        number = str(row.get("case_number") or "")
        if not number:
            self._fail(row, "case_number", say("the case number is required"), "required")
            return None
        district, office = row.get("district"), row.get("office")

        def fits(d: str, o: str) -> bool:
            return (district is None or d == district) and (office is None or o == office)

        if row.spec.kind == "victim" and district is not None:
            # A victim's district is where they were identified, which may not be the case's:
            # it narrows the search only when it leaves a candidate.
            any_fit = [k for k in file_by_number.get(number, []) if fits(k[1], k[2])] or [
                s for s in stored_by_number.get(number, []) if fits(s[2], s[3])
            ]
            if not any_fit:
                district = None
        in_file = [k for k in file_by_number.get(number, []) if fits(k[1], k[2])]
        if len(in_file) == 1:
            return in_file[0]
        if len(in_file) > 1:
            where = ", ".join(f"{k[1]} {k[2]}" for k in in_file)
            self._fail(
                row,
                "case_number",
                say(
                    "several cases in the file have this number ({where}); add the district "
                    "and office columns to say which",
                    where=where,
                ),
                "case.ambiguous",
            )
            return None
        found = [s for s in stored_by_number.get(number, []) if fits(s[2], s[3])]
        if len(found) > 1 and self.install.role is InstallRole.DISTRICT:
            found = [s for s in found if s[2] == self.install.district] or found
            if len(found) > 1:
                found = [s for s in found if s[3] == self.install.office] or found
        if len(found) == 1:
            _id, n, d, o = found[0]
            key = (n, d, o)
            if key not in groups and not self._own_district(row, d):
                return None
            return key
        if found:
            where = ", ".join(f"{s[2]} {s[3]}" for s in found)
            self._fail(
                row,
                "case_number",
                say(
                    "several stored cases have this number ({where}); add the district and "
                    "office columns to say which",
                    where=where,
                ),
                "case.ambiguous",
            )
            return None
        self._fail(
            row,
            "case_number",
            say("no case with this number in the Cases sheet or in TIPDesk; add the case first"),
            "case.missing",
        )
        return None

    def _loose_victims(
        self, groups: dict[tuple[str, ...], CaseGroup]
    ) -> list[tuple[Row, Victim | None]]:
        """Match victim rows by code; move rows of stored victims into their case's group."""
        victim_rows = self.rows.get("victim", [])
        codes = {str(r.get("victim_code")) for r in victim_rows if r.get("victim_code")}
        stored = q.victims_by_code(self.session.store, codes)
        seen: dict[str, Row] = {}
        for row in victim_rows:
            code = row.get("victim_code")
            if not code:
                continue
            if code in seen:
                other = seen[code]
                for r, o in ((row, other), (other, row)):
                    self._fail(
                        r,
                        "victim_code",
                        say(
                            "the same victim code as {row}; each victim needs one row and a "
                            "code of their own",
                            row=f"{o.sheet.name}!{o.number}",
                        ),
                        "duplicate.victim_code",
                    )
            else:
                seen[code] = row
        case_of_group = {
            g.stored.id: g for g in groups.values() if g.stored is not None and g.stored.id
        }
        row_group = {id(r): g for g in groups.values() for r in g.victim_rows}
        loose: list[tuple[Row, Victim | None]] = []
        need_cases: dict[str, list[Row]] = defaultdict(list)
        loose_ids: dict[str, list[Row]] = defaultdict(list)
        for row in victim_rows:
            code = str(row.get("victim_code") or "")
            found = stored.get(code)
            group = row_group.get(id(row))
            if group is None and row.get("case_number"):
                continue  # its case was not found (reported)
            if not code:
                if group is None:
                    loose.append((row, None))  # validation reports the missing code
                continue
            if found is None:
                if group is None:
                    loose.append((row, None))
                continue
            victim_id, case_id = found
            if group is not None:
                if case_id is not None and (group.stored is None or group.stored.id != case_id):
                    group.victim_rows.remove(row)
                    self._fail(
                        row,
                        "victim_code",
                        say(
                            "this victim code already belongs to a victim of another case; "
                            "victim codes are unique"
                        ),
                        "victim.case",
                    )
                elif case_id is None:
                    loose_ids[victim_id].append(row)
            elif case_id is None:
                loose.append((row, None))
                loose_ids[victim_id].append(row)
            else:
                need_cases[case_id].append(row)
        if loose_ids:
            victims = q.load_victims(self.session.store, loose_ids)
            by_row = {id(r): victims.get(v) for v, rs in loose_ids.items() for r in rs}
            for i, (row, _) in enumerate(loose):
                loose[i] = (row, by_row.get(id(row)))
            for g in groups.values():
                for r in g.victim_rows:
                    v = by_row.get(id(r))
                    if v is not None:
                        g.loose_victims[v.victim_code] = v
        if need_cases:
            missing = [c for c in need_cases if c not in case_of_group]
            for case in q.load_cases(self.session.store, missing).values():
                key = (case.case_number, case.district, case.office)
                group = groups.setdefault(key, CaseGroup(key))
                group.stored = case
                case_of_group[case.id] = group
            for case_id, rows in need_cases.items():
                group = case_of_group[case_id]
                for row in rows:
                    if group.stored is None or self._own_district(row, group.stored.district):
                        group.victim_rows.append(row)
        return loose

    def _plan_case(self, group: CaseGroup) -> None:
        rows = list(group.rows())
        case_row = group.case_row
        if case_row is not None and id(case_row) in self._excluded:
            self._skip_children(group, case_row)
            return
        built: BuiltCase | None = None
        held: dict[int, list[str]] = {}
        for _ in range(_VALID_ONLY_ROUNDS):
            excluded = {id(r) for r in rows if id(r) in self._excluded}
            built = build_case(group, excluded, self.keep_identity)
            held = hold_marks(self.session, built, group) if built.changed else {}
            problems = (
                ownership.claim(self.session, [built.case])[0] + validate(built.case, self.ctx)
                if built.changed
                else []
            )
            if not problems:
                break
            whole = self._case_problems(group, built, problems)
            if whole:
                self._skip_children(group, case_row)
                built = None
                break
        else:
            built = None
        for _ in rows:
            self._tick()
        if built is None:
            for r in rows:
                self._excluded.add(id(r))
            return
        self.changes += built.changes
        if built.changed:
            self.records.append(built.case)
            for i, message in held_messages(self.ctx, built, held).items():
                row = built.accused_rows[i] if i < len(built.accused_rows) else None
                if row is not None:
                    self._warn(row, "proceeded_on", message, "dual_role.held")
            for p in advise(built.case, self.ctx):
                row, name, _whole = self._locate(group, built, p)
                if row is not None and not (p.rule == "dual_role" and _index(p.field) in held):
                    column = row.spec.column_for_field(name)
                    self._warn(row, column.name if column else name, p.said(), p.rule)

    def _skip_children(self, group: CaseGroup, case_row: Row | None) -> None:
        if case_row is None:
            return
        for r in [*group.accused_rows, *group.victim_rows]:
            if id(r) not in self._excluded:
                self._excluded.add(id(r))
                self.problems.append(
                    RowProblem.of(
                        r.sheet.name,
                        r.number,
                        self._header(r, "case_number"),
                        show_value(r.get("case_number")),
                        say(
                            "left out: its case ({row}) has errors",
                            row=f"{case_row.sheet.name}!{case_row.number}",
                        ),
                        "row.skipped",
                        WARNING,
                    )
                )

    def _case_problems(self, group: CaseGroup, built: BuiltCase, problems: list[Problem]) -> bool:
        """Report validation problems at their rows; True when the case itself is at fault
        (its own row, or a problem no child row explains)."""
        whole = False
        for p in problems:
            row, name, of_case = self._locate(group, built, p)
            whole = whole or of_case
            if row is None:
                continue
            column = row.spec.column_for_field(name)
            self._fail(row, column.name if column else name, p.said(), p.rule)
        return whole

    @staticmethod
    def _locate(group: CaseGroup, built: BuiltCase, p: Problem) -> tuple[Row | None, str, bool]:
        """The row and field a case's problem belongs to, and whether the case itself is at
        fault (its own row, or a problem no child row explains)."""
        m = _PATH.match(p.field)
        if m:
            index = int(m[2])
            origin = built.accused_rows if m[1] == "accused" else built.victim_rows
            row = origin[index] if index < len(origin) else None
            name = m[3].split(".", 1)[0] if m[3] else ""
            if name.startswith("referrals"):
                name = "referrals"
            if row is None:
                return group.case_row or next(group.rows(), None), p.field, True
            return row, name, False
        if group.case_row is None:
            return next(group.rows(), None), p.field, True
        return group.case_row, p.field.split("[", 1)[0], True

    # --- victims without a case, trainings, campaigns ------------------------------------
    def _plan_victim(self, row: Row, stored: Victim | None) -> None:
        self._tick()
        if id(row) in self._excluded:
            return
        if stored is None and not row.get("district") and self.install.district:
            row.values["district"] = self.install.district
        if not self._own_district(row, row.get("district") or (stored and stored.district)):
            return
        victim, change = build_victim(row, stored, self.keep_identity)
        if change.action == UNCHANGED:
            self.changes.append(change)
            return
        problems = ownership.claim(self.session, [victim])[0] + validate(victim, self.ctx)
        for p in problems:
            name = p.field.split("[", 1)[0].split(".", 1)[0]
            column = row.spec.column_for_field(name)
            self._fail(row, column.name if column else name, p.said(), p.rule)
        if not problems:
            self.changes.append(change)
            self.records.append(victim)

    def _plan_simple(self, kind: str, rows: list[Row]) -> None:
        if not rows:
            return
        spec: SheetSpec = rows[0].spec
        fields = [
            c.field
            for i, _h in rows[0].sheet.headers
            if (c := rows[0].sheet.columns.get(i)) is not None and c.field
        ]
        dates = {r.values["start_on"].isoformat() for r in rows if r.get("start_on")}
        stored = Counter(
            fingerprint(r, fields) for r in q.starting_on(self.session.store, kind, dates)
        )
        first: dict[tuple[Any, ...], Row] = {}
        for row in rows:
            self._tick()
            if id(row) in self._excluded or not self._own_district(row, row.get("district")):
                continue
            record = build_simple(row)
            fp = fingerprint(record, fields)
            label = simple_label(record)
            if stored[fp] > 0:
                stored[fp] -= 1
                self.changes.append(Change(kind, UNCHANGED, row.sheet.name, row.number, label))
                continue
            if fp in first:
                other = first[fp]
                self.problems.append(
                    RowProblem.of(
                        row.sheet.name,
                        row.number,
                        "",
                        "",
                        say(
                            "identical to row {row}; both are imported as separate sessions",
                            row=other.number,
                        )
                        if kind == "training"
                        else say(
                            "identical to row {row}; both are imported as separate campaigns",
                            row=other.number,
                        ),
                        "row.identical",
                        WARNING,
                    )
                )
            first.setdefault(fp, row)
            problems = ownership.claim(self.session, [record])[0] + validate(record, self.ctx)
            for p in problems:
                name = p.field.split("[", 1)[0].split(".", 1)[0]
                column = spec.column_for_field(name)
                self._fail(row, column.name if column else name, p.said(), p.rule)
            if not problems:
                self.changes.append(Change(kind, CREATE, row.sheet.name, row.number, label))
                self.records.append(record)
