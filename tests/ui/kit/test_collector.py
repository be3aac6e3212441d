"""Reference cycles that hold widgets are freed in the GUI thread, never in a worker.

Python collects cycles in whichever thread crosses its threshold. Before the collector, a
worker thread that allocated a lot (an import, the lookup index) could destroy a closed
window's widgets there: the process hung or crashed (a segfault in the suite).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import gc, threading, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
    from branchdesk.app import create_app

    app = create_app(["branchdesk"])
    alive = []

    class Page(QWidget):
        def __init__(self):
            super().__init__()
            self.me = self  # a cycle: only the cycle collector frees it
            QVBoxLayout(self).addWidget(QLabel("运单"))
            self.destroyed.connect(lambda: alive.pop())

    for _ in range(50):
        alive.append(1)
        Page().show()
    app.processEvents()

    def work():  # a worker that allocates enough to cross the collector's threshold
        junk = [[i] for i in range(200_000)]
        for item in junk:
            item.append(item)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    print("worker done, widgets alive:", len(alive), flush=True)
    QTimer.singleShot(1500, app.quit)
    app.exec()
    print("then, widgets alive:", len(alive), flush=True)
    """
)


def test_widgets_in_cycles_are_freed_in_the_gui_thread_not_in_a_worker() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "worker done, widgets alive: 50"  # the worker freed none of them
    assert lines[1] == "then, widgets alive: 0"  # the GUI thread's collector did
