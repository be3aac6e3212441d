"""Typing into the real search box and reading what the user sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branchdesk.io.reader import read_sheet
from branchdesk.ui.lookup import confidence
from branchdesk.ui.lookup.batch_dialog import BatchLookupDialog
from branchdesk.ui.lookup.lookup_results import CONFIDENCE_COLUMN
from branchdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Boxes, type_text


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    page = window.lookup_page
    page.search_box.clear()
    with qtbot.waitSignal(page.searched, timeout=3000):
        type_text(qtbot, page.search_box, text)


def _cell(model, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    return model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)


def test_typing_an_address_shows_its_courier_route_and_days(
    qtbot: QtBot, window: MainWindow
) -> None:
    _type(qtbot, window, "宁波市海曙区中山西路37号")
    page = window.lookup_page
    qtbot.waitUntil(lambda: page.courier_model.rowCount() > 0)
    assert _cell(page.courier_model, 0, 0) == "王强"
    assert "中山西路" in _cell(page.courier_model, 0, 6)
    assert "王强" in page.summary.text()
    assert page.route_label.text() == (
        "Destination: 浙江省宁波市海曙区    Route: 宁波分拨中心 (code 574, cut-off 20:00)    "
        "Expected in 1 day(s)"
    )


def test_a_tie_is_shown_as_a_warning(qtbot: QtBot, window: MainWindow) -> None:
    _type(qtbot, window, "望京路")
    qtbot.waitUntil(lambda: "⚠" in window.lookup_page.summary.text())


def test_waybill_number_finds_the_parcel(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lookup_page
    _type(qtbot, window, "万达广场")
    qtbot.waitUntil(lambda: page.waybill_model.rowCount() > 0)
    number = _cell(page.waybill_model, 0, 0)
    _type(qtbot, window, number)
    qtbot.waitUntil(lambda: page.waybill_model.rowCount() == 1)
    assert _cell(page.waybill_model, 0, 0) == number
    assert _cell(page.courier_model, 0, 0) == "李娜"


def test_suggestion_link_searches_for_it(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lookup_page
    _type(qtbot, window, "cjhy")
    qtbot.waitUntil(lambda: "春江花月" in page.summary.text())
    with qtbot.waitSignal(page.searched):
        page.summary.linkActivated.emit("春江花月")
    assert page.search_box.text() == "春江花月"
    assert page.courier_model.rowCount() == 1


@pytest.mark.parametrize("text", ['"', "*", "'\"*", "😀📦", "(AND", "\\%_"])
def test_search_box_takes_any_text(qtbot: QtBot, window: MainWindow, text: str) -> None:
    _type(qtbot, window, text)
    assert window.lookup_page.last_result is not None


def test_search_box_takes_ten_thousand_characters(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lookup_page
    with qtbot.waitSignal(page.searched, timeout=3000):
        page.search_box.setText("中山西路" * 2500)
    assert page.last_result is not None


def test_escape_clears_and_ctrl_f_focuses(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lookup_page
    _type(qtbot, window, "万达")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.search_box.text() == ""
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search_box.hasFocus)


def test_down_goes_to_the_results_and_escape_there_keeps_the_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.lookup_page
    _type(qtbot, window, "万达广场")
    qtbot.waitUntil(lambda: page.courier_model.rowCount() > 0)
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(page.courier_view.hasFocus)
    assert page.courier_view.currentIndex().row() == 0
    qtbot.keyClick(page.courier_view, Qt.Key.Key_Escape)
    assert page.search_box.text() == "万达广场"  # Esc clears the box only in the box
    assert page.courier_model.rowCount() > 0


def test_batch_lookup_pastes_addresses_and_exports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = BatchLookupDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.input.setPlainText("中山西路37号\n中山西路38号\n\n火星路1号\n望京路")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 4
    assert [_cell(dialog.model, r, 1) for r in range(4)][:2] == ["王强", "陈静"]
    assert _cell(dialog.model, 2, 1) == ""
    assert dialog.status.text() == (
        "3 of 4 addresses matched; 1 tie(s) to check. "
        "0 answer(s) are not sure (fuzzy, note, district, or a district to check)."
    )
    out = tmp_path / "批量分单.xlsx"
    dialog.export_to(out)
    rows = read_sheet(out).rows
    assert rows[0][:2] == ["地址", "业务员"]
    assert rows[1][:2] == ["中山西路37号", "王强"]
    assert len(rows) == 5


def test_batch_export_failure_is_explained(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, boxes: Boxes
) -> None:
    dialog = BatchLookupDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.input.setPlainText("中山西路37号")
    dialog.run()
    dialog.export_to(tmp_path / "missing" / "out.xlsx")
    assert boxes.shown[-1][0] == "warning" and "missing" in boxes.shown[-1][1]


def test_the_answer_says_how_sure_it_is_in_words_and_colour(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.lookup_page
    _type(qtbot, window, "中山西路37号")
    qtbot.waitUntil(lambda: page.courier_model.rowCount() > 0)
    index = page.courier_model.index(0, 1)
    assert _cell(page.courier_model, 0, 1) == "Exact rule"
    exact = page.courier_model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()
    assert "Exact rule" in page.summary.text()
    _type(qtbot, window, "月湖小区")  # no building: two couriers, not sure
    qtbot.waitUntil(lambda: "tie" in page.summary.text())
    assert "tie" in _cell(page.courier_model, 0, 1)
    tie = page.courier_model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()
    assert tie != exact


def test_a_typo_is_answered_as_did_you_mean(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lookup_page
    _type(qtbot, window, "月湖晓区5幢")
    qtbot.waitUntil(lambda: page.courier_model.rowCount() > 0)
    assert _cell(page.courier_model, 0, 0) == "赵敏"
    assert _cell(page.courier_model, 0, 1) == "Did you mean (fuzzy)"
    assert "Did you mean" in page.summary.text() and "月湖小区" in page.summary.text()


def test_batch_lookup_shows_and_exports_the_confidence(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = BatchLookupDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.input.setPlainText("中山西路37号\n望京路\n月湖晓区5幢")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert [_cell(dialog.model, r, 2) for r in range(3)] == [
        "Exact rule",
        "Building inferred · tie, check",
        "Did you mean (fuzzy)",
    ]
    colours = {
        dialog.model.data(dialog.model.index(r, 2), Qt.ItemDataRole.BackgroundRole).color().name()
        for r in range(3)
    }
    assert len(colours) == 3
    out = tmp_path / "批量分单.xlsx"
    dialog.export_to(out)
    rows = read_sheet(out).rows
    assert rows[0][-2:] == ["匹配程度", "匹配说明"]
    assert rows[1][-2] == "Exact rule" and "37" in rows[1][-1]
    assert rows[2][-2] == "Building inferred · tie, check"


def test_with_the_branch_district_set_what_is_no_address_finds_no_courier(
    qtbot: QtBot, window: MainWindow, boxes: Boxes, tmp_path: Path
) -> None:
    """The setup wizard's 网点所在城市和区县 made 查件 answer 你好 (or any slip of the keyboard)
    with the district's catch-all courier and a destination; a misspelt road got that
    courier too, and no 您是不是要找."""
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window, db=window.db)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.branch_region, "宁波海曙")
    dialog.save()
    page = window.lookup_page
    _type(qtbot, window, "你好")
    assert page.courier_model.rowCount() == 0
    assert "Nothing found for “你好”" in page.summary.text()
    assert page.route_label.text() == ""  # no destination for no address
    _type(qtbot, window, "中三西路37号")  # 中山西路 misspelt: a road of the district, maybe
    assert _cell(page.courier_model, 0, 0) == "张伟"
    assert "District fallback" in page.summary.text()
    assert "Did you mean: <a href='中山西路'>中山西路</a>" in page.summary.text()
    _type(qtbot, window, "江东区中山西路37号")  # a district no table knows: not ours
    assert [_cell(page.courier_model, r, 0) for r in range(page.courier_model.rowCount())] == [
        "王强"
    ]
    assert "海曙区" not in page.route_label.text() and "宁波市" in page.route_label.text()
    # Its road matched, but another district's rules are not ruled out: to be checked, and
    # 批量分单 counts it among the answers that are not sure, and says so in its export.
    assert "⚠ The address names “江东区”" in page.summary.text()
    # …and its confidence is not said as sure: not 精确匹配 on green, in the list or the badge.
    assert _cell(page.courier_model, 0, CONFIDENCE_COLUMN) == "Exact rule · to be checked"
    brush = page.courier_model.data(
        page.courier_model.index(0, CONFIDENCE_COLUMN), Qt.ItemDataRole.BackgroundRole
    )
    assert brush.color().name() == confidence.TIE_COLOUR
    assert "Exact rule · to be checked" in page.summary.text()
    assert "Could be delivered by: <b>王强</b>" in page.summary.text()
    assert "Delivered by" not in page.summary.text()
    batch = BatchLookupDialog(window.db, window)
    qtbot.addWidget(batch)
    batch.input.setPlainText("江东区中山西路37号\n中山西路37号")
    qtbot.mouseClick(batch.run_button, Qt.MouseButton.LeftButton)
    assert "1 answer(s) are not sure" in batch.status.text()
    assert [_cell(batch.model, r, 6) for r in range(2)] == ["⚠", ""]
    assert [_cell(batch.model, r, 2) for r in range(2)] == [
        "Exact rule · to be checked",
        "Exact rule",
    ]
    batch.export_to(tmp_path / "批量分单.xlsx")
    exported = read_sheet(tmp_path / "批量分单.xlsx").rows
    assert "江东区" in str(exported[1]) and "check the district" in str(exported[1])
    # What the table finds, or what reads as an address, is still the branch's own place.
    _type(qtbot, window, "春江花月小区")
    assert _cell(page.courier_model, 0, 0) == "张伟" and "Expected in 1 day" in (
        page.route_label.text()
    )
    _type(qtbot, window, "翠柏一区12幢")  # 一区: part of an estate, not a district
    assert _cell(page.courier_model, 0, 0) == "张伟"
    assert "District fallback" in page.summary.text()


def test_on_a_branch_without_an_area_table_the_answer_says_what_to_import(
    qtbot: QtBot, db: object, boxes: Boxes
) -> None:
    """A new branch's first 查地址 said only "nothing found": not that no area table was
    imported yet, nor where to import it."""
    from branchdesk.ui.shell.main_window import LOOKUP

    empty = MainWindow(db)  # type: ignore[arg-type]
    qtbot.addWidget(empty)
    empty.show()
    empty.nav.setCurrentRow(LOOKUP)
    _type(qtbot, empty, "中山西路37号")
    summary = empty.lookup_page.summary.text()
    assert "Nothing found" in summary and "No area table has been imported yet" in summary
    assert "数据 (Ctrl+3)" in summary


def test_a_new_branch_district_is_answered_again_at_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """查件 kept the answer given under the old district until the query was typed again."""
    from branchdesk.ui.owner.settings_dialog import SettingsDialog

    page = window.lookup_page
    _type(qtbot, window, "某某路1号")  # no district written, no region set: nothing found
    assert page.courier_model.rowCount() == 0

    def save_a_district(dialog: SettingsDialog) -> int:
        dialog.branch_region.setText("宁波海曙")
        dialog.save()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", save_a_district)
    with qtbot.waitSignal(page.searched, timeout=3000):
        window.open_settings()
    assert _cell(page.courier_model, 0, 0) == "张伟"  # the district's catch-all courier


def test_a_tie_with_one_courier_says_why_not_two_couriers(qtbot: QtBot, window: MainWindow) -> None:
    """春江花月对面 listed one courier under "⚠ Two couriers match equally well": the tie was
    that only a landmark is in the table."""
    _type(qtbot, window, "春江花月对面")
    page = window.lookup_page
    assert page.courier_model.rowCount() == 1
    assert "Two couriers" not in page.summary.text()
    assert "landmark" in page.summary.text()
    _type(qtbot, window, "望京路")  # two couriers tied: said as such
    assert "Two couriers match equally well" in page.summary.text()


def test_ctrl_2_from_another_page_is_ready_to_type_an_address(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Ctrl+2 is 查地址's key on 今天: it brings 查件 with the caret in its search box (the
    navigation's other keys only change the page)."""
    from branchdesk.ui.shell.main_window import LOOKUP, TODAY

    window.nav.setCurrentRow(TODAY)
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == LOOKUP
    qtbot.waitUntil(window.lookup_page.search_box.hasFocus)


