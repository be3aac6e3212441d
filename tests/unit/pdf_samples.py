"""Handbooks, exams and results built directly as dataclasses, for the PDF tests and bench.

The sample items follow /work/shared/domain/FACTS.md (amounts marked est there are
plausible, not any HQ's real figures).
"""

from __future__ import annotations

import random
from datetime import date, datetime

from branchdesk.handbook.entries import (
    Chapter,
    Entry,
    Exam,
    Handbook,
    Question,
    ResultRow,
)

PRINTED = date(2026, 11, 22)
BRANCH = "宁波江北网点"

# fmt: off
ITEMS: list[tuple[str, str, str, str, str]] = [
    # 分类, 违规致因, 处罚金额, 操作标准, 避责方法
    ("派件时效节点", "派送超时（T0 未签收）", "0.5元/票",
     "当日到件当日派送，18:00 前完成签收或驿站入库；无法派送的件当日登记问题件。",
     "早班到件先扫描出仓，按路线排序派送；预计来不及的件 16:00 前联系客户改约并登记。"),
    ("派件时效节点", "派送超时（T3 仍未签收）", "3元/票",
     "到件超过 3 天未签收的件每天跟进，联系不上客户的按问题件流程处理。",
     "每天早上查看“未签收清单”，逐票电联；\n三次联系不上登记问题件并拍照留证。"),
    ("派件时效节点", "收派件延迟", "10元，超1小时后每30分钟加10元",
     "客户预约的上门时间必须准时到达；确实延误须提前 30 分钟电话告知并取得同意。",
     "接单后立即在系统确认预约时间；路上有延误先打电话，再在工单备注里写明。"),
    ("取件流程", "揽收不及时", "2元/票",
     "客户下单后 2 小时内联系，当天 17:00 前的订单当天揽收。",
     "开着接单提醒；自己去不了的单子 30 分钟内转给片区同事并告知客服。"),
    ("取件流程", "出港超时", "1-5元/票",
     "揽收件当日 19:00 前交回网点并完成出港扫描，赶上末班车。",
     "18:30 前回网点交件；大客户件提前约好揽收时间。"),
    ("取件流程", "虚假揽收", "50元/票",
     "未实际取到货物不得在系统做揽收扫描。",
     "只在拿到货、称完重后才扫揽收；客户未备好货就改约时间。"),
    ("操作", "遗失", "500元/票",
     "快件从到件到签收全程有扫描记录，车辆离开必须锁箱。",
     "不把件留在无人看管的车上；每天收工核对“在途未签收”数量。"),
    ("操作", "破损", "赔偿+10-50元",
     "易碎件轻拿轻放、单独放置；外包装破损的件签收前当面验货。",
     "发现外包装破损先拍照并上报问题件，不要直接派送。"),
    ("操作", "回单丢失", "50元/票",
     "签回单件当场让客户签字盖章，当天交回网点登记。",
     "回单放专用文件袋；收工时与客服当面交接并签字。"),
    ("操作", "手机关机超过 30 分钟", "10元/次",
     "工作时间手机保持开机、有电，客户和客服能随时联系到。",
     "车上常备充电宝；没电前先告诉客服并留备用号码。"),
    ("客服", "虚假电联", "5-20元",
     "系统记录的电话联系必须真实拨打，通话记录可查。",
     "用工作手机通过系统拨号；客户未接就发短信并备注。"),
    ("客服", "查件/投诉 1 小时内未回电", "10元/次",
     "客服转来的查件、投诉须在 1 小时内给客户回电并在工单回复结果。",
     "收到工单提醒先回电再继续派件；处理不了的当场告诉客服。"),
    ("客服", "工单超时未回复", "5-50元/单",
     "总部工单在时限内首次回复（一般 2 小时），72 小时内处理完毕。",
     "每天开工和午休各看一次工单列表；快到期的工单优先处理。"),
    ("客服", "虚报问题件", "50元/次",
     "问题件必须真实、原因写清楚，有照片或通话记录为证。",
     "登记问题件前先打电话确认；写清原因并附照片。"),
    ("中转", "分错件未上报", "10元/票",
     "发现分错件 1 小时内上报并转回正确网点。",
     "分拣时看清三段码；错件立即在系统登记，不要私下带走。"),
    ("中转", "未及时中转", "10元/票，丢失全额赔偿",
     "需中转的件当班次发出，交接时双方扫描确认。",
     "收工前检查待中转区，没发走的件当场补发并报备。"),
    ("财务", "重量不符 / 运费错", "10元/票+补运费",
     "揽收时当面过秤并如实录入重量、体积。",
     "随身带电子秤，大件量尺寸；重量有疑问拍照留存。"),
    ("财务", "漏写代收货款", "10元/票，全额赔偿",
     "代收货款件揽收时核对金额并录入系统，派送时收款后再签收。",
     "代收件单独放、单独派；签收前先确认已收款。"),
    ("财务", "私自卖件 / 冒用工号", "100元/票",
     "只用本人工号操作，不得私自处理、变卖客户快件。",
     "工号密码不外借；离开手持终端要退出登录。"),
    ("财务", "乱收费", "100-500元",
     "按总部公布的价格收费，不得加收上楼费、保管费等。",
     "收费前把价格表给客户看；有额外服务先说明并取得同意。"),
    ("数据", "漏扫 / 上传不及时 / 无出仓扫描", "10元/票",
     "每一票的到件、出仓、签收扫描都要做，离线扫描联网后 10 分钟内上传。",
     "出仓前在手持终端核对数量；信号差的地方出来后先手动上传。"),
    ("数据", "签收照片/定位不合格", "5-20元",
     "签收照片须看清面单和放置位置，定位在收件地址 500 米内。",
     "拍照时面单朝上、带门牌；在门口完成签收，不要回车上补签。"),
    ("数据", "问题件漏登记", "10元/票",
     "当天无法派送的件必须登记问题件并写明原因。",
     "收工前把没派出去的件逐票登记，写清原因和下次派送时间。"),
    ("投诉", "虚假签收", "50-200元/票",
     "未送到客户手中或未经同意不得在系统签收；签收率按每万票考核。",
     "联系不上的件登记问题件，不要先签收再补送；驿站件让客户确认后再签。"),
    ("投诉", "未经同意放驿站/快递柜/门口", "10元/票，丢失全额赔偿",
     "放驿站、快递柜或门口前必须取得客户同意，并保留通话或短信记录。",
     "先打电话问客户放哪里；没接就发短信，得到回复再放。"),
    ("投诉", "无故拒收派件", "50元/票",
     "网点到件不得无故拒收，超区件按流程转出。",
     "拿不准的件先问组长；超区件当天在系统登记转出。"),
    ("投诉", "服务态度差", "100元/次",
     "对客户礼貌，不说脏话，不与客户争吵；有矛盾交给客服处理。",
     "遇到情绪激动的客户先道歉、记下诉求，回网点交给客服跟进。"),
    ("投诉", "与客户争执/打架", "100-200元；情节严重500元并辞退",
     "任何情况下不得与客户发生肢体冲突。",
     "离开现场，打电话给组长；必要时报警并保留录音。"),
    ("投诉", "升级投诉 / 12305 申诉", "200-1000元/件",
     "客户投诉当天处理，避免升级到 12305；升级投诉率按每百万票考核。",
     "投诉当天回电并给出解决办法；处理不了的当天上报网点负责人。"),
]
# fmt: on

