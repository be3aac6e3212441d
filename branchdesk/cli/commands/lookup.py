"""Lookup commands: lookup (one query, --json, --batch) and removing old waybills."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from branchdesk import i18n
from branchdesk.errors import BranchDeskError, os_reason
from branchdesk.permissions import Action

if TYPE_CHECKING:
    from branchdesk.lookup.service import LookupResult
from branchdesk.cli.common import EXIT_OK, EXIT_USAGE, open_db, to_json
from branchdesk.cli.localise import wrap_lines


def _print_result(result: LookupResult, as_json: bool) -> None:
    if as_json:
        print(to_json(result.to_json(), default=str))
        return
    tr = i18n.tr
    # A courier's rule and reason on lines of their own, wrapped to the console: on one line
    # with the courier they ran to 90-110 columns.
    width = max(40, shutil.get_terminal_size().columns - 1)
    if "COLUMNS" not in os.environ and not sys.stdout.isatty():
        width = 10_000  # piped into grep or a file: a rule and its reason on one line each
    if not result.couriers and not result.waybills:
        print(tr("No match for “{query}”.", query=result.query))
        if result.caution:  # 杭州市… at a 宁波 branch: why nothing is found
            for line in wrap_lines(tr("Note: {caution}", caution=result.caution), width):
                print(line)
        if not result.areas_known and result.kind == "text":
            print(
                tr(
                    "No area table has been imported yet: addresses find their couriers once "
                    "it is (branchdesk import areas FILE)."
                )
            )
        if result.suggestions:
            print(tr("Did you mean: {names}", names="、".join(result.suggestions)))
        return
    from branchdesk.lookup.levels import level_text

    if result.caution:
        for line in wrap_lines(tr("Note: {caution}", caution=result.caution), width):
            print(line)
    if result.ambiguous:
        top = result.couriers[0].score if result.couriers else None
        tied = sum(1 for c in result.couriers if c.score == top)
        if tied >= 2 or not result.tie_reason:
            print(tr("Note: couriers tie — check the address."))
        if result.tie_reason and result.tie_reason != tr("Two couriers match equally well"):
            for line in wrap_lines(tr("Note: {caution}", caution=result.tie_reason), width):
                print(line)
    top_score = result.couriers[0].score if result.couriers else None
    for c in result.couriers[:5]:
        tie = result.ambiguous and c.score == top_score
        level = level_text(c.match.level, tie, result.caution is not None) if c.match else ""
        head = (c.name, c.employee_no, c.phone, c.segment_code, level)
        print("  ".join(part for part in head if part))
        for line in wrap_lines(f"[{c.rule}] {c.reason}", width - 4):
            print("    " + line)
    if result.level == "district" and result.suggestions:  # 中三西路: maybe 中山西路
        print(tr("Did you mean: {names}", names="、".join(result.suggestions)))
    if result.route:
        r = result.route
        print(tr("Route: {hub} {code}", hub=r.hub or "", code=r.route_code or ""))
    if result.arrival_days:
        print(tr("Expected: {days} day(s)", days=result.arrival_days))
    for w in result.waybills[:20]:
        print(f"{w.number}  {w.carrier}  {w.recipient or ''}  {w.status or ''}  {w.address or ''}")


def _cmd_lookup(args: argparse.Namespace) -> int:
    from branchdesk.lookup.service import lookup

    if args.batch is None and args.query is None:
        print(i18n.tr("Give a query, or --batch FILE."), file=sys.stderr)
        return EXIT_USAGE
    db = open_db()
    if args.batch is None:
        with db.read_session() as session:
            _print_result(lookup(session, args.query), args.json)
        return EXIT_OK
    if args.batch == "-":
        from branchdesk.io import limits

        data = sys.stdin.read(limits.MAX_FILE_BYTES + 1)
        if len(data) > limits.MAX_FILE_BYTES:
            raise limits.file_too_large(Path("stdin"), len(data))
        lines = data.splitlines()
    else:
        try:
            lines = _read_lines(Path(args.batch))
        except OSError as exc:
            raise BranchDeskError(
                i18n.tr("Cannot read {path}: {error}", path=args.batch, error=os_reason(exc))
            ) from exc
    with db.read_session() as session:
        for line in lines:
            if line.strip():
                _print_result(lookup(session, line), True)
    return EXIT_OK


def _read_lines(path: Path) -> list[str]:
    from branchdesk.db import live

    live.refuse(path)
    from branchdesk.io import limits

    limits.check_file_size(path)
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise BranchDeskError(i18n.tr("{path} is not a text file in UTF-8 or GBK.", path=path))


def _cmd_purge_waybills(args: argparse.Namespace) -> int:
    from branchdesk.lookup.retention import count_old_waybills, cutoff_date, purge_waybills
    from branchdesk.permissions import require_owner
    from branchdesk.settings import SettingsStore

    if not args.yes and not sys.stdin.isatty():
        print(i18n.tr("Removing waybills changes data: add --yes to confirm."), file=sys.stderr)
        return EXIT_USAGE
    require_owner(Action.DELETE_RECORDS)  # before the question: who may not is not asked
    db = open_db()
    days = args.older_than
    if days is None:
        days = int(SettingsStore().get("waybill_keep_days"))
    before = cutoff_date(days).isoformat()
    if not args.yes:
        with db.read_session() as session:
            count = count_old_waybills(session, days)
        if count == 0:
            print(i18n.tr("No waybill is dated before {date}. Nothing to remove.", date=before))
            return EXIT_OK
        answer = input(
            i18n.tr(
                "Remove {count} waybill(s) dated before {date}? [y/N] ", count=count, date=before
            )
        )
        if answer.strip().lower() not in ("y", "yes", "是"):
            return EXIT_OK
    with db.session() as session:
        removed = purge_waybills(session, days)
    print(i18n.tr("Removed {count} waybill(s) dated before {date}.", count=removed, date=before))
    return EXIT_OK


COMMANDS = {
    "lookup": _cmd_lookup,
    "purge-waybills": _cmd_purge_waybills,
}
