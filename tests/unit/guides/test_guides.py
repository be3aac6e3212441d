"""Guide services on a temporary DB: library, review dates, flags, versions, images."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import func, select

from branchdesk.db.engine import Database
from branchdesk.guides import service
from branchdesk.guides.entries import Annotation
from branchdesk.guides.models import GuideImage
from branchdesk.guides.service import GuideError, StepData
from branchdesk.permissions import PermissionDenied, set_policy

TODAY = date(2026, 11, 22)


def png(color: str, size: tuple[int, int] = (320, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def _guide(db: Database, title: str = "导入今天的运单", steps: int = 2) -> int:
    with db.session() as s:
        gid = service.create_guide(s, title, "客服系统", owner="李经理", today=TODAY)
        data = service.get_guide(s, gid)
        ref = service.store_image(s, png("white"))
        data.steps = [
            StepData(
                f"第{n}步：点击“导入”",
                tip="先选对文件" if n == 1 else "",
                image=ref.sha256,
                annotations=(Annotation("rect", 0.1, 0.1, 0.3, 0.2),),
            )
            for n in range(1, steps + 1)
        ]
        service.save_guide(s, gid, data, who="李经理", summary="steps")
    return gid


def test_a_new_guide_is_due_for_review_in_six_months(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        [info] = service.search_guides(s)
        assert (info.id, info.steps, info.version) == (gid, 2, 2)
        assert info.review_by == date(2027, 5, 22)
        assert service.needs_review(s, date(2027, 5, 21)) == []
        assert [g.id for g in service.needs_review(s, date(2027, 5, 22))] == [gid]
        service.mark_reviewed(s, gid, "李经理", today=date(2027, 6, 1))
        assert service.needs_review(s, date(2027, 6, 2)) == []
    assert service.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_search_finds_words_of_titles_and_steps(db: Database) -> None:
    a = _guide(db, "导入今天的运单")
    b = _guide(db, "登记一条投诉")
    with db.session() as s:
        assert {g.id for g in service.search_guides(s, "导入")} == {a, b}  # b's steps say 导入
        assert [g.id for g in service.search_guides(s, "投诉")] == [b]
        assert [g.id for g in service.search_guides(s, "选对文件 登记")] == [b]
        assert service.search_guides(s, "没有这个词") == []


def test_the_same_image_is_stored_once(db: Database) -> None:
    with db.session() as s:
        first = service.store_image(s, png("red"))
        again = service.store_image(s, png("red"))
        other = service.store_image(s, png("blue"))
        assert first == again and first.sha256 != other.sha256
        assert s.scalar(select(func.count()).select_from(GuideImage)) == 2
        with pytest.raises(GuideError):
            service.store_image(s, b"not an image at all")


def test_saving_keeps_versions_and_an_old_one_can_be_restored(db: Database) -> None:
    gid = _guide(db, steps=3)
    with db.session() as s:
        data = service.get_guide(s, gid)
        data.steps = data.steps[:1]
        data.title = "导入运单（新版）"
        service.save_guide(s, gid, data, who="小王", summary="shortened")
        history = service.versions(s, gid)
        assert [(v.version, v.steps, v.who) for v in history] == [
            (3, 1, "小王"),
            (2, 3, "李经理"),
            (1, 0, ""),
        ]
        version = service.restore_version(s, gid, 2, who="李经理")
        restored = service.get_guide(s, gid)
    assert version == 4
    assert restored.title == "导入今天的运单" and len(restored.steps) == 3
    assert restored.steps[0].annotations == (Annotation("rect", 0.1, 0.1, 0.3, 0.2),)


def test_saving_over_a_newer_version_is_refused(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        mine = service.get_guide(s, gid)
        theirs = service.get_guide(s, gid)
        service.save_guide(s, gid, theirs, who="小王")
        with pytest.raises(GuideError, match="changed elsewhere"):
            service.save_guide(s, gid, mine, who="小李")


def test_a_step_needs_an_instruction(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        data = service.get_guide(s, gid)
        data.steps.append(StepData("  "))
        with pytest.raises(GuideError, match="Step 3"):
            service.save_guide(s, gid, data)


def test_readers_flag_outdated_steps_and_the_owner_resolves_them(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        flag = service.flag_step(s, gid, 2, "按钮改名为“批量导入”了", who="小王")
        with pytest.raises(GuideError, match="no step 9"):
            service.flag_step(s, gid, 9, "x")
        with pytest.raises(GuideError, match="outdated"):
            service.flag_step(s, gid, 1, " ")
        [info] = service.search_guides(s)
        assert info.open_flags == 1
        assert [f.comment for f in service.flags(s)] == ["按钮改名为“批量导入”了"]
        service.resolve_flag(s, flag.id, who="李经理")
        assert service.flags(s) == []
        assert len(service.flags(s, open_only=False)) == 1


def test_the_guide_as_a_document_carries_its_images(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        doc = service.guide_doc(s, gid)
        assert doc.title == "导入今天的运单" and len(doc.steps) == 2
        assert doc.steps[0].image is not None and doc.steps[0].image.startswith(b"\x89PNG")
        assert doc.steps[0].tip == "先选对文件"
        assert service.find_guide(s, "导入今天的运单") == gid
        assert service.find_guide(s, str(gid)) == gid
        with pytest.raises(GuideError):
            service.find_guide(s, "没有")


def test_deleting_a_guide_is_an_owner_level_action(db: Database) -> None:
    gid = _guide(db)
    set_policy(lambda action: False)
    try:
        with db.session() as s, pytest.raises(PermissionDenied):
            service.delete_guide(s, gid)
    finally:
        set_policy(None)
    with db.session() as s:
        service.delete_guide(s, gid)
        assert service.search_guides(s) == []


def test_categories_can_be_added_renamed_and_deleted_when_empty(db: Database) -> None:
    with db.session() as s:
        names = [c.name for c in service.list_categories(s)]
        assert names == list(service.DEFAULT_CATEGORIES)
        info = service.add_category(s, "财务系统")
        service.rename_category(s, info.id, "网点财务")
        with pytest.raises(GuideError, match="already"):
            service.add_category(s, "网点财务")
        service.delete_category(s, info.id)
    gid = _guide(db)
    with db.session() as s:
        used = next(c for c in service.list_categories(s) if c.name == "客服系统")
        with pytest.raises(GuideError, match="1 guide"):
            service.delete_category(s, used.id)
        assert gid


def test_a_png_cut_short_inside_intact_checksums_is_refused(db: Database) -> None:
    import struct
    import zlib

    raw = png("white", (200, 100))
    # Rebuild the IDAT chunk with half of its compressed pixels and a correct CRC.
    start = raw.index(b"IDAT") - 4
    length = struct.unpack(">I", raw[start : start + 4])[0]
    body = raw[start + 8 : start + 8 + length][: length // 2]
    chunk = struct.pack(">I", len(body)) + b"IDAT" + body
    chunk += struct.pack(">I", zlib.crc32(b"IDAT" + body) & 0xFFFFFFFF)
    damaged = raw[:start] + chunk + raw[start + 12 + length :]
    with db.session() as s, pytest.raises(GuideError):
        service.store_image(s, damaged)


def test_a_renamed_category_does_not_stop_an_open_editor_saving(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        data = service.get_guide(s, gid)  # the editor holds "客服系统"
        cat = next(c for c in service.list_categories(s) if c.name == "客服系统")
        service.rename_category(s, cat.id, "总部客服系统")
        data.title = "导入运单"
        service.save_guide(s, gid, data)
        assert service.get_guide(s, gid).category == "总部客服系统"


def test_saving_anyway_over_a_newer_version_keeps_that_version_in_the_history(
    db: Database,
) -> None:
    gid = _guide(db)
    with db.session() as s:
        mine = service.get_guide(s, gid)
        service.restore_version(s, gid, 1)
        mine.title = "我的版本"
        version = service.save_guide(s, gid, mine, force=True)
        assert service.get_guide(s, gid).title == "我的版本"
        assert [v.version for v in service.versions(s, gid)][:3] == [version, version - 1, 2]


def test_images_nothing_uses_any_more_are_removed_with_the_guide(db: Database) -> None:
    gid = _guide(db)
    with db.session() as s:
        service.store_image(s, png("green"))  # pasted, then the editor was closed unsaved
        service.delete_guide(s, gid)
        assert s.scalar(select(func.count()).select_from(GuideImage)) == 0


def test_a_note_follows_its_step_when_steps_move(db: Database) -> None:
    gid = _guide(db, steps=3)
    with db.session() as s:
        service.flag_step(s, gid, 2, "按钮改名了")
        data = service.get_guide(s, gid)
        data.steps.insert(0, StepData("先登录总部系统"))
        service.save_guide(s, gid, data)
        [note] = service.flags(s)
    assert note.step_number == 3  # 第2步 moved down by one
