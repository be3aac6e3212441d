"""The category list of the handbook and guides pages: "All (n)" first, then each category."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

ALL = -1  # the "all categories" entry


def fill_category_list(
    widget: QListWidget, categories: Sequence[tuple[int, str, int]], current: int | None
) -> None:
    """Refill `widget` with (id, name, count) rows, keeping `current` chosen when it is still
    there (else "All"), without emitting a selection change on the way."""
    widget.blockSignals(True)
    widget.clear()
    total = sum(count for _, _, count in categories)
    every = QListWidgetItem(
        QCoreApplication.translate("CategoryList", "All ({count})").format(count=total)
    )
    every.setData(Qt.ItemDataRole.UserRole, ALL)
    widget.addItem(every)
    row = 0
    for n, (cid, name, count) in enumerate(categories, start=1):
        item = QListWidgetItem(f"{name} ({count})")
        item.setData(Qt.ItemDataRole.UserRole, cid)
        widget.addItem(item)
        if cid == current:
            row = n
    widget.setCurrentRow(row)
    widget.blockSignals(False)
