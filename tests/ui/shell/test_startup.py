"""Start-up as run_gui does it: the window first, then the data; a bad DB gives a message."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk import paths
from branchdesk.app import launch
from branchdesk.db.engine import open_database
from branchdesk.settings import SettingsStore
from tests.ui.conftest import Boxes

if TYPE_CHECKING:
    from branchdesk.ui.shell.main_window import MainWindow


def test_window_shows_before_the_data_then_the_pages_arrive(qtbot: QtBot, boxes: Boxes) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    boxes.answer = boxes.answer.No  # decline the first-run sample offer
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    assert window.isVisible() and window.db is None
    assert not window.nav.isEnabled()  # nothing to click until the data is open
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    assert window.db is not None and window.nav.isEnabled()
    assert window.pages.currentWidget() is window.today_page  # the start page
    # The first screen is built, with the due counts; the other pages when first shown.
    from branchdesk.ui.shell.main_window import LOOKUP, PAGE_COUNT, TODAY

    assert [i for i in range(PAGE_COUNT) if window.built(i) is not None] == [TODAY, LOOKUP]
    assert window.due_indicator.isVisible() and "overdue" in window.due_indicator.text()
    assert window.lookup_page.search_box.hasFocus()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert boxes.shown[0][0] == "wizard"  # the welcome, with the sample branch, once
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_the_pinyin_is_built_after_a_pause_and_a_close_does_not_wait_for_it(
    qtbot: QtBot, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Did-you-mean's pinyin (0.4 s of Python) was built beside the first search typed as the
    data opened, halving its speed: it now waits; closing in that pause is not held up."""
    import time

    from branchdesk.lookup import service
    from branchdesk.ui.shell import startup

    monkeypatch.setattr(startup, "SUGGESTIONS_AFTER_S", 60.0)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    boxes.answer = boxes.answer.No
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    assert window.db is not None
    url = str(window.db.engine.url)
    qtbot.waitUntil(lambda: url in service._cache)  # the area index, built at once
    qtbot.wait(300)
    index = service._cache[url][1]
    assert "suggester" not in vars(index)  # not yet: the first search has the CPU
    started = time.monotonic()
    window.shut_down()
    assert time.monotonic() - started < 5
    assert window._warmup is None or window._warmup.is_finished  # the thread has ended
    window.close()


def test_a_database_from_a_newer_version_is_explained(
    qtbot: QtBot, boxes: Boxes, data_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database().dispose()
    con = sqlite3.connect(paths.db_path())
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The app exits with 1; the real exit would leave the test process's event loops quitting
    # (Qt's quitNow), so that every later GUI test in this process times out.
    exits: list[int] = []
    monkeypatch.setattr(app, "exit", exits.append)
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=10000)
    kind, text = boxes.shown[0]
    assert kind == "critical" and "newer BranchDesk" in text
    qtbot.waitUntil(lambda: not window.isVisible())
    assert exits == [1]


def test_a_guide_pack_opened_from_explorer_is_imported_on_the_guides_page(
    qtbot: QtBot, boxes: Boxes, tmp_path: object
) -> None:
    """The installer registers "Open with BranchDesk" for packs: `BranchDesk --open PACK`."""
    from pathlib import Path

    from branchdesk.guides import packs, service
    from branchdesk.guides.service import StepData
    from branchdesk.ui.shell.main_window import GUIDES

    db = open_database()
    with db.session() as session:
        gid = service.create_guide(session, "揽收入库", "操作", who="test")
        data = service.get_guide(session, gid)
        data.steps = [StepData("扫描入库")]
        service.save_guide(session, gid, data, who="test")
        pack = Path(str(tmp_path)) / "揽收入库.zip"
        packs.export_pack(session, gid, pack)
    db.dispose()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = launch(app, SettingsStore(), open_path=pack)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.built(GUIDES) is not None, timeout=10000)
    assert window.nav.currentRow() == GUIDES
    chosen = window.guides_page.selected()
    assert chosen is not None and chosen.id != gid and chosen.title.startswith("揽收入库")
    assert not [b for b in boxes.shown if b[0] == "wizard"]  # no welcome over it
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


