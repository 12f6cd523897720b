"""Urdu records for the Urdu screenshots (``--lang ur``): the demo cases' accused get Urdu
names and the cases Urdu narratives (with a case number and English terms in them, as
officers write), so the pictures show Urdu text in lists and editors. Synthetic, like all
demo data: given and family names combined at random from common ones."""

from __future__ import annotations

import dataclasses
import random

from tipdesk.core.records import Case
from tipdesk.services import records
from tipdesk.services.session import Session

GIVEN = ("محمد", "احمد", "علی", "حسن", "بلال", "عثمان", "فیصل", "طارق", "ساجد", "نوید", "شاہد")
FAMILY = ("بٹ", "چوہدری", "ملک", "شیخ", "قریشی", "انصاری", "رانا", "گِل", "بھٹی", "وڑائچ")
NARRATIVES = (
    "ملزمان نے {n} مزدوروں کو بھٹہ خشت پر پیشگی رقم (peshgi) کے عوض جبری مشقت پر مجبور کیا۔ "
    "{case} کے اندراج کے بعد چھاپے میں سب کو بازیاب کرایا گیا۔",
    "متاثرہ کو بیرونِ ملک ملازمت کا جھانسہ دے کر visit visa پر بھیجا گیا؛ ایجنٹ نے پاسپورٹ "
    "اپنے قبضے میں رکھا۔ مقدمہ {case} میں {n} گواہ نامزد ہیں۔",
    "گھریلو ملازمہ سے {n} ماہ تنخواہ کے بغیر کام لیا گیا اور گھر سے باہر جانے کی اجازت نہ تھی۔",
    "بچوں سے شہر کے چوراہوں پر بھیک منگوائی جاتی تھی؛ روزانہ کمائی گروہ کا سرغنہ لے لیتا تھا۔ "
    "{n} بچے چائلڈ پروٹیکشن بیورو کے حوالے کیے گئے ({case})۔",
)


def urdu_records(session: Session, *, seed: int = 19, limit: int = 400) -> int:
    """Give up to ``limit`` demo cases Urdu narratives and their accused Urdu names; returns
    how many cases were changed."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    ids = [str(r[0]) for r in session.store.query(f"SELECT id FROM cases LIMIT {int(limit)}")]  # noqa: S608
    changed = 0
    for case_id in ids:
        case = records.get(session, "case", case_id)
        assert isinstance(case, Case)
        accused = [
            dataclasses.replace(
                a,
                name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                father_name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            )
            for a in case.accused
        ]
        narrative = rng.choice(NARRATIVES).format(n=rng.randint(2, 14), case=case.case_number)
        records.save_one(session, dataclasses.replace(case, narrative=narrative, accused=accused))
        changed += 1
    return changed
