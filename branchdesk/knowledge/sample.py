"""The knowledge base of the sample branch: a dozen FAQ entries on the questions a branch meets
every day (破损, 延误, 改地址, 到付, 签收未收到 …), two FAQ gaps from searches that found nothing,
and one suggestion waiting for the owner.

The entries come in through the FAQ import (one undoable sample batch, like the sample
tables); the answers are examples (FACTS.md marks the estimated figures), to be replaced by
the branch's own.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.i18n import tr
from branchdesk.io.importing import get_kind, run_import, validate
from branchdesk.io.reader import RawSheet
from branchdesk.knowledge import suggestions
from branchdesk.knowledge.models import SearchMiss
from branchdesk.knowledge.text import normalise_query

HEADERS = ["问题", "答案", "分类", "标签", "负责人"]

# (question, answer, category, tags)
FAQ: tuple[tuple[str, str, str, str], ...] = (
    (
        "快件破损客户要求赔偿怎么办",
        "先安抚：“{客户称呼}您好，给您添麻烦了。”请客户拍下物品和外包装照片（含面单），"
        "登记运单号 {运单号} 报破损工单；保价件按保价金额理赔，未保价件按总部规定赔付。"
        "告诉客户 48 小时内给处理结果。",
        "破损",
        "破损 理赔 损坏 照片",
    ),
    (
        "物流几天没更新，客户催件怎么回复",
        "先查件：运单 {运单号} 最后一条扫描在哪个环节。已到网点的，报业务员 {业务员}"
        "（{业务员电话}）和预计派送时间 {预计到达}；未到网点的，说明中转情况并承诺有更新"
        "后主动回电。1 小时内必须回电。",
        "延误",
        "延误 催件 没更新 物流",
    ),
    (
        "客户要改收件地址能改吗",
        "只有快件还没派出时能改。先在系统查状态：未出仓的，提交改址工单并通知业务员；"
        "已派出的，请客户与业务员 {业务员}（{业务员电话}）约定改派，不能承诺一定改成。",
        "改地址",
        "改地址 改址 修改地址",
    ),
    (
        "到付件收件人拒付运费怎么办",
        "先问清拒付原因。收件人坚持不付的，联系寄件人：同意改寄付的在系统改付款方式后派送；"
        "不同意的按拒收退回，运费由寄件人承担。不得让业务员自行垫付。",
        "到付",
        "到付 拒付 运费",
    ),
    (
        "显示已签收但客户说没收到怎么办",
        "1. 查签收照片和定位；2. 联系业务员 {业务员}（{业务员电话}）核实放在哪里"
        "（驿站、快递柜、门口、代收人）；3. 30 分钟内回电客户。确属虚假签收的，"
        "按处罚手册“虚假签收”处理，并当天派送到客户手中。",
        "签收未收到",
        "签收 没收到 虚假签收 未收到",
    ),
    (
        "客户不同意放驿站怎么办",
        "放驿站、快递柜必须先征得客户同意。客户不同意的，通知业务员送货上门；"
        "已放的，请业务员取回重新派送，并向客户致歉。",
        "驿站",
        "驿站 快递柜 送货上门 代收点",
    ),
    (
        "快件丢失多久能理赔",
        "先在网内查找 48 小时。仍找不到的按遗失处理：保价件按保价金额赔，未保价件按总部"
        "规定赔付。跟客户说清时间：查找 48 小时，理赔结果 72 小时内。",
        "遗失",
        "丢失 遗失 丢件 理赔",
    ),
    (
        "客户拒收快件怎么处理",
        "问清拒收原因并登记。破损拒收按破损流程拍照；其他原因的，联系寄件人选择退回或"
        "暂存，暂存不超过 3 天。",
        "拒收",
        "拒收 退回 暂存",
    ),
    (
        "查件或投诉电话多久内要回电",
        "网点规定 1 小时内回电；超时按处罚手册“查件/投诉 1 小时内未回电”处理。"
        "回电时说明：现在的状态、已经做了什么、什么时候给结果。",
        "投诉",
        "回电 投诉 时限 1小时",
    ),
    (
        "寄新疆西藏青海几天能到",
        "一般 5–7 天（示例时效，以本网点时效表为准）。可在查询页输入目的地看到达天数。",
        "时效",
        "新疆 西藏 青海 时效 几天",
    ),
    (
        "称重和下单重量不一致运费怎么算",
        "以网点复称重量为准，差额在系统补收或退还，并告诉客户复称重量。"
        "少收的运费不得由业务员垫付。",
        "运费",
        "重量 运费 补收 称重",
    ),
    (
        "代收货款什么时候到账",
        "客户签收后按总部结算周期打款给寄件人（示例：签收后 3–7 个工作日）。"
        "查询请报运单号 {运单号}。漏写代收货款的，立即报网点负责人。",
        "代收货款",
        "代收货款 到账 结算",
    ),
)

# (query, how many times, by whom) — searches that found nothing
GAPS: tuple[tuple[str, int, str], ...] = (
    ("冷链生鲜能不能寄", 3, ""),
    ("电子发票怎么开", 2, ""),
)


def _sheet() -> RawSheet:
    rows: list[list[object]] = [list(HEADERS)]
    rows.extend([q, a, c, t, "店主"] for q, a, c, t in FAQ)
    return RawSheet(file=Path("示例-常见问题.xlsx"), name="常见问题", rows=rows)


# Who asked the sample's searches when the branch has no sample agents (data, like "sample").
SAMPLE_AUTHOR = "示例"


def load_sample_knowledge(session: Session, agents: list[str] | None = None) -> str:
    """Load the sample FAQ, gaps and a suggestion; returns a line for the sample summary."""
    raw = _sheet()
    prepared = validate(raw, get_kind("faq"))
    report = run_import(
        session, raw.file, "faq", prepared=prepared, is_sample=True, created_by="sample"
    )
    names = agents or [SAMPLE_AUTHOR]
    now = utcnow()
    for query, times, _who in GAPS:
        for n in range(times):
            session.add(
                SearchMiss(
                    query=query,
                    normalised=normalise_query(query),
                    agent=names[n % len(names)],
                    at=now - timedelta(days=n, hours=2),
                )
            )
    suggestions.propose(
        session,
        "总部通知：虚假签收的罚款从下月起调整，请核对手册里的金额。",
        item_kind="handbook",
        item_title="虚假签收",
        author=names[0],
    )
    session.flush()
    return tr(
        "Sample knowledge base: {faq} FAQ entries, {gaps} FAQ gaps and a suggestion to decide.",
        faq=report.rows_ok,
        gaps=len(GAPS),
    )


def remove_sample_knowledge(session: Session, agents: list[str]) -> None:
    """Forget the searches and suggestions of the sample's agents (移除示例数据); the sample FAQ
    goes with its import, undone like the sample's other imports."""
    from sqlalchemy import delete

    from branchdesk.knowledge.models import SearchMiss, Suggestion

    names = [*agents, SAMPLE_AUTHOR]
    session.execute(delete(SearchMiss).where(SearchMiss.agent.in_(names)))
    session.execute(delete(Suggestion).where(Suggestion.author.in_(names)))
