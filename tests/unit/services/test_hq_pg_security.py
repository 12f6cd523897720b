"""Security of the PostgreSQL HQ (issue 20): no secret key and no identity readable in the
database, its files or its backup. Synthetic data only."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import case_files as F
import psycopg
import pytest
from pg_cluster import Cluster
from sync_support import case_for, export, run_cli

from tipdesk.core.records import Victim
from tipdesk.hqstore import dump as pg_dump
from tipdesk.hqstore import keys as pg_keys
from tipdesk.hqstore.files import wrapping_key
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.hqstore.vault import PgVault
from tipdesk.services import attachments, records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.common import own_identity
from tipdesk.store.rows import MAPPINGS, from_row
from tipdesk.sync import age

FILE_NAMES = ("fir-Nargis-Scancheck.pdf", "medical-Rukhsana-Scancheck.pdf")
FILE_NOTES = ("FIR copy OKAPI-6620", "Medical note TAPIR-4418")
FILE_SECRET = "Victim medical finding NARWHAL-3305"


def key_forms(secret: bytes) -> list[bytes]:
    """How a key could be written down: raw, hex (both cases), base64 (standard, URL-safe,
    unpadded), each text form in UTF-8 and UTF-16 (both byte orders)."""
    texts = {
        secret.hex(),
        secret.hex().upper(),
        base64.b64encode(secret).decode(),
        base64.urlsafe_b64encode(secret).decode(),
        base64.b64encode(secret).decode().rstrip("="),
    }
    forms = {secret}
    for text in texts:
        forms |= {text.encode(), text.encode("utf-16-le"), text.encode("utf-16-be")}
    return sorted(forms)


def table_texts(url: str) -> dict[str, str]:
    """Every table of the database's public schema, all rows as PostgreSQL's text."""
    out: dict[str, str] = {}
    with psycopg.connect(url) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        for table in tables:
            rows = conn.execute(f'SELECT t::text FROM "{table}" AS t'.encode()).fetchall()  # noqa: S608
            out[table] = "\n".join(str(r[0]) for r in rows)
    return out


def dump_as_sql(url: str) -> bytes:
    """The database's ``pg_dump`` (what ``hq backup`` encrypts), as SQL text."""
    return as_sql(pg_dump.dump(url))


def as_sql(dump: bytes) -> bytes:
    """A custom-format dump (compressed) as the SQL text it holds, to read every value."""
    return subprocess.run(
        [pg_dump.tool("pg_restore"), "--file=-"], input=dump, capture_output=True, check=True
    ).stdout


def test_no_table_or_dump_holds_the_index_key_after_an_import(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path
) -> None:
    lahore, hq = svc_linked
    fill(lahore, seed=61, cases=8)
    shared = case_for(lahore, case_number="FIR 9610/2019")
    shared.victims[0].consent_to_share = True
    shared.victims[0].cnic = "61101-7654321-9"
    records.save(lahore, [shared])
    hq_pg.configure(hq, pg_url)
    result = sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out").read_bytes())
    assert result.status == "imported"
    index_key = hq_pg.install_index_key(hq)
    assert len(index_key) == 32
    texts = table_texts(pg_url)
    # The import did hash with the key: the victims' blind index is filled ...
    assert texts["victim_keys"] and texts["victim_terms"]
    # ... and the database knows the key only by its fingerprint.
    assert pg_keys.fingerprint(index_key) in texts["settings"]
    everything = "\n".join(texts.values()).encode()
    dumped = dump_as_sql(pg_url)
    assert b"COPY public.victim_keys" in dumped
    for form in key_forms(index_key):
        assert form not in everything
        assert form not in dumped


def test_an_import_with_another_installs_key_is_refused_and_writes_nothing(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path
) -> None:
    lahore, hq = svc_linked
    fill(lahore, seed=62, cases=3)
    hq_pg.configure(hq, pg_url)
    opened = hq_pg.open_bundle(hq, export(lahore, tmp_path / "out").read_bytes())
    opened.index_key = bytes(32)  # as if another HQ install opened it
    with HqDatabase(pg_url, max_size=1) as db:
        with pytest.raises(pg_keys.LinkedElsewhere, match="linked to another HQ install"):
            hq_pg.apply_opened(db, opened)
        with db.connection() as conn:
            assert conn.execute("SELECT count(*) FROM sync_bundles").fetchone() == (0,)
            assert conn.execute("SELECT count(*) FROM cases").fetchone() == (0,)


# Synthetic identities, unique to this test, sent with consent so that they reach HQ.
IDENTITIES = [
    {
        "name": "Parveen Scanmark-Synthetic",
        "father_name": "Qadeer Scanfather-Synthetic",
        "cnic": "61101-4827361-4",
        "phone": "0345-7319264",
        # As long as an address may be (its sealed token is still under TOAST's threshold:
        # the TOAST files are scanned with the rest all the same).
        "address": "Mohalla Scanpur-Synthetic " + "gali " * 50,
    },
    {
        "name": "ثمینہ اسکینو",
        "father_name": "رشید اسکینو",
        "cnic": "42101-9384756-2",
        "phone": "0312-8846120",
        "address": "Scanabad-Synthetic, Karachi",
    },
]


