"""`print`: each document from the feature that owns it."""

from __future__ import annotations

import argparse

from branchdesk.cli.commands import complaints, guides, handbook


def _cmd_print(args: argparse.Namespace) -> int:
    if args.document == "slips":
        return complaints.print_slips(args)
    if args.document == "analysis":
        return complaints.print_analysis(args)
    if args.document == "guide":
        return guides.print_guide(args)
    return handbook.print_handbook_document(args)


COMMANDS = {"print": _cmd_print}
