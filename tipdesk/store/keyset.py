"""The keyset ("page after") condition of the record lists, shared by both engines: the
SQLCipher store's :mod:`tipdesk.store.list_queries` and the PostgreSQL HQ's
:mod:`tipdesk.hqstore.lists`. Driver-free: it builds SQL text and parameters only.

Contract: :func:`after` gives the condition that selects the rows strictly after ``key`` in
the order of ``cols`` (ascending, or descending with ``descending``), as SQL text and its
parameters in order; values are always bound parameters (``mark``), never in the text. The
first column is never NULL (a list segment splits on it); a later one may be: NULL sorts
first going up and last going down (the SQLite index's order; every PostgreSQL ORDER BY of
the lists says ``NULLS FIRST``/``NULLS LAST`` to match), and ``=``/``<`` with a NULL are
never true, so those comparisons are written out. The first column's own bound lets the
engine start the index range at the key.
"""

from __future__ import annotations

from typing import Any


def after(
    cols: list[str],
    key: list[Any],
    descending: bool,
    *,
    mark: str = "?",
    false: str = "0",
) -> tuple[str, list[Any]]:
    """The rows after ``key`` in the order of ``cols``, as SQL and its parameters.

    ``mark`` is the engine's placeholder (``?`` SQLite, ``%s`` PostgreSQL); ``false`` its
    literal that is never true (``0`` SQLite, ``false`` PostgreSQL, which has no integer
    truth)."""
    cmp = "<" if descending else ">"
    args: list[Any] = []
    expr = ""
    for col, value in reversed(list(zip(cols, key, strict=True))):
        if value is None:
            # Going up, anything given is after NULL; going down, nothing is.
            beyond = f"{col} IS NOT NULL" if not descending else false
            same, same_args = f"{col} IS NULL", []
            beyond_args: list[Any] = []
        else:
            beyond = (
                f"({col} {cmp} {mark} OR {col} IS NULL)" if descending else f"{col} {cmp} {mark}"
            )
            beyond_args = [value]
            same, same_args = f"{col} = {mark}", [value]
        if expr:
            expr = f"({beyond} OR ({same} AND {expr}))"
            args = [*beyond_args, *same_args, *args]
        else:
            expr, args = beyond, beyond_args
    return f"{cols[0]} {cmp}= {mark} AND {expr}", [key[0], *args]
