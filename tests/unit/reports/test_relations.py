"""The relations a report declares between its figures are true, and complete.

Complete: on hundreds of random reports (:mod:`synthetic`), every linear identity the sensitive
figures obey in all of them (the null space of the reports' figures, found numerically) must
follow from the declared equalities. A new table, or a new figure in a table, whose cells add
up to something without declaring it makes this test fail; so does a figure published as a
new cell where it is the same figure as another (a table's total built as a fresh cell
instead of the headline's own)."""

from __future__ import annotations

import numpy as np
import pytest
import synthetic

from tipdesk.core.reference import Reference
from tipdesk.reports.model import Bound, Cell, Column, Report, RowSum, Table
from tipdesk.reports.relations import UndeclaredTotal, cells, relations, violations

# Two provinces with two districts each, and a lone district of a third province.
POOL = ("PB-LHR", "PB-FSD", "SD-KHS", "SD-HYD", "KP-PSH")


def _sensitive(report: Report) -> dict[str, Cell]:
    return {c.key: c for c in cells(report) if c.sensitive and isinstance(c.value, int)}


@pytest.mark.parametrize(
    "shape",
    [
        synthetic.Shape(cases=5, districts=1),
        synthetic.Shape(cases=40, districts=4, rare=5.0),
        synthetic.Shape(cases=200, districts=30, multi_form=0.5, no_form=0.3),
    ],
)
def test_every_declared_relation_holds(rep_reference: Reference, shape: synthetic.Shape) -> None:
    for seed in range(25):
        report = synthetic.report(rep_reference, seed, shape)
        assert [(r.total.key, r.bound) for r in violations(report)] == [], seed


def test_sdg_columns_are_an_equality_only_where_no_victim_has_two_forms(
    rep_reference: Reference,
) -> None:
    one = synthetic.report(rep_reference, 1, synthetic.Shape(cases=80, multi_form=0.0))
    many = synthetic.report(rep_reference, 1, synthetic.Shape(cases=80, multi_form=0.9))

    def bounds(report: Report) -> set[Bound]:
        table = report.tables["victims_by_gender_and_age_group"]
        cross = {id(c) for r in table.rows for c in r[1:4]}
        return {r.bound for r in report.links if id(r.total) in cross}

    assert bounds(one) == {Bound.EQUAL}
    assert bounds(many) >= {Bound.AT_LEAST, Bound.AT_MOST}


def test_keys_name_one_cell_each(rep_reference: Reference) -> None:
    report = synthetic.report(rep_reference, 3, synthetic.Shape(cases=120, districts=12))
    keys = [c.key for c in cells(report) if c.sensitive]
    assert all(keys) and len(keys) == len(set(keys))


@pytest.mark.slow
def test_every_identity_the_figures_obey_is_declared(rep_reference: Reference) -> None:
    # One victim, one form (multi_form=0): the forms columns then add up exactly, a declared
    # equality; with several forms they are only bounds, which no identity can miss.
    shape = synthetic.Shape(cases=60, districts=len(POOL), multi_form=0.0, rare=4.0, pool=POOL)
    reports = [synthetic.report(rep_reference, seed, shape) for seed in range(700)]
    figures = [_sensitive(r) for r in reports]
    keys = sorted({k for f in figures for k, c in f.items() if c.value})
    assert len(reports) > 1.5 * len(keys)  # enough samples for a numerical null space
    index = {k: i for i, k in enumerate(keys)}
    data = np.array([[f[k].value if k in f else 0 for k in keys] for f in figures], dtype=float)
    # Identities: vectors w with data @ w == 0 for every report.
    _, sv, vt = np.linalg.svd(data)
    rank = int((sv > sv[0] * 1e-9).sum())
    identities = vt[rank:]
    declared = []
    for relation in relations(reports[0]):
        members = [*relation.parts, relation.total]
        if relation.bound is not Bound.EQUAL or not all(c.sensitive for c in members):
            continue
        row = np.zeros(len(keys))
        for cell in relation.parts:
            if cell.key in index:
                row[index[cell.key]] += 1
        if relation.total.key in index:
            row[index[relation.total.key]] -= 1
        declared.append(row)
    # What is left of each identity once the declared equalities are taken out of it: the
    # cells of an undeclared relation (empty when every identity follows from declarations).
    _, dsv, dvt = np.linalg.svd(np.array(declared))
    span = dvt[: int((dsv > dsv[0] * 1e-9).sum())]
    residuals = identities - (identities @ span.T) @ span
    missing = [
        sorted(keys[i] for i in np.flatnonzero(abs(w) > 1e-6))
        for w in residuals
        if abs(w).max() > 1e-6
    ]
    assert missing == []
    assert len(identities) > 0  # the test sees the identities it checks


def test_an_undeclared_total_is_refused() -> None:
    a, b, t = Cell(1, key="a"), Cell(2, key="b"), Cell(3, key="t")
    table = Table("new", "A new table", [Column("x", "X")], rows=[[a], [b]], total=[t])
    with pytest.raises(UndeclaredTotal, match="column 'x'"):
        relations_of(table)
    table.column_sums = ("x",)
    assert [(r.parts, r.total) for r in relations_of(table)] == [((a, b), t)]
    table.row_sums = (RowSum(("x",), "y"),)
    with pytest.raises(UndeclaredTotal, match="'y' is not a count column"):
        relations_of(table)


def relations_of(table: Table) -> list:  # type: ignore[type-arg]
    from tipdesk.reports.relations import table_relations

    return table_relations(table)
