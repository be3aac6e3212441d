"""A PDF made by a renderer, previewed, then saved or printed (the month's analysis and the
guides use it): the kit's `PdfPreview` in a dialog of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from branchdesk.ui.kit.pdf_preview import PdfPreview, PreviewHost
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tasks import failure_message

Render = Callable[[Path, Any], int]  # (path, progress) -> pages


class PdfPreviewDialog(PreviewHost, QDialog):
    def __init__(
        self, title: str, file_name: str, render: Render, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 900, 700)
        self.preview = PdfPreview(self, lambda: file_name)
        p = self.preview
        self.save_button, self.print_button, self.status = p.save_button, p.print_button, p.status
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(p.status, 1)
        buttons.addWidget(p.progress)
        buttons.addWidget(p.cancel_button)
        buttons.addWidget(p.save_button)
        buttons.addWidget(p.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(p.view, 1)
        layout.addLayout(buttons)
        p.render(render, failed=self._failed)

    @property
    def pages(self) -> int:
        return self.preview.pages

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), failure_message(exc))

    def done(self, result: int) -> None:
        self.preview.close()
        super().done(result)
