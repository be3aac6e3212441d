"""Printing an operation guide: what the pages say, where steps and images land, and that
blur boxes are still blurred in the images inside the PDF."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from branchdesk.guides.documents.guide import DPI, render_guide
from branchdesk.guides.entries import Annotation, GuideDoc, StepDoc
from branchdesk.i18n import tr
from branchdesk.io.pdf.layout import PAGE_HEIGHT
from tests.unit.guides.test_annotations import cjk_font_path, encoded, fractions, laplacian_variance

A4 = (595.3, 841.9)
PRINTED = date(2026, 11, 22)
BRANCH = "宁波江北网点"
SCREEN = (1280, 720)
CUSTOMER_BOX = (300, 180, 900, 420)  # px on SCREEN: the rows of customer data
TOOLBAR_BOX = (40, 60, 640, 120)  # px on SCREEN: stays sharp


class Cancelled(Exception):
    pass


def screenshot(seed: int, size: tuple[int, int] = SCREEN) -> bytes:
    """A screen-like PNG: a dark title bar, a toolbar and rows of waybills and phones."""
    image = Image.new("RGB", size, (246, 247, 249))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(cjk_font_path(), 18)
    draw.rectangle((0, 0, size[0], 40), fill=(32, 86, 160))
    draw.text((12, 8), f"总部客服系统 第{seed}屏", font=font, fill="white")
    for i, label in enumerate(("查询", "导出", "打印", "登记问题件")):
        draw.rectangle((40 + i * 150, 64, 170 + i * 150, 112), outline="black", width=2)
        draw.text((56 + i * 150, 76), label, font=font, fill="black")
    for row in range(20):
        y = 140 + row * 26
        draw.text(
            (40, y),
            f"7731{seed:02d}{row:06d}  张伟  1381234{row:04d}  江北区人民路{row}号",
            font=font,
            fill="black",
        )
    return encoded(image)


def sample_guide(**kw: Any) -> GuideDoc:
    steps = (
        StepDoc(
            1,
            "S1M 打开总部客服系统，在左侧菜单点击“运单查询”，等列表出来再继续。",
            tip="列表里的电话是客户信息，不要拍照外传。",
            image=screenshot(1),
            annotations=(
                Annotation("rect", **fractions(TOOLBAR_BOX, SCREEN), color="#1e88e5"),
                Annotation("number", 0.05, 0.12, label="1"),
                Annotation("blur", **fractions(CUSTOMER_BOX, SCREEN)),
            ),
        ),
        StepDoc(
            2,
            "S2M 在日期框选择今天的日期，其他条件保持默认，不要修改。",
            tip="W2M 改了网点代码会查到别的网点的运单，处理错了要罚款。",
            tip_kind="warning",
        ),
        StepDoc(
            3,
            "S3M 点击“导出”，文件保存到桌面的“每日运单”文件夹。",
            image=screenshot(3),
            annotations=(
                Annotation("arrow", 0.6, 0.6, -0.2, -0.45),
                Annotation("text", 0.62, 0.62, label="点这里导出"),
            ),
        ),
    )
    fields: dict[str, Any] = {
        "title": "查询当天派件",
        "category": "客服系统",
        "steps": steps,
        "owner": "王芳",
        "reviewed": date(2026, 9, 1),
        "review_by": date(2027, 3, 1),
        "version": 3,
        "summary": "新人第一周用：查到当天的派件。",
    }
    fields.update(kw)
    return GuideDoc(**fields)


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squash(text: str) -> str:
    return "".join(text.split())


def placed(path: Path) -> list[list[tuple[float, str]]]:
    """Per page, top to bottom: ("S3M"-style step markers | "image") with their top."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            items = [
                (float(w["top"]), m.group(0))
                for w in page.extract_words()
                for m in [re.search(r"S\d+M", w["text"])]
                if m
            ]
            items += [(float(i["top"]), "image") for i in page.images]
            pages.append(sorted(items))
    return pages


