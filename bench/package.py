"""The packaged app (``dist/tipdesk``, built by ``make package``): its size, and its start-up
time to the sign-in window beside the same from source.

``python -m bench package`` (or ``python -m bench.package``) prints:

- the folder's size (goal: under 200 MB, MB = 2**20 bytes) and its largest parts;
- the time from starting a process to the sign-in window on screen, for the packaged app
  (``dist/tipdesk/tipdesk``) and from source (``python -m tipdesk``), both run exactly as an
  officer starts them, with ``TIPDESK_REPORT_SHOWN=1`` (the app prints ``SHOWN <CPU seconds>``
  once its first window is up, and quits), ``QT_QPA_PLATFORM=offscreen`` and ``TIPDESK_HOME``
  on an existing store. Cold: each run after dropping that program's files from the file
  cache (``posix_fadvise``; pages another process holds mapped stay cached), the median of
  three. Warm: the medians of alternating runs, wall clock and the process's CPU time.

``python -m bench.package size`` prints the size only and exits 1 when it is over the goal
(``make package`` uses it). When ``dist/tipdesk`` is missing, both say how to build it and
return without failing.

Environment: BENCH_PACKAGE_RUNS (default 7).
"""

from __future__ import annotations

import os
import statistics
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "tipdesk"
GOAL_MB = 200
MB = 1 << 20


def executable(dist: Path = DIST) -> Path:
    """The packaged program that prints to the console (``tipdesk-cli.exe`` on Windows)."""
    if sys.platform == "win32":
        return dist / "tipdesk-cli.exe"
    return dist / "tipdesk"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (links not followed)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            total += (Path(dirpath) / name).lstat().st_size
    return total


def largest_parts(folder: Path, count: int = 6) -> list[tuple[str, int]]:
    """The ``count`` largest entries one level inside the folder's ``_internal`` (or itself)."""
    inner = folder / "_internal" if (folder / "_internal").is_dir() else folder
    parts = []
    for entry in inner.iterdir():
        size = folder_size(entry) if entry.is_dir() else entry.lstat().st_size
        parts.append((entry.name, size))
    return sorted(parts, key=lambda p: -p[1])[:count]


def _missing() -> bool:
    if executable().exists():
        return False
    print(f"{DIST} is not built: run `make package` (PyInstaller, a few minutes), then again.")
    return True


def report_size() -> bool:
    """Print the size; return whether it is within the goal."""
    size = folder_size(DIST)
    ok = size < GOAL_MB * MB
    verdict = "ok" if ok else "OVER THE GOAL"
    print(f"dist/tipdesk: {size / MB:.1f} MB (goal < {GOAL_MB} MB: {verdict})")
    parts = ", ".join(f"{name} {bytes_ / MB:.1f}" for name, bytes_ in largest_parts(DIST))
    print(f"  largest parts (MB): {parts}")
    return ok


def evict(folders: list[Path]) -> bool:
    """Ask the kernel to drop the cached pages of every file under ``folders`` (Linux:
    ``posix_fadvise(DONTNEED)``; pages another process has mapped stay). Returns whether the
    platform can do it."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return False
    for folder in folders:
        for dirpath, _dirs, files in os.walk(folder):
            for name in files:
                path = Path(dirpath) / name
                if path.is_symlink():
                    continue
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    continue
                try:
                    advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)
    return True


def _source_files() -> list[Path]:
    """What ``python -m tipdesk`` reads: the interpreter, its standard library, the venv's
    packages, the tipdesk package and resources/."""
    paths = sysconfig.get_paths()
    folders = {Path(paths["stdlib"]), Path(paths["platstdlib"]), Path(paths["purelib"])}
    folders |= {Path(paths["platlib"]), ROOT / "tipdesk", ROOT / "resources"}
    libdir = sysconfig.get_config_var("LIBDIR")
    if libdir:
        folders |= {p for p in Path(libdir).glob("libpython3*") if p.is_file()}
    return sorted({*folders, Path(sys.executable).resolve()})


def report_start_up(runs: int, cold_runs: int = 3) -> None:
    # Imported here: `bench.package size` (make package-check) needs neither Qt nor a store.
    from bench.gui_startup import make_store, time_to_window

    commands = {
        "packaged": [str(executable())],
        "source": [sys.executable, "-m", "tipdesk"],
    }
    files = {"packaged": [DIST], "source": _source_files()}
    with tempfile.TemporaryDirectory(prefix="tipdesk-bench-package-") as tmp:
        home = Path(tmp) / "home"
        make_store(home)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
        env |= {
            "TIPDESK_HOME": str(home),
            "TIPDESK_REPORT_SHOWN": "1",
            "QT_QPA_PLATFORM": "offscreen",
        }
        cold: dict[str, list[float]] = {name: [] for name in commands}
        can_evict = True
        for _ in range(cold_runs):
            for name, cmd in commands.items():
                can_evict = evict(files[name]) and can_evict
                cold[name].append(time_to_window(cmd, env)[0])
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                w, c = time_to_window(cmd, env)
                wall[name].append(w)
                cpu[name].append(c)
    how = "its files dropped from the file cache" if can_evict else "file cache as it was"
    print("start-up to the sign-in window (offscreen, existing store):")
    for name, label in (("packaged", "packaged app"), ("source", "from source")):
        print(
            f"  {label:<12}  cold {statistics.median(cold[name]) * 1000:5.0f} ms; "
            f"warm {statistics.median(wall[name]) * 1000:5.0f} ms wall "
            f"(best {min(wall[name]) * 1000:4.0f}), "
            f"{statistics.median(cpu[name]) * 1000:5.0f} ms CPU"
        )
    cold_ratio = statistics.median(cold["packaged"]) / statistics.median(cold["source"])
    ratio = statistics.median(wall["packaged"]) / statistics.median(wall["source"])
    print(
        f"  packaged / source: cold {cold_ratio:.2f}x, warm {ratio:.2f}x wall "
        f"(cold: median of {cold_runs}, {how}; warm: median of {runs} alternating runs)"
    )


def main() -> None:
    """The whole benchmark: size and start-up (see the module docstring)."""
    if _missing():
        return
    report_size()
    report_start_up(int(os.environ.get("BENCH_PACKAGE_RUNS", "7")))


def check_size() -> int:
    """``python -m bench.package size``: 0 within the goal (or nothing built), 1 over it."""
    if _missing():
        return 0
    return 0 if report_size() else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["size"]:
        sys.exit(check_size())
    main()
