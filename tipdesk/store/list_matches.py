"""What a record list's search matched in each row it lists (the "Matched" column).

Contract: read-only (SELECT through :meth:`Store.query`, on the store's thread). Words are
compared as the full-text index compares them (:func:`fold`: lower case, no diacritics); the
last word typed may be the start of a word. A victim's identity is never read here: a victim
listed by a search that its code does not explain was found by its identity, and says only
that.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Protocol

from tipdesk.core.folding import fold as fold_text


class Reads(Protocol):
    """What this module reads through: :meth:`tipdesk.store.store.Store.query` (or the same
    over PostgreSQL, :mod:`tipdesk.hqstore.lists`)."""

    def query(self, sql: str, params: Sequence[Any] = ...) -> list[tuple[Any, ...]]: ...


# Words as the FTS tokenizer sees them ("_" separates words there).
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(word: str) -> str:
    """A word as the index stores it (:func:`tipdesk.core.folding.fold`)."""
    return fold_text(word)


def _words(text: str) -> list[str]:
    return [w for w in (fold(w) for w in WORD.findall(text)) if w]


def _hits(words: list[str], text: str) -> int:
    """How many of the searched ``words`` ``text`` holds (the last may be a word's start)."""
    have = _words(text)
    found = 0
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if any(h == word or (last and h.startswith(word)) for h in have):
            found += 1
    return found


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def _parts(store: Reads, kind: str, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The searched parts of each record, as (what, text): what the index holds of it."""
    out: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    marks = _marks(len(ids))
    if kind == "case":
        for rid, number, officer, narrative in store.query(
            "SELECT id, case_number, investigating_officer, narrative FROM cases "  # noqa: S608
            f"WHERE id IN ({marks})",
            ids,
        ):
            out[rid] += [("case_number", number), ("officer", officer), ("narrative", narrative)]
        for cid, name, father, cnic in store.query(
            "SELECT case_id, name, father_name, cnic FROM accused "  # noqa: S608
            f"WHERE case_id IN ({marks}) AND deleted = 0 ORDER BY rowid",
            ids,
        ):
            dashed = f"{cnic[:5]}-{cnic[5:12]}-{cnic[12:]}" if len(cnic) == 13 else cnic
            out[cid] += [("accused", name), ("accused_father", f"{name}\t{father}"),
                         ("accused_cnic", f"{name}\t{cnic} {dashed}")]  # fmt: skip
        for cid, code in store.query(
            f"SELECT case_id, victim_code FROM victims WHERE case_id IN ({marks}) "  # noqa: S608
            "AND deleted = 0",
            ids,
        ):
            out[cid].append(("victim_code", code))
    elif kind == "victim":
        for rid, code in store.query(
            f"SELECT id, victim_code FROM victims WHERE id IN ({marks})",  # noqa: S608
            ids,
        ):
            out[rid].append(("code", code))
    elif kind == "training":
        for rid, title, venue, roster in store.query(
            f"SELECT id, title, venue, roster FROM trainings WHERE id IN ({marks})",  # noqa: S608
            ids,
        ):
            out[rid] += [("title", title), ("venue", venue)]
            out[rid] += [("trainee", str(n)) for n in json.loads(roster or "[]")]
    elif kind == "campaign":
        for rid, title, venue, national, notes in store.query(
            "SELECT id, title, venue, national_campaign, notes FROM campaigns "  # noqa: S608
            f"WHERE id IN ({marks})",
            ids,
        ):
            out[rid] += [("title", title), ("venue", venue), ("national_campaign", national),
                         ("notes", notes)]  # fmt: skip
    return out


def matches(store: Reads, kind: str, ids: list[str], text: str) -> dict[str, tuple[str, str]]:
    """For each of ``ids`` (rows a search listed), the part of the record that holds most of
    the searched words, as (what, text): ``("accused", "Javed Iqbal")``, ``("officer", ...)``,
    ``("victim_code", ...)``, ``("trainee", ...)``, ``("narrative", "")``... For an accused
    found by father's name or CNIC, the text is the accused's name. A victim matched by
    identity gives ``("identity", "")``: never a name, CNIC or phone. Rows whose match is not
    found in these parts are left out."""
    words = _words(text)
    if not words or not ids:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rid, parts in _parts(store, kind, ids).items():
        best, score = ("", ""), 0
        for what, value in parts:
            found = _hits(words, str(value or "").replace("\t", " "))
            if found > score:
                shown = str(value or "").split("\t")[0]
                what = "accused" if what.startswith("accused") else what
                best, score = (what, "" if what in _NO_TEXT else shown), found
        if score == 0 and kind == "victim":
            best, score = ("identity", ""), 1  # found, but not by its code: by the identity
        if score:
            out[rid] = best
    return out


# Parts named without their text (long, or already a column of the list).
_NO_TEXT = frozenset({"narrative", "notes", "case_number", "code", "title"})
