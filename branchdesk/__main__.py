"""`python -m branchdesk` runs the command line (no arguments start the GUI)."""

import sys

from branchdesk.cli import main

sys.exit(main())
