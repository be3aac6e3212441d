"""The sample branch (示例网点): a realistic example a new user can explore, then replace.

Everything goes through the normal import pipeline, so the sample is validated like a real
file and each table can be undone from the import history.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk import features
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.importing import get_kind, run_import, validate
from branchdesk.io.models import ImportBatch
from branchdesk.io.reader import RawSheet
from branchdesk.lookup.regions import province_names, short_name
from branchdesk.permissions import Action, require_owner

SAMPLE_TITLE = "示例网点（宁波海曙）— 示例数据，请导入本网点的表格替换"

# (区县, 街道, 负责片区, 门牌范围, 业务员, 工号, 手机, 三段码, 驿站)
# fmt: off
AREA_ROWS: list[tuple[str, ...]] = [
    ("海曙区", "鼓楼街道", "春江花月（晓风苑、江树苑）；姚江路3号-5号", "", "张伟", "NB001", "13805740001", "521-01", "春江花月驿站"),
    ("海曙区", "鼓楼街道", "万达广场(A座,B座)；药行街1-99号单号", "", "李娜", "NB002", "13805740002", "521-02", ""),
    ("海曙区", "鼓楼街道", "药行街2-98号双号；公园路", "", "李娜", "NB002", "13805740002", "521-02", ""),
    ("海曙区", "西门街道", "中山西路", "单号", "王强", "NB003", "13805740003", "521-03", "西门菜鸟驿站"),
    ("海曙区", "西门街道", "中山西路", "双号", "陈静", "NB004", "13805740004", "521-04", ""),
    ("海曙区", "西门街道", "望京路1-150号", "", "陈静", "NB004", "13805740004", "521-04", ""),
    ("海曙区", "西门街道", "望京路151号以后", "", "刘洋", "NB005", "13805740005", "521-05", ""),
    ("海曙区", "西门街道", "环城西路全段、苍松路", "", "刘洋", "NB005", "13805740005", "521-05", ""),
    ("海曙区", "月湖街道", "月湖小区1-12幢", "", "赵敏", "NB006", "13805740006", "521-06", "月湖驿站"),
    ("海曙区", "月湖街道", "月湖小区13-20幢；天一家园1号楼-8号楼", "", "杨帆", "NB007", "13805740007", "521-07", ""),
    ("海曙区", "月湖街道", "天一家园9号楼-16号楼", "", "赵敏", "NB006", "13805740006", "521-06", "月湖驿站"),
    ("海曙区", "南门街道", "解放南路", "1-200号", "杨帆", "NB007", "13805740007", "521-07", ""),
    ("海曙区", "南门街道", "解放南路201号以上", "", "王强", "NB003", "13805740003", "521-03", ""),
    ("海曙区", "南门街道", "柳汀街；开明街单号", "", "张伟", "NB001", "13805740001", "521-01", ""),
    ("海曙区", "南门街道", "开明街双号；华联大厦(A座、B座、C座)", "", "黄磊", "NB008", "13805740008", "521-08", ""),
    ("海曙区", "白云街道", "泰和花园1-6栋；丽园北路1~300号", "", "黄磊", "NB008", "13805740008", "521-08", ""),
    ("海曙区", "白云街道", "泰和花园7-12栋；南苑新村", "", "周杰", "NB009", "13805740009", "521-09", ""),
    ("海曙区", "白云街道", "镇明路1至120号", "", "周杰", "NB009", "13805740009", "521-09", ""),
    ("海曙区", "石碶街道", "石碶街道", "", "吴刚", "NB010", "13805740010", "521-10", "石碶驿站"),
    ("海曙区", "集士港镇", "集士港镇", "", "吴刚", "NB010", "13805740010", "521-10", ""),
    ("海曙区", "段塘街道", "段塘街道；雅戈尔大道全线", "", "周杰", "NB009", "13805740009", "521-09", ""),
    ("海曙区", "", "海曙区", "", "张伟", "NB001", "13805740001", "521-00", ""),
]
# fmt: on

AREA_HEADERS = ["区县", "街道", "负责片区", "门牌范围", "业务员", "工号", "手机", "三段码", "驿站"]

NEIGHBOURS = {"江苏", "上海", "安徽", "江西", "福建"}
FAR = {"新疆", "西藏", "青海"}
HUBS = {
    "浙江": "杭州转运中心",
    "江苏": "南京转运中心",
    "上海": "上海转运中心",
    "广东": "广州转运中心",
    "北京": "北京转运中心",
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "桂英",
    "建华",
    "晓红",
    "志强",
    "海燕",
    "文博",
    "子涵",
]
STATUSES = ["派件中", "已签收", "待派件", "驿站已入库", "问题件", "已签收", "已签收"]

# address templates that the sample area table covers, with the courier who delivers them
ADDRESS_FORMS: list[tuple[str, str]] = [
    ("春江花月晓风苑{b}幢{u}室", "张伟"),
    ("春江花月江树苑{b}幢{u}室", "张伟"),
    ("姚江路{n35}号", "张伟"),
    ("万达广场A座{u}室", "李娜"),
    ("药行街{odd}号", "李娜"),
    ("药行街{even}号", "李娜"),
    ("中山西路{odd}号", "王强"),
    ("中山西路{even}号", "陈静"),
    ("望京路{n150}号", "陈静"),
    ("望京路{n151}号", "刘洋"),
    ("环城西路{n}号", "刘洋"),
    ("月湖小区{b12}幢{u}室", "赵敏"),
    ("月湖小区{b20}幢{u}室", "杨帆"),
    ("天一家园{b8}号楼{u}室", "杨帆"),
    ("解放南路{n200}号", "杨帆"),
    ("泰和花园{b6}栋{u}室", "黄磊"),
    ("泰和花园{b12}栋{u}室", "周杰"),
    ("石碶街道星光村{n}号", "吴刚"),
    ("镇明路{n120}号", "周杰"),
]


def _area_sheet() -> RawSheet:
    rows: list[list[object]] = [[SAMPLE_TITLE], list(AREA_HEADERS)]
    rows.extend(list(r) for r in AREA_ROWS)
    return RawSheet(file=Path("示例-派件区域表.xlsx"), name="派件区域表", rows=rows)


def _route_sheet() -> RawSheet:
    rows: list[list[object]] = [
        ["目的省", "目的市", "一段码", "目的分拨中心", "中转中心", "截单时间"]
    ]
    for n, province in enumerate(province_names()):
        short = short_name(province)
        rows.append(
            [
                province,
                "",
                f"{300 + n * 7}",
                HUBS.get(short, f"{short}分拨中心"),
                "杭州转运中心",
                "18:30" if short in ("浙江", "上海", "江苏") else "17:00",
            ]
        )
    rows.append(["浙江省", "宁波市", "574", "宁波分拨中心", "宁波转运中心", "20:00"])
    return RawSheet(file=Path("示例-发件路由表.xlsx"), name="发件路由表", rows=rows)


def _time_sheet() -> RawSheet:
    rows: list[list[object]] = [["省份", "城市", "标准时效", "特快时效"]]
    for province in province_names():
        short = short_name(province)
        if short == "浙江":
            days, express = "1", 1
        elif short in NEIGHBOURS:
            days, express = "2", 1
        elif short in FAR:
            days, express = "5-7", 4
        elif short in ("香港", "澳门", "台湾"):
            days, express = "4-6", 3
        else:
            days, express = "3-4", 2
        rows.append([province, "", days, express])
    rows.append(["浙江省", "宁波市", "1", 1])
    return RawSheet(file=Path("示例-到达时效表.xlsx"), name="到达时效表", rows=rows)


def _waybill_number(rng: random.Random, carrier: str) -> str:
    def d(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    return {
        "中通": lambda: "7" + rng.choice("34568") + d(12),
        "圆通": lambda: "YT" + d(13),
        "申通": lambda: "77" + d(13),
        "韵达": lambda: "4" + d(14),
        "极兔": lambda: "JT" + d(13),
        "顺丰": lambda: "SF" + rng.choice("0123456789") + d(12),
        "京东": lambda: "JDX" + rng.choice("0123456789") + d(11),
        "邮政": lambda: "9" + d(12),
    }[carrier]()


def _fill(form: str, rng: random.Random) -> str:
    return form.format(
        b=rng.randint(1, 20),
        b12=rng.randint(1, 12),
        b20=rng.randint(13, 20),
        b8=rng.randint(1, 8),
        b6=rng.randint(1, 6),
        b12b=rng.randint(7, 12),
        u=f"{rng.randint(1, 18)}0{rng.randint(1, 4)}",
        n=rng.randint(1, 400),
        n35=rng.randint(3, 5),
        n150=rng.randint(1, 150),
        n151=rng.randint(151, 400),
        n120=rng.randint(1, 120),
        n200=rng.randint(1, 200),
        odd=rng.randrange(1, 99, 2),
        even=rng.randrange(2, 98, 2),
    ).replace("{b12}", "")


def waybill_rows(count: int, seed: int = 20261122, today: date | None = None) -> list[list[object]]:
    """`count` waybill rows (运单号, 快递公司, 收件人, 收件电话, 收件地址, 状态, 日期, 派件员)."""
    rng = random.Random(seed)
    today = today or date.today()
    carriers = ["中通", "中通", "中通", "圆通", "申通", "韵达", "极兔", "顺丰", "京东", "邮政"]
    rows: list[list[object]] = []
    for _ in range(count):
        carrier = rng.choice(carriers)
        form, courier = rng.choice(ADDRESS_FORMS)
        prefix = rng.choice(["浙江省宁波市海曙区", "宁波市海曙区", "海曙区", "浙江宁波海曙"])
        phone = f"1{rng.choice('3456789')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
        rows.append(
            [
                _waybill_number(rng, carrier),
                carrier,
                rng.choice(SURNAMES) + rng.choice(GIVEN),
                phone,
                prefix + _fill(form, rng),
                rng.choice(STATUSES),
                (today - timedelta(days=rng.randint(0, 13))).isoformat(),
                courier,
            ]
        )
    return rows


def _waybill_sheet(count: int) -> RawSheet:
    from branchdesk.team.sample import sender_columns

    rows: list[list[object]] = [
        # The sending customer (寄件人) last, as some HQ exports have it.
        [
            "运单号",
            "快递公司",
            "收件人",
            "收件电话",
            "收件地址",
            "状态",
            "日期",
            "派件员",
            "寄件人",
            "寄件人电话",
        ]
    ]
    senders = sender_columns(count)
    rows.extend(
        row + list(sender) for row, sender in zip(waybill_rows(count), senders, strict=True)
    )
    return RawSheet(file=Path("示例-运单列表.xlsx"), name="运单", rows=rows)


def has_sample(session: Session) -> bool:
    return (
        session.scalar(
            select(ImportBatch.id)
            .where(ImportBatch.is_sample.is_(True), ImportBatch.undone_at.is_(None))
            .limit(1)
        )
        is not None
    )


def load_sample_branch(session: Session, waybills: int = 3000) -> str:
    """Import the sample tables; refuses to load twice. Returns a summary for the user."""
    features.load()
    if has_sample(session):
        raise BranchDeskError(
            tr("The sample branch is already loaded. Remove it first (帮助 › 移除示例数据).")
        )
    counts = {}
    for kind, raw in (
        ("areas", _area_sheet()),
        ("routes", _route_sheet()),
        ("times", _time_sheet()),
        ("waybills", _waybill_sheet(waybills)),
    ):
        prepared = validate(raw, get_kind(kind))
        report = run_import(
            session, raw.file, kind, prepared=prepared, is_sample=True, created_by="sample"
        )
        counts[kind] = report.rows_ok
    summary = tr(
        "Loaded the sample branch: {areas} area rows, {routes} routes, {times} arrival times, "
        "{waybills} waybills. It is an example: import your branch's own tables to replace it.",
        **counts,
    )
    from branchdesk.handbook import service as handbook
    from branchdesk.handbook.sample import load_sample_handbook

    if not handbook.entries(session):
        summary += "\n" + load_sample_handbook(session)
    from branchdesk.guides import sample as sample_guides
    from branchdesk.guides.service import search_guides

    if not search_guides(session):
        summary += "\n" + sample_guides.load_sample_guides(session)
    from branchdesk.team.sample import load_sample_team

    team = load_sample_team(session)  # four agents, their customers, a month of contacts
    if team:
        summary += "\n" + team

    # After the sample team and its work (nothing happens without a team).
    from branchdesk.qc.sample import load_sample_qc

    qc_summary = load_sample_qc(session)
    if qc_summary:
        summary += "\n" + qc_summary
    from branchdesk.pay.sample import load_sample_rates

    rates = load_sample_rates(session)
    if rates:
        summary += "\n" + rates
    # Training: the new hire's plan and drills on the tables above.
    from branchdesk.training.sample import load_sample_training

    training = load_sample_training(session)
    if training:
        summary += "\n" + training

    # The knowledge base: sample FAQ entries, two FAQ gaps, a suggestion (after the team).
    from branchdesk.knowledge.sample import load_sample_knowledge
    from branchdesk.team import agents as team_agents
    from branchdesk.team.sample import sample_agent_ids

    ours = set(sample_agent_ids(session))  # never the branch's own agents
    names = [a.name for a in team_agents.list_agents(session) if a.id in ours]
    summary += "\n" + load_sample_knowledge(session, names)
    return summary


def remove_sample_branch(session: Session) -> str:
    """移除示例数据: undo every sample import (tables, waybills, handbook, customers) and remove
    the sample guides, team, complaints, QC records, training and pay rates, keeping everything
    of the branch's own (an agent the owner has edited is the branch's own). An owner action,
    audited once, and once for each import undone; returns a summary for the user."""
    from branchdesk.complaints.sample import remove_sample_complaints
    from branchdesk.guides.sample import remove_sample_guides
    from branchdesk.io.batches import undo_batch
    from branchdesk.pay.sample import remove_sample_pay
    from branchdesk.qc.sample import remove_sample_qc
    from branchdesk.team.sample import remove_sample_team, sample_agent_ids
    from branchdesk.training.sample import remove_sample_training

    features.load()
    batches = list(
        session.scalars(
            select(ImportBatch.id)
            .where(ImportBatch.is_sample.is_(True), ImportBatch.undone_at.is_(None))
            .order_by(ImportBatch.id.desc())
        )
    )
    agents = sample_agent_ids(session)
    if not has_sample_content(session):
        raise BranchDeskError(tr("This branch has no sample data to remove."))
    require_owner(Action.DELETE_RECORDS, session, tr("Sample branch removed"))
    from branchdesk.guides.sample import remove_readings
    from branchdesk.team.agents import list_agents

    names = [a.name for a in list_agents(session, active_only=False) if a.id in set(agents)]
    complaints = remove_sample_complaints(session)
    contacts, rerouted = remove_sample_team(session, complaints)
    remove_readings(session, names)
    from branchdesk.knowledge.sample import remove_sample_knowledge

    remove_sample_knowledge(session, names)
    remove_sample_qc(session, agents, complaints, contacts)
    remove_sample_pay(session, agents)
    remove_sample_training(session, agents)
    guides = remove_sample_guides(session)
    for batch_id in batches:  # newest first: a later sample import is undone before its base
        undo_batch(session, batch_id)
    session.flush()
    summary = tr(
        "Removed the sample branch: {imports} sample import(s) undone, {guides} guide(s), "
        "{agents} agent(s) with their work, {complaints} complaint(s). Your own data is kept.",
        imports=len(batches),
        guides=guides,
        agents=len(agents),
        complaints=len(complaints),
    )
    if rerouted:
        summary += " " + tr(
            "{count} of your open complaint(s) had a sample agent as owner: routed again.",
            count=rerouted,
        )
    return summary


def has_sample_content(session: Session) -> bool:
    """Anything of the sample left: an import not undone, a guide, an agent or a complaint.

    One query, the start-up look's (sample_glance): asked at every start, it imports none of
    the features' sample modules (30-80 ms); a test keeps it equal to each feature's own
    answer (has_sample, has_sample_guides, sample_agent_ids, has_sample_complaints)."""
    from sqlalchemy import text

    from branchdesk.sample_glance import SAMPLE_LEFT

    return bool(session.execute(text(SAMPLE_LEFT)).scalar())
