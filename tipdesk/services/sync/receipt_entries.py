"""A receipt's per-bundle, quarantine and conflict entries, built one way for both HQ engines
(the SQLCipher store, :func:`tipdesk.services.sync.hq.receipt_for`, and the PostgreSQL HQ
database, :func:`tipdesk.services.sync.hq_pg_receipts.receipt_for`).

Contract: given the same bundles, quarantine entries and conflicts, both engines' receipts
carry the same entries (same keys, same order), which is what the district applies. Each
builder takes the engine-neutral fields only, so either engine's rows feed it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tipdesk.store.sync_rows import BundleRow


def bundle_entries(fresh: Iterable[BundleRow]) -> list[dict[str, Any]]:
    """One entry per bundle imported since the device's last receipt: its import result, with
    conflicts and quarantined versions counted (their details travel in their own lists)."""
    return [
        {
            "seq": b.seq,
            "sha256": b.sha256,
            "imported_at": b.imported_at,
            "status": b.result.get("status", ""),
            "accepted": b.result.get("accepted", {}),
            "duplicates": b.result.get("duplicates", 0),
            "superseded": b.result.get("superseded", 0),
            "conflicts": len(b.result.get("conflicts", [])),
            "quarantined": len(b.result.get("quarantined", [])),
        }
        for b in fresh
    ]


def quarantine_entry(
    entry_id: str, kind: str, record_id: str, version: int, bundle: int, problems: Any
) -> dict[str, Any]:
    """One open quarantine entry of the device; ``problems`` as stored (a list of dicts)."""
    return {
        "id": entry_id,
        "kind": kind,
        "record_id": record_id,
        "version": version,
        "bundle": bundle,
        "problems": problems,
    }


def conflict_entry(
    conflict_id: str, kind: str, record_id: str, version: int, bundle: int, detected_at: str
) -> dict[str, Any]:
    """One open conflict of the device (the district shows it held at HQ)."""
    return {
        "id": conflict_id,
        "kind": kind,
        "record_id": record_id,
        "version": version,
        "bundle": bundle,
        "detected_at": detected_at,
    }
