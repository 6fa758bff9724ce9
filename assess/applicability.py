"""Whether an item applies to a zone, and why not (shown to users as 适用性)."""

from __future__ import annotations

from assess.checklist import Applicability, Item
from assess.models import ZoneProfile
from assess.regions import Region


def applies_to(rule: Applicability, zone: ZoneProfile) -> bool:
    """True when the zone's profile meets every condition of the rule."""
    if rule.regions and zone.region not in rule.regions:
        return False
    if rule.border and not zone.border:
        return False
    if rule.hub and not zone.hub:
        return False
    return not (rule.foreign_talent and not zone.foreign_talent)


def item_applies(item: Item, zone: ZoneProfile) -> bool:
    return applies_to(item.applies, zone)


def scope_text(rule: Applicability, *, en: bool = False) -> str:
    """Who the item is for, e.g. 仅适用于沿边地区; empty when it is for every zone."""
    parts: list[str] = []
    if rule.regions:
        names = [r.label_en if en else r.value for r in rule.regions]
        if not en and set(rule.regions) == {Region.CENTRAL, Region.WEST, Region.NORTHEAST}:
            parts.append("中西部和东北地区")
        else:
            parts.append((", ".join(names) + " regions") if en else "、".join(names) + "地区")
    if rule.border:
        parts.append("border zones" if en else "沿边地区")
    if rule.hub:
        parts.append("western hub start-up areas" if en else "西部枢纽节点起步区")
    if rule.foreign_talent:
        parts.append("zones with many foreign staff" if en else "外籍人才集中的经开区")
    if not parts:
        return ""
    return ("only for " + " + ".join(parts)) if en else "仅适用于" + "、".join(parts)


def applicability_text(item: Item, zone: ZoneProfile, *, en: bool = False) -> str:
    """适用 / 不适用（仅适用于…）, plus the 有条件的 note where the zone may opt out."""
    rule = item.applies
    if not applies_to(rule, zone):
        why = scope_text(rule, en=en)
        return f"not applicable ({why})" if en else f"不适用（{why}）"
    text = "applicable" if en else "适用"
    if rule.conditional:
        text += " (if the zone has the conditions)" if en else "（有条件的经开区）"
    return text
