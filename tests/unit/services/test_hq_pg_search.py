"""Search on the PostgreSQL HQ (issue 20, the analysts): the same bundles imported into the
SQLCipher HQ and into PostgreSQL are found alike for the same words typed (whole words, a
half-typed last word, case numbers, CNIC parts, Urdu typed with other letter variants), after
edits and deletes too, on either query plan. Synthetic data only."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import case_for, export

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case
from tipdesk.hqstore import search as pg_search
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_read
from tipdesk.store.search import SearchHit


@pytest.fixture
def hq_db(pg_url: str) -> Iterator[HqDatabase]:
    db = HqDatabase(pg_url, max_size=2)
    yield db
    db.close()


URDU_NARRATIVE = "مُحمّد علی كو كراچی سے لے جايا گیا؛ مقدمہ ۱۲۳"
"""Arabic kaf and yeh, vowel marks and Urdu digits: found by the same words typed plainly."""

URDU_QUERIES = ("محمد", "کراچی", "كراچي", "علی کو", "مقدم", "123", "١٢٣", "جای")


def _queries(hq: Session) -> list[str]:
    """Words of what HQ holds, typed whole, half-typed and in pairs (some match nothing)."""
    texts = [
        str(r[0]) + " " + str(r[1] or "")
        for r in hq.store.query(
            "SELECT case_number, investigating_officer FROM cases ORDER BY id LIMIT 12"
        )
    ]
    texts += [str(r[0]) for r in hq.store.query("SELECT name FROM accused ORDER BY id LIMIT 8")]
    texts += [str(r[0]) for r in hq.store.query("SELECT cnic FROM accused ORDER BY id LIMIT 4")]
    texts += [str(r[0]) for r in hq.store.query("SELECT title FROM trainings LIMIT 4")]
    texts += [str(r[0]) for r in hq.store.query("SELECT title FROM campaigns LIMIT 4")]
    texts += [str(r[0]) for r in hq.store.query("SELECT victim_code FROM victims LIMIT 4")]
    words = sorted({w for t in texts for w in re.findall(r"\w+", t)})
    out = list(texts)
    out += words[:60]
    out += [w[:n] for w in words[:40] for n in (1, 2, 3) if len(w) > n]
    out += [" ".join(p) for p in itertools.pairwise(words[:30])]
    out += [*URDU_QUERIES, "FIR", "fir 1", "zzzqx", "-", ""]
    return out + _cnic_queries(hq)


def _cnic_queries(hq: Session) -> list[str]:
    """CNICs typed as people type them: dashed, a part and its check digit, a part and one
    digit of the next (a one-character last word after whole words), one digit alone, long
    number prefixes (five digits and more: no trigram condition)."""
    out = ["1", "3", "7", "fir 2", "0 1", "12345", "123456"]
    for row in hq.store.query("SELECT cnic FROM accused WHERE length(cnic) = 13 LIMIT 4"):
        cnic = str(row[0])
        out += [f"{cnic[:5]}-{cnic[5:12]}-{cnic[12]}", f"{cnic[5:12]} {cnic[12]}"]
        out += [f"{cnic[:5]}-{cnic[5]}", f"{cnic[:5]} {cnic[5:8]}", cnic[:5], cnic[:6]]
    return out


def _found(hits: list[SearchHit]) -> list[tuple[str, str, str, str]]:
    return [(h.kind, h.id, h.label, h.detail) for h in hits]


def _same(hq: Session, db: HqDatabase, queries: list[str], limit: int) -> int:
    """Both engines' hits for every query (in order); returns how many queries found any."""
    found = 0
    for text in queries:
        on_sqlite = _found(records.search(hq, text, limit=limit))
        on_pg = _found(hq_pg_read.search(hq, db, text, limit=limit))
        assert on_pg == on_sqlite, text
        found += bool(on_sqlite)
    return found


