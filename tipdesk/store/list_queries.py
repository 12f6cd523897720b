"""Read-only, keyset-paged list queries for the record lists (sorts, filters, full-text search).

Contract:
- Read-only: every function here only SELECTs, through :meth:`Store.query`; it must run on the
  store's thread like every other store call.
- Paging is by keyset, never by OFFSET: a :class:`Page` carries ``next_key``, the position after
  its last row, and the next call continues from there with an index range scan, so page 5,000
  costs what page 1 costs.
- A sort is a list of *segments*, each an index range read in index order: sorting cases by
  stage reads ``stage = 'registered'``, then ``'investigation'``... (the funnel order, not the
  alphabet) through the ``(stage, registered_on)`` index. Rows whose sort value is missing (no
  date, no age) come last in either direction. Only sorts an index serves are offered for the
  kinds that grow large (cases, victims: every column but counts and lists of codes, which no
  index orders); trainings and campaigns, a few thousand rows at most, sort by any column but
  their lists of codes. :func:`sort_of` names the sort of a column, or "" when there is none.
- While searching, :attr:`Page.matched` says for each row what the search matched that the
  list's columns may not show (an accused's or the officer's name, a trainee; a victim's
  identity only as the word ``identity``, never its value).
- Rows never carry a victim's identifying details: the victims list only learns whether a name
  was recorded, so it can show the mask.
- Full-text search uses the FTS5 indexes of :mod:`tipdesk.store.search`, with rules for text
  typed a key at a time (:func:`list_match`): every word must match and the last one matches
  as a prefix. The prefix is expanded through the index's vocabulary into the words it stands
  for when they are few (FTS5 reads such an OR lazily; a bare prefix query reads every matching
  entry first: 0.2 s for a prefix found in every one of 1,000,000 cases). A prefix of more
  words than that is read as a prefix from :data:`PREFIX_MIN` characters on and matched whole
  when shorter; a single letter waits for the next key (it does not narrow the list).
  Searching victims' identities is only done when the caller says the user may see them.
- The vocabulary is read through a connection-local ``temp`` fts5vocab table created on first
  use; nothing is written to the database file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.codes import Gender, Stage
from tipdesk.store import keyset
from tipdesk.store.identity import terms_query
from tipdesk.store.list_matches import WORD as _WORD
from tipdesk.store.list_matches import fold as _fold
from tipdesk.store.list_matches import matches
from tipdesk.store.store import Store

Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Column:
    """One list column: its name (a record field, or a derived name), the SQL that computes
    it over the table aliased ``t``, and the name of the sort that orders by it (or "")."""

    name: str
    sql: str
    sort: str = ""


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a list shows: the record kind, the search text, filters and the order.

    ``filters`` are equality filters on the columns :data:`FILTERS` allows for the kind;
    ``date_from``/``date_to`` bound the kind's main date (inclusive ISO dates); ``outcome``
    (cases) keeps cases with at least one accused of that outcome. ``sort`` names one of
    :func:`sorts` (empty: by the main date).
    """

    kind: str
    text: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    outcome: str = ""
    sort: str = ""
    descending: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """Rows of one page, each ``(id, *column values)`` in :func:`columns` order, and the key to
    pass as ``after`` for the next page (``None``: this was the last page). ``matched``: what
    the search matched in each row, by id (see :func:`matches`); empty without a search."""

    rows: list[tuple[Any, ...]]
    next_key: Key | None
    matched: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Spec:
    table: str
    fts: str
    date: str
    columns: tuple[Column, ...]
    filters: frozenset[str]
    # sort name -> order columns (the last one unique); "" is the main date.
    sorts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Columns that may be NULL: a sort by one lists the rows without a value last.
    nullable: frozenset[str] = frozenset()
    # Filters compared ignoring case (an officer's name as written).
    nocase: frozenset[str] = frozenset()


