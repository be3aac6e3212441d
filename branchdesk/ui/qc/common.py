"""Shared parts of the quality-control page and dialogs: the reviewer's name, the checked text
with its banned phrases marked."""

from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from branchdesk.settings import SettingsStore
from branchdesk.ui.complaints.common import BANNED_BG, who_am_i

__all__ = [
    "BANNED_BG",
    "DUE_BG",
    "GOOD_BG",
    "day_edit",
    "day_of",
    "marked_html",
    "reviewer_name",
]

GOOD_BG = "#d6f5d6"


def reviewer_name(settings: SettingsStore) -> str:
    return who_am_i(settings)


def marked_html(text: str, phrases: tuple[str, ...] | list[str]) -> str:
    """The text as HTML, each banned phrase on a red ground."""
    wanted = [p for p in phrases if p.strip()]
    if not wanted:
        return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"
    pattern = re.compile("|".join(re.escape(p) for p in sorted(wanted, key=len, reverse=True)))
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(
            f'<span style="background-color:{BANNED_BG}; font-weight:bold;">'
            f"{html.escape(match.group(0))}</span>"
        )
        last = match.end()
    out.append(html.escape(text[last:]))
    return "<p>" + "".join(out).replace("\n", "<br>") + "</p>"


DUE_BG = "#fff4ce"


def day_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value
