"""投诉登记: log a complaint through the real form, follow it to closure, reminders, duplicates."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from branchdesk.complaints import service
from branchdesk.complaints.models import Complaint
from branchdesk.complaints.service import ComplaintFilter, ComplaintRow, NewComplaint
from branchdesk.complaints.workflow import (
    CALLBACK,
    CLOSED,
    ESCALATED,
    NEW,
    PROCESSING,
    STATUSES,
    allowed,
)
from branchdesk.db.engine import Database
from branchdesk.lookup.models import Waybill
from branchdesk.ui.complaints.categories_dialog import ComplaintCategoriesDialog
from branchdesk.ui.complaints.close_dialog import CloseDialog
from branchdesk.ui.complaints.complaint_dialog import ComplaintDialog
from branchdesk.ui.complaints.complaints_page import COL_DUE, ComplaintsPage
from branchdesk.ui.complaints.detail_dialog import ComplaintDetailDialog
from branchdesk.ui.shell.main_window import COMPLAINTS, LOOKUP, MainWindow
from tests.ui.conftest import Boxes, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _page(window: MainWindow) -> ComplaintsPage:
    window.nav.setCurrentRow(COMPLAINTS)
    return window.complaints_page


def _waybill(db: Database) -> Waybill:
    """A sample waybill whose courier the waybill list knows."""
    with db.session() as s:
        found = s.scalars(
            select(Waybill).where(Waybill.courier_name.is_not(None)).order_by(Waybill.id)
        ).first()
        assert found is not None
        s.expunge(found)
        return found


def _category_id(db: Database, name: str) -> int:
    with db.session() as s:
        return next(c.id for c in service.categories_for_choice(s) if c.name == name)


def _log(
    db: Database,
    waybill: str = "",
    *,
    category: str = "派送延误",
    received: datetime | None = None,
    due: datetime | None = None,
    customer: str = "",
    courier: str = "",
    description: str = "客户催件",
) -> ComplaintRow:
    category_id = _category_id(db, category)
    with db.session() as s:
        return service.create_complaint(
            s,
            NewComplaint(
                channel="电话",
                category_id=category_id,
                waybill_no=waybill,
                customer_name=customer,
                courier_name=courier,
                description=description,
                received_at=received,
                due_at=due,
            ),
            "测试",
        )


def _all(db: Database, merged: bool = True) -> list[ComplaintRow]:
    with db.session() as s:
        return service.list_complaints(s, ComplaintFilter(include_merged=merged))


def _new_dialog(qtbot: QtBot, page: ComplaintsPage) -> ComplaintDialog:
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    _activate(qtbot, dialog)
    return dialog


def _activate(qtbot: QtBot, dialog: QDialog) -> None:
    # The offscreen platform does not activate a newly shown window by itself.
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def _shown_detail(qtbot: QtBot, db: Database, complaint_id: int) -> ComplaintDetailDialog:
    """A complaint's detail, shown and active (keys go to it)."""
    detail = ComplaintDetailDialog(db, complaint_id)
    qtbot.addWidget(detail)
    detail.show()
    _activate(qtbot, detail)
    return detail


def _type_waybill(qtbot: QtBot, dialog: ComplaintDialog, number: str) -> None:
    dialog.form.waybill.setFocus()
    qtbot.keyClicks(dialog.form.waybill, number)
    qtbot.keyClick(dialog.form.waybill, Qt.Key.Key_Return)


