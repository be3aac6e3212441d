"""Crash safety: a BranchDesk process killed at any moment leaves a consistent DB.

A real process (crash_worker.py, forked by one server process that loaded BranchDesk once)
imports 10,000 waybills, edits the handbook and complaints, or migrates a DB from revision
0001, and is killed with SIGKILL at moments spread over that work: an even spread over each
phase (measured in a run left to finish), plus a few seeded random moments in between. After
each kill the DB is opened as the next start would open it and must pass the full integrity
and foreign-key checks, hold either all of the import or none of it, keep both search
indexes in step with the waybill table, and keep every row it had before.
"""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.orm import Session

from branchdesk import features, paths
from branchdesk.complaints.models import Complaint
from branchdesk.db.base import Base
from branchdesk.db.engine import make_engine, open_database, sqlite_revision
from branchdesk.db.migrations import HEAD_REVISION
from branchdesk.handbook.models import PenaltyItem
from branchdesk.lookup.search import find_text
from branchdesk.sample import waybill_rows
from tests.conftest import sample_with_work_orders
from tests.unit.db.crash_worker import assert_consistent, counts

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL does not exist on Windows; run the kill test on POSIX"
)

WORKER = Path(__file__).with_name("crash_worker.py")
DATA = Path(__file__).parents[2] / "data"
SEED = 20261122
IMPORT_ROWS = 10_000  # one write chunk, as 20,000 were (the writer commits 50,000 at a time)
# Kill moments as fractions of a phase, spread evenly over it, and how many more are drawn at
# random (seeded). Every kill costs a worker start and a check of a 10,000-row DB: an even
# spread reaches every part of the work with fewer kills than uniform draws, which cluster.
READING_SPREAD = (0.15, 0.5, 0.85)  # of the time from "ready" to the writing
WRITING_SPREAD = (0.1, 0.35, 0.6, 0.85, 1.05)  # of the writing and commit (and just after)
IMPORT_RANDOM = 2  # one anywhere in the import, one in the writing
IMPORT_KILLS = len(READING_SPREAD) + len(WRITING_SPREAD) + IMPORT_RANDOM
EDIT_SPREAD = (0.05, 0.75, 1.5)  # seconds after "ready" (a transaction takes a few ms)
EDIT_RANDOM = 1
MIGRATION_SPREAD = (0.1, 0.35, 0.6, 0.85, 1.1)  # of the time a migration takes
MIGRATION_RANDOM = 1
HEADER = ["运单号", "快递公司", "收件人", "收件电话", "收件地址", "状态", "日期", "派件员"]
# The tables a waybill import adds rows to: every other table keeps its row count, and
# every table its earlier rows (rows_up_to); assert_consistent checks the search indexes.
GROWS = ("waybill", "import_batch")


# --- the files ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 waybills as an .xlsx, numbers unlike those of the sample branch."""
    path = tmp_path_factory.mktemp("import") / "运单-1万.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("运单")
    sheet.append(HEADER)
    for row in waybill_rows(IMPORT_ROWS, seed=SEED + 1):
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose DB holds the sample branch, its handbook and guides, work orders."""

    template = sample_with_work_orders(tmp_path_factory)  # the bad-input tests' too
    folder = tmp_path_factory.mktemp("base")
    shutil.copyfile(template, db_file(folder))
    return folder


def db_file(folder: Path) -> Path:
    return folder / paths.DB_FILE_NAME


def copy_data(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True)
    shutil.copyfile(db_file(src), db_file(dst))
    return dst


# --- the worker ---------------------------------------------------------------------------


class ForkServer:
    """`crash_worker.py serve`: one process that loads BranchDesk once and forks a worker
    for each kill (each is a process of its own, killed with SIGKILL as before; a fresh
    interpreter would spend most of a second importing BranchDesk before every kill)."""

    def __init__(self, folder: Path) -> None:
        self.log = folder / "server.stderr"
        self.pids: queue.Queue[int] = queue.Queue()
        self.exits: dict[int, int] = {}
        self.changed = threading.Condition()
        self.lock = threading.Lock()
        with open(self.log, "w") as err:
            self.process = subprocess.Popen(
                [sys.executable, str(WORKER), "serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                encoding="utf-8",
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        self.serving = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not self.serving.wait(120):
            self.close()
            pytest.fail(f"the fork server did not start: {self.log.read_text()}")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            what, *values = line.split()
            if what == "serving":
                self.serving.set()
            elif what == "pid":
                self.pids.put(int(values[0]))
            elif what == "exit":
                with self.changed:
                    self.exits[int(values[0])] = int(values[1])
                    self.changed.notify_all()

    def _send(self, request: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()

    def start(self, out: Path, err: Path, args: list[str]) -> int:
        """Fork a worker with `args`, its stdout to the FIFO `out`; its pid."""
        with self.lock:
            self._send({"start": [str(out), str(err), *args]})
            try:
                return self.pids.get(timeout=60)
            except queue.Empty:
                pytest.fail(f"the fork server did not answer: {self.log.read_text()}")

    def kill(self, pid: int) -> None:
        with self.lock:
            self._send({"kill": pid})

    def exit_code(self, pid: int, timeout: float | None = 0) -> int | None:
        """Worker `pid`'s exit code (-9 when killed); None while it runs (after `timeout`)."""
        with self.changed:
            self.changed.wait_for(lambda: pid in self.exits, timeout)
            return self.exits.get(pid)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()  # the server kills what still runs and ends
        self.process.wait(60)
        self.reader.join(10)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    started = ForkServer(tmp_path_factory.mktemp("server"))
    yield started
    started.close()


