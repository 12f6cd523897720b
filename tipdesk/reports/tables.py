"""The report's breakdown tables, built from the grouped query rows.

Contract: pure functions over the rows the builder fetched (no store access). Every table
whose figures add up to a headline figure ends in a total row made of the headline's own cells.
Each table declares how its figures add up (``column_sums``, ``row_sums``); ties to another
table's cells are links (:attr:`Report.links`). Suppression protects exactly these relations
(:mod:`tipdesk.reports.relations`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from tipdesk.reports.law_tables import by_law
from tipdesk.reports.model import Bound, Cell, Column, ColumnKind, Relation, RowSum, Table

if TYPE_CHECKING:
    from tipdesk.reports.build import _Assembler

AGE_GROUPS = ("child", "adult", "unknown")
GENDERS = ("female", "male", "transgender", "unknown")
OUTCOMES = ("convicted", "acquitted", "discharged")
REFERRAL_OUTCOMES = ("provided", "pending", "declined", "not_available")
STAGES = ("registered", "investigation", "challan", "trial", "decided", "closed")
NOT_RECORDED = "not_recorded"
# What readers see in the tables' first column (the screen translates them; the JSON keeps
# the codes in its top-level maps).
GENDER_LABELS = {
    "female": "Female",
    "male": "Male",
    "transgender": "Transgender",
    "unknown": "Not recorded",
    NOT_RECORDED: "Not recorded",
}
AGE_LABELS = {"child": "Child (under 18)", "adult": "Adult", "unknown": "Age unknown"}
STAGE_LABELS = {
    "registered": "Registered",
    "investigation": "Investigation",
    "challan": "Challan submitted",
    "trial": "Trial",
    "decided": "Decided",
    "closed": "Closed",
}


def _text(key: str, label: str) -> Column:
    return Column(key, label, ColumnKind.TEXT)


def all_tables(a: _Assembler) -> list[Table]:
    """Every breakdown table except the geographic ones, in report order."""
    gender, age, both = _victims_gender_age(a)
    return [
        gender,
        age,
        both,
        _victims_sdg(a, both),
        _victims_nationality(a),
        _accused_gender_outcome(a),
        by_law(a),
        _referrals(a),
        _official_involvement(a),
        *_training(a),
        _campaigns(a),
        _trend(a),
    ]


def _count(a: _Assembler, key: str, value: float, sensitive: bool = True) -> Cell:
    return a.cells.make(key, int(value), sensitive)


def _victims_gender_age(a: _Assembler) -> tuple[Table, Table, Table]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for _district, gender, grp, _nat, n in a._rows("victims"):
        counts[(str(gender), str(grp))] += int(n)
    total = a.headline["victims_identified"]
    by_gender = {
        g: _count(a, f"victims/gender/{g}", sum(counts[(g, x)] for x in AGE_GROUPS))
        for g in GENDERS
    }
    by_age = {
        x: _count(a, f"victims/age/{x}", sum(counts[(g, x)] for g in GENDERS)) for x in AGE_GROUPS
    }
    cross = {
        (g, x): _count(a, f"victims/gender_age/{g}/{x}", counts[(g, x)])
        for g in GENDERS
        for x in AGE_GROUPS
    }
    t_gender = Table(
        "victims_by_gender",
        "Victims identified by gender",
        [_text("gender", "Gender"), Column("victims", "Victims")],
        column_sums=("victims",),
    )
    t_gender.rows = [[GENDER_LABELS[g], by_gender[g]] for g in GENDERS]
    t_gender.total = ["Total", total]
    t_age = Table(
        "victims_by_age_group",
        "Victims identified by age group (child: under 18)",
        [_text("age_group", "Age group"), Column("victims", "Victims")],
        column_sums=("victims",),
    )
    t_age.rows = [[AGE_LABELS[x], by_age[x]] for x in AGE_GROUPS]
    t_age.total = ["Total", total]
    t_both = Table(
        "victims_by_gender_and_age_group",
        "Victims identified by gender and age group",
        [
            _text("gender", "Gender"),
            *(Column(x, AGE_LABELS[x]) for x in AGE_GROUPS),
            Column("total", "Total"),
        ],
        column_sums=(*AGE_GROUPS, "total"),
        row_sums=(RowSum(AGE_GROUPS, "total"),),
    )
    t_both.rows = [
        [GENDER_LABELS[g], *(cross[(g, x)] for x in AGE_GROUPS), by_gender[g]] for g in GENDERS
    ]
    t_both.total = ["Total", *(by_age[x] for x in AGE_GROUPS), total]
    return t_gender, t_age, t_both


def _victims_sdg(a: _Assembler, both: Table) -> Table:
    """SDG 16.2.2 disaggregation: form of exploitation x gender x child/adult. A victim counts
    under every form recorded, so the rows may add up to more than the victims identified.

    Links each column to its gender x age cell: a victim is counted once under each form (or
    once as not recorded), so each cell is at most the gender x age cell and the column adds
    up to at least it. Where the column adds up to exactly the cell (no victim there has two
    forms: the usual case) the link is that equality: a reader who guesses it is right, so
    suppression must hold against it."""
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for gender, grp, form, n in a._rows("forms of exploitation"):
        counts[(str(form or NOT_RECORDED), str(gender), str(grp))] += int(n)
    forms = [
        f
        for f in a.ref.items("exploitation_forms")
        if any(counts[(f, g, x)] for g in GENDERS for x in AGE_GROUPS)
    ]
    forms += sorted({f for f, _, _ in counts} - set(forms) - {NOT_RECORDED})
    forms.append(NOT_RECORDED)
    cols = [
        Column(f"{g}_{x}", f"{GENDER_LABELS[g]}, {AGE_LABELS[x].lower()}")
        for g in GENDERS
        for x in AGE_GROUPS
    ]
    table = Table(
        "victims_by_form_gender_age",
        "Victims by form of exploitation, gender and age group (SDG 16.2.2)",
        [_text("form", "Form of exploitation"), *cols, Column("total", "Victims with this form")],
        note="A victim counts under every form of exploitation recorded: rows can add up to more "
        "than the victims identified (shares over people with information).",
        row_sums=(RowSum(tuple(c.key for c in cols), "total"),),
    )
    by_cell: dict[tuple[str, str], list[Cell]] = defaultdict(list)
    for f in forms:
        cells = [
            _count(a, f"victims/form/{f}/{g}/{x}", counts[(f, g, x)])
            for g in GENDERS
            for x in AGE_GROUPS
        ]
        row_total = _count(a, f"victims/form/{f}/total", sum(c.value or 0 for c in cells))
        for col, cell in zip(cols, cells, strict=True):
            by_cell[("col", col.key)].append(cell)
        label = a.ref.label("exploitation_forms", f) if f != NOT_RECORDED else "Not recorded"
        table.rows.append([label, *cells, row_total])
    gender_age = {
        f"{g}_{col.key}": row[i + 1]
        for g, row in zip(GENDERS, both.rows, strict=True)
        for i, col in enumerate(both.columns[1:-1])
    }
    for col in cols:
        total = gender_age[col.key]
        if not isinstance(total, Cell):
            raise TypeError(f"the gender x age table has no figure for {col.key}")
        column = tuple(by_cell[("col", col.key)])
        if sum(c.value or 0 for c in column) == (total.value or 0):
            a.cells.link(Relation(column, total))
        else:
            a.cells.link(Relation(column, total, Bound.AT_LEAST))
            a.cells.links += [Relation((c,), total, Bound.AT_MOST) for c in column]
    return table


def _victims_nationality(a: _Assembler) -> Table:
    counts: dict[str, int] = defaultdict(int)
    for _district, _gender, _grp, nat, n in a._rows("victims"):
        counts[str(nat or NOT_RECORDED)] += int(n)
    table = Table(
        "victims_by_nationality",
        "Victims identified by nationality",
        [
            _text("nationality", "Nationality"),
            _text("country", "Country"),
            Column("victims", "Victims"),
        ],
        column_sums=("victims",),
    )
    cells = []
    for code in sorted(counts, key=lambda c: (-counts[c], c)):
        cell = _count(a, f"victims/nationality/{code}", counts[code])
        cells.append(cell)
        table.rows.append([code, a.ref.label("countries", code), cell])
    table.total = ["Total", "", a.headline["victims_identified"]]
    return table


def _accused_gender_outcome(a: _Assembler) -> Table:
    proceeded: dict[str, int] = defaultdict(int)
    judged: dict[tuple[str, str], int] = defaultdict(int)
    for _district, gender, n in a._rows("accused proceeded against"):
        proceeded[str(gender)] += int(n)
    for _district, gender, outcome, _month, n in a._rows("judgments"):
        judged[(str(gender), str(outcome))] += int(n)
    cols = [
        Column("proceeded_against", "Proceeded against"),
        *(Column(o, o.capitalize()) for o in OUTCOMES),
    ]
    table = Table(
        "accused_by_gender_and_outcome",
        "Accused by gender: proceeded against (by date proceeded against) and judgments "
        "(by judgment date)",
        [_text("gender", "Gender"), *cols],
        column_sums=tuple(c.key for c in cols),
    )
    for g in GENDERS:
        row = [_count(a, f"accused/{g}/proceeded", proceeded[g])]
        row += [_count(a, f"accused/{g}/{o}", judged[(g, o)]) for o in OUTCOMES]
        table.rows.append([GENDER_LABELS[g], *row])
    discharged = _count(a, "accused/discharged", sum(judged[(g, "discharged")] for g in GENDERS))
    totals = {
        "proceeded_against": a.headline["accused_proceeded_against"],
        "convicted": a.headline["accused_convicted"],
        "acquitted": a.headline["accused_acquitted"],
        "discharged": discharged,
    }
    table.total = ["Total", *(totals[c.key] for c in cols)]
    return table


def _referrals(a: _Assembler) -> Table:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for service, outcome, n in a._rows("referrals"):
        counts[(str(service), str(outcome))] += int(n)
    services = list(a.ref.items("referral_services"))
    services += sorted({s for s, _ in counts} - set(services))
    cols = [
        Column("referrals", "Referrals"),
        *(Column(o, o.replace("_", " ").capitalize()) for o in REFERRAL_OUTCOMES),
    ]
    table = Table(
        "referrals_by_service",
        "Referrals of victims by service and outcome (by referral date)",
        [_text("service", "Service"), *cols],
        column_sums=tuple(c.key for c in cols),
        row_sums=(RowSum(REFERRAL_OUTCOMES, "referrals"),),
    )
    columns: dict[str, list[Cell]] = defaultdict(list)
    for s in services:
        parts = [_count(a, f"referrals/{s}/{o}", counts[(s, o)]) for o in REFERRAL_OUTCOMES]
        total = _count(a, f"referrals/{s}/total", sum(p.value or 0 for p in parts))
        for col, cell in zip(cols, [total, *parts], strict=True):
            columns[col.key].append(cell)
        table.rows.append([a.ref.label("referral_services", s), total, *parts])
    totals = {
        c.key: _count(a, f"referrals/total/{c.key}", sum(x.value or 0 for x in columns[c.key]))
        for c in cols
    }
    table.total = ["Total", *(totals[c.key] for c in cols)]
    return table


def _official_involvement(a: _Assembler) -> Table:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _district, stage, _month, n, official, action in a._rows("cases"):
        acc = counts[str(stage)]
        acc[0] += int(n)
        acc[1] += int(official or 0)
        acc[2] += int(action or 0)
    cols = [
        Column("cases", "Cases registered"),
        Column("official_involvement", "Official involved"),
        Column("action_recorded", "Action taken recorded"),
        Column("no_action_recorded", "No action recorded yet"),
    ]
    table = Table(
        "official_involvement",
        "Cases registered in the period by stage: alleged involvement of officials and "
        "action taken",
        [_text("stage", "Stage"), *cols],
        column_sums=tuple(c.key for c in cols),
        row_sums=(
            RowSum(("action_recorded", "no_action_recorded"), "official_involvement"),
            # A case with an official involved is one of the cases at that stage.
            RowSum(("official_involvement",), "cases", Bound.AT_MOST),
        ),
    )
    columns: dict[str, list[Cell]] = defaultdict(list)
    for stage in STAGES:
        n, official, action = counts[stage]
        cases = _count(a, f"official/{stage}/cases", n)
        inv = _count(a, f"official/{stage}/involved", official)
        done = _count(a, f"official/{stage}/action", action)
        pending = _count(a, f"official/{stage}/no_action", official - action)
        for col, cell in zip(cols, (cases, inv, done, pending), strict=True):
            columns[col.key].append(cell)
        table.rows.append([STAGE_LABELS[stage], cases, inv, done, pending])
    totals = {"cases": a.headline["cases_registered"]}
    for c in cols[1:]:
        totals[c.key] = _count(
            a, f"official/total/{c.key}", sum(x.value or 0 for x in columns[c.key])
        )
    table.total = ["Total", *(totals[c.key] for c in cols)]
    return table


def _training(a: _Assembler) -> list[Table]:
    female = male = trans = 0
    for _district, _sessions, _total, f, m, t in a._rows("training"):
        female, male, trans = female + int(f or 0), male + int(m or 0), trans + int(t or 0)
    total = a.headline["persons_trained"]
    unknown = int(total.value or 0) - female - male - trans
    by_gender = Table(
        "persons_trained_by_gender",
        "Persons trained by gender (by session end date)",
        [_text("gender", "Gender"), Column("persons", "Persons trained")],
        column_sums=("persons",),
    )
    by_gender.rows = [
        [GENDER_LABELS[g], Cell(v, key=f"trained/gender/{g}")]
        for g, v in (
            ("female", female),
            ("male", male),
            ("transgender", trans),
            (NOT_RECORDED, unknown),
        )
    ]
    by_gender.total = ["Total", total]
    agencies: dict[str, int] = {str(k): int(v or 0) for k, v in a._rows("training by agency")}
    by_agency = Table(
        "persons_trained_by_agency",
        "Persons trained by agency (by session end date)",
        [_text("agency", "Agency"), Column("persons", "Persons trained")],
        column_sums=("persons",),
    )
    for code in sorted(agencies, key=lambda c: (-agencies[c], c)):
        cell = Cell(agencies[code], key=f"trained/agency/{code}")
        by_agency.rows.append([a.ref.label("agencies", code), cell])
    rest = int(total.value or 0) - sum(agencies.values())
    if rest:
        by_agency.rows.append(["Not broken down by agency", Cell(rest, key="trained/agency/")])
    by_agency.total = ["Total", total]
    return [by_agency, by_gender]


def _campaigns(a: _Assembler) -> Table:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _district, dept, n, reached in a._rows("campaigns"):
        counts[str(dept)][0] += int(n)
        counts[str(dept)][1] += int(reached or 0)
    table = Table(
        "campaigns_by_department",
        "Awareness campaigns by organising department (by start date)",
        [
            _text("department", "Department"),
            Column("campaigns", "Campaigns"),
            Column("people_reached", "People reached"),
        ],
        column_sums=("campaigns", "people_reached"),
    )
    for dept in sorted(counts, key=lambda d: (-counts[d][0], d)):
        n, reached = counts[dept]
        table.rows.append(
            [
                a.ref.label("departments", dept),
                Cell(n, key=f"campaigns/{dept}/campaigns"),
                Cell(reached, key=f"campaigns/{dept}/people_reached"),
            ]
        )
    table.total = ["Total", a.headline["awareness_campaigns"], a.headline["people_reached"]]
    return table


def _trend(a: _Assembler) -> Table:
    reg: dict[str, int] = defaultdict(int)
    conv: dict[str, int] = defaultdict(int)
    for _district, _stage, month, n, _o, _act in a._rows("cases"):
        reg[str(month)] += int(n)
    for _district, _gender, outcome, month, n in a._rows("judgments"):
        if outcome == "convicted":
            conv[str(month)] += int(n)
    start, end = a.params.date_from, a.params.date_to
    months = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    table = Table(
        "trend",
        "Cases registered and accused convicted by month",
        [
            _text("month", "Month"),
            Column("cases_registered", "Cases registered"),
            Column("accused_convicted", "Accused convicted"),
        ],
        column_sums=("cases_registered", "accused_convicted"),
    )
    for month in months:
        c = _count(a, f"trend/{month}/cases", reg[month])
        v = _count(a, f"trend/{month}/convicted", conv[month])
        table.rows.append([month, c, v])
    table.total = ["Total", a.headline["cases_registered"], a.headline["accused_convicted"]]
    return table
