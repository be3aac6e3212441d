"""Shared parts of the complaint dialogs: colours, time formats, who is logging, the reply
script as HTML, Enter moving to the next field."""

from __future__ import annotations

import getpass
import html
import re
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeyEvent

from branchdesk.complaints.scripts import FilledScript, blank
from branchdesk.settings import SettingsStore, who_is_working

BLANK_BG = "#ffe066"  # a blank to fill in the script: yellow, like a highlighter
BANNED_BG = "#ffb3b3"
OVERDUE = "#b00020"
DUE_SOON = "#b35900"
TIME_FORMAT = "%Y-%m-%d %H:%M"


def who_am_i(settings: SettingsStore) -> str:
    """The name that goes into histories: the team member signed in at this PC, else the
    agent's name from the settings, else the OS user."""
    name = who_is_working(settings)
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account, a kiosk)
        return ""


def to_qdatetime(value: datetime) -> QDateTime:
    day = QDate(value.year, value.month, value.day)
    return QDateTime(day, QTime(value.hour, value.minute, value.second, value.microsecond // 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    result = value.toPython()
    assert isinstance(result, datetime)
    return result.replace(microsecond=0)


def to_minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def script_html(filled: FilledScript) -> str:
    """The filled script as HTML, every blank (【业务员】) on a yellow ground."""
    names = [*filled.missing, *filled.unknown]
    if not names:
        return "<p>" + html.escape(filled.text).replace("\n", "<br>") + "</p>"
    pattern = re.compile("|".join(re.escape(blank(n)) for n in names))
    out: list[str] = []
    last = 0
    for match in pattern.finditer(filled.text):
        out.append(html.escape(filled.text[last : match.start()]))
        out.append(
            f'<span style="background-color:{BLANK_BG}; font-weight:bold;">'
            f"{html.escape(match.group(0))}</span>"
        )
        last = match.end()
    out.append(html.escape(filled.text[last:]))
    return "<p>" + "".join(out).replace("\n", "<br>") + "</p>"


class EnterMovesOn:
    """Mixin for dialogs: Enter goes to the next field instead of pressing a button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.focusNextChild()  # type: ignore[attr-defined]
            return
        super().keyPressEvent(event)  # type: ignore[misc]


# --- the reply script ---------------------------------------------------------------------
