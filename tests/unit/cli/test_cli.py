"""The command line as scripts use it: exit codes, JSON shapes, batch lookup."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from branchdesk import __version__
from branchdesk.cli import main
from branchdesk.db.engine import Database


def run(*args: str) -> int:
    return main(list(args))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--version") == 0
    assert __version__ in capsys.readouterr().out


def test_usage_error_exits_2() -> None:
    assert run("import", "nonsense-kind", "x.xlsx") == 2
    assert run("lookup") == 2


def test_demo_then_lookup_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("demo") == 0
    assert "sample" in capsys.readouterr().out
    assert run("lookup", "宁波市海曙区中山西路37号", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["couriers"][0]["name"] == "王强"
    assert data["couriers"][0]["segment_code"] == "521-03"
    assert data["route"]["hub"] == "宁波分拨中心"
    assert data["arrival_days"] == "1"
    assert run("demo") == 1  # already loaded: a message, not a crash


def test_lookup_json_says_how_sure_each_courier_is(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sample branch (as `demo` loads it) from the session's template: a file copy.
    assert run("lookup", "中山西路37号", "--json") == 0
    best = json.loads(capsys.readouterr().out)["couriers"][0]
    assert best["match"]["level"] == "exact"
    assert best["match"]["rule"] == "中山西路 单号"
    assert "37" in best["match"]["reason"]
    # the fields scripts already read stay as they were
    assert {"name", "employee_no", "phone", "segment_code", "score", "rule", "kind", "reason"} <= (
        best.keys()
    )
    assert run("lookup", "望京路", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ambiguous"] is True
    assert {c["match"]["level"] for c in data["couriers"][:2]} == {"inferred"}
    assert run("lookup", "月湖晓区5幢", "--json") == 0
    fuzzy = json.loads(capsys.readouterr().out)["couriers"][0]
    assert (fuzzy["name"], fuzzy["match"]["level"]) == ("赵敏", "fuzzy")
    assert run("lookup", "月湖晓区5幢") == 0
    assert "Did you mean (fuzzy)" in capsys.readouterr().out


def test_import_bad_file_exits_1_with_the_cell(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", "waybills", str(fixtures / "waybills_rounded.xlsx")) == 1
    err = capsys.readouterr().err
    where = "waybills_rounded.xlsx, sheet 运单,"
    rounded = (
        "the number was rounded by Excel (shown as 7.73123E+13); "
        "format the column as Text in Excel and export again"
    )
    assert err == (
        "waybills_rounded.xlsx: 2 problem(s) found, nothing was imported. Correct the file and "
        "import again, or choose to skip the invalid rows.\n"
        f"{where} row 3, column A（运单号）: '77312300000000' — {rounded}\n"
        f"{where} row 4, column A（运单号）: '7.73123E+13' — {rounded}\n"
    )
    assert run("import", "waybills", str(fixtures / "waybills_rounded.xlsx"), "--skip-invalid") == 0
    assert capsys.readouterr().out == (
        "waybills_rounded.xlsx: imported 2 row(s), skipped 2 invalid row(s).\n"
        f"  {where} row 3, column A（运单号）: '77312300000000' — {rounded}\n"
        f"  {where} row 4, column A（运单号）: '7.73123E+13' — {rounded}\n"
    )


def test_import_dry_run_and_missing_file(fixtures: Path, tmp_path: Path) -> None:
    assert run("import", "areas", str(fixtures / "areas_gbk.csv"), "--dry-run") == 0
    assert run("import", "areas", str(tmp_path / "nope.xlsx")) == 1


class _Terminal:
    """stderr as a terminal: what is written, and isatty() True."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_an_import_on_a_terminal_says_how_far_it_is(
    fixtures: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 50,000-row work-order import ran for minutes with nothing on the screen (hostile
    tester); a script's log (stderr no terminal) gets no progress lines."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run("import", "areas", str(fixtures / "areas_gbk.csv")) == 0
    last = terminal.text.rstrip("\n").split("\r")[-1]
    assert "Importing" in last and last.split()[-4] == last.split()[-2]  # done of total
    monkeypatch.undo()
    assert run("import", "areas", str(fixtures / "areas_gbk.csv")) == 0
    assert "Importing" not in capsys.readouterr().err


