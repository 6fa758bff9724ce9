"""The list sheets of the report: 逐项对标, 差距清单, 机遇清单, 行动计划, 佐证材料, 质量检查, 说明.

Rows are written by column key (``layout.Column.key``) in the workbook's language
(``ctx.t``); the policy text stays Chinese in both languages, as issued.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.checklist import Item, Kind
from assess.departments import responsible
from assess.excel import layout
from assess.excel.cells import STYLE_BODY, STYLE_LABEL, put_text
from assess.excel.context import ReportContext
from assess.excel.copies import copy_cells
from assess.excel.layout import FIRST_DATA_ROW, SheetLayout
from assess.excel.notation import evidence_line, figure_lines, numbered_lines
from assess.excel.responsible import responsible_cell
from assess.excel.sizing import fit_row_height
from assess.excel.tables import Row, Value, set_title, write_rows
from assess.fields import Field
from assess.models import STATUS_ORDER, Action, Priority, Status
from assess.requests import status_label
from assess.scoring import open_actions, overdue, urgency
from assess.texts import Texts
from assess.texts.applicability import NOT_APPLICABLE, ONLY_FOR, applicability_text
from assess.texts.labels import EXPLANATION, YES
from assess.texts.messages import ROLLUP_RULE, WARNING_KIND, warning_text
from assess.texts.workbook import (
    ACTION_MISSING,
    CHANCE_MISSING,
    CHOICE_ERROR,
    CHOICE_TITLE,
    GAP_MISSING,
    NONE_YET,
    NOTE_APPLICABILITY,
    NOTE_CHECKLIST,
    NOTE_EVIDENCE,
    NOTE_FIGURES,
    NOTE_KIND,
    NOTE_RETURN,
    NOTE_SCALE,
    NOTE_SCALE_LINE,
    NOTE_TOPIC,
    TITLE_LINE,
    heading,
)

STATUS_FILLS: dict[Status, str] = {
    Status.DONE: "C6EFCE",
    Status.IN_PROGRESS: "FFEB9C",
    Status.NOT_STARTED: "FFC7CE",
    Status.NOT_APPLICABLE: "D9D9D9",
    Status.NOT_ASSESSED: "DDEBF7",
}
CENTERED = (
    "number",
    "item_id",
    "kind",
    fields.STATUS.id,
    fields.ACTION_PRIORITY.id,
    "highest_priority",
)

# The request statuses the 说明 sheet's note on kinds quotes, by their placeholders there.
REQUEST_WORDS = {
    "received": Status.DONE,
    "requested": Status.IN_PROGRESS,
    "unrequested": Status.NOT_STARTED,
}


def _due_cell(actions: list[Action]) -> Value:
    if len(actions) == 1:
        return actions[0].due
    return (
        numbered_lines([a.due.isoformat() if a.due else "" for a in actions]) if actions else None
    )


def _list_validation(
    ws: Worksheet, sheet: SheetLayout, field: Field, t: Texts, rows: tuple[int, int]
) -> str:
    """A dropdown of the field's labels in the workbook's language; returns the cell range."""
    assert field.choices is not None
    if field.choices is Status:  # a request's own words (已获得 …) are offered beside the status
        labels = (
            t(status_label(s, k)) for k in (Kind.SUPPORT, Kind.HIGHER_LEVEL) for s in STATUS_ORDER
        )
        choices = list(dict.fromkeys(labels))
    else:
        choices = [t.label(member) for member in field.choices]
    letter = get_column_letter(sheet.col(field.id))
    cells = f"{letter}{rows[0]}:{letter}{rows[1]}"
    what = t(field.header)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t(CHOICE_TITLE, what=what),
        error=t(CHOICE_ERROR, choices=t.list_sep.join(choices)),
        promptTitle=what,
        prompt=t.list_sep.join(choices),
        showInputMessage=True,
    )
    ws.add_data_validation(dv)
    dv.add(cells)
    return cells


def _title(ws: Worksheet, ctx: ReportContext, sheet: SheetLayout) -> None:
    a = ctx.assessment
    set_title(ws, ctx.t(TITLE_LINE, zone=a.zone.name, title=sheet.title(ctx.t), period=a.period))


def _evidence_text(ctx: ReportContext, ids: list[str]) -> str:
    register = ctx.assessment.evidence_by_id()
    return "\n".join(evidence_line(register[i]) for i in ids if i in register)


def _item_cells(ctx: ReportContext, item: Item) -> Row:
    """序号 aside, the columns every item list starts with: ID, measure, title, kind."""
    copies = copy_cells(ctx.checklist, item, ctx.t)
    return {
        "item_id": item.id,
        "measure": copies["measure"],
        "item": ctx.item_title(item),
        "kind": copies["kind"],
    }


def write_items(ws: Worksheet, ctx: ReportContext) -> None:
    t, zone = ctx.t, ctx.assessment.zone
    _title(ws, ctx, layout.ITEMS)
    rows: list[Row] = []
    bands: list[int] = []
    for number, item in enumerate(ctx.items, start=1):
        rec = ctx.record(item.id)
        acts = rec.actions

        def lines(values: list[str], acts: list[Action] = acts) -> str:
            return numbered_lines(values) if acts else ""

        rows.append({
            **copy_cells(ctx.checklist, item, t),
            **_item_cells(ctx, item),
            "number": number,
            "applicability": applicability_text(item, zone, t),
            fields.STATUS.id: t(status_label(rec.status, item.kind)),
            fields.EXPLANATION_FIELD.id: rec.explanation,
            fields.CURRENT.id: rec.current,
            fields.FIGURES.id: figure_lines(item, rec.figures, t),
            fields.EVIDENCE.id: _evidence_text(ctx, rec.evidence),
            fields.GAP.id: rec.gap,
            fields.OPPORTUNITY.id: rec.opportunity,
            fields.ACTION_TEXT.id: lines([a.text for a in acts]),
            fields.ACTION_LEAD.id: lines([a.lead for a in acts]),
            fields.ACTION_PARTNERS.id: lines([a.partners for a in acts]),
            fields.ACTION_DUE.id: _due_cell(acts),
            fields.ACTION_PRIORITY.id: lines([t.label(a.priority) for a in acts]),
            fields.NOTE.id: rec.note,
            fields.RESPONSIBLE.id: responsible_cell(
                responsible(ctx.checklist, ctx.assessment, item.id), t
            ),
        })  # fmt: skip
        bands.append(ctx.measure_numbers.index(ctx.checklist.measure_of[item.id].number))
    last = write_rows(ws, layout.ITEMS, rows, centered=CENTERED, bands=bands)
    cells = _list_validation(
        ws, layout.ITEMS, fields.STATUS, t, (FIRST_DATA_ROW, max(last, FIRST_DATA_ROW))
    )
    for status, colour in STATUS_FILLS.items():
        for label in dict.fromkeys(t(status_label(status, kind)) for kind in Kind):
            ws.conditional_formatting.add(
                cells,
                CellIsRule(
                    operator="equal",
                    formula=[f'"{label}"'],
                    fill=PatternFill("solid", fgColor=colour, bgColor=colour),
                ),
            )


def write_gaps(ws: Worksheet, ctx: ReportContext) -> None:
    """The scoring's gaps (assessed, applicable, not done), in its order."""
    t = ctx.t
    _title(ws, ctx, layout.GAPS)
    rows: list[Row] = []
    for number, item in enumerate(_listed(ctx, ctx.summary.gaps), start=1):
        rec = ctx.record(item.id)
        acts = open_actions(rec)
        rank, due = urgency(rec)
        rows.append({
            **_item_cells(ctx, item),
            "number": number,
            fields.STATUS.id: t.label(rec.status),
            fields.GAP.id: rec.gap or t(GAP_MISSING),
            fields.ACTION_TEXT.id: numbered_lines([a.text for a in acts]) if acts else t(ACTION_MISSING),
            fields.ACTION_LEAD.id: t.list_sep.join(dict.fromkeys(a.lead for a in acts if a.lead)),
            "earliest_due": None if due == dt.date.max else due,
            "highest_priority": t.label(list(Priority)[rank]) if rank < len(Priority) else "",
        })  # fmt: skip
    _write_or_none(ws, ctx, layout.GAPS, rows)


