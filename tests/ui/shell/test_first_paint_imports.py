"""The window paints before the heavy libraries load: they come with the data, after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Runs `branchdesk --data-dir DIR` (the GUI) and, at the window's first paint, prints which
# of these modules are loaded, then exits.
PROBE = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from branchdesk import app as app_module
from branchdesk.cli.main import main

HEAVY = ("sqlalchemy", "openpyxl", "reportlab", "branchdesk.io.importing", "branchdesk.io.tabular")

class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps([m for m in HEAVY if m in sys.modules]), flush=True)
            os._exit(0)
        return False

paint = Paint()
original = app_module.launch

def launch(app, settings, *args, **kwargs):
    app.installEventFilter(paint)
    return original(app, settings, *args, **kwargs)

app_module.launch = launch
main(["--data-dir", sys.argv[1]])
"""


def test_the_window_paints_before_sqlalchemy_and_openpyxl_are_imported(tmp_path: Path) -> None:
    data = tmp_path / "gui-data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
