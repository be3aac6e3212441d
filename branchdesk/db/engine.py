"""Opening the database: engine with pragmas, migrations at start-up, short sessions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from branchdesk import paths
from branchdesk.db import live, location
from branchdesk.db.migrations import HEAD_REVISION, KNOWN_REVISIONS
from branchdesk.errors import (
    DatabaseBusyError,
    DatabaseError,
    DatabaseTooNewError,
    is_busy,
    storage_error,
)
from branchdesk.i18n import tr

# How long a writer waits for another one (a command's import, another window) to commit
# before it gives up with "database is locked"; readers never wait (WAL).
BUSY_TIMEOUT_MS = 5_000


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver starts no transactions of its own: the "begin" listener says how each one
    # starts (SQLAlchemy's documented recipe for SQLite). Left to pysqlite, DDL ran outside
    # any transaction and a write began only at its first INSERT, after the reads.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across application crashes in WAL mode; a power cut may lose
    # only the last commits, never consistency.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA cache_size=-16000")  # 16 MB page cache
    cursor.close()


def make_engine(url: str | URL, *, read_only: bool = False) -> Engine:
    """An engine whose transactions are writers (BEGIN IMMEDIATE) or, `read_only`, readers.

    A writer takes the database's write lock at its start, so it waits (busy_timeout) for
    another writer to finish and then reads what that one committed: two writers never
    both read a number and write it plus one, nor lose a count. A deferred transaction that
    reads and then writes fails at once with "database is locked" when another writer
    committed meanwhile (busy_timeout cannot help it). A reader starts deferred, never
    waits for writers and cannot write (query_only).
    """
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        if read_only:
            event.listen(engine, "connect", _query_only)
        begin = "BEGIN" if read_only else "BEGIN IMMEDIATE"

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            connection.exec_driver_sql(begin)

        _track(engine)
    return engine


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


def _is_file(engine: Engine) -> bool:
    database = engine.url.database
    return bool(database) and database != ":memory:" and not str(database).startswith("file:")


def _track(engine: Engine) -> None:
    """Note a database file this process opens through SQLite, and its open connections: no
    code here may then open that file in any other way (see db.live)."""
    if not _is_file(engine):
        return
    key = live.register(str(engine.url.database))

    def opened(_dbapi_connection: Any, _record: Any) -> None:
        live.connected(key, +1)

    def closed(_dbapi_connection: Any, _record: Any = None) -> None:
        live.connected(key, -1)

    event.listen(engine, "connect", opened)
    event.listen(engine, "close", closed)
    event.listen(engine, "close_detached", closed)


# (which kept connection, its PRAGMA data_version): see Database.data_version.
DataVersion = tuple[int, int]
_WROTE = "branchdesk_wrote"  # session.info: the session wrote something not yet committed
# session.info: data_version() as it was when the session first wrote (it then holds the write
# lock): what other programs had committed before this process's change.
_BEFORE = "branchdesk_version_before"


def _forget_write(session: Session) -> None:
    session.info.pop(_WROTE, None)
    session.info.pop(_BEFORE, None)


class Database:
    """An open, migrated database and its session factories."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Lookups and lists read through their own connections, which never wait for a
        # writer (an import in another window) and cannot write.
        self.reader = (
            make_engine(engine.url, read_only=True)
            if engine.dialect.name == "sqlite" and _is_file(engine)
            else engine
        )
        self._readers = sessionmaker(self.reader, expire_on_commit=False)
        self._watch: Any = None  # the connection data_version() asks, kept for its answers
        self._watch_serial = 0
        self._watch_lock = threading.Lock()
        self._own_version: DataVersion | None = None
        self._seen: DataVersion | None = None  # the version data_version() last answered
        event.listen(self._sessions, "do_orm_execute", self._note_write)
        event.listen(self._sessions, "after_flush", self._note_flush)
        event.listen(self._sessions, "after_begin", self._began)
        event.listen(self._sessions, "after_commit", self._committed)
        event.listen(self._sessions, "after_rollback", _forget_write)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short session per user action that may write: commit on success, roll back
        on error. It holds the write lock from its first statement to its end: keep it
        short, and use read_session() for what only reads."""
        with self._run(self._sessions()) as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session that only reads (a lookup, a list): it sees the last commit when it
        starts, never waits for a writer, and refuses to write."""
        with self._run(self._readers()) as session:
            yield session

    @contextmanager
    def _run(self, session: Session) -> Iterator[Session]:
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            # A full disk is told as one (with what to do), not as a database error.
            if isinstance(exc, (SQLAlchemyError, sqlite3.Error)):
                told = storage_error(exc, self.engine.url.database or "")
                if told is not None:
                    raise told from exc
            raise
        finally:
            session.close()

    def data_version(self) -> DataVersion | None:
        """What changes whenever another program (or another BranchDesk) commits to the file:
        compare two answers to know whether the data may have changed under the pages.

        SQLite's data_version on one kept connection, which also moves for this process's own
        commits; `own_version` is where the last of those left it, so a change that is only
        ours is told apart. None where SQLite cannot tell."""
        if self.reader.dialect.name != "sqlite" or not _is_file(self.reader):
            return None
        with self._watch_lock:
            self._seen = self._version()
            return self._seen

    @property
    def own_version(self) -> DataVersion | None:
        """data_version() as this process's last write commit left it (None before any)."""
        return self._own_version

    def _version(self) -> DataVersion:
        if self._watch is None:
            self._watch = self.reader.raw_connection()  # one connection, always the same
            self._watch_serial += 1  # a new connection counts afresh: never compared
        version = self._watch.driver_connection.execute("PRAGMA data_version").fetchone()[0]
        return (self._watch_serial, int(version))

    def _note_write(self, state: ORMExecuteState) -> None:
        if not state.is_select:
            self._wrote(state.session)

    def _note_flush(self, session: Session, _context: object) -> None:
        self._wrote(session)

    def _wrote(self, session: Session) -> None:
        session.info[_WROTE] = True

    def _began(self, session: Session, _transaction: object, _connection: object) -> None:
        """A writing session's transaction has begun (BEGIN IMMEDIATE: the write lock is
        held): what other programs committed before it is in the version now."""
        if self._watch is None:
            return
        with self._watch_lock:
            if self._watch is not None:
                session.info[_BEFORE] = self._version()

    def _committed(self, session: Session) -> None:
        """After a session of this process committed a write: its change is not news, unless
        another program had committed since the version last asked for (an import from the
        command line, then an agent signed in here before the window looked again: the
        import is news still)."""
        before = session.info.pop(_BEFORE, None)
        if not session.info.pop(_WROTE, False):
            return  # only read: whatever moved the version meanwhile was someone else's
        if self.reader.dialect.name != "sqlite" or not _is_file(self.reader):
            return
        with self._watch_lock:
            if self._watch is None:  # nobody asks yet: nothing to tell apart
                return
            if before is None or before in (self._seen, self._own_version):
                self._own_version = self._version()

    def dispose(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()
        if self.reader is not self.engine:
            self.reader.dispose()


# How long a start waits for another program's lock on the file before saying it is held.
OPEN_WAIT_S = 5.0


def file_url(path: Path) -> URL:
    """The URL of the SQLite file at `path`, taken as it is: a "sqlite:///{path}" string would
    read a ? in a folder's name as the start of options and open another file."""
    return URL.create("sqlite", database=str(path))


def sqlite_revision(path: Path) -> str | None:
    """The Alembic revision stored in a SQLite file, read without importing Alembic."""
    try:
        # A file: URI from the resolved path (# ? % in a folder's name escaped): "file:{path}"
        # cut the name at a # and, without mode=ro, created an empty file there.
        con = sqlite3.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=OPEN_WAIT_S
        )
    except sqlite3.Error as exc:
        problem = location.folder_problem(path, exc)
        if problem is not None:
            raise problem from exc
        raise DatabaseError(
            tr("Cannot open the database {path}: {error}", path=path, error=exc)
        ) from exc
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        problem = location.folder_problem(path, exc)
        if problem is not None:  # the disk or the folder, not the file: no restore to offer
            raise problem from exc
        if is_busy(exc):  # held, not damaged: no restore to offer
            raise DatabaseBusyError(
                tr(
                    "The database {path} is held by another program (a BranchDesk still "
                    "starting or importing, a backup or sync tool, a database viewer). Close "
                    "that program, then start BranchDesk again.",
                    path=path,
                )
            ) from exc
        raise DatabaseError(
            tr(
                "The database {path} is damaged or not a BranchDesk database: {error}",
                path=path,
                error=exc,
            )
        ) from exc
    finally:
        con.close()
    return row[0] if row else None


