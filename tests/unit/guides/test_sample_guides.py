"""The sample guides: three guides from BranchDesk's own screens, loaded once, printable."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from branchdesk.db.engine import Database
from branchdesk.guides import sample, service
from branchdesk.guides.annotations import check_image
from branchdesk.guides.documents.guide import render_guide
from branchdesk.guides.models import GuideImage
from branchdesk.guides.service import GuideError
from branchdesk.sample import load_sample_branch

TITLES = {"导入今天的运单": "操作", "登记一条投诉": "客服系统", "打印车载处罚单": "操作"}


def test_three_sample_guides_load_once_with_screenshots_and_marks(db: Database) -> None:
    with db.session() as s:
        assert not sample.has_sample_guides(s)
        summary = sample.load_sample_guides(s)
    assert summary == (
        "Loaded 3 sample guides (11 steps). They are examples: "
        "write your branch's own guides to the HQ system under 操作指南."
    )
    with db.session() as s:
        infos = service.search_guides(s)
        assert {i.title: i.category for i in infos} == TITLES
        assert all(i.is_sample and i.owner == sample.SAMPLE_OWNER for i in infos)
        docs = {i.title: service.guide_doc(s, i.id) for i in infos}
        images = s.scalar(select(func.count()).select_from(GuideImage))
        assert sample.has_sample_guides(s)
        with pytest.raises(GuideError, match="already loaded"):
            sample.load_sample_guides(s)
    assert images == 11
    for doc in docs.values():
        assert doc.summary and 3 <= len(doc.steps) <= 5
        assert any(step.tip for step in doc.steps)
        for step in doc.steps:
            assert step.image is not None
            assert check_image(step.image) == (1280, 800, "PNG")
            assert 1 <= len(step.annotations) <= 3
            for a in step.annotations:
                assert 0 <= a.x <= 1 and 0 <= a.y <= 1
                assert 0 <= a.x + a.w <= 1 and 0 <= a.y + a.h <= 1
    kinds = {a.kind for doc in docs.values() for step in doc.steps for a in step.annotations}
    assert kinds == {"rect", "number", "text", "blur"}
    assert any(a.kind == "blur" for step in docs["登记一条投诉"].steps for a in step.annotations)


def test_the_screenshots_ship_with_the_package_and_stay_small() -> None:
    folder = resources.files("branchdesk.resources").joinpath("sample", "guides")
    shipped = {p.name for p in folder.iterdir() if p.name.endswith(".png")}
    used = {step.image for guide in sample.sample_guides() for step in guide.steps}
    assert shipped == used == set(sample.TARGETS)
    total = sum(len(sample.sample_image(name)) for name in shipped)
    assert total < 1_500_000


def test_the_sample_branch_brings_the_guides_when_the_library_is_empty(db: Database) -> None:
    with db.session() as s:
        summary = load_sample_branch(s, waybills=20)
    assert "3 sample guides" in summary
    with db.session() as s:
        assert len(service.search_guides(s)) == 3


def test_the_sample_branch_leaves_a_library_alone(db: Database) -> None:
    with db.session() as s:
        service.create_guide(s, "开网点的第一天", "其他")
        summary = load_sample_branch(s, waybills=20)
        assert "sample guides" not in summary
        assert not sample.has_sample_guides(s)
        assert [g.title for g in service.search_guides(s)] == ["开网点的第一天"]


def test_a_sample_guide_prints(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        sample.load_sample_guides(s)
        doc = service.guide_doc(s, service.find_guide(s, "登记一条投诉"))
    out = tmp_path / "投诉.pdf"
    pages = render_guide(doc, out, branch="示例网点", printed=date(2026, 11, 22))
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert pages == len(reader.pages) >= 2
    for word in ("登记一条投诉", "新建投诉", "到期提醒", "截图、拍照发群之前先打码"):
        assert word in text.replace("\n", ""), word
