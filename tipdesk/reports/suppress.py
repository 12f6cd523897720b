"""Small-cell suppression of a built report.

Contract:
- :func:`suppress` hides, in place, every sensitive count ``1 <= n < N`` (primary: shown as
  ``"<N"``, meaning 1 to N-1), then hides further cells (shown as ``"x"``) until, for every
  hidden count, the whole numbers consistent with everything the report publishes (every
  relation of :func:`tipdesk.reports.relations.relations`, every visible figure, the marks)
  span at least N-1 values: a reader learns nothing about a ``"<N"`` cell beyond its mark.
  Each hidden count's range is proved by points checked with exact arithmetic
  (:mod:`tipdesk.reports.protect`); a ``"<N"`` cell that must be shown able to exceed N-1 is
  shown ``"x"`` instead.
- Zero is not a small count and is shown; a zero is never hidden. Counts that are not
  sensitive (training, campaigns) are never hidden. A derived figure (a rate) is hidden when
  any of its inputs is; the year-earlier figures are suppressed like the others.
- Suppression is deterministic: the same report always hides the same cells.
- A report whose relations do not hold for its own figures is refused (``ValueError``):
  protection computed for other relations than the published ones would prove nothing.
"""

from __future__ import annotations

from tipdesk.reports.model import Bound, Cell, Hidden, Report
from tipdesk.reports.protect import PROTECT, SMALL, Protector
from tipdesk.reports.relations import cells, relations, violations


def _hideable(cell: Cell) -> bool:
    """A sensitive count other than zero (zeros are shown: they are nobody)."""
    value = cell.value
    return cell.sensitive and isinstance(value, int) and not isinstance(value, bool) and value > 0


def suppress(report: Report, threshold: int) -> None:
    """Suppress small cells of ``report`` in place (see the module contract)."""
    if threshold < 2:
        raise ValueError("a suppression threshold below 2 hides nothing")
    wrong = violations(report)
    if wrong:
        keys = ", ".join(r.total.key for r in wrong[:5])
        raise ValueError(f"the report's figures do not add up as published (totals: {keys})")
    every = list(cells(report))
    index = {id(c): i for i, c in enumerate(every)}
    rows: list[tuple[list[tuple[int, int]], bool]] = []
    for rel in relations(report):
        # sum(parts) - total  == 0, <= 0; ">=" is written as total - sum(parts) <= 0.
        sign = -1 if rel.bound is Bound.AT_LEAST else 1
        coef: dict[int, int] = {}
        for cell, a in [*((p, sign) for p in rel.parts), (rel.total, -sign)]:
            coef[index[id(cell)]] = coef.get(index[id(cell)], 0) + a
        rows.append(([(i, a) for i, a in coef.items() if a], rel.bound is Bound.EQUAL))
    values = [int(c.value) if isinstance(c.value, int) else 0 for c in every]
    protector = Protector(values, [_hideable(c) for c in every], rows, threshold)
    protector.run()
    label = f"<{threshold}"
    for cell, state in zip(every, protector.state, strict=True):
        cell.small_label = label
        cell.hidden = {SMALL: Hidden.SMALL, PROTECT: Hidden.PROTECT}.get(state, Hidden.NO)
    for cell, inputs in report.derived:
        if not cell.hidden and any(c.hidden for c in inputs):
            cell.hidden = Hidden.PROTECT
    small = sum(1 for s in protector.state if s == SMALL)
    report.suppression = {
        "threshold": threshold,
        "small": small,
        "protect": sum(1 for s in protector.state if s == PROTECT),
    }
