"""The owner PIN: set, check and remove it; wrong attempts make the next try wait longer.

The PIN keeps a curious courier at the keyboard away from owner-level actions. It is stored
as an scrypt hash with its own salt. The wait after wrong attempts is kept in the database, so
restarting BranchDesk does not reset it; during the wait a PIN is not even checked.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.owner.audit import record
from branchdesk.owner.models import OwnerPin
from branchdesk.permissions import Action, actor, require_owner

PIN_MIN, PIN_MAX = 4, 12
# scrypt with n=2**14, r=8: about 16 MB and a few tens of milliseconds a check.
COST_N, COST_R, COST_P = 2**14, 8, 1
# Wrong attempts allowed before the first wait; the wait doubles with each further one.
FREE_ATTEMPTS = 3
FIRST_WAIT = 30
LONGEST_WAIT = 15 * 60


class PinError(BranchDeskError):
    """A PIN that cannot be set (too short, not digits) or a PIN operation refused."""


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    # Seconds before the next attempt is checked (0: try again now).
    wait: int = 0
    # True when the PIN was not checked because of an earlier run of wrong attempts.
    waiting: bool = False

    def message(self) -> str:
        if self.ok:
            return ""
        if self.waiting:
            return tr("Too many wrong PINs. Try again in {time}.", time=format_wait(self.wait))
        if self.wait:
            return tr(
                "Wrong PIN. Too many wrong attempts: the next try is possible in {time}.",
                time=format_wait(self.wait),
            )
        return tr("Wrong PIN. Try again.")


def format_wait(seconds: int) -> str:
    if seconds < 60:
        return tr("{n} s", n=seconds)
    minutes, rest = divmod(seconds, 60)
    if not rest:
        return tr("{n} min", n=minutes)
    return tr("{m} min {s} s", m=minutes, s=rest)


def wait_after(failures: int) -> int:
    """Seconds to wait after `failures` wrong attempts in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(LONGEST_WAIT, FIRST_WAIT * 2 ** min(failures - FREE_ATTEMPTS, 10))


def validate(pin: str) -> str:
    """The PIN to store, or PinError saying what a PIN must be."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise PinError(tr("A PIN is {low} to {high} digits (0–9).", low=PIN_MIN, high=PIN_MAX))
    if len(set(pin)) == 1:
        raise PinError(tr("A PIN of one repeated digit is too easy to guess."))
    return pin


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii", "replace"), salt=salt, n=n, r=r, p=p, dklen=32)


def _row(session: Session) -> OwnerPin | None:
    return session.scalar(select(OwnerPin).order_by(OwnerPin.id).limit(1))


def is_set(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(OwnerPin)))


def _remaining(row: OwnerPin, now: datetime) -> int:
    """Seconds before a PIN is checked again. A clock set back must not lock the owner out
    for longer than the longest wait: the stored time is brought within it."""
    if row.retry_after is None or now >= row.retry_after:
        return 0
    if row.retry_after - now > timedelta(seconds=LONGEST_WAIT):
        row.retry_after = now + timedelta(seconds=LONGEST_WAIT)
    return math.ceil((row.retry_after - now).total_seconds())


def waiting(session: Session, *, now: datetime | None = None) -> int:
    """Seconds before the next PIN is checked (0: now), to show when the PIN is asked for."""
    row = _row(session)
    return 0 if row is None else _remaining(row, now or utcnow())


def check(session: Session, pin: str, *, now: datetime | None = None) -> PinCheck:
    """Check `pin` against the stored one; a wrong one is counted and audited.

    The caller commits (the count must be kept even though the check failed), in a writing
    session (Database.session(): the write lock is held from its start), so wrong PINs tried
    at once in several windows or commands are each counted and the wait starts on time. No
    PIN set: every PIN is fine.
    """
    row = _row(session)
    if row is None:
        return PinCheck(ok=True)
    now = now or utcnow()
    remaining = _remaining(row, now)
    if remaining:
        return PinCheck(ok=False, wait=remaining, waiting=True)
    digest = _hash(pin.strip(), row.salt, row.cost_n, row.cost_r, row.cost_p)
    if hmac.compare_digest(digest, row.digest):
        row.failures = 0
        row.retry_after = None
        session.flush()
        return PinCheck(ok=True)
    row.failures += 1
    wait = wait_after(row.failures)
    row.retry_after = now + timedelta(seconds=wait) if wait else None
    record(
        session,
        "pin_failed",
        tr("Wrong owner PIN ({n} in a row)", n=row.failures),
        who=actor(),
    )
    session.flush()
    return PinCheck(ok=False, wait=wait)


def set_pin(session: Session, pin: str) -> None:
    """Set or change the PIN. Changing it is an owner action (the current PIN unlocks it)."""
    pin = validate(pin)
    row = _row(session)
    if row is not None:
        require_owner(Action.CHANGE_SETTINGS)
        session.execute(delete(OwnerPin))  # one PIN: never two rows, whatever happened before
        session.flush()
    salt = secrets.token_bytes(16)
    session.add(
        OwnerPin(
            salt=salt,
            digest=_hash(pin, salt, COST_N, COST_R, COST_P),
            cost_n=COST_N,
            cost_r=COST_R,
            cost_p=COST_P,
            failures=0,
        )
    )
    record(
        session,
        "pin_changed" if row is not None else "pin_set",
        "",
        who=actor(),
        with_pin=row is not None,
    )
    session.flush()


def clear_pin(session: Session) -> None:
    """Remove the PIN (an owner action): everyone may then do everything."""
    if _row(session) is None:
        return
    require_owner(Action.CHANGE_SETTINGS)
    for row in session.scalars(select(OwnerPin)):
        session.delete(row)
    record(session, "pin_cleared", "", who=actor(), with_pin=True)
    session.flush()
