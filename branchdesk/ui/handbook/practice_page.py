"""练习: an employee practises the penalty handbook, by quiz or by copying standards out (默写).

Every finished round goes into the history the owner prints. As saved, a quiz scores right
answers out of questions (8/10); a copy-out scores the average of its items' similarity
scores out of 100 (each item 0..100, `exam.compare_copy`), so a row's percent means the same
in both modes and one copy-out row is as easy to read as a quiz row.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QMouseEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.handbook import exam, service
from branchdesk.handbook.entries import Entry, Question, ResultRow
from branchdesk.handbook.exam import Segment
from branchdesk.handbook.printing import new_seed
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.questions import agreed
from branchdesk.ui.kit.scrolling import scroll_area
from branchdesk.ui.kit.tables import read_only_table

SETUP, QUESTION, SUMMARY = range(3)  # pages of the stack
QUIZ, COPY = "quiz", "copy"  # modes as saved
LETTERS = "ABCD"
GREEN, RED, GREY = "#1b7f3b", "#c62828", "#888888"
GOOD_COPY = 80  # a copy-out item scoring this much shows green


def copy_html(segments: Sequence[Segment]) -> str:
    """The handbook's text with what was left out red and underlined, and what was typed
    but is not in the handbook struck through in grey."""
    parts = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br>")
        if segment.kind == "missing":
            parts.append(f'<span style="color:{RED}; text-decoration:underline;">{text}</span>')
        elif segment.kind == "extra":
            parts.append(f'<span style="color:{GREY}; text-decoration:line-through;">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


def _scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def _span(colour: str, text: str, *, bold: bool = False) -> str:
    weight = " font-weight:600;" if bold else ""
    return f'<span style="color:{colour};{weight}">{html.escape(text)}</span>'


class OptionLabel(QLabel):
    """The wrapped text of a choice; clicking it picks the option, like a radio's own text."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class _GrowingList(QListWidget):
    """A list that asks for little and takes the room there is: its scroll area sizes the
    setup by what it asks for (the intro wraps), and a list's usual 192 pixels pushed 开始
    below the fold of a short window (a 1366×768 laptop at 125%)."""

    def sizeHint(self) -> QSize:
        return QSize(256, 80)


