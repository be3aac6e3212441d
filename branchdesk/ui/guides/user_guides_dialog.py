"""帮助 › 使用指南: BranchDesk's own guides, read-only, apart from the branch's 操作指南."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.errors import BranchDeskError
from branchdesk.guides.user_guides import user_guide_image, user_guides
from branchdesk.ui.guides.guide_viewer import GuideViewer
from branchdesk.ui.kit.keys import enter_presses
from branchdesk.ui.kit.screens import fit_to_screen


class UserGuidesDialog(QDialog):
    """The list of user guides; opening one shows it step by step in the guide viewer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuides")
        self.setWindowTitle(self.tr("User guides"))
        fit_to_screen(self, 560, 460)
        self.viewer: GuideViewer | None = None
        try:
            self.guides = user_guides()
        except BranchDeskError as exc:
            self.guides = ()
            QMessageBox.warning(parent, self.tr("User guides"), str(exc))
        intro = QLabel(
            self.tr(
                "How to use BranchDesk. Your branch's own guides to the HQ system are on the "
                "操作指南 page."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("userGuideList")
        self.list.setWordWrap(True)
        for n, guide in enumerate(self.guides):
            item = QListWidgetItem(f"{guide.title}\n{guide.summary}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_current)
        self.open_button.setEnabled(bool(self.guides))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        enter_presses(self)  # the list opens its guide on Enter; a default button opened it twice

    def open_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.guides):
            return
        self.viewer = GuideViewer(
            None, 0, guide=self.guides[row], image_bytes=user_guide_image, parent=self
        )
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.destroyed.connect(lambda _o=None: setattr(self, "viewer", None))
        self.viewer.show()
