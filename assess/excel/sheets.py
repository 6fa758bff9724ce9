"""The list sheets of the report: 逐项对标, 差距清单, 机遇清单, 行动计划, 佐证材料, 质量检查, 说明."""

from __future__ import annotations

import datetime as dt

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Item
from assess.excel import layout as L
from assess.excel.cells import STYLE_BODY, STYLE_LABEL, put_text
from assess.excel.context import ReportContext
from assess.excel.layout import FIRST_DATA_ROW, SheetLayout
from assess.excel.notation import current_with_figures, evidence_line, numbered_lines
from assess.excel.sizing import fit_row_height
from assess.excel.tables import Value, set_title, write_rows
from assess.lang import Lang
from assess.models import STATUS_ORDER, Action, ActionStatus, Priority, Status
from assess.scoring import open_actions, overdue, urgency
from assess.texts import Texts
from assess.texts.applicability import applicability_text
from assess.texts.labels import EXPLANATION
from assess.texts.messages import ROLLUP_RULE, WARNING_KIND, warning_text

STATUS_FILLS: dict[Status, str] = {
    Status.DONE: "C6EFCE",
    Status.IN_PROGRESS: "FFEB9C",
    Status.NOT_STARTED: "FFC7CE",
    Status.NOT_APPLICABLE: "D9D9D9",
    Status.NOT_ASSESSED: "DDEBF7",
}
OVERDUE = "是"
NONE_YET = "（暂无）"
ZH, EN = Texts(Lang.ZH), Texts(Lang.EN)


def _due_cell(actions: list[Action]) -> Value:
    if len(actions) == 1:
        return actions[0].due
    return (
        numbered_lines([a.due.isoformat() if a.due else "" for a in actions]) if actions else None
    )


def _list_validation(ws: Worksheet, choices: list[str], cells: str, what: str) -> None:
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"{what}无效",
        error=f"请从下拉列表选择：{'、'.join(choices)}",
        promptTitle=what,
        prompt="、".join(choices),
        showInputMessage=True,
    )
    ws.add_data_validation(dv)
    dv.add(cells)


def _area_text(ctx: ReportContext, item: Item) -> str:
    area = ctx.checklist.area_of[item.id]
    return f"{area.numeral}、{area.title}"


def _measure_text(ctx: ReportContext, item: Item) -> str:
    measure = ctx.checklist.measure_of[item.id]
    return f"{measure.numeral}{measure.title}"


def _evidence_text(ctx: ReportContext, ids: list[str]) -> str:
    register = ctx.assessment.evidence_by_id()
    return "\n".join(evidence_line(register[i]) for i in ids if i in register)


def write_items(ws: Worksheet, ctx: ReportContext) -> None:
    zone = ctx.assessment.zone
    set_title(ws, f"{zone.name}　逐项对标表（{ctx.assessment.period}）")
    rows: list[list[Value]] = []
    bands: list[int] = []
    for number, item in enumerate(ctx.items, start=1):
        rec = ctx.record(item.id)
        acts = rec.actions
        rows.append([
            number, _area_text(ctx, item), _measure_text(ctx, item), item.id, item.title,
            item.source, ZH.label(item.kind), applicability_text(item, zone, ZH), ZH.label(rec.status),
            rec.explanation, current_with_figures(rec.current, rec.figures),
            _evidence_text(ctx, rec.evidence), rec.gap, rec.opportunity,
            numbered_lines([a.text for a in acts]) if acts else "",
            numbered_lines([a.lead for a in acts]) if acts else "",
            numbered_lines([a.partners for a in acts]) if acts else "",
            _due_cell(acts), numbered_lines([ZH.label(a.priority) for a in acts]) if acts else "",
            rec.note,
        ])  # fmt: skip
        bands.append(ctx.measure_numbers.index(ctx.checklist.measure_of[item.id].number))
    centered = ("序号", "条目编号", "类型", "落实状态", "优先级")
    last = write_rows(ws, L.ITEMS, rows, centered=centered, bands=bands)
    status_col = _letter(L.ITEMS, "落实状态")
    cells = f"{status_col}{FIRST_DATA_ROW}:{status_col}{max(last, FIRST_DATA_ROW)}"
    _list_validation(ws, [ZH.label(s) for s in STATUS_ORDER], cells, "落实状态")
    for status, colour in STATUS_FILLS.items():
        ws.conditional_formatting.add(
            cells,
            CellIsRule(
                operator="equal",
                formula=[f'"{ZH.label(status)}"'],
                fill=PatternFill("solid", fgColor=colour, bgColor=colour),
            ),
        )


