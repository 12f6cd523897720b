"""The key file: wrapping, unlocking, throttling, recovery, tamper and corruption handling."""

from __future__ import annotations

import base64
import datetime as dt
import errno
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipdesk import catalogue
from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import (
    CorruptStore,
    DiskFull,
    InvalidInput,
    KnownError,
    LoginThrottled,
    NotFound,
    StoreExists,
    StoreNotFound,
    ValidationFailed,
    WrongPassphrase,
)
from tipdesk.core.passphrase import (
    passphrase_messages,
    passphrase_problems,
    strength_hint,
    too_weak,
)
from tipdesk.store import keys
from tipdesk.store.keys import (
    DEFAULT_KDF,
    RECOVERY_USER,
    UNKNOWN_USER,
    KdfParams,
    KeyFile,
    format_recovery_key,
    parse_recovery_key,
)

FAST = KdfParams(memory_kib=1024, iterations=1, lanes=1)
ALICE_PASS = "correct horse battery"
BOB_PASS = "staple in the drawer 9"
WRONG = "Wrong user name or passphrase."
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def _take(keyfile: KeyFile) -> list[tuple[str, str]]:
    """The pending failures, then forgotten (what a sign-in does after logging them)."""
    pending = keyfile.pending_failures()
    keyfile.forget_failures(pending)
    return pending


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "keys.json"


@pytest.fixture
def created(path: Path, clock: FixedClock) -> tuple[KeyFile, bytes, str]:
    return KeyFile.create(path, user="Alice", passphrase=ALICE_PASS, clock=clock, kdf=FAST)


@pytest.fixture
def keyfile(created: tuple[KeyFile, bytes, str]) -> KeyFile:
    return created[0]


@pytest.fixture
def db_key(created: tuple[KeyFile, bytes, str]) -> bytes:
    return created[1]


@pytest.fixture
def recovery(created: tuple[KeyFile, bytes, str]) -> str:
    return created[2]


def edit_json(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def fail(keyfile: KeyFile, clock: FixedClock, times: int = 1) -> None:
    """Record ``times`` wrong passphrases, waiting out any throttle delay before each."""
    for _ in range(times):
        clock.advance(keyfile.throttle_status(clock))
        with pytest.raises(WrongPassphrase):
            keyfile.unlock("Alice", "not the passphrase", clock)


# --- KDF cost ------------------------------------------------------------------------------------


def test_default_kdf_is_at_least_64_mib() -> None:
    assert DEFAULT_KDF.memory_kib >= 64 * 1024
    assert DEFAULT_KDF.iterations >= 3
    assert KdfParams() == DEFAULT_KDF


def test_real_default_kdf_round_trip(path: Path, clock: FixedClock) -> None:
    _, db_key, _ = KeyFile.create(path, user="Alice", passphrase=ALICE_PASS, clock=clock)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["users"][0]["kdf"]["memory_kib"] == DEFAULT_KDF.memory_kib
    assert KeyFile.load(path).unlock("Alice", ALICE_PASS, clock) == db_key


@pytest.mark.parametrize(
    "kwargs",
    [
        {"memory_kib": 7, "lanes": 1},
        {"memory_kib": 8 * 1024 * 1024},
        {"iterations": 0},
        {"lanes": 0},
        {"lanes": 65},
        {"iterations": True},
    ],
)
def test_kdf_params_refuse_unusable_values(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="KdfParams"):
        KdfParams(**kwargs)


# --- create and load -----------------------------------------------------------------------------


def test_create_returns_key_and_recovery_text(
    keyfile: KeyFile, db_key: bytes, recovery: str, path: Path
) -> None:
    assert len(db_key) == 32
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){12}", recovery)
    assert keyfile.users() == ["Alice"]
    assert keyfile.path == path
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "tipdesk-keyfile"
    assert doc["version"] == 2
    assert doc["created_at"] == "2026-03-01T09:00:00.000Z"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_key_file_is_private(keyfile: KeyFile, path: Path) -> None:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_two_stores_get_different_keys(tmp_path: Path, clock: FixedClock) -> None:
    first = KeyFile.create(
        tmp_path / "a.json", user="A1", passphrase=ALICE_PASS, clock=clock, kdf=FAST
    )
    second = KeyFile.create(
        tmp_path / "b.json", user="A1", passphrase=ALICE_PASS, clock=clock, kdf=FAST
    )
    assert first[1] != second[1]
    assert first[2] != second[2]


