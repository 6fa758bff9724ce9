"""The 回收情况 after an import: who returned, what each brought, what is still 未评估.

A department's workbook answers for the items it leads; the office's own workbook (full, or
some measures) for every item it holds. Each line counts what is still 未评估 in what that
workbook covers, so the office sees at once where to chase.
"""

from __future__ import annotations

from assess.applicability import item_applies
from assess.checklist import Checklist
from assess.departments import items_of
from assess.excel.intake import Intake, Returned
from assess.merge import who_of
from assess.models import ItemRecord, Status
from assess.texts import Texts
from assess.texts import departments as dept_texts

ZH = Texts()
LISTED = 12


def summary_lines(result: Intake, checklist: Checklist, t: Texts = ZH) -> list[str]:
    """Which departments returned, how many changes each brought, which of their items are open."""
    out = [t(dept_texts.INTAKE_TITLE)]
    returned_departments = set()
    for got in result.returned:
        changes = sum(1 for c in result.changes if c.source == got.path.name)
        department = _department(got, result)
        covered = (
            items_of(checklist, result.assessment, department)
            if department
            else _covered(got, checklist, result)
        )
        open_items = [
            i
            for i in covered
            if (result.assessment.items.get(i) or ItemRecord()).status is Status.NOT_ASSESSED
        ]
        values = {
            "source": got.path.name,
            "who": who_of(got.cover.filler, "") or t(dept_texts.INTAKE_NOBODY),
            "changes": changes,
            "open": len(open_items),
            "items": _listed(open_items, t),
        }
        if department:
            returned_departments.add(department)
            line = t(dept_texts.INTAKE_LINE, department=department, **values)
        else:
            line = t(dept_texts.INTAKE_OFFICE_LINE, book=_scope(got, checklist, t), **values)
        out.append("· " + line)
    if any(got.base is not None and got.base.scope is not None for got in result.returned):
        missing = [
            d
            for d in result.assessment.departments
            if d not in returned_departments and items_of(checklist, result.assessment, d)
        ]
        if missing:
            out.append("· " + t(dept_texts.INTAKE_MISSING, departments=t.list_sep.join(missing)))
    return out


def _department(got: Returned, result: Intake) -> str:
    """The zone's department the workbook was exported for (or, without a base, its cover
    names); "" for the office's own workbook."""
    if got.base is not None and got.base.scope is None:
        return ""
    department = got.department
    return department if department in result.assessment.departments else ""


def _covered(got: Returned, checklist: Checklist, result: Intake) -> list[str]:
    """The applicable items the workbook holds, in checklist order."""
    held = {row.item_id for row in got.rows.items}
    zone = result.assessment.zone
    return [i.id for i in checklist.items if i.id in held and item_applies(i, zone)]


def _scope(got: Returned, checklist: Checklist, t: Texts) -> str:
    """全量台账, or the measures a partial workbook holds."""
    held = {checklist.measure_of[row.item_id].number for row in got.rows.items}
    if held >= {m.number for m in checklist.measures}:
        return t(dept_texts.INTAKE_FULL_BOOK)
    shown = t.list_sep.join(str(n) for n in sorted(held))
    return t(dept_texts.INTAKE_MEASURES_BOOK, measures=shown)


def _listed(items: list[str], t: Texts) -> str:
    if not items:
        return ""
    more = "…" if len(items) > LISTED else ""
    return t(dept_texts.INTAKE_ITEMS, items=t.list_sep.join(items[:LISTED]) + more)
