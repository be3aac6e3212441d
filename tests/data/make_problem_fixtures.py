"""Recreate the HQ problem-parcel lists (problems_*.xlsx) in this folder:
`python tests/data/make_problem_fixtures.py`.

Fixed content, byte-identical on a rerun (the same stable-zip saving as make_fixtures.py).
Two waybill numbers come from the sample branch's waybill list (`branchdesk.sample`), so
they match through it; every name, number and phone is made up.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl

try:
    from tests.data.make_fixtures import _fixed_properties, _stable_zip
except ImportError:  # run as a script: this folder is on sys.path, the repo root is not
    from make_fixtures import _fixed_properties, _stable_zip  # type: ignore[no-redef]

HERE = Path(__file__).parent

# In the sample branch's waybill list (load_sample_branch), with their courier and address.
SAMPLE_WAYBILL_ZHOU = "9900602677354"  # 周杰, 泰和花园12栋
SAMPLE_WAYBILL_WANG = "JT4614162743732"  # 王强, 中山西路31号

HQ_HEADER = ["统计日期", "运单号", "问题类型", "派件员", "收件人", "收件电话", "收件地址"]
# (date, number, problem, courier, recipient, phone, address); the courier each one gets
# in the sample branch is in the comment.
HQ_ROWS: list[list[object]] = [
    [
        date(2026, 11, 21),
        "YT1111222233334",
        "未签收",
        "王强",
        "赵丽",
        13812341234,
        "宁波市海曙区中山西路37号",
    ],  # column
    [
        date(2026, 11, 21),
        73123456789012,
        "漏扫",
        "李娜",
        "钱敏",
        "13957480001",
        "海曙区药行街15号",
    ],  # column (a number cell)
    [
        "2026/11/20",
        SAMPLE_WAYBILL_ZHOU,
        "超时未签收",
        None,
        None,
        None,
        None,
    ],  # waybill list → 周杰
    [
        date(2026, 11, 20),
        SAMPLE_WAYBILL_WANG,
        "派送超时",
        None,
        None,
        None,
        None,
    ],  # waybill list → 王强
    [
        date(2026, 11, 21),
        "JT1000000000017",
        "未签收",
        None,
        "孙伟",
        13700001111,
        "宁波市海曙区望京路200号",
    ],  # address → 刘洋
    [
        date(2026, 11, 21),
        "SF1000000000021",
        "未扫描",
        None,
        "周敏",
        None,
        "宁波市海曙区月湖小区5幢302室",
    ],  # address → 赵敏
    [
        date(2026, 11, 21),
        "YT3000000000049",
        "未签收",
        "NB005",
        "吴芳",
        13600002222,
        "海曙区望京路160号",
    ],  # column (工号) → 刘洋
    [
        date(2026, 11, 22),
        "YT2000000000031",
        "未签收",
        None,
        "郑强",
        13566667777,
        "宁波市海曙区中山西路",
    ],  # address: 王强/陈静 tie
    [
        date(2026, 11, 22),
        "77100000000041",
        "延误",
        None,
        "冯磊",
        13955556666,
        "宁波市江北区人民路88号",
    ],  # unmatched
    [
        date(2026, 11, 22),
        "431000000000051",
        "未签收",
        None,
        None,
        None,
        None,
    ],  # unmatched: nothing to go by
    [date(2026, 11, 22), "YT1111222233334", "派送超时", None, None, None, None],  # repeats row 3
]


def _save(workbook: openpyxl.Workbook, target: Path) -> Path:
    _fixed_properties(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    target.write_bytes(_stable_zip(buffer.getvalue()))
    return target


def _book(title: str, rows: list[list[object]]) -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return workbook


def problems_hq(folder: Path) -> Path:
    """Title row, header on row 2, 11 parcels: every way of matching, one repeated waybill."""
    rows: list[list[object]] = [["宁波海曙示例网点 问题件清单（总部推送，示例数据）"], HQ_HEADER]
    rows += HQ_ROWS
    rows.append(["注：本表为示例，姓名、电话均为虚构"])
    return _save(_book("问题件", rows), folder / "problems_hq.xlsx")


def problems_bad(folder: Path) -> Path:
    """Rows 2-5 each have one bad cell; row 6 is valid."""
    rows: list[list[object]] = [
        ["运单号", "异常类型", "业务员", "地址", "电话", "日期"],
        [7.73123e13, "未签收", "张伟", "海曙区姚江路3号", 13805741234, date(2026, 11, 21)],
        ["YT5000000000017", "未签收", "张伟", "海曙区姚江路4号", "打电话问", date(2026, 11, 21)],
        [None, "漏扫", "李娜", "海曙区药行街3号", 13957480001, date(2026, 11, 21)],
        ["YT5000000000025", "超时", None, "海曙区望京路5号", 13800000000, "2026-13-45"],
        ["YT5000000000033", "未签收", "张伟", "海曙区姚江路5号", 13805749999, date(2026, 11, 21)],
    ]
    return _save(_book("异常件", rows), folder / "problems_bad.xlsx")


def problems_unsigned(folder: Path) -> Path:
    """No problem column: the sheet is named 未签收清单, and no courier column either."""
    rows: list[list[object]] = [
        ["运单号", "收件地址"],
        ["YT6000000000011", "宁波市海曙区解放南路300号"],  # 王强
        ["YT6000000000029", "宁波市海曙区天一家园3号楼1201室"],  # 杨帆
        ["YT6000000000037", "宁波市海曙区泰和花园2栋502室"],  # 黄磊
    ]
    return _save(_book("未签收清单", rows), folder / "problems_unsigned.xlsx")


def problems_missing_column(folder: Path) -> Path:
    """A courier's list without the waybill number column."""
    rows: list[list[object]] = [
        ["问题类型", "派件员", "收件地址"],
        ["未签收", "张伟", "海曙区姚江路3号"],
    ]
    return _save(_book("问题件", rows), folder / "problems_missing_column.xlsx")


def make_problem_fixtures(folder: Path = HERE) -> list[Path]:
    """Write every problems_*.xlsx into `folder`; returns their paths."""
    return [
        problems_hq(folder),
        problems_bad(folder),
        problems_unsigned(folder),
        problems_missing_column(folder),
    ]


if __name__ == "__main__":
    for path in make_problem_fixtures():
        print(path)
