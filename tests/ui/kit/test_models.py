"""Every item model passes Qt's model tester."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from branchdesk.db.engine import Database
from branchdesk.io.batches import history
from branchdesk.lookup import tables
from branchdesk.lookup.couriers import list_couriers
from branchdesk.lookup.service import WaybillHit, lookup
from branchdesk.ui.data import data_page
from branchdesk.ui.kit.models import HighlightFirstModel, LazyRowsModel, RowsModel
from branchdesk.ui.lookup import batch_dialog, lookup_results
from branchdesk.ui.lookup.couriers_page import COLUMNS, CouriersModel


def test_models(qtmodeltester: ModelTester, sample_db: Database) -> None:
    with sample_db.session() as s:
        result = lookup(s, "宁波市海曙区中山西路37号")
        waybills = lookup(s, "万达广场").waybills
        couriers = list_couriers(s)
        areas = tables.area_rows(s)
        routes = tables.route_rows(s)
        times = tables.time_rows(s)
        batches = history(s)
    checks = [
        (HighlightFirstModel(lookup_results.COURIER_COLUMNS), result.couriers),
        (RowsModel(lookup_results.WAYBILL_COLUMNS), waybills),
        (RowsModel(batch_dialog.COLUMNS), [result]),
        (RowsModel(data_page.AREA_COLUMNS), areas),
        (RowsModel(data_page.ROUTE_COLUMNS), routes),
        (RowsModel(data_page.TIME_COLUMNS), times),
        (RowsModel(data_page.HISTORY_COLUMNS), batches),
        (CouriersModel(COLUMNS), couriers),
    ]
    for model, rows in checks:
        assert rows
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model)

    def page(offset: int, limit: int) -> list[WaybillHit]:
        with sample_db.session() as s:
            return tables.waybill_page(s, offset, limit)

    lazy = LazyRowsModel(lookup_results.WAYBILL_COLUMNS, page)
    lazy.PAGE = 150
    lazy.reload()
    assert lazy.rowCount() == 150 and lazy.canFetchMore()  # one page, not all 400
    lazy.fetchMore()
    lazy.fetchMore()
    assert lazy.rowCount() == 400 and not lazy.canFetchMore()
    qtmodeltester.check(lazy)
