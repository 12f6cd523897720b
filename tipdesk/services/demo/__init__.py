"""Realistic, deterministic synthetic data for demonstrations, training and load tests.

Contract:
- :func:`generate` builds records in memory from one ``random.Random(seed)``: the same seed and
  arguments give the same records field by field. Bookkeeping (:class:`Meta`) fields are left
  empty for the store to fill. Every record passes :func:`tipdesk.core.validation.validate` with
  the reference data it was generated from, the given offices and ``today``, and is already tidy
  (:func:`~tipdesk.core.validation.normalise` changes nothing).
- Everything is invented. Names are composed from lists of common Pakistani given names and
  family names, and combinations belonging to well-known people are refused. CNICs are random
  13-digit numbers with a district-like prefix; phone numbers use the unassigned ``039x``
  mobile prefix so no real subscriber is dialled by accident.
- Proportions follow the figures reported to the National Assembly for 2023-24 (3,458 cases,
  20,697 suspects proceeded against, 1,044 convicted): about 30% of accused are proceeded
  against (challan) and about 5% of those are convicted. Stages agree with the accused:
  ``registered``, ``investigation`` and ``closed`` cases have nobody proceeded against,
  ``challan`` cases have no outcome yet, ``trial`` cases have some accused still pending and
  ``decided`` cases have an outcome for every accused.
- :func:`fill` generates for a signed-in session's install (its district and offices; at HQ,
  spread over every district that has an office) and saves through
  :func:`tipdesk.services.records.save`, one transaction per batch.

The package is split into :mod:`~tipdesk.services.demo.tables` (pure data),
:mod:`~tipdesk.services.demo.generator` (:func:`generate`, built from
:mod:`~tipdesk.services.demo.base`, :mod:`~tipdesk.services.demo.cases` and
:mod:`~tipdesk.services.demo.activities`) and :mod:`~tipdesk.services.demo.fill`
(:func:`plan` and :func:`fill`).
"""

from tipdesk.services.demo.fill import fill, plan
from tipdesk.services.demo.generator import DemoData, generate
from tipdesk.services.demo.tables import (
    BLOCKED_NAMES,
    FEMALE_NAMES,
    KINDS,
    MALE_NAMES,
    TRANSGENDER_NAMES,
)

__all__ = [
    "BLOCKED_NAMES",
    "FEMALE_NAMES",
    "KINDS",
    "MALE_NAMES",
    "TRANSGENDER_NAMES",
    "DemoData",
    "fill",
    "generate",
    "plan",
]
