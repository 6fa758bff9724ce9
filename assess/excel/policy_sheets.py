"""The policy's own sheets: 待争取事项, 政策争取, 自定任务 and 推进进度 (issue 12).

They follow the template's sheets (made here, not in the template, so the template stays the
list sheets' own) and come back through :mod:`assess.excel.policy_reader`: 争取对象 from
待争取事项, claims by 编号 from 政策争取, the zone's tasks by 编号 from 自定任务, 达进度/欠进度
from 推进进度.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.applicability import item_applies
from assess.checklist import Item, Kind, chinese_numeral
from assess.excel.cells import STYLE_HEADER, STYLE_TITLE
from assess.excel.context import ReportContext
from assess.excel.layout import HEADER_ROW, TITLE_ROW, SheetLayout, _cols
from assess.excel.notation import evidence_line, numbered_lines
from assess.excel.printing import setup_print
from assess.excel.tables import Value, set_title, write_rows
from assess.models import STATUS_ORDER, ClaimStatus, Schedule, Status, ZoneTask
from assess.requests import status_label
from assess.scoring import Score, rates_of, task_score
from assess.texts import Texts
from assess.texts import policy as words

ZH = Texts()
ROOM = 50  # empty rows with drop-downs, for rows a department adds

REQUESTS = SheetLayout(
    ZH(words.REQUESTS),
    _cols(
        ("序号", 5), ("条目编号", 7), ("举措", 14), ("条目", 16), ("争取状态", 9),
        (fields.ASKED_OF, 16), ("获得情况/争取进展", 30), ("政策原文", 40),
    ),
    frozen_cols=2,
)  # fmt: skip
CLAIMS = SheetLayout(
    ZH(words.CLAIMS),
    _cols(
        ("条目编号", 7), ("条目", 16),
        *((f, f.width) for f in fields.CLAIM_FIELDS),
    ),
    frozen_cols=2,
)  # fmt: skip
TASKS = SheetLayout(
    ZH(words.OWN_TASKS),
    _cols(
        *((f, f.width) for f in fields.TASK_FIELDS), (fields.STATUS, 8), (fields.SCHEDULE, 8),
        (fields.EXPLANATION_FIELD, 24), (fields.EVIDENCE, 18), (fields.ACTIONS, 24),
    ),
    frozen_cols=3,
)  # fmt: skip
PACE = SheetLayout(
    ZH(words.PACE),
    _cols(
        ("序号", 5), ("条目编号", 7), ("举措", 14), ("条目", 18), ("类型", 6), ("落实状态", 8),
        (fields.SCHEDULE, 10), ("进度", 40),
    ),
    frozen_cols=2,
)  # fmt: skip
SHEETS = (REQUESTS, CLAIMS, TASKS, PACE)
TITLES = {
    REQUESTS.name: "{zone}　待争取事项（{period}）",
    CLAIMS.name: "{zone}　政策争取台账（{period}）",
    TASKS.name: "{zone}　自定任务（{period}）",
    PACE.name: "{zone}　推进中事项进度（{period}）",
}


def overview_scores(ctx: ReportContext) -> list[tuple[str, float | None]]:
    """落实率 and 政策利用率 of the workbook's items, and the own tasks' line (总览)."""
    implementation, policy_use = rates_of(ctx.checklist, ctx.summary, ctx.item_ids)
    own = sum((task_score(t.record) for t in _tasks(ctx)), Score())
    return [
        (ZH(words.IMPLEMENTATION), implementation.value),
        (ZH(words.POLICY_USE), policy_use.value),
        (ZH(words.OWN_TASKS), own.value),
    ]


def overview_counts(ctx: ReportContext) -> list[tuple[str, str]]:
    """How many requests are open, how much work is behind schedule, how many claims approved."""
    requests = [i for i in ctx.summary.requests if i in ctx.item_ids]
    tasks = {t.id for t in _tasks(ctx)}
    behind = [i for i in ctx.summary.behind if i in ctx.item_ids or i in tasks]
    claims = [c for i in ctx.items for c in ctx.record(i.id).claims]
    approved = sum(c.status is ClaimStatus.APPROVED for c in claims)
    return [
        (ZH(words.REQUESTS), _listed(requests)),
        (ZH.label(Schedule.BEHIND), _listed(behind)),
        (ZH(words.CLAIMS), ZH(words.CLAIMS_COUNT, count=len(claims), approved=approved)),
    ]


def _listed(ids: list[str]) -> str:
    if not ids:
        return ZH(words.COUNT, count=0)
    return ZH(words.COUNT_LISTED, count=len(ids), ids=ZH.list_sep.join(ids))


def _tasks(ctx: ReportContext) -> list[ZoneTask]:
    return [t for t in ctx.assessment.zone_tasks if t.measure in ctx.measure_numbers]


def write_policy_sheets(wb: Workbook, ctx: ReportContext) -> None:
    """Add the four sheets after the template's, in this order."""
    write_requests(_new_sheet(wb, REQUESTS), ctx)
    write_claims(_new_sheet(wb, CLAIMS), ctx)
    write_tasks(_new_sheet(wb, TASKS), ctx)
    write_pace(_new_sheet(wb, PACE), ctx)


