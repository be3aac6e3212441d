"""Issue 14's "done when", in Chinese, on the command line and the services the windows call.

An owner sets up four agents and their customers (an Excel sheet as an owner writes it), a day
of work is logged, the next morning QC has each agent's sample with the banned-phrase items
first, scores them and opens a coaching record, and at month end each agent's statement is
written with pay, as Excel and as PDF.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from branchdesk.cli import main
from branchdesk.complaints import service as complaints
from branchdesk.db.engine import Database
from branchdesk.pay.rates import QcBand, Rates
from branchdesk.pay.service import set_rates
from branchdesk.qc import coaching, scorecard
from branchdesk.qc.sampling import day_sample
from branchdesk.settings import SettingsStore
from branchdesk.team.agents import add_agent, sign_in, sign_out
from branchdesk.team.contacts import log_contact

TEAM = [("王芳", "KF01"), ("李明", "KF02"), ("赵敏", "KF03"), ("林子涵", "KF04")]


@pytest.fixture
def chinese(db: Database) -> Database:
    SettingsStore().update({"language": "zh_CN", "first_run_done": True})
    return db


def _customers(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "发件客户"
    sheet.append(["海曙网点 发件客户（12月）"])
    sheet.append(["客户名称", "联系电话", "日均件量", "负责客服"])
    for row in (
        ["春风服饰", "139 0574 0101", 320, "王芳"],
        ["甬上茶叶", "13905740102", 150, "李明"],
        ["阿强数码", "13905740105", 180, "赵敏"],
        ["鼓楼鞋业", "13905740108", 210, "林子涵"],
    ):
        sheet.append(row)
    book.save(path)
    return path


def test_an_owner_runs_a_day_and_a_month_of_the_team(
    chinese: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = chinese
    today = date.today()
    day = today - timedelta(days=1)  # the day of work; QC checks it the next morning
    with db.session() as s:
        ids = {
            name: add_agent(s, name, employee_no=no, started_on=day - timedelta(days=400)).id
            for name, no in TEAM
        }
    assert main(["import", "customers", str(_customers(tmp_path / "发件客户.xlsx"))]) == 0
    assert "4" in capsys.readouterr().out

    # A day of work: everyone signs in and out; 李明 answers badly twice.
    start = datetime.combine(day, time(8, 30))
    with db.session() as s:
        complaints.ensure_default_categories(s)
        category = complaints.category_tree(s)[0].id
        for n, (name, agent_id) in enumerate(ids.items()):
            sign_in(s, agent_id, start)
            for k in range(7):
                bad = name == "李明" and k < 2
                log_contact(
                    s,
                    agent_id=agent_id,
                    channel="phone",
                    question="快递几天没动了",
                    reply="这个我不知道，你去投诉吧。" if bad else "已联系业务员，今天下午送达。",
                    at=start + timedelta(minutes=30 + 40 * k + n),
                )
            row = complaints.create_complaint(
                s,
                complaints.NewComplaint(
                    channel="电话",
                    category_id=category,
                    description="三天没派送",
                    received_at=start + timedelta(hours=1),
                ),
                name,
            )
            complaints.transition(s, row.id, "processing", name, at=start + timedelta(hours=2))
            complaints.transition(
                s,
                row.id,
                "closed",
                name,
                resolution="当天送达",
                compensation_fen=0,
                at=start + timedelta(hours=3),
            )
            sign_out(s, agent_id, start + timedelta(hours=9))

    # The next morning: each agent's sample, banned phrases first.
    assert main(["qc", "sample", "--json"]) == 0
    sample = json.loads(capsys.readouterr().out)
    assert sample["date"] == day.isoformat()
    drawn = {a["name"]: a for a in sample["agents"]}
    assert set(drawn) == set(ids)
    assert all(a["drawn"] >= 5 for a in drawn.values())
    li = drawn["李明"]
    assert [i["reason"] for i in li["items"][:2]] == ["banned", "banned"]
    assert all(i["reason"] != "banned" for a in drawn.values() if a is not li for i in a["items"])
    assert main(["qc", "sample"]) == 0
    text = capsys.readouterr().out
    assert "李明" in text and "去投诉吧" in text

    # QC scores 李明's items and opens a coaching record with a follow-up.
    with db.session() as s:
        stored = day_sample(s, day)
        assert stored is not None
        card = scorecard.current_scorecard(s)
        for item, points in zip(stored.items_of(ids["李明"])[:3], (40, 55, 90), strict=True):
            every = {c.id: points for c in card.criteria() if c.id}
            scorecard.score_item(s, item.id, "店主", every)
        talk = coaching.open_coaching(
            s,
            ids["李明"],
            went_well="接电话及时，语气礼貌",
            problem="回复“不知道”“去投诉吧”",
            direction="先查件再答复，用标准话术",
            follow_up_on=today + timedelta(days=7),
            sample_item_id=stored.items_of(ids["李明"])[0].id,
            who="店主",
        )
        assert talk.closed_at is None
        # The owner's rates: per item handled, and a deduction for a poor QC average.
        set_rates(s, Rates(300, 200, 50, (QcBand(None, 70, -5000), QcBand(90, None, 10000))))
    assert main(["qc", "report", "--month", f"{day:%Y-%m}", "--json"]) == 0
    report = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert report["李明"]["average"] < 70 and report["李明"]["coaching_open"] == 1

    # Month end: every agent's statement with pay, as Excel and as PDF.
    month = f"{day:%Y-%m}"
    assert main(["team", "statement", "--month", month, "--json"]) == 0
    statements = {s["agent"]: s for s in json.loads(capsys.readouterr().out)["statements"]}
    assert set(statements) == set(ids)
    wang, li_pay = statements["王芳"], statements["李明"]
    assert (wang["contacts"], wang["complaints_closed"], wang["days"]) == (7, 1, 1)
    assert wang["pay_by_volume_fen"] == 7 * 50 + 300 and wang["total_fen"] == 650
    assert li_pay["qc_band_fen"] == -5000 and li_pay["total_fen"] == 650 - 5000
    assert li_pay["coaching_open"] == 1
    xlsx, pdf = tmp_path / "月度结算.xlsx", tmp_path / "月度结算.pdf"
    assert main(["team", "statement", "--month", month, "-o", str(xlsx)]) == 0
    assert main(["team", "statement", "--month", month, "-o", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "月度结算.xlsx" in out and "月度结算.pdf" in out
    assert not any(word in out for word in ("Wrote", "statement(s)"))  # said in Chinese
    book = load_workbook(xlsx, read_only=True)
    try:
        cells = " ".join(
            str(c)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for c in row
            if c is not None
        )
    finally:
        book.close()  # read-only books hold the file open until closed
    assert all(name in cells for name, _ in TEAM)
    pages = PdfReader(pdf).pages
    assert len(pages) >= len(TEAM)  # one statement per agent
    printed = " ".join(page.extract_text() for page in pages)
    assert all(name in printed for name, _ in TEAM)
    assert "6.50" in printed and "-43.50" in printed  # 王芳's and 李明's pay, in 元