def test_batch_lookup_from_a_file_prints_one_json_per_line(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sample branch (as `demo` loads it) from the session's template: a file copy.
    queries = tmp_path / "addresses.txt"
    queries.write_text("中山西路37号\n\n中山西路38号\n火星路1号\n", encoding="gbk")
    assert run("lookup", "--batch", str(queries)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    results = [json.loads(line) for line in lines]
    assert [r["couriers"][0]["name"] if r["couriers"] else None for r in results] == [
        "王强",
        "陈静",
        None,
    ]
    single = json.loads(
        subprocess.run(
            [sys.executable, "-m", "branchdesk", "lookup", "--json", "中山西路37号"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout
    )
    assert single.keys() == results[0].keys()


def test_batch_lookup_from_stdin(sample_db: Database) -> None:
    # The sample branch from the session's template (a file copy), not a `demo` process.
    done = subprocess.run(
        [sys.executable, "-m", "branchdesk", "lookup", "--batch", "-"],
        input="中山西路37号\n望京路\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert results[1]["ambiguous"] is True


def test_export_areas_imports_back_unchanged(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", "areas", str(fixtures / "areas_title_merged.xlsx")) == 0
    assert run("lookup", "万达广场A座", "--json") == 0
    before = json.loads(capsys.readouterr().out.splitlines()[-1])
    out = tmp_path / "areas.xlsx"
    assert run("export", "areas", "-o", str(out)) == 0
    ws = load_workbook(out).active
    assert ws is not None and ws["C1"].value == "负责片区"
    assert run("import", "areas", str(out)) == 0
    capsys.readouterr()
    assert run("lookup", "万达广场A座", "--json") == 0
    after = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in after["couriers"]] == [c["name"] for c in before["couriers"]]


def test_history_and_undo_need_yes_without_a_terminal(
    fixtures: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("import", "areas", str(fixtures / "areas_gbk.csv")) == 0
    assert run("history") == 0
    assert "areas_gbk.csv" in capsys.readouterr().out
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert run("undo", "1") == 2
    assert run("undo", "1", "--yes") == 0
    assert run("undo", "1", "--yes") == 1  # already undone


def test_data_dir_option(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere"
    assert run("--data-dir", str(target), "lookup", "中山西路") == 0
    assert (target / "branchdesk.sqlite3").exists()
    assert not (data_dir / "branchdesk.sqlite3").exists()  # not in the one it replaced


def test_export_to_a_missing_folder_says_what_to_do(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "areas.xlsx"
    assert run("export", "areas", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err


def test_every_export_the_command_line_offers_is_registered_by_a_feature() -> None:
    """`export KIND` finds each table in the registry the features fill (io/ imports none)."""
    from branchdesk.cli.parser import EXPORT_KINDS
    from branchdesk.io.export import export_kinds

    assert set(export_kinds()) == set(EXPORT_KINDS)


def test_every_document_the_print_command_offers_is_registered_by_its_feature(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`print DOCUMENT` finds the document's feature in the registry the features fill (io/
    imports none), and every module of a feature's documents/ package is listed by it."""
    import re

    import branchdesk
    from branchdesk import features
    from branchdesk.io.documents import document_kinds

    assert run("print", "no-such-document", "-o", str(tmp_path / "x.pdf")) == 2
    err = " ".join(capsys.readouterr().err.split())  # wrapped to the console's width
    offered = re.search(r"choose from (.*)\)", err)
    assert offered is not None
    assert set(re.findall(r"'([^']+)'", offered.group(1))) == set(document_kinds())
    owners = {f.name: {m.split(".")[1] for m in f.documents} for f in features.FEATURES}
    for kind in document_kinds().values():
        assert owners[kind.feature] == {kind.feature}, kind.name
    root = Path(branchdesk.__file__).parent
    modules = {
        f"branchdesk.{p.parent.parent.name}.documents.{p.stem}"
        for p in root.glob("*/documents/*.py")
        if p.stem != "__init__"
    }
    assert {m for f in features.FEATURES for m in f.documents} == modules


def test_output_cut_short_by_its_reader_is_not_an_error(sample_db: Database) -> None:
    """`branchdesk history | head -1`: the reader goes away; the command stops quietly."""
    import subprocess
    import sys

    from branchdesk import paths

    sample_db.dispose()
    done = subprocess.Popen(
        [sys.executable, "-m", "branchdesk", "--data-dir", str(paths.data_dir()), "history"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.stdout is not None and done.stderr is not None
    done.stdout.close()  # the reader has gone before the first line
    with done.stderr:
        err = done.stderr.read().decode("utf-8", errors="replace")
    assert done.wait(timeout=60) == 0, err
    assert err == ""


def test_lookup_fits_an_80_column_console_and_says_how_sure(
    sample_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A courier's line with its rule and reason ran to 90-110 columns of an 80-column
    console, which wraps it again at column 0."""
    import unicodedata

    monkeypatch.setenv("COLUMNS", "80")
    for query in ("中山西路37号", "望京路", "万达广场"):
        assert run("lookup", query) == 0
        out = capsys.readouterr().out.splitlines()
        couriers = [line for line in out if line.startswith(("王强", "陈静", "刘洋", "李娜"))]
        assert couriers, out
        for line in couriers:
            # a tie (望京路 without its number) is said on each tied courier's line too
            assert line.endswith(("Exact rule", "Building inferred", "tie, check")), line
            if query == "望京路":
                assert line.endswith("tie, check"), line
            reason = out[out.index(line) + 1]
            assert reason.startswith("    [") and "]" in reason
        for line in out:
            if not line[:1].isdigit() and not line[:2].isupper():  # waybills: as imported
                shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
                assert shown <= 80, line


def test_lookup_on_a_branch_without_an_area_table_says_what_to_import(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("lookup", "中山西路37号") == 0
    out = capsys.readouterr().out
    assert "No match" in out and "branchdesk import areas FILE" in out


def test_lookup_under_a_district_no_table_knows_is_not_said_as_sure(
    sample_db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ningbo_branch: None,
) -> None:
    """江东区中山西路37号: 注意 said to check the district, and the courier's line below it
    still said 精确匹配."""
    assert run("lookup", "江东区中山西路37号") == 0
    out = capsys.readouterr().out
    assert "江东区" in out
    assert _courier_line(out, "王强").endswith("Exact rule · to be checked")
    assert run("lookup", "中山西路37号") == 0
    assert _courier_line(capsys.readouterr().out, "王强").endswith("Exact rule")


def _courier_line(out: str, name: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(name))


def test_lookup_of_an_address_in_another_city_says_it_is_outside_the_branch(
    sample_db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ningbo_branch: None,
) -> None:
    assert run("lookup", "杭州市西湖区某某路88号") == 0
    out = capsys.readouterr().out
    assert "No match" in out and "杭州市" in out and "宁波市" in out


def _area_rules(db_file: Path) -> list[tuple[object, ...]]:
    """Every area rule of a database as it matches (its detail without where it was read)."""
    import sqlite3

    with sqlite3.connect(db_file) as con:
        rows = con.execute(
            "SELECT c.name, r.keyword, r.parent_keyword, r.kind, r.number_lo, r.number_hi,"
            " r.parity, r.district, r.town, r.detail FROM area_rule r JOIN courier c"
            " ON c.id = r.courier_id"
        )
        kept = []
        for *row, detail in rows:
            parts = json.loads(detail) if detail else {}
            for key in ("row_warnings", "sheet", "warning", "community", "zone"):
                parts.pop(key, None)
            kept.append((*row, json.dumps(parts, sort_keys=True)))
    return sorted(kept)


def _exported_and_imported_elsewhere(tmp_path: Path) -> Path:
    """`export areas` of this data dir, imported into another one (a new PC); that one."""
    out = tmp_path / "areas.xlsx"
    assert run("export", "areas", "-o", str(out)) == 0
    other = tmp_path / "another-pc"
    assert run("--data-dir", str(other), "import", "areas", str(out)) == 0
    return other


@pytest.mark.parametrize(
    "table",
    [
        "cities/chengdu_wuhou/areas_flat.xlsx",
        "cities/foshan_nanhai/areas_wide.xlsx",
        "cities/shenyang_heping/areas_per_courier.xlsx",
    ],
)
def test_export_areas_of_other_cities_imports_back_to_the_same_rules(
    fixtures: Path, tmp_path: Path, table: str
) -> None:
    """Blocks from a range column (望江名门 + 4幢), a building's units, a side with its
    condition (中山路（中山广场以东）) came back otherwise, or not at all."""
    from branchdesk import paths

    assert run("import", "areas", str(fixtures / table), "--skip-invalid") == 0
    before = _area_rules(paths.db_path())
    other = _exported_and_imported_elsewhere(tmp_path)
    assert _area_rules(other / "branchdesk.sqlite3") == before


def test_export_areas_keeps_every_rule_of_the_sample_on_the_way_back(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export dropped the 门牌范围 and 单双号 columns: 中山西路 单号 / 双号 came back as one
    road of two couriers, and 中山西路5号 a tie (hostile tester)."""
    from branchdesk import paths

    before = _area_rules(paths.db_path())
    other = _exported_and_imported_elsewhere(tmp_path)
    assert _area_rules(other / "branchdesk.sqlite3") == before
    capsys.readouterr()
    assert run("--data-dir", str(other), "lookup", "中山西路5号", "--json") == 0
    assert json.loads(capsys.readouterr().out)["sure"] is True


def test_a_damaged_table_is_told_as_a_damaged_file_not_a_traceback(
    sample_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """The area table's first page overwritten (a disk fault, a copy cut short): `lookup`
    printed Python's traceback with the SQL; it now says the file is damaged and what to do,
    and exits 1."""
    import sqlite3

    from branchdesk import paths

    sample_db.dispose()
    con = sqlite3.connect(paths.db_path())
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'area_rule'").fetchone()[0]
    con.close()
    with paths.db_path().open("r+b") as damaged:
        damaged.seek((root - 1) * size)
        damaged.write(b"\xde\xad\xbe\xef" * (size // 4))
    assert run("lookup", "晓风苑", "--json") == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "branchdesk restore" in err and str(paths.db_path()) in err
    assert "Traceback" not in err and "SELECT" not in err
