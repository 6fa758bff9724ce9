"""The rows a workbook added, as it added them, read from the history's ``source``.

A department's new row has no ID in its workbook; importing the workbook again must not add
it a second time, even after the office edited the row (a due date, a lead). The history
names the workbook each row came from and keeps the row as it was added, so that row is
recognised by what the workbook still shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from assess.models import Assessment, Change

TASK_RECORD_FIELDS = ("status", "schedule", "explanation")
"""A task's record fields its 自定任务 row sets (logged after the task is added)."""


@dataclass
class Added:
    """One row as ``source`` added it: its owner (item, or the task itself) and values."""

    owner: str
    values: dict[str, Any]


def added_by(assessment: Assessment, source: str, export: str = "") -> dict[str, Added]:
    """Row ID (A7, C3, Z2) → the row as ``source`` added it, for rows it was the last to add.

    ``export`` (the workbook's export ID) recognises the same workbook under another name: a
    department's corrected copy saved as “…-修改.xlsx” still carries its export's base.
    """
    out: dict[str, Added] = {}

    def same(change: Change) -> bool:
        return change.source == source or bool(export and change.export == export)

    for change in assessment.history:
        row_id = _added_row(change.field, change.item, change.old, change.new)
        if row_id is not None:
            values = _parse(change.new)
            if same(change) and values is not None:
                out[row_id] = Added(change.item, values)
            else:
                out.pop(row_id, None)
        elif (
            same(change)
            and change.field in TASK_RECORD_FIELDS
            and change.item in out
            and change.item.startswith("Z")
        ):
            out[change.item].values.setdefault(change.field, change.new)
    return out


def _added_row(name: str, item: str, old: str, new: str) -> str | None:
    """The ID of the row a change adds (``actions.A7``, ``claims.C3``, ``zone_task``), if any."""
    if old or not new:
        return None
    if name == "zone_task":
        return item
    head, _, rest = name.partition(".")
    if head in ("actions", "claims") and rest and "." not in rest:
        return rest
    return None


def _parse(stored: str) -> dict[str, Any] | None:
    """A whole row as stored (None when the history kept only its start: a very long row)."""
    try:
        values = json.loads(stored)
    except json.JSONDecodeError:
        return None
    return values if isinstance(values, dict) else None
