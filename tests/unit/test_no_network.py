"""BranchDesk opens no network connection: customers' data never leaves the office PC.

Three looks: every socket call of Python is watched while the command line and the main
window run (local sockets, AF_UNIX, are allowed: they never leave the PC); the process must
hold no internet socket afterwards (that sees Qt's own sockets too, which Python's socket
module never does); and no module imports a networking library.
"""

from __future__ import annotations

import ast
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from pytestqt.qtbot import QtBot

from branchdesk import logs
from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.settings import SettingsStore
from tests.conftest import SAMPLE_WAYBILLS

PACKAGE = Path(__file__).resolve().parents[2] / "branchdesk"

# Modules whose only use is talking to other machines.
NETWORK_MODULES = (
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "ssl",
    "socket",
    "webbrowser",
)
# Qt's networking beyond local sockets.
QT_NETWORK_ALLOWED = {"PySide6.QtNetwork.QLocalServer", "PySide6.QtNetwork.QLocalSocket"}


class Attempts(list[str]):
    """Every attempt to reach the network, recorded even if the caller swallowed the error."""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Attempts]:
    seen = Attempts()

    def refuse(what: str) -> None:
        seen.append(what)
        raise OSError(f"BranchDesk must not use the network: {what}")

    def watch(name: str) -> None:
        original = getattr(socket.socket, name)

        def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
            if self.family == getattr(socket, "AF_UNIX", None):
                return original(self, *args, **kwargs)
            refuse(f"socket.{name}{args!r}")

        monkeypatch.setattr(socket.socket, name, guarded)

    for name in ("connect", "connect_ex", "sendto", "bind"):
        watch(name)
    monkeypatch.setattr(
        socket, "create_connection", lambda *a, **k: refuse(f"create_connection{a!r}")
    )
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(f"getaddrinfo{a!r}"))
    yield seen
    logs.stop_logging()  # the command line logs to the data dir


def _internet_sockets() -> list[Any]:
    return psutil.Process().net_connections(kind="inet")


def test_the_guard_tells_local_sockets_from_the_network(attempts: Attempts) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(OSError):
        s.connect(("192.0.2.1", 80))
    assert attempts == ["socket.connect(('192.0.2.1', 80),)"]
    if hasattr(socket, "AF_UNIX"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s, pytest.raises(OSError):
            s.connect("/nonexistent/branchdesk-test.sock")  # refused by the OS, not the guard
        assert len(attempts) == 1


def test_the_command_line_uses_no_network(
    attempts: Attempts, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _internet_sockets()
    assert main(["demo"]) == 0
    assert main(["lookup", "宁波市海曙区中山西路37号"]) == 0
    assert main(["lookup", "王", "--json"]) == 0
    assert main(["print", "handbook", "-o", str(tmp_path / "handbook.pdf")]) == 0
    assert main(["export", "waybills", "-o", str(tmp_path / "waybills.xlsx")]) == 0
    assert (tmp_path / "handbook.pdf").stat().st_size > 0
    assert attempts == []
    assert _internet_sockets() == before


def test_the_main_window_uses_no_network(
    qtbot: QtBot, attempts: Attempts, sample_of: Callable[[int], Database]
) -> None:
    from branchdesk.ui.shell.main_window import PAGE_COUNT, MainWindow

    before = _internet_sockets()
    # The sample branch (the command line's test loads it with `demo`).
    db = sample_of(SAMPLE_WAYBILLS)
    SettingsStore().set("first_run_done", True)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for page in range(PAGE_COUNT):  # every page, including those built on first show
        window.nav.setCurrentRow(page)
        qtbot.wait(20)
    window.lookup_page.search_box.setText("中山西路")
    qtbot.waitUntil(lambda: window._warmup is None)
    qtbot.wait(100)
    assert attempts == []
    assert _internet_sockets() == before
    window.close()


def _network_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.extend(name for name in names if _is_network(name))
    return found


def _is_network(module: str) -> bool:
    if module.startswith("PySide6.QtNetwork"):
        return module not in QT_NETWORK_ALLOWED
    return any(module == m or module.startswith(m + ".") for m in NETWORK_MODULES)


def test_no_module_imports_a_network_library() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := _network_imports(path))
    }
    assert offenders == {}
