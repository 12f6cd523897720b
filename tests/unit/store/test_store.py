"""The store's own paths that stay in the install's SQLCipher store on either HQ engine:
users, offices, settings and the log. The record paths (ids, versions, change log, audit,
concurrency, children, paging, all-or-nothing saves) are in ``test_store_records.py``, run on
both engines."""

from __future__ import annotations

import dataclasses
import json

import pytest
from test_store_records import _audit_count, _audit_text, later

from tipdesk.core.errors import NotFound
from tipdesk.store import audit
from tipdesk.store.driver import StoreBug
from tipdesk.store.store import Actor, OfficeRow, Store, User

# --- creating ------------------------------------------------------------------------------------


# --- users, offices, settings --------------------------------------------------------------------


def test_users_round_trip_with_audit(store: Store, actor: Actor) -> None:
    store.add_user("test.officer", "district_officer", actor)
    store.add_user("test.admin", "district_admin", actor)
    assert store.users() == [
        User("test.admin", "district_admin", True, actor.at, actor.user),
        User("test.officer", "district_officer", True, actor.at, actor.user),
    ]
    entries = store.audit_entries()
    assert [(e.action, e.kind, e.record_id, e.detail) for e in entries] == [
        ("user.add", "user", "test.officer", {"role": "district_officer"}),
        ("user.add", "user", "test.admin", {"role": "district_admin"}),
    ]
    store.set_user_active("test.officer", False, later(actor))
    assert store.user("test.officer") == User(
        "test.officer", "district_officer", False, actor.at, actor.user
    )
    store.set_user_active("test.officer", True, later(actor, 2))
    assert store.user("test.officer").active  # type: ignore[union-attr]
    actions = [e.action for e in store.audit_entries(after_seq=2)]
    assert actions == ["user.disable", "user.enable"]
    assert store.user("nobody") is None
    assert store.verify_audit().ok


def test_unknown_or_duplicate_user_writes_nothing(store: Store, actor: Actor) -> None:
    store.add_user("test.officer", "district_officer", actor)
    with pytest.raises(NotFound):
        store.set_user_active("nobody", False, actor)
    with pytest.raises(StoreBug):
        store.add_user("test.officer", "district_admin", actor)
    assert _audit_count(store) == 1
    assert store.user("test.officer").role == "district_officer"  # type: ignore[union-attr]


def test_offices_round_trip_with_audit(store: Store, actor: Actor) -> None:
    a = OfficeRow("FIA-TEST-1", "Test Circle Alpha", "PB-LHR", "fia_circle")
    b = OfficeRow("PS-TEST-2", "Beta Test Police Station", "PB-FSD", "police_station")
    store.add_office(a, actor)
    store.add_office(b, actor)
    assert store.offices() == [b, a]  # by name
    renamed = dataclasses.replace(a, name="Test Circle Renamed")
    store.add_office(renamed, later(actor))
    assert store.offices() == [b, renamed]
    entries = store.audit_entries()
    assert [(e.action, e.kind, e.record_id) for e in entries] == [
        ("office.add", "office", "FIA-TEST-1"),
        ("office.add", "office", "PS-TEST-2"),
        ("office.add", "office", "FIA-TEST-1"),
    ]


def test_settings_round_trip_with_audit_of_keys_only(store: Store, actor: Actor) -> None:
    assert store.setting("district") is None
    assert store.setting("district", "fallback") == "fallback"
    store.set_settings({"district": "PB-LHR", "office": "Valuenotlogged-Office"}, actor)
    store.set_settings({"district": "PB-FSD", "limits": json.dumps({"a": 1})}, later(actor))
    assert store.setting("district") == "PB-FSD"
    assert store.setting("office") == "Valuenotlogged-Office"
    assert store.settings_json("limits") == {"a": 1}
    assert store.settings_json("missing") is None
    entries = store.audit_entries()
    assert [(e.action, e.detail) for e in entries] == [
        ("settings", {"keys": ["district", "office"]}),
        ("settings", {"keys": ["district", "limits"]}),
    ]
    assert "Valuenotlogged" not in _audit_text(store)
    assert "PB-FSD" not in _audit_text(store)


def test_log_appends_entries(store: Store, actor: Actor) -> None:
    store.log([audit.NewEntry(actor.at, actor.user, actor.device, "login")])
    store.log(
        [
            audit.NewEntry(actor.at, actor.user, actor.device, "export", detail={"rows": 3}),
            audit.NewEntry(actor.at, actor.user, actor.device, "logout"),
        ]
    )
    assert [e.action for e in store.audit_entries()] == ["login", "export", "logout"]
    assert store.audit_entries()[1].detail == {"rows": 3}


def test_count_refuses_unknown_columns(store: Store) -> None:
    with pytest.raises(ValueError, match="cannot filter"):
        store.count("case", filters={"no_such_column": "x"})
