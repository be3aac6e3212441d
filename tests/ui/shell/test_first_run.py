"""初始设置: the welcome asks the branch's name, company, region and an optional PIN, then
starts with the sample branch or the import of the branch's own area table."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from branchdesk.db.engine import Database
from branchdesk.owner import pin as owner_pin
from branchdesk.owner import policy
from branchdesk.settings import SettingsStore
from branchdesk.ui.shell.first_run import IMPORT, LATER, SAMPLE, FirstRunWizard
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes, type_text


def _wizard(qtbot: QtBot, *, pin_set: bool = False, has_data: bool = False) -> FirstRunWizard:
    wizard = FirstRunWizard(SettingsStore(), pin_set=pin_set, has_data=has_data)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_the_region_must_be_one_branchdesk_knows(qtbot: QtBot) -> None:
    wizard = _wizard(qtbot)
    page = wizard.branch
    type_text(qtbot, page.region, "火星市")
    assert not page.isComplete()
    assert "Not a city or district" in page.region_note.text()
    page.region.clear()
    type_text(qtbot, page.region, "宁波海曙")
    assert page.isComplete()
    assert page.region_note.text() == "Read as: 浙江省 宁波市 海曙区"


@pytest.mark.parametrize(
    ("typed", "left"),
    [
        ("北京市浦东新区", "浦东新区"),
        ("宁波市朝阳区", "朝阳区"),
        ("广东省宁波市海曙区", "宁波市海曙区"),
    ],
)
def test_a_district_of_another_city_is_not_dropped_silently(
    qtbot: QtBot, typed: str, left: str
) -> None:
    """The part that was not read is named, and 下一步 waits: lookups would otherwise use
    the city alone (or another province) as the branch's own district."""
    wizard = _wizard(qtbot)
    page = wizard.branch
    type_text(qtbot, page.region, typed)
    assert not page.isComplete()
    assert f"“{left}” is not in it" in page.region_note.text()


def test_the_pin_is_optional_but_must_be_typed_twice_alike(qtbot: QtBot) -> None:
    wizard = _wizard(qtbot)
    page = wizard.pin_page
    assert page is not None and page.isComplete()  # empty: no PIN
    type_text(qtbot, page.pin, "2580")
    assert not page.isComplete()
    type_text(qtbot, page.again, "2581")
    assert page.problem.text() == "The two PINs differ."
    page.again.clear()
    type_text(qtbot, page.again, "2580")
    assert page.isComplete() and page.problem.text() == ""
    page.pin.setText("1111")
    page.again.setText("1111")
    assert not page.isComplete() and "repeated digit" in page.problem.text()


