"""分析 page: figures, charts and repeat tables for the chosen month; Excel exports."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QScatterSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from branchdesk.complaints import service
from branchdesk.complaints.service import NewComplaint
from branchdesk.complaints.workflow import CLOSED, PROCESSING
from branchdesk.db.engine import Database
from branchdesk.ui.complaints.analysis_page import AnalysisPage
from tests.ui.conftest import Boxes


def _add(
    s: object,
    received: datetime,
    path: str,
    *,
    courier: str = "",
    phone: str = "",
    waybill: str = "",
    channel: str = "电话",
    closed_after: float | None = None,
    fen: int = 0,
) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    category = next(c.id for c in service.category_tree(s) if c.path == path)
    row = service.create_complaint(
        s,
        NewComplaint(
            channel=channel,
            category_id=category,
            courier_name=courier,
            phone=phone,
            waybill_no=waybill,
            description="快件未送达",
            received_at=received,
        ),
    )
    if closed_after is not None:
        service.transition(s, row.id, PROCESSING, at=received + timedelta(minutes=5))
        service.transition(
            s,
            row.id,
            CLOSED,
            resolution="已处理",
            compensation_fen=fen,
            at=received + timedelta(hours=closed_after),
        )


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> AnalysisPage:
    march = datetime(2026, 3, 2, 9)
    with db.session() as s:
        service.ensure_default_categories(s)
        # March: four complaints, all closed; two on time (10 h, 20 h), two late (30 h of 24,
        # 80 h of 72).
        _add(s, march, "延误 › 派送延误", courier="张伟", phone="13812341234", closed_after=10)
        _add(
            s,
            march + timedelta(days=3),
            "延误 › 派送延误",
            courier="张伟",
            phone="13812341234",
            waybill="YT4300000001",
            closed_after=30,
            fen=1250,
        )
        _add(
            s,
            march + timedelta(days=5),
            "遗失",
            courier="李明",
            waybill="YT4300000001",
            channel="总部工单",
            closed_after=20,
        )
        _add(s, march + timedelta(days=7), "破损/短少", closed_after=80, fen=5000)
        # February: one, closed on time.
        _add(s, datetime(2026, 2, 10, 9), "遗失", courier="李明", closed_after=5)
    widget = AnalysisPage(db)
    qtbot.addWidget(widget)
    widget.resize(1180, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_month(2026, 3)
    return widget


def _bar_labels(page: AnalysisPage, chart_name: str) -> list[str]:
    chart = getattr(page, chart_name)
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    return list(reversed(axis.categories()))  # drawn bottom-up: most first


def test_a_month_with_complaints_shows_figures_charts_and_repeats(page: AnalysisPage) -> None:
    assert page.month() == (2026, 3)
    assert page.received.value.text() == "4"
    assert page.closed.value.text() == "4"
    assert page.overdue.value.text() == "50.0%"
    assert page.median.value.text() == "25.0 h"
    assert page.compensation.value.text() == "¥62.50"
    assert not page.empty_label.isVisible()

    assert _bar_labels(page, "category_chart") == ["延误", "遗失", "破损/短少"]
    assert _bar_labels(page, "courier_chart") == ["张伟", "李明", "未分配"]
    bars = next(s for s in page.category_chart.series() if isinstance(s, QHorizontalBarSeries))
    assert [bars.barSets()[0].at(i) for i in range(3)] == [1, 1, 2]  # bottom-up
    pie = next(s for s in page.channel_chart.series() if isinstance(s, QPieSeries))
    assert sorted(sl.value() for sl in pie.slices()) == [1, 3]
    line = next(s for s in page.trend_chart.series() if isinstance(s, QLineSeries))
    assert [p.y() for p in line.points()][-2:] == [1, 4]
    # Every month's count is written at its point; the month shown is marked, its count too.
    counts, chosen = [s for s in page.trend_chart.series() if isinstance(s, QScatterSeries)]
    assert all(s.pointLabelsVisible() for s in (counts, chosen))
    assert [p.y() for p in counts.points()][-1:] == [1] and [p.y() for p in chosen.points()] == [4]

    assert page.complainants_model.rowCount() == 1
    assert page.complainants_model.index(0, 0).data() == "138****1234"
    assert page.complainants_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.waybills_model.rowCount() == 1
    assert page.waybills_model.index(0, 0).data() == "YT4300000001"
    assert "(1)" in page.complainants_box.title()


def test_switching_months_updates_the_page(qtbot: QtBot, page: AnalysisPage) -> None:
    qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    assert page.month() == (2026, 2)
    assert page.received.value.text() == "1"
    assert page.overdue.value.text() == "0.0%"
    assert page.median.value.text() == "5.0 h"
    assert _bar_labels(page, "category_chart") == ["遗失"]
    assert page.complainants_model.rowCount() == 0

    qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)  # January: nothing
    assert page.month() == (2026, 1)
    assert page.received.value.text() == "0"
    assert page.overdue.value.text() == "—"
    assert page.empty_label.isVisible()
    assert "2026-01" in page.empty_label.text()
    assert page.category_chart.series() == []
    assert page.channel_chart.series() == []
    assert not page.export_list_button.isEnabled()

    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.received.value.text() == "4"
    assert not page.empty_label.isVisible()


def test_export_the_analysis(
    page: AnalysisPage, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "analysis"  # no suffix: .xlsx is added
    asked: list[str] = []

    def save_as(_parent, _title, name, _filter):
        asked.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.export_button.click()

    written = target.with_suffix(".xlsx")
    assert asked == ["投诉分析2026-03.xlsx"]
    wb = load_workbook(written)
    assert wb.sheetnames == ["概览", "按分类", "按业务员", "按渠道", "重复投诉", "12个月趋势"]
    overview = {r[0]: r[1] for r in wb["概览"].iter_rows(min_row=2, values_only=True)}
    assert overview["接收投诉（件）"] == 4
    assert boxes.shown and boxes.shown[-1][0] == "information"


def test_export_the_months_complaints_masked_unless_asked(
    page: AnalysisPage, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "complaints.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))

    page.export_list_button.click()
    rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4
    assert rows[0][7] == "138****1234"
    assert boxes.shown[-1][1] == f"Export finished: Wrote 4 complaint(s) of 2026-03 to {target}"

    page.unmasked.setChecked(True)
    page.export_list_button.click()
    rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert rows[0][7] == "13812341234"


def test_cancelled_export_writes_nothing(
    page: AnalysisPage, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    page.export_button.click()
    page.export_list_button.click()
    assert boxes.shown == []
    assert list(tmp_path.glob("*.xlsx")) == []


def test_repeat_models_pass_the_model_tester(page: AnalysisPage, qtmodeltester) -> None:
    qtmodeltester.check(page.complainants_model)
    qtmodeltester.check(page.waybills_model)


def test_print_the_month_s_report_through_the_preview(
    qtbot: QtBot, page: AnalysisPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    page.print_button.click()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15000)
    assert dialog.pages == 2 and dialog.save_button.isEnabled()
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_button.click()
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "2026-03" in text
    dialog.reject()


def test_the_analysis_page_is_built_when_first_shown(window: object) -> None:
    from branchdesk.ui.shell.main_window import ANALYSIS, MainWindow

    assert isinstance(window, MainWindow)
    assert window.built(ANALYSIS) is None
    window.nav.setCurrentRow(ANALYSIS)
    assert window.built(ANALYSIS) is window.analysis_page and window.analysis_page.isVisible()


def test_on_a_small_screen_the_charts_keep_their_labels(qtbot: QtBot, page: AnalysisPage) -> None:
    """At 1024×768 a chart is about 210 px wide: the months read 1–12 (not 01…12 run together),
    the trend's title leaves the range to its tooltip, the channels drop the percentage."""
    page.resize(1800, 900)
    page.show()
    qtbot.waitExposed(page)
    pie = next(s for s in page.channel_chart.series() if isinstance(s, QPieSeries))
    assert all("%" in sl.label() for sl in pie.slices())
    page.resize(820, 620)
    qtbot.waitUntil(lambda: page.channel_view.width() < 360)
    assert all("%" not in sl.label() for sl in pie.slices())
    assert sorted(int(sl.label().split()[-1]) for sl in pie.slices()) == [1, 3]  # the counts
    months = next(a for a in page.trend_chart.axes() if isinstance(a, QBarCategoryAxis))
    assert months.categories()[-3:] == ["1", "2", "3"]
    assert page.trend_chart.title() == "Last 12 months"
    assert "2025-04" in page.trend_view.toolTip() and "2026-03" in page.trend_view.toolTip()


