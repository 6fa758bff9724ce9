"""Whether an item applies to a zone, and why not (shown to users as 适用性)."""

from __future__ import annotations

from assess.checklist import Applicability, Item
from assess.models import ZoneProfile


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
