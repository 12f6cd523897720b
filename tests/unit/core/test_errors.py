"""Problems kept as JSON read back as one line."""

from __future__ import annotations

from tipdesk.core.errors import problem_line


def test_a_problem_reads_field_then_message() -> None:
    assert problem_line({"field": "cnic", "rule": "cnic.format", "message": "is not a CNIC"}) == (
        "cnic: is not a CNIC"
    )


def test_a_missing_field_or_message_leaves_no_stray_colon() -> None:
    assert problem_line({"message": "the version information is not consistent"}) == (
        "the version information is not consistent"
    )
    assert problem_line({"field": "version"}) == "version"
