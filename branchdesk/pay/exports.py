"""The month's statements as an Excel workbook (io.export's writer): one row per agent in
ranking order, and the fines with their reasons on a second sheet. Amounts in 元 as numbers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from branchdesk.i18n import tr
from branchdesk.io.export import Written, write_sheets
from branchdesk.pay.documents.statement import percent, status_label
from branchdesk.pay.service import Statement

HEADER_LABELS = (
    "Rank",
    "Agent",
    "Employee no.",
    "Complaints closed",
    "Work orders closed",
    "Contacts",
    "Items handled",
    "On-time rate",
    "QC average",
    "QC change from the month before",
    "Items scored",
    "Coaching open",
    "Coaching closed",
    "Days at work",
    "Hours",
    "Pay by volume (元)",
    "QC bonus or deduction (元)",
    "Fines (元)",
    "Total (元)",
    "Status",
    "Approved at",
    "Approved by",
    "Reissue reason",
)
FINE_HEADER_LABELS = ("Agent", "Amount (元)", "Reason")


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


def statement_rows(statements: Sequence[Statement]) -> list[list[object]]:
    rows: list[list[object]] = []
    for n, s in enumerate(statements, 1):
        rows.append(
            [
                n,
                s.agent_name,
                s.employee_no,
                s.complaints_closed,
                s.work_orders_closed,
                s.contacts,
                s.items,
                percent(s.on_time_rate),
                "" if s.qc_average is None else s.qc_average,
                "" if s.qc_trend is None else round(s.qc_trend, 1),
                s.qc_scored,
                s.coaching_open,
                s.coaching_closed,
                s.days,
                s.hours,
                _yuan(s.volume_fen),
                _yuan(s.qc_band_fen),
                _yuan(s.fines_fen),
                _yuan(s.total_fen),
                status_label(s.status),
                f"{s.approved_at:%Y-%m-%d %H:%M}" if s.approved_at else "",
                s.approved_by,
                s.reissue_reason,
            ]
        )
    return rows


def export_statements(statements: Sequence[Statement], path: Path, month: str) -> Written:
    """Write the statements (ranked as given); returns the agent rows written."""
    fines = [
        [s.agent_name, _yuan(int(f["amount_fen"])), str(f["reason"])]
        for s in statements
        for f in s.fines
    ]
    written = write_sheets(
        Path(path),
        [
            (
                tr("Statements {month}", month=month),
                [tr(h) for h in HEADER_LABELS],
                statement_rows(statements),
            ),
            (tr("Fines"), [tr(h) for h in FINE_HEADER_LABELS], fines),
        ],
    )
    return Written(len(statements), written.notes)
