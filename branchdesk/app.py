"""QApplication bootstrap: language, translator, database, main window."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QThread,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from branchdesk import __version__, i18n, logs, paths
from branchdesk.errors import BranchDeskError
from branchdesk.settings import SettingsStore

if TYPE_CHECKING:
    from branchdesk.ui.shell.main_window import MainWindow
    from branchdesk.ui.shell.startup import FirstLook

log = logging.getLogger("branchdesk")


# Qt's own classes (QFileDialog, QFileSystemModel, QMessageBox…) name their contexts; ours
# never start with Q and a capital.
_QT_CONTEXT = re.compile(r"Q[A-Z]")

# What Qt's widgets show that qtbase_zh_CN.qm does not translate (Qt 6 renamed these, and the
# shipped catalogue has only the old words): the file dialog Linux desktops get.
QT_GAPS = {
    "zh_CN": {
        "&Look in:": "查找范围(&L)：",
        "Files of &type:": "文件类型(&T)：",
        "Folder": "文件夹",
        "File Folder": "文件夹",
        "Name": "名称",
        "Size": "大小",
        "Drive": "驱动器",  # the type of a drive (of "/" on Linux) in the detail view
    }
}


class CatalogTranslator(QTranslator):
    """Serves Qt's tr() calls from branchdesk.i18n's catalog (read from the .ts file).

    The catalogue is by text alone, so Qt's own strings are left to Qt's translations (our
    "Name" is a person's 姓名; the file dialog's is a file's 名称), but for QT_GAPS."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if _QT_CONTEXT.match(context):
            return QT_GAPS.get(i18n.current_language(), {}).get(source)
        return i18n.translate(source)

    def isEmpty(self) -> bool:
        return False


def tell_in_a_window(text: str) -> None:
    """A message for a user of the windowed program, which has no console (a start from a
    shortcut that fails before the main window exists)."""
    from PySide6.QtWidgets import QMessageBox

    _app = QApplication.instance() or QApplication([])  # kept while the box is shown
    QMessageBox.critical(None, "BranchDesk 网点服务台", text)


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("BranchDesk")
    app.setOrganizationName("BranchDesk")
    from importlib import resources

    from PySide6.QtGui import QIcon

    icon = resources.files("branchdesk.resources").joinpath("icons", "branchdesk.png")
    app.setWindowIcon(QIcon(str(icon)))
    from branchdesk.ui.kit import collector

    collector.install(app)  # cycles are collected in the GUI thread, never in a worker
    return app


def install_translator(app: QApplication, language: str) -> CatalogTranslator:
    """Our catalog for our text, and Qt's own translations for its buttons (Yes/No, Cancel)."""
    language = i18n.set_language(language)
    if language == "zh_CN":
        # Calendars, month names and dates in Chinese too, on a PC whose own locale is not.
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if language != "en":
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", folder):
            app.installTranslator(qt_own)
            log.info("Qt's own translations (%s) loaded from %s", language, folder)
        else:  # file dialogs and standard buttons stay in English: say so in the log
            log.warning("Qt's own translations (%s) not found in %s", language, folder)
    translator = CatalogTranslator(app)
    app.installTranslator(translator)
    return translator


def launch(
    app: QApplication,
    settings: SettingsStore,
    db_path: Path | None = None,
    before_show: QObject | None = None,
    open_path: Path | None = None,
    after_paint: Callable[[], None] | None = None,
    in_tray: bool = False,
) -> MainWindow:
    """Show the window at once, then open the data on the next turn of the event loop.

    `before_show` is an event filter installed before the window is shown (benchmarks use it
    to see the first paint); `after_paint` runs once it has painted, before the data opens.
    `in_tray` (`branchdesk --tray`, the start with Windows): the data opens with the window
    hidden and BranchDesk waits in the tray; shown as usual where there is no tray or no
    first run yet.
    """
    from branchdesk.ui.shell.main_window import MainWindow

    window = MainWindow(settings=settings, startup_checks=True)
    hidden = in_tray and bool(settings.get("first_run_done")) and _tray_available()
    # The day's due list and counts from a read-only look, painted with the window.
    look = None if hidden else first_look(db_path or paths.db_path())
    if look is not None:
        window.show_glance(look)
    if before_show is not None:
        window.installEventFilter(before_show)

    tried = False

    def open_data() -> None:
        nonlocal tried
        if tried:  # once: after a failed open the window is closing, not retrying
            return
        tried = True
        _log_environment()  # after the first paint: platform.platform() alone takes 8 ms
        if after_paint is not None:
            after_paint()
        window.after_first_paint()
        # 今天 and 查件 take clicks and keys meanwhile (the start-up look): the imports, most
        # of the data's opening, on a thread; the window opens the data once they are in.
        _in_background(_preload, window, then=open_now)

    def open_now() -> None:
        from branchdesk import features

        features.install()  # after the first paint: its imports are no blank window
        try:
            opened = window.open_data(db_path)
        except BaseException:
            window.show()  # started hidden: the failure is shown on a window, not in no tray
            raise
        if opened:
            if hidden and window.tray is None:  # the tray went away meanwhile
                window.show()
            if open_path is not None:
                window.open_pack_at_start(open_path)
            elif window.isVisible():
                window.offer_sample()
            if window.isVisible():
                window.ask_agent_at_start()  # with a team, whoever sits down picks their name
            else:
                window.ask_agent_when_shown()  # started with Windows: nobody there yet
        else:
            app.exit(1)

    # Load once the window has painted (a queued timer would run before the first paint),
    # or after a moment if it never paints (started minimised).
    if hidden:
        QTimer.singleShot(0, open_data)
        return window
    painted = _FirstPaint(window, lambda: QTimer.singleShot(0, open_data))
    window.installEventFilter(painted)
    window.show()
    # Owned by the window: it goes with the window and never fires into a later one.
    fallback = QTimer(window)
    fallback.setSingleShot(True)
    fallback.timeout.connect(open_data)
    fallback.start(500)
    return window


# What opening the data and the first search import (the storage layer, the features'
# hooks, the services 今天 and 查件 read): imported on a thread after the first paint, they
# kept the window from taking a click or a key for 0.6 s on this machine. What is not listed
# is imported as before, when used (a list that falls behind costs time, never a failure).
PRELOAD = (
    "branchdesk.db.engine",
    "branchdesk.owner.policy",
    "branchdesk.complaints.service",
    "branchdesk.team.agents",
    "branchdesk.qc.sampling",
    "branchdesk.sample",
    "branchdesk.lookup.service",
)


def _preload() -> None:
    import importlib

    from branchdesk import features

    features.install()
    for name in PRELOAD:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    # Every model first: one imported on the window's thread while the mappers are being
    # configured here would fail them for the rest of the run.
    features.import_models()
    configure_mappers()  # else done by the first query, on the window's thread (50 ms)


def _in_background(work: Callable[[], None], owner: QObject, then: Callable[[], None]) -> None:
    """`work` on a thread, then `then` on this one (a timer owned by `owner` looks every
    10 ms). A failure of `work` is logged and `then` runs all the same: what it needs is
    imported again there, and fails there with the error shown as usual."""
    import threading

    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            failed.append(exc)

    thread = threading.Thread(target=run, name="branchdesk-preload", daemon=True)
    poll = QTimer(owner)
    poll.setInterval(10)

    def check() -> None:
        if thread.is_alive():
            return
        poll.stop()
        poll.deleteLater()
        if failed:
            log.warning("Preloading failed: %r", failed[0])
        then()

    poll.timeout.connect(check)
    thread.start()
    poll.start()


class _SessionManager(Protocol):
    def allowsInteraction(self) -> bool: ...

    def release(self) -> None: ...

    def cancel(self) -> None: ...


def end_with_session(window: MainWindow, manager: _SessionManager) -> None:
    """Windows logs off or shuts down (QGuiApplication.commitDataRequest).

    Nothing is closed here: a log-off that another program cancels leaves BranchDesk running
    as it was, and when the session does end, Qt quits the application (aboutToQuit stops
    the window's work). Only an unsaved guide or complaint needs the user: asked, where the
    session manager allows it, in front of the window; staying with it cancels the log-off."""
    if not (window.unsaved_guides() or window.unsaved_complaint()):
        return
    if not manager.allowsInteraction():
        return
    try:
        # The complaint first, and the guides only when one is unsaved: their windows stay
        # open when the log-off is cancelled.
        if window.keep_complaint_edit() or (
            window.unsaved_guides() and not window.save_or_keep_guides()
        ):
            manager.cancel()
    finally:
        manager.release()


def _tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon

    return QSystemTrayIcon.isSystemTrayAvailable()


def first_look(path: Path) -> FirstLook | None:
    """The start-up look (branchdesk.db.glance): the branch's settings and 今天's due list,
    read in one snapshot with sqlite3 before the storage layer is imported; None where no
    look can be taken (the window then shows its data once the data is open)."""
    from datetime import datetime

    from branchdesk.complaints.glance import due_glance
    from branchdesk.db.glance import Connection, look
    from branchdesk.owner.glance import branch_values
    from branchdesk.sample_glance import sample_left
    from branchdesk.ui.shell.startup import FirstLook
    from branchdesk.ui.shell.today_page import SHOWN_DUE

    at = datetime.now()

    def read(con: Connection) -> FirstLook | None:
        values = branch_values(con)
        if values is None:  # settings.json's not taken over yet: the start does that
            return None
        lead = float(values["complaint_lead_hours"])
        return FirstLook(values, at, due_glance(con, lead, at, SHOWN_DUE), sample_left(con))

    return look(path, read)


def _log_environment() -> None:
    import platform

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    log.info(
        "Python %s, Qt %s, PySide6 %s, %s",
        platform.python_version(),
        qVersion(),
        pyside_version,
        platform.platform(),
    )


class _FirstPaint(QObject):
    """Calls `then` once, at the first paint of `window`."""

    def __init__(self, window: QObject, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            then()
        return False


_showing_error = False


def _show_unexpected_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Last resort for an error no slot handled: log it, tell the user, keep running."""
    global _showing_error
    if issubclass(kind, KeyboardInterrupt):
        return
    traceback.print_exception(kind, error, tb)  # to the console, when there is one
    logs.setup_logging()  # before the window's first paint it is not set up yet
    from branchdesk.errors import storage_error

    # A full disk (or a database held by another writer) is told as that, not as a crash.
    told = storage_error(error, paths.data_dir()) if isinstance(error, Exception) else None
    expected = isinstance(error, BranchDeskError) or told is not None
    log.log(
        logging.WARNING if expected else logging.ERROR,
        "Unhandled %s: %s",
        kind.__name__,
        error,
        exc_info=(kind, error, tb),
    )
    app = QApplication.instance()
    # A dialog only in the GUI thread, and one at a time: an error repeating on a timer
    # while the box is open goes to the log, not into a pile of boxes.
    if app is None or QThread.currentThread() is not app.thread() or _showing_error:
        return
    from PySide6.QtWidgets import QMessageBox

    if told is not None:
        message = str(told)
    elif expected:
        message = str(error)
    else:
        message = QApplication.translate(
            "app",
            "Something went wrong: {error}\n\nBranchDesk keeps running and nothing was saved "
            "half-way. If it happens again, note what you did and tell whoever looks after "
            "this PC; the details are in the log file:\n{path}",
        ).format(error=error, path=logs.log_path())
    _showing_error = True
    try:
        QMessageBox.critical(
            QApplication.activeWindow(), QApplication.translate("app", "Error"), message
        )
    finally:
        _showing_error = False


def _quit_after_for_smoke_test(window: MainWindow) -> None:
    """The installer's smoke test starts the bundled GUI with BRANCHDESK_SMOKE_QUIT_MS set:
    after that many milliseconds it ends as File › Quit ends it (the window closes for good,
    even where closing would keep it in the tray, and the program ends with it)."""
    import os

    delay = os.environ.get("BRANCHDESK_SMOKE_QUIT_MS", "")
    if delay.isdigit():
        QTimer.singleShot(int(delay), window.quit_app)


def run_gui(open_path: Path | None = None, in_tray: bool = False) -> int:
    app = create_app()
    data_dir = paths.data_dir()
    # The log file is set up once the window has painted; what is logged before waits.
    logs.keep_early_records()
    try:
        return _run_gui(app, data_dir, open_path, in_tray)
    finally:
        logs.setup_logging(data_dir)  # a start that ended before its first paint: now


def _run_gui(app: QApplication, data_dir: Path, open_path: Path | None, in_tray: bool) -> int:
    logs.keep_crash_traces(data_dir)
    sys.excepthook = _show_unexpected_error
    log.info("BranchDesk %s starting; data dir %s", __version__, data_dir)
    from branchdesk.single_instance import SingleInstance

    # Before the database is opened: a second start only brings the first one forward.
    instance = SingleInstance.for_data_dir(data_dir)
    if not instance.try_primary(open_path, listen=False):
        log.info(
            "BranchDesk already runs on this data dir: asked it to come forward%s",
            f" and open {open_path}" if open_path is not None else "",
        )
        return 0
    settings = SettingsStore()
    install_translator(app, settings.get("language"))

    def after_paint() -> None:
        logs.setup_logging(data_dir)
        instance.listen()  # later starts are answered from now (QtNetwork loads now)

    window = launch(app, settings, open_path=open_path, after_paint=after_paint, in_tray=in_tray)
    # The program ends when the main window really closes: closing it may only hide it in
    # the tray, and a message box closed meanwhile is no last window.
    app.setQuitOnLastWindowClosed(False)
    window.closed.connect(app.quit)
    app.commitDataRequest.connect(lambda manager: end_with_session(window, manager))
    # Any other way the application quits (app.exit, a hidden window's), the window's work
    # is stopped as a close would.
    app.aboutToQuit.connect(window.shut_down)
    instance.raise_requested.connect(window.bring_forward)
    instance.open_requested.connect(lambda path: window.open_guide_pack(Path(path)))
    _quit_after_for_smoke_test(window)
    code = app.exec()
    if window.db is not None:
        window.db.dispose()
    instance.close()
    log.info("BranchDesk stopped (exit code %d); log %s", code, logs.log_path(data_dir))
    return code