def test_create_refuses_existing_path(keyfile: KeyFile, path: Path, clock: FixedClock) -> None:
    before = path.read_bytes()
    with pytest.raises(StoreExists):
        KeyFile.create(path, user="Mallory", passphrase=ALICE_PASS, clock=clock, kdf=FAST)
    assert path.read_bytes() == before


def test_create_refuses_weak_passphrase_and_bad_name(path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValidationFailed) as caught:
        KeyFile.create(path, user="Alice", passphrase="short", clock=clock, kdf=FAST)
    assert "short" not in str(caught.value)
    with pytest.raises(ValidationFailed):
        KeyFile.create(path, user="  ", passphrase=ALICE_PASS, clock=clock, kdf=FAST)
    with pytest.raises(ValidationFailed):
        KeyFile.create(path, user="<unknown user>", passphrase=ALICE_PASS, clock=clock, kdf=FAST)
    assert not path.exists()


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        KeyFile.load(tmp_path / "absent.json")


def test_load_round_trip(keyfile: KeyFile, db_key: bytes, path: Path, clock: FixedClock) -> None:
    loaded = KeyFile.load(path)
    assert loaded.users() == ["Alice"]
    assert loaded.unlock("Alice", ALICE_PASS, clock) == db_key


# --- unlock and throttle -------------------------------------------------------------------------


def test_unlock_round_trip_ignores_name_case_and_spaces(
    keyfile: KeyFile, db_key: bytes, clock: FixedClock
) -> None:
    assert keyfile.unlock("Alice", ALICE_PASS, clock) == db_key
    assert keyfile.unlock("  aLiCe ", ALICE_PASS, clock) == db_key


def test_passphrase_is_unicode_normalised(path: Path, clock: FixedClock) -> None:
    composed = unicodedata.normalize("NFC", "café crème brûlée")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    keyfile, db_key, _ = KeyFile.create(
        path, user="عائشہ", passphrase=composed, clock=clock, kdf=FAST
    )
    assert keyfile.unlock("عائشہ", decomposed, clock) == db_key


def test_wrong_passphrase_and_unknown_user_look_the_same(
    keyfile: KeyFile, clock: FixedClock, path: Path
) -> None:
    with pytest.raises(WrongPassphrase) as wrong_pass:
        keyfile.unlock("Alice", "not the passphrase", clock)
    with pytest.raises(WrongPassphrase) as unknown:
        keyfile.unlock("typed-a-secret-here", ALICE_PASS, clock)
    assert str(wrong_pass.value) == str(unknown.value) == WRONG
    assert type(wrong_pass.value) is type(unknown.value)
    text = path.read_text(encoding="utf-8")
    assert "typed-a-secret-here" not in text
    assert [user for _, user in _take(keyfile)] == ["Alice", UNKNOWN_USER]


def test_first_three_failures_are_free_then_delay_grows(
    keyfile: KeyFile, db_key: bytes, clock: FixedClock
) -> None:
    fail(keyfile, clock, times=3)
    expected_delays = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    for delay in expected_delays:
        assert keyfile.throttle_status(clock) == pytest.approx(delay)
        with pytest.raises(LoginThrottled) as caught:
            keyfile.unlock("Alice", ALICE_PASS, clock)  # even the right passphrase waits
        assert caught.value.retry_after == pytest.approx(delay)
        assert f"{delay} second" in str(caught.value)
        clock.advance(delay - 0.25)
        with pytest.raises(LoginThrottled) as caught:
            keyfile.unlock("Alice", ALICE_PASS, clock)
        assert caught.value.retry_after == pytest.approx(0.25)
        clock.advance(0.25)
        assert keyfile.throttle_status(clock) == 0.0
        fail(keyfile, clock)
    clock.advance(300)
    assert keyfile.unlock("Alice", ALICE_PASS, clock) == db_key


def test_throttled_attempts_are_not_recorded(keyfile: KeyFile, clock: FixedClock) -> None:
    fail(keyfile, clock, times=3)
    for _ in range(5):
        with pytest.raises(LoginThrottled):
            keyfile.unlock("Alice", "not the passphrase", clock)
    assert len(_take(keyfile)) == 3
    assert keyfile.throttle_status(clock) == pytest.approx(1)


