"""Printing the handbook's documents: the full handbook, vehicle sheets, exam papers, results."""

from __future__ import annotations

import argparse
import sys

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, EXIT_USAGE, open_db, wrote_pages


def print_handbook_document(args: argparse.Namespace) -> int:
    from branchdesk.handbook.printing import PrintJob, print_document, shortfall
    from branchdesk.settings import SettingsStore

    if args.file is not None:
        print(
            i18n.tr("Only slips are printed from a file: {path}", path=args.file), file=sys.stderr
        )
        return EXIT_USAGE
    if args.document == "exam" and args.part == "key" and args.seed is None:
        # The key of a new paper nobody has: the marker needs the key of the paper handed out.
        print(
            i18n.tr(
                "An answer key goes with a paper: give the paper's number, as printed on it "
                "(print exam --part key --seed NUMBER)."
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    db = open_db()
    job = PrintJob(
        document=args.document,
        categories=tuple(args.category),
        courier=args.courier,
        seed=args.seed,
        questions=args.questions,
        part=args.part,
        employee=args.employee,
        branch=str(SettingsStore().get("branch_name") or ""),
    )
    with db.session() as session:
        done = print_document(session, job, args.output)
    print(wrote_pages(done.pages, done.path))
    if args.document == "exam" and (short := shortfall(done, args.questions)):
        print(short)
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
        if args.document == "exam" and args.part == "key":
            print(
                i18n.tr(
                    "No paper with this number was printed: nobody has the paper this key is "
                    "for. Type the number printed on the papers handed out."
                ),
                file=sys.stderr,
            )
    return EXIT_OK
