"""Claims (政策争取) and the zone's own tasks (自定任务) of returned workbooks, merged three ways.

They are rows by ID like actions, but in sheets of their own: the export base keeps each row
as exported (``ExportBase.policy``), so a cell still showing that value is no change, a cell the
workbook changed is applied, and one the file changed differently since the export is a
:class:`~assess.merge.Conflict` (``--prefer`` decides). A row without an ID is new, unless the
file gained one with the same values since the export, or this workbook added it before (then
the row as it last imported it is the row's base, so the office's later edits stand); one it
added that the office deleted is not added again but listed in the notes. A
department's workbook may touch only the claims of its items and the tasks of its measures.
Rows left out of a workbook are not deleted (the policy sheets list only what applies).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from assess import fields
from assess.added_rows import added_by
from assess.checklist import Checklist
from assess.editing import Editor
from assess.errors import Message
from assess.excel.layout import SheetLayout
from assess.excel.policy_layout import CLAIMS, TASKS
from assess.excel.policy_reader import (
    ClaimRow,
    PolicyRows,
    TaskRow,
    apply_task_lists,
    new_actions,
)
from assess.excel.reader import Problem, SheetFound
from assess.merge import Conflict, Prefer
from assess.models import Assessment
from assess.texts import Texts
from assess.texts import departments as dept_texts
from assess.texts import policy as policy_words

ZH = Texts()
Rows = dict[str, dict[str, str]]
"""Row ID (C1, Z1) → attribute → value as text; a claim's row also names its ``item``."""
Versions = dict[str, tuple[dict[str, str], ...]]
"""Row ID → the row as a workbook last imported it, then as it first added it (and others)."""
TASK_RECORD = (fields.STATUS, fields.SCHEDULE, fields.EXPLANATION_FIELD)


def as_text(value: Any) -> str:
    """A value as the base stores it: enum values, ISO dates, text."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def policy_rows(assessment: Assessment, items: set[str] | None = None) -> Rows:
    """Claims of ``items`` (all by default) and every zone task, as the base keeps them."""
    out: Rows = {}
    for item_id, record in assessment.items.items():
        if items is None or item_id in items:
            for claim in record.claims:
                out[claim.id] = {"item": item_id} | {
                    f.attr: as_text(getattr(claim, f.attr)) for f in fields.CLAIM_FIELDS[1:]
                }
    for task in assessment.zone_tasks:
        out[task.id] = {
            "measure": str(task.measure),
            "title": task.title,
            "description": task.description,
            "evidence": ",".join(task.record.evidence),
        } | {f.id: as_text(getattr(task.record, f.id)) for f in TASK_RECORD}
    return out


def field_id(row_id: str, name: str) -> str:
    """The registry ID a conflict names: claim.status, task.title, or the task's status."""
    if row_id.startswith("C"):
        return f"claim.{name}"
    return name if name in {f.id for f in TASK_RECORD} else f"task.{name}"


@dataclass
class PolicyPlan:
    """What one workbook's claims and tasks do: changes by row, new rows, conflicts, refusals."""

    source: str
    changes: list[tuple[str, str, Any]] = field(default_factory=list)
    """(row ID, attribute, value) to set."""
    new_claims: list[ClaimRow] = field(default_factory=list)
    new_tasks: list[TaskRow] = field(default_factory=list)
    conflicts: list[tuple[Conflict, Any]] = field(default_factory=list)
    """Each conflict with the workbook's value, applied with ``--prefer workbook``."""
    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    lists: list[tuple[TaskRow, bool, bool]] = field(default_factory=list)
    """Tasks whose 佐证材料 (first flag) or 下一步举措 (second) cell changes something."""
    contested: list[TaskRow] = field(default_factory=list)
    """Tasks whose 佐证材料 changed on both sides: cited as the workbook says only if preferred."""

    @property
    def size(self) -> int:
        """How much the plan would do (grows when a row changes anything)."""
        return (
            len(self.changes) + len(self.conflicts) + len(self.new_claims) + len(self.new_tasks)
            + len(self.lists)
        )  # fmt: skip


