"""The comparison workbook: 对比总览, 逐项对比, 变化清单 and 到期举措.

Leaders read it on paper: every sheet prints A4 landscape with its header row repeated, every
user string is written as text, and each change class has its own fill so 退步 stands out.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Item
from assess.compare import ChangeClass, Comparison, ItemDiff, Side
from assess.excel.cells import (
    SHARE_FORMAT,
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_DATE,
    STYLE_HEADER,
    STYLE_LABEL,
    STYLE_SCORE,
    STYLE_SHARE,
    STYLE_TITLE,
    ensure_styles,
    put_date,
    put_number,
    put_text,
)
from assess.excel.chart_cache import cache_values
from assess.excel.policy_compare import write_policy_block
from assess.excel.printing import made_on, setup_print
from assess.excel.sizing import fit_row_height
from assess.fields import (
    ACTION_DUE,
    ACTION_LEAD,
    ACTION_TEXT,
    ASSESSOR,
    FIGURES,
    PERIOD,
    STATUS,
    ZONE_NAME,
    ZONE_PROVINCE,
)
from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts import printing as print_words
from assess.texts.compare import (
    describe,
    due_state,
    row_name,
    side_flags,
    status_text,
    unmatched_reason,
    unmatched_status,
)
from assess.texts.messages import ROLLUP_RULE
from assess.texts.workbook import (
    COLUMN,
    COMPARE,
    COMPARE_SHEET,
    COMPARE_TITLE_LINE,
    DUE_TITLE,
    FIGURE_CHANGE,
    PROFILE,
    SERIES,
    SIDE_HEADER,
    heading,
    measure_title,
)

CHANGE_FILLS: dict[ChangeClass, str] = {
    ChangeClass.IMPROVED: "C6EFCE",
    ChangeClass.REGRESSED: "FFC7CE",
    ChangeClass.NEWLY_ASSESSED: "DDEBF7",
    ChangeClass.NO_LONGER_ASSESSED: "F8CBAD",
    ChangeClass.APPLICABILITY: "FFEB9C",
}

ITEM_COLUMNS: tuple[tuple[Text, str, float], ...] = (
    (COLUMN["number"], "", 5),
    (COLUMN["item_id"], "", 7),
    (COLUMN["measure"], "", 26),
    (COLUMN["item"], "", 28),
    (COLUMN["kind"], "", 7),
    (STATUS.header, "A", 15),
    (STATUS.header, "B", 15),
    (COMPARE["change"], "", 10),
    (COMPARE["other"], "", 44),
    (FIGURES.header, "", 24),
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
    _overview(overview, comparison, t)
    _items(wb.create_sheet(t(COMPARE_SHEET["items"])), comparison, comparison.items, t)
    _items(wb.create_sheet(t(COMPARE_SHEET["changes"])), comparison, comparison.changed_items, t)
    _due(wb.create_sheet(t(COMPARE_SHEET["due"])), comparison, t)
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as bytes, so the caller can write it atomically."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header_left(c: Comparison) -> str:
    return f"A {c.a.caption()}　B {c.b.caption()}"


def _title(ws: Worksheet, text: str, last_col: int) -> None:
    put_text(ws, 1, 1, text, STYLE_TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.row_dimensions[1].height = 28


def _header(t: Texts, entry: Text, side: str) -> str:
    """A column header, prefixed with the side (A/B) it belongs to when it has one."""
    return t(SIDE_HEADER, side=side, header=t(entry)) if side else heading(t, entry)


def _headers(
    ws: Worksheet, t: Texts, row: int, columns: tuple[tuple[Text, str, float], ...]
) -> None:
    for col, (entry, side, width) in enumerate(columns, 1):
        put_text(ws, row, col, _header(t, entry, side), STYLE_HEADER)
        ws.column_dimensions[get_column_letter(col)].width = width


def _profile_rows(side: Side, t: Texts) -> list[str]:
    flags = side_flags(side, t)
    return [
        side.name,
        str(ZONE_PROVINCE.to_cell(side.province, t)),
        t.list_sep.join(flags) or t(COMPARE["none"]),
        side.period,
        side.assessor,
        side.checklist_version,
    ]


def _overview(ws: Worksheet, c: Comparison, t: Texts) -> None:
    widths = (34, 24, 24, 10, 12, 12)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _title(ws, t(COMPARE["title"]), len(widths))
    row = 3
    for col, text in enumerate((t(COLUMN["topic"]), "A", "B"), 1):
        put_text(ws, row, col, text, STYLE_HEADER)
    labels = (
        ZONE_NAME.header, COMPARE["province"], COMPARE["profile"], PERIOD.header,
        ASSESSOR.header, PROFILE["checklist_version"],
    )  # fmt: skip
    values_a, values_b = _profile_rows(c.a, t), _profile_rows(c.b, t)
    for label, va, vb in zip(labels, values_a, values_b, strict=True):
        row += 1
        put_text(ws, row, 1, heading(t, label), STYLE_LABEL)
        put_text(ws, row, 2, va, STYLE_BODY)
        put_text(ws, row, 3, vb, STYLE_BODY)
        fit_row_height(ws, row)
    row += 1
    put_text(ws, row, 1, t(COMPARE["updated"]), STYLE_LABEL)
    for col, side in ((2, c.a), (3, c.b)):
        put_date(ws, row, col, side.updated.date()).style = STYLE_DATE

    row += 2
    headers = (
        t(COMPARE["area_measure"]),
        _header(t, COLUMN["score"], "A"),
        _header(t, COLUMN["score"], "B"),
        t(COMPARE["delta"]),
        _header(t, COLUMN["coverage"], "A"),
        _header(t, COLUMN["coverage"], "B"),
    )
    for col, text in enumerate(headers, 1):
        put_text(ws, row, col, text, STYLE_HEADER)
    score_header = row  # repeated on every printed page: the score table runs onto page 2
    rows = c.score_rows()
    ordered = [r for r in rows if r.level != "measure"] + [r for r in rows if r.level == "measure"]
    first_measure = 0
    for score_row in ordered:
        row += 1
        if score_row.level == "measure" and not first_measure:
            first_measure = row
        style = STYLE_BODY if score_row.level == "measure" else STYLE_LABEL
        put_text(ws, row, 1, row_name(score_row, t), style)
        put_number(ws, row, 2, score_row.a.value).style = STYLE_SCORE
        put_number(ws, row, 3, score_row.b.value).style = STYLE_SCORE
        delta = put_number(ws, row, 4, score_row.delta, "+0.0;-0.0;0.0")
        delta.style = STYLE_SCORE
        delta.number_format = "+0.0;-0.0;0.0"
        if score_row.delta is not None and abs(score_row.delta) >= 0.05:
            colour = CHANGE_FILLS[
                ChangeClass.IMPROVED if score_row.delta > 0 else ChangeClass.REGRESSED
            ]
            delta.fill = PatternFill("solid", fgColor=colour)
        put_number(ws, row, 5, score_row.a.coverage, SHARE_FORMAT).style = STYLE_SHARE
        put_number(ws, row, 6, score_row.b.coverage, SHARE_FORMAT).style = STYLE_SHARE
    last_measure = row

    row += 2
    put_text(ws, row, 1, t(COMPARE["change"]), STYLE_HEADER)
    put_text(ws, row, 2, t(COLUMN["count"]), STYLE_HEADER)
    for change in ChangeClass:
        row += 1
        cell = put_text(ws, row, 1, t.label(change), STYLE_BODY)
        if change in CHANGE_FILLS:
            cell.fill = PatternFill("solid", fgColor=CHANGE_FILLS[change])
        put_number(ws, row, 2, c.counts[change], "0").style = STYLE_CENTER
    row += 1
    put_text(ws, row, 1, t(COMPARE["any_change"]), STYLE_LABEL)
    put_number(ws, row, 2, len(c.changed_items), "0").style = STYLE_CENTER
    row = write_policy_block(ws, row, c, t)

    if c.unmatched:
        row += 2
        put_text(ws, row, 1, t(COMPARE["unmatched"]), STYLE_HEADER)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        for u in c.unmatched:
            row += 1
            put_text(ws, row, 1, f"{u.item_id} {t.pick(u.title, u.title_en)}".strip(), STYLE_BODY)
            put_text(ws, row, 2, unmatched_status(u, t), STYLE_CENTER)
            put_text(ws, row, 3, unmatched_reason(u, t), STYLE_BODY)
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=len(widths))

    row += 2
    put_text(ws, row, 1, t(ROLLUP_RULE), STYLE_BODY)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    ws.row_dimensions[row].height = 58

    chart = BarChart()
    chart.type = "bar"
    chart.title = t(COMPARE["chart"])
    chart.y_axis.title = t(COLUMN["score"])
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"
    chart.add_data(
        Reference(ws, min_col=2, max_col=3, min_row=first_measure, max_row=last_measure),
        titles_from_data=False,
    )
    for series, letter, side in zip(chart.series, "AB", (c.a, c.b), strict=True):
        series.tx = SeriesLabel(v=t(SERIES, side=letter, name=side.name, period=side.period))
    chart.set_categories(Reference(ws, min_col=1, min_row=first_measure, max_row=last_measure))
    chart.legend.position = "b"
    chart.height = 14
    chart.width = 24
    chart.y_axis.majorGridlines = None
    cache_values(chart, ws.parent)
    ws.row_breaks.append(Break(id=row + 1))
    ws.add_chart(chart, f"A{row + 2}")
    setup_print(
        ws,
        title_rows=f"{score_header}:{score_header}",
        header_left=_header_left(c),
        header_right=made_on(t),
        footer_left=t(print_words.FOOTER, version=c.checklist.version),
    )


def _figures_text(diff: ItemDiff, item: Item, t: Texts) -> str:
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
    return "\n".join(lines)


def _items(ws: Worksheet, c: Comparison, diffs: list[ItemDiff], t: Texts) -> None:
    last = len(ITEM_COLUMNS)
    title = t(COMPARE["items_title"] if diffs is c.items else COMPARE["changes_title"])
    _title(ws, t(COMPARE_TITLE_LINE, title=title, a=c.a.caption(), b=c.b.caption()), last)
    _headers(ws, t, 2, ITEM_COLUMNS)
    index = c.checklist.item_index
    measure_of = c.checklist.measure_of
    row = 2
    for number, diff in enumerate(diffs, 1):
        row += 1
        item = index[diff.item_id]
        put_number(ws, row, 1, number, "0").style = STYLE_CENTER
        put_text(ws, row, 2, diff.item_id, STYLE_CENTER)
        put_text(ws, row, 3, measure_title(measure_of[diff.item_id], t), STYLE_BODY)
        put_text(ws, row, 4, t.pick(item.title, item.title_en), STYLE_BODY)
        put_text(ws, row, 5, t.label(item.kind), STYLE_CENTER)
        put_text(ws, row, 6, status_text(diff, "a", t), STYLE_CENTER)
        put_text(ws, row, 7, status_text(diff, "b", t), STYLE_CENTER)
        cell = put_text(ws, row, 8, t.label(diff.change), STYLE_CENTER)
        if diff.change in CHANGE_FILLS:
            cell.fill = PatternFill("solid", fgColor=CHANGE_FILLS[diff.change])
        put_text(ws, row, 9, "\n".join(describe(diff, t)), STYLE_BODY)
        put_text(ws, row, 10, _figures_text(diff, item, t), STYLE_BODY)
        fit_row_height(ws, row)
    if not diffs:
        put_text(ws, 3, 1, t(COMPARE["no_difference"]))
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=last)
    ws.freeze_panes = "C3"
    if diffs:
        ws.auto_filter.ref = f"A2:{get_column_letter(last)}{row}"
    setup_print(
        ws,
        title_rows="2:2",
        header_left=_header_left(c),
        header_right=made_on(t),
        footer_left=t(print_words.FOOTER, version=c.checklist.version),
    )


def _due(ws: Worksheet, c: Comparison, t: Texts) -> None:
    start, end = (d.isoformat() for d in c.window)
    _title(ws, t(DUE_TITLE, start=start, end=end), len(DUE_COLUMNS))
    _headers(ws, t, 2, DUE_COLUMNS)
    index = c.checklist.item_index
    for row, due in enumerate(c.due_actions, 3):
        item = index[due.item_id]
        put_number(ws, row, 1, row - 2, "0").style = STYLE_CENTER
        put_text(ws, row, 2, due.item_id, STYLE_CENTER)
        put_text(ws, row, 3, t.pick(item.title, item.title_en), STYLE_BODY)
        put_text(ws, row, 4, due.text, STYLE_BODY)
        put_text(ws, row, 5, due.lead, STYLE_BODY)
        put_date(ws, row, 6, due.due).style = STYLE_DATE
        put_text(ws, row, 7, due_state(due, t), STYLE_CENTER)
        fit_row_height(ws, row)
    if not c.due_actions:
        put_text(ws, 3, 1, t(COMPARE["none_due"]))
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(DUE_COLUMNS))
    ws.freeze_panes = "A3"
    setup_print(
        ws,
        title_rows="2:2",
        header_left=_header_left(c),
        header_right=made_on(t),
        footer_left=t(print_words.FOOTER, version=c.checklist.version),
    )
