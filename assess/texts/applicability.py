"""How an item's applicability reads: 适用 / 不适用（仅适用于…）, with the 有条件的 note."""

from __future__ import annotations

from assess.applicability import applies_to
from assess.checklist import Applicability, Item
from assess.models import ZoneProfile
from assess.regions import Region
from assess.texts.catalog import Texts, text

APPLICABLE = text("applicability.applicable", "适用", "applicable")
CONDITIONAL = text(
    "applicability.conditional", "（有条件的经开区）", " (if the zone has the conditions)"
)
NOT_APPLICABLE = text("applicability.not_applicable", "不适用（{why}）", "not applicable ({why})")
ONLY_FOR = text("applicability.only_for", "仅适用于{who}", "only for {who}")
REGIONS = text("applicability.regions", "{names}地区", "{names} regions")
INLAND = text("applicability.inland", "中西部和东北地区", "Central, West, Northeast regions")
JOIN = text("applicability.join", "、", " + ")
FLAGS = {
    "border": text("applicability.border", "沿边地区", "border zones"),
    "hub": text("applicability.hub", "西部枢纽节点起步区", "western hub start-up areas"),
    "foreign_talent": text(
        "applicability.foreign_talent", "外籍人才集中的经开区", "zones with many foreign staff"
    ),
}
INLAND_REGIONS = {Region.CENTRAL, Region.WEST, Region.NORTHEAST}


def scope_text(rule: Applicability, t: Texts) -> str:
    """Who the item is for, e.g. 仅适用于沿边地区; empty when it is for every zone."""
    parts: list[str] = []
    if rule.regions:
        if set(rule.regions) == INLAND_REGIONS:
            parts.append(t(INLAND))
        else:
            parts.append(t(REGIONS, names=t.list_sep.join(t.label(r) for r in rule.regions)))
    parts += [t(entry) for name, entry in FLAGS.items() if getattr(rule, name)]
    return t(ONLY_FOR, who=t(JOIN).join(parts)) if parts else ""


def applicability_text(item: Item, zone: ZoneProfile, t: Texts) -> str:
    """适用 / 不适用（仅适用于…）, plus the 有条件的 note where the zone may opt out."""
    rule = item.applies
    if not applies_to(rule, zone):
        return t(NOT_APPLICABLE, why=scope_text(rule, t))
    return t(APPLICABLE) + (t(CONDITIONAL) if rule.conditional else "")
