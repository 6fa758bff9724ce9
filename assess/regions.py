"""Provinces and the four regions (NBS division) that decide which items apply."""

from __future__ import annotations

from enum import StrEnum


class Region(StrEnum):
    EAST = "东部"
    CENTRAL = "中部"
    WEST = "西部"
    NORTHEAST = "东北"


_REGION_PROVINCES: dict[Region, tuple[str, ...]] = {
    Region.EAST: ("北京", "天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"),
    Region.CENTRAL: ("山西", "安徽", "江西", "河南", "湖北", "湖南"),
    Region.WEST: (
        "内蒙古", "广西", "重庆", "四川", "贵州", "云南", "西藏",
        "陕西", "甘肃", "青海", "宁夏", "新疆", "新疆生产建设兵团",
    ),
    Region.NORTHEAST: ("辽宁", "吉林", "黑龙江"),
}  # fmt: skip

PROVINCE_REGION: dict[str, Region] = {
    p: region for region, provinces in _REGION_PROVINCES.items() for p in provinces
}
PROVINCES: tuple[str, ...] = tuple(PROVINCE_REGION)

_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def normalize_province(name: str) -> str | None:
    """江苏省 → 江苏, 广西壮族自治区 → 广西; None when it is not a province we know."""
    name = name.strip()
    if name in PROVINCE_REGION:
        return name
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in PROVINCE_REGION:
            return name[: -len(suffix)]
    return None


def region_of(province: str) -> Region:
    short = normalize_province(province)
    if short is None:
        raise ValueError(unknown_province_message(province))
    return PROVINCE_REGION[short]


def unknown_province_message(name: str) -> str:
    return f"未知省份「{name}」/ unknown province {name!r}. 可选 / valid: {'、'.join(PROVINCES)}"
