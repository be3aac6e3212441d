"""Pay in the sample branch: rates the owner might set, so the sample's monthly statements show
pay by volume instead of 0 元 (a real branch sets its own under 团队 › 月度结算)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.pay.models import PayRates
from branchdesk.pay.rates import QcBand, Rates, bands_to_json
from branchdesk.pay.service import now

RATES = Rates(
    per_complaint_fen=300,  # 3 元 per complaint closed
    per_work_order_fen=200,  # 2 元 per HQ work order
    per_contact_fen=50,  # 0.5 元 per contact logged
    bands=(
        QcBand(90, None, 20000),  # QC average ≥ 90: 200 元 bonus
        QcBand(None, 70, -10000),  # under 70: 100 元 deducted
    ),
)


# Who "set" the sample's rates, as the sample's imports are created_by "sample": the mark by
# which 移除示例数据 finds them.
SAMPLE_SETTER = "sample"


def load_sample_rates(session: Session) -> str:
    """Set the sample rates unless the branch has rates; returns a line for the summary."""
    if session.scalar(select(PayRates.id).limit(1)) is not None:
        return ""
    # Written directly, not through set_rates: loading the sample is not the owner changing
    # pay (no PIN asked, nothing audited), and the rates are marked as the sample's.
    session.add(
        PayRates(
            per_complaint_fen=RATES.per_complaint_fen,
            per_work_order_fen=RATES.per_work_order_fen,
            per_contact_fen=RATES.per_contact_fen,
            bands=json.dumps(bands_to_json(RATES.bands)),
            set_at=now(),
            set_by=SAMPLE_SETTER,
        )
    )
    session.flush()
    return tr("Sample pay rates: {rates}.", rates=RATES.describe())


def remove_sample_pay(session: Session, agent_ids: list[int]) -> None:
    """Remove the sample's rates (the branch's own, set later, stay in force) and the sample
    agents' statements and fines."""
    from sqlalchemy import delete

    from branchdesk.pay.models import PayFine, PayStatement

    session.execute(delete(PayRates).where(PayRates.set_by == SAMPLE_SETTER))
    if agent_ids:
        session.execute(delete(PayFine).where(PayFine.agent_id.in_(agent_ids)))
        session.execute(delete(PayStatement).where(PayStatement.agent_id.in_(agent_ids)))
