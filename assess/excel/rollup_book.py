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
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    STYLE_HEADER_UP,
    STYLE_SCORE,
    STYLE_SHARE,
    STYLE_TITLE,
    ensure_styles,
    merge,
    put_date,
    put_number,
    put_text,
)
from assess.excel.printing import made_on, setup_print
from assess.excel.sizing import LINE_HEIGHT, fit_row_height, text_lines, turned_height
from assess.fields import PERIOD, ZONE_NAME
from assess.lang import Lang
from assess.models import STATUS_ORDER
from assess.rollup import Rollup
from assess.texts import Texts
from assess.texts import policy as policy_texts
from assess.texts import printing as print_words
from assess.texts.compare import region_name
from assess.texts.messages import ROLLUP_RULE
from assess.texts.provinces import province_label
from assess.texts.rollup import OF_PERIOD
from assess.texts.workbook import COLUMN, COMPARE, ROLLUP, ROLLUP_SHEET, heading, measure_title

# The policy's columns of the ranking: both rates, approved claims, work behind schedule.
RANKING_EXTRA = (
    policy_texts.IMPLEMENTATION,
    policy_texts.POLICY_USE,
    policy_texts.APPROVED_CLAIMS,
    policy_texts.BEHIND_TAG,
)


def _scale(*points: tuple[float, str]) -> Rule:
    """A colour scale from red (low) to green (high) at fixed values, same in every file."""
    return Rule(
        type="colorScale",
        colorScale=ColorScale(
            cfvo=[FormatObject(type="num", val=value) for value, _ in points],
            color=[Color(colour) for _, colour in points],
        ),
    )


MEASURE_WIDTH = 5.5  # a score (100.0) at 10 pt; 16 of them and the zone fit one A4 width

SCORE_SCALE = _scale((0, "F8696B"), (50, "FFEB84"), (100, "63BE7B"))
SHARE_SCALE = _scale((0, "F8696B"), (1, "63BE7B"))


def build_rollup_workbook(rollup: Rollup, *, lang: Lang = Lang.ZH) -> Workbook:
    t = Texts(lang)
    wb = Workbook()
    ensure_styles(wb)
    first = wb.active
    assert first is not None
    wb.remove(first)
    header = t(OF_PERIOD, title=t(ROLLUP["header"], count=len(rollup.zones)), period=rollup.period)
    footer = t(print_words.FOOTER, version=rollup.checklist.version)
    for key, fill in (
        ("matrix", _matrix),
        ("regions", _regions),
        ("ranking", _ranking),
        ("gaps", _gaps),
        ("coverage", _coverage),
        ("skipped", _skipped),
    ):
        ws = wb.create_sheet(t(ROLLUP_SHEET[key]))
        fill(ws, rollup, t)
        ws.freeze_panes = ws.freeze_panes or "A3"
        setup_print(
            ws,
            t,
            title_rows="2:2",
            header_left=header,
            header_right=made_on(t),
            footer_left=footer,
        )
    return wb


def _table(
    ws: Worksheet,
    title: str,
    columns: Sequence[tuple[str, float]],
    *,
    filter_rows: int = 0,
    turned: int = 0,
) -> None:
    """Title in row 1 (merged), headers in row 2 with widths; optional autofilter.

    The last ``turned`` headers (the measures' titles over their narrow score columns) are
    turned 90°, so sixteen measures fit one A4 page width.
    """
    for col in range(1, len(columns) + 1):  # centred across the table: no merge to write
        put_text(ws, 1, col, title if col == 1 else None, STYLE_TITLE)
    ws.row_dimensions[1].height = 28
    first_turned = len(columns) - turned + 1
    for col, (text, width) in enumerate(columns, 1):
        put_text(ws, 2, col, text, STYLE_HEADER_UP if col >= first_turned else STYLE_HEADER)
        ws.column_dimensions[get_column_letter(col)].width = width
    fit_row_height(ws, 2, columns=first_turned - 1)
    if turned:
        up = turned_height([text for text, _ in columns[-turned:]], MEASURE_WIDTH)
        ws.row_dimensions[2].height = max(ws.row_dimensions[2].height or 0, up)
    if filter_rows:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{2 + filter_rows}"


def _score(ws: Worksheet, row: int, col: int, value: float | None) -> None:
    put_number(ws, row, col, value, style=STYLE_SCORE)


def _share(ws: Worksheet, row: int, col: int, value: float | None) -> None:
    put_number(ws, row, col, value, style=STYLE_SHARE)


def _count(ws: Worksheet, row: int, col: int, value: int) -> None:
    put_number(ws, row, col, value, style=STYLE_CENTER)