_COUNT_ACCUSED = "(SELECT count(*) FROM accused a WHERE a.case_id = t.id AND a.deleted = 0)"
_COUNT_VICTIMS = "(SELECT count(*) FROM victims v WHERE v.case_id = t.id AND v.deleted = 0)"
_CASE_NUMBER = "coalesce((SELECT c.case_number FROM cases c WHERE c.id = t.case_id), '')"
_COUNT_REFERRALS = "(SELECT count(*) FROM referrals r WHERE r.victim_id = t.id AND r.deleted = 0)"

SPECS: dict[str, _Spec] = {
    "case": _Spec(
        table="cases",
        fts="cases_fts",
        date="registered_on",
        columns=(
            Column("case_number", "t.case_number", "case_number"),
            Column("registered_on", "t.registered_on", "registered_on"),
            Column("stage", "t.stage", "stage"),
            Column("district", "t.district", "district"),
            Column("office", "t.office"),
            Column("accused", _COUNT_ACCUSED),
            Column("victims", _COUNT_VICTIMS),
            Column("exploitation_forms", "t.exploitation_forms"),
        ),
        filters=frozenset({"stage", "district", "office", "kind", "investigating_officer"}),
        sorts={
            "entered": ("rowid",),
            "registered_on": ("registered_on", "id"),
            "case_number": ("case_number", "rowid"),
            "stage": ("stage", "registered_on", "rowid"),
            "district": ("district", "registered_on", "rowid"),
            "office": ("office", "registered_on", "rowid"),
        },
        nullable=frozenset({"registered_on"}),
        nocase=frozenset({"investigating_officer"}),
    ),
    "victim": _Spec(
        table="victims",
        fts="victims_fts",
        date="identified_on",
        columns=(
            Column("victim_code", "t.victim_code", "victim_code"),
            Column("identified_on", "t.identified_on", "identified_on"),
            Column("name", "t.name != ''"),
            Column("gender", "t.gender"),
            Column("age", "t.age"),
            Column("district", "t.district"),
            Column("case_number", _CASE_NUMBER),
            Column("exploitation_forms", "t.exploitation_forms"),
            Column("referrals", _COUNT_REFERRALS),
        ),
        filters=frozenset({"gender", "district"}),
        sorts={
            "entered": ("rowid",),
            "identified_on": ("identified_on", "id"),
            "victim_code": ("victim_code", "rowid"),
            "gender": ("gender", "identified_on", "rowid"),
            "age": ("age", "rowid"),
            "district": ("district", "identified_on", "rowid"),
        },
        nullable=frozenset({"identified_on", "age"}),
    ),
    "training": _Spec(
        table="trainings",
        fts="trainings_fts",
        date="start_on",
        columns=(
            Column("title", "t.title", "title"),
            Column("start_on", "t.start_on", "start_on"),
            Column("end_on", "t.end_on"),
            Column("district", "t.district", "district"),
            Column("organiser", "t.organiser", "organiser"),
            Column("participants_total", "t.participants_total", "participants_total"),
            Column("participants_female", "t.participants_female"),
            Column("topics", "t.topics"),
        ),
        filters=frozenset({"district", "organiser"}),
        sorts={
            "entered": ("rowid",),
            "start_on": ("start_on", "id"),
            "title": ("title", "rowid"),
            "end_on": ("end_on", "rowid"),
            "district": ("district", "start_on", "rowid"),
            "organiser": ("organiser", "start_on", "rowid"),
            "participants_total": ("participants_total", "rowid"),
            "participants_female": ("participants_female", "rowid"),
        },
        nullable=frozenset({"start_on", "end_on"}),
    ),
    "campaign": _Spec(
        table="campaigns",
        fts="campaigns_fts",
        date="start_on",
        columns=(
            Column("title", "t.title", "title"),
            Column("start_on", "t.start_on", "start_on"),
            Column("district", "t.district", "district"),
            Column("department", "t.department", "department"),
            Column("kind", "t.kind", "kind"),
            Column("people_reached", "t.people_reached", "people_reached"),
            Column("national_campaign", "t.national_campaign"),
        ),
        filters=frozenset({"district", "department", "kind"}),
        sorts={
            "entered": ("rowid",),
            "start_on": ("start_on", "id"),
            "title": ("title", "rowid"),
            "district": ("district", "start_on", "rowid"),
            "department": ("department", "start_on", "rowid"),
            "kind": ("kind", "start_on", "rowid"),
            "people_reached": ("people_reached", "rowid"),
            "national_campaign": ("national_campaign", "rowid"),
        },
        nullable=frozenset({"start_on"}),
    ),
}

