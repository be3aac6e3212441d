"""Keeping the data safe: backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from branchdesk import i18n, paths
from branchdesk.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, pad
from branchdesk.permissions import Action

if TYPE_CHECKING:
    from branchdesk.db.backup import RowComparison


def _cmd_backup(args: argparse.Namespace) -> int:
    from branchdesk.db.backup import backup_to

    folder = args.output if args.output is not None else paths.backups_dir()
    print(backup_to(paths.db_path(), folder, kind="manual"))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from branchdesk.db.backup import describe, restore, restore_refusal
    from branchdesk.permissions import require_owner

    # Before the preview and the question: a user who may not restore is not asked.
    require_owner(Action.RESTORE)
    summary = describe(args.file)
    for line in summary.lines():
        print(line)
    refusal = restore_refusal(summary)
    if refusal is not None:
        raise refusal
    shown = _print_lacking(args.file)
    if not args.yes:
        if not sys.stdin.isatty():
            print(i18n.tr("Restore replaces the database: add --yes to confirm."), file=sys.stderr)
            return EXIT_USAGE
        answer = input(
            i18n.tr(
                "Replace the database with this backup? The current state is backed up "
                "first. [y/N] "
            )
        )
        if answer.strip().lower() not in ("y", "yes", "是"):
            return EXIT_OK
    report = restore(paths.db_path(), args.file, backups_dir=paths.backups_dir(), shown=shown)
    if report.safety_copy is not None:
        print(i18n.tr("The state before the restore is saved in {path}", path=report.safety_copy))
    print(i18n.tr("Restored {path}.", path=report.restored_from))
    if report.needs_upgrade:
        print(i18n.tr("Its older schema is upgraded the next time BranchDesk opens it."))
    return EXIT_OK


def _print_lacking(backup: Path) -> RowComparison | None:
    """What restoring `backup` would lose, compared with the database now (printed and
    returned: the restore compares again at the last moment)."""
    from branchdesk.db.backup import lacking_rows

    db_path = paths.db_path()
    if not (db_path.is_file() and db_path.stat().st_size > 0):
        return None
    comparison = lacking_rows(db_path, backup)
    for line in comparison.lines():
        print(line)
    return comparison


def _cmd_check(args: argparse.Namespace) -> int:
    from branchdesk.db.backup import kind_label, list_backups
    from branchdesk.db.integrity import full_check

    db_path = paths.db_path()
    if not db_path.exists():
        print(i18n.tr("No database yet at {path}; nothing to check.", path=db_path))
        report = None
    else:
        report = full_check(db_path)
        if report.ok:
            print(i18n.tr("{path}: ok ({seconds:.1f} s)", path=db_path, seconds=report.seconds))
        else:
            print(i18n.tr("{path}: PROBLEMS", path=db_path))
            for problem in report.problems:
                print("  " + problem)
            from branchdesk.db.backup import newest_good_backup

            good = newest_good_backup(paths.backups_dir())
            if good is not None:
                print(i18n.tr("The newest good backup is {path}.", path=good))
                _print_lacking(good)
                print(
                    i18n.tr(
                        "To go back to it (the damaged file is kept as a backup first): "
                        "branchdesk restore {path}",
                        path=good,
                    )
                )
    backups = list_backups(paths.backups_dir())
    print(i18n.tr("{count} backup(s) in {path}", count=len(backups), path=paths.backups_dir()))
    for b in backups:
        state = "" if b.ok else "  " + i18n.tr("DAMAGED")
        print(
            f"  {b.taken_at:%Y-%m-%d %H:%M:%S}  {pad(kind_label(b.kind), 22)} "
            f"{b.size / 1e6:>9.1f} MB  "
            f"{b.path.name}{state}"
        )
    return EXIT_OK if report is None or report.ok else EXIT_BAD_INPUT


COMMANDS = {
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
}
