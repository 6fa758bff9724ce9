"""Provinces and the four regions (NBS division) that decide which items apply.

Also where the profile attributes can hold at all: 沿边 zones lie only in the land-border
provinces, the 西部枢纽节点起步区 only in four western provinces (see :mod:`assess.profile_rules`).
"""

from __future__ import annotations

from enum import StrEnum

from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts.profile import PROVINCE_UNKNOWN, PROVINCE_WRONG_SUFFIX
from assess.texts.provinces import PROVINCE


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

# The land-border provinces (and the 兵团): the only places with 沿边 zones.
BORDER_PROVINCES: tuple[str, ...] = (
    "内蒙古", "辽宁", "吉林", "黑龙江", "广西", "云南", "西藏", "甘肃", "新疆", "新疆生产建设兵团",
)  # fmt: skip

# The 东数西算 western hub start-up areas (西部枢纽节点起步区) and their provinces.
HUB_AREAS: dict[str, str] = {"内蒙古": "和林格尔", "贵州": "贵安", "甘肃": "庆阳", "宁夏": "中卫"}

# The official suffix of each province's full name; a short name with another suffix is refused.
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
PROVINCE_SUFFIX: dict[str, str] = {
    **{p: "省" for p in PROVINCES},
    **{p: "市" for p in _MUNICIPALITIES},
    "内蒙古": "自治区",
    "广西": "壮族自治区",
    "西藏": "自治区",
    "宁夏": "回族自治区",
    "新疆": "维吾尔自治区",
    "新疆生产建设兵团": "",
}

# Common short forms people type.
PROVINCE_ALIASES: dict[str, str] = {
    "内蒙": "内蒙古",
    "兵团": "新疆生产建设兵团",
    "新疆兵团": "新疆生产建设兵团",
}

_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def _accepted_names() -> dict[str, str]:
    """Every accepted spelling → the short name: 江苏, 江苏省; 广西, 广西壮族自治区, 广西自治区."""
    names: dict[str, str] = {}
    for short, suffix in PROVINCE_SUFFIX.items():
        names[short] = short
        if suffix:
            names[short + suffix] = short
            if suffix.endswith("自治区"):
                names[short + "自治区"] = short  # 广西自治区, 新疆自治区: informal but right
    for alias, short in PROVINCE_ALIASES.items():
        names[alias] = short
        names[alias + PROVINCE_SUFFIX[short]] = short  # 内蒙自治区
    for short, english in PROVINCE.items():  # --province Jiangsu (stored as 江苏)
        names[english.en.casefold()] = short
    return names


_ACCEPTED = _accepted_names()


def normalize_province(name: str) -> str | None:
    """江苏省 → 江苏, 广西壮族自治区 → 广西, 兵团 → 新疆生产建设兵团, Jiangsu → 江苏; None if
    not a province."""
    return _ACCEPTED.get(name.strip()) or _ACCEPTED.get(name.strip().casefold())


def wrong_suffix(name: str) -> str | None:
    """The province a name means when only its suffix is wrong (江苏自治区 → 江苏), else None."""
    name = name.strip()
    if name in _ACCEPTED:
        return None
    for suffix in _SUFFIXES:
        stem = name[: -len(suffix)]
        if name.endswith(suffix) and stem in _ACCEPTED:
            return _ACCEPTED[stem]
    return None


def full_name(short: str) -> str:
    """江苏 → 江苏省, 广西 → 广西壮族自治区: the name as the province itself writes it."""
    return short + PROVINCE_SUFFIX[short]


def region_of(province: str) -> Region:
    short = normalize_province(province)
    if short is None:
        raise ValueError(unknown_province_message(province))
    return PROVINCE_REGION[short]


def unknown_province(name: str) -> tuple[Text, dict[str, str]]:
    """What was typed, why it is refused, and what to type instead: an entry and its params."""
    meant = wrong_suffix(name)
    if meant is not None:
        return PROVINCE_WRONG_SUFFIX, {
            "name": name.strip(),
            "short": meant,
            "full": full_name(meant),
        }
    return PROVINCE_UNKNOWN, {"name": name, "valid": "、".join(PROVINCES)}


def unknown_province_message(name: str) -> str:
    """:func:`unknown_province` in both languages."""
    entry, params = unknown_province(name)
    return f"{Texts(Lang.ZH)(entry, **params)} / {Texts(Lang.EN)(entry, **params)}"
