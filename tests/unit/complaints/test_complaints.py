"""Complaint workflow, deadlines, scripts, duplicates and the due queue on a temporary DB."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy import text as sql_text

from branchdesk import i18n
from branchdesk.complaints import service, workflow
from branchdesk.complaints.importers import datetime_value
from branchdesk.complaints.models import Complaint
from branchdesk.complaints.scripts import fill_script, find_banned
from branchdesk.complaints.service import ComplaintError, NewComplaint
from branchdesk.complaints.workflow import (
    CALLBACK,
    CLOSED,
    ESCALATED,
    NEW,
    PROCESSING,
    STATUSES,
    WorkflowError,
)
from branchdesk.db.engine import Database
from branchdesk.io.batches import undo_batch
from branchdesk.io.importing import ImportRejected, run_import
from branchdesk.io.tabular import CellError
from branchdesk.lookup.models import Waybill
from branchdesk.privacy import mask_name, mask_phone
from tests.conftest import SAMPLE_WAYBILLS, without_complaints

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def branch(sample_of: Callable[[int], Database]) -> Database:
    db = sample_of(SAMPLE_WAYBILLS)
    with db.session() as s:
        service.ensure_default_categories(s)
    without_complaints(db)  # the sample's tables; the tests count the complaints they log
    return db


def _category(db: Database, path: str) -> service.CategoryInfo:
    with db.read_session() as s:  # also asked inside a writing session of a test
        return next(c for c in service.category_tree(s) if c.path == path)


def _log(db: Database, **kw: object) -> service.ComplaintRow:
    fields: dict[str, object] = {
        "channel": "电话",
        "category_id": _category(db, "催件").id,
        "description": "客户催件",
        "received_at": T0,
    }
    fields.update(kw)
    with db.session() as s:
        return service.create_complaint(s, NewComplaint(**fields), "小王")  # type: ignore[arg-type]


# --- workflow ---------------------------------------------------------------------------

LEGAL = {(a, b) for a, targets in workflow.TRANSITIONS.items() for b in targets}


@pytest.mark.parametrize("current", STATUSES)
@pytest.mark.parametrize("target", STATUSES)
def test_every_transition_is_allowed_or_refused_with_a_message(current: str, target: str) -> None:
    kwargs = {"resolution": "已解决", "compensation_fen": 0}
    if (current, target) in LEGAL:
        workflow.check_transition(current, target, **kwargs)  # type: ignore[arg-type]
    else:
        with pytest.raises(WorkflowError, match="cannot become"):
            workflow.check_transition(current, target, **kwargs)  # type: ignore[arg-type]


def test_the_workflow_has_the_issue_s_steps() -> None:
    assert {
        (NEW, PROCESSING),
        (NEW, ESCALATED),
        (PROCESSING, ESCALATED),
        (PROCESSING, CALLBACK),
        (PROCESSING, CLOSED),
        (ESCALATED, PROCESSING),
        (ESCALATED, CALLBACK),
        (ESCALATED, CLOSED),
        (CALLBACK, PROCESSING),
        (CALLBACK, CLOSED),
        (CLOSED, PROCESSING),  # 重开
    } == LEGAL


def test_closing_needs_a_resolution_and_the_compensation() -> None:
    with pytest.raises(WorkflowError, match="resolved"):
        workflow.check_transition(PROCESSING, CLOSED, resolution=" ", compensation_fen=0)
    with pytest.raises(WorkflowError, match="compensation"):
        workflow.check_transition(PROCESSING, CLOSED, resolution="已送达")
    with pytest.raises(WorkflowError, match="negative"):
        workflow.check_transition(PROCESSING, CLOSED, resolution="已送达", compensation_fen=-1)


def test_the_ten_thousandth_complaint_of_a_day_gets_a_number_of_its_own(branch: Database) -> None:
    """An HQ import of 10,000 work orders of one day stopped at the 10,001st with "UNIQUE
    constraint failed: complaint.ticket_no": -10000 sorts before -9999 as text."""
    with branch.session() as s:
        s.execute(
            sql_text(
                "UPDATE complaint SET ticket_no = 'X' || id WHERE ticket_no LIKE 'TS20261102-%'"
            )
        )
    first = _log(branch)
    with branch.session() as s:
        s.execute(
            sql_text("UPDATE complaint SET ticket_no = 'TS20261102-9999' WHERE id = :id"),
            {"id": first.id},
        )
    assert _log(branch).ticket_no == "TS20261102-10000"
    assert _log(branch).ticket_no == "TS20261102-10001"


