"""培训 › 练习: an agent drills the sample branch's tables with the keyboard; 今天 counts the
cards due; a looked-up address comes first; the copy-out sheet previews."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from branchdesk.settings import SettingsStore
from branchdesk.training.models import TrainingReview
from branchdesk.ui.shell.main_window import TRAINING, MainWindow
from tests.ui.conftest import Boxes


def _work_as(window: MainWindow, name: str) -> None:
    SettingsStore().set("current_agent", name)
    window.settings.set("current_agent", name)
    window.refresh_agent()


def test_the_drill_page_grades_with_keys_one_to_four(qtbot: QtBot, window: MainWindow) -> None:
    _work_as(window, "林子涵")
    window.nav.setCurrentRow(TRAINING)
    assert window.pages.currentWidget() is window.training_page
    drill = window.training_page.drill
    assert drill.agent.currentText() == "林子涵"
    assert not drill.progress.isTextVisible()  # not "card 0 of 1" before the drill
    qtbot.mouseClick(drill.start_button, Qt.MouseButton.LeftButton)
    assert drill.items and drill.progress.text() == f"Card 1 of {len(drill.items)}"
    first = drill.prompt.text()
    assert first == drill.items[0].prompt and drill.answer.text() == ""
    qtbot.keyClick(drill, Qt.Key.Key_3)  # no grade before the answer is shown
    assert drill.position == 0
    qtbot.keyClick(drill, Qt.Key.Key_Space)
    assert drill.answer.text() == "\n".join(drill.items[0].answers)
    for n, key in enumerate((Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4), 1):
        if n > 1:
            qtbot.keyClick(drill, Qt.Key.Key_Space)
        qtbot.keyClick(drill, key)
        assert (
            drill.position == n and drill.progress.text() == f"Card {n + 1} of {len(drill.items)}"
        )
    assert drill.prompt.text() == drill.items[4].prompt
    assert window.db is not None
    with window.db.read_session() as s:
        ratings = list(s.scalars(select(TrainingReview.rating).order_by(TrainingReview.id)))
    assert ratings[-4:] == [1, 2, 3, 4]


def test_ctrl_z_takes_back_a_grade_pressed_by_mistake(qtbot: QtBot, window: MainWindow) -> None:
    """1 (again) pressed for 3: the grade could not be taken back, and the card came back the
    next day as one not known."""
    from branchdesk.training.models import TrainingMemory

    _work_as(window, "林子涵")
    window.nav.setCurrentRow(TRAINING)
    drill = window.training_page.drill
    qtbot.mouseClick(drill.start_button, Qt.MouseButton.LeftButton)
    assert window.db is not None
    card = drill.items[0].card_id

    def state() -> tuple[int, list[tuple[str, object]]]:
        with window.db.read_session() as s:  # type: ignore[union-attr]
            reviews = s.scalar(select(func.count()).select_from(TrainingReview))
            memory = s.scalars(select(TrainingMemory).where(TrainingMemory.card_id == card)).all()
            return reviews or 0, [(m.fsrs, m.due) for m in memory]

    before = state()
    assert not drill.undo_button.isEnabled()
    qtbot.keyClick(drill, Qt.Key.Key_Space)
    qtbot.keyClick(drill, Qt.Key.Key_1)
    assert drill.position == 1 and state() != before and drill.undo_button.isEnabled()
    qtbot.keyClick(drill, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert drill.position == 0 and state() == before
    assert drill.answer.text() == "\n".join(drill.items[0].answers)  # shown, to grade again
    qtbot.keyClick(drill, Qt.Key.Key_3)
    with window.db.read_session() as s:
        ratings = list(s.scalars(select(TrainingReview.rating).order_by(TrainingReview.id)))
    assert ratings[-1] == 3 and drill.position == 1
    # Graded again elsewhere meanwhile (another PC): refused, said, and nothing more to undo.
    from branchdesk.training import drills

    with window.db.session() as s:
        drills.grade(s, drill.agent_id(), card, 4)  # type: ignore[arg-type]
    said: list[str] = []
    drill.status.connect(said.append)
    qtbot.keyClick(drill, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert said and "graded again" in said[-1]
    assert not drill.undo_button.isEnabled() and drill.position == 1


def test_today_counts_the_drill_and_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    _work_as(window, "林子涵")
    window.today_page.refresh()
    card = next(
        c
        for c in window.today_page.findChildren(type(window.today_page.due_card))
        if c.title.text() == "Today's drill"
    )
    assert "林子涵" in card.summary.text() and "due" in card.summary.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert window.nav.currentRow() == TRAINING


def test_a_tied_place_shows_both_couriers_as_right(qtbot: QtBot, window: MainWindow) -> None:
    _work_as(window, "王芳")
    window.nav.setCurrentRow(TRAINING)
    drill = window.training_page.drill
    drill.start()
    from branchdesk.training.drills import deck_cards

    assert window.db is not None
    with window.db.read_session() as s:
        tied = [c for c in deck_cards(s, "areas", limit=5000) if c.tie]
    assert tied  # the sample's 望京路: two couriers' ranges, no number to tell them apart
    drill.items.insert(drill.position, tied[0])
    drill._show()
    tie = drill.position
    qtbot.keyClick(drill, Qt.Key.Key_Space)
    names = drill.items[tie].answers
    assert all(name in drill.answer.text() for name in names)
    assert "Both are right" in drill.note.text()


def test_the_copy_out_sheet_previews(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

    shown: list[int] = []

    def exec_(self: PdfPreviewDialog) -> int:
        qtbot.waitUntil(lambda: self.pages > 0, timeout=20000)
        shown.append(self.pages)
        self.done(0)  # closes the preview (its temporary folder goes with it)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", exec_)
    _work_as(window, "林子涵")
    window.nav.setCurrentRow(TRAINING)
    drill = window.training_page.drill
    drill.start()
    qtbot.mouseClick(drill.print_button, Qt.MouseButton.LeftButton)
    assert shown == [2]  # the sheet, then the key


def test_a_lookup_at_the_pc_is_noted_for_the_drill(qtbot: QtBot, window: MainWindow) -> None:
    from branchdesk.training.models import TrainingLookup

    _work_as(window, "林子涵")
    window.lookup_page.search_box.setText("天一家园3号楼")
    window.lookup_page.run_search()
    window.note_runner.wait_idle()  # noted off the UI thread
    assert window.db is not None
    with window.db.read_session() as s:
        count = s.scalar(select(func.count()).select_from(TrainingLookup))
    assert count and count >= 1


def test_with_nobody_picked_a_search_does_not_load_the_drills(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first search of the day imported the drills' scheduler and models to note it for
    nobody (a fifth of the first answer's wait on a cold start)."""
    import sys

    monkeypatch.setitem(sys.modules, "branchdesk.training.drills", None)  # importing fails
    window.lookup_page.search_box.setText("天一家园3号楼")
    window.lookup_page.run_search()
    assert window.lookup_page.courier_model.rowCount() > 0


