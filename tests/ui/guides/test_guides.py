"""操作指南 end to end: the library, the editor (steps, pictures, marks, reordering, undo,
save), the viewer (one step at a time, checklist, notes for the owner), print and packs."""

from __future__ import annotations

import io
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.db.engine import Database
from branchdesk.guides import service
from branchdesk.guides.entries import Annotation
from branchdesk.guides.service import GuideData, StepData
from branchdesk.ui.guides.guide_editor import GuideEditor
from branchdesk.ui.guides.guide_viewer import GuideViewer
from branchdesk.ui.guides.guides_page import (
    COL_REVIEW_BY,
    OVERDUE,
    GuidesPage,
    HistoryDialog,
    NewGuideDialog,
)
from branchdesk.ui.shell.main_window import GUIDES, MainWindow
from tests.ui.conftest import Boxes, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def png(width: int = 640, height: int = 360, color: tuple[int, int, int] = (40, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG", compress_level=1)
    return out.getvalue()


def stripes(width: int = 640, height: int = 360) -> bytes:
    """Black and white stripes two pixels wide: detail that a blur must wipe out."""
    image = Image.new("L", (width, height), 255)
    for x in range(0, width, 4):
        image.paste(0, (x, 0, x + 2, height))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def qimage(width: int = 640, height: int = 360, color: str = "#3366cc") -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    return image


def make_guide(
    db: Database, title: str, steps: Sequence[tuple[str, bytes | None]], category: str = "操作"
) -> int:
    with db.session() as s:
        gid = service.create_guide(s, title, category, owner="王店长", who="test")
        data = service.get_guide(s, gid)
        data.steps = [
            StepData(text, image=service.store_image(s, image).sha256 if image else None)
            for text, image in steps
        ]
        service.save_guide(s, gid, data, who="test")
    return gid


def stored(db: Database, gid: int) -> GuideData:
    with db.session() as s:
        return service.get_guide(s, gid)


@pytest.fixture
def page(window: MainWindow) -> GuidesPage:
    window.nav.setCurrentRow(GUIDES)
    assert window.built(GUIDES) is window.guides_page
    return window.guides_page


def activate(qtbot: QtBot, dialog: QWidget) -> None:
    # The offscreen platform does not activate a newly shown window by itself.
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def open_editor(qtbot: QtBot, page: GuidesPage, gid: int) -> GuideEditor:
    editor = page.edit_guide(gid)
    assert editor is not None
    activate(qtbot, editor)
    return editor


def instructions(editor: GuideEditor) -> list[str]:
    return [s.data.instruction for s in editor.steps]


def marks_of(editor: GuideEditor, row: int) -> tuple[Annotation, ...]:
    return editor.steps[row].data.annotations


def drag(qtbot: QtBot, editor: GuideEditor, start: QPoint, end: QPoint) -> None:
    viewport = editor.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 5):
        qtbot.mouseMove(viewport, start + (end - start) * (i / 4))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


# --- the library ----------------------------------------------------------------------


def test_the_guides_page_is_the_ninth_entry_and_built_when_first_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.built(GUIDES) is None
    assert window.nav.item(GUIDES).toolTip() == "Ctrl+9"
    qtbot.keyClick(window.nav, Qt.Key.Key_9, CTRL)
    page = window.guides_page
    assert page is not None and page.isVisible()
    names = [page.category_list.item(i).text() for i in range(page.category_list.count())]
    assert names[0].startswith("All")
    assert [n.split(" (")[0] for n in names[1:5]] == list(service.DEFAULT_CATEGORIES)


def test_new_guide_asks_title_and_category_and_opens_the_editor(
    qtbot: QtBot, page: GuidesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        NewGuideDialog, "ask", classmethod(lambda cls, *a, **k: (("每日对账", "财务"), True))
    )
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(page.editors) == 1
    editor = next(iter(page.editors.values()))
    qtbot.addWidget(editor)
    assert editor.title_edit.text() == "每日对账" and editor.category.currentText() == "财务"
    chosen = page.selected()
    assert chosen is not None and chosen.title == "每日对账" and chosen.category == "财务"
    editor.discard()


def test_search_finds_a_guide_by_a_word_of_a_step(
    qtbot: QtBot, page: GuidesPage, sample_db: Database
) -> None:
    make_guide(sample_db, "导入当天运单", [("打开总部系统", None), ("点击批量导入按钮", None)])
    make_guide(sample_db, "登记投诉", [("打开投诉登记页", None)])
    page.reload()
    type_text(qtbot, page.search, "批量导入")
    qtbot.waitUntil(lambda: [g.title for g in page.model.rows] == ["导入当天运单"])
    page.search.clear()
    qtbot.waitUntil(lambda: {"导入当天运单", "登记投诉"} <= {g.title for g in page.model.rows})


def test_needs_review_lists_overdue_guides_in_red(page: GuidesPage, sample_db: Database) -> None:
    old = make_guide(sample_db, "旧指南", [("一步", None)])
    make_guide(sample_db, "新指南", [("一步", None)])
    with sample_db.session() as s:
        data = service.get_guide(s, old)
        data.review_by = date.today() - timedelta(days=3)
        service.save_guide(s, old, data)
    page.reload()
    assert "(1)" in page.review_only.text()
    page.review_only.setChecked(True)
    assert [g.title for g in page.model.rows] == ["旧指南"]
    brush = page.model.index(0, COL_REVIEW_BY).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == OVERDUE
    page.review_only.setChecked(False)
    assert {"旧指南", "新指南"} <= {g.title for g in page.model.rows}


def test_mark_reviewed_moves_the_review_date(page: GuidesPage, sample_db: Database) -> None:
    gid = make_guide(sample_db, "复查我", [("一步", None)])
    with sample_db.session() as s:
        data = service.get_guide(s, gid)
        data.review_by = date.today() - timedelta(days=1)
        service.save_guide(s, gid, data)
    page.reload(select=gid)
    page.reviewed_button.click()
    info = page.selected()
    assert info is not None and info.review_by is not None and info.review_by > date.today()


# --- the editor -----------------------------------------------------------------------


def test_add_steps_paste_a_picture_annotate_reorder_undo_and_save(
    qtbot: QtBot, page: GuidesPage, sample_db: Database, boxes: Boxes
) -> None:
    editor = page.create_guide("导入当天运单", "客服系统")
    assert editor is not None
    activate(qtbot, editor)
    gid = editor.guide_id

    # Three steps, typed.
    for text in ("打开总部系统", "点击导入", "选择当天的文件"):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, editor.instruction, text)
    assert instructions(editor) == ["打开总部系统", "点击导入", "选择当天的文件"]
    assert editor.step_list.item(1).text() == "2. 点击导入"

    # A picture from the clipboard onto step 2.
    editor.step_list.setCurrentRow(1)
    QApplication.clipboard().setImage(qimage(640, 360))
    qtbot.keyClick(editor.step_list, Qt.Key.Key_V, CTRL)
    sha = editor.steps[1].data.image
    assert sha is not None and editor.canvas.has_image()
    assert editor.canvas.image_size.width() == 640

    # A highlight drawn with the mouse.
    editor.tool_actions["rect"].trigger()
    canvas = editor.canvas
    drag(qtbot, editor, canvas.image_point(0.25, 0.25), canvas.image_point(0.5, 0.75))
    marks = marks_of(editor, 1)
    assert len(marks) == 1 and marks[0].kind == "rect"
    assert marks[0].x == pytest.approx(0.25, abs=0.02) and marks[0].w == pytest.approx(
        0.25, abs=0.02
    )
    assert marks[0].h == pytest.approx(0.5, abs=0.02)

    # A numbered marker by one click; the next one counts on.
    editor.tool_actions["number"].trigger()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.image_point(0.8, 0.2))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.image_point(0.8, 0.5))
    labels = [a.label for a in marks_of(editor, 1) if a.kind == "number"]
    assert labels == ["1", "2"]

    # Undo each, redo each.
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert [a.kind for a in marks_of(editor, 1)] == ["rect"]
    assert len(canvas.annotations()) == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert marks_of(editor, 1) == ()
    qtbot.keyClick(canvas, Qt.Key.Key_Y, CTRL)
    assert [a.kind for a in marks_of(editor, 1)] == ["rect"]
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)  # the picture
    assert editor.steps[1].data.image is None and not canvas.has_image()
    qtbot.keyClick(canvas, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_Y, CTRL)
    assert editor.steps[1].data.image == sha and len(canvas.annotations()) == 1

    # Reorder by drag and drop: the move the list view makes on an InternalMove drop.
    model = editor.step_list.model()
    assert model.moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert instructions(editor) == ["点击导入", "打开总部系统", "选择当天的文件"]
    assert editor.step_list.item(0).text() == "1. 点击导入"
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Z, CTRL)
    assert instructions(editor) == ["打开总部系统", "点击导入", "选择当天的文件"]
    assert editor.step_list.item(0).text() == "1. 打开总部系统"
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Y, CTRL)
    assert instructions(editor) == ["点击导入", "打开总部系统", "选择当天的文件"]

    # And with Alt+Down.
    editor.step_list.setCurrentRow(1)
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Down, ALT)
    assert instructions(editor) == ["点击导入", "选择当天的文件", "打开总部系统"]
    assert editor.step_list.currentRow() == 2
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Z, CTRL)
    assert instructions(editor) == ["点击导入", "打开总部系统", "选择当天的文件"]
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Y, CTRL)

    # Typing is undone as one run.
    editor.step_list.setCurrentRow(0)
    editor.instruction.setFocus()
    editor.instruction.moveCursor(editor.instruction.textCursor().MoveOperation.End)
    type_text(qtbot, editor.instruction, " now")
    assert editor.steps[0].data.instruction == "点击导入 now"
    qtbot.keyClick(editor.instruction, Qt.Key.Key_Z, CTRL)
    assert editor.steps[0].data.instruction == "点击导入"
    assert editor.instruction.toPlainText() == "点击导入"

    qtbot.keyClick(editor.step_list, Qt.Key.Key_S, CTRL)
    assert editor.undo_stack.isClean()
    saved = stored(sample_db, gid)
    assert [s.instruction for s in saved.steps] == ["点击导入", "选择当天的文件", "打开总部系统"]
    assert saved.steps[0].image == sha
    assert saved.steps[0].annotations == marks_of(editor, 0)
    assert [a.kind for a in saved.steps[0].annotations] == ["rect"]
    with sample_db.session() as s:
        history = service.versions(s, gid)
    assert "Move step" in history[0].summary and history[0].who == ""
    info = page.selected()
    assert info is not None and info.steps == 3

    editor.reject()  # nothing unsaved: no question
    assert not boxes.shown
    assert gid not in page.editors


