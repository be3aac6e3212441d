"""Printing to PDF: what the pages say, where rows land, fonts, sizes, and safe writing."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from branchdesk.errors import BranchDeskError
from branchdesk.handbook.documents.exam import render_exam
from branchdesk.handbook.documents.handbook import render_handbook
from branchdesk.handbook.documents.results import render_results
from branchdesk.handbook.documents.sheets import render_vehicle_sheets
from branchdesk.handbook.entries import Chapter, Entry, Exam, Question
from branchdesk.i18n import tr
from branchdesk.io.pdf import fonts
from branchdesk.io.pdf.layout import MARGIN_BOTTOM, MARGIN_TOP, PAGE_HEIGHT
from branchdesk.io.pdf.linebreak import CANNOT_START, NBSP, break_lines
from branchdesk.io.pdf.pages import missing_note
from tests.unit.pdf_samples import (
    BRANCH,
    PRINTED,
    generated_handbook,
    sample_exam,
    sample_handbook,
    sample_results,
)

A4 = (595.3, 841.9)


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squash(text: str) -> str:
    """Text without whitespace: a cell's text wraps, so compare it without line breaks."""
    return "".join(text.split())


def page_of(pages: list[str], needle: str) -> int:
    """1-based number of the only page that holds `needle`."""
    found = [n for n, text in enumerate(pages, start=1) if needle in text]
    assert len(found) == 1, (needle, found)
    return found[0]


def body_sizes(path: Path) -> list[tuple[int, str, float]]:
    """(page, char, size) of every character between the header and the footer bands."""
    out = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for c in page.chars:
                if MARGIN_TOP - 2 < c["top"] < PAGE_HEIGHT - MARGIN_BOTTOM:
                    out.append((n, c["text"], round(c["size"], 2)))
    return out


def entry(i: int, category: str, avoidance: str, **kw: object) -> Entry:
    return Entry(
        id=i,
        category=category,
        cause=f"违规致因{i}",
        fine=f"{i}元/票",
        standard="按总部规定操作。",
        avoidance=avoidance,
        **kw,  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- handbook


def test_handbook_pages_are_a4_with_searchable_chinese(tmp_path: Path) -> None:
    book = sample_handbook()
    pdf = tmp_path / "handbook.pdf"
    pages = render_handbook(book, pdf)
    reader = PdfReader(pdf)
    assert pages == len(reader.pages) >= 3
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)
    text = squash("".join(texts(pdf)))
    for chapter in book.chapters:
        assert squash(chapter.name) in text
        for e in chapter.entries:
            assert squash(e.cause) in text
            assert squash(e.fine) in text
            if e.hq_code:
                assert squash(tr("HQ code {code}", code=e.hq_code)) in text
    all_pages = texts(pdf)
    assert squash(tr("Penalty handbook")) in squash(all_pages[0])
    assert squash(tr("Contents")) in squash(all_pages[1])
    assert squash(tr("Sample handbook")) not in text
    assert tr("Page {page} of {pages}", page=1, pages=pages) in all_pages[0]
    assert tr("Page {page} of {pages}", page=pages, pages=pages) in all_pages[-1]


