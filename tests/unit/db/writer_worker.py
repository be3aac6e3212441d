"""One of several BranchDesk processes writing to one database at once (test_concurrency.py).

Run as `python writer_worker.py DATA_DIR CONTROL_DIR NAME WAYBILLS_FILE`. It opens the database,
writes CONTROL_DIR/NAME.ready, waits for CONTROL_DIR/go, then logs COMPLAINTS complaints (one
short transaction each, as the complaint dialog saves them), imports WAYBILLS_FILE once and
tries a wrong owner PIN a few times in between, as the PIN dialog and `--pin` do. Every
failure is noted, not raised; at the end it writes CONTROL_DIR/NAME.json with what it did.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

COMPLAINTS = 30
PIN_AT = (2, 4, 6)  # before these complaints, a wrong PIN
IMPORT_AT = 10
WRONG_PIN = "97531"


def main(argv: list[str]) -> int:
    data_dir, control, name, waybills = Path(argv[1]), Path(argv[2]), argv[3], Path(argv[4])
    from branchdesk import features, paths
    from branchdesk.complaints import service
    from branchdesk.db.engine import open_database
    from branchdesk.io.importing import run_import
    from branchdesk.owner.pin import check

    paths.set_data_dir(data_dir)
    features.install()  # as the command line does: the import kinds, the audit recorder
    db = open_database()
    with db.session() as session:
        category = service.category_tree(session)[0].id
    # Written aside and renamed: the test reads it the moment it exists (it once read it
    # empty, between the create and the write).
    ready = control / f".{name}.ready.tmp"
    ready.write_text("{}")
    os.replace(ready, control / f"{name}.ready")
    deadline = time.monotonic() + 120
    while not (control / "go").exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go")
        time.sleep(0.01)
    done: dict[str, list[object]] = {"tickets": [], "pins": [], "imported": [], "errors": []}

    def attempt(what: str, work: object) -> None:
        try:
            work()  # type: ignore[operator]
        except Exception as exc:
            done["errors"].append(f"{what}: {type(exc).__name__}: {exc}")
            traceback.print_exc()

    def log(n: int) -> None:
        with db.session() as session:
            row = service.create_complaint(
                session,
                service.NewComplaint(
                    channel="电话",
                    category_id=category,
                    waybill_no=f"7731{os.getpid() % 1000:03d}{n:07d}",
                    description=f"{name} #{n}",
                ),
                name,
            )
        done["tickets"].append(row.ticket_no)

    def wrong_pin() -> None:
        started = time.time()
        with db.session() as session:
            result = check(session, WRONG_PIN)
        done["pins"].append({"ok": result.ok, "waiting": result.waiting, "at": started})

    def load() -> None:
        with db.session() as session:
            report = run_import(session, waybills, "waybills")
        done["imported"].append(report.rows_ok)

    for n in range(COMPLAINTS):
        if n in PIN_AT:
            attempt("pin", wrong_pin)
        if n == IMPORT_AT:
            attempt("import", load)
        attempt(f"complaint {n}", lambda n=n: log(n))
    db.dispose()
    tmp = control / f".{name}.tmp"
    tmp.write_text(json.dumps(done, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, control / f"{name}.json")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    sys.exit(main(sys.argv))
