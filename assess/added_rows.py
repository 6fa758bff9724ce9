"""The rows a workbook added, as it added them, read from the history's ``source``.

A department's new row has no ID in its workbook; importing the workbook again must not add
it a second time, even after the office edited the row (a due date, a lead). The history
names the workbook each row came from and keeps the row as it was added, so that row is
recognised by what the workbook still shows. It also keeps the workbook's later corrections
of the row (the row as last imported) and, if the office deleted it, the row as deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from assess.models import Assessment, Change

TASK_RECORD_FIELDS = ("status", "schedule", "explanation")
"""A task's record fields its 自定任务 row sets (logged after the task is added)."""
TASK_FIELDS = ("measure", "title", "description", *TASK_RECORD_FIELDS)
"""A task's fields a 自定任务 row gives."""
ROW_KINDS = ("actions", "claims", "evidence")
"""History fields naming a whole row: ``actions.A7``, ``claims.C3``, ``evidence.E2``."""


@dataclass
class Added:
    """One row as ``source`` added it: its owner (item, the task itself, "" for evidence), its
    values, what the same workbook set since (its corrections, as the history stores values)
    and, once the office deleted the row, the row as it was then."""

    owner: str
    values: dict[str, Any]
    edits: dict[str, str] = field(default_factory=dict)
    deleted: dict[str, Any] | None = None


def added_by(assessment: Assessment, source: str, export: str = "") -> dict[str, Added]:
    """Row ID (A7, C3, Z2, E4) → the row as ``source`` added it, for rows it was the last to add.

    ``export`` (the workbook's export ID) recognises the same workbook under another name: a
    department's corrected copy saved as “…-修改.xlsx” still carries its export's base. Its
    later corrections count only from that export (another export of the same file name is
    another workbook).
    """
    out: dict[str, Added] = {}

    def same(change: Change) -> bool:
        return change.source == source or bool(export and change.export == export)

    def corrects(change: Change) -> bool:
        if export and change.export:
            return change.export == export
        return change.source == source

    for change in assessment.history:
        row_id = _added_row(change.field, change.item, change.old, change.new)
        if row_id is not None:
            values = _parse(change.new)
            if same(change) and values is not None:
                out[row_id] = Added(change.item, values)
            else:
                out.pop(row_id, None)
            continue
        row_id, name = _row_field(change.field, change.item)
        added = out.get(row_id)
        if added is None:
            continue
        if name == "" and change.old and not change.new:  # the whole row deleted
            added.deleted = _parse(change.old) or {}
        elif name == "" and corrects(change):  # a register row replaced whole
            updated = _parse(change.new) or {}
            added.edits.update({k: _text(v) for k, v in updated.items() if k != "id"})
        elif name and corrects(change):
            if name in TASK_RECORD_FIELDS and row_id.startswith("Z"):
                added.values.setdefault(name, change.new)
            added.edits[name] = change.new
    return out


def _added_row(name: str, item: str, old: str, new: str) -> str | None:
    """The ID of the row a change adds (``actions.A7``, ``claims.C3``, ``zone_task``,
    ``evidence.E2``), if any."""
    if old or not new:
        return None
    if name == "zone_task":
        return item
    head, _, rest = name.partition(".")
    if head in ROW_KINDS and rest and "." not in rest:
        return rest
    return None


def _row_field(name: str, item: str) -> tuple[str, str | None]:
    """(row ID, field) a change sets: ``actions.A7.due`` → (A7, due); a whole row's field is "";
    a task's fields are logged under the task's ID; None: not a row's."""
    if name == "zone_task":
        return item, ""
    if item.startswith("Z") and name in TASK_FIELDS:
        return item, name
    head, _, rest = name.partition(".")
    if head not in ROW_KINDS or not rest:
        return "", None
    row_id, _, attr = rest.partition(".")
    return row_id, attr


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _parse(stored: str) -> dict[str, Any] | None:
    """A whole row as stored (None when the history kept only its start: a very long row)."""
    try:
        values = json.loads(stored)
    except json.JSONDecodeError:
        return None
    return values if isinstance(values, dict) else None
