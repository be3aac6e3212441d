"""The import pipeline on a temporary DB: every reality of DESIGN.md "Bad input"."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.batches import history, undo_batch
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.io.models import ImportBatch
from branchdesk.io.reader import FileReadError
from branchdesk.io.tabular import HeaderNotFound, ImportCancelled
from branchdesk.lookup.models import AreaRule, ArrivalTime, Courier, Route, Waybill
from branchdesk.lookup.service import lookup


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _import(db: Database, path: Path, kind: str, **kw: object):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return run_import(s, path, kind, **kw)  # type: ignore[arg-type]


AREA_FILES = [
    "areas_title_merged.xlsx",
    "areas.xls",
    "areas.ods",
    "areas_gbk.csv",
    "areas_gb18030.csv",
    "areas_utf8_bom.csv",
    "areas_utf8.csv",
]


@pytest.mark.parametrize("name", AREA_FILES)
def test_area_table_in_every_format_gives_the_right_courier(
    db: Database, fixtures: Path, name: str
) -> None:
    report = _import(db, fixtures / name, "areas")
    assert report.rows_ok >= 7 and not report.problems
    with db.session() as s:
        cases = {
            "宁波市海曙区春江花月晓风苑3幢": "张伟",
            "姚江路4号": "张伟",
            "万达广场A座1201": "张伟",
            "浙江省宁波市中山西路37号": "张伟",
            "中山西路38号": "李娜",
            "月湖小区5幢": "李娜",
            "望京路200号": "李娜",
            "环城西路88号": "王芳",
            "海曙区丽园小区8号楼": "王芳",
        }
        if name == "areas_gb18030.csv":  # a name GBK cannot encode must survive
            cases["环城西路88号"] = "刘䶮"
        for address, courier in cases.items():
            result = lookup(s, address)
            assert result.couriers, address
            assert result.couriers[0].name == courier, (address, result.couriers[0])


def test_merged_courier_cells_fill_every_row(db: Database, fixtures: Path) -> None:
    _import(db, fixtures / "areas_title_merged.xlsx", "areas")
    with db.session() as s:
        couriers = {c.name: c for c in s.scalars(select(Courier))}
        rows_per_courier = dict(
            s.execute(
                select(
                    AreaRule.courier_id, func.count(func.distinct(AreaRule.source_row))
                ).group_by(AreaRule.courier_id)
            ).all()
        )
    # Every courier found in a merged block has a phone stored as text without ".0".
    assert couriers and all(c.phone and c.phone.isdigit() for c in couriers.values())
    assert max(rows_per_courier.values()) >= 2  # a merged courier cell spans several rows


def test_rounded_waybill_numbers_are_errors_and_nothing_is_written(
    db: Database, fixtures: Path
) -> None:
    with pytest.raises(ImportRejected) as info:
        _import(db, fixtures / "waybills_rounded.xlsx", "waybills")
    messages = [str(p) for p in info.value.prepared.problems]
    where = "waybills_rounded.xlsx, sheet 运单,"
    rounded = (
        "the number was rounded by Excel (shown as 7.73123E+13); "
        "format the column as Text in Excel and export again"
    )
    assert messages == [
        f"{where} row 3, column A（运单号）: '77312300000000' — {rounded}",
        f"{where} row 4, column A（运单号）: '7.73123E+13' — {rounded}",
    ]
    assert _count(db, Waybill) == 0
    assert _count(db, ImportBatch) == 0


def test_skip_invalid_imports_the_rest_and_keeps_the_report(db: Database, fixtures: Path) -> None:
    report = _import(db, fixtures / "waybills_rounded.xlsx", "waybills", skip_invalid=True)
    assert report.rows_ok == 2 and len(report.problems) == 2
    with db.session() as s:
        batch = s.scalars(select(ImportBatch)).one()
        assert batch.rows_skipped == 2
        assert batch.skipped_report and "E+13" in batch.skipped_report
        numbers = set(s.scalars(select(Waybill.number)))
    assert numbers == {"77312345678901", "YT1234567890123"}


def test_bad_cells_are_listed_with_row_and_column(db: Database, fixtures: Path) -> None:
    with pytest.raises(ImportRejected) as info:
        _import(db, fixtures / "areas_bad_cells.xlsx", "areas")
    text = str(info.value)
    # row 3's blank courier is "same as above" (issue 12: merged cells saved as CSV)
    assert "row 3" not in text
    assert "row 4" in text and "139O7482345" in text
    assert _count(db, AreaRule) == 0 and _count(db, Courier) == 0


def test_missing_column_names_the_accepted_headers(db: Database, fixtures: Path) -> None:
    with pytest.raises(HeaderNotFound) as info:
        _import(db, fixtures / "areas_missing_column.xlsx", "areas")
    assert str(info.value) == (
        "areas_missing_column.xlsx, sheet 派件区域: No column found for: Courier.\n"
        "“Courier” is read from a column headed: 业务员、派件员、快递员、姓名、派送员、负责人\n"
        "The header row found (row 2) has: 区县、街道、负责片区、工号、手机.\n"
        "Rename the column header in the file to one of these names, or choose the column by hand."
    )
    assert _count(db, ImportBatch) == 0


@pytest.mark.parametrize("name", ["damaged.xlsx", "not_a_table.txt", "empty.xlsx"])
def test_unreadable_files_change_nothing(db: Database, fixtures: Path, name: str) -> None:
    with pytest.raises((FileReadError, HeaderNotFound)) as info:
        _import(db, fixtures / name, "areas")
    assert name in str(info.value)
    assert _count(db, ImportBatch) == 0


def test_waybills_import_and_are_found_by_number_phone_and_tail(
    db: Database, fixtures: Path
) -> None:
    report = _import(db, fixtures / "waybills_small.xlsx", "waybills")
    assert report.rows_ok == 50
    with db.session() as s:
        w = s.scalars(select(Waybill).where(Waybill.phone.is_not(None))).first()
        assert w is not None and w.phone is not None
        assert not w.number.endswith(".0")
        assert [h.number for h in lookup(s, w.number).waybills][:1] == [w.number]
        assert w.number in [h.number for h in lookup(s, w.phone).waybills]
        assert w.number in [h.number for h in lookup(s, w.phone[-4:]).waybills]


def test_duplicate_waybill_in_one_file_is_reported(db: Database, tmp_path: Path) -> None:
    csv = tmp_path / "dups.csv"
    csv.write_text(
        "运单号,收件地址\n73123456789012,中山西路1号\n73123456789012,中山西路2号\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as info:
        _import(db, csv, "waybills")
    assert str(info.value) == (
        "dups.csv: 1 problem(s) found, nothing was imported. Correct the file and import again, "
        "or choose to skip the invalid rows.\n"
        "dups.csv, sheet dups, row 3, column A（运单号）: '73123456789012' — "
        "the same waybill number already appears in row 2"
    )


def test_routes_and_times_import(db: Database, fixtures: Path) -> None:
    assert _import(db, fixtures / "routes.xlsx", "routes").rows_ok == 4
    assert _import(db, fixtures / "times.xlsx", "times").rows_ok == 4
    assert (_count(db, Route), _count(db, ArrivalTime)) == (4, 4)


def test_reimport_replaces_the_area_table_and_undo_brings_it_back(
    db: Database, fixtures: Path
) -> None:
    first = _import(db, fixtures / "areas_title_merged.xlsx", "areas")
    with db.session() as s:
        before = lookup(s, "万达广场A座").couriers[0].name
    second = _import(db, fixtures / "areas_gbk.csv", "areas")
    with db.session() as s:
        states = {b.id: b.active for b in history(s)}
    assert states == {first.batch_id: False, second.batch_id: True}
    with db.session() as s:
        assert second.batch_id is not None
        undo_batch(s, second.batch_id)
    with db.session() as s:
        assert {b.id: b.active for b in history(s)}[first.batch_id]
        assert lookup(s, "万达广场A座").couriers[0].name == before
        with pytest.raises(BranchDeskError):
            undo_batch(s, second.batch_id)


def test_undo_of_waybills_removes_them_from_search(db: Database, fixtures: Path) -> None:
    report = _import(db, fixtures / "waybills_small.xlsx", "waybills")
    with db.session() as s:
        address, name = s.execute(
            select(Waybill.address, Waybill.recipient).where(
                Waybill.address.is_not(None), Waybill.recipient.is_not(None)
            )
        ).first()  # type: ignore[misc]
    assert address and name
    short = name[:2]
    with db.session() as s:
        assert lookup(s, short).waybills
        assert lookup(s, address).waybills
        assert report.batch_id is not None
        undo_batch(s, report.batch_id)
    assert _count(db, Waybill) == 0
    with db.session() as s:
        assert lookup(s, short).waybills == []
        assert lookup(s, address).waybills == []


def test_cancel_during_write_leaves_the_database_unchanged(db: Database, fixtures: Path) -> None:
    _import(db, fixtures / "areas_title_merged.xlsx", "areas")
    before = (_count(db, AreaRule), _count(db, ImportBatch), _count(db, Waybill))

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        _import(db, fixtures / "waybills_small.xlsx", "waybills", progress=cancel)
    assert (_count(db, AreaRule), _count(db, ImportBatch), _count(db, Waybill)) == before


def test_dry_run_writes_nothing(db: Database, fixtures: Path) -> None:
    report = _import(db, fixtures / "waybills_small.xlsx", "waybills", dry_run=True)
    assert report.dry_run and report.rows_ok == 50 and report.batch_id is None
    assert _count(db, Waybill) == 0 and _count(db, ImportBatch) == 0


def test_manual_mapping_reads_an_unknown_header(db: Database, tmp_path: Path) -> None:
    csv = tmp_path / "odd.csv"
    csv.write_text("小哥,地盘\n张三,中山西路1-99号\n", encoding="utf-8")
    with pytest.raises(HeaderNotFound):
        _import(db, csv, "areas")
    report = _import(db, csv, "areas", manual={"小哥": "courier", "地盘": "area"})
    assert report.rows_ok == 1
    with db.session() as s:
        assert lookup(s, "中山西路5号").couriers[0].name == "张三"


def test_bad_area_fragment_names_the_cell(db: Database, tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("业务员,负责片区\n张三,中山西路99-1号\n李四,（）\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        _import(db, csv, "areas")
    problems = info.value.prepared.problems
    assert [p.row for p in problems] == [2, 3]
    assert all(p.column and "负责片区" in p.column for p in problems)


def test_undo_in_the_middle_of_a_chain_of_replacements(db: Database, fixtures: Path) -> None:
    first = _import(db, fixtures / "routes.xlsx", "routes")
    second = _import(db, fixtures / "routes.xlsx", "routes")
    third = _import(db, fixtures / "routes.xlsx", "routes")
    per_file = first.rows_ok
    with db.session() as s:
        assert second.batch_id is not None
        undo_batch(s, second.batch_id)
    with db.session() as s:
        active = {b.id for b in history(s) if b.active}
        from branchdesk.lookup.tables import route_rows

        assert active == {third.batch_id}  # the first stays replaced, by the third now
        assert len(route_rows(s)) == per_file
    with db.session() as s:
        assert third.batch_id is not None
        undo_batch(s, third.batch_id)
    with db.session() as s:
        assert {b.id for b in history(s) if b.active} == {first.batch_id}
