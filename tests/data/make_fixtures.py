"""Recreate the spreadsheet fixtures in this folder: `python tests/data/make_fixtures.py`.

Content is deterministic (fixed data and a seeded generator) and the .xlsx files are
byte-identical on a rerun. The .ods and .xls copies are
converted from areas_title_merged.xlsx by LibreOffice (`soffice`) when it is installed;
without it they are left as they are. All names, numbers and phones are made up.
"""

from __future__ import annotations

import csv
import io
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
FIXED_TIME = datetime(2026, 11, 1, 8, 0, 0)

TITLE = "宁波市海曙区示例网点 派件区域表"
SUBTITLE = "更新日期：2026年11月1日（示例数据，请替换为本网点实际数据）"
AREA_HEADER = ["区县", "街道", "负责片区", "门牌范围", "业务员", "工号", "手机", "三段码", "驿站"]
# One courier's rows follow each other, as in a hand-kept table; phones are numbers here.
AREA_ROWS: list[list[object]] = [
    [
        "海曙区",
        "月湖街道",
        "春江花月（晓风苑、江树苑）；姚江路3号-5号",
        None,
        "张伟",
        "574001",
        13805741234,
        "200-15-01",
        "春江花月菜鸟驿站",
    ],
    [
        "海曙区",
        "月湖街道",
        "万达广场(A座,B座)",
        None,
        "张伟",
        "574001",
        13805741234,
        "200-15-01",
        "春江花月菜鸟驿站",
    ],
    [
        "海曙区",
        "月湖街道",
        "中山西路1-99号",
        "单号",
        "张伟",
        "574001",
        13805741234,
        "200-15-01",
        None,
    ],
    [
        "海曙区",
        "月湖街道",
        "中山西路2-100号",
        "双号",
        "李娜",
        "574002",
        13957482345,
        "200-15-02",
        "中山西路兔喜生活",
    ],
    [
        "海曙区",
        "月湖街道",
        "月湖小区1-12幢",
        None,
        "李娜",
        "574002",
        13957482345,
        "200-15-02",
        "中山西路兔喜生活",
    ],
    [
        "海曙区",
        "西门街道",
        "望京路151号以后",
        None,
        "李娜",
        "574002",
        13957482345,
        "200-15-02",
        None,
    ],
    [
        "海曙区",
        "南门街道",
        "环城西路全段",
        "全段",
        "王芳",
        "574003",
        13777459876,
        "200-16-01",
        "南门妈妈驿站",
    ],
    [
        "海曙区",
        "南门街道",
        "丽园小区1号楼-8号楼",
        None,
        "王芳",
        "574003",
        13777459876,
        "200-16-01",
        "南门妈妈驿站",
    ],
]
NOTE = "注：本表为示例，业务员、电话均为虚构"


def _fixed_properties(workbook: openpyxl.Workbook) -> None:
    workbook.properties.creator = "BranchDesk fixtures"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME


def _save(workbook: openpyxl.Workbook, name: str) -> Path:
    _fixed_properties(workbook)
    path = HERE / name
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))
    return path


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed entry times, so a rerun gives byte-identical files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-01T08:00:00Z", content
                )
            stable = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            stable.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stable, content)
    return out.getvalue()


def _sheet(title: str) -> tuple[openpyxl.Workbook, object]:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    return workbook, sheet


def areas_title_merged() -> Path:
    """Rows 1-2 titles, row 3 header, rows 4-9 and 11-12 data, row 10 blank, row 13 note.

    业务员/工号/手机 are merged down over each courier's rows (only the top cell holds a
    value), 街道 月湖街道 is merged over rows 4-8, and the note row is merged across.
    """
    workbook, ws = _sheet("派件区域")
    ws.append([TITLE])
    ws.append([SUBTITLE])
    ws.append(AREA_HEADER)
    data = [*AREA_ROWS[:6], [None] * 9, *AREA_ROWS[6:]]
    for row in data:
        ws.append(row)
    ws.append([NOTE])
    ws.merge_cells("A1:I1")
    ws.merge_cells("A2:I2")
    # Merged ranges keep only their top-left value; blank the others as Excel does.
    merges = [
        "B4:B8",
        "E4:E6",
        "F4:F6",
        "G4:G6",
        "E7:E9",
        "F7:F9",
        "G7:G9",
        "E11:E12",
        "F11:F12",
        "G11:G12",
        "A13:I13",
    ]
    for ref in merges:
        ws.merge_cells(ref)
    return _save(workbook, "areas_title_merged.xlsx")