def test_a_complaint_goes_through_the_workflow_and_every_step_is_in_its_history(
    branch: Database,
) -> None:
    row = _log(branch)
    assert row.ticket_no == "TS20261102-0001" and row.status == NEW
    with branch.session() as s:
        at = T0 + timedelta(hours=1)
        service.transition(s, row.id, PROCESSING, "小王", at=at)
        service.transition(s, row.id, ESCALATED, "小王", note="转值班经理", at=at)
        service.transition(s, row.id, CALLBACK, "李经理", at=at)
        with pytest.raises(WorkflowError):
            service.transition(s, row.id, NEW, "李经理")
        closed = service.transition(
            s, row.id, CLOSED, "小王", resolution="已派送", compensation_fen=500, at=at
        )
        assert (closed.closed_at, closed.compensation_fen) == (at, 500)
        reopened = service.transition(s, row.id, PROCESSING, "小王", note="客户仍未收到")
        assert reopened.closed_at is None
        events = service.history(s, row.id)
    assert [(e.action, e.from_status, e.to_status, e.who) for e in events] == [
        ("created", None, NEW, "小王"),
        ("status", NEW, PROCESSING, "小王"),
        ("status", PROCESSING, ESCALATED, "小王"),
        ("status", ESCALATED, CALLBACK, "李经理"),
        ("status", CALLBACK, CLOSED, "小王"),
        ("reopened", CLOSED, PROCESSING, "小王"),
    ]
    assert events[2].note == "转值班经理"


# --- deadlines --------------------------------------------------------------------------


def test_the_category_sets_the_deadline_and_it_can_be_overridden(branch: Database) -> None:
    lost = _category(branch, "遗失")
    assert lost.sla_hours == 72
    row = _log(branch, category_id=lost.id)
    assert row.due_at == T0 + timedelta(hours=72)
    custom = _log(branch, due_at=T0 + timedelta(hours=2))
    assert custom.due_at == T0 + timedelta(hours=2)
    with pytest.raises(ComplaintError, match="before"):
        _log(branch, due_at=T0 - timedelta(minutes=1))


def test_deadline_arithmetic() -> None:
    assert workflow.due_at(datetime(2026, 12, 31, 20, 0), 24) == datetime(2027, 1, 1, 20, 0)
    due = datetime(2026, 11, 2, 12, 0)
    assert workflow.is_due_soon(due, due - timedelta(hours=2), NEW, 2)
    assert not workflow.is_due_soon(due, due - timedelta(hours=2, minutes=1), NEW, 2)
    assert workflow.is_overdue(due, due + timedelta(seconds=1), PROCESSING)
    assert not workflow.is_overdue(due, due + timedelta(hours=5), CLOSED)


def test_the_due_queue_holds_open_complaints_due_soon_or_overdue(branch: Database) -> None:
    at = T0 + timedelta(hours=10)
    overdue = _log(branch, due_at=T0 + timedelta(hours=9))
    soon = _log(branch, due_at=T0 + timedelta(hours=11))
    _log(branch, due_at=T0 + timedelta(hours=13))  # later than the 2 h lead
    done = _log(branch, due_at=T0 + timedelta(hours=9))
    with branch.session() as s:
        service.transition(s, done.id, PROCESSING, at=T0)
        service.transition(s, done.id, CLOSED, resolution="ok", compensation_fen=0, at=T0)
        queue = service.due_soon(s, 2, at=at)
        counts = service.due_counts(s, 2, at=at)
    assert [r.id for r in queue] == [overdue.id, soon.id]
    assert counts == (1, 1)
    assert queue[0].overdue(at) and not queue[1].overdue(at)


# --- form facts and scripts -------------------------------------------------------------


def test_a_waybill_number_fills_in_courier_customer_and_address(branch: Database) -> None:
    with branch.session() as s:
        waybill = s.scalars(select(Waybill).where(Waybill.courier_name.is_not(None))).first()
        assert waybill is not None
        facts = service.facts_for(s, waybill.number.lower())
    assert facts.waybill_no == waybill.number
    assert facts.courier == waybill.courier_name and facts.source == "waybill"
    assert facts.customer == waybill.recipient and facts.address == waybill.address
    assert facts.courier_phone == "13805740009"  # 周杰's, from the courier table


def test_an_address_alone_finds_the_courier_through_the_area_table(branch: Database) -> None:
    with branch.session() as s:
        facts = service.facts_for(s, "", "宁波市海曙区中山西路37号")
    assert facts.courier == "王强" and facts.source == "address"


def test_unknown_facts_stay_visible_as_blanks_never_an_error() -> None:
    body = "{客户称呼}您好，快件 {运单号} 由 {业务员}（{业务员电话}）派送，预计 {预计到达}。{错字}"
    filled = fill_script(body, {"运单号": "YT1234567890123", "客户称呼": "张先生/女士"})
    assert filled.text == (
        "张先生/女士您好，快件 YT1234567890123 由【业务员】（【业务员电话】）派送，"
        "预计【预计到达】。【错字】"
    )
    assert filled.missing == ("业务员", "业务员电话", "预计到达")
    assert filled.unknown == ("错字",)


def test_a_filled_script_has_no_space_between_chinese_characters() -> None:
    """ "预计 {预计到达} 送达" read 预计 1 天内 送达: the spaces written around a placeholder suit a
    waybill number or a phone, not Chinese on both sides."""
    body = (
        "已安排业务员 {业务员}（电话 {业务员电话}）优先派送，预计 {预计到达} 送达。单号 {运单号} 。"
    )
    facts = {"业务员": "王强", "业务员电话": "13805740003", "预计到达": "1 天内", "运单号": "JT1"}
    assert fill_script(body, facts).text == (
        "已安排业务员王强（电话 13805740003）优先派送，预计 1 天内送达。单号 JT1 。"
    )


