"""Every setting declared once, with its type and default; stored as JSON in the data dir."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any

from branchdesk import paths


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", str, "auto", "UI language: auto (follow the system), zh_CN or en"),
        Setting("branch_name", str, "", "Branch name shown in the title and on printouts"),
        Setting(
            "branch_region",
            str,
            "",
            "The branch's own city and district (e.g. 浙江省宁波市海曙区): the default for an "
            "address that names no region",
        ),
        Setting("first_run_done", bool, False, "The sample-branch offer has been answered"),
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
        ),
        Setting(
            "banned_phrases",
            list,
            ["不知道", "去投诉吧", "态度", "懂吗", "不归我管", "没办法"],
            "Phrases a reply to a customer must not contain (flagged before saving)",
        ),
        Setting("agent_name", str, "", "Name recorded as 'who' in complaint histories"),
        Setting(
            "waybill_keep_days",
            int,
            180,
            "Remove old waybills offers to remove those older than this many days",
        ),
        Setting("backup_keep_daily", int, 14, "Daily automatic backups kept (the newest ones)"),
        Setting(
            "backup_keep_weekly",
            int,
            8,
            "Older automatic backups kept, one per week, for this many weeks",
        ),
    )
}


class SettingsStore:
    """Reads and writes settings.json; unknown keys are kept, wrong types fall back to defaults."""

    def __init__(self, path: os.PathLike[str] | None = None) -> None:
        self.path = paths.settings_path() if path is None else path
        self._values: dict[str, Any] = {}
        try:
            with open(self.path, encoding="utf-8") as fh:
                loaded = json.load(fh)
            if isinstance(loaded, dict):
                self._values = loaded
        except (OSError, ValueError):
            self._values = {}

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        value = self._values.get(key, setting.default)
        if not isinstance(value, setting.type):
            return setting.default
        return value

    def set(self, key: str, value: Any) -> None:
        setting = SETTINGS[key]
        if not isinstance(value, setting.type):
            raise TypeError(f"setting {key} takes {setting.type.__name__}, not {value!r}")
        self._values[key] = value
        self._save()

    def update(self, values: dict[str, Any]) -> None:
        """Set several settings in one write: all of them or, on an error, none."""
        for key, value in values.items():
            setting = SETTINGS[key]
            if not isinstance(value, setting.type):
                raise TypeError(f"setting {key} takes {setting.type.__name__}, not {value!r}")
        before = dict(self._values)
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
