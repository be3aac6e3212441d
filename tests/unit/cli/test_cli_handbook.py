"""The handbook on the command line: import, export and every printed document."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from branchdesk.cli import main
from branchdesk.db.engine import Database


def run(*args: str) -> int:
    return main(list(args))


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_import_needs_permission_to_create_categories_then_exports(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(fixtures / "handbook_hq.xlsx")
    assert run("import", "handbook", path) == 1
    err = capsys.readouterr().err
    assert err == (
        "handbook_hq.xlsx: 3 problem(s) found, nothing was imported. Correct the file and "
        "import again, or choose to skip the invalid rows.\n"
    ) + "".join(
        f"handbook_hq.xlsx, sheet 处罚大全, row {row}, column A（处罚类别）: '派件' — "
        "there is no category “派件” yet: correct the name, or choose “Create the categories "
        "that do not exist yet” (--create-categories). Existing categories: "
        "中转、取件流程、客服、投诉、操作、数据、派件时效节点、财务\n"
        for row in (3, 4, 5)
    )
    assert run("import", "handbook", path, "--create-categories") == 0
    assert "imported 10 row(s)" in capsys.readouterr().out
    out = tmp_path / "手册.xlsx"
    assert run("export", "handbook", "-o", str(out)) == 0
    assert out.exists()


def test_print_every_document(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sample branch (as `demo` loads it) from the session's template: a file copy.

    book = tmp_path / "book.pdf"
    assert run("print", "handbook", "-o", str(book)) == 0
    assert "虚假签收" in _text(book)

    sheet = tmp_path / "sheet.pdf"
    args = ("print", "sheet", "--category", "数据", "--courier", "张伟", "-o", str(sheet))
    assert run(*args) == 0
    text = _text(sheet)
    assert "漏扫" in text and "张伟" in text and "虚假签收" not in text

    exam = tmp_path / "exam.pdf"
    assert run("print", "exam", "--seed", "77", "--questions", "12", "-o", str(exam)) == 0
    assert "--seed 77" in capsys.readouterr().out
    # The handbook changes (an item is deleted); paper 77 still reprints as it was handed out.
    from branchdesk.db.engine import open_database
    from branchdesk.handbook import service

    db = open_database()
    with db.session() as s:
        service.delete_item(s, service.entries(s)[0].id)
    db.dispose()
    again = tmp_path / "again.pdf"
    assert run("print", "exam", "--seed", "77", "-o", str(again)) == 0
    assert "Reprinted paper no. 77" in capsys.readouterr().out
    assert _text(exam) == _text(again)
    assert run("print", "exam", "--seed", "-5", "-o", str(again)) == 2
    assert run("print", "exam", "--seed", "99999999999", "-o", str(again)) == 2


def test_print_the_exam_paper_and_its_answer_key_apart(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper, key, both = tmp_path / "paper.pdf", tmp_path / "key.pdf", tmp_path / "both.pdf"
    assert run("print", "exam", "--seed", "77", "--part", "paper", "-o", str(paper)) == 0
    assert run("print", "exam", "--seed", "77", "--part", "key", "-o", str(key)) == 0
    assert run("print", "exam", "--seed", "77", "-o", str(both)) == 0
    on_paper, in_key = _text(paper), _text(key)
    assert "Answer key" not in on_paper and "Name" in on_paper
    assert "Answer key" in in_key and "Paper no. 77" in in_key and "Name" not in in_key
    pages = {p: len(PdfReader(p).pages) for p in (paper, key, both)}
    assert pages[paper] + pages[key] == pages[both]
    capsys.readouterr()
    assert run("print", "exam", "--part", "answers", "-o", str(key)) == 2
    assert "--part" in capsys.readouterr().err


def test_an_answer_key_needs_the_number_of_a_paper_handed_out(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`print exam --part key` without --seed printed the key of a new random paper nobody
    has; with a number never printed, it did so without a word."""
    key = tmp_path / "key.pdf"
    assert run("print", "exam", "--part", "key", "-o", str(key)) == 2
    assert "--seed" in capsys.readouterr().err and not key.exists()
    assert run("print", "exam", "--seed", "4242", "--part", "key", "-o", str(key)) == 0
    assert "No paper with this number was printed" in capsys.readouterr().err
    # Still not, the second time: a key alone does not make its number a printed paper.
    assert run("print", "exam", "--seed", "4242", "--part", "key", "-o", str(key)) == 0
    assert "No paper with this number was printed" in capsys.readouterr().err
    assert run("print", "exam", "--seed", "4242", "--part", "paper", "-o", str(key)) == 0
    assert run("print", "exam", "--seed", "4242", "--part", "key", "-o", str(key)) == 0
    captured = capsys.readouterr()
    assert "Reprinted paper no. 4242" in captured.out and captured.err == ""


def test_print_refuses_an_unknown_category_and_an_empty_history(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert run("print", "sheet", "--category", "不存在", "-o", str(out)) == 1
    assert capsys.readouterr().err == (
        "No category named 不存在. The categories are: "
        "派件时效节点、取件流程、操作、客服、中转、财务、数据、投诉\n"
    )
    assert run("print", "results", "-o", str(out)) == 1
    assert not out.exists()


def test_print_with_an_empty_handbook_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("print", "handbook", "-o", str(tmp_path / "x.pdf")) == 1
    assert capsys.readouterr().err == (
        "There are no handbook items to print. Add items or import the HQ handbook first.\n"
    )


def test_print_says_which_characters_the_font_could_not_set(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.pdf"
    args = ("print", "sheet", "--category", "数据", "--courier", "王䶮", "-o", str(sheet))
    assert run(*args) == 0
    out = capsys.readouterr().out
    assert "Wrote 1 page(s)" in out and "“䶮”" in out and "□" in out
    assert "王□" in "".join(_text(sheet).split())
    assert run("print", "sheet", "--category", "数据", "--courier", "张伟", "-o", str(sheet)) == 0
    assert "□" not in capsys.readouterr().out


def test_an_exam_paper_totals_100_and_says_when_it_has_fewer_questions_than_asked(
    sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    paper = tmp_path / "paper.pdf"
    assert run("print", "exam", "--questions", "30", "--part", "paper", "-o", str(paper)) == 0
    text = " ".join(_text(paper).split())
    assert "30 questions, 100 points" in text  # was 90: 30 × 3
    assert "(4 pt)" in text and "(3 pt)" in text
    assert "items for" not in capsys.readouterr().out
    assert run("print", "exam", "--questions", "150", "--part", "paper", "-o", str(paper)) == 0
    said = capsys.readouterr().out
    found = re.search(r"items for (\d+) questions only, not the 150 asked for", said)
    assert found is not None, said
    assert f"the paper has {found[1]} questions, 100 points in all" in said
    assert f"{found[1]} questions, 100 points" in " ".join(_text(paper).split())
