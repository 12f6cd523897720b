"""How big a bundle may be: the bound that keeps HQ's import under a fixed memory ceiling.

A bundle's payload is compressed JSON; compressed, ``[[],[],...]`` shrinks a thousandfold and
every ``[]`` costs about 80 bytes once parsed, so a 97 KB bundle from a registered device once
took an import to 2.5 GB. The bound, checked by HQ and respected by the district's exporter:

- at most :data:`MAX_RECORDS` records per bundle (the exporter splits larger exports into
  several bundles, whole units each);
- the decompressed JSON at most :func:`plain_budget` of the declared record count (a fixed
  allowance for a few very large records, such as a training with its roster, plus a
  per-record budget), checked from the manifest before anything is decrypted, and the
  encrypted payload no larger than that could compress to;
- the JSON's *items* (:func:`items`: commas, brackets, braces and strings, counted in C over
  the bytes, before the JSON is parsed) at most :func:`items_budget` of the count.

An import therefore parses at most about 5.8 million items and 67 MB of JSON, whatever a
bundle claims: ``docs/bundle-format.md`` states the ceiling and ``python -m bench sync``
measures it. Pure functions; :class:`~tipdesk.sync.errors.TooLarge` names the bound passed.
"""

from __future__ import annotations

from collections.abc import Mapping

from tipdesk.core.messages import say
from tipdesk.sync.errors import TooLarge

MAX_RECORDS = 100_000
"""Records per bundle, at most."""
PLAIN_ALLOWANCE = 16 * 1024 * 1024
PLAIN_PER_RECORD = 512
"""Bytes of JSON per record beyond the allowance (the records of a typical district average
under 200)."""
ITEMS_ALLOWANCE = 1_000_000
ITEMS_PER_RECORD = 48
"""JSON items per record beyond the allowance (typical records: about 30)."""
COMPRESSION_SLACK = 1024 * 1024
"""What compression may add to incompressible JSON (zlib: 5 bytes per 16 KiB block), plus
age's own framing (16 bytes per 64 KiB chunk and a header), with room to spare."""


def records_in(counts: Mapping[str, int]) -> int:
    return sum(counts.values())


def plain_budget(records: int) -> int:
    """The most bytes of JSON a payload of ``records`` records may decompress to."""
    return PLAIN_ALLOWANCE + PLAIN_PER_RECORD * max(records, 0)


def items_budget(records: int) -> int:
    """The most JSON items (see :func:`items`) a payload of ``records`` records may hold."""
    return ITEMS_ALLOWANCE + ITEMS_PER_RECORD * max(records, 0)


def items(plain: bytes) -> int:
    """An upper bound of the values in the JSON ``plain``: every value but the first follows
    a comma, every list and object opens with a bracket or brace, every string has two
    quotes. Counted over the bytes (inside strings too: an overestimate), at C speed."""
    return plain.count(b",") + plain.count(b"[") + plain.count(b"{") + plain.count(b'"') // 2 + 1


def fits(records: int, plain: bytes) -> bool:
    """Whether a payload of ``records`` records in ``plain`` is within every bound (what the
    exporter asks before it seals a bundle)."""
    return (
        records <= MAX_RECORDS
        and len(plain) <= plain_budget(records)
        and items(plain) <= items_budget(records)
    )


def check_declared(counts: Mapping[str, int], plain_bytes: int, payload_bytes: int) -> None:
    """Refuse a bundle whose manifest declares more than a bundle may hold (before anything
    is decrypted): too many records, or a payload larger than its records allow."""
    n = records_in(counts)
    if n > MAX_RECORDS:
        raise TooLarge(
            say(
                "This bundle declares {n:,} records; a bundle holds at most {most:,} (TIPDesk "
                "splits larger exports). It was refused. Nothing was changed.",
                n=n,
                most=MAX_RECORDS,
            )
        )
    limit = plain_budget(n)
    if plain_bytes > limit or payload_bytes > limit + COMPRESSION_SLACK:
        raise TooLarge(
            say(
                "This bundle's contents ({size:,} bytes) are larger than {n:,} records may take "
                "({limit:,} bytes); it was refused. Nothing was changed.",
                size=max(plain_bytes, payload_bytes),
                n=n,
                limit=limit,
            )
        )


def check_items(plain: bytes, records: int) -> None:
    """Refuse a decompressed payload holding more JSON items than its records may (before it
    is parsed)."""
    found, limit = items(plain), items_budget(records)
    if found > limit:
        raise TooLarge(
            say(
                "This bundle's contents hold about {found:,} values, more than {records:,} "
                "records may ({limit:,}); it was refused before reading them. Nothing was changed.",
                found=found,
                records=records,
                limit=limit,
            )
        )


RECEIPT_MAX_PLAIN = 128 * 1024 * 1024
"""A receipt's JSON at most (a page of records back is at most 2,000 change rows)."""
RECEIPT_MAX_ITEMS = 8_000_000


def check_receipt(plain_bytes: int, plain: bytes | None = None) -> None:
    """Refuse a receipt declaring (or, once decompressed, holding) more than a receipt may:
    HQ signs receipts, and still a district never parses an unbounded one."""
    found = items(plain) if plain is not None else 0
    if plain_bytes > RECEIPT_MAX_PLAIN or found > RECEIPT_MAX_ITEMS:
        raise TooLarge(
            say(
                "This receipt is larger than any receipt HQ makes; it was refused. Ask HQ for a "
                "new one. Nothing was changed."
            )
        )
