"""Complaint commands: the due list, the month's analysis and the problem-parcel slips."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, EXIT_USAGE, open_db, to_json, wrote_pages
from branchdesk.errors import BranchDeskError


def print_complaints_document(args: argparse.Namespace) -> int:
    """`print slips FILE` or `print analysis`."""
    return print_slips(args) if args.document == "slips" else print_analysis(args)


def print_analysis(args: argparse.Namespace) -> int:
    from datetime import date

    from branchdesk.complaints.analysis import month_report
    from branchdesk.complaints.documents.analysis import render_month_report
    from branchdesk.settings import SettingsStore

    today = date.today()
    year, month = args.month or (today.year, today.month)
    if (year, month) > (today.year, today.month):
        raise BranchDeskError(
            i18n.tr(
                "{year}-{month:02d} has not begun yet: give this month or an earlier one.",
                year=year,
                month=month,
            )
        )
    db = open_db()
    with db.session() as session:
        report = month_report(session, year, month)
    pages = render_month_report(
        report,
        args.output,
        branch=str(SettingsStore().get("branch_name") or ""),
        printed=today,
    )
    print(wrote_pages(pages, args.output))
    return EXIT_OK


def print_slips(args: argparse.Namespace) -> int:
    from branchdesk.complaints.slips import print_slips
    from branchdesk.settings import SettingsStore

    if args.file is None:
        print(
            i18n.tr("Give the HQ's problem-parcel list: print slips FILE -o OUT.pdf"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    source = Path(args.file)
    if not source.exists():
        raise BranchDeskError(i18n.tr("File not found: {path}", path=source))
    db = open_db()
    with db.session() as session:
        done = print_slips(
            session,
            source,
            args.output,
            sheet=args.sheet,
            skip_invalid=args.skip_invalid,
            mask=not args.show_phones,
            branch=str(SettingsStore().get("branch_name") or ""),
        )
    print(done.summary())
    for problem in done.found.problems:
        print("  " + str(problem))
    return EXIT_OK


def _cmd_complaints(args: argparse.Namespace) -> int:
    from branchdesk.complaints import service
    from branchdesk.complaints.workflow import status_label
    from branchdesk.privacy import mask_phone
    from branchdesk.settings import SettingsStore

    db = open_db()
    within = args.within
    if within is None:
        within = float(SettingsStore().get("complaint_lead_hours"))
    at = service.now()
    with db.read_session() as session:
        soon, overdue = service.due_counts(session, within, at)
        # A script reading --json gets every row; the text list stops at the queue's limit.
        rows = service.due_soon(
            session, within, at=at, limit=None if args.json else service.DUE_LIST_LIMIT
        )
    if args.json:
        items = [
            {
                "ticket_no": r.ticket_no,
                "hq_order_no": r.hq_order_no,
                "waybill_no": r.waybill_no,
                "category": r.category,
                "courier": r.courier_name,
                "customer_phone": mask_phone(r.phone) or None,
                "status": r.status,
                "received_at": r.received_at.isoformat(),
                "due_at": r.due_at.isoformat(),
                "overdue": r.due_at < at,
                "minutes_left": int((r.due_at - at).total_seconds() // 60),
            }
            for r in rows
        ]
        print(to_json(items, indent=2))
        return EXIT_OK
    if not rows:
        print(i18n.tr("Nothing due within {hours} hour(s).", hours=f"{within:g}"))
        return EXIT_OK
    for r in rows:
        late = r.due_at < at
        when = r.due_at.strftime("%m-%d %H:%M" if r.due_at.year == at.year else "%Y-%m-%d %H:%M")
        mark = i18n.tr("OVERDUE") if late else i18n.tr("due")
        print(
            f"{r.ticket_no}  {mark} {when}  {status_label(r.status)}  {r.category}  "
            f"{r.waybill_no or '—'}  {r.courier_name or '—'}"
        )
    if len(rows) < soon + overdue:
        print(
            i18n.tr(
                "Only the first {shown} of {total} are listed; use --json for all of them.",
                shown=len(rows),
                total=soon + overdue,
            )
        )
    print(i18n.tr("{overdue} overdue, {soon} due soon.", overdue=overdue, soon=soon))
    return EXIT_OK


COMMANDS = {
    "complaints": _cmd_complaints,
}
