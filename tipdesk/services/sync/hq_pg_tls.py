"""The CA certificate of a PostgreSQL HQ reached over the network (issue 20, security).

Contract:
- :func:`read_ca` reads ``--ca FILE`` as the sync CA is read
  (:func:`tipdesk.services.sync.upload.read_certificate`: X.509 only, kept as PEM text).
- :func:`check` refuses a database URL and CA choice HQ must not use
  (:func:`tipdesk.hqstore.tls.check`): over the network, TLS with ``sslmode=verify-full`` and
  a CA certificate given by content; a Unix socket needs none.
- The HQ install keeps the URL (:data:`~tipdesk.services.sync.hq.DATABASE_SETTING`) and the
  CA's PEM text (:data:`CA_SETTING`) in its own store. :func:`connection_url` is what libpq is
  given: the URL with ``sslrootcert`` naming :data:`CA_FILE` in the data folder, written from
  the kept content before every use (a certificate is public; the file is never read back).
"""

from __future__ import annotations

from pathlib import Path

from tipdesk.fs import atomic_write_bytes
from tipdesk.hqstore import tls
from tipdesk.services.session import Session
from tipdesk.services.sync.upload import read_certificate

CA_SETTING = "hq_database_ca"
CA_FILE = "hq-database-ca.pem"


def read_ca(path: Path | None) -> str | None:
    """The PEM text of ``--ca FILE`` (``None`` without one); :class:`InvalidInput` for a file
    that is not a certificate."""
    return None if path is None else read_certificate(path)


def check(url: str, ca_pem: str | None) -> None:
    """Refuse ``url`` with this CA choice when HQ must not use it (module contract)."""
    tls.check(url, ca_given=bool(ca_pem))


def url_with_ca(session: Session, url: str, ca_pem: str | None) -> str:
    """``url`` as libpq is given it: with the CA file written from ``ca_pem`` (if any)."""
    if not ca_pem:
        return url
    path = session.paths.home / CA_FILE
    atomic_write_bytes(path, ca_pem.encode("ascii"), mode=0o644)
    return tls.with_root_cert(url, path)


def connection_url(session: Session, url: str) -> str:
    """The install's database URL as libpq is given it (see the module contract)."""
    return url_with_ca(session, url, session.store.setting(CA_SETTING) or None)
