"""The rotating log file in the data dir: what happened before an error, for whoever helps."""

from __future__ import annotations

import faulthandler
import logging
import os
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

from branchdesk import paths

LOGS_DIR_NAME = "logs"
LOG_FILE_NAME = "branchdesk.log"
CRASH_FILE_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

EARLY_RECORDS = 1000  # kept at most before the log file is set up

_handler: RotatingFileHandler | None = None
_early: _Early | None = None
_crash_file: TextIO | None = None


class _Early(logging.Handler):
    """Keeps the records logged before the log file is set up: the GUI sets it up once its
    window has painted, since the log file's module (logging.handlers: sockets, pickle)
    takes 10 ms to import. `setup_logging` writes them to the file first."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < EARLY_RECORDS:
            self.records.append(record)


def keep_early_records() -> None:
    """Until `setup_logging`: BranchDesk's INFO records and everyone's warnings are kept, to
    be written to the log file when it is set up."""
    global _early
    if _handler is None and _early is None:
        _early = _Early()
        logging.getLogger().addHandler(_early)
        logging.getLogger("branchdesk").setLevel(logging.INFO)


def _log_file(target: Path) -> RotatingFileHandler:
    from logging.handlers import RotatingFileHandler

    class LogFile(RotatingFileHandler):
        """Creates the logs folder at the first record: setting up logging touches no disk."""

        def _open(self) -> TextIOWrapper:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
            return super()._open()

    return LogFile(
        target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )


def log_path(data_dir: Path | None = None) -> Path:
    """The log file in use, or where it goes for `data_dir` (default: the current data dir)."""
    if data_dir is None and _handler is not None:
        return Path(_handler.baseFilename)
    base = paths.data_dir() if data_dir is None else data_dir
    return base / LOGS_DIR_NAME / LOG_FILE_NAME


def setup_logging(data_dir: Path | None = None) -> Path:
    """Send BranchDesk's INFO records and everyone's warnings to the data dir's log.

    Idempotent: a second call for the same file does nothing; a call for another data dir
    moves the log there. Returns the log file's path.
    """
    global _handler, _early
    target = log_path(data_dir if data_dir is not None else paths.data_dir())
    if _handler is not None:
        if _handler.baseFilename == os.path.abspath(target):
            return target
        stop_logging()
    handler = _log_file(target)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    # On the root logger so other libraries' warnings land here too; ours log from INFO up.
    logging.getLogger().addHandler(handler)
    logging.getLogger("branchdesk").setLevel(logging.INFO)
    _handler = handler
    if _early is not None:
        logging.getLogger().removeHandler(_early)
        for record in _early.records:
            handler.handle(record)
        _early = None
    return target


def stop_logging() -> None:
    """Detach and close the log file (tests; a move to another data dir)."""
    global _handler, _early, _crash_file
    if _early is not None:
        logging.getLogger().removeHandler(_early)
        _early = None
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


def keep_crash_traces(data_dir: Path | None = None) -> Path:
    """Write the Python stack of a hard crash (a fault inside Qt) to logs/crash.log.

    Only the GUI calls this: the log file cannot record a crash that kills the process, and
    a GUI started without a console has no stderr to print it on.
    """
    global _crash_file
    path = log_path(data_dir).with_name(CRASH_FILE_NAME)
    if _crash_file is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _crash_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 (open while running)
        except OSError as exc:
            # A read-only data folder (or a full disk): the start goes on to say so in a
            # window; it was a traceback and no window at all.
            logging.getLogger("branchdesk").warning("No crash log at %s: %s", path, exc)
            return path
        faulthandler.enable(_crash_file)
    return path
