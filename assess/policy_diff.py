"""What moved between two assessments in the policy's own records: claims and zone tasks.

Claims are matched by item and ID, zone tasks by ID: roll-forward keeps both IDs, so one
zone's periods line up; for two different zones the lists simply show each side's rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.checklist import item_sort_key
from assess.models import Assessment, Claim, ClaimStatus, Schedule, Status, ZoneTask


@dataclass(frozen=True)
class ClaimChange:
    """A claim whose status changed, or that only one side has (None on the other)."""

    item_id: str
    claim_id: str
    policy: str
    old: ClaimStatus | None
    new: ClaimStatus | None


@dataclass(frozen=True)
class TaskChange:
    """A zone task whose status or schedule changed, or that only one side has."""

    task_id: str
    title: str
    old: Status | None
    new: Status | None
    old_schedule: Schedule | None
    new_schedule: Schedule | None


def _claims(assessment: Assessment) -> dict[tuple[str, str], Claim]:
    return {(i, c.id): c for i, r in assessment.items.items() for c in r.claims}


def claim_changes(a: Assessment, b: Assessment) -> list[ClaimChange]:
    """Claims added, dropped or with another status in B, in item order."""
    old, new = _claims(a), _claims(b)
    out = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (item_sort_key(k[0]), int(k[1][1:]))):
        before, after = old.get(key), new.get(key)
        status_a = before.status if before else None
        status_b = after.status if after else None
        if status_a != status_b:
            policy = after.policy if after else before.policy if before else ""
            out.append(ClaimChange(key[0], key[1], policy, status_a, status_b))
    return out


def _tasks(assessment: Assessment) -> dict[str, ZoneTask]:
    return {t.id: t for t in assessment.zone_tasks}


def task_changes(a: Assessment, b: Assessment) -> list[TaskChange]:
    """Zone tasks added, dropped, or with another status or schedule in B, by ID."""
    old, new = _tasks(a), _tasks(b)
    out = []
    for task_id in sorted(old.keys() | new.keys(), key=lambda i: int(i[1:])):
        before, after = old.get(task_id), new.get(task_id)
        state_a = (before.record.status, before.record.schedule) if before else (None, None)
        state_b = (after.record.status, after.record.schedule) if after else (None, None)
        if state_a != state_b:
            title = after.title if after else before.title if before else ""
            out.append(TaskChange(task_id, title, state_a[0], state_b[0], state_a[1], state_b[1]))
    return out
