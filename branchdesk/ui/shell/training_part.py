"""Training in the main window: the 培训 page at the end of the navigation, its card on 今天,
the addresses the agent at this PC looks up (drilled first), and the copy-out sheet's preview."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidgetItem

from branchdesk.ui.shell.window_base import TRAINING, WindowParts

log = logging.getLogger("branchdesk")

if TYPE_CHECKING:
    from branchdesk.lookup.service import LookupResult
    from branchdesk.ui.shell.today_cards import DrillCard
    from branchdesk.ui.training.training_page import TrainingPage


class TrainingPart(WindowParts):
    drill_card: DrillCard  # on 今天

    def _attach_training(self) -> None:
        # Rows before 培训 that are not built on this branch keep their numbers: a hidden row.
        while self.nav.count() < TRAINING:
            hidden = QListWidgetItem("")
            self.nav.addItem(hidden)
            hidden.setHidden(True)
        item = QListWidgetItem(self.tr("Training"))
        item.setSizeHint(QSize(120, 44))
        item.setToolTip("Ctrl+Shift+T")
        self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._training_shown)
        action = QAction(self.tr("Training"), self)
        action.setShortcuts([QKeySequence("Ctrl+Shift+T")])
        action.triggered.connect(self.open_training)
        self.addAction(action)

    def _build_training_page(self) -> TrainingPage:
        from branchdesk.ui.training.training_page import TrainingPage

        assert self.db is not None
        page = TrainingPage(self.db, self._current_agent_id)
        page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        page.drill.print_requested.connect(self.print_drill_sheet)
        page.drill.graded.connect(lambda _r: self.drill_card.refresh())  # 今天's card
        return page

    @property
    def training_page(self) -> TrainingPage:
        return cast("TrainingPage", self.page(TRAINING))

    def _current_agent_id(self) -> int | None:
        from branchdesk.ui.team.agent_picker import current_agent

        if self.db is None:
            return None
        agent = current_agent(self.db, self.settings)
        return agent.id if agent is not None else None

    def open_training(self) -> None:
        if self.nav.currentRow() == TRAINING:
            self.training_page.reload()
        else:
            self.nav.setCurrentRow(TRAINING)  # reloads it (_training_shown)
        self.training_page.drill.setFocus()

    def _training_shown(self, row: int) -> None:
        if row == TRAINING:
            self.training_page.reload()  # the team or the tables may have changed meanwhile

    def _note_lookup(self, result: LookupResult | None) -> None:
        """An address the agent at this PC looked up: its place is drilled first."""
        if result is None or self.db is None or not result.couriers or result.kind != "text":
            return
        agent = self._current_agent_id()
        if agent is None:
            return
        # Imported only now: with nobody picked (or nothing found) the first search of the
        # day is answered without the drills' scheduler and models.
        from branchdesk.training.drills import lookups_to_note

        with self.db.read_session() as session:  # a write only when there is news
            keywords = lookups_to_note(session, agent, result.query)
        if keywords:
            # Written off the UI thread, one write at a time: while another program writes
            # (an import from the command line) the write waits for it and the search stays
            # answered; the lookups made meanwhile wait their turn (the latest 50).
            waiting = {(a, k) for a, ks in self.notes_waiting + self.notes_writing for k in ks}
            new = [k for k in keywords if (agent, k) not in waiting]  # typed again meanwhile
            if new:
                self.notes_waiting = [*self.notes_waiting, (agent, new)][-50:]
            self._write_notes()

    def _write_notes(self) -> None:
        """Write the lookups waiting to be noted (also when the runner goes idle)."""
        from branchdesk.training.drills import record_lookups

        runner, db = self.note_runner, self.db
        if runner.busy:
            return
        self.notes_writing = []  # written (or given up): the database knows them now
        if not self.notes_waiting or db is None or self._shut_down:
            return
        notes, self.notes_waiting = self.notes_waiting, []
        self.notes_writing = notes

        def note(_progress: object) -> None:
            with db.session() as session:
                for agent, keywords in notes:
                    record_lookups(session, agent, keywords)

        def failed(exc: BaseException) -> None:
            # Only a drill's order: left out, and the log says so.
            log.info("Lookups were not noted for the drills: %s", exc)

        runner.start(note, lambda _none: None, failed)  # the next ones: on `idle`

    def print_drill_sheet(self, deck: str, agent_id: int) -> None:
        from branchdesk.errors import BranchDeskError
        from branchdesk.io.documents import document_kinds
        from branchdesk.team.agents import get_agent
        from branchdesk.training.drills import copy_sheet
        from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

        if self.db is None:
            return
        try:
            with self.db.read_session() as session:
                employee = get_agent(session, agent_id).name if agent_id else ""
                sheet = copy_sheet(session, deck, employee=employee, agent_id=agent_id or None)
        except BranchDeskError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            return
        branch = str(self.settings.get("branch_name") or "")
        render = document_kinds()["drill-sheet"].render

        def write(path: Path, progress: Any) -> int:
            return int(render(sheet, path, branch=branch, printed=date.today(), progress=progress))

        dialog = PdfPreviewDialog(sheet.title, f"{sheet.title}.pdf", write, self)
        dialog.exec()