class Worker:
    """crash_worker.py in a process of its own, forked by the server; its stdout lines are
    kept with the time they came."""

    def __init__(self, server: ForkServer, data_dir: Path, *args: str) -> None:
        self.server = server
        self.log = data_dir.parent / f"{data_dir.name}.stderr"
        fifo = data_dir.parent / f"{data_dir.name}.stdout"
        os.mkfifo(fifo)
        self.lines: list[str] = []
        self.times: dict[str, float] = {}  # first time each line came
        self.came = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(fifo,), daemon=True)
        self.reader.start()  # opens the FIFO, which the worker opens for its stdout
        self.pid = server.start(fifo, self.log, [str(data_dir), *args])

    def _read(self, fifo: Path) -> None:
        with open(fifo, encoding="utf-8") as out:
            for line in out:
                line = line.strip()
                with self.came:
                    self.lines.append(line)
                    self.times.setdefault(line, time.monotonic())
                    self.came.notify_all()
        with self.came:
            self.lines.append("")  # the end of the output
            self.came.notify_all()

    def wait_for(self, line: str, timeout: float = 60) -> float | None:
        """The time `line` came; None when the worker ended without printing it."""
        with self.came:
            self.came.wait_for(lambda: line in self.times or "" in self.lines, timeout)
            if line in self.times:
                return self.times[line]
            if "" in self.lines:
                return None
        self.server.kill(self.pid)
        self.ended(60)
        pytest.fail(f"the worker did not print {line!r} in {timeout} s: {self.log.read_text()}")

    def ended(self, timeout: float) -> int:
        """Wait for the worker to end; its exit code (-9 when killed)."""
        code = self.server.exit_code(self.pid, timeout)
        if code is None:
            pytest.fail(f"the worker did not end in {timeout} s: {self.log.read_text()}")
        self.reader.join(timeout=10)
        return code

    def kill_at(self, moment: float) -> bool:
        """SIGKILL at `moment` (time.monotonic); False when the worker had already ended."""
        time.sleep(max(0.0, moment - time.monotonic()))
        self.server.kill(self.pid)  # nothing when it has ended
        code = self.ended(60)
        if code not in (0, -signal.SIGKILL):
            pytest.fail(f"the worker failed (exit {code}): {self.log.read_text()}")
        return code == -signal.SIGKILL

    def finish(self, timeout: float = 120) -> None:
        """Wait for a worker that ends by itself."""
        code = self.ended(timeout)
        assert code == 0, self.log.read_text()


def import_phase(lines: list[str]) -> str:
    """Where an import was when it died, from the last lines it printed."""
    if any(line.startswith("done") for line in lines):
        return "after the commit"
    finished = sum(1 for line in lines if line == f"progress {IMPORT_ROWS} {IMPORT_ROWS}")
    if finished >= 2:
        return "committing"
    if finished == 1:
        return "writing"
    if any(line.startswith("progress") for line in lines):
        return "validating"
    if "ready" in lines:
        return "reading the file"
    return "opening the DB"


# --- what must hold after a kill --------------------------------------------------------------


