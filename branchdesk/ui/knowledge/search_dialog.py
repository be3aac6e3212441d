"""知识搜索 (Ctrl+K): one box over everything the branch knows; Enter opens the hit where it
lives (the handbook at the item, the guide at the step, the FAQ entry, the lookup page …).

A search that finds nothing useful is logged as an FAQ gap when the agent gives up on it
(presses Enter on it, or closes the dialog with it typed), not at every keystroke.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import DatabaseBusyError
from branchdesk.knowledge import faq
from branchdesk.knowledge.search import Hit, did_you_mean, is_fresh, refresh, search, useful
from branchdesk.knowledge.sources import kind_label
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.kit.tasks import TaskRunner

SEARCH_LIMIT = 40


class HitsModel(RowsModel[Hit]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("Kind", lambda h: kind_label(h.kind)),
                Column("Title", lambda h: h.title),
                Column("Where", lambda h: h.context),
                Column("Text", lambda h: h.snippet),
            ],
            parent,
        )

    def extra_data(self, row: Hit, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.snippet}"
        return None


class SearchDialog(QDialog):
    """Type → results as you type; Enter or a double-click opens the hit (`open_hit`)."""

    DEBOUNCE_MS = 120
    open_hit = Signal(object)  # Hit
    suggest = Signal(object)  # Hit: 纠错与建议 on this item

    def __init__(self, db: Database, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Search everything (知识搜索)"))
        fit_to_screen(self, 860, 560)
        self.box = QLineEdit()
        self.box.setObjectName("knowledgeSearch")
        self.box.setPlaceholderText(
            self.tr("Penalty items, reply scripts, guide steps, FAQ, area rows… (pinyin: cjhy)")
        )
        self.box.setClearButtonEnabled(True)
        font = self.box.font()
        font.setPointSize(font.pointSize() + 3)
        self.box.setFont(font)
        self.model = HitsModel(self)
        self.view = read_only_table(self.model, single=True, stretch=3)
        self.view.doubleClicked.connect(self._open_index)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.linkActivated.connect(self._take_suggestion)
        self.suggest_button = QPushButton(self.tr("Report a mistake or suggest…"))
        self.suggest_button.clicked.connect(self._suggest)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setDefault(False)
        self.open_button.clicked.connect(lambda: self._open_index(self.view.currentIndex()))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.suggest_button, self.open_button, close):
            button.setAutoDefault(False)  # Enter opens the hit, never a button
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        # In the box only: a dialog-wide Down kept the list on its first result.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.box, self._to_results)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.searched = ""  # the query the results are for
        self.logged: set[str] = set()
        # After an import or on a first search the index is rebuilt (seconds on a large
        # branch): off the UI thread, so the box takes typing meanwhile.
        self.preparing = TaskRunner(self)
        self.preparing.idle.connect(self._index_ready)
        # Why the index could not be brought up to date (then searched as it stands).
        self.not_built = ""
        self.db_busy = False  # another program holds the write lock: no gap is noted
        with db.read_session() as session:
            stale = not is_fresh(session)
        if stale:
            self._prepare()
        self.box.setText(text)
        self.run_search()
        self._update_buttons()

    def _prepare(self) -> None:
        self.preparing.start(self._rebuild, lambda _r: None, self._not_built)

    def _rebuild(self, _progress: object) -> list[str]:
        with self.db.session() as session:
            return refresh(session)

    def _index_ready(self) -> None:
        if self.not_built or self.searched != self.box.text().strip() or not self.model.rows:
            self.run_search()

    def _not_built(self, exc: BaseException) -> None:
        # Searched as it stands from now on; the next dialog tries again.
        if isinstance(exc, DatabaseBusyError):
            self._busy()
        else:
            self.not_built = self.tr(
                "The search index could not be brought up to date: {error}"
            ).format(error=exc)

    def _busy(self) -> None:
        self.db_busy = True
        self.not_built = self.tr(
            "The database is busy: another BranchDesk window or command is writing to it. "
            "These results come from the search index as it stands (changes made since may "
            "be missing) and nothing is noted as an FAQ gap. Nothing is lost."
        )

    # --- searching -------------------------------------------------------------------------
    def run_search(self) -> None:
        self._timer.stop()
        query = self.box.text().strip()
        if self.preparing.busy:  # searched again when the index is ready
            self.note.setText(self.tr("Bringing the search index up to date…"))
            return
        self.searched = query
        if not query:
            self.model.set_rows([])
            self.note.setText(
                self.tr("Type a question, a cause, an estate or pinyin initials; Enter opens.")
            )
            self._update_buttons()
            return
        # Read only (never waiting for another program's write lock): a stale index is
        # brought up to date off the UI thread and the search run again then.
        with self.db.read_session() as session:
            stale = not self.not_built and not is_fresh(session)
            if not stale:
                hits = search(session, query, limit=SEARCH_LIMIT, refresh_first=False)
                near = [] if useful(hits) else did_you_mean(session, query)
        if stale:
            self._prepare()
            self.note.setText(self.tr("Bringing the search index up to date…"))
            return
        self.model.set_rows(hits)
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 1))
        if useful(hits):
            text = self.tr("{n} found").format(n=len(hits))
        else:
            links = "、".join(f'<a href="{n}">{n}</a>' for n in near)
            text = (
                self.tr("Nothing useful found for “{q}”.").format(q=query)
                if self.db_busy
                else self.tr(
                    "Nothing useful found for “{q}”. It is noted as an FAQ gap, so the owner "
                    "can write the answer."
                ).format(q=query)
            )
            if links:
                text += " " + self.tr("Did you mean: {names}").format(names=links)
        if self.not_built:
            text = html.escape(self.not_built) + " " + text
        self.note.setText(text)
        self._update_buttons()

    def _take_suggestion(self, name: str) -> None:
        self.box.setText(name)
        self.run_search()

    def log_if_unanswered(self) -> bool:
        """Log the query on screen as a gap when it found nothing useful (once per query)."""
        query = self.searched
        if not query or query in self.logged or useful(self.model.rows) or self.db_busy:
            return False
        self.logged.add(query)
        try:
            with self.db.session() as session:
                return faq.log_miss(session, query)
        except DatabaseBusyError:
            self._busy()
            return False

    def current_hit(self) -> Hit | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def _update_buttons(self) -> None:
        has = self.current_hit() is not None
        self.open_button.setEnabled(has)

    # --- opening -----------------------------------------------------------------------
    def _enter(self) -> None:
        if self._timer.isActive() or self.box.text().strip() != self.searched:
            self.run_search()
        hit = self.current_hit()
        if hit is None:
            self.log_if_unanswered()
            return
        self._open(hit)

    def _open_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid() and index.row() < len(self.model.rows):
            self._open(self.model.rows[index.row()])

    def _open(self, hit: Hit) -> None:
        self.accept()
        self.open_hit.emit(hit)

    def _suggest(self) -> None:
        self.suggest.emit(self.current_hit())

    def _to_results(self) -> None:
        self.view.setFocus()
        if self.model.rows and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter opens the hit in the list; in the box it was handled already (returnPressed).
        # It never presses a button (no button here is a default one).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is not self.box:
                self._open_index(self.view.currentIndex())
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.preparing.stop()
        if result != QDialog.DialogCode.Accepted:
            self.log_if_unanswered()
        super().done(result)