def test_throttle_state_survives_reload(keyfile: KeyFile, path: Path, clock: FixedClock) -> None:
    fail(keyfile, clock, times=5)  # the fifth failure came 1 s after the fourth: wait 4 s
    clock.advance(1)
    reloaded = KeyFile.load(path)
    assert reloaded.throttle_status(clock) == pytest.approx(3)
    with pytest.raises(LoginThrottled):
        reloaded.unlock("Alice", ALICE_PASS, clock)


def test_clock_set_backwards_never_lengthens_the_wait(keyfile: KeyFile, clock: FixedClock) -> None:
    fail(keyfile, clock, times=4)
    clock.advance(-86_400)
    assert keyfile.throttle_status(clock) == pytest.approx(2)


def test_success_resets_counter_but_keeps_pending_failures(
    keyfile: KeyFile, db_key: bytes, path: Path, clock: FixedClock
) -> None:
    fail(keyfile, clock, times=3)
    clock.advance(1)
    assert keyfile.unlock("Alice", ALICE_PASS, clock) == db_key
    fail(keyfile, clock, times=2)
    assert keyfile.throttle_status(clock) == 0.0  # counter restarted from zero
    reloaded = KeyFile.load(path)
    pending = _take(reloaded)
    assert len(pending) == 5
    assert all(user == "Alice" for _, user in pending)
    assert pending[0][0] == "2026-03-01T09:00:00.000Z"
    assert pending[-1][0] == "2026-03-01T09:00:01.000Z"


def test_pending_failures_are_taken_once(keyfile: KeyFile, path: Path, clock: FixedClock) -> None:
    fail(keyfile, clock)
    assert _take(keyfile) == [("2026-03-01T09:00:00.000Z", "Alice")]
    assert _take(keyfile) == []
    assert _take(KeyFile.load(path)) == []


def test_forgetting_failures_keeps_those_that_came_after(
    keyfile: KeyFile, path: Path, clock: FixedClock
) -> None:
    fail(keyfile, clock)
    seen = keyfile.pending_failures()
    clock.advance(1)
    fail(keyfile, clock)  # a failure between reading and forgetting
    keyfile.forget_failures(seen)
    assert KeyFile.load(path).pending_failures() == [("2026-03-01T09:00:01.000Z", "Alice")]


def test_pending_failures_are_bounded(
    keyfile: KeyFile, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keys, "MAX_PENDING_FAILURES", 3)
    monkeypatch.setattr(keys, "THROTTLE_FREE_FAILURES", 100)
    for _ in range(5):
        fail(keyfile, clock)
        clock.advance(1)
    stamps = [at for at, _ in _take(keyfile)]
    assert stamps == [
        "2026-03-01T09:00:02.000Z",
        "2026-03-01T09:00:03.000Z",
        "2026-03-01T09:00:04.000Z",
    ]


# --- recovery key --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mess",
    [
        lambda key: key,
        lambda key: key.lower(),
        lambda key: key.replace("-", ""),
        lambda key: key.replace("-", " ").lower(),
        lambda key: "  " + key.replace("-", "\n") + "\n",
        lambda key: key.replace("-", " - "),
    ],
    ids=["as-shown", "lower", "no-dashes", "spaces-lower", "newlines", "spaced-dashes"],
)
def test_recovery_unlock_tolerates_formatting(
    keyfile: KeyFile,
    db_key: bytes,
    recovery: str,
    clock: FixedClock,
    mess: Callable[[str], str],
) -> None:
    assert keyfile.unlock_with_recovery(mess(recovery), clock) == db_key


@given(
    raw=st.binary(min_size=32, max_size=32),
    seps=st.lists(st.sampled_from(["", "-", " ", "  ", "\t", "\n", " - "]), min_size=13),
    flips=st.lists(st.booleans(), min_size=52),
)
def test_recovery_text_parsing_is_tolerant(raw: bytes, seps: list[str], flips: list[bool]) -> None:
    text = format_recovery_key(raw)
    chars = text.replace("-", "")
    cased = [ch.lower() if flip else ch for ch, flip in zip(chars, flips, strict=False)]
    groups = ["".join(cased[i : i + 4]) for i in range(0, 52, 4)]
    messy = "".join(sep + group for sep, group in zip(seps, groups, strict=False))
    assert parse_recovery_key(messy) == raw


