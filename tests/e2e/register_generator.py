"""Synthetic district registers as offices keep them, and the figures they hold.

:func:`district_register` writes one district's workbook the way a district office keeps it by
hand: a title over the header, a serial-number column, the office's own headers ("FIR No.",
"Date of Registration", "Sex", "CNIC No.", ...), a case number merged down its accused' rows,
blank rows, a training header over two rows and a totals row, departments named without their
province ("Social Welfare Department"), common names, victims whose gender or age the office
did not know ("unknown", "N/A", an empty cell). It returns :class:`Truth`: the figures the
register holds, counted from what the generator wrote (never through TIPDesk), so that a test
can compare HQ's national report with them to the unit.

Everything is synthetic: names come from short lists of common Pakistani names, CNICs start
with 99 (no real series), case numbers and victim codes are made up.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

# Common names: the same few names recur in every district, as they do in real registers.
MEN = ("Muhammad Akram", "Muhammad Ali", "Ghulam Rasool", "Muhammad Iqbal", "Abdul Rehman",
       "Allah Ditta", "Muhammad Aslam", "Khan Muhammad", "Shahid Hussain")  # fmt: skip
FATHERS = ("Muhammad Ramzan", "Ghulam Nabi", "Abdul Ghafoor", "Noor Muhammad", "Bashir Ahmed")
WOMEN = ("Fatima Bibi", "Sana Bibi", "Rukhsana", "Nasreen Akhtar", "Shazia Parveen",
         "Kausar Bibi", "Ayesha", "Zainab", "Razia Sultana", "Naseem Bibi")  # fmt: skip
CHILDREN = ("Ali Raza", "Bilal", "Usman", "Hamza", "Asif", "Irfan")
TRANS = ("Chanda", "Bijli", "Reshma")

# How registers write each gender; an unknown gender is written every way offices write it.
GENDER_WORDS = {
    "female": ("F", "Female", "female", "Girl", "Woman"),
    "male": ("M", "Male", "m", "Boy"),
    "transgender": ("T", "Transgender", "Khawaja Sira"),
    "unknown": ("unknown", "Unknown", "", "Not known", "N/A", "-"),
}
AGE_UNKNOWN_WORDS = ("unknown", "", "N/A", "not known")
DEPARTMENTS = ("Social Welfare Department", "Labour Department", "Child Protection Bureau",
               "FIA", "Police", "SWD")  # fmt: skip
FORMS = ("Forced labour", "Sexual exploitation", "Domestic servitude", "Forced begging")
STAGES = ("registered", "Investigation", "challan", "Trial")
YEAR = 2025


@dataclass
class Truth:
    """The figures one register (or several, added up) holds, by the generator's own count."""

    cases: int = 0
    accused_proceeded: int = 0
    victims: int = 0
    victims_by_gender: Counter[str] = field(default_factory=Counter)
    victims_by_age_group: Counter[str] = field(default_factory=Counter)
    trainings: int = 0
    persons_trained: int = 0
    campaigns: int = 0
    people_reached: int = 0
    cases_by_district: Counter[str] = field(default_factory=Counter)

    def add(self, other: Truth) -> None:
        for name in ("cases", "accused_proceeded", "victims", "trainings", "persons_trained",
                     "campaigns", "people_reached"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.victims_by_gender.update(other.victims_by_gender)
        self.victims_by_age_group.update(other.victims_by_age_group)
        self.cases_by_district.update(other.cases_by_district)


def _day(rng: random.Random) -> dt.date:
    return dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(300))