@pytest.fixture
def nobody_picks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample branch has a team: its agent picker at start is left unanswered."""
    from branchdesk.ui.team.agent_picker import AgentPicker

    monkeypatch.setattr(AgentPicker, "pick", staticmethod(lambda *_a, **_k: (None, False)))


@pytest.fixture
def picks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each time the agent picker is asked (left unanswered), recorded."""
    from branchdesk.ui.team.agent_picker import AgentPicker

    asked: list[bool] = []

    def pick(*_args: object, **_kwargs: object) -> tuple[None, bool]:
        asked.append(True)
        return None, False

    monkeypatch.setattr(AgentPicker, "pick", staticmethod(pick))
    return asked


def _answered_on_lookup(qtbot: QtBot, window: MainWindow) -> None:
    """The search typed in the look is answered once the data opens, and 查件 stays in
    front (nothing asked for earlier takes the agent away); then the window closes."""
    from branchdesk.ui.shell.main_window import LOOKUP

    with qtbot.waitSignal(window.lookup_page.searched, timeout=10000):
        pass
    qtbot.wait(100)  # what the data's opening queued has run
    assert window.nav.currentRow() == LOOKUP
    assert window.pages.currentWidget() is window.lookup_page
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def _launch_on_branch(qtbot: QtBot, sample_db: object, open_path: Path | None = None) -> MainWindow:
    """The window started on a branch's database (settings taken over, as after a first
    start): it paints the start-up look, and the data opens after."""
    from branchdesk.db.engine import Database
    from branchdesk.owner import policy

    assert isinstance(sample_db, Database)
    policy.start(sample_db, SettingsStore())
    sample_db.dispose()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = launch(app, SettingsStore(), open_path=open_path)
    qtbot.addWidget(window)
    return window


