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
    pick,
    put_date,
    put_number,
    put_text,
)
from assess.excel.chart_cache import cache_values
from assess.excel.printing import made_on, setup_print
from assess.excel.sizing import fit_row_height
from assess.texts import printing as print_words
from assess.texts.catalog import texts_for
from assess.texts.compare import (
    describe,
    due_state,
    row_name,
    side_flags,
    status_text,
    unmatched_reason,
)
from assess.texts.messages import ROLLUP_RULE

CHANGE_FILLS: dict[ChangeClass, str] = {
    ChangeClass.IMPROVED: "C6EFCE",
    ChangeClass.REGRESSED: "FFC7CE",
    ChangeClass.NEWLY_ASSESSED: "DDEBF7",
    ChangeClass.NO_LONGER_ASSESSED: "F8CBAD",
    ChangeClass.APPLICABILITY: "FFEB9C",
}

SHEET_NAMES = {
    "overview": ("对比总览", "Overview"),
    "items": ("逐项对比", "Item by item"),
    "changes": ("变化清单", "Changes"),
    "due": ("到期举措", "Due actions"),
}

ITEM_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("序号", "No.", 5),
    ("条目编号", "ID", 7),
    ("举措", "Measure", 26),
    ("条目", "Item", 28),
    ("类型", "Kind", 7),
    ("A 落实状态", "A status", 15),
    ("B 落实状态", "B status", 15),
    ("变化分类", "Change", 10),
    ("其他变化（说明、佐证、举措等）", "Other changes (texts, evidence, actions)", 50),
)


def build_compare_workbook(comparison: Comparison, *, en: bool = False) -> Workbook:
    wb = Workbook()
    ensure_styles(wb)
    overview = wb.active
    assert overview is not None
    overview.title = SHEET_NAMES["overview"][int(en)]
    _overview(overview, comparison, en)
    _items(wb.create_sheet(SHEET_NAMES["items"][int(en)]), comparison, comparison.items, en)
    _items(
        wb.create_sheet(SHEET_NAMES["changes"][int(en)]),
        comparison,
        comparison.changed_items,
        en,
    )
    _due(wb.create_sheet(SHEET_NAMES["due"][int(en)]), comparison, en)
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


def _profile_rows(side: Side, en: bool) -> list[str]:
    flags = side_flags(side, texts_for(en))
    region = texts_for(en).label(side.region)
    return [
        side.name,
        f"{side.province}（{region}）",
        "、".join(flags) or pick("无", "none", en),
        side.period,
        side.assessor,
        side.checklist_version,
    ]


def _overview(ws: Worksheet, c: Comparison, en: bool) -> None:
    widths = (34, 24, 24, 10, 12, 12)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _title(ws, pick("评估对比总览", "Comparison overview", en), len(widths))
    row = 3
    for col, text in enumerate((pick("项目", "Field", en), "A", "B"), 1):
        put_text(ws, row, col, text, STYLE_HEADER)
    labels = (
        ("经开区", "Zone"),
        ("省份（地区）", "Province (region)"),
        ("画像", "Profile"),
        ("评估期", "Period"),
        ("评估人", "Assessor"),
        ("清单版本", "Checklist version"),
    )
    values_a, values_b = _profile_rows(c.a, en), _profile_rows(c.b, en)
    for (zh, en_label), va, vb in zip(labels, values_a, values_b, strict=True):
        row += 1
        put_text(ws, row, 1, pick(zh, en_label, en), STYLE_LABEL)
        put_text(ws, row, 2, va, STYLE_BODY)
        put_text(ws, row, 3, vb, STYLE_BODY)
        fit_row_height(ws, row)
    row += 1
    put_text(ws, row, 1, pick("更新日期", "Updated", en), STYLE_LABEL)
    for col, side in ((2, c.a), (3, c.b)):
        put_date(ws, row, col, side.updated.date()).style = STYLE_DATE

    row += 2
    headers = (
        pick("领域 / 举措", "Area / measure", en),
        pick("A 得分", "A score", en),
        pick("B 得分", "B score", en),
        pick("变化 Δ", "Change Δ", en),
        pick("A 覆盖率", "A coverage", en),
        pick("B 覆盖率", "B coverage", en),
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
        put_text(ws, row, 1, row_name(score_row, texts_for(en)), style)
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
    put_text(ws, row, 1, pick("变化分类", "Change class", en), STYLE_HEADER)
    put_text(ws, row, 2, pick("条目数", "Items", en), STYLE_HEADER)
    for change in ChangeClass:
        row += 1
        cell = put_text(ws, row, 1, texts_for(en).label(change), STYLE_BODY)
        if change in CHANGE_FILLS:
            cell.fill = PatternFill("solid", fgColor=CHANGE_FILLS[change])
        put_number(ws, row, 2, c.counts[change], "0").style = STYLE_CENTER
    row += 1
    put_text(
        ws, row, 1, pick("有变化的条目（含内容变化）", "Items with any change", en), STYLE_LABEL
    )
    put_number(ws, row, 2, len(c.changed_items), "0").style = STYLE_CENTER

    if c.unmatched:
        row += 2
        put_text(
            ws, row, 1, pick("未能对应的条目（清单版本不同）", "Unmatched items", en), STYLE_HEADER
        )
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        for u in c.unmatched:
            row += 1
            title = u.title_en if en else u.title
            status = texts_for(en).label(u.status)
            put_text(ws, row, 1, f"{u.item_id} {title}".strip(), STYLE_BODY)
            put_text(ws, row, 2, status, STYLE_CENTER)
            put_text(ws, row, 3, unmatched_reason(u, texts_for(en)), STYLE_BODY)
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=len(widths))

    row += 2
    put_text(ws, row, 1, texts_for(en)(ROLLUP_RULE), STYLE_BODY)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    ws.row_dimensions[row].height = 58

    chart = BarChart()
    chart.type = "bar"
    chart.title = pick("各举措得分（A / B）", "Score per measure (A / B)", en)
    chart.y_axis.title = pick("得分", "Score", en)
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
        series.tx = SeriesLabel(v=f"{letter}：{side.name} {side.period}")
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
        header_right=made_on(texts_for(en)),
        footer_left=texts_for(en)(print_words.FOOTER, version=c.checklist.version),
    )


