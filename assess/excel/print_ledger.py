"""逐项对标（打印）: the item table laid out for A4 paper, beside the full 逐项对标 for screens.

The full sheet has 20 columns for filtering and filling in; on paper that is either 5 pt
or many pages across. This sheet reads at 10 pt on one page width: seven wide columns, the
policy text on its own line under each item, and the actions with lead, due date and
priority in one cell.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.checklist import Item
from assess.excel.cells import (
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    STYLE_TITLE,
    merge,
    put_text,
    set_style,
    shade,
)
from assess.excel.context import ReportContext
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW, TITLE_ROW
from assess.excel.notation import evidence_line, figure_lines, numbered_lines
from assess.excel.sizing import LINE_HEIGHT, fit_row_height, text_lines
from assess.models import Action, ItemRecord
from assess.requests import status_label
from assess.texts import Text, Texts
from assess.texts import printing as words

NAME = words.LEDGER_NAME
# (header, width): seven wide columns that fit one A4 page width at 10 pt.
COLUMNS: tuple[tuple[Text, float], ...] = (
    (words.LEDGER_NUMBER, 4),
    (words.LEDGER_ITEM, 16),
    (fields.STATUS.header, 7),
    (words.LEDGER_EXPLANATION, 20),
    (words.LEDGER_CURRENT, 22),
    (words.LEDGER_GAP, 22),
    (words.LEDGER_ACTIONS, 30),
)


def write_print_ledger(ws: Worksheet, ctx: ReportContext) -> None:
    """Two rows per item: the assessment, then 政策原文 across the columns after 序号."""
    last = len(COLUMNS)
    t = ctx.t
    put_text(ws, TITLE_ROW, 1, t(words.LEDGER_TITLE, zone=ctx.assessment.zone.name,
                                  period=ctx.assessment.period), STYLE_TITLE)  # fmt: skip
    merge(ws, TITLE_ROW, 1, TITLE_ROW, last)
    ws.row_dimensions[TITLE_ROW].height = 30
    for col, (header, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        put_text(ws, HEADER_ROW, col, t(header), STYLE_HEADER)
    ws.row_dimensions[HEADER_ROW].height = 30
    policy_width = sum(width for _, width in COLUMNS[1:])
    row = FIRST_DATA_ROW
    for number, item in enumerate(ctx.items, start=1):
        rec = ctx.record(item.id)
        put_text(ws, row, 1, str(number), STYLE_CENTER)
        for col, value in enumerate(_cells(ctx, item, rec), start=2):
            put_text(ws, row, col, value, STYLE_CENTER if col == 3 else STYLE_BODY)
        fit_row_height(ws, row, columns=last)
        policy = t(words.POLICY_LINE, text=item.source)
        set_style(ws.cell(row + 1, 1), STYLE_BODY)
        put_text(ws, row + 1, 2, policy, STYLE_BODY)
        for col in range(3, last + 1):
            set_style(ws.cell(row + 1, col), STYLE_BODY)
        merge(ws, row + 1, 2, row + 1, last)
        merge(ws, row, 1, row + 1, 1)
        ws.row_dimensions[row + 1].height = text_lines(policy, policy_width) * LINE_HEIGHT + 4
        if ctx.measure_numbers.index(ctx.checklist.measure_of[item.id].number) % 2:
            shade(ws, row, 1, last)
            shade(ws, row + 1, 1, last)
        row += 2
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1).coordinate
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _cells(ctx: ReportContext, item: Item, rec: ItemRecord) -> list[str]:
    register = ctx.assessment.evidence_by_id()
    evidence = [evidence_line(register[i]) for i in rec.evidence if i in register]
    t = ctx.t
    current = "\n".join(p for p in (rec.current, figure_lines(item, rec.figures, t)) if p)
    if evidence:
        current = "\n".join([current, t(words.EVIDENCE_HEAD), *evidence]).strip()
    gap_and_opening = [
        t(words.LABELLED, label=t(field.header), text=value)
        for field, value in ((fields.GAP, rec.gap), (fields.OPPORTUNITY, rec.opportunity))
        if value
    ]
    return [
        f"{item.id} {t.pick(item.title, item.title_en)}\n{t.label(item.kind)}",
        t(status_label(rec.status, item.kind)),
        rec.explanation,
        current,
        "\n".join(gap_and_opening),
        numbered_lines([_action(a, t) for a in rec.actions]) if rec.actions else "",
    ]


def _action(action: Action, t: Texts) -> str:
    terms = [action.lead, action.due.isoformat() if action.due else "", t.label(action.priority)]
    return t(words.ACTION, text=action.text, terms=t.list_sep.join(x for x in terms if x))