def test_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    pdf = tmp_path / "handbook.pdf"
    render_handbook(sample_handbook(), pdf)
    seen = set()
    for page in PdfReader(pdf).pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            seen.add(font["/BaseFont"])
            # ABCDEF+Name: a subset, embedded as TrueType outlines (FontFile2).
            assert re.fullmatch(r"/[A-Z]{6}\+\S+", font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert seen


def test_sample_handbook_says_it_is_an_example(tmp_path: Path) -> None:
    pdf = tmp_path / "sample.pdf"
    render_handbook(sample_handbook(is_sample=True), pdf)
    pages = texts(pdf)
    assert squash(tr("Sample handbook")) in squash(pages[0])
    assert squash(tr("Penalty handbook (sample)")) in squash(pages[2])  # running head


def test_long_handbook_never_splits_a_row_and_repeats_the_header(tmp_path: Path) -> None:
    book = generated_handbook(160, 8, markers=True)
    pdf = tmp_path / "long.pdf"
    pages = render_handbook(book, pdf)
    assert pages > 15
    all_pages = texts(pdf)
    header = tr("How to avoid it")
    for chapter in book.chapters:
        for e in chapter.entries:
            first = page_of(all_pages, f"B{e.id:04d}")
            assert page_of(all_pages, f"E{e.id:04d}") == first, f"item {e.id} is cut"
            assert header in all_pages[first - 1]
    # The contents give the page where each category's heading and first row are.
    contents = [line.strip() for line in all_pages[1].splitlines()]
    for chapter in book.chapters:
        listed = int(contents[contents.index(chapter.name) + 2])
        assert page_of(all_pages, f"B{chapter.entries[0].id:04d}") == listed


def test_line_breaks_in_cells_are_kept(tmp_path: Path) -> None:
    book = generated_handbook(6, 1, markers=True)
    pdf = tmp_path / "lines.pdf"
    render_handbook(book, pdf)
    text = texts(pdf)[2]
    for e in book.chapters[0].entries:
        assert f"B{e.id:04d}\n" in text
        assert f"\nE{e.id:04d}" in text


def test_a_row_taller_than_a_page_is_set_smaller_or_runs_on_whole(tmp_path: Path) -> None:
    tall = entry(1, "操作", "B0001\n" + "收工前与客服当面交接并签字。" * 90 + "\nE0001")
    clauses = "".join(f"第{n}条：收工前与客服当面交接并签字。" for n in range(1, 401))
    huge = entry(2, "操作", "B0002\n" + clauses + "\nE0002")
    normal = entry(3, "操作", "B0003\n正常长度的避责方法。\nE0003")
    book = replace(sample_handbook(), chapters=(Chapter("操作", (tall, huge, normal)),))
    pdf = tmp_path / "tall.pdf"
    render_handbook(book, pdf)
    pages = texts(pdf)
    # The tall row fits on one page at a smaller size; the huge one runs on over the pages,
    # every clause of it printed, nothing cut short with "…".
    assert page_of(pages, "B0001") == page_of(pages, "E0001")
    assert page_of(pages, "E0002") > page_of(pages, "B0002")
    printed = squash("".join(pages))
    assert all(f"第{n}条：" in printed for n in range(1, 401))
    assert "…" not in "".join(pages[page_of(pages, "B0002") - 1 : page_of(pages, "E0002")])
    assert page_of(pages, "B0003") == page_of(pages, "E0003")
    sizes = {size for n, _, size in body_sizes(pdf) if n == page_of(pages, "B0001")}
    assert min(sizes) < 9.5


def test_a_standard_as_long_as_an_excel_cell_prints_whole_and_soon(tmp_path: Path) -> None:
    import time

    # One short clause a line: a page ends between lines, so each clause reads whole.
    clauses = "\n".join(f"第{n}条扫描。" for n in range(1, 3201))
    assert len(clauses) > 30_000  # an Excel cell holds 32,767
    huge = replace(entry(1, "操作", "B0001\n正常长度。\nE0001"), standard=clauses)
    book = replace(sample_handbook(), chapters=(Chapter("操作", (huge,)),))
    pdf = tmp_path / "huge.pdf"
    started = time.perf_counter()
    render_handbook(book, pdf)
    assert time.perf_counter() - started < 20  # 2 s here; split row by row it took minutes
    printed = squash("".join(texts(pdf)))
    assert all(f"第{n}条扫描。" in printed for n in range(1, 3201))


# ---------------------------------------------------------------- vehicle sheets


def test_vehicle_sheet_one_large_page_per_small_category(tmp_path: Path) -> None:
    book = sample_handbook()
    pdf = tmp_path / "sheets.pdf"
    pages = render_vehicle_sheets(
        book.chapters, pdf, branch=BRANCH, courier="张伟", printed=PRINTED
    )
    assert pages == len(book.chapters)
    all_pages = texts(pdf)
    for chapter, text in zip(book.chapters, all_pages, strict=True):
        assert chapter.name in text
        assert squash(tr("Courier: {name}", name="张伟")) in squash(text)
        assert squash(tr("Fine")) in squash(text)
        for e in chapter.entries:
            assert squash(e.avoidance) in squash(text)
    assert min(size for _, _, size in body_sizes(pdf)) >= 14


def test_vehicle_sheet_wraps_a_long_courier_name_within_the_page(tmp_path: Path) -> None:
    """A name typed long (with the courier's streets): every character stays on the page,
    the date too, instead of running off its right edge."""
    name = "张伟（城东一组·负责中山西路、解放南路、药行街、开明街、县前街一带夜间派送）"
    pdf = tmp_path / "long-name.pdf"
    book = sample_handbook()
    render_vehicle_sheets(book.chapters[:1], pdf, branch=BRANCH, courier=name, printed=PRINTED)
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        outside = [c["text"] for c in page.chars if c["x1"] > page.width - 10 * 72 / 25.4]
        text = page.extract_text()
    assert outside == []  # nothing within 10 mm of the right edge (the margin is wider)
    assert squash(name) in squash(text) and PRINTED.isoformat() in text


def test_vehicle_sheet_shrinks_a_category_to_keep_it_on_one_page(tmp_path: Path) -> None:
    entries = tuple(entry(i, "派件", "按路线顺序派送，" * 7 + "到件先扫描。") for i in range(6))
    pdf = tmp_path / "shrunk.pdf"
    assert render_vehicle_sheets([Chapter("派件", entries)], pdf, printed=PRINTED) == 1
    body = [size for _, ch, size in body_sizes(pdf) if ch == "按"]
    assert min(body) >= 14 and max(body) < 20


def test_vehicle_sheet_splits_a_large_category_between_rows(tmp_path: Path) -> None:
    chapter = generated_handbook(30, 1, markers=True).chapters[0]
    pdf = tmp_path / "split.pdf"
    pages = render_vehicle_sheets([chapter], pdf, printed=PRINTED, courier=None)
    assert pages > 1
    all_pages = texts(pdf)
    for e in chapter.entries:
        assert page_of(all_pages, f"B{e.id:04d}") == page_of(all_pages, f"E{e.id:04d}")
    continued = squash(tr("{category} (continued)", category=chapter.name))
    assert continued not in squash(all_pages[0])
    for text in all_pages[1:]:
        assert continued in squash(text)
        assert squash(tr("How to avoid it")) in squash(text)
    assert squash(tr("Courier: {name}", name="")) not in squash("".join(all_pages))
    assert min(size for _, _, size in body_sizes(pdf)) == 14


def test_vehicle_sheet_survives_an_item_longer_than_a_page(tmp_path: Path) -> None:
    huge = entry(1, "操作", "收工前与客服当面交接并签字。" * 300)
    pdf = tmp_path / "huge.pdf"
    assert render_vehicle_sheets([Chapter("操作", (huge,))], pdf, printed=PRINTED) == 1
    assert "…" in texts(pdf)[0]


def test_vehicle_sheet_with_nothing_to_print_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BranchDeskError):
        render_vehicle_sheets([Chapter("空", ())], tmp_path / "x.pdf", printed=PRINTED)
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- exam