def embedded_images(path: Path) -> list[Image.Image]:
    return [
        Image.open(io.BytesIO(image.data)).convert("RGB")
        for page in PdfReader(path).pages
        for image in page.images
    ]


def scaled_box(box: tuple[int, int, int, int], size: tuple[int, int]) -> tuple[int, int, int, int]:
    """`box` (px on SCREEN) on an image of `size`, shrunk by 3 px for JPEG's 8×8 blocks."""
    sx, sy = size[0] / SCREEN[0], size[1] / SCREEN[1]
    left, top, right, bottom = box
    return (
        round(left * sx) + 3,
        round(top * sy) + 3,
        round(right * sx) - 3,
        round(bottom * sy) - 3,
    )


# ---------------------------------------------------------------- contents


def test_guide_is_a4_with_searchable_chinese_and_a_title_block(tmp_path: Path) -> None:
    guide = sample_guide()
    pdf = tmp_path / "guide.pdf"
    pages = render_guide(guide, pdf, branch=BRANCH, printed=PRINTED)
    reader = PdfReader(pdf)
    assert pages == len(reader.pages) >= 2
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)
    all_pages = texts(pdf)
    text = squash("".join(all_pages))
    first = squash(all_pages[0])
    for needle in (
        guide.title,
        guide.summary,
        guide.category,
        guide.owner,
        "2026-09-01",
        "2027-03-01",
        tr("Last reviewed"),
        tr("Review by"),
    ):
        assert squash(needle) in first, needle
    for step in guide.steps:
        assert squash(step.instruction) in text
        if step.tip:
            assert squash(step.tip) in text
    assert squash(tr("Warning")) in text and squash(tr("Tip")) in text
    assert squash(tr("Sample guide")) not in text
    assert f"{BRANCH} · {guide.title}" in all_pages[0]  # the running head
    assert tr("Page {page} of {pages}", page=pages, pages=pages) in all_pages[-1]
    assert tr("Version {version}", version=3) in all_pages[-1]


