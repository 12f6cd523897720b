"""Sync throughput: export and seal at a district, then verify, open and import at HQ, and
TIPDesk's sealing beside the reference ``age`` tool on the same bytes in the same run.

Fills a district store with demo records (cases with accused, victims and referrals, trainings,
campaigns: about 9 rows per case), then times, through the services an officer's command uses:

- ``sync export``: collect every changed record, encode, compress, encrypt (age, X25519), sign
  and write the bundle; records/s;
- ``hq import``: check the signature, decrypt, decompress, decode, validate and apply in one
  transaction; records/s (goal: at least 20,000 records/s);
- beside it, SQLite alone: the rows that import wrote (records, search entries, change log,
  version vectors, audit entries) written again into a fresh store of the same schema by the
  same statements, with nothing decoded, checked or decided; its share of the import time is
  what the database needs, the rest is Python;
- beside it, checks alone: the Python work no import can skip, with no database at all:
  decrypt, decompress and decode the payload, open the consenting victims' sealed identities,
  assemble each case's tree and validate every record. SQLite alone plus checks alone is a
  floor for any import done in one process;
- sealing the bundle's compressed payload with TIPDesk (age v1 via pyrage, plus the Ed25519
  signature and framing) and with ``age -r`` (the Go reference tool, one process per run) on the
  same bytes; best of 5 each; ratio TIPDesk/age in throughput (goal: at least 0.8x). The same
  comparison on 64 MiB of random bytes shows the steady-state rate without process start-up.

- peak memory (VmHWM, the process's own high-water mark) of HQ's import, each in a fresh
  process on a copy of HQ's store as it was before the import: the 100,000-record bundle; a
  97 KB bomb inflating to 99 MB of ``[[],[],...]`` (refused from its manifest); and the worst
  bomb the bundle budget lets through to the parser (``{"a":0}`` objects up to the item
  budget of 100,000 records, refused once parsed). HQ's ceiling is the largest of them
  (``docs/bundle-format.md``).

- ``hq receipts`` for 160 districts (one registered device each, each with a bundle
  imported): every receipt's records-back page and HQ's notices, signed and encrypted; the
  bench district's receipt carries a page of HQ's corrections back (time for all, per receipt,
  and the largest receipt's size).

Environment: BENCH_SYNC_RECORDS (default 100000) sets the number of rows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.loaders import PASSPHRASE, fill_district, install, link
from tipdesk.core.codes import InstallRole
from tipdesk.core.ids import new_id
from tipdesk.core.records import Accused, Case, Referral, Victim
from tipdesk.core.validation import validate
from tipdesk.services import sync
from tipdesk.services.session import Session
from tipdesk.services.sync import relay
from tipdesk.services.sync.common import own_identity
from tipdesk.store import report_bulk, search
from tipdesk.store.driver import insert_rows, transaction
from tipdesk.store.remote_apply import remote_batch
from tipdesk.store.rows import MAPPINGS, TABLES, from_row, select_columns
from tipdesk.store.store import Store
from tipdesk.store.sync_store import BundleRow, DeviceRow, SyncStore
from tipdesk.sync import age, budget, container, payload
from tipdesk.sync.bundle import read_manifest
from tipdesk.sync.canonical import unb64
from tipdesk.sync.gcpause import gc_paused
from tipdesk.sync.identity import fingerprint, new_keys
from tipdesk.sync.units import Layer, case_tree, victim_tree


def _written_rows(store: Store) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row an import wrote, as (INSERT head, rows), in the order the import writes them.
    The search tables keep no text, so their rows are rebuilt from the records."""
    conn = store._conn  # the bench reads the store's own connection, as the store package does
    out: list[tuple[str, list[tuple[object, ...]]]] = []
    records: dict[str, dict[int, Any]] = {}
    for kind, table in TABLES.items():
        rows = conn.execute(f"SELECT rowid, {select_columns(kind)} FROM {table}").fetchall()
        out.append((f"INSERT INTO {table} (rowid, {', '.join(MAPPINGS[kind].columns)})", rows))
        records[kind] = {r[0]: from_row(kind, r[1:]) for r in rows}
    cases = {rec.id: rec for rec in records["case"].values()}
    for kind, attr in (("accused", "accused"), ("victim", "victims")):
        for rec in records[kind].values():
            case = cases.get(getattr(rec, "case_id", None))
            if case is not None:
                getattr(case, attr).append(rec)
    fts: dict[str, list[tuple[object, ...]]] = {}
    for kind in ("case", "victim", "training", "campaign"):
        for rowid, rec in records[kind].items():
            head, params = search.rowid_index(rec, rowid)
            fts.setdefault(head, []).append(params)
    out += list(fts.items())
    for table, columns in (
        ("changes", "kind, record_id, version, at, owner, device"),
        ("sync_versions", "kind, record_id, version, vv"),
        ("audit", "seq, at, user, device, action, kind, record_id, detail, prev_hash, hash"),
    ):
        rows = conn.execute(f"SELECT {columns} FROM {table}").fetchall()
        out.append((f"INSERT INTO {table} ({columns})", rows))
    return out


