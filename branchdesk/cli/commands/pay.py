"""`team statement`: the month's pay statements to Excel or PDF, or as JSON.

Pay owns the `statement` subcommand of the `team` group: `add_statement_parser` adds it to
the group's subparsers and TEAM_SUBCOMMANDS maps it to its function, so the team group's own
dispatcher only merges this mapping into its own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, EXIT_USAGE, open_db, to_json, wrote_pages
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr


def add_statement_parser(
    team_sub: Any, command: Callable[..., argparse.ArgumentParser], month: Callable[[str], Any]
) -> None:
    """The `statement` subcommand, on the `team` group's subparsers (`command` and `month` are
    the parser module's helpers, passed in so this module does not import it back)."""
    p = command(
        team_sub,
        "statement",
        help=tr("the month's pay statement per agent, to Excel (.xlsx) or PDF, or as JSON"),
    )
    p.add_argument("--month", type=month, metavar="YYYY-MM", required=True, help=tr("the month"))
    p.add_argument(
        "-o", "--output", type=Path, help=tr("the .xlsx or .pdf file to write (FILE.xlsx|FILE.pdf)")
    )
    p.add_argument("--agent", metavar="NAME", help=tr("only this agent's statement"))
    p.add_argument("--json", action="store_true", help=tr("print JSON (one object) on stdout"))


def _as_json(s: Any) -> dict[str, Any]:
    return {
        "agent": s.agent_name,
        "employee_no": s.employee_no,
        "status": s.status,
        "complaints_closed": s.complaints_closed,
        "work_orders_closed": s.work_orders_closed,
        "contacts": s.contacts,
        "items": s.items,
        "on_time": s.on_time,
        "on_time_rate": None if s.on_time_rate is None else round(s.on_time_rate, 4),
        "qc_average": s.qc_average,
        "qc_scored": s.qc_scored,
        "qc_change": None if s.qc_trend is None else round(s.qc_trend, 1),
        "coaching_open": s.coaching_open,
        "coaching_closed": s.coaching_closed,
        "days": s.days,
        "hours": s.hours,
        "fines": [{"amount_fen": f["amount_fen"], "reason": f["reason"]} for f in s.fines],
        "pay_by_volume_fen": s.volume_fen,
        "qc_band": s.qc_band or None,
        "qc_band_fen": s.qc_band_fen,
        "fines_fen": s.fines_fen,
        "total_fen": s.total_fen,
        "approved_at": s.approved_at.isoformat() if s.approved_at else None,
        "approved_by": s.approved_by or None,
        "reissue_reason": s.reissue_reason or None,
    }


def statement(args: argparse.Namespace) -> int:
    from datetime import date

    from branchdesk.pay.service import month_statements
    from branchdesk.settings import SettingsStore

    year, number = args.month
    month = f"{year:04d}-{number:02d}"
    output: Path | None = args.output
    if output is None and not args.json:
        print(
            i18n.tr(
                "Say where to write the statements: team statement --month {month} -o "
                "FILE.xlsx (or FILE.pdf), or --json.",
                month=month,
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    kind = output.suffix.lower() if output is not None else ""
    done = ""
    if output is not None and kind not in (".xlsx", ".pdf"):
        raise BranchDeskError(
            i18n.tr("Write the statements to a .xlsx or .pdf file, not “{name}”.", name=output.name)
        )
    db = open_db()
    with db.read_session() as session:
        statements = month_statements(session, month, agent=args.agent)
    if output is not None and kind == ".pdf":
        from branchdesk.pay.documents.statement import render_statements

        pages = render_statements(
            statements,
            output,
            month=month,
            branch=str(SettingsStore().get("branch_name") or ""),
            printed=date.today(),
        )
        done = wrote_pages(pages, output)
    elif output is not None:
        from branchdesk.pay.exports import export_statements

        written = export_statements(statements, output, month)
        done = i18n.tr(
            "Wrote {count} statement(s) of {month} to {path}",
            count=int(written),
            month=month,
            path=output,
        )
    if args.json:
        print(to_json({"month": month, "statements": [_as_json(s) for s in statements]}, indent=2))
    else:
        print(done)
    return EXIT_OK


TEAM_SUBCOMMANDS = {"statement": statement}


def print_statement_document(args: argparse.Namespace) -> int:
    """`print statement --month YYYY-MM [--employee NAME|工号] -o FILE.pdf`: the same PDF as
    `team statement`, reached like every other printable document."""
    if args.month is None:
        print(
            i18n.tr("Give the month: print statement --month 2026-11 -o FILE.pdf"), file=sys.stderr
        )
        return EXIT_USAGE
    args.agent = args.employee
    args.json = False
    return statement(args)
