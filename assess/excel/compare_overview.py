"""对比总览, the comparison's first sheet, laid out as three or four printed pages.

Page 1: who is compared (profile A / B), how many items changed and how, the policy rates and
what moved; page 2: the score table with the scoring rule; page 3: the chart. Each block starts
on its page, so no header has to repeat above the chart. Where the score table is taller than
a page (English names take two lines), the measures start a page of their own under the
header again, and the areas keep the rule: no page shows scores without their header.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assess.compare import ChangeClass, Comparison, ScoreRow, Side
from assess.excel.cells import (
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    STYLE_LABEL,
    STYLE_SCORE,
    STYLE_SHARE,
    STYLE_TITLE,
    merge,
    put_date,
    put_number,
    put_text,
)
from assess.excel.chart_cache import cache_values
from assess.excel.policy_compare import write_policy_block
from assess.excel.printing import made_on, page_height, setup_print
from assess.excel.sizing import fit_row_height, lines_height, text_lines
from assess.fields import ASSESSOR, PERIOD, ZONE_NAME, ZONE_PROVINCE
from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts import printing as print_words
from assess.texts.compare import row_name, side_flags, unmatched_reason, unmatched_status
from assess.texts.messages import ROLLUP_RULE
from assess.texts.workbook import COLUMN, COMPARE, PROFILE, SERIES, SIDE_HEADER, heading

CHANGE_FILLS: dict[ChangeClass, str] = {
    ChangeClass.IMPROVED: "C6EFCE",
    ChangeClass.REGRESSED: "FFC7CE",
    ChangeClass.NEWLY_ASSESSED: "DDEBF7",
    ChangeClass.NO_LONGER_ASSESSED: "F8CBAD",
    ChangeClass.APPLICABILITY: "FFEB9C",
}
# Chinese measure names fit the first column on one line; English ones run to 80 letters and
# take two lines in a wider one, so the 16 measures fit one page under their header.
WIDTHS = {Lang.ZH: (36, 24, 24, 10, 12, 12), Lang.EN: (44, 22, 22, 10, 12, 12)}
DELTA_FORMAT = "+0.0;-0.0;0.0"
COLUMNS = 6
BLANK_ROW_HEIGHT = 15.0  # a row left at the default height (the gap above the rule)


def side_header(t: Texts, entry: Text, side: str) -> str:
    """A column header, prefixed with the side (A/B) it belongs to when it has one."""
    return t(SIDE_HEADER, side=side, header=t(entry)) if side else heading(t, entry)


def put_title(ws: Worksheet, text: str, last_col: int) -> None:
    """The sheet's title across the table; a second line (the two sides) wraps below it."""
    cell = put_text(ws, 1, 1, text, STYLE_TITLE)
    merge(ws, 1, 1, 1, last_col, STYLE_TITLE)
    lines = text.count("\n") + 1
    if lines > 1:
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 24 * lines + 4


def print_compare_sheet(ws: Worksheet, c: Comparison, t: Texts, *, title_rows: str) -> None:
    """A4 setup with both sides in the page header, the date and the checklist in words."""
    setup_print(
        ws,
        t,
        title_rows=title_rows,
        header_left=f"A {c.a.caption()}　B {c.b.caption()}",
        header_right=made_on(t),
        footer_left=t(print_words.FOOTER, version=c.checklist.version),
    )