class PracticePage(QWidget):
    """Practice on screen: choose, answer one question at a time, see the score, the history.

    Why one class of this size: a round is one state machine (mode, questions, position,
    answers given) that the setup, question and summary views all read and change; split into
    view classes, that state would have to travel between them at every key press.
    """

    print_requested = Signal(object)  # employee name, or None for everyone

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        working: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        # Who works at this PC (团队 › 换人): the name a round is saved under, until typed.
        self.working = working or (lambda: "")
        # The round in progress.
        self.mode = QUIZ
        self.employee = ""
        self.seed = 0
        self.categories: tuple[str, ...] = ()  # empty: every category
        self.questions: list[Question] = []
        self.items: list[Entry] = []  # copy-out
        self.index = 0
        self.answered = False
        self.details: list[dict[str, Any]] = []
        self.saved: ResultRow | None = None

        # Each step scrolls on its own on a 768-high screen (the question, with its four
        # choices and feedback): one scroll area around the whole stack took the question's
        # height for the setup too, and pushed its 开始 below the fold.
        self.stack = QStackedWidget()
        for step in (self._build_setup(), self._build_question(), self._build_summary()):
            self.stack.addWidget(scroll_area(step))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(self._build_history())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([690, 410])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for keys in ("Return", "Enter", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.press_enter)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.tr("Start, answer, next question"))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.press_escape)
        escape.setWhatsThis(self.tr("Stop the round"))
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _build_setup(self) -> QWidget:
        title = QLabel(self.tr("Practise the penalty handbook"))
        title.setFont(_scaled(self.font(), 1.5, bold=True))
        intro = QLabel(
            self.tr(
                "Answer questions drawn from the handbook, or write operating standards "
                "from memory. Every finished round is saved in the history on the right."
            )
        )
        intro.setWordWrap(True)

        self.name_box = QComboBox()
        self.name_box.setEditable(True)
        self.name_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_box.setMinimumContentsLength(16)
        name_edit = self.name_box.lineEdit()
        if name_edit is not None:
            name_edit.setPlaceholderText(self.tr("Your name"))
        self.name_box.editTextChanged.connect(self.refresh_history)

        self.count_box = QSpinBox()
        self.count_box.setRange(1, 200)
        self.count_box.setValue(10)
        self.count_box.setMinimumWidth(90)

        self.quiz_radio = QRadioButton(self.tr("Quiz: fines, standards, true or false"))
        self.copy_radio = QRadioButton(self.tr("Copy-out (默写): write the standard from memory"))
        self.quiz_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.quiz_radio)
        self.mode_group.addButton(self.copy_radio)
        modes = QVBoxLayout()
        modes.setSpacing(4)
        modes.addWidget(self.quiz_radio)
        modes.addWidget(self.copy_radio)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Name:"), self.name_box)
        form.addRow(self.tr("Questions:"), self.count_box)
        form.addRow(self.tr("Mode:"), modes)

        self.category_list = _GrowingList()
        self.category_list.setAlternatingRowColors(True)
        all_button = QPushButton(self.tr("All"))
        all_button.clicked.connect(lambda: self._tick_all(True))
        none_button = QPushButton(self.tr("None"))
        none_button.clicked.connect(lambda: self._tick_all(False))
        category_head = QHBoxLayout()
        category_head.addWidget(QLabel(self.tr("Categories:")))
        category_head.addStretch(1)
        category_head.addWidget(all_button)
        category_head.addWidget(none_button)

        self.empty_note = QLabel(
            self.tr(
                "The handbook is empty. Import it on the Handbook page (Ctrl+4) or load "
                "the sample handbook there first."
            )
        )
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        self.setup_error = QLabel()
        self.setup_error.setWordWrap(True)
        self.setup_error.setStyleSheet(f"color: {RED};")
        self.setup_error.hide()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start (Enter)"))
        self.start_button.setMinimumWidth(120)
        self.start_button.clicked.connect(self.start)
        bottom = QHBoxLayout()
        bottom.addWidget(self.setup_error, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.start_button)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(category_head)
        layout.addWidget(self.category_list, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(bottom)
        return page

    def _build_question(self) -> QWidget:
        self.progress_label = QLabel()
        self.progress_label.setFont(_scaled(self.font(), 1.1, bold=True))
        self.category_label = QLabel()
        self.category_label.setStyleSheet(f"color: {GREY};")
        head = QHBoxLayout()
        head.addWidget(self.progress_label)
        head.addStretch(1)
        head.addWidget(self.category_label)

        self.prompt_label = QLabel()
        self.prompt_label.setWordWrap(True)
        # Handbook text is shown as written, never read as HTML.
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setFont(_scaled(self.font(), 1.6))
        self.prompt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # fine: the amount as written
        self.fine_edit = QLineEdit()
        self.fine_edit.setFont(_scaled(self.font(), 1.3))
        self.fine_edit.setPlaceholderText(self.tr("The fine, e.g. 50元/票"))

        # choice: A–D, each with its wrapped text
        option_font = _scaled(self.font(), 1.2)
        self.choice_box = QWidget()
        choice_layout = QVBoxLayout(self.choice_box)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.setSpacing(10)
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: list[QRadioButton] = []
        self.choice_labels: list[OptionLabel] = []
        for n, letter in enumerate(LETTERS):
            button = QRadioButton(letter)
            button.setFont(option_font)
            label = OptionLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setFont(option_font)
            label.clicked.connect(button.click)
            self.choice_group.addButton(button, n)
            row = QHBoxLayout()
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            choice_layout.addLayout(row)
            self.choice_buttons.append(button)
            self.choice_labels.append(label)

        # judge: true or false
        self.judge_box = QWidget()
        judge_layout = QHBoxLayout(self.judge_box)
        judge_layout.setContentsMargins(0, 0, 0, 0)
        judge_layout.setSpacing(30)
        self.true_radio = QRadioButton(self.tr("1  True"))
        self.false_radio = QRadioButton(self.tr("2  False"))
        self.judge_group = QButtonGroup(self)
        for button in (self.true_radio, self.false_radio):
            button.setFont(option_font)
            self.judge_group.addButton(button)
            judge_layout.addWidget(button)
        judge_layout.addStretch(1)

        # copy-out: the fine as a cue, the standard typed from memory, then what differs
        self.copy_box = QWidget()
        copy_layout = QVBoxLayout(self.copy_box)
        copy_layout.setContentsMargins(0, 0, 0, 0)
        self.copy_fine_label = QLabel()
        self.copy_fine_label.setTextFormat(Qt.TextFormat.PlainText)
        self.copy_fine_label.setFont(_scaled(self.font(), 1.2))
        self.copy_edit = QPlainTextEdit()
        self.copy_edit.setFont(_scaled(self.font(), 1.2))
        self.copy_edit.setPlaceholderText(
            self.tr("Write the operating standard (操作标准) from memory…")
        )
        self.diff_view = QTextBrowser()
        self.diff_view.setFont(_scaled(self.font(), 1.2))
        self.diff_legend = QLabel(
            self.tr(
                "The handbook's text: red underlined was left out, grey struck through "
                "is not in the handbook."
            )
        )
        self.diff_legend.setWordWrap(True)
        self.diff_legend.setStyleSheet(f"color: {GREY};")
        copy_layout.addWidget(self.copy_fine_label)
        copy_layout.addWidget(self.copy_edit, 1)
        copy_layout.addWidget(self.diff_legend)
        copy_layout.addWidget(self.diff_view, 1)

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setFont(_scaled(self.font(), 1.2))
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setToolTip(self.tr("Stop this round (Esc)"))
        self.quit_button.clicked.connect(self.quit_round)
        self.keys_hint = QLabel()
        self.keys_hint.setStyleSheet(f"color: {GREY};")
        self.next_button = QPushButton()
        self.next_button.setMinimumWidth(140)
        self.next_button.clicked.connect(self.advance)
        bottom = QHBoxLayout()
        bottom.addWidget(self.quit_button)
        bottom.addStretch(1)
        bottom.addWidget(self.keys_hint)
        bottom.addWidget(self.next_button)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(16)
        layout.addLayout(head)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.fine_edit)
        layout.addWidget(self.choice_box)
        layout.addWidget(self.judge_box)
        layout.addWidget(self.copy_box, 1)
        layout.addWidget(self.feedback)
        self.question_stretch = QWidget()  # takes the slack when there is no copy box
        layout.addWidget(self.question_stretch, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(bottom)
        return page

    def _build_summary(self) -> QWidget:
        self.score_label = QLabel()
        self.score_label.setFont(_scaled(self.font(), 2.0, bold=True))
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.summary_view = QTextBrowser()
        self.again_button = QPushButton(self.tr("Practise again"))
        self.again_button.setToolTip(self.tr("Back to the choice of questions (Enter)"))
        self.again_button.clicked.connect(self.back_to_setup)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.again_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(self.score_label)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.summary_view, 1)
        layout.addLayout(bottom)
        return page

    def _build_history(self) -> QWidget:
        modes = {QUIZ: self.tr("Quiz"), COPY: self.tr("Copy-out"), "paper": self.tr("Paper exam")}
        columns: list[Column[ResultRow]] = [
            Column("Taken", lambda r: r.taken_at.strftime("%Y-%m-%d %H:%M")),  # local time
            Column("Name", lambda r: r.employee),
            Column("Mode", lambda r: modes.get(r.mode, r.mode)),
            Column("Score", lambda r: f"{r.score}/{r.total}", align_right=True),
            Column("Percent", lambda r: f"{r.percent}%", align_right=True),
        ]
        self.history_model: RowsModel[ResultRow] = RowsModel(columns, self)
        self.history_view = read_only_table(
            self.history_model,
            alternating=False,
            stretch=1,  # the name
        )
        self.history_title = QLabel()
        self.history_title.setFont(_scaled(self.font(), 1.1, bold=True))
        self.print_button = QPushButton(self.tr("Print results…"))
        self.print_button.clicked.connect(self.request_print)
        self.paper_button = QPushButton(self.tr("Record a paper exam…"))
        self.paper_button.clicked.connect(lambda: self.record_paper())
        bottom = QHBoxLayout()
        bottom.addWidget(self.paper_button)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_view, 1)
        layout.addLayout(bottom)
        return panel

    def record_paper(self) -> bool:
        """A printed paper marked by hand: its score into the history (and the plan)."""
        from branchdesk.ui.handbook.paper_score_dialog import PaperScoreDialog

        names = [self.name_box.itemText(i) for i in range(self.name_box.count())]
        dialog = PaperScoreDialog(self.db, names, self.name_box.currentText(), self)
        if not dialog.exec():
            return False
        self.refresh_history()
        return True

    # --- setup ----------------------------------------------------------------------------
    @property
    def in_progress(self) -> bool:
        return self.stack.currentIndex() == QUESTION

    def employee_name(self) -> str:
        return " ".join(self.name_box.currentText().split())

    def reload(self) -> None:
        """Categories, names and history afresh from the database (the handbook may have
        changed on another page); the name typed and the categories unticked are kept."""
        with self.db.session() as session:
            categories = service.list_categories(session)
            names = service.employees(session)
        unticked = {
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._category_items()
            if item.checkState() != Qt.CheckState.Checked
        }
        self.category_list.clear()
        for category in categories:
            item = QListWidgetItem(f"{category.name}  ({category.items})")
            item.setData(Qt.ItemDataRole.UserRole, category.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = category.name not in unticked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.category_list.addItem(item)
        self.empty_note.setVisible(not any(c.items for c in categories))

        typed = self.name_box.currentText() or self.working()
        self.name_box.blockSignals(True)
        self.name_box.clear()
        self.name_box.addItems(names)
        self.name_box.setEditText(typed)
        self.name_box.blockSignals(False)
        self.refresh_history()

    def _category_items(self) -> list[QListWidgetItem]:
        items = (self.category_list.item(n) for n in range(self.category_list.count()))
        return [item for item in items if item is not None]

    def _tick_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for item in self._category_items():
            item.setCheckState(state)

    def _refuse(self, message: str, focus: QWidget | None = None) -> None:
        self.setup_error.setText(message)
        self.setup_error.show()
        if focus is not None:
            focus.setFocus()

    def start(self) -> None:
        name = self.employee_name()
        if not name:
            self._refuse(
                self.tr("Enter your name first: the result is saved under it."), self.name_box
            )
            return
        items = self._category_items()
        ticked = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]
        if not ticked:
            self._refuse(self.tr("Tick at least one category."), self.category_list)
            return
        categories = () if len(ticked) == len(items) else tuple(ticked)
        self.count_box.interpretText()
        count = self.count_box.value()
        mode = COPY if self.copy_radio.isChecked() else QUIZ
        seed = new_seed()
        questions: list[Question] = []
        entries: list[Entry] = []
        try:
            with self.db.session() as session:
                if mode == QUIZ:
                    paper = service.make_exam(session, count, seed, categories=categories)
                    questions = list(paper.questions)
                else:
                    entries = service.entries(session, categories=categories)
        except BranchDeskError as exc:
            self._refuse(str(exc))
            return
        if mode == COPY:
            entries = [e for e in entries if e.standard.strip()]
            random.Random(seed).shuffle(entries)
            entries = entries[:count]
            if not entries:
                self._refuse(
                    self.tr(
                        "No item in the chosen categories has an operating standard to "
                        "write out. Choose other categories or use the quiz."
                    )
                )
                return
        self.setup_error.hide()
        self.mode, self.employee, self.seed, self.categories = mode, name, seed, categories
        self.questions, self.items = questions, entries
        self.index = 0
        self.details = []
        self.saved = None
        self.stack.setCurrentIndex(QUESTION)
        self.show_question()

    # --- one question ---------------------------------------------------------------------
    @property
    def round_length(self) -> int:
        return len(self.questions) if self.mode == QUIZ else len(self.items)

    def show_question(self) -> None:
        self.answered = False
        self.feedback.clear()
        self.feedback.hide()
        total = self.round_length
        self.progress_label.setText(
            self.tr("Question {number} of {total}").format(number=self.index + 1, total=total)
        )
        self.next_button.setText(self.tr("Submit"))
        self.next_button.setToolTip(self.tr("Submit the answer (Enter)"))
        if self.mode == COPY:
            self._show_copy(self.items[self.index])
            return
        question = self.questions[self.index]
        self.category_label.setText(question.category)
        self.prompt_label.setText(question.prompt)
        self.copy_box.hide()
        self.question_stretch.show()
        self.fine_edit.setVisible(question.kind == "fine")
        self.choice_box.setVisible(question.kind == "choice")
        self.judge_box.setVisible(question.kind == "judge")
        for widget in (self.fine_edit, self.judge_box, *self.choice_buttons):
            widget.setEnabled(True)
        for label in self.choice_labels:
            label.setStyleSheet("")
        self.fine_edit.clear()
        for group in (self.choice_group, self.judge_group):
            checked = group.checkedButton()
            if checked is not None:  # an exclusive group never unchecks its last button
                group.setExclusive(False)
                checked.setChecked(False)
                group.setExclusive(True)
        if question.kind == "fine":
            self.keys_hint.setText(self.tr("Enter: submit · Esc: quit"))
            self.fine_edit.setFocus()
            return
        if question.kind == "choice":
            for n, (button, label) in enumerate(
                zip(self.choice_buttons, self.choice_labels, strict=True)
            ):
                shown = n < len(question.options)
                button.setVisible(shown)
                label.setVisible(shown)
                label.setText(question.options[n] if shown else "")
            self.keys_hint.setText(self.tr("1–4 or A–D: choose · Enter: submit · Esc: quit"))
        else:
            self.keys_hint.setText(self.tr("1: true · 2: false · Enter: submit · Esc: quit"))
        self.next_button.setFocus()

    def _show_copy(self, entry: Entry) -> None:
        self.category_label.setText(entry.category)
        self.prompt_label.setText(entry.cause)
        self.copy_fine_label.setText(self.tr("Fine: {fine}").format(fine=entry.fine))
        for widget in (self.fine_edit, self.choice_box, self.judge_box, self.question_stretch):
            widget.hide()
        self.copy_box.show()
        self.copy_edit.clear()
        self.copy_edit.setReadOnly(False)
        self.diff_view.clear()
        self.diff_view.hide()
        self.diff_legend.hide()
        self.keys_hint.setText(self.tr("Ctrl+Enter: submit · Esc: quit"))
        self.copy_edit.setFocus()

    def _given(self, question: Question) -> str:
        if question.kind == "fine":
            return self.fine_edit.text().strip()
        if question.kind == "choice":
            n = self.choice_group.checkedId()
            return LETTERS[n] if n >= 0 else ""
        if self.true_radio.isChecked():
            return "T"
        return "F" if self.false_radio.isChecked() else ""

    def answer_text(self, question: Question, given: str) -> str:
        """An answer as a person reads it: the option's text with its letter, 对/错 in words."""
        if question.kind == "choice":
            n = LETTERS.find(given.upper())
            if 0 <= n < len(question.options):
                return f"{LETTERS[n]}. {question.options[n]}"
        if question.kind == "judge" and given in ("T", "F"):
            return self.tr("True") if given == "T" else self.tr("False")
        return given

    def advance(self) -> None:
        """Submit the answer, or after it go on to the next question (or the result)."""
        if not self.in_progress:
            return
        if not self.answered:
            self.submit()
        elif self.index + 1 < self.round_length:
            self.index += 1
            self.show_question()
        else:
            self.finish()

    def submit(self) -> None:
        if self.mode == COPY:
            self._submit_copy()
            return
        question = self.questions[self.index]
        given = self._given(question)
        if not given:
            self._show_feedback(
                _span(RED, self.tr("Type an answer or choose one first."))
                if question.kind == "fine"
                else _span(RED, self.tr("Choose an answer first."))
            )
            return
        right = exam.check_answer(question, given)
        self.details.append(
            {
                "number": question.number,
                "kind": question.kind,
                "prompt": question.prompt,
                "given": given,
                "answer": question.answer,
                "right": right,
                "entry_id": question.entry_id,
            }
        )
        if right:
            text = _span(GREEN, "✓ " + self.tr("Right"), bold=True)
        else:
            text = "{mark}&nbsp; {correct}".format(
                mark=_span(RED, "✗ " + self.tr("Wrong."), bold=True),
                correct=html.escape(
                    self.tr("The correct answer: {answer}").format(
                        answer=self.answer_text(question, question.answer)
                    )
                ),
            )
        if question.kind == "judge" and question.explanation:
            text += "<br>" + html.escape(
                self.tr("The handbook's fine: {fine}").format(fine=question.explanation)
            )
        self._answered(text)
        # The options stay readable (labels enabled): the right one green, a wrong pick red.
        for widget in (self.fine_edit, self.judge_box, *self.choice_buttons):
            widget.setEnabled(False)
        if question.kind == "choice":
            for letter, label in zip(LETTERS, self.choice_labels, strict=True):
                if letter == question.answer:
                    label.setStyleSheet(f"color: {GREEN}; font-weight: 600;")
                elif letter == given:
                    label.setStyleSheet(f"color: {RED}; text-decoration: line-through;")
                else:
                    label.setStyleSheet(f"color: {GREY};")

    def _submit_copy(self) -> None:
        entry = self.items[self.index]
        typed = self.copy_edit.toPlainText()
        if not typed.strip():
            self._show_feedback(_span(RED, self.tr("Write the standard first.")))
            return
        result = exam.compare_copy(entry.standard, typed)
        self.details.append(
            {
                "number": self.index + 1,
                "kind": COPY,
                "prompt": entry.cause,
                "given": typed,
                "answer": entry.standard,
                "score": result.score,
                "right": result.score == 100,
                "entry_id": entry.id,
            }
        )
        self.copy_edit.setReadOnly(True)
        self.diff_view.setHtml(copy_html(result.segments))
        self.diff_view.show()
        self.diff_legend.show()
        colour = GREEN if result.score >= GOOD_COPY else RED
        self._answered(
            _span(colour, self.tr("{score} points for this item").format(score=result.score))
        )

    def _show_feedback(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.show()

    def _answered(self, feedback: str) -> None:
        self._show_feedback(feedback)
        self.answered = True
        last = self.index + 1 >= self.round_length
        self.next_button.setText(self.tr("See the result") if last else self.tr("Next"))
        self.next_button.setToolTip(self.tr("Go on (Enter)"))
        self.keys_hint.setText(self.tr("Enter: go on · Esc: quit"))
        self.next_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys that no child took: pick an option by its number or letter.
        if self.in_progress and self.mode == QUIZ and not self.answered:
            question = self.questions[self.index]
            key = event.text().upper()
            button: QRadioButton | None = None
            if question.kind == "choice":
                n = "1234".find(key) if key.isdigit() else LETTERS.find(key)
                if key and 0 <= n < len(question.options):
                    button = self.choice_buttons[n]
            elif question.kind == "judge" and key:
                if key in "1TY":
                    button = self.true_radio
                elif key in "2FN":
                    button = self.false_radio
            if button is not None:
                button.setChecked(True)
                event.accept()
                return
        super().keyPressEvent(event)

    def press_enter(self) -> None:
        page = self.stack.currentIndex()
        if page == SETUP:
            self.start()
        elif page == QUESTION:
            self.advance()
        else:
            self.back_to_setup()

    def press_escape(self) -> None:
        if self.in_progress:
            self.quit_round()
        elif self.stack.currentIndex() == SUMMARY:
            self.back_to_setup()

    def quit_round(self) -> None:
        """Stop the round without saving; asks first once something has been answered."""
        if not self.in_progress:
            return
        if self.details and not agreed(
            self,
            self.tr("Stop practising?"),
            self.tr("{done} of {total} answered. Stop now? Nothing of this round is saved.").format(
                done=len(self.details), total=self.round_length
            ),
        ):
            return
        self.back_to_setup()

    def back_to_setup(self) -> None:
        self.stack.setCurrentIndex(SETUP)
        self.start_button.setFocus()

    # --- the result -----------------------------------------------------------------------
    def finish(self) -> None:
        if self.mode == QUIZ:
            score = sum(1 for d in self.details if d["right"])
            total = len(self.details)
        else:
            score = round(sum(d["score"] for d in self.details) / len(self.details))
            total = 100
        row = ResultRow(
            employee=self.employee,
            taken_at=datetime.now(),
            mode=self.mode,
            score=score,
            total=total,
            seed=self.seed,
            categories=self.categories,
        )
        try:
            with self.db.session() as session:
                self.saved = service.save_result(session, row, self.details)
        except BranchDeskError as exc:
            self.saved = None
            QMessageBox.warning(self, self.tr("The result was not saved"), str(exc))
        self._show_summary(row)
        self.stack.setCurrentIndex(SUMMARY)
        self.again_button.setFocus()
        self.reload()

    def _show_summary(self, row: ResultRow) -> None:
        if row.mode == QUIZ:
            self.score_label.setText(
                self.tr("{score}/{total} = {percent} points").format(
                    score=row.score, total=row.total, percent=row.percent
                )
            )
        else:
            self.score_label.setText(self.tr("{score} points on average").format(score=row.score))
        if self.saved is not None:
            self.saved_label.setText(
                self.tr("Saved in the history for {name}.").format(name=self.saved.employee)
            )
        else:
            self.saved_label.setText(_span(RED, self.tr("This result was not saved.")))
        self.summary_view.setHtml(self._quiz_report() if row.mode == QUIZ else self._copy_report())

    def _quiz_report(self) -> str:
        wrong = [d for d in self.details if not d["right"]]
        if not wrong:
            return "<p>{}</p>".format(
                _span(GREEN, self.tr("Every answer right. Well done!"), bold=True)
            )
        by_number = {q.number: q for q in self.questions}
        parts = [f"<h3>{html.escape(self.tr('To look at again'))}</h3>"]
        for detail in wrong:
            question = by_number[detail["number"]]
            parts.append(
                "<p><b>{number}.</b> {prompt}<br>{yours} {given}<br>{correct} {answer}</p>".format(
                    number=detail["number"],
                    prompt=html.escape(question.prompt),
                    yours=html.escape(self.tr("Your answer:")),
                    given=_span(RED, self.answer_text(question, detail["given"])),
                    correct=html.escape(self.tr("Correct:")),
                    answer=_span(GREEN, self.answer_text(question, question.answer), bold=True),
                )
            )
        return "".join(parts)

    def _copy_report(self) -> str:
        parts = [f"<h3>{html.escape(self.tr('Items written out'))}</h3>"]
        for detail in sorted(self.details, key=lambda d: d["score"]):
            colour = GREEN if detail["score"] >= GOOD_COPY else RED
            parts.append(
                "<p>{score} &nbsp; <b>{cause}</b><br>{standard}</p>".format(
                    score=_span(colour, f"{detail['score']}", bold=True),
                    cause=html.escape(detail["prompt"]),
                    standard=html.escape(detail["answer"]),
                )
            )
        return "".join(parts)

    # --- history --------------------------------------------------------------------------
    def refresh_history(self) -> None:
        name = self.employee_name()
        with self.db.read_session() as session:
            rows = service.results(session, name or None)
        self.history_model.set_rows(rows)
        self.history_title.setText(
            self.tr("History: {name}").format(name=name) if name else self.tr("History: everyone")
        )

    def request_print(self) -> None:
        self.print_requested.emit(self.employee_name() or None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.in_progress:
            self.reload()