def _new_sheet(wb: Workbook, layout: SheetLayout) -> Worksheet:
    ws = wb.create_sheet(layout.name)
    ws.merge_cells(f"A{TITLE_ROW}:{get_column_letter(len(layout.columns))}{TITLE_ROW}")
    ws.cell(TITLE_ROW, 1).style = STYLE_TITLE
    ws.row_dimensions[TITLE_ROW].height = 30
    for index, column in enumerate(layout.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.cell(HEADER_ROW, index, column.header).style = STYLE_HEADER
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, layout.frozen_cols + 1).coordinate
    setup_print(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", header_left="")
    return ws


def _title(ws: Worksheet, ctx: ReportContext, layout: SheetLayout) -> None:
    a = ctx.assessment
    set_title(ws, TITLES[layout.name].format(zone=a.zone.name, period=a.period))


def write_requests(ws: Worksheet, ctx: ReportContext) -> None:
    """The scoring's open requests (未争取 first), then the other higher-level items that apply
    (received, not assessed …), each with whom it is asked of: the 争取对象 column comes back."""
    _title(ws, ctx, REQUESTS)
    rest = [
        i.id
        for i in ctx.items
        if i.kind is Kind.HIGHER_LEVEL and i.id not in ctx.summary.requests and _applies(ctx, i)
    ]
    rows: list[list[Value]] = []
    for item_id in [*ctx.summary.requests, *rest]:
        if item_id not in ctx.item_ids:
            continue
        item = ctx.checklist.item_index[item_id]
        rec = ctx.record(item_id)
        measure = ctx.checklist.measure_of[item_id]
        rows.append([
            len(rows) + 1, item_id, f"{measure.numeral}{measure.title}", item.title,
            ZH(status_label(rec.status, item.kind)), rec.asked_of, rec.explanation, item.source,
        ])  # fmt: skip
    if not rows:
        rows = [[None, None, None, ZH(words.NONE_YET)]]
    write_rows(ws, REQUESTS, rows, centered=("序号", "条目编号", "争取状态"))


def write_claims(ws: Worksheet, ctx: ReportContext) -> None:
    """Every claim of the workbook's items; new rows (no 编号) are added on import."""
    _title(ws, ctx, CLAIMS)
    rows: list[list[Value]] = []
    for item in ctx.items:
        for claim in ctx.record(item.id).claims:
            rows.append([
                item.id, item.title, claim.id, claim.policy, claim.issuer, ZH.label(claim.status),
                claim.amount, claim.date,
            ])  # fmt: skip
    last = max(write_rows(ws, CLAIMS, rows, centered=("条目编号", "编号")), HEADER_ROW)
    _drop_down(ws, CLAIMS, fields.CLAIM_STATUS, [ZH.label(s) for s in ClaimStatus], last)


def write_tasks(ws: Worksheet, ctx: ReportContext) -> None:
    """The zone's own tasks under the workbook's measures."""
    _title(ws, ctx, TASKS)
    register = ctx.assessment.evidence_by_id()
    rows: list[list[Value]] = []
    for task in _tasks(ctx):
        rec = task.record
        rows.append([
            task.id, measure_cell(task.measure), task.title, task.description,
            ZH.label(rec.status), ZH.label(rec.schedule) if rec.schedule else None,
            rec.explanation,
            "\n".join(evidence_line(register[i]) for i in rec.evidence if i in register),
            numbered_lines([a.text for a in rec.actions]) if rec.actions else "",
        ])  # fmt: skip
    last = max(write_rows(ws, TASKS, rows, centered=("编号",)), HEADER_ROW)
    statuses = [ZH.label(s) for s in STATUS_ORDER]
    _drop_down(ws, TASKS, fields.STATUS, statuses, last)
    _drop_down(ws, TASKS, fields.SCHEDULE, [ZH.label(s) for s in Schedule], last)


def write_pace(ws: Worksheet, ctx: ReportContext) -> None:
    """Every 推进中 item with 达进度/欠进度, as a 台账 reports it; the column comes back."""
    _title(ws, ctx, PACE)
    rows: list[list[Value]] = []
    for item in ctx.items:
        rec = ctx.record(item.id)
        if rec.status is not Status.IN_PROGRESS or not _applies(ctx, item):
            continue
        measure = ctx.checklist.measure_of[item.id]
        rows.append([
            len(rows) + 1, item.id, f"{measure.numeral}{measure.title}", item.title,
            ZH.label(item.kind), ZH(status_label(rec.status, item.kind)),
            ZH.label(rec.schedule) if rec.schedule else None, rec.explanation,
        ])  # fmt: skip
    if not rows:
        rows = [[None, None, None, ZH(words.NONE_YET)]]
    last = max(
        write_rows(ws, PACE, rows, centered=("序号", "条目编号", "类型", "落实状态")), HEADER_ROW
    )
    _drop_down(ws, PACE, fields.SCHEDULE, [ZH.label(s) for s in Schedule], last)


def _applies(ctx: ReportContext, item: Item) -> bool:
    return item_applies(item, ctx.assessment.zone)


def measure_cell(number: int) -> str:
    """（九）: how a task's measure is written, and read back."""
    return f"（{chinese_numeral(number)}）"


def _drop_down(
    ws: Worksheet, layout: SheetLayout, field: fields.Field, choices: list[str], last: int
) -> None:
    header = ZH(field.header)
    letter = get_column_letter(layout.col(header))
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"{header}无效",
        error=f"请从下拉列表选择：{'、'.join(choices)}",
    )
    ws.add_data_validation(dv)
    dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{last + ROOM}")
