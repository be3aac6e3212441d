"""查件's results: the couriers for the address and the waybills found, with their models.

Apart from the page (lookup_page.py) so that its search box can be built in the start-up look,
before the first paint: these tables and the first use of Qt's enums (some 25 ms) come when
the page is first shown or answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from branchdesk.lookup.levels import level_text
from branchdesk.ui.kit.models import Column, HighlightFirstModel, RowsModel
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.lookup import confidence

if TYPE_CHECKING:
    from branchdesk.lookup.service import CourierHit, LookupResult, WaybillHit


def _level(c: CourierHit) -> str:
    return c.match.level if c.match else "none"


COURIER_COLUMNS: list[Column[CourierHit]] = [
    Column("Courier", lambda c: c.name),
    Column("Confidence", lambda c: level_text(_level(c))),
    Column("Employee no.", lambda c: c.employee_no),
    Column("Phone", lambda c: c.phone),
    Column("Segment code", lambda c: c.segment_code),
    Column("Station", lambda c: c.station),
    Column("Rule", lambda c: c.rule),
    Column("Read as", lambda c: c.match.rule if c.match else ""),
    Column("Why", lambda c: c.reason),
]
CONFIDENCE_COLUMN = 1


class CourierModel(HighlightFirstModel["CourierHit"]):
    """Courier candidates with their confidence in words and colour; tied ones marked, and
    every one when the answer has a caution (a district no table knows)."""

    def __init__(self) -> None:
        super().__init__(COURIER_COLUMNS)
        self.tied: set[int] = set()
        self.check = False

    def set_result(self, result: LookupResult | None) -> None:
        couriers = result.couriers if result else []
        self.check = bool(result and result.caution)
        top = couriers[0].score if couriers else None
        self.tied = (
            {c.courier_id for c in couriers if c.score == top}
            if result and result.ambiguous
            else set()
        )
        self.set_rows(couriers)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
            and index.isValid()
            and index.column() == CONFIDENCE_COLUMN
            and 0 <= index.row() < len(self.rows)
        ):
            row = self.rows[index.row()]
            return level_text(_level(row), row.courier_id in self.tied, self.check)
        return super().data(index, role)

    def extra_data(self, row: CourierHit, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == CONFIDENCE_COLUMN:
            tied = row.courier_id in self.tied
            return QBrush(confidence.colour(_level(row), tied, self.check))
        return super().extra_data(row, column, role)


WAYBILL_COLUMNS: list[Column[WaybillHit]] = [
    Column("Waybill no.", lambda w: w.number),
    Column("Carrier", lambda w: w.carrier),
    Column("Recipient", lambda w: w.recipient),
    Column("Phone", lambda w: w.phone),
    Column("Address", lambda w: w.address),
    Column("Status", lambda w: w.status),
    Column("Date", lambda w: w.event_date.isoformat() if w.event_date else ""),
    Column("Courier", lambda w: w.courier),
    Column("Sender", lambda w: w.sender),
]


class LookupResults(QSplitter):
    """The couriers (with the route under them) above the waybills."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.route_label = QLabel()
        self.route_label.setObjectName("routeLabel")
        self.route_label.setWordWrap(True)
        self.courier_model = CourierModel()
        self.waybill_model: RowsModel[WaybillHit] = RowsModel(WAYBILL_COLUMNS)
        self.courier_view = read_only_table(self.courier_model)
        self.waybill_view = read_only_table(self.waybill_model)
        couriers_box = QWidget()
        cl = QVBoxLayout(couriers_box)
        cl.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Couriers for this address"))
        title.setFont(QFont(title.font().family(), title.font().pointSize(), QFont.Weight.Bold))
        cl.addWidget(title)
        cl.addWidget(self.courier_view)
        cl.addWidget(self.route_label)
        waybills_box = QWidget()
        wl = QVBoxLayout(waybills_box)
        wl.setContentsMargins(0, 0, 0, 0)
        self.waybill_title = QLabel(self.tr("Waybills"))
        self.waybill_title.setFont(title.font())
        wl.addWidget(self.waybill_title)
        wl.addWidget(self.waybill_view)
        self.addWidget(couriers_box)
        self.addWidget(waybills_box)
        self.setSizes([260, 340])

    def set_result(self, result: LookupResult | None, limit: int) -> None:
        self.courier_model.set_result(result)
        self.waybill_model.set_rows(result.waybills if result else [])
        count = len(result.waybills) if result else 0
        if count >= limit:
            self.waybill_title.setText(
                self.tr("Waybills (newest {count}; type more to narrow down)").format(count=count)
            )
        else:
            self.waybill_title.setText(self.tr("Waybills ({count})").format(count=count))
