"""One BranchDesk per data dir: a second start asks the running one to come forward and exits.

The first start takes a lock file and listens on a local socket (a named pipe on Windows)
named after the data dir; a later start finds the lock taken, connects and sends "raise", or
"open PATH" when it was started to open a file (a guide pack double-clicked in Explorer while
BranchDesk already runs): the running one comes forward and opens it.
The lock decides who is first, so two starts in the same instant cannot both win; a lock or
socket left by a crashed process is recognised (its process is gone) and taken over.
Local sockets only: nothing here touches the network.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

RAISE = b"raise"
OPEN = b"open "  # followed by the file's path as a JSON string (any character, one line)
CONNECT_TIMEOUT_S = 10.0  # the first start listens once its window has painted
ANSWER_TIMEOUT_MS = 1000


def instance_key(data_dir: Path) -> str:
    """The socket name for `data_dir` and this user: another data dir is another instance."""
    where = os.path.normcase(str(Path(data_dir).resolve()))
    digest = hashlib.sha256(f"{_user()}\0{where}".encode()).hexdigest()[:16]
    return f"branchdesk-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name anywhere: one shared instance
        return ""


class SingleInstance(QObject):
    """`try_primary()` once at start-up; the primary emits `raise_requested` for later starts."""

    raise_requested = Signal()
    open_requested = Signal(str)  # a later start was asked to open this file

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._lock = QLockFile(str(Path(QDir.tempPath()) / f"{key}.lock"))
        # Never stale by age (the primary runs for days); stale when its process is gone.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._primary = False

    @classmethod
    def for_data_dir(cls, data_dir: Path, parent: QObject | None = None) -> SingleInstance:
        return cls(instance_key(data_dir), parent)

    @property
    def is_primary(self) -> bool:
        return self._primary

    def try_primary(self, open_path: Path | None = None, *, listen: bool = True) -> bool:
        """True: this is the first start (it now listens, or when `listen()` is called).
        False: another one runs and was asked to come forward (and to open `open_path`, if
        given); this start should exit."""
        if self._lock.tryLock(0):
            self._primary = True
            if listen:
                self.listen()
            return True
        if open_path is None:
            self._ask_primary(RAISE)
        else:
            path = json.dumps(str(Path(open_path).resolve()), ensure_ascii=False)
            self._ask_primary(OPEN + path.encode("utf-8"))
        return False

    def listen(self) -> None:
        """Answer later starts (the GUI calls it once its window has painted: QtNetwork takes
        10 ms to load; a later start meanwhile keeps trying to connect for 5 s)."""
        from PySide6.QtNetwork import QLocalServer

        if not self._primary or self._server is not None:
            return
        server = QLocalServer(self)
        # Only this user may connect (on Unix the socket file is created 0700).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket of that name is a crashed primary's leftover.
        QLocalServer.removeServer(self.key)
        if not server.listen(self.key):
            # Still the only instance (the lock says so); later starts will find the lock
            # taken and, unable to connect, just exit.
            log.warning("Cannot listen on %s: %s", self.key, server.errorString())
            self._server = server
            return
        server.newConnection.connect(self._accept)
        self._server = server

    def _ask_primary(self, message: bytes) -> None:
        from PySide6.QtNetwork import QLocalSocket

        _allow_primary_to_take_focus()
        deadline = time.monotonic() + CONNECT_TIMEOUT_S
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.key)
            if socket.waitForConnected(500):
                socket.write(QByteArray(message + b"\n"))
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                    socket.waitForDisconnected(1000)
                return
            socket.abort()
            if time.monotonic() >= deadline:
                log.warning(
                    "Another BranchDesk holds %s but does not answer: %s",
                    self.key,
                    socket.errorString(),
                )
                return
            time.sleep(0.1)

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            # The later start writes its one line as soon as it is connected: read it here
            # rather than keep a socket and its slots around.
            message = b""
            while b"\n" not in message and (
                client.bytesAvailable() or client.waitForReadyRead(ANSWER_TIMEOUT_MS)
            ):
                message += client.readAll().data()
            client.abort()
            client.deleteLater()
            line = message.split(b"\n", 1)[0]
            if line.strip() == RAISE:
                self.raise_requested.emit()
            elif line.startswith(OPEN):
                self.raise_requested.emit()
                try:
                    path = json.loads(line[len(OPEN) :].decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    log.warning("A later start sent a file name that cannot be read: %r", line)
                    continue
                if isinstance(path, str) and path:
                    self.open_requested.emit(path)

    def close(self) -> None:
        """Stop listening and let go of the lock (at exit; a crash leaves both, see above)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


def _allow_primary_to_take_focus() -> None:
    """Windows lets only the foreground process bring a window forward: hand that right on."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)  # type: ignore[attr-defined]
