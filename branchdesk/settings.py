"""Every setting declared once, with its type, default and scope.

A person's own preferences (language, the agent's name, column mappings) live in
settings.json in the data dir. The branch's settings (scope "branch": how long waybills and
backups are kept, banned phrases, reminders, the branch's name, how long the PIN unlocks) live
in the database, changed only as audited owner actions (owner.policy); once the database is
open its values are installed here (`set_branch_values`) and every `SettingsStore.get` of a
branch setting returns them: what settings.json says about them is never used.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any

from branchdesk import paths

PERSON, BRANCH = "person", "branch"


# The courier companies offered for courier_company (the field takes any other name too).
COURIER_COMPANIES = (
    "中通",
    "圆通",
    "申通",
    "韵达",
    "极兔",
    "顺丰",
    "京东",
    "邮政 EMS",
    "德邦",
    "百世",
)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str
    scope: str = PERSON
    # Bounds of an int; the longest text, or the most items of a list (of texts).
    low: int | None = None
    high: int | None = None
    longest: int | None = None

    def valid(self, value: Any) -> bool:
        """A value of the right type within the bounds (a bool is not an int here)."""
        if not isinstance(value, self.type):
            return False
        if isinstance(value, bool):
            return self.type is bool
        if isinstance(value, int):
            return (self.low is None or value >= self.low) and (
                self.high is None or value <= self.high
            )
        if isinstance(value, str):
            return self.longest is None or len(value) <= self.longest
        if isinstance(value, list):
            if self.longest is not None and len(value) > self.longest:
                return False
            return all(isinstance(item, str) and len(item) <= 50 for item in value)
        return True


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", str, "auto", "UI language: auto (follow the system), zh_CN or en"),
        Setting(
            "branch_name",
            str,
            "",
            "Branch name shown in the title and on printouts",
            BRANCH,
            longest=60,
        ),
        Setting(
            "branch_region",
            str,
            "",
            "The branch's own city and district (e.g. 浙江省宁波市海曙区): the default for an "
            "address that names no region",
            BRANCH,
            longest=60,
        ),
        Setting(
            "courier_company",
            str,
            "",
            "The courier company the branch works for (中通, 圆通 …), shown in the title",
            BRANCH,
            longest=20,
        ),
        Setting("first_run_done", bool, False, "The sample-branch offer has been answered"),
        Setting(
            "keep_in_tray",
            bool,
            True,
            "Closing the window keeps BranchDesk running in the tray (reminders go on, the "
            "next start is instant); 退出 ends it",
        ),
        Setting("tray_hint_shown", bool, False, "The 'still running in the tray' note was shown"),
        Setting(
            "column_mappings",
            dict,
            {},
            "Manual column mappings remembered per import kind: {kind: {header: field}}",
        ),
        Setting("lookup_result_limit", int, 50, "Most waybills shown for one lookup"),
        Setting(
            "complaint_lead_hours",
            int,
            2,
            "Complaints show as due soon this many hours before their deadline",
            BRANCH,
            low=0,
            high=72,
        ),
        Setting(
            "banned_phrases",
            list,
            ["不知道", "去投诉吧", "态度", "懂吗", "不归我管", "没办法"],
            "Phrases a reply to a customer must not contain (flagged before saving)",
            BRANCH,
            longest=200,
        ),
        Setting("agent_name", str, "", "Name recorded as 'who' in complaint histories"),
        Setting(
            "current_agent",
            str,
            "",
            "The team member signed in at this PC (picked at start): recorded as 'who' before "
            "agent_name",
        ),
        Setting(
            "waybill_keep_days",
            int,
            180,
            "Remove old waybills offers to remove those older than this many days",
            BRANCH,
            low=1,
            high=36_500,
        ),
        Setting(
            "backup_keep_daily",
            int,
            14,
            "Daily automatic backups kept (the newest ones)",
            BRANCH,
            low=1,
            high=365,
        ),
        Setting(
            "backup_keep_weekly",
            int,
            8,
            "Older automatic backups kept, one per week, for this many weeks",
            BRANCH,
            low=0,
            high=520,
        ),
        Setting(
            "owner_unlock_minutes",
            int,
            5,
            "Minutes the owner PIN keeps owner actions unlocked after the last one",
            BRANCH,
            low=1,
            high=60,
        ),
        Setting(
            "qc_pass_mark",
            int,
            80,
            "Quality control: a day's average score under this mark is a bad day",
            BRANCH,
            low=0,
            high=100,
        ),
        Setting(
            "qc_sample_size",
            int,
            5,
            "Quality control: items checked a day for every agent who worked",
            BRANCH,
            low=1,
            high=100,
        ),
        Setting(
            "qc_sample_new_hire",
            int,
            10,
            "Quality control: items checked a day for an agent in their first 3 months",
            BRANCH,
            low=1,
            high=100,
        ),
        Setting(
            "qc_sample_unstable",
            int,
            10,
            "Quality control: items checked a day for an agent after two bad days in a row",
            BRANCH,
            low=1,
            high=100,
        ),
        Setting(
            "print_choices",
            dict,
            {},
            "The print dialog's last choices per document: {document: {categories, all, "
            "courier, questions, part}}, and {'': {document}} for the last document chosen",
        ),
    )
}
BRANCH_KEYS = tuple(key for key, s in SETTINGS.items() if s.scope == BRANCH)
# The row of the database's branch settings that says settings.json's were taken over.
ADOPTED_KEY = "_settings_json_taken_over"


def decode_branch_values(stored: dict[str, str]) -> dict[str, Any]:
    """Every branch setting from the database's rows (key → JSON text): the stored value, or
    the default (also for a value that is no longer valid)."""
    out = {}
    for key in BRANCH_KEYS:
        setting = SETTINGS[key]
        value: Any = setting.default
        if key in stored:
            try:
                value = json.loads(stored[key])
            except ValueError:
                value = None
        out[key] = value if setting.valid(value) else setting.default
    return out


# The branch's settings from the database, once it is open (None: defaults until then).
_branch_values: dict[str, Any] | None = None


def set_branch_values(values: dict[str, Any] | None) -> None:
    """Install the branch's settings read from the database (None: back to the defaults)."""
    global _branch_values
    _branch_values = None if values is None else dict(values)


