"""Start with the computer: the XDG autostart entry, the Windows Run value, the command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from branchdesk import autostart, paths


class FakeRun:
    """The Run key's one value, as winreg would hold it."""

    def __init__(self) -> None:
        self.value: str | None = None
        self.off = False  # Task Manager's Startup tab: 已禁用

    def read(self) -> str | None:
        return self.value

    def switched_off(self) -> bool:
        return self.off

    def write(self, command: str) -> None:
        self.value = command
        self.off = False

    def delete(self) -> None:
        self.value = None


def test_the_command_starts_this_branchdesk_in_the_tray_on_its_data_dir(tmp_path: Path) -> None:
    parts = autostart.command()
    # This Python (pythonw beside it on Windows: no console at log-in) with -m branchdesk.
    assert Path(parts[0]).parent == Path(sys.executable).parent
    assert parts[1:3] == ["-m", "branchdesk"] and "--tray" in parts
    # The tests' data dir is chosen ($BRANCHDESK_DATA_DIR): the start must use it too.
    assert parts[-2:] == ["--data-dir", str(paths.data_dir())]


def test_the_default_data_dir_is_not_written_into_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    assert "--data-dir" not in autostart.command()


def test_the_run_value_starts_with_the_quoted_executable_the_installer_keeps() -> None:
    # installer/branchdesk.nsi keeps a Run value that starts with '"$INSTDIR\BranchDesk.exe"'
    # on an update (so a --data-dir written here survives it): the executable is always quoted.
    exe = autostart.command()[0]
    assert autostart.command_line().startswith(f'"{exe}" ')
    installer = (Path(__file__).resolve().parents[2] / "installer/branchdesk.nsi").read_text(
        encoding="utf-8"
    )
    assert "StrCpy $1 '\"$INSTDIR\\${APP}.exe\"'" in installer


def test_a_path_with_spaces_is_quoted_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paths.set_data_dir(tmp_path / "网点 数据")
    line = autostart.command_line()
    assert line.endswith(f'--data-dir "{tmp_path / "网点 数据"}"')


def test_the_bundle_starts_its_gui_executable_even_from_the_console_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """branchdesk-cli with no command starts the GUI too: log-in must not get a console."""
    (tmp_path / "BranchDesk").write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "branchdesk-cli"))
    assert autostart.command()[:2] == [str(tmp_path / "BranchDesk"), "--tray"]


# What people name folders: spaces, quotes, percent signs, dollars, backslashes, Chinese.
AWKWARD = ["网点 数据", "100%done", "it's", 'say "hi"', "$HOME", "a\\sb", "a`b`", "(1) #2 & ;"]


@pytest.mark.skipif(shutil.which("gio") is None, reason="needs GLib's gio to read the entry")
@pytest.mark.parametrize("name", AWKWARD)
def test_a_desktop_reads_back_the_exact_arguments_of_the_entry(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry is read by GLib (as GNOME's and most desktops' autostart does): every
    argument arrives as written, so the start opens the branch's data dir, not another."""
    out = tmp_path / "argv.json"
    probe = f"import json, sys; open({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))"
    argv = [sys.executable, "-c", probe, "--tray", "--data-dir", str(tmp_path / name)]
    monkeypatch.setattr(autostart, "command", lambda: argv)
    autostart.set_enabled(True)
    entry = tmp_path / "config" / "autostart" / "branchdesk.desktop"
    subprocess.run(["gio", "launch", str(entry)], check=True, timeout=30, capture_output=True)
    deadline = time.monotonic() + 20
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads(out.read_text(encoding="utf-8")) == argv[3:]


@pytest.mark.skipif(sys.platform == "win32", reason="the desktop entry is for Linux desktops")
def test_on_a_linux_desktop_it_is_an_autostart_entry(tmp_path: Path) -> None:
    entry = tmp_path / "config" / "autostart" / "branchdesk.desktop"  # XDG_CONFIG_HOME: conftest
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and f"Exec={autostart.exec_value(autostart.command())}" in text
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
    assert autostart.APPROVED_KEY in installer  # an install's fresh value is switched on


def test_switched_off_by_task_manager_it_is_off_and_turning_it_on_switches_it_back() -> None:
    run = FakeRun()
    autostart.set_enabled(True, run)
    run.off = True  # the user disabled it in Task Manager's Startup tab
    assert not autostart.is_enabled(run)  # 本机 shows what Windows will do
    autostart.set_enabled(True, run)
    assert autostart.is_enabled(run) and not run.off


@pytest.mark.skipif(sys.platform == "win32", reason="the desktop entry is for Linux desktops")
@pytest.mark.parametrize(
    ("line", "enabled"),
    [
        ("X-GNOME-Autostart-enabled=false", False),  # GNOME's startup applications: off
        ("X-GNOME-Autostart-enabled = false", False),
        ("Hidden=true", False),  # the spec's "deleted"
        ("Hidden=1", False),
        ("X-GNOME-Autostart-enabled=0", False),
        ("Hidden=false", True),
        ("# X-GNOME-Autostart-enabled=false", True),  # a comment
    ],
)
def test_a_desktop_entry_switched_off_by_the_desktop_counts_as_off(
    tmp_path: Path, line: str, enabled: bool
) -> None:
    autostart.set_enabled(True)
    entry = tmp_path / "config" / "autostart" / "branchdesk.desktop"
    text = entry.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    entry.write_text(text + line + "\n", encoding="utf-8")
    assert autostart.is_enabled() is enabled
    autostart.set_enabled(True)  # ticked again in 本机: on again
    assert autostart.is_enabled()


@pytest.mark.skipif(sys.platform == "win32", reason="the desktop entry is for Linux desktops")
def test_an_unreadable_desktop_entry_counts_as_off(tmp_path: Path) -> None:
    entry = tmp_path / "config" / "autostart" / "branchdesk.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"[Desktop Entry]\nExec=\xff\xfe\n")
    assert not autostart.is_enabled()


def test_only_this_branchdesks_own_command_is_current() -> None:
    run = FakeRun()
    assert not autostart.is_current(run)
    run.value = '"C:\\Programs\\BranchDesk\\BranchDesk.exe" --tray'  # the installer's, plain
    assert autostart.is_enabled(run) and not autostart.is_current(run)
    autostart.set_enabled(True, run)
    assert autostart.is_current(run)


@pytest.mark.skipif(sys.platform == "win32", reason="the desktop entry is for Linux desktops")
def test_a_relative_xdg_config_home_is_ignored_as_the_desktop_ignores_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    autostart.set_enabled(True)
    assert (tmp_path / "home/.config/autostart/branchdesk.desktop").is_file()
    assert not (tmp_path / "relative").exists() and autostart.is_current()
