"""Claims and zone tasks that moved between two assessments, as lines of text (compare)."""

from __future__ import annotations

from enum import Enum

from assess.compare import Comparison
from assess.models import Schedule, Status
from assess.texts import policy as words
from assess.texts.catalog import Texts


def _label(member: Enum | None, t: Texts) -> str:
    return t(words.ABSENT) if member is None else t.label(member)


def change_lines(c: Comparison, t: Texts) -> list[str]:
    """Claims whose status changed and zone tasks that moved, A → B."""
    lines: list[str] = []
    if c.claims:
        lines += ["", t(words.CLAIMS_CHANGED, count=len(c.claims))]
        lines += [
            f"  {x.item_id} {x.claim_id} {x.policy}: {_label(x.old, t)} → {_label(x.new, t)}"
            for x in c.claims
        ]
    if c.zone_tasks:
        lines += ["", t(words.TASKS_CHANGED, count=len(c.zone_tasks))]
        for task in c.zone_tasks:
            a = f"{_label(task.old, t)}{_pace(task.old, task.old_schedule, t)}"
            b = f"{_label(task.new, t)}{_pace(task.new, task.new_schedule, t)}"
            lines.append(f"  {task.task_id} {task.title}: {a} → {b}")
    return lines


def _pace(status: Status | None, pace: Schedule | None, t: Texts) -> str:
    """达进度/欠进度 means something only beside 推进中."""
    return f"（{t.label(pace)}）" if status is Status.IN_PROGRESS and pace else ""