def test_the_first_paint_shows_the_days_due_list_before_the_data_opens(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None
) -> None:
    """The start-up look (sqlite3, before SQLAlchemy): 今天's due list, the counts and the
    branch's name are on the window it shows; the data then opens under them unchanged."""
    from datetime import datetime, timedelta

    from sqlalchemy import text

    from branchdesk.db.engine import Database
    from branchdesk.owner import policy
    from branchdesk.ui.shell.main_window import TODAY

    assert isinstance(sample_db, Database)
    now = datetime.now().replace(microsecond=0)
    with sample_db.session() as s:
        s.execute(text("UPDATE complaint SET status = 'closed'"))
        ids = list(s.scalars(text("SELECT id FROM complaint ORDER BY id LIMIT 12")))
        for n, complaint_id in enumerate(ids):  # 4 overdue, 8 due within the lead time
            s.execute(
                text("UPDATE complaint SET status = 'new', due_at = :due WHERE id = :id"),
                {"due": now + timedelta(minutes=-90 if n < 4 else 30 + n), "id": complaint_id},
            )
    policy.start(sample_db, SettingsStore())  # as the first start did
    with sample_db.session() as s:
        policy.change(s, {"branch_name": "城东网点", "complaint_lead_hours": 3})
    sample_db.dispose()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    # Shown with the window, before the data is open.
    assert window.db is None and window.isVisible()
    assert window.pages.currentWidget() is window.built(TODAY)
    page = window.today_page
    looked = page.due_summary.text(), [page.due_list.item(i).text() for i in range(8)]
    assert page.due_list.count() == 8
    assert "4 overdue, 8 due within 3 h" in looked[0]
    assert "overdue" in looked[1][0] and "overdue" not in looked[1][-1]
    # Overdue ones in dark red, the others as usual.
    assert page.due_list.item(0).foreground().color().name() == "#800000"
    assert page.due_list.item(7).foreground().color().name() != "#800000"
    counts = window.due_indicator.text()
    assert window.due_indicator.isVisibleTo(window) and counts == "4 overdue · 8 due within 3 h"
    assert "城东网点" in window.windowTitle()
    # The sample's banner is there from the first paint (its button waits for the data), so
    # 今天 is not pushed down under the user's pointer when the data opens.
    assert window.sample_bar.isVisibleTo(window)
    assert not window.remove_sample_button.isEnabled()
    top = window.pages.mapTo(window, window.pages.rect().topLeft())
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    qtbot.waitUntil(window.remove_sample_button.isEnabled)  # the services' answer, after
    assert window.sample_bar.isVisibleTo(window)
    assert window.pages.mapTo(window, window.pages.rect().topLeft()) == top
    # The data open: the same page, read again through the services, says the same.
    assert window.db is not None and window.today_page is page
    assert page.due_summary.text() == looked[0]
    assert [page.due_list.item(i).text() for i in range(page.due_list.count())] == looked[1]
    assert window.due_indicator.text() == counts
    assert window.lookup_page.search_box.hasFocus()
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_no_look_before_the_branch_settings_are_taken_over(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None
) -> None:
    """settings.json's branch settings not yet moved into the database (the start writes them
    there): no look, the window waits for the data, as it always did."""
    from sqlalchemy import text

    from branchdesk.db.engine import Database
    from branchdesk.ui.shell.main_window import TODAY

    assert isinstance(sample_db, Database)
    with sample_db.session() as s:
        s.execute(text("DELETE FROM branch_setting"))
    sample_db.dispose()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.loading and window.built(TODAY) is None
    assert not window.due_indicator.isVisibleTo(window)
    with qtbot.waitSignal(window.data_ready, timeout=20000):
        pass
    assert window.pages.currentWidget() is window.today_page
    assert window.due_indicator.isVisibleTo(window)
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


