"""Full-text search (FTS5) over cases, victims, trainings and campaigns.

Contract:
- Index rows share the rowid of the record's own table, so an update replaces its row.
- Cases index the case number, narrative, officer, accused names and CNICs (13 digits and the
  dashed form) and victim codes. Victims index their code only: a victim's identity (name,
  father's name, CNIC, phone) is searched through keyed hashes of its words
  (:mod:`tipdesk.store.identity`), only when the caller passes them (the services layer
  decides who may).
- :func:`fts_query` turns what a user typed into a safe FTS5 query (every word a quoted prefix
  term), so no input is an FTS syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipdesk.core.folding import fold
from tipdesk.core.records import Campaign, Case, Record, Training, Victim
from tipdesk.store.driver import Connection
from tipdesk.store.identity import terms_query

# Words as the FTS tokenizer sees them: "_" is a separator there, so "a_b" would be a
# two-token phrase (refused by the detail=none indexes).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _cnic_terms(cnic: str) -> str:
    if len(cnic) == 13 and cnic.isdigit():
        return f"{cnic} {cnic[:5]}-{cnic[5:12]}-{cnic[12]}"
    return cnic


def case_text(case: Case) -> str:
    parts = [case.case_number, case.investigating_officer, case.narrative]
    for a in case.accused:
        if not a.deleted:
            parts += [a.name, a.father_name, _cnic_terms(a.cnic)]
    parts += [v.victim_code for v in case.victims if not v.deleted]
    return " ".join(p for p in parts if p)


def victim_texts(victim: Victim) -> tuple[str, str]:
    """A victim's index columns: its code, and nothing of its identity (identities are found
    through keyed hashes, :mod:`tipdesk.store.identity`, never plaintext words in an index)."""
    return victim.victim_code, ""


def training_text(t: Training) -> str:
    return " ".join(p for p in (t.title, t.venue, *t.roster) if p)


def campaign_text(c: Campaign) -> str:
    return " ".join(p for p in (c.title, c.venue, c.national_campaign, c.notes) if p)


def _texts(record: Record) -> tuple[str, tuple[str, ...]]:
    """The FTS table of ``record`` and the folded text of each of its columns
    (:func:`tipdesk.core.folding.fold`: queries are folded the same way)."""
    table, texts = _raw_texts(record)
    return table, tuple(fold(t) for t in texts)


def _raw_texts(record: Record) -> tuple[str, tuple[str, ...]]:
    if isinstance(record, Case):
        return "cases_fts", (case_text(record),)
    if isinstance(record, Victim):
        return "victims_fts", victim_texts(record)
    if isinstance(record, Training):
        return "trainings_fts", (training_text(record),)
    if isinstance(record, Campaign):
        return "campaigns_fts", (campaign_text(record),)
    raise TypeError(f"{record.KIND} records are not indexed on their own")


_COLUMNS = {
    "cases_fts": "text",
    "victims_fts": "code, identity",
    "trainings_fts": "text",
    "campaigns_fts": "text",
}
_SOURCE = {
    "cases_fts": "cases",
    "victims_fts": "victims",
    "trainings_fts": "trainings",
    "campaigns_fts": "campaigns",
}


def reindex(conn: Connection, rowid: int, record: Record) -> None:
    """Replace the index row of a stored record (or drop it when the record is deleted)."""
    table, texts = _texts(record)
    conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))  # noqa: S608
    if not record.deleted:
        marks = ", ".join("?" for _ in texts)
        conn.execute(
            f"INSERT INTO {table}(rowid, {_COLUMNS[table]}) VALUES (?, {marks})",  # noqa: S608
            (rowid, *texts),
        )


def new_row_index(record: Record) -> tuple[str, tuple[str, ...]]:
    """SQL and parameters that index a record inserted in the same transaction, by its id."""
    table, texts = _texts(record)
    marks = ", ".join("?" for _ in texts)
    sql = (
        f"INSERT INTO {table}(rowid, {_COLUMNS[table]}) "  # noqa: S608
        f"SELECT rowid, {marks} FROM {_SOURCE[table]} WHERE id = ?"
    )
    return sql, (*texts, record.id)


def rowid_index(record: Record, rowid: int) -> tuple[str, tuple[object, ...]]:
    """The head of an INSERT (``INSERT INTO table(rowid, columns)``, without its VALUES) and
    the values that index a record inserted with a known ``rowid``: a direct insert, several
    times faster than :func:`new_row_index`'s look-up by id. Rows that share a head can be
    inserted together (:func:`tipdesk.store.driver.insert_rows`)."""
    table, texts = _texts(record)
    return f"INSERT INTO {table}(rowid, {_COLUMNS[table]})", (rowid, *texts)


def fts_query(text: str, column: str = "") -> str | None:
    """A safe FTS5 query for ``text`` (None if it has no words).

    Every word must match. Only the last word matches as a prefix (it may be half-typed);
    earlier words match whole, which keeps queries like ``V-LHR-0012`` fast: a one-letter
    prefix would otherwise merge the doclists of every term starting with that letter.
    Words are quoted, so no input is an FTS syntax error.
    """
    words = _WORD.findall(fold(text))
    if not words:
        return None
    # A row indexed before folding (TIPDesk 0.x) holds its words as typed: a word whose
    # folded form differs (Urdu variant letters, case) matches either form.
    raw = [w.casefold() for w in _WORD.findall(text)]
    alternatives = raw if len(raw) == len(words) else words
    pairs = list(zip(words, alternatives, strict=True))

    def term(word: str, typed: str, star: str) -> str:
        if typed == word:
            return f'"{word}"{star}'
        return f'("{word}"{star} OR "{typed}"{star})'

    last = len(words) - 1
    parts = [term(w, t, "*" if i == last else "") for i, (w, t) in enumerate(pairs)]
    # FTS5 takes an implicit AND between phrases only: a bracketed alternative needs AND.
    terms = " AND ".join(parts) if any(p.startswith("(") for p in parts) else " ".join(parts)
    return f"{column} : ({terms})" if column else terms


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: enough to show a line and open the record; never an identity."""

    kind: str
    id: str
    label: str
    detail: str


