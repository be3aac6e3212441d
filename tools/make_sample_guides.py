"""Make the sample guides' screenshots from BranchDesk's own screens.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_sample_guides.py

Starts the real main window (Chinese, 1280×800) on a temporary data dir holding the sample
branch, drives it to each state a sample guide shows (the 数据 page and the import dialog with
a waybill list from tests/data, the complaints page and a new complaint with a waybill typed,
the print dialog with the vehicle sheet), and saves each as an optimised PNG in
resources/sample/guides/. A dialog is drawn over its window with a plain title bar, as the
user sees it. The rectangles of the controls the guides point at are written, as fractions
of the image, into the TARGETS block of branchdesk/guides/sample.py, so the annotations follow
the screens when this is run again after the UI changes.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from branchdesk.complaints.service import CategoryInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QListWidget,
    QMessageBox,
    QTableView,
    QWidget,
)
from sqlalchemy import select  # noqa: E402

OUT = ROOT / "resources" / "sample" / "guides"
SAMPLE_PY = ROOT / "branchdesk" / "guides" / "sample.py"
WAYBILL_FILE = ROOT / "tests" / "data" / "waybills_small.xlsx"
SIZE = (1280, 800)
TITLE_BAR = 30
COLOURS = 256  # UI screenshots have few colours: a palette PNG is a third of the size

Box = tuple[float, float, float, float]
DELAY = "派送延误"
ATTITUDE = "服务态度"


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not reach the state to capture")
        app.processEvents()
        time.sleep(0.02)
    settle(app)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


class Shot:
    """One screenshot: the window, maybe a dialog over it, and the named targets in it."""

    def __init__(self, window: QWidget, dialog: QWidget | None = None) -> None:
        self.window = window
        self.dialog = dialog
        base = window.grab()
        self.image = QPixmap(base.size())
        self.image.fill(QColor("#ffffff"))
        painter = QPainter(self.image)
        painter.drawPixmap(0, 0, base)
        self.dialog_at = QPoint(0, 0)
        if dialog is not None:
            content = dialog.grab()
            w, h = content.width(), content.height() + TITLE_BAR
            x = (base.width() - w) // 2
            y = max(0, (base.height() - h) // 2)
            for spread, alpha in ((6, 18), (4, 26), (2, 40)):  # a soft shadow
                painter.fillRect(
                    QRect(x - spread + 3, y - spread + 5, w + 2 * spread, h + 2 * spread),
                    QColor(0, 0, 0, alpha),
                )
            painter.fillRect(QRect(x, y, w, TITLE_BAR), QColor("#ffffff"))
            font = QFont(dialog.font())
            font.setPointSize(font.pointSize() + 1)
            painter.setFont(font)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(
                QRect(x + 12, y, w - 60, TITLE_BAR),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                dialog.windowTitle(),
            )
            painter.drawText(
                QRect(x + w - 44, y, 44, TITLE_BAR), int(Qt.AlignmentFlag.AlignCenter), "✕"
            )
            painter.drawPixmap(x, y + TITLE_BAR, content)
            painter.setPen(QPen(QColor("#8a8a8a"), 1))
            painter.drawRect(QRect(x, y, w - 1, h - 1))
            self.dialog_at = QPoint(x, y + TITLE_BAR)
        painter.end()
        self.targets: dict[str, Box] = {}

    def _fraction(self, rect: QRect) -> Box:
        w, h = self.image.width(), self.image.height()
        return (
            round(rect.x() / w, 4),
            round(rect.y() / h, 4),
            round(rect.width() / w, 4),
            round(rect.height() / h, 4),
        )

    def _place(self, widget: QWidget, rect: QRect) -> QRect:
        if self.dialog is not None and (widget is self.dialog or self.dialog.isAncestorOf(widget)):
            top_left = widget.mapTo(self.dialog, rect.topLeft()) + self.dialog_at
        else:
            top_left = widget.mapTo(self.window, rect.topLeft())
        return QRect(top_left, rect.size())

    def mark(self, name: str, widget: QWidget, pad: int = 3) -> None:
        rect = self._place(widget, widget.rect()).adjusted(-pad, -pad, pad, pad)
        self.targets[name] = self._fraction(rect)

    def mark_item(self, name: str, view: QListWidget, row: int, pad: int = 1) -> None:
        viewport = view.viewport()
        rect = view.visualItemRect(view.item(row))
        self.targets[name] = self._fraction(
            self._place(viewport, rect).adjusted(-pad, -pad, pad, pad)
        )

    def mark_rect(self, name: str, widget: QWidget, rect: QRect) -> None:
        self.targets[name] = self._fraction(self._place(widget, rect))

    def mark_span(self, name: str, first: QWidget, last: QWidget, pad: int = 3) -> None:
        """The box from `first`'s top-left to `last`'s bottom-right (a group of fields)."""
        a = self._place(first, first.rect())
        b = self._place(last, last.rect())
        self.targets[name] = self._fraction(a.united(b).adjusted(-pad, -pad, pad, pad))

    def save(self, path: Path) -> int:
        raw = path.with_suffix(".raw.png")
        if not self.image.save(str(raw)):  # the format follows the suffix
            raise SystemExit(f"cannot write {raw}")
        with Image.open(raw) as grabbed:
            image = grabbed.convert("RGB")
        raw.unlink()
        palette = image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        palette.save(path, "PNG", optimize=True)
        return path.stat().st_size


def columns(view: QTableView, first: int, last: int) -> QRect:
    """The visible cells of columns first..last, in the view's viewport."""
    left = view.columnViewportPosition(first)
    right = view.columnViewportPosition(last) + view.columnWidth(last)
    rows = view.model().rowCount()
    bottom = view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1) if rows else 0
    return QRect(left, 0, right - left, min(bottom, view.viewport().height()))


