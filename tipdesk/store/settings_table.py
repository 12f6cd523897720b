"""The ``settings`` table: key -> text value, written inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping

from tipdesk.store.driver import Connection


def put(conn: Connection, values: Mapping[str, str]) -> None:
    """Set each key to its value (inserted, or replacing the old value)."""
    conn.executemany(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )
