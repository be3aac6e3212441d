"""The command line (DESIGN.md "Command line"); no subcommand starts the GUI.

Exit codes: 0 ok, 1 bad input (the message says file, sheet, row, column and what is wrong),
2 usage. Nothing here waits for input when stdin is not a terminal.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchdesk import __version__, i18n, paths
from branchdesk.errors import BranchDeskError
from branchdesk.permissions import Action, OwnerLock

if TYPE_CHECKING:
    from branchdesk.db.engine import Database
    from branchdesk.lookup.service import LookupResult

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
IMPORT_KINDS = ("areas", "routes", "times", "waybills", "handbook", "complaints")
EXPORT_KINDS = (
    "areas",
    "routes",
    "times",
    "waybills",
    "couriers",
    "handbook",
    "complaints",
    "audit",
)


def _bounded(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"a whole number is expected: {text}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


def _hours(text: str) -> float:
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number of hours is expected: {text}") from None
    if not math.isfinite(value) or not 0 <= value <= 8760:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 8760 hours")
    return value


def _month(text: str) -> tuple[int, int]:
    import re

    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise argparse.ArgumentTypeError(f"a month like 2026-11 is expected: {text}")
    return int(m[1]), int(m[2])


PIN_HELP = "the owner PIN, once one is set, for owner actions (or set BRANCHDESK_PIN)"
# --pin is also taken after the command (branchdesk undo 3 --yes --pin 1234).
_COMMON = argparse.ArgumentParser(add_help=False)
_COMMON.add_argument("--pin", metavar="PIN", default=argparse.SUPPRESS, help=PIN_HELP)


def _command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, **kwargs: Any
) -> argparse.ArgumentParser:
    return subparsers.add_parser(name, parents=[_COMMON], **kwargs)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="branchdesk", description="BranchDesk 网点服务台 — courier branch desk"
    )
    parser.add_argument("--version", action="version", version=f"BranchDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="use DIR for the database and settings")
    parser.add_argument("--pin", metavar="PIN", help=PIN_HELP)
    sub = parser.add_subparsers(dest="command")

    p = _command(
        sub, "import", help="import a spreadsheet (areas, routes, times, waybills, handbook)"
    )
    p.add_argument("kind", choices=IMPORT_KINDS)
    p.add_argument("file", type=Path)
    p.add_argument("--sheet", help="sheet name (default: the first sheet)")
    p.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows and report the invalid ones",
    )
    p.add_argument(
        "--create-categories",
        action="store_true",
        help="handbook: create the categories that do not exist yet",
    )

    p = _command(sub, "lookup", help="find couriers, route and waybills for a query")
    p.add_argument("query", nargs="?", help="address, waybill number, phone or last 4 digits")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--batch",
        metavar="FILE",
        help="one query per line ('-' for stdin); prints one JSON object per line",
    )

    p = _command(sub, "export", help="export a table to Excel")
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument(
        "--show-phones",
        action="store_true",
        help="customers' phone numbers in full (masked by default; an owner action, audited)",
    )

    p = _command(
        sub,
        "print",
        help="print the handbook, vehicle sheets, an exam, results, problem-parcel slips "
        "or an operation guide",
    )
    p.add_argument(
        "document", choices=("handbook", "sheet", "exam", "results", "slips", "analysis", "guide")
    )
    p.add_argument(
        "file",
        nargs="?",
        # Kept as typed: a guide's title may hold "/" (Path would rewrite it on Windows).
        help="slips: the HQ's problem-parcel list (.xlsx/.xls/.csv); guide: its id or title",
    )
    p.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="NAME",
        help="only this category (repeat for several)",
    )
    p.add_argument(
        "--seed",
        type=_bounded(0, 999999),
        help="exam: the paper number (0-999999); a number printed before reprints that paper",
    )
    p.add_argument(
        "--questions", type=_bounded(1, 200), default=20, help="exam: number of questions"
    )
    p.add_argument("--courier", help="sheet: courier's name in the header")
    p.add_argument("--employee", help="results: one employee's results")
    p.add_argument("--sheet", help="slips: sheet name (default: the first sheet)")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="slips: print the valid rows and report the invalid ones",
    )
    p.add_argument(
        "--show-phones",
        action="store_true",
        help="slips: print customers' names and phones in full (masked by default; an owner "
        "action, audited)",
    )
    p.add_argument(
        "--month", type=_month, metavar="YYYY-MM", help="analysis: the month (default: this one)"
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")

    p = _command(sub, "complaints", help="the complaint log")
    csub = p.add_subparsers(dest="complaints_command", required=True)
    due = _command(csub, "due", help="open complaints due soon or overdue, soonest first")
    due.add_argument(
        "--within",
        type=_hours,
        default=None,
        metavar="HOURS",
        help="due within this many hours (default: the lead time in settings, 2)",
    )
    due.add_argument("--json", action="store_true", help="print JSON (one array)")

    p = _command(sub, "guides", help="operation guides: list, export or import a guide pack")
    gsub = p.add_subparsers(dest="guides_command", required=True)
    glist = _command(gsub, "list", help="every guide: id, category, title, steps, version")
    glist.add_argument("--json", action="store_true", help="print JSON (one array)")
    gexport = _command(gsub, "export", help="write a guide as a pack (.zip) for another branch")
    gexport.add_argument("guide", help="the guide's id or exact title")
    gexport.add_argument("-o", "--output", type=Path, required=True, help="the .zip to write")
    gimport = _command(gsub, "import", help="add the guide of a pack (.zip) to the library")
    gimport.add_argument("pack", type=Path)

    p = _command(sub, "backup", help="back up the database (a checked copy)")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FOLDER",
        help="the folder to write to, e.g. a USB stick (default: the data dir's backups)",
    )
    p = _command(sub, "restore", help="replace the database with a backup (owner only)")
    p.add_argument("file", type=Path, help="the backup file (branchdesk-….sqlite3)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _command(sub, "check", help="full integrity check of the database; lists the backups")

    _command(sub, "demo", help="load the sample branch (an example to replace)")
    _command(sub, "history", help="list imports")
    p = _command(sub, "undo", help="undo an import")
    p.add_argument("batch_id", type=int)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p = _command(
        sub, "purge-waybills", help="remove waybills older than a number of days (owner only)"
    )
    p.add_argument(
        "--older-than",
        type=_bounded(1, 36500),
        metavar="DAYS",
        help="remove waybills dated more than DAYS days ago (default: the setting, 180)",
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


class _VisibleControls:
    """A text stream that shows control characters as \\x1b instead of sending them.

    Data (an address, a sheet or file name from a hostile file) can hold ESC sequences that
    would recolour, retitle or clear the user's terminal; what BranchDesk prints itself
    only uses newlines and tabs, which pass. JSON output escapes these on its own.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if not text.isprintable():
            text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
        return int(self._stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


# C0 but tab and newline, DEL, C1, and the bidirectional overrides that reorder a line.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _json(value: object, **options: Any) -> str:
    """JSON for the terminal: characters the terminal would act on as \\u escapes (json
    escapes C0 itself; C1 and bidirectional overrides it leaves raw with ensure_ascii off)."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in GBK cannot show every character (emoji in an address):
        # replace those rather than crash halfway through the output.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _VisibleControls(sys.stdout), _VisibleControls(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = saved


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    from branchdesk import features

    features.install()
    if args.command is None:
        from branchdesk.app import run_gui

        return run_gui()

    from branchdesk.settings import SettingsStore

    i18n.set_language(SettingsStore().get("language"))
    from branchdesk.logs import setup_logging

    setup_logging()  # opens the file only when something is logged
    from branchdesk.permissions import PermissionDenied

    try:
        _install_owner_lock(args)
        return _COMMANDS[args.command](args)
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
                error=exc.strerror or exc,
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


def _pin_is_set(db_path: Path) -> bool:
    """Whether the database holds an owner PIN, read without opening (or creating) it."""
    import sqlite3

    from branchdesk.db.integrity import connect_readonly

    if not db_path.is_file():
        return False
    try:
        con = connect_readonly(db_path)
        try:
            return bool(con.execute("SELECT count(*) FROM owner_pin").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        # No PIN table yet (an older schema): no PIN. Busy or locked: assume one is set.
        return "no such table" not in str(exc)
    except sqlite3.DatabaseError:
        # A file too damaged to read: there is no PIN to ask for, and restoring a damaged
        # database must stay possible.
        return False


class _CommandLineOwner(OwnerLock):
    """The policy once a PIN is set: the PIN from --pin or BRANCHDESK_PIN is checked the
    first time an owner action needs it (a lookup with a stale PIN in its environment is not
    a wrong attempt), and once right it holds for the whole command."""

    def __init__(self, pin: str | None) -> None:
        super().__init__(True, seconds=float("inf"))
        self.pin = pin

    def __call__(self, action: Action) -> bool:
        if super().__call__(action):
            return True
        if self.pin is None:
            return False
        from branchdesk.owner.pin import check

        pin, self.pin = self.pin, None  # one attempt per command
        db = _open()
        try:
            with db.session() as session:
                result = check(session, pin)
        finally:
            db.dispose()  # a restore needs the database closed
        if not result.ok:
            raise BranchDeskError(result.message())
        self.unlock()
        return True


def _install_owner_lock(args: argparse.Namespace) -> None:
    """Once a PIN is set, owner actions need --pin (or BRANCHDESK_PIN)."""
    import os

    from branchdesk import permissions
    from branchdesk.settings import SettingsStore

    name = SettingsStore().get("agent_name")
    where = i18n.tr("command line")
    permissions.set_actor(f"{name} ({where})" if name else where)
    permissions.set_policy(None)
    if not _pin_is_set(paths.db_path()):
        return
    pin = getattr(args, "pin", None)
    if pin is None:
        pin = os.environ.get("BRANCHDESK_PIN") or None  # empty: not given
    permissions.set_policy(_CommandLineOwner(pin))


def _open() -> Database:
    """The database, migrated, with the branch's settings installed (read them after this:
    before, SettingsStore gives their defaults)."""
    from branchdesk.db.engine import open_database
    from branchdesk.owner import policy
    from branchdesk.settings import SettingsStore

    db = open_database()
    policy.start(db, SettingsStore())
    return db


def _cmd_import(args: argparse.Namespace) -> int:
    from branchdesk.io.importing import run_import

    if not args.file.exists():
        raise BranchDeskError(i18n.tr("File not found: {path}", path=args.file))
    db = _open()
    with db.session() as session:
        report = run_import(
            session,
            args.file,
            args.kind,
            sheet=args.sheet,
            manual=_remembered_mapping(args.kind),
            skip_invalid=args.skip_invalid,
            dry_run=args.dry_run,
            options={"create_categories": args.create_categories},
        )
    print(report.summary())
    for problem in report.problems:
        print("  " + str(problem))
    if args.dry_run and report.problems:
        return EXIT_BAD_INPUT
    return EXIT_OK


def _remembered_mapping(kind: str) -> dict[str, str] | None:
    from branchdesk.settings import SettingsStore

    mapping = SettingsStore().get("column_mappings").get(kind)
    return mapping if isinstance(mapping, dict) else None


def _print_result(result: LookupResult, as_json: bool) -> None:
    if as_json:
        print(_json(result.to_json(), default=str))
        return
    tr = i18n.tr
    if not result.couriers and not result.waybills:
        print(tr("No match for “{query}”.", query=result.query))
        if result.suggestions:
            print(tr("Did you mean: {names}", names="、".join(result.suggestions)))
        return
    from branchdesk.lookup.service import level_text

    if result.ambiguous:
        print(tr("Note: couriers tie — check the address."))
        if result.tie_reason:
            print("  " + result.tie_reason)
    for c in result.couriers[:5]:
        level = level_text(c.match.level) if c.match else ""
        print(
            f"{c.name}  {c.employee_no or ''}  {c.phone or ''}  {c.segment_code or ''}"
            f"  [{c.rule}]  {level}: {c.reason}"
        )
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
    db = _open()
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
                i18n.tr("Cannot read {path}: {error}", path=args.batch, error=exc.strerror)
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


def _cmd_export(args: argparse.Namespace) -> int:
    from branchdesk.handbook.importers import export_handbook
    from branchdesk.lookup.exports import export_kind

    db = _open()
    with db.session() as session:
        if args.kind == "handbook":
            count = export_handbook(session, args.output)
        elif args.kind == "audit":
            from branchdesk.owner.audit import export_audit
            from branchdesk.permissions import require_owner

            require_owner(Action.VIEW_AUDIT)
            count = export_audit(session, args.output)
        elif args.kind == "complaints":
            from branchdesk.complaints.exports import export_complaints

            # Customers' phones are masked (138****1234): an export leaves the office.
            count = export_complaints(session, args.output, mask=not args.show_phones)
        else:
            count = export_kind(session, args.kind, args.output, mask=not args.show_phones)
    print(i18n.tr("Wrote {count} row(s) to {path}", count=count, path=args.output))
    from branchdesk.io.export import notes_of

    for note in notes_of(count):
        print(note, file=sys.stderr)
    return EXIT_OK


def _cmd_print(args: argparse.Namespace) -> int:
    from branchdesk.handbook.printing import PrintJob, print_document
    from branchdesk.settings import SettingsStore

    if args.document == "slips":
        return _print_slips(args)
    if args.document == "analysis":
        return _print_analysis(args)
    if args.document == "guide":
        return _print_guide(args)
    if args.file is not None:
        print(
            i18n.tr("Only slips are printed from a file: {path}", path=args.file), file=sys.stderr
        )
        return EXIT_USAGE
    db = _open()
    job = PrintJob(
        document=args.document,
        categories=tuple(args.category),
        courier=args.courier,
        seed=args.seed,
        questions=args.questions,
        employee=args.employee,
        branch=str(SettingsStore().get("branch_name") or ""),
    )
    with db.session() as session:
        done = print_document(session, job, args.output)
    print(i18n.tr("Wrote {pages} page(s) to {path}", pages=done.pages, path=done.path))
    if done.reprint_of is not None:
        print(
            i18n.tr(
                "Reprinted paper no. {seed}, first printed {when}.",
                seed=done.seed,
                when=done.reprint_of.date().isoformat(),
            )
        )
    elif done.seed is not None:
        print(i18n.tr("Paper no. {seed}: print it again with --seed {seed}", seed=done.seed))
    return EXIT_OK


def _print_analysis(args: argparse.Namespace) -> int:
    from datetime import date

    from branchdesk.complaints.analysis import month_report
    from branchdesk.complaints.documents.analysis import render_month_report
    from branchdesk.settings import SettingsStore

    today = date.today()
    year, month = args.month or (today.year, today.month)
    db = _open()
    with db.session() as session:
        report = month_report(session, year, month)
    pages = render_month_report(
        report,
        args.output,
        branch=str(SettingsStore().get("branch_name") or ""),
        printed=today,
    )
    print(i18n.tr("Wrote {pages} page(s) to {path}", pages=pages, path=args.output))
    return EXIT_OK


def _print_guide(args: argparse.Namespace) -> int:
    from datetime import date

    from branchdesk.guides.documents.guide import render_guide
    from branchdesk.guides.service import find_guide, guide_doc
    from branchdesk.settings import SettingsStore

    if args.file is None:
        print(i18n.tr("Say which guide: print guide ID_OR_TITLE -o OUT.pdf"), file=sys.stderr)
        return EXIT_USAGE
    db = _open()
    with db.session() as session:
        doc = guide_doc(session, find_guide(session, str(args.file)))
    pages = render_guide(
        doc,
        args.output,
        branch=str(SettingsStore().get("branch_name") or ""),
        printed=date.today(),
        progress=None,
    )
    print(i18n.tr("Wrote {pages} page(s) to {path}", pages=pages, path=args.output))
    return EXIT_OK


def _print_slips(args: argparse.Namespace) -> int:
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
    db = _open()
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

    db = _open()
    within = args.within
    if within is None:
        within = float(SettingsStore().get("complaint_lead_hours"))
    at = service.now()
    with db.read_session() as session:
        rows = service.due_soon(session, within, at=at)
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
        print(_json(items, indent=2))
        return EXIT_OK
    if not rows:
        print(i18n.tr("Nothing due within {hours} hour(s).", hours=f"{within:g}"))
        return EXIT_OK
    for r in rows:
        late = r.due_at < at
        when = r.due_at.strftime("%m-%d %H:%M")
        mark = i18n.tr("OVERDUE") if late else i18n.tr("due")
        print(
            f"{r.ticket_no}  {mark} {when}  {status_label(r.status)}  {r.category}  "
            f"{r.waybill_no or '—'}  {r.courier_name or '—'}"
        )
    overdue = sum(1 for r in rows if r.due_at < at)
    print(i18n.tr("{overdue} overdue, {soon} due soon.", overdue=overdue, soon=len(rows) - overdue))
    return EXIT_OK


def _cmd_guides(args: argparse.Namespace) -> int:
    from branchdesk.guides import packs
    from branchdesk.guides.service import find_guide, get_guide, search_guides

    db = _open()
    if args.guides_command == "list":
        with db.session() as session:  # the first listing writes the default categories
            rows = search_guides(session)
        if args.json:
            items = [
                {
                    "id": g.id,
                    "title": g.title,
                    "category": g.category,
                    "owner": g.owner,
                    "steps": g.steps,
                    "version": g.version,
                    "updated": g.updated.isoformat(),
                    "review_by": g.review_by.isoformat() if g.review_by else None,
                    "open_flags": g.open_flags,
                    "is_sample": g.is_sample,
                }
                for g in rows
            ]
            print(_json(items, indent=2))
            return EXIT_OK
        if not rows:
            print(i18n.tr("No guides yet."))
        for g in rows:
            sample = i18n.tr("(sample)") if g.is_sample else ""
            print(
                f"{g.id:>4}  {g.category}  {g.title}  "
                + i18n.tr("{steps} step(s), version {version}", steps=g.steps, version=g.version)
                + (f"  {sample}" if sample else "")
            )
        return EXIT_OK
    if args.guides_command == "export":
        with db.session() as session:
            guide_id = find_guide(session, args.guide)
            images = packs.export_pack(session, guide_id, args.output)
        print(
            i18n.tr(
                "Wrote the guide pack {path} ({images} image(s)).", path=args.output, images=images
            )
        )
        return EXIT_OK
    from branchdesk.settings import SettingsStore

    who = str(SettingsStore().get("agent_name") or "")
    with db.session() as session:
        guide_id = packs.import_pack(session, args.pack, who=who)
        title = get_guide(session, guide_id).title
    print(i18n.tr("Imported the guide “{title}” (id {id}).", title=title, id=guide_id))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from branchdesk.sample import load_sample_branch

    db = _open()
    with db.session() as session:
        summary = load_sample_branch(session)
    print(summary)
    return EXIT_OK


def _cmd_history(args: argparse.Namespace) -> int:
    from branchdesk.io.batches import history

    db = _open()
    with db.read_session() as session:
        for b in history(session):
            state = "undone" if b.undone_at else ("replaced" if b.replaced else "active")
            print(
                f"{b.id:>4}  {b.created_at:%Y-%m-%d %H:%M}  {b.kind:<9} {b.rows_ok:>7}  "
                f"{state:<8}  {b.file_name}"
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
    db = _open()
    with db.session() as session:
        batch = undo_batch(session, args.batch_id)
    print(i18n.tr("Undone: import {id} ({file}).", id=batch.id, file=batch.file_name))
    return EXIT_OK


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
    _print_lacking(args.file)
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
    report = restore(paths.db_path(), args.file, backups_dir=paths.backups_dir())
    if report.safety_copy is not None:
        print(i18n.tr("The state before the restore is saved in {path}", path=report.safety_copy))
    print(i18n.tr("Restored {path}.", path=report.restored_from))
    if report.needs_upgrade:
        print(i18n.tr("Its older schema is upgraded the next time BranchDesk opens it."))
    return EXIT_OK


def _print_lacking(backup: Path) -> None:
    """What restoring `backup` would lose, compared with the database now."""
    from branchdesk.db.backup import lacking_rows

    db_path = paths.db_path()
    if db_path.is_file() and db_path.stat().st_size > 0:
        for line in lacking_rows(db_path, backup).lines():
            print(line)


def _cmd_check(args: argparse.Namespace) -> int:
    from branchdesk.db.backup import list_backups
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
            f"  {b.taken_at:%Y-%m-%d %H:%M:%S}  {b.kind:<22} {b.size / 1e6:>9.1f} MB  "
            f"{b.path.name}{state}"
        )
    return EXIT_OK if report is None or report.ok else EXIT_BAD_INPUT


def _cmd_purge_waybills(args: argparse.Namespace) -> int:
    from branchdesk.lookup.retention import count_old_waybills, cutoff_date, purge_waybills
    from branchdesk.permissions import require_owner
    from branchdesk.settings import SettingsStore

    if not args.yes and not sys.stdin.isatty():
        print(i18n.tr("Removing waybills changes data: add --yes to confirm."), file=sys.stderr)
        return EXIT_USAGE
    require_owner(Action.DELETE_RECORDS)  # before the question: who may not is not asked
    db = _open()
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


_COMMANDS = {
    "import": _cmd_import,
    "lookup": _cmd_lookup,
    "export": _cmd_export,
    "print": _cmd_print,
    "complaints": _cmd_complaints,
    "guides": _cmd_guides,
    "demo": _cmd_demo,
    "history": _cmd_history,
    "undo": _cmd_undo,
    "purge-waybills": _cmd_purge_waybills,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
}
