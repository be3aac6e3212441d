"""The import dialog end to end: file, sheet, mapping preview, errors, skip, progress, Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from branchdesk.db.engine import Database
from branchdesk.io.models import ImportBatch
from branchdesk.lookup.models import AreaRule, Waybill
from branchdesk.lookup.service import lookup
from branchdesk.sample import waybill_rows
from branchdesk.settings import SettingsStore
from branchdesk.ui.data.import_dialog import ImportDialog
from tests.ui.conftest import Boxes


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _open(qtbot: QtBot, db: Database, path: Path, kind: str = "areas") -> ImportDialog:
    dialog = ImportDialog(db, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.prepared is not None, timeout=10000)
    return dialog


def test_import_an_area_table_with_title_rows_and_merged_cells(
    qtbot: QtBot, db: Database, fixtures: Path, boxes: Boxes
) -> None:
    dialog = _open(qtbot, db, fixtures / "areas_title_merged.xlsx")
    assert dialog.sheet_combo.currentText()
    # The header below the title rows is recognised, each column mapped to its meaning.
    headers = [
        dialog.mapping_table.horizontalHeaderItem(c).text()
        for c in range(dialog.mapping_table.columnCount())
    ]
    assert "业务员" in headers
    col = headers.index("业务员")
    combo = dialog.mapping_table.cellWidget(0, col)
    assert isinstance(combo, QComboBox) and combo.currentData() == "courier"
    assert dialog.problem_list.count() == 0
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and boxes.shown[-1][0] == "information"
    with db.session() as s:
        assert lookup(s, "姚江路4号").couriers[0].name == "张伟"


def test_bad_file_lists_problems_and_imports_only_when_told_to_skip(
    qtbot: QtBot, db: Database, fixtures: Path, boxes: Boxes
) -> None:
    dialog = _open(qtbot, db, fixtures / "areas_bad_cells.xlsx")
    lines = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    phone = "a phone number is expected (digits only, e.g. 13805741234 or 0574-87654321)"
    assert lines == [
        # row 3's blank courier is "same as above" (issue 12), not a problem
        "ℹ 1 blank cell(s) in a grouping column taken as “same as above” "
        "(as merged cells leave them)",
        f"areas_bad_cells.xlsx, sheet 派件区域, row 4, column G（手机）: '139O7482345' — {phone}",
        f"areas_bad_cells.xlsx, sheet 派件区域, row 6, column G（手机）: '电话待补' — {phone}",
    ]
    assert not dialog.import_button.isEnabled()
    assert _count(db, AreaRule) == 0
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        batch = s.scalars(select(ImportBatch)).one()
    assert (batch.rows_skipped, batch.rows_ok) == (2, 3)


def test_damaged_file_shows_what_to_do(
    qtbot: QtBot, db: Database, fixtures: Path, boxes: Boxes
) -> None:
    dialog = ImportDialog(db, "areas")
    qtbot.addWidget(dialog)
    dialog.set_file(fixtures / "damaged.xlsx")
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.status.text() == (
        "damaged.xlsx cannot be read: it is damaged or not really a xlsx file. "
        "Open it in Excel or WPS, save it again as .xlsx, and choose the saved file."
    )
    assert not dialog.import_button.isEnabled()


def test_changing_a_column_mapping_is_remembered(
    qtbot: QtBot, db: Database, tmp_path: Path, boxes: Boxes
) -> None:
    csv = tmp_path / "odd.csv"
    csv.write_text("小哥,负责片区\n张三,中山西路1-99号\n", encoding="utf-8")
    dialog = ImportDialog(db, "areas")
    qtbot.addWidget(dialog)
    dialog.set_file(csv)
    qtbot.waitUntil(lambda: dialog.task is None)
    assert not dialog.import_button.isEnabled()  # no courier column recognised
    assert "业务员" in dialog.status.text()  # says which header names are accepted
    # The user says what the first column is, in the column's chooser.
    chooser = dialog.mapping_table.cellWidget(0, 0)
    assert isinstance(chooser, QComboBox)
    assert dialog.mapping_table.horizontalHeaderItem(0).text() == "小哥"
    chooser.setCurrentIndex(chooser.findData("courier"))
    qtbot.waitUntil(lambda: dialog.task is None and dialog.prepared is not None)
    combo = dialog.mapping_table.cellWidget(0, 0)
    assert isinstance(combo, QComboBox) and combo.currentData() == "courier"
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert SettingsStore().get("column_mappings")["areas"]["小哥"] == "courier"


@pytest.fixture
def big_waybill_file(tmp_path: Path) -> Path:
    # Write-only: the same cells, written as they are appended (no cell objects kept).
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet")
    ws.append(["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"])
    for row in waybill_rows(20000, seed=7):
        ws.append(row)
    path = tmp_path / "waybills-20000.xlsx"
    wb.save(path)
    return path


def test_cancel_during_import_writes_nothing(
    qtbot: QtBot, db: Database, big_waybill_file: Path, boxes: Boxes
) -> None:
    dialog = _open(qtbot, db, big_waybill_file, kind="waybills")
    assert dialog.prepared is not None and dialog.prepared.valid == 20000
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible()
    assert not dialog.import_button.isEnabled()  # no second import while one runs
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.status.text() == "Cancelled. Nothing was imported."
    assert _count(db, Waybill) == 0 and _count(db, ImportBatch) == 0
    assert dialog.isVisible()  # the user can try again


def test_handbook_import_offers_to_create_missing_categories(
    qtbot: QtBot, db: Database, fixtures: Path, boxes: Boxes
) -> None:
    from branchdesk.handbook import service

    dialog = _open(qtbot, db, fixtures / "handbook_hq.xlsx", kind="handbook")
    # 派件 is not a category yet: its three rows are listed, nothing can be imported.
    assert dialog.problem_list.count() == 3
    assert "派件" in dialog.problem_list.item(0).text()
    assert not dialog.import_button.isEnabled()
    create = dialog.option_boxes["create_categories"]
    assert create.isVisible()
    create.setChecked(True)  # the rows are checked again with the option
    qtbot.waitUntil(lambda: dialog.task is None and dialog.problem_list.count() == 0, timeout=10000)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert "派件" in [c.name for c in service.list_categories(s)]
        assert len(service.entries(s)) == 10


def test_the_create_categories_option_belongs_to_the_handbook_only(
    qtbot: QtBot, db: Database
) -> None:
    dialog = ImportDialog(db, "areas")
    qtbot.addWidget(dialog)
    assert dialog.option_boxes == {}
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("handbook"))
    assert list(dialog.option_boxes) == ["create_categories"]


def test_a_workbook_with_one_sheet_per_courier_reads_every_sheet(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    from tests.data.cities.cases import HERE

    dialog = _open(qtbot, db, HERE / "shenyang_heping" / "areas_per_courier.xlsx")
    lines = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any("说明" in line and "skipped" in line for line in lines)
    assert dialog.prepared is not None and not dialog.prepared.problems
    assert len({r.sheet for r in dialog.prepared.rows}) == 9
    # the area was chosen from 道路/小区, not the 片区 zone labels, and the preview says so
    assert any("道路/小区" in line for line in lines if line.startswith("ℹ"))
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert lookup(s, "太原街万达广场B座").couriers[0].name == "孙丽娜"
