"""Write BranchDesk's own user guides (帮助 › 使用指南) to resources/help/user_guides.json.

    .venv/bin/python tools/make_user_guides.py

The guides say how to use BranchDesk itself; 帮助 › 使用指南 opens them read-only, apart from
the branch's own 操作指南. Their steps reuse the sample guides' screenshots
(resources/sample/guides, made by tools/make_sample_guides.py) and point at the same
controls through its TARGETS, so run this again after make_sample_guides.py. Every name in
“…” in a step must be a control's Chinese text (tests/unit/guides/test_user_guides.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from branchdesk.guides.annotations import Annotation  # noqa: E402
from branchdesk.guides.sample import BLUE, blur, number, rect, text  # noqa: E402
from branchdesk.guides.user_guides import FORMAT_NAME, FORMAT_VERSION, HELP_FILE  # noqa: E402

TARGET = ROOT / "resources" / Path(*HELP_FILE)


def step(
    instruction: str,
    image: str | None = None,
    marks: tuple[Annotation, ...] = (),
    tip: str = "",
    warning: bool = False,
) -> dict[str, Any]:
    return {
        "instruction": instruction,
        "tip": tip,
        "tip_kind": "warning" if warning else "tip",
        "image": image,
        "annotations": [json.loads(json.dumps(a.__dict__)) for a in marks],
    }


def guides() -> list[dict[str, Any]]:
    i1, i2, i3, i4 = "import-1.png", "import-2.png", "import-3.png", "import-4.png"
    c1, c2, c3, c4 = "complaint-1.png", "complaint-2.png", "complaint-3.png", "complaint-4.png"
    s1, s2, s3 = "sheet-1.png", "sheet-2.png", "sheet-3.png"
    return [
        {
            "title": "查地址",
            "summary": "客户问“我的件谁送”时：输入地址、运单号或电话，马上看到派件业务员。",
            "steps": [
                step(
                    "按 Ctrl+2（或点左侧“查件”），光标就在搜索框里。",
                    tip="在“今天”页点“查地址”也一样。",
                ),
                step(
                    "粘贴或输入地址、运单号、电话或手机尾号后 4 位，不用按回车，结果随打随出。",
                    tip="地址错一个字、只输两个字也能查到；查不到时下面会列出“您是不是要找”。",
                ),
                step(
                    "“该地址的派件业务员”里排第一的是最可能的派件人：姓名、工号、电话和三段码，"
                    "旁边写着匹配程度。下面列出这个地址或号码的运单。",
                    tip="精确匹配可以直接告诉客户；写着区县兜底、模糊匹配、待核对或两位业务员"
                    "并列时，先核对地址，别直接告诉客户。",
                    warning=True,
                ),
                step(
                    "一批地址要分单时，点“批量分单…”，粘贴一列地址或导入表格。",
                ),
            ],
        },
        {
            "title": "登记投诉",
            "summary": "客户来电投诉时边听边登记：输入运单号，客户、业务员和回复话术自动带出。",
            "steps": [
                step(
                    "在左侧点“投诉”，再点“新建投诉”（任何页面按 Ctrl+N 也行）。",
                    c1,
                    (
                        blur(c1, "customer_columns"),
                        number(c1, "nav_complaints", "1", "right", inside=True),
                        number(c1, "new_button", "2", "above"),
                    ),
                ),
                step(
                    "输入或扫描运单号后按回车：运单列表里有这张单时，客户、电话和业务员自动填好。",
                    c2,
                    (blur(c2, "customer"), rect(c2, "waybill")),
                ),
                step(
                    "选“分类”：处理时限自动算好，右边出现填好事实的回复话术。写一两句问题描述，"
                    "点“保存”（Ctrl+Enter）。",
                    c3,
                    (blur(c3, "customer"), rect(c3, "category"), rect(c3, "save")),
                    tip="话术里的电话和预计到达时间，先核对再告诉客户。",
                    warning=True,
                ),
                step(
                    "保存后投诉排在列表最上面，“处理时限”一栏是最晚回复的时间；快到期的投诉"
                    "会在“今天”页和到期提醒里出现。",
                    c4,
                    (
                        blur(c4, "customer_columns"),
                        rect(c4, "due_column", BLUE),
                        text(c4, "due_column", "最晚回复时间", "below", gap=0.02, color=BLUE),
                    ),
                ),
            ],
        },
        {
            "title": "打印车载单",
            "summary": "把处罚手册印成大字的 A4 车载处罚单，放进业务员的电动车箱。",
            "steps": [
                step(
                    "在左侧点“处罚手册”，在分类列表里点要印的分类，再点“打印…”（Ctrl+P）。",
                    s1,
                    (
                        number(s1, "nav_handbook", "1", "right", inside=True),
                        rect(s1, "print_button"),
                        number(s1, "print_button", "2", "above"),
                    ),
                    tip="打印窗口会只勾上你在手册页选中的分类。",
                ),
                step(
                    "在“打印内容”里选“车载处罚单（大字）”，在“业务员姓名”里选或输入名字。"
                    "右边是预览。",
                    s2,
                    (rect(s2, "document"), rect(s2, "courier"), rect(s2, "preview", BLUE)),
                ),
                step(
                    "要改分类就在“分类”里勾选：“全选”“全不选”，或选中一类点“只打印此类”。"
                    "然后点“打印…”送到打印机，或点“另存为 PDF…”。",
                    s3,
                    (rect(s3, "categories"), rect(s3, "pages", BLUE), rect(s3, "print")),
                    tip="下次打开打印窗口时，这次的选择还在。",
                ),
            ],
        },
        {
            "title": "打印考卷",
            "summary": "从处罚手册出一份新人考卷，试卷和答案可以分开打印。",
            "steps": [
                step(
                    "在“今天”页点“打印考卷”，任何页面按 Ctrl+Shift+P 也行（或在“处罚手册”页点"
                    "“打印…”，在“打印内容”里选“新人考卷”）。",
                ),
                step(
                    "在“分类”里勾要考的分类，在“题数”里填题目数。每份试卷有“试卷编号”，"
                    "点“换一份试卷”换一套题。",
                    tip="同一个试卷编号再打印，出来的是同一份试卷，答案也对得上；这时分类和题数"
                    "不起作用，要按分类出新卷就点“换一份试卷”。",
                ),
                step(
                    "在“试卷与答案”里选“只印试卷”发给新人，再选“只印答案”留给阅卷人；"
                    "或选“试卷和答案”一起印。点“打印…”或“另存为 PDF…”。",
                    tip="答案别和试卷一起发下去。印过答案后，下次打开就是一份新试卷。",
                    warning=True,
                ),
            ],
        },
        {
            "title": "导入本网点的表",
            "summary": "把派件区域表、运单、处罚手册等 Excel 表导入网点服务台，换掉示例数据。",
            "steps": [
                step(
                    "在左侧点“数据”，再点“导入表格…”（任何页面按 Ctrl+I 也行）。",
                    i1,
                    (
                        number(i1, "nav_data", "1", "right", inside=True),
                        rect(i1, "import_button"),
                        number(i1, "import_button", "2", "left"),
                    ),
                ),
                step(
                    "在“导入内容”里选表的种类（派件区域、运单、处罚手册……），点“浏览…”"
                    "选中表格文件。",
                    i2,
                    (number(i2, "kind", "1", "right", inside=True), rect(i2, "browse")),
                    tip="Excel（.xlsx、.xls）和 CSV 都能直接导入，不用另存。",
                ),
                step(
                    "核对每一列认出的含义；“问题：”下面是空的，就点“导入”。",
                    i3,
                    (rect(i3, "mapping"), rect(i3, "problems", BLUE), rect(i3, "import")),
                    tip="有问题时整张表都不会导入：改好表格再选一次，或勾选“跳过无效行，"
                    "导入其余行”。",
                    warning=True,
                ),
                step(
                    "导入后“导入记录”里多了一条。导错了就选中它，点“撤销选中的导入”；"
                    "示例数据也这样撤销。",
                    i4,
                    (rect(i4, "history_row", BLUE), rect(i4, "undo")),
                ),
            ],
        },
        {
            "title": "备份与换电脑",
            "summary": "网点的数据都在一个文件里：定期备份到 U 盘，换电脑时恢复即可。",
            "steps": [
                step(
                    "插上 U 盘，点菜单“文件” › “备份到文件夹…”，选 U 盘，等提示备份完成。",
                    tip="网点服务台每天第一次打开时（一直开着的，过了零点）也会自动备份到本机，"
                    "但电脑坏了，本机的备份也就没了。",
                ),
                step(
                    "在新电脑上安装网点服务台并打开，欢迎窗口可以先关掉。",
                ),
                step(
                    "插上 U 盘，点菜单“文件” › “从备份恢复…”，点“选择文件…”选 U 盘里的"
                    "备份，再点“恢复…”。",
                    tip="恢复前，新电脑上原有的数据会先自动另存一份备份。",
                ),
                step(
                    "恢复后核对“今天”页和“查件”里的数据，没问题再把旧电脑上的程序卸载。",
                    tip="卸载时不勾“同时删除数据”，旧电脑上的数据就还在。",
                ),
            ],
        },
    ]


def document() -> dict[str, Any]:
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "guides": guides()}


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(document(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
