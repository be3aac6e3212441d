"""The print dialog's category choice: 全选 / 全不选 / 只打印此类, the handbook page's category
ticked, and the choices remembered from one opening to the next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.handbook import service
from branchdesk.ui.handbook.print_dialog import PrintDialog
from branchdesk.ui.shell.main_window import HANDBOOK, MainWindow


def _ticked(dialog: PrintDialog) -> list[str]:
    items = [dialog.category_list.item(i) for i in range(dialog.category_list.count())]
    return [
        item.data(Qt.ItemDataRole.UserRole)
        for item in items
        if item.checkState() == Qt.CheckState.Checked
    ]


def _in_dialog(
    qtbot: QtBot, open_it: Callable[[], None], act: Callable[[PrintDialog], None]
) -> None:
    """Open the (modal) print dialog with `open_it` and run `act` in it; `act` closes it."""
    seen: list[PrintDialog] = []

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PrintDialog):
            seen.append(dialog)
            try:
                act(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()
        else:
            QTimer.singleShot(20, grab)

    QTimer.singleShot(0, grab)
    open_it()
    assert seen, "no print dialog opened"


def _choose_category(qtbot: QtBot, window: MainWindow, name: str) -> int:
    """Click the category on the handbook page: one click."""
    window.nav.setCurrentRow(HANDBOOK)
    page = window.handbook_page
    row = next(
        i
        for i in range(page.category_list.count())
        if page.category_list.item(i).text().startswith(name)
    )
    rect = page.category_list.visualItemRect(page.category_list.item(row))
    qtbot.mouseClick(page.category_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_category_name() == name
    return 1


def test_select_all_none_and_only_this_category(qtbot: QtBot, window: MainWindow) -> None:
    dialog = PrintDialog(window.db, document="sheet", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    every = _ticked(dialog)
    assert len(every) == len(service.DEFAULT_CATEGORIES)
    # With every category's preview shown (全不选 made the same job as 全选: the preview and
    # 打印 stayed as they were, and printed everything).
    qtbot.waitUntil(
        lambda: dialog.rendered is not None and dialog.print_button.isEnabled(), timeout=15000
    )
    qtbot.mouseClick(dialog.check_none, Qt.MouseButton.LeftButton)
    assert _ticked(dialog) == []
    qtbot.waitUntil(lambda: "Tick at least one category" in dialog.status.text(), timeout=5000)
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    qtbot.mouseClick(dialog.check_all, Qt.MouseButton.LeftButton)
    assert _ticked(dialog) == every
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=15000)
    assert not dialog.only_this.isEnabled()  # no category chosen in the list yet
    dialog.category_list.setCurrentRow(every.index("客服"))
    qtbot.mouseClick(dialog.only_this, Qt.MouseButton.LeftButton)
    assert _ticked(dialog) == ["客服"]
    assert dialog.job().categories == ("客服",)
    dialog.reject()


def test_the_handbook_pages_category_is_ticked_and_the_rest_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.nav.setCurrentRow(HANDBOOK)

    def first(dialog: PrintDialog) -> None:
        assert _ticked(dialog) == list(service.DEFAULT_CATEGORIES)  # "All" on the page
        dialog.document.setCurrentIndex(dialog.document.findData("sheet"))
        dialog.tick(lambda name: name in ("操作", "财务"))
        dialog.courier.setCurrentText("张伟")
        dialog.reject()  # closed without printing: still remembered

    _in_dialog(qtbot, window.print_action.trigger, first)

    def second(dialog: PrintDialog) -> None:
        assert dialog.kind() == "sheet"
        assert _ticked(dialog) == ["操作", "财务"]
        assert dialog.courier.currentText() == "张伟"

    _in_dialog(qtbot, window.print_action.trigger, second)

    _choose_category(qtbot, window, "客服")

    def from_the_page(dialog: PrintDialog) -> None:
        assert dialog.kind() == "sheet"
        assert _ticked(dialog) == ["客服"]  # the page's category wins over the remembered
        assert dialog.category_list.currentItem().data(Qt.ItemDataRole.UserRole) == "客服"
        assert dialog.courier.currentText() == "张伟"

    _in_dialog(qtbot, window.print_action.trigger, from_the_page)

    # An exam keeps its own choices; the vehicle sheet's stay as they were.
    window.nav.setCurrentRow(0)

    printed: dict[str, int] = {}

    def exam(dialog: PrintDialog) -> None:
        dialog.document.setCurrentIndex(dialog.document.findData("exam"))
        dialog.questions.setValue(12)
        dialog.part.setCurrentIndex(dialog.part.findData("paper"))  # the paper alone first
        printed["paper"] = dialog.job().seed

    _in_dialog(qtbot, window.print_action.trigger, exam)
    again = PrintDialog(window.db, document=None, parent=window)
    qtbot.addWidget(again)
    assert again.kind() == "exam" and again.questions.value() == 12
    # The key printed next is that paper's: the same paper no., not a new one.
    assert again.job().part == "paper" and again.job().seed == printed["paper"]
    again.part.setCurrentIndex(again.part.findData("key"))
    again.done(PrintDialog.DialogCode.Accepted)  # as after saving it
    key = PrintDialog(window.db, document=None, parent=window)
    qtbot.addWidget(key)
    assert key.job().part == "key" and key.job().seed == printed["paper"]
    key.part.setCurrentIndex(key.part.findData("both"))
    key.done(PrintDialog.DialogCode.Accepted)
    fresh = PrintDialog(window.db, document=None, parent=window)
    qtbot.addWidget(fresh)
    assert fresh.job().part == "both" and fresh.job().seed != printed["paper"]  # a new paper
    fresh.reject()
    sheet = PrintDialog(window.db, document="sheet", parent=window)
    qtbot.addWidget(sheet)
    assert _ticked(sheet) == ["客服"] and sheet.courier.currentText() == "张伟"
    sheet.reject()


def test_clicks_to_print_one_categorys_vehicle_sheet(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the handbook page with 客服 chosen: 打印… (1), the document (2: open the list,
    pick 车载处罚单), 保存 PDF (1), the file dialog's 保存 (1). The next time the document is
    remembered: 打印…, 保存 PDF, 保存. (It was 12: the 7 other categories were unticked by
    hand each time.)"""
    clicks = _choose_category(qtbot, window, "客服")
    page = window.handbook_page
    outs = iter([tmp_path / "first.pdf", tmp_path / "second.pdf"])
    counted = {"n": 0}

    def save_as(*_a: object, **_k: object) -> tuple[str, str]:
        counted["n"] += 1  # the file dialog's 保存
        return str(next(outs)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    def click(widget: QWidget) -> None:
        counted["n"] += 1
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def print_one(dialog: PrintDialog) -> None:
        if dialog.kind() != "sheet":
            counted["n"] += 2  # open the document list, pick the vehicle sheets
            dialog.document.setCurrentIndex(dialog.document.findData("sheet"))
        qtbot.waitUntil(
            lambda: not dialog._debounce.isActive() and dialog.task is None, timeout=15000
        )
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=15000)
        click(dialog.save_button)

    _in_dialog(qtbot, lambda: click(page.print_button), print_one)
    assert counted["n"] == 5
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "first.pdf").pages)
    assert "虚假电联" in text and "遗失" not in text  # 客服 only
    counted["n"] = 0
    _in_dialog(qtbot, lambda: click(page.print_button), print_one)
    assert counted["n"] == 3
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "second.pdf").pages)
    assert "虚假电联" in text and "遗失" not in text
    assert clicks == 1


