"""The complaint pages' tests start from the sample branch without its complaints (they count
the complaints they log), unless a test asks for `sample_complaints`."""

from __future__ import annotations

import pytest

from branchdesk.ui.shell.main_window import MainWindow
from tests.conftest import without_complaints


@pytest.fixture
def sample_complaints() -> None:
    """Ask for it to keep the sample's month of complaints in `window`."""


@pytest.fixture
def window(request: pytest.FixtureRequest, window: MainWindow) -> MainWindow:
    if "sample_complaints" not in request.fixturenames:
        assert window.db is not None
        without_complaints(window.db)
        window.refresh()  # as after an import: the pages built so far and the due counts
    return window