def _flat_area_rows() -> list[list[str]]:
    return [["" if v is None else str(v) for v in row] for row in AREA_ROWS]


def _write_csv(name: str, rows: list[list[str]], encoding: str, delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    (HERE / name).write_bytes(buffer.getvalue().encode(encoding))


def area_csvs() -> None:
    rows = [AREA_HEADER, *_flat_area_rows()]
    _write_csv("areas_utf8.csv", rows, "utf-8", ",")
    _write_csv("areas_utf8_bom.csv", rows, "utf-8-sig", "\t")
    _write_csv("areas_gbk.csv", rows, "gbk", ",")
    # 䶮 (U+4DAE) is in GB18030 but not in GBK; 𠀾 (U+2003E) needs GB18030's four bytes.
    rows18030 = [AREA_HEADER, *_flat_area_rows()]
    rows18030[7][4] = "刘䶮"
    rows18030[7][8] = "𠀾村驿站"
    _write_csv("areas_gb18030.csv", rows18030, "gb18030", ";")


def converted_copies(source: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: areas.ods and areas.xls left as they are")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for kind, filt in (("ods", "ods"), ("xls", "xls:MS Excel 97")):
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    filt,
                    "--outdir",
                    tmp,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            shutil.copyfile(Path(tmp) / f"{source.stem}.{kind}", HERE / f"areas.{kind}")


WAYBILL_HEADER = ["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"]


def waybills_rounded() -> None:
    """Row 3 holds the float Excel kept after rounding, row 4 the text a CSV round trip left."""
    workbook, ws = _sheet("运单")
    ws.append(WAYBILL_HEADER)
    ws.append(
        [
            77312345678901,
            "中通",
            "陈静",
            13805741234,
            "海曙区中山西路12号",
            "派送中",
            date(2026, 11, 20),
            "张伟",
        ]
    )
    ws.append(
        [
            7.73123e13,
            "中通",
            "赵磊",
            13957482345,
            "海曙区望京路160号",
            "派送中",
            date(2026, 11, 20),
            "李娜",
        ]
    )
    ws.append(
        [
            "7.73123E+13",
            "中通",
            "孙丽",
            "13777459876",
            "海曙区环城西路8号",
            "已签收",
            date(2026, 11, 21),
            "王芳",
        ]
    )
    ws.append(
        [
            "YT1234567890123",
            "圆通",
            "周强",
            "13600001111",
            "海曙区万达广场A座",
            "待派送",
            date(2026, 11, 21),
            "张伟",
        ]
    )
    _save(workbook, "waybills_rounded.xlsx")


def _digits(rng: random.Random, n: int) -> str:
    text = "".join(rng.choice("0123456789") for _ in range(n))
    # A number ending in 000 looks like one Excel rounded; real lists rarely hold one.
    return text if not text.endswith("000") else text[:-1] + "7"


def waybill_numbers(rng: random.Random) -> list[tuple[str, object]]:
    makers = [
        ("中通", lambda: int("7" + rng.choice("34568") + _digits(rng, 12))),
        ("中通", lambda: "7" + rng.choice("34568") + _digits(rng, 12)),
        ("圆通", lambda: "YT" + _digits(rng, 13)),
        ("申通", lambda: "77" + _digits(rng, 13)),
        ("韵达", lambda: int(rng.choice("34") + _digits(rng, 14))),
        ("韵达", lambda: "5" + _digits(rng, 12)),
        ("极兔", lambda: "JT" + _digits(rng, 13)),
        ("顺丰", lambda: "SF" + rng.choice("0123456789ABCDEFGHJK") + _digits(rng, 12)),
        (
            "京东",
            lambda: "JD" + rng.choice("ABCDEVX") + rng.choice("0123456789ABC") + _digits(rng, 11),
        ),
        ("邮政", lambda: rng.choice("981") + _digits(rng, 12)),
    ]
    return [(carrier, make()) for carrier, make in (makers[i % len(makers)] for i in range(50))]


def waybills_small() -> None:
    rng = random.Random(20261122)
    workbook, ws = _sheet("运单列表")
    ws.append(WAYBILL_HEADER)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "勇", "杰", "娟"]
    roads = ["中山西路", "望京路", "环城西路", "姚江路", "丽园北路", "解放南路"]
    statuses = ["已签收", "派送中", "待派送", "问题件", "驿站已入库"]
    couriers = ["张伟", "李娜", "王芳"]
    for i, (carrier, number) in enumerate(waybill_numbers(rng)):
        mobile = int("1" + rng.choice("3589") + _digits(rng, 9))
        phone: object = mobile if i % 2 == 0 else str(mobile)
        day = date(2026, 11, 1 + i % 20)
        when: object = day if i % 3 else day.strftime("%Y-%m-%d")
        ws.append(
            [
                number,
                carrier if i % 7 else None,  # the carrier column is optional and sometimes empty
                rng.choice(surnames) + rng.choice(given),
                phone,
                f"浙江省宁波市海曙区{rng.choice(roads)}{rng.randint(1, 200)}号",
                rng.choice(statuses),
                when,
                couriers[i % 3],
            ]
        )
    _save(workbook, "waybills_small.xlsx")


def areas_missing_column() -> None:
    workbook, ws = _sheet("派件区域")
    ws.append([TITLE])
    ws.append(["区县", "街道", "负责片区", "工号", "手机"])
    for row in AREA_ROWS[:4]:
        ws.append([row[0], row[1], row[2], row[5], row[6]])
    _save(workbook, "areas_missing_column.xlsx")


def areas_bad_cells() -> None:
    """Row 3: no courier; row 4: a phone with the letter O; row 6: a phone of words."""
    workbook, ws = _sheet("派件区域")
    ws.append(AREA_HEADER)
    ws.append(AREA_ROWS[0])
    bad = list(AREA_ROWS[1])
    bad[4] = None
    ws.append(bad)
    bad = list(AREA_ROWS[3])
    bad[6] = "139O7482345"
    ws.append(bad)
    ws.append(AREA_ROWS[4])
    bad = list(AREA_ROWS[6])
    bad[6] = "电话待补"
    ws.append(bad)
    _save(workbook, "areas_bad_cells.xlsx")


def dates_mixed() -> None:
    """Column A holds one date (2026-11-22) in every form; column B says which form."""
    workbook, ws = _sheet("日期")
    ws.append(["日期", "说明"])
    serial = (date(2026, 11, 22) - date(1899, 12, 30)).days
    forms: list[tuple[object, str]] = [
        (datetime(2026, 11, 22), "real date"),
        (datetime(2026, 11, 22, 9, 30), "real date and time"),
        (serial, "serial number"),
        (serial + 0.75, "serial with time"),
        ("2026-11-22", "text ISO"),
        ("2026/11/22", "text slashes"),
        ("2026.11.22", "text dots"),
        ("2026年11月22日", "text Chinese"),
        ("20261122", "text compact"),
        ("2026-11-22 18:00:00", "text with time"),
        (" 2026/11/22 ", "text with spaces"),
    ]
    for value, form in forms:
        ws.append([value, form])
    ws["A2"].number_format = "yyyy-mm-dd"
    ws["A3"].number_format = "yyyy-mm-dd hh:mm"
    ws["A4"].number_format = "General"
    ws["A5"].number_format = "General"
    _save(workbook, "dates_mixed.xlsx")


def routes() -> None:
    workbook, ws = _sheet("发件路由")
    ws.append(["目的省", "目的市", "一段码", "目的分拨中心", "中转中心", "截单时间"])
    ws.append(["浙江省", "杭州市", "300", "杭州转运中心", "宁波转运中心", time(18, 30)])
    ws.append(["江苏省", "南京市", "210", "南京转运中心", "宁波转运中心", "19:00"])
    ws.append(["上海市", "上海市", "100", "上海转运中心", "宁波转运中心", 0.75])
    ws.append(
        ["新疆维吾尔自治区", "乌鲁木齐市", "830", "乌鲁木齐转运中心", "宁波转运中心", "17点30分"]
    )
    ws["F4"].number_format = "General"
    _save(workbook, "routes.xlsx")


def times() -> None:
    workbook, ws = _sheet("到达时效")
    ws.append(["省份", "城市", "标准时效(天)", "特快时效(天)"])
    ws.append(["浙江省", "杭州市", "1-2", 1])
    ws.append(["江苏省", "南京市", "2", 1])
    ws.append(["广东省", "广州市", "3-4", 2])
    ws.append(["西藏自治区", "拉萨市", "5-7", "3-4"])
    _save(workbook, "times.xlsx")


def bad_files() -> None:
    rng = random.Random(404)
    # A zip signature followed by noise: what a download cut short looks like.
    (HERE / "damaged.xlsx").write_bytes(b"PK\x03\x04" + rng.randbytes(2044))
    workbook, _ws = _sheet("Sheet1")
    _save(workbook, "empty.xlsx")
    (HERE / "not_a_table.txt").write_text(
        "各位同事：\n本周六网点盘点，请大家提前半小时到岗。\n谢谢配合！\n", encoding="utf-8"
    )


HANDBOOK_HEADER = [
    "处罚类别",
    "违规行为",
    "处罚金额",
    "操作标准",
    "避责方法",
    "总部编号",
    "生效日期",
]


def handbook_hq() -> None:
    """An HQ handbook as branches get it: a title row, 处罚类别 merged down over each
    category's rows, multi-line standards, fines written by hand in every known shape, a note
    row at the end. Row 11's fine has no amount (kept as written, flagged)."""
    workbook, ws = _sheet("处罚大全")
    ws.append(["XX快递 网点处罚大全（2026版）"])
    ws.append(HANDBOOK_HEADER)
    rows: list[list[object]] = [
        [
            "派件",
            "虚假签收",
            "50-200元/票",
            "客户本人或其同意的代收人签收后才能做签收。\n未派送不得签收。",
            "放驿站先征得客户同意；没见到人不点签收。",
            "PJ-01",
            "2026-01-01",
        ],
        [
            None,
            "未经同意放驿站/快递柜/门口",
            "10元/票，丢失全额赔偿",
            "放置前电话或短信取得客户同意。",
            "电话联系并说明放置地点。",
            "PJ-02",
            "2026-01-01",
        ],
        [
            None,
            "无故拒收派件",
            50,
            "分配到本人片区的件不得拒收。",
            "对分配有疑问找网点调整。",
            "PJ-03",
            None,
        ],
        [
            "派件时效节点",
            "收派件延迟",
            "10元，超1小时后每30分钟加10元",
            "预约时间准时到达。",
            "路上有延误先打电话。",
            "SX-01",
            "2026-03-01",
        ],
        [
            None,
            "派送超时 T3",
            "3元/票",
            "到件超过 3 天未签收的件每天跟进。",
            "每天早上查看未签收清单。",
            "SX-02",
            None,
        ],
        [
            "操作",
            "破损",
            "赔偿+10-50元",
            "易碎件轻拿轻放。\n外包装破损的件当面验货。",
            "发现破损先拍照上报。",
            "CZ-01",
            None,
        ],
        [None, "遗失", "500元/票", "全程有扫描记录。", "车辆离开必须锁箱。", "CZ-02", None],
        [
            "投诉",
            "与客户争执/打架",
            "100-200元；严重者500元并辞退",
            "不得与客户发生肢体冲突。",
            "发生争执立即离开现场。",
            "TS-01",
            None,
        ],
        [
            None,
            "签收率考核",
            "计入KPI考核，无固定罚款",
            "当日签收率按总部口径计算。",
            "未签收的件当天跟进完。",
            "TS-02",
            None,
        ],
        [
            None,
            "其他违规",
            "按总部通知执行",
            "以总部最新通知为准。",
            "每周查看总部通知。",
            "TS-03",
            None,
        ],
    ]
    for row in rows:
        ws.append(row)
    ws.append(["说明：本表为示例，金额以总部最新文件为准。"])
    ws.merge_cells("A1:G1")
    for ref in ("A3:A5", "A6:A7", "A8:A9", "A10:A12"):
        ws.merge_cells(ref)
    ws.merge_cells("A13:G13")
    for r in range(3, 13):
        ws.cell(row=r, column=4).alignment = openpyxl.styles.Alignment(wrap_text=True)
    _save(workbook, "handbook_hq.xlsx")


def handbook_bad() -> None:
    """Row 3: unknown category 仓管; row 4: no cause; row 5: a fine Excel turned into a date;
    row 6 is fine; row 7: the same cause as row 6 in the same category."""
    workbook, ws = _sheet("处罚大全")
    ws.append(HANDBOOK_HEADER)
    ws.append(["投诉", "虚假签收", "50元/票", "本人签收。", "不点假签收。", None, None])
    ws.append(["仓管", "货物乱放", "20元/次", "按区摆放。", "收工整理。", None, None])
    ws.append(["投诉", None, "10元/票", "—", "—", None, None])
    # What Excel makes of a range typed as 1-5: a date.
    ws.append(["投诉", "超区派送", datetime(2026, 1, 5), "—", "—", None, None])
    ws.append(["操作", "回单丢失", "50元/票", "当天交回。", "专用文件袋。", None, None])
    ws.append(["操作", "回单丢失", "50元/票", "当天交回。", "专用文件袋。", None, None])
    _save(workbook, "handbook_bad.xlsx")


def handbook_missing_column() -> None:
    workbook, ws = _sheet("处罚大全")
    ws.append(["处罚类别", "违规行为", "操作标准"])
    ws.append(["派件", "虚假签收", "本人签收。"])
    _save(workbook, "handbook_missing_column.xlsx")


WORK_ORDER_HEADER = [
    "工单号",
    "运单号",
    "工单类型",
    "工单内容",
    "客户姓名",
    "联系电话",
    "创建时间",
    "截止时间",
]


def work_orders() -> None:
    """An HQ work-order export: title row, times as real datetimes, text and Excel serials.

    Rows 5 and 6 are on the same waybill (the second merges into the first); row 7's type
    截单退回 has no category of its own (filed under 其他)."""
    workbook, ws = _sheet("工单")
    ws.append(["总部工单导出 2026-11-02"])
    ws.append(WORK_ORDER_HEADER)
    serial = (datetime(2026, 11, 2, 14, 0) - datetime(1899, 12, 30)).total_seconds() / 86400
    rows: list[list[object]] = [
        [
            "GD202611020001",
            "YT1000000000001",
            "催件派送",
            "客户催促派送",
            "张三",
            "13812341234",
            datetime(2026, 11, 2, 9, 0),
            datetime(2026, 11, 3, 9, 0),
        ],
        [
            "GD202611020002",
            "YT1000000000002",
            "修改地址",
            "改到公司地址",
            "李四",
            13900001111,
            "2026-11-02 10:30",
            "2026/11/03 10:30",
        ],
        [
            "GD202611020003",
            "YT1000000000003",
            "丢件破损",
            "外包装破损，物品缺少",
            "王五",
            "0574-87654321",
            serial,
            None,
        ],
        [
            "GD202611020004",
            "YT1000000000004",
            "虚假签收",
            "显示签收但未收到",
            "赵六",
            "13700002222",
            "2026年11月2日 15时20分",
            "2026-11-03 15:20",
        ],
        [
            "GD202611020005",
            "YT1000000000004",
            "催件派送",
            "同一单再次催促",
            "赵六",
            "13700002222",
            "2026-11-02 16:00",
            "2026-11-03 10:00",
        ],
        [
            "GD202611020006",
            "YT1000000000006",
            "截单退回",
            "要求退回寄件人",
            "钱七",
            "13600003333",
            "2026-11-02 17:00",
            None,
        ],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A1:H1")
    _save(workbook, "work_orders.xlsx")


def work_orders_bad() -> None:
    """Row 3: the same work order as row 2; row 4: no work-order number; row 5: a deadline
    before creation; row 6: a time that is not a time."""
    workbook, ws = _sheet("工单")
    ws.append(WORK_ORDER_HEADER)
    ws.append(
        [
            "GD1",
            "YT2000000000001",
            "催件派送",
            "催",
            "张三",
            "13812341234",
            "2026-11-02 09:00",
            "2026-11-03 09:00",
        ]
    )
    ws.append(
        [
            "GD1",
            "YT2000000000002",
            "催件派送",
            "催",
            "张三",
            "13812341234",
            "2026-11-02 09:00",
            "2026-11-03 09:00",
        ]
    )
    ws.append(
        [
            None,
            "YT2000000000003",
            "催件派送",
            "催",
            "张三",
            "13812341234",
            "2026-11-02 09:00",
            "2026-11-03 09:00",
        ]
    )
    ws.append(
        [
            "GD4",
            "YT2000000000004",
            "催件派送",
            "催",
            "张三",
            "13812341234",
            "2026-11-03 09:00",
            "2026-11-02 09:00",
        ]
    )
    ws.append(
        [
            "GD5",
            "YT2000000000005",
            "催件派送",
            "催",
            "张三",
            "13812341234",
            "明天上午",
            "2026-11-03 09:00",
        ]
    )
    _save(workbook, "work_orders_bad.xlsx")


def main() -> None:
    source = areas_title_merged()
    area_csvs()
    converted_copies(source)
    waybills_rounded()
    waybills_small()
    areas_missing_column()
    areas_bad_cells()
    dates_mixed()
    routes()
    times()
    bad_files()
    handbook_hq()
    handbook_bad()
    handbook_missing_column()
    work_orders()
    work_orders_bad()


if __name__ == "__main__":
    main()
