"""Every search box and form field takes any text without an error.

Each page of the main window, each dialog that opens without blocking, and the editable
cells of the couriers and handbook tables get every text field filled with the strings
below: empty, quotes, backslashes, NUL, emoji, 10,000 characters, SQL, FTS5 and regex
syntax, full-width digits, right-to-left marks. After each string the debounce timers fire
and the background work they start finishes. An exception in a slot (pytest-qt fails the
test for those), one reaching sys.excepthook or escaping a background task, or a critical
message box fails the test; a warning about invalid input is fine.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from branchdesk.complaints import service as complaints
from branchdesk.errors import BranchDeskError
from branchdesk.guides.service import search_guides
from branchdesk.io.tabular import ImportCancelled
from branchdesk.ui.handbook.handbook_page import (
    COL_AVOIDANCE,
    COL_CAUSE,
    COL_CODE,
    COL_EFFECTIVE,
    COL_FINE,
    COL_STANDARD,
)
from branchdesk.ui.kit import workers
from branchdesk.ui.lookup.couriers_page import COL_NAME, COL_NOTES, COL_PHONE
from branchdesk.ui.shell import main_window as mw
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes, type_text

NASTY = [
    "",
    " ",
    "%",
    "_",
    "'",
    '"',
    "\\",
    "\x00",
    "😀👨‍👩‍👧‍👦",
    "x" * 10_000,
    "'; DROP TABLE waybill; --",
    "NEAR(",
    '"',
    "*",
    "AND",
    "^",
    "a OR b NOT c",
    "number:123",
    ".*+?[](){}|$^\\1",
    "１３８０５７４１２３４",
    "\u202e张伟\u202c\u200f",
    "张伟",
    "海曙区药行街1号",
    "%_%' OR 1=1 --",
    "\t\n\r",
    "{name}{0}%s",
]
TYPED_UP_TO = 64  # longer strings are pasted in one go (10,000 key presses take minutes)

Editor = QLineEdit | QPlainTextEdit | QTextEdit | QComboBox


def editors(root: QWidget) -> list[Editor]:
    """The text fields in `root` a user can type into."""
    found: list[Editor] = []
    for widget in root.findChildren(QWidget):
        if not widget.isEnabled():
            continue
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                found.append(widget)
        elif isinstance(widget, QLineEdit):
            # An editable combo box's own line edit is filled through the combo box.
            if not widget.isReadOnly() and not isinstance(widget.parent(), QComboBox):
                found.append(widget)
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
            found.append(widget)
    return found


class Watch:
    """What must not happen: an exception reaching sys.excepthook or escaping a background
    task (the dialogs show those in a status line only), a critical message box."""

    def __init__(self, boxes: Boxes) -> None:
        self.boxes = boxes
        self.errors: list[str] = []
        self.previous = sys.excepthook

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Called by the test itself: pytest-qt puts its own hook back after set-up."""
        self.previous = sys.excepthook
        monkeypatch.setattr(sys, "excepthook", self)

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self.errors.append(f"{kind.__name__}: {value}")
        self.previous(kind, value, tb)  # pytest-qt's hook fails the test too

    def problems(self) -> list[str]:
        boxes = [
            f"{kind} box: {text}"
            for kind, text in self.boxes.shown
            if kind == "critical" or "Traceback" in text
        ]
        return self.errors + boxes


