"""Start with the computer: the XDG autostart entry, the Windows Run value, the command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from branchdesk import autostart, paths


class FakeRun:
    """The Run key's one value, as winreg would hold it."""

    def __init__(self) -> None:
        self.value: str | None = None

    def read(self) -> str | None:
        return self.value

    def write(self, command: str) -> None:
        self.value = command

    def delete(self) -> None:
        self.value = None


def test_the_command_starts_this_branchdesk_in_the_tray_on_its_data_dir(tmp_path: Path) -> None:
    parts = autostart.command()
    assert parts[:3] == [sys.executable, "-m", "branchdesk"] and "--tray" in parts
    # The tests' data dir is chosen ($BRANCHDESK_DATA_DIR): the start must use it too.
    assert parts[-2:] == ["--data-dir", str(paths.data_dir())]


def test_the_default_data_dir_is_not_written_into_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    assert "--data-dir" not in autostart.command()


def test_a_path_with_spaces_is_quoted_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paths.set_data_dir(tmp_path / "网点 数据")
    line = autostart.command_line()
    assert line.endswith(f'--data-dir "{tmp_path / "网点 数据"}"')


@pytest.mark.skipif(sys.platform == "win32", reason="the desktop entry is for Linux desktops")
def test_on_a_linux_desktop_it_is_an_autostart_entry(tmp_path: Path) -> None:
    entry = tmp_path / "config" / "autostart" / "branchdesk.desktop"  # XDG_CONFIG_HOME: conftest
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and f"Exec={autostart.command_line()}" in text
    autostart.set_enabled(False)
    assert not entry.exists() and not autostart.is_enabled()
    autostart.set_enabled(False)  # already off: nothing to do, no error


def test_on_windows_it_is_the_run_value_the_installer_writes() -> None:
    run = FakeRun()
    assert not autostart.is_enabled(run)
    autostart.set_enabled(True, run)
    assert run.value == autostart.command_line() and autostart.is_enabled(run)
    autostart.set_enabled(False, run)
    assert run.value is None and not autostart.is_enabled(run)
    installer = (Path(__file__).resolve().parents[2] / "installer/branchdesk.nsi").read_text(
        encoding="utf-8"
    )
    assert autostart.RUN_KEY in installer and f'"{autostart.VALUE_NAME}"' in installer
