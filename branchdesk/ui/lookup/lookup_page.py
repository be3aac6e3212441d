"""查件: one search box for addresses, waybill numbers and phones, searched as you type."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.lookup.levels import level_text
from branchdesk.lookup.service import CourierHit, LookupResult, WaybillHit, lookup
from branchdesk.ui.kit.models import Column, HighlightFirstModel, RowsModel
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.lookup import confidence

LOOKUP_LIMIT = 50


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


class CourierModel(HighlightFirstModel[CourierHit]):
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


class LookupPage(QWidget):
    """Type anything; couriers, route and waybills update after a short pause."""

    searched = Signal(object)  # LookupResult, for tests and the status bar
    DEBOUNCE_MS = 150

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            self.tr("Address, waybill number, phone or its last 4 digits — e.g. 中山西路37号")
        )
        self.search_box.setClearButtonEnabled(True)
        font = self.search_box.font()
        font.setPointSize(font.pointSize() + 4)
        self.search_box.setFont(font)
        self.search_box.setMinimumHeight(40)
        self.batch_button = QPushButton(self.tr("Batch lookup…"))
        self.batch_button.setToolTip(self.tr("Paste or import a column of addresses (批量分单)"))
        self.batch_button.clicked.connect(self.open_batch)

        self.summary = QLabel()
        self.summary.setObjectName("lookupSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(self._suggestion_clicked)
        self.route_label = QLabel()
        self.route_label.setObjectName("routeLabel")
        self.route_label.setWordWrap(True)

        self.courier_model = CourierModel()
        self.waybill_model: RowsModel[WaybillHit] = RowsModel(WAYBILL_COLUMNS)
        self.courier_view = read_only_table(self.courier_model)
        self.waybill_view = read_only_table(self.waybill_model)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.batch_button)
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
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(couriers_box)
        splitter.addWidget(waybills_box)
        splitter.setSizes([260, 340])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.run_search)
        for keys in ("Ctrl+F", "Ctrl+L"):
            QShortcut(QKeySequence(keys), self, self.focus_search).setWhatsThis(
                self.tr("To the search box")
            )
        # In the box only: Esc in the results cleared the search the agent was reading.
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box, self.search_box.clear)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.setWhatsThis(self.tr("Clear the search box"))
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_box, self.to_results)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.setWhatsThis(self.tr("To the results"))
        self.last_result: LookupResult | None = None
        self.show_result(None)

    def to_results(self) -> None:
        """From the box to the first result (the couriers, else the waybills), selected."""
        for view in (self.courier_view, self.waybill_view):
            if view.isVisible() and view.model().rowCount() > 0:
                view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if not view.currentIndex().isValid():
                    view.selectRow(0)
                return

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def show_query(self, query: str) -> None:
        """Look `query` up now (an area row opened from the knowledge search)."""
        self.search_box.blockSignals(True)
        self.search_box.setText(query)
        self.search_box.blockSignals(False)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.search_box.text()
        if not query.strip():
            self.show_result(None)
            return
        with self.db.read_session() as session:
            result = lookup(session, query, limit=LOOKUP_LIMIT)
        self.show_result(result)

    def show_result(self, result: LookupResult | None) -> None:
        self.last_result = result
        self.courier_model.set_result(result)
        self.waybill_model.set_rows(result.waybills if result else [])
        count = len(result.waybills) if result else 0
        if count >= LOOKUP_LIMIT:
            self.waybill_title.setText(
                self.tr("Waybills (newest {count}; type more to narrow down)").format(count=count)
            )
        else:
            self.waybill_title.setText(self.tr("Waybills ({count})").format(count=count))
        self.summary.setText(self._summary_html(result))
        self.route_label.setText(self._route_text(result))
        self.searched.emit(result)

    def _summary_html(self, result: LookupResult | None) -> str:
        if result is None:
            return self.tr(
                "Type an address to see who delivers there, or a waybill number / phone "
                "number / last 4 digits of a phone to find the parcel."
            )
        parts = []
        if result.couriers and result.ambiguous:
            tied = [c for c in result.couriers if c.score == result.couriers[0].score]
            parts.append(
                self.tr("Could be delivered by: {names}").format(
                    names=" / ".join(
                        f"<b>{html.escape(c.name)}</b> {html.escape(c.phone or '')}" for c in tied
                    )
                )
            )
        elif result.couriers and result.level == "fuzzy":
            best = result.couriers[0]
            meant = result.suggestions[0] if result.suggestions else best.rule
            parts.append(
                self.tr("Did you mean <b>{place}</b>? Then it is <b>{name}</b> {phone}").format(
                    place=html.escape(meant),
                    name=html.escape(best.name),
                    phone=html.escape(best.phone or ""),
                )
            )
        elif result.couriers and result.caution:  # not said as sure: the district is to check
            best = result.couriers[0]
            parts.append(
                self.tr("Could be delivered by: {names}").format(
                    names=f"<b>{html.escape(best.name)}</b> {html.escape(best.phone or '')}"
                )
            )
        elif result.couriers:
            best = result.couriers[0]
            parts.append(
                self.tr("Delivered by <b>{name}</b> {phone}").format(
                    name=html.escape(best.name), phone=html.escape(best.phone or "")
                )
            )
        if result.couriers:
            best = result.couriers[0]
            level = best.match.level if best.match else "none"
            why = best.match.reason if best.match else best.reason
            check = result.caution is not None
            parts.append(confidence.badge(level, result.ambiguous, check) + " " + html.escape(why))
        if result.ambiguous and (len(self.courier_model.tied) >= 2 or not result.tie_reason):
            parts.append(
                "<span style='color:#b00000'>"
                + self.tr(
                    "⚠ Two couriers match equally well — check the house number or "
                    "building, or ask the owner."
                )
                + "</span>"
            )
        elif result.ambiguous and result.tie_reason:
            # One courier, not sure (a landmark, a number the rule needs, an intersection):
            # why, and not "two couriers" with only one listed.
            parts.append(
                "<span style='color:#b00000'>⚠ " + html.escape(result.tie_reason) + "</span>"
            )
        if result.caution:
            parts.append("<span style='color:#b00000'>⚠ " + html.escape(result.caution) + "</span>")
        if not result.couriers and not result.waybills:
            parts.append(
                self.tr("Nothing found for “{query}”.").format(query=html.escape(result.query[:60]))
            )
            if not result.areas_known and result.kind == "text":
                parts.append(
                    self.tr(
                        "No area table has been imported yet: import the branch's area table "
                        "under 数据 (Ctrl+3), and addresses find their couriers."
                    )
                )
        if result.suggestions and (
            (not result.couriers and not result.waybills) or result.level == "district"
        ):  # beside a district's catch-all courier too: 中三西路 may be 中山西路
            links = "、".join(
                f"<a href='{html.escape(s)}'>{html.escape(s)}</a>" for s in result.suggestions
            )
            parts.append(self.tr("Did you mean: {links}").format(links=links))
        return "<br>".join(parts)

    def _route_text(self, result: LookupResult | None) -> str:
        if result is None or result.region is None or result.region.province is None:
            return ""
        r = result.region
        place = "".join(x for x in (r.province, r.city, r.district) if x)
        parts = [self.tr("Destination: {place}").format(place=place)]
        if result.route is not None:
            route = result.route
            parts.append(
                self.tr("Route: {hub} (code {code}, cut-off {cutoff})").format(
                    hub=route.hub or "—",
                    code=route.route_code or "—",
                    cutoff=route.cutoff_time or "—",
                )
            )
        if result.arrival_days:
            parts.append(self.tr("Expected in {days} day(s)").format(days=result.arrival_days))
        return "    ".join(parts)

    def _suggestion_clicked(self, text: str) -> None:
        self.search_box.setText(text)
        self.run_search()

    def open_batch(self) -> None:
        from branchdesk.ui.lookup.batch_dialog import BatchLookupDialog

        BatchLookupDialog(self.db, self).exec()
