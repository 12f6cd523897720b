"""Version vectors and the deterministic merge HQ applies to every incoming record version.

Version vectors. Each row's vector maps a device id to the record's ``version`` at that
device's last change of it, so ``vv[updated_device] == version`` always holds. A row that sync
never wrote has the implicit vector ``{updated_device: version}``; a row sync wrote has its
vector in ``sync_versions``, and local edits after that extend it by ``{updated_device:
version}`` (:func:`row_vv`). The normal save path therefore needs no change: it already bumps
``version`` and stamps ``updated_device``.

The merge keeps, per record, the set of *heads*: the versions no other known version
supersedes. The row in the register is the winner among them; the others are held as open
conflicts, in full, for a reviewer (:func:`decide`).

- ``a`` supersedes ``b`` when ``a``'s vector is >= ``b``'s for every device and they differ.
- Equal vectors with equal contents are the same version (a duplicate); equal vectors with
  different contents (a device restored from an old backup) are treated as concurrent.
- Winner: a version written at this install (an HQ correction) beats one from elsewhere; then
  the later ``updated_at``, then the greater device id, then the higher version, then the
  content digest. The order is total, so the result is the same in every delivery order.

Everything here is pure: no I/O, no store.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from tipdesk.sync.canonical import canonical

VV = dict[str, int]


class Order(StrEnum):
    EQUAL = "equal"
    BEFORE = "before"  # a is superseded by b
    AFTER = "after"  # a supersedes b
    CONCURRENT = "concurrent"


def compare(a: VV, b: VV) -> Order:
    """How version vector ``a`` relates to ``b``."""
    a_ge = all(a.get(k, 0) >= v for k, v in b.items())
    b_ge = all(b.get(k, 0) >= v for k, v in a.items())
    if a_ge and b_ge:
        return Order.EQUAL
    if a_ge:
        return Order.AFTER
    if b_ge:
        return Order.BEFORE
    return Order.CONCURRENT


def join(*vectors: VV) -> VV:
    """The pointwise maximum: a vector that is >= every one given."""
    out: VV = {}
    for vv in vectors:
        for k, v in vv.items():
            if v > out.get(k, 0):
                out[k] = v
    return out


def row_vv(version: int, updated_device: str, synced: tuple[int, str] | None) -> VV:
    """The vector of a stored row from its bookkeeping and its ``sync_versions`` entry."""
    if synced is None:
        return {updated_device: version}
    vv: VV = json.loads(synced[1])
    if version != synced[0]:
        # Local edits since sync wrote the row: the last one is this device's.
        vv[updated_device] = max(vv.get(updated_device, 0), version)
    return vv


def vv_key(vv: VV) -> list[list[object]]:
    """A vector as sorted pairs (its canonical JSON form)."""
    return [[k, vv[k]] for k in sorted(vv)]


@dataclass(eq=False, slots=True)
class Version:
    """One version of a record as the merge sees it. ``ref`` says where it lives (``stored``,
    ``incoming`` or a conflict id); ``digest_of`` computes the content digest when needed."""

    vv: VV
    version: int
    updated_at: str
    updated_device: str
    here: bool
    ref: str
    digest_of: Callable[[], str]
    _digest: str | None = field(default=None)

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = self.digest_of()
        return self._digest

    def same_as(self, other: Version) -> bool:
        return compare(self.vv, other.vv) is Order.EQUAL and self.digest == other.digest


def digest(values: Sequence[object]) -> str:
    """SHA-256 of the canonical JSON of a record's field values (payload form)."""
    return hashlib.sha256(canonical(list(values))).hexdigest()


def _beats(a: Version, b: Version) -> bool:
    ka = (a.here, a.updated_at, a.updated_device, a.version)
    kb = (b.here, b.updated_at, b.updated_device, b.version)
    if ka != kb:
        return ka > kb
    return a.digest > b.digest


def winner(heads: Sequence[Version]) -> Version:
    best = heads[0]
    for h in heads[1:]:
        if _beats(h, best):
            best = h
    return best


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with an incoming version.

    ``status``: ``duplicate`` (already known), ``superseded`` (a newer version is known) or
    ``merged``. For ``merged``, ``winner`` is the version the register must hold, ``held``
    the versions to keep as open conflicts and ``retired`` the earlier heads the incoming
    version supersedes.
    """

    status: str
    winner: Version
    held: tuple[Version, ...]
    retired: tuple[Version, ...] = ()


def decide(heads: Sequence[Version], incoming: Version) -> Decision:
    """Merge ``incoming`` into ``heads`` (the stored winner first, then held versions)."""
    current = heads[0]
    for h in heads:
        order = compare(incoming.vv, h.vv)
        if order is Order.EQUAL and incoming.digest == h.digest:
            return Decision("duplicate", current, tuple(heads[1:]))
        if order is Order.BEFORE:
            return Decision("superseded", current, tuple(heads[1:]))
    survivors = [h for h in heads if compare(incoming.vv, h.vv) is not Order.AFTER]
    retired = tuple(h for h in heads if compare(incoming.vv, h.vv) is Order.AFTER)
    candidates = [*survivors, incoming]
    best = winner(candidates)
    held = tuple(sorted((c for c in candidates if c is not best), key=lambda v: v.digest))
    return Decision("merged", best, held, retired)


def record_ref(prefix: str, *parts: object) -> str:
    """A stable id for a conflict or quarantine entry: the same inputs give the same id on
    every install and in every delivery order."""
    return prefix + hashlib.sha256(canonical(list(parts))).hexdigest()[:20]
