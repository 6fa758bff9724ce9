"""Builders for comparison and roll-up tests: hand-made pairs and 232 generated zones."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from assess.checklist import Checklist
from assess.lifecycle import new_assessment
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    Evidence,
    ItemRecord,
    Status,
    ZoneProfile,
)
from assess.regions import PROVINCES, Region, region_of
from assess.storage import dumps, write_atomic

ZONE_COUNT = 232
SCORED = (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED)
BORDER_PROVINCES = ("广西", "云南", "新疆", "内蒙古", "黑龙江", "吉林", "辽宁", "西藏")
HUB_PROVINCES = ("内蒙古", "贵州", "甘肃", "宁夏")


def stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)


def generated_zone(checklist: Checklist, index: int, rng: random.Random) -> Assessment:
    """One zone with a random profile and a random but plausible level of completion."""
    province = PROVINCES[index % len(PROVINCES)]
    zone = ZoneProfile(
        name=f"{province}第{index // len(PROVINCES) + 1}经济技术开发区",
        province=province,
        border=province in BORDER_PROVINCES and rng.random() < 0.4,
        hub=province in HUB_PROVINCES and rng.random() < 0.5,
        foreign_talent=region_of(province) is Region.EAST and rng.random() < 0.3,
    )
    a = new_assessment(checklist, zone, "2025年下半年", f"评估人{index}")
    a.updated = stamp(dt.date(2025, 12, 1) + dt.timedelta(days=rng.randrange(30)))
    maturity = rng.random()
    coverage = rng.uniform(0.5, 1.0)
    for item in checklist.items:
        if rng.random() > coverage:
            continue
        roll = rng.random()
        if roll < 0.03:
            status = Status.NOT_APPLICABLE
        elif roll < 0.03 + maturity * 0.6:
            status = Status.DONE
        elif roll < 0.85:
            status = Status.IN_PROGRESS
        else:
            status = Status.NOT_STARTED
        a.items[item.id] = ItemRecord(status=status, explanation=f"说明{item.id}")
    return a


def generate_zones(
    checklist: Checklist, count: int = ZONE_COUNT, seed: int = 2025
) -> list[Assessment]:
    rng = random.Random(seed)
    return [generated_zone(checklist, i, rng) for i in range(count)]


def write_zones(folder: Path, zones: list[Assessment]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, zone in enumerate(zones):
        path = folder / f"zone{i:03d}.json"
        write_atomic(path, dumps(zone).encode("utf-8"), keep_backup=False)
        paths.append(path)
    return paths


def pair(checklist: Checklist, zone: ZoneProfile) -> tuple[Assessment, Assessment]:
    """Two blank assessments of one zone, half a year apart (A updated 2025-07-01)."""
    a = new_assessment(checklist, zone, "2025年上半年", "张三")
    b = new_assessment(checklist, zone, "2025年下半年", "张三")
    a.updated = stamp(dt.date(2025, 7, 1))
    b.updated = stamp(dt.date(2026, 1, 5))
    return a, b


def set_record(a: Assessment, item_id: str, status: Status, **fields: object) -> ItemRecord:
    record = ItemRecord.model_validate({"status": status, **fields})
    a.items[item_id] = record
    return record


def act(
    text: str, due: dt.date | None = None, status: ActionStatus = ActionStatus.TODO, lead: str = ""
) -> Action:
    return Action(text=text, due=due, status=status, lead=lead)


def add_evidence(a: Assessment, evidence_id: str, title: str) -> None:
    a.evidence = [*a.evidence, Evidence(id=evidence_id, title=title)]
