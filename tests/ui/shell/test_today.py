"""今天, the start page: the day's due complaints and the day-one jobs, each one click away."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.complaints import service as complaints
from branchdesk.db.engine import Database
from branchdesk.ui.complaints.complaint_dialog import ComplaintDialog
from branchdesk.ui.complaints.detail_dialog import ComplaintDetailDialog
from branchdesk.ui.handbook.print_dialog import PrintDialog
from branchdesk.ui.shell.main_window import GUIDES, LOOKUP, TODAY, MainWindow
from tests.conftest import without_complaints


def _complaint(window: MainWindow, due_in_hours: float) -> int:
    assert window.db is not None
    return _complaint_in(window.db, due_in_hours)


def _complaint_in(db: Database, due_in_hours: float) -> int:
    with db.session() as s:
        complaints.ensure_default_categories(s)
        category = complaints.category_tree(s)[0]
        row = complaints.create_complaint(
            s,
            complaints.NewComplaint(
                channel="电话",
                category_id=category.id,
                description="催件",
                phone="13805741234",
                received_at=datetime.now() - timedelta(hours=24) + timedelta(hours=due_in_hours),
            ),
            "测试",
        )
        return row.id


def test_the_window_starts_on_today_with_the_jobs(window: MainWindow) -> None:
    assert window.nav.currentRow() == TODAY
    assert window.pages.currentWidget() is window.today_page
    page = window.today_page
    assert datetime.now().strftime("%Y-%m-%d") in page.heading.text()
    assert set(page.job_buttons) == {"lookup", "complaint", "sheet", "exam", "guides"}
    assert all(b.isVisible() and b.isEnabled() for b in page.job_buttons.values())


def test_the_start_fills_today_once_with_its_cards(
    qtbot: QtBot, sample_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each part the start attaches (its cards, the agent, the reminders, showing the page)
    # asked 今天 to refresh: three fills, each reading every due complaint and card again.
    from branchdesk.ui.shell import today_cards

    due = _complaint_in(sample_db, 0.5)
    fills: list[str] = []
    real_due_soon = complaints.due_soon
    real_queue = today_cards.QueueCard.refresh

    def due_soon(*args: object, **kwargs: object) -> object:
        fills.append("due")
        return real_due_soon(*args, **kwargs)  # type: ignore[arg-type]

    def queue(card: today_cards.QueueCard) -> None:
        fills.append("queue")
        real_queue(card)

    monkeypatch.setattr(complaints, "due_soon", due_soon)
    monkeypatch.setattr(today_cards.QueueCard, "refresh", queue)
    window = MainWindow(sample_db)
    qtbot.addWidget(window)
    # The status bar's reminders count once, 今天 lists once, its queue card fills once.
    assert fills.count("due") == 2
    assert fills.count("queue") == 1
    listed = window.today_page.due_list
    assert due in [listed.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listed.count())]


def test_due_complaints_are_listed_and_open_from_the_list(qtbot: QtBot, window: MainWindow) -> None:
    page = window.today_page
    assert window.db is not None
    without_complaints(window.db)  # the sample's own due complaints are another test's
    page.refresh()
    assert page.due_summary.text() == "Nothing is due today."
    late = _complaint(window, -3)  # due three hours ago
    _complaint(window, 1)  # due within the lead time
    _complaint(window, 100)  # not due today
    page.refresh()
    assert page.due_summary.text().startswith("1 overdue, 1 due within 2 h")
    assert page.due_list.count() == 2
    first = page.due_list.item(0)
    assert first.text().endswith("overdue")
    page.due_list.setCurrentItem(first)
    qtbot.keyClick(page.due_list, Qt.Key.Key_Return)  # as a double-click does
    dialog = window.complaints_page.detail
    assert isinstance(dialog, ComplaintDetailDialog) and dialog.isVisible()
    assert dialog.complaint_id == late
    dialog.reject()


def test_the_minute_tick_brings_today_up_to_date(window: MainWindow) -> None:
    """An agent who stays on 今天 all day and never opens 投诉 still sees what fell due."""
    from branchdesk.ui.shell.main_window import COMPLAINTS

    page = window.today_page
    assert window.db is not None
    without_complaints(window.db)
    window.refresh_reminders()
    assert page.due_summary.text() == "Nothing is due today."
    _complaint(window, 1)  # logged elsewhere (the command line, another PC's import)
    window.reminder_timer.timeout.emit()  # the minute's tick
    assert window.built(COMPLAINTS) is None
    assert page.due_summary.text().startswith("0 overdue, 1 due within 2 h")
    assert page.due_list.count() == 1
    assert window.due_indicator.text() == "0 overdue · 1 due within 2 h"


def test_lookup_and_guides_are_one_click(qtbot: QtBot, window: MainWindow) -> None:
    buttons = window.today_page.job_buttons
    qtbot.mouseClick(buttons["lookup"], Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == LOOKUP
    assert QApplication.focusWidget() is window.lookup_page.search_box
    window.nav.setCurrentRow(TODAY)
    qtbot.mouseClick(buttons["guides"], Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == GUIDES and window.built(GUIDES) is not None


def test_log_a_complaint_is_one_click(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.today_page.job_buttons["complaint"], Qt.MouseButton.LeftButton)
    dialog = window.complaints_page.dialog
    assert isinstance(dialog, ComplaintDialog) and dialog.isVisible()
    dialog.reject()


def _printed(qtbot: QtBot, press: object) -> str:
    seen: list[str] = []

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PrintDialog):
            seen.append(dialog.document.currentData())
            dialog.reject()
        else:
            QTimer.singleShot(20, grab)

    QTimer.singleShot(0, grab)
    press()  # type: ignore[operator]
    assert seen, "no print dialog opened"
    return seen[0]


def test_vehicle_sheets_and_exam_print_in_one_click(qtbot: QtBot, window: MainWindow) -> None:
    buttons = window.today_page.job_buttons
    click = qtbot.mouseClick
    # The exam has its key, as the other day-one jobs have (it had none).
    assert buttons["exam"].text().endswith("Ctrl+Shift+P")
    window.activateWindow()
    press = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    assert _printed(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_P, press)) == "exam"
    assert _printed(qtbot, lambda: click(buttons["sheet"], Qt.MouseButton.LeftButton)) == "sheet"
    assert _printed(qtbot, lambda: click(buttons["exam"], Qt.MouseButton.LeftButton)) == "exam"
    # Ctrl+P on 今天 is the vehicle sheets too.
    assert _printed(qtbot, window.print_action.trigger) == "sheet"


def test_with_a_team_today_shows_what_waits_for_the_agent(qtbot: QtBot, db: Database) -> None:
    from branchdesk.team import agents
    from branchdesk.team.assignments import assign
    from branchdesk.ui.shell.today_cards import QcCard, QueueCard
    from branchdesk.ui.team.agent_picker import work_as

    window = MainWindow(db)  # a branch without a team yet
    qtbot.addWidget(window)
    window.show()
    page = window.today_page
    queue = page.findChild(QueueCard)
    qc = page.findChild(QcCard)
    assert queue is not None and qc is not None
    assert queue.isHidden() and qc.isHidden()  # no team: no team cards
    assert window.db is not None
    complaint = _complaint(window, 5)
    with window.db.session() as s:
        agent = agents.add_agent(s, "王芳", audit=False)
        assign(s, "complaint", complaint, agent.id, "按业务员 王芳", by="测试")
    page.refresh()
    assert not queue.isHidden() and not qc.isHidden()
    assert "Pick your name" in queue.summary.text() and not queue.button.isEnabled()
    work_as(window.db, window.settings, agent)
    window.refresh_agent()
    assert queue.summary.text() == "王芳: 1 complaint(s) and 0 follow-up(s) are yours."
    assert queue.button.isEnabled()
