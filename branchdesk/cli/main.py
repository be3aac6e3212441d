"""The entry point: parse, set up, run the command, turn errors into messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from branchdesk import i18n, paths
from branchdesk.cli import localise
from branchdesk.cli.common import EXIT_BAD_INPUT, VisibleControls
from branchdesk.errors import BranchDeskError, os_reason


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in GBK cannot show every character (emoji in an address):
        # replace those rather than crash halfway through the output.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    saved = sys.stdout, sys.stderr
    # A GUI program started without a console (the Windows bundle from a shortcut) has no
    # streams at all: they stay None, which print() and the warnings module respect.
    sys.stdout, sys.stderr = (
        VisibleControls(stream) if stream is not None else None for stream in saved
    )
    try:
        return _main(argv)
    except BranchDeskError as exc:  # before a command runs: the data folder cannot be used
        if saved[1] is not None:
            print(str(exc), file=sys.stderr)
        given = sys.argv[1:] if argv is None else argv
        if saved[1] is None or (gui_start(given) is not None and _can_show_a_window()):
            # The windowed program, or any start of the window (a desktop shortcut, the
            # start with the computer): whoever started it sees no console.
            from branchdesk.app import tell_in_a_window

            tell_in_a_window(str(exc))
        return EXIT_BAD_INPUT
    finally:
        sys.stdout, sys.stderr = saved


def _can_show_a_window() -> bool:
    """A window can be shown (Windows, macOS, a Linux desktop): a GUI start from a console
    over SSH says its error there only, as Qt would abort with no display."""
    import os

    if sys.platform != "linux":
        return True
    return any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


class _GuiOptions(argparse.ArgumentParser):
    """The options of a GUI start alone; any mistake is left to the full parser to tell."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)


def gui_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` starts the GUI (no command, no --help or --version), else
    None. Read without the parser of every command, which takes 30 ms before the window."""
    quick = _GuiOptions(add_help=False, allow_abbrev=False)
    quick.add_argument("--data-dir")
    quick.add_argument("--open", type=Path)
    quick.add_argument("--pin")
    quick.add_argument("--tray", action="store_true")
    try:
        args, rest = quick.parse_known_args(list(argv))
    except (ValueError, SystemExit):
        return None
    return None if rest else args


def _main(argv: Sequence[str] | None) -> int:
    given = sys.argv[1:] if argv is None else argv
    localise.install(given)
    gui = gui_start(given)
    if gui is not None:
        if gui.data_dir:
            paths.set_data_dir(gui.data_dir)
        from branchdesk.app import run_gui

        # The window installs the features once it has painted: the imports they bring
        # (SQLAlchemy, the registries) are not worth a blank screen.
        return run_gui(open_path=gui.open, in_tray=gui.tray)
    from branchdesk.cli.commands import COMMANDS
    from branchdesk.cli.parser import build_parser
    from branchdesk.cli.pin import install_owner_lock

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if args.command is None:  # an abbreviated option (--data X): the GUI all the same
        from branchdesk.app import run_gui

        return run_gui(open_path=args.open, in_tray=args.tray)
    from branchdesk import features

    features.install()

    from branchdesk.logs import setup_logging

    setup_logging()  # opens the file only when something is logged
    from branchdesk.permissions import PermissionDenied

    try:
        install_owner_lock(args)
        code = COMMANDS[args.command](args)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, where a closed pipe is handled, not at exit
        return code
    except BrokenPipeError:
        # The reader stopped reading (`branchdesk history | head -3`): that is not an error
        # of ours. Nothing more can be written there, not even at exit.
        _silence_stdout()
        return 0
    except PermissionDenied as exc:
        print(str(exc), file=sys.stderr)
        print(i18n.tr("Give the owner PIN with --pin or BRANCHDESK_PIN."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BranchDeskError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        from branchdesk.errors import is_disk_full

        if is_disk_full(exc):
            from branchdesk.errors import disk_full

            print(str(disk_full(exc.filename or paths.data_dir())), file=sys.stderr)
            return EXIT_BAD_INPUT
        print(
            i18n.tr(
                "Cannot use {path}: {error}. Check that the folder exists and that the file "
                "is not open in another program (such as Excel).",
                path=exc.filename or "",
                error=os_reason(exc),
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from sqlalchemy.exc import OperationalError

        if not isinstance(exc, OperationalError):
            raise
        from branchdesk.errors import storage_error

        told = storage_error(exc, paths.db_path())
        if told is None:
            from branchdesk.db.location import folder_problem

            told = folder_problem(paths.db_path(), exc.orig or exc)
        if told is not None:
            print(str(told), file=sys.stderr)
            return EXIT_BAD_INPUT
        print(
            i18n.tr(
                "The database is busy or cannot be written ({error}). Close other BranchDesk "
                "windows or commands and try again.",
                error=exc.orig,
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush does not fail again."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno() if sys.__stdout__ is not None else 1)
    except (OSError, ValueError, AttributeError):
        pass