def test_in_chinese_no_text_of_the_welcome_is_cut(qtbot: QtBot) -> None:
    """At 1024×768 the PIN page's subtitle took two lines in Chinese and QWizard's header
    showed one and a half (…留空则以后在 店主 › 店主密码 / 中设置 cut)."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QLabel

    from branchdesk.app import install_translator
    from tests.ui.conftest import english_again

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    install_translator(app, "zh_CN")
    try:
        wizard = _wizard(qtbot)
        assert wizard.pin_page is not None and "店主密码" in wizard.pin_page.title()
        for _page in range(3):
            qtbot.wait(50)  # laid out
            for label in wizard.findChildren(QLabel):
                if label.isVisible() and label.text() and label.wordWrap():
                    assert label.height() >= label.heightForWidth(label.width()), label.text()
            wizard.branch.region.setText("宁波海曙")
            wizard.next()
    finally:
        english_again(app, before)


def test_reopened_it_asks_no_pin_and_offers_no_start_when_there_is_data(qtbot: QtBot) -> None:
    wizard = _wizard(qtbot, pin_set=True, has_data=True)
    assert wizard.pin_page is None and wizard.start is None
    assert wizard.setup().start == LATER


def _answer(monkeypatch: pytest.MonkeyPatch, boxes: Boxes, start: str, pin: str = "") -> None:
    def exec_(self: FirstRunWizard) -> int:
        boxes.shown.append(("wizard", self.windowTitle()))
        self.branch.name.setText("药行街网点")
        self.branch.company.setCurrentText("中通")
        self.branch.region.setText("浙江省宁波市海曙区")
        if self.pin_page is not None:
            self.pin_page.pin.setText(pin)
            self.pin_page.again.setText(pin)
        assert self.start is not None
        {SAMPLE: self.start.sample, IMPORT: self.start.own, LATER: self.start.later}[
            start
        ].setChecked(True)
        return QWizard.DialogCode.Accepted.value

    monkeypatch.setattr(FirstRunWizard, "exec", exec_)


def test_first_start_sets_up_the_branch_and_loads_the_sample(
    qtbot: QtBot, db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, boxes, SAMPLE, pin="2580")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.offer_sample()
    # What was loaded, every table of it, in a box (the status bar showed its first line).
    assert [k for k, _ in boxes.shown] == ["wizard", "information"]
    assert len(boxes.shown[-1][1].splitlines()) >= 6
    assert win.statusBar().currentMessage() == boxes.shown[-1][1].split(": ", 1)[1].splitlines()[0]
    with db.read_session() as s:
        stored = policy.values(s)
        assert owner_pin.is_set(s)
    assert stored["branch_name"] == "药行街网点"
    assert stored["courier_company"] == "中通"
    assert stored["branch_region"] == "浙江省宁波市海曙区"
    assert win.windowTitle().endswith("中通 药行街网点")
    assert win.sample_banner.isVisible()  # the sample branch was loaded


def test_the_owners_unlock_after_the_welcome_ends_when_an_agent_picks_their_name(
    qtbot: QtBot, db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PIN typed in the welcome left owner actions open for five minutes to whoever sat
    down next and picked their name (day-one tester)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from branchdesk import permissions
    from branchdesk.ui.team.agent_picker import AgentPicker

    _answer(monkeypatch, boxes, SAMPLE, pin="2580")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.offer_sample()
    lock = permissions.current_lock()
    assert lock is not None and lock.unlocked  # the owner, who has just typed the PIN

    def pick_first() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, AgentPicker)
        picker.list.setCurrentRow(0)
        picker.accept()

    QTimer.singleShot(0, pick_first)
    win.ask_agent()  # as the start does, after the welcome
    assert win.settings.get("current_agent")
    assert not lock.unlocked
    assert not permissions.allowed(permissions.Action.CHANGE_SETTINGS)


def test_choosing_to_import_opens_the_area_table_import(
    qtbot: QtBot, db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, boxes, IMPORT)
    opened: list[str] = []
    win = MainWindow(db)
    qtbot.addWidget(win)
    monkeypatch.setattr(win, "open_import", lambda kind="areas": opened.append(kind))
    win.show()
    win.offer_sample()
    assert opened == ["areas"]
    assert not win.sample_banner.isVisible()
    with db.read_session() as s:
        assert not owner_pin.is_set(s)  # no PIN given, none set


def test_the_help_menu_reopens_the_welcome(qtbot: QtBot, window: MainWindow, boxes: Boxes) -> None:
    assert window.setup_action.isEnabled()
    window.setup_action.trigger()
    assert boxes.shown[-1] == ("wizard", "Set up BranchDesk")


def test_reopened_with_a_pin_set_it_asks_the_pin_before_the_answers(
    qtbot: QtBot, sample_db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PIN was asked after 完成: cancelling it dropped everything typed into the wizard."""
    from branchdesk.ui.kit import owner_action

    win = _window_with_a_pin(qtbot, sample_db)
    asked: list[object] = []
    monkeypatch.setattr(owner_action, "unlock", lambda *a, **k: asked.append(a) or False)
    assert not win.first_run_setup()
    assert len(asked) == 1
    assert [kind for kind, _text in boxes.shown if kind == "wizard"] == []


def test_a_long_while_in_the_wizard_does_not_ask_the_pin_again_at_the_end(
    qtbot: QtBot, sample_db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PIN's unlock lasts minutes; an owner who took longer in the wizard was asked again
    at 完成, and cancelling that still dropped the answers."""
    from branchdesk import permissions
    from branchdesk.ui.kit import owner_action

    win = _window_with_a_pin(qtbot, sample_db)
    asked: list[object] = []

    def unlock(*args: object, **kwargs: object) -> bool:
        asked.append(args)
        permissions.current_lock().unlock()  # type: ignore[union-attr]
        return True

    monkeypatch.setattr(owner_action, "unlock", unlock)

    def exec_(self: FirstRunWizard) -> int:
        self.branch.name.setText("药行街网点")
        permissions.current_lock().lock()  # type: ignore[union-attr]  # ten minutes later
        return QWizard.DialogCode.Accepted.value

    monkeypatch.setattr(FirstRunWizard, "exec", exec_)
    assert win.first_run_setup()
    assert len(asked) == 1  # when it opened, not again at the end
    # ...and nothing more: whoever sits down next is not left with owner rights.
    assert not permissions.current_lock().unlocked  # type: ignore[union-attr]
    with sample_db.read_session() as s:
        assert policy.values(s)["branch_name"] == "药行街网点"


def _window_with_a_pin(qtbot: QtBot, db: Database) -> MainWindow:
    with db.session() as s:
        owner_pin.set_pin(s, "2580")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    return win