def test_exam_is_byte_identical_for_the_same_paper(tmp_path: Path) -> None:
    exam = sample_exam()
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_exam(exam, first, branch=BRANCH, printed=PRINTED)
    render_exam(exam, second, branch=BRANCH, printed=PRINTED)
    assert first.read_bytes() == second.read_bytes()
    third = tmp_path / "c.pdf"
    render_exam(replace(exam, seed=exam.seed + 1), third, branch=BRANCH, printed=PRINTED)
    assert third.read_bytes() != first.read_bytes()


def test_exam_answer_key_is_on_its_own_last_pages(tmp_path: Path) -> None:
    exam = sample_exam()
    pdf = tmp_path / "exam.pdf"
    pages = render_exam(exam, pdf, branch=BRANCH, printed=PRINTED)
    all_pages = [squash(t) for t in texts(pdf)]
    key = page_of(all_pages, squash(tr("Answer key")))
    assert key > 1 and key == pages  # this short key fits one page
    questions, answers = "".join(all_pages[: key - 1]), all_pages[key - 1]
    for label in (tr("Name"), tr("Date"), tr("Score")):
        assert squash(label) in questions
    assert squash(tr("Paper no. {seed}", seed=exam.seed)) in all_pages[0]
    first = tr("{numeral}. {section}", numeral=tr("I"), section=tr("Fill in the fine"))
    assert squash(first) in questions
    for q in exam.questions:
        assert squash(q.prompt) in questions
        assert squash(q.explanation) in answers
        assert squash(q.explanation) not in questions
        if q.kind == "fine":
            assert squash(q.answer) not in questions
            assert squash(q.answer) in answers
        for option in q.options:
            assert squash(option) in questions


