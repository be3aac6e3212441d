"""A page's content that scrolls where the window is too short for it (a 1366×768 laptop at
125% scaling leaves a window 546 pixels), and fills the page where it is not."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_area(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that resizes it to the view when there is room."""
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidget(content)
    return scroller


def scrolling_page(page: QWidget, content: QWidget) -> QScrollArea:
    """`content` as the whole of `page`, scrolled where the page is shorter than it."""
    scroller = scroll_area(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroller)
    return scroller
