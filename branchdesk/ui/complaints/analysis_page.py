"""分析: the month's complaints by category, courier, channel and time to close, with charts,
the overdue rate, repeat complainants and waybills, and exports to Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QEvent, QMargins, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints.analysis import (
    FAST_HOURS,
    SLOW_HOURS,
    Count,
    MonthReport,
    RepeatComplainant,
    RepeatWaybill,
    month_report,
)
from branchdesk.complaints.exports import export_complaints, export_month_report
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.export import notes_of
from branchdesk.permissions import Action
from branchdesk.privacy import mask_phone
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.flow_layout import FlowLayout
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.month_picker import MonthPicker
from branchdesk.ui.kit.scrolling import scrolling_page
from branchdesk.ui.kit.tables import read_only_table

MAX_BARS = 10  # more couriers than this: the rest are summed as one bar
REPEAT = QColor("#fff4ce")  # repeat rows: the same amber as flagged cells elsewhere
REPEAT_STRONG = QColor("#fde0c2")  # three complaints or more
BAR = QColor("#4a7ebb")
ACCENT = QColor("#d9534f")

COMPLAINANT_COLUMNS: list[Column[RepeatComplainant]] = [
    Column("Phone", lambda r: mask_phone(r.phone)),
    Column("Customer", lambda r: r.customer_name),
    Column("Complaints", lambda r: r.count, align_right=True),
    Column("Tickets", lambda r: " ".join(r.tickets)),
]
WAYBILL_COLUMNS: list[Column[RepeatWaybill]] = [
    Column("Waybill no.", lambda w: w.waybill_no),
    Column("Complaints", lambda w: w.count, align_right=True),
    Column("Merged", lambda w: w.merged or "", align_right=True),
    Column("Courier", lambda w: w.courier_name),
    Column("Tickets", lambda w: " ".join(w.tickets)),
]


class RepeatsModel(RowsModel[Any]):
    """Repeat complainants or waybills: every row tinted, three or more a stronger tint."""

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(REPEAT_STRONG if row.count >= 3 else REPEAT)
        if role == Qt.ItemDataRole.FontRole and row.count >= 3:
            font = QFont()
            font.setBold(True)
            return font
        return None


class Figure(QFrame):
    """One summary figure: a caption, a large value, a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #666666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_value(self, value: str, detail: str = "", *, alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {ACCENT.name()};" if alert else "")
        self.detail.setText(detail)


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(200, 160)  # two side by side fit a 1024×768 screen
    return chart, view


PIE_MIN_WIDTH = 80
LEGEND_PADDING = 40  # the marker's spacing and the legend's own margins, measured


def place_legend(chart: QChart, view: QWidget) -> None:
    """Beside the pie: "12305/邮政申诉 3 · 14%" where there is room, "12305/邮政申诉 3" in a
    smaller font on a narrow chart (a 1024×768 screen), so neither is cut off."""
    legend = chart.legend()
    wide = view.width() >= 360
    legend.setAlignment(Qt.AlignmentFlag.AlignRight)
    font = view.font()
    if not wide:
        font.setPointSizeF(max(6.0, font.pointSizeF() - 1))
    legend.setFont(font)
    widest = 0
    for series in chart.series():
        if isinstance(series, QPieSeries):
            for piece in series.slices():
                piece.setLabel(str(piece.property("full" if wide else "short")))
                widest = max(widest, QFontMetrics(font).horizontalAdvance(piece.label()))
    # Room for the longest label, its marker and the legend's margins; the pie takes the rest
    # (at least PIE_MIN_WIDTH: a narrow chart's pie is small rather than its names cut off).
    need = widest + QFontMetrics(font).height() + LEGEND_PADDING
    legend.setMinimumWidth(max(0, min(need, view.width() - PIE_MIN_WIDTH)))


class LegendPlacer(QObject):
    """Places the pie's legend again whenever its view is resized."""

    def __init__(self, chart: QChart, view: QWidget) -> None:
        super().__init__(view)
        self.chart, self.view = chart, view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            place_legend(self.chart, self.view)
        return False


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()