def rows(view: QTableView, row: int) -> QRect:
    return QRect(0, view.rowViewportPosition(row), view.viewport().width(), view.rowHeight(row))


def pick(categories: dict[str, CategoryInfo], name: str) -> CategoryInfo:
    if name not in categories:
        raise SystemExit(f"no complaint category {name}: update this tool")
    return categories[name]


def write_targets(shots: dict[str, dict[str, Box]]) -> None:
    lines = ["TARGETS: dict[str, dict[str, Box]] = {"]
    for file, targets in shots.items():
        lines.append(f'    "{file}": {{')
        for name, box in targets.items():
            lines.append(f'        "{name}": ({box[0]}, {box[1]}, {box[2]}, {box[3]}),')
        lines.append("    },")
    lines.append("}")
    block = "\n".join(lines)
    text = SAMPLE_PY.read_text(encoding="utf-8")
    pattern = re.compile(r"(# --- targets: .*?\n)(.*?)(\n# --- end of targets)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"no TARGETS block in {SAMPLE_PY}")
    SAMPLE_PY.write_text(pattern.sub(lambda m: m[1] + block + m[3], text), encoding="utf-8")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="branchdesk-shots-"))
    os.environ["BRANCHDESK_DATA_DIR"] = str(work / "data")
    from branchdesk import paths

    paths.set_data_dir(None)

    from branchdesk.app import create_app, install_translator
    from branchdesk.db.engine import open_database
    from branchdesk.guides import sample as sample_guides
    from branchdesk.sample import load_sample_branch
    from branchdesk.settings import SettingsStore
    from branchdesk.ui.complaints.complaints_page import COL_CUSTOMER, COL_DUE, COL_PHONE
    from branchdesk.ui.shell import main_window as mw

    # Modal message boxes ("Import finished") would wait for a click: answer them.
    QMessageBox.information = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: QMessageBox.StandardButton.Ok
    )
    QMessageBox.question = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    app = create_app(["make_sample_guides"])
    install_translator(app, "zh_CN")
    settings = SettingsStore()
    settings.set("first_run_done", True)
    settings.set("agent_name", "小陈")
    db = open_database()
    # The branch's name is a branch setting, kept in the database (an owner action).
    from branchdesk.owner import policy

    policy.start(db, settings)
    with db.session() as session:
        policy.change(session, {"branch_name": "示例网点"})
    # The screenshots are made before the sample guides exist: leave the guide library empty.
    real_loader = sample_guides.load_sample_guides
    sample_guides.load_sample_guides = lambda session: ""
    try:
        with db.session() as session:
            load_sample_branch(session, waybills=400)
    finally:
        sample_guides.load_sample_guides = real_loader

    window = mw.MainWindow(db, settings=settings)
    window.resize(*SIZE)
    window.show()
    settle(app, 1.0)
    assert window.size().width() == SIZE[0], window.size()
    OUT.mkdir(parents=True, exist_ok=True)
    shots: dict[str, dict[str, Box]] = {}
    total = 0

    def keep(file: str, shot: Shot) -> None:
        nonlocal total
        size = shot.save(OUT / file)
        total += size
        shots[file] = shot.targets
        print(f"{file}: {size // 1024} KB, targets {sorted(shot.targets)}")

    nav = window.nav

    # --- 导入今天的运单 ------------------------------------------------------------------
    nav.setCurrentRow(mw.DATA)
    window.data_page.tabs.setCurrentIndex(3)  # the waybills already imported
    settle(app)
    shot = Shot(window)
    shot.mark_item("nav_data", nav, mw.DATA)
    shot.mark("import_button", window.data_page.import_button)
    shot.mark("counts", window.data_page.counts)
    keep("import-1.png", shot)

    from branchdesk.ui.data.import_dialog import ImportDialog

    dialog = ImportDialog(db, kind="waybills", parent=window)
    dialog.show()
    settle(app)
    shot = Shot(window, dialog)
    shot.mark("kind", dialog.kind_combo)
    shot.mark("browse", dialog.browse_button)
    shot.mark("file", dialog.file_edit)
    keep("import-2.png", shot)

    downloads = work / "下载"
    downloads.mkdir()
    today_file = downloads / "今日运单.xlsx"
    shutil.copy(WAYBILL_FILE, today_file)
    dialog.set_file(today_file)
    wait_until(app, lambda: dialog.prepared is not None and dialog.task is None)
    # Shown as on the branch PC; the real path is put back before importing.
    dialog.file_edit.setText(r"C:\Users\网点\Downloads\今日运单.xlsx")
    dialog.file_edit.deselect()
    dialog.import_button.setFocus()
    settle(app)
    shot = Shot(window, dialog)
    shot.mark("mapping", dialog.mapping_table)
    shot.mark("problems", dialog.problem_list)
    shot.mark("status", dialog.status)
    shot.mark("skip", dialog.skip_invalid)
    shot.mark("import", dialog.import_button)
    keep("import-3.png", shot)

    dialog.file_edit.setText(str(today_file))
    if not dialog.import_button.isEnabled():
        dialog.skip_invalid.setChecked(True)
        settle(app)
    dialog.start_import()
    wait_until(app, lambda: dialog.report is not None and dialog.task is None)
    dialog.close()
    settle(app)
    window.refresh()
    window.data_page.tabs.setCurrentIndex(4)  # the import history
    window.data_page.history_view.selectRow(0)
    window.statusBar().showMessage(dialog.report.summary() if dialog.report else "")
    settle(app)
    shot = Shot(window)
    history = window.data_page.history_view
    row_rect = QRect(
        0, history.rowViewportPosition(0), history.viewport().width(), history.rowHeight(0)
    )
    shot.mark_rect("history_row", history.viewport(), row_rect)
    shot.mark("undo", window.data_page.undo_button)
    shot.mark("statusbar", window.statusBar())
    keep("import-4.png", shot)

    # --- 登记一条投诉 --------------------------------------------------------------------
    from branchdesk.complaints import service as complaints
    from branchdesk.lookup.models import Waybill

    with db.session() as session:
        cats = {c.name: c for c in complaints.categories_for_choice(session)}
        numbers = [
            w.number
            for w in session.scalars(select(Waybill).where(Waybill.recipient.is_not(None)).limit(6))
        ]
        for number, category, text in (
            (numbers[1], DELAY, "客户说三天了还没收到"),
            (numbers[2], ATTITUDE, "业务员电话里语气不好"),
        ):
            facts = complaints.facts_for(session, number)
            complaints.create_complaint(
                session,
                complaints.NewComplaint(
                    channel=complaints.workflow.CHANNELS[0],
                    category_id=pick(cats, category).id,
                    waybill_no=number,
                    customer_name=facts.customer or "",
                    phone=facts.phone or "",
                    address=facts.address or "",
                    courier_name=facts.courier or "",
                    courier_phone=facts.courier_phone or "",
                    description=text,
                ),
                who="小陈",
            )
    page = window.complaints_page
    window.statusBar().clearMessage()
    nav.setCurrentRow(mw.COMPLAINTS)
    page.refresh()
    settle(app)
    shot = Shot(window)
    shot.mark_item("nav_complaints", nav, mw.COMPLAINTS)
    shot.mark("new_button", page.new_button)
    shot.mark_rect(
        "customer_columns", page.view.viewport(), columns(page.view, COL_CUSTOMER, COL_PHONE)
    )
    keep("complaint-1.png", shot)

    complaint = page.new_complaint()
    settle(app)
    form = complaint.form
    form.waybill.setFocus()
    form.waybill.setText(numbers[0])
    form.lookup_waybill()
    form.address.setFocus()
    settle(app)
    shot = Shot(window, complaint)
    shot.mark("channel", form.channel)
    shot.mark("waybill", form.waybill)
    shot.mark("source", form.source)
    shot.mark_span("customer", form.address, form.phone)
    shot.mark_span("courier", form.courier, form.courier_phone)
    keep("complaint-2.png", shot)

    form.set_category(pick(cats, DELAY).id)
    form.description.setPlainText("客户来电：包裹显示派送中两天了，今天必须送到。")
    form.description.setFocus()
    settle(app)
    shot = Shot(window, complaint)
    shot.mark_span("customer", form.address, form.phone)
    shot.mark("category", form.category)
    shot.mark("due", form.due)
    shot.mark("script", complaint.script)
    shot.mark("save", complaint.save_button)
    keep("complaint-3.png", shot)

    row = complaint.save()
    assert row is not None, "the complaint was not saved"
    settle(app)
    shot = Shot(window)
    view = page.view
    shot.mark_rect("new_row", view.viewport(), rows(view, 0))
    shot.mark_rect("due_column", view.viewport(), columns(view, COL_DUE, COL_DUE))
    shot.mark_rect("customer_columns", view.viewport(), columns(view, COL_CUSTOMER, COL_PHONE))
    shot.mark("due_strip", page.show_due_button)
    keep("complaint-4.png", shot)

    # --- 打印车载处罚单 ------------------------------------------------------------------
    window.statusBar().clearMessage()
    nav.setCurrentRow(mw.HANDBOOK)
    settle(app)
    book = window.handbook_page
    shot = Shot(window)
    shot.mark_item("nav_handbook", nav, mw.HANDBOOK)
    shot.mark("print_button", book.print_button)
    keep("sheet-1.png", shot)

    from branchdesk.ui.handbook.print_dialog import PrintDialog

    printing = PrintDialog(db, document="sheet", parent=window)
    printing.show()
    printing.courier.setCurrentText("张伟")
    settle(app, 0.6)
    wait_until(app, lambda: printing.task is None and printing.rendered is not None)
    shot = Shot(window, printing)
    shot.mark("document", printing.document)
    shot.mark("courier", printing.courier)
    shot.mark("categories", printing.category_list)
    shot.mark("preview", printing.view)
    keep("sheet-2.png", shot)

    for n in range(printing.category_list.count()):
        item = printing.category_list.item(n)
        keep_it = n < 3
        item.setCheckState(Qt.CheckState.Checked if keep_it else Qt.CheckState.Unchecked)
    settle(app, 0.6)
    wait_until(app, lambda: printing.task is None and printing.rendered is not None)
    settle(app, 0.5)
    shot = Shot(window, printing)
    shot.mark("categories", printing.category_list)
    shot.mark("preview", printing.view)
    shot.mark("pages", printing.status)
    shot.mark("save", printing.save_button)
    shot.mark("print", printing.print_button)
    keep("sheet-3.png", shot)
    printing.close()

    for old in OUT.glob("*.png"):
        if old.name not in shots:  # a screenshot no guide uses any more
            old.unlink()
    print(f"total {total // 1024} KB")
    write_targets(shots)
    window.close()
    db.dispose()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
