"""The bundle's entry point: one executable for the GUI and the command line.

On Windows the executable is built without a console (no black window behind the GUI); when it
is started from a console with a command, it attaches to that console so the command's output
and exit code reach the user as with `branchdesk` from pip.
"""

from __future__ import annotations

import sys


def _attach_parent_console() -> None:
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):  # type: ignore[attr-defined]
        return  # started from Explorer or a shortcut: no console to write to
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115


if __name__ == "__main__":
    if sys.platform == "win32" and len(sys.argv) > 1 and sys.stdout is None:
        _attach_parent_console()
    from branchdesk.cli import main

    sys.exit(main())
