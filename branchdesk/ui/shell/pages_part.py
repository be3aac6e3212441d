"""The pages of the main window, built when they are first needed.

When the data opens, 今天 (the start page) and 查件 (where a new agent types first) are built;
every other page is an empty placeholder at its place in the stack until it is shown or used
(`window.handbook_page` builds the handbook page then). Building all eleven at start cost a
second on a 1,000,000-waybill branch before the window showed its data.

A page is built in its placeholder's place, so `pages.currentWidget()` is the page itself, and
its signals are wired as it is built. Work that touches every page (after an import) touches
only those already built: one built later reads the data as it is then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from branchdesk.ui.shell.window_base import (
    ANALYSIS,
    COMPLAINTS,
    COURIERS,
    DATA,
    GUIDES,
    HANDBOOK,
    KNOWLEDGE,
    LOOKUP,
    PAGE_COUNT,
    PRACTICE,
    TODAY,
    TRAINING,
    WindowParts,
)

if TYPE_CHECKING:
    from branchdesk.complaints.glance import DueGlance
    from branchdesk.ui.complaints.analysis_page import AnalysisPage
    from branchdesk.ui.complaints.complaints_page import ComplaintsPage
    from branchdesk.ui.data.data_page import DataPage
    from branchdesk.ui.guides.guides_page import GuidesPage
    from branchdesk.ui.handbook.handbook_page import HandbookPage
    from branchdesk.ui.handbook.practice_page import PracticePage
    from branchdesk.ui.lookup.couriers_page import CouriersPage
    from branchdesk.ui.lookup.lookup_page import LookupPage
    from branchdesk.ui.shell.today_page import TodayPage

# Built with the data: the start page, and 查件 (its search box has the focus at start).
BUILT_AT_START = (TODAY, LOOKUP)


class PagesPart(WindowParts):
    def _place_pages(self) -> None:
        """A placeholder for every page (unless the start-up look placed them), then the pages
        of the first screen."""
        if self.built(TODAY) is None:
            self._place_placeholders()
        for index in BUILT_AT_START:
            self.page(index)

    def _place_placeholders(self) -> None:
        self._built = {}
        for _ in range(PAGE_COUNT):
            self.pages.addWidget(QWidget())

    def _place_glance(self, due: DueGlance, lead: float, at: datetime) -> None:
        """The start-up look (startup.py): 今天 with the day's due list, and 查件 to type in,
        before the data is open; 今天's cards and every other page come with the data."""
        self._place_placeholders()
        page = self._today_page()
        page.show_glance(due, lead, at)
        self._put(TODAY, page)
        self._put(LOOKUP, self._build_lookup())
        self.pages.setCurrentIndex(TODAY)
        self.nav.setCurrentRow(TODAY)
        self._open_early()

    def go_to_page(self, row: int) -> None:
        """Ctrl+1 … Ctrl+0: the page, and on 查件 its search box (Ctrl+2 is 查地址's key);
        nothing while the navigation is off (no data open, or it failed to open)."""
        if not self.nav.isEnabled():
            return
        self.nav.setCurrentRow(row)
        if row == LOOKUP and self.pages.currentIndex() == LOOKUP:
            self.lookup_page.focus_search()

    def after_first_paint(self) -> None:
        """Once the start-up look is on screen, before the data opens: 查件's results (and
        Qt's enums, some 60 ms), so that going to 查件 is not the first click that waits."""
        if self.built(LOOKUP) is not None:
            self.lookup_page.results  # noqa: B018

    # --- one builder per page: the page and its wiring ---------------------------------------

    def _build_page(self, index: int) -> QWidget:
        builders: dict[int, Callable[[], QWidget]] = {
            TODAY: self._build_today,
            LOOKUP: self._build_lookup,
            DATA: self._build_data,
            COURIERS: self._build_couriers,
            HANDBOOK: self._build_handbook,
            PRACTICE: self._build_practice,
            COMPLAINTS: self._build_complaints,
            ANALYSIS: self._build_analysis,
            GUIDES: self._build_guides,
            KNOWLEDGE: self._build_knowledge_page,
            TRAINING: self._build_training_page,
        }
        return builders[index]()

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _build_today(self) -> TodayPage:
        assert self.db is not None
        page = self._today_page()
        self._add_today_cards(page)
        return page

    def _today_page(self) -> TodayPage:
        """今天 and its wiring, without the later features' cards (they need the data)."""
        from branchdesk.ui.shell.today_page import TodayPage

        page = TodayPage(self.db, self.settings)
        page.job.connect(self.do_job)
        page.open_complaint.connect(self._open_complaint)
        return page

    def _open_complaint(self, complaint_id: int) -> None:
        what = self.nav.item(COMPLAINTS).text()
        if not self.ask_early(lambda: self._open_complaint(complaint_id), what):
            self.complaints_page.open_complaint(complaint_id)

    def _add_today_cards(self, page: TodayPage) -> None:
        from branchdesk.ui.shell.today_cards import DrillCard, QcCard, QueueCard

        assert self.db is not None
        page.db = self.db
        queue_card = QueueCard(self.db, self.settings, self.open_queue)
        page.add_card(queue_card, queue_card.refresh)
        qc_card = QcCard(self.db, self.open_qc)
        page.add_card(qc_card, qc_card.refresh)
        self.drill_card = DrillCard(self.db, self.settings, self.open_training)
        page.add_card(self.drill_card, self.drill_card.refresh)

    def _build_lookup(self) -> LookupPage:
        """查件 (in the start-up look without the data: `LookupPage.attach` brings it)."""
        from branchdesk.ui.lookup.lookup_page import LookupPage

        page = LookupPage(self.db)
        page.searched.connect(self._note_lookup)  # drilled first (培训)
        return page

    def _build_data(self) -> DataPage:
        from branchdesk.ui.data.data_page import DataPage

        assert self.db is not None
        page = DataPage(self.db)
        page.import_requested.connect(self.open_import)
        page.changed.connect(self.refresh)
        return page

    def _build_couriers(self) -> CouriersPage:
        from branchdesk.ui.lookup.couriers_page import CouriersPage

        assert self.db is not None
        page = CouriersPage(self.db)
        page.changed.connect(self.lookup_page.run_search)
        return page

    def _build_handbook(self) -> HandbookPage:
        from branchdesk.ui.handbook.handbook_page import HandbookPage

        assert self.db is not None
        page = HandbookPage(self.db)
        page.import_requested.connect(self.open_import)
        page.print_requested.connect(self.open_print)
        page.practice_requested.connect(lambda: self.nav.setCurrentRow(PRACTICE))
        page.status.connect(self._status)
        self._add_suggest_action(page.view)  # 纠错与建议 on a penalty item (right-click)
        return page

    def _build_practice(self) -> PracticePage:
        from branchdesk.ui.handbook.practice_page import PracticePage

        assert self.db is not None
        from branchdesk.settings import who_is_working

        page = PracticePage(self.db, working=lambda: who_is_working(self.settings))
        page.print_requested.connect(lambda employee: self.open_print("results", employee=employee))
        return page

    def _build_complaints(self) -> ComplaintsPage:
        from branchdesk.ui.complaints.complaints_page import ComplaintsPage

        assert self.db is not None
        page = ComplaintsPage(self.db, self.settings)
        page.status.connect(self._status)
        page.due_refreshed.connect(self._show_due_counts)
        page.due_refreshed.connect(lambda *_: self.today_page.refresh())
        return page

    def _build_analysis(self) -> AnalysisPage:
        from branchdesk.ui.complaints.analysis_page import AnalysisPage

        assert self.db is not None
        page = AnalysisPage(self.db)  # QtCharts: loaded the first time 分析 is shown
        page.status.connect(self._status)
        return page

    def _build_guides(self) -> GuidesPage:
        from branchdesk.ui.guides.guides_page import GuidesPage

        assert self.db is not None
        page = GuidesPage(self.db, self.settings)
        page.status.connect(self._status)
        return page
