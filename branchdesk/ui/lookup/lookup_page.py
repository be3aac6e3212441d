"""查件: one search box for addresses, waybill numbers and phones, searched as you type.

The page is built in the start-up look, before the data is open and before the first paint,
so an agent can go to 查件 and type at once: only its box is built then, without the storage
layer and without Qt's enums; the results (lookup_results.py) come when it is first shown or
answers.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from branchdesk.ui.kit.tasks import TaskRunner
from branchdesk.ui.lookup import confidence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from branchdesk.db.engine import Database
    from branchdesk.lookup.service import LookupResult, WaybillHit
    from branchdesk.ui.kit.models import RowsModel
    from branchdesk.ui.lookup.lookup_results import CourierModel, LookupResults

LOOKUP_LIMIT = 50


class LookupPage(QWidget):
    """Type anything; couriers, route and waybills update after a short pause.

    Built without the data (`db` None) in the start-up look, so an agent can type at once: a
    search asked before the data is open says so and is made when `attach` brings the data.
    """

    searched = Signal(object)  # LookupResult, for tests and the status bar
    DEBOUNCE_MS = 150

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
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
        self.batch_button.setEnabled(db is not None)
        self.summary = QLabel()
        self.summary.setObjectName("lookupSummary")
        self.summary.setWordWrap(True)
        self.summary.linkActivated.connect(self._suggestion_clicked)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.batch_button)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.summary)
        self._results: LookupResults | None = None
        self._searching = TaskRunner(self)  # a search made while the area index is built
        self._searching.idle.connect(self._search_ended)
        self._again = False  # the box changed while that search ran

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
        self.last_result: LookupResult | None = None
        self.summary.setText(self._summary_html(None))

    # --- the results: built when the page is first shown or answers -------------------------

    @property
    def results(self) -> LookupResults:
        if self._results is None:
            from PySide6.QtCore import Qt

            from branchdesk.ui.lookup.lookup_results import LookupResults

            self.summary.setTextFormat(Qt.TextFormat.RichText)
            self._results = LookupResults()
            self._layout.addWidget(self._results, 1)
            # In the box only: Esc in the results cleared the search the agent was reading.
            clear = QShortcut(QKeySequence("Esc"), self.search_box, self.search_box.clear)
            clear.setContext(Qt.ShortcutContext.WidgetShortcut)
            clear.setWhatsThis(self.tr("Clear the search box"))
            down = QShortcut(QKeySequence("Down"), self.search_box, self.to_results)
            down.setContext(Qt.ShortcutContext.WidgetShortcut)
            down.setWhatsThis(self.tr("To the results"))
        return self._results

    def showEvent(self, event: QShowEvent) -> None:
        self.results  # noqa: B018  # built before the page is painted
        super().showEvent(event)

    @property
    def courier_model(self) -> CourierModel:
        return self.results.courier_model

    @property
    def waybill_model(self) -> RowsModel[WaybillHit]:
        return self.results.waybill_model

    @property
    def courier_view(self) -> QTableView:
        return self.results.courier_view

    @property
    def waybill_view(self) -> QTableView:
        return self.results.waybill_view

    @property
    def route_label(self) -> QLabel:
        return self.results.route_label

    def to_results(self) -> None:
        """From the box to the first result (the couriers, else the waybills), selected."""
        from PySide6.QtCore import Qt

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

    def attach(self, db: Database) -> None:
        """The data is open: a search typed meanwhile is made now."""
        self.db = db
        self.batch_button.setEnabled(True)
        if self.search_box.text().strip():
            QTimer.singleShot(0, self.run_search)  # after the window shows the data

    def run_search(self) -> None:
        self._timer.stop()
        query = self.search_box.text()
        if not query.strip():
            self.show_result(None)
            return
        if self.db is None:  # typed in the start-up look: answered once the data is open
            self.results  # noqa: B018  # (the summary is rich text from then on)
            self.summary.setText(
                self.tr(
                    "Opening the branch's data… “{query}” is looked up as soon as it is open."
                ).format(query=html.escape(query.strip()[:60]))
            )
            return
        from branchdesk.lookup.service import index_ready, lookup

        if self._searching.busy:  # looked up once the search under way has ended
            self._again = True
            self._say_looking_up(query)
            return
        with self.db.read_session() as session:
            if index_ready(session):
                self.show_result(lookup(session, query, limit=LOOKUP_LIMIT))
                return
        # The first seconds after a start: the area index is being built (on the start-up
        # thread). This search waits for it on a thread of its own, not on the window's.
        db = self.db
        self._say_looking_up(query)

        def work(_progress: object) -> LookupResult:
            with db.read_session() as session:
                return lookup(session, query, limit=LOOKUP_LIMIT)

        def done(result: LookupResult) -> None:
            if self.search_box.text() == query:
                self.show_result(result)
            else:  # typed on meanwhile: looked up again once this thread has ended
                self._again = True

        self._searching.start(work, done, self._search_failed)

    def stop(self) -> None:
        """The window closes: a search under way ends (within the index's build) first."""
        self._again = False
        self._searching.stop()

    def _search_ended(self) -> None:
        if self._again:
            self._again = False
            self.run_search()

    def _say_looking_up(self, query: str) -> None:
        self.summary.setText(
            self.tr(
                "Looking up “{query}”… (the first search after a start waits for the address index)"
            ).format(query=html.escape(query.strip()[:60]))
        )

    def _search_failed(self, exc: BaseException) -> None:
        """As a search on the window's thread fails: ours said here; any other error to the
        application's last resort (the log, and a box that says what to do)."""
        import sys

        from branchdesk.errors import BranchDeskError

        if isinstance(exc, BranchDeskError):  # a damaged file, a busy database: what to do
            logging.getLogger("branchdesk").warning("A search failed: %s", exc)
            self.summary.setText(html.escape(str(exc), quote=False))
            return
        self.summary.setText(self.tr("The search could not be made: see the message."))
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def show_result(self, result: LookupResult | None) -> None:
        self.last_result = result
        self.results.set_result(result, LOOKUP_LIMIT)
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

        if self.db is None:
            return
        BatchLookupDialog(self.db, self).exec()
