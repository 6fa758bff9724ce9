"""The roll-up workbook: zone × measure matrix, regional averages, ranking, gaps, coverage.

Written for the province's commerce department and MOFCOM: one row per zone, colour scales
instead of charts (232 rows chart badly), and a sheet naming every file that was skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScale, FormatObject, Rule
from openpyxl.styles.colors import Color
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess.excel.cells import (
    SHARE_FORMAT,
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_DATE,
    STYLE_HEADER,
    STYLE_SCORE,
    STYLE_SHARE,
    STYLE_TITLE,
    ensure_styles,
    pick,
    put_date,
    put_number,
    put_text,
)
from assess.excel.printing import made_on, setup_print
from assess.excel.sizing import LINE_HEIGHT, fit_row_height
from assess.models import STATUS_ORDER
from assess.rollup import Rollup
from assess.texts import printing as print_words
from assess.texts.catalog import texts_for
from assess.texts.compare import region_name
from assess.texts.messages import ROLLUP_RULE

SHEETS = {
    "matrix": ("得分矩阵", "Score matrix"),
    "regions": ("分地区平均", "Regional averages"),
    "ranking": ("总体排名", "Ranking"),
    "gaps": ("常见差距", "Common gaps"),
    "coverage": ("覆盖率", "Coverage"),
    "skipped": ("未计入文件", "Skipped files"),
}


def _scale(*points: tuple[float, str]) -> Rule:
    """A colour scale from red (low) to green (high) at fixed values, same in every file."""
    return Rule(
        type="colorScale",
        colorScale=ColorScale(
            cfvo=[FormatObject(type="num", val=value) for value, _ in points],
            color=[Color(colour) for _, colour in points],
        ),
    )


SCORE_SCALE = _scale((0, "F8696B"), (50, "FFEB84"), (100, "63BE7B"))
SHARE_SCALE = _scale((0, "F8696B"), (1, "63BE7B"))


def build_rollup_workbook(rollup: Rollup, *, en: bool = False) -> Workbook:
    wb = Workbook()
    ensure_styles(wb)
    first = wb.active
    assert first is not None
    wb.remove(first)
    header = pick(f"汇总 {len(rollup.zones)} 个经开区", f"{len(rollup.zones)} zones", en)
    footer = texts_for(en)(print_words.FOOTER, version=rollup.checklist.version)
    for key, fill in (
        ("matrix", _matrix),
        ("regions", _regions),
        ("ranking", _ranking),
        ("gaps", _gaps),
        ("coverage", _coverage),
        ("skipped", _skipped),
    ):
        ws = wb.create_sheet(SHEETS[key][int(en)])
        fill(ws, rollup, en)
        ws.freeze_panes = ws.freeze_panes or "A3"
        setup_print(
            ws,
            title_rows="2:2",
            header_left=header,
            header_right=made_on(texts_for(en)),
            footer_left=footer,
        )
    return wb


def _table(
    ws: Worksheet, title: str, columns: Sequence[tuple[str, float]], *, filter_rows: int = 0
) -> None:
    """Title in row 1 (merged), headers in row 2 with widths; optional autofilter."""
    put_text(ws, 1, 1, title, STYLE_TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.row_dimensions[1].height = 28
    for col, (text, width) in enumerate(columns, 1):
        put_text(ws, 2, col, text, STYLE_HEADER)
        ws.column_dimensions[get_column_letter(col)].width = width
    fit_row_height(ws, 2)
    if filter_rows:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{2 + filter_rows}"


def _score(ws: Worksheet, row: int, col: int, value: float | None) -> None:
    put_number(ws, row, col, value).style = STYLE_SCORE


def _share(ws: Worksheet, row: int, col: int, value: float | None) -> None:
    put_number(ws, row, col, value, SHARE_FORMAT).style = STYLE_SHARE


def _count(ws: Worksheet, row: int, col: int, value: int) -> None:
    put_number(ws, row, col, value, "0").style = STYLE_CENTER


def _measure_headers(rollup: Rollup, en: bool) -> list[tuple[str, float]]:
    return [
        (f"({m.number}) {m.title_en}" if en else f"{m.numeral}{m.title}", 9)
        for m in rollup.checklist.measures
    ]


def _matrix(ws: Worksheet, rollup: Rollup, en: bool) -> None:
    columns = [
        (pick("序号", "No.", en), 5),
        (pick("经开区", "Zone", en), 26),
        (pick("省份", "Province", en), 8),
        (pick("地区", "Region", en), 6),
        (pick("总体得分", "Overall", en), 8),
        *_measure_headers(rollup, en),
    ]
    _table(
        ws,
        pick("经开区 × 举措得分矩阵", "Zone × measure scores", en),
        columns,
        filter_rows=len(rollup.zones),
    )
    measures = rollup.checklist.measures
    for row, zone in enumerate(rollup.zones, 3):
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, zone.name, STYLE_BODY)
        put_text(ws, row, 3, zone.province, STYLE_CENTER)
        put_text(ws, row, 4, texts_for(en).label(zone.region), STYLE_CENTER)
        _score(ws, row, 5, zone.overall)
        for col, m in enumerate(measures, 6):
            _score(ws, row, col, zone.summary.measures[m.number].value)
    last_row = 2 + len(rollup.zones)
    ws.conditional_formatting.add(f"E3:{get_column_letter(len(columns))}{last_row}", SCORE_SCALE)
    ws.freeze_panes = "C3"


def _regions(ws: Worksheet, rollup: Rollup, en: bool) -> None:
    columns = [
        (pick("地区", "Region", en), 8),
        (pick("经开区数", "Zones", en), 7),
        (pick("平均总体得分", "Mean overall", en), 9),
        (pick("平均覆盖率", "Mean coverage", en), 9),
        *_measure_headers(rollup, en),
    ]
    _table(ws, pick("分地区平均得分", "Regional averages", en), columns)
    averages = rollup.region_averages()
    for row, avg in enumerate(averages, 3):
        put_text(ws, row, 1, region_name(avg.region, texts_for(en)), STYLE_CENTER)
        _count(ws, row, 2, avg.zones)
        _score(ws, row, 3, avg.overall.value)
        _share(ws, row, 4, avg.coverage.value)
        for col, m in enumerate(rollup.checklist.measures, 5):
            _score(ws, row, col, avg.measures[m.number].value)
    last_row = 2 + len(averages)
    ws.conditional_formatting.add(f"C3:C{last_row}", SCORE_SCALE)
    ws.conditional_formatting.add(f"E3:{get_column_letter(len(columns))}{last_row}", SCORE_SCALE)
    notes = (
        pick(
            "地区平均 = 该地区各经开区得分的算术平均（每个经开区计一次；"
            "某举措无得分的经开区不计入该举措的平均）。",
            "A regional mean is the plain mean of its zones' scores (each zone once; zones "
            "without a score for a measure are left out of that measure's mean).",
            en,
        ),
        texts_for(en)(ROLLUP_RULE),
    )
    for row, text in enumerate(notes, last_row + 2):
        put_text(ws, row, 1, text, STYLE_BODY)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(columns))
        ws.row_dimensions[row].height = LINE_HEIGHT * 3 + 4
    ws.freeze_panes = "B3"


def _ranking(ws: Worksheet, rollup: Rollup, en: bool) -> None:
    columns = [
        (pick("名次", "Rank", en), 6),
        (pick("经开区", "Zone", en), 30),
        (pick("省份", "Province", en), 9),
        (pick("地区", "Region", en), 7),
        (pick("评估期", "Period", en), 14),
        (pick("总体得分", "Overall", en), 9),
        (pick("覆盖率", "Coverage", en), 9),
        (pick("差距条目数", "Gaps", en), 9),
    ]
    ranking = rollup.ranking()
    _table(
        ws,
        pick("总体得分排名（同分同名次）", "Ranking by overall score (ties share a rank)", en),
        columns,
        filter_rows=len(ranking),
    )
    for row, (rank, zone) in enumerate(ranking, 3):
        if rank is None:
            put_text(ws, row, 1, "—", STYLE_CENTER)
        else:
            _count(ws, row, 1, rank)
        put_text(ws, row, 2, zone.name, STYLE_BODY)
        put_text(ws, row, 3, zone.province, STYLE_CENTER)
        put_text(ws, row, 4, texts_for(en).label(zone.region), STYLE_CENTER)
        put_text(ws, row, 5, zone.period, STYLE_CENTER)
        _score(ws, row, 6, zone.overall)
        _share(ws, row, 7, zone.coverage)
        _count(ws, row, 8, len(zone.summary.gaps))
    ws.conditional_formatting.add(f"F3:F{2 + len(ranking)}", SCORE_SCALE)


def _gaps(ws: Worksheet, rollup: Rollup, en: bool) -> None:
    columns = [
        (pick("序号", "No.", en), 5),
        (pick("条目编号", "ID", en), 7),
        (pick("举措", "Measure", en), 32),
        (pick("条目", "Item", en), 34),
        (pick("类型", "Kind", en), 7),
        (pick("存在差距的经开区数", "Zones with a gap", en), 10),
        (pick("已评估的经开区数", "Zones assessed", en), 10),
        (pick("差距占比", "Share", en), 8),
    ]
    gaps = rollup.common_gaps()
    _table(
        ws,
        pick(
            "最常见的差距（推进中或未启动的适用条目）",
            "Most common gaps (applicable items in progress or not started)",
            en,
        ),
        columns,
        filter_rows=len(gaps),
    )
    index, measure_of = rollup.checklist.item_index, rollup.checklist.measure_of
    for row, gap in enumerate(gaps, 3):
        item, measure = index[gap.item_id], measure_of[gap.item_id]
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, gap.item_id, STYLE_CENTER)
        put_text(
            ws, row, 3, measure.title_en if en else f"{measure.numeral}{measure.title}", STYLE_BODY
        )
        put_text(ws, row, 4, item.title_en if en else item.title, STYLE_BODY)
        put_text(ws, row, 5, texts_for(en).label(item.kind), STYLE_CENTER)
        fit_row_height(ws, row)  # before the share: it measures a float's repr, not its format
        _count(ws, row, 6, gap.gaps)
        _count(ws, row, 7, gap.assessed)
        _share(ws, row, 8, gap.share)
    if not gaps:
        put_text(ws, 3, 1, pick("没有差距条目。", "No gaps.", en))


def _coverage(ws: Worksheet, rollup: Rollup, en: bool) -> None:
    columns = [
        (pick("序号", "No.", en), 5),
        (pick("经开区", "Zone", en), 26),
        (pick("省份", "Province", en), 8),
        (pick("评估期", "Period", en), 13),
        (pick("覆盖率", "Coverage", en), 8),
        (pick("已评估", "Assessed", en), 7),
        (pick("适用条目", "Applicable", en), 7),
        *[(texts_for(en).label(s), 7) for s in STATUS_ORDER],
        (pick("更新日期", "Updated", en), 11),
        (pick("文件", "File", en), 30),
    ]
    _table(
        ws,
        pick("各经开区覆盖率与状态统计", "Coverage and statuses per zone", en),
        columns,
        filter_rows=len(rollup.zones),
    )
    for row, zone in enumerate(rollup.zones, 3):
        overall = zone.summary.overall
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, zone.name, STYLE_BODY)
        put_text(ws, row, 3, zone.province, STYLE_CENTER)
        put_text(ws, row, 4, zone.period, STYLE_CENTER)
        _share(ws, row, 5, overall.coverage)
        _count(ws, row, 6, overall.assessed)
        _count(ws, row, 7, overall.applicable)
        for col, status in enumerate(STATUS_ORDER, 8):
            _count(ws, row, col, zone.summary.counts[status])
        put_date(ws, row, 8 + len(STATUS_ORDER), zone.updated.date()).style = STYLE_DATE
        put_text(ws, row, 9 + len(STATUS_ORDER), str(zone.path), STYLE_BODY)
    ws.conditional_formatting.add(
        f"E3:E{2 + len(rollup.zones)}",
        SHARE_SCALE,
    )
    ws.freeze_panes = "C3"


def _skipped(ws: Worksheet, rollup: Rollup, en: bool) -> None:
    columns = [
        (pick("序号", "No.", en), 5),
        (pick("文件", "File", en), 50),
        (pick("原因", "Reason", en), 70),
    ]
    _table(
        ws,
        pick("未计入汇总的文件", "Files left out of the roll-up", en),
        columns,
        filter_rows=len(rollup.skipped),
    )
    for row, skipped in enumerate(rollup.skipped, 3):
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, str(skipped.path), STYLE_BODY)
        put_text(ws, row, 3, skipped.reason, STYLE_BODY)
        fit_row_height(ws, row)
    if not rollup.skipped:
        put_text(ws, 3, 1, pick("所有文件均已计入。", "Every file was included.", en))
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(columns))
