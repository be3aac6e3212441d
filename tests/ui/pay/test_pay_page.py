"""The pay page on real widgets: the ranking, a statement, the owner's rates and fines,
approval, reissue with a reason, print preview and Excel export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from branchdesk.pay import service
from branchdesk.pay.rates import QcBand, Rates
from branchdesk.permissions import OwnerLock, set_policy
from branchdesk.ui.pay.fines_dialog import FinesDialog
from branchdesk.ui.pay.pay_page import PayPage
from branchdesk.ui.pay.rates_dialog import RatesDialog
from tests.ui.conftest import Boxes, type_text
from tests.unit.pay.conftest import MONTH, Team


def no_qc(_session: object, _month: str) -> dict[int, Any]:
    return {}


@pytest.fixture
def page(qtbot: QtBot, team: Team, boxes: Boxes) -> PayPage:
    widget = PayPage(team.db, quality=no_qc)
    qtbot.addWidget(widget)
    widget.set_month(MONTH)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _cells(page: PayPage, row: int) -> list[str]:
    model = page.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_ranking_shows_each_agent_s_month(page: PayPage) -> None:
    assert [_cells(page, r) for r in range(page.model.rowCount())] == [
        ["李娜", "1", "0", "5", "6", "100%", "—", "1", "0.0", "0.00", "0.00", "Draft"],
        ["王芳", "3", "1", "2", "6", "75%", "—", "2", "13.5", "0.00", "0.00", "Draft"],
        ["赵敏", "0", "0", "0", "0", "—", "—", "0", "0.0", "0.00", "0.00", "Draft"],
    ]
    assert page.summary.text() == (
        "2026-11: 3 agent(s), 12 item(s) handled, pay 0.00 元; 0 of 3 statement(s) approved."
    )
    page.table.selectRow(1)
    text = page.detail.toPlainText()
    assert "王芳 — 2026-11" in text and "Closed on time\n3 / 4 (75%)" in text
    assert "No pay rates were set: pay by volume is 0." in text
    assert not page.reissue_button.isEnabled()  # a draft is approved, not reissued


def test_a_month_with_no_work(page: PayPage) -> None:
    page.set_month("2025-02")
    assert [_cells(page, r)[4] for r in range(page.model.rowCount())] == ["0", "0", "0"]
    assert page.summary.text().startswith("2025-02: 3 agent(s), 0 item(s) handled")


def test_model_passes_the_model_tester(page: PayPage, qtmodeltester: Any) -> None:
    qtmodeltester.check(page.model)


def test_owner_sets_rates_in_the_dialog(qtbot: QtBot, team: Team, boxes: Boxes) -> None:
    dialog = RatesDialog(team.db)
    qtbot.addWidget(dialog)
    dialog.complaint.setText("2")
    dialog.work_order.setText("5")
    dialog.contact.setText("0.5")
    dialog.add_band(QcBand(90, None, 200_00))
    dialog.save()
    assert dialog.saved is not None and boxes.shown == []
    with team.db.read_session() as s:
        rates = service.current_rates(s)
    assert (rates.per_complaint_fen, rates.per_work_order_fen, rates.per_contact_fen) == (
        200,
        500,
        50,
    )
    assert rates.bands == (QcBand(90, None, 200_00),)


def test_absurd_or_bad_rates_are_refused_in_the_dialog(
    qtbot: QtBot, team: Team, boxes: Boxes
) -> None:
    dialog = RatesDialog(team.db)
    qtbot.addWidget(dialog)
    dialog.complaint.setText("-1")
    dialog.save()
    dialog.complaint.setText("2元x")
    dialog.save()
    assert boxes.shown == [
        (
            "warning",
            "Cannot save the rates: The rate per complaint closed cannot be negative "
            "(-1.00 元); enter 0 or more.",
        ),
        (
            "warning",
            "Cannot save the rates: Per complaint closed: “2元x” is not an amount in 元, "
            "e.g. 2.50.",
        ),
    ]
    assert dialog.saved is None
    with team.db.read_session() as s:
        assert not service.current_rates(s).is_set


def test_owner_charges_a_fine(qtbot: QtBot, team: Team, boxes: Boxes) -> None:
    dialog = FinesDialog(team.db, MONTH)
    qtbot.addWidget(dialog)
    dialog.agent.setCurrentIndex(dialog.agent.findText("王芳"))
    type_text(qtbot, dialog.amount, "50")
    type_text(qtbot, dialog.reason, "虚假签收")
    dialog.add_button.click()
    assert boxes.shown == []
    assert dialog.model.rowCount() == 1
    assert [dialog.model.index(0, c).data() for c in range(3)] == ["王芳", "50.00", "虚假签收"]
    dialog.reason.clear()
    type_text(qtbot, dialog.amount, "20")
    dialog.add_button.click()
    assert boxes.shown == [
        (
            "warning",
            "Cannot charge the fine: Write the reason for the fine (the agent sees it on the "
            "statement).",
        )
    ]


def test_approve_then_reissue_with_a_reason(
    page: PayPage, team: Team, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with team.db.session() as s:
        service.set_rates(s, Rates(200, 500, 50))
    page.reload()
    page.approve_button.click()
    assert boxes.shown[0][0] == "question"
    assert [_cells(page, r)[-1] for r in range(3)] == ["Approved"] * 3
    assert not page.approve_button.isEnabled()
    with team.db.session() as s:
        service.add_fine(s, team.wang, MONTH, 10_00, "迟到")
    page.reload()
    page.table.selectRow(1)
    assert "1 fine(s) added after the approval are not on this statement" in (
        page.detail.toPlainText()
    )
    assert page.reissue_button.isEnabled()
    # No reason: refused, nothing changes.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    page.reissue_button.click()
    assert boxes.shown[-1] == (
        "warning",
        "Cannot reissue: Write why the statement is reissued (kept with it and in the audit log).",
    )
    assert _cells(page, 1)[9:11] == ["0.00", "12.00"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("漏记罚款", True))
    page.reissue_button.click()
    assert _cells(page, 1)[9:11] == ["10.00", "2.00"]
    assert "Reissued: 漏记罚款" in page.detail.toPlainText()
    with team.db.read_session() as s:
        assert [st.status for st in service.history(s, MONTH, team.wang)] == [
            "approved",
            "superseded",
        ]


def test_approval_asks_for_the_pin_and_cancel_changes_nothing(
    page: PayPage, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.ui.kit import owner_action

    set_policy(OwnerLock(True))
    asked: list[object] = []
    monkeypatch.setattr(owner_action, "unlock", lambda *a: asked.append(a) or False)
    page.approve_button.click()
    assert len(asked) == 1
    assert [_cells(page, r)[-1] for r in range(3)] == ["Draft"] * 3


def test_print_preview_of_the_selected_agent(
    qtbot: QtBot, page: PayPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    page.table.selectRow(1)
    page.print_button.click()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15000)
    assert dialog.pages == 1 and dialog.save_button.isEnabled()
    out = tmp_path / "wang.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_button.click()
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Pay statement 2026-11 — 王芳（KF01）" in text
    dialog.reject()


def test_export_to_excel(
    page: PayPage, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "结算单"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.export_button.click()
    written = out.with_suffix(".xlsx")
    assert boxes.shown == [
        ("information", f"Export finished: Wrote 3 statement(s) of 2026-11 to {written}")
    ]
    rows = list(load_workbook(written).worksheets[0].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["李娜", "王芳", "赵敏"]


def test_owner_menu_opens_the_statements(window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from branchdesk.ui.pay.pay_dialog import PayDialog

    opened: list[PayDialog] = []
    monkeypatch.setattr(PayDialog, "exec", lambda self: opened.append(self) or 0)
    [action] = [
        a
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if a.text() == "Monthly pay &statements…"
    ]
    action.trigger()
    assert len(opened) == 1
    # The sample branch's team of four.
    assert "4 agent(s)" in opened[0].page.summary.text()