def test_a_damaged_or_unsupported_picture_is_refused_and_nothing_changes(
    qtbot: QtBot,
    page: GuidesPage,
    sample_db: Database,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = png()
    gid = make_guide(sample_db, "图片", [("第一步", good)])
    editor = open_editor(qtbot, page, gid)
    before = editor.steps[0].data.image
    damaged = tmp_path / "截图.png"
    damaged.write_bytes(good[: len(good) // 2])
    text = tmp_path / "notes.webp"
    text.write_bytes(b"this is not a picture at all")
    for path in (damaged, text):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
        kind, message = boxes.shown[-1]
        assert kind == "warning" and path.name in message and "PNG" in message
    assert len(boxes.shown) == 2
    assert editor.steps[0].data.image == before
    assert editor.undo_stack.count() == 0 and editor.undo_stack.isClean()

    # A good file is taken.
    fine = tmp_path / "ok.jpg"
    Image.new("RGB", (300, 200), (200, 30, 30)).save(fine, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fine), ""))
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    assert editor.steps[0].data.image not in (None, before)
    assert editor.canvas.image_size.width() == 300
    editor.discard()


def test_paste_without_a_step_adds_one_and_empty_clipboard_explains(
    qtbot: QtBot, page: GuidesPage, sample_db: Database, boxes: Boxes
) -> None:
    gid = make_guide(sample_db, "空", [])
    editor = open_editor(qtbot, page, gid)
    QApplication.clipboard().clear()
    qtbot.keyClick(editor.step_list, Qt.Key.Key_V, CTRL)
    assert boxes.shown and "no picture" in boxes.shown[-1][1]
    QApplication.clipboard().setImage(qimage(200, 100))
    qtbot.keyClick(editor.step_list, Qt.Key.Key_V, CTRL)
    assert len(editor.steps) == 1 and editor.steps[0].data.image is not None
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Z, CTRL)  # one undo for step and picture
    assert editor.steps == []
    editor.discard()


