"""Starting an assessment: blank, or rolled forward from the previous period."""

from __future__ import annotations

from assess.checklist import Checklist
from assess.editing import now
from assess.models import ActionStatus, Assessment, ChecklistRef, ItemRecord, ZoneProfile


def new_assessment(
    checklist: Checklist, zone: ZoneProfile, period: str, assessor: str = ""
) -> Assessment:
    """A blank assessment with one 未评估 record per checklist item."""
    stamp = now()
    return Assessment(
        checklist=ChecklistRef(id=checklist.id, version=checklist.version),
        zone=zone,
        period=period,
        assessor=assessor,
        created=stamp,
        updated=stamp,
        items={item.id: ItemRecord() for item in checklist.items},
    )


def roll_forward(
    previous: Assessment,
    checklist: Checklist,
    *,
    zone: ZoneProfile | None = None,
    period: str,
    assessor: str | None = None,
) -> Assessment:
    """The next period's assessment, starting from the last one (最多报一次).

    Statuses, explanations, 现状/差距/机遇/备注, figures, evidence, the departments and who
    answers for what are carried; actions already done are dropped, open ones carried (their
    IDs too); the zone's own tasks and support claims are carried the same way; the history
    restarts.
    """
    fresh = new_assessment(
        checklist,
        zone or previous.zone.model_copy(),
        period,
        previous.assessor if assessor is None else assessor,
    )
    fresh.evidence = [e.model_copy() for e in previous.evidence]
    for item_id in fresh.items:
        old = previous.items.get(item_id)
        if old is None:
            continue
        carried = old.model_copy(deep=True)
        carried.actions = [a for a in carried.actions if a.status is not ActionStatus.DONE]
        fresh.items[item_id] = carried
    fresh.retired_items = {k: v.model_copy(deep=True) for k, v in previous.retired_items.items()}
    fresh.zone_tasks = [t.model_copy(deep=True) for t in previous.zone_tasks]
    for task in fresh.zone_tasks:
        task.record.actions = [a for a in task.record.actions if a.status is not ActionStatus.DONE]

    fresh.departments = list(previous.departments)
    fresh.responsibility = {k: v.model_copy(deep=True) for k, v in previous.responsibility.items()}
    return fresh
