"""Handbook services, import and export on a temporary DB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.handbook import service
from branchdesk.handbook.fines import FineKind
from branchdesk.handbook.importers import EXPORT_HEADERS, export_handbook
from branchdesk.handbook.models import PenaltyCategory, PenaltyItem
from branchdesk.handbook.sample import SAMPLE_ITEMS, load_sample_handbook
from branchdesk.handbook.service import HandbookError, ItemFields
from branchdesk.io.batches import history, undo_batch
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.io.tabular import HeaderNotFound
from branchdesk.permissions import Action, PermissionDenied, set_policy


def _import(db: Database, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return run_import(s, path, "handbook", **kw)  # type: ignore[arg-type]


def _causes(db: Database) -> list[str]:
    with db.session() as s:
        return [e.cause for e in service.entries(s)]


def _item_count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(PenaltyItem)) or 0


@pytest.fixture
def sample(db: Database) -> Database:
    with db.session() as s:
        load_sample_handbook(s)
    return db


# --- sample and search ------------------------------------------------------------------


def test_sample_handbook_has_every_default_category_and_says_it_is_a_sample(
    sample: Database,
) -> None:
    with sample.session() as s:
        cats = service.list_categories(s)
        assert [c.name for c in cats] == list(service.DEFAULT_CATEGORIES)
        assert sum(c.items for c in cats) == len(SAMPLE_ITEMS) >= 30
        assert service.is_sample(s)
        entries = service.entries(s)
    assert not any(e.fine_flagged for e in entries)
    kinds = set()
    with sample.session() as s:
        for item in s.scalars(select(PenaltyItem)):
            kinds.add(item.fine_kind)
    # Every shape of FACTS.md is represented in the sample.
    assert {"fixed", "range", "compensation", "escalating", "dismissal", "kpi"} <= kinds


def test_loading_the_sample_twice_is_refused(sample: Database) -> None:
    with sample.session() as s, pytest.raises(BranchDeskError, match="already loaded"):
        load_sample_handbook(s)


def test_search_looks_in_every_field_and_needs_every_word(sample: Database) -> None:
    with sample.session() as s:
        assert [e.cause for e in service.entries(s, "12305")] == ["升级投诉 / 12305 申诉"]
        # A word of the avoidance text only.
        assert [e.cause for e in service.entries(s, "充电宝")] == ["手机关机超过 30 分钟"]
        # A fine.
        assert "遗失" in [e.cause for e in service.entries(s, "500元/票")]
        # Category name and a word: both must match.
        both = service.entries(s, "投诉 快递柜")
        assert [e.cause for e in both] == ["虚假签收", "未经同意放驿站/快递柜/门口"]
        assert service.entries(s, "驿站 不存在的词") == []
        # Full-width input finds half-width text.
        assert service.entries(s, "１２３０５")


# --- editing ----------------------------------------------------------------------------


def test_editing_a_fine_stores_it_structured_and_keeps_the_text(sample: Database) -> None:
    with sample.session() as s:
        entry = service.entries(s, "虚假电联")[0]
        service.update_item(s, entry.id, fine="10元，超1小时后每30分钟加10元")
    with sample.session() as s:
        item = s.get(PenaltyItem, entry.id)
        assert item is not None
        assert item.fine_text == "10元，超1小时后每30分钟加10元"
        assert item.fine_kind == FineKind.ESCALATING
        assert (item.fine_fen, item.fine_step_fen, item.fine_step_minutes) == (1000, 1000, 30)
        assert item.updated_at > item.created_at


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cause": "  "}, "cannot be empty"),
        ({"fine": ""}, "cannot be empty"),
        ({"category": "不存在"}, "no category"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    sample: Database, changes: dict[str, str], message: str
) -> None:
    with sample.session() as s:
        before = service.entries(s, "虚假电联")[0]
    with sample.session() as s, pytest.raises(HandbookError, match=message):
        service.update_item(s, before.id, **changes)
    with sample.session() as s:
        assert service.entries(s, "虚假电联")[0] == before


@pytest.mark.parametrize("fine", ["按总部最新通知执行", "10元/票（3天内）", "首次10元，再次20元"])
def test_a_fine_of_unknown_shape_is_kept_as_written_and_flagged(
    sample: Database, fine: str
) -> None:
    with sample.session() as s:
        entry = service.entries(s, "虚假电联")[0]
        updated = service.update_item(s, entry.id, fine=fine)
    assert updated.fine == fine
    assert updated.fine_flagged


def test_multi_line_text_keeps_its_line_breaks(sample: Database) -> None:
    with sample.session() as s:
        entry = service.entries(s, "遗失")[0]
        updated = service.update_item(s, entry.id, standard="第一步：扫描\r\n第二步：锁箱  \n")
    assert updated.standard == "第一步：扫描\n第二步：锁箱"


def test_a_deleted_item_comes_back_with_its_id_and_place(sample: Database) -> None:
    with sample.session() as s:
        order = [e.id for e in service.entries(s)]
        victim = order[5]
        deleted = service.delete_item(s, victim)
    with sample.session() as s:
        assert victim not in [e.id for e in service.entries(s)]
        service.restore_item(s, deleted)
    with sample.session() as s:
        assert [e.id for e in service.entries(s)] == order


def test_moving_an_item_changes_the_order_within_its_category(sample: Database) -> None:
    with sample.session() as s:
        cat = service.list_categories(s)[0]
        first, second = (e.id for e in service.entries(s, category_id=cat.id)[:2])
        service.move_item(s, second, -1)
    with sample.session() as s:
        assert [e.id for e in service.entries(s, category_id=cat.id)[:2]] == [second, first]


def test_categories_add_rename_reorder_and_delete(sample: Database) -> None:
    with sample.session() as s:
        info = service.add_category(s, " 仓管 ")
        assert info.name == "仓管"
        with pytest.raises(HandbookError, match="already"):
            service.add_category(s, "仓管")
        service.rename_category(s, info.id, "仓库管理")
        ids = [c.id for c in service.list_categories(s)]
        service.reorder_categories(s, [info.id, *[i for i in ids if i != info.id]])
        assert service.list_categories(s)[0].name == "仓库管理"
        service.add_item(s, ItemFields(category="仓库管理", cause="货物乱放", fine="20元/次"))
        with pytest.raises(HandbookError, match="still holds 1 item"):
            service.delete_category(s, info.id)
        service.delete_item(s, service.entries(s, "货物乱放")[0].id)
        service.delete_category(s, info.id)
        assert "仓库管理" not in [c.name for c in service.list_categories(s)]


def test_owner_level_changes_pass_the_permission_check(sample: Database, fixtures: Path) -> None:
    asked: list[Action] = []

    def deny(action: Action) -> bool:
        asked.append(action)
        return False

    set_policy(deny)
    try:
        with sample.session() as s:
            entry = service.entries(s)[0]
            with pytest.raises(PermissionDenied):
                service.update_item(s, entry.id, cause="x")
            with pytest.raises(PermissionDenied):
                service.add_category(s, "新分类")
            batch = history(s)[0]
            with pytest.raises(PermissionDenied):
                undo_batch(s, batch.id)
            with pytest.raises(PermissionDenied):
                run_import(s, fixtures / "handbook_hq.xlsx", "handbook")
    finally:
        set_policy(None)
    assert asked == [Action.EDIT_HANDBOOK] * 2 + [Action.UNDO_IMPORT, Action.EDIT_HANDBOOK]


# --- import -----------------------------------------------------------------------------


def test_hq_handbook_with_merged_categories_imports_once_categories_may_be_created(
    db: Database, fixtures: Path
) -> None:
    path = fixtures / "handbook_hq.xlsx"
    # 派件 is not a default category: refused with a row error that says what to do.
    with pytest.raises(ImportRejected) as rejected:
        _import(db, path)
    problems = rejected.value.prepared.problems
    assert {p.row for p in problems} == {3, 4, 5}  # the merged 派件 rows
    assert all("派件" in p.message and "--create-categories" in p.message for p in problems)
    assert _item_count(db) == 0

    report = _import(db, path, options={"create_categories": True})
    assert report.rows_ok == 10
    with db.session() as s:
        entries = service.entries(s)
        cats = [c.name for c in service.list_categories(s)]
    assert cats[-1] == "派件"  # created, after the defaults
    by_cause = {e.cause: e for e in entries}
    assert by_cause["无故拒收派件"].category == "派件"  # merged cell filled down
    assert by_cause["无故拒收派件"].fine == "50元"  # a bare number is yuan
    assert by_cause["破损"].standard == "易碎件轻拿轻放。\n外包装破损的件当面验货。"
    assert by_cause["虚假签收"].hq_code == "PJ-01"
    assert by_cause["虚假签收"].effective == date(2026, 1, 1)
    assert by_cause["其他违规"].fine_flagged
    assert not by_cause["与客户争执/打架"].fine_flagged
    with db.session() as s:
        item = s.scalar(select(PenaltyItem).where(PenaltyItem.cause == "与客户争执/打架"))
        assert item is not None
        assert (item.fine_fen, item.fine_max_fen, item.fine_severe_fen) == (10000, 20000, 50000)
        assert item.fine_dismissal


def test_bad_rows_are_named_and_nothing_is_written(db: Database, fixtures: Path) -> None:
    with pytest.raises(ImportRejected) as rejected:
        _import(db, fixtures / "handbook_bad.xlsx")
    found = {
        (p.row, p.column.split("（")[0] if p.column else None)
        for p in rejected.value.prepared.problems
    }
    assert found == {(3, "A"), (4, "B"), (5, "C"), (7, "B")}
    text = str(rejected.value)
    assert text == (
        "handbook_bad.xlsx: 4 problem(s) found, nothing was imported. Correct the file and "
        "import again, or choose to skip the invalid rows.\n"
        "handbook_bad.xlsx, sheet 处罚大全, row 3, column A（处罚类别）: '仓管' — "
        "there is no category “仓管” yet: correct the name, or choose “Create the categories "
        "that do not exist yet” (--create-categories). Existing categories: "
        "中转、取件流程、客服、投诉、操作、数据、派件时效节点、财务\n"
        "handbook_bad.xlsx, sheet 处罚大全, row 4, column B（违规行为）: a value is required here\n"
        "handbook_bad.xlsx, sheet 处罚大全, row 5, column C（处罚金额）: '2026-01-05' — "
        "a fine is expected, but the cell holds a date (Excel turns 1-5 into a date). "
        "Format the column as text and type the fine again, e.g. 1-5元/票\n"
        "handbook_bad.xlsx, sheet 处罚大全, row 7, column B（违规行为）: '回单丢失' — "
        "the same cause already appears in row 6"
    )
    assert _item_count(db) == 0


def test_skipping_invalid_rows_imports_the_rest_and_keeps_the_report(
    db: Database, fixtures: Path
) -> None:
    report = _import(db, fixtures / "handbook_bad.xlsx", skip_invalid=True)
    assert report.rows_ok == 2
    assert sorted(_causes(db)) == ["回单丢失", "虚假签收"]
    with db.session() as s:
        assert history(s)[0].rows_skipped == 4


def test_a_sheet_without_the_fine_column_says_which_column_is_missing(
    db: Database, fixtures: Path
) -> None:
    with pytest.raises(HeaderNotFound) as missing:
        _import(db, fixtures / "handbook_missing_column.xlsx")
    assert str(missing.value) == (
        "handbook_missing_column.xlsx, sheet 处罚大全: No column found for: Fine.\n"
        "“Fine” is read from a column headed: "
        "处罚金额、罚款金额、处罚标准、罚款、处罚、金额、考核金额\n"
        "The header row found (row 1) has: 处罚类别、违规行为、操作标准.\n"
        "Rename the column header in the file to one of these names, or choose the column by hand."
    )


def test_import_replaces_the_handbook_and_undo_brings_the_old_one_back(
    sample: Database, fixtures: Path
) -> None:
    with sample.session() as s:
        service.add_item(s, ItemFields(category="操作", cause="手工加的条目", fine="5元/次"))
    before = _causes(sample)
    report = _import(sample, fixtures / "handbook_hq.xlsx", options={"create_categories": True})
    after = _causes(sample)
    assert "手工加的条目" not in after and len(after) == 10
    with sample.session() as s:
        assert not service.is_sample(s)
        undo_batch(s, report.batch_id)
    assert _causes(sample) == before
    with sample.session() as s:
        # The category the undone import created is gone again.
        assert s.scalar(select(PenaltyCategory).where(PenaltyCategory.name == "派件")) is None
        assert service.is_sample(s)


def test_undoing_the_middle_import_of_a_chain_keeps_the_newest_active(
    sample: Database, fixtures: Path
) -> None:
    first = _import(sample, fixtures / "handbook_hq.xlsx", options={"create_categories": True})
    path = fixtures / "handbook_bad.xlsx"
    second = _import(sample, path, skip_invalid=True)
    assert sorted(_causes(sample)) == ["回单丢失", "虚假签收"]
    with sample.session() as s:
        undo_batch(s, first.batch_id)
    assert sorted(_causes(sample)) == ["回单丢失", "虚假签收"]
    with sample.session() as s:
        undo_batch(s, second.batch_id)
    assert len(_causes(sample)) == len(SAMPLE_ITEMS)


# --- export -----------------------------------------------------------------------------


def test_export_writes_a_styled_sheet_in_the_handbook_order(
    db: Database, fixtures: Path, tmp_path: Path
) -> None:
    _import(db, fixtures / "handbook_hq.xlsx", options={"create_categories": True})
    out = tmp_path / "处罚手册.xlsx"
    with db.session() as s:
        assert export_handbook(s, out) == 10
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == EXPORT_HEADERS
    assert ws["A1"].font.bold
    assert rows[1][:7] == [
        "派件时效节点",
        "收派件延迟",
        "10元，超1小时后每30分钟加10元",
        "预约时间准时到达。",
        "路上有延误先打电话。",
        "SX-01",
        "2026-03-01",
    ]
    assert ws["D2"].alignment.wrap_text
    assert [r[1] for r in rows[1:]] == _causes(db)


def test_export_then_import_gives_the_same_handbook(sample: Database, tmp_path: Path) -> None:
    with sample.session() as s:
        entry = service.entries(s, "遗失")[0]
        service.update_item(
            s, entry.id, standard="第一行\n第二行", hq_code="CZ-9", effective=date(2026, 5, 1)
        )
        service.update_item(s, service.entries(s, "漏扫")[0].id, fine="按总部通知执行")
        before = service.entries(s)
    out = tmp_path / "round.xlsx"
    with sample.session() as s:
        export_handbook(s, out)
    report = _import(sample, out)
    assert report.rows_ok == len(before)

    def content(entries: list) -> list[tuple]:  # type: ignore[type-arg]
        return [
            (
                e.category,
                e.cause,
                e.fine,
                e.standard,
                e.avoidance,
                e.hq_code,
                e.effective,
                e.fine_flagged,
                e.updated.date(),
            )
            for e in entries
        ]

    with sample.session() as s:
        assert content(service.entries(s)) == content(before)


def test_a_deleted_category_comes_back_with_its_id_so_older_undo_steps_still_work(
    sample: Database,
) -> None:
    with sample.session() as s:
        info = service.add_category(s, "临时")
        service.add_item(s, ItemFields(category="临时", cause="临时条目", fine="5元/次"))
        deleted_item = service.delete_item(s, service.entries(s, "临时条目")[0].id)
        deleted_category = service.delete_category(s, info.id)
    with sample.session() as s:
        service.restore_category(s, deleted_category)
        service.restore_item(s, deleted_item)
        service.rename_category(s, info.id, "临时2")
    with sample.session() as s:
        assert [e.category for e in service.entries(s, "临时条目")] == ["临时2"]


def test_an_out_of_date_snapshot_is_refused_not_restored_over_newer_data(
    sample: Database, fixtures: Path
) -> None:
    with sample.session() as s:
        last = max(e.id for e in service.entries(s))
        deleted = service.delete_item(s, last)
    _import(sample, fixtures / "handbook_hq.xlsx", options={"create_categories": True})
    with sample.session() as s, pytest.raises(HandbookError, match="has changed"):
        service.restore_item(s, deleted)


def test_a_category_emptied_by_an_import_can_be_deleted_once_its_old_items_may_go(
    sample: Database, fixtures: Path
) -> None:
    _import(sample, fixtures / "handbook_hq.xlsx", options={"create_categories": True})
    with sample.session() as s:
        data = next(c for c in service.list_categories(s) if c.name == "数据")
        assert data.items == 0
        assert service.category_usage(s, data.id) == (0, 4)
        with pytest.raises(HandbookError, match="kept to undo an import"):
            service.delete_category(s, data.id)
        service.delete_category(s, data.id, drop_replaced=True)
        assert "数据" not in [c.name for c in service.list_categories(s)]


def test_a_fine_typed_as_a_number_imports_as_the_amount_written_out(
    db: Database, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(("分类", "违规致因", "处罚金额", "操作标准", "避责方法"))
    fines = (1000000, 1234567, 0.5, 0.1 + 0.2, 10.0)
    for n, fine in enumerate(fines, start=1):
        ws.append(("操作", f"违规{n}", fine, "按规定操作。", "按规定操作。"))
    path = tmp_path / "numbers.xlsx"
    wb.save(path)
    assert _import(db, path).rows_ok == len(fines)
    with db.session() as s:
        got = {e.cause: e for e in service.entries(s)}
    # Never "1e+06元" or "1.23457e+06元": the amount as typed, and understood as an amount.
    assert [got[f"违规{n}"].fine for n in range(1, 6)] == [
        "1000000元",
        "1234567元",
        "0.5元",
        "0.3元",
        "10元",
    ]
    assert not any(e.fine_flagged for e in got.values())
    with db.session() as s:
        item = s.scalars(select(PenaltyItem).where(PenaltyItem.cause == "违规2")).one()
        assert item.fine_fen == 123456700
