"""纠错与建议: report a wrong or outdated fact on an item, or propose an improvement."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.knowledge import suggestions
from branchdesk.knowledge.sources import kind_label


class SuggestionDialog(QDialog):
    """Anyone may send one; the owner decides on the 知识库 page (建议 tab)."""

    def __init__(
        self,
        db: Database,
        *,
        item_kind: str = "",
        item_id: int | None = None,
        item_title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.item = (item_kind, item_id, item_title)
        self.sent: suggestions.SuggestionInfo | None = None
        self.setWindowTitle(self.tr("Report a mistake or suggest (纠错与建议)"))
        about = QLabel(
            self.tr("About: {kind} “{title}”").format(kind=kind_label(item_kind), title=item_title)
            if item_kind
            else self.tr("About the branch's knowledge in general")
        )
        about.setWordWrap(True)
        self.wrong = QRadioButton(self.tr("Something is wrong or outdated"))
        self.better = QRadioButton(self.tr("I know a better way"))
        self.wrong.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.wrong)
        group.addButton(self.better)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("What is wrong, and what is right? (e.g. the fine is now 50 yuan since …)")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send"))
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.wrong)
        layout.addWidget(self.better)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(480, 320)

    def send(self) -> None:
        kind, item_id, title = self.item
        try:
            with self.db.session() as session:
                self.sent = suggestions.propose(
                    session,
                    self.text.toPlainText(),
                    kind=suggestions.WRONG if self.wrong.isChecked() else suggestions.BETTER,
                    item_kind=kind,
                    item_id=item_id,
                    item_title=title,
                )
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Not sent"), str(exc))
            return
        self.accept()


def ask_suggestion(
    db: Database,
    parent: QWidget,
    item_kind: str = "",
    item_id: int | None = None,
    item_title: str = "",
) -> str | None:
    """The dialog, modal; the thank-you for the status bar once sent, else None."""
    dialog = SuggestionDialog(
        db, item_kind=item_kind, item_id=item_id, item_title=item_title, parent=parent
    )
    if dialog.exec() and dialog.sent is not None:
        return dialog.tr("Thank you: the owner will decide on your suggestion.")
    return None