def branch_value(key: str) -> Any:
    setting = SETTINGS[key]
    value = (_branch_values or {}).get(key, setting.default)
    return value if setting.valid(value) else setting.default


class SettingsStore:
    """Reads and writes settings.json; unknown keys are kept, wrong types fall back to defaults."""

    def __init__(self, path: os.PathLike[str] | None = None) -> None:
        self.path = paths.settings_path() if path is None else path
        self._values: dict[str, Any] = self._read() or {}

    def _read(self) -> dict[str, Any] | None:
        """settings.json as it is on disk now; None when it is missing or unreadable."""
        try:
            with open(self.path, encoding="utf-8") as fh:
                loaded = json.load(fh)
        except (OSError, ValueError):
            return None
        return loaded if isinstance(loaded, dict) else None

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        if setting.scope == BRANCH:
            return branch_value(key)
        value = self._values.get(key, setting.default)
        if not isinstance(value, setting.type):
            return setting.default
        return value

    def file_value(self, key: str) -> Any:
        """What settings.json says about `key` (None: nothing); for taking branch settings
        over into the database once."""
        return self._values.get(key)

    def forget(self, keys: list[str]) -> None:
        """Remove keys from settings.json (branch settings once taken over)."""
        on_disk = self._read()
        if on_disk is not None:
            self._values = on_disk
        if any(key in self._values for key in keys):
            for key in keys:
                self._values.pop(key, None)
            self._save()

    def set(self, key: str, value: Any) -> None:
        self.update({key: value})

    def update(self, values: dict[str, Any]) -> None:
        """Set several settings in one write: all of them or, on an error, none."""
        for key, value in values.items():
            setting = SETTINGS[key]
            if setting.scope == BRANCH:
                raise ValueError(f"{key} is a branch setting: owner.policy.change() sets it")
            if not isinstance(value, setting.type):
                raise TypeError(f"setting {key} takes {setting.type.__name__}, not {value!r}")
        before = dict(self._values)
        # Another store (a dialog's, the command line's) may have saved since this one read
        # the file: start from what is on disk so this write does not undo theirs.
        on_disk = self._read()
        if on_disk is not None:
            self._values = on_disk
        self._values.update(values)
        try:
            self._save()
        except OSError:
            self._values = before
            raise

    def _save(self) -> None:
        # Write to a temp file and rename so a crash never leaves half a settings file.
        directory = os.path.dirname(os.fspath(self.path)) or "."
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._values, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)


def who_is_working(settings: SettingsStore) -> str:
    """The name recorded as "who": the team member picked at this PC, else the agent name."""
    return str(settings.get("current_agent") or settings.get("agent_name") or "").strip()