def search(
    conn: Connection, text: str, *, identity_terms: list[str] | None, limit: int = 50
) -> list[SearchHit]:
    """Search every record kind; unranked (fast at any size), newest records first per kind.
    ``identity_terms`` (keyed hashes of the words typed, for users who may search
    identities) also finds victims whose name, father's name, CNIC or phone holds every word
    as a whole word."""
    hits: list[SearchHit] = []
    q = fts_query(text)
    if q is None:
        return hits
    rows = conn.execute(
        "SELECT c.id, c.case_number, c.district, c.stage FROM cases_fts f "
        "JOIN cases c ON c.rowid = f.rowid WHERE cases_fts MATCH ? AND c.deleted = 0 LIMIT ?",
        (q, limit),
    ).fetchall()
    hits += [SearchHit("case", r[0], r[1], f"{r[2]} · {r[3]}") for r in rows]
    rows = conn.execute(
        "SELECT v.id, v.victim_code, v.district FROM victims_fts f "
        "JOIN victims v ON v.rowid = f.rowid WHERE victims_fts MATCH ? AND v.deleted = 0 "
        "LIMIT ?",
        (fts_query(text, "code"), limit),
    ).fetchall()
    if identity_terms:
        # Driven by the rarest term's rows and stopped at the limit (see terms_query).
        sql = (
            "SELECT v.id, v.victim_code, v.district FROM "  # noqa: S608
            f"({terms_query(len(identity_terms))}) AS m JOIN victims AS v ON v.id = m.victim_id "
            "WHERE v.deleted = 0 LIMIT ?"
        )
        rows += conn.execute(sql, (*identity_terms, limit)).fetchall()
    seen: set[str] = set()
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            hits.append(SearchHit("victim", r[0], r[1], r[2]))
    for table, kind in (("trainings", "training"), ("campaigns", "campaign")):
        rows = conn.execute(
            f"SELECT t.id, t.title, t.district, t.start_on FROM {table}_fts f "  # noqa: S608
            f"JOIN {table} t ON t.rowid = f.rowid WHERE {table}_fts MATCH ? AND t.deleted = 0 "
            "LIMIT ?",
            (q, limit),
        ).fetchall()
        hits += [SearchHit(kind, r[0], r[1], f"{r[2]} · {r[3] or ''}") for r in rows]
    return hits[:limit] if len(hits) > limit else hits
