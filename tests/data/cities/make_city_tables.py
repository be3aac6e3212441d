"""Writes the area tables (派件区域表) of three branches in other cities, each in its own habits.

These are test data for the lookup accuracy harness: tables written the way real branches
keep them, deliberately unlike the project's own fixtures and sample branch. Each branch's
`cases.csv` beside its files holds the addresses and the courier a careful agent would pick.

    python tests/data/cities/make_city_tables.py

rewrites every table (the output is byte-stable: fixed timestamps in the .xlsx files).

- chengdu_wuhou/   成都市武侯区, one flat table with 街道 → 社区 → 小区/道路 hierarchy columns,
                   merged grouping cells; also the same sheet saved by Excel as CSV (GBK and
                   GB18030, CRLF, blanks below the first row of each merge).
- shenyang_heping/ 沈阳市和平区, one sheet per courier (courier in the sheet name and/or a
                   title cell, header on row 3, a 片区 zone-label column, a 说明 sheet first).
- foshan_nanhai/   佛山市南海区, wide: one column per courier, the cells below list the area.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2024, 5, 6, 9, 30, 0)
FIXED_W3CDTF = "2024-05-06T09:30:00Z"

Cell = str | int | None

THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="宋体", size=14, bold=True)
HEAD_FONT = Font(name="宋体", size=11, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


# --------------------------------------------------------------------------------------------
# 成都市武侯区 — flat table, hierarchy columns, merged grouping cells, CSV copies
# --------------------------------------------------------------------------------------------

CHENGDU_COURIERS = {
    # name: (工号, 联系电话, 三段码)
    "王芳": (1001, "13980011201", "W01"),
    "李建国": (1002, "13880012202", "W02"),
    "张德明": (1003, "18608013303", "W03"),
    "刘洋": (1004, "13551014404", "W04"),
    "陈秀英": (1005, "15928015505", "W05"),
    "杨帆": (1006, "18180016606", "W06"),
    "赵磊": (1007, "13408017707", "W07"),
    "黄丽": (1008, "17713018808", "W08"),
}

CHENGDU_HEADER = [
    "街道",
    "社区",
    "小区/道路",
    "门牌号",
    "单双号",
    "业务员",
    "工号",
    "联系电话",
    "三段码",
    "备注",
]

# (街道, 社区, 小区/道路, 门牌号, 单双号, 业务员 as typed, 备注); None = blank separator row.
# The courier column keeps the owner's spacing (王　芳, 刘 洋): same person, same phone.
CHENGDU_ROWS: list[tuple[str, str, str, Cell, str, str, str] | None] = [
    ("玉林街道", "玉林北路社区", "玉林北路", "1-57号", "单", "王芳", ""),
    ("玉林街道", "玉林北路社区", "芳邻路", "全段", "", "王芳", ""),
    ("玉林街道", "玉林北路社区", "玉林小区", "1-12栋", "", "王芳", ""),
    ("玉林街道", "玉林北路社区", "玉林北路", "2-60号", "双", "李建国", ""),
    ("玉林街道", "玉林北路社区", "玉林北街", "全段", "", "李建国", ""),
    ("玉林街道", "玉林北路社区", "玉林小区", "13-25栋", "", "李建国", ""),
    ("玉林街道", "玉林北路社区", "玉林农贸市场", "", "", "李建国", "市场内商户统一送市场管理处"),
    ("玉林街道", "玉林东路社区", "棕北小区", "", "", "李建国", ""),
    ("玉林街道", "玉林东路社区", "玉林南路", "1-17号；61号以后", "", "陈秀英", ""),
    ("玉林街道", "玉林东路社区", "玉林西路", "6号", "", "陈秀英", "玉林中学"),
    ("玉林街道", "玉林东路社区", "棕南小区", "", "", "陈秀英", ""),
    ("玉林街道", "玉林东路社区", "玉林南路", "18-60号", "", "杨帆", ""),
    ("玉林街道", "玉林东路社区", "玉林西路", "1-45号（不含6号）", "", "杨帆", ""),
    ("玉林街道", "玉林东路社区", "电信南街", "全段", "", "杨帆", ""),
    None,
    ("浆洗街街道", "洗面桥社区", "洗面桥街（除12号）", "", "", "刘洋", ""),
    ("浆洗街街道", "洗面桥社区", "洗面桥横街", "全段", "", "刘洋", ""),
    ("浆洗街街道", "洗面桥社区", "浆洗街", "1-99号", "", "刘洋", "浆洗街8号菜鸟驿站可代收"),
    ("浆洗街街道", "洗面桥社区", "四川大学附属中学（成都市第十二中学）", "", "", "刘 洋", ""),
    ("浆洗街街道", "洗面桥社区", "洗面桥街12号 ", "", "", "黄丽", "单位件多，上午送"),
    ("浆洗街街道", "洗面桥社区", "武侯祠大街", "全段", "", "黄丽", ""),
    ("浆洗街街道", "高升桥路社区", "高升桥路", "2-88号(双号)", "", "黄丽", ""),
    ("浆洗街街道", "高升桥路社区", "金雁小区", "1-3栋", "", "黄丽", ""),
    ("浆洗街街道", "高升桥路社区", "高升桥路", "单号侧", "", "杨帆", "2024.4起由杨帆负责"),
    ("浆洗街街道", "高升桥路社区", "金雁小区", "4-6栋", "", "赵磊", ""),
    ("浆洗街街道", "高升桥路社区", "红墙巷", "全段", "", "赵磊", ""),
    ("浆洗街街道", "高升桥路社区", "高升桥东路", "", "", "赵磊", ""),
    None,
    ("望江路街道", "四川大学社区", "四川大学望江校区", "", "", "张德明", "东门驿站统一签收"),
    ("望江路街道", "四川大学社区", "华西医院（国学巷37号）", "", "", "张德明", ""),
    ("望江路街道", "四川大学社区", "望江楼公园", "", "", "张德明", ""),
    ("望江路街道", "四川大学社区", "致民路", "20号院", "", "张德明", ""),
    ("望江路街道", "四川大学社区", "望江名门", "一至三幢", "", "张德明", ""),
    ("望江路街道", "四川大学社区", "望江名门", "4幢、5幢", "", "杨帆", ""),
    None,
    ("跳伞塔街道", "科华街社区", "科华北路（西侧)", "", "单", "陈秀英", "东侧是锦江区"),
    ("跳伞塔街道", "科华街社区", "人民南路四段", "1-49号", "单", "王　芳", ""),
    ("跳伞塔街道", "科华街社区", "人民南路四段", "2-50号", "双", "赵磊", ""),
    ("跳伞塔街道", "科华街社区", "领事馆路（与桐梓林北路交叉口以北）", "", "", "赵磊", ""),
    ("跳伞塔街道", "科华街社区", "倪家桥路", "30号以内", "", "赵磊", ""),
    ("跳伞塔街道", "桐梓林社区", "领事馆路（与桐梓林北路交叉口以南）", "", "", "黄丽", ""),
    ("跳伞塔街道", "桐梓林社区", "倪家乔路", "31号至80号（含）", "", "黄丽", ""),
    ("跳伞塔街道", "桐梓林社区", "桐梓林北路", 16, "", "杨帆", "欧洲花园门口岗亭代收"),
    ("跳伞塔街道", "桐梓林社区", "桐梓林东路", "1-30号", "", "杨帆", ""),
    None,
    ("金花桥街道", "永康村", "永康村1组至5组", "", "", "刘洋", ""),
    ("金花桥街道", "江安河社区", "蓝光锦绣城一期", "", "", "刘洋", ""),
    ("金花桥街道", "江安河社区", "蓝光锦绣城二期", "1-12号楼", "", "刘洋", ""),
    ("金花桥街道", "江安河社区", "蓝光锦绣城三期", "1-12栋", "", "刘洋", ""),
    ("金花桥街道", "江安河社区", "清水河畔", "1-2栋、3栋1-2单元", "", "刘洋", ""),
    ("金花桥街道", "永康村", "永康村", "6-10组", "", "陈秀英", ""),
    ("金花桥街道", "江安河社区", "蓝光锦绣城二期、三期13-30号楼", "", "", "陈秀英", ""),
    ("金花桥街道", "江安河社区", "清水河畔", "3栋3-4单元、4-6栋", "", "陈秀英", ""),
    ("金花桥街道", "江安河社区", "金花菜场", "", "", "陈秀英", "✔ 4月已核对"),
]

CHENGDU_TITLE = "成都市武侯区玉林营业部  派件区域划分表（2024年5月）"
CHENGDU_NOTE = "注：表中没有的地址先问站长，不要随便分；单双号以门牌为准。"


def _spaceless(name: str) -> str:
    return name.replace(" ", "").replace("\u3000", "")


def chengdu_grid() -> tuple[list[list[Cell]], list[tuple[int, int, int, int]]]:
    """The sheet as Excel shows it: values only in the first cell of each merge.

    Returns the rows (1-based row i is grid[i-1]) and the merges as
    (first_row, first_col, last_row, last_col), 1-based.
    """
    width = len(CHENGDU_HEADER)
    grid: list[list[Cell]] = [[CHENGDU_TITLE] + [None] * (width - 1), list(CHENGDU_HEADER)]
    merges: list[tuple[int, int, int, int]] = [(1, 1, 1, width)]
    full: list[list[Cell] | None] = []
    for row in CHENGDU_ROWS:
        if row is None:
            full.append(None)
            continue
        street, community, area, number, parity, courier, remark = row
        employee_no, phone, segment = CHENGDU_COURIERS[_spaceless(courier)]
        cells: list[Cell] = [street, community, area, number or None, parity or None]
        cells += [courier, employee_no, phone, segment, remark or None]
        full.append(cells)
    first_data_row = len(grid) + 1
    for cells in full:
        grid.append([None] * width if cells is None else list(cells))
    # Merge runs of equal values in the grouping columns, as the owner did by hand: 街道 and
    # 社区 over their rows, and the courier's name, 工号, phone and 三段码 together.
    groupings: list[tuple[tuple[int, ...], tuple[int, ...]]] = [
        ((1,), (1,)),  # key columns, merged columns
        ((1, 2), (2,)),
        ((6,), (6, 7, 8, 9)),
    ]
    for key_cols, merged_cols in groupings:
        for r0, r1 in _runs(full, key_cols):
            for col in merged_cols:
                merges.append((first_data_row + r0, col, first_data_row + r1, col))
                for r in range(r0 + 1, r1 + 1):
                    grid[first_data_row + r - 1][col - 1] = None
    grid.append([None] * width)
    grid.append([CHENGDU_NOTE] + [None] * (width - 1))
    merges.append((len(grid), 1, len(grid), width))
    return grid, merges


def _runs(
    rows: Sequence[Sequence[Cell] | None], key_cols: tuple[int, ...]
) -> list[tuple[int, int]]:
    """(first, last) 0-based indexes of runs of two or more rows with equal key columns;
    a blank separator row (None) ends a run."""
    runs = []
    start = 0
    for i in range(1, len(rows) + 1):
        prev, cur = rows[i - 1], rows[i] if i < len(rows) else None

        def key(row: Sequence[Cell] | None) -> tuple[Cell, ...] | None:
            return None if row is None else tuple(row[c - 1] for c in key_cols)

        if cur is None or key(cur) != key(prev):
            if prev is not None and i - 1 > start:
                runs.append((start, i - 1))
            start = i
    return runs


def write_chengdu(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    grid, merges = chengdu_grid()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "派件区域"
    for r, cells in enumerate(grid, start=1):
        for c, value in enumerate(cells, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTRE
    ws.row_dimensions[1].height = 28
    for c in range(1, len(CHENGDU_HEADER) + 1):
        cell = ws.cell(2, c)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = CENTRE
    for r in range(2, len(grid) - 1):
        for c in range(1, len(CHENGDU_HEADER) + 1):
            ws.cell(r, c).border = BOX
            if r > 2:
                ws.cell(r, c).alignment = CENTRE if c in (1, 2, 6, 7, 8, 9) else WRAP
    for col, width in zip("ABCDEFGHIJ", (12, 14, 30, 18, 8, 10, 8, 14, 8, 26), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    xlsx = folder / "areas_flat.xlsx"
    _save(wb, xlsx)

    written = [xlsx]
    for encoding in ("gbk", "gb18030"):
        path = folder / f"areas_flat_{encoding}.csv"
        # Excel's "CSV" writes the ANSI code page: a character GBK lacks (✔) becomes "?".
        path.write_bytes(_excel_csv(grid).encode(encoding, errors="replace"))
        written.append(path)
    return written


def _excel_csv(grid: Sequence[Sequence[Cell]]) -> str:
    """What Excel's "CSV (逗号分隔)" writes: merged cells blank below their first row, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for cells in grid:
        writer.writerow(["" if v is None else v for v in cells])
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# 沈阳市和平区 — one sheet per courier
# --------------------------------------------------------------------------------------------

