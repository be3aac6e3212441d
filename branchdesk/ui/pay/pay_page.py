"""The month's pay statements: the team ranking, the selected agent's statement, and the
owner's actions on them (rates, fines, approve, reissue), with print preview and Excel."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.export import notes_of
from branchdesk.pay import service
from branchdesk.pay.documents.statement import percent, score, status_label, trend
from branchdesk.pay.rates import yuan
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.month_picker import MonthPicker
from branchdesk.ui.kit.tables import read_only_table

Statement = service.Statement

COLUMNS: list[Column[Statement]] = [
    Column("Agent", lambda s: s.agent_name),
    Column("Complaints", lambda s: s.complaints_closed, align_right=True),
    Column("Work orders", lambda s: s.work_orders_closed, align_right=True),
    Column("Contacts", lambda s: s.contacts, align_right=True),
    Column("Items handled", lambda s: s.items, align_right=True),
    Column("On time", lambda s: percent(s.on_time_rate), align_right=True),
    Column("QC", lambda s: score(s.qc_average), align_right=True),
    Column("Days", lambda s: s.days, align_right=True),
    Column("Hours", lambda s: f"{s.hours:.1f}", align_right=True),
    Column("Fines (元)", lambda s: yuan(s.fines_fen), align_right=True),
    Column("Pay (元)", lambda s: yuan(s.total_fen), align_right=True),
    Column("Status", lambda s: status_label(s.status)),
]


class PayPage(QWidget):
    """The team ranking for a month and each agent's statement; `reload()` recomputes."""

    status = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *, quality: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        # None: QC looked up as the service does (tests pass a fake source).
        self.quality = service.DEFAULT_QUALITY if quality is None else quality
        self.statements: list[Statement] = []
        self.preview: Any = None

        first = QDate.currentDate().addMonths(-1)
        self.month_picker = MonthPicker(QDate(first.year(), first.month(), 1), self.reload)
        self.month_edit = self.month_picker.edit
        self.previous_button = self.month_picker.previous
        self.next_button = self.month_picker.next
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.rates_button = QPushButton(self.tr("Pay rates…"))
        self.rates_button.setToolTip(self.tr("Rates per item and QC bands (owner)"))
        self.rates_button.clicked.connect(self.edit_rates)
        self.fines_button = QPushButton(self.tr("Fines…"))
        self.fines_button.setToolTip(self.tr("Fines charged to agents this month (owner)"))
        self.fines_button.clicked.connect(self.edit_fines)
        self.approve_button = QPushButton(self.tr("Approve the month…"))
        self.approve_button.setToolTip(
            self.tr("Lock every statement of the month not yet approved (owner)")
        )
        self.approve_button.clicked.connect(self.approve_month)
        self.reissue_button = QPushButton(self.tr("Reissue…"))
        self.reissue_button.setToolTip(
            self.tr("Replace the selected approved statement, with a reason (owner)")
        )
        self.reissue_button.clicked.connect(self.reissue_selected)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(
            self.tr("The ranking and every statement, or the selected agent's, as an A4 PDF")
        )
        self.print_button.clicked.connect(self.print_statements)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export_statements)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month:")))
        bar.addWidget(self.previous_button)
        bar.addWidget(self.month_edit)
        bar.addWidget(self.next_button)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        for button in (self.rates_button, self.fines_button, self.approve_button):
            bar.addWidget(button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.reissue_button, self.print_button, self.export_button):
            actions.addWidget(button)

        self.model: RowsModel[Statement] = RowsModel(COLUMNS, self)
        self.table = read_only_table(self.model, single=True)
        self.table.verticalHeader().setVisible(True)  # the rank (the row's number)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.reload()

    # --- the month ------------------------------------------------------------------------
    @property
    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    def set_month(self, month: str) -> None:
        year, number = int(month[:4]), int(month[5:7])
        self.month_edit.setDate(QDate(year, number, 1))

    def step_month(self, step: int) -> None:
        self.month_picker.step(step)

    def reload(self) -> None:
        selected = self.selected()
        try:
            with self.db.read_session() as session:
                self.statements = service.month_statements(
                    session, self.month, quality=self.quality
                )
        except BranchDeskError as exc:
            self.statements = []
            self.summary.setText(str(exc))
        self.model.set_rows(self.statements)
        self._summarise()
        if selected is not None:
            for row, s in enumerate(self.statements):
                if s.agent_id == selected.agent_id:
                    self.table.selectRow(row)
                    break
        self._show_selected()

    def _summarise(self) -> None:
        if not self.statements:
            self.summary.setText(
                self.tr("No agents in the team list: add them on the team page first.")
            )
            return
        approved = sum(1 for s in self.statements if s.approved)
        total = service.payable_fen(self.statements)
        items = sum(s.items for s in self.statements)
        self.summary.setText(
            self.tr(
                "{month}: {agents} agent(s), {items} item(s) handled, pay {total} 元; "
                "{approved} of {agents} statement(s) approved."
            ).format(
                month=self.month,
                agents=len(self.statements),
                items=items,
                total=yuan(total),
                approved=approved,
            )
            + (" " + note if (note := service.owed_note(self.statements)) else "")
        )
        self.approve_button.setEnabled(approved < len(self.statements))

    def selected(self) -> Statement | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.model.rows):
            return None
        return self.model.row_at(rows[0].row())

    def _show_selected(self, *_: Any) -> None:
        s = self.selected()
        self.reissue_button.setEnabled(s is not None and s.approved)
        self.detail.setHtml(self.statement_html(s) if s is not None else "")

    def statement_html(self, s: Statement) -> str:
        def row(label: str, value: str) -> str:
            return (
                f"<tr><td>{html.escape(label)}</td>"
                f"<td align='right'><b>{html.escape(value)}</b></td></tr>"
            )

        state = status_label(s.status)
        if s.approved and s.approved_at is not None:
            state = self.tr("Approved {when} by {who}").format(
                when=f"{s.approved_at:%Y-%m-%d %H:%M}", who=s.approved_by or "—"
            )
        lines = [
            f"<h3>{html.escape(s.agent_name)} — {html.escape(self.month)}</h3>",
            f"<p>{html.escape(state)}</p>",
            "<table cellspacing='2' cellpadding='2'>",
            row(self.tr("Complaints closed"), str(s.complaints_closed)),
            row(self.tr("Work orders closed"), str(s.work_orders_closed)),
            row(self.tr("Contacts"), str(s.contacts)),
            row(
                self.tr("Closed on time"),
                f"{s.on_time} / {s.closed} ({percent(s.on_time_rate)})",
            ),
        ]
        if s.qc_available:
            lines += [
                row(self.tr("QC average"), f"{score(s.qc_average)} ({s.qc_scored})"),
                row(self.tr("Change from the month before"), trend(s.qc_trend)),
                row(
                    self.tr("Coaching open / closed"),
                    f"{s.coaching_open} / {s.coaching_closed}",
                ),
            ]
        else:
            lines.append(row(self.tr("QC"), self.tr("no QC figures")))
        lines += [
            row(self.tr("Days at work / hours"), f"{s.days} / {s.hours:.1f}"),
            row(self.tr("Pay by volume (元)"), yuan(s.volume_fen)),
        ]
        if s.qc_band:
            lines.append(
                row(self.tr("QC band {band} (元)").format(band=s.qc_band), yuan(s.qc_band_fen))
            )
        for fine in s.fines:
            lines.append(
                row(
                    self.tr("Fine: {reason}").format(reason=fine["reason"]),
                    yuan(-int(fine["amount_fen"])),
                )
            )
        total = self.tr("Total (元)") if s.total_fen >= 0 else self.tr("Owed (元)")
        lines.append(row(total, yuan(s.total_fen)))
        lines.append("</table>")
        notes = []
        if s.reissue_reason:
            notes.append(self.tr("Reissued: {reason}").format(reason=s.reissue_reason))
        if s.fines_pending:
            notes.append(
                self.tr(
                    "{count} fine(s) added after the approval are not on this statement; "
                    "reissue it to count them."
                ).format(count=s.fines_pending)
            )
        if not s.rates_set:
            notes.append(self.tr("No pay rates were set: pay by volume is 0."))
        lines += [f"<p><i>{html.escape(n)}</i></p>" for n in notes]
        return "".join(lines)

    # --- owner actions ----------------------------------------------------------------------
    def edit_rates(self) -> None:
        from branchdesk.ui.pay.rates_dialog import RatesDialog

        if RatesDialog(self.db, self).exec():
            self.status.emit(self.tr("Pay rates saved."))
            self.reload()

    def edit_fines(self) -> None:
        from branchdesk.ui.pay.fines_dialog import FinesDialog

        dialog = FinesDialog(self.db, self.month, self)
        dialog.exec()
        if dialog.changed:
            self.reload()

    def approve_month(self) -> None:
        pending = [s for s in self.statements if not s.approved]
        if not pending:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Approve the month"),
            self.tr(
                "Approve {count} statement(s) of {month} (pay {total} 元)? Once approved they "
                "are locked: later changes only count when a statement is reissued with a "
                "reason."
            ).format(
                count=len(pending),
                month=self.month,
                total=yuan(service.payable_fen(pending)),
            )
            + ("\n\n" + note if (note := service.owed_note(pending)) else ""),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        month, quality = self.month, self.quality

        def work(session: Any) -> list[Statement]:
            return service.approve(session, month, quality=quality)

        done = owner.run_in_transaction(self, self.db, work, self.tr("Cannot approve"))
        if done:
            self.status.emit(
                self.tr("Approved {count} statement(s) of {month}.").format(
                    count=len(done), month=month
                )
            )
            self.reload()

    def reissue_selected(self) -> None:
        s = self.selected()
        if s is None or not s.approved:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reissue the statement"),
            self.tr(
                "Why is {agent}'s statement for {month} reissued? The reason is kept with it."
            ).format(agent=s.agent_name, month=self.month),
        )
        if not ok:
            return
        month, quality = self.month, self.quality

        def work(session: Any) -> Statement:
            return service.reissue(session, month, s.agent_id, reason, quality=quality)

        done = owner.run_in_transaction(self, self.db, work, self.tr("Cannot reissue"))
        if done is not None:
            self.status.emit(
                self.tr("Reissued {agent}'s statement for {month}.").format(
                    agent=s.agent_name, month=month
                )
            )
            self.reload()

    # --- outputs --------------------------------------------------------------------------
    def _chosen(self) -> list[Statement]:
        """The selected agent's statement, or every statement when none is selected."""
        s = self.selected()
        return [s] if s is not None else list(self.statements)

    def print_statements(self) -> None:
        from branchdesk.pay.documents.statement import render_statements
        from branchdesk.settings import SettingsStore
        from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

        chosen = self._chosen()
        month = self.month
        branch = str(SettingsStore().get("branch_name") or "")

        def render(path: Path, progress: Any) -> int:
            return render_statements(
                chosen, path, month=month, branch=branch, printed=date.today(), progress=progress
            )

        who = chosen[0].agent_name if len(chosen) == 1 else ""
        dialog = PdfPreviewDialog(
            self.tr("Pay statements {month}").format(month=month),
            f"结算单-{month}{'-' + who if who else ''}.pdf",
            render,
            self,
        )
        self.preview = dialog
        dialog.exec()

    def export_statements(self) -> None:
        from branchdesk.pay.exports import export_statements

        month = self.month
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the statements"),
            f"结算单-{month}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        try:
            written = export_statements(self.statements, target, month)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))
            return
        message = self.tr("Wrote {count} statement(s) of {month} to {path}").format(
            count=int(written), month=month, path=target
        )
        self.status.emit(message)
        QMessageBox.information(
            self, self.tr("Export finished"), "\n".join([message, *notes_of(written)])
        )
