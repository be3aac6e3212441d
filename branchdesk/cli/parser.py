"""The command line's parser: every command, its arguments and their checks."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from branchdesk import __version__
from branchdesk.cli.commands import knowledge as knowledge_cli
from branchdesk.cli.commands import pay as pay_cli
from branchdesk.cli.localise import ArgumentParser, HelpFormatter
from branchdesk.i18n import tr

IMPORT_KINDS = ("areas", "routes", "times", "waybills", "handbook", "complaints", "customers")


EXPORT_KINDS = (
    "areas",
    "routes",
    "times",
    "waybills",
    "couriers",
    "handbook",
    "complaints",
    "audit",
    "faq",
)


def bounded(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                tr("a whole number is expected: {text}", text=text)
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                tr("{value} is not between {low} and {high}", value=value, low=low, high=high)
            )
        return value

    return parse


def hours(text: str) -> float:
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("a number of hours is expected: {text}", text=text)
        ) from None
    if not math.isfinite(value) or not 0 <= value <= 8760:
        raise argparse.ArgumentTypeError(tr("{text} is not between 0 and 8760 hours", text=text))
    return value


def month(text: str) -> tuple[int, int]:

    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise argparse.ArgumentTypeError(tr("a month like 2026-11 is expected: {text}", text=text))
    return int(m[1]), int(m[2])


def day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("a date like 2026-11-16 is expected: {text}", text=text)
        ) from None


def pin_help() -> str:
    return tr("the owner PIN, once one is set, for owner actions (or set BRANCHDESK_PIN)")


def command(
    subparsers: argparse._SubParsersAction[ArgumentParser], name: str, **kwargs: Any
) -> ArgumentParser:
    # --pin is also taken after the command (branchdesk undo 3 --yes --pin 1234).
    common = ArgumentParser(add_help=False)
    common.add_argument("--pin", metavar="PIN", default=argparse.SUPPRESS, help=pin_help())
    kwargs.setdefault("formatter_class", HelpFormatter)
    return subparsers.add_parser(name, parents=[common], **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="branchdesk",
        description=tr("BranchDesk 网点服务台 — courier branch desk"),
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"BranchDesk {__version__}",
        help=tr("show program's version number and exit"),
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help=tr("use DIR for the database and settings")
    )
    parser.add_argument(
        "--open",
        metavar="PACK",
        type=Path,
        help=tr("start the GUI and import this guide pack (.zip)"),
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help=tr("start the GUI in the tray, window hidden (for starting with Windows)"),
    )
    parser.add_argument("--pin", metavar="PIN", help=pin_help())
    # Eighteen commands: named 命令 in the usage line and errors (the help lists them).
    sub = parser.add_subparsers(dest="command", metavar=tr("COMMAND"))

    p = command(
        sub,
        "import",
        help=tr(
            "import a spreadsheet (areas, routes, times, waybills, handbook, complaints, customers)"
        ),
    )
    p.add_argument(
        "kind",
        choices=IMPORT_KINDS,
        help=tr(
            "the table: areas 派件区域, routes 路由, times 时效, waybills 运单, handbook 处罚手册, "
            "complaints 总部工单, customers 寄件客户"
        ),
    )
    p.add_argument("file", type=Path, help=tr("the spreadsheet (.xlsx, .xls, .ods or .csv)"))
    p.add_argument("--sheet", help=tr("sheet name (default: the first sheet)"))
    p.add_argument("--dry-run", action="store_true", help=tr("validate only, write nothing"))
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help=tr("import the valid rows and report the invalid ones"),
    )
    p.add_argument(
        "--create-categories",
        action="store_true",
        help=tr("handbook: create the categories that do not exist yet"),
    )

    p = command(sub, "lookup", help=tr("find couriers, route and waybills for a query"))
    p.add_argument("query", nargs="?", help=tr("address, waybill number, phone or last 4 digits"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.add_argument(
        "--batch",
        metavar="FILE",
        help=tr("one query per line ('-' for stdin); prints one JSON object per line"),
    )

    p = command(sub, "export", help=tr("export a table to Excel"))
    p.add_argument("kind", choices=EXPORT_KINDS, help=tr("the table to export"))
    p.add_argument("-o", "--output", type=Path, required=True, help=tr("the .xlsx file to write"))
    p.add_argument(
        "--show-phones",
        action="store_true",
        help=tr("customers' phone numbers in full (masked by default; an owner action, audited)"),
    )

    p = command(
        sub,
        "print",
        help=tr(
            "print the handbook, vehicle sheets, an exam, results, problem-parcel slips, "
            "an operation guide or the month's pay statements"
        ),
    )
    p.add_argument(
        "document",
        choices=(
            "handbook",
            "sheet",
            "exam",
            "results",
            "slips",
            "analysis",
            "guide",
            "statement",
            "drill-sheet",
        ),
        help=tr(
            "what to print: handbook 处罚手册, sheet 车载处罚单, exam 考卷, results 练习成绩, "
            "slips 问题件提醒单, analysis 投诉分析, guide 操作指南, statement 月度结算单, "
            "drill-sheet 默写卷"
        ),
    )
    p.add_argument(
        "file",
        nargs="?",
        # Kept as typed: a guide's title may hold "/" (Path would rewrite it on Windows).
        help=tr("slips: the HQ's problem-parcel list (.xlsx/.xls/.csv); guide: its id or title"),
    )
    p.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="CATEGORY",
        help=tr("only this category (repeat for several)"),
    )
    p.add_argument(
        "--seed",
        type=bounded(0, 999999),
        help=tr("exam: the paper number (0-999999); a number printed before reprints that paper"),
    )
    p.add_argument(
        "--questions", type=bounded(1, 200), default=20, help=tr("exam: number of questions")
    )
    p.add_argument(
        "--part",
        choices=("both", "paper", "key"),
        default="both",
        help=tr(
            "exam: both (the paper, then its answer key), paper (the questions only) or key "
            "(the answer key only; print it with the paper's --seed)"
        ),
    )
    p.add_argument("--courier", help=tr("sheet: courier's name in the header"))
    p.add_argument(
        "--employee",
        help=tr(
            "results: one employee's results; statement: one agent's; drill-sheet: the "
            "employee's most forgotten cards first"
        ),
    )
    p.add_argument("--sheet", help=tr("slips: sheet name (default: the first sheet)"))
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help=tr("slips: print the valid rows and report the invalid ones"),
    )
    p.add_argument(
        "--show-phones",
        action="store_true",
        help=tr(
            "slips: print customers' names and phones in full (masked by default; an owner "
            "action, audited)"
        ),
    )
    p.add_argument(
        "--month",
        type=month,
        metavar="YYYY-MM",
        help=tr("analysis: the month (default: this one); statement: the month"),
    )
    p.add_argument(
        "--table",
        choices=("areas", "routes", "times", "handbook", "scripts"),
        default="areas",
        help=tr("drill-sheet: the table to copy out (default: areas)"),
    )
    p.add_argument("-o", "--output", type=Path, required=True, help=tr("the PDF file to write"))

    p = command(sub, "complaints", help=tr("the complaint log"))
    csub = p.add_subparsers(dest="complaints_command", required=True)
    due = command(csub, "due", help=tr("open complaints due soon or overdue, soonest first"))
    due.add_argument(
        "--within",
        type=hours,
        default=None,
        metavar="HOURS",
        help=tr("due within this many hours (default: the lead time in settings, 2)"),
    )
    due.add_argument("--json", action="store_true", help=tr("print JSON (one array)"))

    p = command(sub, "guides", help=tr("operation guides: list, export or import a guide pack"))
    gsub = p.add_subparsers(dest="guides_command", required=True)
    glist = command(gsub, "list", help=tr("every guide: id, category, title, steps, version"))
    glist.add_argument("--json", action="store_true", help=tr("print JSON (one array)"))
    gexport = command(gsub, "export", help=tr("write a guide as a pack (.zip) for another branch"))
    gexport.add_argument("guide", help=tr("the guide's id or exact title"))
    gexport.add_argument("-o", "--output", type=Path, required=True, help=tr("the .zip to write"))
    gimport = command(gsub, "import", help=tr("add the guide of a pack (.zip) to the library"))
    gimport.add_argument("pack", type=Path, help=tr("the guide pack (.zip) to add"))

    p = command(sub, "team", help=tr("the service team: agents, sign-in and sign-out, contacts"))
    tsub = p.add_subparsers(dest="team_command", required=True)
    tlist = command(tsub, "list", help=tr("the team: name, employee number, role, signed in today"))
    tlist.add_argument("--json", action="store_true", help=tr("print JSON (one array)"))
    tlist.add_argument("--all", action="store_true", help=tr("also the deactivated agents"))
    tin = command(tsub, "sign-in", help=tr("sign an agent in (starts the day's shift)"))
    tin.add_argument("name", help=tr("the agent's name, as in the team list"))
    tout = command(tsub, "sign-out", help=tr("sign an agent out (ends the open shift)"))
    tout.add_argument("name", help=tr("the agent's name, as in the team list"))
    tcontacts = command(tsub, "contacts", help=tr("the contacts logged on a day"))
    tcontacts.add_argument(
        "--date", type=day, metavar="YYYY-MM-DD", help=tr("the day (default: today)")
    )
    tcontacts.add_argument("--json", action="store_true", help=tr("print JSON (one array)"))
    pay_cli.add_statement_parser(tsub, command, month)

    p = command(sub, "qc", help=tr("quality control: the day's sample and the month's report"))
    qsub = p.add_subparsers(dest="qc_command", required=True)
    qsample = command(
        qsub,
        "sample",
        help=tr("the items to check for every agent who worked on a day (drawn once, then kept)"),
    )
    qsample.add_argument(
        "--date", type=day, metavar="YYYY-MM-DD", help=tr("the working day (default: yesterday)")
    )
    qsample.add_argument("--json", action="store_true", help=tr("print JSON (one object)"))
    qreport = command(qsub, "report", help=tr("each agent's quality in a month"))
    qreport.add_argument(
        "--month", type=month, metavar="YYYY-MM", required=True, help=tr("the month")
    )
    qreport.add_argument("--json", action="store_true", help=tr("print JSON (one array)"))

    p = command(
        sub, "training", help=tr("training: drill mastery, the new-hire plan, who is ready")
    )
    trsub = p.add_subparsers(dest="training_command", required=True)
    tstatus = command(
        trsub,
        "status",
        help=tr(
            "each agent's drill mastery per table, plan progress and the jobs they are ready for"
        ),
    )
    tstatus.add_argument("--agent", metavar="NAME", help=tr("only this agent"))
    tstatus.add_argument("--json", action="store_true", help=tr("print JSON (one object)"))
    knowledge_cli.add_parsers(sub, command)

    p = command(sub, "backup", help=tr("back up the database (a checked copy)"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FOLDER",
        help=tr("the folder to write to, e.g. a USB stick (default: the data dir's backups)"),
    )
    p = command(sub, "restore", help=tr("replace the database with a backup (owner only)"))
    p.add_argument("file", type=Path, help=tr("the backup file (branchdesk-….sqlite3)"))
    p.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    command(sub, "check", help=tr("full integrity check of the database; lists the backups"))

    p = command(sub, "demo", help=tr("load the sample branch (an example to replace)"))
    p.add_argument(
        "--remove",
        action="store_true",
        help=tr("remove the sample branch instead (a backup first; your own data stays)"),
    )
    p.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    command(sub, "history", help=tr("list imports"))
    p = command(sub, "undo", help=tr("undo an import"))
    p.add_argument("batch_id", type=int, help=tr("the import's number (see “history”)"))
    p.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    p = command(
        sub, "purge-waybills", help=tr("remove waybills older than a number of days (owner only)")
    )
    p.add_argument(
        "--older-than",
        type=bounded(1, 36500),
        metavar="DAYS",
        help=tr("remove waybills dated more than DAYS days ago (default: the setting, 180)"),
    )
    p.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    _name_positionals(parser)
    return parser


def _positional_names() -> dict[str, str]:
    """What usage lines and errors call each positional argument (argparse shows its
    attribute name otherwise: "缺少必需的参数：complaints_command", "参数 batch_id")."""
    return {
        "file": tr("FILE"),
        "query": tr("QUERY"),
        "guide": tr("GUIDE"),
        "pack": tr("PACK"),
        "name": tr("NAME"),
        "batch_id": tr("BATCH_NO"),
    }


# The words an option's value is shown by in help and usage ("--courier 业务员"), put into
# the user's language; formats (YYYY-MM, N, PIN) stay as they are.
METAVAR_LABELS = (
    "CATEGORY",
    "COURIER",
    "DAYS",
    "DIR",
    "EMPLOYEE",
    "FILE",
    "FOLDER",
    "HOURS",
    "NAME",
    "OUTPUT",
    "PACK",
    "QUESTIONS",
    "SEED",
    "SHEET",
)


def _option_word(action: argparse.Action) -> str | None:
    """The option's value in the user's words, or None to leave it as argparse shows it."""
    if not action.option_strings or action.nargs == 0 or action.choices:
        return None
    word = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
    return tr(word) if word in METAVAR_LABELS else None


def _name_positionals(parser: argparse.ArgumentParser) -> None:
    """Name every positional argument and subcommand in the user's words, in every
    subparser: a named one by its word, one with choices (a kind, a subcommand) by its
    choices, {due} or {areas,routes,…}, as the usage line already shows them."""
    names = _positional_names()
    for action in parser._actions:
        word = _option_word(action)
        if word is not None:
            action.metavar = word
        elif action.option_strings or action.metavar is not None:
            pass
        elif action.dest in names:
            action.metavar = names[action.dest]
        elif action.choices:
            action.metavar = "{" + ",".join(str(c) for c in action.choices) + "}"
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _name_positionals(child)
