"""The real BranchDesk window as a process, driven through files, for the side-by-side tests.

Run as `python app_worker.py DATA_DIR CONTROL_DIR`. It starts BranchDesk exactly as the
`branchdesk` command does (single instance, log, start-up integrity check and daily backup in
the background) on the offscreen platform, and answers every message box with No/OK, noting
it in CONTROL_DIR/boxes.txt. Once the window has opened the data and its start-up checks have
ended it writes `ready`. Then it serves requests, each a file in CONTROL_DIR answered by
`NAME.done` (JSON):
- `log-N`: logs a complaint through the window's own database, as the complaint dialog does;
  answers {"ticket": ticket number};
- `count-N`: answers {"waybills": n, "complaints": n, "tickets": [...]} as the window sees them;
- `quit`: closes the window (BranchDesk then exits).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> int:
    data_dir, control = Path(argv[1]), Path(argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from branchdesk.app import create_app
    from branchdesk.cli import main as branchdesk

    app = create_app([sys.argv[0]])

    def box(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            with open(control / "boxes.txt", "a", encoding="utf-8") as fh:
                fh.write(f"{kind}: {title}: {text}\n")
            return (
                QMessageBox.StandardButton.No
                if kind == "question"
                else QMessageBox.StandardButton.Ok
            )

        return show

    for kind in ("information", "warning", "critical", "question"):
        setattr(QMessageBox, kind, box(kind))

    served: set[str] = set()

    def answer(name: str, value: object) -> None:
        tmp = control / f".{name}.done.tmp"
        tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, control / f"{name}.done")

    def window() -> Any:
        from branchdesk.ui.shell.main_window import MainWindow

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                return widget
        return None

    def log_complaint(win: Any, n: str) -> dict[str, str]:
        from branchdesk.complaints import service

        with win.db.session() as session:
            service.ensure_default_categories(session)
            category = service.category_tree(session)[0].id
            row = service.create_complaint(
                session,
                service.NewComplaint(
                    channel="电话",
                    category_id=category,
                    waybill_no=f"7731990000{int(n):04d}",
                    customer_name="窗口",
                    phone="13805740000",
                    description=f"logged in the window #{n}",
                ),
                "window",
            )
        return {"ticket": row.ticket_no}

    def counts(win: Any) -> dict[str, object]:
        from sqlalchemy import func, select

        from branchdesk.complaints.models import Complaint
        from branchdesk.lookup.models import Waybill

        with win.db.session() as session:
            return {
                "waybills": session.scalar(select(func.count()).select_from(Waybill)),
                "complaints": session.scalar(select(func.count()).select_from(Complaint)),
                "tickets": sorted(session.scalars(select(Complaint.ticket_no))),
            }

    def poll() -> None:
        win = window()
        if win is None or win.db is None or win._warmup is not None:
            return  # still starting: the data is not open or the start-up checks run
        if "ready" not in served:
            served.add("ready")
            tmp = control / ".ready.tmp"
            tmp.write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
            os.replace(tmp, control / "ready")
        for request in sorted(control.iterdir()):
            name = request.name
            if name.startswith(".") or "." in name or name in served or name == "ready":
                continue
            if name.startswith("log-"):
                served.add(name)
                answer(name, log_complaint(win, name.removeprefix("log-")))
            elif name.startswith("count-"):
                served.add(name)
                answer(name, counts(win))
            elif name == "quit":
                served.add(name)
                win.close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    code = branchdesk(["--data-dir", str(data_dir)])
    timer.stop()
    del app
    return code


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    sys.exit(main(sys.argv))