def write_overview(ws: Worksheet, c: Comparison, t: Texts) -> None:
    for col, width in enumerate(WIDTHS[t.lang], 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    put_title(ws, t(COMPARE["title"]), COLUMNS)
    row = _profiles(ws, c, t)
    row = _changes(ws, row + 2, c, t)
    row = write_policy_block(ws, row, c, t)
    row = _unmatched(ws, row, c, t)
    ws.row_breaks.append(Break(id=row))
    first_measure, last_measure, row = _scores(ws, row + 1, c, t)
    ws.row_breaks.append(Break(id=row))
    ws.add_chart(_chart(ws, c, t, first_measure, last_measure), f"A{row + 1}")
    print_compare_sheet(ws, c, t, title_rows="")


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


def _profiles(ws: Worksheet, c: Comparison, t: Texts) -> int:
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
        put_date(ws, row, col, side.updated.date())
    return row


def _changes(ws: Worksheet, row: int, c: Comparison, t: Texts) -> int:
    put_text(ws, row, 1, t(COMPARE["change"]), STYLE_HEADER)
    put_text(ws, row, 2, t(COLUMN["count"]), STYLE_HEADER)
    for change in ChangeClass:
        row += 1
        cell = put_text(ws, row, 1, t.label(change), STYLE_BODY)
        if change in CHANGE_FILLS:
            cell.fill = PatternFill("solid", fgColor=CHANGE_FILLS[change])
        put_number(ws, row, 2, c.counts[change], style=STYLE_CENTER)
    row += 1
    put_text(ws, row, 1, t(COMPARE["any_change"]), STYLE_LABEL)
    put_number(ws, row, 2, len(c.changed_items), style=STYLE_CENTER)
    return row


def _unmatched(ws: Worksheet, row: int, c: Comparison, t: Texts) -> int:
    if not c.unmatched:
        return row
    row += 2
    put_text(ws, row, 1, t(COMPARE["unmatched"]), STYLE_HEADER)
    merge(ws, row, 1, row, COLUMNS, STYLE_HEADER)
    for u in c.unmatched:
        row += 1
        put_text(ws, row, 1, f"{u.item_id} {t.pick(u.title, u.title_en)}".strip(), STYLE_BODY)
        put_text(ws, row, 2, unmatched_status(u, t), STYLE_CENTER)
        put_text(ws, row, 3, unmatched_reason(u, t), STYLE_BODY)
        merge(ws, row, 3, row, COLUMNS, STYLE_BODY)
    return row


def _scores(ws: Worksheet, row: int, c: Comparison, t: Texts) -> tuple[int, int, int]:
    """The score table and the scoring rule from ``row``: overall and areas, then the measures
    (the chart's rows). Returns the first and last measure row and the last row written."""
    rows = c.score_rows()
    measures = [r for r in rows if r.level == "measure"]
    top = row
    row = _score_rows(ws, _score_header(ws, row, t), [r for r in rows if r.level != "measure"], t)
    rule = t(ROLLUP_RULE)
    below = sum(lines_height(text_lines(row_name(m, t), WIDTHS[t.lang][0])) for m in measures)
    rule_height = lines_height(text_lines(rule, sum(WIDTHS[t.lang])))
    if _height(ws, top, row) + below + BLANK_ROW_HEIGHT + rule_height > page_height(ws):
        row = _rule(ws, row + 2, rule, rule_height)
        ws.row_breaks.append(Break(id=row))
        first = _score_header(ws, row + 1, t) + 1
        last = _score_rows(ws, first - 1, measures, t)
        return first, last, last
    first = row + 1
    last = _score_rows(ws, row, measures, t)
    return first, last, _rule(ws, last + 2, rule, rule_height)


def _score_header(ws: Worksheet, row: int, t: Texts) -> int:
    headers = (
        t(COMPARE["area_measure"]),
        side_header(t, COLUMN["score"], "A"),
        side_header(t, COLUMN["score"], "B"),
        t(COMPARE["delta"]),
        side_header(t, COLUMN["coverage"], "A"),
        side_header(t, COLUMN["coverage"], "B"),
    )
    for col, text in enumerate(headers, 1):
        put_text(ws, row, col, text, STYLE_HEADER)
    fit_row_height(ws, row, columns=COLUMNS)
    return row


def _score_rows(ws: Worksheet, row: int, score_rows: list[ScoreRow], t: Texts) -> int:
    """One row per score below ``row``; returns the last row written."""
    for score_row in score_rows:
        row += 1
        style = STYLE_BODY if score_row.level == "measure" else STYLE_LABEL
        put_text(ws, row, 1, row_name(score_row, t), style)
        put_number(ws, row, 2, score_row.a.value, style=STYLE_SCORE)
        put_number(ws, row, 3, score_row.b.value, style=STYLE_SCORE)
        delta = put_number(ws, row, 4, score_row.delta, style=STYLE_SCORE)
        delta.number_format = DELTA_FORMAT
        if score_row.delta is not None and abs(score_row.delta) >= 0.05:
            colour = CHANGE_FILLS[
                ChangeClass.IMPROVED if score_row.delta > 0 else ChangeClass.REGRESSED
            ]
            delta.fill = PatternFill("solid", fgColor=colour)
        put_number(ws, row, 5, score_row.a.coverage, style=STYLE_SHARE)
        put_number(ws, row, 6, score_row.b.coverage, style=STYLE_SHARE)
        fit_row_height(ws, row, columns=COLUMNS)  # English names take two lines
    return row


def _rule(ws: Worksheet, row: int, rule: str, height: float) -> int:
    put_text(ws, row, 1, rule, STYLE_BODY)
    merge(ws, row, 1, row, COLUMNS, STYLE_BODY)
    ws.row_dimensions[row].height = height
    return row


def _height(ws: Worksheet, first: int, last: int) -> float:
    """The printed height of rows ``first`` to ``last``, in points."""
    heights = (ws.row_dimensions[r].height for r in range(first, last + 1))
    return sum(h or BLANK_ROW_HEIGHT for h in heights)


def _chart(ws: Worksheet, c: Comparison, t: Texts, first: int, last: int) -> BarChart:
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
        Reference(ws, min_col=2, max_col=3, min_row=first, max_row=last), titles_from_data=False
    )
    for series, letter, side in zip(chart.series, "AB", (c.a, c.b), strict=True):
        series.tx = SeriesLabel(v=t(SERIES, side=letter, name=side.name, period=side.period))
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.legend.position = "b"
    chart.height = 14
    chart.width = 24
    chart.y_axis.majorGridlines = None
    cache_values(chart, ws.parent)
    return chart