def rows_up_to(engine: Engine, limits: dict[str, int]) -> dict[str, list[tuple[object, ...]]]:
    """The rows each table held before: those with rowid up to its highest id then."""
    with engine.connect() as con:
        return {
            name: [
                tuple(row)
                for row in con.exec_driver_sql(
                    f'SELECT * FROM "{name}" WHERE rowid <= ? ORDER BY rowid', (limit,)
                )
            ]
            for name, limit in limits.items()
        }


def highest_ids(engine: Engine, tables: set[str] | None = None) -> dict[str, int]:
    """The highest rowid of each ORM table (of those among `tables`, when given)."""
    features.load()
    names = [name for name in sorted(Base.metadata.tables) if tables is None or name in tables]
    with engine.connect() as con:
        return {
            name: con.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{name}"').scalar() or 0
            for name in names
        }


@dataclass
class Before:
    counts: dict[str, int]
    limits: dict[str, int]
    rows: dict[str, list[tuple[object, ...]]]
    old_numbers: list[str]


def before_state(folder: Path) -> Before:
    engine = make_engine(f"sqlite:///{db_file(folder)}")
    try:
        limits = highest_ids(engine)
        with engine.connect() as con:
            numbers = [
                row[0]
                for row in con.exec_driver_sql("SELECT number FROM waybill ORDER BY id LIMIT 200")
            ]
        return Before(counts(engine), limits, rows_up_to(engine, limits), numbers[::20])
    finally:
        engine.dispose()


@pytest.fixture
def opened() -> Iterator[list[Engine]]:
    """Engines a check opened, disposed even when the check fails."""
    engines: list[Engine] = []
    yield engines
    for engine in engines:
        engine.dispose()


def reopen(folder: Path, opened: list[Engine]) -> Engine:
    """Open the DB as the next start would (WAL recovery, migration check)."""
    db = open_database(db_file(folder))
    opened.append(db.engine)
    return db.engine


def check_import(
    engine: Engine, before: Before, new_numbers: list[str], *, committed: bool | None
) -> bool:
    """All-or-nothing, consistent, nothing from before lost; True when the import is in."""
    assert_consistent(engine, full=True)
    after = counts(engine)
    waybills = after["waybill"]
    assert waybills in (before.counts["waybill"], before.counts["waybill"] + IMPORT_ROWS)
    imported = waybills != before.counts["waybill"]
    if committed:
        assert imported, "the worker printed done, but its import is gone"
    assert after["import_batch"] == before.counts["import_batch"] + imported
    for name, count in before.counts.items():
        if name not in GROWS:
            assert after[name] == count, name
    assert rows_up_to(engine, before.limits) == before.rows
    with Session(engine) as session:
        for number in before.old_numbers:
            assert find_text(session, number, 5), number
        for number in new_numbers:
            assert bool(find_text(session, number, 5)) == imported, number
    return imported


# --- the tests ----------------------------------------------------------------------------


def test_import_killed_at_random_moments_is_all_or_nothing(
    server: ForkServer, big_file: Path, base: Path, tmp_path: Path, opened: list[Engine]
) -> None:
    before = before_state(base)
    new_numbers = [row[0] for row in waybill_rows(IMPORT_ROWS, seed=SEED + 1)[::1000]]

    # One import run to the end measures how long an import and its writing take here.
    whole = copy_data(base, tmp_path / "whole")
    worker = Worker(server, whole, "import", str(big_file))
    worker.finish()
    assert check_import(reopen(whole, opened), before, new_numbers, committed=True)
    start = worker.times["ready"]
    duration = worker.times[f"done {IMPORT_ROWS}"] - start
    writing = worker.times[f"progress {IMPORT_ROWS} {IMPORT_ROWS}"] - start

    rng = random.Random(SEED)
    # Each kill counts from the line that opens its phase (a loaded machine makes the phases
    # longer or shorter than in the measured run): "ready" (then the file is read and
    # validated) or the writer's first report (then it writes and commits).
    ready, writes = "ready", f"progress {IMPORT_ROWS} {IMPORT_ROWS}"
    write_time = (duration - writing) * 1.1
    kills = [(ready, f * writing) for f in READING_SPREAD]
    kills += [(writes, f * write_time) for f in WRITING_SPREAD]
    kills += [(ready, rng.uniform(0.0, duration)), (writes, rng.uniform(0.0, write_time))]
    assert len(kills) == IMPORT_KILLS
    phases: Counter[str] = Counter()
    survived = 0
    for n, (line, delay) in enumerate(kills):
        folder = copy_data(base, tmp_path / f"kill-{n}")
        worker = Worker(server, folder, "import", str(big_file))
        moment = worker.wait_for(line)
        assert moment is not None, worker.log.read_text()
        killed = worker.kill_at(moment + delay)
        phase = import_phase(worker.lines) if killed else "finished before the kill"
        phases[phase] += 1
        committed = phase in ("after the commit", "finished before the kill")
        check_import(reopen(folder, opened), before, new_numbers, committed=committed)
        survived += killed
    print(f"\nimport: {survived} kill points survived in {dict(phases)} (import {duration:.2f} s)")
    assert survived >= IMPORT_KILLS // 2, phases
    assert phases["writing"] + phases["committing"] + phases["validating"] > 0, phases