CATEGORIES = ("派件时效节点", "取件流程", "操作", "客服", "中转", "财务", "数据", "投诉")


def sample_handbook(*, is_sample: bool = False, branch: str = BRANCH) -> Handbook:
    """About 30 realistic items in the eight categories; a few with HQ codes or flagged."""
    chapters: dict[str, list[Entry]] = {c: [] for c in CATEGORIES}
    for i, (category, cause, fine, standard, avoidance) in enumerate(ITEMS, start=1):
        chapters[category].append(
            Entry(
                id=i,
                category=category,
                cause=cause,
                fine=fine,
                standard=standard,
                avoidance=avoidance,
                hq_code=f"ZT-{i:03d}" if i % 4 == 0 else None,
                fine_flagged="；" in fine,
            )
        )
    return Handbook(
        branch=branch,
        version="2026-11-20",
        printed=PRINTED,
        chapters=tuple(Chapter(name, tuple(entries)) for name, entries in chapters.items()),
        is_sample=is_sample,
    )


_PHRASES = (
    "到件后先扫描出仓",
    "按路线顺序派送",
    "联系不上客户时登记问题件",
    "拍照留证并上传系统",
    "当天核对在途未签收数量",
    "放驿站前先取得客户同意",
    "有延误提前三十分钟电话告知",
    "交接时双方扫描确认",
    "收工前与客服当面交接",
    "按总部价格表收费",
    "代收货款签收前先确认已收款",
    "易碎件单独放置轻拿轻放",
    "工号密码不得外借",
    "超区件当天转出",
    "工单两小时内首次回复",
)
_CAUSE_WORDS = ("派送", "揽收", "签收", "中转", "扫描", "回单", "问题件", "代收", "工单", "投诉")