def _measure_headers(rollup: Rollup, t: Texts) -> list[tuple[str, float]]:
    return [(measure_title(m, t), MEASURE_WIDTH) for m in rollup.checklist.measures]


def _matrix(ws: Worksheet, rollup: Rollup, t: Texts) -> None:
    columns = [
        (t(COLUMN["number"]), 4),
        (heading(t, ZONE_NAME.header), 15),
        (t(ROLLUP["province"]), 8),  # Province, Northeast, Overall: one word on a line
        (t(ROLLUP["region"]), 7),
        (heading(t, PERIOD.header), 7),  # 2025年 over 下半年
        (t(ROLLUP["overall"]), 7),
        *_measure_headers(rollup, t),
    ]
    measures = rollup.checklist.measures
    _table(
        ws,
        t(OF_PERIOD, title=t(ROLLUP["matrix_title"]), period=rollup.period),
        columns,
        filter_rows=len(rollup.zones),
        turned=len(measures),
    )
    for row, zone in enumerate(rollup.zones, 3):
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, zone.name, STYLE_BODY)
        put_text(ws, row, 3, province_label(zone.province, t), STYLE_CENTER)
        put_text(ws, row, 4, t.label(zone.region), STYLE_CENTER)
        put_text(ws, row, 5, zone.period, STYLE_CENTER)
        _score(ws, row, 6, zone.overall)
        for col, m in enumerate(measures, 7):
            _score(ws, row, col, zone.summary.measures[m.number].value)
        fit_row_height(ws, row, columns=5)
    last_row = 2 + len(rollup.zones)
    ws.conditional_formatting.add(f"F3:{get_column_letter(len(columns))}{last_row}", SCORE_SCALE)
    ws.freeze_panes = "C3"


def _regions(ws: Worksheet, rollup: Rollup, t: Texts) -> None:
    columns = [
        (t(ROLLUP["region"]), 8),
        (t(ROLLUP["zones"]), 6),
        (t(ROLLUP["mean_overall"]), 7),
        (t(ROLLUP["mean_coverage"]), 8),
        *_measure_headers(rollup, t),
    ]
    title = t(OF_PERIOD, title=t(ROLLUP["regions_title"]), period=rollup.period)
    _table(ws, title, columns, turned=len(rollup.checklist.measures))
    averages = rollup.region_averages()
    for row, avg in enumerate(averages, 3):
        put_text(ws, row, 1, region_name(avg.region, t), STYLE_CENTER)
        _count(ws, row, 2, avg.zones)
        _score(ws, row, 3, avg.overall.value)
        _share(ws, row, 4, avg.coverage.value)
        for col, m in enumerate(rollup.checklist.measures, 5):
            _score(ws, row, col, avg.measures[m.number].value)
    last_row = 2 + len(averages)
    ws.conditional_formatting.add(f"C3:C{last_row}", SCORE_SCALE)
    ws.conditional_formatting.add(f"E3:{get_column_letter(len(columns))}{last_row}", SCORE_SCALE)
    notes = (
        t(ROLLUP["regions_note"]),
        t(ROLLUP_RULE),
    )
    table_width = sum(width for _, width in columns)
    for row, text in enumerate(notes, last_row + 2):
        put_text(ws, row, 1, text, STYLE_BODY)
        merge(ws, row, 1, row, len(columns), STYLE_BODY)
        ws.row_dimensions[row].height = text_lines(text, table_width) * LINE_HEIGHT + 4
    ws.freeze_panes = "B3"


def _ranking(ws: Worksheet, rollup: Rollup, t: Texts) -> None:
    columns = [
        (t(ROLLUP["rank"]), 6),
        (heading(t, ZONE_NAME.header), 30),
        (t(ROLLUP["province"]), 9),
        (t(ROLLUP["region"]), 7),
        (heading(t, PERIOD.header), 14),
        (t(ROLLUP["overall"]), 9),
        (t(COLUMN["coverage"]), 9),
        (t(ROLLUP["gaps"]), 9),
        *((t(entry), 10) for entry in RANKING_EXTRA),
    ]
    ranking = rollup.ranking()
    _table(
        ws,
        t(OF_PERIOD, title=t(ROLLUP["ranking_title"]), period=rollup.period),
        columns,
        filter_rows=len(ranking),
    )
    for row, (rank, zone) in enumerate(ranking, 3):
        if rank is None:
            put_text(ws, row, 1, "—", STYLE_CENTER)
        else:
            _count(ws, row, 1, rank)
        put_text(ws, row, 2, zone.name, STYLE_BODY)
        put_text(ws, row, 3, province_label(zone.province, t), STYLE_CENTER)
        put_text(ws, row, 4, t.label(zone.region), STYLE_CENTER)
        put_text(ws, row, 5, zone.period, STYLE_CENTER)
        _score(ws, row, 6, zone.overall)
        _share(ws, row, 7, zone.coverage)
        _count(ws, row, 8, len(zone.summary.gaps))
        _score(ws, row, 9, zone.implementation)
        _score(ws, row, 10, zone.policy_use)
        _count(ws, row, 11, zone.approved_claims)
        _count(ws, row, 12, zone.behind)

    ws.conditional_formatting.add(f"F3:F{2 + len(ranking)}", SCORE_SCALE)


