"""Security of the PostgreSQL HQ (issue 20): no secret key and no identity readable in the
database, its files or its backup. Synthetic data only."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import psycopg
import pytest
from sync_support import case_for, export

from tipdesk.hqstore import dump as pg_dump
from tipdesk.hqstore import keys as pg_keys
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg


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
    return subprocess.run(
        [pg_dump.tool("pg_restore"), "--file=-"],
        input=pg_dump.dump(url),
        capture_output=True,
        check=True,
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
    with hq_pg.HqDatabase(pg_url, max_size=1) as db:
        with pytest.raises(pg_keys.LinkedElsewhere, match="linked to another HQ install"):
            hq_pg.apply_opened(db, opened)
        with db.connection() as conn:
            assert conn.execute("SELECT count(*) FROM sync_bundles").fetchone() == (0,)
            assert conn.execute("SELECT count(*) FROM cases").fetchone() == (0,)