def test_paste_a_copied_picture_file_and_enter_in_a_field_presses_no_button(
    qtbot: QtBot, page: GuidesPage, sample_db: Database, tmp_path: Path
) -> None:
    gid = make_guide(sample_db, "文件", [("第一步", None)])
    editor = open_editor(qtbot, page, gid)
    assert editor.step_list.dragDropMode() == editor.step_list.DragDropMode.InternalMove
    picture = tmp_path / "shot.bmp"
    Image.new("RGB", (120, 80), (10, 200, 10)).save(picture, "BMP")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    QApplication.clipboard().setMimeData(mime)
    editor.tip.setFocus()
    qtbot.keyClick(editor.tip, Qt.Key.Key_V, CTRL)  # a picture on the clipboard: pasted as one
    assert editor.canvas.image_size.width() == 120 and editor.tip.text() == ""
    # Copied from Excel: text and a picture; a text field takes the text.
    both = QMimeData()
    both.setText("先登录")
    both.setImageData(qimage(50, 50))
    QApplication.clipboard().setMimeData(both)
    qtbot.keyClick(editor.tip, Qt.Key.Key_V, CTRL)
    assert editor.tip.text() == "先登录" and editor.canvas.image_size.width() == 120
    qtbot.keyClick(editor.tip, Qt.Key.Key_Return)
    assert len(editor.steps) == 1 and editor.isVisible()
    editor.discard()