def test_exam_paper_and_answer_key_print_apart(tmp_path: Path) -> None:
    exam = sample_exam()
    both, paper, key = tmp_path / "both.pdf", tmp_path / "paper.pdf", tmp_path / "key.pdf"
    pages = render_exam(exam, both, branch=BRANCH, printed=PRINTED)
    paper_pages = render_exam(exam, paper, branch=BRANCH, printed=PRINTED, part="paper")
    key_pages = render_exam(exam, key, branch=BRANCH, printed=PRINTED, part="key")
    assert paper_pages + key_pages == pages
    on_paper, in_key = squash("".join(texts(paper))), squash("".join(texts(key)))
    assert squash(tr("Answer key")) not in on_paper
    assert squash(tr("Name")) in on_paper  # the paper's own head
    assert squash(tr("Answer key")) in in_key
    assert squash(tr("Paper no. {seed}", seed=exam.seed)) in in_key  # which paper it marks
    for q in exam.questions:
        assert squash(q.prompt) in on_paper and squash(q.prompt) not in in_key
        assert squash(q.explanation) in in_key and squash(q.explanation) not in on_paper
    # The key alone starts on its first page: no blank page before it.
    assert squash(tr("Answer key")) in squash(texts(key)[0])
    with pytest.raises(ValueError):
        render_exam(exam, tmp_path / "x.pdf", printed=PRINTED, part="answers")


def test_exam_never_splits_a_question(tmp_path: Path) -> None:
    standard = "收工前与客服当面交接并签字，回单放专用文件袋，当天交回网点登记。"
    questions = tuple(
        Question(
            n,
            "choice",
            f"Q{n:02d}S 下列哪一项是正确的操作标准？",
            (standard, standard, standard, f"{standard} Q{n:02d}E"),
            "D",
            n,
            "操作",
        )
        for n in range(1, 31)
    )
    exam = Exam("新人考卷", 7, (), questions, 2)
    pdf = tmp_path / "long-exam.pdf"
    assert render_exam(exam, pdf, printed=PRINTED) >= 4
    all_pages = texts(pdf)
    for n in range(1, 31):
        assert page_of(all_pages, f"Q{n:02d}S") == page_of(all_pages, f"Q{n:02d}E")


def test_exam_without_questions_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BranchDeskError):
        render_exam(Exam("空", 1, (), (), 5), tmp_path / "x.pdf", printed=PRINTED)


# ---------------------------------------------------------------- results


def test_results_table_repeats_its_header(tmp_path: Path) -> None:
    rows = sample_results(90)
    pdf = tmp_path / "results.pdf"
    pages = render_results("张伟", rows, pdf, branch=BRANCH, printed=PRINTED)
    assert pages >= 2
    all_pages = texts(pdf)
    assert squash(tr("Results of {name}", name="张伟")) in squash(all_pages[0])
    for text in all_pages:
        assert squash(tr("Taken at")) in squash(text)
    text = "".join(all_pages)
    assert "2026-11-01 09:15" in text
    assert f"{rows[1].score} / {rows[1].total}" in text
    assert f"{rows[1].percent}%" in text
    assert squash(tr("Write from memory")) in squash(text)
    assert squash(tr("Quiz")) in squash(text)


# ---------------------------------------------------------------- writing safely


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    render_handbook(
        generated_handbook(40, 3), tmp_path / "p.pdf", progress=lambda d, t: calls.append((d, t))
    )
    assert len(calls) > 3
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


class Cancelled(Exception):
    pass


@pytest.mark.parametrize("at", [1, 5])
def test_cancel_from_progress_leaves_no_file(tmp_path: Path, at: int) -> None:
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) >= at:
            raise Cancelled

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        render_handbook(generated_handbook(40, 3), out / "handbook.pdf", progress=progress)
    assert list(out.iterdir()) == []  # neither the PDF nor a temporary file


def test_cancel_keeps_an_older_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "sheet.pdf"
    target.write_bytes(b"older")

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        render_vehicle_sheets(sample_handbook().chapters, target, printed=PRINTED, progress=cancel)
    assert target.read_bytes() == b"older"
    assert list(out.iterdir()) == [target]


