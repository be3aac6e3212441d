"""The owner PIN, the unlock window, the audit log and the CLI's --pin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from branchdesk import paths, permissions
from branchdesk.cli import main
from branchdesk.db.backup import backup_to, restore
from branchdesk.db.engine import Database, open_database
from branchdesk.handbook import service as handbook
from branchdesk.handbook.models import PenaltyItem
from branchdesk.handbook.sample import load_sample_handbook
from branchdesk.io.batches import history, undo_batch
from branchdesk.owner import audit, pin
from branchdesk.owner.models import OwnerPin
from branchdesk.permissions import Action, OwnerLock, PermissionDenied
from tests.conftest import SAMPLE_WAYBILLS

NOW = datetime(2026, 11, 22, 9, 0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def owned(db: Database) -> Database:
    """A database with the sample handbook and the owner PIN 2580; the lock installed, locked."""
    with db.session() as s:
        load_sample_handbook(s)
        pin.set_pin(s, "2580")
    permissions.set_policy(OwnerLock(True))
    return db


def _first_item(db: Database) -> tuple[int, str]:
    with db.session() as s:
        item = s.scalars(select(PenaltyItem).where(PenaltyItem.replaced_by_id.is_(None))).first()
        assert item is not None
        return item.id, item.cause


@pytest.mark.parametrize("bad", ["", "123", "12a4", "１２３４", "1111", "1234567890123"])
def test_a_pin_must_be_4_to_12_digits_and_not_one_digit_repeated(bad: str) -> None:
    with pytest.raises(pin.PinError):
        pin.validate(bad)
    assert pin.validate(" 2580 ") == "2580"


def test_the_pin_is_stored_as_a_salted_hash_never_as_text(db: Database) -> None:
    with db.session() as s:
        pin.set_pin(s, "258036")
    with db.session() as s:
        row = s.scalars(select(OwnerPin)).one()
        assert len(row.salt) == 16 and len(row.digest) == 32
        assert b"258036" not in row.digest
        assert pin.check(s, "258036").ok
        assert not pin.check(s, "258037").ok
    db.dispose()
    assert b"258036" not in paths.db_path().read_bytes()


def test_wrong_pins_make_the_next_try_wait_longer_and_survive_a_restart(db: Database) -> None:
    with db.session() as s:
        pin.set_pin(s, "2580")
    waits = []
    for n in range(5):
        # Each attempt after the previous wait has passed; a new session each time, as after
        # a restart: the count is in the database.
        now = NOW + timedelta(hours=n)
        with db.session() as s:
            result = pin.check(s, "0000", now=now)
        assert not result.ok
        waits.append(result.wait)
    assert waits == [0, 0, 30, 60, 120]
    # During the wait even the right PIN is not checked.
    during = NOW + timedelta(hours=4, seconds=100)
    with db.session() as s:
        result = pin.check(s, "2580", now=during)
    assert not result.ok and result.waiting and 0 < result.wait <= 20
    assert "Try again in" in result.message()
    # After it the right PIN works and the count starts again.
    with db.session() as s:
        assert pin.check(s, "2580", now=during + timedelta(seconds=30)).ok
    with db.session() as s:
        assert pin.check(s, "0000", now=during + timedelta(minutes=5)).wait == 0
        assert [e.action for e in audit.entries(s)].count("pin_failed") == 6


def test_a_clock_set_back_does_not_lock_the_owner_out_for_days(db: Database) -> None:
    with db.session() as s:
        pin.set_pin(s, "2580")
        row = s.scalars(select(OwnerPin)).one()
        row.failures = 3
        row.retry_after = NOW + timedelta(days=30)
    with db.session() as s:
        result = pin.check(s, "2580", now=NOW)
    assert result.waiting and result.wait <= pin.LONGEST_WAIT
    # ... and after that longest wait the right PIN works, whatever the stored time said.
    with db.session() as s:
        assert pin.check(s, "2580", now=NOW + timedelta(seconds=pin.LONGEST_WAIT)).ok


def test_the_wait_doubles_up_to_fifteen_minutes() -> None:
    assert [pin.wait_after(n) for n in range(1, 10)] == [0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert pin.wait_after(10_000) == 900


def test_an_unlock_lasts_five_minutes_and_each_owner_action_extends_it() -> None:
    clock = Clock()
    lock = OwnerLock(True, clock=clock)
    assert not lock(Action.EDIT_HANDBOOK)
    lock.unlock()
    clock.now += 200
    assert lock(Action.EDIT_HANDBOOK)  # extends to 200 + 300
    clock.now += 250
    assert lock(Action.DELETE_RECORDS) and lock.unlocked
    clock.now += 301
    assert not lock(Action.EDIT_HANDBOOK) and not lock.unlocked
    lock.unlock()
    lock.lock()
    assert not lock(Action.RESTORE)
    assert OwnerLock(False)(Action.RESTORE)  # no PIN set: everyone is the owner


def test_someone_else_at_the_keyboard_ends_the_unlock() -> None:
    """An owner who typed the PIN and walked away left owner rights to the next person."""
    lock = OwnerLock(True)
    permissions.set_policy(lock)
    permissions.set_actor("张老板")
    lock.unlock()
    permissions.set_actor(" 张老板 ")  # the same person (the settings saved again)
    assert lock.unlocked
    permissions.set_actor("小李")  # picked in 换班, or 签退 leaving the PC's name
    assert not lock.unlocked and not permissions.allowed(Action.RESTORE)
    assert permissions.actor() == "小李"


def test_a_locked_handbook_refuses_edits_and_changes_nothing(owned: Database) -> None:
    item_id, _ = _first_item(owned)
    with owned.session() as s:
        before = audit.count(s)
    with pytest.raises(PermissionDenied) as info, owned.session() as s:
        handbook.update_item(s, item_id, fine="50元/票")
    assert info.value.action is Action.EDIT_HANDBOOK
    assert str(info.value) == (
        "Only the branch owner may do this (edit the penalty handbook). "
        "Ask the owner to unlock it with the owner PIN."
    )
    with owned.session() as s:
        assert s.get(PenaltyItem, item_id).fine_text != "50元/票"  # type: ignore[union-attr]
        assert audit.count(s) == before


def test_an_unlocked_edit_is_in_the_audit_log_with_what_changed(owned: Database) -> None:
    item_id, cause = _first_item(owned)
    permissions.set_actor("小李")
    lock = permissions.current_lock()
    assert lock is not None
    lock.unlock()
    with owned.session() as s:
        handbook.update_item(s, item_id, fine="50元/票")
    with owned.session() as s:
        entry = audit.entries(s, action="edit_handbook")[0]
    assert cause in entry.detail and "Fine" in entry.detail
    assert entry.who == "小李" and entry.with_pin
    assert entry.label == "Handbook changed"
    assert abs((entry.at - datetime.now()).total_seconds()) < 60  # shown in local time


def test_a_change_that_fails_leaves_no_audit_entry(owned: Database) -> None:
    item_id, _ = _first_item(owned)
    permissions.current_lock().unlock()  # type: ignore[union-attr]
    with owned.session() as s:
        before = audit.count(s)
    with pytest.raises(handbook.HandbookError), owned.session() as s:
        handbook.update_item(s, item_id, cause="")
    with owned.session() as s:
        assert audit.count(s) == before


def test_undoing_an_import_and_deleting_need_the_owner(
    db: Database, sample_of: Callable[[int], Database]
) -> None:
    sample_of(SAMPLE_WAYBILLS)
    with db.session() as s:
        pin.set_pin(s, "2580")
    permissions.set_policy(OwnerLock(True))
    with db.session() as s:
        batch = history(s)[0]
    with pytest.raises(PermissionDenied), db.session() as s:
        undo_batch(s, batch.id)
    permissions.current_lock().unlock()  # type: ignore[union-attr]
    with db.session() as s:
        undo_batch(s, batch.id)
    with db.session() as s:
        (entry,) = audit.entries(s, action="undo_import")
    assert str(batch.id) in entry.detail


def test_changing_or_removing_the_pin_needs_the_current_one(owned: Database) -> None:
    with pytest.raises(PermissionDenied), owned.session() as s:
        pin.set_pin(s, "1357")
    with pytest.raises(PermissionDenied), owned.session() as s:
        pin.clear_pin(s)
    lock = permissions.current_lock()
    assert lock is not None
    lock.unlock()
    with owned.session() as s:
        pin.set_pin(s, "1357")
    with owned.session() as s:
        assert pin.check(s, "1357").ok and not pin.check(s, "2580").ok
        pin.clear_pin(s)
    with owned.session() as s:
        assert not pin.is_set(s)
        assert [e.action for e in audit.entries(s) if e.action.startswith("pin_")] == [
            "pin_cleared",
            "pin_failed",
            "pin_changed",
            "pin_set",
        ]


def test_the_audit_log_exports_to_excel_newest_first(owned: Database, tmp_path: Path) -> None:
    permissions.current_lock().unlock()  # type: ignore[union-attr]
    item_id, cause = _first_item(owned)
    with owned.session() as s:
        handbook.update_item(s, item_id, fine="20元/票")
    with owned.session() as s:
        handbook.delete_item(s, item_id)
    out = tmp_path / "audit.xlsx"
    with owned.session() as s:
        assert audit.export_audit(s, out) == audit.count(s) == 4
    rows = list(load_workbook(out).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    header = rows.index(("Time", "Action", "Details", "Who", "With PIN"))
    actions = [r[1] for r in rows[header + 1 :]]
    # The deletion, the edit, the PIN, and the sample handbook's import before it.
    assert actions == ["Handbook changed", "Handbook changed", "Owner PIN set", "Handbook changed"]
    assert "deleted" in rows[header + 1][2] and cause in rows[header + 1][2]


def test_a_restore_is_written_into_the_restored_databases_audit_log(db: Database) -> None:
    with db.session() as s:
        load_sample_handbook(s)
    copy = backup_to(paths.db_path(), paths.data_dir() / "usb", kind="manual")
    db.dispose()
    restore(paths.db_path(), copy, backups_dir=paths.backups_dir())
    again = open_database()
    try:
        with again.session() as s:
            (entry,) = audit.entries(s, action="restore")
        assert copy.name in entry.detail
    finally:
        again.dispose()


# --- the command line --------------------------------------------------------------------


@pytest.fixture
def cli_branch(sample_db: Database, data_dir: Path) -> Path:
    """The sample branch (as `demo` loads it, copied from the session's template), a PIN."""
    with sample_db.session() as s:
        pin.set_pin(s, "2580")
    sample_db.dispose()
    return data_dir


def test_cli_owner_actions_need_the_pin(
    cli_branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    capsys.readouterr()
    assert main(["purge-waybills", "--older-than", "1", "--yes"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "Only the branch owner may do this (delete records). "
        "Ask the owner to unlock it with the owner PIN.\n"
        "Give the owner PIN with --pin or BRANCHDESK_PIN.\n"
    )
    assert main(["--pin", "9999", "purge-waybills", "--older-than", "1", "--yes"]) == 1
    assert capsys.readouterr().err == "Wrong PIN. Try again.\n"
    assert main(["--pin", "2580", "purge-waybills", "--older-than", "1", "--yes"]) == 0
    assert "Removed" in capsys.readouterr().out
    monkeypatch.setenv("BRANCHDESK_PIN", "2580")
    out = cli_branch / "audit.xlsx"
    assert main(["export", "audit", "-o", str(out)]) == 0
    details = [r[2] for r in load_workbook(out).active.iter_rows(values_only=True)]  # type: ignore[union-attr]
    assert any("waybills from before" in str(d) for d in details)


def test_cli_lookups_need_no_pin(cli_branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "宁波市海曙区中山西路37号", "--json"]) == 0
    assert main(["export", "audit", "-o", str(cli_branch / "a.xlsx")]) == 1
    assert not (cli_branch / "a.xlsx").exists()


def test_cli_a_stale_pin_in_the_environment_does_not_break_lookups(
    cli_branch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANCHDESK_PIN", "1111")
    for _ in range(5):  # a scheduled lookup with an old PIN: not a wrong attempt
        assert main(["lookup", "宁波市海曙区中山西路37号", "--json"]) == 0
    database = open_database()
    with database.session() as s:
        assert audit.count(s, "pin_failed") == 0
    database.dispose()
    monkeypatch.setenv("BRANCHDESK_PIN", "")  # empty: as if not given
    assert main(["export", "audit", "-o", str(cli_branch / "a.xlsx")]) == 1
    assert capsys.readouterr().err == (
        "Only the branch owner may do this (see the audit log). "
        "Ask the owner to unlock it with the owner PIN.\n"
        "Give the owner PIN with --pin or BRANCHDESK_PIN.\n"
    )


def test_cli_takes_the_pin_after_the_command_too(
    cli_branch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = cli_branch / "audit.xlsx"
    assert main(["export", "audit", "-o", str(out), "--pin", "2580"]) == 0
    assert out.exists()
    assert main(["guides", "list", "--pin", "2580"]) == 0


def test_a_backups_preview_says_whether_it_brings_a_pin_back(db: Database) -> None:
    from branchdesk.db.backup import describe

    without = backup_to(paths.db_path(), paths.data_dir() / "usb", kind="manual")
    with db.session() as s:
        pin.set_pin(s, "2580")
    with_pin = backup_to(paths.db_path(), paths.data_dir() / "usb", kind="manual")
    assert any("Owner PIN: none" in line for line in describe(without).lines())
    assert any("Owner PIN: set" in line for line in describe(with_pin).lines())
