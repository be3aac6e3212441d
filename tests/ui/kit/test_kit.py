"""The UI kit: one background-task runner and one PDF preview for every page and dialog."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QThread
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from branchdesk.errors import BranchDeskError
from branchdesk.ui.kit.pdf_preview import PdfPreview, print_pdf
from branchdesk.ui.kit.tasks import TaskRunner


def _runner(qtbot: QtBot) -> tuple[TaskRunner, QWidget, QProgressBar, QPushButton, QLabel]:
    page = QWidget()
    qtbot.addWidget(page)
    bar, cancel, status = QProgressBar(page), QPushButton(page), QLabel(page)
    page.show()
    runner = TaskRunner(page, progress=bar, cancel_button=cancel, status=status)
    return runner, page, bar, cancel, status


def test_runner_reports_progress_and_result_on_the_ui_thread(qtbot: QtBot) -> None:
    runner, page, bar, cancel, _status = _runner(qtbot)
    assert not bar.isVisible() and not cancel.isVisible()
    seen: list[tuple[Any, bool]] = []
    release = threading.Event()

    def work(progress: Any) -> int:
        progress(1, 4)
        release.wait(5)
        return 42

    runner.start(
        work, lambda result: seen.append((result, QThread.currentThread() is page.thread()))
    )
    assert bar.isVisible() and cancel.isVisible() and runner.busy
    qtbot.waitUntil(lambda: bar.maximum() == 4)
    release.set()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        pass
    assert seen == [(42, True)]
    assert not runner.busy and not bar.isVisible() and not cancel.isVisible()


def test_cancel_stops_the_work_and_says_so(qtbot: QtBot) -> None:
    runner, _page, _bar, cancel, status = _runner(qtbot)
    done: list[object] = []
    started = threading.Event()

    def work(progress: Any) -> None:
        started.set()
        for n in range(1000):
            progress(n, 1000)
            QThread.msleep(5)

    runner.start(work, done.append)
    assert started.wait(5)
    cancel.click()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        pass
    assert done == [] and status.text() == runner.cancelled_text


def test_a_failure_is_shown_in_the_status_line(qtbot: QtBot) -> None:
    runner, _page, _bar, _cancel, status = _runner(qtbot)

    def work(progress: Any) -> None:
        raise BranchDeskError("文件已损坏，请重新导出。")

    runner.start(work, lambda _r: None)
    with qtbot.waitSignal(runner.idle, timeout=5000):
        pass
    assert status.text() == "文件已损坏，请重新导出。"


def _three_pages(path: Path) -> Path:
    canvas = Canvas(str(path))
    for n in range(3):
        canvas.drawString(100, 700, f"page {n + 1}")
        canvas.showPage()
    canvas.save()
    return path


def test_print_pdf_sends_only_the_chosen_page_range(qtbot: QtBot, tmp_path: Path) -> None:
    source = _three_pages(tmp_path / "three.pdf")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert print_pdf(source, printer, first=2, last=3) == 2
    assert len(PdfReader(tmp_path / "out.pdf").pages) == 2


def test_preview_renders_then_enables_save_and_print(qtbot: QtBot, tmp_path: Path) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    preview = PdfPreview(owner, lambda: "x.pdf")
    assert not preview.save_button.isEnabled() and not preview.print_button.isEnabled()

    def work(path: Path, progress: Any) -> int:
        _three_pages(path)
        return 3

    preview.render(work)
    qtbot.waitUntil(lambda: preview.ready, timeout=10000)
    assert preview.document.pageCount() == 3
    assert preview.save_button.isEnabled() and preview.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(preview.sent, timeout=10000) as sent:
        preview.print_to(printer, 1, 1)
    assert sent.args == [1]
    preview.close()
    QApplication.processEvents()


def test_a_task_outlives_a_destroyed_page_without_killing_the_app(tmp_path: Path) -> None:
    """A page closed while its task runs: the thread is kept until it ends (a QThread
    destroyed while running aborts the whole process)."""
    import subprocess
    import sys

    script = tmp_path / "orphan.py"
    script.write_text(
        "import gc, sys, time\n"
        "import shiboken6\n"
        "from PySide6.QtCore import QThread\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from branchdesk.ui.kit.tasks import TaskRunner\n"
        "app = QApplication(sys.argv)\n"
        "page = QWidget()\n"
        "runner = TaskRunner(page)\n"
        "runner.start(lambda progress: QThread.msleep(800), lambda result: None)\n"
        "shiboken6.delete(page)\n"
        "del runner, page\n"
        "gc.collect()\n"
        "end = time.monotonic() + 3\n"
        "while time.monotonic() < end:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.02)\n"
        "print('alive')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "alive" in result.stdout


def test_a_failed_file_task_names_the_file_and_says_why_in_words(qtbot: QtBot) -> None:
    """An OSError reached the user as "Unexpected error: [Errno 13] Permission denied: …"."""
    from branchdesk import i18n
    from branchdesk.ui.kit.tasks import failure_message

    denied = PermissionError(13, "Permission denied", "D:/备份/网点.sqlite3")
    assert failure_message(denied).startswith("Cannot use D:/备份/网点.sqlite3: access is denied")
    i18n.set_language("zh_CN")
    try:
        text = failure_message(denied)
        assert "D:/备份/网点.sqlite3" in text and "没有访问权限" in text
        assert "Permission" not in text and "Errno" not in text
        full = failure_message(OSError(28, "No space left on device", "E:/x.pdf"))
        assert "磁盘" in full and "No space" not in full
    finally:
        i18n.set_language("en")