def _sqlite_alone(written: list[tuple[str, list[tuple[object, ...]]]], path: Path) -> float:
    """Seconds to write ``written`` into a fresh store in one transaction, as the import does
    (the record inserts summarised in bulk, the page cache sized for them), commit included."""
    store = Store.create(path, os.urandom(32))
    try:
        conn = store._conn
        count = sum(len(rows) for _head, rows in written)
        conn.execute(f"PRAGMA cache_size = -{3 * count + 65536}")
        t0 = time.perf_counter()
        with transaction(conn):
            conn.execute("PRAGMA defer_foreign_keys = ON")
            with report_bulk.summarised_inserts(conn):
                for head, rows in written[: len(TABLES)]:
                    insert_rows(conn, head, rows)
            for head, rows in written[len(TABLES) :]:
                insert_rows(conn, head, rows)
        return time.perf_counter() - t0
    finally:
        store.close()


def _checks_alone(hq: Session, data: bytes, sender: bytes) -> float:
    """Seconds to verify (``sender``: the device's Ed25519 public key), open, decode and
    validate the bundle ``data`` with HQ's rules and no database: each case with its accused,
    victims and referrals, and every other record on its own."""
    ctx = hq.validation_context()
    me = own_identity(hq)
    t0 = time.perf_counter()
    with gc_paused():
        env = container.read(data)
        container.verify(env, sender)
        plain = container.open_payload(env, me.age_identity, me.public.recipient)
        contents = payload.decode(plain)
        rows = contents.rows
        # Consenting victims' identities come sealed for HQ: opening them is HQ's work too.
        relay.open_identities(rows.get("victim", []), contents.identity_keys, me.age_identity)
        # One layer per case (or victim outside a case) holding its own children.
        victim_root = {
            r.record_id: r.record.case_id or r.record_id
            for r in rows.get("victim", [])
            if isinstance(r.record, Victim)
        }
        layers: dict[str, Layer] = {}
        for kind in ("accused", "victim", "referral"):
            for r in rows.get(kind, []):
                rec = r.record
                if isinstance(rec, Referral):
                    root = rec.victim_id
                elif isinstance(rec, Accused | Victim):
                    root = rec.case_id
                else:
                    continue
                layers.setdefault(victim_root.get(root, root), Layer()).add(rec)
        problems = 0
        for kind, incoming in rows.items():
            for row in incoming:
                record = row.record
                if isinstance(record, Case):
                    record = case_tree(record, layers.get(record.id, Layer()))
                elif isinstance(record, Victim) and not record.case_id:
                    record = victim_tree(record, layers.get(record.id, Layer()))
                elif kind in ("accused", "victim", "referral") or record is None:
                    continue  # validated with its case (or victim)
                problems += len(validate(record, ctx))
        del rows, layers
    elapsed = time.perf_counter() - t0
    assert problems == 0, problems
    return elapsed


def _best(fn: object, runs: int = 5) -> float:
    assert callable(fn)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _compare_sealing(
    label: str, data: bytes, recipients: list[str], signer: Ed25519PrivateKey, tmp: Path
) -> None:
    """TIPDesk's sealing (age encryption, digest, signed header) against ``age -r`` (which
    encrypts only, and pays a process start) on the same bytes."""
    src, dst = tmp / "plain.bin", tmp / "sealed.age"
    src.write_bytes(data)
    args = ["age", *(a for r in recipients for a in ("-r", r)), "-o", str(dst), str(src)]
    manifest = {"bench": True}
    ours = _best(
        lambda: container.seal_compressed("bundle", manifest, data, len(data), signer, recipients)
    )
    theirs = _best(lambda: subprocess.run(args, check=True))
    mib = len(data) / 2**20
    print(
        f"sealing {label} ({mib:.1f} MiB): TIPDesk {mib / ours:8.1f} MiB/s, "
        f"age {mib / theirs:8.1f} MiB/s, ratio {theirs / ours:.2f}x  (goal: at least 0.8x)"
    )


