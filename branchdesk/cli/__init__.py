"""The command line (DESIGN.md "Command line"); no subcommand starts the GUI.

Exit codes: 0 ok, 1 bad input (the message says file, sheet, row, column and what is wrong),
2 usage. Nothing here waits for input when stdin is not a terminal.

The package: `parser` (every command and its arguments), `main` (the entry point and the
error mapping), `pin` (the owner PIN), `common` (exit codes, opening the database, safe
output) and `commands/` (one module per feature).
"""

from branchdesk.cli.main import main

__all__ = ["main"]
