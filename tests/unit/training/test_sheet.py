"""The copy-out sheet (默写): one page of prompts with empty answers, the key on its own page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from branchdesk.db.engine import Database
from branchdesk.io.documents import document_kinds
from branchdesk.training import drills


def test_the_sheet_is_one_page_and_the_key_another(sample_db: Database, tmp_path: Path) -> None:
    with sample_db.session() as s:
        drills.sync_cards(s)
        sheet = drills.copy_sheet(s, "areas", employee="林子涵")
    out = tmp_path / "sheet.pdf"
    pages = document_kinds()["drill-sheet"].render(sheet, out, printed=date(2026, 12, 1))
    assert pages == 2
    prompt, answer = sheet.rows[0]
    with pdfplumber.open(out) as pdf:
        blank = pdf.pages[0].extract_text().replace(" ", "")
        key = pdf.pages[1].extract_text().replace(" ", "")
    assert "林子涵" in blank and prompt.replace(" ", "")[:6] in blank
    assert answer.replace(" ", "") not in blank  # the sheet leaves the answers to write
    assert answer.replace(" ", "") in key


def test_a_table_not_imported_yet_says_what_to_do(db: Database) -> None:
    with db.session() as s, pytest.raises(drills.TrainingError, match="import"):
        drills.copy_sheet(s, "routes")