@pytest.fixture
def watch(boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> Watch:
    watching = Watch(boxes)
    original = workers.Task.__init__

    def init(task: workers.Task, work: Callable[[Any], Any]) -> None:
        def watched(progress: Any) -> Any:
            try:
                return work(progress)
            except (BranchDeskError, ImportCancelled):
                raise
            except Exception as exc:
                watching.errors.append(f"in a task: {type(exc).__name__}: {exc}")
                raise

        original(task, watched)

    monkeypatch.setattr(workers.Task, "__init__", init)
    return watching


@pytest.fixture
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Dialogs a field might open with exec() or a static getter are answered "Cancel"."""
    opened: list[str] = []

    def cancelled(result: object) -> Callable[..., object]:
        def answer(*args: object, **kwargs: object) -> object:
            opened.append(type(args[0]).__name__ if args else "dialog")
            return result

        return answer

    monkeypatch.setattr(QDialog, "exec", cancelled(QDialog.DialogCode.Rejected))
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, cancelled(("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", cancelled(""))
    monkeypatch.setattr(QInputDialog, "getText", cancelled(("", False)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", cancelled(("", False)))
    monkeypatch.setattr(QInputDialog, "getInt", cancelled((0, False)))
    return opened


def settle(qtbot: QtBot, roots: list[QWidget]) -> None:
    """Fire pending debounce timers now and wait for the work they start."""
    for _ in range(5):
        pending = [
            timer
            for root in roots
            for timer in root.findChildren(QTimer)
            if timer.isActive() and timer.isSingleShot() and timer.interval() <= 2000
        ]
        if not pending:
            break
        for timer in pending:
            interval = timer.interval()
            timer.start(0)
            qtbot.waitUntil(lambda t=timer: not t.isActive(), timeout=20000)
            timer.setInterval(interval)
    for root in roots:
        for name in ("task", "_task", "_warmup"):
            task = getattr(root, name, None)
            if task is not None and hasattr(task, "wait"):
                assert task.wait(60_000), f"{type(root).__name__}.{name} did not finish"
    QApplication.processEvents()


def plain(line: QLineEdit) -> bool:
    """A line edit that takes any text as typed (no validator, mask or length limit)."""
    return (
        line.validator() is None
        and not line.inputMask()
        and line.maxLength() >= 32767
        and line.objectName() != "qt_spinbox_lineedit"
    )


def enter(qtbot: QtBot, editor: Editor, text: str, *, press_return: bool) -> None:
    """Replace the field's text with `text` as a user would, then leave the field."""
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    if isinstance(line, QLineEdit):
        line.selectAll()
        qtbot.keyClick(line, Qt.Key.Key_Delete)
        if len(text) > TYPED_UP_TO or "\x00" in text:
            line.setText(text)  # pasted
            qtbot.keyClicks(line, "1")  # and one key press, for textEdited handlers
            qtbot.keyClick(line, Qt.Key.Key_Backspace)
        else:
            type_text(qtbot, line, text)
            if text == "张伟" and plain(line):
                assert line.text() == text, "typing does not reach the field"
        if press_return:
            qtbot.keyClick(line, Qt.Key.Key_Return)
        else:
            line.editingFinished.emit()  # as when the user tabs to the next field
    else:
        assert isinstance(editor, QPlainTextEdit | QTextEdit)
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
        if len(text) > TYPED_UP_TO:
            editor.insertPlainText(text)
        else:
            type_text(qtbot, editor, text)


def fill_every_field(qtbot: QtBot, root: QWidget, watch: Watch, *, press_return: bool) -> int:
    """Type every string into every field of `root`; returns the number of fields."""
    fields = editors(root)
    for editor in fields:
        shown = editor.isVisibleTo(root.window())  # hidden ones (another mode) get text too
        for text in NASTY:
            if not editor.isEnabled() or (shown and not editor.isVisibleTo(root.window())):
                break  # an earlier string changed the form (a step removed, a mode left)
            enter(qtbot, editor, text, press_return=press_return)
            settle(qtbot, [root, root.window()])
            where = f"{type(root).__name__} {editor.objectName() or type(editor).__name__}"
            assert not watch.problems(), f"{where} with {text[:40]!r}: {watch.problems()}"
    return len(fields)


PAGES = {
    "lookup": mw.LOOKUP,
    "data": mw.DATA,
    "couriers": mw.COURIERS,
    "handbook": mw.HANDBOOK,
    "practice": mw.PRACTICE,
    "complaints": mw.COMPLAINTS,
    "analysis": mw.ANALYSIS,
    "guides": mw.GUIDES,
    "knowledge": mw.KNOWLEDGE,
}


@pytest.mark.parametrize("name", list(PAGES))
def test_every_field_of_a_page_takes_any_text(
    qtbot: QtBot,
    window: MainWindow,
    watch: Watch,
    no_blocking_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    watch.install(monkeypatch)
    window.nav.setCurrentRow(PAGES[name])
    page = window.pages.currentWidget()
    assert page is not None
    settle(qtbot, [window])
    fields = fill_every_field(qtbot, page, watch, press_return=True)
    # The data and couriers pages have no text field; the couriers' table cells are below.
    assert fields or name in ("data", "couriers"), f"no text field found on the {name} page"


def _complaint(window: MainWindow) -> int:
    assert window.db is not None
    with window.db.session() as s:
        category = complaints.category_tree(s)
        if not category:
            complaints.ensure_default_categories(s)
            category = complaints.category_tree(s)
        row = complaints.create_complaint(
            s,
            complaints.NewComplaint(
                channel="电话", category_id=category[0].id, description="催件", phone="13805741234"
            ),
            "测试",
        )
        return row.id


def _new_complaint(window: MainWindow) -> QDialog:
    window.nav.setCurrentRow(mw.COMPLAINTS)
    return window.complaints_page.new_complaint()


def _complaint_detail(window: MainWindow) -> QDialog:
    from branchdesk.ui.complaints.detail_dialog import ComplaintDetailDialog

    assert window.db is not None
    return ComplaintDetailDialog(window.db, _complaint(window), window.settings, window)


def _close_complaint(window: MainWindow) -> QDialog:
    from branchdesk.ui.complaints.close_dialog import CloseDialog

    return CloseDialog(window)


def _complaint_categories(window: MainWindow) -> QDialog:
    from branchdesk.ui.complaints.categories_dialog import ComplaintCategoriesDialog

    assert window.db is not None
    return ComplaintCategoriesDialog(window.db, window)


def _settings(window: MainWindow) -> QDialog:
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    return SettingsDialog(window.settings, window)


def _import(kind: str) -> Callable[[MainWindow], QDialog]:
    def make(window: MainWindow) -> QDialog:
        from branchdesk.ui.data.import_dialog import ImportDialog

        assert window.db is not None
        return ImportDialog(window.db, kind=kind, parent=window)

    return make


def _print(document: str) -> Callable[[MainWindow], QDialog]:
    def make(window: MainWindow) -> QDialog:
        from branchdesk.ui.handbook.print_dialog import PrintDialog

        assert window.db is not None
        return PrintDialog(window.db, document=document, parent=window)

    return make


def _slips(window: MainWindow) -> QDialog:
    from branchdesk.ui.complaints.slips_dialog import SlipsDialog

    assert window.db is not None
    return SlipsDialog(window.db, window)


def _batch_lookup(window: MainWindow) -> QDialog:
    from branchdesk.ui.lookup.batch_dialog import BatchLookupDialog

    assert window.db is not None
    return BatchLookupDialog(window.db, window)


def _new_guide(window: MainWindow) -> QDialog:
    from branchdesk.ui.guides.guides_page import NewGuideDialog

    return NewGuideDialog(["财务", "操作"], "财务", window)


def _guide_editor(window: MainWindow) -> QDialog:
    from branchdesk.ui.guides.guide_editor import GuideEditor

    assert window.db is not None
    with window.db.session() as s:
        guide_id = search_guides(s)[0].id
    return GuideEditor(window.db, guide_id, who="测试", parent=window)


DIALOGS: dict[str, Callable[[MainWindow], QDialog]] = {
    "new complaint": _new_complaint,
    "complaint detail": _complaint_detail,
    "close complaint": _close_complaint,
    "complaint categories": _complaint_categories,
    "settings": _settings,
    "import areas": _import("areas"),
    "import handbook": _import("handbook"),
    "print handbook": _print("handbook"),
    "print results": _print("results"),
    "slips": _slips,
    "batch lookup": _batch_lookup,
    "new guide": _new_guide,
    "guide editor": _guide_editor,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_field_of_a_dialog_takes_any_text(
    qtbot: QtBot,
    window: MainWindow,
    watch: Watch,
    no_blocking_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    watch.install(monkeypatch)
    dialog = DIALOGS[name](window)
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, [dialog])
    fields = fill_every_field(qtbot, dialog, watch, press_return=False)
    # The import and slips dialogs take a file from the file dialog and have no text field.
    assert fields or name in ("import areas", "import handbook", "slips")
    settle(qtbot, [dialog])
    dialog.reject()


TABLES = {
    "couriers": (mw.COURIERS, [COL_NAME, COL_PHONE, COL_NOTES]),
    "handbook": (
        mw.HANDBOOK,
        [COL_CAUSE, COL_FINE, COL_STANDARD, COL_AVOIDANCE, COL_CODE, COL_EFFECTIVE],
    ),
}


@pytest.mark.parametrize("name", list(TABLES))
def test_every_editable_cell_takes_any_text(
    qtbot: QtBot,
    window: MainWindow,
    watch: Watch,
    no_blocking_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    watch.install(monkeypatch)
    row, columns = TABLES[name]
    window.nav.setCurrentRow(row)
    page = window.pages.currentWidget()
    view = page.view  # type: ignore[attr-defined]
    for column in columns:
        for text in NASTY:
            index = view.model().index(0, column)
            view.setCurrentIndex(index)
            view.edit(index)
            editor = view.focusWidget()
            if isinstance(editor, QPlainTextEdit):
                editor.selectAll()
                if len(text) > TYPED_UP_TO:
                    editor.insertPlainText(text)
                else:
                    type_text(qtbot, editor, text)
                qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            else:
                assert isinstance(editor, QLineEdit), type(editor)
                editor.selectAll()
                if len(text) > TYPED_UP_TO or "\x00" in text:
                    editor.setText(text)
                else:
                    type_text(qtbot, editor, text)
                qtbot.keyClick(editor, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=20000)
            settle(qtbot, [page])
            where = f"{name} column {column} with {text[:40]!r}"
            assert not watch.problems(), f"{where}: {watch.problems()}"
