"""The policy's own sheets: 上级事项, 政策争取, 自定任务 and 推进进度 (issue 12).

They follow the template's sheets (made here, not in the template, so the template stays the
list sheets' own) and come back through :mod:`assess.excel.policy_reader`: 争取对象 from
上级事项 (every higher-level item; its title line counts the 待争取事项 as ``summary`` does),
claims by 编号 from 政策争取, the zone's tasks by 编号 from 自定任务, 达进度/欠进度 from 推进进度.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.applicability import item_applies
from assess.checklist import Item, Kind, chinese_numeral
from assess.excel.cells import STYLE_HEADER, STYLE_TITLE, merge, put_text, set_style
from assess.excel.context import ReportContext
from assess.excel.layout import HEADER_ROW, TITLE_ROW
from assess.excel.notation import evidence_line, numbered_lines
from assess.excel.policy_layout import CLAIMS, PACE, REQUESTS, TASKS, PolicySheet
from assess.excel.printing import setup_print
from assess.excel.tables import Row, set_title, write_rows
from assess.models import STATUS_ORDER, ClaimStatus, Schedule, Status, ZoneTask
from assess.requests import status_label
from assess.scoring import Score, rates_of, task_score
from assess.texts import Texts
from assess.texts import policy as words
from assess.texts.workbook import CHOICE_ERROR, CHOICE_TITLE, TITLE_LINE, heading, measure_title

TITLE_WITH_NOTE = Alignment(horizontal="center", vertical="center", wrap_text=True)
ROOM = 50  # empty rows with drop-downs, for rows a department adds


def overview_scores(ctx: ReportContext) -> list[tuple[str, float | None]]:
    """落实率 and 政策利用率 of the workbook's items, and the own tasks' line (总览)."""
    t = ctx.t
    implementation, policy_use = rates_of(ctx.checklist, ctx.summary, ctx.item_ids)
    own = sum((task_score(task.record) for task in _tasks(ctx)), Score())
    return [
        (heading(t, words.IMPLEMENTATION), implementation.value),
        (heading(t, words.POLICY_USE), policy_use.value),
        (heading(t, words.OWN_TASKS), own.value),
    ]


def overview_counts(ctx: ReportContext) -> list[tuple[str, str]]:
    """How many requests are open, how much work is behind schedule, how many claims approved."""
    t = ctx.t
    requests = open_requests(ctx)
    tasks = {task.id for task in _tasks(ctx)}
    behind = [i for i in ctx.summary.behind if i in ctx.item_ids or i in tasks]
    claims = [c for i in ctx.items for c in ctx.record(i.id).claims]
    approved = sum(c.status is ClaimStatus.APPROVED for c in claims)
    behind_label = t.label(Schedule.BEHIND)
    return [
        (heading(t, words.REQUESTS), _listed(t, requests)),
        (behind_label[:1].upper() + behind_label[1:], _listed(t, behind)),
        (heading(t, words.CLAIMS), t(words.CLAIMS_COUNT, count=len(claims), approved=approved)),
    ]


def _listed(t: Texts, ids: list[str]) -> str:
    if not ids:
        return t(words.COUNT, count=0)
    return t(words.COUNT_LISTED, count=len(ids), ids=t.list_sep.join(ids))


def _tasks(ctx: ReportContext) -> list[ZoneTask]:
    return [task for task in ctx.assessment.zone_tasks if task.measure in ctx.measure_numbers]


def write_policy_sheets(wb: Workbook, ctx: ReportContext) -> None:
    """Add the four sheets after the template's, in this order."""
    write_requests(_new_sheet(wb, REQUESTS, ctx, open_requests_line(ctx)), ctx)
    write_claims(_new_sheet(wb, CLAIMS, ctx), ctx)
    write_tasks(_new_sheet(wb, TASKS, ctx), ctx)
    write_pace(_new_sheet(wb, PACE, ctx), ctx)