@pytest.mark.parametrize(
    "failing",
    [
        ("branchdesk.ui.lookup.lookup_page", "LookupPage", "attach"),  # the last step
        ("branchdesk.ui.shell.pages_part", "PagesPart", "_add_today_cards"),  # an early one
    ],
    ids=["lookup-attach", "today-cards"],
)
def test_when_the_window_cannot_be_built_on_the_data_the_look_does_not_stay_up(
    qtbot: QtBot,
    boxes: Boxes,
    sample_db: object,
    nobody_picks: None,
    monkeypatch: pytest.MonkeyPatch,
    failing: tuple[str, str, str],
) -> None:
    """A step of opening the data failing after the look was painted: the look's figures
    go, the window says the data could not be opened, the navigation does not bring the
    look's pages back as if they were current, and the error is raised."""
    import importlib

    from branchdesk.ui.shell.main_window import LOOKUP, TODAY

    module, cls, name = failing

    def broken(self: object, *_args: object) -> object:
        raise RuntimeError("damaged page")

    monkeypatch.setattr(getattr(importlib.import_module(module), cls), name, broken)
    with qtbot.capture_exceptions() as raised:
        window = _launch_on_branch(qtbot, sample_db)
        assert window.due_indicator.isVisibleTo(window)  # the look is up
        assert window.sample_bar.isVisibleTo(window)  # with the sample's banner
        qtbot.waitUntil(lambda: bool(raised), timeout=10000)
    assert "damaged page" in str(raised[0][1])
    assert not window.sample_bar.isVisibleTo(window)  # no dead 移除示例数据 over the failure
    shown = window.pages.currentWidget()
    assert shown is not window.built(0) and "could not be opened" in shown.text()
    assert not window.due_indicator.isVisibleTo(window)
    assert window.statusBar().currentMessage() == "The branch's data could not be opened."
    assert not window.nav.isEnabled()
    for row in (TODAY, LOOKUP):  # Ctrl+1, Ctrl+2 (the navigation is off for clicks)
        window.go_to_page(row)
        assert window.pages.currentWidget() is shown
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_a_database_held_by_another_program_is_said_to_be_held_not_damaged(
    qtbot: QtBot, boxes: Boxes, data_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync tool or a database viewer holding the file locked: the start says so and
    what to do, and offers no restore (the file is fine)."""
    from branchdesk.db import engine

    open_database().dispose()
    holder = sqlite3.connect(paths.db_path())
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(engine, "OPEN_WAIT_S", 0.2)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    exits: list[int] = []
    monkeypatch.setattr(app, "exit", exits.append)
    window = launch(app, SettingsStore())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=10000)
    holder.rollback()
    holder.close()
    assert [kind for kind, _text in boxes.shown] == ["critical"]  # no restore question
    assert "held by another program" in boxes.shown[0][1]
    qtbot.waitUntil(lambda: not window.isVisible())
    assert exits == [1]


def test_an_address_typed_in_the_start_up_look_is_answered_once_the_data_opens(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None
) -> None:
    """查地址 works from the first paint: 查件 is there before the data is open, takes what the
    agent types, says it is opening the data, and answers as soon as it is open, without
    selecting the text (the agent may be typing still) or leaving 查件."""
    from branchdesk.ui.shell.main_window import LOOKUP

    window = _launch_on_branch(qtbot, sample_db)
    assert window.db is None  # the start-up look, the data not open yet
    qtbot.mouseClick(window.today_page.job_buttons["lookup"], Qt.MouseButton.LeftButton)
    page = window.lookup_page
    assert window.pages.currentWidget() is page and window.nav.currentRow() == LOOKUP
    assert window.focusWidget() is page.search_box  # (the window is not active offscreen)
    page.search_box.insert("晓风苑")  # as the input method commits it
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert window.db is None
    assert "Opening the branch's data" in page.summary.text() and "晓风苑" in page.summary.text()
    assert not page.batch_button.isEnabled()  # 批量分单 needs the data
    with qtbot.waitSignal(page.searched, timeout=10000) as answered:
        pass
    result = answered.args[0]
    assert [c.name for c in result.couriers][:1] == ["张伟"] and result.level == "exact"
    assert "张伟" in page.summary.text() and "Opening" not in page.summary.text()
    assert window.pages.currentWidget() is page and window.nav.currentRow() == LOOKUP
    assert page.search_box.text() == "晓风苑" and not page.search_box.hasSelectedText()
    assert page.batch_button.isEnabled()
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_a_page_chosen_in_the_start_up_look_is_shown_once_the_data_opens(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None
) -> None:
    """Before the data is open, 投诉 (say) cannot be built: the navigation stays where it is,
    the status bar says the page comes with the data, and the last page chosen is shown
    then; 查件 and 今天 are shown at once."""
    from branchdesk.ui.shell.main_window import COMPLAINTS, GUIDES, LOOKUP, TODAY

    window = _launch_on_branch(qtbot, sample_db)
    assert window.db is None
    window.nav.setCurrentRow(GUIDES)
    assert window.nav.currentRow() == TODAY and window.pages.currentIndex() == TODAY
    assert "Guides" in window.statusBar().currentMessage()
    window.nav.setCurrentRow(LOOKUP)  # shown at once
    assert window.pages.currentWidget() is window.lookup_page
    window.nav.setCurrentRow(COMPLAINTS)  # the last chosen
    assert window.nav.currentRow() == LOOKUP
    qtbot.waitUntil(lambda: window.nav.currentRow() == COMPLAINTS, timeout=10000)
    assert window.db is not None
    assert window.pages.currentWidget() is window.complaints_page
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_a_page_chosen_in_the_look_then_left_for_lookup_is_not_shown_later(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None
) -> None:
    """指南 chosen, then 查件 before the data opened: the agent typing in 查件 is not taken
    away to 指南 when it opens."""
    from branchdesk.ui.shell.main_window import GUIDES, LOOKUP

    window = _launch_on_branch(qtbot, sample_db)
    window.nav.setCurrentRow(GUIDES)
    window.go_to_page(LOOKUP)
    window.lookup_page.search_box.insert("晓风苑")
    _answered_on_lookup(qtbot, window)


def test_a_search_made_while_the_area_index_is_built_leaves_the_window_free(
    qtbot: QtBot,
    boxes: Boxes,
    sample_db: object,
    nobody_picks: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first second after a start, the area index is built on the start-up thread: a
    search typed then waited for it on the UI thread (a window that took no key or click,
    0.3 s on 1,000,000 waybills); it now waits on a thread and is answered when it is in."""
    import threading

    from branchdesk.lookup import service

    gate = threading.Event()  # the index's build, held until the test lets it go

    class SlowIndex(service.LookupIndex):
        def __init__(self, session: object) -> None:
            gate.wait(10)
            super().__init__(session)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "LookupIndex", SlowIndex)
    window = _launch_on_branch(qtbot, sample_db)
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    page = window.lookup_page
    window.do_job("lookup")
    page.search_box.setText("晓风苑")
    page.run_search()  # returns without an answer: the index is not in yet
    assert page.last_result is None and "晓风苑" in page.summary.text()
    page.search_box.setText("晓风苑1号楼")  # typed on meanwhile: still taken
    page.run_search()  # Enter: the summary names what the box says now
    assert "晓风苑1号楼" in page.summary.text()
    qtbot.wait(50)  # the window handles its events meanwhile
    assert page.last_result is None
    gate.set()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=10000)
    assert page.last_result.query == "晓风苑1号楼"
    assert [c.name for c in page.last_result.couriers][:1] == ["张伟"]
    qtbot.waitUntil(lambda: window._warmup is None, timeout=10000)
    window.close()


