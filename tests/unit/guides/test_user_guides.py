"""BranchDesk's own user guides (帮助 › 使用指南): shipped, readable, true to the screens."""

from __future__ import annotations

import io
import re
import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from branchdesk.guides.user_guides import user_guide_image, user_guides

ROOT = Path(__file__).resolve().parents[3]
QUOTED = re.compile(r"“([^”]+)”")


def _screen_texts() -> set[str]:
    """Every Chinese text BranchDesk shows: its translations (accelerators, placeholders and
    a trailing colon stripped), and the installer's texts."""
    texts = set()
    for message in ET.parse(ROOT / "resources/translations/zh_CN.ts").iter("message"):
        text = message.findtext("translation") or ""
        text = re.sub(r"\(&.\)", "", text)
        texts.add(text)
        texts.add(re.sub(r"[：:]?\{[^}]*\}.*$", "", text).strip())
    return texts


def test_the_six_guides_are_shipped_and_their_pictures_open() -> None:
    guides = user_guides()
    assert [g.title for g in guides] == [
        "查地址",
        "登记投诉",
        "打印车载单",
        "打印考卷",
        "导入本网点的表",
        "备份与换电脑",
    ]
    for guide in guides:
        assert guide.summary and guide.steps
        for step in guide.steps:
            assert step.instruction.strip()
            if step.image:
                with Image.open(io.BytesIO(user_guide_image(step.image))) as im:
                    assert im.width > 0


def test_every_name_in_quotes_is_a_control_as_the_user_sees_it() -> None:
    """“查件”, “打印…”, “全不选”: each is the Chinese text of a control, menu or field."""
    texts = _screen_texts()
    installer = (ROOT / "installer/branchdesk.nsi").read_text(encoding="utf-8")
    unknown = []
    for guide in user_guides():
        for n, step in enumerate(guide.steps, start=1):
            for name in QUOTED.findall(step.instruction + step.tip):
                if name not in texts and name not in installer:
                    unknown.append(f"{guide.title} step {n}: “{name}”")
    assert unknown == []


def test_the_shipped_file_is_what_the_tool_writes() -> None:
    """resources/help/user_guides.json is made by tools/make_user_guides.py: edit the tool."""
    import json

    tool = runpy.run_path(str(ROOT / "tools/make_user_guides.py"), run_name="not_main")
    shipped = json.loads((ROOT / "resources/help/user_guides.json").read_text(encoding="utf-8"))
    assert shipped == tool["document"]()