def plan_policy(
    policy: PolicyRows,
    checklist: Checklist,
    current: Assessment,
    base: Rows | None,
    scope: frozenset[str] | None,
    source: str,
    sheets: dict[str, SheetFound],
    export: str = "",
) -> PolicyPlan:
    """Decide each claim and task cell three ways (``base`` None: a non-empty value wins)."""
    plan = PolicyPlan(source)
    now = policy_rows(current)
    measures = (
        None
        if scope is None
        else {checklist.measure_of[i].number for i in scope if i in checklist.measure_of}
    )

    def refuse(sheet: SheetLayout, row: int, message: Message, column: str = "") -> None:
        found = sheets.get(sheet.key)
        problem = found.problem(row, column, message) if found else None
        plan.problems.append(problem or Problem(sheet, row, 0, "", message))

    gained = {r: v for r, v in now.items() if base is None or r not in base}
    before_rows, deleted_rows = _added_before(current, source, gained, now, export)
    bases = dict(base or {})
    skipped: set[int] = set()
    """Rows (by ``id()``) this workbook added before and the office deleted since."""
    # rows without an ID: first those recorded as they are, then a department's corrections of
    # rows it added before (of the same item or measure, the one the row most resembles)
    pending: list[ClaimRow | TaskRow] = [*policy.claims, *policy.tasks]
    for pass_ in ("same", "corrected"):
        for row in pending:
            if row.id is not None or id(row) in skipped:
                continue
            if isinstance(row, ClaimRow):
                keyed = {"item": row.item_id} | row.values
                owner = ("item", row.item_id)
            else:
                keyed = row.values | row.record
                owner = ("measure", str(row.values.get("measure", "")))
            if pass_ == "same":
                row.id = _same_new_row(gained, keyed) or _added_row(
                    gained, before_rows, bases, keyed
                )
                gone = None if row.id is not None else _deleted_row(deleted_rows, keyed)
                if gone is not None:  # deleted by the office since: not again, but listed
                    skipped.add(id(row))
                    plan.notes.append(_not_restored(source, gone, row))
                continue
            row.id = _corrected_row(gained, before_rows, bases, row, owner)
            gone = None if row.id is not None else _corrected_deleted(deleted_rows, row, owner)
            if gone is not None:  # corrected here, deleted there: a conflict
                skipped.add(id(row))
                _deleted_conflict(plan, row, gone, deleted_rows.pop(gone)[0], refuse, scope,
                                  measures)  # fmt: skip
    # a row shown as exported changes nothing: a department may leave others' rows alone
    for claim in policy.claims:
        if id(claim) in skipped:
            continue
        before = plan.size
        _decide_row(plan, claim.id, claim.item_id, claim.values, now, bases or base, claim)
        if plan.size != before and scope is not None and claim.item_id not in scope:
            who = claim.id or claim.values.get("policy", "")
            message = Message(dept_texts.CLAIM_NOT_OWN, {"claim": who, "item": claim.item_id})
            refuse(CLAIMS, claim.row, message)
    known = {e.id for e in current.evidence}
    for task in policy.tasks:
        if id(task) in skipped:
            continue
        measure = task.values.get("measure")
        unknown = next((x.id for x in task.evidence or () if x.id and x.id not in known), None)
        if unknown is not None:
            message = Message(policy_words.UNKNOWN_TASK_EVIDENCE, {"id": unknown})
            refuse(TASKS, task.row, message, fields.EVIDENCE.id)
            continue
        values = task.values | task.record
        before = plan.size
        _decide_row(plan, task.id, task.id or "", values, now, bases or base, task)
        _decide_lists(plan, task, current, now, base)
        if plan.size != before and measures is not None and measure not in measures:
            title = task.id or task.values.get("title", "")
            message = Message(dept_texts.TASK_NOT_OWN, {"task": title, "measure": measure})
            refuse(TASKS, task.row, message)
    return plan


def _same_new_row(gained: Rows, values: dict[str, Any]) -> str | None:
    """The row the file gained since the export (e.g. by importing this workbook before) that
    holds every value this new row gives, ID aside; it is taken, so a second equal row is new."""
    for row_id, row in gained.items():
        if _holds(row, values):
            del gained[row_id]
            return row_id
    return None


def _holds(row: dict[str, str], values: dict[str, Any]) -> bool:
    return all(_shown(as_text(v)) == _shown(row.get(k, "")) for k, v in values.items())


def _added_before(
    current: Assessment, source: str, gained: Rows, now: Rows, export: str = ""
) -> tuple[Versions, Versions]:
    """The claims and tasks this workbook added (as the base keeps rows), though the office may
    have edited them since: those it gained since the export and those it deleted. Each is
    kept as the workbook last imported it (with its corrections: the base of a further one),
    then as first added and, deleted, as deleted."""
    kept: Versions = {}
    deleted: Versions = {}
    for row_id, added in added_by(current, source, export).items():
        if not row_id.startswith(("C", "Z")):
            continue
        first = _policy_row(row_id, added.owner, added.values)
        names = set(first) - {"item"}
        last = first | {k: v for k, v in added.edits.items() if k in names}
        if row_id in gained:
            kept[row_id] = (last, first)
        elif row_id not in now:
            gone = () if not added.deleted else (_policy_row(row_id, added.owner, added.deleted),)
            deleted[row_id] = (last, first, *gone)
    return kept, deleted