def test_the_preview_names_a_character_the_font_cannot_print(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A courier named 王䶮: the sheet prints 王□, and the dialog says which character is
    missing and what to do (the PDF alone printed 王, with no sign of the lost character)."""
    seen: list[str] = []

    def check(dialog: PrintDialog) -> None:
        dialog.courier.setCurrentText("王䶮")
        qtbot.waitUntil(lambda: "䶮" in dialog.status.text(), timeout=15000)
        seen.append(dialog.status.text())
        text = "".join(p.extract_text() for p in PdfReader(dialog.preview.path).pages)
        seen.append("".join(text.split()))

    _in_dialog(qtbot, lambda: window.open_print("sheet"), check)
    status, text = seen
    assert "□" in status and "by hand" in status
    assert "王□" in text


def _rendered(qtbot: QtBot, dialog: PrintDialog) -> None:
    qtbot.waitUntil(
        lambda: (
            not dialog._debounce.isActive() and dialog.task is None and dialog.rendered is not None
        ),
        timeout=15000,
    )


def test_after_its_answer_key_is_printed_the_exam_opens_on_a_new_paper_not_the_answers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """打印考卷 opened again on 只印答案 and the paper already handed out: the next person to
    print an exam got the answers, and ticking 中转 on the handbook page changed nothing in
    them (a paper printed before is reprinted as it was)."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.pdf"), "")
    )
    paper = PrintDialog(window.db, document="exam", parent=window)
    qtbot.addWidget(paper)
    paper.show()
    paper.part.setCurrentIndex(paper.part.findData("paper"))
    _rendered(qtbot, paper)
    handed_out = paper.job().seed
    paper.save_button.click()
    paper.done(PrintDialog.DialogCode.Accepted)

    key = PrintDialog(window.db, document=None, parent=window)
    qtbot.addWidget(key)
    key.show()
    assert key.job().part == "paper" and key.job().seed == handed_out  # that paper, still
    key.part.setCurrentIndex(key.part.findData("key"))  # its key, for the marker
    _rendered(qtbot, key)
    # The key of that very paper: what the categories say does not change it, so they are off.
    assert "this is that paper again" in key.status.text()
    assert not key.category_list.isEnabled() and not key.questions.isEnabled()
    key.save_button.click()
    key.done(PrintDialog.DialogCode.Accepted)

    after = PrintDialog(window.db, document=None, parent=window)
    qtbot.addWidget(after)
    assert after.job().part == "paper" and after.job().seed != handed_out
    assert after.category_list.isEnabled()
    after.reject()

    # A category chosen on the handbook page is a new paper on it, even right after a paper.
    paper_again = PrintDialog(window.db, document="exam", parent=window)
    qtbot.addWidget(paper_again)
    paper_again.part.setCurrentIndex(paper_again.part.findData("key"))
    paper_again.seed.setValue(handed_out)
    paper_again.done(PrintDialog.DialogCode.Rejected)  # remembered: key of handed_out
    on_category = PrintDialog(window.db, document="exam", category="中转", parent=window)
    qtbot.addWidget(on_category)
    assert on_category.job().part == "paper" and on_category.job().seed != handed_out
    assert on_category.job().categories == ("中转",)
    on_category.reject()


def test_a_key_for_a_paper_never_printed_says_nobody_has_that_paper(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = PrintDialog(window.db, document="exam", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.part.setCurrentIndex(dialog.part.findData("key"))
    _rendered(qtbot, dialog)
    assert "No paper with this number was printed" in dialog.status.text()
    assert dialog.category_list.isEnabled()  # a new paper's: its categories still apply
    dialog.reject()


def test_a_paper_with_fewer_questions_than_asked_says_so(qtbot: QtBot, window: MainWindow) -> None:
    dialog = PrintDialog(window.db, document="exam", category="中转", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.part.setCurrentIndex(dialog.part.findData("paper"))
    dialog.questions.setValue(200)
    _rendered(qtbot, dialog)
    assert dialog.rendered is not None and dialog.rendered.exam is not None
    count = len(dialog.rendered.exam.questions)
    assert count < 200
    assert (
        f"The chosen categories have items for {count} questions only, not the 200 asked for: "
        f"the paper has {count} questions, 100 points in all." in dialog.status.text()
    )
    dialog.reject()
