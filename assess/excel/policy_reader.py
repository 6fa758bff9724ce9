"""Reading back the policy's own sheets (上级事项, 政策争取, 自定任务, 推进进度) and applying them.

Like the list sheets: a row is matched by its 编号 (or 条目编号), an empty cell never
overwrites recorded data, a row without 编号 is new, and every problem is collected with its
sheet, row and column so that a workbook with any problem changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assess import fields
from assess.checklist import Checklist, Kind
from assess.editing import Editor
from assess.errors import Message
from assess.excel.cells import clean_text
from assess.excel.notation import EvidenceLine, parse_evidence_line, split_numbered
from assess.excel.policy_layout import CLAIMS, PACE, POLICY_SHEETS, REQUESTS, TASKS
from assess.excel.reader import (
    ErrorValue,
    FormulaValue,
    Problem,
    ReportRows,
    Sheet,
    sheet_values,
)
from assess.fields import Field, FieldError
from assess.models import Action, Schedule
from assess.texts import policy as words

ITEM_ID = "item_id"
_NUMERAL = re.compile(r"^[（(]?([一二三四五六七八九十]+|[0-9]+)[）)]?$")
_NUMERALS = "一二三四五六七八九"


@dataclass
class ClaimRow:
    row: int
    item_id: str
    id: str | None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class TaskRow:
    row: int
    id: str | None
    values: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""
    evidence_col: int = 0  # where a problem with its evidence is shown
    evidence_header: str = ""  # its header, as the workbook writes it
    evidence: list[EvidenceLine] | None = None  # None: the cell was empty (nothing changes)
    actions: list[str] | None = None  # the 下一步举措 cell's lines (texts only)


@dataclass
class PolicyRows:
    """What the sheets say; an emptied 争取对象 or 推进进度 cell is kept ("" / None): with an
    export base it clears the value, without one it is no change."""

    asked_of: dict[str, str] = field(default_factory=dict)
    schedule: dict[str, Schedule | None] = field(default_factory=dict)
    claims: list[ClaimRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    rows: dict[tuple[str, str], int] = field(default_factory=dict)
    """(item, field) → the row it was read from, to place a refusal."""
    path: Path | None = None  # the workbook, named if applying finds a problem
    problems: list[Problem] = field(default_factory=list)


def read_policy_sheets(path: Path, checklist: Checklist, rows: ReportRows) -> PolicyRows:
    """The four sheets, if present (a workbook exported before them has none), in either
    language."""
    out = PolicyRows(path=path, problems=rows.problems)
    names = {name for layout in POLICY_SHEETS for name in layout.read_names}
    data = sheet_values(path, names)
    for layout, read in (
        (REQUESTS, _read_requests),
        (CLAIMS, _read_claims),
        (TASKS, _read_tasks),
        (PACE, _read_pace),
    ):
        name = next((n for n in layout.read_names if n in data), None)
        if name is not None:
            read(Sheet(rows, layout, name, data[name]), checklist, out)
    return out


def _item_id(sheet: Sheet, row: int, values: tuple[Any, ...], checklist: Checklist) -> str | None:
    raw = (sheet.text(values, ITEM_ID) or "").strip()
    if raw not in checklist.item_index:
        sheet.cell_problem(row, ITEM_ID, Message(words.UNKNOWN_ITEM, {"id": raw}))
        return None
    return raw


def _read_requests(sheet: Sheet, checklist: Checklist, out: PolicyRows) -> None:
    key = fields.ASKED_OF.id
    if not sheet.find_headers((ITEM_ID, key)):
        return
    for row, values in sheet.rows():
        if sheet.text(values, ITEM_ID) is None:
            continue  # the 「（暂无）」 line
        item_id = _item_id(sheet, row, values, checklist)
        if item_id is not None:
            out.asked_of[item_id] = (sheet.text(values, key) or "").strip()
            out.rows[(item_id, key)] = row


def _read_pace(sheet: Sheet, checklist: Checklist, out: PolicyRows) -> None:
    if not sheet.find_headers((ITEM_ID, fields.SCHEDULE.id)):
        return
    for row, values in sheet.rows():
        if sheet.text(values, ITEM_ID) is None:
            continue  # the 「（暂无）」 line
        item_id = _item_id(sheet, row, values, checklist)
        if item_id is not None:
            out.schedule[item_id] = _value(sheet, row, values, fields.SCHEDULE)
            out.rows[(item_id, fields.SCHEDULE.id)] = row


def _value(sheet: Sheet, row: int, values: tuple[Any, ...], f: Field) -> Any:
    if f.kind is fields.FieldKind.DATE:
        return sheet.date(row, values, f.id)
    raw = sheet.get(values, f.id)
    if isinstance(raw, ErrorValue | FormulaValue):
        return None  # already reported as a formula (``Sheet.rows``): not also as a bad choice
    try:
        return f.from_cell(raw)
    except FieldError as exc:
        sheet.cell_problem(row, f.id, exc.body)
        return None


def _read_claims(sheet: Sheet, checklist: Checklist, out: PolicyRows) -> None:
    if not sheet.find_headers((ITEM_ID, *(f.id for f in fields.CLAIM_FIELDS))):
        return
    for row, values in sheet.rows():
        item_id = _item_id(sheet, row, values, checklist)
        if item_id is None:
            continue
        if checklist.item_index[item_id].kind is Kind.REQUIREMENT:
            sheet.cell_problem(row, ITEM_ID, Message(words.CLAIM_ON_REQUIREMENT, {"id": item_id}))
            continue
        claim_id = (sheet.text(values, fields.CLAIM_ID.id) or "").strip() or None
        claim = ClaimRow(row, item_id, claim_id)
        for f in fields.CLAIM_FIELDS[1:]:
            value = _value(sheet, row, values, f)
            if value is not None:
                claim.values[f.attr] = value
        if claim_id is None and "policy" not in claim.values:
            sheet.cell_problem(row, fields.CLAIM_POLICY.id, Message(words.CLAIM_NEEDS_POLICY))
            continue
        out.claims.append(claim)


def _read_tasks(sheet: Sheet, checklist: Checklist, out: PolicyRows) -> None:
    task_fields = (fields.TASK_ID, fields.TASK_MEASURE, fields.TASK_TITLE)
    read_too = (fields.TASK_DESCRIPTION, fields.STATUS, fields.SCHEDULE,
                fields.EXPLANATION_FIELD, fields.EVIDENCE, fields.ACTIONS)  # fmt: skip
    # every column read is checked for formulas (``Sheet.rows``): one read as empty changed nothing
    if not sheet.find_headers(tuple(f.id for f in task_fields), tuple(f.id for f in read_too)):
        return
    measures = {m.number for m in checklist.measures}
    for row, values in sheet.rows():
        task_id = (sheet.text(values, fields.TASK_ID.id) or "").strip() or None
        task = TaskRow(row, task_id, sheet=sheet.name)
        task.evidence_col = sheet.columns.get(fields.EVIDENCE.id, 0)
        task.evidence_header = sheet.found.get(fields.EVIDENCE.id, "")
        raw = (sheet.text(values, fields.TASK_MEASURE.id) or "").strip()
        if raw:
            number = measure_number(raw)
            if number not in measures:
                sheet.cell_problem(
                    row, fields.TASK_MEASURE.id, Message(words.UNKNOWN_MEASURE, {"raw": raw})
                )
                continue
            task.values["measure"] = number
        for f in (fields.TASK_TITLE, fields.TASK_DESCRIPTION):
            text = sheet.text(values, f.id)
            if text is not None:
                task.values[f.attr] = text.strip()
        for f in (fields.STATUS, fields.SCHEDULE, fields.EXPLANATION_FIELD):
            value = _value(sheet, row, values, f)
            if value is not None:
                task.record[f.id] = value
        evidence = sheet.text(values, fields.EVIDENCE.id)
        if evidence is not None:
            task.evidence = [parse_evidence_line(x) for x in evidence.split("\n") if x.strip()]
        actions = sheet.text(values, fields.ACTIONS.id)
        if actions is not None:
            task.actions = [x.strip() for x in split_numbered(actions) if x.strip()]
        if not {"measure", "title"} <= set(task.values):
            sheet.problem(row, 0, Message(words.TASK_NEEDS_TITLE))
            continue
        out.tasks.append(task)


def measure_number(text: str) -> int | None:
    """（九）, (9), 九 or 9 → 9; None if it is not a measure number."""
    match = _NUMERAL.match(text.strip())
    if match is None:
        return None
    word = match.group(1)
    if word.isdigit():
        return int(word)
    tens, _, ones = word.rpartition("十")
    if "十" not in word:
        return _NUMERALS.index(word) + 1 if len(word) == 1 else None
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
        _NUMERALS.index(ones) + 1 if ones else 0
    )


def apply_policy_rows(policy: PolicyRows, editor: Editor) -> None:
    """Apply what was read, two ways (an empty cell is no change); a row whose 编号 the file
    lacks is added under that 编号."""
    for item_id, body in policy.asked_of.items():
        if body:
            editor.set_field(item_id, fields.ASKED_OF, body)
    for item_id, pace in policy.schedule.items():
        if pace is not None:
            editor.set_field(item_id, fields.SCHEDULE, pace)
    _apply_claims(policy.claims, editor)
    _apply_tasks(policy.tasks, editor)
    for task in policy.tasks:
        unknown = unknown_evidence(task, editor)
        if unknown is not None:
            _refuse(policy, task, Message(words.UNKNOWN_TASK_EVIDENCE, {"id": unknown}))
        apply_task_lists(task, editor)


def _apply_claims(claims: list[ClaimRow], editor: Editor) -> None:
    known = {c.id for r in editor.assessment.items.values() for c in r.claims}
    for claim in claims:
        if claim.id is None or claim.id not in known:
            editor.add_claim(claim.item_id, id=claim.id, **claim.values)
        else:
            for name, value in claim.values.items():
                editor.set_claim_field(claim.id, name, value)


def _apply_tasks(tasks: list[TaskRow], editor: Editor) -> None:
    known = {t.id for t in editor.assessment.zone_tasks}
    for task in tasks:
        values = task.values
        if task.id is None or task.id not in known:
            task_id = editor.add_zone_task(
                values["measure"], values["title"], values.get("description", ""), id=task.id
            ).id
        else:
            task_id = task.id
            for name, value in values.items():
                editor.set_zone_task(task_id, name, value)
        task.id = task_id  # a new row's lists follow it (``_apply_task_lists``)
        for name, value in task.record.items():
            editor.set_task_field(task_id, fields.BY_ID[name], value)


def unknown_evidence(task: TaskRow, editor: Editor) -> str | None:
    """The first evidence ID in the task's 佐证材料 cell that the file does not have."""
    known = editor.assessment.evidence_by_id()
    return next((x.id for x in task.evidence or () if x.id is not None and x.id not in known), None)


