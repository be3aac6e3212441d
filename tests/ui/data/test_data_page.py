"""数据: the imports' history while another program changes it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from branchdesk.io.batches import undo_batch
from branchdesk.ui.shell.main_window import DATA, MainWindow
from tests.ui.conftest import Boxes


def test_an_import_undone_elsewhere_shows_as_undone_when_undoing_it_here_fails(
    qtbot: QtBot, window: MainWindow, boxes: Boxes
) -> None:
    """After the command line undid an import, undoing it here said it was already undone,
    and the list kept showing it in use until the next minute's look (hostile tester)."""
    assert window.db is not None
    window.nav.setCurrentRow(DATA)
    page = window.data_page
    page.ensure_loaded()
    page.history_view.selectRow(0)
    batch = page.selected_batch()
    assert batch is not None and batch.active
    with window.db.session() as session:  # another program, as far as the list knows
        undo_batch(session, batch.id)
    boxes.answer = boxes.answer.Yes
    page.undo_selected()
    assert boxes.shown[-1][0] == "warning"
    shown = [page.history_model.row_at(r) for r in range(page.history_model.rowCount())]
    assert next(b for b in shown if b.id == batch.id).undone_at is not None
