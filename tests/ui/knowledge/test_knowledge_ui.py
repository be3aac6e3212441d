"""知识搜索 and the 知识库 page as an agent and the owner use them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.knowledge import faq
from branchdesk.ui.knowledge.faq_editor import FaqEditor
from branchdesk.ui.knowledge.search_dialog import SearchDialog
from branchdesk.ui.shell.main_window import GUIDES, HANDBOOK, KNOWLEDGE, LOOKUP, MainWindow
from tests.ui.conftest import type_text


def open_dialog(qtbot: QtBot, window: MainWindow) -> SearchDialog:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_dialog is not None and window.search_dialog.isVisible())
    dialog = window.search_dialog
    assert dialog is not None
    ready(qtbot, dialog)
    return dialog


def ready(qtbot: QtBot, dialog: SearchDialog) -> None:
    """The index is brought up to date off the UI thread (the sample's first search)."""
    qtbot.waitUntil(lambda: not dialog.preparing.busy, timeout=20000)


def test_ctrl_k_then_enter_opens_the_handbook_at_the_item(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, dialog.box, "xjqs")  # pinyin initials of 虚假签收
    qtbot.waitUntil(lambda: bool(dialog.model.rows) and dialog.searched == "xjqs")
    assert dialog.model.rows[0].title == "虚假签收"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.nav.currentRow() == HANDBOOK
    page = window.handbook_page
    [selected] = page.selected_ids()
    assert page.model.rows[page.model.row_of(selected)].cause == "虚假签收"  # type: ignore[index]


def test_down_walks_the_results_past_the_first(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, dialog.box, "破损")
    qtbot.waitUntil(lambda: len(dialog.model.rows) >= 3 and dialog.searched == "破损")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.view.hasFocus() and dialog.view.currentIndex().row() == 0
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    assert dialog.view.currentIndex().row() == 2
    dialog.reject()


def test_the_toolbar_box_opens_the_search_with_the_text_and_an_area_opens_lookup(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_text(qtbot, window.knowledge_box, "晓风园")  # a typo of 晓风苑
    qtbot.keyClick(window.knowledge_box, Qt.Key.Key_Return)
    dialog = window.search_dialog
    assert dialog is not None and dialog.box.text() == "晓风园"
    ready(qtbot, dialog)
    assert (dialog.model.rows[0].kind, dialog.model.rows[0].title) == ("area", "晓风苑")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.nav.currentRow() == LOOKUP
    assert window.lookup_page.search_box.text() == "晓风苑"


def test_a_no_hit_search_becomes_a_gap_that_the_owner_answers(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, window)
    type_text(qtbot, dialog.box, "月球件怎么寄")
    qtbot.waitUntil(lambda: dialog.searched == "月球件怎么寄")
    assert dialog.model.rows == [] and "Nothing useful" in dialog.note.text()
    dialog.reject()  # the agent gives up: the question is noted
    window.nav.setCurrentRow(KNOWLEDGE)
    page = window.knowledge_page
    page.tabs.setCurrentIndex(1)
    queries = [g.query for g in page.gaps_model.rows]
    assert "月球件怎么寄" in queries
    page.gaps_view.selectRow(queries.index("月球件怎么寄"))

    def answer(editor: FaqEditor) -> int:
        assert editor.question.text() == "月球件怎么寄"  # prefilled from the gap
        editor.answer.setPlainText("本网点不收月球件，请客户联系总部客服。")
        editor.save()
        return int(editor.result())

    monkeypatch.setattr(FaqEditor, "exec", answer)
    page.answer_gap()
    assert "月球件怎么寄" not in [g.query for g in page.gaps_model.rows]
    assert window.db is not None
    with window.db.read_session() as s:
        [entry] = [e for e in faq.list_entries(s) if e.question == "月球件怎么寄"]
    assert entry.answer == "本网点不收月球件，请客户联系总部客服。"
    # The next agent finds it, and Enter shows it on the 知识库 page.
    window.search_action.trigger()
    dialog = window.search_dialog
    assert dialog is not None
    ready(qtbot, dialog)
    type_text(qtbot, dialog.box, "月球件")
    qtbot.waitUntil(lambda: dialog.searched == "月球件")
    assert dialog.model.rows[0].kind == "faq"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.nav.currentRow() == KNOWLEDGE and page.tabs.currentIndex() == 0
    assert page.current_faq() is not None and page.current_faq().id == entry.id  # type: ignore[union-attr]
    assert "月球件" in page.answer.toPlainText()
    QApplication.processEvents()


def test_a_flagged_penalty_item_is_accepted_and_credits_its_author(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.permissions import set_actor
    from branchdesk.ui.knowledge.suggestion_dialog import SuggestionDialog

    window.nav.setCurrentRow(HANDBOOK)
    page = window.handbook_page
    item = next(r for r in page.model.rows if r.cause == "虚假签收")
    assert page.show_item(item.id)
    [action] = [a for a in page.view.actions() if "suggest" in a.text()]

    def write(dialog: SuggestionDialog) -> int:
        dialog.text.setPlainText("罚款已改为每票 100 元")
        dialog.send()
        return int(dialog.result())

    monkeypatch.setattr(SuggestionDialog, "exec", write)
    set_actor("李明")
    action.trigger()
    assert window.statusBar().currentMessage() == (
        "Thank you: the owner will decide on your suggestion."
    )
    assert window.built(KNOWLEDGE) is None  # the dialog alone: 知识库 is built when shown
    window.nav.setCurrentRow(KNOWLEDGE)
    knowledge = window.knowledge_page
    knowledge.tabs.setCurrentIndex(2)
    rows = knowledge.sugg_model.rows
    mine = next(i for i, s in enumerate(rows) if s.text == "罚款已改为每票 100 元")
    assert (rows[mine].item_kind, rows[mine].item_id, rows[mine].author) == (
        "handbook",
        item.id,
        "李明",
    )
    knowledge.sugg_view.selectRow(mine)
    assert knowledge.accept_button.isEnabled()
    knowledge.accept_button.click()
    assert (
        knowledge.sugg_model.rows[
            next(i for i, s in enumerate(knowledge.sugg_model.rows) if s.author == "李明")
        ].status
        == "accepted"
    )
    assert "李明 1" in knowledge.credit_label.text()


def test_an_faq_answer_is_copied_with_blanks_and_an_old_version_restored(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.ui.knowledge.faq_history import FaqHistory

    assert window.db is not None
    with window.db.session() as s:
        entry = faq.save_entry(s, faq.FaqFields("到付件怎么收", "派送时收取运费，单号 {运单号}。"))
        faq.save_entry(s, faq.FaqFields(entry.question, "不收到付件。"), entry.id)
    window.nav.setCurrentRow(KNOWLEDGE)
    page = window.knowledge_page
    assert page.show_faq(entry.id)
    assert "不收到付件" in page.answer.toPlainText()

    def restore(dialog: FaqHistory) -> int:
        assert [v.version for v in dialog.model.rows] == [1]
        dialog.restore()
        return int(dialog.result())

    monkeypatch.setattr(FaqHistory, "exec", restore)
    page.show_history()
    assert "派送时收取运费" in page.answer.toPlainText()
    assert page.copy_answer() == "派送时收取运费，单号【运单号】。"
    assert QApplication.clipboard().text() == "派送时收取运费，单号【运单号】。"


def test_a_guide_step_opens_the_guide_at_that_step(qtbot: QtBot, window: MainWindow) -> None:
    from branchdesk.guides.service import steps_for_search

    assert window.db is not None
    with window.db.read_session() as s:
        step = next(st for st in steps_for_search(s) if st.number >= 3)
    dialog = open_dialog(qtbot, window)
    dialog.box.setText(step.instruction[:10])
    dialog.run_search()
    row = next(i for i, h in enumerate(dialog.model.rows) if h.kind == "guide")
    dialog.view.selectRow(row)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert window.nav.currentRow() == GUIDES
    [viewer] = window.guides_page.viewers
    assert viewer.row == step.number - 1
    assert viewer.instruction.text() == step.instruction
    viewer.close()


def test_a_reply_script_opens_where_scripts_live_with_it_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    from branchdesk.complaints.service import scripts_for_search
    from branchdesk.ui.complaints.categories_dialog import ComplaintCategoriesDialog
    from branchdesk.ui.shell.main_window import COMPLAINTS

    assert window.db is not None
    with window.db.read_session() as s:
        script = next(sc for sc in scripts_for_search(s) if sc.category.endswith("揽收延误"))
    dialog = open_dialog(qtbot, window)
    dialog.box.setText("上门揽收")
    dialog.run_search()
    row = next(
        i for i, h in enumerate(dialog.model.rows) if h.kind == "script" and h.id == script.id
    )
    dialog.view.selectRow(row)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert window.nav.currentRow() == COMPLAINTS
    [editor] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ComplaintCategoriesDialog) and w.isVisible()
    ]
    assert editor.current_id() == script.category_id
    chosen = editor.current_script()
    assert chosen is not None and chosen.id == script.id
    editor.close()


def test_the_index_is_rebuilt_off_the_ui_thread_while_the_box_takes_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The first search on a branch (or after an import) rebuilds the index: the dialog says
    so, keeps taking what is typed, and shows the results once the index is ready."""
    window.search_action.trigger()
    dialog = window.search_dialog
    assert dialog is not None
    assert dialog.preparing.busy  # the sample's index has not been built yet
    type_text(qtbot, dialog.box, "xjqs")
    dialog.run_search()
    assert "up to date" in dialog.note.text() and dialog.model.rows == []
    ready(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.model.rows))
    assert dialog.model.rows[0].title == "虚假签收"
    dialog.reject()
    # Nothing changed since: the next dialog searches at once.
    window.search_action.trigger()
    again = window.search_dialog
    assert again is not None and not again.preparing.busy
    again.reject()


def test_a_plain_answer_with_angle_brackets_shows_and_edits_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    weight = "重量<1kg按首重计费，>1kg按续重。\n每公斤加2元。"
    assert window.db is not None
    with window.db.session() as s:
        entry = faq.save_entry(s, faq.FaqFields("重量<1kg怎么计费", weight))
    window.nav.setCurrentRow(KNOWLEDGE)
    page = window.knowledge_page
    assert page.show_faq(entry.id)
    assert page.answer.toPlainText() == "重量<1kg怎么计费\n" + weight
    editor = FaqEditor(window.db, faq_id=entry.id)
    qtbot.addWidget(editor)
    assert editor.answer.toPlainText() == weight
    assert editor.fields().answer == weight


def test_the_search_answers_from_its_index_while_another_program_writes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from branchdesk import paths
    from branchdesk.db import engine
    from branchdesk.knowledge.search import refresh

    db = window.db
    assert db is not None
    with db.session() as s:
        refresh(s)
        faq.save_entry(s, faq.FaqFields("冷链生鲜能不能寄", "本网点暂不收冷链件。"))  # not indexed
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    db.engine.dispose()  # connections made from now on wait 0.1 s for a lock, not 5 s
    other = sqlite3.connect(paths.db_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a long import in another window
    other.execute("UPDATE penalty_item SET cause = cause")
    try:
        dialog = SearchDialog(db, "虚假签收", parent=window)
        qtbot.addWidget(dialog)
        ready(qtbot, dialog)
        qtbot.waitUntil(lambda: bool(dialog.model.rows))
        assert dialog.model.rows[0].title == "虚假签收"
        assert dialog.note.text().startswith("The database is busy")
        dialog.box.clear()
        type_text(qtbot, dialog.box, "月球件怎么寄")
        dialog.run_search()
        assert "Nothing useful found for “月球件怎么寄”." in dialog.note.text()
        assert "It is noted as an FAQ gap" not in dialog.note.text()
        dialog.reject()  # gives up on the query: nothing noted, no error
    finally:
        other.execute("ROLLBACK")
        other.close()
    with db.read_session() as s:
        assert "月球件寄" not in [g.key for g in faq.gaps(s)]