def test_every_default_script_fills_from_a_complaint(branch: Database) -> None:
    row = _log(branch, waybill_no="YT1234567890123", customer_name="张三", courier_name="王强")
    with branch.session() as s:
        for category in service.category_tree(s):
            for script in category.scripts:
                filled = service.fill(script.body, service.script_facts(row))
                assert not filled.unknown, (category.path, filled.unknown)
                assert "{" not in filled.text


def test_banned_phrases_are_found_whatever_the_spacing_or_width() -> None:
    phrases = ["不知道", "去投诉吧", "懂吗"]
    assert find_banned("这个我 不 知道，你去投诉吧", phrases) == ["不知道", "去投诉吧"]
    assert find_banned("您好，已为您加急派送。", phrases) == []


def test_phones_and_names_are_masked_for_printouts() -> None:
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("+86 138 1234 1234") == "138****1234"
    assert mask_phone("0574-87654321") == "057****4321"
    # Never more than 3 + 4 digits, whatever was typed into the field.
    assert mask_phone("13812345678/13987654321") == "138****5678 / 139****4321"
    assert mask_phone("13812345678-123") == "138****8123"
    assert mask_phone(None) == ""
    assert mask_name("张三") == "张*" and mask_name("欧阳娜娜") == "欧阳**"


# --- duplicates -------------------------------------------------------------------------


def test_an_open_complaint_on_the_same_waybill_is_a_duplicate_and_merges(
    branch: Database,
) -> None:
    first = _log(branch, waybill_no="yt1234567890123", due_at=T0 + timedelta(hours=30))
    assert first.waybill_no == "YT1234567890123"
    with branch.session() as s:
        assert [d.id for d in service.open_duplicates(s, "YT1234567890123")] == [first.id]
    second = _log(
        branch, waybill_no="YT1234567890123", description="又来电", due_at=T0 + timedelta(hours=5)
    )
    with branch.session() as s:
        target = service.merge(s, second.id, first.id, "小王")
        assert target.due_at == T0 + timedelta(hours=5)  # the earlier promise wins
        assert service.get(s, second.id).merged_into_id == first.id
        # The merged one is no longer followed: not a duplicate, not in the queue or list.
        assert [d.id for d in service.open_duplicates(s, "YT1234567890123")] == [first.id]
        listed = service.list_complaints(s, service.ComplaintFilter())
        assert second.id not in [r.id for r in listed]
        with pytest.raises(WorkflowError, match="merged"):
            service.transition(s, second.id, PROCESSING)
        notes = [service.event_note(e) for e in service.history(s, first.id)]
    assert any("又来电" in n for n in notes) and any("merged into" in n for n in notes)


def test_a_closed_complaint_is_not_a_duplicate(branch: Database) -> None:
    row = _log(branch, waybill_no="YT1234567890123")
    with branch.session() as s:
        service.transition(s, row.id, PROCESSING)
        service.transition(s, row.id, CLOSED, resolution="ok", compensation_fen=0)
        assert service.open_duplicates(s, "YT1234567890123") == []


# --- validation and lists ---------------------------------------------------------------


def test_bad_complaints_are_refused_with_a_message(branch: Database) -> None:
    with pytest.raises(ComplaintError, match="channel"):
        _log(branch, channel="微信")
    with pytest.raises(ComplaintError, match="waybill number or describe"):
        _log(branch, description="  ")
    with pytest.raises(ComplaintError, match="at most"):
        _log(branch, customer_name="张" * 41)


def test_text_search_finds_three_or_more_characters_in_any_column_through_the_index(
    branch: Database,
) -> None:
    a = _log(
        branch,
        waybill_no="YT7312345678901",
        phone="13805749876",
        customer_name="欧阳娜娜",
        courier_name="王强",
        hq_order_no="GD20261102A",
    )
    b = _log(branch, waybill_no="JT0000000000001", customer_name="李四")
    with branch.session() as s:

        def found(text: str) -> list[int]:
            rows = service.list_complaints(s, service.ComplaintFilter(text=text))
            assert service.count_complaints(s, service.ComplaintFilter(text=text)) == len(rows)
            return [r.id for r in rows]

        assert found("7312345") == [a.id]  # waybill, inside the number
        assert found("yt731") == [a.id]  # any case
        assert found("9876") == [a.id]  # phone tail
        # as a customer says it, while phones are stored as digits (review)
        assert found("138-0574-9876") == [a.id]
        assert found("+86 138 0574 9876") == [a.id]
        assert found("阳娜娜") == [a.id]  # part of the customer's name
        assert found("02A") == [a.id]  # HQ order number
        assert found(a.ticket_no[-6:]) == [a.id]  # ticket number
        assert found("李四") == [b.id]  # two characters: the plain scan
        assert found('"王强') == [] and found("NEAR(") == [] and found("*") == []
        plan = " ".join(
            str(row[-1])
            for row in s.execute(
                sql_text(
                    "EXPLAIN QUERY PLAN SELECT id FROM complaint WHERE id IN "
                    "(SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH '\"731\"')"
                )
            )
        )
    assert "VIRTUAL TABLE INDEX" in plan  # answered by the trigram index, not a scan
    # Changing a searched column keeps the index in step.
    with branch.session() as s:
        service.update_complaint(s, b.id, "小王", customer_name="赵五六")
        assert [
            r.id for r in service.list_complaints(s, service.ComplaintFilter(text="赵五六"))
        ] == [b.id]


