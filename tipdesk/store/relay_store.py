"""The relay of identities (:mod:`tipdesk.store.identity_relay`) on an open store: who data
keys are relayed to, sealing the copies that are missing, and what a bundle reads.

Contract: writes run in one transaction with an audit entry (counts only, never a key or a
value); reads run on the store's connection (inside the caller's snapshot when there is one).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tipdesk.store import audit, identity_relay
from tipdesk.store.driver import transaction, translated
from tipdesk.store.store import Actor, Store


class RelayStore:
    """The identity relay of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn = store._conn

    def set_recipients(self, publics: Sequence[bytes], actor: Actor) -> int:
        """Relay data keys to ``publics`` (enrolment) and seal the copies this session can
        (see :meth:`reseal`); the number of data keys still without one."""
        with transaction(self._conn) as conn:
            identity_relay.set_recipients(conn, publics)
        self.reseal(actor)
        return len(self.waiting_keys())

    def reseal(self, actor: Actor) -> int:
        """Seal every missing copy when this session holds the identity key (the vault is
        open), queueing again the victims that waited for one; the number sealed."""
        vault = self._store.vault
        if not vault.is_open:
            return 0
        with translated(), transaction(self._conn) as conn:
            if not identity_relay.missing(conn):
                return 0
            done = identity_relay.reseal(conn, vault.data_key, actor.at)
            if done:
                audit.append(
                    conn,
                    [
                        audit.NewEntry(
                            actor.at,
                            actor.user,
                            actor.device,
                            "identity.relay",
                            detail={"data_keys": done},
                        )
                    ],
                )
        return done

    def recipients(self) -> list[str]:
        """The public keys (base64) data keys are relayed to, sorted."""
        with translated():
            return sorted(identity_relay.recipients(self._conn))

    def waiting_keys(self) -> list[int]:
        """Data keys without a copy for every relay recipient (a user who holds the identity
        key must sign in)."""
        with translated():
            return identity_relay.missing(self._conn)

    def tokens(self, victim_ids: Sequence[str]) -> dict[str, dict[str, str]]:
        with translated():
            return identity_relay.stored_tokens(self._conn, victim_ids)

    def copies(self, key_ids: Iterable[int], recipient: str) -> dict[int, bytes]:
        with translated():
            return identity_relay.copies(self._conn, key_ids, recipient)
