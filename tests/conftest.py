"""Every test gets its own data dir; none touches the user's real one.

A test's database starts as a copy of a template made once per session (migrated, and with
the sample branch loaded for `sample_db`): copying a file is much cheaper than migrating and
importing the sample for each test, and every test still gets a database of its own.
"""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filelock import FileLock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from branchdesk import features, i18n, paths, permissions, settings
from branchdesk.db.engine import Database, open_database
from branchdesk.ui.kit.collector import collect_due

features.load()  # as the entry points do: every feature registers its models and import kinds

DATA = Path(__file__).parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    # As in the app (ui/kit/collector.py): cycles are collected in the main thread only, here
    # after each test, never in a worker thread a test's window started (a widget destroyed
    # there crashes the process).
    gc.disable()


def pytest_collection_finish(session: pytest.Session) -> None:
    # What is alive once the tests are collected (the modules of the suite, BranchDesk,
    # Qt, SQLAlchemy, hypothesis, and the test items) lives for the whole run: frozen out of
    # the collections after each test, which otherwise walk all of it every time (a fifth
    # of a UI test's time went to collecting).
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    target = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(target))
    # Start with the computer (branchdesk.autostart) writes here, not in the user's config;
    # on Windows into a stand-in for the Run key, never the real one.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    if sys.platform == "win32":
        from branchdesk import autostart
        from tests.unit.test_autostart import FakeRun

        run = FakeRun()
        monkeypatch.setattr(autostart, "_registry", lambda given: given or run)
    paths.set_data_dir(None)
    i18n.set_language("en")
    yield paths.data_dir()
    paths.set_data_dir(None)
    # The owner policy is process-wide: a test that installs one (or runs the CLI) leaves none.
    permissions.set_policy(None)
    permissions.set_actor("")
    settings.set_branch_values(None)  # the branch's settings of this test's database
    collect_due()


# Waybills in the sample branch of `sample_db` (enough for every list and search test).
SAMPLE_WAYBILLS = 400


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Template databases made on first use: "blank" (migrated) and "sample"."""
    return {}


def _template_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the templates are made: under xdist, the run's folder that every worker shares
    (one worker makes each template, the others wait for it and copy it); else the session's."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "db-templates"
    folder.mkdir(exist_ok=True)
    return folder


def _template(templates: dict[str, Path], name: str, folder: Path) -> Path:
    if name not in templates:
        templates[name] = _shared_database(folder, f"{name}.sqlite3", _template_maker(name))
    return templates[name]


def shared_database(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    fill: Callable[[Database], None],
) -> Path:
    """A template database file made once per run, by whichever worker asks first (the others
    wait for it and use the same file): `fill` gets it migrated, with the template state (its
    own data dir, no owner policy, no actor, English). Copy it; never open the file itself."""
    return _shared_database(_template_folder(tmp_path_factory), name, fill)


def sample_with_work_orders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template holding the sample branch (200 waybills), its handbook and guides, and HQ
    work orders: the bad-input and crash tests' database with something to lose."""

    def fill(db: Database) -> None:
        from branchdesk.io.importing import run_import
        from branchdesk.sample import load_sample_branch

        with db.session() as s:
            load_sample_branch(s, waybills=200)
            run_import(s, DATA / "work_orders.xlsx", "complaints")

    return shared_database(tmp_path_factory, "sample-work-orders.sqlite3", fill)


def _template_maker(name: str) -> Callable[[Database], None]:
    def fill(database: Database) -> None:
        if name.startswith("sample"):
            from branchdesk.sample import load_sample_branch

            # "sample" has SAMPLE_WAYBILLS waybills, "sample-N" has N (see `sample_of`).
            waybills = int(name.partition("-")[2] or SAMPLE_WAYBILLS)
            with database.session() as s:
                load_sample_branch(s, waybills=waybills)

    return fill


def _shared_database(folder: Path, name: str, fill: Callable[[Database], None]) -> Path:
    path = folder / name
    with FileLock(f"{path}.lock"):  # released by the OS if its holder dies
        if not path.exists():
            _make_database(path, fill)
    return path