# Sorts by a coded column read the codes in this order (the rest follow, alphabetically).
_VALUE_ORDER: dict[str, tuple[str, ...]] = {
    "stage": tuple(s.value for s in Stage),
    "gender": tuple(g.value for g in Gender),
}


def kinds() -> list[str]:
    return list(SPECS)


def columns(kind: str) -> tuple[Column, ...]:
    """The columns of ``kind``'s list, in row order (after the id)."""
    return _spec(kind).columns


def sorts(kind: str) -> list[str]:
    """Names of the sorts ``kind`` offers."""
    return list(_spec(kind).sorts)


def sort_of(kind: str, column: str) -> str:
    """The sort that orders ``kind``'s list by ``column``, or "" when none can."""
    spec = _spec(kind)
    return column if column in spec.sorts and column != "entered" else ""


def _spec(kind: str) -> _Spec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"no list for {kind!r}") from None


@dataclass(frozen=True, slots=True)
class _Segment:
    """Rows matching ``where`` read in ``order`` (all ascending or all descending)."""

    where: str
    params: tuple[Any, ...]
    order: tuple[str, ...]


PREFIX_MIN = 3
EXPAND_MAX = 48


def _expand(store: Store, fts: str, prefix: str) -> list[str] | None:
    """The indexed words starting with ``prefix``, or ``None`` when there are too many."""
    vocab = f"{fts}_words"
    store.query(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} USING fts5vocab(main, '{fts}', 'row')"
    )
    rows = store.query(
        f"SELECT term FROM temp.{vocab} WHERE term >= ? AND term < ? "  # noqa: S608
        f"LIMIT {EXPAND_MAX + 1}",
        (prefix, prefix + "\U0010ffff"),
    )
    if len(rows) > EXPAND_MAX:
        return None
    return [str(r[0]) for r in rows]


def list_match(store: Store, fts: str, text: str, column: str = "") -> str | None:
    """The FTS5 query for ``text`` typed into a list's search box; ``None`` when the text
    does not narrow the list yet (no words, or a single letter).

    Every word must match; the last matches as a prefix (see the module docstring). Words are
    quoted, so no input is an FTS syntax error."""
    words = [_fold(w) for w in _WORD.findall(text)]
    words = [w for w in words if w]
    *head, last = words or [""]
    terms = [f'"{w}"' for w in head]
    if len(last) > 1:
        found = _expand(store, fts, last)
        if found:
            terms.append("(" + " OR ".join(f'"{w}"' for w in found) + ")")
        elif found is None and len(last) >= PREFIX_MIN:
            terms.append(f'"{last}"*')
        else:
            # Too short to read as a prefix of that many words, or no word starts so.
            terms.append(f'"{last}"')
    # else: a single letter is the start of a word: wait for the next key.
    if not terms:
        return None
    query = " AND ".join(terms)
    return f"{column} : ({query})" if column else query


@dataclass(frozen=True, slots=True)
class _Where:
    terms: list[str]
    params: list[Any]
    match: str | None  # the FTS5 query when searching


