"""Lookup on the sample branch: every kind of query, routes, arrival times, robustness."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.io.importing import run_import
from branchdesk.lookup.couriers import list_couriers, update_courier
from branchdesk.lookup.models import Waybill
from branchdesk.lookup.service import classify, lookup
from branchdesk.lookup.waybills import carriers_for, detect_carrier, normalise_number
from branchdesk.sample import load_sample_branch
from tests.conftest import SAMPLE_WAYBILLS


@pytest.fixture
def sample(db: Database, sample_of: Callable[[int], Database]) -> Iterator[Session]:
    sample_of(SAMPLE_WAYBILLS)
    with db.read_session() as s:  # held open through the test: a reader, which never blocks
        yield s


@pytest.mark.parametrize(
    ("address", "courier"),
    [
        ("浙江省宁波市海曙区中山西路37号", "王强"),  # odd side from the 门牌范围 column
        ("中山西路38号", "陈静"),  # even side
        ("春江花月晓风苑3幢502室", "张伟"),  # sub-name in brackets
        ("万达广场Ａ座１２０１室", "李娜"),  # full-width letters and digits
        ("望京路99号", "陈静"),  # closed range
        ("望京路388号", "刘洋"),  # open range 以后
        ("环城西路1000号", "刘洋"),  # 全段
        ("月湖小区5幢", "赵敏"),  # building range
        ("月湖小区15栋", "杨帆"),  # 栋 = 幢
        ("天一家园3号楼", "杨帆"),  # 号楼 = 幢
        ("解放南路150号", "杨帆"),  # range in a separate column
        ("解放南路250号", "王强"),  # 以上
        ("石碶街道星光村5号", "吴刚"),  # town
        ("海曙区某某路1号", "张伟"),  # district fallback
    ],
)
def test_sample_addresses_find_their_courier(sample: Session, address: str, courier: str) -> None:
    result = lookup(sample, address)
    assert result.couriers, address
    assert result.couriers[0].name == courier
    assert result.couriers[0].reason and result.couriers[0].rule


def test_tie_between_couriers_is_flagged(sample: Session) -> None:
    result = lookup(sample, "望京路")  # no number: both ranges of 望京路 are possible
    assert result.ambiguous
    assert {c.name for c in result.couriers[:2]} == {"陈静", "刘洋"}


def test_route_and_arrival_days_follow_the_destination(sample: Session) -> None:
    local = lookup(sample, "浙江省宁波市海曙区中山西路37号")
    assert local.route is not None and local.route.hub == "宁波分拨中心"
    assert local.arrival_days == "1"
    far = lookup(sample, "新疆乌鲁木齐市天山区解放北路1号")
    assert far.route is not None and far.route.province == "新疆维吾尔自治区"
    assert far.arrival_days == "5-7"
    assert far.couriers == []


def test_waybill_number_in_any_format_finds_the_parcel_and_its_courier(
    sample: Session,
) -> None:
    waybill = sample.scalars(select(Waybill).where(Waybill.carrier == "圆通")).first()
    assert waybill is not None
    for query in (waybill.number, waybill.number.lower(), f" {waybill.number}-1-2 "):
        result = lookup(sample, query)
        assert result.kind == "waybill"
        assert result.waybills[0].number == waybill.number
        assert result.couriers and result.address == waybill.address


def test_phone_and_phone_tail(sample: Session) -> None:
    waybill = sample.scalars(select(Waybill)).first()
    assert waybill is not None and waybill.phone
    assert waybill.number in [w.number for w in lookup(sample, waybill.phone).waybills]
    tail = lookup(sample, waybill.phone[-4:])
    assert tail.kind == "phone_tail"
    assert all(w.phone and w.phone.endswith(waybill.phone[-4:]) for w in tail.waybills)


@pytest.mark.parametrize(
    ("query", "couriers"),
    [("万达", ["李娜"]), ("晓风", ["张伟"]), ("月", ["张伟", "赵敏", "杨帆"])],
)
def test_one_and_two_character_queries_give_results(
    sample: Session, query: str, couriers: list[str]
) -> None:
    result = lookup(sample, query)
    assert [c.name for c in result.couriers] == couriers
    assert all(query in (w.address or "") + (w.recipient or "") for w in result.waybills)


def test_two_characters_of_a_community_name_show_its_courier(sample: Session) -> None:
    result = lookup(sample, "万达")
    assert result.couriers[0].name == "李娜"


def test_suggestions_for_typos_and_pinyin_initials(sample: Session) -> None:
    assert "春江花月" in lookup(sample, "cjhy").suggestions
    assert "环城西路" in lookup(sample, "环程西路").suggestions


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "*",
        '"OR 1=1 --',
        "NEAR(",
        "😀📦",
        "x" * 10_000,
        "中" * 10_000,
        "\x00\x07",
        "%_\\",
        "^$.|?*+()[]{}",
        "  ",
        "(",
        "AND",
        "-",
    ],
)
def test_any_text_is_accepted(sample: Session, query: str) -> None:
    result = lookup(sample, query)
    json.dumps(result.to_json(), ensure_ascii=False, default=str)


def test_json_shape_is_stable(sample: Session) -> None:
    data = lookup(sample, "中山西路37号").to_json()
    assert {"couriers", "waybills", "route", "arrival_days"} <= data.keys()
    assert {"name", "employee_no", "phone", "segment_code", "score", "rule"} <= data["couriers"][
        0
    ].keys()
    if data["waybills"]:
        assert {"number", "carrier", "address", "status", "courier"} <= data["waybills"][0].keys()


def test_inactive_courier_ranks_below_active_ones(db: Database, sample: Session) -> None:
    wang = next(c for c in list_couriers(sample) if c.name == "王强")
    with db.session() as s:
        update_courier(s, wang.id, active=False)
    with db.session() as s:
        result = lookup(s, "宁波市海曙区中山西路37号")
    assert result.couriers[0].name == "张伟"  # the district's courier, active
    assert any(c.name == "王强" and not c.active for c in result.couriers)


def test_courier_edits_are_validated(db: Database, sample: Session) -> None:
    courier = next(c for c in list_couriers(sample) if c.name == "张伟")
    with db.session() as s, pytest.raises(BranchDeskError):
        update_courier(s, courier.id, name="  ")
    with db.session() as s, pytest.raises(BranchDeskError):
        update_courier(s, courier.id, phone="138abc")
    with db.session() as s:
        row = update_courier(s, courier.id, name="张伟伟", phone="138-0574-0000")
    assert (row.name, row.phone) == ("张伟伟", "13805740000")
    with db.session() as s:
        assert lookup(s, "春江花月晓风苑").couriers[0].name == "张伟伟"


def test_sample_cannot_load_twice(db: Database, sample: Session) -> None:
    with db.session() as s, pytest.raises(BranchDeskError):
        load_sample_branch(s)


@pytest.mark.parametrize(
    ("number", "carrier"),
    [
        ("73123456789012", "中通"),
        ("YT1234567890123", "圆通"),
        ("JT1234567890123", "极兔"),
        ("SF1234567890123", "顺丰"),
        ("JDX123456789012", "京东"),
        ("771234567890123", "申通"),
        ("312345678901234", "韵达"),
        ("AA123456789CN", "邮政"),
    ],
)
def test_waybill_carriers(number: str, carrier: str) -> None:
    assert detect_carrier(number) == carrier
    assert classify(number) == "waybill"


def test_waybill_normalisation() -> None:
    assert normalise_number(" yt１２３４５６７８９０１２３-1-2 ") == "YT1234567890123"
    # 43 + 13 digits fits both 申通 and 韵达: no single carrier
    assert len(carriers_for("431234567890123")) == 2
    assert detect_carrier("431234567890123") == "未知"


def test_phones_are_stored_and_found_in_one_form(db: Database, tmp_path: Path) -> None:
    csv = tmp_path / "phones.csv"
    csv.write_text(
        "运单号,收件人,收件电话,收件地址\n"
        "73100000000001,甲,8613812345678,中山西路1号\n"
        "73100000000002,乙,１３９１２３４５６７８,中山西路2号\n"
        "73100000000003,丙,+86 138-0000-1111,中山西路3号\n",
        encoding="utf-8",
    )
    with db.session() as s:
        run_import(s, csv, "waybills")
    with db.session() as s:
        assert [w.number for w in lookup(s, "13812345678").waybills] == ["73100000000001"]
        assert [w.number for w in lookup(s, "+86 13912345678").waybills] == ["73100000000002"]
        assert [w.number for w in lookup(s, "5678").waybills] == [
            "73100000000002",
            "73100000000001",
        ]
        assert [w.number for w in lookup(s, "1111").waybills] == ["73100000000003"]


def test_short_queries_find_recipients(db: Database, tmp_path: Path) -> None:
    csv = tmp_path / "short.csv"
    csv.write_text(
        "运单号,快递公司,收件人,收件地址\n"
        "73100000000011,中通,张三,西湖区文三路\n"
        "73100000000012,中通,李四,滨江区江南大道\n"
        "７３１０００００００００１３,中通,王五,江南大道\n",
        encoding="utf-8",
    )
    with db.session() as s:
        run_import(s, csv, "waybills")
    with db.session() as s:
        # 1-2 characters: recipients' names, the whole name or any part of it.
        assert {w.number for w in lookup(s, "王五").waybills} == {
            "73100000000013"  # full-width digits in the file, stored normalised
        }
        assert {w.number for w in lookup(s, "三").waybills} == {"73100000000011"}
        assert {w.number for w in lookup(s, "李").waybills} == {"73100000000012"}
        assert lookup(s, "三西").waybills == []  # no pair across name and address
        # Addresses need 3 characters (a 2-character piece of an address matches
        # thousands of parcels); then every waybill on that road is found.
        assert lookup(s, "大道").waybills == []
        assert {w.number for w in lookup(s, "南大道").waybills} == {
            "73100000000012",
            "73100000000013",
        }


@pytest.mark.parametrize(
    ("address", "courier"),
    [
        ("天一家园小区5号楼", "杨帆"),
        ("泰和花园三期2栋", "黄磊"),
        ("月湖小区第3幢", "赵敏"),
        ("月湖小区第15幢301", "杨帆"),
    ],
)
def test_building_number_after_estate_words(sample: Session, address: str, courier: str) -> None:
    result = lookup(sample, address)
    assert not result.ambiguous
    assert result.couriers[0].name == courier


def test_estate_split_into_blocks_without_a_block_in_the_address(sample: Session) -> None:
    result = lookup(sample, "华联大厦1201室")
    assert result.couriers[0].name == "黄磊"
    assert "华联大厦" in result.couriers[0].reason


def test_an_address_finds_exactly_the_parcels_that_hold_it(db: Database, tmp_path: Path) -> None:
    from branchdesk.io.export import write_table

    path = tmp_path / "waybills.xlsx"
    write_table(
        path,
        ["运单号", "收件人", "收件地址"],
        [
            ["YT1000000000001", "甲", "浙江省宁波市海曙区柳月港广场B座1403室"],
            ["YT1000000000002", "乙", "柳月港广场B座1403室"],
            ["YT1000000000003", "丙", "浙江省宁波市海曙区柳月港广场B座1404室"],
            ["YT1000000000004", "丁", "柳月港广场b座1403室"],
        ],
    )
    with db.session() as s:
        run_import(s, path, "waybills")
    with db.session() as s:
        found = {w.recipient for w in lookup(s, "浙江省宁波市海曙区柳月港广场B座1403室").waybills}
        assert found == {"甲", "乙", "丁"}  # written with or without the region, any case
        assert {w.recipient for w in lookup(s, "柳月港广场B座1404").waybills} == {"丙"}


def test_a_search_during_the_start_up_build_waits_for_it_instead_of_building_again(
    db: Database, sample_of: Callable[[int], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's warm-up builds the area index in a worker; an agent's first search on the
    UI thread meanwhile gets that same index, not a second build beside it."""
    import threading
    import time

    from branchdesk.lookup import service

    sample_of(SAMPLE_WAYBILLS)
    builds: list[int] = []
    real_init = service.LookupIndex.__init__

    def slow_init(self: service.LookupIndex, session: Session) -> None:
        builds.append(threading.get_ident())
        time.sleep(0.3)  # long enough for the second caller to arrive mid-build
        real_init(self, session)

    monkeypatch.setattr(service.LookupIndex, "__init__", slow_init)
    monkeypatch.setattr(service, "_cache", {})
    got: list[service.LookupIndex] = []

    def build() -> None:
        with db.read_session() as s:
            got.append(service.lookup_index(s))

    warm_up = threading.Thread(target=build)
    warm_up.start()
    time.sleep(0.05)
    with db.read_session() as s:
        result = lookup(s, "中山西路38号")
    warm_up.join()
    assert len(builds) == 1
    assert [c.name for c in result.couriers][:1] == ["陈静"]
    with db.read_session() as s:
        assert service.lookup_index(s) is got[0]