def write_gaps(ws: Worksheet, ctx: ReportContext) -> None:
    """The scoring's gaps (assessed, applicable, not done), in its order."""
    set_title(ws, f"{ctx.assessment.zone.name}　差距清单（{ctx.assessment.period}）")
    rows: list[list[Value]] = []
    for number, item in enumerate(_listed(ctx, ctx.summary.gaps), start=1):
        rec = ctx.record(item.id)
        acts = open_actions(rec)
        rank, due = urgency(rec)
        rows.append([
            number, item.id, _measure_text(ctx, item), item.title, ZH.label(item.kind),
            ZH.label(rec.status), rec.gap or "（未填写差距）",
            numbered_lines([a.text for a in acts]) if acts else "（无下一步举措）",
            "、".join(dict.fromkeys(a.lead for a in acts if a.lead)),
            None if due == dt.date.max else due,
            [ZH.label(p) for p in Priority][rank] if rank < len(Priority) else "",
        ])  # fmt: skip
    _write_or_none(ws, L.GAPS, rows, ("序号", "条目编号", "类型", "落实状态", "最高优先级"))


def write_opportunities(ws: Worksheet, ctx: ReportContext) -> None:
    """The scoring's opportunities (support/encourage gaps), in its order."""
    set_title(ws, f"{ctx.assessment.zone.name}　机遇清单（{ctx.assessment.period}）")
    rows: list[list[Value]] = []
    for number, item in enumerate(_listed(ctx, ctx.summary.opportunities), start=1):
        rec = ctx.record(item.id)
        rows.append([
            number, item.id, _measure_text(ctx, item), item.title, ZH.label(item.kind),
            ZH.label(rec.status), item.source,
            rec.opportunity or "（未填写，请对照政策原文梳理可争取的支持）",
            "、".join(dict.fromkeys(a.lead for a in rec.actions if a.lead)),
        ])  # fmt: skip
    _write_or_none(ws, L.OPPORTUNITIES, rows, ("序号", "条目编号", "类型", "落实状态"))


def _listed(ctx: ReportContext, item_ids: list[str]) -> list[Item]:
    """The items of ``item_ids`` that are in this workbook's measures, in that order."""
    return [ctx.checklist.item_index[i] for i in item_ids if i in ctx.item_ids]


def _write_or_none(
    ws: Worksheet, layout: SheetLayout, rows: list[list[Value]], centered: tuple[str, ...]
) -> None:
    """The rows, or one “（暂无）” line so an empty list reads as empty, not as unfinished."""
    if not rows:
        rows = [[None, None, None, NONE_YET]]
    write_rows(ws, layout, rows, centered=centered)


def write_actions(ws: Worksheet, ctx: ReportContext) -> None:
    set_title(ws, f"{ctx.assessment.zone.name}　行动计划（{ctx.assessment.period}）")
    rows: list[list[Value]] = []
    for item in ctx.items:
        for action in ctx.record(item.id).actions:
            rows.append([
                len(rows) + 1, item.id, item.title, action.text, action.lead, action.partners,
                action.due, ZH.label(action.priority), ZH.label(action.status),
                OVERDUE if overdue(action, ctx.today) else "",
            ])  # fmt: skip
    centered = ("序号", "条目编号", "优先级", "举措状态", "逾期")
    last = max(write_rows(ws, L.ACTIONS, rows, centered=centered), FIRST_DATA_ROW)
    # Leave room for new rows a department adds.
    end = last + 50
    prio, state = _letter(L.ACTIONS, "优先级"), _letter(L.ACTIONS, "举措状态")
    _list_validation(
        ws, [ZH.label(p) for p in Priority], f"{prio}{FIRST_DATA_ROW}:{prio}{end}", "优先级"
    )
    _list_validation(
        ws, [ZH.label(s) for s in ActionStatus], f"{state}{FIRST_DATA_ROW}:{state}{end}", "举措状态"
    )
    flag = _letter(L.ACTIONS, "逾期")
    ws.conditional_formatting.add(
        f"{flag}{FIRST_DATA_ROW}:{flag}{end}",
        CellIsRule(
            operator="equal",
            formula=[f'"{OVERDUE}"'],
            fill=PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"),
            font=Font(color="9C0006", bold=True),
        ),
    )