def _items(ws: Worksheet, c: Comparison, diffs: list[ItemDiff], en: bool) -> None:
    last = len(ITEM_COLUMNS)
    title = (
        pick("逐项对比表", "Item-by-item comparison", en)
        if diffs is c.items
        else pick("变化清单（仅有变化的条目）", "Changed items only", en)
    )
    _title(ws, f"{title}　A：{c.a.caption()}　B：{c.b.caption()}", last)
    for col, (zh, en_label, width) in enumerate(ITEM_COLUMNS, 1):
        put_text(ws, 2, col, pick(zh, en_label, en), STYLE_HEADER)
        ws.column_dimensions[get_column_letter(col)].width = width
    index = c.checklist.item_index
    measure_of = c.checklist.measure_of
    row = 2
    for number, diff in enumerate(diffs, 1):
        row += 1
        item = index[diff.item_id]
        measure = measure_of[diff.item_id]
        put_number(ws, row, 1, number, "0").style = STYLE_CENTER
        put_text(ws, row, 2, diff.item_id, STYLE_CENTER)
        put_text(
            ws,
            row,
            3,
            measure.title_en if en else f"{measure.numeral}{measure.title}",
            STYLE_BODY,
        )
        put_text(ws, row, 4, item.title_en if en else item.title, STYLE_BODY)
        put_text(ws, row, 5, texts_for(en).label(item.kind), STYLE_CENTER)
        put_text(ws, row, 6, status_text(diff, "a", texts_for(en)), STYLE_CENTER)
        put_text(ws, row, 7, status_text(diff, "b", texts_for(en)), STYLE_CENTER)
        cell = put_text(ws, row, 8, texts_for(en).label(diff.change), STYLE_CENTER)
        if diff.change in CHANGE_FILLS:
            cell.fill = PatternFill("solid", fgColor=CHANGE_FILLS[diff.change])
        put_text(ws, row, 9, "\n".join(describe(diff, texts_for(en))), STYLE_BODY)
        fit_row_height(ws, row)
    if not diffs:
        put_text(ws, 3, 1, pick("两份评估没有差别。", "The two assessments do not differ.", en))
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=last)
    ws.freeze_panes = "C3"
    if diffs:
        ws.auto_filter.ref = f"A2:{get_column_letter(last)}{row}"
    setup_print(
        ws,
        title_rows="2:2",
        header_left=_header_left(c),
        header_right=made_on(texts_for(en)),
        footer_left=texts_for(en)(print_words.FOOTER, version=c.checklist.version),
    )


def _due(ws: Worksheet, c: Comparison, en: bool) -> None:
    columns = (
        ("序号", "No.", 5),
        ("条目编号", "ID", 7),
        ("条目", "Item", 22),
        ("下一步举措", "Action", 44),
        ("牵头单位", "Lead", 14),
        ("完成时限", "Due", 11),
        ("B 中状态", "Status in B", 14),
    )
    start, end = (d.isoformat() for d in c.window)
    _title(
        ws,
        pick(
            f"{start} 至 {end} 到期且 B 中未完成的举措",
            f"Actions due {start} – {end} and not done in B",
            en,
        ),
        len(columns),
    )
    for col, (zh, en_label, width) in enumerate(columns, 1):
        put_text(ws, 2, col, pick(zh, en_label, en), STYLE_HEADER)
        ws.column_dimensions[get_column_letter(col)].width = width
    index = c.checklist.item_index
    for row, due in enumerate(c.due_actions, 3):
        item = index[due.item_id]
        put_number(ws, row, 1, row - 2, "0").style = STYLE_CENTER
        put_text(ws, row, 2, due.item_id, STYLE_CENTER)
        put_text(ws, row, 3, item.title_en if en else item.title, STYLE_BODY)
        put_text(ws, row, 4, due.text, STYLE_BODY)
        put_text(ws, row, 5, due.lead, STYLE_BODY)
        put_date(ws, row, 6, due.due).style = STYLE_DATE
        put_text(ws, row, 7, due_state(due, texts_for(en)), STYLE_CENTER)
        fit_row_height(ws, row)
    if not c.due_actions:
        put_text(ws, 3, 1, pick("没有到期未完成的举措。", "No action fell due undone.", en))
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(columns))
    ws.freeze_panes = "A3"
    setup_print(
        ws,
        title_rows="2:2",
        header_left=_header_left(c),
        header_right=made_on(texts_for(en)),
        footer_left=texts_for(en)(print_words.FOOTER, version=c.checklist.version),
    )
