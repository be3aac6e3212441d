"""The commands, one module per feature; each module's COMMANDS maps a command to its function."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from branchdesk.cli.commands import (
    complaints,
    data,
    guides,
    knowledge,
    lookup,
    maintenance,
    printing,
    qc,
    team,
    training,
)

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    **data.COMMANDS,
    **lookup.COMMANDS,
    **printing.COMMANDS,
    **complaints.COMMANDS,
    **guides.COMMANDS,
    **maintenance.COMMANDS,
    **qc.COMMANDS,
    **team.COMMANDS,
    **training.COMMANDS,
    **knowledge.COMMANDS,
}