@pytest.mark.parametrize("text", ["", "ABCD-EFGH", "1" * 52, "A" * 53, "ABCD-" * 12 + "ABC"])
def test_recovery_text_that_is_not_a_key(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_recovery_key(text)
    if text:
        assert text not in str(caught.value)


def test_wrong_recovery_key_is_refused_and_recorded(
    keyfile: KeyFile, recovery: str, clock: FixedClock
) -> None:
    other = format_recovery_key(bytes(32))
    assert other != recovery
    with pytest.raises(WrongPassphrase, match="Wrong recovery key"):
        keyfile.unlock_with_recovery(other, clock)
    with pytest.raises(WrongPassphrase, match="not a recovery key"):
        keyfile.unlock_with_recovery("hello", clock)  # malformed: not counted
    assert _take(keyfile) == [("2026-03-01T09:00:00.000Z", RECOVERY_USER)]


def test_recovery_is_throttled_like_passphrases(
    keyfile: KeyFile, db_key: bytes, recovery: str, clock: FixedClock
) -> None:
    fail(keyfile, clock, times=3)
    with pytest.raises(LoginThrottled):
        keyfile.unlock_with_recovery(recovery, clock)
    clock.advance(1)
    assert keyfile.unlock_with_recovery(recovery, clock) == db_key
    assert keyfile.throttle_status(clock) == 0.0


def test_reset_passphrase_after_recovery(
    keyfile: KeyFile, recovery: str, path: Path, clock: FixedClock
) -> None:
    db_key = keyfile.unlock_with_recovery(recovery, clock)
    keyfile.reset_passphrase("alice", "a brand new passphrase", db_key)
    reloaded = KeyFile.load(path)
    assert reloaded.unlock("Alice", "a brand new passphrase", clock) == db_key
    with pytest.raises(WrongPassphrase):
        reloaded.unlock("Alice", ALICE_PASS, clock)


def test_reset_passphrase_refuses_wrong_key_and_unknown_user(
    keyfile: KeyFile, db_key: bytes, path: Path
) -> None:
    before = path.read_bytes()
    with pytest.raises(InvalidInput):
        keyfile.reset_passphrase("Alice", "a brand new passphrase", bytes(32))
    with pytest.raises(NotFound):
        keyfile.reset_passphrase("Nobody", "a brand new passphrase", db_key)
    with pytest.raises(ValidationFailed):
        keyfile.reset_passphrase("Alice", "aaaaaaaaaaaa", db_key)
    assert path.read_bytes() == before


# --- users and passphrase changes ----------------------------------------------------------------


def test_add_and_remove_users(
    keyfile: KeyFile, db_key: bytes, path: Path, clock: FixedClock
) -> None:
    keyfile.add_user("Bob", BOB_PASS, db_key, kdf=FAST)
    assert keyfile.users() == ["Alice", "Bob"]
    assert KeyFile.load(path).unlock("bob", BOB_PASS, clock) == db_key
    keyfile.remove_user("BOB")
    assert KeyFile.load(path).users() == ["Alice"]
    with pytest.raises(WrongPassphrase, match=re.escape(WRONG)):
        keyfile.unlock("Bob", BOB_PASS, clock)


def test_add_user_refusals(keyfile: KeyFile, db_key: bytes, path: Path) -> None:
    before = path.read_bytes()
    with pytest.raises(ValidationFailed, match="already exists"):
        keyfile.add_user("ALICE", BOB_PASS, db_key, kdf=FAST)
    with pytest.raises(InvalidInput):
        keyfile.add_user("Bob", BOB_PASS, os.urandom(32), kdf=FAST)
    with pytest.raises(ValidationFailed):
        keyfile.add_user("Bob", "bob", db_key, kdf=FAST)
    with pytest.raises(ValidationFailed):
        keyfile.add_user("Bob", "my name is bob!", db_key, kdf=FAST)
    assert path.read_bytes() == before
    assert keyfile.users() == ["Alice"]


def test_remove_user_refusals(keyfile: KeyFile) -> None:
    with pytest.raises(NotFound):
        keyfile.remove_user("Nobody")
    with pytest.raises(InvalidInput, match="last user"):
        keyfile.remove_user("Alice")


def test_change_passphrase_keeps_db_key_and_retires_old(
    keyfile: KeyFile, db_key: bytes, path: Path, clock: FixedClock
) -> None:
    keyfile.add_user("Bob", BOB_PASS, db_key, kdf=FAST)
    bob_entry = json.loads(path.read_text(encoding="utf-8"))["users"][1]
    keyfile.change_passphrase("Alice", ALICE_PASS, "the new long passphrase", clock)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["users"][1] == bob_entry  # only Alice's entry was re-wrapped
    reloaded = KeyFile.load(path)
    assert reloaded.unlock("Alice", "the new long passphrase", clock) == db_key
    with pytest.raises(WrongPassphrase):
        reloaded.unlock("Alice", ALICE_PASS, clock)
    assert reloaded.unlock("Bob", BOB_PASS, clock) == db_key


def test_change_passphrase_refusals(keyfile: KeyFile, path: Path, clock: FixedClock) -> None:
    before = path.read_bytes()
    with pytest.raises(ValidationFailed):
        keyfile.change_passphrase("Alice", ALICE_PASS, "short", clock)
    assert path.read_bytes() == before  # a refused new passphrase costs no attempt
    with pytest.raises(WrongPassphrase, match=re.escape(WRONG)):
        keyfile.change_passphrase("Alice", "not the passphrase", "the new long passphrase", clock)
    with pytest.raises(WrongPassphrase, match=re.escape(WRONG)):
        keyfile.change_passphrase("Nobody", ALICE_PASS, "the new long passphrase", clock)
    assert len(_take(keyfile)) == 2
    assert keyfile.unlock("Alice", ALICE_PASS, clock)


# --- tampering -----------------------------------------------------------------------------------


def test_entry_renamed_to_another_user_does_not_unlock(
    keyfile: KeyFile, db_key: bytes, path: Path, clock: FixedClock
) -> None:
    keyfile.add_user("Bob", BOB_PASS, db_key, kdf=FAST)

    def give_bobs_entry_to_mallory(doc: dict[str, Any]) -> None:
        doc["users"][1]["name"] = "Mallory"

    edit_json(path, give_bobs_entry_to_mallory)
    tampered = KeyFile.load(path)
    with pytest.raises(WrongPassphrase):
        tampered.unlock("Mallory", BOB_PASS, clock)


def test_entry_copied_from_another_file_does_not_unlock(
    tmp_path: Path, path: Path, clock: FixedClock
) -> None:
    other_path = tmp_path / "other.json"
    KeyFile.create(path, user="Alice", passphrase=ALICE_PASS, clock=clock, kdf=FAST)
    KeyFile.create(other_path, user="Alice", passphrase=ALICE_PASS, clock=clock, kdf=FAST)
    other = json.loads(other_path.read_text(encoding="utf-8"))

    def transplant(doc: dict[str, Any]) -> None:
        doc["users"][0] = other["users"][0]
        doc["recovery"] = other["recovery"]

    edit_json(path, transplant)
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock("Alice", ALICE_PASS, clock)


def test_file_never_holds_the_key_in_plain_text(
    keyfile: KeyFile, db_key: bytes, recovery: str, path: Path, clock: FixedClock
) -> None:
    keyfile.add_user("Bob", BOB_PASS, db_key, kdf=FAST)
    keyfile.change_passphrase("Bob", BOB_PASS, "another long passphrase", clock)
    fail(keyfile, clock)
    text = path.read_text(encoding="utf-8")
    raw_recovery = parse_recovery_key(recovery)
    for secret in (db_key, raw_recovery):
        for form in (
            secret.hex(),
            secret.hex().upper(),
            base64.b64encode(secret).decode(),
            base64.b64encode(secret).decode().rstrip("="),
            base64.urlsafe_b64encode(secret).decode().rstrip("="),
            base64.b32encode(secret).decode().rstrip("="),
        ):
            assert form not in text
    assert secret_free(text)
    assert db_key not in path.read_bytes()


def secret_free(text: str) -> bool:
    return all(p not in text for p in (ALICE_PASS, BOB_PASS, "another long passphrase"))


def test_repr_and_errors_hold_no_secrets(
    keyfile: KeyFile, db_key: bytes, clock: FixedClock
) -> None:
    assert repr(keyfile).startswith("KeyFile(path=")
    assert "Alice" in repr(keyfile)
    assert db_key.hex() not in repr(keyfile)
    messages: list[str] = []
    for attempt in (
        lambda: keyfile.unlock("Alice", "secret-guess-1", clock),
        lambda: keyfile.unlock("Alice", "secret-guess-2", clock),
        lambda: keyfile.unlock("Alice", "secret-guess-3", clock),
        lambda: keyfile.unlock("Alice", "secret-guess-4", clock),
        lambda: keyfile.add_user("Bob", "secret-wk", db_key, kdf=FAST),
    ):
        with pytest.raises(KnownError) as caught:
            attempt()
        messages.append(str(caught.value))
    assert not any("secret" in message for message in messages)


# --- damaged files -------------------------------------------------------------------------------


def _set(*keys_and_value: Any) -> Callable[[dict[str, Any]], None]:
    *where, last, value = keys_and_value

    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for key in where:
            target = target[key]
        target[last] = value

    return change


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc.pop(key)


DOC_DAMAGE: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrong-format": _set("format", "something-else"),
    "version-zero": _set("version", 0),
    "version-text": _set("version", "1"),
    "missing-users": _drop("users"),
    "no-users": _set("users", []),
    "unknown-field": _set("extra", 1),
    "bad-base64": _set("file_id", "not base64!"),
    "short-nonce": _set("users", 0, "nonce", base64.b64encode(b"123").decode()),
    "huge-kdf": _set("users", 0, "kdf", "memory_kib", 2**40),
    "bool-kdf": _set("users", 0, "kdf", "iterations", True),
    "other-kdf": _set("users", 0, "kdf", "algorithm", "pbkdf2"),
    "bad-name": _set("users", 0, "name", " Alice"),
    "recovery-kdf": _set("recovery", "kdf", {"algorithm": "none"}),
    "bad-timestamp": _set("throttle", "last_failure", "yesterday"),
    "negative-failures": _set("throttle", "consecutive_failures", -1),
    "pending-not-list": _set("throttle", "pending_failures", {}),
    "users-not-list": _set("users", "Alice"),
}


