"""End-to-end: ``tipdesk template register`` and ``tipdesk import register`` in a subprocess.

The real passphrase KDF runs on every command that opens the store, so the invocations are few:
one store, one template, a refused import, a dry run, the import and the re-import.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from test_cli import INIT_ARGS, tipdesk


@pytest.mark.slow
def test_template_and_import_register(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tipdesk(home, *INIT_ARGS, "--json")
    book = tmp_path / "lahore-register.xlsx"
    made = tipdesk(home, "template", "register", "--out", str(book), "--json", passphrase=None)
    assert made.json() == {"template": str(book)}

    wb = openpyxl.load_workbook(book)
    wb["Cases"].append(["FIR 7/2025", dt.date(2025, 2, 1), "Lahore", "", "", "forced_labour",
                        "challan", "no", "no", "Kiln workers"])  # fmt: skip
    wb["Cases"].append(["FIR 8/2025", "30/02/2025", "Lahore", "PS Gulberg", "", "",
                        "registered", "no", "no", ""])  # fmt: skip
    wb["Accused"].append(["FIR 7/2025", "Tariq Mehmood", "35202-2222222-3", "M", 45, "PK",
                          "recruiter", "arrested", "2025-03-01", "pending"])  # fmt: skip
    wb["Victims"].append(["FIR 7/2025", "V-LHR-2025-701", "Nasreen", "F", 17, "PK",
                          "forced_labour", "01/02/2025", "shelter"])  # fmt: skip
    wb.save(book)

    refused = tipdesk(home, "import", "register", str(book), "--all-or-nothing", expect=5)
    assert "Cases!3 registered_on: 30/02/2025 — expected a real date" in refused.out
    assert "Cases!3 office: PS Gulberg — expected an office of this install" in refused.out
    assert "'PS Gulberg' (PB-LHR; 1 rows)" in refused.out
    assert refused.one_error_line() == (
        "tipdesk: error: 2 problems in lahore-register.xlsx; nothing was imported."
    )

    dry = tipdesk(home, "import", "register", str(book), "--dry-run", "--valid-only", "--json")
    plan = dry.json()
    assert plan["imported"] is False and plan["valid_rows"] == 3
    assert plan["counts"]["case"] == {"create": 1, "update": 0, "unchanged": 0}

    # One bad row never refuses the whole register: the rows without errors are imported.
    done = tipdesk(
        home, "import", "register", str(book), "--map-office", "PS Gulberg=FIA-AHTC-LHR",
    )  # fmt: skip
    assert "Imported:" in done.out
    assert "case      1 created" in done.out
    assert "1 rows with errors were left out." in done.out

    again = tipdesk(home, "import", "register", str(book), "--valid-only", "--json").json()
    assert again["result"]["counts"]["case"] == {"create": 0, "update": 0, "unchanged": 1}
    assert again["result"]["saved"] == {}
