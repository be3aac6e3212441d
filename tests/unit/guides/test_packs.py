"""Guide packs: export at one branch, import at another; every broken pack imports nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from branchdesk.db.engine import Database, open_database
from branchdesk.guides import packs, service
from branchdesk.guides.entries import Annotation
from branchdesk.guides.models import Guide, GuideCategory, GuideImage, GuideStep
from branchdesk.guides.packs import PackError
from branchdesk.guides.service import StepData

MARKS = (
    Annotation("rect", 0.1, 0.2, 0.3, 0.1),
    Annotation("arrow", 0.8, 0.9, -0.2, -0.3, color="#1e63c6"),
    Annotation("number", 0.05, 0.05, label="1"),
    Annotation("text", 0.5, 0.5, label="点这里 Click"),
)


def picture(color: str, fmt: str = "PNG", size: tuple[int, int] = (240, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """The database of another branch."""
    folder = tmp_path / "other"
    folder.mkdir()
    database = open_database(folder / "x.sqlite3")
    yield database
    database.dispose()


def make_guide(db: Database, title: str = "月结对账", category: str = "财务") -> int:
    with db.session() as s:
        gid = service.create_guide(s, title, category, owner="李经理")
        data = service.get_guide(s, gid)
        shot = service.store_image(s, picture("white")).sha256
        photo = service.store_image(s, picture("orange", "JPEG")).sha256
        data.summary = "每月 3 号前核对总部账单"
        data.steps = [
            StepData("打开总部财务系统，点“账单”", "用网点主账号登录", "tip", shot, MARKS),
            StepData("核对本月的派费", "金额不对先别确认", "warning", photo, MARKS[:2]),
            StepData("点“确认”", image=shot, annotations=(MARKS[2],)),
            StepData("把对账单打印出来交给老板"),
        ]
        service.save_guide(s, gid, data, who="李经理")
    return gid


def pack_of(db: Database, tmp_path: Path, **guide: str) -> Path:
    gid = make_guide(db, **guide)
    path = tmp_path / "pack.zip"
    with db.session() as s:
        assert packs.export_pack(s, gid, path) == 2
    return path


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Guide)) or 0,
            s.scalar(select(func.count()).select_from(GuideStep)) or 0,
            s.scalar(select(func.count()).select_from(GuideImage)) or 0,
            s.scalar(select(func.count()).select_from(GuideCategory)) or 0,
        )


# --- round trip ---------------------------------------------------------------------------


def test_a_pack_made_at_one_branch_opens_unchanged_at_another(
    db: Database, other: Database, tmp_path: Path
) -> None:
    gid = make_guide(db)
    path = tmp_path / "月结对账.zip"
    with db.session() as s:
        assert packs.export_pack(s, gid, path) == 2
        mine = service.guide_doc(s, gid)
    with zipfile.ZipFile(path) as zf:
        names = sorted(zf.namelist())
        document = json.loads(zf.read("guide.json"))
    assert names[0] == "guide.json" and len(names) == 3  # each image once
    assert {n.rsplit(".", 1)[1] for n in names[1:]} == {"png", "jpg"}
    assert document["format"] == "branchdesk-guide-pack" and document["format_version"] == 1
    assert document["guide"]["steps"][0]["annotations"][1]["kind"] == "arrow"
    assert not list(tmp_path.glob("*.tmp"))

    with other.session() as s:
        new_id = packs.import_pack(s, path, who="王店长")
    with other.session() as s:
        theirs = service.guide_doc(s, new_id)
        info = service.search_guides(s)[0]
        assert service.versions(s, new_id)[0].who == "王店长"
    assert (theirs.title, theirs.category, theirs.owner, theirs.summary) == (
        mine.title,
        mine.category,
        mine.owner,
        mine.summary,
    )
    assert theirs.steps == mine.steps  # text, tips, annotations and image bytes
    assert info.is_sample is False and info.steps == 4
    assert counts(other)[2] == 2


def test_an_import_keeps_the_guide_already_there_and_reuses_its_images(
    db: Database, tmp_path: Path
) -> None:
    path = pack_of(db, tmp_path)
    with db.session() as s:
        first = packs.import_pack(s, path)
        second = packs.import_pack(s, path)
    with db.session() as s:
        titles = sorted(g.title for g in service.search_guides(s))
        assert service.get_guide(s, first).steps == service.get_guide(s, second).steps
    assert titles == ["月结对账", "月结对账 (导入 2)", "月结对账 (导入)"]
    assert counts(db)[2] == 2  # no image stored twice


def test_a_category_the_library_lacks_is_created(
    db: Database, other: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        service.add_category(s, "驿站")
    path = pack_of(db, tmp_path, category="驿站")
    with other.session() as s:
        new_id = packs.import_pack(s, path)
    with other.session() as s:
        names = [c.name for c in service.list_categories(s)]
        assert service.get_guide(s, new_id).category == "驿站"
    assert names == ["客服系统", "财务", "操作", "其他", "驿站"]


def test_export_replaces_a_file_whole_and_a_missing_guide_writes_nothing(
    db: Database, tmp_path: Path
) -> None:
    path = pack_of(db, tmp_path)
    before = path.read_bytes()
    with db.session() as s, pytest.raises(service.GuideError):
        packs.export_pack(s, 999, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "pack.zip"]
    assert packs.suggested_file_name('财务/月结: "对账"') == "财务 月结 对账.zip"


# --- bad packs ----------------------------------------------------------------------------

Edit = Callable[[dict[str, bytes]], None]


def rewrite(path: Path, edit: Edit) -> Path:
    """The pack at `path` with its members changed by `edit` (name → bytes)."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    edit(members)
    broken = path.with_name("broken.zip")
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return broken


