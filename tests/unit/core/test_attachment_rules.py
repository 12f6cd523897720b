"""Case files' plain rules: names kept and shown sanitised, sizes for people, the limits'
messages."""

from __future__ import annotations

import pytest

from tipdesk import catalogue
from tipdesk.core import attachments as A


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("FIR scan.pdf", "FIR scan.pdf"),
        ("invoice\u202egpj.exe", "invoice_gpj.exe"),  # right-to-left override
        ("../../etc/passwd", "_.._etc_passwd"),
        ("C:\\Users\\x\\scan.pdf", "C__Users_x_scan.pdf"),
        ("\x1b[2Jred.pdf", "_[2Jred.pdf"),  # a terminal escape
        ("line\nbreak.pdf", "line_break.pdf"),
        ("  ...hidden.pdf", "hidden.pdf"),
        ("ایف آئی آر.pdf", "ایف آئی آر.pdf"),  # Urdu stays
        ("می\u200cخواهم.pdf", "می\u200cخواهم.pdf"),  # the zero-width non-joiner too
        ("...", "file"),
        ("", "file"),
    ],
)
def test_names_are_kept_sanitised(given: str, kept: str) -> None:
    assert A.clean_name(given) == kept


def test_names_are_cut_to_the_limit() -> None:
    assert len(A.clean_name("x" * 500 + ".pdf")) == A.MAX_FILE_NAME


def test_sizes_for_people() -> None:
    assert [A.size_text(n) for n in (900, 340 * 1024, int(4.2 * A.MB), 3 * 1024 * A.MB)] == [
        "900 bytes", "340 KB", "4.2 MB", "3.00 GB"
    ]  # fmt: skip


def test_limit_messages_name_the_size_and_the_limit() -> None:
    limits = A.Limits(max_file_mb=2, max_store_mb=10)
    assert A.limit_problem(2 * A.MB, 0, limits) is None
    too_big = A.limit_problem(3 * A.MB, 0, limits)
    assert too_big is not None and str(too_big).startswith(
        "The file is 3.0 MB; files of at most 2 MB can be attached"
    )
    full = A.limit_problem(2 * A.MB, 9 * A.MB, limits)
    assert full is not None and "11.0 MB, over the limit of 10 MB" in str(full)
    # The Files tab shows it in Urdu: the sentence and the size's words translated.
    urdu = catalogue.message_in("ur", too_big)
    assert "زیادہ سے زیادہ 2 MB" in urdu and "3.0" in urdu
    assert "can be attached" not in urdu
