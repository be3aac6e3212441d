"""处罚手册 page and the print dialog, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from branchdesk.handbook import service
from branchdesk.handbook.models import ExamPaper
from branchdesk.ui.handbook.handbook_page import COL_CAUSE, COL_FINE, COL_STANDARD, HandbookPage
from branchdesk.ui.handbook.print_dialog import PrintDialog
from branchdesk.ui.shell.main_window import HANDBOOK, MainWindow
from tests.ui.conftest import Boxes, type_text


def _page(window: MainWindow) -> HandbookPage:
    window.nav.setCurrentRow(HANDBOOK)
    return window.handbook_page


def _row_of(page: HandbookPage, cause: str) -> int:
    return next(i for i, e in enumerate(page.model.rows) if e.cause == cause)


def _fine_of(window: MainWindow, cause: str) -> str:
    with window.db.session() as s:
        return service.entries(s, cause)[0].fine


def _edit(qtbot: QtBot, page: HandbookPage, row: int, col: int, text: str) -> None:
    view = page.view
    index = page.model.index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    if isinstance(editor, QPlainTextEdit):
        editor.selectAll()
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def test_the_sample_handbook_is_shown_as_an_example(window: MainWindow) -> None:
    page = _page(window)
    assert page.banner.isVisible()
    assert "SAMPLE" in page.banner.text()
    assert page.model.rowCount() == 33  # the sample handbook's items
    assert page.category_list.count() == 1 + len(service.DEFAULT_CATEGORIES)


def test_edit_a_fine_in_place_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    row = _row_of(page, "虚假电联")
    _edit(qtbot, page, row, COL_FINE, "30元/次")
    assert _fine_of(window, "虚假电联") == "30元/次"
    assert page.model.rows[_row_of(page, "虚假电联")].fine == "30元/次"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _fine_of(window, "虚假电联") == "5-20元"
    assert page.model.rows[_row_of(page, "虚假电联")].fine == "5-20元"


def test_multi_line_standard_is_edited_with_ctrl_enter(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    _edit(qtbot, page, _row_of(page, "遗失"), COL_STANDARD, "全程扫描")
    with window.db.session() as s:
        assert service.entries(s, "遗失")[0].standard == "全程扫描"


def test_an_empty_fine_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    page = _page(window)
    _edit(qtbot, page, _row_of(page, "虚假电联"), COL_FINE, " ")
    assert boxes.shown[-1][0] == "warning"
    assert boxes.shown[-1][1] == (
        "Cannot save: The fine cannot be empty (write e.g. 10元/票 or 计入KPI考核)."
    )
    assert _fine_of(window, "虚假电联") == "5-20元"
    assert not page.undo_button.isEnabled()


def test_a_fine_of_unknown_shape_is_kept_and_marked(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    _edit(qtbot, page, _row_of(page, "虚假电联"), COL_FINE, "罚10元起")
    row = _row_of(page, "虚假电联")
    assert page.model.rows[row].fine == "罚10元起"
    index = page.model.index(row, COL_FINE)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "kept as written" in page.model.data(index, Qt.ItemDataRole.ToolTipRole).lower()


def test_search_filters_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    type_text(qtbot, page.search, "充电宝")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].cause == "手机关机超过 30 分钟"


def test_choosing_a_category_shows_only_its_items(window: MainWindow) -> None:
    page = _page(window)
    page.category_list.setCurrentRow(1)  # the first category after "All"
    first = service.DEFAULT_CATEGORIES[0]
    assert page.model.rowCount() == 4
    assert {e.category for e in page.model.rows} == {first}


def test_delete_an_item_with_del_then_bring_it_back(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    total = page.model.rowCount()
    page.view.selectRow(_row_of(page, "回单丢失"))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.model.rowCount() == total - 1
    assert "回单丢失" not in [e.cause for e in page.model.rows]
    page.undo_button.click()
    assert page.model.rowCount() == total
    assert "回单丢失" in [e.cause for e in page.model.rows]


def test_new_item_asks_cause_and_fine_and_opens_the_editor(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    page.category_list.setCurrentRow(3)  # 操作
    answers = iter([("车辆未上锁", True), ("20元/次", True)])
    monkeypatch.setattr(
        "branchdesk.ui.handbook.handbook_page.QInputDialog.getText", lambda *a, **k: next(answers)
    )
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with window.db.session() as s:
        added = service.entries(s, "车辆未上锁")
    assert added and added[0].category == "操作" and added[0].fine == "20元/次"
    current = page.view.currentIndex()
    assert page.model.rows[current.row()].cause == "车辆未上锁"
    assert current.column() == COL_CAUSE


def test_print_a_vehicle_sheet_to_a_file_from_the_gui(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintDialog(window.db, document="sheet", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    # Only 客服, for 张伟.
    for i in range(dialog.category_list.count()):
        item = dialog.category_list.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) == "客服"
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.courier.setCurrentText("张伟")
    qtbot.waitUntil(lambda: dialog.task is None and not dialog._debounce.isActive(), timeout=15000)
    dialog.render_preview()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=15000)
    assert dialog.pdf.pageCount() == 1
    out = tmp_path / "客服.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_button.click()
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "虚假电联" in text and "张伟" in text
    assert "遗失" not in text  # another category
    dialog.reject()


def test_saving_an_exam_records_the_paper_so_it_can_be_reprinted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintDialog(window.db, document="exam", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.seed.setValue(4321)
    dialog.questions.setValue(8)
    dialog._debounce.stop()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15000)
    dialog.render_preview()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=15000)
    assert dialog.rendered is not None and dialog.rendered.seed == 4321
    with window.db.session() as s:
        assert s.query(ExamPaper).count() == 0  # a preview is not a printed paper
    out = tmp_path / "exam.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_button.click()
    assert out.exists()
    with window.db.session() as s:
        paper = s.query(ExamPaper).one()
        assert (paper.seed, paper.question_count) == (4321, 8)
    dialog.reject()


def test_the_answer_key_prints_apart_from_the_paper(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintDialog(window.db, document="exam", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.part.isVisible()
    dialog.seed.setValue(4321)
    saved: list[str] = []

    def save_as(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        saved.append(Path(proposed).name)
        return str(tmp_path / f"{len(saved)}.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    texts = []
    for part in ("paper", "key"):
        dialog.part.setCurrentIndex(dialog.part.findData(part))
        qtbot.waitUntil(
            lambda: (
                not dialog._debounce.isActive()
                and dialog.task is None
                and dialog.rendered is not None
            ),
            timeout=15000,
        )
        dialog.save_button.click()
        texts.append(
            "".join(p.extract_text() for p in PdfReader(tmp_path / f"{len(saved)}.pdf").pages)
        )
    paper, key = texts
    assert "Answer key" not in paper and "Name" in paper
    assert "Answer key" in key and "Paper no. 4321" in key and "Name" not in key
    assert saved == ["新人考卷.pdf", "考卷答案.pdf"]
    with window.db.session() as s:
        assert s.query(ExamPaper).count() == 1  # one paper, printed in two parts
    dialog.document.setCurrentIndex(dialog.document.findData("sheet"))
    assert not dialog.part.isVisible()
    dialog.reject()


def test_printing_sends_every_page_to_the_printer_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = PrintDialog(window.db, document="handbook", parent=window)
    qtbot.addWidget(dialog)
    dialog._debounce.stop()
    dialog.render_preview()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=15000)
    pages = dialog.rendered.pages if dialog.rendered else 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for paper
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.print_to(printer)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert f"{pages}" in dialog.status.text()
    assert len(PdfReader(out).pages) == pages
    dialog.reject()


def test_save_shortcut_does_nothing_while_the_preview_is_out_of_date(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    dialog = PrintDialog(window.db, document="handbook", parent=window)
    qtbot.addWidget(dialog)
    dialog._debounce.stop()
    dialog.render_preview()
    dialog.save()  # rendering: Ctrl+S must not save the previous document
    assert asked == []
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15000)
    dialog.reject()


def test_export_button_writes_the_handbook_to_excel(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Boxes
) -> None:
    import openpyxl

    page = _page(window)
    out = tmp_path / "手册.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.export_button.click()
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    causes = [row[1].value for row in sheet.iter_rows(min_row=2)]
    assert causes == [e.cause for e in page.model.rows]
    assert boxes.shown[-1][0] == "information"


def test_vehicle_sheet_for_the_selected_items_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    page.view.selectRow(_row_of(page, "遗失"))
    page.view.selectionModel().select(
        page.model.index(_row_of(page, "虚假电联"), 0),
        page.view.selectionModel().SelectionFlag.Select
        | page.view.selectionModel().SelectionFlag.Rows,
    )
    dialog = PrintDialog(
        window.db, document="sheet", selected_ids=page.selected_ids(), parent=window
    )
    qtbot.addWidget(dialog)
    assert dialog.only_selected.text() == "Only the 2 selected item(s)"
    dialog.only_selected.setChecked(True)
    dialog._debounce.stop()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15000)
    dialog.render_preview()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=15000)
    out = tmp_path / "two.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_button.click()
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "遗失" in text and "虚假电联" in text and "回单丢失" not in text
    dialog.reject()


def _shown_renders(dialog: PrintDialog) -> list[str]:
    """Each time the preview is loaded anew (a render's PDF shown)."""
    loaded: list[str] = []
    dialog.pdf.statusChanged.connect(
        lambda status: loaded.append(status.name) if status.name == "Ready" else None
    )
    return loaded


def test_options_the_document_does_not_use_leave_its_preview_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = PrintDialog(window.db, document="handbook", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=15000)
    status = dialog.status.text()
    loaded = _shown_renders(dialog)
    # The courier (vehicle sheets), paper no. and questions (exam), employee (results).
    type_text(qtbot, dialog.courier.lineEdit(), "Zhang Wei")
    dialog.questions.setValue(35)
    dialog.seed.setValue(4321)
    type_text(qtbot, dialog.employee.lineEdit(), "Li Na")
    qtbot.wait(800)  # over twice the debounce interval
    assert dialog.task is None
    assert loaded == []
    assert dialog.save_button.isEnabled()
    assert dialog.status.text() == status
    # An option the handbook uses renders it again, once.
    dialog.category_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: loaded == ["Ready"] and dialog.task is None, timeout=15000)
    qtbot.wait(500)
    assert loaded == ["Ready"]
    dialog.reject()


def test_typing_a_courier_name_renders_the_vehicle_sheet_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = PrintDialog(window.db, document="sheet", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=15000)
    loaded = _shown_renders(dialog)
    type_text(qtbot, dialog.courier.lineEdit(), "Zhang Wei")
    qtbot.waitUntil(lambda: loaded == ["Ready"] and dialog.task is None, timeout=15000)
    qtbot.wait(800)
    assert loaded == ["Ready"]
    assert dialog.job().courier == "Zhang Wei"
    dialog.reject()


def test_one_category_chosen_hides_its_column(qtbot: QtBot, window: MainWindow) -> None:
    """At 1024×768 the table scrolled sideways to reach 避责方法; with one category chosen the
    category column repeated that name on every row."""
    from branchdesk.ui.handbook.handbook_page import COL_CATEGORY

    window.nav.setCurrentRow(HANDBOOK)
    page = window.handbook_page
    assert not page.view.isColumnHidden(COL_CATEGORY)  # 全部: the rows' categories differ
    page.category_list.setCurrentRow(3)
    assert page.view.isColumnHidden(COL_CATEGORY)
    page.category_list.setCurrentRow(0)
    assert not page.view.isColumnHidden(COL_CATEGORY)
