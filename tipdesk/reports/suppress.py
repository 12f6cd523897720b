"""Small-cell suppression with complementary (secondary) suppression.

Contract:
- :func:`suppress` hides, in place, every sensitive count ``1 <= n < threshold`` (primary:
  shown as ``"<N"``), then hides further cells (secondary: shown as ``"x"``) until no published
  sum (an equality of :func:`~tipdesk.reports.relations.relations`) has exactly one hidden
  cell, so no hidden cell can be recomputed from a total and the visible cells. Zero is not a
  small count and is shown. A derived figure (a rate) is hidden when any of its inputs is.
- The complement chosen in a sum is its smallest visible non-zero part (least information
  lost); when there is none, the total itself is hidden, and that propagates to every sum the
  total takes part in. The loop ends because every pass hides at least one more cell.
- Suppression is deterministic: the same report always hides the same cells.
"""

from __future__ import annotations

from tipdesk.reports.model import Bound, Cell, Hidden, Report
from tipdesk.reports.relations import cells, relations


def _sums(report: Report) -> list[tuple[tuple[Cell, ...], Cell]]:
    return [
        (r.parts, r.total)
        for r in relations(report)
        if r.bound is Bound.EQUAL and r.total.sensitive and r.parts
    ]


def suppress(report: Report, threshold: int) -> None:
    """Suppress small cells of ``report`` in place (see the module contract)."""
    if threshold < 2:
        raise ValueError("a suppression threshold below 2 hides nothing")
    label = f"<{threshold}"
    small = protect = 0
    sums = _sums(report)
    for cell in cells(report):
        cell.small_label = label
        value = cell.value
        if cell.sensitive and isinstance(value, int) and 0 < value < threshold:
            cell.hidden = Hidden.SMALL
            small += 1
    changed = True
    while changed:
        changed = False
        for parts, total in sums:
            hidden = sum(1 for c in parts if c.hidden) + (1 if total.hidden else 0)
            if hidden != 1:
                continue
            visible = [c for c in parts if not c.hidden and (c.value or 0) > 0]
            if visible:
                pick = min(visible, key=lambda c: (c.value or 0, c.key))
            elif not total.hidden:
                pick = total
            else:  # only zeros are left visible: hide the smallest key's zero for a second unknown
                zeros = [c for c in parts if not c.hidden]
                if not zeros:
                    continue
                pick = min(zeros, key=lambda c: c.key)
            pick.hidden = Hidden.PROTECT
            protect += 1
            changed = True
    for cell, inputs in report.derived:
        if not cell.hidden and any(c.hidden for c in inputs):
            cell.hidden = Hidden.PROTECT
    report.suppression = {"threshold": threshold, "small": small, "protect": protect}


def recomputable(report: Report) -> list[str]:
    """Keys of hidden cells that a single published sum would reveal (empty after
    :func:`suppress`): the check the tests and the writers rely on."""
    out = []
    for parts, total in _sums(report):
        members = [*parts, total]
        hidden = [c for c in members if c.hidden]
        if len(hidden) == 1:
            out.append(hidden[0].key)
    return out