def test_a_lookup_while_another_program_writes_is_answered_at_once(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """The note for the drills waited (on the UI thread) for the command line's import to
    let go of the data: 5 s of a frozen window, then an unhandled "database is busy" box."""
    import sqlite3
    import time

    from branchdesk import paths
    from branchdesk.training.models import TrainingLookup

    _work_as(window, "林子涵")
    assert window.db is not None
    with window.db.read_session() as s:
        before = len([k for k in s.scalars(select(TrainingLookup.keyword)) if "天一家园" in k])
    other = sqlite3.connect(paths.db_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's write, under way
    try:
        # As typed: the same address searched again while the first note still waits.
        for address in ("天一家园3号楼", "天一家园3号楼", "宁波市海曙区中山西路37号"):
            window.lookup_page.search_box.setText(address)
            started = time.monotonic()
            window.lookup_page.run_search()
            answered = time.monotonic() - started
            assert window.lookup_page.courier_model.rowCount() > 0
            assert answered < 2.0  # the write waits 5 s for the lock; the answer does not
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert window.db is not None
    db = window.db

    def noted() -> list[str]:
        with db.read_session() as s:
            return list(s.scalars(select(TrainingLookup.keyword)))

    # Both, written once the lock was free: the second waited its turn, it was not dropped.
    qtbot.waitUntil(lambda: any("中山西路" in k for k in noted()), timeout=20_000)
    window.note_runner.wait_idle()
    # Once a day, not once a search (the sample held it noted on other days already).
    assert len([k for k in noted() if "天一家园" in k]) == before + 1
    assert boxes.shown == []
