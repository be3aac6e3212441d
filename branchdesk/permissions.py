"""The one check every owner-level change passes through (edit the handbook, delete, undo…).

Until the owner PIN exists every user counts as the owner; the PIN work only has to install a
policy here, and every service that calls `require_owner` is covered.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr


class Action(StrEnum):
    EDIT_HANDBOOK = "edit_handbook"
    DELETE_RECORDS = "delete_records"
    UNDO_IMPORT = "undo_import"
    RESTORE = "restore"
    CHANGE_SETTINGS = "change_settings"


class PermissionDenied(BranchDeskError):
    """An owner-level action was refused; the message says who may do it."""


Policy = Callable[[Action], bool]


def _everyone(action: Action) -> bool:
    return True


_policy: Policy = _everyone


def set_policy(policy: Policy | None) -> None:
    """Install the check (None: everyone may do everything, as before a PIN is set)."""
    global _policy
    _policy = policy or _everyone


def allowed(action: Action) -> bool:
    return _policy(action)


def require_owner(action: Action) -> None:
    if not _policy(action):
        raise PermissionDenied(
            tr(
                "Only the branch owner may do this ({action}). Ask the owner to unlock it.",
                action=action.value,
            )
        )