def test_a_tie_under_a_district_no_table_knows_keeps_both_warnings_in_the_export(
    sample: Session, tmp_path: Path, ningbo_branch: None
) -> None:
    """批量分单's export wrote the tie and dropped the caution about 江东区 (review)."""
    from branchdesk.io.reader import read_sheet
    from branchdesk.lookup.exports import export_batch_lookup

    result = lookup(sample, "江东区望京路")
    assert result.ambiguous and result.caution and "江东区" in result.caution
    assert result.region is not None and result.region.district is None  # the city only
    export_batch_lookup([result], tmp_path / "batch.xlsx")
    header, row = read_sheet(tmp_path / "batch.xlsx").rows[:2]
    note = str(row[header.index("备注")])
    assert "tie between couriers" in note and "江东区" in note
    assert not result.sure and result.to_json()["sure"] is False


def test_an_answer_with_a_caution_is_not_told_as_sure(
    sample: Session, tmp_path: Path, ningbo_branch: None
) -> None:
    """江东区中山西路37号 matched its road exactly, but under a district no table knows: the
    export said 精确匹配 beside the caution, and `--json` had no word for "do not tell it"."""
    from branchdesk.io.reader import read_sheet
    from branchdesk.lookup.exports import export_batch_lookup

    plain, cautioned = lookup(sample, "中山西路37号"), lookup(sample, "江东区中山西路37号")
    assert plain.level == cautioned.level == "exact" and cautioned.caution
    assert plain.sure and plain.to_json()["sure"] is True
    assert not cautioned.sure and cautioned.to_json()["sure"] is False
    export_batch_lookup([plain, cautioned], tmp_path / "batch.xlsx")
    header, *rows = read_sheet(tmp_path / "batch.xlsx").rows[:3]
    shown = [str(row[header.index("匹配程度")]) for row in rows]
    assert shown == ["Exact rule", "Exact rule · to be checked"]


