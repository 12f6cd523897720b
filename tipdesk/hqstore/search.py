"""Search on the PostgreSQL HQ database: the same records found as the SQLCipher store's FTS5
search (:func:`tipdesk.store.search.search`) finds for the same data.

Contract:
- Index: one table per searched kind (``cases_search``, ``victims_search``,
  ``trainings_search``, ``campaigns_search``; schema step 6), a row per stored, not deleted
  record, keyed by the record's ``rowid``. It holds the record's words as the SQLCipher store
  indexes them (the same texts: :func:`tipdesk.store.search.case_text` and its siblings,
  folded by :func:`tipdesk.core.folding.fold`, split into words as FTS5 does) twice: as a
  ``tsvector`` built from the words themselves (no parser, no stemming: a word is a lexeme)
  and, for the words holding a digit (case numbers, CNICs and their parts, codes), as
  ``body``, each word after one space, for ``pg_trgm``'s word-start trigrams.
  :class:`SearchIndex` buffers what an import changes and writes it at the batch's flush.
- Query (:func:`search`): every word typed must be a whole word of the record, the last may be
  a word's prefix (half-typed), as :func:`tipdesk.store.search.fts_query`. Results per kind
  are the first matches in ``rowid`` order, as FTS5 gives them, then cut to ``limit``.
- Plans: a plain ``ORDER BY rowid LIMIT n`` lets the planner walk the rowid index and test
  each row when it believes matches are common; for a rare prefix that reads every row (the
  backward- or forward-scan trap). A GIN index, for its part, can only build a bitmap of
  *every* match before the first comes out (a word in every case: a million rows). So, in
  turn, each exact (the first ``limit`` matches in rowid order, whichever plan finds them):

  1. the first ``PROBE * limit`` search rows in rowid order are tested (a bounded walk of
     the primary key, :data:`PROBE`): a common word or a one-letter prefix finds ``limit``
     matches there and stops, never touching the GIN index;
  2. else the matches are read through the GIN indexes, at most :data:`DENSE` of them (a rare
     word or prefix: exact, sorted in memory);
  3. only when there are that many is the rowid order walked, with bitmap scans off.

  A last word of one character after whole words (a dashed CNIC's check digit:
  ``35202-1234567-1``) is not looked up in the indexes (its prefix stands for a large part
  of the vocabulary): the whole words find the candidates and the full condition, prefix
  included, is tested on their rows, so the hits stay those of the SQLCipher search.
- Victims' identities are never in the index; victims found by identity come through the
  keyed word hashes of ``victim_terms`` (the caller passes them, as on SQLite).
- Known difference: a word longer than PostgreSQL's lexeme limit (2,046 bytes) is not
  indexed (FTS5 would index it); no one types such a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from tipdesk.core.folding import fold
from tipdesk.core.records import Campaign, Case, Record, Training, Victim
from tipdesk.hqstore.dialect import POSTGRES, identifier
from tipdesk.store.identity import terms_query
from tipdesk.store.list_matches import WORD
from tipdesk.store.rows import from_row, select_columns
from tipdesk.store.search import SearchHit, campaign_text, case_text, training_text

Conn = psycopg.Connection[tuple[object, ...]]

DENSE = 2000
"""Matches read through the GIN indexes before the rowid order is walked instead."""

PROBE = 10
"""Search rows tested in rowid order first, per hit asked (``limit``): a query matching one
row in ten or more ends there."""

_MAX_LEXEME = 2046  # bytes; PostgreSQL refuses longer lexemes

TABLES = {
    "case": "cases",
    "victim": "victims",
    "training": "trainings",
    "campaign": "campaigns",
}


def words_of(record: Record) -> list[str]:
    """The words ``record`` is found by (the SQLCipher store's index text, folded)."""
    if isinstance(record, Case):
        text = case_text(record)
    elif isinstance(record, Victim):
        text = record.victim_code  # never the identity (see the module contract)
    elif isinstance(record, Training):
        text = training_text(record)
    elif isinstance(record, Campaign):
        text = campaign_text(record)
    else:
        raise TypeError(f"{record.KIND} records are not indexed on their own")
    return text_words(text)


def text_words(text: str) -> list[str]:
    """The indexed words of an index text: folded, split as FTS5 splits them."""
    # A word of at most a quarter of the limit in characters fits whatever its letters (UTF-8
    # takes at most 4 bytes each): only longer ones are encoded to be measured.
    return [
        w
        for w in WORD.findall(fold(text))
        if len(w) <= _MAX_LEXEME // 4 or len(w.encode()) <= _MAX_LEXEME
    ]


def _lexeme(word: str) -> str:
    # The tsvector and tsquery literal syntax: a quoted lexeme, quote and backslash doubled.
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_text(words: Sequence[str]) -> str:
    """``words`` as a ``tsvector`` literal (each word one lexeme, as typed)."""
    if not words:
        return ""
    plain = "".join(words)
    if "'" in plain or "\\" in plain:
        return " ".join(_lexeme(w) for w in words)  # a word to escape: word by word
    # No quote nor backslash in any word (the usual case, and an import's every record comes
    # through here): the same literal in one join.
    return "'" + "' '".join(words) + "'"


def body_text(words: Sequence[str]) -> str:
    """The words holding a digit (case numbers, CNICs and their parts, codes), each after a
    space: ``LIKE '% pre%'`` is then "a word starts with pre" for a ``pre`` with a digit."""
    # A word of letters only (most words) holds no digit: no character-by-character test.
    return "".join(" " + w for w in words if not w.isalpha() and any(c.isdigit() for c in w))


class SearchIndex:
    """What one import changes in the search tables, written at :meth:`flush` (rows of one
    record: the last change wins, as the SQLCipher batch's delete-then-insert has it)."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[int, list[str] | None]] = {t: {} for t in TABLES.values()}

    def put(self, record: Record, rowid: int) -> None:
        """Index ``record`` stored at ``rowid`` (a deleted record leaves the index)."""
        table = TABLES[record.KIND]
        self._rows[table][rowid] = None if record.deleted else words_of(record)

    def flush(self, conn: Conn) -> None:
        """Write the buffered rows (inside the caller's transaction) and forget them."""
        with conn.cursor() as cur:
            for table, rows in self._rows.items():
                if not rows:
                    continue
                name = identifier(f"{table}_search")
                cur.execute(
                    f"DELETE FROM {name} WHERE rowid = ANY(%s)".encode(),  # noqa: S608
                    (list(rows),),
                )
                with cur.copy(f"COPY {name} (rowid, words, body) FROM STDIN".encode()) as copy:
                    for rowid, words in rows.items():
                        if words is not None:
                            copy.write_row((rowid, vector_text(words), body_text(words)))
                rows.clear()


def _children(conn: Conn, kind: str, case_ids: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    rows = conn.execute(
        f"SELECT {select_columns(kind)} FROM {TABLES_OF[kind]} "  # noqa: S608
        "WHERE case_id = ANY(%s) ORDER BY rowid".encode(),
        (case_ids,),
    )
    for row in rows:
        child = from_row(kind, row)
        out.setdefault(str(getattr(child, "case_id", "")), []).append(child)
    return out


TABLES_OF = {"accused": "accused", "victim": "victims"}


def rebuild(conn: Conn, page: int = 5000) -> int:
    """Index every stored record again from the record tables (a copied HQ: the SQLCipher
    store's FTS5 index holds no text to copy); inside the caller's transaction. Returns the
    rows indexed."""
    done = 0
    for kind, table in TABLES.items():
        after = 0
        while True:
            rows = conn.execute(
                f"SELECT rowid, {select_columns(kind)} FROM {identifier(table)} "  # noqa: S608
                "WHERE rowid > %s AND deleted = 0 ORDER BY rowid LIMIT %s".encode(),
                (after, page),
            ).fetchall()
            if not rows:
                break
            records = [(int(str(r[0])), from_row(kind, r[1:])) for r in rows]
            if kind == "case":
                ids = [rec.id for _rowid, rec in records]
                accused, victims = _children(conn, "accused", ids), _children(conn, "victim", ids)
                for _rowid, rec in records:
                    assert isinstance(rec, Case)
                    rec.accused, rec.victims = accused.get(rec.id, []), victims.get(rec.id, [])
            index = SearchIndex()
            for rowid, rec in records:
                index.put(rec, rowid)
            index.flush(conn)
            done += len(records)
            after = records[-1][0]
    return done


def query_words(text: str) -> list[str]:
    """The folded words of what a user typed (the SQLCipher search's)."""
    return WORD.findall(fold(text))


def _tsquery(words: Sequence[str], prefix_last: bool) -> str:
    last = len(words) - 1
    return " & ".join(
        _lexeme(w) + (":*" if prefix_last and i == last else "") for i, w in enumerate(words)
    )


@dataclass(frozen=True, slots=True)
class _Match:
    """The condition on a search table aliased ``s`` for the words typed: ``cond`` (with
    ``params``) is the search's meaning; ``indexed`` (with ``indexed_params``) is what the
    GIN indexes are asked, either ``cond`` itself or a looser condition whose rows are
    then tested with ``cond``."""

    cond: str
    params: list[Any]
    indexed: str
    indexed_params: list[Any]


def _match(words: Sequence[str]) -> _Match:
    """The condition for ``words`` (the last a prefix), and what the indexes are asked."""
    full = _tsquery(words, prefix_last=True)
    last = words[-1]
    if len(last) == 1 and len(words) > 1:
        # A one-character prefix (a dashed CNIC's check digit) matches a large part of the
        # vocabulary: the GIN index would merge every such lexeme's rows. The whole words
        # find the rows; ts_match_vq (the function behind @@, which no index serves) tests
        # the full condition on them.
        return _Match(
            "ts_match_vq(s.words, CAST(%s AS tsquery))",
            [full],
            "s.words @@ CAST(%s AS tsquery)",
            [_tsquery(words[:-1], prefix_last=False)],
        )
    sql = "s.words @@ CAST(%s AS tsquery)"
    params: list[Any] = [full]
    if 1 < len(last) < 5 and last.isascii() and any(c.isdigit() for c in last):
        # The same condition again for pg_trgm's index (the word-start trigrams of a case
        # number or CNIC fragment: a short number prefix stands for very many lexemes in the
        # tsvector index, a few trigrams here): the planner picks whichever reads less. Not
        # for a longer one: its lexemes are few, while its trigrams (a set, not a sequence:
        # "77777" is " 77" and "777") can stand for thousands of rows read to be refused.
        pattern = last.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql += " AND s.body LIKE %s"
        params.append(f"% {pattern}%")
    return _Match(sql, params, sql, params)


Rows = list[tuple[Any, ...]]


def _ordered(conn: Conn, table: str, columns: str, match: _Match, limit: int) -> Rows:
    """The first ``limit`` not deleted records of ``table`` matching, by rowid (see the
    module contract's plans): the first two plans in one statement (one round trip, which
    counts on a server whose cores importers keep busy), the third after it if need be."""
    t = identifier(table)
    cond, params = match.cond, match.params
    indexed, indexed_params = match.indexed, match.indexed_params
    if indexed != cond:  # the looser condition's rows tested with the search's own
        indexed, indexed_params = f"{indexed} AND {cond}", [*indexed_params, *params]
    # 1. `probe`: the first PROBE * limit rows in rowid order; if they hold `limit` matches,
    # those are the first `limit` matches of all (any earlier match would be among them).
    # 2. `found`: else (a one-time filter: the GIN indexes are not read otherwise) every
    # match through the GIN indexes, at most DENSE, its records sorted in memory.
    # The first column counts `found` (0 when the probe sufficed). `= ANY(ARRAY(...))`: the
    # records are read by their rowids (an IN could become a merge join walking the rowids).
    sql = (
        "WITH probe AS MATERIALIZED ("  # noqa: S608
        f"SELECT r.rowid AS k, {columns} FROM (SELECT rowid, words, body FROM {t}_search "
        f"ORDER BY rowid LIMIT %s) AS s JOIN {t} AS r ON r.rowid = s.rowid "
        f"WHERE {cond} AND r.deleted = 0 ORDER BY r.rowid LIMIT %s), "
        f"found AS MATERIALIZED (SELECT s.rowid FROM {t}_search AS s WHERE {indexed} "
        "AND (SELECT count(*) FROM probe) < %s LIMIT %s) "
        "SELECT (SELECT count(*) FROM found), q.* FROM ("
        "SELECT * FROM probe WHERE (SELECT count(*) FROM probe) >= %s UNION ALL "
        f"(SELECT r.rowid, {columns} FROM {t} AS r "
        "WHERE r.rowid = ANY(ARRAY(SELECT rowid FROM found)) AND r.deleted = 0 "
        "ORDER BY r.rowid LIMIT %s)) AS q ORDER BY q.k LIMIT %s"
    )
    args = (PROBE * limit, *params, limit, *indexed_params, limit, DENSE, limit, limit, limit)
    got = conn.execute(sql.encode(), args).fetchall()
    if not got or int(str(got[0][0])) < DENSE:
        return [tuple(r[2:]) for r in got]
    # 3. Common beyond the probe: walk the rowid order (bitmap scans would read every match
    # before the first).
    conn.execute("SET LOCAL enable_bitmapscan = off")
    rows: Rows = conn.execute(
        f"SELECT {columns} FROM {t} AS r JOIN {t}_search AS s ON s.rowid = r.rowid "  # noqa: S608
        f"WHERE {cond} AND r.deleted = 0 ORDER BY r.rowid LIMIT %s".encode(),
        (*params, limit),
    ).fetchall()
    conn.execute("SET LOCAL enable_bitmapscan = on")  # for what else the caller reads
    return rows


def rarest_first(conn: Conn, terms: Sequence[str]) -> list[str]:
    """Identity term hashes ordered by how many victims hold them (counted up to 1,000), the
    rarest first, as :func:`tipdesk.store.identity.terms_query` wants them."""
    counted = []
    for term in set(terms):
        row = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM victim_terms WHERE term = %s LIMIT 1000) AS x",
            (term,),
        ).fetchone()
        counted.append((int(str(row[0])) if row else 0, term))
    return [term for _n, term in sorted(counted)]


def search(
    conn: Conn, text: str, *, identity_terms: list[str] | None, limit: int = 50
) -> list[SearchHit]:
    """Search every record kind as :func:`tipdesk.store.search.search` does (module
    contract); read only (the caller's transaction is left for it to end)."""
    hits: list[SearchHit] = []
    words = query_words(text)
    if not words:
        return hits
    match = _match(words)
    rows = _ordered(conn, "cases", "r.id, r.case_number, r.district, r.stage", match, limit)
    hits += [SearchHit("case", r[0], r[1], f"{r[2]} · {r[3]}") for r in rows]
    rows = _ordered(conn, "victims", "r.id, r.victim_code, r.district", match, limit)
    if identity_terms:
        sql = (
            "SELECT v.id, v.victim_code, v.district FROM "  # noqa: S608
            f"({terms_query(len(identity_terms))}) AS m JOIN victims AS v ON v.id = m.victim_id "
            "WHERE v.deleted = 0 LIMIT ?"
        )
        ordered = rarest_first(conn, identity_terms)
        rows += conn.execute(POSTGRES.params(sql).encode(), (*ordered, limit)).fetchall()
    seen: set[str] = set()
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            hits.append(SearchHit("victim", r[0], r[1], r[2]))
    for table, kind in (("trainings", "training"), ("campaigns", "campaign")):
        rows = _ordered(conn, table, "r.id, r.title, r.district, r.start_on", match, limit)
        hits += [SearchHit(kind, r[0], r[1], f"{r[2]} · {r[3] or ''}") for r in rows]
    return hits[:limit] if len(hits) > limit else hits
