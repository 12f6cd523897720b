"""Helpers for the sync security tests (anchors, receiver paths, receipt ranges, bundle bombs,
the HTTPS receiver's limits, the export outbox, HQ's certificate): a district and an HQ made
in-process with a tiny Argon2id cost and linked to each other, synthetic records, and the
attacker's tool: a bundle re-sealed with the registered device's *own* signing key (the
attacker holds the district laptop), its manifest and payload changed at will.

Not a conftest.py: other branches add their own files to tests/security/, and helpers imported
by name keep each branch's fixtures apart. Everything here is synthetic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Gender, InstallRole, Stage
from tipdesk.core.records import Accused, Campaign, Case, Referral, Victim
from tipdesk.paths import Paths
from tipdesk.services import records, sync
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.services.sync.common import own_identity
from tipdesk.store.keys import KdfParams
from tipdesk.sync import age, container

SYNC_USER = "admin1"
SYNC_PASSPHRASE = "correct horse battery staple"
SYNC_START = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
SYNC_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
LAHORE = "PB-LHR"
LAHORE_OFFICE = "FIA-AHTC-LHR"
_serial = itertools.count(1)


def sync_install(home: Path, clock: FixedClock, *, hq: bool = False) -> Session:
    """A new install in ``home`` (Lahore district, or HQ), its admin signed in."""
    where = {} if hq else {"district": "Lahore", "office": LAHORE_OFFICE}
    session, _recovery = session_service.init_install(
        Paths(home),
        role=InstallRole.HQ if hq else InstallRole.DISTRICT,
        user=SYNC_USER,
        passphrase=SYNC_PASSPHRASE,
        clock=clock,
        kdf=SYNC_KDF,
        **where,
    )
    return session


def sync_reopen(paths: Paths, clock: FixedClock) -> Session:
    return session_service.sign_in(paths, user=SYNC_USER, passphrase=SYNC_PASSPHRASE, clock=clock)


@dataclass
class Pair:
    """A Lahore district enrolled with an HQ that registered its device."""

    district: Session
    hq: Session
    clock: FixedClock
    tmp: Path

    def close(self) -> None:
        self.district.close()
        self.hq.close()


def linked_pair(tmp: Path) -> Pair:
    clock = FixedClock(SYNC_START)
    district = sync_install(tmp / "lahore", clock)
    hq = sync_install(tmp / "hq", clock, hq=True)
    files = tmp / "files"
    files.mkdir(parents=True, exist_ok=True)
    sync.export_enrolment(hq, files / "hq.json")
    sync.enroll(district, files / "hq.json")
    sync.export_device_file(district, files / "device.json")
    sync.register_device(hq, files / "device.json")
    return Pair(district, hq, clock, tmp)


def a_case(**changes: Any) -> Case:
    """A valid Lahore case with one accused and one victim (with a referral)."""
    n = next(_serial)
    victim = Victim(
        victim_code=f"V-LHR-2025-{n:04d}",
        district=LAHORE,
        name="Sana Bibi",
        father_name="Nazir Ahmed",
        cnic="",
        gender=Gender.FEMALE,
        age=16,
        nationality="PK",
        exploitation_forms=["forced_labour"],
        identified_on=dt.date(2025, 2, 10),
        indicators=["debt_bondage"],
        protection_measures=["identity_protection"],
        referrals=[Referral(service="shelter", referred_on=dt.date(2025, 2, 11))],
    )
    accused = Accused(
        name="Akram Khan",
        father_name="Gul Khan",
        cnic=f"{3520212345670 + n}",
        gender=Gender.MALE,
        age=40,
        nationality="PK",
        role="recruiter",
        section="3",
    )
    values: dict[str, Any] = {
        "case_number": f"FIR {n}/2025",
        "registered_on": dt.date(2025, 2, 10),
        "district": LAHORE,
        "office": LAHORE_OFFICE,
        "law": "tip_act_2018",
        "sections": ["3"],
        "exploitation_forms": ["forced_labour"],
        "means": ["debt_bondage"],
        "stage": Stage.INVESTIGATION,
        "narrative": "Recruited for brick kiln work with an advance.",
        "accused": [accused],
        "victims": [victim],
    }
    return Case(**(values | changes))


def a_campaign(**changes: Any) -> Campaign:
    """A valid Lahore campaign (one record, its own unit)."""
    n = next(_serial)
    values: dict[str, Any] = {
        "title": f"Awareness walk {n}",
        "department": "punjab_labour",
        "kind": "walk",
        "start_on": dt.date(2026, 1, 11),
        "end_on": dt.date(2026, 1, 11),
        "district": LAHORE,
        "people_reached": 100 + n,
        "partners": ["iom"],
    }
    return Campaign(**(values | changes))


def save(session: Session, *items: Any) -> None:
    records.save(session, list(items))


def export(district: Session, out: Path) -> Path:
    """The newest bundle the export made (it must make one)."""
    out.mkdir(parents=True, exist_ok=True)
    result = sync.export_bundle(district, out)
    assert result.path is not None, "nothing new to export"
    return result.path


# --- the attacker's tool: re-sealing with the device's own key --------------------------------
def open_bundle(data: bytes, hq: Session) -> tuple[container.Envelope, dict[str, Any]]:
    """A bundle's envelope and its payload as JSON (decrypted with HQ's key, as HQ would)."""
    env = container.read(data)
    me = own_identity(hq)
    plain = container.open_payload(env, me.age_identity, me.public.recipient)
    return env, json.loads(plain)


def reseal(
    district: Session,
    env: container.Envelope,
    manifest: dict[str, Any],
    payload: bytes | dict[str, Any],
    *,
    plain_bytes: int | None = None,
) -> bytes:
    """A bundle with ``manifest`` (without its ``payload`` entry) and ``payload`` (JSON, or the
    exact bytes), compressed, encrypted to the envelope's recipients and signed with the
    district device's own signing key: what a thief of the laptop can make. ``plain_bytes``
    declares another decompressed size than the real one."""
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    compressed = zlib.compress(raw, 9)
    body = {k: v for k, v in manifest.items() if k != "payload"}
    return bytes(
        container.seal_compressed(
            "bundle",
            body,
            compressed,
            len(raw) if plain_bytes is None else plain_bytes,
            own_identity(district).signer,
            list(env.recipients),
            env.format,
        )
    )


def tampered(
    data: bytes,
    pair: Pair,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    payload: Callable[[dict[str, Any]], None] | None = None,
) -> bytes:
    """The bundle ``data`` with its manifest and payload changed in place by the callbacks,
    re-sealed with the device's own key."""
    env, doc = open_bundle(data, pair.hq)
    m = json.loads(json.dumps(env.manifest))
    if manifest is not None:
        manifest(m)
    if payload is not None:
        payload(doc)
    return reseal(pair.district, env, m, doc)


def hq_recipient(hq: Session) -> str:
    return own_identity(hq).public.recipient


def age_decrypt_for(hq: Session, ciphertext: bytes) -> bytes:
    return age.decrypt(ciphertext, own_identity(hq).age_identity)


# --- HQ's receiver on a loopback port ----------------------------------------------------------
def tls_files(folder: Path, name: str = "hq") -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (PEM files)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextlib.contextmanager
def serving(hq: Paths, clock: FixedClock, tls: tuple[Path, Path], config: Any) -> Iterator[str]:
    """HQ's receiver (``hq serve``) on a free loopback port (127.0.0.1, port 0); yields its
    base URL and stops it at the end."""
    from tipdesk.services.sync import server as sync_server

    worker = sync_server.StoreWorker(lambda: sync_reopen(hq, clock))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = sync_server.make_server(worker, "127.0.0.1", port, tls[0], tls[1], config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        yield f"https://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)
        worker.close()


def no_wait(_seconds: float) -> None:
    return None