def identity_needles(identity: dict[str, str]) -> list[bytes]:
    """Each value in UTF-8 and UTF-16 (both byte orders); a CNIC also without dashes."""
    texts = set(identity.values())
    texts.add(identity["cnic"].replace("-", ""))
    texts.add(identity["phone"].replace("-", ""))
    found: set[bytes] = set()
    for text in texts:
        text = text.strip()
        found |= {text.encode(), text.encode("utf-16-le"), text.encode("utf-16-be")}
    return sorted(found)


def scan(paths: list[Path], needles: list[bytes]) -> list[str]:
    """``path: needle`` for every needle found in a file's raw bytes."""
    hits = []
    for path in paths:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            # The server removes some files while it runs (pg_internal.init, a recycled WAL
            # segment, a temporary file): what is gone between listing and reading holds nothing.
            continue
        hits += [f"{path}: {n!r}" for n in needles if n in data]
    return hits


def test_no_identity_or_key_in_the_servers_files_or_the_backup(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    pg_cluster: Cluster,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The plaintext scan of issue 20: after imports and a checkpoint, no file of the
    cluster's data folder (tables, indexes, TOAST, WAL, everything) and neither the backup
    nor its decrypted dump holds a synthetic identity (UTF-8 or UTF-16), the index key or
    HQ's identity key."""
    lahore, hq = svc_linked
    hq_pg.configure(hq, pg_url)
    codes = []
    for i, identity in enumerate(IDENTITIES):
        case = case_for(lahore, case_number=f"FIR 9620{i}/2019")
        case.victims[0].consent_to_share = True
        for field, value in identity.items():
            setattr(case.victims[0], field, value)
        records.save(lahore, [case])
        codes.append(case.victims[0].victim_code)
        bundle = export(lahore, tmp_path / f"out{i}").read_bytes()
        assert sync.import_bundle_bytes(hq, bundle).status == "imported"
    # Case files (branch pgfiles): a case's file and a victim's, sent to HQ, with names and
    # notes of their own; their content, name and note are needles too.
    (tmp_path / FILE_NAMES[0]).write_bytes(F.pdf())
    (tmp_path / FILE_NAMES[1]).write_bytes(F.pdf(FILE_SECRET))
    sent = [
        attachments.attach(lahore, tmp_path / FILE_NAMES[0], case_id=case.id, note=FILE_NOTES[0]),
        attachments.attach(
            lahore, tmp_path / FILE_NAMES[1], victim_id=case.victims[0].id, note=FILE_NOTES[1]
        ),
    ]
    for item in sent:
        attachments.send_to_hq(lahore, item.id)
    done = sync.export_bundle(lahore, tmp_path / "files")
    report = sync.import_files(
        hq, [*(b.path for b in done.files), *(f.path for f in done.case_files)]
    )
    assert report.errors == [] and [f.status for f in report.files] == ["imported"] * 2
    assert attachments.content(hq, sent[0].id).data == F.pdf()
    # The identities did reach HQ (sealed): a revealing officer reads them back.
    shown = {v.name for v in hq_pg_victims(hq, pg_url)}
    assert {i["name"] for i in IDENTITIES} <= shown
    out = tmp_path / "hq.pgdump.age"
    assert run_cli(monkeypatch, hq, "hq", "backup", str(out)) == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
    files = [p for p in pg_cluster.data.rglob("*") if p.is_file()]
    assert any(p.parent.name == "pg_wal" for p in files)
    # The scan reads what the server wrote: the victims' codes (not identifying) are there.
    assert scan(files, [c.encode() for c in codes])
    plain_dump = age.decrypt(out.read_bytes(), own_identity(hq).age_identity)
    dump_file = tmp_path / "decrypted.sql"
    dump_file.write_bytes(as_sql(plain_dump))
    assert scan([dump_file], [c.encode() for c in codes])
    needles = [n for identity in IDENTITIES for n in identity_needles(identity)]
    needles += key_forms(hq_pg.install_index_key(hq))
    needles += key_forms(wrapping_key(hq_pg.install_index_key(hq)))
    for text in (F.SECRET, FILE_SECRET, *FILE_NAMES, *FILE_NOTES):
        needles += [text.encode(), text.encode("utf-16-le"), text.encode("utf-16-be")]
    private = hq.store.vault.private_key()
    assert private is not None
    needles += key_forms(private)
    assert scan([*files, out, dump_file], needles) == []


def hq_pg_victims(hq: Session, pg_url: str) -> list[Victim]:
    """The victims in the HQ database, opened with the HQ user's identity key."""
    with HqDatabase(pg_url, max_size=1) as db, db.transaction() as conn:
        vault = PgVault(conn, index_key=hq_pg.install_index_key(hq))
        private = hq.store.vault.private_key()
        assert private is not None
        vault.unlock(private)
        columns = ", ".join(MAPPINGS["victim"].columns)
        rows = conn.execute(f"SELECT {columns} FROM victims".encode()).fetchall()  # noqa: S608
        out = []
        for row in rows:
            victim = from_row("victim", row)
            assert isinstance(victim, Victim)
            out.append(vault.open_victim(victim))
        return out