@pytest.mark.parametrize("typed", ["晓风苑", ""], ids=["typed", "box-empty"])
def test_the_agent_picker_waits_while_an_address_typed_in_the_look_is_being_searched(
    qtbot: QtBot,
    boxes: Boxes,
    sample_db: object,
    picks: list[bool],
    typed: str,
) -> None:
    """With a team, the data's opening asks who is working: over a search begun in the
    look, the agent's Enter for the search picked the first name (also when 查地址 was
    clicked and the first key came as the data opened). The question now waits until the
    agent leaves 查件."""
    from branchdesk.ui.shell.main_window import LOOKUP, TODAY

    asked = picks
    window = _launch_on_branch(qtbot, sample_db)
    window.go_to_page(LOOKUP)
    window.lookup_page.search_box.insert(typed)
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    qtbot.wait(300)
    assert not asked  # the sample branch has a team, and the agent is in 查件
    assert "(to confirm when you leave 查件)" in window.agent_label.text()
    window.lookup_page.search_box.insert("1号楼")
    window.nav.setCurrentRow(TODAY)  # leaves 查件: now asked
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert asked == [True]
    assert "to confirm" not in window.agent_label.text()
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_the_start_s_picker_waiting_for_lookup_is_not_asked_again_after_the_tray_asked(
    qtbot: QtBot, boxes: Boxes, sample_db: object, picks: list[bool]
) -> None:
    """Waiting for the agent to leave 查件, the window went to the tray and came back (which
    asks who is working): leaving 查件 then asked a second time."""
    from branchdesk.ui.shell.main_window import LOOKUP, TODAY

    asked = picks
    window = _launch_on_branch(qtbot, sample_db)
    window.go_to_page(LOOKUP)
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    qtbot.wait(100)
    assert not asked
    window.ask_agent()  # as the window shown from the tray does
    assert asked == [True]
    window.nav.setCurrentRow(TODAY)
    qtbot.wait(400)
    assert asked == [True]
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_the_picker_is_asked_at_once_when_nobody_typed_in_the_look(
    qtbot: QtBot, boxes: Boxes, sample_db: object, picks: list[bool]
) -> None:

    asked = picks
    window = _launch_on_branch(qtbot, sample_db)
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_what_was_asked_for_in_the_look_is_dropped_when_the_agent_goes_on_in_lookup(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None
) -> None:
    """数据 chosen then 查件 clicked again (no row change), or the 指南 job then typing in
    查件: when the data opens the window stayed with what came first, away from the search."""
    from branchdesk.ui.shell.main_window import DATA, LOOKUP
    from tests.ui.conftest import type_text

    window = _launch_on_branch(qtbot, sample_db)
    window.go_to_page(LOOKUP)
    window.nav.setCurrentRow(DATA)  # needs the data: asked for
    assert window.nav.currentRow() == LOOKUP and "数据" not in window.statusBar().currentMessage()
    assert window.nav.item(DATA).text() in window.statusBar().currentMessage()
    rect = window.nav.visualItemRect(window.nav.item(LOOKUP))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.statusBar().currentMessage() == "Opening the branch's data…"
    qtbot.mouseClick(window.today_page.job_buttons["guides"], Qt.MouseButton.LeftButton)
    assert "Guides" in window.statusBar().currentMessage() or "guide" in (
        window.statusBar().currentMessage().lower()
    )
    type_text(qtbot, window.lookup_page.search_box, "晓风苑")
    _answered_on_lookup(qtbot, window)