RECEIPT_DISTRICTS = 160
CORRECTED_CASES = 500


def _receipts_for_160(hq: Session, tmp: Path) -> None:
    """Time ``hq receipts`` for 160 districts (see the module docstring)."""
    store = SyncStore(hq.store)
    actor = hq.actor()
    own = {d.district for d in store.devices()}
    codes = [c for c in sorted(hq.reference.districts) if c not in own]
    devices = []
    for code in codes[: RECEIPT_DISTRICTS - len(own)]:
        signing, encryption = new_keys()
        device_id = new_id()
        key = unb64(signing.public, 32)
        store.add_device(
            DeviceRow(device_id, code, "", signing.public, encryption.public,
                      fingerprint(key, encryption.public)),
            None,
            actor,
        )  # fmt: skip
        devices.append(device_id)
    with remote_batch(hq.store, actor) as b:
        for device_id in devices:
            b.add_bundle(BundleRow(device_id, 1, "0" * 64, 0, 1, actor.at, actor.at, {}))
    corrected = []
    for row in hq.store.page("case", limit=CORRECTED_CASES):
        case = hq.store.get("case", row.id)
        assert isinstance(case, Case)
        case.narrative += " Corrected at HQ."
        corrected.append(case)
    hq.store.save(corrected, hq.actor())
    out = tmp / "receipts"
    out.mkdir()
    t0 = time.perf_counter()
    written = sync.write_receipts(hq, out)
    receipts_s = time.perf_counter() - t0
    kib = max(p.stat().st_size for p in written) / 1024
    each_ms = 1000 * receipts_s / len(written)
    print(
        f"hq receipts for {len(written)} districts: {receipts_s:7.2f} s  ({each_ms:.1f} ms "
        f"each; the largest, {kib:,.0f} KiB, carries {CORRECTED_CASES} corrected cases back)"
    )


_RSS_IMPORT = """
import json, sys
from pathlib import Path
from tipdesk.core.clock import SystemClock
from tipdesk.paths import Paths
from tipdesk.services import sync
from tipdesk.services.session import sign_in

session = sign_in(Paths(Path(sys.argv[1])), user="bench", passphrase=sys.argv[3],
                  clock=SystemClock())
sync.device_status(session)
def peak_kib():
    # VmHWM: this process's own high-water mark (ru_maxrss would carry over the memory of
    # the process it was forked from).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise SystemExit("no /proc/self/status")

base = peak_kib()
report = sync.import_files(session, [Path(sys.argv[2])])
peak = peak_kib()
session.close()
print(json.dumps({"base": base, "peak": peak, "imported": len(report.results),
                  "refused": [e.error for e in report.errors]}))
"""


def _peak_import(hq_before: Path, bundle: Path, tmp: Path) -> tuple[int, int, str]:
    """(baseline, peak) RSS in MiB of a fresh process importing ``bundle`` into a copy of
    ``hq_before``, and what became of the bundle."""
    work = tmp / "hq-rss"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(hq_before, work)
    proc = subprocess.run(
        [sys.executable, "-c", _RSS_IMPORT, str(work), str(bundle), PASSPHRASE],
        capture_output=True, check=True, timeout=3600,
    )  # fmt: skip
    found = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    outcome = "imported" if found["imported"] else ", ".join(found["refused"])
    return found["base"] // 1024, found["peak"] // 1024, outcome


def _bomb_bundle(district: Session, sample: bytes, plain: bytes, counts: dict[str, int]) -> bytes:
    """``plain`` as the payload of a bundle signed by the district's own key (the bench's
    registered device), with ``sample``'s manifest but ``counts``: what a stolen laptop can
    make."""
    env = container.read(sample)
    manifest = {k: v for k, v in env.manifest.items() if k != "payload"} | {"counts": counts}
    signer = own_identity(district).signer
    compressed = zlib.compress(plain, 9)
    return bytes(
        container.seal_compressed(
            "bundle", manifest, compressed, len(plain), signer, list(env.recipients)
        )
    )