def _new_sheet(wb: Workbook, layout: PolicySheet, ctx: ReportContext, note: str = "") -> Worksheet:
    """The sheet with its title (and ``note`` on a second line), headers and print set-up."""
    t = ctx.t
    ws = wb.create_sheet(layout.name(t))
    merge(ws, TITLE_ROW, 1, TITLE_ROW, len(layout.columns))
    set_style(ws.cell(TITLE_ROW, 1), STYLE_TITLE)
    ws.row_dimensions[TITLE_ROW].height = 30
    for index, column in enumerate(layout.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width_in(t.lang)
        put_text(ws, HEADER_ROW, index, column.header(t), STYLE_HEADER)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, layout.frozen_cols + 1).coordinate
    setup_print(ws, t, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", header_left="")
    a = ctx.assessment
    title = t(TITLE_LINE, zone=a.zone.name, title=layout.title(t), period=a.period)
    set_title(ws, f"{title}\n{note}" if note else title)
    if note:
        ws.cell(TITLE_ROW, 1).alignment = TITLE_WITH_NOTE
        ws.row_dimensions[TITLE_ROW].height = 48
    return ws


def open_requests(ctx: ReportContext) -> list[str]:
    """The workbook's 待争取事项: the scoring's open requests (未争取 first), nothing else."""
    return [i for i in ctx.summary.requests if i in ctx.item_ids]


def write_requests(ws: Worksheet, ctx: ReportContext) -> None:
    """Every higher-level item that applies, with where it stands and whom it is asked of (the
    争取对象 column comes back): the 待争取事项 first, as the title line counts them, then the
    rest by status (已获得, 不适用, 未评估), so a request decided later has a row to fill."""
    t = ctx.t
    pending = open_requests(ctx)
    rest = sorted(
        (i for i in ctx.items
         if i.kind is Kind.HIGHER_LEVEL and i.id not in pending and _applies(ctx, i)),
        key=lambda i: STATUS_ORDER.index(ctx.record(i.id).status),
    )  # fmt: skip
    rows: list[Row] = []
    for item in [*(ctx.checklist.item_index[i] for i in pending), *rest]:
        rec = ctx.record(item.id)
        rows.append({
            "number": len(rows) + 1, "item_id": item.id,
            "measure": measure_title(ctx.checklist.measure_of[item.id], t), "item": ctx.item_title(item),
            "request_status": t(status_label(rec.status, item.kind)),
            fields.ASKED_OF.id: rec.asked_of, "request_progress": rec.explanation,
            "source": item.source,
        })  # fmt: skip
    if not rows:
        rows = [{"item": t(words.NONE_YET)}]
    write_rows(ws, REQUESTS, rows, centered=("number", "item_id", "request_status"))


def open_requests_line(ctx: ReportContext) -> str:
    """其中待争取事项 2 项（未争取 1 项、争取中 1 项）: the count ``summary`` gives; the rows
    name them (a list of IDs in a 16 pt title would run over lines)."""
    pending = open_requests(ctx)
    if not pending:
        return ctx.t(words.NO_OPEN_REQUESTS)
    statuses = [ctx.record(i).status for i in pending]
    return ctx.t(
        words.OPEN_REQUESTS,
        count=len(pending),
        not_started=statuses.count(Status.NOT_STARTED),
        in_progress=statuses.count(Status.IN_PROGRESS),
    )


def write_claims(ws: Worksheet, ctx: ReportContext) -> None:
    """Every claim of the workbook's items; new rows (no 编号) are added on import."""
    t = ctx.t
    rows: list[Row] = []
    for item in ctx.items:
        for claim in ctx.record(item.id).claims:
            rows.append({
                "item_id": item.id, "item": ctx.item_title(item), fields.CLAIM_ID.id: claim.id,
                fields.CLAIM_POLICY.id: claim.policy, fields.CLAIM_ISSUER.id: claim.issuer,
                fields.CLAIM_STATUS.id: t.label(claim.status),
                fields.CLAIM_AMOUNT.id: claim.amount, fields.CLAIM_DATE.id: claim.date,
            })  # fmt: skip
    last = write_rows(ws, CLAIMS, rows, centered=("item_id", fields.CLAIM_ID.id))
    _drop_down(ws, CLAIMS, fields.CLAIM_STATUS, [t.label(s) for s in ClaimStatus], last, t)


def write_tasks(ws: Worksheet, ctx: ReportContext) -> None:
    """The zone's own tasks under the workbook's measures."""
    t = ctx.t
    register = ctx.assessment.evidence_by_id()
    rows: list[Row] = []
    for task in _tasks(ctx):
        rec = task.record
        rows.append({
            fields.TASK_ID.id: task.id, fields.TASK_MEASURE.id: measure_cell(task.measure, t),
            fields.TASK_TITLE.id: task.title, fields.TASK_DESCRIPTION.id: task.description,
            fields.STATUS.id: t.label(rec.status),
            fields.SCHEDULE.id: t.label(rec.schedule) if rec.schedule else None,
            fields.EXPLANATION_FIELD.id: rec.explanation,
            fields.EVIDENCE.id: "\n".join(
                evidence_line(register[i]) for i in rec.evidence if i in register
            ),
            fields.ACTIONS.id: numbered_lines([a.text for a in rec.actions]) if rec.actions else "",
        })  # fmt: skip
    last = write_rows(ws, TASKS, rows, centered=(fields.TASK_ID.id,))
    _drop_down(ws, TASKS, fields.STATUS, [t.label(s) for s in STATUS_ORDER], last, t)
    _drop_down(ws, TASKS, fields.SCHEDULE, [t.label(s) for s in Schedule], last, t)


def write_pace(ws: Worksheet, ctx: ReportContext) -> None:
    """Every 推进中 item with 达进度/欠进度, as a 台账 reports it; the column comes back."""
    t = ctx.t
    rows: list[Row] = []
    for item in ctx.items:
        rec = ctx.record(item.id)
        if rec.status is not Status.IN_PROGRESS or not _applies(ctx, item):
            continue
        rows.append({
            "number": len(rows) + 1, "item_id": item.id,
            "measure": measure_title(ctx.checklist.measure_of[item.id], t), "item": ctx.item_title(item),
            "kind": t.label(item.kind), fields.STATUS.id: t(status_label(rec.status, item.kind)),
            fields.SCHEDULE.id: t.label(rec.schedule) if rec.schedule else None,
            "progress": rec.explanation,
        })  # fmt: skip
    if not rows:
        rows = [{"item": t(words.NONE_YET)}]
    last = write_rows(ws, PACE, rows, centered=("number", "item_id", "kind", fields.STATUS.id))
    _drop_down(ws, PACE, fields.SCHEDULE, [t.label(s) for s in Schedule], last, t)


def _applies(ctx: ReportContext, item: Item) -> bool:
    return item_applies(item, ctx.assessment.zone)


def measure_cell(number: int, t: Texts) -> str:
    """（九） in Chinese, (9) in English: how a task's measure is written, and read back."""
    return t.pick(f"（{chinese_numeral(number)}）", f"({number})")


def _drop_down(
    ws: Worksheet,
    layout: PolicySheet,
    field: fields.Field,
    choices: list[str],
    last: int,
    t: Texts,
) -> None:
    """The field's labels in the workbook's language, on the rows written and ROOM more."""
    header = layout.column(field.id).header(t)
    letter = get_column_letter(layout.col(field.id))
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t(CHOICE_TITLE, what=header),
        error=t(CHOICE_ERROR, choices=t.list_sep.join(choices)),
    )
    ws.add_data_validation(dv)
    dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{last + ROOM}")
