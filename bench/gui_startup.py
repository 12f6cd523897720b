"""Time from process start to the sign-in window on screen, beside a bare PySide6 window.

Both run in a fresh interpreter (``python -m bench.gui_harness app|bare``) with
``QT_QPA_PLATFORM=offscreen``; the app starts on an existing store (``TIPDESK_HOME``), so its
first window is the sign-in screen. The time is measured from starting the process to reading
the harness's ``SHOWN`` line, alternating app and bare runs; the medians and their ratio are
printed (goal: the app at most 1.5x the bare window), with the best runs and each process's
CPU time up to that point, which a busy machine disturbs less than the wall clock.

Environment: BENCH_GUI_RUNS (default 9).
"""

from __future__ import annotations

import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tipdesk.core.clock import SystemClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services.session import init_install
from tipdesk.store.keys import KdfParams

GOAL = 1.5
ROOT = Path(__file__).resolve().parent.parent


HARNESS = [sys.executable, "-m", "bench.gui_harness"]


def time_to_window(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from starting ``command`` to its ``SHOWN <cpu>`` line, its CPU seconds).
    Shared with :mod:`bench.package`."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - started
            cpu = float(line.split()[1])
            break
    else:
        proc.wait()
        raise RuntimeError(f"{command[-1]}: no window was shown (exit code {proc.returncode})")
    proc.wait(timeout=60)
    return elapsed, cpu


def make_store(home: Path) -> None:
    """A district install in ``home`` (cheap key derivation), so the app starts at sign-in."""
    session, _key = init_install(
        Paths(home), role=InstallRole.DISTRICT, user="bench", passphrase=secrets.token_urlsafe(18),
        clock=SystemClock(), district="Lahore", office="FIA-AHTC-LHR",
        kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
    )  # fmt: skip
    session.close()


def main() -> None:
    runs = int(os.environ.get("BENCH_GUI_RUNS", "9"))
    with tempfile.TemporaryDirectory(prefix="tipdesk-bench-gui-") as tmp:
        paths = Paths(Path(tmp) / "home")
        make_store(paths.home)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
        env |= {"TIPDESK_HOME": str(paths.home), "QT_QPA_PLATFORM": "offscreen"}
        times: dict[str, list[float]] = {"bare": [], "app": []}
        cpu: dict[str, list[float]] = {"bare": [], "app": []}
        time_to_window([*HARNESS, "bare"], env)  # warm the file cache for both
        time_to_window([*HARNESS, "app"], env)
        for _ in range(runs):
            for mode in ("bare", "app"):
                wall, used = time_to_window([*HARNESS, mode], env)
                times[mode].append(wall)
                cpu[mode].append(used)
    med = {m: statistics.median(times[m]) for m in times}
    med_cpu = {m: statistics.median(cpu[m]) for m in cpu}
    best = {m: min(times[m]) for m in times}
    ratio = med["app"] / med["bare"]
    verdict = "ok" if ratio <= GOAL else "over the goal"
    for label, mode in (("bare PySide6 window:   ", "bare"), ("TIPDesk sign-in window:", "app")):
        print(
            f"{label} {med[mode] * 1000:5.0f} ms wall (best {best[mode] * 1000:4.0f}), "
            f"{med_cpu[mode] * 1000:5.0f} ms CPU"
        )
    print(
        f"ratio: {ratio:.2f}x wall (goal <= {GOAL}x: {verdict}); "
        f"best-of-{runs} {best['app'] / best['bare']:.2f}x; "
        f"CPU {med_cpu['app'] / med_cpu['bare']:.2f}x (medians of {runs} alternating runs)"
    )


if __name__ == "__main__":
    main()