def test_the_list_filters_by_text_status_and_category(branch: Database) -> None:
    a = _log(branch, waybill_no="YT1111111111111", phone="13812341234", courier_name="王强")
    b = _log(branch, waybill_no="YT2222222222222", category_id=_category(branch, "遗失").id)
    with branch.session() as s:
        service.transition(s, b.id, ESCALATED)
        by_text = service.list_complaints(s, service.ComplaintFilter(text="1111"))
        by_phone = service.list_complaints(s, service.ComplaintFilter(text="1234"))
        by_status = service.list_complaints(s, service.ComplaintFilter(statuses=(ESCALATED,)))
        lost = service.ComplaintFilter(category_id=_category(branch, "遗失").id)
        assert service.count_complaints(s, lost) == 1
        by_courier = service.list_complaints(s, service.ComplaintFilter(courier="王强"))
    assert [r.id for r in by_text] == [a.id]
    assert [r.id for r in by_phone] == [a.id]
    assert [r.id for r in by_status] == [b.id]
    assert [r.id for r in by_courier] == [a.id]


def test_a_category_in_use_cannot_be_deleted_and_deadlines_are_checked(
    branch: Database,
) -> None:
    row = _log(branch)
    with branch.session() as s:
        with pytest.raises(ComplaintError, match="used by 1"):
            service.delete_category(s, row.category_id)
        with pytest.raises(ComplaintError, match="between 1 hour"):
            service.update_category(s, row.category_id, sla_hours=0)
        child = service.add_category(s, "超区件", 48, parent_id=row.category_id)
        assert child.path == "催件 › 超区件"
        script = service.save_script(s, child.id, "标准", "您好 {运单号}")
        assert script.body == "您好 {运单号}"
        service.delete_category(s, child.id)


# --- HQ work-order import ---------------------------------------------------------------


def test_work_orders_import_with_their_deadlines_and_duplicates_are_merged(
    branch: Database, fixtures: Path
) -> None:
    with branch.session() as s:
        report = run_import(s, fixtures / "work_orders.xlsx", "complaints")
    assert report.rows_ok == 6
    assert any("merged" in n for n in report.notes)
    assert any("截单退回" in n for n in report.notes)
    with branch.session() as s:
        rows = {
            r.hq_order_no: r
            for r in service.list_complaints(s, service.ComplaintFilter(include_merged=True))
        }
        first = rows["GD202611020001"]
        assert (first.channel, first.category) == ("总部工单", "催件")
        assert (first.received_at, first.due_at) == (
            datetime(2026, 11, 2, 9, 0),
            datetime(2026, 11, 3, 9, 0),
        )
        assert rows["GD202611020002"].category == "改地址"
        assert rows["GD202611020002"].phone == "13900001111"
        # An Excel serial with a time; no deadline in the file → the category's (72 h).
        third = rows["GD202611020003"]
        assert third.received_at == datetime(2026, 11, 2, 14, 0)
        assert third.due_at == datetime(2026, 11, 5, 14, 0)
        assert rows["GD202611020004"].received_at == datetime(2026, 11, 2, 15, 20)
        # The second work order on YT…004 is merged into the first, whose deadline is kept
        # as the earlier of the two.
        assert rows["GD202611020005"].merged_into_id == rows["GD202611020004"].id
        assert service.get(s, rows["GD202611020004"].id).due_at == datetime(2026, 11, 3, 10, 0)
        assert rows["GD202611020006"].category == "其他"
        assert rows["GD202611020006"].description.startswith("[截单退回]")


def test_the_same_work_order_file_imported_twice_is_reported_and_nothing_written(
    branch: Database, fixtures: Path
) -> None:
    with branch.session() as s:
        run_import(s, fixtures / "work_orders.xlsx", "complaints")
    with branch.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, fixtures / "work_orders.xlsx", "complaints")
    problems = rejected.value.prepared.problems
    assert len(problems) == 6 and all("imported before" in p.message for p in problems)
    with branch.session() as s:
        assert service.count_complaints(s, service.ComplaintFilter(include_merged=True)) == 6


def _orders(path: Path, numbers: list[str]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["工单号", "工单类型", "工单内容", "创建时间"])
    for number in numbers:
        ws.append([number, "催件派送", "客户催件", "2026-11-02 09:00"])
    wb.save(path)
    return path


