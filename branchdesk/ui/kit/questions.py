"""Questions whose answer changes or drops something: 否 is the default, so an Enter pressed
without reading keeps things as they are."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def agreed(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask `text` with 是/否 (否 the default); True only when 是 was chosen."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
