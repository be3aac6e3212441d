"""Scoring one sampled item on the scorecard: 0–100 points and a comment per item."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.qc import scorecard
from branchdesk.qc.sampling import SampleItemRow
from branchdesk.qc.scorecard import Scorecard, ScoreRow
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.qc.common import marked_html


class ScoreDialog(QDialog):
    def __init__(
        self, db: Database, item: SampleItemRow, reviewer: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.item = item
        self.saved: ScoreRow | None = None
        with db.session() as session:
            self.card: Scorecard = scorecard.current_scorecard(session)
            earlier = [s for s in scorecard.scores_of(session, item.id) if s.reviewer == reviewer]
        before = earlier[0] if earlier and earlier[0].scorecard_id == self.card.id else None
        self.setWindowTitle(self.tr("Score: {title}").format(title=item.title))
        fit_to_screen(self, 720, 640)
        text = QTextBrowser()
        text.setObjectName("itemText")
        text.setHtml(marked_html(item.text, item.phrases))
        text.setMaximumHeight(130)
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setObjectName("reviewer")
        head = QFormLayout()
        head.addRow(self.tr("Agent"), QLabel(item.agent_name))
        head.addRow(self.tr("Reviewer"), self.reviewer)
        self.points: dict[int, QSpinBox] = {}
        self.comments: dict[int, QLineEdit] = {}
        body = QWidget()
        bl = QVBoxLayout(body)
        for section in self.card.sections:
            box = QGroupBox(f"{section.name}  {section.weight}%")
            grid = QGridLayout(box)
            for row, criterion in enumerate(section.criteria):
                assert criterion.id is not None
                spin = QSpinBox()
                spin.setRange(0, 100)
                spin.setSuffix(self.tr(" pts"))
                spin.setValue(before.points.get(criterion.id, 100) if before else 100)
                spin.valueChanged.connect(self.update_total)
                note = QLineEdit(before.comments.get(criterion.id, "") if before else "")
                note.setPlaceholderText(self.tr("comment"))
                grid.addWidget(QLabel(criterion.name), row, 0)
                grid.addWidget(spin, row, 1)
                grid.addWidget(note, row, 2)
                self.points[criterion.id] = spin
                self.comments[criterion.id] = note
            bl.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.comment = QLineEdit(before.comment if before else "")
        self.comment.setObjectName("overallComment")
        self.comment.setPlaceholderText(
            self.tr("overall comment (what went well, what to work on)")
        )
        self.total = QLabel()
        self.total.setObjectName("total")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.comment)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
        self.update_total()

    def values(self) -> dict[int, int]:
        return {cid: spin.value() for cid, spin in self.points.items()}

    def update_total(self) -> None:
        total = scorecard.total_of(self.card, self.values())
        self.total.setText(self.tr("Total: {total} points").format(total=f"{total:.1f}"))

    def save(self) -> None:
        saved = run_in_transaction(
            self,
            self.db,
            lambda s: scorecard.score_item(
                s,
                self.item.id,
                self.reviewer.text(),
                self.values(),
                comments={cid: e.text() for cid, e in self.comments.items()},
                comment=self.comment.text(),
            ),
            self.tr("Score"),
        )
        if saved is not None:
            self.saved = saved
            self.accept()
