"""The courier company field: the welcome's and the settings dialog's, one widget."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from branchdesk.settings import COURIER_COMPANIES, SETTINGS


def company_box(current: str, parent: QWidget | None = None) -> QComboBox:
    """An editable list of the courier companies (any other name may be typed), as long as
    the setting takes, showing `current`."""
    box = QComboBox(parent)
    box.setObjectName("company")
    box.setEditable(True)
    box.addItems(COURIER_COMPANIES)
    box.setCurrentText(current)
    line = box.lineEdit()
    if line is not None:
        line.setMaxLength(SETTINGS["courier_company"].longest or 20)
    return box
