"""Filling a store with demo data: :func:`plan` and :func:`fill`.

:func:`plan` decides which districts, offices, case counts and seeds a signed-in session's
install generates for; :func:`fill` generates the records (:func:`generate`) and saves them
through :func:`tipdesk.services.records.save`, one transaction per batch.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput
from tipdesk.core.permissions import Permission
from tipdesk.services import records as record_service
from tipdesk.services.demo.generator import DemoData, generate
from tipdesk.services.demo.tables import KINDS
from tipdesk.services.session import Session


def _share(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing to ``total``."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def plan(session: Session, *, seed: int, cases: int) -> list[tuple[str, list[str], int, int]]:
    """(district code, office codes, cases, seed) for each district :func:`fill` generates for:
    the install's district, or at HQ every district with an office. Raises
    :class:`InvalidInput` when the install has no office to give cases to."""
    offices = session.store.offices()
    if session.install.role is InstallRole.HQ:
        by_district: dict[str, list[str]] = {}
        for o in sorted(offices, key=lambda o: (o.district, o.code)):
            if session.reference.district(o.district) is not None:
                by_district.setdefault(o.district, []).append(o.code)
        if not by_district:
            raise InvalidInput("This install has no offices in known districts.")
        rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
        districts = list(by_district)
        weights = [len(by_district[d]) * rng.uniform(0.6, 1.6) for d in districts]
        shares = _share(cases, weights)
        parts = [
            (d, by_district[d], n, seed * 1_000 + i)
            for i, (d, n) in enumerate(zip(districts, shares, strict=True))
        ]
        # Districts without cases get no trainings or campaigns either (unless none has cases).
        return [p for p in parts if p[2] > 0] or parts[:1]
    district = session.install.district
    codes = sorted(o.code for o in offices if o.district == district)
    if not codes and session.install.office:
        codes = [session.install.office]
    if not codes:
        raise InvalidInput("This install has no office in its district.")
    return [(district, codes, cases, seed)]


def fill(
    session: Session,
    *,
    seed: int,
    cases: int,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 500,
) -> dict[str, int]:
    """Generate demo data for the session's install and save it, ``batch`` records per
    transaction; call ``progress(done, total)`` (top-level records) after each batch. Returns
    the number of records saved per kind (:data:`KINDS`)."""
    session.require(Permission.EDIT)
    if cases < 0:
        raise InvalidInput("The number of demo cases must be 0 or more.")
    if any(session.store.count(kind) for kind in ("case", "victim", "training", "campaign")):
        # Synthetic records must never mix with real ones (nor collide with earlier demo data).
        raise InvalidInput(
            "Demo data goes into an empty store only; this store already holds records."
        )
    today = session.clock.now().date()
    data = DemoData()
    for district, offices, n, sub_seed in plan(session, seed=seed, cases=cases):
        part = generate(
            session.reference,
            seed=sub_seed,
            cases=n,
            district=district,
            offices=offices,
            today=today,
        )
        data.cases += part.cases
        data.trainings += part.trainings
        data.campaigns += part.campaigns
    data.cases.sort(key=lambda c: c.registered_on or today)
    records = data.records()
    total = len(records)
    step = max(1, batch)
    if progress is not None:
        progress(0, total)
    for i in range(0, total, step):
        record_service.save(session, records[i : i + step])
        if progress is not None:
            progress(min(i + step, total), total)
    counts = data.counts()
    return {kind: counts[kind] for kind in KINDS}
