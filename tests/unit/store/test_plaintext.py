"""No identifying text or narrative ever reaches the disk in plaintext: not in the database, its
-wal and -shm files, the key file or anything else in the data folder, nor in a backup.

Goes through the real services path (install, validation, save, backup) with distinctive
synthetic values, then scans the bytes of every file for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Gender, InstallRole, Stage
from tipdesk.core.records import Accused, Case, Referral, Victim
from tipdesk.paths import Paths
from tipdesk.services import records
from tipdesk.services.backup import backup
from tipdesk.services.session import Session, init_install
from tipdesk.store.driver import connect
from tipdesk.store.keys import KdfParams

VICTIM_NAME = "Zarqawina Qudsiyabegum"
VICTIM_FATHER = "Mirzabadal Fakefatherov"
VICTIM_CNIC = "3740512345679"
VICTIM_CNIC_DASHED = "37405-1234567-9"
VICTIM_PHONE = "03219876543"
VICTIM_ADDRESS = "Imaginaryabad Lane 7"
ACCUSED_NAME = "Brutovsky Fakeaccusedski"
ACCUSED_CNIC = "4210198765431"
NARRATIVE = "Xylophonic brickkiln Quetzalcoatlus servitude in a fictional village"

NEEDLES = [
    VICTIM_NAME,
    "Zarqawina",
    "Qudsiyabegum",
    VICTIM_FATHER,
    "Mirzabadal",
    VICTIM_CNIC,
    VICTIM_CNIC_DASHED,
    VICTIM_PHONE,
    "Imaginaryabad",
    ACCUSED_NAME,
    "Brutovsky",
    ACCUSED_CNIC,
    "Xylophonic",
    "brickkiln",
    "Quetzalcoatlus",
]


def _patterns() -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for needle in NEEDLES:
        for form in {needle, needle.lower(), needle.upper()}:
            out.append((f"{form!r} utf-8", form.encode("utf-8")))
            out.append((f"{form!r} utf-16-le", form.encode("utf-16-le")))
    return out


PATTERNS = _patterns()


def _leaks(root: Path) -> list[str]:
    """Every (file, needle) pair where the needle's bytes occur in a file under ``root``."""
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [
            f"{path.relative_to(root)}: {name}" for name, pattern in PATTERNS if pattern in data
        ]
    return found


def _case() -> Case:
    return Case(
        case_number="FIR 404/2025",
        registered_on=dt.date(2025, 3, 10),
        district="PB-LHR",
        office="FIA-AHTC-LHR",
        law="tip_act_2018",
        sections=["3"],
        exploitation_forms=["forced_labour"],
        means=["debt_bondage"],
        stage=Stage.INVESTIGATION,
        investigating_officer="Inspector Testofficer",
        narrative=NARRATIVE,
        accused=[
            Accused(
                name=ACCUSED_NAME,
                father_name="Plainfather Fakename",
                cnic=ACCUSED_CNIC,
                gender=Gender.MALE,
                age=44,
                role="recruiter",
                section="3",
            )
        ],
        victims=[
            Victim(
                victim_code="V-PLAIN-001",
                name=VICTIM_NAME,
                father_name=VICTIM_FATHER,
                cnic=VICTIM_CNIC_DASHED,
                phone=VICTIM_PHONE,
                address=VICTIM_ADDRESS,
                gender=Gender.FEMALE,
                age=19,
                identified_on=dt.date(2025, 3, 10),
                exploitation_forms=["forced_labour"],
                indicators=["debt_bondage"],
                referrals=[Referral(service="shelter", referred_on=dt.date(2025, 3, 11))],
            )
        ],
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def session(home: Path) -> Iterator[Session]:
    s, _recovery = init_install(
        Paths(home),
        role=InstallRole.DISTRICT,
        district="Lahore",
        office="FIA-AHTC-LHR",
        user="admin1",
        passphrase="correct horse battery staple",
        clock=FixedClock(dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)),
        kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
    )
    try:
        yield s
    finally:
        s.close()


def test_the_scanner_finds_plaintext(tmp_path: Path) -> None:
    """The check below would see a leak: UTF-8, UTF-16-LE and lower-cased, in nested folders."""
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "x.bin").write_bytes(b"\x00\x01" + b"zarqawina" + b"\xff")
    (tmp_path / "y.bin").write_bytes(b"...." + VICTIM_CNIC_DASHED.encode("utf-16-le"))
    leaks = _leaks(tmp_path)
    assert any(leak.startswith("a/b/x.bin") for leak in leaks)
    assert any(leak.startswith("y.bin") and "utf-16-le" in leak for leak in leaks)


def test_no_plaintext_on_disk_while_open_after_close_and_in_backups(
    session: Session, home: Path, tmp_path: Path
) -> None:
    case = _case()
    records.save(session, [case])

    # The data really is there (so the scan below is not vacuous).
    stored = session.store.get("case", case.id)
    assert isinstance(stored, Case)
    assert stored.narrative == NARRATIVE
    assert stored.victims[0].name == VICTIM_NAME
    assert stored.victims[0].cnic == VICTIM_CNIC
    assert [h.id for h in session.store.search("Quetzalcoatlus", include_identity=True)] == [
        case.id
    ]
    assert {h.kind for h in session.store.search("Zarqawina", include_identity=True)} == {"victim"}

    # While the session is open: the database and its -wal and -shm files are all there.
    db = session.paths.database
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    assert db.is_file()
    assert wal.is_file()
    assert shm.is_file()
    assert wal.stat().st_size > 0
    assert _leaks(home) == []

    out = tmp_path / "backups" / "plain.tdbackup"
    backup(session, out)
    assert out.stat().st_size > 0
    assert _leaks(out.parent) == []

    session.close()
    assert db.is_file()
    assert _leaks(home) == []


VICTIM_NEEDLES = [VICTIM_NAME, "Zarqawina", "Qudsiyabegum", VICTIM_FATHER, "Mirzabadal",
                  VICTIM_CNIC, VICTIM_CNIC_DASHED, VICTIM_PHONE, "Imaginaryabad"]  # fmt: skip


def test_victims_identities_are_sealed_even_with_the_database_key(
    session: Session, tmp_path: Path
) -> None:
    """Past the disk encryption: a copy of the database decrypted with the database key (what
    any user holds) has the accused and the narrative, but no victim's identity."""
    case = _case()
    records.save(session, [case])
    session.store.checkpoint()
    conn = connect(session.paths.database, session.store.database_key())
    plain = tmp_path / "decrypted.db"
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')").fetchone()
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    data = plain.read_bytes()
    assert ACCUSED_NAME.encode() in data and NARRATIVE.encode() in data  # decrypted for real
    leaks = [
        n
        for n in VICTIM_NEEDLES
        for form in {n, n.lower(), n.upper()}
        if form.encode("utf-8") in data or form.encode("utf-16-le") in data
    ]
    assert leaks == []