def _base(store: Store, spec: _Spec, q: ListQuery, include_identity: bool) -> _Where:
    """WHERE terms and parameters of the query's filters and search."""
    where = ["t.deleted = 0"]
    params: list[Any] = []
    for col, value in q.filters:
        if col not in spec.filters:
            raise ValueError(f"cannot filter {q.kind} by {col}")
        where.append(f"t.{col} = ? COLLATE NOCASE" if col in spec.nocase else f"t.{col} = ?")
        params.append(value)
    if q.date_from:
        where.append(f"t.{spec.date} >= ?")
        params.append(q.date_from)
    if q.date_to:
        where.append(f"t.{spec.date} <= ?")
        params.append(q.date_to)
    if q.outcome:
        if q.kind != "case":
            raise ValueError("only cases filter by the outcome of their accused")
        where.append(
            "EXISTS (SELECT 1 FROM accused a WHERE a.case_id = t.id AND a.deleted = 0 "
            "AND a.outcome = ?)"
        )
        params.append(q.outcome)
    match = None
    if q.text.strip():
        if q.kind == "victim" and include_identity:
            # Identities are not in the full-text index: they are found through keyed hashes
            # of whole words (tipdesk.store.identity), or'ed with the codes' index.
            code = list_match(store, spec.fts, q.text, "code")
            terms = store.vault.search_terms(q.text)
            either = []
            if code is not None:
                either.append(
                    f"t.rowid IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)"  # noqa: S608
                )
                params.append(code)
            if terms:
                either.append(f"t.id IN ({terms_query(len(terms))})")
                params += terms
            if either:
                where.append("(" + " OR ".join(either) + ")")
        else:
            column = "code" if q.kind == "victim" else ""
            match = list_match(store, spec.fts, q.text, column)
    return _Where(where, params, match)


def _segments(spec: _Spec, q: ListQuery) -> list[_Segment]:
    """The segments that list the rows in the query's order."""
    order = spec.sorts.get(q.sort or spec.date)
    if order is None:
        raise ValueError(f"cannot sort {q.kind} by {q.sort}")
    parts: list[tuple[str, tuple[Any, ...], tuple[str, ...]]] = []
    lead = order[0]
    values = _VALUE_ORDER.get(lead)
    if values is not None:
        # A coded column in its meaning's order: one segment per code, then any other code.
        seq: list[tuple[str, tuple[Any, ...], tuple[str, ...]]] = [
            (f"t.{lead} = ?", (v,), order[1:]) for v in values
        ]
        if q.descending:
            seq.reverse()
        marks = ", ".join("?" for _ in values)
        seq.append((f"t.{lead} NOT IN ({marks})", values, order))
        parts = seq
    else:
        parts = [("", (), order)]
    out: list[_Segment] = []
    for where, params, cols in parts:
        empty = cols[0] if cols and cols[0] in spec.nullable else None
        if empty is not None:
            # Rows without the value come last, in either direction. (A NULL further down the
            # order is compared as the index orders it: see keyset.after.)
            given = f"t.{empty} IS NOT NULL"
            missing = f"t.{empty} IS NULL"
            rest = tuple(c for c in cols if c != empty)
            out.append(_Segment(_and(where, given), params, cols))
            out.append(_Segment(_and(where, missing), params, rest))
        else:
            out.append(_Segment(where, params, cols))
    return out


def _and(a: str, b: str) -> str:
    return f"{a} AND {b}" if a else b


