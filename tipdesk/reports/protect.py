"""Complementary suppression with a proof: hide further cells until no hidden count can be
narrowed, by anything the report publishes, to fewer than N-1 whole numbers.

Terms (N is the threshold):
- the *marks*: a hidden count shown ``"<N"`` is 1 to N-1; one shown ``"x"`` is at least N when
  its value is (a reader may assume so: an x usually hides a large count), else at least 1.
  Zeros are never hidden. Visible counts are what they show.
- a *point*: whole numbers for the hidden counts, with every visible count as shown, that obey
  every published relation (sums, bounds) and every mark. The true values are one.
- a hidden count is *certified* when the points found so far give it values at least N-2
  apart (a ``"<N"`` count: both 1 and N-1): the least and the greatest value a reader can
  work out for it are at least that far apart, so its range holds at least N-1 values. A
  point stays a point when more cells are hidden, so certificates never expire.
- a ``"<N"`` count that cannot be certified so (its least possible value is above 1: three
  ``"<N"`` districts make their province at least 3) is shown ``"x"`` instead and then
  needs N-1 values anywhere, above N-1 too.

How points are found (a heuristic; the tests check its results with an exact solver): from
the true values, move the count towards the value it must reach along a *pattern*: +1 or -1
on a set of counts such that every published sum stays balanced and every bound holds, as
in the cycles of a table with margins (a cell, a cell of the same row, the cells below them
in another row). A depth-first search closes the unbalanced sums one at a time, preferring
counts already hidden, then those that close several sums at once; a visible count it uses
is hidden (shown ``"x"``), and a ``"<N"`` count that must go past N-1 is shown ``"x"``
instead; the search allows more such costs only when it finds nothing cheaper. Each pattern
is applied as far as the marks allow and the move repeated until the count gets there; each
new point is checked against every relation it touches with exact integer arithmetic before
it counts. When no pattern is found, the *fallback* hides every non-zero count tied to the
cell (the closure of its relations) as ``"x"``: multiplying all of them by N-1 is then a
point (the sums are homogeneous in them), which certifies each. It is blunt and only meant
for reports so small that everything in them is small.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

VISIBLE, SMALL, PROTECT = 0, 1, 2
_UNLIMITED = 1 << 62
MAX_COST = 12  # hidden or relabelled cells one pattern may add
_BRANCH = 4  # candidates tried at each step of the search
_NODES = 4000  # steps one search may take
_REACH_NODES = 12000  # steps all the searches for one goal may take
_SIZE = 48  # counts one pattern may move


class Unprotectable(RuntimeError):
    """A cell could not be protected (a relation ties it to a figure that cannot be hidden)."""


class Protector:
    """Cells by index: ``values`` (true values), ``hideable`` (sensitive counts), and
    ``relations``: ``(members, equal)`` with members ``(cell, coefficient)`` meaning
    ``sum(coefficient * value) == 0`` (``equal``) or ``<= 0``."""

    def __init__(
        self,
        values: Sequence[int],
        hideable: Sequence[bool],
        relations: Sequence[tuple[Sequence[tuple[int, int]], bool]],
        threshold: int,
    ) -> None:
        self.n = threshold
        self.values = list(values)
        self.hideable = list(hideable)
        self.state = [VISIBLE] * len(values)
        self.members = [tuple(m) for m, _ in relations]
        self.equal = [eq for _, eq in relations]
        self.rels_of: list[list[tuple[int, int]]] = [[] for _ in values]
        for r, members in enumerate(self.members):
            for i, a in members:
                self.rels_of[i].append((r, a))
        # -sum(a * value) at the true values: 0 for a sum, >= 0 for a bound that holds.
        self.slack0 = [-sum(a * self.values[i] for i, a in m) for m in self.members]
        for r, slack in enumerate(self.slack0):
            if slack < 0 or (self.equal[r] and slack != 0):
                raise ValueError(f"relation {r} does not hold for the true values")
        self.low = list(values)  # the least and greatest value of each cell over the points
        self.high = list(values)
        self.order: list[int] = []  # hidden cells in the order they were hidden
        self.hidden_members: list[list[tuple[int, int]]] = [[] for _ in self.members]
        self.least = self._least_values()
        self.fallbacks = 0

    # --- marks --------------------------------------------------------------------------
    def floor(self, i: int) -> int:
        if self.state[i] == SMALL:
            return 1
        if self.state[i] == PROTECT:
            return self.n if self.values[i] >= self.n else 1
        return self.values[i]

    def ceiling(self, i: int) -> int:
        if self.state[i] == SMALL:
            return self.n - 1
        return _UNLIMITED if self.state[i] == PROTECT else self.values[i]

    def _hide(self, i: int, state: int) -> None:
        if self.state[i] == VISIBLE:
            self.order.append(i)
            for r, a in self.rels_of[i]:
                self.hidden_members[r].append((i, a))
        self.state[i] = state

    def certified(self, i: int) -> bool:
        if self.state[i] == SMALL:
            return self.low[i] <= 1 and self.high[i] >= self.n - 1
        return self.high[i] - self.low[i] >= self.n - 2

    # --- the whole run ------------------------------------------------------------------
    def run(self) -> None:
        """Hide every count below the threshold, then protect every hidden count."""
        for i, v in enumerate(self.values):
            if self.hideable[i] and 0 < v < self.n:
                self._hide(i, SMALL)
        done = 0
        while done < len(self.order):
            c = self.order[done]
            done += 1
            while not self.certified(c):
                if any(self._reach(c, goal) for goal in self._goals(c)):
                    continue
                if self.state[c] == SMALL:
                    # It cannot be shown to take every value from 1 to N-1 (say three "<N"
                    # districts make their province at least 3): shown "x", it needs N-1
                    # values anywhere, above N-1 too.
                    self.state[c] = PROTECT
                    continue
                self._fallback(c)

    def _goals(self, c: int) -> list[int]:
        """Values ``c`` must be shown to take, in the order to try (one suffices)."""
        if self.state[c] == SMALL:
            return [self.n - 1] if self.high[c] < self.n - 1 else [1]
        up, down = self.low[c] + self.n - 2, self.high[c] - (self.n - 2)
        return [up] + ([down] if down >= self.floor(c) else [])

    # --- moving one cell ----------------------------------------------------------------
    def _least_values(self) -> list[int]:
        """The least value each cell can take however much is hidden: a hidden count is at
        least 1 (N when it is at least N: its "x" says so), a total at least the least of
        its parts (three "<N" districts make their province at least 3), and so on up the
        relations to a fixed point. A goal below it is refused without a search."""
        n, big = self.n, _UNLIMITED
        least = [
            (1 if v < n else n) if h else v for v, h in zip(self.values, self.hideable, strict=True)
        ]
        most = [big if h else v for v, h in zip(self.values, self.hideable, strict=True)]
        changed = True
        while changed:
            changed = False
            for r, members in enumerate(self.members):
                ends = [(a * least[i], a * most[i]) for i, a in members]
                low_sum = sum(min(e) for e in ends)
                high_sum = sum(max(e) for e in ends)
                for (i, a), e in zip(members, ends, strict=True):
                    # a * x_i <= -(the others' least sum); for a sum also >= -(their most).
                    others_low, others_high = low_sum - min(e), high_sum - max(e)
                    if a < 0:
                        bound = -(others_low // a)  # x_i >= others_low / -a, rounded up
                    elif self.equal[r]:
                        bound = -(others_high // a)  # x_i >= -others_high / a, rounded up
                    else:
                        continue
                    if bound > least[i] and bound <= self.values[i]:
                        least[i] = bound
                        changed = True
        return least

    def _reach(self, c: int, goal: int) -> bool:
        """Find a point where ``c`` is ``goal``; record it. False when none is found."""
        if goal < self.least[c]:
            return False
        point: dict[int, int] = {}
        direction = 1 if goal > self.values[c] else -1
        nodes = 0
        while (remaining := abs(goal - self.values[c] - point.get(c, 0))) > 0:
            found = None
            for budget in range(MAX_COST + 1):
                search = _Search(self, point, c, direction, remaining, budget)
                found = search.run()
                nodes += search.nodes
                if found is not None or nodes > _REACH_NODES:
                    break
            if found is None:
                return False
            sigma, step, changes = found
            for j, state in changes.items():
                self._hide(j, state)
            moved = dict(point)
            for j, s in sigma.items():
                moved[j] = moved.get(j, 0) + s * step
            if not self._is_point(moved):
                return False  # the search erred; what it hid stays hidden (safe, if wasteful)
            point = moved
        self._record(point)
        return True

    def _record(self, point: dict[int, int]) -> None:
        for i, d in point.items():
            value = self.values[i] + d
            self.low[i] = min(self.low[i], value)
            self.high[i] = max(self.high[i], value)

    def _is_point(self, point: dict[int, int]) -> bool:
        """Exact check: the changed cells are hidden and within their marks, and every
        relation they take part in holds (its sum at the true values, checked when the
        protector was made, plus what the point changes)."""
        moved: dict[int, int] = {}
        for i, d in point.items():
            if d and self.state[i] == VISIBLE:
                return False
            if not self.floor(i) <= self.values[i] + d <= self.ceiling(i):
                return False
            for r, a in self.rels_of[i]:
                moved[r] = moved.get(r, 0) + a * d
        for r, change in moved.items():
            total = change - self.slack0[r]
            if total > 0 or (self.equal[r] and total != 0):
                return False
        return True

    def _fallback(self, c: int) -> None:
        """Hide the closure of ``c`` as ``"x"`` and certify it by scaling (module docstring)."""
        self.fallbacks += 1
        closure, queue = {c}, deque([c])
        while queue:
            i = queue.popleft()
            for r, _ in self.rels_of[i]:
                for j, _ in self.members[r]:
                    if j in closure or self.values[j] == 0:
                        continue
                    if not self.hideable[j]:
                        raise Unprotectable(f"cell {c} is tied to a figure that cannot be hidden")
                    closure.add(j)
                    queue.append(j)
        for i in sorted(closure):
            self._hide(i, PROTECT)
        point = {i: (self.n - 2) * self.values[i] for i in closure}
        if not self._is_point(point):
            raise Unprotectable(f"the closure of cell {c} does not scale")
        self._record(point)


class _Search:
    """One depth-first search for a pattern moving ``c`` by ``direction`` from ``point`` that
    adds at most ``budget`` in hidden or relabelled cells (see the module docstring)."""

    def __init__(
        self, p: Protector, point: dict[int, int], c: int, direction: int, want: int, budget: int
    ) -> None:
        self.p, self.point, self.want, self.budget = p, point, want, budget
        self.sigma: dict[int, int] = {c: direction}
        self.changes: dict[int, int] = {}
        self.imbalance: dict[int, int] = {}
        self.slacks: dict[int, int] = {}
        self.seen: set[frozenset[tuple[int, int]]] = set()
        self.moves: dict[tuple[int, bool, bool], list[tuple[int, int, int, int | None]]] = {}
        self.nodes = 0
        self._move(c, direction)

    def run(self) -> tuple[dict[int, int], int, dict[int, int]] | None:
        if self._capacity(next(iter(self.sigma)), self.sigma[next(iter(self.sigma))]) < 1:
            return None
        if not self._dfs(0):
            return None
        step = self.want
        for j, s in self.sigma.items():
            step = min(step, self._capacity(j, s, self.changes.get(j)))
        for r, e in self.imbalance.items():
            if not self.p.equal[r] and e > 0:
                step = min(step, self._slack(r) // e)
        return (dict(self.sigma), step, dict(self.changes)) if step >= 1 else None

    def _value(self, i: int) -> int:
        return self.p.values[i] + self.point.get(i, 0)

    def _slack(self, r: int) -> int:
        if r not in self.slacks:
            moved = sum(a * self.point.get(i, 0) for i, a in self.p.members[r])
            self.slacks[r] = self.p.slack0[r] - moved
        return self.slacks[r]

    def _open(self, r: int) -> bool:
        e = self.imbalance.get(r, 0)
        return e != 0 if self.p.equal[r] else e > 0 and self._slack(r) < e

    def _move(self, j: int, s: int) -> None:
        for r, a in self.p.rels_of[j]:
            e = self.imbalance.get(r, 0) + a * s
            if e:
                self.imbalance[r] = e
            else:  # balanced: out of the way of the scan for open sums
                self.imbalance.pop(r, None)

    def _capacity(self, j: int, s: int, change: int | None = None) -> int:
        """How far ``j`` can move in direction ``s`` (with ``change``: once hidden so)."""
        p = self.p
        state = change if change is not None else p.state[j]
        value = self._value(j)
        if state == VISIBLE:
            return 0
        if s > 0:
            return (p.n - 1 - value) if state == SMALL else _UNLIMITED
        floor = 1 if state == SMALL else (p.n if p.values[j] >= p.n else 1)
        return value - floor

    def _option(self, j: int, s: int) -> tuple[int, int | None] | None:
        """(cost, state to give j) for moving ``j`` by ``s``; None when it cannot move."""
        p = self.p
        state = p.state[j]
        if state == VISIBLE:
            return (1, PROTECT) if self._capacity(j, s, PROTECT) >= 1 else None
        if self._capacity(j, s) >= 1:
            return (0, None)
        if state == SMALL and s > 0:
            return (2, PROTECT)  # shown "x" instead of "<N": may exceed N-1
        return None

    def _candidates(self, r: int, spent: int) -> list[tuple[int, int, int, int | None]]:
        """The moves that would reduce the imbalance of relation ``r``: (cell, direction,
        cost, state to give it), within the budget."""
        p = self.p
        up = self.imbalance[r] > 0
        room = self.budget - spent
        # Without room for a new hidden cell only the hidden members can move: they are few
        # where a sum has many members (the districts of the country).
        key = (r, up, room > 0)
        moves = self.moves.get(key)
        if moves is None:  # the same during one search: the point and the marks are fixed
            moves = []
            for j, a in p.members[r] if room > 0 else p.hidden_members[r]:
                if p.hideable[j]:
                    s = (-1 if (a > 0) == up else 1) if p.equal[r] else (-1 if a > 0 else 1)
                    option = self._option(j, s)
                    if option is not None:
                        moves.append((j, s, *option))
            self.moves[key] = moves
        return [m for m in moves if m[2] <= room and m[0] not in self.sigma]

    def _dfs(self, spent: int) -> bool:
        self.nodes += 1
        if self.nodes > _NODES or len(self.sigma) > _SIZE:
            return False
        state = frozenset(self.sigma.items())
        if state in self.seen:  # the same cells reached in another order: already explored
            return False
        self.seen.add(state)
        best: tuple[int, list[tuple[int, int, int, int | None]]] | None = None
        for r in self.imbalance:
            if self._open(r):
                found = self._candidates(r, spent)
                if not found:
                    return False  # a sum nothing can balance: give up this branch now
                if best is None or len(found) < len(best[1]):
                    best = (r, found)
        if best is None:
            return True
        duty, found = best
        ranked = sorted(found, key=lambda m: self._rank(m[0], m[1], duty, m[2]))
        for j, s, cost, change in ranked[:_BRANCH]:
            self.sigma[j] = s
            if change is not None:
                self.changes[j] = change
            self._move(j, s)
            if self._dfs(spent + cost):
                return True
            self._move(j, -s)
            del self.sigma[j]
            self.changes.pop(j, None)
        return False

    def _rank(self, j: int, s: int, duty: int, cost: int) -> tuple[int, int, int, int, int]:
        """Order of trial: cheapest; closing the most other open sums; opening the fewest;
        able to move all the way; smallest value (least information lost)."""
        closes = opens = 0
        for r, a in self.p.rels_of[j]:
            if r == duty:
                continue
            e = self.imbalance.get(r, 0)
            if self.p.equal[r]:
                if e * a * s < 0:
                    closes += 1
                elif e == 0:
                    opens += 1
            elif a * s > 0 and self._slack(r) < e + a * s:
                opens += 1
            elif a * s < 0 and e > 0:
                closes += 1
        short = (
            1
            if self._capacity(j, s, PROTECT if self.p.state[j] == VISIBLE else None) < (self.want)
            else 0
        )
        return (cost, -closes, opens, short, self._value(j))
