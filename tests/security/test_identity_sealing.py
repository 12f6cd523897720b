"""Victims' identities are protected by encryption, not only by roles (threat: "Victims'
identities are protected by roles in the app, not by encryption"): a user who may not reveal
them, holding the database key and every file, finds no name, father's name, CNIC, phone or
address of a victim in the database; users who may reveal still read and search them; the
victim/accused overlap check still works for everyone; existing stores are migrated."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from svc_support import SVC_OTHER_PASSPHRASE, SVC_START, svc_case, svc_victim

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Outcome
from tipdesk.core.errors import ValidationFailed
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.services import records
from tipdesk.services.session import Session
from tipdesk.store.driver import connect
from tipdesk.store.keys import KeyFile
from tipdesk.store.store import Store

NAME = "Zarmeenafake Qudsiyabibi"
FATHER = "Mirzabadal Fakefatherov"
CNIC = "37405-1234567-9"
PHONE = "0321-9876543"
ADDRESS = "Imaginaryabad Lane 7"
NEEDLES = [NAME, "Zarmeenafake", "Qudsiyabibi", FATHER, "Mirzabadal", CNIC, "3740512345679",
           PHONE, "9876543", "Imaginaryabad"]  # fmt: skip
GOLDEN_3 = Path(__file__).resolve().parents[1] / "data" / "golden" / "schema-3"


def decrypted_dump(db: Path, key: bytes, out: Path) -> bytes:
    """What someone holding the database key gets: every table, decrypted, as a plain SQLite
    file (``sqlcipher_export``)."""
    conn = connect(db, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(out),))
        conn.execute("SELECT sqlcipher_export('plain')").fetchone()
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return out.read_bytes()


def _found(data: bytes, needles: list[str]) -> list[str]:
    hits = []
    for n in needles:
        for form in {n, n.lower(), n.upper(), n.casefold()}:
            if form.encode("utf-8") in data or form.encode("utf-16-le") in data:
                hits.append(n)
    return sorted(set(hits))


@pytest.fixture
def recorded(district_session: Session) -> Case:
    victim = svc_victim(name=NAME, father_name=FATHER, cnic=CNIC, phone=PHONE, address=ADDRESS)
    case = svc_case(victims=[victim])
    records.save_one(district_session, case)
    return case


def test_an_officer_with_the_database_key_and_the_files_reads_no_identity(
    recorded: Case, district_session: Session, svc_user: object, tmp_path: Path
) -> None:
    assert callable(svc_user)
    svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER).close()
    paths = district_session.paths
    district_session.store.checkpoint()
    district_session.close()

    db_key, identity = KeyFile.load(paths.keyfile).unlock_keys(
        "officer1", SVC_OTHER_PASSPHRASE, FixedClock(SVC_START)
    )
    assert identity is None  # the officer's key file entry holds no identity key
    dump = decrypted_dump(paths.database, db_key, tmp_path / "plain.db")
    assert b"SQLite format 3" in dump[:16]
    assert b"V-LHR-2025-001" in dump  # the dump is real: the victim's code is there
    assert _found(dump, NEEDLES) == []
    # Nor does the store, opened with that key, hand them out.
    store = Store.open(paths.database, db_key)
    try:
        victim = store.get("victim", recorded.victims[0].id)
        assert victim.name == "••••••" and victim.cnic == "••••••"
    finally:
        store.close()


def test_users_who_may_reveal_read_and_search_identities(
    recorded: Case, district_session: Session
) -> None:
    victim_id = recorded.victims[0].id
    shown = records.reveal_victim(district_session, victim_id, "court order 12/2026")
    assert (shown.name, shown.cnic, shown.phone, shown.address) == (
        NAME, "3740512345679", PHONE, ADDRESS,
    )  # fmt: skip
    for text in ("Qudsiyabibi", "zarmeenafake qudsiyabibi", CNIC, "3740512345679", "9876543"):
        hits = records.search(district_session, text)
        assert [h.id for h in hits if h.kind == "victim"] == [victim_id], text


def test_the_overlap_check_works_for_an_officer(
    recorded: Case, district_session: Session, svc_user: object
) -> None:
    assert callable(svc_user)
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    assert isinstance(officer, Session)
    assert records.search(officer, "Qudsiyabibi") == []  # no identity search for officers
    case = records.get(officer, "case", recorded.id)
    assert isinstance(case, Case)
    victim_id = case.victims[0].id
    for changes, sign in (
        ({"cnic": CNIC}, "cnic"),
        ({"cnic": "", "name": NAME, "father_name": FATHER}, "name"),
    ):
        edited = records.get(officer, "case", recorded.id)
        assert isinstance(edited, Case)
        new = dataclasses.replace(case.accused[0], id="", version=0, **changes)
        edited.accused.append(new)
        # Marking the new accused proceeded against is refused while the overlap is open...
        with pytest.raises(ValidationFailed) as err:
            records.save_one(officer, edited)
        assert {p.rule for p in err.value.problems} == {"dual_role"}, changes
        # ...and without the marks it is saved, the overlap found through the keyed hashes.
        new.proceeded_on, new.outcome, new.judgment_on = None, Outcome.PENDING, None
        new.imprisonment_months = new.fine_pkr = None
        records.save_one(officer, edited)
        stored = district_session.store.get("case", recorded.id)
        assert isinstance(stored, Case)
        assert stored.accused[-1].dual_role_matches == [f"{victim_id}:{sign}"], changes


def test_a_store_of_the_previous_schema_is_migrated(tmp_path: Path) -> None:
    """The golden store of schema 3 (plaintext identities) opens sealed: its victims' names
    are gone from the decrypted database, and come back with the identity key."""
    key = bytes.fromhex((GOLDEN_3 / "key.hex").read_text(encoding="ascii").strip())
    expected = json.loads((GOLDEN_3 / "expected.json").read_text(encoding="utf-8"))
    victims = [v for c in expected["records"]["case"] for v in c.get("victims", [])]
    victims += expected["records"].get("victim", [])
    names = sorted({v["name"] for v in victims if v.get("name")})
    assert names
    work = tmp_path / "tipdesk.db"
    shutil.copyfile(GOLDEN_3 / "tipdesk.db", work)
    assert _found(decrypted_dump(work, key, tmp_path / "before.db"), names) == names

    store = Store.open(work, key)  # the upgrade seals them
    try:
        escrow = store.vault.escrow()
        assert escrow is not None
        store.vault.unlock(escrow)
        by_id = {v["id"]: v["name"] for v in victims}
        for victim_id, name in by_id.items():
            assert store.get("victim", victim_id, deleted=True).name == name
    finally:
        store.close()
    assert _found(decrypted_dump(work, key, tmp_path / "after.db"), names) == []