def edit_state(engine: Engine) -> tuple[int, dict[int, str]]:
    with Session(engine) as session:
        complaints = session.scalar(select(func.count()).select_from(Complaint)) or 0
        items = session.scalars(
            select(PenaltyItem).where(PenaltyItem.replaced_by_id.is_(None)).order_by(PenaltyItem.id)
        ).all()
        return complaints, {item.id: item.standard for item in items}


def test_edits_killed_at_random_moments_lose_only_the_open_transaction(
    server: ForkServer, base: Path, tmp_path: Path, opened: list[Engine]
) -> None:
    engine = make_engine(f"sqlite:///{db_file(base)}")
    try:
        complaints_before, items_before = edit_state(engine)
        counts_before = counts(engine)
    finally:
        engine.dispose()
    rng = random.Random(SEED + 2)
    delays = [*EDIT_SPREAD, *(rng.uniform(0.05, 1.5) for _ in range(EDIT_RANDOM))]
    survived = transactions = 0
    for n, delay in enumerate(delays):
        folder = copy_data(base, tmp_path / f"edit-{n}")
        worker = Worker(server, folder, "edit")
        ready = worker.wait_for("ready")
        assert ready is not None, worker.log.read_text()
        assert worker.kill_at(ready + delay)
        printed = max((int(line) for line in worker.lines if line.isdigit()), default=0)
        engine = reopen(folder, opened)
        assert_consistent(engine, full=True)
        complaints, items = edit_state(engine)
        # Each transaction adds one complaint; the last one may have committed unprinted.
        done = complaints - complaints_before
        assert done in (printed, printed + 1), (done, printed)
        assert items.keys() == items_before.keys()
        ids = list(items)
        for k in range(3):
            # Transaction m rewrote every third item (from item m % 3) in one go: each
            # group shows the last committed transaction of its turn, whole.
            turns = [m for m in range(done) if m % 3 == k]
            group = [items[i] for i in ids[k::3]]
            if turns:
                assert all(s.startswith(f"标准 第{turns[-1]}次修改 ") for s in group), group
            else:
                assert group == [items_before[i] for i in ids[k::3]]
        after = counts(engine)
        for name, count in counts_before.items():
            if name not in ("complaint", "complaint_event"):
                assert after[name] == count, name
        survived += 1
        transactions += done
    print(f"\nedits: {survived} kill points survived ({transactions} transactions committed)")


