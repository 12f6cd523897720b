"""A large synthetic HQ store for the report benchmark, built with bulk inserts.

Building is not what the benchmark measures, so it bypasses the services and the store's
bookkeeping (no change log, audit chain or full-text rows): it writes rows straight into the
migrated schema through :mod:`tipdesk.store.driver` with ``synchronous = OFF`` (the schema's
triggers still fill the report summaries). Rows are written
roughly in registration-date order, as an HQ store fills from districts' bundles over the years.

The shape (per case: ``accused_per_case`` accused, one victim, a referral for one victim in four;
plus trainings and campaigns) and the spread (five years, every district of the reference list,
a few large districts much busier than the rest) are fixed by the seed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipdesk.core.ids import new_id
from tipdesk.core.reference import Reference
from tipdesk.store.driver import Connection, connect, transaction
from tipdesk.store.migrations import migrate
from tipdesk.store.rows import MAPPINGS, insert_sql

FIRST_DAY = dt.date(2021, 1, 1)
DAYS = 5 * 365
TODAY = dt.date(2026, 1, 31)
AT = "2026-01-31T00:00:00.000Z"
FORMS = ["forced_labour", "sexual_exploitation", "domestic_servitude", "child_labour",
         "forced_begging", "forced_marriage"]  # fmt: skip
SERVICES = ["shelter", "medical", "psychosocial", "legal_aid", "return_repatriation"]
DEPARTMENTS = ["punjab_labour", "sindh_labour", "kp_social_welfare", "punjab_child_protection",
               "fia", "police", "ngo"]  # fmt: skip
GENDERS = ["male"] * 8 + ["female"] * 2
STAGES = ["registered", "investigation", "challan", "trial", "decided"]
V_GENDERS = ["female"] * 6 + ["male"] * 3 + ["transgender"]


Batch = dict[str, list[tuple[Any, ...]]]
"""Rows of one batch by record kind (parents before children), in MAPPINGS' column order."""


@dataclass(frozen=True, slots=True)
class Size:
    cases: int
    accused_per_case: int
    campaigns: int
    trainings: int


class _Rows:
    """Builds row tuples in the column order of a table, from a template of defaults."""

    def __init__(self, table_kind: str, /, **defaults: Any) -> None:
        self.columns = MAPPINGS[table_kind].columns
        meta = {
            "created_at": AT, "created_by": "bench", "updated_at": AT, "updated_by": "bench",
            "origin_device": "bench", "updated_device": "bench", "version": 1, "deleted": 0,
        }  # fmt: skip
        self.template = [(meta | defaults).get(c) for c in self.columns]
        self.index = {c: i for i, c in enumerate(self.columns)}

    def row(self, **values: Any) -> tuple[Any, ...]:
        out = list(self.template)
        for name, value in values.items():
            out[self.index[name]] = value
        return tuple(out)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def build(
    path: Path,
    key: bytes,
    reference: Reference,
    size: Size,
    seed: int = 5,
    also: Callable[[Connection, Batch], None] | None = None,
) -> None:
    """Create the store at ``path`` (a new file) with ``size`` rows; ``also(conn, batch)`` is
    called with each batch, in its transaction, after its rows are inserted."""
    conn = connect(path, key, create=True)
    try:
        migrate(conn)
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -524288")
        # Indexes are dropped while filling and built again after: one sort per index is much
        # faster than millions of random inserts into it. The report summaries' triggers stay
        # (they fill the summaries as sync would) and so does the index they look accused up
        # by: without it every new case would scan all the accused.
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND name != 'accused_case' AND tbl_name IN "
            "('cases', 'accused', 'victims', 'referrals', 'trainings', 'campaigns')"
        ).fetchall()
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        for rows in batches(reference, size, random.Random(seed)):
            with transaction(conn):
                for kind, kind_rows in rows.items():
                    conn.executemany(insert_sql(kind), kind_rows)
                if also is not None:
                    also(conn, rows)
        for _name, sql in indexes:
            conn.execute(sql)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def _districts(reference: Reference, rng: random.Random) -> tuple[list[str], list[float]]:
    codes = sorted(reference.districts)
    weights = [rng.random() ** 3 + (8.0 if c in ("PB-LHR", "SD-KHI", "PB-FSD") else 0.05)
               for c in codes]  # fmt: skip
    return codes, weights


def _accused_pool(rng: random.Random) -> list[tuple[Any, ...]]:
    """Accused variants relative to their case's registration day: (gender, age, days to
    challan or None, outcome, days from challan to judgment or None, months of imprisonment).
    Drawing from a pool keeps the generator fast enough for millions of rows."""
    pool: list[tuple[Any, ...]] = []
    for _ in range(4096):
        to_challan: int | None = rng.randrange(20, 200) if rng.random() < 0.7 else None
        roll = rng.random()
        outcome, to_judgment, months = "pending", None, None
        if to_challan is not None and roll < 0.45:
            outcome = "convicted" if roll < 0.25 else "acquitted" if roll < 0.4 else "discharged"
            to_judgment = rng.randrange(60, 600)
            months = rng.randrange(6, 84) if outcome == "convicted" else None
        pool.append((rng.choice(GENDERS), rng.randrange(19, 65), to_challan, outcome,
                     to_judgment, months))  # fmt: skip
    return pool


