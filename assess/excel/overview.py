"""The 总览 sheet: profile, scores, status counts, per-area and per-measure tables, charts, top gaps.

The profile block (label in column A, value in column B) is also what ``assess import -o``
reads to create a new assessment from a returned workbook.
"""

from __future__ import annotations

from collections import Counter

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.excel.cells import (
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    STYLE_LABEL,
    STYLE_SHARE,
    merge,
    put_date,
    put_number,
    put_text,
    set_style,
)
from assess.excel.chart_cache import cache_values
from assess.excel.context import ReportContext
from assess.excel.layout import OVERVIEW
from assess.excel.policy_sheets import overview_counts, overview_scores
from assess.excel.sizing import LINE_HEIGHT, fit_row_height, text_lines
from assess.excel.tables import put_score, set_title
from assess.lang import Lang
from assess.models import STATUS_ORDER
from assess.scoring import Score
from assess.texts import report as report_words
from assess.texts.workbook import (
    COLUMN,
    NO_GAPS,
    PROFILE,
    REPORT_DATE,
    SECTION,
    TITLE_LINE,
    TOTAL,
    heading,
)

WIDTH = len(OVERVIEW.columns)
TOP_GAPS = 8
STATUS_COL = 5
CHART_ROWS = 19
RADAR_AXES = 3
RADAR_COL = 3  # the columns: A–C (59 units) for 16 columns, D–I (54) for the radar's names
CHART_GAP_EMU = 90_000  # a quarter of a centimetre between the two charts