def test_log_a_complaint_through_the_form(qtbot: QtBot, window: MainWindow, boxes: Boxes) -> None:
    page = _page(window)
    waybill = _waybill(window.db)
    dialog = _new_dialog(qtbot, page)
    form = dialog.form

    # The waybill number fills the courier and the customer from the waybill list.
    _type_waybill(qtbot, dialog, waybill.number)
    assert form.courier.text() == waybill.courier_name
    assert form.courier_phone.text() == "13805740009"  # 周杰's, from the couriers table
    assert form.customer.text() == waybill.recipient
    assert form.address.text() == waybill.address
    assert "waybill list" in form.source.text()
    assert dialog.isVisible()  # Enter moved on, it did not save
    assert form.address.hasFocus()

    # The category sets the deadline and the script; the script shows the facts.
    form.category.setFocus()
    form.category.setCurrentIndex(form.category.findData(_category_id(window.db, "派送延误")))
    assert form.due_at() == form.received + timedelta(hours=24)
    script = dialog.script.view.toPlainText()
    assert waybill.number in script
    assert waybill.courier_name in script
    assert "【预计到达】" not in script  # the sample data knows the arrival time
    assert dialog.script.missing.text() == "Every fact is filled in."

    # One click copies the reply, and the button says so for a moment; Ctrl+Shift+C too.
    qtbot.mouseClick(dialog.script.copy_button, Qt.MouseButton.LeftButton)
    assert waybill.number in QApplication.clipboard().text()
    assert dialog.script.copy_button.text() == "Copied ✓"
    qtbot.waitUntil(lambda: dialog.script.copy_button.text() == "Copy reply", timeout=4000)
    QApplication.clipboard().clear()
    qtbot.keyClick(dialog, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert waybill.courier_name in QApplication.clipboard().text()

    # A banned phrase in the reply is flagged; answering No saves nothing.
    reply = dialog.script.reply
    reply.setFocus()
    reply.moveCursor(reply.textCursor().MoveOperation.End)
    type_text(qtbot, reply, "不知道")
    assert dialog.script.banned_label.isVisible()
    assert reply.extraSelections()
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    assert boxes.shown[-1][0] == "question"
    assert boxes.shown[-1][1] == (
        "A phrase to avoid: The reply contains “不知道”, which a customer must not hear. "
        "Save it anyway?"
    )
    assert _all(window.db) == []
    assert dialog.isVisible()

    # Take the phrase out, bring the deadline near, save with Ctrl+Enter.
    for _ in range(3):
        qtbot.keyClick(reply, Qt.Key.Key_Backspace)
    assert not dialog.script.banned_label.isVisible()
    shown = len(boxes.shown)
    form.set_due(service.now() + timedelta(hours=1))
    qtbot.keyClick(reply, Qt.Key.Key_Return, CTRL)
    assert len(boxes.shown) == shown  # no question this time
    saved = _all(window.db)
    assert len(saved) == 1
    row = saved[0]
    assert row.waybill_no == waybill.number
    assert row.courier_name == waybill.courier_name
    assert waybill.number in row.reply and "不知道" not in row.reply
    assert row.status == NEW

    # It is in the list, in the due queue and in the status bar's count.
    assert page.model.rows[0].id == row.id
    index = page.model.index(0, COL_DUE)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None  # due soon
    assert [r.id for r in page.due_model.rows] == [row.id]
    assert window.due_indicator.text() == "0 overdue · 1 due within 2 h"
    assert "1 due within 2 h" in page.soon_label.text()


def test_copy_reply_with_nothing_to_copy_leaves_the_clipboard_alone(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """No category yet, so no script and no reply: Ctrl+Shift+C says there is nothing to
    copy, and the waybill number the agent copied before is still on the clipboard (no
    "Copied" sign either)."""
    from PySide6.QtWidgets import QLabel

    page = _page(window)
    QApplication.clipboard().setText("YT4300000001")
    dialog = _new_dialog(qtbot, page)
    dialog.form.waybill.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.script.copy_button.text() == "Nothing to copy"
    assert QApplication.clipboard().text() == "YT4300000001"
    qtbot.wait(50)
    sign = dialog.findChild(QLabel, "copiedSign")
    assert sign is None or not sign.isVisible()
    dialog.reject()


def test_enter_moves_on_and_a_missing_category_is_refused(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    page = _page(window)
    dialog = _new_dialog(qtbot, page)
    assert dialog.form.waybill.hasFocus()  # a scanned waybill lands in its field
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.form.phone.hasFocus()  # waybill → address → customer → phone
    assert dialog.form.channel.currentText() == "电话"
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert boxes.shown[-1][0] == "warning"
    assert boxes.shown[-1][1] == (
        "The complaint was not saved: Choose a category: it sets the deadline and the script."
    )
    assert dialog.isVisible() and dialog.error.isVisible()
    # With a category but neither a waybill nor a description, the service says what to do.
    dialog.form.set_category(_category_id(window.db, "其他"))
    assert not dialog.error.isVisible()  # "Choose a category" went with the choice
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    assert boxes.shown[-1][1] == (
        "The complaint was not saved: Enter the waybill number or describe the complaint."
    )
    assert dialog.error.isVisible()
    assert _all(window.db) == []


def test_escape_asks_before_dropping_what_was_typed(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    dialog = _new_dialog(qtbot, _page(window))
    type_text(qtbot, dialog.form.description, "客户要求改地址")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert boxes.shown[-1][0] == "question"
    assert dialog.isVisible()
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _all(window.db) == []


def test_an_unknown_waybill_finds_the_courier_from_the_address(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _new_dialog(qtbot, _page(window))
    _type_waybill(qtbot, dialog, "YT0000000001")
    assert "Not in the waybill list" in dialog.form.source.text()
    assert dialog.form.courier.text() == ""
    type_text(qtbot, dialog.form.address, "中山西路37号")
    qtbot.keyClick(dialog.form.address, Qt.Key.Key_Return)
    assert dialog.form.courier.text() == "王强"
    assert "area table" in dialog.form.source.text()


def test_process_and_close_from_the_detail(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    waybill = _waybill(window.db)
    logged = _log(window.db, waybill.number, courier=waybill.courier_name or "")
    page = _page(window)
    page.refresh()
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    detail = page.detail
    assert detail is not None and detail.isVisible()
    assert detail.title.text() == logged.ticket_no
    assert waybill.number in detail.script.view.toPlainText()
    assert set(detail.workflow_buttons) == set(allowed(NEW)) == {PROCESSING, ESCALATED}

    detail.workflow_buttons[PROCESSING].click()
    assert service_status(window.db, logged.id) == PROCESSING
    assert set(detail.workflow_buttons) == {ESCALATED, CALLBACK, CLOSED}

    # Closing without a resolution is refused with the message; nothing changes.
    monkeypatch.setattr(CloseDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    detail.workflow_buttons[CLOSED].click()
    assert boxes.shown[-1][0] == "warning"
    assert boxes.shown[-1][1] == (
        "The status was not changed: "
        "Write how the complaint was resolved (处理结果) before closing it."
    )
    assert service_status(window.db, logged.id) == PROCESSING

    def answer(dialog: CloseDialog) -> QDialog.DialogCode:
        type_text(qtbot, dialog.resolution, "已联系客户，当天补派")
        dialog.compensation.setValue(5.5)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CloseDialog, "exec", answer)
    type_text(qtbot, detail.note, "客户同意")
    detail.workflow_buttons[CLOSED].click()
    with window.db.session() as s:
        closed = service.get(s, logged.id)
        events = service.history(s, logged.id)
    assert closed.status == CLOSED
    assert closed.resolution == "已联系客户，当天补派"
    assert closed.compensation_fen == 550
    assert closed.closed_at is not None
    assert [(e.action, e.to_status) for e in events] == [
        ("created", NEW),
        ("status", PROCESSING),
        ("status", CLOSED),
    ]
    assert service.event_note(events[-1]).startswith("客户同意; ")  # the note, then the close
    assert detail.history.rowCount() == 3
    assert detail.history.item(2, 3).text() == "In progress → Closed"
    # Closed: only reopening is offered; the list shows it closed and the queue is empty.
    assert list(detail.workflow_buttons) == [PROCESSING]
    assert detail.workflow_buttons[PROCESSING].text() == "Reopen"
    assert page.model.rows[0].status == CLOSED
    assert page.due_model.rows == []


def service_status(db: Database, complaint_id: int) -> str:
    with db.session() as s:
        return service.get(s, complaint_id).status


@pytest.mark.parametrize("status", STATUSES)
def test_only_legal_transitions_are_offered(qtbot: QtBot, sample_db: Database, status: str) -> None:
    logged = _log(sample_db, "9900000000001")
    path = {
        NEW: [],
        PROCESSING: [PROCESSING],
        ESCALATED: [ESCALATED],
        CALLBACK: [PROCESSING, CALLBACK],
        CLOSED: [PROCESSING, CLOSED],
    }[status]
    with sample_db.session() as s:
        for step in path:
            service.transition(s, logged.id, step, "测试", resolution="补派", compensation_fen=0)
    detail = ComplaintDetailDialog(sample_db, logged.id)
    qtbot.addWidget(detail)
    assert set(detail.workflow_buttons) == set(allowed(status))


def test_an_illegal_step_is_refused_with_its_message(
    qtbot: QtBot, sample_db: Database, boxes: Boxes
) -> None:
    logged = _log(sample_db, "9900000000001")
    detail = ComplaintDetailDialog(sample_db, logged.id)
    qtbot.addWidget(detail)
    assert not detail.move_to(CALLBACK)  # not offered from 新建; refused if asked anyway
    assert boxes.shown[-1][0] == "warning"
    assert boxes.shown[-1][1] == (
        "The status was not changed: A complaint that is “New” cannot become "
        "“Awaiting call-back”. From here it can become: In progress、Escalated."
    )
    assert service_status(sample_db, logged.id) == NEW


def test_edit_a_field_in_the_detail(qtbot: QtBot, sample_db: Database) -> None:
    logged = _log(sample_db, "9900000000001")
    detail = _shown_detail(qtbot, sample_db, logged.id)
    detail.form.customer.setFocus()
    type_text(qtbot, detail.form.customer, "林女士")
    qtbot.keyClick(detail, Qt.Key.Key_S, CTRL)
    with sample_db.session() as s:
        assert service.get(s, logged.id).customer_name == "林女士"
        assert service.history(s, logged.id)[-1].action == "edit"
    assert "林女士" in detail.script.view.toPlainText()  # {客户称呼}


def test_escape_in_the_detail_asks_to_save_an_edit(
    qtbot: QtBot, sample_db: Database, boxes: Boxes
) -> None:
    logged = _log(sample_db, "9900000000001")
    detail = _shown_detail(qtbot, sample_db, logged.id)
    qtbot.keyClick(detail, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not detail.isVisible() and boxes.shown == []
    detail.show()
    _activate(qtbot, detail)
    detail.form.description.setFocus()
    type_text(qtbot, detail.form.description, "，已报总部")
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert boxes.shown[-1] == (
        "question",
        f"{logged.ticket_no}: Save the changes to {logged.ticket_no}?",
    )
    assert detail.isVisible()
    boxes.answer = QMessageBox.StandardButton.Save
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert not detail.isVisible()
    with sample_db.session() as s:
        assert "已报总部" in service.get(s, logged.id).description


def test_a_description_with_windows_line_breaks_is_no_change(
    qtbot: QtBot, sample_db: Database, boxes: Boxes
) -> None:
    """An imported description with \\r\\n and a no-break space came back from the text box as
    \\n and a space: Esc asked to save an untouched complaint, and saving wrote a false edit."""
    logged = _log(sample_db, "9900000000001", description="客户催件\r\n今天要\u00a0送到")
    with sample_db.session() as s:  # as an import may leave them: spaces at the ends
        s.execute(
            update(Complaint)
            .where(Complaint.id == logged.id)
            .values(customer_name=" 张三\u3000", address="海曙区药行街31号 ")
        )
    detail = ComplaintDetailDialog(sample_db, logged.id)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.pending_changes() == {}
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert not detail.isVisible() and boxes.shown == []


def test_quitting_asks_about_an_edited_complaint(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """Quit from the tray or a Windows log-off dropped the open complaint's edits unasked."""
    from branchdesk.app import end_with_session

    assert window.db is not None
    logged = _log(window.db, "9900000000001")
    detail = _page(window).open_complaint(logged.id)
    detail.form.customer.setText("林女士")
    boxes.answer = QMessageBox.StandardButton.Cancel
    window.quit_app()
    assert window.isVisible() and detail.isVisible()  # the agent stayed with the complaint

    class Manager:
        cancelled = False

        def allowsInteraction(self) -> bool:
            return True

        def release(self) -> None:
            pass

        def cancel(self) -> None:
            self.cancelled = True

    guides_closed: list[bool] = []
    original = window.save_or_keep_guides
    window.save_or_keep_guides = lambda: guides_closed.append(True) or original()  # type: ignore[method-assign]
    manager = Manager()
    end_with_session(window, manager)
    assert manager.cancelled and detail.isVisible()  # the log-off waits for the agent
    assert guides_closed == []  # no guide unsaved: their windows were left alone
    boxes.answer = QMessageBox.StandardButton.Save
    end_with_session(window, Manager())
    assert not detail.isVisible()
    with window.db.session() as s:
        assert service.get(s, logged.id).customer_name == "林女士"


def test_the_history_names_an_edited_field_in_chinese(
    qtbot: QtBot, sample_db: Database, chinese_ui: QApplication
) -> None:
    logged = _log(sample_db, "9900000000001")
    detail = _shown_detail(qtbot, sample_db, logged.id)
    detail.form.customer.setFocus()
    type_text(qtbot, detail.form.customer, "林女士")
    qtbot.keyClick(detail, Qt.Key.Key_S, CTRL)
    last = detail.history.rowCount() - 1
    assert detail.history.item(last, 2).text() == "修改"
    assert detail.history.item(last, 4).text() == "客户：— → 林女士"


def test_a_duplicate_waybill_is_flagged_and_merged(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    waybill = _waybill(window.db)
    first = _log(window.db, waybill.number)
    page = _page(window)
    page.refresh()
    dialog = _new_dialog(qtbot, page)
    _type_waybill(qtbot, dialog, waybill.number.lower())
    assert dialog.duplicate_row.isVisible()
    assert first.ticket_no in dialog.duplicate_label.text()
    assert dialog.merge_box.text() == f"Merge into {first.ticket_no}"
    assert dialog.merge_box.isChecked()
    dialog.form.set_category(_category_id(window.db, "催件"))
    type_text(qtbot, dialog.form.description, "客户再次来电")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    rows = _all(window.db)
    assert len(rows) == 2
    second = next(r for r in rows if r.id != first.id)
    assert second.merged_into_id == first.id
    # The list follows the one complaint; the history of the followed one tells of the merge.
    assert [r.id for r in page.model.rows] == [first.id]
    detail = page.open_complaint(first.id)
    actions = [detail.history.item(r, 2).text() for r in range(detail.history.rowCount())]
    assert actions.count("Created") == 2 and "Merged" in actions
    # The merged one opens read-only, saying where it went.
    merged = page.open_complaint(second.id)
    assert merged.merged_label.isVisible()
    assert first.ticket_no in merged.merged_label.text()
    assert merged.workflow_buttons == {}
    assert not merged.form.isEnabled()


def test_the_list_pages_and_filters_as_you_type(
    qtbot: QtBot, window: MainWindow, sample_db: Database
) -> None:
    start = service.now() - timedelta(days=10)
    delay = _category_id(sample_db, "派送延误")
    lost = _category_id(sample_db, "遗失")
    with sample_db.session() as s:
        for n in range(300):
            service.create_complaint(
                s,
                NewComplaint(
                    channel="电话",
                    category_id=lost if n % 10 == 0 else delay,
                    waybill_no=f"YT{9000000000 + n}",
                    customer_name="欧阳娜娜" if n == 123 else f"客户{n}",
                    phone=f"138{n:08d}",
                    courier_name="王强" if n % 3 == 0 else "李娜",
                    description="催件",
                    received_at=start + timedelta(minutes=n),
                ),
                "测试",
            )
    page = _page(window)
    page.model.PAGE = 100
    page.refresh()
    assert page.model.rowCount() == 100  # one page, not all 300
    assert page.model.canFetchMore()
    assert page.count_label.text() == "300 complaint(s)"

    page.focus_search()
    type_text(qtbot, page.search, "欧阳")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].customer_name == "欧阳娜娜"
    page.search.clear()
    qtbot.keyClicks(page.search, "900000012")  # waybill numbers YT9000000120…129
    qtbot.waitUntil(lambda: page.model.rowCount() == 10)
    assert page.count_label.text() == "10 complaint(s)"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 100)

    page.category_filter.setCurrentIndex(page.category_filter.findData(lost))
    assert page.count_label.text() == "30 complaint(s)"
    page.courier_filter.setCurrentIndex(page.courier_filter.findData("王强"))
    assert page.count_label.text() == "10 complaint(s)"  # n % 30 == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData(CLOSED))
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    assert page.model.rowCount() == 10


def test_the_status_bar_counts_and_opens_the_due_queue(qtbot: QtBot, window: MainWindow) -> None:
    now = service.now()
    late = _log(window.db, "9900000000001", received=now - timedelta(days=3))
    _log(window.db, "9900000000002", received=now - timedelta(hours=23))  # due in 1 h
    _log(window.db, "9900000000003")  # due tomorrow
    window.refresh_reminders()
    assert window.due_indicator.isVisible()
    assert window.due_indicator.text() == "1 overdue · 1 due within 2 h"
    window.nav.setCurrentRow(LOOKUP)
    qtbot.mouseClick(window.due_indicator, Qt.MouseButton.LeftButton)
    page = window.complaints_page
    assert window.nav.currentRow() == COMPLAINTS
    assert page.tabs.currentIndex() == page.DUE
    assert page.tabs.tabText(page.DUE) == "Due (2)"
    assert page.due_model.rows[0].id == late.id  # soonest (most overdue) first
    assert "overdue" in page.due_model.data(page.due_model.index(0, 1))
    red = page.due_model.data(page.due_model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert red.color().name() == "#b00020"


def test_a_cut_due_queue_counts_every_complaint_and_says_it_is_cut(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "DUE_LIST_LIMIT", 2)
    now = service.now()
    for n in range(3):
        _log(window.db, f"990000000000{n}", received=now - timedelta(days=3))
    page = _page(window)
    page.show_due()
    assert page.due_model.rowCount() == 2
    assert page.overdue_label.text() == "3 overdue"
    assert page.tabs.tabText(page.DUE) == "Due (first 2 of 3)"


def test_a_deadline_of_another_year_shows_its_year(qtbot: QtBot, window: MainWindow) -> None:
    now = service.now()
    old = now.replace(year=now.year - 1, day=1)
    _log(window.db, "9900000000001", received=old - timedelta(hours=1), due=old)
    _log(window.db, "9900000000002", received=now - timedelta(hours=25))
    page = _page(window)
    page.show_due()
    shown = [page.due_model.data(page.due_model.index(n, 0)) for n in range(2)]
    assert shown == [f"{old:%Y-%m-%d %H:%M}", f"{now - timedelta(hours=1):%m-%d %H:%M}"]


def test_the_due_queue_keeps_the_agents_selection_when_it_refreshes(
    qtbot: QtBot, window: MainWindow
) -> None:
    now = service.now()
    _log(window.db, "9900000000001", received=now - timedelta(days=3))
    second = _log(window.db, "9900000000002", received=now - timedelta(hours=23))
    page = window.complaints_page
    page.show_due()
    page.due_view.selectRow(1)
    assert page.selected_id() == second.id
    # A new overdue complaint comes in ahead of it, then the minute's refresh runs.
    _log(window.db, "9900000000004", received=now - timedelta(days=5))
    window.refresh_reminders()
    assert page.due_model.rowCount() == 3
    assert page.selected_id() == second.id


@pytest.mark.parametrize("page_built", [False, True], ids=["page not built", "page built"])
def test_a_complaint_falling_due_is_announced_once(
    qtbot: QtBot, window: MainWindow, page_built: bool
) -> None:
    assert window.tray is None  # no system tray offscreen: reminders still work
    if page_built:  # the complaints page counts then; before it is built, the window does
        window.nav.setCurrentRow(COMPLAINTS)
    assert (window.built(COMPLAINTS) is not None) == page_built
    now = service.now()
    soon = _log(window.db, "9900000000001", received=now - timedelta(hours=23))
    with qtbot.waitSignal(window.reminded, timeout=1000) as news:
        window.refresh_reminders()
    assert soon.ticket_no in news.args[0]
    with qtbot.assertNotEmitted(window.reminded):
        window.refresh_reminders()
    with window.db.session() as s:
        service.update_complaint(s, soon.id, "测试", due_at=now - timedelta(minutes=5))
    with qtbot.waitSignal(window.reminded, timeout=1000) as news:
        window.refresh_reminders()
    assert "overdue" in news.args[0]


def test_ctrl_n_logs_a_complaint_from_other_pages(qtbot: QtBot, window: MainWindow) -> None:
    window.nav.setCurrentRow(LOOKUP)
    qtbot.keyClick(window.lookup_page, Qt.Key.Key_N, CTRL)
    assert window.nav.currentRow() == COMPLAINTS
    dialog = window.complaints_page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    assert window.nav.currentRow() == COMPLAINTS


def test_categories_and_scripts_are_edited(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    dialog = page.edit_categories()
    assert isinstance(dialog, ComplaintCategoriesDialog)
    assert dialog.tree.topLevelItemCount() >= 10

    monkeypatch.setattr(
        "branchdesk.ui.complaints.categories_dialog.QInputDialog.getText",
        lambda *a, **k: ("快递柜", True),
    )
    cid = dialog.add_category(sub=False)
    assert cid is not None and dialog.current_id() == cid
    dialog.sla.setValue(12)
    dialog.apply_button.click()
    dialog.new_script()
    type_text(qtbot, dialog.title, "柜机取件")
    type_text(qtbot, dialog.body, "您好，快件 ")
    next(
        b for b in dialog.findChildren(type(dialog.apply_button)) if b.text() == "{运单号}"
    ).click()
    type_text(qtbot, dialog.body, " 已放入快递柜。")
    dialog.save_script_button.click()
    with window.db.session() as s:
        made = next(c for c in service.category_tree(s) if c.id == cid)
    assert made.sla_hours == 12
    assert [(x.title, x.body) for x in made.scripts] == [
        ("柜机取件", "您好，快件 {运单号} 已放入快递柜。")
    ]
    assert page.category_filter.findData(cid) >= 0  # the page's filter knows it

    # A category in use cannot be deleted; the message says why.
    _log(window.db, "9900000000001", category="快递柜")
    dialog.delete_category()
    assert boxes.shown[-1][0] == "warning"
    assert boxes.shown[-1][1] == (
        "Not saved: “快递柜” is used by 1 complaint(s) and cannot be deleted; rename it instead."
    )
    # An empty script is refused.
    dialog.body.clear()
    assert dialog.save_script() is None
    assert boxes.shown[-1][1] == "Not saved: A reply script cannot be empty."


def test_the_new_category_script_is_used_by_the_form(qtbot: QtBot, window: MainWindow) -> None:
    category = _category_id(window.db, "服务态度")
    with window.db.session() as s:
        service.save_script(s, category, "第二种", "{客户称呼}您好，{业务员}会向您道歉。")
    dialog = _new_dialog(qtbot, _page(window))
    dialog.form.set_category(category)
    assert dialog.script.choice.isVisible()  # two scripts: a choice
    dialog.script.choice.setCurrentIndex(1)
    text = dialog.script.view.toPlainText()
    assert "【客户称呼】" in text and "【业务员】" in text
    assert "background-color" in dialog.script.view.toHtml()  # the blanks are highlighted
    type_text(qtbot, dialog.form.customer, "张三")
    assert "张先生/女士您好" in dialog.script.view.toPlainText()


def test_the_list_model_is_sound(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        _log(window.db, f"990000000000{n}")
    page = _page(window)
    page.refresh()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.due_model)


def test_the_list_names_who_answers_for_each_complaint(
    sample_complaints: None, window: MainWindow
) -> None:
    """With a team, 负责客服 sits beside the courier and names the routed owner."""
    from branchdesk.team.assignments import current_owners
    from branchdesk.ui.complaints.complaints_page import COL_COURIER, COL_OWNER

    page = _page(window)
    view, model = page.view, page.model
    assert model.rowCount() > 0
    assert not view.isColumnHidden(COL_OWNER)
    header = view.horizontalHeader()
    assert header.visualIndex(COL_OWNER) == header.visualIndex(COL_COURIER) + 1
    assert model.headerData(COL_OWNER, Qt.Orientation.Horizontal) == "Owner"
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    with window.db.read_session() as s:  # type: ignore[union-attr]
        owners = current_owners(s, "complaint", ids)
    assert owners, "the sample routes its complaints to the team"
    for r in range(model.rowCount()):
        shown = model.data(model.index(r, COL_OWNER))
        assert shown == owners.get(model.row_at(r).id, "")


def test_without_a_team_the_owner_column_stays_hidden(qtbot: QtBot, db: Database) -> None:
    from branchdesk.ui.complaints.complaints_page import COL_OWNER

    _log(db, description="客户说快递三天没动")
    page = ComplaintsPage(db)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    assert page.view.isColumnHidden(COL_OWNER)