def test_settings_opened_in_the_look_come_with_the_data(
    qtbot: QtBot,
    boxes: Boxes,
    sample_db: object,
    nobody_picks: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """设置 opened before the data was open showed the dialog without it: a branch setting
    saved there was refused as "the data is not open" although it was by then."""
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    opened: list[object] = []

    def exec_(self: SettingsDialog) -> int:
        opened.append(self.db)
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    window = _launch_on_branch(qtbot, sample_db)
    window.open_settings()
    assert opened == []
    with qtbot.waitSignal(window.data_ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [window.db] and window.db is not None
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()


def test_a_guide_pack_opened_at_start_waits_for_a_search_typed_in_the_look(
    qtbot: QtBot, boxes: Boxes, sample_db: object, nobody_picks: None, tmp_path: Path
) -> None:
    """`BranchDesk --open PACK` while the agent types an address in the look: the window
    jumped to 指南 when the data opened, and the answer came on a hidden page. The pack now
    waits until the agent leaves 查件 (the status bar says so), then is imported."""
    from branchdesk.db.engine import Database
    from branchdesk.guides import packs, service
    from branchdesk.guides.service import StepData
    from branchdesk.ui.shell.main_window import GUIDES, LOOKUP

    assert isinstance(sample_db, Database)
    with sample_db.session() as session:
        gid = service.create_guide(session, "揽收入库", "操作", who="test")
        data = service.get_guide(session, gid)
        data.steps = [StepData("扫描入库")]
        service.save_guide(session, gid, data, who="test")
        pack = tmp_path / "揽收入库.zip"
        packs.export_pack(session, gid, pack)
    window = _launch_on_branch(qtbot, sample_db, open_path=pack)
    window.go_to_page(LOOKUP)
    window.lookup_page.search_box.insert("晓风苑")
    with qtbot.waitSignal(window.lookup_page.searched, timeout=10000):
        pass
    qtbot.wait(100)
    assert window.nav.currentRow() == LOOKUP and window.built(GUIDES) is None
    assert "揽收入库.zip" in window.statusBar().currentMessage()
    window.nav.setCurrentRow(GUIDES)
    qtbot.waitUntil(lambda: window.guides_page.selected() is not None, timeout=10000)
    chosen = window.guides_page.selected()
    assert chosen is not None and chosen.id != gid and chosen.title.startswith("揽收入库")
    qtbot.waitUntil(lambda: window._warmup is None)
    window.close()