@pytest.mark.parametrize(
    ("error", "damaged"),
    [("database disk image is malformed", True), ("no such column: area_rule.kind", False)],
    ids=["damaged-file", "other"],
)
def test_a_search_failing_on_its_thread_is_reported_as_one_on_the_window_s(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    error: str,
    damaged: bool,
) -> None:
    """A search made while the area index was built (on a thread) that failed showed the raw
    SQL error in English in 查件 and reached no log. A damaged file is now said in 查件 with
    what to do (and logged); any other error goes to the application's last resort (the log,
    a box that says what to do), as on the UI thread."""
    import logging
    import sqlite3
    import sys

    from branchdesk.lookup import service

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: reported.append(exc))
    monkeypatch.setattr(service, "index_ready", lambda _session: False)  # the first second

    def failing(*_args: object, **_kwargs: object) -> object:
        raise sqlite3.DatabaseError(error)

    monkeypatch.setattr(service, "lookup", failing)
    page = window.lookup_page
    page.search_box.setText("晓风苑")
    with caplog.at_level(logging.WARNING, logger="branchdesk"):
        page.run_search()
        qtbot.waitUntil(lambda: not page._searching.busy, timeout=5000)
    if damaged:
        assert "data file is damaged" in page.summary.text()
        assert "branchdesk restore" in page.summary.text() and not reported
        assert "malformed" in caplog.text
    else:
        assert [str(e) for e in reported] == [error]
        assert page.summary.text() == "The search could not be made: see the message."
