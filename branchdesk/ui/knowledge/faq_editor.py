"""The FAQ entry editor: question, answer (rich text with the reply scripts' placeholders),
category, tags, owner and review-by date. Saving is an owner action (the PIN when set)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints.scripts import PLACEHOLDERS
from branchdesk.db.engine import Database
from branchdesk.knowledge import faq
from branchdesk.knowledge.text import is_rich_text
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.screens import fit_to_screen


class FaqEditor(QDialog):
    """Add an entry (`faq_id` None), change one, or answer a gap (`gap_key`)."""

    def __init__(
        self,
        db: Database,
        faq_id: int | None = None,
        *,
        question: str = "",
        gap_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.faq_id = faq_id
        self.gap_key = gap_key
        self.saved: faq.FaqInfo | None = None
        self.setWindowTitle(
            self.tr("Answer an FAQ gap")
            if gap_key is not None
            else (self.tr("New FAQ entry") if faq_id is None else self.tr("Edit FAQ entry"))
        )
        fit_to_screen(self, 720, 560)
        with db.read_session() as session:
            entry = faq.get_entry(session, faq_id) if faq_id is not None else None
            categories = faq.categories(session)
        self.question = QLineEdit(entry.question if entry else question)
        self.question.setMaxLength(faq.MAX_QUESTION)
        self.answer = QTextEdit()
        self.answer.setAcceptRichText(True)
        if entry is not None:
            if is_rich_text(entry.answer):
                self.answer.setHtml(entry.answer)
            else:
                self.answer.setPlainText(entry.answer)
        self.answer.setPlaceholderText(
            self.tr("What agents should say or do. Placeholders such as {运单号} are filled in.")
        )
        bold = QToolButton()
        bold.setText(self.tr("B"))
        bold.setToolTip(self.tr("Bold"))
        bold.setCheckable(False)
        bold.clicked.connect(self._bold)
        insert = QToolButton()
        insert.setText(self.tr("Insert placeholder"))
        insert.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(insert)
        for name in PLACEHOLDERS:
            action = menu.addAction("{" + name + "}")
            action.triggered.connect(
                lambda _c=False, n=name: self.answer.insertPlainText(f"{{{n}}}")
            )
        insert.setMenu(menu)
        tools = QHBoxLayout()
        tools.addWidget(bold)
        tools.addWidget(insert)
        tools.addStretch(1)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(categories)
        self.category.setCurrentText(entry.category if entry else "")
        self.tags = QLineEdit(entry.tags if entry else "")
        self.tags.setPlaceholderText(self.tr("words agents may search with, separated by spaces"))
        self.owner = QLineEdit(entry.owner if entry else "")
        self.owner.setPlaceholderText(self.tr("who keeps this answer right"))
        self.has_review = QCheckBox(self.tr("Review by"))
        self.review_by = QDateEdit()
        self.review_by.setCalendarPopup(True)
        self.review_by.setDisplayFormat("yyyy-MM-dd")
        review = entry.review_by if entry else None
        self.has_review.setChecked(review is not None)
        shown = review or date.today().replace(year=date.today().year + 1, day=1)
        self.review_by.setDate(QDate(shown.year, shown.month, shown.day))
        self.review_by.setEnabled(review is not None)
        self.has_review.toggled.connect(self.review_by.setEnabled)
        review_row = QHBoxLayout()
        review_row.addWidget(self.has_review)
        review_row.addWidget(self.review_by)
        review_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("FAQ question"), self.question)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow("", review_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tools)
        layout.addWidget(self.answer, 1)
        layout.addWidget(buttons)

    def _bold(self) -> None:
        cursor = self.answer.textCursor()
        fmt = cursor.charFormat()
        bold = fmt.fontWeight() != QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        cursor.mergeCharFormat(fmt)
        self.answer.mergeCurrentCharFormat(fmt)

    def fields(self) -> faq.FaqFields:
        plain = self.answer.toPlainText()
        # Plain answers stay plain text (export, CLI); formatted ones keep Qt's HTML.
        rich = self.answer.document().toHtml() if self._has_formatting() else plain
        review = self.review_by.date().toPython() if self.has_review.isChecked() else None
        return faq.FaqFields(
            self.question.text(),
            rich,
            self.category.currentText(),
            self.tags.text(),
            self.owner.text(),
            review,  # type: ignore[arg-type]
        )

    def _has_formatting(self) -> bool:
        block = self.answer.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                f = it.fragment().charFormat()
                if f.fontWeight() == QFont.Weight.Bold or f.fontItalic() or f.fontUnderline():
                    return True
                it += 1
            block = block.next()
        return False

    def save(self) -> None:
        fields = self.fields()
        gap = self.gap_key

        def work(session: object) -> faq.FaqInfo:
            if gap is not None:
                return faq.answer_gap(session, gap, fields)  # type: ignore[arg-type]
            return faq.save_entry(session, fields, self.faq_id)  # type: ignore[arg-type]

        saved = run_in_transaction(self, self.db, work, self.tr("FAQ entry not saved"))
        if saved is not None:
            self.saved = saved
            self.accept()
