"""The quality-control page with real widgets: the day's sample, scoring, coaching, good
handling, the fairness view, calibration, the sweep and the scorecard editor."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QSpinBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branchdesk.qc import coaching, scorecard
from branchdesk.qc.sampling import day_sample
from branchdesk.settings import SettingsStore
from branchdesk.ui.qc.coaching_dialog import CoachingDialog
from branchdesk.ui.qc.common import BANNED_BG
from branchdesk.ui.qc.qc_page import QcPage
from branchdesk.ui.qc.score_dialog import ScoreDialog
from branchdesk.ui.qc.scorecard_dialog import ScorecardDialog
from tests.ui.conftest import Boxes
from tests.unit.qc.conftest import DAY, Team
from tests.unit.qc.conftest import team as team  # the fixture


@pytest.fixture
def page(qtbot: QtBot, team: Team, boxes: Boxes) -> QcPage:
    SettingsStore().set("agent_name", "质检员")
    widget = QcPage(team.db)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.day.setDate(QDate(DAY))
    return widget


def _select_agent(page: QcPage, name: str) -> None:
    rows = [line.share.name for line in page.agents_model.rows]
    page.agents_view.selectRow(rows.index(name))


def test_drawing_shows_each_agents_sample_with_banned_items_first(
    qtbot: QtBot, page: QcPage, qtmodeltester: ModelTester
) -> None:
    assert "not been drawn yet" in page.summary.text()
    assert page.agents_model.rowCount() == 0
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    assert not page.draw_button.isEnabled()
    assert {line.share.name for line in page.agents_model.rows} == {"王芳", "李强", "张敏"}
    _select_agent(page, "王芳")
    assert page.items_model.rowCount() == 5
    first = page.items_model.index(0, 1)
    assert "去投诉吧" in first.data() or "不知道" in first.data()
    background = page.items_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == BANNED_BG
    assert page.items_model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert BANNED_BG in page.item_text.toHtml() or "#ffb3b3" in page.item_text.toHtml()
    for model in (page.agents_model, page.items_model, page.fairness_model):
        qtmodeltester.check(model)
    # The fairness view: every share by the same rule, with the seed.
    assert "same rule for everyone" in page.rule_label.text()
    assert "seed" in page.rule_label.text()
    shares = {r.name: r for r in page.fairness_model.rows}
    assert (shares["王芳"].quota, shares["李强"].quota) == (5, 10)
    # Reopening the day shows the same items.
    ids = [line.item.id for line in page.item_lines]
    page.day.setDate(QDate(date(2026, 11, 1)))
    assert page.items_model.rowCount() == 0
    page.day.setDate(QDate(DAY))
    assert [line.item.id for line in page.item_lines] == ids


def test_a_day_without_work_says_so(qtbot: QtBot, page: QcPage, boxes: Boxes) -> None:
    page.day.setDate(QDate(date(2026, 11, 1)))
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and "Nobody worked on 2026-11-01" in boxes.shown[-1][1]
    assert page.draw_button.isEnabled()


def test_scoring_an_item_shows_its_total_and_the_agents_day(
    qtbot: QtBot, page: QcPage, team: Team
) -> None:
    page.draw()
    _select_agent(page, "李强")
    item = page.current_item()
    assert item is not None
    dialog = ScoreDialog(team.db, item.item, "质检员", page)
    qtbot.addWidget(dialog)
    assert dialog.total.text() == "Total: 100.0 points"
    spins = dialog.findChildren(QSpinBox)
    assert len(spins) == 14
    spins[0].setValue(0)  # 服务用语 (1 of 5 in a 25 % section): −5 points
    assert dialog.total.text() == "Total: 95.0 points"
    dialog.comment.setText("开头语规范")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved is not None and dialog.saved.total == 95.0
    page.load_day()
    _select_agent(page, "李强")
    assert page.items_model.index(0, 4).data() == "95.0"
    agent = next(line for line in page.agents_model.rows if line.share.name == "李强")
    assert (agent.average, agent.scored) == (95.0, 1)


def test_scoring_without_a_reviewer_is_refused(
    qtbot: QtBot, page: QcPage, team: Team, boxes: Boxes
) -> None:
    page.draw()
    item = page.current_item()
    assert item is not None
    dialog = ScoreDialog(team.db, item.item, "", page)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.saved is None and "reviewer" in boxes.shown[-1][1]


def test_coaching_asks_for_praise_first_and_shows_its_follow_up(
    qtbot: QtBot, page: QcPage, team: Team, boxes: Boxes
) -> None:
    page.draw()
    _select_agent(page, "王芳")
    line = page.current_item()
    assert line is not None
    dialog = CoachingDialog(team.db, team.ids["王芳"], "王芳", line.item.id, "说了不知道")
    qtbot.addWidget(dialog)
    dialog.direction.setPlainText("先查件再答复")
    dialog.save()
    assert dialog.saved is None and "went well" in boxes.shown[-1][1]
    dialog.went_well.setPlainText("语气亲切")
    dialog.follow_up.setDate(QDate(date.today()))
    dialog.save()
    assert dialog.saved is not None
    page.load_coaching()
    assert page.coaching_tab.model.rowCount() == 1
    assert page.follow_up_banner.isVisible() and "王芳" in page.follow_up_banner.text()
    due = page.coaching_tab.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert due is not None


def test_acknowledge_and_close_a_coaching_record(
    qtbot: QtBot, page: QcPage, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    with team.db.session() as s:
        coaching.open_coaching(
            s,
            team.ids["李强"],
            went_well="回复及时",
            problem="结束语缺失",
            direction="结束时问还有什么可以帮您",
            follow_up_on=date.today(),
        )
    page.load_coaching()
    page.coaching_tab.view.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("我会注意", True))
    page.coaching_tab.acknowledge()
    assert page.coaching_tab.model.index(0, 2).data() == "Open, acknowledged"
    page.coaching_tab.view.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("复查通过", True))
    page.coaching_tab.close_coaching()
    assert page.coaching_tab.model.index(0, 2).data() == "Closed"
    assert not page.follow_up_banner.isVisible()


def test_good_handling_is_marked_and_found(
    qtbot: QtBot, page: QcPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.draw()
    _select_agent(page, "李强")
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("耐心解释，主动回访", True)
    )
    qtbot.mouseClick(page.good_button, Qt.MouseButton.LeftButton)
    assert page.items_model.index(0, 5).data() == "★"
    assert page.good_tab.model.rowCount() == 1
    qtbot.keyClicks(page.good_tab.search, "zzz")
    assert page.good_tab.model.rowCount() == 0
    page.good_tab.search.setText("回访")
    assert page.good_tab.model.rowCount() == 1
    page.good_tab.view.selectRow(0)
    assert "耐心解释" in page.good_tab.text.toPlainText()


def test_calibration_shows_the_difference_per_section(page: QcPage, team: Team) -> None:
    page.draw()
    with team.db.session() as s:
        sample = day_sample(s, DAY)
        assert sample is not None
        card = scorecard.current_scorecard(s)
        item = sample.items[0].id
        scorecard.score_item(s, item, "甲", {c.id: 90 for c in card.criteria() if c.id})
        points = {c.id: 90 for c in card.criteria() if c.id}
        for c in card.sections[2].criteria:
            points[c.id] = 50  # type: ignore[index]
        scorecard.score_item(s, item, "乙", points)
    page.load_day()
    assert page.calibration_tab.model.rowCount() == 1
    assert page.calibration_tab.model.index(0, 3).data() == "-10.0"
    page.calibration_tab.view.selectRow(0)
    assert [page.calibration_tab.sections_model.index(r, 3).data() for r in range(3)] == [
        "+0.0",
        "+0.0",
        "-40.0",
    ]


def test_the_sweep_lists_hits_per_agent(qtbot: QtBot, page: QcPage) -> None:
    page.sweep_tab.start.setDate(QDate(DAY))
    page.sweep_tab.end.setDate(QDate(DAY))
    page.sweep_tab.run()
    page.sweep_tab.runner.wait_idle()
    assert page.sweep_tab.button.isEnabled()
    assert page.sweep_tab.agents_model.rows == [("王芳", 4)]
    assert page.sweep_tab.hits_model.rowCount() == 4
    assert "4 text(s) with a banned phrase" in page.sweep_tab.label.text()


def test_a_scorecard_not_adding_up_is_refused_with_the_sum(
    qtbot: QtBot, page: QcPage, team: Team, boxes: Boxes
) -> None:
    dialog = ScorecardDialog(team.db, page)
    qtbot.addWidget(dialog)
    assert dialog.sum.text() == "Sections add up to 100%"
    dialog.table.item(1, 1).setText("49")
    assert dialog.sum.text() == "Sections add up to 99%"
    dialog.save()
    assert dialog.saved is None and "add up to 99%" in boxes.shown[-1][1]
    dialog.table.item(1, 1).setText("abc")
    dialog.save()
    assert "type a whole number" in boxes.shown[-1][1]
    dialog.table.item(1, 1).setText("50")
    dialog.table.item(2, 2).setText("服务禁忌×2、风险意识、主动性")
    dialog.pass_mark.setValue(85)
    dialog.quotas["qc_sample_new_hire"].setValue(8)
    dialog.save()
    assert dialog.saved is not None
    assert [c.weight for c in dialog.saved.sections[2].criteria] == [2, 1, 1]
    assert SettingsStore().get("qc_pass_mark") == 85
    # The next day's sample uses the new quota for the new hire.
    page.draw()
    shares = {r.name: r for r in page.fairness_model.rows}
    assert (shares["李强"].quota, shares["王芳"].quota) == (8, 5)


@pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")
def test_the_main_window_opens_quality_control(qtbot: QtBot, window: object) -> None:
    from branchdesk.ui.qc.qc_window import QcWindow

    window.qc_action.trigger()  # type: ignore[attr-defined]
    qc = window.qc_window  # type: ignore[attr-defined]
    assert isinstance(qc, QcWindow) and qc.isVisible()
    assert qc.page.tabs.count() == 6
    # Asked again while it is open: the same window, not a second one.
    window.qc_action.trigger()  # type: ignore[attr-defined]
    assert window.qc_window is qc  # type: ignore[attr-defined]
    from PySide6.QtWidgets import QApplication

    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QcWindow)] == [qc]
    qc.close()
    qtbot.waitUntil(lambda: window.qc_window is None)  # type: ignore[attr-defined]
    window.qc_action.trigger()  # type: ignore[attr-defined]
    again = window.qc_window  # type: ignore[attr-defined]
    assert isinstance(again, QcWindow) and again.isVisible()
    again.close()


def test_reviewer_field_is_prefilled(qtbot: QtBot, page: QcPage, team: Team) -> None:
    page.draw()
    item = page.current_item()
    assert item is not None
    dialog = ScoreDialog(team.db, item.item, "质检员", page)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLineEdit, "reviewer").text() == "质检员"


def test_item_text_is_shown_as_text_not_markup() -> None:
    from branchdesk.ui.qc.common import marked_html

    shown = marked_html("<b>不知道</b> & <script>", ("不知道",))
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert shown.count(BANNED_BG) == 1 and "&lt;b&gt;" in shown


def test_the_tab_models_keep_qts_rules(
    qtbot: QtBot, page: QcPage, team: Team, qtmodeltester: ModelTester
) -> None:
    page.draw()
    with team.db.session() as s:
        sample = day_sample(s, DAY)
        assert sample is not None
        card = scorecard.current_scorecard(s)
        item = sample.items[0]
        for reviewer, points in (("甲", 90), ("乙", 70)):
            scorecard.score_item(
                s, item.id, reviewer, {c.id: points for c in card.criteria() if c.id}
            )
        coaching.open_coaching(
            s, item.agent_id, went_well="w", problem="p", direction="d", follow_up_on=date.today()
        )
    page.reload()
    page.calibration_tab.view.selectRow(0)
    page.sweep_tab.start.setDate(QDate(DAY))
    page.sweep_tab.run()
    page.sweep_tab.runner.wait_idle()
    for model in (
        page.coaching_tab.model,
        page.calibration_tab.model,
        page.calibration_tab.sections_model,
        page.sweep_tab.agents_model,
        page.sweep_tab.hits_model,
        page.good_tab.model,
    ):
        qtmodeltester.check(model)
    assert page.calibration_tab.model.rowCount() == 1
    assert page.coaching_tab.model.rowCount() == 1
