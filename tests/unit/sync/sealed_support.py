"""Helpers for the sync layer's unit tests (a module name unique across the test folders)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tipdesk.core.ids import new_id
from tipdesk.sync import age
from tipdesk.sync.identity import Identity


def make_identity() -> Identity:
    """A fresh identity held in memory only (no store)."""
    return Identity(new_id(), Ed25519PrivateKey.generate(), age.new_identity())
