"""Knowledge commands: the one search (`search QUERY`) and the FAQ's import and export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, open_db, to_json
from branchdesk.errors import BranchDeskError, DatabaseBusyError
from branchdesk.i18n import tr


def add_parsers(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """The `search` and `faq` commands (called by cli.parser)."""
    p = command(
        sub,
        "search",
        help=tr(
            "search everything the branch knows: penalty items, reply scripts, guide steps, FAQ, "
            "area rows"
        ),
    )
    p.add_argument("query", help=tr("what to look for (text, pinyin initials, a typo is fine)"))
    p.add_argument("--json", action="store_true", help=tr("print JSON (one object)"))
    p.add_argument("--limit", type=int, default=20, metavar="N", help=tr("at most N hits"))
    p = command(sub, "faq", help=tr("the FAQ: import or export its entries"))
    fsub = p.add_subparsers(dest="faq_command", required=True)
    fimport = command(fsub, "import", help=tr("add FAQ entries from a spreadsheet"))
    fimport.add_argument(
        "file", type=Path, help=tr("the FAQ table (.xlsx or .csv: 问题, 答案 columns)")
    )
    fimport.add_argument("--sheet", help=tr("the sheet to read (default: the first)"))
    fimport.add_argument(
        "--skip-invalid",
        action="store_true",
        help=tr("import the valid rows and report the invalid ones"),
    )
    fexport = command(fsub, "export", help=tr("write every FAQ entry to a spreadsheet"))
    fexport.add_argument("-o", "--output", type=Path, required=True, help=tr("the .xlsx to write"))


def _say_updating(_kinds: list[str]) -> None:
    print(
        tr("Updating the search index first (after a change to the data)…"),
        file=sys.stderr,
        flush=True,
    )


def _say_busy() -> None:
    print(
        tr(
            "The database is busy: another BranchDesk window or command is writing to it. "
            "The search answered from its index as it stands (changes made since may be "
            "missing) and noted nothing as an FAQ gap. Nothing is lost; search again when "
            "the other has finished."
        ),
        file=sys.stderr,
        flush=True,
    )


def _search(args: argparse.Namespace) -> int:
    from branchdesk.knowledge import faq
    from branchdesk.knowledge.search import did_you_mean, is_fresh, refresh, search, useful
    from branchdesk.knowledge.sources import kind_label

    db = open_db()
    busy = False
    # Searching only reads: a writing session (which waits for another writer's lock) is
    # opened only to bring a stale index up to date or to note a gap, and a busy database
    # skips both rather than failing the search.
    with db.read_session() as session:
        fresh = is_fresh(session)
    if not fresh:
        try:
            with db.session() as session:
                # The first search, or the first after an import, rebuilds the index: seconds
                # on a large branch, said rather than silent (on stderr: stdout stays results).
                refresh(session, announce=_say_updating)
        except DatabaseBusyError:
            busy = True
    with db.read_session() as session:
        hits = search(session, args.query, limit=max(1, args.limit), refresh_first=False)
        found = useful(hits)
        near = [] if found else did_you_mean(session, args.query)
    noted = False
    if not found and not busy:
        try:
            with db.session() as session:
                noted = faq.log_miss(session, args.query)
        except DatabaseBusyError:
            busy = True
    if busy:
        _say_busy()
    if args.json:
        print(
            to_json(
                {
                    "query": args.query,
                    "useful": found,
                    "hits": [
                        {
                            "kind": h.kind,
                            "id": h.id,
                            "title": h.title,
                            "context": h.context,
                            "snippet": h.snippet,
                            "score": h.score,
                            "position": h.position,
                            "matched_by": h.how,
                        }
                        for h in hits
                    ],
                    "did_you_mean": near,
                },
                indent=2,
            )
        )
        return EXIT_OK
    if not found:
        if noted:
            print(
                i18n.tr("Nothing useful found for “{q}”; it is noted as an FAQ gap.", q=args.query)
            )
        else:
            print(i18n.tr("Nothing useful found for “{q}”.", q=args.query))
        if near:
            print(i18n.tr("Did you mean: {names}", names="、".join(near)))
    for h in hits:
        print(f"[{kind_label(h.kind)}] {h.title}  ({h.context})")
        if h.snippet:
            print(f"    {h.snippet}")
    return EXIT_OK


def _faq(args: argparse.Namespace) -> int:
    from branchdesk.io.importing import run_import
    from branchdesk.knowledge.importers import export_faq

    db = open_db()
    if args.faq_command == "export":
        with db.read_session() as session:
            count = export_faq(session, args.output)
        print(i18n.tr("Wrote {count} row(s) to {path}", count=count, path=args.output))
        return EXIT_OK
    if not args.file.exists():
        raise BranchDeskError(i18n.tr("File not found: {path}", path=args.file))
    with db.session() as session:
        report = run_import(
            session, args.file, "faq", sheet=args.sheet, skip_invalid=args.skip_invalid
        )
    print(report.summary())
    for problem in report.problems:
        print("  " + str(problem))
    return EXIT_OK


COMMANDS = {"search": _search, "faq": _faq}
