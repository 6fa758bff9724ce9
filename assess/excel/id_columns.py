"""The columns the department loop adds to a report workbook: 责任部门 and each action's 编号.

An action's ID makes its row edit that action (and a deleted row delete it); the owners
column shows who answers for each item and lets the office reassign it in its own workbook.
They are written after the layout's columns and inside the sheet's filter, so sorting the
sheet moves them with their rows.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.departments import responsible
from assess.excel import layout as L
from assess.excel.cells import STYLE_BODY, STYLE_CENTER, STYLE_HEADER, put_text
from assess.excel.context import ReportContext
from assess.excel.responsible import responsible_cell
from assess.texts import Texts

ZH = Texts()
RESPONSIBLE_HEADER = ZH(fields.RESPONSIBLE.header)
ACTION_ID_HEADER = ZH(fields.ACTION_ID.header)
RESPONSIBLE_COL = len(L.ITEMS.columns) + 1
ACTION_ID_COL = len(L.ACTIONS.columns) + 1


def add_responsible_column(ws: Worksheet, ctx: ReportContext) -> None:
    cells = [
        responsible_cell(responsible(ctx.checklist, ctx.assessment, item.id)) for item in ctx.items
    ]
    _column(ws, RESPONSIBLE_COL, RESPONSIBLE_HEADER, fields.RESPONSIBLE.width, cells, STYLE_BODY)


def add_action_id_column(ws: Worksheet, ctx: ReportContext) -> None:
    ids = [a.id for item in ctx.items for a in ctx.record(item.id).actions]
    _column(ws, ACTION_ID_COL, ACTION_ID_HEADER, fields.ACTION_ID.width, ids, STYLE_CENTER)


def _column(
    ws: Worksheet, col: int, header: str, width: float, values: list[str], style: str
) -> None:
    put_text(ws, L.HEADER_ROW, col, header, STYLE_HEADER)
    letter = get_column_letter(col)
    ws.column_dimensions[letter].width = width
    for row, value in enumerate(values, start=L.FIRST_DATA_ROW):
        put_text(ws, row, col, value, style)
    last = max(L.FIRST_DATA_ROW + len(values) - 1, L.HEADER_ROW)
    ws.auto_filter.ref = f"A{L.HEADER_ROW}:{letter}{last}"
