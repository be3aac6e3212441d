"""Commands on the imported tables: import, export, history, undo, demo."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from branchdesk import i18n
from branchdesk.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, open_db, pad
from branchdesk.errors import BranchDeskError
from branchdesk.permissions import Action

if TYPE_CHECKING:
    from branchdesk.db.engine import Database


def _progress_on_terminal() -> Callable[[int, int], None] | None:
    """A line on the terminal that says how far a long import is (rows read, then written),
    redrawn at most twice a second; None where stderr is no terminal (a script's log)."""
    stream = sys.stderr
    if not stream.isatty():
        return None
    shown = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - shown[0] < 0.5 and done < total:
            return
        shown[0] = now
        line = i18n.tr("Importing… {done} of {total} rows", done=done, total=total)
        stream.write("\r" + line + ("\n" if done >= total else ""))
        stream.flush()

    return progress


def _cmd_import(args: argparse.Namespace) -> int:
    from branchdesk.io.importing import run_import

    if not args.file.exists():
        raise BranchDeskError(i18n.tr("File not found: {path}", path=args.file))
    db = open_db()
    with db.session() as session:
        report = run_import(
            session,
            args.file,
            args.kind,
            sheet=args.sheet,
            manual=_remembered_mapping(args.kind),
            skip_invalid=args.skip_invalid,
            dry_run=args.dry_run,
            progress=_progress_on_terminal(),
            options={"create_categories": args.create_categories},
        )
    print(report.summary())
    for problem in report.problems:
        print("  " + str(problem))
    if args.kind == "complaints" and report.batch_id is not None:
        _assign_work_orders(db, report.batch_id)
    if args.dry_run and report.problems:
        return EXIT_BAD_INPUT
    return EXIT_OK


def _assign_work_orders(db: Database, batch_id: int) -> None:
    """HQ work orders just imported go to their owners in the team (by sender, courier, area)."""
    from branchdesk.complaints.service import batch_complaint_ids
    from branchdesk.permissions import actor
    from branchdesk.team.assignments import describe_counts, route_complaints

    with db.session() as session:
        counts = route_complaints(session, batch_complaint_ids(session, batch_id), by=actor())
    if counts:
        print(describe_counts(counts))


def _remembered_mapping(kind: str) -> dict[str, str] | None:
    from branchdesk.settings import SettingsStore

    mapping = SettingsStore().get("column_mappings").get(kind)
    return mapping if isinstance(mapping, dict) else None


def _cmd_export(args: argparse.Namespace) -> int:
    from branchdesk.io.export import export_kinds, notes_of
    from branchdesk.permissions import require_owner

    kind = export_kinds()[args.kind]
    if kind.required is not None:
        require_owner(kind.required)
    db = open_db()
    with db.session() as session:
        count = kind.write(session, args.output, not args.show_phones)
    print(i18n.tr("Wrote {count} row(s) to {path}", count=count, path=args.output))
    for note in notes_of(count):
        print(note, file=sys.stderr)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from branchdesk.sample import load_sample_branch

    if args.remove:
        return _remove_demo(args)
    db = open_db()
    with db.session() as session:
        summary = load_sample_branch(session)
    print(summary)
    return EXIT_OK


def _remove_demo(args: argparse.Namespace) -> int:
    """`demo --remove`: the sample branch goes (after a backup); the branch's own data stays."""
    from branchdesk import paths
    from branchdesk.db.backup import backup_to
    from branchdesk.permissions import require_owner
    from branchdesk.sample import has_sample_content, remove_sample_branch

    require_owner(Action.DELETE_RECORDS)  # before the question: who may not is not asked
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                i18n.tr("Removing the sample changes data: add --yes to confirm."), file=sys.stderr
            )
            return EXIT_USAGE
        answer = input(i18n.tr("Remove the sample branch (your own data stays)? [y/N] "))
        if answer.strip().lower() not in ("y", "yes", "是"):
            return EXIT_OK
    db = open_db()
    with db.read_session() as session:
        if not has_sample_content(session):
            raise BranchDeskError(i18n.tr("This branch has no sample data to remove."))
    backup = backup_to(paths.db_path(), paths.backups_dir())
    with db.session() as session:
        summary = remove_sample_branch(session)
    print(summary)
    print(i18n.tr("Backup taken before: {path}", path=backup))
    return EXIT_OK


def _cmd_history(args: argparse.Namespace) -> int:
    from branchdesk.errors import BranchDeskError
    from branchdesk.io.batches import history
    from branchdesk.io.importing import get_kind

    def kind_label(kind: str) -> str:
        try:
            return i18n.tr(get_kind(kind).label)
        except BranchDeskError:  # a kind this version no longer imports
            return kind

    db = open_db()
    with db.read_session() as session:
        batches = history(session)
    if not batches:
        print(i18n.tr("No imports yet: import a table with “branchdesk import”."))
        return EXIT_OK
    for b in batches:
        state = (
            i18n.tr("undone")
            if b.undone_at
            else (i18n.tr("replaced") if b.replaced else i18n.tr("in use"))
        )
        print(
            f"{b.id:>4}  {b.created_at:%Y-%m-%d %H:%M}  {pad(kind_label(b.kind), 10)}"
            f"{b.rows_ok:>7}  {pad(state, 8)}  {b.file_name}"
        )
    return EXIT_OK


def _cmd_undo(args: argparse.Namespace) -> int:
    from branchdesk.io.batches import undo_batch
    from branchdesk.permissions import require_owner

    require_owner(Action.UNDO_IMPORT)  # before the question: who may not is not asked
    if not args.yes:
        if not sys.stdin.isatty():
            print(i18n.tr("Undo changes data: add --yes to confirm."), file=sys.stderr)
            return EXIT_USAGE
        answer = input(i18n.tr("Undo import {id}? [y/N] ", id=args.batch_id))
        if answer.strip().lower() not in ("y", "yes", "是"):
            return EXIT_OK
    db = open_db()
    with db.session() as session:
        batch = undo_batch(session, args.batch_id)
    print(i18n.tr("Undone: import {id} ({file}).", id=batch.id, file=batch.file_name))
    return EXIT_OK


COMMANDS = {
    "import": _cmd_import,
    "export": _cmd_export,
    "demo": _cmd_demo,
    "history": _cmd_history,
    "undo": _cmd_undo,
}
