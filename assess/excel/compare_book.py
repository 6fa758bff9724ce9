"""The comparison workbook: 对比总览, 逐项对比, 变化清单 and 到期举措.

Leaders read it on paper: every sheet prints A4 landscape one page wide at 100 %, lists with
their header row repeated; every user string is written as text, and each change class has its
own fill so 退步 stands out.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Item
from assess.compare import Comparison, ItemDiff
from assess.excel.cells import (
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    ensure_styles,
    merge,
    put_date,
    put_number,
    put_text,
)
from assess.excel.compare_overview import (
    CHANGE_FILLS,
    print_compare_sheet,
    put_title,
    side_header,
    write_overview,
)
from assess.excel.saving import workbook_bytes
from assess.excel.sizing import fit_row_height
from assess.fields import ACTION_DUE, ACTION_LEAD, ACTION_TEXT, STATUS
from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts.compare import describe, due_state, status_text
from assess.texts.workbook import (
    COLUMN,
    COMPARE,
    COMPARE_SHEET,
    COMPARE_TITLE_LINE,
    DUE_TITLE,
    FIGURE_CHANGE,
    measure_title,
)

__all__ = ["CHANGE_FILLS", "build_compare_workbook", "workbook_bytes"]

# Nine columns that print one A4 page wide at 100 %: changed figures share the column of the
# other changes, the measure and item titles wrap.
ITEM_COLUMNS: tuple[tuple[Text, str, float], ...] = (
    (COLUMN["number"], "", 4),
    (COLUMN["item_id"], "", 6),
    (COLUMN["measure"], "", 14),
    (COLUMN["item"], "", 20),
    (COLUMN["kind"], "", 8),  # encourage, unchanged: one word on a line
    (STATUS.header, "A", 10),
    (STATUS.header, "B", 10),
    (COMPARE["change"], "", 10),
    (COMPARE["other"], "", 40),
)
DUE_COLUMNS: tuple[tuple[Text, str, float], ...] = (
    (COLUMN["number"], "", 5),
    (COLUMN["item_id"], "", 7),
    (COLUMN["item"], "", 22),
    (ACTION_TEXT.header, "", 44),
    (ACTION_LEAD.header, "", 14),
    (ACTION_DUE.header, "", 11),
    (COMPARE["status_in_b"], "", 14),
)


def build_compare_workbook(comparison: Comparison, *, lang: Lang = Lang.ZH) -> Workbook:
    t = Texts(lang)
    wb = Workbook()
    ensure_styles(wb)
    overview = wb.active
    assert overview is not None
    overview.title = t(COMPARE_SHEET["overview"])
    write_overview(overview, comparison, t)
    _items(wb.create_sheet(t(COMPARE_SHEET["items"])), comparison, comparison.items, t)
    _items(wb.create_sheet(t(COMPARE_SHEET["changes"])), comparison, comparison.changed_items, t)
    _due(wb.create_sheet(t(COMPARE_SHEET["due"])), comparison, t)
    return wb


def _headers(
    ws: Worksheet, t: Texts, row: int, columns: tuple[tuple[Text, str, float], ...]
) -> None:
    for col, (entry, side, width) in enumerate(columns, 1):
        put_text(ws, row, col, side_header(t, entry, side), STYLE_HEADER)
        ws.column_dimensions[get_column_letter(col)].width = width
    fit_row_height(ws, row, columns=len(columns))  # 条目编号 takes two lines in its column


def _other_changes(diff: ItemDiff, item: Item, t: Texts) -> str:
    """What changed besides the status, then each changed figure with both values (in place
    of the line that only names the changed figures)."""
    phrases = describe(diff, t)
    figures = _figures_lines(diff, item, t)
    if figures and diff.figures_changed:
        phrases = phrases[:-1]  # describe() names the changed figures last
    return "\n".join([*phrases, *figures])


def _figures_lines(diff: ItemDiff, item: Item, t: Texts) -> list[str]:
    """Each changed figure as ``名称：A → B`` (units as the checklist gives them)."""
    known = {i.name: i for i in item.indicators}
    lines = []
    for name, a, b in diff.figure_values:
        indicator = known.get(name)
        unit = f" {indicator.unit}" if indicator is not None and indicator.unit else ""
        label = t.pick(name, indicator.name_en) if indicator is not None else name
        lines.append(
            t(FIGURE_CHANGE, name=label, a=f"{a}{unit}" if a else "—", b=f"{b}{unit}" if b else "—")
        )
    return lines


def _items(ws: Worksheet, c: Comparison, diffs: list[ItemDiff], t: Texts) -> None:
    last = len(ITEM_COLUMNS)
    title = t(COMPARE["items_title"] if diffs is c.items else COMPARE["changes_title"])
    put_title(ws, t(COMPARE_TITLE_LINE, title=title, a=c.a.caption(), b=c.b.caption()), last)
    _headers(ws, t, 2, ITEM_COLUMNS)
    index = c.checklist.item_index
    measure_of = c.checklist.measure_of
    row = 2
    for number, diff in enumerate(diffs, 1):
        row += 1
        item = index[diff.item_id]
        put_number(ws, row, 1, number, style=STYLE_CENTER)
        put_text(ws, row, 2, diff.item_id, STYLE_CENTER)
        put_text(ws, row, 3, measure_title(measure_of[diff.item_id], t), STYLE_BODY)
        put_text(ws, row, 4, t.pick(item.title, item.title_en), STYLE_BODY)
        put_text(ws, row, 5, t.label(item.kind), STYLE_CENTER)
        put_text(ws, row, 6, status_text(diff, "a", t), STYLE_CENTER)
        put_text(ws, row, 7, status_text(diff, "b", t), STYLE_CENTER)
        cell = put_text(ws, row, 8, t.label(diff.change), STYLE_CENTER)
        if diff.change in CHANGE_FILLS:
            cell.fill = PatternFill("solid", fgColor=CHANGE_FILLS[diff.change])
        put_text(ws, row, 9, _other_changes(diff, item, t), STYLE_BODY)
        fit_row_height(ws, row)
    if not diffs:
        put_text(ws, 3, 1, t(COMPARE["no_difference"]))
        merge(ws, 3, 1, 3, last)
    ws.freeze_panes = "C3"
    if diffs:
        ws.auto_filter.ref = f"A2:{get_column_letter(last)}{row}"
    print_compare_sheet(ws, c, t, title_rows="2:2")


def _due(ws: Worksheet, c: Comparison, t: Texts) -> None:
    start, end = (d.isoformat() for d in c.window)
    put_title(ws, t(DUE_TITLE, start=start, end=end), len(DUE_COLUMNS))
    _headers(ws, t, 2, DUE_COLUMNS)
    index = c.checklist.item_index
    for row, due in enumerate(c.due_actions, 3):
        item = index[due.item_id]
        put_number(ws, row, 1, row - 2, style=STYLE_CENTER)
        put_text(ws, row, 2, due.item_id, STYLE_CENTER)
        put_text(ws, row, 3, t.pick(item.title, item.title_en), STYLE_BODY)
        put_text(ws, row, 4, due.text, STYLE_BODY)
        put_text(ws, row, 5, due.lead, STYLE_BODY)
        put_date(ws, row, 6, due.due)
        put_text(ws, row, 7, due_state(due, t), STYLE_CENTER)
        fit_row_height(ws, row)
    if not c.due_actions:
        put_text(ws, 3, 1, t(COMPARE["none_due"]))
        merge(ws, 3, 1, 3, len(DUE_COLUMNS))
    ws.freeze_panes = "A3"
    print_compare_sheet(ws, c, t, title_rows="2:2")