def _gaps(ws: Worksheet, rollup: Rollup, t: Texts) -> None:
    columns = [
        (t(COLUMN["number"]), 5),
        (t(COLUMN["item_id"]), 7),
        (t(COLUMN["measure"]), 32),
        (t(COLUMN["item"]), 34),
        (t(COLUMN["kind"]), 7),
        (t(ROLLUP["zones_with_gap"]), 10),
        (t(ROLLUP["zones_assessed"]), 10),
        (t(ROLLUP["gap_share"]), 8),
    ]
    gaps = rollup.common_gaps()
    _table(
        ws,
        t(OF_PERIOD, title=t(ROLLUP["gaps_title"]), period=rollup.period),
        columns,
        filter_rows=len(gaps),
    )
    index, measure_of = rollup.checklist.item_index, rollup.checklist.measure_of
    for row, gap in enumerate(gaps, 3):
        item, measure = index[gap.item_id], measure_of[gap.item_id]
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, gap.item_id, STYLE_CENTER)
        put_text(ws, row, 3, measure_title(measure, t), STYLE_BODY)
        put_text(ws, row, 4, t.pick(item.title, item.title_en), STYLE_BODY)
        put_text(ws, row, 5, t.label(item.kind), STYLE_CENTER)
        fit_row_height(ws, row)  # before the share: it measures a float's repr, not its format
        _count(ws, row, 6, gap.gaps)
        _count(ws, row, 7, gap.assessed)
        _share(ws, row, 8, gap.share)
    if not gaps:
        put_text(ws, 3, 1, t(ROLLUP["no_gaps"]))


def _coverage(ws: Worksheet, rollup: Rollup, t: Texts) -> None:
    columns = [
        (t(COLUMN["number"]), 4),
        (heading(t, ZONE_NAME.header), 20),
        (t(ROLLUP["province"]), 6),
        (heading(t, PERIOD.header), 11),
        (t(COLUMN["coverage"]), 7),
        (t(COLUMN["assessed"]), 6),
        (t(COLUMN["applicable"]), 6),
        *[(t.label(s), 6) for s in STATUS_ORDER],
        (t(COMPARE["updated"]), 11),
        (t(ROLLUP["file"]), 22),
    ]
    _table(
        ws,
        t(OF_PERIOD, title=t(ROLLUP["coverage_title"]), period=rollup.period),
        columns,
        filter_rows=len(rollup.zones),
    )
    for row, zone in enumerate(rollup.zones, 3):
        overall = zone.summary.overall
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, zone.name, STYLE_BODY)
        put_text(ws, row, 3, province_label(zone.province, t), STYLE_CENTER)
        put_text(ws, row, 4, zone.period, STYLE_CENTER)
        _share(ws, row, 5, overall.coverage)
        _count(ws, row, 6, overall.assessed)
        _count(ws, row, 7, overall.applicable)
        for col, status in enumerate(STATUS_ORDER, 8):
            _count(ws, row, col, zone.summary.counts[status])
        put_date(ws, row, 8 + len(STATUS_ORDER), zone.updated.date())
        put_text(ws, row, 9 + len(STATUS_ORDER), str(zone.path), STYLE_BODY)
    ws.conditional_formatting.add(
        f"E3:E{2 + len(rollup.zones)}",
        SHARE_SCALE,
    )
    ws.freeze_panes = "C3"


def _skipped(ws: Worksheet, rollup: Rollup, t: Texts) -> None:
    columns = [
        (t(COLUMN["number"]), 5),
        (t(ROLLUP["file"]), 50),
        (t(ROLLUP["reason"]), 70),
    ]
    _table(
        ws,
        t(ROLLUP["skipped_title"]),
        columns,
        filter_rows=len(rollup.skipped),
    )
    for row, skipped in enumerate(rollup.skipped, 3):
        _count(ws, row, 1, row - 2)
        put_text(ws, row, 2, str(skipped.path), STYLE_BODY)
        put_text(ws, row, 3, skipped.reason_in(t), STYLE_BODY)
        fit_row_height(ws, row)
    if not rollup.skipped:
        put_text(ws, 3, 1, t(ROLLUP["none_skipped"]))
        merge(ws, 3, 1, 3, len(columns))
