"""Where 沿边 and 西部枢纽节点起步区 can hold, and which province names are accepted (issue 12).

The rules live in one function (``assess.profile_rules.profile_violations``); these tests cover
every province for each rule, so a province added to or dropped from a list fails here.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assess.lang import Lang
from assess.models import ZoneProfile
from assess.profile_rules import profile_violations, violation_text
from assess.regions import PROVINCES

LAND_BORDER = (
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "广西",
    "云南",
    "西藏",
    "甘肃",
    "新疆",
    "新疆生产建设兵团",
)
HUB = {"内蒙古": "和林格尔", "贵州": "贵安", "甘肃": "庆阳", "宁夏": "中卫"}


def codes(**profile: object) -> list[str]:
    return [v.code for v in profile_violations(ZoneProfile(name="z", **profile))]  # type: ignore[arg-type]


@pytest.mark.parametrize("province", LAND_BORDER)
def test_border_accepted_in_land_border_provinces(province: str) -> None:
    assert codes(province=province, border=True) == []


@pytest.mark.parametrize("province", [p for p in PROVINCES if p not in LAND_BORDER])
def test_border_refused_elsewhere(province: str) -> None:
    assert codes(province=province, border=True) == ["border_province"]


@pytest.mark.parametrize("province", HUB)
def test_hub_accepted_in_the_four_hub_provinces(province: str) -> None:
    assert codes(province=province, hub=True) == []


@pytest.mark.parametrize("province", [p for p in PROVINCES if p not in HUB])
def test_hub_refused_elsewhere_even_in_the_west(province: str) -> None:
    """四川, 重庆, 新疆, 西藏 and 兵团 are western but have no hub start-up area."""
    assert codes(province=province, hub=True) == ["hub_province"]


@pytest.mark.parametrize("province", PROVINCES)
def test_foreign_talent_is_the_zones_own_judgement(province: str) -> None:
    assert codes(province=province, foreign_talent=True) == []


def test_both_rules_reported_and_a_file_still_loads() -> None:
    """A file with 江苏 and hub=true is a valid file whose profile breaks two rules."""
    zone = ZoneProfile(name="z", province="江苏", border=True, hub=True)
    assert [v.code for v in profile_violations(zone)] == ["border_province", "hub_province"]
    assert [v.flag for v in profile_violations(zone)] == ["border", "hub"]


def test_messages_name_the_rule_and_the_allowed_places() -> None:
    (border,) = profile_violations(ZoneProfile(name="z", province="河南", border=True))
    zh = violation_text(border, Lang.ZH)
    assert "沿边仅限陆地边境省份" in zh and "河南" in zh and "黑龙江" in zh
    assert "land-border provinces" in violation_text(border, Lang.EN)
    (hub,) = profile_violations(ZoneProfile(name="z", province="四川", hub=True))
    assert all(a in violation_text(hub, Lang.ZH) for a in ("和林格尔", "贵安", "庆阳", "中卫"))
    en = violation_text(hub, Lang.EN)
    assert "Horinger" in en and "Zhongwei" in en and "和林格尔" not in en


@pytest.mark.parametrize(
    ("name", "short"),
    [("江苏省", "江苏"), ("北京市", "北京"), ("重庆市", "重庆"), ("广西壮族自治区", "广西"),
     ("广西自治区", "广西"), ("内蒙古自治区", "内蒙古"), ("内蒙", "内蒙古"), ("内蒙古", "内蒙古"),
     ("宁夏回族自治区", "宁夏"), ("新疆维吾尔自治区", "新疆"), ("西藏自治区", "西藏"),
     ("兵团", "新疆生产建设兵团"), ("新疆兵团", "新疆生产建设兵团"), (" 新疆生产建设兵团 ", "新疆生产建设兵团")],
)  # fmt: skip
def test_province_full_and_short_forms_accepted(name: str, short: str) -> None:
    assert ZoneProfile(name="z", province=name).province == short


@pytest.mark.parametrize(
    ("name", "full"),
    [("江苏自治区", "江苏省"), ("北京省", "北京市"), ("广西省", "广西壮族自治区"), ("广西回族自治区", "广西壮族自治区"),
     ("上海省", "上海市"), ("新疆省", "新疆维吾尔自治区"), ("四川市", "四川省"), ("内蒙省", "内蒙古自治区")],
)  # fmt: skip
def test_wrong_suffix_refused_with_the_right_name(name: str, full: str) -> None:
    with pytest.raises(ValidationError) as info:
        ZoneProfile(name="z", province=name)
    message = str(info.value)
    assert name in message and f"“{full}”" in message and "wrong suffix" in message


def test_unknown_province_lists_valid_ones_and_short_forms() -> None:
    with pytest.raises(ValidationError) as info:
        ZoneProfile(name="z", province="江南")
    assert "江苏" in str(info.value) and "兵团" in str(info.value)