def _backup_before_migration(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups_dir() / f"before-upgrade-{revision or 'empty'}-{stamp}.sqlite3"
    # The online backup API copies a consistent snapshot even with a WAL file beside it.
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine) -> None:
    """Apply every pending Alembic migration in one transaction: all or nothing (the engine
    runs CREATE/ALTER inside it: left to pysqlite, each statement committed on its own and a
    process killed halfway left half a schema that no later start could migrate)."""
    from alembic import command
    from alembic.config import Config

    migrating = make_engine(engine.url)
    cfg = Config()
    cfg.set_main_option("script_location", "branchdesk.db:migrations")
    try:
        with migrating.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        migrating.dispose()


def open_database(path: Path | None = None) -> Database:
    """Open (creating or migrating as needed) the SQLite database at `path`."""
    path = paths.db_path() if path is None else path
    location.refuse_network(path)  # SQLite's locks are not reliable on a network drive
    exists = path.exists() and path.stat().st_size > 0
    revision = sqlite_revision(path) if exists else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseTooNewError(
            tr(
                "The database {path} was written by a newer BranchDesk (schema {revision}). "
                "Install the newer BranchDesk to open it; this version will not touch it.",
                path=path,
                revision=revision,
            )
        )
    engine = make_engine(file_url(path))
    if revision != HEAD_REVISION:
        try:
            if exists:
                _backup_before_migration(path, revision)
            upgrade(engine)
        except (sqlite3.Error, SQLAlchemyError) as exc:
            engine.dispose()
            problem = location.folder_problem(path, getattr(exc, "orig", None) or exc)
            if problem is not None:  # a new data folder on a full disk, a path too long
                raise problem from exc
            raise
    return Database(engine)
