"""Run every benchmark: ``python -m bench [name ...]``."""

from __future__ import annotations

import sys

from bench import (
    gui_case_files,
    gui_case_open,
    gui_diary,
    gui_lists,
    gui_startup,
    hq_pg,
    hq_pg_busy,
    hq_pg_dash,
    hq_pg_profile,
    keystrokes,
    package,
    register_import,
    reports,
    store_write,
    sync,
)

BENCHES = {
    "store_write": store_write.main,
    "register_import": register_import.main,
    "reports": reports.main,
    "sync": sync.main,
    "hq_pg": hq_pg.main,
    "hq_pg_busy": hq_pg_busy.main,
    "hq_pg_dash": hq_pg_dash.main,
    "hq_pg_profile": hq_pg_profile.main,
    "gui_lists": gui_lists.main,
    "gui_diary": gui_diary.main,
    "gui_startup": gui_startup.main,
    "gui_case_open": gui_case_open.main,
    "gui_case_files": gui_case_files.main,
    "keystrokes": keystrokes.main,
    "package": package.main,
}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    for name in names:
        print(f"== {name}")
        BENCHES[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
