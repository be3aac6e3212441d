"""A BranchDesk process for the crash tests to kill, and the checks on the file it leaves.

Run as a script: `python crash_worker.py DATA_DIR MODE [FILE]`, or forked by
`python crash_worker.py serve` (see serve()) with the same arguments. It opens the DB in
DATA_DIR (migrating it if it is at an older revision).
It prints "start" when its modules are loaded, "ready" once the DB is open, then:
- `import FILE`: imports FILE as waybills in one transaction, printing its progress, and
  "done" after the commit;
- `edit`: edits handbook items and complaints in short transactions until it is killed,
  printing the number of finished transactions as it goes;
- `open`: only opens the DB, which migrates one at an older revision;
- `die-after SQL`: opens the DB and kills itself (SIGKILL) right after it runs a statement
  starting with SQL, for a deterministic crash in the middle of a migration.
The test kills it with SIGKILL at a random moment and then checks the DB with the helpers
below, which the bad-input tests use too.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from sqlalchemy import Engine

from branchdesk import features
from branchdesk.db.base import Base

# --- checks on a database file ------------------------------------------------------------


def _tables(engine: Engine) -> list[str]:
    """Every real table, FTS5 shadow tables included (they hold the search indexes)."""
    with engine.connect() as con:
        return [
            row[0]
            for row in con.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
            )
        ]


def snapshot(engine: Engine) -> dict[str, tuple[int, str]]:
    """Row count and a digest of the rows of every table, FTS shadow tables included."""
    features.load()
    names = _tables(engine)
    missing = set(Base.metadata.tables) - set(names)
    assert not missing, f"tables missing from the DB: {sorted(missing)}"
    result: dict[str, tuple[int, str]] = {}
    # The driver's own cursor: plain tuples, as stored (a third of the time through Rows).
    con = engine.raw_connection()
    try:
        cursor = con.cursor()
        for name in names:
            rows = cursor.execute(f'SELECT * FROM "{name}"').fetchall()
            digest = hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass"))
            result[name] = (len(rows), digest.hexdigest())
    finally:
        con.close()
    return result


def counts(engine: Engine) -> dict[str, int]:
    """Row counts of the tables of Base.metadata."""
    features.load()
    with engine.connect() as con:
        return {
            name: con.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar() or 0
            for name in sorted(Base.metadata.tables)
        }


def assert_consistent(engine: Engine, *, full: bool = False) -> None:
    """Integrity, foreign keys, and both waybill search indexes in step with the table."""
    from branchdesk.lookup.search import _grams_of

    with engine.connect() as con:
        check = "integrity_check" if full else "quick_check"
        result = [row[0] for row in con.exec_driver_sql(f"PRAGMA {check}")]
        assert result == ["ok"], result
        bad_keys = con.exec_driver_sql("PRAGMA foreign_key_check").all()
        assert bad_keys == [], bad_keys
        # rank 1: compare the trigram index with the waybill table itself, not only its
        # own structure (SQLITE_CORRUPT_VTAB, "malformed", when a row is missing or extra).
        con.exec_driver_sql(
            "INSERT INTO waybill_fts(waybill_fts, rank) VALUES ('integrity-check', 1)"
        )
        con.exec_driver_sql(
            "INSERT INTO waybill_short_fts(waybill_short_fts) VALUES ('integrity-check')"
        )
        # The short index is contentless: the waybills it holds must be exactly those with
        # character pairs to index.
        con.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.short_vocab "
            "USING fts5vocab(main, waybill_short_fts, 'instance')"
        )
        indexed = {row[0] for row in con.exec_driver_sql("SELECT DISTINCT doc FROM short_vocab")}
        expected = {
            row[0]
            for row in con.exec_driver_sql("SELECT id, recipient, address FROM waybill")
            if _grams_of(row[1], row[2])
        }
        assert indexed == expected, (
            f"short index: {len(indexed - expected)} extra, {len(expected - indexed)} missing"
        )
        con.rollback()


# --- the worker ---------------------------------------------------------------------------


def _import(file: Path) -> None:
    from branchdesk.db.engine import open_database
    from branchdesk.io.importing import run_import

    print("start", flush=True)
    db = open_database()
    print("ready", flush=True)

    def progress(done: int, total: int) -> None:
        # Validation counts up to total, then the writer reports total once more.
        print(f"progress {done} {total}", flush=True)

    with db.session() as session:
        report = run_import(session, file, "waybills", progress=progress)
    print(f"done {report.rows_ok}", flush=True)
    db.dispose()


def _edit() -> None:
    """Keep changing handbook items and complaints, one short transaction per change."""
    from sqlalchemy import select

    from branchdesk.complaints import service as complaints
    from branchdesk.complaints.models import Complaint
    from branchdesk.db.engine import open_database
    from branchdesk.handbook.models import PenaltyItem

    print("start", flush=True)
    db = open_database()
    print("ready", flush=True)
    n = 0
    while True:
        with db.session() as session:
            items = session.scalars(
                select(PenaltyItem)
                .where(PenaltyItem.replaced_by_id.is_(None))
                .order_by(PenaltyItem.id)
            ).all()
            for item in items[n % 3 :: 3]:
                item.standard = f"标准 第{n}次修改 " + "长文本" * (n % 50)
                item.avoidance = f"避免 {n}"
            session.flush()
            category = complaints.category_tree(session)[0].id
            new = complaints.create_complaint(
                session,
                complaints.NewComplaint(
                    channel="电话",
                    category_id=category,
                    waybill_no=f"7731{n:010d}",
                    customer_name="王芳",
                    phone="13805741234",
                    address="海曙区药行街1号",
                    courier_name="张伟",
                    courier_phone="",
                    description=f"第{n}次催件",
                ),
                "crash-test",
            )
            for old in session.scalars(select(Complaint).where(Complaint.id != new.id).limit(5)):
                old.description = f"{old.description[:40]} ({n})"
        n += 1
        print(n, flush=True)


def _die_after(prefix: str) -> None:
    import os
    import signal

    from sqlalchemy import event

    from branchdesk.db.engine import open_database

    def die(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().startswith(prefix):
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "after_cursor_execute", die)
    print("start", flush=True)
    open_database().dispose()
    print("ready", flush=True)  # the statement never ran


def main(argv: list[str]) -> int:
    from branchdesk import paths

    data_dir, mode = argv[1], argv[2]
    paths.set_data_dir(data_dir)
    # As the command line and the app start: the hooks, and the import kinds on first use
    # (load() would import every feature's importers and exports before "start").
    features.install()
    if mode == "import":
        _import(Path(argv[3]))
    elif mode == "open":
        # Alembic loaded first: the time from "start" to "ready" is then mostly the
        # backup and the migration themselves.
        import alembic.command
        import alembic.operations  # noqa: F401

        from branchdesk.db.engine import open_database

        print("start", flush=True)
        open_database().dispose()
        print("ready", flush=True)
    elif mode == "edit":
        _edit()
    elif mode == "die-after":
        _die_after(argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


# --- the fork server -------------------------------------------------------------------------


def _preload() -> None:
    """What the modes import before they print "start", loaded once for all the workers."""
    import alembic.command
    import alembic.operations  # noqa: F401

    from branchdesk.complaints import service  # noqa: F401
    from branchdesk.db.engine import open_database  # noqa: F401
    from branchdesk.handbook.models import PenaltyItem  # noqa: F401
    from branchdesk.io.importing import kinds

    features.install()
    kinds()  # the import kinds' modules (openpyxl among them)


def _child(out: str, err: str, args: list[str]) -> None:
    """In a forked worker: stdout to the test's FIFO, stderr to its log; run; never return."""
    import os
    import traceback

    code = 1
    try:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        os.dup2(os.open(out, os.O_WRONLY), 1)  # the FIFO: opens once the test reads it
        code = main(["crash_worker.py", *args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> int:
    """Start workers by forking this process, which loaded BranchDesk once (a fresh
    interpreter spends most of a second importing it before each kill).

    Requests come on stdin, one JSON object a line: {"start": [FIFO, LOG, *ARGS]} forks a
    worker whose stdout goes to the FIFO and stderr to LOG, answered "pid N"; {"kill": N}
    sends SIGKILL to worker N if it has not ended. "exit N CODE" follows when worker N ends
    (CODE -9 when killed). Only this process reaps its workers, so a pid it kills is never
    one reused by another process. Ends when stdin closes."""
    import json
    import os
    import select
    import signal

    _preload()
    print("serving", flush=True)
    running: set[int] = set()
    pending = b""
    while True:
        ready, _, _ = select.select([0], [], [], 0.01)
        if ready:
            data = os.read(0, 65536)
            if not data:
                break
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                request = json.loads(line)
                if "kill" in request:
                    if request["kill"] in running:
                        os.kill(request["kill"], signal.SIGKILL)
                    continue
                out, err, *args = request["start"]
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    _child(out, err, args)
                running.add(pid)
                print(f"pid {pid}", flush=True)
        for pid in list(running):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                running.discard(pid)
                print(f"exit {pid} {os.waitstatus_to_exitcode(status)}", flush=True)
    for pid in running:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return 0


if __name__ == "__main__":
    # Run as a script from anywhere: the repository root on the path for `branchdesk`.
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    sys.exit(serve() if sys.argv[1:] == ["serve"] else main(sys.argv))
