"""The branch's settings in the database: read them, change them as an audited owner action,
and take over (once) what settings.json held before they moved here.

Which settings belong to the branch is declared in settings.SETTINGS (scope "branch"). Once
`open_branch` has run, `SettingsStore.get` answers them from here; settings.json can no longer
change them, nor delete backups or skip the PIN by holding a value out of bounds.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk import settings as settings_module
from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import joined, tr
from branchdesk.owner.audit import record
from branchdesk.owner.models import BranchSetting
from branchdesk.permissions import Action, actor, require_owner
from branchdesk.settings import BRANCH_KEYS, SETTINGS, SettingsStore

if TYPE_CHECKING:
    from branchdesk.db.engine import Database

# A row that says settings.json was taken over (it is never taken over again).
ADOPTED = settings_module.ADOPTED_KEY

# What the audit log and messages call each branch setting (English sources).
SETTING_LABELS = {
    "branch_name": "Branch name",
    "branch_region": "The branch's city and district",
    "courier_company": "Courier company",
    "complaint_lead_hours": "Complaints show as due",
    "banned_phrases": "Banned phrases in replies",
    "waybill_keep_days": "Offer to remove waybills older than",
    "backup_keep_daily": "Daily backups kept",
    "backup_keep_weekly": "Weekly backups kept",
    "owner_unlock_minutes": "Minutes the owner PIN unlocks",
    "qc_pass_mark": "QC pass mark",
    "qc_sample_size": "QC items a day per agent",
    "qc_sample_new_hire": "QC items a day for a new hire",
    "qc_sample_unstable": "QC items a day after two bad days",
}


class SettingError(BranchDeskError):
    """A branch setting given a value it cannot take; nothing was changed."""


def values(session: Session) -> dict[str, Any]:
    """Every branch setting: the database's value, or the default (also for a value that is
    no longer valid)."""
    rows = session.scalars(select(BranchSetting).where(BranchSetting.key.in_(BRANCH_KEYS)))
    return settings_module.decode_branch_values({row.key: row.value for row in rows})


def load(session: Session) -> dict[str, Any]:
    """Read the branch's settings and install them for SettingsStore.get."""
    found = values(session)
    settings_module.set_branch_values(found)
    return found


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "—"
    return str(value) if value != "" else "—"


def _write(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(BranchSetting, key)
    if row is None:
        session.add(BranchSetting(key=key, value=text, updated_at=utcnow()))
    else:
        row.value = text
        row.updated_at = utcnow()


def change(session: Session, new: dict[str, Any]) -> list[str]:
    """Change branch settings: an owner action, audited with each old and new value, in the
    session's transaction. Returns the labels of what changed ([] when nothing did)."""
    current = values(session)
    for key, value in new.items():
        setting = SETTINGS.get(key)
        if setting is None or setting.scope != settings_module.BRANCH:
            raise SettingError(tr("{key} is not a setting of the branch.", key=key))
        if not setting.valid(value):
            raise SettingError(
                tr(
                    "{setting} cannot be {value}; nothing was changed.",
                    setting=tr(SETTING_LABELS[key]),
                    value=_shown(value),
                )
            )
    changed = {k: v for k, v in new.items() if v != current[k]}
    if not changed:
        return []
    detail = joined(
        tr(
            "{setting}: {old} → {new}",
            setting=tr(SETTING_LABELS[k]),
            old=_shown(current[k]),
            new=_shown(v),
        )
        for k, v in changed.items()
    )
    require_owner(Action.CHANGE_SETTINGS, session, tr("Changed: {what}", what=detail))
    for key, value in changed.items():
        _write(session, key, value)
    session.flush()
    load(session)
    return [tr(SETTING_LABELS[k]) for k in changed]


def adopt(session: Session, store: SettingsStore) -> list[str]:
    """Once per database: take over the branch settings settings.json still holds (valid
    ones; audited as taken over) and remove them from the file. Returns the labels taken."""
    if session.get(BranchSetting, ADOPTED) is not None:
        return []
    taken = []
    for key in BRANCH_KEYS:
        value = store.file_value(key)
        if value is None or not SETTINGS[key].valid(value) or value == SETTINGS[key].default:
            continue
        _write(session, key, value)
        taken.append(tr("{setting}: {value}", setting=tr(SETTING_LABELS[key]), value=_shown(value)))
    _write(session, ADOPTED, True)
    if taken:
        record(
            session,
            Action.CHANGE_SETTINGS.value,
            tr("Taken over from settings.json: {what}", what=joined(taken)),
            who=actor(),
        )
    session.flush()
    return taken


def adopted(session: Session) -> bool:
    return session.get(BranchSetting, ADOPTED) is not None


def start(db: Database, store: SettingsStore) -> dict[str, Any]:
    """At the start of a window or a command: install the database's branch settings. The
    first time, settings.json's are taken over (a short writing session); later starts only
    read, so they never wait for a writer."""
    with db.read_session() as session:
        found = load(session) if adopted(session) else None
    if found is None:
        with db.session() as session:
            adopt(session, store)
            found = load(session)
    with contextlib.suppress(OSError):  # a read-only settings file: ignored anyway
        store.forget(list(BRANCH_KEYS))
    return found
