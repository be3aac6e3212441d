"""Shared by the commands: exit codes, opening the database, output a terminal cannot be
harmed by."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from branchdesk.db.engine import Database


EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class VisibleControls:
    """A text stream that shows control characters as \\x1b instead of sending them.

    Data (an address, a sheet or file name from a hostile file) can hold ESC sequences that
    would recolour, retitle or clear the user's terminal; what BranchDesk prints itself
    only uses newlines and tabs, which pass. JSON output escapes these on its own.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if not text.isprintable():
            text = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
        return int(self._stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


# C0 but tab and newline, DEL, C1, and the bidirectional overrides that reorder a line.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns: a Chinese character takes two, so columns
    of 处罚手册 and 运单 line up in a console."""
    from branchdesk.i18n import columns

    return text + " " * max(0, width - columns(text))


def wrote_pages(pages: int, path: object) -> str:
    """ "Wrote N page(s) to PATH", and on a line of its own the characters the printing font
    could not set (each printed as □), with what to do."""
    from branchdesk.i18n import tr
    from branchdesk.io.pdf.pages import missing_note

    done = tr("Wrote {pages} page(s) to {path}", pages=pages, path=path)
    note = missing_note(pages)
    return f"{done}\n{note}" if note else done


def to_json(value: object, **options: Any) -> str:
    """JSON for the terminal: characters the terminal would act on as \\u escapes (json
    escapes C0 itself; C1 and bidirectional overrides it leaves raw with ensure_ascii off)."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def open_db() -> Database:
    """The database, migrated, with the branch's settings installed (read them after this:
    before, SettingsStore gives their defaults)."""
    from branchdesk.db.engine import open_database
    from branchdesk.owner import policy
    from branchdesk.settings import SettingsStore

    db = open_database()
    policy.start(db, SettingsStore())
    return db
