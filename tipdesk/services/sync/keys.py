"""This install's sync keys in the encrypted store (its ``sync_keys`` table): made with the
install, or on first use in a store made before sync existed, and replaced when a restored
district install becomes a new device.

The keys and the documents they sign are :mod:`tipdesk.sync.identity`; this module only keeps
them in the store and loads them back as an :class:`~tipdesk.sync.identity.Identity`.
"""

from __future__ import annotations

from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import KeyRow, SyncStore
from tipdesk.sync.identity import ENCRYPTION, SIGNING, Identity, new_keys


def _new_key_rows(at: str) -> list[KeyRow]:
    """Fresh keys (:func:`~tipdesk.sync.identity.new_keys`) as the store's rows. Secret."""
    return [KeyRow(key.name, key.secret, key.public, at) for key in new_keys()]


def load_or_create(store: Store, device_id: str, actor: Actor) -> Identity:
    """The install's identity, made and stored on first use (one transaction; when two
    processes race, the first stored keys win and both use them)."""
    sync = SyncStore(store)
    rows = sync.keys()
    if SIGNING not in rows or ENCRYPTION not in rows:
        sync.add_keys(_new_key_rows(actor.at), actor)
        rows = sync.keys()
    return Identity.from_secrets(device_id, rows[SIGNING].secret, rows[ENCRYPTION].secret)


def become_new_device(store: Store, device_id: str, actor: Actor, *, previous: str) -> Identity:
    """Give this install a new device id and new keys, and forget the old device's outbox
    (:meth:`SyncStore.replace_identity`). HQ must register the new device file before it
    accepts the new device's bundles; the old device can then be revoked."""
    SyncStore(store).replace_identity(device_id, _new_key_rows(actor.at), actor, previous=previous)
    return load_or_create(store, device_id, actor)
