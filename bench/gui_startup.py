"""Time from process start to the sign-in window on screen, beside a bare PySide6 window.

Both run in a fresh interpreter (``python -m bench.gui_harness app|bare``) with
``QT_QPA_PLATFORM=offscreen``; the app starts on an existing store (``TIPDESK_HOME``), so its
first window is the sign-in screen. The time is measured from starting the process to reading
the harness's ``SHOWN`` line (printed once the window's first paint is over), alternating app
and bare runs; the medians and their ratio are printed, with the best runs and each process's
CPU time up to that point, which a busy machine disturbs less than the wall clock. The app is
timed in English and in Urdu (``TIPDESK_LANG=ur``: translators, right to left, the Nastaliq
font), each against the same bare window, each on a data folder of its own: the app keeps the
last language used in its data folder, and a shared one would start the English runs in Urdu.

The last line is the goal's check: the medians of CPU time, the app in English and in Urdu
over the bare window, each at most 1.5x (``goal met`` or ``GOAL NOT MET``).

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
        english_home, urdu_home = Path(tmp) / "home-en", Path(tmp) / "home-ur"
        make_store(english_home)
        make_store(urdu_home)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        urdu = env | {"TIPDESK_HOME": str(urdu_home), "TIPDESK_LANG": "ur"}
        env["TIPDESK_HOME"] = str(english_home)
        modes = {"bare": ("bare", env), "app": ("app", env), "app-ur": ("app", urdu)}
        times: dict[str, list[float]] = {m: [] for m in modes}
        cpu: dict[str, list[float]] = {m: [] for m in modes}
        for harness, mode_env in modes.values():  # warm the file cache for each
            time_to_window([*HARNESS, harness], mode_env)
        for _ in range(runs):
            for mode, (harness, mode_env) in modes.items():
                wall, used = time_to_window([*HARNESS, harness], mode_env)
                times[mode].append(wall)
                cpu[mode].append(used)
    med = {m: statistics.median(times[m]) for m in times}
    med_cpu = {m: statistics.median(cpu[m]) for m in cpu}
    best = {m: min(times[m]) for m in times}
    labels = {"bare": "bare PySide6 window:         ", "app": "TIPDesk sign-in window:      ",
              "app-ur": "TIPDesk sign-in, Urdu (اردو):"}  # fmt: skip
    for mode, label in labels.items():
        print(
            f"{label} {med[mode] * 1000:5.0f} ms wall (best {best[mode] * 1000:4.0f}), "
            f"{med_cpu[mode] * 1000:5.0f} ms CPU"
        )
    for mode in ("app", "app-ur"):
        print(
            f"{mode}: {med[mode] / med['bare']:.2f}x wall; "
            f"best-of-{runs} {best[mode] / best['bare']:.2f}x; "
            f"CPU {med_cpu[mode] / med_cpu['bare']:.2f}x (medians of {runs} alternating runs)"
        )
    print(goal_check(med_cpu["app"] / med_cpu["bare"], med_cpu["app-ur"] / med_cpu["bare"]))


def goal_check(english: float, urdu: float) -> str:
    """The goal's verdict from the two ratios of CPU-time medians (the app over the bare
    window of the same run)."""
    verdict = "goal met" if max(english, urdu) <= GOAL else "GOAL NOT MET"
    return (
        f"start-up goal, CPU medians over the bare window (each <= {GOAL}x): "
        f"English {english:.2f}x, Urdu {urdu:.2f}x: {verdict}"
    )


if __name__ == "__main__":
    main()
