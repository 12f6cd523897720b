"""A failed USB write hid a bundle: with a full stick ``sync export`` said the bundle "was not
written", yet it was committed to the outbox, and the next export to a good stick said
"nothing new" and wrote nothing, so the case never reached HQ unless someone knew to look in
the outbox folder. The same after a kill -9 between the commit and the copy. Every export now
writes every bundle HQ has not acknowledged to the folder chosen, and says what is where; a
failed write names the bundle kept in the outbox and the folder it could not be written to.

Before the fix both tests failed: the second export wrote no file.
"""

from __future__ import annotations

import errno
import os
import signal
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
    a_case,
    linked_pair,
    save,
    sync_reopen,
)

from tipdesk.core.errors import KnownError
from tipdesk.services import sync
from tipdesk.services.sync import district as district_sync


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    found = linked_pair(tmp_path / "w")
    yield found
    found.close()


def _bundles(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.tipb")) if folder.exists() else []


def test_a_full_stick_keeps_the_bundle_and_the_next_export_writes_it(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    full, good = pair.tmp / "full-stick", pair.tmp / "good-stick"
    full.mkdir()
    good.mkdir()
    case = a_case()
    save(pair.district, case)
    real_write = district_sync.atomic_write_bytes

    def write(path: Path, data: Any, **kw: Any) -> None:
        if full in path.parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, data, **kw)

    monkeypatch.setattr(district_sync, "atomic_write_bytes", write)
    with pytest.raises(KnownError) as failed:
        sync.export_bundle(pair.district, full)
    message = str(failed.value)
    assert "outbox" in message and str(full) in message and "bundle 1" in message.lower()
    assert "No space left" in message
    assert _bundles(full) == []

    result = sync.export_bundle(pair.district, good)
    assert _bundles(good) == [f"PB-LHR-{pair.district.install.device_id[-8:]}-000001.tipb"]
    assert [f.seq for f in result.files] == [1] and result.files[0].path.parent == good
    # HQ gets the case from the good stick.
    report = sync.import_files(pair.hq, sorted(good.glob("*.tipb")))
    assert report.errors == [] and pair.hq.store.get("case", case.id) is not None


def test_every_unacknowledged_bundle_goes_to_the_folder_chosen(pair: Pair) -> None:
    save(pair.district, a_case())
    first = pair.tmp / "first"
    first.mkdir()
    sync.export_bundle(pair.district, first)
    save(pair.district, a_case())
    second = pair.tmp / "second"
    second.mkdir()
    result = sync.export_bundle(pair.district, second)
    assert [(f.seq, f.new) for f in result.files] == [(1, False), (2, True)]
    assert len(_bundles(second)) == 2
    # Nothing new: the unacknowledged bundles are still written to the folder chosen.
    third = pair.tmp / "third"
    third.mkdir()
    again = sync.export_bundle(pair.district, third)
    assert again.path is None and [f.seq for f in again.files] == [1, 2]
    assert _bundles(third) == _bundles(second)


_KILLED_EXPORT = """
import os, signal, sys
from pathlib import Path
from tipdesk.core.clock import FixedClock
from tipdesk.paths import Paths
from tipdesk.services import sync
from tipdesk.services.session import sign_in
from tipdesk.services.sync import district as district_sync
import datetime as dt

stick = Path(sys.argv[2])
real_write = district_sync.atomic_write_bytes

def write(path, data, **kw):
    if stick in path.parents:
        os.kill(os.getpid(), signal.SIGKILL)  # after the commit, before the copy
    real_write(path, data, **kw)

district_sync.atomic_write_bytes = write
clock = FixedClock(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC))
session = sign_in(Paths(Path(sys.argv[1])), user=sys.argv[3], passphrase=sys.argv[4], clock=clock)
sync.export_bundle(session, stick)
"""


def test_a_kill_between_commit_and_copy_loses_nothing(pair: Pair) -> None:
    case = a_case()
    save(pair.district, case)
    home = pair.district.paths
    pair.district.close()
    stick = pair.tmp / "stick"
    stick.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_EXPORT), str(home.home), str(stick),
         SYNC_USER, SYNC_PASSPHRASE],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    assert _bundles(stick) == []
    pair.district = sync_reopen(home, pair.clock)
    assert [o.seq for o in sync.status(pair.district).outbox] == [1]  # committed
    result = sync.export_bundle(pair.district, stick)
    assert _bundles(stick) == [f"PB-LHR-{pair.district.install.device_id[-8:]}-000001.tipb"]
    assert [f.seq for f in result.files] == [1]
    report = sync.import_files(pair.hq, sorted(stick.glob("*.tipb")))
    assert report.errors == [] and pair.hq.store.get("case", case.id) is not None