def _policy_row(row_id: str, owner: str, values: dict[str, Any]) -> dict[str, str]:
    """A claim or task as the history stored it, as the base keeps rows."""
    if row_id.startswith("C"):
        return {"item": owner} | {
            f.attr: as_text(values.get(f.attr)) for f in fields.CLAIM_FIELDS[1:]
        }
    record = values.get("record")
    flat = (record if isinstance(record, dict) else {}) | values
    names = ("measure", "title", "description", *(f.id for f in TASK_RECORD))
    return {n: as_text(flat.get(n)) for n in names}


def _deleted_row(deleted: Versions, values: dict[str, Any]) -> str | None:
    """The deleted row this workbook added that holds every value this new row gives, as
    added, as last imported or as the office deleted it."""
    row_id = next((r for r, vv in deleted.items() if any(_holds(v, values) for v in vv)), None)
    if row_id is not None:
        del deleted[row_id]
    return row_id


def _corrected_deleted(
    deleted: Versions, row: ClaimRow | TaskRow, owner: tuple[str, str]
) -> str | None:
    """The deleted row this workbook added of the same item or measure that this one most
    resembles: corrected since."""
    return _closest(deleted, row, owner)


def _closest(rows: Versions, row: ClaimRow | TaskRow, owner: tuple[str, str]) -> str | None:
    """Of ``rows``, those of the row's kind and item (claim) or measure (task), the one the row
    gives the most values of, in any of its versions; the first added of those."""
    kind = "C" if isinstance(row, ClaimRow) else "Z"
    name, value = owner
    given = row.values | ({} if isinstance(row, ClaimRow) else row.record)
    candidates = [r for r, vv in rows.items() if r.startswith(kind) and vv[0].get(name) == value]

    def alike(row_id: str) -> int:
        return max(
            sum(_shown(as_text(v)) == _shown(version.get(k, "")) for k, v in given.items())
            for version in rows[row_id]
        )

    return max(candidates, key=alike, default=None)


def _not_restored(source: str, row_id: str, row: ClaimRow | TaskRow) -> Message:
    text = row.values.get("policy" if isinstance(row, ClaimRow) else "title", "")
    params = {"source": source, "row": row_id, "text": " ".join(as_text(text).split())}
    return Message(dept_texts.ROW_NOT_RESTORED, params)


def _deleted_conflict(
    plan: PolicyPlan,
    row: ClaimRow | TaskRow,
    row_id: str,
    was: dict[str, str],
    refuse: Callable[[SheetLayout, int, Message], None],
    scope: frozenset[str] | None,
    measures: set[int] | None,
) -> None:
    """A row the office deleted that the workbook corrected since: kept deleted unless the
    workbook is preferred (then added again under its ID)."""
    if isinstance(row, ClaimRow):
        if scope is not None and row.item_id not in scope:
            message = Message(dept_texts.CLAIM_NOT_OWN, {"claim": row_id, "item": row.item_id})
            refuse(CLAIMS, row.row, message)
            return
        item, name, shown = row.item_id, fields.CLAIMS.id, {"item": row.item_id} | row.values
    else:
        measure = row.values.get("measure")
        if measures is not None and measure not in measures:
            message = Message(dept_texts.TASK_NOT_OWN, {"task": row_id, "measure": measure})
            refuse(TASKS, row.row, message)
            return
        item, name, shown = row_id, fields.TASK_TITLE.id, row.values | row.record
    names = [n for n in was if n != "item"]
    edited = was | {k: as_text(v) for k, v in shown.items()}
    base_values, workbook = tuple(was[n] for n in names), tuple(edited.get(n, "") for n in names)
    conflict = Conflict(item, name, base_values, (), workbook, plan.source, row_id)
    plan.conflicts.append((conflict, row))
    row.id = row_id


def _added_row(gained: Rows, before: Versions, bases: Rows, values: dict[str, Any]) -> str | None:
    """The row this workbook added before that holds every value this new row gives (as
    added, or as last imported); the row as shown becomes its base, so what the office edited
    since is kept."""
    for row_id, versions in before.items():
        shown = next((v for v in versions if _holds(v, values)), None)
        if row_id in gained and shown is not None:
            del before[row_id]
            bases[row_id] = shown
            del gained[row_id]
            return row_id
    return None


