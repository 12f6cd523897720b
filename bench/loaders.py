"""The installs, demo records and PostgreSQL databases the sync and HQ benches load
(:mod:`bench.sync`, :mod:`bench.hq_pg`, :mod:`bench.hq_pg_dash`, :mod:`bench.hq_pg_inbox`),
written once so that every bench measures the same kind of data.

Contract: installs have one user ``bench`` (:data:`PASSPHRASE`, a cheap key derivation:
sign-in is never measured) and the system clock; demo records are the demo generator's
(seed 3), about the number of rows asked; a linked district is enrolled with the HQ, its
device registered there, filled and its one bundle exported. PostgreSQL is ``BENCH_PG_URL``
(an empty database) or a throwaway cluster started like the tests' (``tests/pg_cluster.py``:
Unix socket, fsync off); the caller stops the cluster it is given.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import psycopg

from tipdesk.core.clock import SystemClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import sync
from tipdesk.services.demo import generate
from tipdesk.services.session import Session, init_install
from tipdesk.store.keys import KdfParams

ROWS_PER_CASE = 9.15  # what the demo generator makes per case, trainings and campaigns included
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # sign-in is not measured here
PASSPHRASE = "quiet river, synthetic store"  # noqa: S105

TWO_DISTRICTS = (
    ("Lahore", "FIA-AHTC-LHR", "PB-LHR"),
    ("Multan", "FIA-AHTC-MLT", "PB-MLT"),
)
"""(district, office, district code) of the two districts the HQ benches load."""


def install(
    home: Path, role: InstallRole, district: str = "Lahore", office: str = "FIA-AHTC-LHR"
) -> Session:
    """A new install at ``home`` (a district's ``district`` and ``office``), signed in."""
    extra = {"district": district, "office": office} if role is InstallRole.DISTRICT else {}
    session, _recovery = init_install(
        Paths(home), role=role, user="bench", passphrase=PASSPHRASE, clock=SystemClock(),
        kdf=FAST_KDF, **extra,
    )  # fmt: skip
    return session


def sign_in_again(home: Path) -> Session:
    """The bench user signed in again to the install at ``home``."""
    from tipdesk.services.session import sign_in

    return sign_in(Paths(home), user="bench", passphrase=PASSPHRASE, clock=SystemClock())


def fill_district(session: Session, rows: int, district: str, office: str) -> int:
    """Demo records (about ``rows``) of ``district``'s ``office``, saved 500 at a time; the
    number of records made."""
    cases = max(1, round(rows / ROWS_PER_CASE))
    data = generate(
        session.reference, seed=3, cases=cases, district=district,
        offices=sorted(session.office_codes() & {office}) or [office],
        today=session.clock.now().date(),
    )  # fmt: skip
    records = data.records()
    for i in range(0, len(records), 500):
        session.store.save(records[i : i + 500], session.actor())
    return sum(data.counts().values())


def link(district: Session, hq: Session, enrolment: Path, device_file: Path) -> None:
    """``district`` enrolled with HQ (its enrolment file already exported to ``enrolment``)
    and its device registered at ``hq`` through ``device_file``."""
    sync.enroll(district, enrolment)
    sync.export_device_file(district, device_file)
    sync.register_device(hq, device_file)


def linked_district(tmp: Path, hq: Session, name: str, office: str, code: str, rows: int) -> Path:
    """A district install ``tmp/name`` linked with ``hq`` (whose enrolment is
    ``tmp/hq.json``), filled with about ``rows`` records; the path of its one bundle."""
    district = install(tmp / name, InstallRole.DISTRICT, district=name, office=office)
    try:
        link(district, hq, tmp / "hq.json", tmp / f"{name}.json")
        fill_district(district, rows, code, office)
        out = tmp / f"out-{name}"
        out.mkdir()
        result = sync.export_bundle(district, out)
        assert result.path is not None
        return result.path
    finally:
        district.close()


def hq_and_two_bundles(tmp: Path, records: int) -> list[Path]:
    """An HQ install ``tmp/hq`` (closed again) with :data:`TWO_DISTRICTS` linked to it,
    ``records`` in all, half each; their bundles (not imported yet)."""
    hq = install(tmp / "hq", InstallRole.HQ)
    try:
        sync.export_enrolment(hq, tmp / "hq.json")
        return [
            linked_district(tmp, hq, name, office, code, records // 2)
            for name, office, code in TWO_DISTRICTS
        ]
    finally:
        hq.close()


def cluster_url() -> tuple[str, object | None]:
    """The PostgreSQL administration URL, and the throwaway cluster to stop (``None`` with
    ``BENCH_PG_URL``)."""
    url = os.environ.get("BENCH_PG_URL")
    if url:
        return url, None
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import pg_cluster  # the tests' throwaway cluster (not part of the app)

    cluster = pg_cluster.start()
    return cluster.url(), cluster


def fresh_database(admin_url: str, name: str) -> str:
    """A new empty database ``name`` (one of the bench's own names) and its URL."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0'.encode())
    return admin_url.replace("/postgres?", f"/{name}?", 1)