def test_the_same_bundles_are_found_alike_on_both_engines(
    svc_linked: tuple[Session, Session],
    hq_db: HqDatabase,
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, hq = svc_linked
    hq_pg.link(hq, hq_db)
    fill(lahore, seed=21, cases=30)
    urdu = case_for(lahore, narrative=URDU_NARRATIVE)
    gone = case_for(lahore, narrative="Zarkhezabad synthetic narrative")
    lahore.store.save([urdu, gone], lahore.actor())

    def both(out: str) -> None:
        data = export(lahore, tmp_path / out).read_bytes()
        assert sync.import_bundle_bytes(hq, data).status == "imported"
        assert hq_pg.import_bundle_bytes(hq, hq_db, data).status == "imported"

    both("one")
    queries = _queries(hq)
    assert _same(hq, hq_db, queries, limit=500) > len(queries) // 2
    for text in URDU_QUERIES:
        assert any(h.id == urdu.id for h in hq_pg_read.search(hq, hq_db, text)), text
    assert hq_pg_read.search(hq, hq_db, "Zarkhezabad")

    # Edits reach the index: an accused renamed, a case deleted.
    svc_clock.advance(60)
    edited = lahore.store.get("case", urdu.id)
    assert isinstance(edited, Case)
    edited.accused[0] = dataclasses.replace(edited.accused[0], name="Qudratullah Renamed")
    records.save(lahore, [edited])
    records.delete(lahore, "case", gone.id, reason="entered twice")
    both("two")
    assert [h.id for h in hq_pg_read.search(hq, hq_db, "qudratul")] == [urdu.id]
    assert not hq_pg_read.search(hq, hq_db, "Zarkhezabad")
    _same(hq, hq_db, [*queries, "Qudratullah", "renamed q", "Zarkhezabad"], limit=500)

    # A small limit (the first matches by rowid), on each plan: the probe of the first rows
    # (found there, or not: then the indexes), the indexes only, the rowid walk forced.
    _same(hq, hq_db, queries, limit=3)
    monkeypatch.setattr(pg_search, "PROBE", 0)
    _same(hq, hq_db, queries, limit=3)
    monkeypatch.setattr(pg_search, "DENSE", 2)
    _same(hq, hq_db, queries, limit=3)
    _same(hq, hq_db, queries, limit=500)
    monkeypatch.setattr(pg_search, "PROBE", 1)
    _same(hq, hq_db, queries, limit=3)


class _Recording:
    """A connection that notes each statement it is given (search reads through execute)."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn
        self.statements: list[str] = []

    def execute(self, query: bytes, params: object = None) -> object:
        self.statements.append(query.decode() if isinstance(query, bytes) else str(query))
        return self.conn.execute(query, params)  # type: ignore[call-overload]


def test_each_plan_is_taken_for_what_it_serves(
    svc_linked: tuple[Session, Session],
    hq_db: HqDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A common word ends at the probe of the first rows (the GIN indexes are not read: with
    DENSE at 1, any match read there would start the rowid walk); a dashed CNIC is asked of
    the indexes by its whole words, the one-character last word tested on the rows they
    find, and found alike on both engines."""
    lahore, hq = svc_linked
    hq_pg.link(hq, hq_db)
    fill(lahore, seed=22, cases=40)
    data = export(lahore, tmp_path / "one").read_bytes()
    assert sync.import_bundle_bytes(hq, data).status == "imported"
    assert hq_pg.import_bundle_bytes(hq, hq_db, data).status == "imported"
    cnic = str(hq.store.query("SELECT cnic FROM accused WHERE length(cnic) = 13 LIMIT 1")[0][0])
    dashed = f"{cnic[:5]}-{cnic[5:12]}-{cnic[12]}"
    monkeypatch.setattr(pg_search, "DENSE", 1)
    with hq_db.connection() as conn:
        common = _Recording(conn)
        hits = pg_search.search(common, "fir", identity_terms=None, limit=5)  # type: ignore[arg-type]
        assert [h.kind for h in hits] == ["case"] * 5
        on_cases = [q for q in common.statements if "cases_search" in q]
        assert len(on_cases) == 1 and "ORDER BY rowid LIMIT" in on_cases[0], on_cases
        assert not [q for q in common.statements if "enable_bitmapscan" in q]
        rare = _Recording(conn)
        hits = pg_search.search(rare, dashed, identity_terms=None, limit=5)  # type: ignore[arg-type]
        assert any(h.kind == "case" for h in hits)
        asked = [q for q in rare.statements if "FROM cases_search AS s WHERE" in q]
        assert len(asked) == 1 and "ts_match_vq" in asked[0] and "LIKE" not in asked[0]
        conn.rollback()
    monkeypatch.setattr(pg_search, "DENSE", 2000)
    _same(hq, hq_db, [dashed, f"{cnic[5:12]} {cnic[12]}", cnic[:7]], limit=5)


def test_a_copied_hq_is_indexed_like_an_imported_one(
    svc_linked: tuple[Session, Session], hq_db: HqDatabase
) -> None:
    lahore, hq = svc_linked
    hq_pg.link(hq, hq_db)
    fill(lahore, seed=22, cases=12)
    data = export(lahore, Path(hq.paths.home) / "out").read_bytes()
    hq_pg.import_bundle_bytes(hq, hq_db, data)

    def index() -> list[tuple[object, ...]]:
        with hq_db.connection() as conn:
            rows = [
                (t, *r)
                for t in ("cases", "victims", "trainings", "campaigns")
                for r in conn.execute(
                    f"SELECT rowid, words::text, body FROM {t}_search ORDER BY rowid"  # noqa: S608
                )
            ]
            conn.rollback()
        return rows

    imported = index()
    assert len(imported) > 12
    with hq_db.transaction() as conn:
        for t in ("cases", "victims", "trainings", "campaigns"):
            conn.execute(f"DELETE FROM {t}_search")  # noqa: S608
        assert pg_search.rebuild(conn, page=5) == len(imported)
    assert index() == imported


def test_an_hq_with_a_database_searches_it(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path
) -> None:
    lahore, hq = svc_linked
    hq_pg.configure(hq, pg_url)
    case = case_for(lahore, narrative="Qalandarabad synthetic narrative")
    lahore.store.save([case], lahore.actor())
    sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out").read_bytes())
    # Imported into PostgreSQL only (the HQ's store holds none of it): found there.
    assert not hq.store.search("qalandarabad", include_identity=True)
    assert [h.id for h in records.search(hq, "qalandarab")] == [case.id]