def batches(reference: Reference, size: Size, rng: random.Random) -> Iterator[Batch]:
    """The store's rows, a batch at a time (also what bench/hq_pg_scale.py copies into
    PostgreSQL: the same rows on both engines)."""
    codes, weights = _districts(reference, rng)
    cum = list(itertools.accumulate(weights))
    cases = _Rows(
        "case", kind="fir", office="FIA-AHTC-LHR", law="tip_act_2018", sections='["3"]',
        means="[]", transnational=0, route_countries="[]", stage="registered", closed_reason="",
        official_involvement=0, official_action="", investigating_officer="", narrative="",
        dual_role_reviewed_by="",
    )  # fmt: skip
    accused = _Rows(
        "accused", name="Bench Accused", father_name="Bench Father", nationality="PK",
        role="recruiter", arrest_status="arrested", section="3", outcome="pending", court="",
        appeal="none", dual_role_matches="[]", dual_role_reviewed="[]", dual_role_reviewed_by="",
        dual_role_decision="",
    )  # fmt: skip
    victims = _Rows(
        "victim", name="", father_name="", cnic="", phone="", address="", nationality="PK",
        identified_by="", indicators="[]", consent_to_share=0, protection_measures="[]", notes="",
        owner="",
    )  # fmt: skip
    referrals = _Rows("referral", provider="", notes="", outcome="pending")
    iso = [_iso(FIRST_DAY + dt.timedelta(days=d)) for d in range(DAYS + 900)]
    last = (TODAY - FIRST_DAY).days
    pool = _accused_pool(rng)
    ai = accused.index
    a_fields = [ai[c] for c in ("id", "case_id", "gender", "age", "cnic")]
    a_dates = (ai["proceeded_on"], ai["outcome"], ai["judgment_on"], ai["imprisonment_months"])
    forms_json = [json.dumps([f]) for f in FORMS]
    victim_forms = ["[]", *forms_json, *forms_json, *forms_json,
                    *(json.dumps(sorted(p)) for p in itertools.combinations(FORMS, 2))]  # fmt: skip
    ages = [None, *range(6, 50)]
    batch = 20_000
    # Registration days in order, so rows land in date order as at a real HQ.
    days = sorted(rng.randrange(DAYS) for _ in range(size.cases))
    for start in range(0, size.cases, batch):
        c_rows, a_rows, v_rows, r_rows = [], [], [], []
        for n in range(start, min(start + batch, size.cases)):
            reg = days[n]
            district = codes[bisect.bisect(cum, rng.random() * cum[-1])]
            cid = new_id()
            official = rng.random() < 0.03
            c_rows.append(cases.row(
                id=cid, case_number=f"FIR {n}/{iso[reg][:4]}", registered_on=iso[reg],
                district=district, owner=district, stage=STAGES[n % len(STAGES)],
                official_involvement=int(official),
                official_action="suspended" if official and n % 3 else "",
                exploitation_forms=forms_json[n % len(forms_json)],
            ))  # fmt: skip
            for _ in range(size.accused_per_case):
                gender, age, to_challan, outcome, to_judgment, months = pool[rng.getrandbits(12)]
                row = list(accused.template)
                for i, v in zip(
                    a_fields,
                    (new_id(), cid, gender, age, f"{rng.getrandbits(43):013d}"),
                    strict=True,
                ):
                    row[i] = v  # fmt: skip
                if to_challan is not None and reg + to_challan <= last:
                    row[a_dates[0]] = iso[reg + to_challan]
                    if to_judgment is not None and reg + to_challan + to_judgment <= last:
                        row[a_dates[1]] = outcome
                        row[a_dates[2]] = iso[reg + to_challan + to_judgment]
                        row[a_dates[3]] = months
                a_rows.append(tuple(row))
            vid = new_id()
            v_rows.append(victims.row(
                id=vid, case_id=cid, victim_code=f"V-{n:08d}", district=district,
                gender=V_GENDERS[n % len(V_GENDERS)], age=ages[rng.getrandbits(16) % len(ages)],
                exploitation_forms=victim_forms[n % len(victim_forms)],
                identified_on=iso[reg], nationality="AF" if n % 10 == 3 else "PK",
            ))  # fmt: skip
            if n % 4 == 0:
                done = n % 3 != 0
                r_rows.append(referrals.row(
                    id=new_id(), victim_id=vid, service=SERVICES[n % len(SERVICES)],
                    referred_on=iso[reg], outcome="provided" if done else "pending",
                    outcome_on=iso[min(reg + 20, last)] if done else None,
                ))  # fmt: skip
        yield {"case": c_rows, "accused": a_rows, "victim": v_rows, "referral": r_rows}
    yield _activities(codes, weights, size, rng)


def _activities(codes: list[str], weights: list[float], size: Size, rng: random.Random) -> Batch:
    trainings = _Rows(
        "training", title="Bench training", topics='["investigation"]', partners="[]",
        venue="", roster="[]", participants_transgender=0,
    )  # fmt: skip
    campaigns = _Rows(
        "campaign", title="Bench campaign", kind="seminar", venue="", partners="[]",
        national_campaign="", notes="",
    )  # fmt: skip
    t_rows, c_rows = [], []

    for _ in range(size.trainings):
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        female = rng.randrange(0, 15)
        male = rng.randrange(5, 30)
        t_rows.append(trainings.row(
            id=new_id(), organiser=rng.choice(("fia", "punjab_police", "sindh_police")),
            start_on=_iso(start), end_on=_iso(start + dt.timedelta(days=2)),
            district=(place := rng.choices(codes, weights)[0]), owner=place,
            participants_total=female + male,
            participants_female=female, participants_male=male,
            participants_by_agency=json.dumps({"fia": female + male}),
        ))  # fmt: skip

    for _ in range(size.campaigns):
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        c_rows.append(campaigns.row(
            id=new_id(), department=rng.choice(DEPARTMENTS), start_on=_iso(start),
            end_on=_iso(start), district=(place := rng.choices(codes, weights)[0]), owner=place,
            people_reached=rng.randrange(20, 2000),
        ))  # fmt: skip
    return {"training": t_rows, "campaign": c_rows}