@pytest.mark.parametrize("address", ["杭州市中山西路5号", "浙江杭州中山西路5号"])
def test_an_address_in_another_city_finds_no_courier_and_says_why(
    sample: Session, ningbo_branch: None, address: str
) -> None:
    """杭州市中山西路5号 at a 宁波 branch was answered by its 中山西路 courier, sure; so was
    浙江杭州中山西路5号 (the city short, after its province)."""
    result = lookup(sample, address)
    assert result.couriers == [] and not result.sure
    assert result.caution is not None and "杭州市" in result.caution
    assert lookup(sample, "宁波市中山西路5号").sure
    assert lookup(sample, "浙江宁波中山西路5号").sure


@pytest.mark.parametrize(
    ("typed", "courier"), [("藥行街12號", "李娜"), ("鎮明路88號", "周杰"), ("萬達廣場A座", "李娜")]
)
def test_an_address_in_traditional_characters_finds_its_courier(
    sample: Session, typed: str, courier: str
) -> None:
    """藥行街12號 found nothing: the table is in simplified characters."""
    result = lookup(sample, typed)
    assert result.sure and result.couriers[0].name == courier


def test_a_city_s_short_name_before_the_road_is_not_said_as_sure(
    sample: Session, ningbo_branch: None
) -> None:
    """杭州中山西路5号 at a 宁波 branch was 中山西路's courier, sure."""
    result = lookup(sample, "杭州中山西路5号")
    assert result.couriers and not result.sure
    assert result.caution is not None and "杭州" in result.caution