def _value_axis(maximum: int) -> QValueAxis:
    """0 … a little over `maximum`, ticks on whole numbers (every 1, 2, 5, 10, 20, 50 …)."""
    top = max(4, maximum)
    step = next(m * 10**e for e in range(12) for m in (1, 2, 5) if top / (m * 10**e) <= 5)
    top = -(-top // step) * step
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, top)
    axis.setTickCount(top // step + 1)
    return axis


def _bars(chart: QChart, counts: list[Count]) -> None:
    """Horizontal bars, most at the top, each with its count."""
    _clear(chart)
    if not counts:
        return
    bars = QBarSet("")
    bars.setColor(BAR)
    bars.setLabelColor(QColor("#333333"))
    for c in reversed(counts):
        bars.append(c.count)
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    labels = QBarCategoryAxis()
    labels.setTruncateLabels(False)  # a two-character name must never become "…"
    labels.append([c.label for c in reversed(counts)])
    chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(labels)
    values = _value_axis(max(c.count for c in counts) * 115 // 100 + 1)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)


class AnalysisPage(QWidget):
    """The month's analysis; `reload()` recounts the chosen month."""

    status = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.report: MonthReport | None = None

        self.month_picker = MonthPicker(QDate.currentDate(), self.reload)
        self.month_edit = self.month_picker.edit
        self.previous_button = self.month_picker.previous
        self.next_button = self.month_picker.next
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip("F5")
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("The month's analysis as an Excel workbook"))
        self.export_button.clicked.connect(self.export_report)
        self.export_list_button = QPushButton(self.tr("Export the month's complaints…"))
        self.export_list_button.setToolTip(
            self.tr("Every complaint received this month, one row each")
        )
        self.export_list_button.clicked.connect(self.export_complaints)
        self.print_button = QPushButton(self.tr("Print report…"))
        self.print_button.setToolTip(self.tr("The month's analysis as an A4 PDF (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        self.unmasked = QCheckBox(self.tr("Full phone numbers"))
        self.unmasked.setToolTip(
            self.tr(
                "Phones are masked (138****1234) in exports unless this is ticked; keep an "
                "unmasked file inside the branch."
            )
        )

        # Wraps onto a second line on a narrow (1024×768) screen rather than widen the window.
        bar = FlowLayout()
        bar.addWidget(QLabel(self.tr("Month:")))
        bar.addWidget(self.previous_button)
        bar.addWidget(self.month_edit)
        bar.addWidget(self.next_button)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.export_list_button)
        bar.addWidget(self.unmasked)

        self.received = Figure(self.tr("Received"))
        self.closed = Figure(self.tr("Closed"))
        self.overdue = Figure(self.tr("Overdue rate"))
        self.median = Figure(self.tr("Median time to close"))
        self.compensation = Figure(self.tr("Compensation"))
        figures = QHBoxLayout()
        for figure in (self.received, self.closed, self.overdue, self.median, self.compensation):
            figures.addWidget(figure, 1)

        self.empty_label = QLabel()
        self.empty_label.setStyleSheet(
            "background: #eef3fb; border: 1px solid #c5d5ee; padding: 6px;"
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.category_chart, category_view = _chart(self.tr("By category"))
        self.courier_chart, courier_view = _chart(self.tr("By courier"))
        self.channel_chart, channel_view = _chart(self.tr("By channel"))
        self.channel_view = channel_view
        # The legend's labels follow the chart's width.
        self._legend_placer = LegendPlacer(self.channel_chart, channel_view)
        self.trend_chart, trend_view = _chart(self.tr("Last 12 months"))
        self.trend_view = trend_view
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(category_view, 0, 0)
        grid.addWidget(courier_view, 0, 1)
        grid.addWidget(channel_view, 1, 0)
        grid.addWidget(trend_view, 1, 1)

        self.complainants_model = RepeatsModel(COMPLAINANT_COLUMNS, self)
        self.complainants_view = self._table(self.complainants_model)
        self.waybills_model = RepeatsModel(WAYBILL_COLUMNS, self)
        self.waybills_view = self._table(self.waybills_model)
        self.complainants_box = QGroupBox()
        QVBoxLayout(self.complainants_box).addWidget(self.complainants_view)
        self.waybills_box = QGroupBox()
        QVBoxLayout(self.waybills_box).addWidget(self.waybills_view)
        repeats = QWidget()
        rl = QVBoxLayout(repeats)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.complainants_box, 1)
        rl.addWidget(self.waybills_box, 1)

        splitter = QSplitter()
        splitter.addWidget(charts)
        splitter.addWidget(repeats)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The charts first: at 1024×768 each still has room for 12 month labels and a legend;
        # the repeat lists wrap their tickets.
        splitter.setSizes([800, 340])

        # Scrolled where the window is short (two rows of charts need 580 pixels; a 1366×768
        # laptop at 125% leaves 546): the charts were cut, half a pie and no month labels.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(bar)
        layout.addLayout(figures)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        scrolling_page(self, content)
        self.reload()

    def _table(self, model: RepeatsModel) -> QTableView:
        view = read_only_table(model, alternating=False, stretch=model.columnCount() - 1)
        # Every ticket in sight: the tickets column wraps, rows grow to fit.
        view.setWordWrap(True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    # --- month -----------------------------------------------------------------------------
    def month(self) -> tuple[int, int]:
        day = self.month_edit.date()
        return day.year(), day.month()

    def set_month(self, year: int, month: int) -> None:
        """Show `year`-`month` (reloads when it changes)."""
        self.month_edit.setDate(QDate(year, month, 1))

    def step_month(self, months: int) -> None:
        self.month_picker.step(months)

    # --- data ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        # No report of months to come; the limit is read again each time the page is shown
        # (BranchDesk kept running in the tray past a month's end).
        self.month_picker.edit.setMaximumDate(QDate.currentDate())
        super().showEvent(event)

    def reload(self) -> None:
        self.month_picker.edit.setMaximumDate(QDate.currentDate())
        year, month = self.month()
        try:
            with self.db.session() as session:
                report = month_report(session, year, month)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot count the complaints"), str(exc))
            return
        self.report = report
        self._show_figures(report)
        self._show_categories(report)
        self._show_couriers(report)
        self._show_channels(report)
        self._show_trend(report)
        self.complainants_model.set_rows(report.repeat_complainants)
        self.waybills_model.set_rows(report.repeat_waybills)
        self.complainants_box.setTitle(
            self.tr("Repeat complainants ({n}): same phone, 2+ complaints").format(
                n=len(report.repeat_complainants)
            )
        )
        self.waybills_box.setTitle(
            self.tr("Repeat waybills ({n}): 2+ complaints, merged included").format(
                n=len(report.repeat_waybills)
            )
        )
        self.empty_label.setText(
            self.tr(
                "No complaints this month: none was received or closed in {month}. Choose "
                "another month above."
            ).format(month=report.label)
        )
        self.empty_label.setVisible(report.is_empty)
        self.export_list_button.setEnabled(report.received > 0)

    def _show_figures(self, r: MonthReport) -> None:
        times = r.close_times
        self.received.show_value(str(r.received), self.tr("{n} still open").format(n=r.still_open))
        self.closed.show_value(
            str(times.closed),
            self.tr("closed in {month}, whenever received").format(month=r.label),
        )
        rate = r.overdue_rate
        if rate is None:
            self.overdue.show_value("—", self.tr("nothing received this month"))
        else:
            self.overdue.show_value(
                f"{rate:.1%}",
                self.tr("{n} of {total} received missed the deadline").format(
                    n=r.overdue, total=r.received
                ),
                alert=bool(r.overdue),
            )
        if times.median_hours is None:
            self.median.show_value("—", self.tr("nothing closed this month"))
        else:
            self.median.show_value(
                self.tr("{hours} h").format(hours=f"{times.median_hours:.1f}"),
                self.tr(
                    "mean {mean} h · ≤{fast} h: {a} · {fast}–{slow} h: {b} · >{slow} h: {c}"
                ).format(
                    mean=f"{times.mean_hours or 0:.1f}",
                    fast=FAST_HOURS,
                    slow=SLOW_HOURS,
                    a=times.within_day,
                    b=times.within_three_days,
                    c=times.longer,
                ),
            )
        self.compensation.show_value(
            f"¥{r.compensation_yuan:,.2f}", self.tr("paid on complaints closed this month")
        )

    def _show_categories(self, r: MonthReport) -> None:
        _bars(self.category_chart, list(r.by_category))

    def _show_couriers(self, r: MonthReport) -> None:
        counts = list(r.by_courier)
        if len(counts) > MAX_BARS:
            rest = counts[MAX_BARS - 1 :]
            counts = counts[: MAX_BARS - 1]
            counts.append(
                Count(self.tr("{n} others").format(n=len(rest)), sum(c.count for c in rest))
            )
        _bars(self.courier_chart, counts)

    def _show_channels(self, r: MonthReport) -> None:
        chart = self.channel_chart
        _clear(chart)
        total = sum(c.count for c in r.by_channel)
        if not total:
            chart.legend().hide()
            return
        series = QPieSeries()
        for c in r.by_channel:
            piece = series.append(f"{c.label} {c.count} · {c.count / total:.0%}", c.count)
            piece.setLabelVisible(False)
            piece.setProperty("short", f"{c.label} {c.count}")
            piece.setProperty("full", piece.label())
        series.setPieSize(0.85)
        chart.addSeries(series)
        chart.legend().show()
        place_legend(chart, self.channel_view)

    def _show_trend(self, r: MonthReport) -> None:
        chart = self.trend_chart
        _clear(chart)
        line = QLineSeries()
        line.setColor(BAR)
        counts = QScatterSeries()  # the other months' points, each with its count above
        counts.setColor(BAR)
        counts.setBorderColor(BAR)
        counts.setMarkerSize(5)
        chosen = QScatterSeries()  # the month shown: a red mark, its count in red
        chosen.setColor(ACCENT)
        chosen.setBorderColor(ACCENT)
        chosen.setMarkerSize(9)
        for i, p in enumerate(r.trend):
            line.append(i, p.count)
            (chosen if i == len(r.trend) - 1 else counts).append(i, p.count)
        for series in (counts, chosen):
            series.setPointLabelsVisible(True)
            series.setPointLabelsFormat("@yPoint")
            series.setPointLabelsClipping(False)
        chosen.setPointLabelsColor(ACCENT)
        chart.addSeries(line)
        chart.addSeries(counts)
        chart.addSeries(chosen)
        months = QBarCategoryAxis()
        months.setTruncateLabels(False)
        months.append([str(p.month) for p in r.trend])  # 1–12: twelve fit a narrow chart
        small = months.labelsFont()
        small.setPointSizeF(max(6.0, small.pointSizeF() - 2))
        months.setLabelsFont(small)
        # The range goes in the tooltip: in the title it was cut off on a 1024×768 screen.
        chart.setTitle(self.tr("Last 12 months"))
        self.trend_view.setToolTip(
            self.tr("Last 12 months ({first} – {last})").format(
                first=r.trend[0].label, last=r.trend[-1].label
            )
        )
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        values = _value_axis(max(p.count for p in r.trend) * 115 // 100 + 1)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for shown in (line, counts, chosen):
            shown.attachAxis(months)
            shown.attachAxis(values)

    # --- exports ---------------------------------------------------------------------------
    def _save_path(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == ".xlsx" else target.with_suffix(".xlsx")

    def print_report(self) -> None:
        """Preview the month's analysis as a PDF, then save or print it."""
        from datetime import date

        from branchdesk.complaints.documents.analysis import render_month_report
        from branchdesk.settings import SettingsStore
        from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

        report = self.report
        if report is None:
            return
        branch = str(SettingsStore().get("branch_name") or "")
        year, month = report.year, report.month

        def render(path: Path, progress: Any) -> int:
            return render_month_report(
                report, path, branch=branch, printed=date.today(), progress=progress
            )

        dialog = PdfPreviewDialog(
            self.tr("Complaint report {month}").format(month=f"{year}-{month:02d}"),
            f"投诉月报-{year}-{month:02d}.pdf",
            render,
            self,
        )
        self.preview = dialog
        dialog.exec()

    def export_report(self) -> None:
        report = self.report
        if report is None:
            return
        path = self._save_path(
            self.tr("Export the month's analysis"), f"投诉分析{report.label}.xlsx"
        )
        if path is None:
            return
        try:
            written = export_month_report(report, path)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))
            return
        self.status.emit(
            self.tr("Wrote the analysis of {month} to {path}").format(month=report.label, path=path)
        )
        QMessageBox.information(
            self,
            self.tr("Export finished"),
            "\n".join(
                [
                    self.tr("Wrote the analysis of {month} to {path}").format(
                        month=report.label, path=path
                    ),
                    *notes_of(written),
                ]
            ),
        )

    def export_complaints(self) -> None:
        year, month = self.month()
        label = f"{year}-{month:02d}"
        path = self._save_path(self.tr("Export the month's complaints"), f"投诉明细{label}.xlsx")
        if path is None:
            return
        mask = not self.unmasked.isChecked()
        # Full phone numbers are an owner action (the export writes it to the audit log).
        if not mask and not owner.ensure_owner(self, self.db, Action.SHOW_PHONES):
            return
        try:
            with self.db.session() as session:
                count = export_complaints(session, path, year=year, month=month, mask=mask)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))
            return
        message = self.tr("Wrote {count} complaint(s) of {month} to {path}").format(
            count=count, month=label, path=path
        )
        message = "\n".join([message, *notes_of(count)])
        self.status.emit(message)
        QMessageBox.information(self, self.tr("Export finished"), message)
