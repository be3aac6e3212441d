"""数据: the imported tables, the import history and undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.batches import BatchInfo, history, undo_batch
from branchdesk.lookup import tables
from branchdesk.lookup.service import RouteInfo, WaybillHit
from branchdesk.lookup.tables import AreaRow, TimeRow
from branchdesk.permissions import Action
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.models import Column, LazyRowsModel, RowsModel
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.lookup.lookup_results import WAYBILL_COLUMNS


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPage", text)


def _state(batch: BatchInfo) -> str:
    if batch.undone_at:
        return _tr("undone")
    return _tr("replaced") if batch.replaced else _tr("in use")


RULE_KINDS = {
    "building-range": "building range",
    "community": "community / place",
    "road-range": "road, numbers",
    "road": "whole road",
    "town": "town / street",
    "district": "district",
}


def _kind_title(kind: str) -> str:
    """An import's table in words: the import kind's own label (HQ work orders, FAQ
    entries… too, which a list of five here left as "complaints", "faq")."""
    from branchdesk.io.importing import get_kind

    try:
        return _tr(get_kind(kind).label)
    except BranchDeskError:  # a kind this version no longer imports
        return kind


AREA_COLUMNS: list[Column[AreaRow]] = [
    Column("Row", lambda r: r.source_row, align_right=True),
    Column("District", lambda r: r.district),
    Column("Town / street", lambda r: r.town),
    Column("Area as written", lambda r: r.source_text),
    Column("Read as", lambda r: ("⚠ " if r.warning else "") + r.read_as),
    Column("Keyword", lambda r: r.keyword),
    Column("Kind", lambda r: _tr(RULE_KINDS.get(r.kind, r.kind))),
    Column("Numbers", lambda r: r.number_range),
    Column("Side", lambda r: {"odd": "单号", "even": "双号"}.get(r.parity, "")),
    Column("Courier", lambda r: r.courier),
    Column("Segment code", lambda r: r.segment_code),
    Column("Station", lambda r: r.station),
    Column("Sheet", lambda r: r.sheet),
    Column("Read only in part", lambda r: r.warning),
]
READ_AS_COLUMN = 4


class AreaModel(RowsModel[AreaRow]):
    """The area table as each row was read; rows read only in part stand out."""

    def extra_data(self, row: AreaRow, column: int, role: int) -> Any:
        if row.warning and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#ffe9b3"))
        return None


ROUTE_COLUMNS: list[Column[RouteInfo]] = [
    Column("Province", lambda r: r.province),
    Column("City", lambda r: r.city),
    Column("District", lambda r: r.district),
    Column("Route code", lambda r: r.route_code),
    Column("Hub", lambda r: r.hub),
    Column("Transit centre", lambda r: r.transit_center),
    Column("Cut-off time", lambda r: r.cutoff_time),
]
TIME_COLUMNS: list[Column[TimeRow]] = [
    Column("Province", lambda r: r.province),
    Column("City", lambda r: r.city),
    Column("Days (standard)", lambda r: r.days),
    Column("Days (express)", lambda r: r.express_days),
]
HISTORY_COLUMNS: list[Column[BatchInfo]] = [
    Column("No.", lambda b: b.id, align_right=True),
    Column("Time", lambda b: b.created_at.strftime("%Y-%m-%d %H:%M")),
    Column("Table", lambda b: _kind_title(b.kind)),
    Column("File", lambda b: b.file_name + (_tr(" (sample)") if b.is_sample else "")),
    Column("Rows", lambda b: b.rows_ok, align_right=True),
    Column("Skipped", lambda b: b.rows_skipped, align_right=True),
    Column("State", _state),
]


class DataPage(QWidget):
    changed = Signal()
    import_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.area_model: RowsModel[AreaRow] = AreaModel(AREA_COLUMNS)
        self.route_model: RowsModel[RouteInfo] = RowsModel(ROUTE_COLUMNS)
        self.time_model: RowsModel[TimeRow] = RowsModel(TIME_COLUMNS)
        self.waybill_model: LazyRowsModel[WaybillHit] = LazyRowsModel(
            WAYBILL_COLUMNS, self._waybill_page
        )
        self.history_model: RowsModel[BatchInfo] = RowsModel(HISTORY_COLUMNS)
        self.tabs = QTabWidget()
        area_view = read_only_table(self.area_model, single=True, fit_columns=False)
        area_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(area_view, self.tr("Delivery areas"))
        self.tabs.addTab(
            read_only_table(self.route_model, single=True, fit_columns=False), self.tr("Routes")
        )
        self.tabs.addTab(
            read_only_table(self.time_model, single=True, fit_columns=False),
            self.tr("Arrival times"),
        )
        self.waybill_view = read_only_table(self.waybill_model, single=True, fit_columns=False)
        self.tabs.addTab(self.waybill_view, self.tr("Waybills"))
        history_box = QWidget()
        self.history_view = read_only_table(self.history_model, single=True, fit_columns=False)
        self.undo_button = QPushButton(self.tr("Undo the selected import"))
        self.undo_button.clicked.connect(self.undo_selected)
        hl = QVBoxLayout(history_box)
        hl.addWidget(self.history_view)
        hb = QHBoxLayout()
        hb.addStretch(1)
        hb.addWidget(self.undo_button)
        hl.addLayout(hb)
        self.tabs.addTab(history_box, self.tr("Import history"))
        self.import_button = QPushButton(self.tr("Import a table…"))
        self.import_button.clicked.connect(self.import_requested)
        self.counts = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self._loaded = False  # the tables load when the page is first shown

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def _waybill_page(self, offset: int, limit: int) -> list[WaybillHit]:
        with self.db.read_session() as session:
            return tables.waybill_page(session, offset, limit)

    def refresh(self) -> None:
        self._loaded = True
        chosen = self.selected_batch()
        with self.db.read_session() as session:
            self.area_model.set_rows(tables.area_rows(session))
            self.route_model.set_rows(tables.route_rows(session))
            self.time_model.set_rows(tables.time_rows(session))
            self.history_model.set_rows(history(session))
            waybills = tables.waybill_count(session)
        if chosen is not None:  # read again (another program imported): the same import chosen
            row = next(
                (i for i, b in enumerate(self.history_model.rows) if b.id == chosen.id), None
            )
            if row is not None:
                self.history_view.selectRow(row)
        self.waybill_model.reload()
        self.counts.setText(
            self.tr(
                "{areas} area rules · {routes} routes · {times} arrival times · {waybills} waybills"
            ).format(
                areas=len(self.area_model.rows),
                routes=len(self.route_model.rows),
                times=len(self.time_model.rows),
                waybills=waybills,
            )
        )

    def selected_batch(self) -> BatchInfo | None:
        rows = self.history_view.selectionModel().selectedRows()
        return self.history_model.row_at(rows[0].row()) if rows else None

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            QMessageBox.information(
                self, self.tr("Undo import"), self.tr("Select an import in the list first.")
            )
            return
        if not owner.ensure_owner(self, self.db, Action.UNDO_IMPORT):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr(
                "Remove the {rows} row(s) imported from {file}? A table it replaced comes back."
            ).format(rows=batch.rows_ok, file=batch.file_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def undo() -> None:
            with self.db.session() as session:
                undo_batch(session, batch.id)

        try:
            # The PIN once more if the unlock ran out while the question was open.
            owner.retrying(self, self.db, undo)
        except owner.PinCancelled:
            return
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Undo import"), str(exc))
            # Undone (or replaced) by another program meanwhile: the list shows it as it is
            # now, not "in use" until the minute's look.
            self.changed.emit()
            return
        self.refresh()
        self.changed.emit()
