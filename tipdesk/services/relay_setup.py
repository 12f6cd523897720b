"""Keeping the identity relay's recipients (:mod:`tipdesk.store.identity_relay`) equal to the
HQ this district is enrolled with: set at enrolment, and checked again before every export and
at every sign-in of a user who holds the identity key, so an install enrolled before the relay
existed (or whose HQ changed its backup recipients) gets them too.

Kept apart from :mod:`tipdesk.services.sync` so that signing in (:mod:`tipdesk.services.session`)
can use it without loading the sync services.
"""

from __future__ import annotations

from tipdesk.store import identity_relay
from tipdesk.store.relay_store import RelayStore
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import age


def ensure_recipients(store: Store, actor: Actor) -> None:
    """Relay data keys to the enrolled HQ's recipients (nothing before enrolment); seal the
    copies that are missing when this session holds the identity key."""
    hq = SyncStore(store).hq()
    if hq is None:
        return
    names = [hq.recipient, *hq.backup_recipients]
    publics = sorted({age.recipient_key(r) for r in names})
    relay = RelayStore(store)
    if relay.recipients() != sorted(identity_relay.b64(p) for p in publics):
        relay.set_recipients(publics, actor)
    else:
        relay.reseal(actor)
