"""The 知识库 page: the FAQ (list, answer, editor, history, "still correct?"), the FAQ's gaps
(searches that found nothing, most frequent first, each answered in one step) and the
suggestion box (纠错与建议) with the owner's decisions and each author's credit."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.knowledge import faq, suggestions
from branchdesk.knowledge.sources import kind_label
from branchdesk.knowledge.text import is_rich_text
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.knowledge.faq_editor import FaqEditor
from branchdesk.ui.knowledge.faq_history import FaqHistory
from branchdesk.ui.knowledge.suggestion_dialog import ask_suggestion

TAB_FAQ, TAB_GAPS, TAB_SUGGESTIONS = range(3)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


DUE_BG = QColor("#fff4ce")  # due for review, or a reader doubts it


class FaqModel(RowsModel[faq.FaqInfo]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("FAQ question", lambda e: e.question),
                Column("Category", lambda e: e.category),
                Column("Owner", lambda e: e.owner),
                Column("Review by", lambda e: _day(e.review_by)),
                Column("Doubts", lambda e: e.open_flags or "", align_right=True),
            ],
            parent,
        )

    def extra_data(self, row: faq.FaqInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and (
            row.open_flags or row.needs_review(date.today())
        ):
            return QBrush(DUE_BG)
        return None


class KnowledgePage(QWidget):
    status = Signal(str)  # a message for the status bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.tabs.addTab(self._faq_tab(), self.tr("FAQ"))
        self.tabs.addTab(self._gaps_tab(), self.tr("FAQ gaps (缺口)"))
        self.tabs.addTab(self._suggestions_tab(), self.tr("Suggestions (纠错与建议)"))
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.reload()

    # --- building ------------------------------------------------------------------------
    def _faq_tab(self) -> QWidget:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter the FAQ…"))
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.reload_faq)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.faq_model = FaqModel(self)
        self.faq_view = read_only_table(self.faq_model, single=True, stretch=0)
        self.faq_view.selectionModel().currentChanged.connect(lambda *_a: self._show_faq())
        self.faq_view.doubleClicked.connect(lambda _i: self.edit_faq())
        self.answer = QTextBrowser()
        self.answer.setOpenExternalLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.faq_view)
        split.addWidget(self.answer)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(lambda: self.edit_faq(new=True))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit_faq())
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.clicked.connect(self.show_history)
        self.doubt_button = QPushButton(self.tr("Still correct?"))
        self.doubt_button.setToolTip(self.tr("Tell the owner you doubt this answer is still right"))
        self.doubt_button.clicked.connect(self.doubt)
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"))
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.suggest_button = QPushButton(self.tr("Suggest…"))
        self.suggest_button.clicked.connect(self.suggest_faq)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_faq)
        self.copy_button = QPushButton(self.tr("Copy answer"))
        self.copy_button.setToolTip(
            self.tr("The answer as text, placeholders left as blanks to fill (【运单号】)")
        )
        self.copy_button.clicked.connect(self.copy_answer)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.new_button)
        buttons = QHBoxLayout()
        for b in (
            self.copy_button,
            self.edit_button,
            self.history_button,
            self.doubt_button,
            self.reviewed_button,
            self.suggest_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        return tab

    def _gaps_tab(self) -> QWidget:
        self.gaps_model: RowsModel[faq.Gap] = RowsModel(
            [
                Column("Searched for", lambda g: g.query),
                Column("Times", lambda g: g.count, align_right=True),
                Column("Agents", lambda g: g.agents, align_right=True),
                Column("Last", lambda g: f"{g.last_at:%Y-%m-%d %H:%M}"),
            ],
            self,
        )
        self.gaps_view = read_only_table(self.gaps_model, single=True, stretch=0)
        self.gaps_view.doubleClicked.connect(lambda _i: self.answer_gap())
        self.answer_button = QPushButton(self.tr("Write the answer…"))
        self.answer_button.clicked.connect(self.answer_gap)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not a real question (a typo, a test): forget it"))
        self.dismiss_button.clicked.connect(self.dismiss_gap)
        note = QLabel(
            self.tr(
                "Searches that found nothing useful, most frequent first. Write the answer once "
                "and the next agent finds it."
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.gaps_view, 1)
        layout.addLayout(buttons)
        return tab

    def _suggestions_tab(self) -> QWidget:
        self.sugg_model: RowsModel[suggestions.SuggestionInfo] = RowsModel(
            [
                Column("Sent", lambda s: f"{s.created_at:%Y-%m-%d}"),
                Column("By", lambda s: s.author),
                Column("Kind", lambda s: suggestions.kind_text(s.kind)),
                Column(
                    "About",
                    lambda s: f"{kind_label(s.item_kind)}：{s.item_title}" if s.item_kind else "",
                ),
                Column("Suggestion", lambda s: " ".join(s.text.split())),
                Column("Status", lambda s: suggestions.status_text(s.status)),
                Column("Reason", lambda s: s.reason),
            ],
            self,
        )
        self.sugg_view = read_only_table(self.sugg_model, single=True, stretch=4)
        self.sugg_view.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.decline_button = QPushButton(self.tr("Decline…"))
        self.decline_button.clicked.connect(lambda: self.decide(False))
        self.new_suggestion = QPushButton(self.tr("New suggestion…"))
        self.new_suggestion.clicked.connect(lambda: self.suggest())
        self.credit_label = QLabel()
        self.credit_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_suggestion)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.decline_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.sugg_view, 1)
        layout.addWidget(self.credit_label)
        layout.addLayout(buttons)
        return tab

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.reload_faq()
        with self.db.read_session() as session:
            self.gaps_model.set_rows(faq.gaps(session))
            self.sugg_model.set_rows(suggestions.suggestions(session))
            month = date.today().replace(day=1)
            credits = suggestions.credits(session, month)
        self.credit_label.setText(
            self.tr("Accepted this month: {list}").format(
                list="、".join(f"{c.author} {c.accepted}" for c in credits if c.accepted)
                or self.tr("none yet")
            )
        )
        self.tabs.setTabText(
            TAB_GAPS, self.tr("FAQ gaps (缺口) {n}").format(n=len(self.gaps_model.rows))
        )
        self._update_buttons()

    def reload_faq(self, select: int | None = None) -> None:
        keep = select if select is not None else self._faq_id()
        with self.db.read_session() as session:
            self.faq_model.set_rows(faq.list_entries(session, self.filter.text()))
        if keep is not None:
            self.show_faq(keep, switch=False)
        self._show_faq()

    def _faq_id(self) -> int | None:
        entry = self.current_faq()
        return entry.id if entry else None

    def current_faq(self) -> faq.FaqInfo | None:
        index = self.faq_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.faq_model.rows):
            return None
        return self.faq_model.rows[index.row()]

    def _current(self, view: Any, model: RowsModel[Any]) -> Any:
        index = view.currentIndex()
        if not index.isValid() or index.row() >= len(model.rows):
            return None
        return model.rows[index.row()]

    def _show_faq(self) -> None:
        entry = self.current_faq()
        if entry is None:
            self.answer.setPlainText(
                self.tr("No FAQ entries yet: “New…” adds one, or answer a gap.")
                if not self.faq_model.rows
                else ""
            )
        else:
            head = f"<h3>{html.escape(entry.question)}</h3>"
            body = (
                entry.answer
                if is_rich_text(entry.answer)
                else html.escape(entry.answer).replace("\n", "<br>")
            )
            self.answer.setHtml(head + body)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current_faq() is not None
        for b in (
            self.copy_button,
            self.edit_button,
            self.history_button,
            self.doubt_button,
            self.reviewed_button,
            self.suggest_button,
            self.delete_button,
        ):
            b.setEnabled(has)
        self.answer_button.setEnabled(bool(self.gaps_model.rows))
        self.dismiss_button.setEnabled(bool(self.gaps_model.rows))
        chosen = self._current(self.sugg_view, self.sugg_model)
        open_one = chosen is not None and chosen.status == suggestions.OPEN
        self.accept_button.setEnabled(open_one)
        self.decline_button.setEnabled(open_one)

    # --- public: opening at an entry -------------------------------------------------
    def show_faq(self, faq_id: int, switch: bool = True) -> bool:
        """Select FAQ entry `faq_id` (clearing the filter if it hides it)."""
        if switch:
            self.tabs.setCurrentIndex(TAB_FAQ)
        for attempt in range(2):
            for row, entry in enumerate(self.faq_model.rows):
                if entry.id == faq_id:
                    self.faq_view.selectRow(row)
                    self.faq_view.scrollTo(self.faq_model.index(row, 0))
                    return True
            if attempt == 0 and self.filter.text():
                self.filter.blockSignals(True)
                self.filter.clear()
                self.filter.blockSignals(False)
                with self.db.read_session() as session:
                    self.faq_model.set_rows(faq.list_entries(session))
        return False

    # --- FAQ actions ---------------------------------------------------------------------
    def edit_faq(self, new: bool = False) -> None:
        entry = None if new else self.current_faq()
        if not new and entry is None:
            return
        editor = FaqEditor(self.db, entry.id if entry else None, parent=self)
        if editor.exec() and editor.saved is not None:
            self.reload_faq(select=editor.saved.id)
            self.status.emit(self.tr("FAQ entry saved: {q}").format(q=editor.saved.question))

    def show_history(self) -> None:
        entry = self.current_faq()
        if entry is None:
            return
        dialog = FaqHistory(self.db, entry.id, self)
        if dialog.exec() and dialog.restored is not None:
            self.reload_faq(select=entry.id)
            self.status.emit(
                self.tr("Restored; it is now version {v}.").format(v=dialog.restored.version)
            )

    def doubt(self) -> None:
        entry = self.current_faq()
        if entry is None:
            return
        comment, ok = QInputDialog.getText(
            self,
            self.tr("Still correct?"),
            self.tr("What makes you doubt “{q}”?").format(q=entry.question),
        )
        if not ok:
            return
        with self.db.session() as session:
            faq.flag_entry(session, entry.id, comment)
        self.reload_faq(select=entry.id)
        self.status.emit(self.tr("Noted: the owner will check this answer."))

    def mark_reviewed(self) -> None:
        entry = self.current_faq()
        if entry is None:
            return
        next_year = date.today().replace(year=date.today().year + 1, day=1)

        def work(session: Any) -> faq.FaqInfo:
            return faq.mark_reviewed(session, entry.id, next_year)

        if run_in_transaction(self, self.db, work, self.tr("Not marked")) is not None:
            self.reload_faq(select=entry.id)

    def delete_faq(self) -> None:
        entry = self.current_faq()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete FAQ entry"),
            self.tr("Delete “{q}” and its history?").format(q=entry.question),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(session: Any) -> bool:
            faq.delete_entry(session, entry.id)
            return True

        if run_in_transaction(self, self.db, work, self.tr("Not deleted")):
            self.reload_faq()

    def copy_answer(self) -> str:
        entry = self.current_faq()
        if entry is None:
            return ""
        text = faq.fill_answer(entry.answer, {})
        QGuiApplication.clipboard().setText(text)
        self.status.emit(self.tr("Answer copied: fill in the blanks before sending."))
        return text

    def suggest_faq(self) -> None:
        entry = self.current_faq()
        if entry is not None:
            self.suggest("faq", entry.id, entry.question)

    # --- gaps ----------------------------------------------------------------------------
    def answer_gap(self) -> None:
        gap = self._current(self.gaps_view, self.gaps_model)
        if gap is None and self.gaps_model.rows:
            gap = self.gaps_model.rows[0]
        if gap is None:
            return
        editor = FaqEditor(self.db, question=gap.query, gap_key=gap.key, parent=self)
        if editor.exec() and editor.saved is not None:
            self.reload()
            self.status.emit(
                self.tr("The gap “{q}” is answered by a new FAQ entry.").format(q=gap.query)
            )

    def dismiss_gap(self) -> None:
        gap = self._current(self.gaps_view, self.gaps_model)
        if gap is None:
            return

        def work(session: Any) -> bool:
            faq.dismiss_gap(session, gap.key)
            return True

        if run_in_transaction(self, self.db, work, self.tr("Not dismissed")):
            self.reload()

    # --- suggestions ---------------------------------------------------------------------
    def suggest(self, item_kind: str = "", item_id: int | None = None, title: str = "") -> bool:
        thanks = ask_suggestion(self.db, self, item_kind, item_id, title)
        if thanks is None:
            return False
        self.reload()
        self.status.emit(thanks)
        return True

    def decide(self, accept: bool) -> None:
        chosen = self._current(self.sugg_view, self.sugg_model)
        if chosen is None:
            return
        reason = ""
        if not accept:
            reason, ok = QInputDialog.getText(
                self, self.tr("Decline"), self.tr("Why is it declined? (its author reads this)")
            )
            if not ok:
                return

        def work(session: Any) -> suggestions.SuggestionInfo:
            return suggestions.decide(session, chosen.id, accept, reason)

        if run_in_transaction(self, self.db, work, self.tr("Not decided")) is not None:
            self.reload()