def write_overview(ws: Worksheet, ctx: ReportContext) -> None:
    t = ctx.t
    a = ctx.assessment
    set_title(ws, t(TITLE_LINE, zone=a.zone.name, title=OVERVIEW.title(t), period=a.period))
    row = _section(ws, 3, t(SECTION["profile"]))
    cl = ctx.checklist
    info: list[tuple[str, str | None]] = [
        (
            heading(t, f.header),
            str(f.to_cell(getattr(a.zone if f.id.startswith("zone.") else a, f.attr), t) or ""),
        )
        for f in fields.ASSESSMENT_FIELDS
    ]
    info += [
        (heading(t, PROFILE["checklist"]), t.pick(cl.title, cl.title_en)),
        (heading(t, PROFILE["checklist_id"]), cl.id),
        (heading(t, PROFILE["checklist_version"]), cl.version),
        (heading(t, PROFILE["scope"]), ctx.scope_text()),
    ]
    first = row
    for label, value in info:
        _pair(ws, row, label)
        put_text(ws, row, 2, value, STYLE_BODY)
        fit_row_height(ws, row)
        row += 1
    _pair(ws, row, heading(t, REPORT_DATE))
    put_date(ws, row, 2, ctx.today)
    row += 1
    score = ctx.scope_score
    _pair(
        ws, row, t(report_words.DEPARTMENT_SCORE) if ctx.limited else t(report_words.OVERALL_SCORE)
    )
    put_score(ws, row, 2, score.value)
    row += 1
    _pair(ws, row, t(COLUMN["coverage"]))
    put_number(ws, row, 2, score.coverage, style=STYLE_SHARE)
    for label, rate in overview_scores(ctx):
        row += 1
        _pair(ws, row, label)
        put_score(ws, row, 2, rate)
    for label, text in overview_counts(ctx):
        row += 1
        _pair(ws, row, label)
        put_text(ws, row, 2, text, STYLE_BODY)

    _status_counts(ws, first, ctx)
    row += 2

    ws.row_breaks.append(Break(id=row - 1))  # page 2: the area and measure tables, unsplit
    row = _section(ws, row, t(SECTION["areas"]))
    keys = ("area", "name", "score", "coverage", "scored", "applicable", "assessed")
    row = _header(ws, row, [t(COLUMN[key]) for key in keys])
    area_first = row
    for numeral, title, area_score in ctx.area_scores():
        put_text(ws, row, 1, numeral, STYLE_CENTER)
        put_text(ws, row, 2, title, STYLE_BODY)
        fit_row_height(ws, row)
        _score_cells(ws, row, area_score)
        for col, count in enumerate(
            (area_score.scored, area_score.applicable, area_score.assessed), start=5
        ):
            put_number(ws, row, col, count, style=STYLE_CENTER)
        row += 1
    area_last = row - 1
    row += 1

    row = _section(ws, row, t(SECTION["measures"]))
    labels = [t.label(s) for s in STATUS_ORDER]
    names = [t(COLUMN[key]) for key in ("measure", "name", "score", "coverage")]
    row = _header(ws, row, [*names, *labels])
    measure_first = row
    for measure in ctx.measures:
        put_text(ws, row, 1, t.pick(measure.numeral, str(measure.number)), STYLE_CENTER)
        put_text(ws, row, 2, t.pick(measure.title, measure.title_en), STYLE_BODY)
        fit_row_height(ws, row)
        _score_cells(ws, row, ctx.summary.measures[measure.number])
        statuses = Counter(ctx.record(i.id).status for i in measure.items)
        for col, status in enumerate(STATUS_ORDER, start=5):
            put_number(ws, row, col, statuses[status], style=STYLE_CENTER)
        row += 1
    measure_last = row - 1
    row += 1

    ws.row_breaks.append(Break(id=row - 1))
    row = _section(ws, row, t(SECTION["charts"]))
    _charts(ws, row, (measure_first, measure_last), (area_first, area_last), ctx)
    row += CHART_ROWS

    row = _section(ws, row, t(SECTION["gaps"], count=TOP_GAPS))
    heads = [t(COLUMN[key]) for key in ("item_id", "item", "kind")]
    row = _header(
        ws, row, [*heads, heading(t, fields.STATUS.header), heading(t, fields.GAP.header)]
    )
    merge(ws, row - 1, 5, row - 1, WIDTH, STYLE_HEADER)
    gaps = [g for g in ctx.summary.gaps if g in ctx.item_ids][:TOP_GAPS]
    for item_id in gaps:
        item = ctx.checklist.item_index[item_id]
        rec = ctx.record(item_id)
        put_text(ws, row, 1, item_id, STYLE_CENTER)
        put_text(ws, row, 2, ctx.item_title(item), STYLE_BODY)
        put_text(ws, row, 3, t.label(item.kind), STYLE_CENTER)
        put_text(ws, row, 4, t.label(rec.status), STYLE_CENTER)
        put_text(ws, row, 5, rec.gap or rec.explanation, STYLE_BODY)
        for col in range(6, WIDTH + 1):
            set_style(ws.cell(row, col), STYLE_BODY)
        merge(ws, row, 5, row, WIDTH)
        _fit_merged(ws, row, rec.gap or rec.explanation)
        row += 1
    if not gaps:
        put_text(ws, row, 1, t(NO_GAPS), STYLE_BODY)


def _status_counts(ws: Worksheet, row: int, ctx: ReportContext) -> None:
    """Status counts beside the profile block (columns E–G)."""
    t = ctx.t
    counts = Counter(ctx.record(i.id).status for i in ctx.items)
    total = len(ctx.items)
    heads = (heading(t, fields.STATUS.header), t(COLUMN["count"]), t(COLUMN["share"]))
    for col, text in enumerate(heads, start=STATUS_COL):
        put_text(ws, row, col, text, STYLE_HEADER)
    for offset, status in enumerate([*STATUS_ORDER, None], start=1):
        label = t.label(status) if status else t(TOTAL)
        count = counts[status] if status else total
        put_text(
            ws, row + offset, STATUS_COL, label, STYLE_LABEL if status is None else STYLE_CENTER
        )
        put_number(ws, row + offset, STATUS_COL + 1, count, style=STYLE_CENTER)
        put_number(ws, row + offset, STATUS_COL + 2, count / total, style=STYLE_SHARE)