def edit_json(change: Callable[[dict[str, Any]], None]) -> Edit:
    def edit(members: dict[str, bytes]) -> None:
        document = json.loads(members["guide.json"])
        change(document)
        members["guide.json"] = json.dumps(document, ensure_ascii=False).encode()

    return edit


def images(members: dict[str, bytes]) -> list[str]:
    return sorted(n for n in members if n.startswith("images/"))


def drop_guide_json(m: dict[str, bytes]) -> None:
    del m["guide.json"]


def bad_json(m: dict[str, bytes]) -> None:
    m["guide.json"] = b'{"format": "branchdesk-guide-pack", '


def wrong_format(d: dict[str, Any]) -> None:
    d["format"] = "someone-elses-pack"


def newer_version(d: dict[str, Any]) -> None:
    d["format_version"] = 2


def drop_image(m: dict[str, bytes]) -> None:
    del m[images(m)[0]]


def swap_image(m: dict[str, bytes]) -> None:
    m[images(m)[0]] = picture("black")


def damaged_image(m: dict[str, bytes]) -> None:
    """A truncated PNG under its own hash: the bytes arrived as sent, the picture is bad."""
    name = images(m)[0]
    bad = m.pop(name)[:-40]
    sha = hashlib.sha256(bad).hexdigest()
    m[f"images/{sha}.png"] = bad

    def point(d: dict[str, Any]) -> None:
        for step in d["guide"]["steps"]:
            if step["image"] and name.endswith(step["image"] + ".png"):
                step["image"] = sha

    edit_json(point)(m)


def unsupported_image(m: dict[str, bytes]) -> None:
    name = images(m)[0]
    tiff = picture("white", "TIFF")
    sha = hashlib.sha256(tiff).hexdigest()
    del m[name]
    m[f"images/{sha}.png"] = tiff
    old = name.split("/")[1].split(".")[0]

    def point(d: dict[str, Any]) -> None:
        for step in d["guide"]["steps"]:
            if step["image"] == old:
                step["image"] = sha

    edit_json(point)(m)


def bad_annotation(d: dict[str, Any]) -> None:
    d["guide"]["steps"][1]["annotations"][0]["kind"] = "circle"


def no_instruction(d: dict[str, Any]) -> None:
    d["guide"]["steps"][2]["instruction"] = "  "


def traversal(m: dict[str, bytes]) -> None:
    m["../../Windows/evil.png"] = picture("red")


def no_title(d: dict[str, Any]) -> None:
    d["guide"]["title"] = ""


