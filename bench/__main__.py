"""Run every benchmark: ``python -m bench [name ...]``."""

from __future__ import annotations

import sys

from bench import store_write

BENCHES = {"store_write": store_write.main}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    for name in names:
        print(f"== {name}")
        BENCHES[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
