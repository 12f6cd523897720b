"""Device registrations and revocations shared by every HQ install linked to one PostgreSQL
database (issue 20: analysts, the receiver and the workers each run a copy of the HQ
install's data folder). A device revoked on one install is refused by another install's
import even though that install's own registry still trusts it; a copy made before the
revocation cannot bring it back; a revocation the database does not get is not made at all.
Synthetic data only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hq_engines import pg_digest
from sync_support import case_for, clone_home, export, link, make_district, reopen

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import KnownError
from tipdesk.hqstore.batch import mirror_devices
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync.errors import RevokedSender

pytestmark = pytest.mark.parametrize("hq_engine", ["postgres"], indirect=True)


@pytest.fixture
def two_installs(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> Iterator[tuple[Session, Session, Session, str]]:
    """The district, HQ's install and a copy of it (another analyst's or the server's),
    both linked to the same database; the database's URL."""
    district, hq = hq_linked
    url = str(hq.store.setting(DATABASE_SETTING))
    home = hq.paths.home
    hq.close()
    copy = reopen(clone_home(home, tmp_path / "hq-copy"), svc_clock)
    first = reopen(hq.paths, svc_clock)
    yield district, first, copy, url
    copy.close()
    first.close()


def _pg_device(url: str, device_id: str) -> tuple[object, ...] | None:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT district, revoked_at FROM sync_devices WHERE device_id = %s", (device_id,)
        ).fetchone()


def test_a_device_revoked_on_one_install_is_refused_by_anothers_import(
    two_installs: tuple[Session, Session, Session, str], tmp_path: Path
) -> None:
    district, first, copy, url = two_installs
    device = district.install.device_id
    records.save(district, [case_for(district)])
    data = export(district, tmp_path / "out").read_bytes()
    revoked = sync.revoke_device(first, device)
    assert revoked.revoked_at
    shared = _pg_device(url, device)
    assert shared is not None and shared[1] == revoked.revoked_at  # at once, not at an import
    assert SyncStore(copy.store).device(device).revoked_at is None  # type: ignore[union-attr]
    before = pg_digest(url)
    with pytest.raises(RevokedSender, match="revoked device"):
        sync.import_bundle_bytes(copy, data)
    assert pg_digest(url) == before


def test_a_copy_made_before_a_revocation_cannot_undo_it(
    two_installs: tuple[Session, Session, Session, str],
) -> None:
    district, first, copy, url = two_installs
    device = district.install.device_id
    revoked = sync.revoke_device(first, device)
    stale = SyncStore(copy.store).device(device)
    assert stale is not None and stale.revoked_at is None
    with psycopg.connect(url) as conn:  # what the copy's next imports mirror
        mirror_devices(conn, [(device, stale.district, stale.office, stale.registered_at, None)])
        # A row the copy holds otherwise (here its office) is written, revocation kept.
        mirror_devices(conn, [(device, stale.district, "OTHER", stale.registered_at, None)])
    assert _pg_device(url, device) == (stale.district, revoked.revoked_at)


def test_a_registration_on_one_install_reaches_the_database_at_once(
    two_installs: tuple[Session, Session, Session, str], tmp_path: Path, svc_clock: FixedClock
) -> None:
    _district, first, _copy, url = two_installs
    karachi = make_district(tmp_path / "karachi", svc_clock, which=1)
    try:
        link(karachi, first, tmp_path / "files-2")
        shared = _pg_device(url, karachi.install.device_id)
        assert shared is not None and shared[0] == karachi.install.district and shared[1] is None
    finally:
        karachi.close()


def test_a_revocation_the_database_cannot_take_is_not_made(
    two_installs: tuple[Session, Session, Session, str],
) -> None:
    district, first, _copy, url = two_installs
    device = district.install.device_id
    gone = url.replace("/t_", "/gone_")  # a database that does not exist
    assert gone != url
    first.store.set_settings({DATABASE_SETTING: gone}, first.actor())
    with pytest.raises(KnownError):
        sync.revoke_device(first, device)
    assert SyncStore(first.store).device(device).revoked_at is None  # type: ignore[union-attr]
    assert _pg_device(url, device) == (district.install.district, None)
