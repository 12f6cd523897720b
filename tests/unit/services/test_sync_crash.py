"""Crash safety: the HQ import process is killed (SIGKILL) at random points; importing again
ends in exactly the state of one clean import. Each bundle is one transaction, so a kill
leaves every bundle either wholly applied or not at all, and a repeated bundle is a no-op."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, SVC_START, svc_training
from sync_support import case_for, export, hq_state, link, make_district, make_hq, reopen

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case
from tipdesk.paths import Paths
from tipdesk.services import records, sync

KILLS = 4

_IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tipdesk.core.clock import SystemClock
    from tipdesk.paths import Paths
    from tipdesk.services import sync
    from tipdesk.services.session import sign_in

    home, user, secret, *files = sys.argv[1:]
    session = sign_in(Paths(Path(home)), user=user, passphrase=secret, clock=SystemClock())
    print("ready", flush=True)
    for name in files:
        sync.import_bundle_bytes(session, Path(name).read_bytes())
        print("imported", name, flush=True)
    session.close()
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_imports_end_like_one_clean_import(tmp_path: Path) -> None:
    clock = FixedClock(SVC_START)
    district = make_district(tmp_path / "lahore", clock)
    hq = make_hq(tmp_path / "hq", clock)
    link(district, hq, tmp_path / "files")
    hq.close()
    bundles: list[Path] = []
    try:
        for round_no in range(3):
            records.save(district, [case_for(district) for _ in range(40)])
            records.save(
                district, [svc_training(title=f"Session {round_no}-{i}") for i in range(20)]
            )
            if round_no:
                for case_id in [r[0] for r in district.store.query("SELECT id FROM cases")][:30]:
                    case = district.store.get("case", case_id)
                    assert isinstance(case, Case)
                    case.narrative = f"Narrative after round {round_no}."
                    records.save(district, [case])
            clock.advance(600)
            bundles.append(export(district, tmp_path / "out"))
    finally:
        district.close()

    clean = reopen(_copy(tmp_path / "hq", tmp_path / "clean"), clock)
    try:
        started = time.perf_counter()
        for b in bundles:
            sync.import_bundle_bytes(clean, b.read_bytes())
        # Kills land within the time a clean import takes here, so most hit it mid-way.
        window = time.perf_counter() - started
        expected = hq_state(clean)
    finally:
        clean.close()

    rng = random.Random(20260601)
    killed_mid_import = 0
    for attempt in range(KILLS):
        paths = _copy(tmp_path / "hq", tmp_path / f"killed-{attempt}")
        args = [sys.executable, "-c", _IMPORTER, str(paths.home), SVC_ADMIN, SVC_PASSPHRASE,
                *map(str, bundles)]  # fmt: skip
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ}
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, window * 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        done = proc.stdout.read().count(b"imported")
        proc.stdout.close()
        killed_mid_import += done < len(bundles)
        again = reopen(paths, clock)
        try:
            assert again.store.verify_audit().ok
            for b in bundles:
                sync.import_bundle_bytes(again, b.read_bytes())
            assert hq_state(again) == expected
        finally:
            again.close()
    assert killed_mid_import >= 2  # the kills did land during the import


def _copy(src: Path, dest: Path) -> Paths:
    shutil.copytree(src, dest)
    return Paths(dest)