def write_opportunities(ws: Worksheet, ctx: ReportContext) -> None:
    """The scoring's opportunities (support/encourage gaps), in its order."""
    t = ctx.t
    _title(ws, ctx, layout.OPPORTUNITIES)
    rows: list[Row] = []
    for number, item in enumerate(_listed(ctx, ctx.summary.opportunities), start=1):
        rec = ctx.record(item.id)
        rows.append({
            **_item_cells(ctx, item),
            "number": number,
            fields.STATUS.id: t.label(rec.status),
            "source": item.source,
            "chance": rec.opportunity or t(CHANCE_MISSING),
            fields.ACTION_LEAD.id: t.list_sep.join(
                dict.fromkeys(a.lead for a in rec.actions if a.lead)
            ),
        })  # fmt: skip
    _write_or_none(ws, ctx, layout.OPPORTUNITIES, rows)


def _listed(ctx: ReportContext, item_ids: list[str]) -> list[Item]:
    """The items of ``item_ids`` that are in this workbook's measures, in that order."""
    return [ctx.checklist.item_index[i] for i in item_ids if i in ctx.item_ids]


def _write_or_none(ws: Worksheet, ctx: ReportContext, sheet: SheetLayout, rows: list[Row]) -> None:
    """The rows, or one “（暂无）” line so an empty list reads as empty, not as unfinished."""
    write_rows(ws, sheet, rows or [{"item": ctx.t(NONE_YET)}], centered=CENTERED)


