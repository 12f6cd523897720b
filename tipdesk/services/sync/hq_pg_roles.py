"""Duties on the PostgreSQL HQ: the database roles' script, and revealing an identity through
the one audited database function (issue 20, security).

Contract:
- :func:`roles_script` is :func:`tipdesk.hqstore.roles.roles_sql` (no sign-in: it holds no
  secret); :func:`apply_roles` runs it on the HQ install's database (``manage_settings``; the
  database role of the install's URL must own the tables and may create roles). It returns
  whether the receiver's inbox grant was made (``False`` while no inbox table exists).
- :func:`reveal_victim` asks the database for the sealed tokens of a victim's identifying
  fields (one audited call per field, in one transaction: the audit entries and the reveal
  commit together) and opens them with the signed-in user's identity key. It needs
  ``reveal_identity`` and the key; the database role must be granted ``tipdesk_identity``.
"""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.core.errors import InvalidInput, PermissionDenied
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Victim
from tipdesk.hqstore import roles
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.hqstore.reveal import reveal_token
from tipdesk.hqstore.vault import PgVault
from tipdesk.services.session import Session
from tipdesk.services.sync.common import require_hq
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.services.sync.hq_pg import install_index_key


def roles_script() -> str:
    """The database roles' SQL (see the module contract)."""
    return roles.roles_sql()


def apply_roles(session: Session) -> bool:
    """Run the roles' script on this HQ install's database (see the module contract)."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "hq database-roles")
    url = session.store.setting(DATABASE_SETTING)
    if not url:
        raise InvalidInput(
            say(
                "This HQ keeps its records in its own store: link a database first (`tipdesk hq "
                "database URL`)."
            )
        )
    with HqDatabase(url, max_size=1) as db, db.connection() as conn:
        return roles.apply(conn)


def reveal_victim(
    session: Session,
    db: HqDatabase,
    victim_id: str,
    reason: str,
    fields: Sequence[str] = Victim.IDENTIFYING,
) -> dict[str, str]:
    """The plaintext of ``fields`` of a victim at the PostgreSQL HQ, each read audited by the
    database (see the module contract)."""
    session.require(Permission.REVEAL_IDENTITY)
    if len(reason.strip()) < 5:
        raise InvalidInput(say("Give a reason (at least a few words) for revealing the identity."))
    private = session.store.vault.private_key()
    if private is None:
        raise PermissionDenied(
            say(
                "Your copy of the identity key has not been granted yet: it is given when an "
                "administrator (or another supervisor) signs in. Try again after that."
            )
        )
    index_key = install_index_key(session)
    actor = session.actor()
    with db.transaction() as conn:
        tokens = {
            f: reveal_token(conn, victim_id, f, reason, actor.user, actor.device) for f in fields
        }
        vault = PgVault(conn, index_key=index_key)
        vault.unlock(private)
        return {f: vault.open(victim_id, f, t) if t else "" for f, t in tokens.items()}
