"""The lookup page's tests start on the lookup page (the window itself starts on 今天)."""

from __future__ import annotations

import pytest

from branchdesk.ui.shell.main_window import LOOKUP, MainWindow


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    window.go_to_page(LOOKUP)  # Ctrl+2
    return window