def _text(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(rng.choice(_PHRASES))
    return "，".join(parts)[: target - 1].rstrip("，") + "。"


def generated_handbook(
    items: int = 300, categories: int = 8, *, seed: int = 1, markers: bool = False
) -> Handbook:
    """`items` items in `categories` categories with realistic text lengths: causes 10–20
    characters, standards and avoidance 40–120. With `markers`, each avoidance text starts
    with a line B0001 and ends with a line E0001 (the entry id), to find where a row lands."""
    rng = random.Random(seed)
    names = [CATEGORIES[i % len(CATEGORIES)] + ("" if i < 8 else str(i)) for i in range(categories)]
    chapters: list[list[Entry]] = [[] for _ in names]
    fines = ("10元/票", "50元/次", "100-200元", "赔偿+10元", "500元并辞退", "计入KPI考核")
    for i in range(1, items + 1):
        k = (i - 1) * categories // items
        cause = (rng.choice(_CAUSE_WORDS) + _text(rng, 10, 20))[: rng.randint(10, 20)]
        avoidance = _text(rng, 40, 120)
        if markers:
            avoidance = f"B{i:04d}\n{avoidance}\nE{i:04d}"
        chapters[k].append(
            Entry(
                id=i,
                category=names[k],
                cause=cause,
                fine=rng.choice(fines),
                standard=_text(rng, 40, 120),
                avoidance=avoidance,
                hq_code=f"HQ-{i:04d}" if i % 5 == 0 else None,
            )
        )
    return Handbook(
        branch=BRANCH,
        version="2026-11-20",
        printed=PRINTED,
        chapters=tuple(Chapter(n, tuple(e)) for n, e in zip(names, chapters, strict=True)),
    )


def sample_exam(seed: int = 4711) -> Exam:
    """Four questions of each kind from the sample items; every answer and explanation of
    the fill-in questions is distinctive text that appears nowhere else on the paper."""
    book = sample_handbook()
    entries = [e for c in book.chapters for e in c.entries]
    questions: list[Question] = []
    number = 1
    for e in entries[:4]:
        questions.append(
            Question(
                number,
                "fine",
                f"“{e.cause}”的处罚金额是多少？",
                (),
                e.fine,
                e.id,
                e.category,
                explanation=f"依据{e.category}第{e.id}条：{e.fine}",
            )
        )
        number += 1
    for e in entries[4:8]:
        others = [x.standard for x in entries if x.id != e.id][e.id : e.id + 3]
        options = (e.standard, *others)
        questions.append(
            Question(
                number,
                "choice",
                f"“{e.cause}”的操作标准是哪一项？",
                options,
                "A",
                e.id,
                e.category,
                explanation=f"标准答案说明{e.id}：{e.standard[:12]}",
            )
        )
        number += 1
    for j, e in enumerate(entries[8:12]):
        fine = e.fine if j % 2 == 0 else "1元/票"
        questions.append(
            Question(
                number,
                "judge",
                f"“{e.cause}”的处罚金额是{fine}。",
                (),
                "T" if j % 2 == 0 else "F",
                e.id,
                e.category,
                explanation=f"判断依据{e.id}：实际为{e.fine}",
            )
        )
        number += 1
    return Exam(
        title="新人考卷",
        seed=seed,
        categories=(),
        questions=tuple(questions),
        points=5,
    )


def sample_results(count: int = 12) -> list[ResultRow]:
    names = ("张伟", "李娜", "王强")
    rows = []
    for i in range(count):
        total = 60
        rows.append(
            ResultRow(
                employee=names[i % 3],
                taken_at=datetime(2026, 11, 1 + i % 20, 9 + i % 8, 15),
                mode="quiz" if i % 3 else "copy",
                score=total - 5 * (i % 5),
                total=total,
                seed=1000 + i if i % 3 else None,
                categories=("派件时效节点", "客服") if i % 4 == 0 else (),
            )
        )
    return rows


def unembedded_fonts(path: object) -> list[str]:
    """The fonts a PDF names without embedding them (a print shop's check refuses those)."""
    from pypdf import PdfReader

    found = []
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():  # type: ignore[union-attr]
            font = ref.get_object()
            if "/FontDescriptor" not in font:
                found.append(str(font["/BaseFont"]))
    return found
