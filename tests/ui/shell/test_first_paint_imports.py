"""The window paints before the heavy libraries load: they come with the data, after it.

Also on a branch's database, where the first paint shows the start-up look (今天's due list,
read with sqlite3): the look must not bring them in either."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from branchdesk import paths
from branchdesk.db.engine import Database
from branchdesk.owner import policy
from branchdesk.settings import SettingsStore

# Runs `branchdesk --data-dir DIR` (the GUI) and, at the window's first paint, prints which
# of these modules are loaded and whether the start-up look is on screen, then exits.
PROBE = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from branchdesk import app as app_module
from branchdesk.cli.main import main

HEAVY = (
    "sqlalchemy", "openpyxl", "reportlab", "alembic", "branchdesk.io.importing",
    "branchdesk.io.tabular",
    # Not heavy, but each costs 10-17 ms before the first paint and is not needed for it.
    "PySide6.QtNetwork", "logging.handlers", "xml.etree.ElementTree",
    # 查件's results (and Qt's enums, 25 ms): its search box is in the look, they come later.
    "branchdesk.ui.lookup.lookup_results", "branchdesk.lookup.service",
)

class Paint(QObject):
    window = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            looked = self.window is not None and self.window.built(0) is not None
            # 查件 is in the look too, reachable: an agent can go there and type at once.
            if looked and (self.window.built(1) is None or not self.window.nav.isEnabled()):
                looked = "no 查件"
            print(json.dumps([[m for m in HEAVY if m in sys.modules], looked]), flush=True)
            os._exit(0)
        return False

paint = Paint()
original = app_module.launch

def launch(app, settings, *args, **kwargs):
    app.installEventFilter(paint)
    paint.window = original(app, settings, *args, **kwargs)
    return paint.window

app_module.launch = launch
main(["--data-dir", sys.argv[1]])
"""


@pytest.mark.parametrize("branch", [False, True], ids=["first-start", "branch-database"])
def test_the_window_paints_before_sqlalchemy_and_openpyxl_are_imported(
    tmp_path: Path, branch: bool, request: pytest.FixtureRequest
) -> None:
    data = tmp_path / "gui-data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    if branch:
        db = request.getfixturevalue("db")
        assert isinstance(db, Database)
        policy.start(db, SettingsStore())  # as the first start does
        db.dispose()
        shutil.copyfile(paths.db_path(), data / "branchdesk.sqlite3")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded, looked = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == []
    assert looked is branch
