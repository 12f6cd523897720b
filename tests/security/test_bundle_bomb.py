"""A memory bomb from a registered device: a 97 KB bundle (signed with the device's own key)
inflating to 99 MB of ``[[],[],...]`` took ``hq import`` to 2.5 GB of memory before it was
refused. Now the decompressed size is bounded by the declared record counts (a per-record
budget with a fixed allowance, and at most 100,000 records per bundle), the JSON's items are
counted before it is parsed, and numbers too large for any counter are refused: HQ's import
stays under a fixed ceiling (``docs/bundle-format.md``; ``python -m bench sync`` measures it).

Each bomb is imported by a separate ``python`` process that reports its own peak memory
(VmHWM, its own high-water mark), so the figure is the import's alone. Before the fix the
first bomb raised the importing process's peak by about 2.2 GB and the test failed; a record
whose version was 10**30 crashed the import (an OverflowError from the database driver).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sec_sync_support import (
    SYNC_PASSPHRASE,
    SYNC_USER,
    Pair,
    a_campaign,
    export,
    linked_pair,
    open_bundle,
    reseal,
    save,
    tampered,
)

from tipdesk.services import sync

MIB = 1024 * 1024
CEILING_GROWTH = 192 * MIB
"""What refusing a bomb may add to the importing process's peak memory (its own baseline,
signed in and ready, is measured first): the bombs here are refused before they are parsed,
so at most the decompressed bytes (67 MB at most, held about twice while inflating)."""

_IMPORT = """
import json, sys
from pathlib import Path
from tipdesk.core.clock import FixedClock
from tipdesk.paths import Paths
from tipdesk.services import sync
from tipdesk.services.session import sign_in
import datetime as dt

clock = FixedClock(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC))
session = sign_in(Paths(Path(sys.argv[1])), user=sys.argv[3], passphrase=sys.argv[4], clock=clock)
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
print(json.dumps({"errors": [[e.error, e.message] for e in report.errors],
                  "imported": len(report.results), "base_kib": base, "peak_kib": peak}))