@pytest.fixture(scope="module")
def old_base(base: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base DB taken back to revision 0001 with Alembic, as an older BranchDesk left it."""
    from alembic import command
    from alembic.config import Config

    folder = copy_data(base, tmp_path_factory.mktemp("old") / "data")
    # Without the app's foreign_keys=ON: dropping complaint_category while its rows exist
    # fails with it ("FOREIGN KEY constraint failed"), so 0003's downgrade needs this.
    engine = create_engine(f"sqlite:///{db_file(folder)}")
    try:
        cfg = Config()
        cfg.set_main_option("script_location", "branchdesk.db:migrations")
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0001")
    finally:
        engine.dispose()
    assert sqlite_revision(db_file(folder)) == "0001"
    return folder


def tables_of(path: Path) -> set[str]:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as con:
            return {
                row[0]
                for row in con.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
    finally:
        engine.dispose()


@dataclass
class OldDatabase:
    tables: set[str]
    limits: dict[str, int]
    rows: dict[str, list[tuple[object, ...]]]


@dataclass
class Migrated:
    duration: float  # from the worker's "start" to "ready": the backup and the migration
    tables: set[str]  # those of the head revision


@pytest.fixture(scope="module")
def migrated(
    server: ForkServer, old_base: Path, tmp_path_factory: pytest.TempPathFactory
) -> Migrated:
    """One migration of the old DB left to finish: how long it takes, what it makes."""
    whole = copy_data(old_base, tmp_path_factory.mktemp("migrated") / "whole")
    worker = Worker(server, whole, "open")
    worker.finish()
    assert sqlite_revision(db_file(whole)) == HEAD_REVISION
    return Migrated(worker.times["ready"] - worker.times["start"], tables_of(db_file(whole)))


@pytest.fixture(scope="module")
def old_state(old_base: Path) -> OldDatabase:
    tables = tables_of(db_file(old_base))
    engine = make_engine(f"sqlite:///{db_file(old_base)}")
    try:
        limits = highest_ids(engine, tables)
        return OldDatabase(tables, limits, rows_up_to(engine, limits))
    finally:
        engine.dispose()


def check_migration(
    folder: Path, old: OldDatabase, head_tables: set[str], opened: list[Engine]
) -> str:
    """All of the migration or none of it, nothing lost, and the next start completes it."""
    revision = sqlite_revision(db_file(folder))
    assert revision in ("0001", HEAD_REVISION)
    # The upgrade is one transaction: every table of the revision, none of the next.
    assert tables_of(db_file(folder)) == (old.tables if revision == "0001" else head_tables)
    engine = make_engine(f"sqlite:///{db_file(folder)}")
    opened.append(engine)
    with engine.connect() as con:
        assert [r[0] for r in con.exec_driver_sql("PRAGMA integrity_check")] == ["ok"]
        assert con.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    # Nothing lost: every old row keeps its values (a later revision may add columns, e.g.
    # 0006's area_rule.detail, which come after the old ones).
    now = rows_up_to(engine, old.limits)
    assert {
        name: [row[: len(before[0])] if before else row for row in rows]
        for (name, rows), before in ((item, old.rows[item[0]]) for item in now.items())
    } == old.rows
    # The next start finishes the migration.
    assert_consistent(reopen(folder, opened), full=True)
    assert sqlite_revision(db_file(folder)) == HEAD_REVISION
    return str(revision)


def test_migration_killed_at_random_moments_is_all_or_nothing(
    server: ForkServer,
    old_base: Path,
    old_state: OldDatabase,
    migrated: Migrated,
    tmp_path: Path,
    opened: list[Engine],
) -> None:
    rng = random.Random(SEED + 3)
    spread = [*MIGRATION_SPREAD, *(rng.uniform(0.0, 1.3) for _ in range(MIGRATION_RANDOM))]
    outcomes: Counter[str] = Counter()
    for n, fraction in enumerate(spread):
        folder = copy_data(old_base, tmp_path / f"migrate-{n}")
        worker = Worker(server, folder, "open")
        started = worker.wait_for("start")
        assert started is not None, worker.log.read_text()
        killed = worker.kill_at(started + fraction * migrated.duration)
        revision = check_migration(folder, old_state, migrated.tables, opened)
        outcomes[f"{'killed' if killed else 'finished'} at {revision}"] += 1
    print(f"\nmigration: {len(spread)} kill points: {dict(outcomes)}")


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE exam_paper",  # 0002's first statement
        "CREATE TABLE complaint_category",  # 0003, after 0002 is done
        "UPDATE alembic_version",  # 0002 recorded, 0003 and 0004 to come
        "CREATE TABLE guide_version",  # 0004's last table
        "CREATE TABLE owner_pin",  # 0005's last table
    ],
)
def test_migration_killed_after_a_statement_is_all_or_nothing(
    server: ForkServer,
    old_base: Path,
    old_state: OldDatabase,
    migrated: Migrated,
    tmp_path: Path,
    opened: list[Engine],
    statement: str,
) -> None:
    # Found by the random kills above: pysqlite issues no BEGIN before DDL, so each CREATE
    # TABLE committed at once; killed after one, the DB stayed at 0001 with exam_paper, and
    # every later start failed with "table exam_paper already exists".
    folder = copy_data(old_base, tmp_path / "killed")
    # The worker kills itself (SIGKILL) right after the statement: a deterministic moment.
    worker = Worker(server, folder, "die-after", statement)
    assert worker.ended(60) == -signal.SIGKILL, worker.log.read_text()
    assert check_migration(folder, old_state, migrated.tables, opened) == "0001"