# Header variants: different couriers' sheets were made at different times.
SY_HEAD_ROAD = ["序号", "片区", "道路/小区", "门牌号", "单双号", "备注"]
SY_HEAD_ZONE = ["片区", "负责区域", "详细地址范围", "备注"]
SY_HEAD_PLAIN = ["序号", "派送范围", "门牌号", "单双号", "备注"]
SY_HEAD_SCOPE = ["序号", "片区", "派送范围", "门牌号", "单双号", "备注"]

SY_NOTES = [
    "填表说明",
    "1. 每个派件员一页，页签写派件员名字（新来的先用Sheet页，后面再改）。",
    "2. 单双号：单=单号门牌，双=双号门牌，空着=整条路都送。",
    "3. 太原街万达、茂业中心写字楼按座、按楼层分，看各人那一页。",
    "4. 表里没有的地址一律报站长分配，不要自己拉。",
    "更新：2024年3月",
]

# (sheet name, title rows (row 1, row 2), repeat the row-1 title across its merge, header, rows)
SY_SHEETS: list[tuple[str, tuple[str, str], bool, list[str], list[list[Cell]]]] = [
    (
        "孙丽娜",
        ("派件员：孙丽娜 工号：0231 手机：13904001231 三段码：A12", ""),
        False,
        SY_HEAD_ROAD,
        [
            [1, "太原街一片", "太原北街", "1－85号", "单", None],
            [2, "太原街一片", "中华路", "1-99号", "单", None],
            [3, "太原街一片", "北二马路", "全段", None, None],
            [4, "太原街一片", "北三马路", "全段", None, None],
            [5, "太原街一片", "太原街万达广场Ａ－Ｃ座", None, None, "写字楼"],
            [6, "太原街一片", "茂业中心写字楼", "1-10层", None, None],
            [7, "太原街一片", "南京北街", "1-139号", "单", None],
        ],
    ),
    (
        "周海涛-0232",
        ("派件员：周海涛 工号：0232 手机：13804002232 三段码：A13", ""),
        False,
        SY_HEAD_ROAD,
        [
            [1, "太原街二片", "太原北街", "2-86号", "双", None],
            [2, "太原街二片", "中华路", "2-100号", "双", None],
            [3, "太原街二片", "北四马路", "全段", None, None],
            [4, "太原街二片", "太原街万达广场D座", None, None, None],
            [5, "太原街二片", "茂业中心写字楼", "11-30层", None, "31层以上是公寓，不归本网点"],
            [6, "太原街二片", "南京北街", "2-140号", "双", None],
            [7, "太原街二片", "新世界花园", "1-16#", None, None],
        ],
    ),
    (
        "Sheet3",
        ("派件员：吴刚　工号：0235　手机：15904003235　三段码：B07", ""),
        False,
        SY_HEAD_ZONE,
        [
            ["南市一片", "南五马路", "全线", None],
            ["南市一片", "南京南街", "1~79号（单）", None],
            ["南市一片", "十一纬路", "南京南街以东", None],
            ["南市一片", "中山路", "中山广场以东", "中山广场东侧的写字楼也送"],
            ["南市一片", "南三经街至南六经街", None, None],
            ["南市一片", "南八马路", "1-50号", None],
        ],
    ),
    (
        "郑春燕",
        (
            "沈阳和平太原街网点  派件范围表",
            "派件员：郑春燕  工号：0236  电话：13998803236  三段码：B08",
        ),
        True,
        SY_HEAD_PLAIN,
        [
            [1, "南京南街", "2-80号", "双", None],
            [2, "十一纬路（南京南街以西）", None, None, None],
            [3, "中山路（中山广场以西）", None, None, None],
            [4, "20中", None, None, "学校传达室代收"],
            [5, "七纬路", "全段", None, None],
            [6, "南七马路", None, None, None],
        ],
    ),
    (
        "冯宇",
        ("派件员：冯宇 工号：0237 手机：18604003237 三段码：B09", ""),
        False,
        SY_HEAD_SCOPE,
        [
            [1, "西塔片", "一纬路", "全段", None, None],
            [2, "西塔片", "二纬路", "全段", None, None],
            [3, "西塔片", "新世界花园", "17#、18#", None, None],
            [4, "西塔片", "和平里小区", "8＃楼", None, None],
            [5, "西塔片", "西塔街", "1-60号", None, None],
            [6, "西塔片", "市中心医院", None, None, "门诊、住院部都送北门收发室"],
        ],
    ),
    (
        "于洪波 ",
        ("派件员：于洪波 工号：0238 手机：13609884238 三段码：C03", ""),
        False,
        SY_HEAD_ZONE,
        [
            ["南湖片", "南京南街", "81号以后", None],
            ["南湖片", "文化路3号巷", "全段", None],
            ["南湖片", "东北大学南湖校区", None, "快递统一放东大南门驿站"],
            ["南湖片", "三好街", "1-100号", None],
            ["南湖片", "南湖公园", None, None],
            ["南湖片", "和平大街", "单号", None],
        ],
    ),
    (
        "姜楠",
        ("派件员：姜楠 工号：0239 手机：15640005239 三段码：C04", ""),
        False,
        SY_HEAD_ROAD,
        [
            [1, "长白片", "长白北路", "全段", None, None],
            [2, "长白片", "长白南路", "全段", None, None],
            [3, "长白片", "和平里小区", "1-7号楼、9-12号楼", None, None],
            [4, "长白片", "华府天地", "1-20栋", None, None],
            [5, "长白片", "砂山街", "1-99号", None, "砂山街菜市场在这段"],
        ],
    ),
    (
        "崔明",
        ("崔明的派件范围（三段码C05，电话13147006240）", ""),
        False,
        SY_HEAD_ROAD,
        [
            [1, "三好街片", "和平大街", None, "双", None],
            [2, "三好街片", "三好街", "101号以后", None, None],
            [3, "三好街片", "三好家园", "1-6号楼", None, None],
            [4, "三好街片", "文安路", "全段", None, None],
            [5, "三好街片", "砂山街", "100号及以后 ", None, None],
        ],
    ),
    (
        "韩雪（站长）",
        ("派件员：韩雪 工号：0241 手机：18900407241 三段码：C06", ""),
        False,
        SY_HEAD_ROAD,
        [
            [1, "南湖片", "三好家园七号楼", None, None, None],
            [2, "南湖片", "三好家园", "8-12号楼", None, None],
            [3, "南湖片", "文化路", "1-99号", None, "文化路3号巷不归我"],
            [None, None, None, None, None, None],
            [None, "备注：站长有事时由崔明代派", None, None, None, None],
        ],
    ),
]


