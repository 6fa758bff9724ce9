"""English names of the provinces (a zone's province is stored in Chinese, e.g. 江苏 or 江苏省)."""

from __future__ import annotations

from assess.texts.catalog import Text, Texts, text

_ENGLISH = {
    "北京": "Beijing",
    "天津": "Tianjin",
    "河北": "Hebei",
    "上海": "Shanghai",
    "江苏": "Jiangsu",
    "浙江": "Zhejiang",
    "福建": "Fujian",
    "山东": "Shandong",
    "广东": "Guangdong",
    "海南": "Hainan",
    "山西": "Shanxi",
    "安徽": "Anhui",
    "江西": "Jiangxi",
    "河南": "Henan",
    "湖北": "Hubei",
    "湖南": "Hunan",
    "内蒙古": "Inner Mongolia",
    "广西": "Guangxi",
    "重庆": "Chongqing",
    "四川": "Sichuan",
    "贵州": "Guizhou",
    "云南": "Yunnan",
    "西藏": "Tibet",
    "陕西": "Shaanxi",
    "甘肃": "Gansu",
    "青海": "Qinghai",
    "宁夏": "Ningxia",
    "新疆": "Xinjiang",
    "新疆生产建设兵团": "Xinjiang Production and Construction Corps",
    "辽宁": "Liaoning",
    "吉林": "Jilin",
    "黑龙江": "Heilongjiang",
}

PROVINCE: dict[str, Text] = {
    short: text(f"Province.{short}", short, english) for short, english in _ENGLISH.items()
}


def province_label(province: str, t: Texts) -> str:
    """The province as the user reads it: as stored in Chinese, its English name in English.

    A value that is not a known province is shown as it is (it is the zone's own entry).
    """
    from assess.regions import normalize_province  # regions imports the catalog

    short = normalize_province(province)
    if short is None or short not in PROVINCE or not t.en:
        return province
    return t(PROVINCE[short])
