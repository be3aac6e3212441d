"""Fitting windows on small screens (1366×768 and 1024×768 are common on branch PCs)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a window to `width`×`height`, or less on a small screen (1366×768 is common)."""
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 40)
        height = min(height, room.height() - 60)
    window.resize(width, height)
