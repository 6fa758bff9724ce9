"""Importing a returned report workbook into an assessment (``assess import``).

Rows are matched by 条目编号; an empty cell never overwrites recorded data; every change goes
through ``assess.editing.Editor`` so the file's history keeps it, and the result lists every
change (old → new where it overwrote a value). A workbook with any problem changes nothing:
all problems are reported together, each with its sheet, row and column.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from assess import fields
from assess.checklist import Checklist, item_sort_key
from assess.editing import Editor, default_user
from assess.errors import Message, describe_validation_error
from assess.excel import layout
from assess.excel.cells import clean_text
from assess.excel.import_report import ImportReport
from assess.excel.intake import Intake, IntakeInvalid, WorkbookInvalid, intake
from assess.excel.notation import EvidenceLine, numbered_lines, split_figures, strip_unit
from assess.excel.policy_reader import PolicyRows, apply_policy_rows, read_policy_sheets
from assess.excel.reader import (
    ActionRow,
    ItemRow,
    Problem,
    ReportRows,
    action_edits_ignored,
    both,
    located,
    read_report,
    sheet_of,
    unknown_evidence,
)
from assess.fields import Field, FieldError
from assess.lifecycle import new_assessment
from assess.merge import Prefer
from assess.models import Action, Assessment, ItemRecord, Status, ZoneProfile
from assess.texts import Text, Texts
from assess.texts import import_problems as words
from assess.texts.workbook import PROFILE, WHOLE_SCOPE

ZH = Texts()

__all__ = [
    "ImportReport",
    "IntakeInvalid",
    "WorkbookInvalid",
    "import_into",
    "import_many",
    "new_from_workbook",
]


def import_into(
    path: Path,
    checklist: Checklist,
    assessment: Assessment,
    who: str | None = None,
    prefer: Prefer | None = None,
) -> ImportReport:
    """Merge one workbook into ``assessment`` in place (see ``assess.excel.intake``); raise
    IntakeInvalid or MergeRefused, changing nothing."""
    return import_many([path], checklist, assessment, who, prefer)[1]


def import_many(
    paths: list[Path],
    checklist: Checklist,
    assessment: Assessment,
    who: str | None = None,
    prefer: Prefer | None = None,
) -> tuple[Intake, ImportReport]:
    """Merge all workbooks into ``assessment`` in place, all or nothing."""
    result = intake(paths, checklist, assessment, who=who, prefer=prefer)
    before = assessment.model_copy(deep=True)
    # all fields at once: one by one, the model's checks would see it half merged (an item
    # still citing a record the merge deleted) and refuse a result that is whole and valid
    assessment.__dict__.update(result.assessment.__dict__)
    report = ImportReport(changes=list(result.changes), notes=list(result.notes))
    touched = {c.item for c in report.changes if c.field.startswith("actions.")}
    report.actions = {
        i: (list((before.items.get(i) or ItemRecord()).actions), list(assessment.record(i).actions))
        for i in touched
    }
    report.new_evidence = [
        c.field.removeprefix("evidence.")
        for c in report.changes
        if c.field.startswith("evidence.") and not c.old
    ]
    return result, report


def new_from_workbook(
    path: Path, checklist: Checklist, who: str | None = None
) -> tuple[Assessment, ImportReport]:
    """A new assessment made from a workbook's 总览 profile and its sheets."""
    rows = read_report(path, checklist, with_profile=True)
    policy = read_policy_sheets(path, checklist, rows)
    assessment = _new_assessment(rows, checklist)
    return assessment, _apply(rows, checklist, assessment, who, policy)


def _new_assessment(rows: ReportRows, checklist: Checklist) -> Assessment:
    p = rows.profile

    found = rows.sheets.get(layout.OVERVIEW.key)
    sheet: str | layout.SheetLayout = found.name if found else layout.OVERVIEW

    def problem(label: str | Text, message: Message) -> None:
        body = Message(words.OVERVIEW_FIELD, {"label": label, "message": message})
        rows.problems.append(Problem(sheet, 0, 0, "", body))

    def value(field: Field) -> object:
        return field.from_cell(p.get(field.id))

    checklist_id = p.get("checklist_id", checklist.id)
    if checklist_id != checklist.id:
        problem(
            PROFILE["checklist_id"],
            Message(words.OTHER_CHECKLIST, {"found": checklist_id, "expected": checklist.id}),
        )
    try:
        zone = ZoneProfile(
            name=p.get(fields.ZONE_NAME.id, ""),
            province=value(fields.ZONE_PROVINCE) or "",
            border=bool(value(fields.ZONE_BORDER)),
            hub=bool(value(fields.ZONE_HUB)),
            foreign_talent=bool(value(fields.ZONE_FOREIGN_TALENT)),
        )
    except FieldError as exc:
        problem(
            fields.ZONE_PROVINCE.header,
            Message(words.BAD_ZONE, {"sheet": sheet, "reason": exc.body}),
        )
        raise WorkbookInvalid(rows.path, rows.problems) from None
    except ValidationError as exc:
        field_name, message = describe_validation_error(exc)
        problem(field_name, Message(words.BAD_ZONE, {"sheet": sheet, "reason": message}))
        raise WorkbookInvalid(rows.path, rows.problems) from None
    period = p.get(fields.PERIOD.id, "")
    if not period:
        problem(fields.PERIOD.header, Message(words.NO_PERIOD, {"sheet": sheet}))
        raise WorkbookInvalid(rows.path, rows.problems)
    return new_assessment(checklist, zone, period, p.get(fields.ASSESSOR.id, ""))


