"""Problem-parcel slips as plain data: the lines, the courier slips and their labels.

Kept apart from `slips` (which reads and matches HQ lists) so the slips document can be built
from this data without importing the service that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from branchdesk.i18n import tr

# How a parcel was matched to its courier.
BY_COLUMN = "column"
BY_WAYBILL = "waybill"
BY_ADDRESS = "address"
AMBIGUOUS = "ambiguous"
UNMATCHED = "none"
HOW = (BY_COLUMN, BY_WAYBILL, BY_ADDRESS, AMBIGUOUS, UNMATCHED)

# Problem kinds: what HQ lists call them, most specific first ("超时未签收" is overdue). A
# bare 扫描 counts as a missed scan only when nothing else says what went wrong: "已扫描未签收"
# was scanned and is unsigned.
UNSIGNED = "unsigned"
MISSED_SCAN = "missed_scan"
OVERDUE = "overdue"
OTHER = "other"
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (MISSED_SCAN, ("漏扫", "未扫", "无扫描", "缺扫", "未出仓", "无出仓", "上传")),
    (OVERDUE, ("超时", "延误", "延迟", "逾期", "时效", "滞留")),
    (UNSIGNED, ("未签收", "未签", "无人签收", "无人收货")),
    (MISSED_SCAN, ("扫描",)),
)


def problem_kind(problem: str) -> str:
    """unsigned | missed_scan | overdue | other, from the HQ's wording of the problem."""
    for kind, words in KIND_WORDS:
        if any(word in problem for word in words):
            return kind
    return OTHER


def kind_label(kind: str) -> str:
    """A problem kind as the slip's heading counts it."""
    return {
        UNSIGNED: tr("Unsigned"),
        MISSED_SCAN: tr("Missed scan"),
        OVERDUE: tr("Overdue"),
    }.get(kind, tr("Other"))


def how_label(how: str) -> str:
    """How a parcel was matched, for the preview table and the slip."""
    return {
        BY_COLUMN: tr("courier column"),
        BY_WAYBILL: tr("waybill list"),
        BY_ADDRESS: tr("address"),
        AMBIGUOUS: tr("to check"),
    }.get(how, tr("unmatched"))


@dataclass(frozen=True)
class SlipLine:
    """One problem parcel on a courier's slip."""

    waybill: str
    problem: str
    address: str | None
    recipient: str | None
    phone: str | None
    date: date | None
    courier: str | None
    how: str  # column | waybill | address | ambiguous | none
    candidates: tuple[str, ...] = ()  # ambiguous: every courier of the tie, best first
    row: int | None = None  # the row in the HQ list


@dataclass(frozen=True)
class CourierSlip:
    """One courier's part of the printout; `courier` None is the unmatched section."""

    courier: str | None
    phone: str | None
    lines: tuple[SlipLine, ...]

    def counts(self) -> dict[str, int]:
        """Parcels per problem kind, in the order unsigned, missed scan, overdue, other. A
        parcel listed with two problems (未签收；派送超时, a waybill on two rows) is counted
        under each, so the kinds may add up to more than the parcels."""
        found = {UNSIGNED: 0, MISSED_SCAN: 0, OVERDUE: 0, OTHER: 0}
        for line in self.lines:
            for kind in {problem_kind(p) for p in line.problem.split("；") if p} or {OTHER}:
                found[kind] += 1
        return {k: n for k, n in found.items() if n}
