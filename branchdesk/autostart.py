"""Start with the computer: BranchDesk waiting in the tray once the user has logged in.

One place per system, the same one the installer writes (installer/branchdesk.nsi):
- Windows: the value "BranchDesk" under HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run;
- elsewhere: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/branchdesk.desktop.
The command is this BranchDesk's own (the bundled executable, or this Python with
`-m branchdesk`), with `--tray`, and with `--data-dir` when the data dir is not the default.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Protocol

from branchdesk import paths

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Where Task Manager's Startup tab (and Settings › Apps › Startup) switches a Run value off:
# a binary value of the same name whose first byte is odd (03 or 07) when it is off.
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
VALUE_NAME = "BranchDesk"
DESKTOP_FILE = "branchdesk.desktop"


class Registry(Protocol):
    """The part of the Run key this module uses (winreg's, or a test's)."""

    def read(self) -> str | None: ...

    def switched_off(self) -> bool:
        """Whether Windows was told not to run the value (Task Manager's Startup tab)."""
        ...

    def write(self, command: str) -> None:
        """Write the value, switched on (a switch-off by Task Manager is cleared)."""
        ...

    def delete(self) -> None: ...


if sys.platform == "win32":
    import winreg

    def _query(where: str) -> object:
        """The value "BranchDesk" under HKCU\\`where`, or None where there is none."""
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, where) as key:
                value, _kind = winreg.QueryValueEx(key, VALUE_NAME)
        except OSError:
            return None
        return value

    def _remove(where: str) -> None:
        """Delete the value "BranchDesk" under HKCU\\`where` (gone already: nothing to do)."""
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, where, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, VALUE_NAME)
        except FileNotFoundError:
            pass

    class _WinReg:
        """The Run key through winreg."""

        def read(self) -> str | None:
            value = _query(RUN_KEY)
            return None if value is None else str(value)

        def switched_off(self) -> bool:
            value = _query(APPROVED_KEY)
            return isinstance(value, bytes) and bool(value) and value[0] & 1 == 1

        def write(self, command: str) -> None:
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.SetValueEx(key, VALUE_NAME, 0, winreg.REG_SZ, command)
            _remove(APPROVED_KEY)  # no approval value: Windows runs it (Task Manager: enabled)

        def delete(self) -> None:
            _remove(RUN_KEY)


# The Desktop Entry spec's reserved characters: an argument holding one is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_arg(arg: str) -> str:
    """One argument of an Exec key: quoted where needed ("…", with \\ " ` $ escaped
    inside), and % written %% (it starts a field code)."""
    if arg and not _RESERVED.intersection(arg):
        return arg.replace("%", "%%")
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return '"' + inner.replace("%", "%%") + '"'


def exec_value(parts: list[str]) -> str:
    """The Exec key's value for `parts`: the arguments quoted, then the key's string escapes
    (a backslash is written twice), as desktop-file readers (GLib's, KDE's) expect."""
    return " ".join(_exec_arg(p) for p in parts).replace("\\", "\\\\")


def command() -> list[str]:
    """The command that starts this BranchDesk hidden in the tray."""
    if getattr(sys, "frozen", False):
        # The bundle's GUI executable, also when this is its console twin (branchdesk-cli
        # starts the GUI too): no console window at log-in.
        exe = Path(sys.executable)
        gui = exe.with_name("BranchDesk" + exe.suffix)
        parts = [str(gui if gui.exists() else exe)]
    else:
        python = Path(sys.executable)
        # pythonw on Windows: no console window at log-in.
        windowless = python.with_name("pythonw.exe")
        if sys.platform == "win32" and windowless.exists():
            python = windowless
        parts = [str(python), "-m", "branchdesk"]
    parts.append("--tray")
    if paths.data_dir_is_custom():
        parts += ["--data-dir", str(paths.data_dir())]
    return parts


def command_line() -> str:
    """The command as Windows' Run value holds it: the executable always in quotes, as the
    installer writes it (an update recognises its own copy's value by that prefix and keeps
    it), the arguments quoted as the C runtime splits them."""
    import subprocess

    exe, *args = command()
    return f'"{exe}" {subprocess.list2cmdline(args)}'  # a file name holds no quote


def _desktop_file() -> Path:
    # A relative $XDG_CONFIG_HOME is invalid (the XDG Base Directory spec): ignored, as the
    # desktop ignores it when it looks for autostart entries.
    config = os.environ.get("XDG_CONFIG_HOME", "")
    folder = Path(config) if os.path.isabs(config) else Path.home() / ".config"
    return folder / "autostart" / DESKTOP_FILE


def _desktop_entry() -> str:
    # The Exec key's quoting (freedesktop): arguments with spaces in double quotes.
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=BranchDesk 网点服务台\n"
        "Comment=网点服务台在托盘中待命：到期投诉照常提醒\n"
        f"Exec={exec_value(command())}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _registry(registry: Registry | None) -> Registry | None:
    """The Run key on Windows (or the one given); None where autostart is a desktop entry."""
    if registry is not None:
        return registry
    if sys.platform == "win32":
        return _WinReg()
    return None


def supported() -> bool:
    """Whether this system has a start-with-the-computer BranchDesk knows how to set."""
    return sys.platform == "win32" or sys.platform.startswith("linux")


def is_enabled(registry: Registry | None = None) -> bool:
    """Whether BranchDesk starts with the computer (any BranchDesk command is counted; one
    that the system's own startup settings switched off is not)."""
    run = _registry(registry)
    if run is not None:
        return bool(run.read()) and not run.switched_off()
    try:
        text = _desktop_file().read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False
    return _entry_enabled(text)


def is_current(registry: Registry | None = None) -> bool:
    """Whether the start with the computer runs exactly this BranchDesk's command (its
    executable, its data dir): an entry written by another copy or for another data dir
    (the installer's plain one, say) is not."""
    run = _registry(registry)
    if run is not None:
        return run.read() == command_line()
    try:
        text = _desktop_file().read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False
    return f"Exec={exec_value(command())}" in text.splitlines()


def _entry_enabled(text: str) -> bool:
    """Whether a desktop entry is started at log-in: not hidden (the spec's "deleted"), and
    not switched off by GNOME's startup settings (X-GNOME-Autostart-enabled=false)."""
    group = ""
    keys: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    # Booleans as GLib reads them: true/false, or 1/0.
    return keys.get("Hidden", "false") not in ("true", "1") and keys.get(
        "X-GNOME-Autostart-enabled", "true"
    ) not in ("false", "0")


def set_enabled(enabled: bool, registry: Registry | None = None) -> None:
    """Start with the computer, or not. Raises OSError when the place cannot be written."""
    run = _registry(registry)
    if run is not None:
        if enabled:
            run.write(command_line())
        else:
            run.delete()
        return
    entry = _desktop_file()
    if enabled:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(_desktop_entry(), encoding="utf-8")
    else:
        entry.unlink(missing_ok=True)
