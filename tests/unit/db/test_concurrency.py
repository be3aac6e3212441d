"""Several writers at once: three real processes log complaints, import waybills and try wrong
owner PINs on one database at the same time. Nothing is lost, no number is given twice, and
the wait after wrong PINs starts as it would for one writer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from branchdesk.complaints import service
from branchdesk.complaints.models import Complaint
from branchdesk.db.engine import Database
from branchdesk.lookup.models import Waybill
from branchdesk.owner import audit
from branchdesk.owner.models import OwnerPin
from branchdesk.owner.pin import FIRST_WAIT, FREE_ATTEMPTS, set_pin
from tests.unit.db import writer_worker
from tests.unit.db.processes import START_TIMEOUT, Spawned, write_atomically
from tests.unit.db.test_side_by_side import waybill_csv

WORKER = Path(writer_worker.__file__)
WRITERS = 3


def test_three_writers_at_once_lose_nothing(db: Database, data_dir: Path, tmp_path: Path) -> None:
    with db.session() as session:
        service.ensure_default_categories(session)
        set_pin(session, "2468")
    db.dispose()
    control = tmp_path / "control"
    files = [tmp_path / f"运单{n}.csv" for n in range(WRITERS)]
    numbers = [waybill_csv(f, 10 + n, 50) for n, f in enumerate(files)]
    writers = [
        Spawned(control, WORKER, str(data_dir), str(control), f"w{n}", str(files[n]))
        for n in range(WRITERS)
    ]
    try:
        for n, w in enumerate(writers):
            w.wait_for_file(f"w{n}.ready", START_TIMEOUT)
        write_atomically(control / "go", "{}")
        results = [w.wait_for_file(f"w{n}.json", START_TIMEOUT) for n, w in enumerate(writers)]
        for w in writers:
            assert w.wait() == 0, w.output()
    finally:
        for w in writers:
            w.kill()
    errors = [e for r in results for e in r["errors"]]
    assert errors == [], "\n".join(errors)
    tickets = [t for r in results for t in r["tickets"]]
    assert len(tickets) == WRITERS * writer_worker.COMPLAINTS
    assert len(set(tickets)) == len(tickets), "a ticket number was given twice"
    pins = sorted((p for r in results for p in r["pins"]), key=lambda p: p["at"])
    assert len(pins) == WRITERS * len(writer_worker.PIN_AT)
    assert not any(p["ok"] for p in pins)
    checked = [p for p in pins if not p["waiting"]]
    with db.session() as session:
        saved = set(session.scalars(select(Complaint.ticket_no)))
        waybills = set(session.scalars(select(Waybill.number)))
        failures = session.scalar(select(OwnerPin.failures))
        counted = audit.count(session, "pin_failed")
        complaints = session.scalar(select(func.count()).select_from(Complaint))
    assert saved == set(tickets) and complaints == len(tickets)
    assert set().union(*numbers) <= waybills
    # Every wrong PIN that was checked is counted, and once FREE_ATTEMPTS were wrong the
    # others waited instead of being checked (all of them came within the first wait).
    assert failures == counted == len(checked)
    assert pins[-1]["at"] - pins[0]["at"] < FIRST_WAIT
    assert len(checked) == FREE_ATTEMPTS
