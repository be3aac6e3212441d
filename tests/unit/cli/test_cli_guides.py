"""Operation guides on the command line: print one, list them, export and import packs."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from branchdesk.cli import main
from branchdesk.db.engine import Database
from branchdesk.guides import service
from branchdesk.guides.entries import Annotation
from branchdesk.guides.sample import load_sample_guides
from branchdesk.guides.service import StepData


def run(*args: str) -> int:
    return main(list(args))


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")


def _guide(db: Database) -> int:
    out = io.BytesIO()
    Image.new("RGB", (400, 250), "white").save(out, "PNG")
    with db.session() as s:
        gid = service.create_guide(s, "月结对账", "财务", owner="李经理")
        data = service.get_guide(s, gid)
        image = service.store_image(s, out.getvalue()).sha256
        data.steps = [
            StepData("打开总部财务系统的账单页", "用网点主账号登录", "tip", image),
            StepData(
                "核对本月派费后点确认",
                "金额不对先别确认",
                "warning",
                image,
                (Annotation("rect", 0.1, 0.1, 0.2, 0.2),),
            ),
        ]
        service.save_guide(s, gid, data)
    return gid


def test_print_a_guide_by_id_or_title(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gid = _guide(db)
    by_id = tmp_path / "by-id.pdf"
    assert run("print", "guide", str(gid), "-o", str(by_id)) == 0
    assert "Wrote" in capsys.readouterr().out
    text = _text(by_id)
    for words in ("月结对账", "打开总部财务系统的账单页", "金额不对先别确认"):
        assert words in text
    by_title = tmp_path / "by-title.pdf"
    assert run("print", "guide", "月结对账", "-o", str(by_title)) == 0
    assert _text(by_title) == text


def test_print_a_sample_guide(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        load_sample_guides(s)
    out = tmp_path / "运单.pdf"
    assert run("print", "guide", "导入今天的运单", "-o", str(out)) == 0
    text = _text(out)
    assert "导入今天的运单" in text and "撤销选中的导入" in text


def test_print_guide_needs_a_known_guide(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert run("print", "guide", "-o", str(out)) == 2
    assert "print guide ID_OR_TITLE" in capsys.readouterr().err
    assert run("print", "guide", "没有这个指南", "-o", str(out)) == 1
    assert capsys.readouterr().err == (
        "No guide with the id or title “没有这个指南”. See them with: branchdesk guides list\n"
    )
    assert not out.exists()


def test_list_export_and_import_at_another_branch(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gid = _guide(db)
    assert run("guides", "list") == 0
    assert "月结对账" in capsys.readouterr().out
    assert run("guides", "list", "--json") == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["id"] == gid and item["steps"] == 2 and item["category"] == "财务"
    assert item["is_sample"] is False

    pack = tmp_path / "月结对账.zip"
    assert run("guides", "export", "月结对账", "-o", str(pack)) == 0
    assert "1 image(s)" in capsys.readouterr().out
    assert zipfile.is_zipfile(pack)

    other = str(tmp_path / "other-branch")
    assert run("--data-dir", other, "guides", "list") == 0
    assert capsys.readouterr().out == "No guides yet.\n"
    assert run("--data-dir", other, "guides", "import", str(pack)) == 0
    assert "Imported the guide “月结对账”" in capsys.readouterr().out
    assert run("--data-dir", other, "guides", "import", str(pack)) == 0
    assert "月结对账 (导入)" in capsys.readouterr().out
    assert run("--data-dir", other, "guides", "list", "--json") == 0
    titles = [g["title"] for g in json.loads(capsys.readouterr().out)]
    assert titles == ["月结对账", "月结对账 (导入)"]


def test_guides_commands_report_bad_input_and_usage(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_pack = tmp_path / "notes.zip"
    not_a_pack.write_text("hello", encoding="utf-8")
    assert run("guides", "import", str(not_a_pack)) == 1
    assert capsys.readouterr().err == (
        "notes.zip is not a BranchDesk guide pack: it is not a .zip file, or it is damaged. "
        "Nothing was imported.\n"
    )
    assert run("guides", "import", str(tmp_path / "missing.zip")) == 1
    assert "Cannot read the guide pack" in capsys.readouterr().err
    assert run("guides", "export", "42", "-o", str(tmp_path / "x.zip")) == 1
    assert not (tmp_path / "x.zip").exists()
    assert run("guides") == 2
    assert run("guides", "export", "1") == 2  # -o is required
    capsys.readouterr()


def test_print_a_guide_whose_title_has_a_slash(tmp_path: Path) -> None:
    from branchdesk.cli import main
    from branchdesk.db.engine import open_database
    from branchdesk.guides import service

    db = open_database()
    with db.session() as s:
        service.create_guide(s, "寄件/退件流程", "操作")
    db.dispose()
    out = tmp_path / "g.pdf"
    assert main(["print", "guide", "寄件/退件流程", "-o", str(out)]) == 0
    assert out.exists()