def write_actions(ws: Worksheet, ctx: ReportContext) -> None:
    t = ctx.t
    _title(ws, ctx, layout.ACTIONS)
    rows: list[Row] = []
    for item in ctx.items:
        for action in ctx.record(item.id).actions:
            rows.append({
                "number": len(rows) + 1,
                "item_id": item.id,
                "item": ctx.item_title(item),
                **{f.id: f.to_cell(getattr(action, f.attr), t) for f in fields.ACTION_FIELDS},
                "overdue": t(YES) if overdue(action, ctx.today) else "",
                fields.ACTION_ID.id: action.id,
            })  # fmt: skip
    centered = ("number", "item_id", fields.ACTION_PRIORITY.id, fields.ACTION_STATUS.id, "overdue")
    last = max(write_rows(ws, layout.ACTIONS, rows, centered=centered), FIRST_DATA_ROW)
    # Leave room for new rows a department adds.
    end = last + 50
    for field in (fields.ACTION_PRIORITY, fields.ACTION_STATUS):
        _list_validation(ws, layout.ACTIONS, field, t, (FIRST_DATA_ROW, end))
    flag = get_column_letter(layout.ACTIONS.col("overdue"))
    ws.conditional_formatting.add(
        f"{flag}{FIRST_DATA_ROW}:{flag}{end}",
        CellIsRule(
            operator="equal",
            formula=[f'"{t(YES)}"'],
            fill=PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"),
            font=Font(color="9C0006", bold=True),
        ),
    )


def write_evidence(ws: Worksheet, ctx: ReportContext) -> None:
    _title(ws, ctx, layout.EVIDENCE)
    cited: dict[str, list[str]] = {}
    for item in ctx.checklist.items:
        for ref in ctx.record(item.id).evidence:
            cited.setdefault(ref, []).append(item.id)
    # A department's part lists only what its items cite; the full workbook keeps every record.
    shown = {ref for i in ctx.items for ref in ctx.record(i.id).evidence} if ctx.limited else None
    rows: list[Row] = [
        {
            **{f.id: f.to_cell(getattr(e, f.attr), ctx.t) for f in fields.EVIDENCE_FIELDS},
            "cited_by": ctx.t.list_sep.join(cited.get(e.id, [])),
        }
        for e in ctx.assessment.evidence
        if shown is None or e.id in shown
    ]
    write_rows(ws, layout.EVIDENCE, rows, centered=(fields.EVIDENCE_ID.id,))


def write_quality(ws: Worksheet, ctx: ReportContext) -> None:
    t = ctx.t
    _title(ws, ctx, layout.QUALITY)
    titles = {i.id: ctx.item_title(i) for i in ctx.items}
    warnings = (w for w in ctx.summary.warnings if w.item_id in ctx.item_ids)
    rows: list[Row] = [
        {
            "number": n,
            "item_id": w.item_id,
            "item": titles[w.item_id],
            "problem_kind": t(WARNING_KIND[w.code]),
            "problem": warning_text(w, t),
        }
        for n, w in enumerate(warnings, start=1)
    ]
    write_rows(ws, layout.QUALITY, rows, centered=("number", "item_id"))


def write_notes(ws: Worksheet, ctx: ReportContext) -> None:
    t = ctx.t
    set_title(ws, layout.NOTES.title(t))
    cl = ctx.checklist
    scale = "\n".join(
        t(NOTE_SCALE_LINE, status=t.label(s), explanation=t(EXPLANATION[s.value]))
        for s in STATUS_ORDER
    )
    filled = t.list_sep.join(
        t(f.header)
        for f in (
            fields.STATUS, fields.EXPLANATION_FIELD, fields.CURRENT, fields.FIGURES,
            fields.EVIDENCE, fields.GAP, fields.OPPORTUNITY, fields.NOTE,
        )
    )  # fmt: skip
    sheet_names = {"items": layout.ITEMS.name(t), "actions": layout.ACTIONS.name(t)}
    paragraphs = {
        "checklist": t(
            NOTE_CHECKLIST,
            title=t.pick(cl.title, cl.title_en),
            source=t.pick(cl.source, cl.issued),
            id=cl.id,
            version=cl.version,
        ),
        "scope": ctx.scope_text(),
        "status": scale + "\n" + t(NOTE_SCALE),
        "rules": t(ROLLUP_RULE),
        "applicability": t(
            NOTE_APPLICABILITY,
            shown=t(NOT_APPLICABLE, why=t(ONLY_FOR, who="…")),
            status=t(fields.STATUS.header),
            not_applicable=t.label(Status.NOT_APPLICABLE),
        ),
        "kind": t(
            NOTE_KIND,
            status=t(fields.STATUS.header),
            **{
                name: t(status_label(status, Kind.HIGHER_LEVEL))
                for name, status in REQUEST_WORDS.items()
            },
        ),
        "return": t(NOTE_RETURN, fields=filled, **sheet_names),
        "evidence": t(NOTE_EVIDENCE),
        "figures": t(NOTE_FIGURES, column=t(fields.FIGURES.header)),
        "generated": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
    }
    topics = NOTE_TOPIC | {"status": fields.STATUS.header}
    for row, (topic, paragraph) in enumerate(paragraphs.items(), start=FIRST_DATA_ROW):
        put_text(ws, row, 1, heading(t, topics[topic]), STYLE_LABEL)
        put_text(ws, row, 2, paragraph, STYLE_BODY)
        fit_row_height(ws, row)
