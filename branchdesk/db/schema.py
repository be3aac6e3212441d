"""Is a backup's schema exactly what its revision's migrations make? And its PIN sane?

A backup is a file anyone can edit with an SQLite tool: a trigger added to it (one that empties
the audit log, one that deletes the PIN), a view, a missing table, or an absurd scrypt cost
for the PIN would come back with a restore and be called healthy. So before a restore the
backup's tables, indexes, triggers and views are compared with those the migrations produce
for its revision (made once per process in an in-memory database), and the PIN's parameters
with their bounds.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from functools import cache

from branchdesk.i18n import tr

# One object of the schema: (type, name, table, normalised SQL).
SchemaObject = tuple[str, str, str, str]

# The PIN's scrypt parameters a backup may bring: at most 32 MiB (OpenSSL's default limit)
# and what a check can do in well under a second.
SCRYPT_N_RANGE = (2**10, 2**16)
SCRYPT_R_RANGE = (1, 16)
SCRYPT_P_RANGE = (1, 4)
SCRYPT_MAX_MEMORY = 32 * 1024 * 1024
SALT_LENGTHS = (16, 64)
DIGEST_LENGTH = 32

_lock = threading.Lock()


def normalise_sql(sql: str | None) -> str:
    """The same statement whoever wrote or rewrote it: quotes, case and spacing ignored."""
    if sql is None:
        return ""
    text = re.sub(r'["`\[\]]', "", sql.lower())
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([(),;])\s*", r"\1", text).strip()


def objects(con: sqlite3.Connection) -> frozenset[SchemaObject]:
    """Every table, index, trigger and view of the main database (SQLite's own left out)."""
    rows = con.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return frozenset(
        (str(kind), str(name), str(table), normalise_sql(sql))
        for kind, name, table, sql in rows
        if not str(name).startswith("sqlite_") or str(name).startswith("sqlite_autoindex_")
    )


@cache
def expected(revision: str) -> frozenset[SchemaObject]:
    """The schema the migrations make at `revision`, built in memory (once per process)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: object) -> None:
        connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    cfg = Config()
    cfg.set_main_option("script_location", "branchdesk.db:migrations")
    try:
        with _lock, engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
            raw = connection.connection.dbapi_connection
            assert raw is not None
            return objects(raw)  # type: ignore[arg-type]
    finally:
        engine.dispose()


def _describe(obj: SchemaObject) -> str:
    kind, name, table, _sql = obj
    what = {
        "table": tr("table “{name}”", name=name),
        "index": tr("index “{name}” on {table}", name=name, table=table),
        "trigger": tr("trigger “{name}” on {table}", name=name, table=table),
        "view": tr("view “{name}”", name=name),
    }
    return what.get(kind, f"{kind} “{name}”")


def schema_problems(con: sqlite3.Connection, revision: str) -> list[str]:
    """How the schema differs from what revision `revision`'s migrations make ([] if equal)."""
    want = expected(revision)
    have = objects(con)
    want_by = {(k, n): o for o in want for k, n in [o[:2]]}
    have_by = {(k, n): o for o in have for k, n in [o[:2]]}
    problems = []
    for key in sorted(have_by.keys() - want_by.keys()):
        problems.append(
            tr(
                "an extra {what} that BranchDesk does not make",
                what=_describe(have_by[key]),
            )
        )
    for key in sorted(want_by.keys() - have_by.keys()):
        problems.append(tr("the {what} is missing", what=_describe(want_by[key])))
    for key in sorted(want_by.keys() & have_by.keys()):
        if want_by[key] != have_by[key]:
            problems.append(
                tr("the {what} is not as BranchDesk makes it", what=_describe(want_by[key]))
            )
    return [
        tr(
            "Schema {revision}: {problem}.",
            revision=revision,
            problem=problem,
        )
        for problem in problems
    ]


def pin_problems(con: sqlite3.Connection) -> list[str]:
    """The owner PIN's stored parameters outside their bounds ([] when sound or no PIN)."""
    rows = con.execute(
        "SELECT cost_n, cost_r, cost_p, length(salt), length(digest), failures FROM owner_pin"
    ).fetchall()
    problems = []
    if len(rows) > 1:
        problems.append(
            tr("The owner PIN is stored {count} times (once is right).", count=len(rows))
        )
    for n, r, p, salt, digest, failures in rows:
        ints = all(isinstance(v, int) for v in (n, r, p, salt, digest, failures))
        sound = (
            ints
            and SCRYPT_N_RANGE[0] <= n <= SCRYPT_N_RANGE[1]
            and n & (n - 1) == 0
            and SCRYPT_R_RANGE[0] <= r <= SCRYPT_R_RANGE[1]
            and SCRYPT_P_RANGE[0] <= p <= SCRYPT_P_RANGE[1]
            and 128 * n * r <= SCRYPT_MAX_MEMORY
        )
        if not sound:
            problems.append(
                tr(
                    "The owner PIN's scrypt cost (n={n}, r={r}, p={p}) is outside what BranchDesk "
                    "uses (n a power of two up to {max_n}, r up to {max_r}, p up to {max_p}).",
                    n=n,
                    r=r,
                    p=p,
                    max_n=SCRYPT_N_RANGE[1],
                    max_r=SCRYPT_R_RANGE[1],
                    max_p=SCRYPT_P_RANGE[1],
                )
            )
        if not ints or not (SALT_LENGTHS[0] <= salt <= SALT_LENGTHS[1]) or digest != DIGEST_LENGTH:
            problems.append(
                tr(
                    "The owner PIN's salt ({salt} bytes) or hash ({digest} bytes) has the wrong "
                    "length.",
                    salt=salt,
                    digest=digest,
                )
            )
        if ints and failures < 0:
            problems.append(tr("The owner PIN's count of wrong attempts is negative."))
    return problems
