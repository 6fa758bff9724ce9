"""Which department answers for which item: a measure's default, an item's override.

A 管委会 splits the self-assessment among its departments (经发局, 科创局 …). The office
records owners per measure, overrides a few items, sends each department its part and
follows progress here. Items that do not apply to the zone's profile belong to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assess.applicability import item_applies
from assess.checklist import Checklist
from assess.models import Assessment, Responsibility, Status

Role = Literal["lead", "any"]


def responsible(
    checklist: Checklist, assessment: Assessment, item_id: str
) -> Responsibility | None:
    """The item's owners: its own entry if it has one, else its measure's; None if neither."""
    own = assessment.responsibility.get(item_id)
    if own is not None:
        return own
    measure = checklist.measure_of.get(item_id)
    return None if measure is None else assessment.responsibility.get(str(measure.number))


def items_of(
    checklist: Checklist, assessment: Assessment, department: str, role: Role = "lead"
) -> list[str]:
    """The applicable items the department leads (``"any"``: leads or partners), in order."""
    found = []
    for item in checklist.items:
        owners = responsible(checklist, assessment, item.id)
        if owners is None or not item_applies(item, assessment.zone):
            continue
        if owners.lead == department or (role == "any" and department in owners.partners):
            found.append(item.id)
    return found


def unassigned(checklist: Checklist, assessment: Assessment) -> list[str]:
    """Applicable items nobody leads: what the office still has to hand out."""
    return [
        item.id
        for item in checklist.items
        if item_applies(item, assessment.zone)
        and responsible(checklist, assessment, item.id) is None
    ]


@dataclass(frozen=True, slots=True)
class DepartmentProgress:
    """How far one department is: items it leads that are past 未评估, of all it leads."""

    department: str
    assessed: int
    total: int
    items: tuple[str, ...]


def progress(checklist: Checklist, assessment: Assessment) -> list[DepartmentProgress]:
    """One row per department of the zone's list, in its order (those leading nothing too)."""
    rows = []
    for department in assessment.departments:
        items = items_of(checklist, assessment, department)
        done = sum(
            1
            for i in items
            if i in assessment.items and assessment.items[i].status is not Status.NOT_ASSESSED
        )
        rows.append(DepartmentProgress(department, done, len(items), tuple(items)))
    return rows