def _apply(
    rows: ReportRows,
    checklist: Checklist,
    assessment: Assessment,
    who: str | None,
    policy: PolicyRows,
) -> ImportReport:
    if rows.problems:
        raise WorkbookInvalid(rows.path, rows.problems)
    editor = Editor(assessment, who if who is not None else f"{default_user()} ← {rows.path.name}")
    start = len(assessment.history)
    report = ImportReport()
    evidence_ids, registered = _apply_register(rows, checklist, editor, report)
    lines = _resolve_item_evidence(rows, editor, evidence_ids, report)
    _cite_registered(rows, editor, registered, lines)
    if rows.problems:
        raise WorkbookInvalid(rows.path, rows.problems)
    actions = rows.actions + _typed_in_item_rows(rows, assessment, report)
    for item in rows.items:
        _apply_item(item, checklist, editor, lines.get(item.item_id))
    _apply_actions(actions, editor, report)
    apply_policy_rows(policy, editor)
    report.changes = assessment.history[start:]
    return report


def _typed_in_item_rows(
    rows: ReportRows, assessment: Assessment, report: ImportReport
) -> list[ActionRow]:
    """Actions typed into 逐项对标 for items that have none yet; 行动计划 wins otherwise."""
    planned: dict[str, list[str]] = {}
    for action in rows.actions:
        planned.setdefault(action.item_id, []).append(action.text or "")
    out: list[ActionRow] = []
    for item in rows.items:
        if item.action_text is None:
            continue
        recorded = [a.text for a in assessment.record(item.item_id).actions]
        if not recorded and item.item_id not in planned:
            out += item.actions
            continue
        shown = (numbered_lines(texts) for texts in (recorded, planned.get(item.item_id, [])))
        if not any(texts and _same(texts, item.action_text) for texts in shown):
            report.notes.append(action_edits_ignored(rows, item.row, item.item_id))
    return out


def _same(old: str, new: str) -> bool:
    """Equal as the workbook would show ``old`` (cleaned, cut, line ends normalised)."""
    return _norm(clean_text(old)) == _norm(new)