BAD_PACKS: list[tuple[str, Edit, str]] = [
    ("no guide.json", drop_guide_json, "holds no guide.json"),
    ("invalid JSON", bad_json, "guide.json is not valid JSON (it is wrong at line 1, column"),
    ("another format", edit_json(wrong_format), "format “someone-elses-pack”"),
    ("newer version", edit_json(newer_version), "made by a newer BranchDesk (pack format 2"),
    ("missing image", drop_image, "is missing from the pack"),
    ("image not its hash", swap_image, "does not match its name"),
    ("damaged image", damaged_image, "cannot be used: The image is damaged"),
    ("unsupported image", unsupported_image, "TIFF images are not supported"),
    ("bad annotation", edit_json(bad_annotation), "annotations of step 2 are not valid"),
    ("no instruction", edit_json(no_instruction), "step 3 has no instruction"),
    ("path traversal", traversal, "unsafe name (../../Windows/evil.png)"),
    ("no title", edit_json(no_title), "“title” in guide.json is missing"),
]


def assert_refused(db: Database, path: Path, expected: str) -> str:
    before = counts(db)
    # The error is caught inside the session, which then commits: whatever import_pack
    # had written would stay, so nothing may have been written at all.
    with db.session() as s:
        with pytest.raises(PackError) as caught:
            packs.import_pack(s, path)
        s.flush()
    message = str(caught.value)
    assert path.name in message and expected in message, message
    assert counts(db) == before
    return message


@pytest.mark.parametrize(
    ("edit", "expected"), [c[1:] for c in BAD_PACKS], ids=[c[0] for c in BAD_PACKS]
)
def test_a_broken_pack_says_what_is_wrong_and_imports_nothing(
    db: Database, other: Database, tmp_path: Path, edit: Edit, expected: str
) -> None:
    broken = rewrite(pack_of(db, tmp_path), edit)
    assert "Nothing was imported" in assert_refused(other, broken, expected)


def test_a_file_that_is_no_zip_or_a_damaged_one_is_refused(
    db: Database, other: Database, tmp_path: Path
) -> None:
    text = tmp_path / "说明.zip"
    text.write_text("这不是指南包", encoding="utf-8")
    assert_refused(other, text, "is not a BranchDesk guide pack: it is not a .zip file")

    good = pack_of(db, tmp_path)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:-300])  # the end of the zip (its directory) is lost
    assert_refused(other, cut, "not a .zip file, or it is damaged")

    # A byte changed inside guide.json's compressed data: its checksum no longer matches.
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("guide.json")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 20] ^= 0xFF
    flipped = tmp_path / "flipped.zip"
    flipped.write_bytes(bytes(data))
    assert_refused(other, flipped, "it is damaged")

    with other.session() as s, pytest.raises(PackError, match="Cannot read the guide pack"):
        packs.import_pack(s, tmp_path / "nowhere.zip")