def test_a_work_order_written_another_way_is_the_same_work_order(
    branch: Database, tmp_path: Path
) -> None:
    with branch.session() as s:
        run_import(s, _orders(tmp_path / "a.xlsx", ["GD100", "gd200", "GD300"]), "complaints")
        [stored] = s.scalars(select(Complaint.hq_order_no).where(Complaint.ticket_no.like("%2")))
        assert stored == "GD200"
        # One logged by an older version, kept as typed.
        s.execute(
            sql_text("UPDATE complaint SET hq_order_no = 'gd 300' WHERE hq_order_no = 'GD300'")
        )
    again = _orders(tmp_path / "b.xlsx", ["'GD100", "ｇｄ２００", "GD300", "GD400", " gd400"])
    with branch.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, again, "complaints")
    assert [(p.row, p.message) for p in rejected.value.prepared.problems] == [
        (2, "this work order was imported before (complaint TS20261102-0001)"),
        (3, "this work order was imported before (complaint TS20261102-0002)"),
        (4, "this work order was imported before (complaint TS20261102-0003)"),
        (6, "the same work order already appears in row 5"),
    ]
    with branch.session() as s:
        assert run_import(s, again, "complaints", skip_invalid=True).rows_ok == 1
        assert service.count_complaints(s, service.ComplaintFilter(include_merged=True)) == 4


def test_a_work_order_created_in_the_future_is_refused_with_its_cell(
    branch: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    now = service.now()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "工单"
    ws.append(["工单号", "工单类型", "工单内容", "创建时间"])
    ws.append(["GD1", "催件", "客户催件", f"{now + timedelta(hours=2):%Y-%m-%d %H:%M}"])  # clock
    ws.append(["GD2", "催件", "客户催件", f"{now.replace(year=2062):%Y-%m-%d %H:%M}"])  # typo
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    with branch.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, path, "complaints")
    [problem] = rejected.value.prepared.problems
    assert (problem.sheet, problem.row, problem.column) == ("工单", 3, "D（创建时间）")
    assert "more than a day ahead" in problem.message
    with branch.session() as s:
        assert service.count_complaints(s, service.ComplaintFilter()) == 0


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2026-12-05 上午12:30", datetime(2026, 12, 5, 0, 30)),
        ("2026-12-05 上午9:30", datetime(2026, 12, 5, 9, 30)),
        ("2026-12-05 中午12:10", datetime(2026, 12, 5, 12, 10)),
        ("2026-12-05 中午1点", datetime(2026, 12, 5, 13, 0)),
        ("2026-12-05 下午12:30", datetime(2026, 12, 5, 12, 30)),
        ("2026-12-05 下午3:30", datetime(2026, 12, 5, 15, 30)),
        ("2026-12-05 晚上8点", datetime(2026, 12, 5, 20, 0)),
        ("2026-12-05 晚上5点", datetime(2026, 12, 5, 17, 0)),  # review: refused
        ("2026-12-05 下午0:30", datetime(2026, 12, 5, 12, 30)),  # review: refused
        ("20261105 9:30", datetime(2026, 11, 5, 9, 30)),
        ("2026-1-15 9:30", datetime(2026, 1, 15, 9, 30)),
        ("2026年1月15日", datetime(2026, 1, 15)),
    ],
)
def test_a_time_of_day_in_words_is_read_as_meant(written: str, meant: datetime) -> None:
    assert datetime_value(written) == meant


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2026-12-05 晚上12:10", "the time can be read two ways"),
        ("2026-12-05 晚上2点", "the time can be read two ways"),
        ("2026-12-05 上午13:00", "the time can be read two ways"),
        ("2026115 9:30", "the month and day can be read two ways"),
        ("2026-115", "the month and day can be read two ways"),
    ],
)
def test_a_date_or_time_that_reads_two_ways_is_refused(written: str, said: str) -> None:
    with pytest.raises(CellError) as refused:
        datetime_value(written)
    assert str(refused.value).startswith(said)


def test_a_work_order_with_an_incomplete_phone_is_kept_without_it(
    branch: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "工单"
    ws.append(["工单号", "工单类型", "工单内容", "联系电话", "创建时间"])
    ws.append(["GD1", "催件", "客户催件", "12345", "2026-11-02 09:00"])
    ws.append(["GD2", "催件", "客户催件", "+86 138-1234-1234", "2026-11-02 09:00"])
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    with branch.session() as s:
        report = run_import(s, path, "complaints")
        assert report.rows_ok == 2
        [warning] = report.warnings
        assert (warning.sheet, warning.row, warning.column) == ("工单", 2, "D（联系电话）")
        assert "not a whole phone number" in warning.message
        first, second = sorted(service.list_complaints(s, service.ComplaintFilter()), key=_id)
    assert first.phone is None and "12345" in first.description
    assert second.phone == "13812341234"


def _id(row: service.ComplaintRow) -> int:
    return row.id


def test_bad_work_orders_name_their_cells(branch: Database, fixtures: Path) -> None:
    with branch.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, fixtures / "work_orders_bad.xlsx", "complaints")
    found = {(p.row, (p.column or "")[:1]) for p in rejected.value.prepared.problems}
    assert found == {(3, "A"), (4, "A"), (5, "H"), (6, "G")}
    with branch.session() as s:
        assert service.count_complaints(s, service.ComplaintFilter()) == 0


