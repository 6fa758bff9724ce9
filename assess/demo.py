"""The demo assessment of a fictional zone, so every feature can be tried at once.

示例经济技术开发区 is in 广西 (西部) and is a border zone: the hub and foreign-talent items do
not apply to it. It uses every status, shares evidence between items, has open, done and
overdue actions, and carries a few quality warnings on purpose. Its content is data
(``assess/_demo/demo.toml``); this module only moves its dates to "today".
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from assess.checklist import Checklist
from assess.lifecycle import new_assessment
from assess.models import (
    Assessment,
    Evidence,
    ItemRecord,
    Responsibility,
    ZoneProfile,
    ZoneTask,
    assign_action_ids,
)

DATA = Path(__file__).resolve().parent / "_demo" / "demo.toml"


@cache
def _data() -> dict[str, Any]:
    """The demo file, read once per process (it ships with the package)."""
    with DATA.open("rb") as handle:
        return tomllib.load(handle)


def half_year(day: dt.date) -> str:
    return f"{day.year}年{'上' if day.month <= 6 else '下'}半年"


def _moved(day: dt.date | None, shift: dt.timedelta) -> dt.date | None:
    return day + shift if day else None


def build_demo(checklist: Checklist, today: dt.date | None = None) -> Assessment:
    """A fresh copy of the demo, its dates moved so that ``today`` is the anchor day.

    Moving the dates keeps the demo looking current (two actions overdue, the rest open)
    whenever it is made; tests pass a fixed ``today``. Unknown item IDs are skipped.
    """
    data = _data()
    today = today or dt.date.today()
    shift = today - data["anchor"]
    zone = ZoneProfile.model_validate(data["zone"])
    assessment = new_assessment(checklist, zone, half_year(today), data["assessor"])
    stamp = dt.datetime.combine(today, dt.time(9, 0), dt.timezone(dt.timedelta(hours=8)))
    assessment.created = assessment.updated = stamp
    assessment.evidence = [Evidence.model_validate(e) for e in data["evidence"]]
    for evidence in assessment.evidence:
        evidence.date = _moved(evidence.date, shift)
    for item_id, raw in data["items"].items():
        if item_id not in assessment.items:
            continue
        assessment.items[item_id] = _record(raw, shift)
    assessment.zone_tasks = [
        ZoneTask.model_validate({**raw, "record": _record(raw["record"], shift)})
        for raw in data.get("zone_tasks", [])
    ]
    assign_action_ids(assessment)
    assessment.departments = list(data["departments"])
    known = {str(m.number) for m in checklist.measures} | set(checklist.item_index)
    assessment.responsibility = {
        key: Responsibility.model_validate(raw)
        for key, raw in data["responsibility"].items()
        if key in known
    }
    return assessment


def _record(raw: dict[str, Any], shift: dt.timedelta) -> ItemRecord:
    """One record of the demo data, its action and claim dates moved by ``shift``."""
    record = ItemRecord.model_validate(raw)
    for action in record.actions:
        action.due = _moved(action.due, shift)
    for claim in record.claims:
        claim.date = _moved(claim.date, shift)
    return record