def test_saving_a_step_without_instruction_is_refused_and_shows_it(
    qtbot: QtBot, page: GuidesPage, sample_db: Database, boxes: Boxes
) -> None:
    gid = make_guide(sample_db, "缺说明", [("第一步", None)])
    editor = open_editor(qtbot, page, gid)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.step_list.setCurrentRow(0)
    assert not editor.save()
    assert (
        boxes.shown[-1][1] == "Cannot save the guide: Step 2 has no instruction. Write what to do."
    )
    assert editor.step_list.currentRow() == 1
    assert len(stored(sample_db, gid).steps) == 1
    # Closing asks; "No" discards.
    boxes.answer = boxes.answer.No
    editor.reject()
    assert boxes.shown[-1][0] == "question" and not editor.isVisible()


def test_closing_with_unsaved_changes_can_save(
    qtbot: QtBot, page: GuidesPage, sample_db: Database, boxes: Boxes
) -> None:
    gid = make_guide(sample_db, "旧标题", [("第一步", None)])
    editor = open_editor(qtbot, page, gid)
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "新标题")
    editor.reject()  # the boxes answer Yes: save
    assert boxes.shown[-1][0] == "question"
    assert stored(sample_db, gid).title == "新标题"
    assert page.selected() is not None and page.selected().title == "新标题"  # type: ignore[union-attr]