@pytest.mark.parametrize("address", ["普陀区解放南路5号", "鼓楼区中山西路5号"])
def test_a_district_of_several_cities_the_rules_do_not_name_is_to_be_checked(
    sample_db: Database, monkeypatch: pytest.MonkeyPatch, address: str, ningbo_branch: None
) -> None:
    """普陀区 (上海 and 舟山) lost its red caution once such names were read as districts, and
    a 宁波 branch's courier was told as sure (review)."""
    from sqlalchemy import update

    from branchdesk.lookup import service
    from branchdesk.lookup.models import AreaRule

    with sample_db.session() as s:
        s.execute(update(AreaRule).values(district=None))  # a table with no 区县 column
    monkeypatch.setattr(service, "_cache", {})
    with sample_db.read_session() as s:
        result = lookup(s, address)
    assert result.couriers and not result.sure and result.caution is not None
    assert "check the district" in result.caution


def test_an_address_in_another_city_does_not_find_the_branch_s_parcels_of_that_road(
    sample: Session, ningbo_branch: None
) -> None:
    """杭州市中山西路5号 listed 宁波市海曙区中山西路5号's parcel: the city was cut off before the
    waybills were searched."""
    assert lookup(sample, "宁波市中山西路").waybills
    assert lookup(sample, "杭州市中山西路").waybills == []
    assert lookup(sample, "浙江杭州中山西路").waybills == []
