"""练习 page: a quiz and a copy-out taken through the real widgets, saved to the history."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branchdesk.db.engine import Database
from branchdesk.handbook import service
from branchdesk.handbook.entries import Question
from branchdesk.handbook.sample import load_sample_handbook
from branchdesk.ui.handbook.practice_page import LETTERS, QUESTION, SETUP, SUMMARY, PracticePage
from tests.ui.conftest import Boxes, type_text


@pytest.fixture
def page(qtbot: QtBot, db: Database, boxes: Boxes) -> Iterator[PracticePage]:
    with db.session() as s:
        load_sample_handbook(s)
    widget = PracticePage(db)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    # A radio only reacts to its indicator and text, not the width its layout gives it.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def name_edit(page: PracticePage) -> QLineEdit:
    edit = page.name_box.lineEdit()
    assert edit is not None
    return edit


def start(qtbot: QtBot, page: PracticePage, name: str, count: int, *, copy: bool = False) -> None:
    type_text(qtbot, name_edit(page), name)
    page.count_box.selectAll()
    qtbot.keyClicks(page.count_box, str(count))
    if copy:
        click(qtbot, page.copy_radio)
    qtbot.keyClick(page.count_box, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == QUESTION


def answer(qtbot: QtBot, page: PracticePage, question: Question, *, right: bool = True) -> None:
    """Answer like a trainee: type the fine, press an option's key or click 对/错."""
    if question.kind == "fine":
        type_text(qtbot, page.fine_edit, question.answer if right else "999元/票")
        qtbot.keyClick(page.fine_edit, Qt.Key.Key_Return)
    elif question.kind == "choice":
        n = LETTERS.index(question.answer)
        if not right:
            n = (n + 1) % len(question.options)
        qtbot.keyClick(page.next_button, str(n + 1))  # focus rests on the button
        assert page.choice_buttons[n].isChecked()
        qtbot.keyClick(page.next_button, Qt.Key.Key_Return)
    else:
        true = (question.answer == "T") == right
        click(qtbot, page.true_radio if true else page.false_radio)
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.answered


def go_on(qtbot: QtBot, page: PracticePage) -> None:
    qtbot.keyClick(page.next_button, Qt.Key.Key_Return)


def test_a_full_quiz_is_scored_and_saved(
    qtbot: QtBot, db: Database, page: PracticePage, qtmodeltester: ModelTester
) -> None:
    start(qtbot, page, "张三", 5)
    assert len(page.questions) == 5
    assert {q.kind for q in page.questions} == {"fine", "choice", "judge"}
    for n, question in enumerate(page.questions, start=1):
        assert page.progress_label.text() == f"Question {n} of 5"
        assert page.prompt_label.text() == question.prompt
        answer(qtbot, page, question)
        assert "✓" in page.feedback.text()
        go_on(qtbot, page)

    assert page.stack.currentIndex() == SUMMARY
    assert page.score_label.text() == "5/5 = 100 points"
    with db.session() as s:
        saved = service.results(s, "张三")
    assert [(r.mode, r.score, r.total) for r in saved] == [("quiz", 5, 5)]
    assert page.history_model.rowCount() == 1
    assert page.history_model.index(0, 1).data() == "张三"
    assert page.history_model.index(0, 3).data() == "5/5"
    qtmodeltester.check(page.history_model)
    # The name is offered next time.
    assert page.name_box.findText("张三") >= 0
    go_on(qtbot, page)
    assert page.stack.currentIndex() == SETUP


def test_a_wrong_answer_shows_the_right_one_and_costs_a_point(
    qtbot: QtBot, db: Database, page: PracticePage
) -> None:
    start(qtbot, page, "李四", 3)
    first = page.questions[0]
    answer(qtbot, page, first, right=False)
    assert "✗" in page.feedback.text()
    assert first.answer in page.feedback.text()
    assert not page.fine_edit.isEnabled() or first.kind != "fine"
    go_on(qtbot, page)
    for question in page.questions[1:]:
        answer(qtbot, page, question)
        go_on(qtbot, page)

    assert page.score_label.text() == "2/3 = 67 points"
    assert first.prompt.split("“")[1].split("”")[0] in page.summary_view.toPlainText()
    with db.session() as s:
        (saved,) = service.results(s, "李四")
    assert (saved.score, saved.total, saved.percent) == (2, 3, 67)


def test_choice_keys_pick_an_option(qtbot: QtBot, page: PracticePage) -> None:
    start(qtbot, page, "王五", 6)
    index = next(i for i, q in enumerate(page.questions) if q.kind == "choice")
    for question in page.questions[:index]:
        answer(qtbot, page, question)
        go_on(qtbot, page)
    assert all(b.isVisible() for b in page.choice_buttons)
    qtbot.keyClick(page.next_button, "c")
    assert page.choice_buttons[2].isChecked()
    qtbot.keyClick(page.next_button, "1")
    assert page.choice_buttons[0].isChecked()