def _section(ws: Worksheet, row: int, text: str) -> int:
    put_text(ws, row, 1, text, STYLE_LABEL)
    for col in range(2, WIDTH + 1):
        set_style(ws.cell(row, col), STYLE_LABEL)
    merge(ws, row, 1, row, WIDTH)
    ws.row_dimensions[row].height = 20
    return row + 1


def _pair(ws: Worksheet, row: int, label: str) -> None:
    put_text(ws, row, 1, label, STYLE_LABEL)


def _header(ws: Worksheet, row: int, headers: list[str]) -> int:
    for col, text in enumerate(headers, start=1):
        put_text(ws, row, col, text, STYLE_HEADER)
    return row + 1


def _score_cells(ws: Worksheet, row: int, score: Score) -> None:
    put_score(ws, row, 3, score.value)
    put_number(ws, row, 4, score.coverage, style=STYLE_SHARE)


def _fit_merged(ws: Worksheet, row: int, text: str) -> None:
    """Height for text in the merged 差距 cell (E:I) of a top-gap row."""
    merged_width = sum(c.width for c in OVERVIEW.columns[4:])
    lines = max(text_lines(text, merged_width), text_lines(ws.cell(row, 2).value or "", 30))
    ws.row_dimensions[row].height = lines * LINE_HEIGHT + 4


def _charts(
    ws: Worksheet, row: int, measures: tuple[int, int], areas: tuple[int, int], ctx: ReportContext
) -> None:
    """Scores per measure as columns; beside them a radar over the areas, or, in a department's
    workbook, over its measures (a radar needs three axes; with fewer the columns say it all).
    """
    t, limited = ctx.t, ctx.limited
    bar = BarChart()
    bar.type = "col"
    bar.title = t(report_words.CHART_MEASURES)
    bar.legend = None
    bar.add_data(Reference(ws, min_col=3, min_row=measures[0], max_row=measures[1]))
    bar.set_categories(Reference(ws, min_col=1, min_row=measures[0], max_row=measures[1]))
    bar.y_axis.scaling.min = 0
    bar.y_axis.scaling.max = 100
    bar.y_axis.majorUnit = 20
    bar.y_axis.number_format = "0"
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    cache_values(bar, ws.parent)
    bar.anchor = _cells(row, 0, RADAR_COL if _has_radar(ctx, measures, areas) else WIDTH)
    ws.add_chart(bar)

    if not _has_radar(ctx, measures, areas):
        return
    first, last = measures if limited else areas
    radar = RadarChart()
    radar.type = "marker"
    radar.title = t(report_words.CHART_MEASURES if limited else report_words.CHART_AREAS)
    radar.legend = None
    radar.add_data(Reference(ws, min_col=3, min_row=first, max_row=last))
    # measures by numeral, as on the columns; areas by name, but English names (up to 70
    # letters) leave no room for the web: by number, as the area table lists them
    names = 1 if limited or t.lang is Lang.EN else 2
    radar.set_categories(Reference(ws, min_col=names, min_row=first, max_row=last))
    radar.y_axis.scaling.min = 0
    radar.y_axis.scaling.max = 100
    radar.y_axis.delete = False
    radar.y_axis.number_format = "0"
    radar.x_axis.delete = False
    cache_values(radar, ws.parent)
    radar.anchor = _cells(row, RADAR_COL, WIDTH, gap=CHART_GAP_EMU)
    ws.add_chart(radar)


def _has_radar(ctx: ReportContext, measures: tuple[int, int], areas: tuple[int, int]) -> bool:
    first, last = measures if ctx.limited else areas
    return last - first + 1 >= RADAR_AXES


def _cells(row: int, first_col: int, end_col: int, *, gap: int = 0) -> TwoCellAnchor:
    """A chart spanning the columns from ``first_col`` to before ``end_col`` (0-based) over
    CHART_ROWS rows: sized by its cells, it meets its neighbour in every program and never
    covers it, however wide each draws a column."""
    anchor = TwoCellAnchor()
    anchor._from = AnchorMarker(col=first_col, colOff=gap, row=row - 1)
    anchor.to = AnchorMarker(col=end_col, row=row - 1 + CHART_ROWS)
    return anchor
