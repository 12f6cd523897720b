"""HQ sets the diary's deadlines and the letter templates with `reference install`, like the
other reference files: checked first (a bad file is refused naming it), then carried to the
districts by the next receipt, where the diary and the letters follow them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from svc_support import svc_accused, svc_case
from sync_support import export

from tipdesk.core.codes import Outcome, Stage
from tipdesk.core.errors import InvalidInput
from tipdesk.paths import resources_dir
from tipdesk.services import diary, records, reference_updates, sync
from tipdesk.services.session import Session


def _doc(rel: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((resources_dir() / rel).read_text(encoding="utf-8"))
    return loaded


def _folder(tmp_path: Path, name: str, files: dict[str, Any]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file_name, doc in files.items():
        (folder / file_name).write_text(json.dumps(doc), encoding="utf-8")
    return folder


def _receipt(hq: Session, district: Session, tmp_path: Path) -> Path:
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    (tmp_path / "receipts").mkdir()
    (receipt,) = sync.write_receipts(hq, tmp_path / "receipts")
    return receipt


def test_hq_changes_a_period_and_a_letter_and_the_district_follows(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = svc_linked
    pending = svc_accused(proceeded_on=None, outcome=Outcome.PENDING, judgment_on=None,
                          imprisonment_months=None, fine_pkr=None)  # fmt: skip
    case = svc_case(stage=Stage.INVESTIGATION, registered_on=dt.date(2026, 5, 25),
                    accused=[pending])  # fmt: skip
    records.save(district, [case])

    def due(session: Session) -> dt.date:
        found = diary.items(session, date_from=None, date_to=dt.date(2026, 12, 31)).items
        return next(i.due_on for i in found if i.key == f"investigation:{case.id}")

    assert due(district) == dt.date(2026, 6, 8)  # 14 days, as shipped
    deadlines = _doc("rules/deadlines.json")
    deadlines["case_deadlines"][0]["days"] = 21
    letters = _doc("templates/letters.json")
    letters["referral_letters"]["default"]["title"] = "Referral letter (HQ form 7)"
    update = reference_updates.install_files(
        hq, _folder(tmp_path, "amended", {"deadlines.json": deadlines, "letters.json": letters})
    )
    assert sorted(update.files) == ["rules/deadlines.json", "templates/letters.json"]

    result = sync.import_receipt(district, _receipt(hq, district, tmp_path))
    assert result.reference is not None and result.reference.installed
    assert due(district) == dt.date(2026, 6, 15)
    assert district.reference.letters["default"].title == "Referral letter (HQ form 7)"


@pytest.mark.parametrize(
    ("file_name", "change", "message"),
    [
        ("deadlines.json", lambda d: d["case_deadlines"][0].update(days=-1),
         "case_deadlines[0].days must be a whole number"),
        ("deadlines.json", lambda d: d["referral_follow_ups"][0].update(service="spa"),
         "'spa' is not a referral service code"),
        ("deadlines.json", lambda d: d["case_deadlines"][1].update(code="investigation"),
         "is used twice"),
        ("letters.json", lambda d: d["referral_letters"]["shelter"].update(
            subject="{victim.__class__}"), "is not a field a letter may use"),
        ("letters.json", lambda d: d["referral_letters"].pop("default"), "needs a 'default'"),
    ],
)  # fmt: skip
def test_a_bad_rules_or_template_file_is_refused_naming_it(
    hq_session: Session, tmp_path: Path, file_name: str, change: Any, message: str
) -> None:
    rel = {"deadlines.json": "rules/deadlines.json", "letters.json": "templates/letters.json"}
    doc = _doc(rel[file_name])
    change(doc)
    with pytest.raises(InvalidInput) as info:
        reference_updates.install_files(hq_session, _folder(tmp_path, "bad", {file_name: doc}))
    assert file_name in str(info.value) and message in str(info.value)
    assert reference_updates.status(hq_session).revision == 0
