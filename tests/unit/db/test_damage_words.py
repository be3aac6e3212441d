"""Which errors are told as a damaged data file (errors.storage_error): SQLite's own word for
damage, and nothing else that happens to use the word "malformed"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from branchdesk.errors import DatabaseError, is_damaged, storage_error


def _error_of(sql: str, path: Path) -> sqlite3.Error:
    con = sqlite3.connect(path)
    try:
        con.execute(sql)
    except sqlite3.Error as exc:
        return exc
    finally:
        con.close()
    raise AssertionError(f"{sql} did not fail")


def test_a_damaged_page_is_damage_and_said_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "branch.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE area_rule (id INTEGER PRIMARY KEY, keyword TEXT)")
    con.executemany("INSERT INTO area_rule (keyword) VALUES (?)", [("中山西路",)] * 500)
    con.commit()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'area_rule'").fetchone()[0]
    con.close()
    with path.open("r+b") as damaged:
        damaged.seek((root - 1) * size)
        damaged.write(b"\xde\xad\xbe\xef" * (size // 4))
    exc = _error_of("SELECT count(*) FROM area_rule", path)
    assert is_damaged(exc)
    told = storage_error(exc, path)
    assert isinstance(told, DatabaseError)
    assert str(path) in str(told) and "branchdesk restore" in str(told)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT json('{malformed')",  # malformed JSON: a query's mistake, not the file's
        "SELECT * FROM no_such_table",
    ],
)
def test_a_query_s_own_mistake_is_no_damage(tmp_path: Path, sql: str) -> None:
    exc = _error_of(sql, tmp_path / "branch.sqlite3")
    assert not is_damaged(exc) and storage_error(exc, tmp_path) is None


def test_other_errors_with_the_word_are_no_damage() -> None:
    assert not is_damaged(ValueError("malformed node or string"))
    assert storage_error(ValueError("not a database of agents"), "x") is None