def write_evidence(ws: Worksheet, ctx: ReportContext) -> None:
    set_title(ws, f"{ctx.assessment.zone.name}　佐证材料登记表（{ctx.assessment.period}）")
    cited: dict[str, list[str]] = {}
    for item in ctx.checklist.items:
        for ref in ctx.record(item.id).evidence:
            cited.setdefault(ref, []).append(item.id)
    # A department's part lists only what its items cite; the full workbook keeps every record.
    shown = {ref for i in ctx.items for ref in ctx.record(i.id).evidence} if ctx.limited else None
    rows: list[list[Value]] = [
        [e.id, e.title, e.ref, e.date, "、".join(cited.get(e.id, []))]
        for e in ctx.assessment.evidence
        if shown is None or e.id in shown
    ]
    write_rows(ws, L.EVIDENCE, rows, centered=("编号",))


def write_quality(ws: Worksheet, ctx: ReportContext) -> None:
    set_title(ws, f"{ctx.assessment.zone.name}　质量检查（{ctx.assessment.period}）")
    titles = {i.id: i.title for i in ctx.items}
    rows: list[list[Value]] = [
        [n, w.item_id, titles[w.item_id], ZH(WARNING_KIND[w.code]), warning_text(w, ZH)]
        for n, w in enumerate(
            (w for w in ctx.summary.warnings if w.item_id in ctx.item_ids), start=1
        )
    ]
    write_rows(ws, L.QUALITY, rows, centered=("序号", "条目编号"))


def write_notes(ws: Worksheet, ctx: ReportContext) -> None:
    set_title(ws, "填写与评分说明")
    cl = ctx.checklist
    scale = "\n".join(
        f"{ZH.label(s)}（{EN.label(s)}）：填写“{ZH(EXPLANATION[s.value])}”" for s in STATUS_ORDER
    )
    rows: list[tuple[str, str]] = [
        ("清单", f"{cl.title}（{cl.source}）\n清单编号 {cl.id}，版本 {cl.version}"),
        ("本表范围", ctx.scope_text()),
        ("落实状态", scale + "\n已经落实的查效果，正在落实的查进度，尚未落实的查原因。"),
        ("评分与汇总规则", ZH(ROLLUP_RULE) + "\n" + EN(ROLLUP_RULE)),
        (
            "适用性",
            "按经开区画像（所在地区、沿边地区、西部枢纽节点起步区、外籍人才集中）判断条目是否适用；"
            "按画像不适用的条目显示“不适用（仅适用于…）”，不计分。"
            "“有条件的”条目默认适用，不具备条件的可将落实状态标为“不适用”并说明理由。",
        ),
        (
            "类型",
            "要求：经开区应当做到，未落实即为差距；支持/鼓励：可争取的政策，未用好即为机遇；"
            "上级事项：由上级部门推动，经开区可争取或确认已获得。",
        ),
        (
            "回填说明",
            "各部门可在“逐项对标”表填写落实状态、成效/进度/原因、现状、佐证材料、差距、机遇、备注，"
            "在“行动计划”表修改或新增举措（按条目编号对应），再用 assess import 导回。"
            "空白单元格不会覆盖已有内容；“逐项对标”中的下一步举措等列由行动计划汇总，以“行动计划”表为准。",
        ),
        (
            "佐证材料写法",
            "每行一项：已登记的写编号和标题，如“E1 2025年管委会工作报告（示经开〔2025〕1号，2025-02-10）”；"
            "新材料不写编号，按“标题（文号或链接，日期）”填写，导入时自动登记。"
            "现状中以“〔指标〕名称：数值”开头的行是指标数据。",
        ),
        ("生成时间", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")),
    ]
    row = L.HEADER_ROW
    for row, (label, text) in enumerate(rows, start=FIRST_DATA_ROW):
        put_text(ws, row, 1, label, STYLE_LABEL)
        put_text(ws, row, 2, text, STYLE_BODY)
        fit_row_height(ws, row)


def _letter(layout: SheetLayout, header: str) -> str:
    letter: str = get_column_letter(layout.col(header))
    return letter
