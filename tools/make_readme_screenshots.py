"""Make the README's screenshots from BranchDesk's own screens, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/make_readme_screenshots.py

Starts the real main window (Chinese, 1180×760, as it opens on a 1366×768 screen) on a
temporary data dir holding the sample branch, with the sample's agent 王芳 at the PC, and saves
five optimised PNGs in docs/screenshots/: 今天, 查地址 with an address answered, a complaint
being logged from a waybill number, the vehicle sheet in the print dialog, and a sample guide.
Run it again after the UI changes; it uses the X server when DISPLAY is set (xvfb-run sets
it), else Qt's offscreen platform.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from make_sample_guides import Shot, settle, wait_until  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1180, 760)
ADDRESS = "海曙区中山西路138号"


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="branchdesk-readme-"))
    os.environ["BRANCHDESK_DATA_DIR"] = str(work / "data")
    from branchdesk import paths

    paths.set_data_dir(None)

    from branchdesk.app import create_app, install_translator
    from branchdesk.db.engine import open_database
    from branchdesk.sample import load_sample_branch
    from branchdesk.settings import SettingsStore
    from branchdesk.team.agents import list_agents
    from branchdesk.ui.shell import main_window as mw
    from branchdesk.ui.team import agent_picker

    QMessageBox.information = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: QMessageBox.StandardButton.Ok
    )
    QMessageBox.question = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    app = create_app(["make_readme_screenshots"])
    install_translator(app, "zh_CN")
    settings = SettingsStore()
    settings.update({"first_run_done": True, "language": "zh_CN"})
    db = open_database()
    from branchdesk.owner import policy

    with db.session() as session:
        load_sample_branch(session, waybills=3000)
        policy.change(session, {"branch_name": "海曙示例网点", "courier_company": "中通快递"})
    with db.read_session() as session:
        wang = next(a for a in list_agents(session) if a.name == "王芳")
    agent_picker.work_as(db, settings, wang)
    # The picker at the start would wait for a click: 王芳 has already sat down.
    agent_picker.AgentPicker.pick = staticmethod(  # type: ignore[method-assign,assignment]
        lambda *a, **k: (wang, True)
    )

    window = mw.MainWindow(db, settings=settings)
    window.resize(*SIZE)
    window.show()
    settle(app, 1.5)
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0

    def keep(file: str, shot: Shot) -> None:
        nonlocal total
        size = shot.save(OUT / file)
        total += size
        print(f"{file}: {size // 1024} KB")

    # 今天: what is due, what waits for 王芳, the day-one jobs.
    window.nav.setCurrentRow(mw.TODAY)
    window.today_page.refresh()
    settle(app)
    keep("today.png", Shot(window))

    # 查地址: an address answered with its courier, and why.
    window.nav.setCurrentRow(mw.LOOKUP)
    page = window.lookup_page
    page.search_box.setText(ADDRESS)
    page.run_search()
    settle(app, 1.0)
    keep("lookup.png", Shot(window))

    # 登记投诉: a waybill number fills in the customer, the address and the courier.
    from sqlalchemy import select

    from branchdesk.lookup.models import Waybill

    with db.read_session() as session:
        number = session.scalar(
            select(Waybill.number).where(Waybill.courier_name.is_not(None)).limit(1)
        )
    window.nav.setCurrentRow(mw.COMPLAINTS)
    settle(app)
    complaint = window.complaints_page.new_complaint()
    settle(app)
    form = complaint.form
    form.waybill.setFocus()
    form.waybill.setText(number or "")
    form.lookup_waybill()
    form.description.setPlainText("客户来电：包裹显示派送中两天了，今天必须送到。")
    settle(app)
    keep("complaint.png", Shot(window, complaint))
    complaint.reject()
    settle(app)

    # 打印车载单: the vehicle sheet of one courier in the print dialog.
    from branchdesk.ui.handbook.print_dialog import PrintDialog

    window.nav.setCurrentRow(mw.HANDBOOK)
    printing = PrintDialog(db, document="sheet", parent=window)
    printing.show()
    printing.courier.setCurrentText("张伟")
    settle(app, 0.6)
    wait_until(app, lambda: printing.task is None and printing.rendered is not None)
    settle(app, 1.0)
    keep("sheet.png", Shot(window, printing))
    printing.reject()
    settle(app)

    # 操作指南: a sample guide with its annotated screenshots.
    window.nav.setCurrentRow(mw.GUIDES)
    settle(app, 1.0)
    guides = window.guides_page
    assert guides is not None
    viewer = guides.view_guide(guides.model.rows[0].id, step=2)
    assert viewer is not None
    viewer.resize(*SIZE)
    settle(app, 1.0)
    keep("guide.png", Shot(viewer))
    viewer.close()

    window.close()
    print(f"total {total // 1024} KB in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
