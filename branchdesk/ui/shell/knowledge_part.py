"""The knowledge base in the main window: 知识搜索 (Ctrl+K and the box in the tool bar), the
知识库 page (FAQ, gaps, suggestions), and opening a hit where it lives: the handbook at the
item, the guide at the step, the FAQ entry, the lookup page on the area row's keyword."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolBar, QWidget

from branchdesk.ui.shell.window_base import (
    COMPLAINTS,
    GUIDES,
    HANDBOOK,
    KNOWLEDGE,
    LOOKUP,
    WindowParts,
)

if TYPE_CHECKING:
    from branchdesk.knowledge.search import Hit
    from branchdesk.ui.knowledge.knowledge_page import KnowledgePage
    from branchdesk.ui.knowledge.search_dialog import SearchDialog


class KnowledgePart(WindowParts):
    knowledge_box: QLineEdit
    search_action: QAction
    search_dialog: SearchDialog | None

    def _build_knowledge(self) -> None:
        """The Ctrl+K action and the search box of the tool bar (enabled once data is open)."""
        self.search_action = QAction(self.tr("&Search everything…"), self)
        self.search_action.setShortcuts([QKeySequence("Ctrl+K")])
        self.search_action.triggered.connect(lambda: self.open_search())
        self.search_action.setEnabled(False)
        self.addAction(self.search_action)
        self.knowledge_box = QLineEdit()
        self.knowledge_box.setObjectName("knowledgeBox")
        self.knowledge_box.setPlaceholderText(self.tr("Search everything (Ctrl+K)…"))
        self.knowledge_box.setClearButtonEnabled(True)
        self.knowledge_box.setMaximumWidth(320)
        self.knowledge_box.returnPressed.connect(
            lambda: self.open_search(self.knowledge_box.text())
        )
        self.knowledge_box.setEnabled(False)
        bar = QToolBar(self.tr("Search"))
        bar.setObjectName("knowledgeBar")
        bar.setMovable(False)
        bar.addWidget(self.knowledge_box)
        self.addToolBar(bar)  # at the top
        self.search_dialog = None

    def _attach_knowledge(self) -> None:
        self.search_action.setEnabled(True)
        self.knowledge_box.setEnabled(True)

    def _build_knowledge_page(self) -> KnowledgePage:
        from branchdesk.ui.knowledge.knowledge_page import KnowledgePage

        assert self.db is not None
        page = KnowledgePage(self.db)
        page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return page

    @property
    def knowledge_page(self) -> KnowledgePage:
        return cast("KnowledgePage", self.page(KNOWLEDGE))

    def _add_suggest_action(self, view: QWidget) -> None:
        """纠错与建议 on a penalty item: right-click in the handbook's table."""
        from PySide6.QtCore import Qt

        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        suggest = QAction(self.tr("Report a mistake or suggest…"), view)
        suggest.triggered.connect(self.suggest_on_handbook_item)
        view.addAction(suggest)

    def open_search(self, text: str = "") -> SearchDialog | None:
        """知识搜索: the dialog, with `text` typed in (Ctrl+K, or the tool bar's box)."""
        from branchdesk.ui.knowledge.search_dialog import SearchDialog

        if self.db is None:
            return None
        if not isinstance(text, str):
            text = ""
        dialog = SearchDialog(self.db, text, self)
        dialog.open_hit.connect(self.open_hit)
        dialog.suggest.connect(self.suggest_on)
        self.search_dialog = dialog
        self.knowledge_box.clear()
        dialog.open()
        dialog.box.setFocus()
        return dialog

    def open_hit(self, hit: Hit) -> None:
        """Show a search hit where it lives."""
        if hit.kind == "handbook":
            self.nav.setCurrentRow(HANDBOOK)
            self.handbook_page.show_item(hit.id)
        elif hit.kind == "guide":
            self.nav.setCurrentRow(GUIDES)
            self.guides_page.view_guide(hit.id, step=max(1, hit.position))
        elif hit.kind == "faq":
            self.nav.setCurrentRow(KNOWLEDGE)
            self.knowledge_page.show_faq(hit.id)
        elif hit.kind == "area":
            self.nav.setCurrentRow(LOOKUP)
            self.lookup_page.show_query(hit.title)
        elif hit.kind == "script":  # where the scripts live: its category, the script chosen
            self.nav.setCurrentRow(COMPLAINTS)
            self.complaints_page.edit_categories().reload(select=hit.position, script=hit.id)
        else:  # a good-handling example: its text, to read and copy
            from branchdesk.ui.knowledge.hit_dialog import HitDialog

            assert self.db is not None
            HitDialog(self.db, hit, self).open()

    def suggest_on_handbook_item(self) -> bool:
        page = self.handbook_page
        ids = page.selected_ids()
        if not ids:
            return False
        row = page.model.row_of(ids[0])
        cause = page.model.rows[row].cause if row is not None else ""
        return self._suggest("handbook", ids[0], cause)

    def suggest_on(self, hit: Hit | None) -> None:
        """纠错与建议 on a hit (or on nothing in particular)."""
        if hit is None:
            self._suggest()
        else:
            self._suggest(hit.kind, hit.id, hit.title)

    def _suggest(self, item_kind: str = "", item_id: int | None = None, title: str = "") -> bool:
        """The suggestion dialog; 知识库's list shows the new suggestion if it is built."""
        from branchdesk.ui.knowledge.suggestion_dialog import ask_suggestion

        assert self.db is not None
        thanks = ask_suggestion(self.db, self, item_kind, item_id, title)
        if thanks is None:
            return False
        if self.built(KNOWLEDGE) is not None:
            self.knowledge_page.reload()
        self.statusBar().showMessage(thanks, 8000)
        return True