def apply_task_lists(
    task: TaskRow, editor: Editor, *, evidence: bool = True, actions: bool = True
) -> None:
    """The 佐证材料 and 下一步举措 cells of a task's row, read like 逐项对标's (IDs checked by
    ``unknown_evidence`` first).

    Evidence: a line with an ID cites that record, a line without one is found by title, 文号
    and date or registered; the cell lists the task's citations. Actions: a line that is no
    recorded action's text is a new action (lead, due… are edited in the TUI); none is deleted.
    """
    assert task.id is not None
    record = editor.record(task.id)
    if evidence and task.evidence is not None:
        cited = [x.id if x.id is not None else _find_or_add(x, editor) for x in task.evidence]
        cited = list(dict.fromkeys(cited))
        if cited != record.evidence:
            editor.set_task_field(task.id, fields.EVIDENCE, cited)
    new = new_actions(task, record.actions) if actions else []
    if new:
        editor.set_task_field(task.id, fields.ACTIONS, [*record.actions, *new])


def new_actions(task: TaskRow, recorded: list[Action]) -> list[Action]:
    """The 下一步举措 lines that are no recorded action's text (as the cell shows it)."""
    shown = [_shown(a.text) for a in recorded]
    return [Action(text=text) for text in task.actions or () if _shown(text) not in shown]


def _shown(text: str) -> str:
    """A text as the workbook shows it (cleaned, line ends normalised), to match a cell."""
    return clean_text(text).replace("\r\n", "\n").replace("\r", "\n").strip()


def _find_or_add(line: EvidenceLine, editor: Editor) -> str:
    for record in editor.assessment.evidence:
        if (record.title, record.ref, record.date) == (line.title, line.ref, line.date):
            return record.id
    return editor.add_evidence(line.title, line.ref, line.date).id


def _refuse(policy: PolicyRows, task: TaskRow, message: Message) -> None:
    """A problem found while applying: the import stops and the file is left unchanged."""
    from assess.excel.importer import WorkbookInvalid  # the importer calls in here

    header = task.evidence_header or TASKS.column(fields.EVIDENCE.id)
    policy.problems.append(Problem(task.sheet, task.row, task.evidence_col, header, message))
    raise WorkbookInvalid(policy.path or Path(), policy.problems)