def _legend_texts(page: AnalysisPage) -> list[str]:
    """The channel legend's names that are drawn in full (Qt elides one that has no room:
    "电商平..."): each label's text item is as wide as the whole name needs. (PySide6 6.11
    gives Qt Charts' text items as plain QGraphicsItems, so their width, not their text.)"""
    from PySide6.QtGui import QFontMetricsF

    legend = page.channel_chart.legend()
    metrics = QFontMetricsF(legend.font())
    labels = sorted((m.label() for m in legend.markers()), key=metrics.horizontalAdvance)
    widths = sorted(
        item.boundingRect().width()
        for item in page.channel_view.scene().items()
        # QGraphicsTextItem::Type and QGraphicsSimpleTextItem::Type
        if item.type() in (8, 9) and legend.isAncestorOf(item)
    )
    if len(widths) != len(labels):
        return []
    return [
        label
        for label, width in zip(labels, widths, strict=True)
        if width >= metrics.horizontalAdvance(label) - 0.5
    ]


def test_on_a_small_screen_the_channel_legend_names_every_channel_in_full(
    qtbot: QtBot, page: AnalysisPage, db: Database
) -> None:
    with db.session() as s:
        for n, channel in enumerate(("电商平台", "12305/邮政申诉", "上门")):
            _add(s, datetime(2026, 3, 20 + n, 9), "遗失", channel=channel)
    page.reload()
    page.resize(820, 620)  # the page in a 1024×768 window
    qtbot.waitUntil(lambda: page.channel_view.width() < 360)
    full = sorted(["电话 3", "总部工单 1", "电商平台 1", "12305/邮政申诉 1", "上门 1"])
    # None cut short, once the legend is laid out again for the new size.
    qtbot.waitUntil(lambda: sorted(_legend_texts(page)) == full)
    pie_room = page.channel_view.width() - page.channel_chart.legend().geometry().width()
    assert pie_room >= 80  # and the pie still has room
    page.resize(1300, 700)  # a 1366×768 window: the shares too, still in full
    qtbot.waitUntil(lambda: page.channel_view.width() >= 360)

    def in_full_with_shares() -> bool:
        drawn = _legend_texts(page)
        return len(drawn) == 5 and all("%" in t for t in drawn)

    qtbot.waitUntil(in_full_with_shares)