def test_unwritable_path_is_a_branchdesk_error(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "exam.pdf"
    with pytest.raises(BranchDeskError, match="no such folder"):
        render_exam(sample_exam(), target, printed=PRINTED)


# ---------------------------------------------------------------- font and line breaking


def test_missing_font_falls_back_to_a_system_font_or_says_reinstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = fonts._shipped_font()
    monkeypatch.setattr(fonts, "_shipped_font", lambda: tmp_path / "gone.ttc")
    monkeypatch.setattr(fonts, "system_fonts", lambda: iter([tmp_path / "none.ttf"]))
    with pytest.raises(BranchDeskError, match="Reinstall"):
        fonts.cjk_font.__wrapped__()
    with fonts.resources.as_file(shipped) as real:
        monkeypatch.setattr(fonts, "system_fonts", lambda: iter([real]))
        assert fonts.cjk_font.__wrapped__() == fonts.FONT_NAME


def test_chinese_line_breaking_rules() -> None:
    def advance(char: str) -> float:
        return 1.0

    text = "每天早上查看“未签收清单”，逐票电联；处罚1000元/票（含赔偿）。"
    for width in range(5, 16):
        lines = break_lines(text, [width], advance)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in "“（", (width, lines)
        assert any("1000" in line for line in lines), (width, lines)  # numbers stay whole
    blank = "判断：签收前先确认已收款。（" + NBSP * 6 + "）"
    for width in range(16, 24):  # a blank moves down whole when it is under half a line
        assert any("（" + NBSP * 6 + "）" in line for line in break_lines(blank, [width], advance))
    assert break_lines("短", [10], advance) == ["短"]
    assert break_lines("", [10], advance) == [""]


def test_exam_question_taller_than_a_page_still_prints(tmp_path: Path) -> None:
    from branchdesk.handbook.exam import make_exam

    steps = "\n".join(
        f"第{i}步：按总部规定完成本环节的扫描、登记、拍照和交接，并在系统中写明原因和时间。"
        for i in range(1, 13)
    )
    items = [
        Entry(
            id=i,
            category="操作",
            cause=f"违规{i}",
            fine=f"{i * 10}元/票",
            standard=f"{steps}（{i}）",
            avoidance="—",
        )
        for i in range(1, 6)
    ]
    pdf = tmp_path / "tall.pdf"
    exam = make_exam(items, 15, 3)
    assert render_exam(exam, pdf, printed=PRINTED) >= 4
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "第12步" in text


def test_a_character_the_font_lacks_is_printed_as_a_box_and_named(tmp_path: Path) -> None:
    """王䶮 (a name's rare character, CJK extension A) and an emoji: reportlab alone drew
    nothing for them, so the sheet said 王 with no sign of the missing character."""
    book = sample_handbook()
    first = book.chapters[0]
    rare = replace(first.entries[0], avoidance="出门前检查车灯😀\ufe0f，到件先扫描。")
    chapter = replace(first, entries=(rare, *first.entries[1:]))
    pdf = tmp_path / "rare.pdf"
    pages = render_vehicle_sheets([chapter], pdf, branch=BRANCH, courier="王䶮", printed=PRINTED)
    text = squash(texts(pdf)[0])
    assert squash(tr("Courier: {name}", name="王□")) in text
    assert "出门前检查车灯□，到件先扫描。" in text  # the variation selector leaves no second box
    assert pages == 1 and pages.missing == "䶮😀"  # type: ignore[attr-defined]
    note = missing_note(pages)
    assert "䶮" in note and "😀" in note and "□" in note


def test_a_document_the_font_covers_has_no_note(tmp_path: Path) -> None:
    pages = render_exam(sample_exam(), tmp_path / "exam.pdf", branch=BRANCH, printed=PRINTED)
    assert pages > 0 and missing_note(pages) == ""


def test_a_private_use_character_of_an_old_system_is_marked_too(tmp_path: Path) -> None:
    """Older Chinese systems keep a rare name character in the private-use area: it was left
    out as if invisible, so 王 plus it still printed as 王."""
    book = sample_handbook()
    pdf = tmp_path / "pua.pdf"
    pages = render_vehicle_sheets(
        book.chapters[:1], pdf, branch=BRANCH, courier="王\ue000", printed=PRINTED
    )
    assert "王□" in squash(texts(pdf)[0])
    assert "\ue000" in missing_note(pages)


def test_a_long_title_in_the_page_header_stays_within_the_margins(tmp_path: Path) -> None:
    """A guide's title may have 120 characters: the header line ran off the paper's edge."""
    from branchdesk.io.pdf.layout import MARGIN_X

    branch = "宁波江北网点（含慈城、洪塘、庄桥三个代收点及客户改约的处理方法）" * 3
    pdf = tmp_path / "long-header.pdf"
    render_vehicle_sheets(sample_handbook().chapters[:1], pdf, branch=branch, printed=PRINTED)
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        header = [c for c in page.chars if c["top"] < MARGIN_TOP - 2]
        assert header and max(c["x1"] for c in header) <= page.width - MARGIN_X + 0.5
        assert "…" in "".join(c["text"] for c in header)