def district_register(
    path: Path, index: int, code: str, name: str, *, case_header: str = "FIR No."
) -> Truth:
    """Write district ``code`` (``name``)'s register to ``path``; ``index`` seeds it (and
    keeps CNICs and victim codes apart between districts). ``case_header`` is the header of
    the case number column on the Cases sheet."""
    rng = random.Random(index)
    truth = Truth()
    wb = openpyxl.Workbook()
    cases = wb.active
    cases.title = "FIRs"
    cases.append([f"Register of FIRs (human trafficking), District {name}"])
    cases.append([f"Year {YEAR}"])
    cases.merge_cells("A1:G1")
    cases.append([])
    cases.append(["S. No.", case_header, "Date of Registration", "District", "Status",
                  "Form of Exploitation", "Brief Facts"])  # fmt: skip
    accused = wb.create_sheet("Accused")
    accused.append(["Sr #", "FIR No.", "Name of Accused", "Father Name", "Sex", "Age",
                    "CNIC No.", "Challan Date"])  # fmt: skip
    victims = wb.create_sheet("Victims")
    victims.append(["S.No", "FIR No.", "Victim Code", "Name of Victim", "Sex", "Age",
                    "Date of Identification", "Form of Exploitation"])  # fmt: skip
    serial = Counter[str]()
    for k in range(1, rng.randint(3, 5) + 1):
        number = f"FIR {k}/{YEAR}"
        registered = _day(rng)
        stage = rng.choice(STAGES)
        form = rng.choice(FORMS)
        serial["case"] += 1
        if rng.random() < 0.3:
            cases.append([])  # offices leave blank rows
        district_cell = name if rng.random() < 0.7 else name.upper()
        cases.append([serial["case"], number, registered.strftime("%d/%m/%Y"), district_cell,
                      stage, form, "Synthetic register entry."])  # fmt: skip
        truth.cases += 1
        truth.cases_by_district[code] += 1
        first_row = accused.max_row + 1
        people = rng.randint(1, 2)
        for a in range(people):
            serial["accused"] += 1
            proceeded = stage.casefold() in ("challan", "trial") and rng.random() < 0.8
            challan = registered + dt.timedelta(days=rng.randint(5, 40))
            if challan.year != YEAR:
                proceeded = False
            cnic = f"99{index:03d}-{k:03d}{a:04d}-{rng.randint(0, 9)}" if rng.random() < 0.7 else ""
            # The case number is written once, in a cell merged down its accused' rows.
            accused.append([serial["accused"], number if a == 0 else None, rng.choice(MEN),
                            rng.choice(FATHERS), rng.choice(GENDER_WORDS["male"]),
                            rng.randint(22, 60), cnic,
                            challan if proceeded else None])  # fmt: skip
            truth.accused_proceeded += proceeded
        if people > 1:
            accused.merge_cells(f"B{first_row}:B{first_row + people - 1}")
        for v in range(rng.randint(1, 3)):
            serial["victim"] += 1
            gender = rng.choices(list(GENDER_WORDS), weights=(5, 3, 1, 2))[0]
            if rng.random() < 0.15:
                age: object = rng.choice(AGE_UNKNOWN_WORDS)
                group = "unknown"
            else:
                years = rng.randint(6, 45)
                age = f"{years} years" if rng.random() < 0.2 else years
                group = "child" if years < 18 else "adult"
            pool = {"female": WOMEN, "male": CHILDREN, "transgender": TRANS, "unknown": ("",)}
            identified = registered + dt.timedelta(days=rng.randint(0, 20))
            if identified.year != YEAR:
                identified = registered
            victims.append([serial["victim"], number, f"V-{code}-{YEAR}-{k:02d}{v}",
                            rng.choice(pool[gender]) or None,
                            rng.choice(GENDER_WORDS[gender]) or None, age or None,
                            identified, form])  # fmt: skip
            truth.victims += 1
            truth.victims_by_gender[gender] += 1
            truth.victims_by_age_group[group] += 1
    _training(wb.create_sheet("Training"), rng, name, truth)
    _campaigns(wb.create_sheet("Campaigns"), rng, name, truth)
    wb.save(path)
    return truth


def _training(sheet: Any, rng: random.Random, name: str, truth: Truth) -> None:
    """A header over two rows (merged group cells), one to three sessions, a totals row."""
    sheet.append(["S. No.", "Title of Training", "District", "Organised By", "Dates", None,
                  "Participants", None, None, None])  # fmt: skip
    sheet.append([None, None, None, None, "From", "To", "Female", "Male", "Transgender",
                  "Total"])  # fmt: skip
    for col in "ABCD":
        sheet.merge_cells(f"{col}1:{col}2")
    sheet.merge_cells("E1:F1")
    sheet.merge_cells("G1:J1")
    sums = [0, 0, 0, 0]
    for n in range(1, rng.randint(1, 3) + 1):
        start = _day(rng)
        female, male, trans = rng.randint(0, 12), rng.randint(2, 25), rng.randint(0, 2)
        total = female + male + trans
        sheet.append([n, f"Victim identification {n}", name, rng.choice(("FIA", "NGO")), start,
                      start + dt.timedelta(days=rng.randint(0, 2)), female, male, trans,
                      total])  # fmt: skip
        for i, x in enumerate((female, male, trans, total)):
            sums[i] += x
        truth.trainings += 1
        truth.persons_trained += total
    row = sheet.max_row + 1
    sheet.append(["Total", None, None, None, None, None, *sums])
    sheet.merge_cells(f"A{row}:F{row}")


def _campaigns(sheet: Any, rng: random.Random, name: str, truth: Truth) -> None:
    """One to three campaigns, their departments named as offices say them."""
    sheet.append(["S. No.", "District", "Organised By", "Type of Campaign", "Date",
                  "No. of Participants"])  # fmt: skip
    for n in range(1, rng.randint(1, 3) + 1):
        reached = rng.randint(20, 900)
        sheet.append([n, name, rng.choice(DEPARTMENTS), rng.choice(("Walk", "Seminar")),
                      _day(rng), reached])  # fmt: skip
        truth.campaigns += 1
        truth.people_reached += reached
