"""The one check every owner-level change passes through (edit the handbook, delete, undo…).

`require_owner(action, session, detail)` asks the installed policy and, when a session is
given, writes an audit entry in that session's transaction: the entry is committed with the
change, and a change that rolls back leaves no entry. Without a policy (no PIN set) everyone
counts as the owner. With a PIN the GUI and the CLI install an `OwnerLock`, unlocked by the PIN
for a few minutes; it is asked from worker threads too, so it never prompts: the GUI asks for
the PIN on the UI thread before it starts the work.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Action(StrEnum):
    EDIT_HANDBOOK = "edit_handbook"
    DELETE_RECORDS = "delete_records"
    UNDO_IMPORT = "undo_import"
    RESTORE = "restore"
    CHANGE_SETTINGS = "change_settings"
    VIEW_AUDIT = "view_audit"
    REPLACE_AREAS = "replace_areas"
    SHOW_PHONES = "show_phones"  # customers' full phone numbers in a printout or export
    SET_PAY_RATES = "set_pay_rates"
    CHARGE_FINE = "charge_fine"  # a fine charged to an agent on the monthly statement
    APPROVE_STATEMENT = "approve_statement"  # approve or reissue a monthly pay statement
    MANAGE_TEAM = "manage_team"  # add, change or deactivate agents; customers and ownership
    MANAGE_TRAINING = "manage_training"  # the new-hire plan, trainees and their mentors
    MANAGE_KNOWLEDGE = "manage_knowledge"  # FAQ entries and gaps; decide on suggestions


class PermissionDenied(BranchDeskError):
    """An owner-level action was refused; the message says who may do it."""

    def __init__(self, message: str, action: Action) -> None:
        super().__init__(message)
        self.action = action


Policy = Callable[[Action], bool]

# How long one PIN entry unlocks the owner's actions; each owner action within it extends it.
UNLOCK_SECONDS = 300.0


class OwnerLock:
    """The policy once a PIN is set: owner actions are allowed while unlocked.

    Unlocking lasts `seconds` from the PIN entry and is extended by every owner action, so an
    owner editing the handbook is not asked again after each cell. `pin_set` False allows all.
    """

    def __init__(
        self,
        pin_set: bool,
        *,
        seconds: float = UNLOCK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.pin_set = pin_set
        self.seconds = seconds
        self._clock = clock
        self._until = 0.0

    @property
    def unlocked(self) -> bool:
        return self.pin_set and self._clock() < self._until

    def unlock(self) -> None:
        self._until = self._clock() + self.seconds

    def lock(self) -> None:
        self._until = 0.0

    def __call__(self, action: Action) -> bool:
        if not self.pin_set:
            return True
        now = self._clock()
        if now < self._until:
            self._until = now + self.seconds
            return True
        return False


# Writes an audit entry into the session's transaction: (session, action, detail, who,
# with_pin). The owner feature registers it; this base module imports no feature.
class AuditNote(Protocol):
    """The entry written: its detail may be updated before the transaction commits."""

    detail: str


AuditRecorder = Callable[["Session", str, str, str, bool], AuditNote]
_recorder: AuditRecorder | None = None


def set_audit_recorder(recorder: AuditRecorder | None) -> None:
    global _recorder
    _recorder = recorder


def _everyone(action: Action) -> bool:
    return True


_policy: Policy = _everyone
_actor = ""


def set_policy(policy: Policy | None) -> None:
    """Install the check (None: everyone may do everything, as before a PIN is set)."""
    global _policy
    _policy = policy or _everyone


def current_lock() -> OwnerLock | None:
    """The installed OwnerLock, if the policy is one."""
    return _policy if isinstance(_policy, OwnerLock) else None


def set_actor(name: str) -> None:
    """Who is at the keyboard (the agent's name from settings), recorded in the audit log.

    Someone else at the keyboard ends the owner's unlock: the owner who typed the PIN (in
    the setup wizard, say) and walked away does not leave owner rights to whoever picks
    their name next, for the minutes the unlock had left."""
    global _actor
    name = name.strip()[:60]
    lock = current_lock()
    if name != _actor and lock is not None:
        lock.lock()
    _actor = name


def actor() -> str:
    return _actor


def pin_guarded() -> bool:
    """True when owner actions need the PIN (a PIN is set)."""
    lock = current_lock()
    return lock is not None and lock.pin_set


def allowed(action: Action) -> bool:
    return _policy(action)


def require_owner(
    action: Action, session: Session | None = None, detail: str = ""
) -> AuditNote | None:
    """Refuse with PermissionDenied unless the owner may act; with a session, audit the action
    and return the entry (its detail may still be updated within the transaction)."""
    if not _policy(action):
        raise denial(action)
    if session is not None:
        if _recorder is None:
            # An owner action must never go unaudited: the owner feature registers the
            # recorder when the features are loaded (branchdesk.features.load).
            raise RuntimeError("no audit recorder: call branchdesk.features.load() first")
        return _recorder(session, action.value, detail, _actor, pin_guarded())
    return None


def denial(action: Action) -> PermissionDenied:
    return PermissionDenied(
        tr(
            "Only the branch owner may do this ({action}). Ask the owner to unlock it "
            "with the owner PIN.",
            action=action_label(action),
        ),
        action,
    )


ACTION_LABELS = {
    Action.EDIT_HANDBOOK: "edit the penalty handbook",
    Action.DELETE_RECORDS: "delete records",
    Action.UNDO_IMPORT: "undo an import",
    Action.RESTORE: "restore a backup",
    Action.CHANGE_SETTINGS: "change settings",
    Action.VIEW_AUDIT: "see the audit log",
    Action.REPLACE_AREAS: "replace the area table",
    Action.SHOW_PHONES: "print or export customers' full phone numbers",
    Action.SET_PAY_RATES: "set the pay rates",
    Action.CHARGE_FINE: "charge or remove an agent's fine",
    Action.APPROVE_STATEMENT: "approve or reissue a pay statement",
    Action.MANAGE_TEAM: "change the service team",
    Action.MANAGE_TRAINING: "change the training plan or a trainee's mentor",
    Action.MANAGE_KNOWLEDGE: "change the FAQ or decide on suggestions",
}


def action_label(action: Action) -> str:
    return tr(ACTION_LABELS[action])