@pytest.mark.parametrize("damage", DOC_DAMAGE.values(), ids=DOC_DAMAGE.keys())
def test_damaged_document_is_corrupt_store(
    keyfile: KeyFile, path: Path, damage: Callable[[dict[str, Any]], None]
) -> None:
    edit_json(path, damage)
    with pytest.raises(CorruptStore) as caught:
        KeyFile.load(path)
    assert str(path) in str(caught.value)


def test_duplicate_user_names_are_corrupt(keyfile: KeyFile, path: Path) -> None:
    edit_json(path, lambda doc: doc["users"].append({**doc["users"][0], "name": "ALICE"}))
    with pytest.raises(CorruptStore, match="same name"):
        KeyFile.load(path)


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage", b'{"format": NaN}', b"null"],
    ids=["empty", "malformed", "list", "not-utf8", "nan", "null"],
)
def test_unreadable_file_is_corrupt_store(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    with pytest.raises(CorruptStore):
        KeyFile.load(path)


def test_truncated_file_is_corrupt_store(keyfile: KeyFile, path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptStore, match="damaged"):
        KeyFile.load(path)


def test_duplicate_json_keys_are_corrupt_store(keyfile: KeyFile, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"version": 2,', '"version": 2, "version": 2,'), encoding="utf-8")
    with pytest.raises(CorruptStore, match="duplicate"):
        KeyFile.load(path)


def test_future_version_says_newer(keyfile: KeyFile, path: Path) -> None:
    edit_json(path, _set("version", 3))
    with pytest.raises(CorruptStore, match="newer version of TIPDesk"):
        KeyFile.load(path)


# --- failed writes -------------------------------------------------------------------------------


def test_failed_write_leaves_file_and_object_unchanged(
    keyfile: KeyFile, db_key: bytes, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DiskFull):
        keyfile.add_user("Bob", BOB_PASS, db_key, kdf=FAST)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert keyfile.users() == ["Alice"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["keys.json"]


# --- passphrase policy ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passphrase", "fragment"),
    [
        ("", "at least 10"),
        ("short", "at least 10"),
        ("aaaaaaaaaaaa", "single character"),
        ("abababababab", "5 different"),
        ("0123456789", "sequence"),
        ("abcdefghijkl", "sequence"),
        ("qwertyuiop", "sequence"),
        ("Password123!", "common word"),
        (" leading space pass", "space"),
        ("tab\tinside the pass", "control"),
        ("x" * 1025 + "yzabc", "at most 1024"),
    ],
)
def test_passphrase_problems(passphrase: str, fragment: str) -> None:
    problems = passphrase_problems(passphrase)
    assert any(fragment in problem for problem in problems), problems


def test_a_weak_passphrase_is_refused_in_the_same_english_and_in_urdu() -> None:
    """The refusal names every problem; its English is the sentences joined as before, and
    the command line's Urdu (the catalogue) translates each problem and the separator."""
    refusal = too_weak(passphrase_messages("aaaa"))
    assert str(refusal) == (
        "The passphrase is too weak: Use at least 10 characters.; "
        "Do not repeat a single character.."
    )
    urdu = catalogue.message_in("ur", refusal)
    assert "پاس فریز بہت کمزور ہے" in urdu
    assert "ایک ہی حرف" in urdu and "؛" in urdu
    assert "Use at least" not in urdu


def test_passphrase_with_user_name() -> None:
    assert passphrase_problems("I am Rashid Khan 42", user="rashid")
    assert passphrase_problems("I am Rashid Khan 42") == []


@pytest.mark.parametrize(
    ("passphrase", "hint"),
    [
        ("short", "weak"),
        ("lahore2026x", "fair"),
        ("Lahore-2026-Kasur", "strong"),
        ("river mango lantern seven", "strong"),
    ],
)
def test_strength_hint(passphrase: str, hint: str) -> None:
    assert strength_hint(passphrase) == hint


@given(st.text(max_size=40))
def test_strength_is_weak_exactly_when_refused(passphrase: str) -> None:
    assert (strength_hint(passphrase) == "weak") == bool(passphrase_problems(passphrase))


# --- version 1 files and key pairs --------------------------------------------------------------


def _as_version_1(path: Path, db_key: bytes, passphrase: str, recovery_text: str) -> None:
    """Rewrite the file as TIPDesk wrote version 1: the database key wrapped directly under
    each passphrase and under the recovery key (no key pairs)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    file_id = base64.b64decode(doc["file_id"])
    entry = doc["users"][0]
    salt = base64.b64decode(entry["salt"])
    wk = keys._passphrase_key(passphrase, salt, FAST)
    nonce, wrapped = keys._wrap(wk, db_key, keys._aad(file_id, "user", entry["name"]))
    doc["users"][0] = {k: entry[k] for k in ("name", "salt", "kdf")} | {
        "nonce": base64.b64encode(nonce).decode(),
        "wrapped_key": base64.b64encode(wrapped).decode(),
    }
    r_salt = os.urandom(16)
    raw = keys.parse_recovery_key(recovery_text)
    r_nonce, r_wrapped = keys._wrap(
        keys._recovery_wrapping_key(raw, r_salt), db_key, keys._aad(file_id, "recovery", "")
    )
    doc["recovery"] = {
        "kdf": {"algorithm": "hkdf-sha256"},
        "salt": base64.b64encode(r_salt).decode(),
        "nonce": base64.b64encode(r_nonce).decode(),
        "wrapped_key": base64.b64encode(r_wrapped).decode(),
    }
    doc["version"] = 1
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_a_version_1_file_opens_and_its_entry_gets_a_key_pair(
    keyfile: KeyFile, db_key: bytes, recovery: str, path: Path, clock: FixedClock
) -> None:
    _as_version_1(path, db_key, ALICE_PASS, recovery)
    old = KeyFile.load(path)
    assert not old.has_key_pair("Alice")
    assert old.unlock_with_recovery(recovery, clock) == db_key
    assert old.unlock("Alice", ALICE_PASS, clock) == db_key
    upgraded = KeyFile.load(path)
    assert upgraded.has_key_pair("Alice")
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2
    assert upgraded.unlock("Alice", ALICE_PASS, clock) == db_key


def test_a_rotation_drops_version_1_entries_and_seals_the_new_key_to_the_others(
    keyfile: KeyFile, db_key: bytes, recovery: str, path: Path, clock: FixedClock
) -> None:
    keyfile.add_user("Bob", BOB_PASS, db_key, kdf=FAST)
    _as_version_1(path, db_key, ALICE_PASS, recovery)  # Alice back to version 1; Bob has a pair
    new_key, raw = os.urandom(32), os.urandom(32)
    rotated = KeyFile.load(path)
    assert rotated.begin_rotation(db_key, new_key, ["Alice", "Bob"], raw) == ["Alice"]
    assert rotated.rotation_pending
    assert rotated.previous_key(new_key) == db_key
    rotated.finish_rotation()
    again = KeyFile.load(path)
    assert again.users() == ["Bob"]
    assert again.unlock("Bob", BOB_PASS, clock) == new_key
    assert again.unlock_with_recovery(keys.format_recovery_key(raw), clock) == new_key
    with pytest.raises(WrongPassphrase):
        again.unlock_with_recovery(recovery, clock)
