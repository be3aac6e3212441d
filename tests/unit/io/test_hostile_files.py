"""Small hostile files that used to kill or exhaust the process: each is now a refusal.

Crash cases run in a child process (with its address space capped), so a regression shows
as a failed test instead of killing pytest.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from branchdesk import i18n
from branchdesk.db.engine import Database
from branchdesk.io import limits
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.io.limits import LimitExceeded
from branchdesk.io.reader import (
    FileReadError,
    FormulaWithoutResult,
    open_sheet,
    read_sheet,
    sheet_names,
)

REPO = Path(__file__).resolve().parents[3]
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_TYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def far_cell_xlsx(path: Path, cell: str = "XFD1048576") -> Path:
    """A 5 KB workbook: a waybill header and row, and one value at `cell`."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["运单号", "收件地址", "工单号", "工单类型", "处罚原因"])
    sheet.append(["YT1234567890123", "药行街1号", "GD1", "催件", "x"])
    sheet[cell] = "x"
    workbook.save(path)
    return path


def ods(path: Path, rows_xml: str) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", ODS_TYPE, zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def cell(text: str, extra: str = "") -> str:
    return (
        f'<table:table-cell{extra} office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def run_child(code: str, tmp_path: Path, memory_mb: int = 3000) -> subprocess.CompletedProcess:
    """Run `code` in a fresh Python with its address space capped; returns the result."""
    script = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))
        from branchdesk import features, paths
        paths.set_data_dir({str(tmp_path / "child-data")!r})
        features.install()  # as the command line does: import kinds, the audit recorder
        from branchdesk.i18n import set_language
        set_language("en")
        """
    ) + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )


# --- one value at XFD1048576 ----------------------------------------------------------------


def test_far_cell_xlsx_is_refused_by_every_importer_and_slips(tmp_path: Path) -> None:
    # It aborted the process (SIGABRT: calamine allocated 512 GB for the sheet's grid).
    path = far_cell_xlsx(tmp_path / "far.xlsx")
    assert path.stat().st_size < 10_000
    result = run_child(
        f"""
        import json
        from pathlib import Path
        from branchdesk.db.engine import open_database
        from branchdesk.errors import BranchDeskError
        from branchdesk.io.importing import kinds, run_import
        from branchdesk.io.reader import sheet_names, read_sheet
        from branchdesk.complaints.slips import read_problem_list
        path = Path({str(path)!r})
        out = {{}}
        db = open_database()
        print("names", sheet_names(path), flush=True)
        for kind in sorted(kinds()):
            try:
                with db.session() as s:
                    run_import(s, path, kind, skip_invalid=True)
                out[kind] = "imported"
            except BranchDeskError as exc:
                out[kind] = type(exc).__name__ + ": " + str(exc)
        try:
            with db.session() as s:
                read_problem_list(s, path)
            out["slips"] = "read"
        except BranchDeskError as exc:
            out["slips"] = type(exc).__name__ + ": " + str(exc)
        print(json.dumps(out, ensure_ascii=False))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(outcome) == {
        "areas",
        "complaints",
        "customers",
        "faq",
        "handbook",
        "routes",
        "times",
        "waybills",
        "slips",
    }
    for what, message in outcome.items():
        assert message.startswith("LimitExceeded: far.xlsx"), (what, message)
        assert "XFD1048576" in message and "1,048,576 rows × 16,384 columns" in message
        assert f"{limits.MAX_COLUMNS:,} columns" in message


def test_far_cell_xlsx_is_refused_in_process(tmp_path: Path) -> None:
    path = far_cell_xlsx(tmp_path / "far.xlsx", "ZZ900000")
    with pytest.raises(LimitExceeded, match=r"far\.xlsx, sheet Sheet: .*ZZ900000"):
        read_sheet(path)
    # The sheet names alone are still read (the file's metadata is small).
    assert sheet_names(path) == ["Sheet"]


def test_wide_but_legal_sheet_is_read(tmp_path: Path) -> None:
    path = far_cell_xlsx(tmp_path / "ok.xlsx", "ALL5")  # column 1,000, row 5
    rows = read_sheet(path).rows
    assert len(rows) == 5 and len(rows[0]) == limits.MAX_COLUMNS
    assert rows[4][-1] == "x"


# --- ods spans and repeats ----------------------------------------------------------------


