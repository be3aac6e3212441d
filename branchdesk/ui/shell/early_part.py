"""The start-up look's navigation: what the agent asks for before the data is open (and
`when_ready`, what waits for the data: a guide pack opened from Explorer during the start).

In the look (startup.py; pages_part._place_glance) 今天 and 查件 are there at once, and 查件
takes a search. Anything else the agent asks for (a page, a job of 今天, a due complaint)
needs the data and is done once it is open: the last thing asked for, unless the agent has
gone on to 今天 or 查件, or typed in 查件, since (then it is dropped: a window that jumps away
from the search being typed, or opens a dialog over it, takes the agent's keys).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject

from branchdesk.ui.shell.window_base import LOOKUP, TODAY, WindowParts

# Shown in the start-up look, before the data is open (the navigation takes them at once).
EARLY_PAGES = (TODAY, LOOKUP)


class EarlyPart(WindowParts):
    def _open_early(self) -> None:
        """The look is up with 今天 and 查件 placed: the navigation takes them."""
        self.nav.currentRowChanged.connect(self._show_early)
        self.nav.clicked.connect(self._nav_clicked_early)
        self.lookup_page.search_box.textEdited.connect(self._drop_early)
        self.nav.setEnabled(True)
        self._early_on = True

    def _close_early(self) -> None:
        """The data is open (or failed to open): the look's navigation lets go."""
        if not self._early_on:
            return
        self._early_on = False
        self.nav.currentRowChanged.disconnect(self._show_early)
        self.nav.clicked.disconnect(self._nav_clicked_early)
        self.lookup_page.search_box.textEdited.disconnect(self._drop_early)

    def when_ready(self, then: Callable[[], None]) -> bool:
        """True, with `then` run once the branch's data is open, while it is not yet (the
        start-up look on screen, a pack opened from Explorer during the start); else False."""
        if self.db is not None and self.built(TODAY) is not None:
            return False

        def later() -> None:
            self.data_ready.disconnect(later)
            then()

        self.data_ready.connect(later)
        return True

    def ask_early(self, then: Callable[[], None], what: str) -> bool:
        """True, with `then` done once the data is open, while it is not yet (the last thing
        asked for; see the module's docstring); False when the data is open."""
        if self.db is not None:
            return False
        if self._early_intent is None:
            self.when_ready(self._do_early)
        self._early_intent = then
        self.statusBar().showMessage(
            self.tr("Opening the branch's data… “{page}” is shown as soon as it is open.").format(
                page=what
            )
        )
        return True

    def _do_early(self) -> None:
        then, self._early_intent = self._early_intent, None
        if then is not None:
            then()

    def _drop_early(self, *_args: object) -> None:
        if self._early_intent is not None:
            self._early_intent = None
            self.statusBar().showMessage(self.tr("Opening the branch's data…"))

    def _show_early(self, row: int) -> None:
        """A page chosen in the look: 今天 and 查件 at once; any other once the data is open."""
        if row in EARLY_PAGES:
            self._drop_early()
            self.pages.setCurrentIndex(row)
            return
        self.nav.blockSignals(True)  # the page in front stays chosen until the other comes
        self.nav.setCurrentRow(self.pages.currentIndex())
        self.nav.blockSignals(False)
        self.ask_early(lambda: self.nav.setCurrentRow(row), self.nav.item(row).text())

    def _nav_clicked_early(self, index: QModelIndex) -> None:
        if index.row() in EARLY_PAGES:  # 查件 clicked again after a page was asked for
            self._drop_early()

    def open_pack_at_start(self, path: Path) -> None:
        """A pack opened from Explorer as BranchDesk started, the data now open: not over a
        search being typed in 查件 (begun in the start-up look), but once the agent leaves."""
        if self.pages.currentIndex() == LOOKUP and self.lookup_page.search_box.text():
            self.statusBar().showMessage(
                self.tr("The guide pack {name} is opened when you leave 查件.").format(
                    name=path.name
                )
            )
            self.when_leaving_lookup(lambda: self.open_guide_pack(path))
        else:
            self.open_guide_pack(path)

    def when_leaving_lookup(self, then: Callable[[], None]) -> None:
        """`then` once the page in front is no longer 查件 (what comes by itself at start, a
        dialog, waits while an agent may be typing a search there); once."""
        _WhenLeavingLookup(self, then)


class _WhenLeavingLookup(QObject):
    def __init__(self, window: WindowParts, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        window.nav.currentRowChanged.connect(self.changed)

    def changed(self, row: int) -> None:
        if row == LOOKUP:
            return
        self.window.nav.currentRowChanged.disconnect(self.changed)
        self.deleteLater()
        self.then()