def _memory(district: Session, hq_before: Path, normal: Path, tmp: Path) -> None:
    """Peak memory of HQ's import: the normal bundle and two bombs (module docstring)."""
    sample = normal.read_bytes()
    bomb = tmp / "bomb.tipb"
    bomb.write_bytes(
        _bomb_bundle(district, sample, b"[" + b"[]," * 32_999_999 + b"[]]", {"campaign": 1})
    )
    most = budget.MAX_RECORDS
    n = budget.items_budget(most) // 3 - 1  # '{', '"a"' and ',' are three items each
    worst = tmp / "worst.tipb"
    worst.write_bytes(
        _bomb_bundle(district, sample, b"[" + b'{"a":0},' * n + b'{"a":0}]', {"case": most})
    )
    runs = (
        ("the 100,000-record bundle", normal),
        (f"the bomb ({bomb.stat().st_size / 1024:.0f} KB inflating to 99 MB)", bomb),
        (f"the worst bomb the budget parses ({n + 1:,} objects)", worst),
    )
    for label, path in runs:
        base, peak, outcome = _peak_import(hq_before, path, tmp)
        print(f"peak memory of hq import, {label}: {peak:6,} MiB (baseline {base} MiB; {outcome})")


def main() -> None:
    target = int(os.environ.get("BENCH_SYNC_RECORDS", "100000"))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        district = install(tmp / "district", InstallRole.DISTRICT)
        hq = install(tmp / "hq", InstallRole.HQ)
        try:
            sync.export_enrolment(hq, tmp / "hq.json")
            link(district, hq, tmp / "hq.json", tmp / "device.json")
            t0 = time.perf_counter()
            rows = fill_district(district, target, "PB-LHR", "FIA-AHTC-LHR")
            print(f"district filled with {rows:,} records in {time.perf_counter() - t0:.1f} s")

            out = tmp / "out"
            out.mkdir()
            t0 = time.perf_counter()
            result = sync.export_bundle(district, out)
            export_s = time.perf_counter() - t0
            assert result.path is not None
            data = result.path.read_bytes()
            print(f"export + seal: {export_s:7.2f} s  {rows / export_s:>9,.0f} records/s  "
                  f"(bundle {len(data) / 2**20:.1f} MiB)")  # fmt: skip

            hq_before = tmp / "hq-before"
            shutil.copytree(hq.paths.home, hq_before)  # idle: nothing is being written
            t0 = time.perf_counter()
            imported = sync.import_bundle_bytes(hq, data)
            import_s = time.perf_counter() - t0
            accepted = sum(imported.accepted.values())
            assert accepted == rows, (accepted, rows, imported.quarantined[:3])
            print(f"verify + open + import at HQ: {import_s:7.2f} s  {rows / import_s:>9,.0f} "
                  "records/s  (goal: at least 20,000 records/s)")  # fmt: skip
            alone_s = _sqlite_alone(_written_rows(hq.store), tmp / "alone.db")
            print(f"  SQLite alone, the same rows:  {alone_s:7.2f} s  {rows / alone_s:>9,.0f} "
                  f"records/s  (the import takes {import_s / alone_s:.2f}x)")  # fmt: skip
            sender = own_identity(district).signer.public_key().public_bytes_raw()
            checks_s = _checks_alone(hq, data, sender)
            floor_s = alone_s + checks_s
            print(f"  checks alone (open, decode, validate): {checks_s:7.2f} s;  with SQLite "
                  f"alone {floor_s:.2f} s: {rows / floor_s:,.0f} records/s at most in one "
                  "process")  # fmt: skip

            _memory(district, hq_before, result.path, tmp)
            _receipts_for_160(hq, tmp)

            env = container.read(data)
            read_manifest(env)
            identity = own_identity(hq)
            compressed = age.decrypt(env.ciphertext, identity.age_identity)
            if shutil.which("age") is None:
                print("sealing comparison skipped: the age tool is not installed")
                return
            signer = own_identity(district).signer
            recipients = list(env.recipients)
            _compare_sealing("the bundle's payload", compressed, recipients, signer, tmp)
            _compare_sealing("random bytes", os.urandom(64 * 2**20), recipients, signer, tmp)
        finally:
            district.close()
            hq.close()
