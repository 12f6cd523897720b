"""Importer workers give way to analysts (tipdesk.services.sync.cpu_share): the calling
thread's priority is lowered, the rest of the process keeps its own."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from sync_support import run_cli

from tipdesk.services.session import Session
from tipdesk.services.sync import cpu_share


def _in_thread(niceness: int) -> tuple[int | None, int]:
    """What yield_cpu returned in a new thread, and that thread's niceness afterwards."""
    seen: list[tuple[int | None, int]] = []

    def work() -> None:
        got = cpu_share.yield_cpu(niceness)
        seen.append((got, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))

    t = threading.Thread(target=work)
    t.start()
    t.join()
    return seen[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads' own priorities: Linux")
def test_a_worker_thread_is_lowered_and_the_process_is_not() -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    if before > 19 - 5:
        pytest.skip("this process already runs at the lowest priorities")
    got, after = _in_thread(5)
    assert got == after == before + 5
    assert os.getpriority(os.PRIO_PROCESS, 0) == before  # the calling thread kept its own


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads' own priorities: Linux")
def test_zero_changes_nothing() -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    assert _in_thread(0) == (before, before)


@pytest.mark.parametrize("niceness", [-1, 20])
def test_a_niceness_out_of_range_is_refused(niceness: int) -> None:
    with pytest.raises(ValueError, match=r"0\.\.19"):
        cpu_share.yield_cpu(niceness)


@pytest.mark.parametrize("nice", ["-1", "20"])
def test_import_worker_refuses_a_niceness_out_of_range_by_name(
    svc_linked: tuple[Session, Session],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    nice: str,
) -> None:
    _lahore, hq = svc_linked
    before = os.getpriority(os.PRIO_PROCESS, 0) if hasattr(os, "getpriority") else None
    assert run_cli(monkeypatch, hq, "hq", "import-worker", "--once", "--nice", nice) != 0
    assert "--nice must be from 0 to 19" in capsys.readouterr().err
    if before is not None:
        assert os.getpriority(os.PRIO_PROCESS, 0) == before
