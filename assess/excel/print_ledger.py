"""逐项对标（打印）: the item table laid out for A4 paper, beside the full 逐项对标 for screens.

The full sheet has 20 columns for filtering and filling in; on paper that is either 5 pt
or many pages across. This sheet reads at 10 pt on one page width: seven wide columns, the
policy text on its own line under each item, and the actions with lead, due date and
priority in one cell.
"""

from __future__ import annotations

import math
from collections.abc import Callable

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
from assess.excel.printing import POINTS_PER_WIDTH_UNIT, PRINTABLE_WIDTH_PT
from assess.excel.sizing import (
    BOLD,
    CELL_PADDING,
    LINE_HEIGHT,
    fit_row_height,
    fit_widths,
    longest_word,
    text_lines,
)
from assess.fields import Field
from assess.models import Action, ItemRecord, Status
from assess.requests import status_label
from assess.texts import Text, Texts, capitalised
from assess.texts import printing as words
from assess.texts.workbook import COLUMN, SHEET_TITLE, heading

NAME = words.LEDGER_NAME
FULL_SCALE_UNITS = math.floor(10 * PRINTABLE_WIDTH_PT / POINTS_PER_WIDTH_UNIT) / 10  # at 100 %
Heading = Callable[[Texts], str]


def _named(entry: Text) -> Heading:
    return lambda t: heading(t, entry)


def _explanation(t: Texts) -> str:
    """成效/进度/原因/理由: what the form asks for under each status that asks for something."""
    asked = (s for s in Status if s is not Status.NOT_ASSESSED)
    labels = (t(fields.EXPLANATION_FIELD.label_for(s)) for s in asked)
    return capitalised(t(words.LEDGER_OR).join(labels))


def _pair(first: Field, second: Field) -> Heading:
    """现状与佐证材料: two fields printed in one cell."""
    return lambda t: capitalised(
        t(words.LEDGER_PAIR, first=t(first.header), second=t(second.header))
    )


def _actions(t: Texts) -> str:
    """The actions' header with the terms printed after each action (lead, due, priority)."""
    terms = (fields.ACTION_LEAD, fields.ACTION_DUE, fields.ACTION_PRIORITY)
    return capitalised(
        t(words.LEDGER_TERMS, name=t(fields.ACTIONS.header),
          terms=t.list_sep.join(t(f.header) for f in terms))
    )  # fmt: skip


# (heading, width): seven wide columns that fit one A4 page width at 10 pt. Each heading is
# made of the registry's labels when it is written, so it follows a renamed field.
COLUMNS: tuple[tuple[Heading, float], ...] = (
    (_named(COLUMN["number"]), 4),
    (_named(COLUMN["item"]), 16),
    (_named(fields.STATUS.header), 7),
    (_explanation, 20),
    (_pair(fields.CURRENT, fields.EVIDENCE), 22),
    (_pair(fields.GAP, fields.OPPORTUNITY), 22),
    (_actions, 30),
)


def write_print_ledger(ws: Worksheet, ctx: ReportContext) -> None:
    """Two rows per item: the assessment, then 政策原文 across the columns after 序号."""
    last = len(COLUMNS)
    t = ctx.t
    title = t(words.LEDGER_TITLE, zone=ctx.assessment.zone.name, title=t(SHEET_TITLE["items"]),
              period=ctx.assessment.period)  # fmt: skip
    put_text(ws, TITLE_ROW, 1, title, STYLE_TITLE)
    merge(ws, TITLE_ROW, 1, TITLE_ROW, last)
    ws.row_dimensions[TITLE_ROW].height = 30
    cells = [_cells(ctx, item, ctx.record(item.id)) for item in ctx.items]
    headers = [header(t) for header, _ in COLUMNS]
    widths = _widths(headers, cells)
    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        put_text(ws, HEADER_ROW, col, header, STYLE_HEADER)
    fit_row_height(ws, HEADER_ROW, min_lines=2, columns=last, bold=True)
    policy_width = sum(widths[1:])
    row = FIRST_DATA_ROW
    for number, (item, values) in enumerate(zip(ctx.items, cells, strict=True), start=1):
        put_text(ws, row, 1, str(number), STYLE_CENTER)
        for col, value in enumerate(values, start=2):
            put_text(ws, row, col, value, STYLE_CENTER if col == 3 else STYLE_BODY)
        fit_row_height(ws, row, columns=last)
        policy = t(words.LABELLED, label=t(COLUMN["source"]), text=item.source)
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


def _widths(headers: list[str], cells: list[list[str]]) -> list[float]:
    """The columns widened to their longest words (“in progress” whole in the status column),
    the long texts narrowed to keep the page width at 100 %."""
    columns = [[header, *(row[col - 1] for row in cells)] if col else [header]
               for col, header in enumerate(headers)]  # fmt: skip
    needs = [max([BOLD * longest_word(texts[0]), *map(longest_word, texts[1:])]) + CELL_PADDING
             for texts in columns]  # fmt: skip
    return fit_widths([width for _, width in COLUMNS], needs, FULL_SCALE_UNITS)


def _cells(ctx: ReportContext, item: Item, rec: ItemRecord) -> list[str]:
    register = ctx.assessment.evidence_by_id()
    evidence = [evidence_line(register[i]) for i in rec.evidence if i in register]
    t = ctx.t
    # an indicator not given says so: a bare “有效发明专利拥有量：” reads as a misprint
    figures = figure_lines(item, rec.figures, t, blank=t(words.FIGURE_MISSING))
    current = "\n".join(p for p in (rec.current, figures) if p)
    if evidence:
        head = t(words.LABEL_HEAD, label=heading(t, fields.EVIDENCE.header))
        current = "\n".join([current, head, *evidence]).strip()
    gap_and_opening = [
        t(words.LABELLED, label=heading(t, field.header), text=value)
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
