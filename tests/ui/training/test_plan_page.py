"""培训 › 培训计划 and 上岗准备: the owner puts the new hire on the plan with a mentor, the mentor
signs a step off at the PC, the board shows the hire's jobs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branchdesk.settings import SettingsStore
from branchdesk.training import plan
from branchdesk.ui.shell.main_window import TRAINING, MainWindow
from branchdesk.ui.training.enrol_dialog import EnrolDialog
from tests.ui.conftest import Boxes


def _ids(window: MainWindow) -> dict[str, int]:
    from branchdesk.team.agents import list_agents

    assert window.db is not None
    with window.db.read_session() as s:
        return {a.name: a.id for a in list_agents(s)}


def test_the_mentor_signs_off_and_the_board_follows(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _ids(window)
    monkeypatch.setattr(
        EnrolDialog,
        "ask",
        classmethod(lambda cls, *a: ((ids["郭晓燕"], ids["王芳"], date(2026, 11, 1)), True)),
    )
    window.nav.setCurrentRow(TRAINING)
    page = window.training_page
    page.tabs.setCurrentWidget(page.plan)
    tab = page.plan
    qtbot.mouseClick(tab.enrol_button, Qt.MouseButton.LeftButton)
    assert tab.trainee.currentText() == "郭晓燕"
    assert "王芳" in tab.summary.text()
    steps = tab.model.rows
    assert [s.stage for s in steps][:1] == ["overview"] and steps[-1].stage == "shadowing"

    # The mentor sits down at the PC; the guides are not read yet: the box says how far.
    SettingsStore().set("current_agent", "王芳")
    window.settings.set("current_agent", "王芳")
    guide_row = next(n for n, s in enumerate(steps) if s.rule == "guide")
    tab.table.selectRow(guide_row)
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and "0 of 3 guide(s) read" in boxes.shown[-1][1]
    boxes.shown.clear()
    # 郭晓燕 goes through every guide ticking each step (the viewer records it); then the
    # mentor signs the step off.
    from branchdesk.guides import service as guides

    assert window.db is not None
    with window.db.session() as s:
        for g in guides.search_guides(s):
            guides.record_reading(s, g.id, "郭晓燕")
    tab.reload()
    tab.table.selectRow(guide_row)
    assert tab.model.rows[guide_row].status == plan.MET
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    assert not boxes.shown
    step = tab.model.rows[guide_row]
    assert step.status == plan.PASSED and step.signed_by == "王芳"
    assert "郭晓燕 1/" in tab.mentor.text()  # the mentor's record

    # A drill step whose mastery is not reached cannot be signed off: the box says why.
    drill_row = next(
        n for n, s in enumerate(tab.model.rows) if s.rule == "drill" and s.status == plan.OPEN
    )
    tab.table.selectRow(drill_row)
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and "not met" in boxes.shown[-1][1]

    page.tabs.setCurrentWidget(page.board)
    row = page.board.row_of("郭晓燕")
    assert row is not None and row.on_plan and row.mentor == "王芳"
    assert not row.ready["lookup"]
    senior = page.board.row_of("孙丽")
    assert senior is not None and all(senior.ready.values())


def test_the_owner_adds_and_removes_a_step_for_every_trainee(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.ui.training.step_dialog import StepDialog

    window.nav.setCurrentRow(TRAINING)
    page = window.training_page
    page.tabs.setCurrentWidget(page.plan)
    tab = page.plan
    assert tab.trainee.currentText() == "林子涵"  # the sample's new hire
    before = len(tab.model.rows)
    dialog = StepDialog(window)
    qtbot.addWidget(dialog)
    dialog.title.setText("派件区域表 默写满分")
    dialog.rule.setCurrentIndex(dialog.rule.findData("drill"))
    dialog.jobs["lookup"].setChecked(True)
    spec = dialog.spec()
    assert (spec.rule, spec.target, spec.threshold, spec.jobs) == (
        "drill",
        "areas",
        80,
        ("lookup",),
    )
    monkeypatch.setattr(StepDialog, "ask", classmethod(lambda cls, *a: (spec, True)))
    qtbot.mouseClick(tab.add_step_button, Qt.MouseButton.LeftButton)
    rows = tab.model.rows
    assert len(rows) == before + 1 and rows[-1].title == "派件区域表 默写满分"
    tab.table.selectRow(len(rows) - 1)
    qtbot.mouseClick(tab.remove_step_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and boxes.shown[-1][0] == "question"
    assert len(tab.model.rows) == before
