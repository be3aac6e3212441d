"""The month's complaint analysis and the complaint exports, on a temp database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from sqlalchemy.orm import Session

from branchdesk.complaints import service
from branchdesk.complaints.analysis import (
    UNASSIGNED,
    CategoryCount,
    Count,
    add_months,
    month_bounds,
    month_report,
    trend,
)
from branchdesk.complaints.exports import (
    COMPLAINT_HEADERS,
    export_complaints,
    export_month_report,
)
from branchdesk.complaints.models import Complaint
from branchdesk.complaints.service import ComplaintRow, NewComplaint
from branchdesk.complaints.workflow import CLOSED, PROCESSING
from branchdesk.db.engine import Database

MARCH = datetime(2026, 3, 1)
AS_OF = datetime(2026, 4, 15, 12, 0)  # "now" for the overdue rate


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    with db.session() as s:
        service.ensure_default_categories(s)
        yield s


def category(session: Session, path: str) -> int:
    return next(c.id for c in service.category_tree(session) if c.path == path)


def add(
    session: Session,
    received: datetime,
    *,
    path: str = "延误 › 派送延误",
    channel: str = "电话",
    courier: str = "",
    phone: str = "",
    waybill: str = "",
    customer: str = "",
    due_hours: float = 24,
) -> ComplaintRow:
    return service.create_complaint(
        session,
        NewComplaint(
            channel=channel,
            category_id=category(session, path),
            waybill_no=waybill,
            customer_name=customer,
            phone=phone,
            courier_name=courier,
            description="快件未送达",
            received_at=received,
            due_at=received + timedelta(hours=due_hours),
        ),
    )


def close(session: Session, row: ComplaintRow, at: datetime, fen: int = 0) -> None:
    service.transition(session, row.id, PROCESSING, at=row.received_at + timedelta(minutes=5))
    service.transition(session, row.id, CLOSED, resolution="已处理", compensation_fen=fen, at=at)


def test_month_bounds_and_add_months_cross_the_year() -> None:
    assert month_bounds(2026, 12) == (datetime(2026, 12, 1), datetime(2027, 1, 1))
    assert add_months(datetime(2026, 3, 15), -3) == datetime(2025, 12, 1)
    assert add_months(datetime(2026, 3, 1), 10) == datetime(2027, 1, 1)
    with pytest.raises(ValueError):
        month_bounds(2026, 13)


def test_counts_by_category_courier_channel_and_status(session: Session) -> None:
    add(session, MARCH + timedelta(days=1), path="延误 › 派送延误", courier="王建国")
    add(session, MARCH + timedelta(days=2), path="延误 › 派送延误", courier="王建国")
    add(session, MARCH + timedelta(days=3), path="延误 › 揽收延误", channel="总部工单")
    add(session, MARCH + timedelta(days=4), path="延误", channel="总部工单", courier="李明")
    lost = add(session, MARCH + timedelta(days=5), path="遗失", channel="电商平台")
    close(session, lost, MARCH + timedelta(days=6))
    add(session, datetime(2026, 2, 28, 23, 59), path="遗失", courier="李明")  # February
    add(session, datetime(2026, 4, 1), path="遗失", courier="李明")  # April

    r = month_report(session, 2026, 3, at=AS_OF)

    assert r.received == 5
    assert r.by_category == (Count("延误", 4), Count("遗失", 1))
    assert r.by_subcategory == (
        CategoryCount("延误", "派送延误", 2),
        CategoryCount("延误", None, 1),
        CategoryCount("延误", "揽收延误", 1),
        CategoryCount("遗失", None, 1),
    )
    assert r.by_subcategory[0].path == "延误 › 派送延误"
    assert {c.label: c.count for c in r.by_courier} == {"王建国": 2, UNASSIGNED: 2, "李明": 1}
    assert r.by_courier[-1] == Count("李明", 1)  # most first
    assert {c.label: c.count for c in r.by_channel} == {"总部工单": 2, "电话": 2, "电商平台": 1}
    assert r.by_channel[-1] == Count("电商平台", 1)
    assert r.by_status == (Count("new", 4), Count(CLOSED, 1))
    assert r.still_open == 4


def test_overdue_rate_counts_closed_late_and_open_past_due(session: Session) -> None:
    on_time = add(session, MARCH + timedelta(days=1), due_hours=24)
    close(session, on_time, on_time.received_at + timedelta(hours=23))
    late = add(session, MARCH + timedelta(days=2), due_hours=24)
    close(session, late, late.received_at + timedelta(hours=25))
    add(session, MARCH + timedelta(days=3), due_hours=24)  # still open, past due as of AS_OF
    add(session, datetime(2026, 3, 31, 10), due_hours=24 * 30)  # open, due in late April

    r = month_report(session, 2026, 3, at=AS_OF)

    assert (r.received, r.overdue) == (4, 2)
    assert r.overdue_rate == pytest.approx(0.5)
    # Judged later, the last one is past due too.
    assert month_report(session, 2026, 3, at=datetime(2026, 5, 1)).overdue == 3


def test_reopened_complaint_is_open_again_for_the_overdue_rate(session: Session) -> None:
    row = add(session, MARCH + timedelta(days=1), due_hours=24)
    close(session, row, row.received_at + timedelta(hours=2))
    assert month_report(session, 2026, 3, at=AS_OF).overdue == 0
    service.transition(session, row.id, PROCESSING, at=MARCH + timedelta(days=3))
    r = month_report(session, 2026, 3, at=AS_OF)
    assert (r.overdue, r.still_open, r.close_times.closed) == (1, 1, 0)


def test_time_to_close_median_mean_buckets_and_compensation(session: Session) -> None:
    for hours, fen in ((10, 0), (30, 1250), (80, 5000), (24, 0)):
        row = add(session, MARCH + timedelta(days=2))
        close(session, row, row.received_at + timedelta(hours=hours), fen)
    # Received in February, closed in March: counts among March's closures.
    feb = add(session, datetime(2026, 2, 27, 8))
    close(session, feb, datetime(2026, 3, 1, 8), 300)
    # Received in March, closed in April: not a March closure.
    april = add(session, datetime(2026, 3, 31, 20))
    close(session, april, datetime(2026, 4, 2, 20), 9900)

    times = month_report(session, 2026, 3, at=AS_OF).close_times

    assert times.closed == 5
    assert times.median_hours == pytest.approx(30)
    assert times.mean_hours == pytest.approx((10 + 30 + 80 + 24 + 48) / 5)
    assert (times.within_day, times.within_three_days, times.longer) == (2, 2, 1)
    r = month_report(session, 2026, 3, at=AS_OF)
    assert r.compensation_fen == 1250 + 5000 + 300
    assert str(r.compensation_yuan) == "65.5"


def test_repeat_complainants_same_phone_twice_in_the_month(session: Session) -> None:
    a1 = add(session, MARCH + timedelta(days=1), phone="13812341234", customer="王女士")
    a2 = add(session, MARCH + timedelta(days=9), phone="138-1234-1234", customer="")
    a3 = add(session, MARCH + timedelta(days=20), phone="13812341234", customer="王芳")
    b1 = add(session, MARCH + timedelta(days=2), phone="13900001111")
    b2 = add(session, MARCH + timedelta(days=3), phone="13900001111")
    add(session, MARCH + timedelta(days=4), phone="13700002222")
    add(session, datetime(2026, 2, 10), phone="13700002222")  # the other is in February
    add(session, MARCH + timedelta(days=5))  # no phone
    add(session, MARCH + timedelta(days=6))

    repeats = month_report(session, 2026, 3, at=AS_OF).repeat_complainants

    # A phone typed with dashes is the same phone.
    assert [(r.phone, r.count) for r in repeats] == [("13812341234", 3), ("13900001111", 2)]
    assert repeats[0].tickets == (a1.ticket_no, a2.ticket_no, a3.ticket_no)
    assert repeats[0].customer_name == "王芳"  # the latest name given
    assert repeats[1].tickets == (b1.ticket_no, b2.ticket_no)


def test_a_phone_written_with_86_or_spaces_is_the_same_complainant(session: Session) -> None:
    first = add(session, MARCH + timedelta(days=1), phone="13812341234")
    add(session, MARCH + timedelta(days=2), phone="+86 138-1234-1234")
    third = add(session, MARCH + timedelta(days=3), phone="１３８ １２３４ ５６７８")  # a typo
    service.update_complaint(session, third.id, "王芳", phone="138 1234 1234")  # corrected
    assert service.get(session, third.id).phone == "13812341234"  # stored as digits
    # Logged by an older version, which kept what was typed.
    session.execute(
        update(Complaint).where(Complaint.id == first.id).values(phone="86138-1234-1234")
    )
    fourth = add(session, MARCH + timedelta(days=4), phone="13812341234")
    session.execute(
        update(Complaint).where(Complaint.id == fourth.id).values(phone="138 1234 1234")
    )

    repeats = month_report(session, 2026, 3, at=AS_OF).repeat_complainants

    assert [(r.phone, r.count) for r in repeats] == [("13812341234", 4)]


@pytest.mark.parametrize(
    "typed", ["138****1234", "13812341234 / 13912341234", "+852 9123 4567", "12345", "问客服"]
)
def test_a_customer_phone_that_is_no_whole_number_is_kept_as_typed(
    session: Session, typed: str
) -> None:
    """Review: the form refused a masked number (138****1234) and two numbers, so the
    complaint could not be logged until the agent deleted what the customer gave."""
    assert add(session, MARCH, phone=typed).phone == typed


def test_repeat_waybills_include_merged_which_count_once_elsewhere(session: Session) -> None:
    first = add(session, MARCH + timedelta(days=1), waybill="YT4300000001", courier="张伟")
    dup = add(session, MARCH + timedelta(days=2), waybill="YT4300000001")
    service.merge(session, dup.id, first.id)
    third = add(session, MARCH + timedelta(days=3), waybill="YT4300000001", phone="13812341234")
    add(session, MARCH + timedelta(days=4), waybill="YT4300000002")

    r = month_report(session, 2026, 3, at=AS_OF)

    assert r.received == 3  # the merged duplicate counts through the one it joined
    assert sum(c.count for c in r.by_category) == 3
    assert sum(c.count for c in r.by_channel) == 3
    assert r.trend[-1].count == 3
    assert len(r.repeat_waybills) == 1
    w = r.repeat_waybills[0]
    assert (w.waybill_no, w.count, w.merged, w.courier_name) == ("YT4300000001", 3, 1, "张伟")
    assert w.tickets == (first.ticket_no, dup.ticket_no, third.ticket_no)


def test_merged_duplicates_are_left_out_of_repeat_complainants(session: Session) -> None:
    first = add(session, MARCH + timedelta(days=1), waybill="YT1", phone="13812341234")
    dup = add(session, MARCH + timedelta(days=1, hours=1), waybill="YT1", phone="13812341234")
    service.merge(session, dup.id, first.id)
    assert month_report(session, 2026, 3, at=AS_OF).repeat_complainants == ()


def test_trend_is_twelve_months_ending_at_the_month(session: Session) -> None:
    add(session, datetime(2025, 3, 31, 23))  # 13 months back: outside
    add(session, datetime(2025, 4, 1, 0))
    add(session, datetime(2025, 12, 31, 23, 59))
    add(session, datetime(2026, 1, 1, 0, 0))
    add(session, datetime(2026, 1, 15))
    add(session, datetime(2026, 3, 31, 23, 59))
    add(session, datetime(2026, 4, 1))  # after: outside

    points = month_report(session, 2026, 3, at=AS_OF).trend

    assert [p.label for p in points] == [
        "2025-04",
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    assert {p.label: p.count for p in points if p.count} == {
        "2025-04": 1,
        "2025-12": 1,
        "2026-01": 2,
        "2026-03": 1,
    }
    assert [p.count for p in trend(session, 2026, 4, months=2)] == [1, 1]


def test_an_empty_month(session: Session) -> None:
    add(session, datetime(2026, 1, 5))
    r = month_report(session, 2026, 3, at=AS_OF)
    assert r.is_empty
    assert r.received == 0
    assert r.overdue_rate is None
    assert r.close_times.closed == 0
    assert r.close_times.median_hours is None
    assert r.by_category == r.by_courier == r.by_channel == r.by_status == ()
    assert r.repeat_complainants == r.repeat_waybills == ()
    assert len(r.trend) == 12 and r.trend[-3].count == 1


# --- exports -----------------------------------------------------------------------------


def _sheet_rows(path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    wb = load_workbook(path)
    ws = wb[sheet] if sheet else wb.active
    assert ws is not None
    return list(ws.iter_rows(values_only=True))


def _march_log(session: Session) -> tuple[ComplaintRow, ComplaintRow, ComplaintRow]:
    first = add(
        session,
        datetime(2026, 3, 2, 9, 30),
        waybill="YT4300000001",
        phone="13812341234",
        customer="王女士",
        courier="张伟",
        channel="总部工单",
    )
    dup = add(session, datetime(2026, 3, 3, 8), waybill="YT4300000001", phone="13812341234")
    service.merge(session, dup.id, first.id)  # merged while open; closed afterwards
    close(session, first, datetime(2026, 3, 4, 10), 1250)
    late = add(session, datetime(2026, 3, 5, 8), path="遗失", phone="13912345678")
    add(session, datetime(2026, 2, 20, 8), phone="13700000000")  # February
    return first, dup, late


def test_export_complaints_one_row_each_with_masked_phones(
    session: Session, tmp_path: Path
) -> None:
    first, dup, late = _march_log(session)
    path = tmp_path / "complaints.xlsx"

    assert export_complaints(session, path, year=2026, month=3, at=AS_OF) == 3

    rows = _sheet_rows(path)
    assert list(rows[0]) == COMPLAINT_HEADERS
    by_ticket = {r[0]: dict(zip(COMPLAINT_HEADERS, r, strict=True)) for r in rows[1:]}
    assert list(by_ticket) == [first.ticket_no, dup.ticket_no, late.ticket_no]
    one = by_ticket[first.ticket_no]
    assert one["接收时间"] == datetime(2026, 3, 2, 9, 30)
    assert one["渠道"] == "总部工单"
    assert one["分类"] == "延误 › 派送延误"
    assert one["运单号"] == "YT4300000001"
    assert one["客户"] == "王女士"
    assert one["电话"] == "138****1234"
    assert one["业务员"] == "张伟"
    assert one["状态"] == "已结案"
    assert one["处理时限"] == datetime(2026, 3, 3, 9, 30)
    assert one["结案时间"] == datetime(2026, 3, 4, 10)
    assert one["是否超时"] == "是"
    assert one["处理结果"] == "已处理"
    assert one["赔偿金额(元)"] == 12.5
    assert one["合并到"] is None
    assert by_ticket[dup.ticket_no]["合并到"] == first.ticket_no
    assert by_ticket[late.ticket_no]["状态"] == "新建"
    assert by_ticket[late.ticket_no]["是否超时"] == "是"
    assert by_ticket[late.ticket_no]["电话"] == "139****5678"


def test_export_complaints_unmasked_and_every_month(session: Session, tmp_path: Path) -> None:
    _march_log(session)
    path = tmp_path / "all.xlsx"
    assert export_complaints(session, path, mask=False, at=AS_OF) == 4
    phones = [r[COMPLAINT_HEADERS.index("电话")] for r in _sheet_rows(path)[1:]]
    assert phones == ["13700000000", "13812341234", "13812341234", "13912345678"]
    with pytest.raises(ValueError):
        export_complaints(session, path, year=2026)


def test_export_complaints_is_styled(session: Session, tmp_path: Path) -> None:
    _march_log(session)
    path = tmp_path / "styled.xlsx"
    export_complaints(session, path, year=2026, month=3, at=AS_OF)
    ws = load_workbook(path).active
    assert ws is not None
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    assert ws.column_dimensions["C"].width >= 18  # 接收时间: a date and time, not ####
    assert ws["C2"].number_format == "yyyy-mm-dd hh:mm"


def test_export_month_report_sheets(session: Session, tmp_path: Path) -> None:
    first, dup, _late = _march_log(session)
    add(session, datetime(2026, 3, 20, 8), phone="13812341234", courier="张伟", due_hours=24 * 60)
    report = month_report(session, 2026, 3, at=AS_OF)
    path = tmp_path / "report.xlsx"

    export_month_report(report, path)

    wb = load_workbook(path)
    assert wb.sheetnames == ["概览", "按分类", "按业务员", "按渠道", "重复投诉", "12个月趋势"]
    for ws in wb:
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
    overview = {r[0]: r[1] for r in _sheet_rows(path, "概览")[1:]}
    assert overview["月份"] == "2026-03"
    assert overview["接收投诉（件）"] == 3
    assert overview["超时（件）"] == 2
    assert overview["超时率"] == "66.7%"
    assert overview["赔偿合计（元）"] == 12.5
    assert overview["状态：已结案"] == 1
    assert _sheet_rows(path, "按分类")[1:] == [
        ("延误", "派送延误", 2, "66.7%"),
        ("遗失", None, 1, "33.3%"),
    ]
    assert _sheet_rows(path, "按业务员")[1:] == [("张伟", 2, "66.7%"), ("未分配", 1, "33.3%")]
    assert _sheet_rows(path, "按渠道")[1] == ("电话", 2, "66.7%")
    repeats = _sheet_rows(path, "重复投诉")[1:]
    assert repeats[0][:4] == ("投诉人", "138****1234", "王女士", 2)
    assert repeats[1][:4] == ("运单", "YT4300000001", "张伟", 2)
    assert repeats[1][4] == f"{first.ticket_no}、{dup.ticket_no}（其中合并 1 件）"
    assert "13812341234" not in str(repeats)
    trend_rows = _sheet_rows(path, "12个月趋势")[1:]
    assert len(trend_rows) == 12
    assert trend_rows[-1] == ("2026-03", 3)
    assert trend_rows[-2] == ("2026-02", 1)
