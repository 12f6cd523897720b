"""Fixtures for the sync layer's unit tests: identities made in memory (no store)."""

from __future__ import annotations

import pytest
from sealed_support import make_identity

from tipdesk.sync.identity import Identity


@pytest.fixture
def sender() -> Identity:
    return make_identity()


@pytest.fixture
def receiver() -> Identity:
    return make_identity()
