"""The owner PIN on the command line: --pin or BRANCHDESK_PIN, checked only when an owner
action needs it."""

from __future__ import annotations

import argparse
from pathlib import Path

from branchdesk import i18n, paths
from branchdesk.cli.common import open_db
from branchdesk.errors import BranchDeskError
from branchdesk.permissions import Action, OwnerLock


def _pin_is_set(db_path: Path) -> bool:
    """Whether the database holds an owner PIN, read without opening (or creating) it."""
    import sqlite3

    from branchdesk.db.integrity import connect_readonly

    if not db_path.is_file():
        return False
    try:
        con = connect_readonly(db_path)
        try:
            return bool(con.execute("SELECT count(*) FROM owner_pin").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        # No PIN table yet (an older schema): no PIN. Busy or locked: assume one is set.
        return "no such table" not in str(exc)
    except sqlite3.DatabaseError:
        # A file too damaged to read: there is no PIN to ask for, and restoring a damaged
        # database must stay possible.
        return False


class _CommandLineOwner(OwnerLock):
    """The policy once a PIN is set: the PIN from --pin or BRANCHDESK_PIN is checked the
    first time an owner action needs it (a lookup with a stale PIN in its environment is not
    a wrong attempt), and once right it holds for the whole command."""

    def __init__(self, pin: str | None) -> None:
        super().__init__(True, seconds=float("inf"))
        self.pin = pin

    def __call__(self, action: Action) -> bool:
        if super().__call__(action):
            return True
        if self.pin is None:
            return False
        from branchdesk.owner.pin import check

        pin, self.pin = self.pin, None  # one attempt per command
        db = open_db()
        try:
            with db.session() as session:
                result = check(session, pin)
        finally:
            db.dispose()  # a restore needs the database closed
        if not result.ok:
            raise BranchDeskError(result.message())
        self.unlock()
        return True


def install_owner_lock(args: argparse.Namespace) -> None:
    """Once a PIN is set, owner actions need --pin (or BRANCHDESK_PIN)."""
    import os

    from branchdesk import permissions
    from branchdesk.settings import SettingsStore, who_is_working

    name = who_is_working(SettingsStore())
    where = i18n.tr("command line")
    permissions.set_actor(f"{name} ({where})" if name else where)
    permissions.set_policy(None)
    if not _pin_is_set(paths.db_path()):
        return
    pin = getattr(args, "pin", None)
    if pin is None:
        pin = os.environ.get("BRANCHDESK_PIN") or None  # empty: not given
    permissions.set_policy(_CommandLineOwner(pin))
