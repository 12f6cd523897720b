"""The small differences between SQLite's and PostgreSQL's SQL that portable queries need.

Contract: a :class:`Dialect` turns a portable building block into the engine's SQL text; it
never sees values (they stay bound parameters). :data:`SQLITE` gives exactly the text the
SQLCipher store's queries use (:mod:`tipdesk.store.report_queries`), :data:`POSTGRES` the
equivalent that gives the same values on PostgreSQL: the national report built on each from the
same records is byte-identical (the tests compare them). Known traps it covers: ``?`` against
``%s`` placeholders, ``sum(boolean)`` (PostgreSQL has no sum of booleans: count with a
``CASE``), ``strftime`` for ages, ``json_each`` for JSON arrays and objects, a boolean compared
as ``0/1``.

Dates are ISO text (``YYYY-MM-DD``) in both engines' record tables, compared as text under the
``C`` collation, so period bounds, months (``substr``) and ordering agree byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Dialect:
    """One engine's spelling of the portable building blocks."""

    name: str
    mark: str

    def params(self, sql: str) -> str:
        """``sql`` written with ``?`` placeholders, in this engine's placeholder style.
        Literals in our queries never contain ``?`` (values are always parameters)."""
        if self.mark == "?":
            return sql
        return sql.replace("%", "%%").replace("?", self.mark)

    def month(self, col: str) -> str:
        """``YYYY-MM`` of an ISO date column."""
        return f"substr({col}, 1, 7)"

    def count_true(self, condition: str) -> str:
        """How many rows meet ``condition`` (0 for none, never NULL over a non-empty group)."""
        if self.name == "sqlite":
            return f"sum({condition})"
        return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    def as_int(self, condition: str) -> str:
        """``condition`` as 1 or 0 (SQLite's comparison value; PostgreSQL's is boolean)."""
        if self.name == "sqlite":
            return f"({condition})"
        return f"(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    def years_between(self, earlier: str, later: str) -> str:
        """Whole years from the ISO date ``earlier`` to ``later`` (an age at a date)."""
        if self.name == "sqlite":
            return (
                f"(CAST(strftime('%Y', {later}) AS INTEGER) - CAST(strftime('%Y', {earlier}) "
                f"AS INTEGER)) - (strftime('%m-%d', {later}) < strftime('%m-%d', {earlier}))"
            )
        return (
            f"(CAST(substr({later}, 1, 4) AS INTEGER) - CAST(substr({earlier}, 1, 4) AS INTEGER))"
            f" - (CASE WHEN substr({later}, 6, 5) < substr({earlier}, 6, 5) THEN 1 ELSE 0 END)"
        )

    def json_array(self, col: str, alias: str) -> str:
        """A set-returning source of the text elements of a JSON array column, each row's
        element as ``{alias}.value`` (join it ``LEFT JOIN ... ON true`` on PostgreSQL)."""
        if self.name == "sqlite":
            return f"json_each({col}) AS {alias}"
        return f"jsonb_array_elements_text(CAST({col} AS jsonb)) AS {alias}(value)"

    def json_object(self, col: str, alias: str) -> str:
        """A set-returning source of a JSON object column's entries: ``{alias}.key`` and its
        integer ``{alias}.value``."""
        if self.name == "sqlite":
            return f"json_each({col}) AS {alias}"
        return (
            "(SELECT e.key, CAST(e.value AS bigint) AS value "  # noqa: S608
            f"FROM jsonb_each_text(CAST({col} AS jsonb)) AS e) AS {alias}"
        )


SQLITE = Dialect("sqlite", "?")
POSTGRES = Dialect("postgres", "%s")

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def identifier(name: str) -> str:
    """``name`` checked to be one of our plain lower-case identifiers (tables and columns
    built into SQL text are ours, never input); raises ``ValueError`` otherwise."""
    if not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return name