def test_ods_with_a_huge_column_span_is_refused(tmp_path: Path) -> None:
    # A 1 KB file: the span was filled into a list of a billion cells (MemoryError).
    path = ods(
        tmp_path / "span.ods",
        "<table:table-row>"
        + cell("a", ' table:number-columns-spanned="1000000000"')
        + "</table:table-row>",
    )
    assert path.stat().st_size < 2000
    result = run_child(
        f"""
        from branchdesk.io.reader import read_sheet
        from branchdesk.io.limits import LimitExceeded
        try:
            read_sheet({str(path)!r})
        except LimitExceeded as exc:
            print("refused:", exc)
        """,
        tmp_path,
        memory_mb=2000,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "refused: span.ods, sheet S:" in result.stdout


@pytest.mark.parametrize(
    "rows_xml",
    [
        # one value repeated across all columns, in a row repeated a million times
        '<table:table-row table:number-rows-repeated="1048576">'
        + cell("a", ' table:number-columns-repeated="16384"')
        + "</table:table-row>",
        '<table:table-row table:number-rows-repeated="3000000">' + cell("a") + "</table:table-row>",
    ],
    ids=["grid", "rows"],
)
def test_ods_repeats_beyond_the_limits_are_refused(tmp_path: Path, rows_xml: str) -> None:
    path = ods(tmp_path / "repeat.ods", rows_xml)
    result = run_child(
        f"""
        from branchdesk.io.reader import sheet_names
        from branchdesk.io.limits import LimitExceeded
        try:
            sheet_names({str(path)!r})
        except LimitExceeded as exc:
            print("refused:", exc)
        """,
        tmp_path,
        memory_mb=2000,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "refused: repeat.ods, sheet S:" in result.stdout


def test_ods_trailing_empty_repeats_are_fine(tmp_path: Path) -> None:
    # What LibreOffice writes for every sheet: empty cells and rows up to the grid's end.
    path = ods(
        tmp_path / "lo.ods",
        "<table:table-row>"
        + cell("运单号")
        + '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        + "<table:table-row>"
        + cell("YT1")
        + '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        + '<table:table-row table:number-rows-repeated="1048574">'
        + '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>',
    )
    assert read_sheet(path).rows == [["运单号"], ["YT1"]]


# --- zip parts that inflate past their limit ------------------------------------------------


def test_shared_strings_that_inflate_past_the_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = far_cell_xlsx(tmp_path / "bomb.xlsx", "B3")
    patched = tmp_path / "bomb2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info), zipfile.ZIP_DEFLATED)
        pad = "<!--" + " " * (3 << 20) + "-->"
        dst.writestr("xl/sharedStrings.xml", pad, zipfile.ZIP_DEFLATED)
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 2 << 20)
    with pytest.raises(LimitExceeded, match=r"bomb2\.xlsx: its part xl/sharedStrings\.xml"):
        sheet_names(patched)


def test_a_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.csv"
    path.write_text("运单号\n" + "YT1234567890123\n" * 1000, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    with pytest.raises(LimitExceeded, match=r"big\.csv is too large to read \(0\.0 MB"):
        open_sheet(path)


def test_csv_over_the_row_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("运单号\n" + "YT1234567890123\n" * 50, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_ROWS", 20)
    expected = r"rows\.csv, sheet rows: the sheet uses cells up to A21 "
    with pytest.raises(LimitExceeded, match=expected):
        list(open_sheet(path).iter_rows())


# --- formulas without a saved result --------------------------------------------------------


def test_formula_without_cached_value_is_marked(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["运单号", "收件电话"])
    sheet.append(["YT1234567890123", '=A2&"1"'])  # openpyxl writes no cached value
    workbook.save(tmp_path / "f.xlsx")
    rows = read_sheet(tmp_path / "f.xlsx").rows
    assert rows[1][1] == FormulaWithoutResult('=A2&"1"')


# --- cells no field takes: control characters, over-long text, formulas without a result ----


def _waybill_csv(path: Path, cells: list[str]) -> Path:
    lines = ["运单号,收件人,收件地址"]
    lines += [f"YT12345678901{i:02d},王芳,{cell}" for i, cell in enumerate(cells)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["\x01", "\x1b[2J", "\x0b", "\x7f", "\x9b31m"])
def test_control_characters_are_row_problems(db: Database, tmp_path: Path, bad: str) -> None:
    # They imported silently and then broke every Excel export of the table.
    path = _waybill_csv(tmp_path / "w.csv", ["药行街1号", f"药行街{bad}2号"])
    with pytest.raises(ImportRejected) as caught, db.session() as s:
        run_import(s, path, "waybills")
    (problem,) = caught.value.prepared.problems
    assert problem.row == 3 and problem.column == "C（收件地址）"
    shown = f"\\x{ord(bad[0]):02x}"
    assert f"control character ({shown})" in problem.message
    assert shown in str(problem) and bad[0] not in str(problem)
    with db.session() as s:
        report = run_import(s, path, "waybills", skip_invalid=True)
    assert report.rows_ok == 1 and report.problems[0].row == 3


def test_tabs_and_line_breaks_stay_in_text(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text('运单号,收件地址\nYT1234567890101,"药行街\t1号\r\n3楼"\n', encoding="utf-8")
    with db.session() as s:
        assert run_import(s, path, "waybills").rows_ok == 1


def test_over_long_cell_is_a_row_problem(db: Database, tmp_path: Path) -> None:
    path = _waybill_csv(tmp_path / "w.csv", ["药行街1号", "长" * 7_000_000])
    with pytest.raises(ImportRejected) as caught, db.session() as s:
        run_import(s, path, "waybills")
    (problem,) = caught.value.prepared.problems
    assert problem.row == 3 and "7,000,000 characters" in problem.message
    assert len(str(problem)) < 1000  # the value is shown cut, not 7 million characters


def test_formula_without_result_is_a_row_problem(db: Database, tmp_path: Path) -> None:
    # It imported as an empty cell: the recipient's address silently lost.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["运单号", "收件人", "收件地址"])
    sheet.append(["YT1234567890123", "王芳", '=CONCATENATE("药行街","1号")'])
    workbook.save(tmp_path / "f.xlsx")
    i18n.set_language("zh_CN")
    with pytest.raises(ImportRejected) as caught, db.session() as s:
        run_import(s, tmp_path / "f.xlsx", "waybills")
    (problem,) = caught.value.prepared.problems
    assert problem.row == 2 and problem.column == "C（收件地址）"
    assert "公式没有计算结果" in problem.message and "用 Excel 打开后保存" in problem.message
    assert 'CONCATENATE("药行街","1号")' in str(problem)


# --- streaming: the rows are read twice, never held ----------------------------------------


def test_a_streamed_import_keeps_no_parsed_rows(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.io import importing
    from branchdesk.io.importing import get_kind, validate

    monkeypatch.setattr(importing, "STREAM_ABOVE_ROWS", 10)
    path = _waybill_csv(tmp_path / "w.csv", [f"药行街{i}号" for i in range(50)])
    prepared = validate(open_sheet(path), get_kind("waybills"))
    assert prepared.rows == [] and prepared.valid == 50 and prepared.ok
    with db.session() as s:
        report = run_import(s, path, "waybills", prepared=prepared)
    assert report.rows_ok == 50
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM waybill")) == 50


def test_a_file_changed_between_check_and_write_writes_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.errors import BranchDeskError
    from branchdesk.io import importing
    from branchdesk.io.importing import get_kind, validate

    monkeypatch.setattr(importing, "STREAM_ABOVE_ROWS", 1)
    path = _waybill_csv(tmp_path / "w.csv", ["药行街1号", "药行街2号"])
    prepared = validate(open_sheet(path), get_kind("waybills"))
    _waybill_csv(path, ["药行街1号", "药行街\x1b2号"])
    changed = "changed while it was being imported"
    with pytest.raises(BranchDeskError, match=changed), db.session() as s:
        run_import(s, path, "waybills", prepared=prepared)
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM waybill")) == 0


def test_duplicate_waybills_are_found_in_a_streamed_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.io import importing

    monkeypatch.setattr(importing, "STREAM_ABOVE_ROWS", 1)
    path = tmp_path / "w.csv"
    path.write_text("运单号\nYT1234567890101\nYT1234567890102\nYT1234567890101\n", "utf-8")
    with pytest.raises(ImportRejected, match="row 4") as caught, db.session() as s:
        run_import(s, path, "waybills")
    assert caught.value.prepared.valid == 2


# --- nothing raw reaches the terminal -------------------------------------------------------


def test_cli_shows_control_characters_of_file_names_and_data_visibly(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk.cli import main

    path = _waybill_csv(tmp_path / "w\x1b[2J.csv", ["药行街1号", "药行街\x1b]0;pwned\x07号"])
    assert main(["import", "waybills", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "w\\x1b[2J.csv" in err and "\\x1b]0;pwned\\x07" in err
    assert main(["import", "waybills", str(path), "--skip-invalid"]) == 0
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "w\\x1b[2J.csv" in out


def test_lookup_batch_file_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk.cli import main

    path = tmp_path / "q.txt"
    path.write_text("药行街1号\n" * 200, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    assert main(["lookup", "--batch", str(path)]) == 1
    assert "q.txt is too large to read" in capsys.readouterr().err


# --- guide packs and pictures ------------------------------------------------------------


def test_pack_entry_that_lies_about_its_size_is_refused_without_inflating_it(
    tmp_path: Path,
) -> None:
    # guide.json claims 4,600 bytes and inflates to 400 MB: read() in one call inflated it
    # all (hundreds of MB) before the CRC check refused it.
    import struct

    path = tmp_path / "lie.zip"
    # compresslevel=1: the same 400 MB entry, deflated in a third of the time.
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open("guide.json", "w") as f,
    ):
        block = b" " * (1 << 20)
        for _ in range(400):
            f.write(block)
    raw = bytearray(path.read_bytes())
    struct.pack_into("<I", raw, raw.find(b"PK\x03\x04") + 22, 4600)
    struct.pack_into("<I", raw, raw.find(b"PK\x01\x02") + 24, 4600)
    path.write_bytes(bytes(raw))
    result = run_child(
        f"""
        import resource, time
        from branchdesk.guides.packs import PackError, read_pack
        start = time.perf_counter()
        try:
            read_pack({str(path)!r})
        except PackError as exc:
            print("refused:", exc)
        # VmHWM: ru_maxrss would count the forking pytest process's memory too.
        status = open("/proc/self/status").read()
        peak = int(status.split("VmHWM:")[1].split()[0]) // 1024
        print("peak MB", peak, "seconds", round(time.perf_counter() - start, 2))
        """,
        tmp_path,
        memory_mb=1500,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "refused: Cannot import the guide pack lie.zip" in result.stdout
    peak = int(result.stdout.split("peak MB")[1].split()[0])
    assert peak < 400, result.stdout  # the old read() peaked over 800 MB here


def _big_png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (width, height), 255).save(out, "PNG")
    return out.getvalue()


def test_a_picture_over_40_megapixels_is_refused_before_decoding(tmp_path: Path) -> None:
    # An 8000×8000 screenshot was accepted; printing its guide ran for minutes at 4.6 GB.
    from datetime import date

    from pypdf import PdfReader

    from branchdesk.guides.annotations import ImageTooLarge, burn_in, check_image
    from branchdesk.guides.documents.guide import render_guide
    from branchdesk.guides.entries import GuideDoc, StepDoc

    data = _big_png(8000, 8000)
    with pytest.raises(ImageTooLarge, match=r"8000×8000 = 64 million pixels; at most 40"):
        check_image(data, decode=True)
    with pytest.raises(ImageTooLarge):
        burn_in(data, ())
    assert check_image(_big_png(8000, 5000))[:2] == (8000, 5000)
    # One stored before the limit still prints: a note instead of the picture.
    guide = GuideDoc("月结对账", "财务", (StepDoc(1, "打开对账页面", image=data),))
    out = tmp_path / "g.pdf"
    render_guide(guide, out, printed=date(2026, 11, 22))
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "64 million pixels" in "".join(text.split("\n"))


def _claim_zip_version(path: Path, version: int) -> Path:
    """Every central-directory entry of `path` claims it needs zip `version` (64: 6.4) to
    extract; Python's zipfile raises NotImplementedError on opening such an archive."""
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        raw[at + 6] = version
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    return path


def test_a_workbook_from_a_newer_zip_version_is_refused_with_a_message(
    db: Database, tmp_path: Path
) -> None:
    # Found by the bad-input campaign: the import raised NotImplementedError ("zip file
    # version 6.4") instead of saying the file cannot be read.
    path = _claim_zip_version(far_cell_xlsx(tmp_path / "新版.xlsx", "B2"), 64)
    with pytest.raises(FileReadError) as refused, db.session() as s:
        run_import(s, path, "areas")
    assert str(refused.value).startswith("新版.xlsx cannot be read: it is damaged")
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM area_rule")).scalar_one() == 0


def test_a_guide_pack_from_a_newer_zip_version_is_refused_with_a_message(tmp_path: Path) -> None:
    from branchdesk.guides.packs import PackError, read_pack

    path = tmp_path / "pack.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("guide.json", "{}")
    _claim_zip_version(path, 64)
    with pytest.raises(PackError, match=r"^pack\.zip is not a BranchDesk guide pack"):
        read_pack(path)
