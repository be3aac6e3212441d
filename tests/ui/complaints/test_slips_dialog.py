"""The slips dialog: open an HQ list, see who gets which parcel, save the slips as PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branchdesk.complaints.slip_entries import AMBIGUOUS, UNMATCHED
from branchdesk.db.engine import Database
from branchdesk.ui.complaints.slips_dialog import (
    TO_CHECK_FILL,
    UNMATCHED_FILL,
    SlipLinesModel,
    SlipsDialog,
)
from tests.ui.conftest import Boxes


@pytest.fixture
def dialog(qtbot: QtBot, sample_db: Database, boxes: Boxes) -> SlipsDialog:
    dlg = SlipsDialog(sample_db)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def open_list(
    qtbot: QtBot, dialog: SlipsDialog, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.found is not None and dialog.task is None, timeout=20000)


def test_open_a_list_see_the_matches_and_save_the_slips(
    qtbot: QtBot,
    dialog: SlipsDialog,
    fixtures: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    open_list(qtbot, dialog, monkeypatch, fixtures / "problems_hq.xlsx")
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=20000)
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 10
    couriers = [model.index(r, SlipLinesModel.COL_COURIER).data() for r in range(10)]
    assert couriers[0] == "李娜" and couriers[-1] == ""
    tints = {
        row.how: model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)
        for r, row in enumerate(model.rows)
    }
    assert tints[AMBIGUOUS].color() == TO_CHECK_FILL
    assert tints[UNMATCHED].color() == UNMATCHED_FILL
    ambiguous = next(r for r, row in enumerate(model.rows) if row.how == AMBIGUOUS)
    assert "王强 / 陈静" in model.index(ambiguous, SlipLinesModel.COL_HOW).data()
    assert not dialog.problem_list.isVisibleTo(dialog)
    assert "10 parcel(s) for 5 courier(s), 2 unmatched" in dialog.status.text()
    assert dialog.pdf.pageCount() == 6
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()

    target = tmp_path / "slips"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(dialog.printed) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".pdf")
    assert saved.args[0].path == written and written.exists()
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    for name in ("李娜", "刘洋", "王强", "赵敏", "周杰"):
        assert name in text
    assert "138****1234" in text and "13812341234" not in text

    # Full phones only when asked; the preview is rendered again.
    dialog.show_phones.setChecked(True)
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.task is None, timeout=20000)
    with qtbot.waitSignal(dialog.printed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "13812341234" in "".join(p.extract_text() for p in PdfReader(written).pages)


def test_a_list_with_bad_rows_prints_nothing_until_they_are_skipped(
    qtbot: QtBot, dialog: SlipsDialog, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_list(qtbot, dialog, monkeypatch, fixtures / "problems_bad.xlsx")
    assert dialog.problem_list.count() == 4
    assert "row 3, column E（电话）" in dialog.problem_list.item(1).text()
    assert dialog.rendered is None
    assert not dialog.save_button.isEnabled()
    assert "Skip invalid rows" in dialog.status.text()

    dialog.skip_invalid.setChecked(True)
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.task is None, timeout=20000)
    assert dialog.rendered is not None and dialog.rendered.found.parcels == 1
    assert "4 invalid row(s) skipped" in dialog.status.text()
    assert dialog.save_button.isEnabled()


def test_a_file_that_is_not_a_list_says_what_is_missing(
    qtbot: QtBot, dialog: SlipsDialog, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *args, **kwargs: (str(fixtures / "problems_missing_column.xlsx"), ""),
    )
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and "运单号" in dialog.status.text(), timeout=20000)
    assert dialog.model.rowCount() == 0
    assert not dialog.save_button.isEnabled()


def test_print_sends_every_slip_page_to_the_printer(
    qtbot: QtBot,
    dialog: SlipsDialog,
    fixtures: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    open_list(qtbot, dialog, monkeypatch, fixtures / "problems_unsigned.xlsx")
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.task is None, timeout=20000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for paper
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        dialog.print_to(printer)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert len(PdfReader(out).pages) == 3  # 黄磊, 王强, 杨帆
    assert dialog.save_button.isEnabled()


def test_choosing_another_sheet_during_a_render_shows_that_sheets_slips(
    qtbot: QtBot, dialog: SlipsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sheet B chosen while sheet A's slips render, then an option ticked: the slips shown
    (and printed) are sheet B's, never A's."""
    import threading
    from types import SimpleNamespace

    from reportlab.pdfgen.canvas import Canvas

    import branchdesk.ui.complaints.slips_dialog as module

    reads: list[str | None] = []
    gate = threading.Event()

    def read(session: object, path: Path, sheet: str | None = None, progress: object = None):  # type: ignore[no-untyped-def]
        reads.append(sheet)
        return SimpleNamespace(
            name=sheet, lines=[], problems=[], parcels=1, merged=0, summary=lambda: str(sheet)
        )

    def render(found, path, *, branch, printed, mask, progress):  # type: ignore[no-untyped-def]
        gate.wait(10)
        progress(1, 1)
        canvas = Canvas(str(path))
        canvas.drawString(100, 700, str(found.name))
        canvas.showPage()
        canvas.save()
        return SimpleNamespace(pages=1, found=found)

    monkeypatch.setattr(module, "read_problem_list", read)
    monkeypatch.setattr(module, "require_printable", lambda found, skip_invalid: None)
    monkeypatch.setattr(module, "render", render)
    dialog.file_edit.setText("problems.xlsx")
    dialog.sheet_combo.blockSignals(True)
    dialog.sheet_combo.addItems(["A", "B"])
    dialog.sheet_combo.blockSignals(False)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=10000)  # A read, its render waits
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.show_phones.setChecked(True)
    gate.set()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.rendered is not None, timeout=20000)
    assert reads == ["A", "B"]
    assert dialog.found is not None and dialog.found.name == "B"