def _norm(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _apply_register(
    rows: ReportRows, checklist: Checklist, editor: Editor, report: ImportReport
) -> tuple[dict[str, str], dict[int, str]]:
    """Apply the 佐证材料 sheet; return workbook ID → assessment ID, and sheet row → the ID
    registered from a row without one."""
    known = editor.assessment.evidence_by_id()
    mapping = {i: i for i in known}
    registered: dict[int, str] = {}
    cited = _cited_in_part(rows, checklist)
    for row in rows.evidence:
        old = known.get(row.id) if row.id else None
        if old is None and cited is not None and (row.id is None or row.id not in cited):
            report.notes.append(
                Message(
                    words.EVIDENCE_NOT_CITED,
                    {"register": sheet_of(rows, layout.EVIDENCE), "row": row.row,
                     "what": row.id or row.title or ""},
                )
            )  # fmt: skip
            continue
        if old is not None:
            update = {
                k: v
                for k, v in (("title", row.title), ("ref", row.ref), ("date", row.date))
                if v is not None and not (isinstance(v, str) and _same(getattr(old, k), v))
            }
            if update:
                editor.update_evidence(old.model_copy(update=update))
            continue
        if row.title is None:
            rows.problems.append(
                located(rows, layout.EVIDENCE, row.row, fields.EVIDENCE_TITLE.id,
                        Message(words.NEW_EVIDENCE_NEEDS_TITLE, {"id": row.id}))
            )  # fmt: skip
            continue
        created = editor.add_evidence(row.title, row.ref or "", row.date, id=row.id)
        report.new_evidence.append(created.id)
        if row.id:
            mapping[row.id] = created.id
        else:
            registered[row.row] = created.id
    return mapping, registered


def _cite_registered(
    rows: ReportRows, editor: Editor, registered: dict[int, str], lines: dict[str, list[str]]
) -> None:
    """New register rows' 引用条目 (``registered``: sheet row → new ID): those items cite them."""
    for row in rows.evidence:
        evidence_id = registered.get(row.row)
        if evidence_id is None:
            continue
        for item_id in row.cited_by or ():
            cited = lines.setdefault(item_id, list(editor.assessment.record(item_id).evidence))
            if evidence_id not in cited:
                cited.append(evidence_id)


def _cited_in_part(rows: ReportRows, checklist: Checklist) -> set[str] | None:
    """Evidence IDs the items of a department workbook cite; None for a full workbook.

    A department workbook registers only what its items cite, so a register row nothing
    cites there is another department's (or stale) and must not become a new record.
    """
    scope = rows.profile.get("scope")
    if scope is None or scope in both(WHOLE_SCOPE, count=len(checklist.measures)):
        return None
    return {line.id for item in rows.items for line in item.evidence if line.id is not None}


def _resolve_item_evidence(
    rows: ReportRows, editor: Editor, ids: dict[str, str], report: ImportReport
) -> dict[str, list[str]]:
    """Item ID → evidence IDs from its 佐证材料 cell; lines without an ID become new records."""
    out: dict[str, list[str]] = {}
    for item in rows.items:
        if not item.evidence:
            continue
        resolved: list[str] = []
        for line in item.evidence:
            if line.id is not None:
                if line.id not in ids:
                    message = unknown_evidence(rows, line.id)
                    rows.problems.append(
                        located(rows, layout.ITEMS, item.row, fields.EVIDENCE.id, message)
                    )
                    continue
                resolved.append(ids[line.id])
            else:
                resolved.append(_find_or_add(line, editor, report))
        out[item.item_id] = list(dict.fromkeys(resolved))
    return out


def _find_or_add(line: EvidenceLine, editor: Editor, report: ImportReport) -> str:
    for record in editor.assessment.evidence:
        if (record.title, record.ref, record.date) == (line.title, line.ref, line.date):
            return record.id
    created = editor.add_evidence(line.title, line.ref, line.date)
    report.new_evidence.append(created.id)
    return created.id


def _apply_item(
    item: ItemRow, checklist: Checklist, editor: Editor, evidence: list[str] | None
) -> None:
    record = editor.assessment.record(item.item_id)
    if item.status is not None and item.status is not Status.NOT_ASSESSED:
        editor.set_status(item.item_id, item.status)
    figures = dict(item.figures)
    for name, value in item.texts.items():
        if name == "current":  # an earlier version's workbook kept figures in 现状
            value, legacy = split_figures(value)
            figures = legacy | figures
            if not value.strip():
                continue
        if not _same(getattr(record, name), value):
            editor.set_text(item.item_id, name, _norm(value))
    units = {i.name: i.unit for i in checklist.item_index[item.item_id].indicators}
    for figure, amount in figures.items():
        old = record.figures.get(figure, "")
        if amount.strip() and not _same(strip_unit(old, units.get(figure, "")), amount):
            editor.set_figure(item.item_id, figure, amount)
    if evidence is not None and evidence != record.evidence:
        editor.set_item_evidence(item.item_id, evidence)


def _apply_actions(rows: list[ActionRow], editor: Editor, report: ImportReport) -> None:
    """Per item: rows match recorded actions by text; other rows are new; none is deleted."""
    by_item: dict[str, list[ActionRow]] = {}
    for row in rows:
        by_item.setdefault(row.item_id, []).append(row)
    for item_id in sorted(by_item, key=item_sort_key):
        existing = list(editor.assessment.record(item_id).actions)
        unused = list(range(len(existing)))
        result: list[Action] = []
        for row in by_item[item_id]:
            match = next(
                (i for i in unused if row.text is not None and _same(existing[i].text, row.text)),
                None,
            )
            if match is not None:
                unused.remove(match)
                result.append(_merge(existing[match], row))
            elif row.text is not None:
                result.append(_merge(Action(text=_norm(row.text)), row))
        result += [existing[i] for i in unused]
        if result != existing:
            editor.set_actions(item_id, result)
            report.actions[item_id] = (existing, result)


def _merge(action: Action, row: ActionRow) -> Action:
    update: dict[str, object] = {}
    for name in ("lead", "partners"):
        value = getattr(row, name)
        if value is not None and not _same(getattr(action, name), value):
            update[name] = _norm(value)
    for name in ("due", "priority", "status"):
        value = getattr(row, name)
        if value is not None:
            update[name] = value
    return action.model_copy(update=update) if update else action
