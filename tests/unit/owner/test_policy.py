"""The branch's settings in the database: taken over from settings.json once, changed only as
an audited owner action within bounds."""

from __future__ import annotations

import json

import pytest

from branchdesk import paths, permissions
from branchdesk.db.engine import Database
from branchdesk.owner import audit, policy
from branchdesk.permissions import OwnerLock, PermissionDenied
from branchdesk.settings import SettingsStore


def write_file(**values: object) -> None:
    paths.settings_path().write_text(json.dumps(values), encoding="utf-8")


def test_settings_json_is_taken_over_once(db: Database) -> None:
    write_file(language="en", backup_keep_daily=30, banned_phrases=["滚"], backup_keep_weekly=-1)
    found = policy.start(db, SettingsStore())
    assert found["backup_keep_daily"] == 30 and found["banned_phrases"] == ["滚"]
    assert found["backup_keep_weekly"] == 8  # out of bounds: not taken over
    left = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert left == {"language": "en"}  # the person's own setting stays in the file
    write_file(language="en", backup_keep_daily=2)
    assert policy.start(db, SettingsStore())["backup_keep_daily"] == 30
    assert SettingsStore().get("backup_keep_daily") == 30
    with db.read_session() as s:
        (entry,) = audit.entries(s, action="change_settings")
    assert entry.detail == (
        "Taken over from settings.json: Banned phrases in replies: 滚; Daily backups kept: 30"
    )


def test_a_change_is_the_owners_within_bounds_and_audited(db: Database) -> None:
    policy.start(db, SettingsStore())
    with pytest.raises(policy.SettingError, match="cannot be 0"), db.session() as s:
        policy.change(s, {"backup_keep_daily": 0})
    permissions.set_policy(OwnerLock(True))  # a PIN is set and nobody unlocked it
    with pytest.raises(PermissionDenied), db.session() as s:
        policy.change(s, {"backup_keep_daily": 3})
    lock = OwnerLock(True)
    lock.unlock()
    permissions.set_policy(lock)
    with db.session() as s:
        assert policy.change(s, {"backup_keep_daily": 3, "branch_name": "海曙网点"})
    assert SettingsStore().get("backup_keep_daily") == 3
    with db.read_session() as s:
        (entry,) = audit.entries(s, action="change_settings")
    assert entry.detail == "Changed: Daily backups kept: 14 → 3; Branch name: — → 海曙网点"
    assert entry.with_pin
    with pytest.raises(ValueError, match="branch setting"):
        SettingsStore().set("backup_keep_daily", 1)