def test_undoing_a_work_order_import_removes_its_complaints_and_what_they_changed(
    branch: Database, fixtures: Path
) -> None:
    # A complaint logged by hand on a waybill of the file, with a later deadline.
    own = _log(branch, waybill_no="YT1000000000001", due_at=datetime(2026, 11, 4, 9, 0))
    with branch.session() as s:
        report = run_import(s, fixtures / "work_orders.xlsx", "complaints")
        # The work order on that waybill was merged into it and brought its deadline forward.
        assert service.get(s, own.id).due_at == datetime(2026, 11, 3, 9, 0)
    with branch.session() as s:
        undo_batch(s, report.batch_id)
    with branch.session() as s:
        assert service.count_complaints(s, service.ComplaintFilter(include_merged=True)) == 1
        assert service.get(s, own.id).due_at == datetime(2026, 11, 4, 9, 0)
        assert [e.action for e in service.history(s, own.id)] == ["created"]


def test_work_orders_without_a_creation_time_and_long_numbers(
    branch: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["工单号", "运单号", "工单类型", "截止时间"])
    ws.append(["GD1", "YT3000000000001", "催件", "2020-01-02 10:00"])  # long overdue
    ws.append([202611020001234561, "YT3000000000002", "催件", "2026-11-03 10:00"])
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    with branch.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, path, "complaints")
    [problem] = rejected.value.prepared.problems
    assert problem.row == 3 and "E+17" in str(problem)
    with branch.session() as s:
        report = run_import(s, path, "complaints", skip_invalid=True)
        assert report.rows_ok == 1
        [row] = service.list_complaints(s, service.ComplaintFilter())
        assert row.received_at == row.due_at == datetime(2020, 1, 2, 10, 0)


def test_a_parent_category_filter_takes_in_its_sub_categories(branch: Database) -> None:
    child = _log(branch, category_id=_category(branch, "延误 › 派送延误").id)
    parent = _log(branch, category_id=_category(branch, "延误").id)
    _log(branch)  # 催件
    with branch.session() as s:
        flt = service.ComplaintFilter(category_id=_category(branch, "延误").id)
        assert {r.id for r in service.list_complaints(s, flt)} == {child.id, parent.id}
        assert service.count_complaints(s, flt) == 2


def test_reopening_keeps_the_first_payment_and_gives_a_new_deadline(branch: Database) -> None:
    row = _log(branch)
    with branch.session() as s:
        service.transition(s, row.id, PROCESSING, at=T0)
        service.transition(
            s,
            row.id,
            CLOSED,
            resolution="赔付50元",
            compensation_fen=5000,
            at=T0 + timedelta(hours=2),
        )
        reopened_at = T0 + timedelta(days=10)
        again = service.transition(s, row.id, PROCESSING, at=reopened_at)
        assert again.due_at == reopened_at + timedelta(hours=24)  # 催件: 24 h from reopening
        assert not again.overdue(reopened_at + timedelta(hours=1))
        closed = service.transition(
            s, row.id, CLOSED, resolution="再次送达", compensation_fen=0, at=reopened_at
        )
        assert closed.compensation_fen == 5000
        notes = [e.note for e in service.history(s, row.id)]
    assert any("赔付50元" in n and "50.00" in n for n in notes)


def test_merges_refuse_closed_targets_and_never_chain(branch: Database) -> None:
    a = _log(branch, waybill_no="YT1234567890123")
    b = _log(branch, waybill_no="YT1234567890123")
    c = _log(branch, waybill_no="YT1234567890123")
    closed = _log(branch, waybill_no="YT9999999999999")
    with branch.session() as s:
        service.transition(s, closed.id, PROCESSING)
        service.transition(s, closed.id, CLOSED, resolution="ok", compensation_fen=0)
        with pytest.raises(ComplaintError, match="closed"):
            service.merge(s, a.id, closed.id)
        service.merge(s, c.id, b.id)
        service.merge(s, b.id, a.id)  # c follows b into a
        assert service.get(s, c.id).merged_into_id == a.id
        assert {e.note for e in service.history(s, a.id)} >= {
            n for n in (e.note for e in service.history(s, c.id)) if n
        } - {""}


def test_merged_and_closed_complaints_are_protected_from_edits(branch: Database) -> None:
    a = _log(branch, waybill_no="YT1234567890123")
    b = _log(branch, waybill_no="YT1234567890123")
    with branch.session() as s:
        service.merge(s, b.id, a.id)
        with pytest.raises(ComplaintError, match="merged"):
            service.update_complaint(s, b.id, description="x")
        edited = service.update_complaint(s, a.id, waybill_no=" yt 300 ")
        assert edited.waybill_no == "YT300"
        service.transition(s, a.id, PROCESSING)
        service.transition(s, a.id, CLOSED, resolution="ok", compensation_fen=0)
        with pytest.raises(ComplaintError, match="closed"):
            service.update_complaint(s, a.id, due_at=T0 + timedelta(days=30))


