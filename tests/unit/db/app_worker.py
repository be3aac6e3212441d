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
- `contact-N`: logs a contact as the agent working at the window (the contact dialog's
  service call); answers {"id": n, "agent": name};
- `team-N`: answers {"working": the status bar's agent text, "signed_in": [names signed in
  today], "contacts_today": n} as the window sees them;
- `quit`: closes the window (BranchDesk then exits).

With BRANCHDESK_TEST_AGENT set, the agent picker at the start picks that agent (as a person
clicking their name would); otherwise it is cancelled.
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

    from branchdesk.ui.team import agent_picker

    def pick(db: Any, settings: Any, parent: Any = None, unasked: bool = False) -> tuple[Any, bool]:
        wanted = os.environ.get("BRANCHDESK_TEST_AGENT", "")
        from branchdesk.team.agents import list_agents

        with db.read_session() as session:
            found = [a for a in list_agents(session) if a.name == wanted]
        if not found:
            return None, False
        agent_picker.work_as(db, settings, found[0])
        return found[0], True

    agent_picker.AgentPicker.pick = staticmethod(pick)  # type: ignore[method-assign,assignment]

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

    def log_contact(win: Any, n: str) -> dict[str, object]:
        from branchdesk.team.contacts import log_contact as log
        from branchdesk.ui.team.agent_picker import current_agent

        agent = current_agent(win.db, win.settings)
        with win.db.session() as session:
            row = log(
                session,
                agent_id=agent.id if agent else None,
                channel="phone",
                question=f"asked at the window #{n}",
                reply="已为您查询，今天下午送达。",
            )
        return {"id": row.id, "agent": agent.name if agent else None}

    def team(win: Any) -> dict[str, object]:
        from datetime import date, datetime, time, timedelta

        from branchdesk.team.agents import list_agents, signed_in_on
        from branchdesk.team.contacts import contacts_between

        start = datetime.combine(date.today(), time())
        with win.db.read_session() as session:
            present = signed_in_on(session, date.today())
            names = [a.name for a in list_agents(session) if a.id in present]
            contacts = contacts_between(session, start, start + timedelta(days=1))
        return {
            "working": win.agent_label.text(),
            "signed_in": sorted(names),
            "contacts_today": len(contacts),
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
            elif name.startswith("contact-"):
                served.add(name)
                answer(name, log_contact(win, name.removeprefix("contact-")))
            elif name.startswith("team-"):
                served.add(name)
                answer(name, team(win))
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