def test_copy_out_marks_what_was_left_out(qtbot: QtBot, db: Database, page: PracticePage) -> None:
    start(qtbot, page, "赵六", 1, copy=True)
    (entry,) = page.items
    assert page.prompt_label.text() == entry.cause
    left_out = entry.standard[4:10]
    typed = entry.standard.replace(left_out, "", 1)
    type_text(qtbot, page.copy_edit, typed)
    qtbot.keyClick(page.copy_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.answered
    assert page.diff_view.isVisible()
    underlined = re.findall(
        r'<span style="[^"]*text-decoration: underline;[^"]*">([^<]*)</span>',
        page.diff_view.toHtml(),
    )
    # Whitespace does not count; it rides along with the character before it.
    assert "".join("".join(underlined).split()) == "".join(left_out.split())
    assert page.diff_view.toPlainText() == entry.standard
    go_on(qtbot, page)

    assert page.stack.currentIndex() == SUMMARY
    with db.session() as s:
        (saved,) = service.results(s, "赵六")
    assert saved.mode == "copy"
    assert saved.total == 100
    assert 0 < saved.score < 100
    assert f"{saved.score} points" in page.score_label.text()


def test_no_name_is_refused(qtbot: QtBot, db: Database, page: PracticePage) -> None:
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == SETUP
    assert page.setup_error.isVisible()
    assert page.setup_error.text() == "Enter your name first: the result is saved under it."
    assert page.name_box.hasFocus()
    type_text(qtbot, name_edit(page), "   ")
    qtbot.keyClick(name_edit(page), Qt.Key.Key_Return)
    assert page.stack.currentIndex() == SETUP
    with db.session() as s:
        assert service.results(s) == []


def test_no_category_is_refused(qtbot: QtBot, page: PracticePage) -> None:
    type_text(qtbot, name_edit(page), "张三")
    for n in range(page.category_list.count()):
        item = page.category_list.item(n)
        item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == SETUP
    assert page.setup_error.text() == "Tick at least one category."


def test_quitting_asks_and_saves_nothing(
    qtbot: QtBot, db: Database, page: PracticePage, boxes: Boxes
) -> None:
    start(qtbot, page, "张三", 3)
    answer(qtbot, page, page.questions[0])
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(page.next_button, Qt.Key.Key_Escape)
    assert boxes.shown[-1][0] == "question"
    assert page.stack.currentIndex() == QUESTION
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.quit_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == SETUP
    with db.session() as s:
        assert service.results(s) == []


def test_print_asks_for_the_named_employee_or_everyone(qtbot: QtBot, page: PracticePage) -> None:
    with qtbot.waitSignal(page.print_requested) as blocker:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [None]
    type_text(qtbot, name_edit(page), "张三")
    assert page.history_title.text() == "History: 张三"
    with qtbot.waitSignal(page.print_requested) as blocker:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["张三"]


def test_a_paper_marked_by_hand_goes_into_the_history_and_counts_for_the_plan(
    qtbot: QtBot, db: Database, page: PracticePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date, datetime

    from branchdesk.team.agents import add_agent
    from branchdesk.training import plan
    from branchdesk.ui.handbook.paper_score_dialog import PaperScoreDialog

    with db.session() as s:
        mentor = add_agent(s, "孙丽", audit=False).id
        hire = add_agent(s, "林子涵", audit=False).id
        plan.enrol(s, hire, mentor, date.today(), audit=False)

    def fill(dialog: PaperScoreDialog) -> int:
        dialog.employee.setCurrentText("林子涵")
        dialog.paper.setValue(4107)
        dialog.score.setValue(86)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PaperScoreDialog, "exec", fill)
    assert page.record_paper()
    page.name_box.setCurrentText("林子涵")
    page.refresh_history()
    rows = page.history_model.rows
    assert [(r.employee, r.mode, r.score, r.total, r.seed) for r in rows] == [
        ("林子涵", "paper", 86, 100, 4107)
    ]
    assert page.history_model.index(0, 2).data() == "Paper exam"
    with db.session() as s:
        exam = next(st for st in plan.record(s, hire, datetime.now()).steps if st.rule == "exam")
    assert exam.status == plan.MET and exam.progress == "86 points"


def test_the_name_is_whoever_works_at_this_pc(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    """团队 › 换人 picked 林子涵, the status bar said so, and 练习's name was still empty."""
    from branchdesk.ui.shell.main_window import PRACTICE

    window.settings.set("current_agent", "林子涵")
    window.nav.setCurrentRow(PRACTICE)
    assert window.practice_page.name_box.currentText() == "林子涵"
