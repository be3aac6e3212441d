"""练习 on the 培训 page: a 15-minute drill of the branch's own tables for one employee.

Show the prompt, reveal the answer (Space), grade it 1–4 (Again, Hard, Good, Easy); a progress
bar and a timer run above, and each table's mastery ("派件区域表 已掌握 72%") beside.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.training import drills
from branchdesk.training.cards import DECKS, deck_label

GRADE_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}


def _bigger(font: QFont, points: int, *, bold: bool = False) -> QFont:
    font = QFont(font)
    if font.pointSize() > 0:
        font.setPointSize(font.pointSize() + points)
    font.setBold(bold)
    return font


class DrillTab(QWidget):
    graded = Signal(int)  # a card was graded (the rating; 0: a grade taken back): 今天's count
    print_requested = Signal(str, int)  # deck, agent id: the copy-out sheet
    status = Signal(str)

    def __init__(
        self, db: Database, current_agent: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.current_agent = current_agent
        self.items: list[drills.DrillItem] = []
        self.position = 0
        self.revealed = False
        self.started = 0.0
        self.shown_at = 0.0
        self._at_pc: int | None = None
        # The last grade, to take back with Ctrl+Z (a key pressed by mistake: 1 for 3).
        self.last_grade: drills.GradeUndo | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.agent = QComboBox()
        self.agent.setObjectName("drillAgent")
        self.agent.setMinimumWidth(120)
        self.start_button = QPushButton(self.tr("Start today's drill"))
        self.start_button.setObjectName("startDrill")
        self.start_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("Card %v of %m"))
        self.clock = QLabel()
        self.clock.setObjectName("drillClock")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Employee:")))
        top.addWidget(self.agent)
        top.addWidget(self.start_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.clock)

        self.card = QFrame()
        self.card.setObjectName("drillCard")
        self.card.setStyleSheet(
            "QFrame#drillCard { background: white; border: 1px solid #d6dde8; border-radius: 6px; }"
        )
        self.deck_label = QLabel()
        self.deck_label.setStyleSheet("color: #5c5c5c;")
        self.question = QLabel()
        self.question.setFont(_bigger(self.font(), 1))
        self.prompt = QLabel()
        self.prompt.setObjectName("drillPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setFont(_bigger(self.font(), 8, bold=True))
        self.answer = QLabel()
        self.answer.setObjectName("drillAnswer")
        self.answer.setWordWrap(True)
        self.answer.setFont(_bigger(self.font(), 6))
        self.answer.setStyleSheet("color: #1b5e20;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        inner = QVBoxLayout(self.card)
        inner.addWidget(self.deck_label)
        inner.addWidget(self.question)
        inner.addWidget(self.prompt)
        inner.addSpacing(8)
        inner.addWidget(self.answer)
        inner.addWidget(self.note)
        inner.addStretch(1)

        self.reveal_button = QPushButton(self.tr("Show answer  (Space)"))
        self.reveal_button.setObjectName("revealAnswer")
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grade_buttons: dict[int, QPushButton] = {}
        grades = QHBoxLayout()
        grades.addWidget(self.reveal_button, 2)
        for rating, text in (
            (1, self.tr("1 Again")),
            (2, self.tr("2 Hard")),
            (3, self.tr("3 Good")),
            (4, self.tr("4 Easy")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"grade{rating}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space reveals, never grades
            button.clicked.connect(lambda _c=False, r=rating: self.grade(r))
            grades.addWidget(button, 1)
            self.grade_buttons[rating] = button
        self.undo_button = QPushButton(self.tr("Undo the grade  (Ctrl+Z)"))
        self.undo_button.setObjectName("undoGrade")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_grade)
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_grade)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.setWhatsThis(self.tr("Undo the last grade"))

        self.decks = QGridLayout()
        self.deck_bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        for row, deck in enumerate(DECKS):
            label = QLabel(deck_label(deck))
            bar = QProgressBar()
            bar.setObjectName(f"mastery_{deck}")
            bar.setRange(0, 100)
            bar.setTextVisible(False)  # the label says it: 派件区域表 已掌握 72%
            self.decks.addWidget(label, row, 0)
            self.decks.addWidget(bar, row, 1)
            self.deck_bars[deck] = (label, bar)
        self.print_deck = QComboBox()
        for deck in DECKS:
            self.print_deck.addItem(deck_label(deck), deck)
        self.print_button = QPushButton(self.tr("Print copy-out sheet…"))
        self.print_button.setObjectName("printDrillSheet")
        self.print_button.clicked.connect(self._print)
        side = QVBoxLayout()
        heading = QLabel(self.tr("Mastered, per table"))
        heading.setFont(_bigger(self.font(), 1, bold=True))
        side.addWidget(heading)
        side.addLayout(self.decks)
        side.addSpacing(12)
        side.addWidget(QLabel(self.tr("Copy-out sheet (默写) with an answer key:")))
        side.addWidget(self.print_deck)
        side.addWidget(self.print_button)
        side.addStretch(1)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.card, 1)
        left.addLayout(grades)
        left.addLayout(undo_row)
        middle.addLayout(left, 3)
        middle.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.agent.currentIndexChanged.connect(self._agent_changed)
        self.reload()

    # --- state ----------------------------------------------------------------------------
    def agent_id(self) -> int | None:
        value = self.agent.currentData()
        return int(value) if value is not None else None

    def reload(self) -> None:
        """The team (the employee at this PC chosen) and each table's mastery."""
        from branchdesk.team.agents import list_agents

        with self.db.read_session() as session:
            team = list_agents(session)
        at_pc = self.current_agent()
        # Whoever sits down at the PC drills as themselves; a name picked here stays otherwise.
        held = at_pc if at_pc != self._at_pc or self.agent_id() is None else self.agent_id()
        self._at_pc = at_pc
        self.agent.blockSignals(True)
        self.agent.clear()
        for agent in team:
            self.agent.addItem(agent.name, agent.id)
        index = self.agent.findData(held) if held is not None else -1
        self.agent.setCurrentIndex(max(index, 0) if team else -1)
        self.agent.blockSignals(False)
        if self.last_grade is not None and self.last_grade.agent_id != self.agent_id():
            self.last_grade = None  # another agent now: theirs to undo, not this one's
            self.undo_button.setEnabled(False)
        self.start_button.setEnabled(bool(team))
        self.print_button.setEnabled(True)
        if not self.items:
            self._idle(
                self.tr("Press “Start today's drill”: about 15 minutes of the branch's own tables.")
                if team
                else self.tr(
                    "Add the team first (团队 › 团队与考勤): each employee drills as themselves."
                )
            )
        self.refresh_mastery()

    def _agent_changed(self) -> None:
        self.items = []
        self.last_grade = None
        self.undo_button.setEnabled(False)
        self.timer.stop()
        self._idle(
            self.tr("Press “Start today's drill”: about 15 minutes of the branch's own tables.")
        )
        self.refresh_mastery()

    def refresh_mastery(self) -> None:
        agent = self.agent_id()
        progress: dict[str, drills.DeckProgress] = {}
        if agent is not None:
            with self.db.read_session() as session:
                progress = {p.deck: p for p in drills.mastery(session, agent)}
        for deck, (label, bar) in self.deck_bars.items():
            p = progress.get(deck)
            label.setText(
                self.tr("{table} mastered {percent}%").format(
                    table=deck_label(deck), percent=p.percent if p else 0
                )
            )
            bar.setValue(p.percent if p else 0)
            bar.setToolTip(
                self.tr("{mastered} of {cards} card(s) mastered, {seen} seen").format(
                    mastered=p.mastered, cards=p.cards, seen=p.seen
                )
                if p
                else self.tr("No cards: the table is not imported yet.")
            )

    def _idle(self, text: str) -> None:
        self.deck_label.setText("")
        self.question.setText("")
        self.prompt.setText(text)
        self.answer.setText("")
        self.note.setText("")
        self.reveal_button.setEnabled(False)
        for button in self.grade_buttons.values():
            button.setEnabled(False)
        done = bool(self.items) and self.position >= len(self.items)
        # Before a drill the bar says nothing (not "card 0 of 1"); after one, "card N of N".
        self.progress.setTextVisible(done)
        self.progress.setRange(0, max(len(self.items), 1))
        self.progress.setValue(len(self.items) if done else 0)

    # --- the drill ------------------------------------------------------------------------
    def start(self) -> None:
        agent = self.agent_id()
        if agent is None:
            return
        with self.db.session() as session:
            drills.sync_cards(session)  # the tables may have changed since the last drill
        with self.db.read_session() as session:
            self.items = drills.build_session(session, agent)
        self.position = 0
        self.last_grade = None
        self.undo_button.setEnabled(False)
        self.started = time.monotonic()
        self.timer.start()
        self._tick()
        self.refresh_mastery()
        if not self.items:
            self.timer.stop()
            self._idle(
                self.tr("Nothing to drill today: every card is learned and none is due. Well done.")
            )
            return
        self._show()
        self.setFocus()

    def _show(self) -> None:
        item = self.items[self.position]
        self.revealed = False
        self.shown_at = time.monotonic()
        tags = [item.deck_label]
        if item.new:
            tags.append(self.tr("new"))
        if item.looked_up:
            tags.append(self.tr("you looked this up"))
        self.deck_label.setText(" · ".join(tags))
        self.question.setText(item.question)
        self.prompt.setText(item.prompt)
        self.answer.setText("")
        self.note.setText("")
        self.reveal_button.setEnabled(True)
        for button in self.grade_buttons.values():
            button.setEnabled(False)
        self.progress.setTextVisible(True)
        self.progress.setRange(0, len(self.items))
        self.progress.setValue(self.position + 1)  # the card on screen: 1 for the first

    def reveal(self) -> None:
        if not self.items or self.position >= len(self.items) or self.revealed:
            return
        item = self.items[self.position]
        self.revealed = True
        self.answer.setText("\n".join(item.answers))
        if item.tie:
            self.note.setText(
                self.tr(
                    "Both are right: the area table gives this place to {names}; ask the "
                    "customer for the house number or building to tell."
                ).format(names="、".join(item.answers))
            )
        self.reveal_button.setEnabled(False)
        for button in self.grade_buttons.values():
            button.setEnabled(True)

    def grade(self, rating: int) -> None:
        agent = self.agent_id()
        if agent is None or not self.revealed or self.position >= len(self.items):
            return
        item = self.items[self.position]
        seconds = round(time.monotonic() - self.shown_at)
        self.last_grade = None
        try:
            with self.db.session() as session:
                self.last_grade = drills.grade_undoably(
                    session, agent, item.card_id, rating, seconds=seconds
                )
        except BranchDeskError as exc:
            self.status.emit(str(exc))
        self.undo_button.setEnabled(self.last_grade is not None)
        self.position += 1
        self.graded.emit(rating)
        if self.position < len(self.items):
            self._show()
            return
        self.timer.stop()
        self.refresh_mastery()
        self._idle(
            self.tr("Today's drill is done: {count} card(s) in {minutes} min.").format(
                count=len(self.items), minutes=max(1, round((time.monotonic() - self.started) / 60))
            )
        )

    def undo_grade(self) -> None:
        """Take back the last grade and show its card again, to be graded once more."""
        undo = self.last_grade
        if undo is None or self.position == 0 or undo.agent_id != self.agent_id():
            return
        self.last_grade = None  # taken back, or refused: either way nothing more to undo
        self.undo_button.setEnabled(False)
        try:
            with self.db.session() as session:
                drills.undo_grade(session, undo)
        except BranchDeskError as exc:
            self.status.emit(str(exc))
            return
        self.position -= 1
        if not self.timer.isActive():
            self.timer.start()  # the drill had ended with that card
        self.graded.emit(0)  # 今天's count goes back
        self.refresh_mastery()
        self._show()
        self.reveal()  # as it was when graded: the answer on screen, a grade to choose
        self.status.emit(self.tr("The grade was taken back: grade this card again."))

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started) if self.started else 0
        self.clock.setText(
            self.tr("Time {minutes:02d}:{seconds:02d} of {limit} min").format(
                minutes=elapsed // 60, seconds=elapsed % 60, limit=drills.SESSION_MINUTES
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.revealed:
            self.reveal()
            return
        rating = GRADE_KEYS.get(Qt.Key(key))
        if rating is not None and self.revealed:
            self.grade(rating)
            return
        super().keyPressEvent(event)

    def _print(self) -> None:
        agent = self.agent_id()
        self.print_requested.emit(str(self.print_deck.currentData()), agent if agent else 0)
