"""Province / city / district recognition at the start of an address."""

from __future__ import annotations

import pytest

from branchdesk.lookup.regions import Region, province_names, recognise, short_name


@pytest.mark.parametrize(
    ("address", "province", "city", "district", "rest"),
    [
        ("浙江省宁波市海曙区晓风苑3幢", "浙江省", "宁波市", "海曙区", "晓风苑3幢"),
        ("浙江宁波海曙晓风苑", "浙江省", "宁波市", "海曙区", "晓风苑"),
        ("浙江 宁波 海曙区 晓风苑", "浙江省", "宁波市", "海曙区", "晓风苑"),
        ("宁波市海曙区鼓楼街道", "浙江省", "宁波市", "海曙区", "鼓楼街道"),
        ("宁波海曙姚江路12号", "浙江省", "宁波市", "海曙区", "姚江路12号"),
        ("海曙区姚江路12号", "浙江省", "宁波市", "海曙区", "姚江路12号"),
        ("浙江省宁波市姚江路", "浙江省", "宁波市", None, "姚江路"),
        ("浙江省姚江路", "浙江省", None, None, "姚江路"),
        ("宁波姚江路", "浙江省", "宁波市", None, "姚江路"),
        ("浙江省海曙区晓风苑", "浙江省", "宁波市", "海曙区", "晓风苑"),
    ],
)
def test_full_and_short_forms(
    address: str, province: str, city: str | None, district: str | None, rest: str
) -> None:
    assert recognise(address) == Region(province, city, district, rest)


@pytest.mark.parametrize(
    ("address", "province", "district", "rest"),
    [
        ("北京市朝阳区建国路", "北京市", "朝阳区", "建国路"),
        ("北京朝阳建国路", "北京市", "朝阳区", "建国路"),
        ("北京市北京市朝阳区建国路", "北京市", "朝阳区", "建国路"),
        ("上海浦东新区张江路", "上海市", "浦东新区", "张江路"),
        ("上海市浦东新区张江路", "上海市", "浦东新区", "张江路"),
        ("重庆市渝中区解放碑", "重庆市", "渝中区", "解放碑"),
        ("天津和平区南京路", "天津市", "和平区", "南京路"),
    ],
)
def test_municipalities_report_themselves_as_city(
    address: str, province: str, district: str, rest: str
) -> None:
    assert recognise(address) == Region(province, province, district, rest)


def test_municipality_alone() -> None:
    assert recognise("上海市") == Region("上海市", "上海市", None, "")


@pytest.mark.parametrize(
    ("address", "province", "city", "district"),
    [
        ("内蒙古呼和浩特市新城区", "内蒙古自治区", "呼和浩特市", "新城区"),
        ("内蒙古自治区包头市", "内蒙古自治区", "包头市", None),
        ("广西南宁青秀区", "广西壮族自治区", "南宁市", "青秀区"),
        ("广西壮族自治区桂林市", "广西壮族自治区", "桂林市", None),
        ("新疆乌鲁木齐天山区", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
        ("宁夏银川兴庆区", "宁夏回族自治区", "银川市", "兴庆区"),
        ("西藏拉萨城关区", "西藏自治区", "拉萨市", "城关区"),
        ("吉林延边延吉", "吉林省", "延边朝鲜族自治州", "延吉市"),
        ("湖北仙桃市", "湖北省", None, "仙桃市"),
        ("广东东莞市长安镇", "广东省", "东莞市", None),
        ("吉林市船营区", "吉林省", "吉林市", "船营区"),
        ("吉林长春朝阳区", "吉林省", "长春市", "朝阳区"),
        ("深圳南山科技园", "广东省", "深圳市", "南山区"),
    ],
)
def test_autonomous_regions_and_special_cases(
    address: str, province: str, city: str | None, district: str | None
) -> None:
    region = recognise(address)
    assert (region.province, region.city, region.district) == (province, city, district)


def test_shared_district_name_needs_context() -> None:
    # 鼓楼区 exists in 南京, 福州, 徐州 and 开封
    assert recognise("鼓楼区中山路") == Region(None, None, None, "鼓楼区中山路")
    assert recognise("江苏南京鼓楼区中山路") == Region("江苏省", "南京市", "鼓楼区", "中山路")
    assert recognise("福州鼓楼区五四路").city == "福州市"
    # 朝阳区 is in 北京 and 长春
    assert recognise("朝阳区建国路").district is None


def test_unique_district_alone_is_accepted() -> None:
    assert recognise("海曙区姚江路").city == "宁波市"
    # A bare short county name needs a city or province before it (see 泰和花园 below).
    assert recognise("鄞州区中河街道") == Region("浙江省", "宁波市", "鄞州区", "中河街道")
    assert recognise("宁波鄞州中河街道") == Region("浙江省", "宁波市", "鄞州区", "中河街道")


def test_short_name_followed_by_road_is_not_a_place() -> None:
    assert recognise("南山路12号") == Region(None, None, None, "南山路12号")
    assert recognise("宁波市江北路3号").district is None


def test_nothing_recognised() -> None:
    assert recognise("晓风苑3幢") == Region(None, None, None, "晓风苑3幢")


@pytest.mark.parametrize("text", ["", "😀", "'\"*", "浙江" * 5000, "x" * 10_000, "\x00"])
def test_any_text(text: str) -> None:
    region = recognise(text)
    assert isinstance(region.rest, str)


def test_province_names() -> None:
    names = province_names()
    assert len(names) == 34
    assert {
        "浙江省",
        "北京市",
        "广西壮族自治区",
        "内蒙古自治区",
        "香港特别行政区",
        "台湾省",
    } <= set(names)


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("浙江省", "浙江"),
        ("广西壮族自治区", "广西"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("宁夏回族自治区", "宁夏"),
        ("西藏自治区", "西藏"),
        ("香港特别行政区", "香港"),
        ("北京市", "北京"),
        ("宁波市", "宁波"),
        ("海曙区", "海曙"),
        ("浦东新区", "浦东"),
        ("延边朝鲜族自治州", "延边"),
        ("恩施土家族苗族自治州", "恩施"),
        ("博尔塔拉蒙古自治州", "博尔塔拉"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("阿里地区", "阿里"),
        ("长阳土家族自治县", "长阳"),
        ("忠县", "忠县"),
        ("矿区", "矿区"),
        ("宁波", "宁波"),
    ],
)
def test_short_name(full: str, short: str) -> None:
    assert short_name(full) == short


@pytest.mark.parametrize(
    "address",
    ["泰和花园8栋1402室", "海曙花苑3号", "永康小区5幢"],
)
def test_bare_county_short_name_at_start_is_not_a_region(address: str) -> None:
    # 泰和 is a county in 江西, but 泰和花园 is an estate: nothing may be stripped.
    region = recognise(address)
    assert region.district is None
    assert region.rest == address


def test_county_short_name_after_its_city_still_counts() -> None:
    region = recognise("宁波海曙中山西路37号")
    assert region.district == "海曙区"
    assert region.rest == "中山西路37号"


@pytest.mark.parametrize("address", ["中山西路38号", "北京东路5号", "南京中路100号"])
def test_city_name_that_starts_a_road_is_not_a_region(address: str) -> None:
    assert recognise(address) == Region(None, None, None, address)
