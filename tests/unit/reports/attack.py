"""The attack small-cell suppression must withstand: for every hidden cell, the least and the
greatest whole number consistent with everything the report publishes, found by an integer
program (HiGHS through ``scipy.optimize.milp``).

What the attacker uses:
- every visible figure as shown (:attr:`Cell.display`);
- every relation the report publishes (:func:`tipdesk.reports.relations.relations`: each
  table's sums, its total row, the same cell in several tables, districts to provinces, forms
  of exploitation to the gender x age cells, the headline and the year-earlier figures);
- the marks: ``"<N"`` means 1 to N-1; ``"x"`` means at least N when the hidden value is at
  least N (what an x usually hides, so a reader may assume it), else at least 1 (0 when the
  value hidden is 0; today's code could hide a zero);
- counts are whole numbers, 0 or more.

This module is the test's own reading of the published report: it shares nothing with the
suppression code but the relations' declaration.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from tipdesk.reports.model import Bound, Cell, Hidden, Report
from tipdesk.reports.relations import relations

UNBOUNDED = 10**7  # an upper bound no count reaches: a maximum this high means "no maximum"


@dataclass(frozen=True, slots=True)
class Range:
    key: str
    shown: object
    value: int
    low: int
    high: int  # UNBOUNDED: no upper limit

    @property
    def width(self) -> int:
        """How many whole numbers the range holds."""
        return self.high - self.low + 1


def _low(cell: Cell, threshold: int) -> int:
    if cell.hidden is Hidden.SMALL:
        return 1
    value = int(cell.value or 0)
    return threshold if value >= threshold else min(value, 1)


def ranges(report: Report, threshold: int, *, exact: bool = False) -> list[Range]:
    """Each hidden count's feasible range (see the module docstring). Unless ``exact``, a
    range the solutions found so far already show to be N-1 wide is not solved for: its
    ``low``/``high`` are then values it can take, not necessarily its extremes."""
    hidden = [
        c
        for c in _cells(report)
        if c.hidden is not Hidden.NO and c.sensitive and isinstance(c.value, int)
    ]
    index = {id(c): i for i, c in enumerate(hidden)}
    rows: list[tuple[dict[int, float], float, float]] = []
    for rel in relations(report):
        coef: dict[int, float] = {}
        rhs = 0.0  # sum(parts) - total == / <= / >= 0, the visible figures moved right
        for cell, sign in [*((p, 1.0) for p in rel.parts), (rel.total, -1.0)]:
            if id(cell) in index:
                coef[index[id(cell)]] = coef.get(index[id(cell)], 0.0) + sign
            else:
                shown = cell.display
                rhs -= sign * (float(shown) if isinstance(shown, int | float) else 0.0)
        if not any(coef.values()):
            continue
        low = rhs if rel.bound in (Bound.EQUAL, Bound.AT_LEAST) else -np.inf
        high = rhs if rel.bound in (Bound.EQUAL, Bound.AT_MOST) else np.inf
        rows.append((coef, low, high))
    lb = np.array([_low(c, threshold) for c in hidden], dtype=float)
    ub = np.array(
        [threshold - 1 if c.hidden is Hidden.SMALL else UNBOUNDED for c in hidden], dtype=float
    )
    out: list[Range] = []
    for component in _components(len(hidden), rows):
        local = {v: i for i, v in enumerate(component)}
        mine = [r for r in rows if next(iter(r[0])) in local]
        if not mine:  # tied to nothing: its mark is all there is
            for v in component:
                cell = hidden[v]
                out.append(Range(cell.key, cell.display, int(cell.value or 0), int(lb[v]),
                                 int(ub[v])))  # fmt: skip
            continue
        matrix = np.zeros((max(1, len(mine)), len(component)))
        lo = np.full(max(1, len(mine)), -np.inf)
        hi = np.full(max(1, len(mine)), np.inf)
        for i, (coef, low, high) in enumerate(mine):
            for v, a in coef.items():
                matrix[i, local[v]] = a
            lo[i], hi[i] = low, high
        constraint = LinearConstraint(matrix, lo, hi)
        bounds = Bounds(lb[component], ub[component])
        # Every solution is a feasible point: the values it gives every cell of the component
        # are in that cell's range. A cell already seen spanning its whole mark ("<N": 1 and
        # N-1) has that exact range; one seen N-1 values wide is wide enough, and its
        # low/high are then what was seen (the exact ones are at least as far apart).
        seen_low = [int(hidden[v].value or 0) for v in component]
        seen_high = list(seen_low)
        for v in component:
            k = local[v]
            if not exact and seen_high[k] - seen_low[k] >= threshold - 2:
                cell = hidden[v]
                out.append(Range(cell.key, cell.display, int(cell.value or 0), seen_low[k],
                                 seen_high[k]))  # fmt: skip
                continue
            extremes = []
            for sense in (1.0, -1.0):
                objective = np.zeros(len(component))
                objective[k] = sense
                result = milp(
                    objective,
                    integrality=np.ones(len(component)),
                    bounds=bounds,
                    constraints=constraint,
                )
                if result.status != 0:
                    raise AssertionError(f"the attack's program failed: {result.message}")
                solution = np.round(result.x).astype(int)
                seen_low = [min(a, int(b)) for a, b in zip(seen_low, solution, strict=True)]
                seen_high = [max(a, int(b)) for a, b in zip(seen_high, solution, strict=True)]
                extremes.append(int(solution[k]))
            cell = hidden[v]
            out.append(Range(cell.key, cell.display, int(cell.value or 0), *extremes))
    return out


def too_narrow(report: Report, threshold: int) -> list[Range]:
    """The hidden cells whose feasible range holds fewer than ``threshold - 1`` values."""
    return [r for r in ranges(report, threshold) if r.width < threshold - 1]


def _components(n: int, rows: list[tuple[dict[int, float], float, float]]) -> list[list[int]]:
    """Hidden cells tied by a relation, grouped (each group is solved on its own)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for coef, _, _ in rows:
        first, *rest = coef
        for other in rest:
            parent[find(other)] = find(first)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _cells(report: Report) -> list[Cell]:
    from tipdesk.reports.relations import cells

    return list(cells(report))