"""


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    found = linked_pair(tmp_path / "w")
    yield found
    found.close()


def _import_elsewhere(pair: Pair, data: bytes) -> dict[str, Any]:
    """Import ``data`` at HQ in a fresh process; its errors and peak memory growth."""
    path = pair.tmp / "bomb.tipb"
    path.write_bytes(data)
    hq_home = pair.hq.paths.home
    pair.hq.close()
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_IMPORT), str(hq_home), str(path), SYNC_USER,
         SYNC_PASSPHRASE],
        capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    found: dict[str, Any] = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    found["growth"] = (found["peak_kib"] - found["base_kib"]) * 1024
    return found


def _bomb(items: int) -> bytes:
    return b"[" + b"[]," * (items - 1) + b"[]]"


@pytest.mark.parametrize(
    ("counts", "lists"),
    [
        ({"campaign": 1}, 33_000_000),
        ({"case": 100_000}, 33_000_000),
        ({"case": 100_000}, 20_000_000),
    ],
    ids=["declared-honestly", "buying-budget-with-counts", "within-the-byte-budget"],
)
def test_a_bomb_signed_by_a_registered_device_is_refused_before_it_is_parsed(
    pair: Pair, counts: dict[str, int], lists: int
) -> None:
    save(pair.district, a_campaign())
    env, _doc = open_bundle(export(pair.district, pair.tmp / "out").read_bytes(), pair.hq)
    manifest = json.loads(json.dumps(env.manifest)) | {"counts": counts}
    bomb = _bomb(lists)  # 99 MB (or 60 MB) of [[],[],...]
    data = reseal(pair.district, env, manifest, bomb)
    assert len(data) < 200_000 and len(bomb) >= 3 * lists - 1
    found = _import_elsewhere(pair, data)
    assert found["growth"] < CEILING_GROWTH, f"peak grew by {found['growth'] / MIB:.0f} MiB"
    assert found["imported"] == 0 and len(found["errors"]) == 1
    error, message = found["errors"][0]
    assert error == "TooLarge" and "Nothing was changed" in message


def test_deep_nesting_and_huge_numbers_are_one_line_refusals(pair: Pair) -> None:
    save(pair.district, a_campaign())
    bundle = export(pair.district, pair.tmp / "out").read_bytes()

    env, doc = open_bundle(bundle, pair.hq)
    doc["records"]["campaign"]["columns"][0] = "NESTED"
    text = json.dumps(doc).replace('"NESTED"', "[" * 50_000 + "]" * 50_000)
    nested = reseal(pair.district, env, json.loads(json.dumps(env.manifest)), text.encode())

    def huge_version(doc: dict[str, Any]) -> None:
        block = doc["records"]["campaign"]
        at = block["fields"].index("version")
        block["columns"][at] = [10**30]
        block["vv"] = [[[block["columns"][block["fields"].index("updated_device")][0], 10**30]]]

    def huge_count(doc: dict[str, Any]) -> None:
        block = doc["records"]["campaign"]
        block["columns"][block["fields"].index("people_reached")] = [10**30]

    def huge_seq(m: dict[str, Any]) -> None:
        m["changes"]["through"] = 10**30

    cases = [
        nested,
        tampered(bundle, pair, payload=huge_version),
        tampered(bundle, pair, payload=huge_count),
        tampered(bundle, pair, manifest=huge_seq),
    ]
    for i, data in enumerate(cases):
        path = pair.tmp / f"crafted-{i}.tipb"
        path.write_bytes(data)
        report = sync.import_files(pair.hq, [path])  # never raises
        refused = [e.message for e in report.errors]
        held = [q for r in report.results for q in r.quarantined]
        assert len(refused) + len(held) == 1, (i, refused, held)
        for problem in (p for q in held for p in q["problems"]):
            assert "1000000000000000000000000000000" not in problem["message"]
    assert pair.hq.store.query("SELECT count(*) FROM campaigns")[0][0] == 0


def test_an_export_larger_than_a_bundle_becomes_several_cut_between_cases(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sec_sync_support import a_case

    from tipdesk.sync import budget

    monkeypatch.setattr(budget, "MAX_RECORDS", 6)  # a case here is 4 records
    cases = [a_case() for _ in range(5)]
    save(pair.district, *cases)
    save(pair.district, a_campaign(), a_campaign())
    edited = pair.district.store.get("case", cases[0].id)
    assert edited is not None
    edited.narrative += " Updated."  # the first case changes again, after the others
    save(pair.district, edited)
    out = pair.tmp / "out"
    out.mkdir()
    result = sync.export_bundle(pair.district, out)
    made = [f for f in result.files if f.new]
    assert len(made) >= 4 and all(sum(f.counts.values()) <= 6 for f in made)
    assert sum(sum(f.counts.values()) for f in made) == 5 * 4 + 2
    ranges = [o.changes for o in sync.status(pair.district).outbox]
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))  # consecutive
    report = sync.import_files(pair.hq, [f.path for f in made])
    assert report.errors == []
    # Only the case whose changes spread over the whole export was cut; its first records
    # waited in quarantine for the case itself, which the last bundle brought.
    held = {q["record_id"] for q in report.quarantined}
    children = {c.id for c in (*cases[0].accused, *cases[0].victims)}
    children |= {r.id for v in cases[0].victims for r in v.referrals}
    assert held <= children
    assert sync.device_status(pair.hq)[0].open_quarantine == 0
    assert sync.device_status(pair.hq)[0].acked_change == ranges[-1][1]
    for case in cases:
        assert pair.hq.store.get("case", case.id) is not None
    again = pair.tmp / "again"
    again.mkdir()
    assert sync.export_bundle(pair.district, again).path is None  # nothing new: chained


def test_receipts_with_deep_nesting_or_huge_numbers_are_one_line_refusals(pair: Pair) -> None:
    """A receipt is signed by HQ, and still the district never crashes on one: a number too
    large for any counter, or lists nested thousands deep, are a "damaged" refusal."""
    from tipdesk.core.errors import KnownError
    from tipdesk.services.sync.common import own_identity
    from tipdesk.sync import container, receipt
    from tipdesk.sync.canonical import canonical

    save(pair.district, a_campaign())
    export(pair.district, pair.tmp / "out")
    hq = own_identity(pair.hq)
    device = own_identity(pair.district).public

    def sealed(manifest: dict[str, Any], body: bytes) -> bytes:
        return bytes(container.seal("receipt", manifest, body, hq.signer, [device.recipient]))

    good = receipt.Receipt(
        hq=hq.public.device_id, device=device.device_id, serial=1,
        issued_at="2026-06-01T12:00:00Z", highest_seq=0, acked_change=0,
        back={"from": 0, "through": 0, "more": False},
    )  # fmt: skip
    head = receipt.ReceiptManifest(good.hq, good.device, 1, good.issued_at).to_json()
    doc = good.to_json()
    deep = canonical(doc).replace(b'"gaps":[]', b'"gaps":' + b"[" * 100_000 + b"]" * 100_000)
    cases = [
        sealed(head | {"serial": 10**30}, canonical(doc | {"serial": 10**30})),
        sealed(head, canonical(doc | {"acked_change": 10**30})),
        sealed(head, deep),
    ]
    before = pair.district.store.query("SELECT count(*) FROM sync_receipts")
    for i, data in enumerate(cases):
        path = pair.tmp / f"receipt-{i}.tipr"
        path.write_bytes(data)
        with pytest.raises(KnownError, match="Nothing was changed"):
            sync.import_receipt(pair.district, path)
    assert pair.district.store.query("SELECT count(*) FROM sync_receipts") == before
