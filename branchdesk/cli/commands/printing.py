"""`print`: each document from the feature that owns it (the features register their
documents in io.documents; each feature's commands gather the data and print them)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from branchdesk.cli.commands import complaints, guides, handbook, pay, training

# The feature's command that prints one of its documents (args.document says which).
PRINTERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "handbook": handbook.print_handbook_document,
    "complaints": complaints.print_complaints_document,
    "guides": guides.print_guide,
    "pay": pay.print_statement_document,
    "training": training.print_drill_sheet,
}


def _cmd_print(args: argparse.Namespace) -> int:
    from branchdesk.io.documents import document_kinds

    return PRINTERS[document_kinds()[args.document].feature](args)


COMMANDS = {"print": _cmd_print}