def write_shenyang(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "说明"
    for r, text in enumerate(SY_NOTES, start=1):
        notes.cell(r, 1, text)
    notes["A1"].font = HEAD_FONT
    notes.column_dimensions["A"].width = 70
    repeat: dict[str, tuple[str, int]] = {}
    for name, (title, subtitle), repeated, header, rows in SY_SHEETS:
        ws = wb.create_sheet(name)
        width = len(header)
        ws.cell(1, 1, title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws["A1"].font = TITLE_FONT
        ws["A1"].alignment = CENTRE
        ws.row_dimensions[1].height = 26
        if subtitle:
            ws.cell(2, 1, subtitle)
        if repeated:
            repeat[name] = (title, width)
        for c, word in enumerate(header, start=1):
            cell = ws.cell(3, c, word)
            cell.font = HEAD_FONT
            cell.fill = HEAD_FILL
            cell.border = BOX
            cell.alignment = CENTRE
        for r, cells in enumerate(rows, start=4):
            for c, value in enumerate(cells, start=1):
                if value is not None:
                    ws.cell(r, c, value)
                if any(v is not None for v in cells[:4]) and cells[0] is not None:
                    ws.cell(r, c).border = BOX
        for c, word in enumerate(header, start=1):
            wide = word in ("道路/小区", "负责区域", "派送范围", "备注", "详细地址范围")
            ws.column_dimensions[get_column_letter(c)].width = 28 if wide else 10
    path = folder / "areas_per_courier.xlsx"
    _save(wb, path, repeat_titles=repeat)
    return [path]


# --------------------------------------------------------------------------------------------
# 佛山市南海区 — wide: one column per courier
# --------------------------------------------------------------------------------------------

# (name, 工号, phone as Excel stored it: a number, 三段码, cells below)
FS_COURIERS: list[tuple[str, str, int, str, list[str | None]]] = [
    (
        "陈志强",
        "NH01",
        13702881001,
        "B21",
        [
            "南海大道北1~99号（单）",
            "怡翠玫瑰园四至八幢",
            "灯湖东路1-20号",
            "保利花园\n海逸桂园",
            "南海区人民医院",
            "南桂东路1-60号",
        ],
    ),
    (
        "林晓燕",
        "NH02",
        13702881002,
        "B22",
        [
            "南海大道北2~100号（双）",
            "桂花园三幢",
            "万科金色家园1-5座",
            "佛平二路1-80号",
            "南桂东路61号以后",
            "南桂西路 ",
        ],
    ),
    (
        "梁家豪",
        "NH03",
        13631401003,
        "B23",
        [
            "海三路至海六路",
            "桂花园（除三幢）",
            "万科金色家园6-10座",
            "中海锦城",
            "天佑三路、天佑四路",
        ],
    ),
    (
        "何伟明",
        "NH04",
        13924801004,
        "B24",
        [
            "海八路",
            "夏北大街1-39号",
            "夏北村（东约、西约）",
            "永安中路单号",
            "翠湖绿洲",
        ],
    ),
    (
        "黎嘉欣",
        "NH05",
        15016001005,
        "B25",
        [
            "南海万达广场A-C座",
            "叠滘农贸市场",
            "叠北大街、叠南大街",
            None,
            "雅居乐花园",
            "永安中路双号",
        ],
    ),
    (
        "麦振华",
        "NH06",
        18928401006,
        "B26",
        [
            "南海万达广场D座",
            "夏北大街三巷、五巷",
            "桂澜北路（西侧）",
            "平洲一中",
            "夏南一村，夏南二村",
        ],
    ),
    (
        "罗少芬",
        "NH07",
        13590201007,
        "B27",
        [
            "怡翠玫瑰园一至三幢",
            "平洲玉器街",
            "灯湖东路21号以上",
            "桂澜北路(东侧)",
            "千灯湖公园",
        ],
    ),
    (
        "区永健",
        "NH08",
        13802661008,
        "B28",
        [
            "平东大道",
            "平洲广场",
            "三山新城港口路1-200号",
            "江滨公园；映月湖公园",
            "广东金融学院（三山校区）",
        ],
    ),
]

FS_TITLE = "南海桂城平洲网点  快递员派送范围（2024年6月）"
FS_NOTE = "注：节假日互相代班；范围有调整以微信群通知为准，未列地址问组长。"


def write_foshan(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "派送范围"
    width = 1 + len(FS_COURIERS)
    ws.cell(1, 1, FS_TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTRE
    ws.row_dimensions[1].height = 30
    labels = ["快递员", "工号", "联系电话", "三段码"]
    for r, label in enumerate(labels, start=2):
        ws.cell(r, 1, label).font = HEAD_FONT
    for c, (name, employee_no, phone, segment, _cells) in enumerate(FS_COURIERS, start=2):
        ws.cell(2, c, name).font = HEAD_FONT
        ws.cell(2, c).fill = HEAD_FILL
        ws.cell(3, c, employee_no)
        ws.cell(4, c, phone).number_format = "0"
        ws.cell(5, c, segment)
    depth = max(len(cells) for *_, cells in FS_COURIERS)
    first = 6
    ws.cell(first, 1, "派送范围").font = HEAD_FONT
    ws.merge_cells(start_row=first, start_column=1, end_row=first + depth - 1, end_column=1)
    ws.cell(first, 1).alignment = CENTRE
    for c, (*_, cells) in enumerate(FS_COURIERS, start=2):
        for r, text in enumerate(cells, start=first):
            if text is not None:
                ws.cell(r, c, text).alignment = WRAP
    for r in range(2, first + depth):
        for c in range(1, width + 1):
            ws.cell(r, c).border = BOX
    ws.cell(first + depth + 1, 1, FS_NOTE)
    ws.column_dimensions["A"].width = 10
    for c in range(2, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 22
    path = folder / "areas_wide.xlsx"
    _save(wb, path, repeat_titles={"派送范围": (FS_TITLE, width)})
    return [path]


# --------------------------------------------------------------------------------------------
# Saving: byte-stable zips, and titles repeated across their merge
# --------------------------------------------------------------------------------------------


def _save(
    wb: Workbook, path: Path, repeat_titles: dict[str, tuple[str, int]] | None = None
) -> None:
    """Save with fixed timestamps; optionally write a merged row-1 title into every cell of
    its merge, as some HQ exports and WPS "合并居中" leave it (the text is then in B1, C1 …
    too, not only in A1)."""
    buffer = io.BytesIO()
    wb.save(buffer)
    sheet_files = {ws.title: f"xl/worksheets/sheet{i}.xml" for i, ws in enumerate(wb, start=1)}
    edits = {sheet_files[name]: spec for name, spec in (repeat_titles or {}).items()}
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    lambda m: m.group(1) + FIXED_W3CDTF + m.group(3),
                    text,
                )
                data = text.encode("utf-8")
            if info.filename in edits:
                data = _repeat_title(data.decode("utf-8"), *edits[info.filename]).encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)


def _repeat_title(sheet_xml: str, title: str, width: int) -> str:
    match = re.search(r'<row r="1"[^>]*>(.*?)</row>', sheet_xml, flags=re.S)
    assert match, "row 1 not found"
    first = re.search(r'<c r="A1"[^>]*?s="(\d+)"', match.group(1))
    style = f' s="{first.group(1)}"' if first else ""
    text = title.replace("&", "&amp;").replace("<", "&lt;")
    cells = "".join(
        f'<c r="{get_column_letter(c)}1"{style} t="inlineStr"><is><t>{text}</t></is></c>'
        for c in range(1, width + 1)
    )
    return sheet_xml[: match.start(1)] + cells + sheet_xml[match.end(1) :]


def main() -> None:
    written = [
        *write_chengdu(HERE / "chengdu_wuhou"),
        *write_shenyang(HERE / "shenyang_heping"),
        *write_foshan(HERE / "foshan_nanhai"),
    ]
    for path in written:
        print(f"{path.relative_to(HERE)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