def _make_database(path: Path, fill: Callable[[Database], None]) -> None:
    """Made aside, then renamed into place: a template that exists is complete."""
    folder = path.parent
    building = folder / f"building-{path.name}"
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    # Made the same whichever test asks first: its own data dir, no owner policy, no
    # actor, English (the state of the test that triggers it must not leak into it).
    policy, who, language = permissions._policy, permissions.actor(), i18n.current_language()
    paths.set_data_dir(folder / f"{path.stem}-data")
    permissions.set_policy(None)
    permissions.set_actor("")
    i18n.set_language("en")
    database = open_database(building)
    try:
        fill(database)
    finally:
        database.dispose()
        paths.set_data_dir(None)
        permissions.set_policy(policy)
        permissions.set_actor(who)
        i18n.set_language(language)
    # The copy must be one self-contained file: nothing left in a WAL beside it (the last
    # connection to close checkpoints it; this makes sure, outside any transaction).
    with sqlite3.connect(building, isolation_level=None) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    wal = Path(f"{building}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "template WAL not checkpointed"
    with sqlite3.connect(building) as con:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    con.close()
    os.replace(building, path)


@pytest.fixture
def db(
    data_dir: Path,
    request: pytest.FixtureRequest,
    _templates: dict[str, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Database]:
    name = "sample" if "sample_db" in request.fixturenames else "blank"
    folder = _template_folder(tmp_path_factory)
    shutil.copyfile(_template(_templates, name, folder), paths.db_path())
    database = open_database()
    database.template = name  # type: ignore[attr-defined]  (checked by sample_db)
    yield database
    database.dispose()


@pytest.fixture
def sample_of(
    db: Database, _templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> Callable[[int], Database]:
    """`sample_of(N)` turns the test's (blank) database into the sample branch with N
    waybills, exactly as `load_sample_branch(session, waybills=N)` would, from a template made
    once per session: loading the sample costs seconds, copying it milliseconds."""

    def load(waybills: int) -> Database:
        # The same fill as "sample" for its number of waybills: that template, not another.
        name = "sample" if waybills == SAMPLE_WAYBILLS else f"sample-{waybills}"
        template = _template(_templates, name, _template_folder(tmp_path_factory))
        db.dispose()
        target = paths.db_path()
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(template, target)
        return db

    return load


@pytest.fixture
def sample_db(db: Database) -> Database:
    """The sample branch (SAMPLE_WAYBILLS waybills), its first-run offer answered."""
    from branchdesk.settings import SettingsStore

    # `db` copies the sample template when the test asks for sample_db by name; one asked for
    # later (request.getfixturevalue) would get the blank database it already made.
    assert db.template == "sample", "ask for sample_db as an argument of the test or fixture"  # type: ignore[attr-defined]

    SettingsStore().set("first_run_done", True)
    return db


@pytest.fixture
def fixtures() -> Path:
    return DATA


def without_complaints(db: Database) -> None:
    """Remove every complaint (and what refers to it: history, owners, QC items) from `db`: the
    sample branch as it was before anyone logged a complaint, for tests that count their own."""
    from sqlalchemy import text

    items = "SELECT id FROM qc_sample_item WHERE item_kind = 'complaint'"
    scores = f"SELECT id FROM qc_score WHERE sample_item_id IN ({items})"
    with db.session() as s:
        for sql in (
            f"UPDATE qc_coaching SET sample_item_id = NULL WHERE sample_item_id IN ({items})",
            f"DELETE FROM qc_score_line WHERE score_id IN ({scores})",
            f"DELETE FROM qc_score WHERE sample_item_id IN ({items})",
            "DELETE FROM qc_sample_item WHERE item_kind = 'complaint'",
            "DELETE FROM qc_good_handling WHERE item_kind = 'complaint'",
            "DELETE FROM assignment WHERE item_kind = 'complaint'",
            "DELETE FROM complaint_event",
            "DELETE FROM complaint",
        ):
            s.execute(text(sql))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the cores. Many tests spend their time waiting on a
    child process (the window, a command, a kill) or on the disk; on two cores three workers
    ran the suite in 200 s where two took 254 s, and four were no faster than two."""
    return (os.cpu_count() or 1) + 1


@pytest.fixture
def ningbo_branch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The branch's own region is 宁波 海曙区 (as 设置 or the setup wizard sets it), for the
    lookup's service and the command line alike."""
    from branchdesk.lookup import service
    from branchdesk.lookup.home import parse_branch_region

    monkeypatch.setattr(service, "branch_region", lambda: parse_branch_region("宁波海曙"))