def test_an_address_two_couriers_share_names_both_and_fills_neither(branch: Database) -> None:
    with branch.session() as s:
        facts = service.facts_for(s, "", "宁波市海曙区中山西路")
    assert facts.source == "ambiguous" and facts.courier is None
    assert set(facts.candidates) == {"王强", "陈静"}


def test_full_width_braces_are_placeholders_and_unknown_ones_are_refused(
    branch: Database,
) -> None:
    filled = fill_script("快件｛运单号｝由｛业务员｝派送", {"运单号": "YT1"})
    assert filled.text == "快件YT1由【业务员】派送" and filled.missing == ("业务员",)
    with branch.session() as s:
        category = _category(branch, "催件").id
        with pytest.raises(ComplaintError, match="快递员"):
            service.save_script(s, category, "新", "您好 {快递员}")
        saved = service.save_script(s, category, "新", "您好 ｛运单号｝")
    assert saved.body == "您好 {运单号}"


def test_an_import_whose_complaints_were_worked_on_is_not_undone(
    branch: Database, fixtures: Path
) -> None:
    with branch.session() as s:
        report = run_import(s, fixtures / "work_orders.xlsx", "complaints")
        first = service.list_complaints(s, service.ComplaintFilter(text="GD202611020001"))[0]
        service.transition(s, first.id, PROCESSING, "小王")
    with branch.session() as s, pytest.raises(ComplaintError, match="worked on"):
        undo_batch(s, report.batch_id)
    with branch.session() as s:
        assert service.count_complaints(s, service.ComplaintFilter(include_merged=True)) == 6


def test_a_work_order_with_an_overlong_name_is_a_row_problem(
    branch: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["工单号", "运单号", "工单类型", "客户姓名"])
    ws.append(["GD1", "YT3000000000001", "催件", "张三"])
    ws.append(["GD2", "YT3000000000002", "催件", "张" * 41])
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    with branch.session() as s, pytest.raises(ImportRejected) as rejected:
        run_import(s, path, "complaints")
    [problem] = rejected.value.prepared.problems
    assert problem.row == 3 and "40" in problem.message
    with branch.session() as s:
        assert run_import(s, path, "complaints", skip_invalid=True).rows_ok == 1


def test_work_orders_get_their_courier_from_the_waybill_list_or_the_area_table(
    branch: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    from branchdesk.lookup.models import Courier

    with branch.session() as s:
        listed = s.scalars(select(Waybill).where(Waybill.courier_name.is_not(None))).first()
        assert listed is not None
        number, named = listed.number, listed.courier_name
        phone = s.scalar(select(Courier.phone).where(Courier.name == named))
        wang_phone = s.scalar(select(Courier.phone).where(Courier.name == "王强"))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["工单号", "运单号", "工单类型", "工单内容", "收件地址", "派件员", "创建时间"])
    sheet.append(["GD1", number, "催件", "催", "", "", "2026-11-02 09:00"])
    sheet.append(
        ["GD2", "YT0000000000001", "催件", "催", "宁波市海曙区中山西路37号", "", "2026-11-02 09:00"]
    )
    sheet.append(["GD3", "YT0000000000002", "催件", "催", "", "赵六", "2026-11-02 09:00"])
    sheet.append(["GD4", number, "遗失", "丢了", "", "", "2026-11-02 10:00"])  # merged into GD1
    path = tmp_path / "orders.xlsx"
    book.save(path)
    with branch.session() as s:
        assert run_import(s, path, "complaints").rows_ok == 4
    with branch.session() as s:
        got = {
            r.hq_order_no: s.get_one(Complaint, r.id)
            for r in service.list_complaints(s, service.ComplaintFilter(include_merged=True))
        }
        assert (got["GD1"].courier_name, got["GD1"].courier_phone) == (named, phone)
        assert (got["GD2"].courier_name, got["GD2"].courier_phone) == ("王强", wang_phone)
        assert got["GD3"].courier_name == "赵六"
        assert got["GD4"].merged_into_id == got["GD1"].id


def test_a_category_added_or_renamed_mid_session_shows_its_new_path(branch: Database) -> None:
    with branch.session() as s:
        first = service.create_complaint(
            s, NewComplaint(channel="电话", category_id=_first_category(s), description="a")
        )
        assert first.category  # the paths are now kept for the session
        new = service.add_category(s, "超区件", 24)
        row = service.create_complaint(
            s, NewComplaint(channel="电话", category_id=new.id, description="b")
        )
        assert row.category == "超区件"
        service.update_category(s, new.id, name="超区")
        again = service.create_complaint(
            s, NewComplaint(channel="电话", category_id=new.id, description="c")
        )
        assert again.category == "超区"


def _first_category(session: object) -> int:
    return service.category_tree(session)[0].id  # type: ignore[arg-type]


