"""Writing a list sheet: title, rows under the template's header row, filter, row heights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess.excel.cells import (
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    STYLE_SCORE,
    put_date,
    put_number,
    put_text,
    shade,
)
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW, TITLE_ROW, SheetLayout
from assess.excel.printing import ONE_PAGE_UNITS
from assess.excel.sizing import (
    BOLD,
    CELL_PADDING,
    DEFAULT_COLUMN_WIDTH,
    fit_row_height,
    fit_widths,
    lines_height,
    longest_word,
)
from assess.texts import Texts

Value = str | int | float | dt.date | None
Row = Mapping[str, Value]
"""One data row: values by column key (``layout.Column.key``); absent keys stay empty."""


def set_title(ws: Worksheet, text: str) -> None:
    put_text(ws, TITLE_ROW, 1, text)


def write_rows(
    ws: Worksheet,
    layout: SheetLayout,
    rows: Sequence[Row],
    *,
    centered: Sequence[str] = (),
    bands: Sequence[int] | None = None,
) -> int:
    """Write ``rows`` below the header row; return the last row written (the header if none).

    Text goes through ``put_text``; dates and numbers keep their types. ``centered`` names
    short columns (by key) to centre; ``bands`` gives each row a group number and odd groups are
    shaded, so rows of one measure read as a block.
    """
    center_cols = {layout.col(key) for key in centered if key in layout.keys}
    _fit_columns(ws, layout, rows)
    row_no = HEADER_ROW
    for index, values in enumerate(rows):
        row_no = FIRST_DATA_ROW + index
        for col, column in enumerate(layout.columns, start=1):
            value = values.get(column.key)
            if isinstance(value, dt.date):
                put_date(ws, row_no, col, value)
            elif isinstance(value, int | float):
                put_number(ws, row_no, col, value, style=STYLE_CENTER)
            else:
                put_text(ws, row_no, col, value, STYLE_CENTER if col in center_cols else STYLE_BODY)
        if bands is not None and bands[index] % 2 == 1:
            shade(ws, row_no, 1, len(layout.columns))
        fit_row_height(ws, row_no, columns=len(layout.columns))
    last_col = get_column_letter(len(layout.columns))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(row_no, HEADER_ROW)}"
    return row_no


def _fit_columns(ws: Worksheet, layout: SheetLayout, rows: Sequence[Row]) -> None:
    """Widen the columns to their longest words and keep a one-page sheet one page across;
    the header row grows to show its wrapped headings."""
    count = len(layout.columns)
    letters = [get_column_letter(col) for col in range(1, count + 1)]
    widths = [ws.column_dimensions[x].width or DEFAULT_COLUMN_WIDTH for x in letters]
    needs = []
    for col, column in enumerate(layout.columns, start=1):
        header = ws.cell(HEADER_ROW, col).value
        values = [r.get(column.key) for r in rows]
        words = [longest_word(v) for v in values if isinstance(v, str)]
        words.append(BOLD * longest_word(str(header or "")))
        fixed = any(v is not None and not isinstance(v, str) for v in values)
        # a date or a number never wraps: narrower, Excel would show it as ####
        needs.append(max(max(words) + CELL_PADDING, widths[col - 1] if fixed else 0.0))
    one_page = sum(c.width for c in layout.columns) <= ONE_PAGE_UNITS  # as designed, in Chinese
    fitted = fit_widths(widths, needs, ONE_PAGE_UNITS if one_page else None)
    for letter, width in zip(letters, fitted, strict=True):
        ws.column_dimensions[letter].width = width
    height = ws.row_dimensions[HEADER_ROW].height
    fit_row_height(ws, HEADER_ROW, columns=count, bold=True)
    if height and (ws.row_dimensions[HEADER_ROW].height or 0) <= lines_height(2):
        ws.row_dimensions[HEADER_ROW].height = height  # the template's room for two lines


def put_score(ws: Worksheet, row: int, col: int, value: float | None) -> None:
    put_number(ws, row, col, None if value is None else round(value, 1), style=STYLE_SCORE)


def write_headings(ws: Worksheet, layout: SheetLayout, t: Texts) -> None:
    """Name the sheet and write its header row in the workbook's language, from the layout."""
    ws.title = layout.name(t)
    for col, column in enumerate(layout.columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column.width_in(t.lang)
    if layout.key == "overview":
        return  # 总览 has blocks, not one header row
    for col, header in enumerate(layout.headers(t), start=1):
        put_text(ws, HEADER_ROW, col, header, STYLE_HEADER)