def test_marks_move_and_delete_with_undo(
    qtbot: QtBot, page: GuidesPage, sample_db: Database
) -> None:
    gid = make_guide(sample_db, "标注", [("第一步", png(800, 600))])
    with sample_db.session() as s:
        data = service.get_guide(s, gid)
        data.steps[0].annotations = (Annotation("rect", 0.1, 0.1, 0.2, 0.2),)
        service.save_guide(s, gid, data)
    editor = open_editor(qtbot, page, gid)
    canvas = editor.canvas
    assert len(canvas.annotations()) == 1
    # Drag the box by its middle with the select tool.
    drag(qtbot, editor, canvas.image_point(0.2, 0.2), canvas.image_point(0.5, 0.4))
    moved = marks_of(editor, 0)[0]
    assert moved.x == pytest.approx(0.4, abs=0.02) and moved.y == pytest.approx(0.3, abs=0.02)
    assert moved.w == pytest.approx(0.2, abs=0.01)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)  # the moved box is still selected
    assert marks_of(editor, 0) == ()
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert marks_of(editor, 0) == (moved,)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert marks_of(editor, 0)[0].x == pytest.approx(0.1, abs=0.001)

    # Selected, a box grows by its corner handle.
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.image_point(0.2, 0.2))
    drag(qtbot, editor, canvas.image_point(0.3, 0.3), canvas.image_point(0.5, 0.6))
    grown = marks_of(editor, 0)[0]
    assert grown.x == pytest.approx(0.1, abs=0.01) and grown.w == pytest.approx(0.4, abs=0.02)
    assert grown.h == pytest.approx(0.5, abs=0.02)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert marks_of(editor, 0)[0].w == pytest.approx(0.2, abs=0.001)

    # A text label and a blur box.
    canvas.ask_text = lambda _parent, _current: "点这里"
    editor.tool_actions["text"].trigger()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.image_point(0.6, 0.6))
    editor.tool_actions["blur"].trigger()
    drag(qtbot, editor, canvas.image_point(0.05, 0.8), canvas.image_point(0.3, 0.95))
    kinds = [(a.kind, a.label) for a in marks_of(editor, 0)]
    assert kinds == [("rect", ""), ("text", "点这里"), ("blur", "")]

    # A double click changes a label; one undo brings the old one back.
    editor.tool_actions["select"].trigger()
    canvas.ask_text = lambda _parent, _current: "点这里确认"
    qtbot.mouseDClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.image_point(0.61, 0.61)
    )
    assert marks_of(editor, 0)[1].label == "点这里确认"
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert marks_of(editor, 0)[1].label == "点这里"
    qtbot.keyClick(canvas, Qt.Key.Key_Y, CTRL)
    assert editor.save()
    saved = stored(sample_db, gid).steps[0].annotations
    assert [(a.kind, a.label) for a in saved] == [
        ("rect", ""),
        ("text", "点这里确认"),
        ("blur", ""),
    ]
    editor.discard()


def test_a_screen_capture_hides_branchdesk_and_keeps_the_dragged_region(
    qtbot: QtBot, page: GuidesPage, window: MainWindow, sample_db: Database
) -> None:
    gid = make_guide(sample_db, "截屏", [("第一步", None)])
    editor = open_editor(qtbot, page, gid)
    seen: list[bool] = []

    def grab() -> QImage:
        seen.append(window.isVisible() or editor.isVisible())
        return qimage(1280, 720, "#228822")

    editor.grab_screen = grab
    editor.pick_region = lambda shot, _parent: shot.copy(100, 100, 400, 300)
    assert editor.capture(region=True)
    assert seen == [False]
    assert window.isVisible() and editor.isVisible()
    assert editor.canvas.image_size.width() == 400 and editor.canvas.image_size.height() == 300
    editor.pick_region = lambda _shot, _parent: None  # Esc in the overlay
    assert not editor.capture(region=True)
    assert editor.canvas.image_size.width() == 400
    editor.discard()


# --- the viewer and notes -------------------------------------------------------------