def page(
    store: Store,
    q: ListQuery,
    *,
    after: Key | None = None,
    limit: int = 100,
    include_identity: bool = False,
) -> Page:
    """One page of ``q``'s rows after the position ``after`` (a previous page's ``next_key``).

    A search in the ``entered`` order (newest entered first; the lists' order while searching)
    reads the full-text index in rowid order and stops after one page, so even a word found in
    every record answers at once. Any other order with a search first collects the matching
    rows: quick for a few thousand matches, slower (up to seconds at 1,000,000) for a word
    found everywhere.
    """
    spec = _spec(q.kind)
    segments = _segments(spec, q)
    base = _base(store, spec, q, include_identity)
    cmp = "<" if q.descending else ">"
    direction = "DESC" if q.descending else "ASC"
    select = ", ".join(["t.id", *(c.sql for c in spec.columns)])
    width = 1 + len(spec.columns)
    want = limit + 1  # one more than asked tells whether another page follows
    if base.match is not None and q.sort == "entered":
        terms = [f"{spec.fts} MATCH ?", *base.terms]
        args: list[Any] = [base.match, *base.params]
        if after is not None:
            terms.append(f"f.rowid {cmp} ?")
            args.append(after[1])
        sql = (
            f"SELECT {select}, f.rowid FROM {spec.fts} AS f "  # noqa: S608
            f"CROSS JOIN {spec.table} AS t ON t.rowid = f.rowid "
            f"WHERE {' AND '.join(terms)} ORDER BY f.rowid {direction} LIMIT {want}"
        )
        found = store.query(sql, args)
        rows = [tuple(r[:width]) for r in found]
        keys: list[Key] = [(0, r[width]) for r in found]
    else:
        where, params = list(base.terms), list(base.params)
        if base.match is not None:
            where.append(
                f"t.rowid IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)"  # noqa: S608
            )
            params.append(base.match)
        rows, keys = [], []
        start = 0 if after is None else int(after[0])
        for index in range(start, len(segments)):
            seg = segments[index]
            terms = [*where]
            args = [*params]
            if seg.where:
                terms.append(seg.where)
                args += seg.params
            order_sql = [f"t.{c}" for c in seg.order]
            if after is not None and index == start:
                where_after, after_args = keyset.after(order_sql, list(after[1:]), q.descending)
                terms.append(where_after)
                args += after_args
            sql = (
                f"SELECT {select}, {', '.join(order_sql)} FROM {spec.table} AS t "  # noqa: S608
                f"WHERE {' AND '.join(terms)} "
                f"ORDER BY {', '.join(f'{c} {direction}' for c in order_sql)} "
                f"LIMIT {int(want - len(rows))}"
            )
            for r in store.query(sql, args):
                rows.append(tuple(r[:width]))
                keys.append((index, *r[width:]))
            if len(rows) >= want:
                break
    more = len(rows) > limit
    rows = rows[:limit]
    matched = matches(store, q.kind, [str(r[0]) for r in rows], q.text) if q.text else {}
    return Page(rows, keys[limit - 1] if more else None, matched)


def count(
    store: Store, q: ListQuery, *, include_identity: bool = False, cap: int | None = None
) -> int:
    """How many rows ``q`` lists, counting at most ``cap + 1`` (a result above ``cap`` means
    "more than ``cap``"). Uncapped it scans the table: seconds at 1,000,000 rows, so run it
    off the GUI thread and never while someone waits for a page."""
    spec = _spec(q.kind)
    base = _base(store, spec, q, include_identity)
    if base.match is not None:
        source = (
            f"{spec.fts} AS f CROSS JOIN {spec.table} AS t ON t.rowid = f.rowid "
            f"WHERE {spec.fts} MATCH ? AND "
        )
        params = [base.match, *base.params]
    else:
        source = f"{spec.table} AS t WHERE "
        params = list(base.params)
    inner = f"SELECT 1 FROM {source}{' AND '.join(base.terms)}"  # noqa: S608
    if cap is not None:
        inner += f" LIMIT {int(cap) + 1}"
    return int(store.query(f"SELECT count(*) FROM ({inner})", params)[0][0])  # noqa: S608


def row(
    store: Store, kind: str, record_id: str, *, include_identity: bool = False
) -> tuple[Any, ...] | None:
    """The list row of one record (``None`` if it is absent or deleted), to refresh one line
    after an edit."""
    spec = _spec(kind)
    select = ", ".join(["t.id", *(c.sql for c in spec.columns)])
    found = store.query(
        f"SELECT {select} FROM {spec.table} AS t WHERE t.id = ? AND t.deleted = 0",  # noqa: S608
        (record_id,),
    )
    return tuple(found[0]) if found else None


def offices(store: Store) -> list[tuple[str, str, str]]:
    """(code, name, district) of the install's offices, by name."""
    return [(o.code, o.name, o.district) for o in store.offices()]


__all__: Sequence[str] = [
    "Column",
    "Key",
    "ListQuery",
    "Page",
    "columns",
    "count",
    "kinds",
    "list_match",
    "matches",
    "offices",
    "page",
    "row",
    "sort_of",
    "sorts",
]