@pytest.mark.parametrize("clock", ["09:05", "11:40", "16:20", "23:50"])
def test_the_sample_complaints_history_holds_no_time_still_to_come(
    db: Database, monkeypatch: pytest.MonkeyPatch, clock: str
) -> None:
    """Loaded at any hour, the newest sample complaints were received minutes ago: each step
    of their history (taken up, called back, closed) happened by then, never later on."""
    from datetime import date, datetime, time

    from sqlalchemy import func, select

    from branchdesk.complaints import sample
    from branchdesk.complaints.models import ComplaintEvent

    at = datetime.combine(date.today(), time.fromisoformat(clock))

    class NineOhFive(datetime):
        @classmethod
        def now(cls, tz: object = None) -> NineOhFive:  # type: ignore[override]
            return cls.combine(at.date(), at.time())

    monkeypatch.setattr(sample, "datetime", NineOhFive)
    with db.session() as session:
        numbers = [f"YT43{n:08d}" for n in range(40)]
        sample.load_sample_complaints(session, ["王芳", "林子涵"], numbers)
    with db.read_session() as session:
        latest = session.scalar(select(func.max(ComplaintEvent.at)))
    assert latest is not None and latest <= at


# --- the history in the reader's words --------------------------------------------------


def test_an_edit_is_shown_with_the_fields_named_in_the_readers_language(branch: Database) -> None:
    row = _log(branch, customer_name="王先生")
    with branch.session() as s:
        service.update_complaint(
            s,
            row.id,
            "小王",
            customer_name="李女士",
            due_at=T0 + timedelta(hours=30),
            category_id=_category(branch, "遗失").id,
            hq_order_no="",
        )
        edit = service.history(s, row.id)[-1]
    assert edit.action == "edit"
    i18n.set_language("zh_CN")
    shown = service.event_note(edit)
    assert shown == (
        "客户：王先生 → 李女士；处理时限：2026-11-03 09:00 → 2026-11-03 15:00；分类：催件 → 遗失"
    )
    i18n.set_language("en")
    assert service.event_note(edit).startswith("Customer: 王先生 → 李女士; Due: 2026-11-03 09:00")


def test_a_close_a_reopen_and_a_merge_are_told_in_the_readers_language(
    branch: Database,
) -> None:
    """What closing, reopening and merging wrote into the history was worded in the language
    of the moment: a complaint closed from an English command line read "resolution: …;
    compensation 5.50 元" on a Chinese PC ever after."""
    row = _log(branch, waybill_no="YT1234567890123")
    dup = _log(branch, waybill_no="YT9999999999999", description="又来电催")
    i18n.set_language("en")
    with branch.session() as s:
        service.transition(s, row.id, PROCESSING, "小王")
        service.transition(
            s, row.id, CLOSED, "小王", note="客户同意", resolution="当天补派", compensation_fen=550
        )
        service.transition(s, row.id, PROCESSING, "小王")  # reopened
        service.merge(s, dup.id, row.id, "小王")
        events = service.history(s, row.id)
    stored = " ".join(e.note for e in events)
    assert "resolution" not in stored.replace('"resolution"', "") and "compensation" not in stored
    i18n.set_language("zh_CN")
    shown = [service.event_note(e) for e in events if e.note]
    assert "客户同意；处理结果：当天补派；赔偿 5.50 元" in shown
    assert any(n.startswith("新的处理时限 ") for n in shown)
    assert f"{dup.ticket_no} 已合并到本投诉：又来电催" in shown
    assert f"已合并到 {row.ticket_no}" in [service.event_note(e) for e in events]
    i18n.set_language("en")
    assert "客户同意; resolution: 当天补派; compensation 5.50 元" in [
        service.event_note(e) for e in events
    ]


def test_an_edit_stored_by_an_older_version_is_shown_with_its_fields_named() -> None:
    old = service.EventRow(
        T0, "小王", "edit", None, None, "courier_name: 张三 → 李四; category → 遗失; reply:  → 好的"
    )
    i18n.set_language("zh_CN")
    assert service.event_note(old) == "业务员：张三 → 李四; 分类 → 遗失; 回复： → 好的"
    # Whatever a note holds, the history opens: nested past Python's limit, or a value long.
    deep = service.EventRow(T0, "", "edit", None, None, '{"changes":' + "[" * 100_000)
    assert service.event_note(deep).startswith('{"changes":')
    long = service.edit_note([("reply", "", "好" * 5000)])
    shown = service.event_note(service.EventRow(T0, "", "edit", None, None, long))
    assert shown == "回复：— → " + "好" * 200 + "…"
    status = service.EventRow(T0, "小王", "status", NEW, PROCESSING, "courier_name: 张三")
    assert service.event_note(status) == "courier_name: 张三"  # a note typed by an agent


def test_the_hq_channel_is_stored_in_chinese_and_its_old_name_still_taken(
    branch: Database,
) -> None:
    assert "总部工单" in workflow.CHANNELS
    assert not [c for c in workflow.CHANNELS if any("a" <= ch.lower() <= "z" for ch in c)]
    row = _log(branch, channel="HQ工单")
    assert row.channel == "总部工单"
    with branch.session() as s:
        edited = service.update_complaint(s, row.id, "小王", channel=" hq工单 ")
        assert edited.channel == "总部工单"
        assert [e.action for e in service.history(s, row.id)] == ["created"]  # no change
        with pytest.raises(ComplaintError, match="总部工单"):
            service.update_complaint(s, row.id, "小王", channel="微信")