def test_the_viewer_goes_step_by_step_with_a_checklist_and_takes_notes(
    qtbot: QtBot, page: GuidesPage, sample_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gid = make_guide(
        sample_db,
        "打印车辆处罚单",
        [("打开处罚手册", stripes()), ("选择条目", None), ("点击打印", png())],
    )
    with sample_db.session() as s:
        data = service.get_guide(s, gid)
        data.steps[0].tip, data.steps[0].tip_kind = "先登录", "warning"
        data.steps[0].annotations = (Annotation("blur", 0.0, 0.0, 0.5, 0.5),)
        service.save_guide(s, gid, data)
    page.reload(select=gid)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(page.viewers) == 1
    viewer = page.viewers[0]
    activate(qtbot, viewer)
    assert viewer.step_label.text() == "Step 1 of 3"
    assert viewer.instruction.text() == "打开处罚手册"
    assert viewer.tip.isVisible() and "先登录" in viewer.tip.text()
    # The picture is shown as printed: inside the blur box the stripes are gone.
    shown = viewer.picture.image
    assert shown.width() == 640
    inside = {shown.pixelColor(x, 90).lightness() for x in range(100, 140)}
    outside = {shown.pixelColor(x, 270).lightness() for x in range(400, 440)}
    assert max(inside) - min(inside) < 40 and max(outside) - min(outside) > 200

    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.step_label.text() == "Step 2 of 3" and viewer.instruction.text() == "选择条目"
    assert not viewer.tip.isVisible() and viewer.picture.image.isNull()
    qtbot.mouseClick(viewer.did_it, Qt.MouseButton.LeftButton)
    assert viewer.progress.value() == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Space)
    assert viewer.step_label.text() == "Step 3 of 3"
    qtbot.keyClick(viewer, Qt.Key.Key_Return)  # ticks step 3
    assert viewer.progress.value() == 2
    assert viewer.checklist.item(2).checkState() == Qt.CheckState.Checked
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert viewer.step_label.text() == "Step 2 of 3" and viewer.did_it.isChecked()
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.step_label.text() == "Step 1 of 3" and not viewer.did_it.isChecked()

    # A note that step 1 is outdated reaches the owner's list.
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("按钮改名为“开始”了", True)
    )
    qtbot.keyClick(viewer, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # no focus needed
    assert [(f.guide_title, f.step_number) for f in page.flags_model.rows] == [
        ("打印车辆处罚单", 1)
    ]
    assert "(1)" in page.flags_label.text()
    info = page.selected()
    assert info is not None and info.open_flags == 1
    viewer.reject()

    # The owner opens the flagged step in the editor, then resolves the note.
    page.flags_view.selectRow(0)
    qtbot.mouseClick(page.fix_button, Qt.MouseButton.LeftButton)
    editor = page.editors[gid]
    qtbot.addWidget(editor)
    assert editor.step_list.currentRow() == 0
    editor.discard()
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    assert page.flags_model.rows == []


# --- history, print, packs ------------------------------------------------------------


def test_history_restores_an_earlier_version(
    qtbot: QtBot, page: GuidesPage, sample_db: Database
) -> None:
    gid = make_guide(sample_db, "历史", [("旧的一步", None)])
    with sample_db.session() as s:
        data = service.get_guide(s, gid)
        data.steps = [StepData("新的一步"), StepData("第二步")]
        service.save_guide(s, gid, data, who="小王", summary="rewrote")
    page.reload(select=gid)
    dialog = HistoryDialog(sample_db, gid, "历史", "店长", page)
    qtbot.addWidget(dialog)
    assert dialog.model.rows[0].who == "小王" and dialog.model.rows[0].steps == 2
    old = next(r for r in range(len(dialog.model.rows)) if dialog.model.rows[r].steps == 1)
    dialog.view.selectRow(old)
    dialog.restore_button.click()
    assert [s.instruction for s in stored(sample_db, gid).steps] == ["旧的一步"]
    assert dialog.model.rows[0].who == "店长"


def test_print_a_guide_through_the_preview(
    qtbot: QtBot,
    page: GuidesPage,
    sample_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

    gid = make_guide(sample_db, "打印我", [("第一步操作", png()), ("第二步操作", None)])
    page.reload(select=gid)
    shown: list[PdfPreviewDialog] = []

    def exec_(dialog: PdfPreviewDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", exec_)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.pages == 1 and dialog.save_button.isEnabled()
    out = tmp_path / "guide.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_button.click()
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "第一步操作" in text
    dialog.reject()


def test_export_and_import_a_guide_pack(
    qtbot: QtBot,
    page: GuidesPage,
    sample_db: Database,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gid = make_guide(sample_db, "分享", [("第一步", png()), ("第二步", png(color=(1, 2, 3)))])
    page.reload(select=gid)
    target = tmp_path / "分享.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.exists() and boxes.shown[-1][0] == "information"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    chosen = page.selected()
    assert chosen is not None and chosen.id != gid and chosen.title.startswith("分享")
    assert [s.instruction for s in stored(sample_db, chosen.id).steps] == ["第一步", "第二步"]

    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    count = page.model.rowCount()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert boxes.shown[-1][0] == "warning" and "broken.zip" in boxes.shown[-1][1]
    assert page.model.rowCount() == count


def test_delete_asks_first(page: GuidesPage, sample_db: Database, boxes: Boxes) -> None:
    gid = make_guide(sample_db, "删除我", [("一步", None)])
    page.reload(select=gid)
    boxes.answer = boxes.answer.No
    page.delete_button.click()
    assert page.model.row_of(gid) is not None
    boxes.answer = boxes.answer.Yes
    page.delete_button.click()
    assert page.model.row_of(gid) is None


def test_models(qtmodeltester: object, page: GuidesPage, sample_db: Database) -> None:
    make_guide(sample_db, "模型", [("一步", None)])
    page.reload()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.flags_model)  # type: ignore[attr-defined]


# --- speed ----------------------------------------------------------------------------


def test_a_50_step_guide_with_full_hd_screenshots_opens_quickly(
    qtbot: QtBot, page: GuidesPage, sample_db: Database
) -> None:
    steps = [
        (f"第 {n} 步：点击按钮 {n}", png(1920, 1080, (n * 5 % 256, 80, 255 - n * 5 % 256)))
        for n in range(1, 51)
    ]
    gid = make_guide(sample_db, "五十步", steps)
    with sample_db.session() as s:
        data = service.get_guide(s, gid)
        for step in data.steps:
            step.annotations = (
                Annotation("rect", 0.1, 0.1, 0.3, 0.2),
                Annotation("blur", 0.5, 0.5, 0.2, 0.1),
            )
        service.save_guide(s, gid, data)

    start = time.perf_counter()
    editor = GuideEditor(sample_db, gid, parent=page)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor_s = time.perf_counter() - start
    assert len(editor._thumbs) <= 2  # thumbnails come later, not at open
    assert editor.canvas.has_image() and len(editor.canvas.annotations()) == 2

    start = time.perf_counter()
    viewer = GuideViewer(sample_db, gid, parent=page)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer_s = time.perf_counter() - start
    assert not viewer.picture.image.isNull()

    print(f"50-step guide opens: editor {editor_s:.3f} s, viewer {viewer_s:.3f} s")
    assert editor_s < 3 and viewer_s < 3
    qtbot.waitUntil(editor.thumbnails_done, timeout=30000)
    editor.discard()
    viewer.reject()


def test_ticking_every_step_records_the_guide_as_read_by_whoever_works_here(
    qtbot: QtBot, sample_db: Database
) -> None:
    gid = make_guide(sample_db, "月结客户对账", [("导出账单", None), ("核对金额", None)])
    nobody = GuideViewer(sample_db, gid, who="")
    qtbot.addWidget(nobody)
    for row in range(2):
        nobody.checklist.item(row).setCheckState(Qt.CheckState.Checked)
    assert "Pick your name" in nobody.progress.toolTip()
    with sample_db.read_session() as s:
        assert gid not in service.readings(s, "周新")

    viewer = GuideViewer(sample_db, gid, who="周新")
    qtbot.addWidget(viewer)
    viewer.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    with sample_db.read_session() as s:
        assert gid not in service.readings(s, "周新")  # half the checklist is not a reading
    viewer.checklist.item(1).setCheckState(Qt.CheckState.Checked)
    with sample_db.read_session() as s:
        assert service.readings(s, "周新")[gid] == service.get_guide(s, gid).version
    assert "recorded for 周新" in viewer.progress.format()


def test_print_with_no_guide_chosen_says_what_to_do(
    qtbot: QtBot, page: GuidesPage, window: MainWindow
) -> None:
    page.view.clearSelection()
    page.view.setCurrentIndex(page.view.model().index(-1, -1))
    assert page.selected() is None
    said: list[str] = []
    page.status.connect(said.append)
    page.print_guide()
    assert said == ["Choose a guide in the list to print it."]
