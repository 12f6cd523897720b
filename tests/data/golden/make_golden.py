"""Write the golden store of the current schema into ``tests/data/golden/schema-<N>/``.

Run it ONCE, when a schema version is released (``N`` is ``migrations.LATEST``)::

    .venv/bin/python tests/data/golden/make_golden.py

and commit the folder it writes. Never regenerate or edit an existing golden: it stands for the
stores officers already have on disk, written by that release. ``test_migrations.py`` opens
every golden with its key, migrates it to the newest schema and reads back ``expected.json``.

The folder holds:

- ``tipdesk.db``: the encrypted store, checkpointed (no ``-wal``/``-shm`` beside it);
- ``key.hex``: its raw 256-bit database key in hex (test data only: nothing real is in it);
- ``expected.json``: what must read back after migration (records as ``to_dict`` gives them,
  deleted ids, counts, search hits, settings, users, the number of audit entries).

Every value is synthetic. Record ids are fixed so the expectations are stable.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from tipdesk.core.codes import (
    Appeal,
    ArrestStatus,
    CaseKind,
    Gender,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.core.records import (
    Accused,
    Campaign,
    Case,
    Record,
    Referral,
    Training,
    Victim,
    to_dict,
)
from tipdesk.store.migrations import LATEST
from tipdesk.store.store import Actor, Store

HERE = Path(__file__).resolve().parent
DEVICE = "0190a000-0000-7000-8000-00000000d001"


def _id(n: int) -> str:
    """A fixed, valid UUIDv7-shaped id."""
    return f"0190a000-0000-7000-8000-{n:012d}"


def _records() -> tuple[list[Record], Training]:
    case_a = Case(
        id=_id(1),
        case_number="FIR 101/2024",
        kind=CaseKind.FIR,
        registered_on=dt.date(2024, 3, 5),
        offence_on=dt.date(2024, 2, 20),  # schema 6
        district="PB-LHR",
        office="FIA-AHTC-LHR",
        sections=["3"],
        exploitation_forms=["forced_labour", "child_labour"],
        means=["debt_bondage", "threats"],
        transnational=True,
        route_countries=["PK", "AE"],
        stage=Stage.DECIDED,
        investigating_officer="Inspector Goldenfake",
        narrative="Goldenstore narrative about a fictional brick kiln.",
        accused=[
            Accused(
                id=_id(11),
                name="Goldaccused Onefake",
                father_name="Goldfather Onefake",
                cnic="9990000000011",
                gender=Gender.MALE,
                age=45,
                role="recruiter",
                arrest_status=ArrestStatus.ARRESTED,
                section="3",
                proceeded_on=dt.date(2024, 6, 1),
                outcome=Outcome.CONVICTED,
                judgment_on=dt.date(2025, 2, 3),
                court="Fictional Sessions Court",
                imprisonment_months=48,
                fine_pkr=200_000,
                appeal=Appeal.FILED,
            ),
            Accused(
                id=_id(12),
                name="Goldaccused Twofake",
                cnic="9990000000012",
                gender=Gender.FEMALE,
                role="transporter",
                # schema 12: an overlap with the first victim, reviewed
                dual_role_matches=[f"{_id(21)}:name"],
                dual_role_reviewed=[f"{_id(21)}:name"],
                dual_role_reviewed_by="gold.supervisor",
                dual_role_reviewed_on=dt.date(2024, 3, 9),
                dual_role_decision="different",
            ),
        ],
        victims=[
            Victim(
                id=_id(21),
                victim_code="V-GOLD-001",
                name="Goldvictim Onefake",
                father_name="Goldvictimfather Fake",
                cnic="9990000000021",
                phone="03000000021",
                address="1 Fiction Street",
                gender=Gender.FEMALE,
                age=16,
                date_of_birth=dt.date(2008, 1, 2),
                exploitation_forms=["forced_labour"],
                identified_on=dt.date(2024, 3, 5),
                identified_by="fia",
                indicators=["debt_bondage", "restricted_movement"],
                consent_to_share=True,
                protection_measures=["shelter"],
                notes="Synthetic golden notes.",
                referrals=[
                    Referral(
                        id=_id(31),
                        service="shelter",
                        provider="Fictional Shelter",
                        referred_on=dt.date(2024, 3, 6),
                        outcome=ReferralOutcome.PROVIDED,
                        outcome_on=dt.date(2024, 3, 7),
                    ),
                    Referral(id=_id(32), service="medical", referred_on=dt.date(2024, 3, 6)),
                ],
            ),
            Victim(
                id=_id(22),
                victim_code="V-GOLD-002",
                gender=Gender.MALE,
                identified_on=dt.date(2024, 3, 5),
            ),
        ],
    )
    case_b = Case(
        id=_id(2),
        case_number="ENQ 7/2025",
        kind=CaseKind.ENQUIRY,
        registered_on=dt.date(2025, 1, 20),
        district="PB-LHR",
        office="FIA-AHTC-LHR",
        stage=Stage.REGISTERED,
        narrative="Second goldenstore enquiry.",
    )
    training = Training(
        id=_id(41),
        title="Golden victim identification course",
        topics=["victim_identification"],
        organiser="fia",
        partners=["unodc"],
        start_on=dt.date(2024, 11, 4),
        end_on=dt.date(2024, 11, 6),
        district="PB-LHR",
        venue="Fictional Academy",
        participants_total=12,
        participants_female=5,
        participants_male=7,
        participants_by_agency={"fia": 7, "police": 5},
        roster=["Goldtrainee Onefake", "Goldtrainee Twofake"],
    )
    doomed = Training(
        id=_id(42),
        title="Golden cancelled session",
        organiser="fia",
        start_on=dt.date(2024, 12, 1),
        district="PB-LHR",
    )
    campaign = Campaign(
        id=_id(51),
        title="Golden awareness walk",
        department="labour",
        kind="walk",
        start_on=dt.date(2025, 1, 11),
        end_on=dt.date(2025, 1, 11),
        district="PB-LHR",
        venue="Fictional Square",
        people_reached=450,
        partners=["iom"],
        national_campaign="Golden Week",
        notes="Synthetic.",
    )
    return [case_a, case_b, training, doomed, campaign], doomed


def _write_sync(store: Store) -> dict[str, Any]:
    """Schema 2 (sync): a synthetic row in every sync table, and what must read back."""
    from tipdesk.services.sync.keys import load_or_create
    from tipdesk.store.remote_apply import remote_batch
    from tipdesk.store.sync_store import (
        BundleRow,
        ConflictRow,
        DeviceRow,
        HqRow,
        NoticeRow,
        OutboxRow,
        QuarantineRow,
        ReceiptRow,
        SyncStore,
    )

    at = "2025-05-03T09:00:00.000Z"
    actor = Actor("golden.admin", DEVICE, at)
    sync = SyncStore(store)
    me = load_or_create(store, DEVICE, actor)
    hq, other = _id(900), _id(901)
    fake_key = "R09MREVOLUZBS0UtU0lHTklORy1LRVktMzItQllURVM="  # 32 bytes of text, not a key
    sync.set_hq(HqRow(hq, fake_key, me.public.recipient, (), "GOLD-ENHQ-FAKE-FING-ERPR"), actor)
    sync.add_outbox(
        OutboxRow(1, "PB-LHR-0190a000-000001.tipb", 0, 12, {"case": 2, "training": 2}, "a" * 64,
                  at, back_through=7),
        b"synthetic sealed bundle bytes",
        actor,
    )  # fmt: skip
    notice = NoticeRow("Ngolden000000000000001", "linked_accused", _id(1), "FIR 101/2024",
                       "PB-MUL", "FIR 7/2025")  # fmt: skip
    sync.add_receipt(
        ReceiptRow(1, hq, at, at, 1, 12, {"gaps": [], "quarantined": []}), actor, notices=[notice]
    )
    sync.add_device(
        DeviceRow(other, "PB-MUL", "FIA-AHTC-MUL", fake_key, me.public.recipient,
                  "GOLD-DEVI-CEFA-KEFI-NGER"),
        None,
        actor,
    )  # fmt: skip
    training = store.get("training", _id(41))
    vv = {DEVICE: training.version, other: 1}
    conflict_id, quarantine_id = "Cgolden000000000000001", "Qgolden000000000000001"
    with remote_batch(store, actor) as b:
        b.add_bundle(BundleRow(other, 1, "b" * 64, 0, 3, at, at, {"status": "imported"}))
        sync.confirm_back(other, 5, b.conn)
        b.write(training, vv, rowid=b.stored("training", [training.id])[training.id].rowid)
        held = to_dict(store.get("campaign", _id(51)), children=False)
        held["title"] = "Golden campaign, held version"
        b.add_conflict(
            ConflictRow(conflict_id, "campaign", _id(51), "open", 1, {other: 1}, held, other, 1,
                        at)
        )  # fmt: skip
        b.add_quarantine(
            QuarantineRow(quarantine_id, other, 1, "training", _id(43), 1, {other: 1},
                          {"id": _id(43), "title": "Golden quarantined training"},
                          [{"field": "start_on", "rule": "required",
                            "message": "the start date is required"}], at, "open")
        )  # fmt: skip
    return {
        "keys": sorted(sync.keys()),
        "fingerprint": me.public.fingerprint,
        "hq": [hq, "GOLD-ENHQ-FAKE-FING-ERPR"],
        "outbox": [[1, "PB-LHR-0190a000-000001.tipb", 0, 12, "2025-05-03T09:00:00.000Z"]],
        "receipts": [[1, 1, 12]],
        "devices": [[other, "PB-MUL", "GOLD-DEVI-CEFA-KEFI-NGER"]],
        "bundles": [[other, 1, "b" * 64]],
        "versions": {f"training/{training.id}": vv},
        "conflicts": [conflict_id],
        "quarantine": [quarantine_id],
        "back_through": [7],
        "back_confirmed": {other: 5},
        "notices": [[notice.id, _id(1), "FIR 101/2024", "PB-MUL", "FIR 7/2025"]],
    }


def _write_diary(store: Store) -> dict[str, Any]:
    """Schema 7 (the diary): a hearing held with its next date, the hearing that made, and a
    done mark on a deadline; what must read back."""
    from tipdesk.core.codes import HearingPurpose
    from tipdesk.core.records import Hearing
    from tipdesk.store.diary_queries import DiaryMarks

    actor = Actor("golden.clerk", DEVICE, "2025-05-04T09:00:00.000Z")
    held = Hearing(
        id=_id(61),
        case_id=_id(2),
        hearing_on=dt.date(2025, 2, 3),
        court="Fictional Judicial Magistrate",
        purpose=HearingPurpose.REMAND,
        proceedings="Golden remand granted.",
        next_on=dt.date(2025, 2, 10),
        done=True,
    )
    follows = Hearing(id=_id(62), case_id=_id(2), hearing_on=dt.date(2025, 2, 10),
                      court="Fictional Judicial Magistrate", purpose=HearingPurpose.REMAND,
                      follows_id=_id(61))  # fmt: skip
    store.save([held, follows], actor)
    DiaryMarks(store).mark("investigation", _id(2), "case", "2025-05-04", None, actor)
    return {"marks": [["investigation", _id(2), "2025-05-04", None]]}


def _write(db: Path, key: bytes) -> dict[str, Any]:
    at = "2025-05-01T09:00:00.000Z"
    actor = Actor("golden.admin", DEVICE, at)
    store = Store.create(db, key)
    # From schema 4 on, victims' identities read back only with the identity key (still in
    # escrow in a store no one has signed in to); an older TIPDesk has no vault.
    vault = getattr(store, "vault", None)
    if vault is not None:
        vault.unlock(vault.escrow())
    try:
        store.set_settings(
            {"install_role": "district", "district": "PB-LHR", "office": "FIA-AHTC-LHR",
             "device_id": DEVICE, "created_at": at},
            actor,
        )  # fmt: skip
        store.add_user("golden.admin", "district_admin", actor)
        store.add_user("golden.clerk", "district_officer", actor)
        records, doomed = _records()
        store.save(records, actor)

        # A second write: an update (version 2), a child removed, a record deleted.
        later = Actor("golden.clerk", DEVICE, "2025-05-02T09:00:00.000Z")
        case_a = store.get("case", _id(1))
        assert isinstance(case_a, Case)
        case_a.narrative += " Updated once."
        case_a.accused = [a for a in case_a.accused if a.id != _id(12)]
        cancelled = store.get("training", doomed.id)
        cancelled.deleted = True
        store.save([case_a, cancelled], later)
        sync_expected = _write_sync(store) if LATEST >= 2 else None
        diary_expected = _write_diary(store) if LATEST >= 7 else None

        expected: dict[str, Any] = {
            "schema": LATEST,
            "records": {
                "case": [to_dict(store.get("case", _id(n))) for n in (1, 2)],
                "victim": [to_dict(store.get("victim", _id(n))) for n in (21, 22)],
                "training": [to_dict(store.get("training", _id(41)))],
                "campaign": [to_dict(store.get("campaign", _id(51)))],
                **(
                    {"hearing": [to_dict(store.get("hearing", _id(n))) for n in (61, 62)]}
                    if diary_expected is not None
                    else {}
                ),
            },
            "deleted": {"accused": [_id(12)], "training": [_id(42)]},
            "counts": {
                kind: store.count(kind)
                for kind in ("case", "accused", "victim", "referral", "training", "campaign")
            },
            "search": {
                text: sorted([h.kind, h.id] for h in store.search(text, include_identity=True))
                for text in (
                    "FIR 101",
                    "Goldaccused",
                    "9990000000011",
                    "Goldvictim",
                    "V-GOLD-001",
                    "Golden",
                    "Twofake",
                    "cancelled",
                )
            },
            "settings": {k: store.setting(k) for k in ("install_role", "district", "office")},
            "users": [[u.name, u.role, u.active] for u in store.users()],
            "audit_entries": store.verify_audit().entries,
        }
        if sync_expected is not None:
            expected["sync"] = sync_expected
        if diary_expected is not None:
            expected["diary"] = diary_expected
        assert store.verify_audit().ok
        store.checkpoint()
    finally:
        store.close()
    return expected


def main() -> int:
    out = HERE / f"schema-{LATEST}"
    if out.exists():
        print(f"{out} exists: goldens are written once per schema, never regenerated.")
        return 1
    key = os.urandom(32)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "tipdesk.db"
        expected = _write(db, key)
        leftovers = sorted(p.name for p in Path(tmp).iterdir() if p.name != "tipdesk.db")
        if leftovers:
            print(f"unexpected files beside the store: {leftovers}")
            return 1
        out.mkdir(parents=True)
        shutil.copyfile(db, out / "tipdesk.db")
    (out / "key.hex").write_text(key.hex() + "\n", encoding="ascii")
    (out / "expected.json").write_text(
        json.dumps(expected, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for p in sorted(out.iterdir()):
        print(f"{p.relative_to(HERE)}: {p.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