def test_oversized_entries_are_refused_before_they_are_unpacked(
    db: Database, other: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = pack_of(db, tmp_path)

    def bomb(m: dict[str, bytes]) -> None:
        # 60 MB of zeros packs into about 60 KB: it must not be unpacked to find out.
        name = images(m)[0]
        m[name] = bytes(60 * 1024 * 1024)

    assert_refused(other, rewrite(good, bomb), "is too large (60.0 MB; at most 50 MB)")
    monkeypatch.setattr(packs, "MAX_TOTAL_BYTES", 2000)
    assert_refused(other, good, "its contents are too large")


def test_customer_data_under_a_blur_box_leaves_the_branch_blurred(
    db: Database, other: Database, tmp_path: Path
) -> None:
    from PIL import ImageDraw, ImageFilter, ImageStat

    # Black and white stripes stand for a customer's phone number.
    image = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(image)
    for x in range(200, 360, 4):
        draw.line((x, 40, x, 100), fill="black", width=2)
    out = io.BytesIO()
    image.save(out, "PNG")
    box = Annotation("blur", 0.5, 0.2, 0.4, 0.3)
    with db.session() as s:
        gid = service.create_guide(s, "登记投诉", "客服系统")
        data = service.get_guide(s, gid)
        sha = service.store_image(s, out.getvalue()).sha256
        data.steps = [StepData("看客户电话", image=sha, annotations=(box,))]
        service.save_guide(s, gid, data)
        path = tmp_path / "pack.zip"
        packs.export_pack(s, gid, path)
        original = service.image_bytes(s, sha)
    with zipfile.ZipFile(path) as zf:
        [name] = [n for n in zf.namelist() if n.startswith("images/")]
        packed = Image.open(io.BytesIO(zf.read(name))).convert("L")

    def edges(img: Image.Image) -> float:
        region = img.crop((200, 40, 360, 100)).filter(ImageFilter.FIND_EDGES)
        return float(ImageStat.Stat(region).mean[0])

    before = edges(Image.open(io.BytesIO(original)).convert("L"))
    assert edges(packed) < 0.05 * before  # the stripes are gone in the pack
    assert original == out.getvalue()  # our own copy is untouched
    with other.session() as s:
        theirs = service.get_guide(s, packs.import_pack(s, path))
    assert theirs.steps[0].annotations == (box,)  # still a blur box they can move


def test_a_deeply_nested_guide_json_is_refused_with_a_message(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "deep.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("guide.json", "[" * 100000)
    with db.session() as s, pytest.raises(PackError, match=r"guide\.json"):
        packs.import_pack(s, path)


# --- what a pack's text may hold ---------------------------------------------------------


def _set(field: str, value: str, step: int | None = None) -> Edit:
    def change(d: dict[str, Any]) -> None:
        target = d["guide"] if step is None else d["guide"]["steps"][step - 1]
        target[field] = value

    return edit_json(change)


TOO_LONG: list[tuple[str, Edit, str]] = [
    (
        "step",
        _set("instruction", "点击查询。" * 600_000, step=2),
        "guide.json, guide “月结对账”, step 2: the instruction has 3,000,000 characters; "
        "at most 4,000 are allowed.",
    ),
    (
        "tip",
        _set("tip", "注" * 1001, step=1),
        "guide.json, guide “月结对账”, step 1: the tip has 1,001 characters; at most 1,000",
    ),
    (
        "title",
        _set("title", "长" * 121),
        "guide.json, guide “" + "长" * 40 + "…”: the title has 121 characters; at most 120",
    ),
    ("owner", _set("owner", "李" * 41), "the owner has 41 characters; at most 40"),
    ("summary", _set("summary", "说" * 2001), "the summary has 2,001 characters; at most 2,000"),
    ("category", _set("category", "类" * 41), "the category has 41 characters; at most 40"),
]


@pytest.mark.parametrize(
    ("edit", "expected"), [c[1:] for c in TOO_LONG], ids=[c[0] for c in TOO_LONG]
)
def test_text_longer_than_a_guide_takes_is_refused_naming_where(
    db: Database, other: Database, tmp_path: Path, edit: Edit, expected: str
) -> None:
    assert_refused(other, rewrite(pack_of(db, tmp_path), edit), expected)


def test_a_step_of_the_longest_allowed_text_imports_and_prints_at_once(
    db: Database, other: Database, tmp_path: Path
) -> None:
    import time

    from branchdesk.guides.documents.guide import render_guide

    longest = ("在系统里点击查询按钮，然后核对运单号。" * 300)[: service.MAX_STEP_TEXT]
    tip = ("金额不对先别确认。" * 200)[: service.MAX_TIP]

    def longest_step(m: dict[str, bytes]) -> None:
        _set("instruction", longest, 2)(m)
        _set("tip", tip, 2)(m)

    path = rewrite(pack_of(db, tmp_path), longest_step)
    with other.session() as s:
        gid = packs.import_pack(s, path)
        doc = service.guide_doc(s, gid)
    assert doc.steps[1].instruction == longest
    started = time.perf_counter()
    assert render_guide(doc, tmp_path / "g.pdf", printed=doc.updated.date()) >= 3  # type: ignore[union-attr]
    assert time.perf_counter() - started < 10  # 0.3 s here; a 100,000-character step took 20 s


def test_an_editor_save_keeps_a_step_within_what_a_pack_takes(db: Database) -> None:
    gid = make_guide(db)
    with db.session() as s:
        data = service.get_guide(s, gid)
        data.steps[2] = StepData("点" * (service.MAX_STEP_TEXT + 1))
        with pytest.raises(service.GuideError, match="Step 3 is too long: at most 4000"):
            service.save_guide(s, gid, data)


NOT_TEXT: list[tuple[str, Edit, str]] = [
    (
        "NUL in the title",
        _set("title", "控制\x00字符"),
        "guide.json, guide “控制\\x00字符”: the title contains a control character (\\x00)",
    ),
    (
        "ESC in the category",
        _set("category", "操作\x1b[31m"),
        "guide “月结对账”: the category contains a control character (\\x1b)",
    ),
    (
        "right-to-left override in the owner",
        _set("owner", "李\u202e理经"),
        "the owner contains a control character (\\u202e)",
    ),
    (
        "DEL in a step",
        _set("instruction", "点\x7f确认", step=3),
        "guide “月结对账”, step 3: the instruction contains a control character (\\x7f)",
    ),
]


@pytest.mark.parametrize(
    ("edit", "expected"), [c[1:] for c in NOT_TEXT], ids=[c[0] for c in NOT_TEXT]
)
def test_control_characters_are_refused_naming_where(
    db: Database, other: Database, tmp_path: Path, edit: Edit, expected: str
) -> None:
    # "操作\x00" would otherwise become a second category that looks like 操作.
    assert_refused(other, rewrite(pack_of(db, tmp_path), edit), expected)


def test_line_breaks_and_tabs_in_a_step_are_text(
    db: Database, other: Database, tmp_path: Path
) -> None:
    path = rewrite(pack_of(db, tmp_path), _set("instruction", "先登录\n再点\t“账单”", step=1))
    with other.session() as s:
        gid = packs.import_pack(s, path)
        assert service.get_guide(s, gid).steps[0].instruction == "先登录\n再点\t“账单”"


# --- what a refused pack says ------------------------------------------------------------


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header states `width`×`height` (as a huge screenshot's would)."""
    import struct

    data = bytearray(picture("white"))
    ihdr = 8  # after the signature: length, b"IHDR", then the chunk's 13 bytes
    data[ihdr + 8 : ihdr + 16] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr + 4 : ihdr + 21]))
    data[ihdr + 21 : ihdr + 25] = struct.pack(">I", crc)
    return bytes(data)


def test_a_huge_screenshot_is_refused_with_its_size(
    db: Database, other: Database, tmp_path: Path
) -> None:
    huge = _png_claiming(20000, 20000)
    sha = hashlib.sha256(huge).hexdigest()

    def swap(m: dict[str, bytes]) -> None:
        old = images(m)[0].split("/")[1].split(".")[0]
        del m[images(m)[0]]
        m[f"images/{sha}.png"] = huge

        def point(d: dict[str, Any]) -> None:
            for step in d["guide"]["steps"]:
                if step["image"] == old:
                    step["image"] = sha

        edit_json(point)(m)

    message = assert_refused(other, rewrite(pack_of(db, tmp_path), swap), "too large")
    assert "(20000×20000 pixels; at most 8000×8000)" in message


def test_a_damaged_member_is_named_in_the_users_words(
    db: Database, other: Database, tmp_path: Path
) -> None:
    good = pack_of(db, tmp_path)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("images/"))
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 100] ^= 0xFF  # a byte of the stored picture: its CRC no longer matches
    flipped = tmp_path / "flipped.zip"
    flipped.write_bytes(bytes(data))
    message = assert_refused(other, flipped, f"it is damaged: {info.filename} in it")
    assert "Bad CRC" not in message  # zipfile's English words stay out of the message


def test_a_guide_json_saved_by_notepad_with_a_byte_order_mark_imports(
    db: Database, other: Database, tmp_path: Path
) -> None:
    def bom(m: dict[str, bytes]) -> None:
        m["guide.json"] = b"\xef\xbb\xbf" + m["guide.json"]

    path = rewrite(pack_of(db, tmp_path), bom)
    with other.session() as s:
        gid = packs.import_pack(s, path)
        assert service.get_guide(s, gid).title == "月结对账"