def test_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    pdf = tmp_path / "guide.pdf"
    render_guide(sample_guide(), pdf, printed=PRINTED)
    seen = set()
    for page in PdfReader(pdf).pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            seen.add(font["/BaseFont"])
            assert re.fullmatch(r"/[A-Z]{6}\+\S+", font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert seen


def test_steps_are_numbered_in_order_beside_their_instruction(tmp_path: Path) -> None:
    pdf = tmp_path / "guide.pdf"
    render_guide(sample_guide(), pdf, printed=PRINTED)
    numbers = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            markers = {
                w["text"][:3]: w for w in page.extract_words() if re.match(r"S\dM", w["text"])
            }
            for c in page.chars:
                if round(c["size"]) == 14 and c["text"].isdigit():
                    numbers.append(c["text"])
                    # Level with its instruction's first line, left of it.
                    marker = markers[f"S{c['text']}M"]
                    assert abs(c["top"] - marker["top"]) < 12
                    assert c["x1"] < marker["x0"]
    assert numbers == ["1", "2", "3"]


def test_only_steps_with_a_screenshot_have_an_image(tmp_path: Path) -> None:
    pdf = tmp_path / "guide.pdf"
    render_guide(sample_guide(), pdf, printed=PRINTED)
    reader = PdfReader(pdf)
    assert sum(len(page.images) for page in reader.pages) == 2
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources.get("/XObject", {}).values():
            image = ref.get_object()
            filters = image["/Filter"]
            assert "/DCTDecode" in (filters if isinstance(filters, list) else [filters])


def test_a_step_and_its_image_are_never_split(tmp_path: Path) -> None:
    base = sample_guide().steps
    steps = []
    for n in range(1, 10):
        model = base[(n - 1) % 3]
        instruction = re.sub(r"S\dM", f"S{n}M", model.instruction)
        # Some steps with longer text, so the page breaks fall at different places.
        instruction += "核对收件人、电话和地址后再继续。" * (n % 4)
        steps.append(replace(model, number=n, instruction=instruction))
    guide = sample_guide(steps=tuple(steps))
    pdf = tmp_path / "long.pdf"
    pages = render_guide(guide, pdf, printed=PRINTED)
    assert pages >= 4
    layout = placed(pdf)
    seen = []
    for items in layout:
        kinds = [kind for _, kind in items]
        for i, kind in enumerate(kinds):
            if kind == "image":
                # Every image follows its own step's marker on the same page...
                assert i > 0 and kinds[i - 1] != "image"
            else:
                seen.append(kind)
                step = steps[int(kind[1:-1]) - 1]
                # ...and a step with a screenshot has it right after its text.
                if step.image:
                    assert kinds[i + 1 : i + 2] == ["image"], (kind, kinds)
    assert seen == [f"S{n}M" for n in range(1, 10)]


def test_wide_screenshots_give_two_steps_a_page(tmp_path: Path) -> None:
    steps = tuple(
        StepDoc(n, f"S{n}M 第{n}步：点击“查询”。", image=screenshot(n, (1920, 1080)))
        for n in range(1, 7)
    )
    pdf = tmp_path / "wide.pdf"
    pages = render_guide(sample_guide(steps=steps), pdf, printed=PRINTED)
    assert pages == 4  # the title block and step 1, then two steps on each page
    assert [len(items) for items in placed(pdf)] == [2, 4, 4, 2]


def test_images_fit_the_width_and_at_most_55_percent_of_the_page(tmp_path: Path) -> None:
    steps = (
        StepDoc(1, "S1M 手机截图。", image=screenshot(1, (1080, 2340))),
        StepDoc(2, "S2M 宽屏截图。", image=screenshot(2, (2560, 1080))),
        StepDoc(3, "S3M 一小块区域的截图。", image=screenshot(3, (240, 120))),
    )
    pdf = tmp_path / "sizes.pdf"
    render_guide(sample_guide(steps=steps), pdf, printed=PRINTED)
    with pdfplumber.open(pdf) as doc:
        frames = [image for page in doc.pages for image in page.images]
        page_width = float(doc.pages[0].width)
    tall, wide, small = frames
    assert tall["height"] <= 0.55 * PAGE_HEIGHT + 0.5
    assert tall["width"] / tall["height"] == pytest.approx(1080 / 2340, rel=0.01)
    assert wide["x1"] <= page_width - 15 * 72 / 25.4 + 0.5  # inside the right margin
    assert wide["width"] / wide["height"] == pytest.approx(2560 / 1080, rel=0.01)
    # A small capture is not blown up into a blurry page-wide picture.
    assert small["width"] <= 240 * 72 / 96 * 1.25 + 0.5


def test_images_are_embedded_at_about_150_dpi(tmp_path: Path) -> None:
    steps = (StepDoc(1, "S1M 截图。", image=screenshot(1, (1920, 1080))),)
    pdf = tmp_path / "dpi.pdf"
    render_guide(sample_guide(steps=steps), pdf, printed=PRINTED)
    with pdfplumber.open(pdf) as doc:
        frame = doc.pages[0].images[0]
    (image,) = embedded_images(pdf)
    assert image.width == pytest.approx(frame["width"] / 72 * DPI, abs=2)
    assert image.width / image.height == pytest.approx(1920 / 1080, rel=0.01)


# ---------------------------------------------------------------- blur in the printed image


def test_blur_box_in_the_pdf_has_lost_its_detail(tmp_path: Path) -> None:
    guide = sample_guide()
    pdf = tmp_path / "guide.pdf"
    render_guide(guide, pdf, printed=PRINTED)
    printed = embedded_images(pdf)[0]  # step 1's screenshot
    original = (
        Image.open(io.BytesIO(guide.steps[0].image or b"")).convert("RGB").resize(printed.size)
    )
    customer = scaled_box(CUSTOMER_BOX, printed.size)
    assert laplacian_variance(original.crop(customer)) > 100
    assert laplacian_variance(printed.crop(customer)) < 0.05 * laplacian_variance(
        original.crop(customer)
    )
    # The rest of the screenshot is still sharp: the box, not the whole image, was blurred.
    below = scaled_box((40, 440, 900, 660), printed.size)
    assert laplacian_variance(printed.crop(below)) > 0.5 * laplacian_variance(original.crop(below))


# ---------------------------------------------------------------- other guides


def test_sample_guide_says_it_is_an_example_and_overdue_review_shows(tmp_path: Path) -> None:
    pdf = tmp_path / "sample.pdf"
    guide = sample_guide(is_sample=True, review_by=date(2026, 10, 1))
    render_guide(guide, pdf, printed=PRINTED)
    first = squash(texts(pdf)[0])
    assert squash(tr("Sample guide")) in first
    assert squash(tr("{date} (overdue)", date="2026-10-01")) in first


def test_guide_without_steps_still_prints_its_title(tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    assert render_guide(sample_guide(steps=()), pdf, printed=PRINTED) == 1
    text = squash(texts(pdf)[0])
    assert squash(tr("This guide has no steps yet.")) in text
    assert squash("查询当天派件") in text


def test_a_damaged_image_prints_a_note_instead_of_failing(tmp_path: Path) -> None:
    good = screenshot(1)
    steps = (
        StepDoc(1, "S1M 头坏了的图片。", image=b"not a picture at all"),
        StepDoc(2, "S2M 尾巴断了的图片。", image=good[: len(good) // 2]),
        StepDoc(3, "S3M 好的图片。", image=good),
    )
    pdf = tmp_path / "damaged.pdf"
    render_guide(sample_guide(steps=steps), pdf, printed=PRINTED)
    text = squash("".join(texts(pdf)))
    note = squash(
        tr("This step's image is damaged and cannot be printed. Replace it in the editor.")
    )
    assert text.count(note) == 2
    assert sum(len(p.images) for p in PdfReader(pdf).pages) == 1


def test_an_instruction_longer_than_a_page_still_prints(tmp_path: Path) -> None:
    long_text = "S1M " + "先核对收件人、电话和地址，再点击“登记问题件”并拍照上传。" * 120
    steps = (StepDoc(1, long_text, image=screenshot(1)), StepDoc(2, "S2M 完成。"))
    pdf = tmp_path / "long-step.pdf"
    assert render_guide(sample_guide(steps=steps), pdf, printed=PRINTED) >= 3
    assert squash("S2M 完成。") in squash("".join(texts(pdf)))


def test_same_guide_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_guide(sample_guide(), first, printed=PRINTED)
    render_guide(sample_guide(), second, printed=PRINTED)
    assert first.read_bytes() == second.read_bytes()


# ---------------------------------------------------------------- progress and cancel


def test_progress_counts_steps_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    render_guide(
        sample_guide(),
        tmp_path / "p.pdf",
        printed=PRINTED,
        progress=lambda d, t: calls.append((d, t)),
    )
    total = calls[-1][1]
    # At least the three instructions, the tip, the warning and the two screenshots.
    assert total >= 7 and len(calls) >= 7
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.parametrize("at", [1, 2])
def test_cancel_from_progress_leaves_no_file(tmp_path: Path, at: int) -> None:
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) >= at:
            raise Cancelled

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        render_guide(sample_guide(), out / "guide.pdf", printed=PRINTED, progress=progress)
    assert list(out.iterdir()) == []  # neither the PDF nor a temporary file


def test_cancel_keeps_an_older_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "guide.pdf"
    target.write_bytes(b"older")

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        render_guide(sample_guide(), target, printed=PRINTED, progress=cancel)
    assert target.read_bytes() == b"older"
    assert list(out.iterdir()) == [target]
