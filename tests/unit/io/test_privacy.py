"""Customers' phone numbers are masked in every printout and export, also inside addresses
and notes; the full numbers only on request, as an audited owner action."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.io.importing import run_import
from branchdesk.owner.models import AuditEntry
from branchdesk.privacy import mask_phones_in


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("药行街1号 13805741234 王芳", "药行街1号 138****1234 王芳"),
        ("电话：138-0574-1234", "电话：138****1234"),
        ("１３８０５７４１２３４转", "138****1234转"),
        ("+86 138 0574 1234", "138****1234"),
        ("座机0574-87654321", "座机057****4321"),
        ("(0574)87654321", "057****4321"),
        ("药行街100号 021 6123 4567", "药行街100号 021****4567"),
        # not phones: waybill numbers, house numbers, dates
        ("YT13805741234567", "YT13805741234567"),
        ("运单773123456789012", "运单773123456789012"),
        ("1号楼301室", "1号楼301室"),
        ("2026-11-02 10:30", "2026-11-02 10:30"),
    ],
)
def test_phones_inside_text_are_masked(text: str, shown: str) -> None:
    assert mask_phones_in(text) == shown


def _waybills(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text(
        "运单号,收件人,收件电话,收件地址\n"
        "YT1234567890101,王芳,13805741234,药行街1号（电话13912345678）\n"
        "YT1234567890102,李娜 0574-87654321,13805745678,中山西路2号\n",
        encoding="utf-8",
    )
    with db.session() as s:
        run_import(s, path, "waybills")


def _cells(path: Path) -> str:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)


def test_export_waybills_masks_every_customer_phone(db: Database, tmp_path: Path) -> None:
    # It wrote every customer's full phone, and the ones typed into addresses and names.
    _waybills(db, tmp_path)
    out = tmp_path / "w.xlsx"
    assert main(["export", "waybills", "-o", str(out)]) == 0
    cells = _cells(out)
    for full in ("13805741234", "13912345678", "87654321", "13805745678"):
        assert full not in cells
    assert "138****1234" in cells and "139****5678" in cells and "057****4321" in cells
    assert "药行街1号（电话139****5678）" in cells


def test_full_phones_only_on_request_audited_and_behind_the_pin(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk.owner.pin import set_pin

    _waybills(db, tmp_path)
    out = tmp_path / "w.xlsx"
    assert main(["export", "waybills", "--show-phones", "-o", str(out)]) == 0
    assert "13912345678" in _cells(out) and "13805741234" in _cells(out)
    with db.session() as s:
        details = [e.detail for e in s.scalars(select(AuditEntry))]
    assert any("w.xlsx" in d and "waybills" in d for d in details)

    with db.session() as s:
        set_pin(s, "2580")
    capsys.readouterr()
    out.unlink()
    assert main(["export", "waybills", "--show-phones", "-o", str(out)]) == 1
    assert "PIN" in capsys.readouterr().err and not out.exists()
    assert main(["export", "waybills", "--show-phones", "--pin", "2580", "-o", str(out)]) == 0


def test_slips_mask_a_phone_typed_into_the_address(
    db: Database, tmp_path: Path, fixtures: Path
) -> None:
    from pypdf import PdfReader

    from branchdesk.complaints.slips import print_slips

    path = tmp_path / "p.csv"
    path.write_text(
        "运单号,问题类型,收件地址,收件人,电话\n"
        "YT1234567890101,未签收,药行街1号 家属电话13912345678,王芳,13805741234\n",
        encoding="utf-8",
    )
    out = tmp_path / "slips.pdf"
    with db.session() as s:
        print_slips(s, path, out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    flat = "".join(text.split())
    assert "13912345678" not in flat, text
    assert "139****5678" in flat