def _corrected_row(
    gained: Rows, before: Versions, bases: Rows, row: ClaimRow | TaskRow, owner: tuple[str, str]
) -> str | None:
    """The row this workbook added before, of the same item (claim) or measure (task), that
    no row shows as added and this one most resembles: the department corrected it in its
    own copy. The row as last
    imported is its base, so the office's later edits stand and both editing a field is a
    conflict."""
    row_id = _closest({r: v for r, v in before.items() if r in gained}, row, owner)
    if row_id is not None:
        bases[row_id] = before.pop(row_id)[0]
        del gained[row_id]
    return row_id


def _shown(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _decide_lists(
    plan: PolicyPlan, task: TaskRow, current: Assessment, now: Rows, base: Rows | None
) -> None:
    """A task's 佐证材料 cell three ways (as its cited IDs; a line without an ID is new
    evidence, always a change) and its 下一步举措 cell (a line no action has is a new one)."""
    evidence = False
    if task.evidence is not None:
        shown = ",".join(x.id for x in task.evidence if x.id)
        file = now.get(task.id or "", {}).get("evidence", "")
        was = None if base is None or task.id not in base else base[task.id].get("evidence", "")
        if any(x.id is None for x in task.evidence):
            evidence = True
        elif shown not in (file, was):
            if was is None or file == was:
                evidence = True
            else:
                assert task.id is not None
                conflict = Conflict(task.id, "evidence", was, file, shown, plan.source, task.id)
                plan.conflicts.append((conflict, None))
                plan.contested.append(task)
    recorded = next((t.record.actions for t in current.zone_tasks if t.id == task.id), [])
    actions = bool(new_actions(task, recorded))
    if evidence or actions:
        plan.lists.append((task, evidence, actions))


def _decide_row(
    plan: PolicyPlan,
    row_id: str | None,
    item: str,
    values: dict[str, Any],
    now: Rows,
    base: Rows | None,
    row: ClaimRow | TaskRow,
) -> None:
    if row_id is None or (row_id not in now and (base is None or row_id not in base)):
        if isinstance(row, ClaimRow):
            plan.new_claims.append(row)
        else:
            plan.new_tasks.append(row)
        return
    if row_id not in now:  # deleted in the file since the export
        plan.notes.append(
            Message(dept_texts.ROW_DELETED_IN_FILE, {"row": row_id, "source": plan.source})
        )
        return
    file_row = now[row_id]
    was_row = None if base is None else base.get(row_id)
    for name, value in values.items():
        theirs, file = as_text(value), file_row.get(name, "")
        was = None if was_row is None else was_row.get(name, "")
        if theirs in (file, was):
            continue
        if was is None or file == was:
            plan.changes.append((row_id, name, value))
        else:
            plan.conflicts.append(
                (
                    Conflict(item, field_id(row_id, name), was, file, theirs, plan.source, row_id),
                    value,
                )
            )


def apply_policy(plan: PolicyPlan, editor: Editor, prefer: Prefer | None) -> None:
    """Make the plan (conflicts only with ``prefer="workbook"``), one Editor call per change."""
    record_fields = {f.id: f for f in TASK_RECORD}
    restored = [v for _c, v in plan.conflicts if isinstance(v, ClaimRow | TaskRow)]
    chosen = (
        [
            (c.row, c.field.split(".")[-1], v)
            for c, v in plan.conflicts
            if not isinstance(v, ClaimRow | TaskRow)
        ]
        if prefer == "workbook"
        else []
    )
    for row_id, name, value in [*plan.changes, *chosen]:
        if row_id.startswith("C"):
            editor.set_claim_field(row_id, name, value)
        elif name in record_fields:
            editor.set_task_field(row_id, record_fields[name], value)
        else:
            editor.set_zone_task(row_id, name, value)
    again = restored if prefer == "workbook" else []  # deleted rows corrected: added again
    for claim in [*plan.new_claims, *(r for r in again if isinstance(r, ClaimRow))]:
        editor.add_claim(claim.item_id, id=claim.id, **claim.values)
    for task in [*plan.new_tasks, *(r for r in again if isinstance(r, TaskRow))]:
        values = task.values
        made = editor.add_zone_task(
            values["measure"], values["title"], values.get("description", ""), id=task.id
        )
        for name, value in task.record.items():
            editor.set_task_field(made.id, record_fields[name], value)
        task.id = made.id  # its lists follow it
    for task, evidence, actions in plan.lists:
        apply_task_lists(task, editor, evidence=evidence, actions=actions)
    if prefer == "workbook":
        for task in plan.contested:
            apply_task_lists(task, editor, actions=False)
        for task in (r for r in again if isinstance(r, TaskRow)):
            apply_task_lists(task, editor)
