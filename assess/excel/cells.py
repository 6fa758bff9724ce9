"""Writing cells safely, and the workbook's named styles.

Every workbook the tool writes (report, compare, roll-up) goes through ``put_text`` for user
text, so a zone's text can never become a formula, an unreadable file or a cut-off cell
without notice. The named styles give all workbooks the same look (宋体 body, 黑体 headers:
fonts every Chinese office machine has; LibreOffice substitutes a CJK font).
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL_CHARS = 32_767
TRUNCATED_MARK = "…[已截断 / truncated]"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's sheet

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.0"
SHARE_FORMAT = "0%"

# Named styles (ASCII names: WPS, Excel and LibreOffice all keep them).
STYLE_TITLE = "assess-title"
STYLE_HEADER = "assess-header"
STYLE_HEADER_UP = "assess-header-up"  # turned 90°: long titles over narrow number columns
STYLE_BODY = "assess-body"
STYLE_CENTER = "assess-center"
STYLE_DATE = "assess-date"
STYLE_SCORE = "assess-score"
STYLE_SHARE = "assess-share"
STYLE_LABEL = "assess-label"

HEADER_FILL = "DDEBF7"
BAND_FILL = "F2F2F2"

_ARRAYS = "_assess_style_arrays"  # attribute of the openpyxl Workbook holding set_style's cache
_FILL_IDS = "_assess_fill_ids"  # and shade's
_BAND = PatternFill("solid", fgColor=BAND_FILL)
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def clean_text(value: str) -> str:
    """Remove characters XML cannot hold and cut at Excel's cell limit with a visible marker."""
    text = ILLEGAL_XML.sub("", value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATED_MARK)] + TRUNCATED_MARK
    return text


def put_text(ws: Worksheet, row: int, col: int, value: str | None, style: str = "") -> Cell:
    """Write ``value`` as plain text: never a formula, always valid XML, within 32,767 chars.

    A value starting with = + - @ tab or CR is stored as a string with the quote-prefix
    style flag, so Excel, WPS and LibreOffice show it verbatim and never evaluate it.
    ``style`` is a named style (``STYLE_*``) applied when given.
    """
    cell = _cell(ws, row, col)
    if style:
        set_style(cell, style)
    text = clean_text(value or "")
    if not text:
        cell.value = None
        return cell
    # Stored directly: clean_text already did openpyxl's checks (length, illegal characters),
    # and a value like "=…" or "#N/A" must stay text, never a formula or an error value.
    cell._value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True
    return cell


def _cell(ws: Worksheet, row: int, col: int) -> Cell:
    """The cell at (row, col), made when missing, without ``ws.cell``'s lookups per call."""
    cell: Cell | None = ws._cells.get((row, col))
    if cell is None:
        if not (0 < row <= MAX_ROW and 0 < col <= MAX_COLUMN):
            return ws.cell(row=row, column=col)  # openpyxl's error for a cell off the sheet
        cell = ws._cells[(row, col)] = Cell(ws, row=row, column=col)
        ws._current_row = max(ws._current_row, row)
    return cell


def put_number(
    ws: Worksheet,
    row: int,
    col: int,
    value: float | int | None,
    fmt: str = SCORE_FORMAT,
    *,
    style: str = "",
) -> Cell:
    """Write a number (score, share, count) as a number with a number format; None = empty.

    With ``style`` the named style gives the look and the format (``fmt`` is not used).
    """
    cell = _cell(ws, row, col)
    cell.value = value
    if style:
        set_style(cell, style)
    else:
        cell.number_format = fmt
    return cell


def put_date(ws: Worksheet, row: int, col: int, value: dt.date | None) -> Cell:
    """Write a real date (not text) in the date style, shown as yyyy-mm-dd; None = empty."""
    cell = _cell(ws, row, col)
    cell.value = value
    set_style(cell, STYLE_DATE)
    return cell


def set_style(cell: Cell, name: str) -> None:
    """Apply a named style, looked up once per workbook.

    openpyxl searches the workbook's list of style names for every assignment; the looked-up
    style array is kept on the workbook and copied to each cell instead.
    """
    book = cell.parent.parent.__dict__
    arrays: dict[str, StyleArray] = book.get(_ARRAYS) or book.setdefault(_ARRAYS, {})
    array = arrays.get(name)
    if array is None:
        cell.style = name  # ValueError for an unknown name, as before
        arrays[name] = StyleArray(cell._style)
    else:
        cell._style = StyleArray(array)


def merge(
    ws: Worksheet,
    first_row: int,
    first_col: int,
    last_row: int,
    last_col: int,
    style: str = "",
) -> None:
    """Merge a range whose cells the caller has styled already, or gives ``style`` to.

    openpyxl's ``merge_cells`` re-borders every edge cell and checks the range against every
    earlier one, which took longer than writing the rest of the sheet; the range is only
    recorded here (the cells keep their own boxed style; ``style`` is set on all but the
    first cell, so its fill or value stays).
    """
    if style:
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                if (row, col) != (first_row, first_col):
                    set_style(_cell(ws, row, col), style)
    ws.merged_cells.ranges.add(
        CellRange(min_row=first_row, min_col=first_col, max_row=last_row, max_col=last_col)
    )


def shade(ws: Worksheet, row: int, first_col: int, last_col: int) -> None:
    """Give a row's styled cells the band fill, keeping their named style's font and border.

    The fill is registered once per workbook and set by index: assigning a ``PatternFill`` to
    each cell hashes and compares style objects cell by cell.
    """
    ids: dict[str, int] = ws.parent.__dict__.setdefault(_FILL_IDS, {})
    fill_id = ids.get(BAND_FILL)
    if fill_id is None:
        fill_id = ids[BAND_FILL] = ws.parent._fills.add(_BAND)
    for col in range(first_col, last_col + 1):
        _cell(ws, row, col)._style.fillId = fill_id


def named_styles() -> list[NamedStyle]:
    """The shared look: header, body (wrapped, top-aligned, boxed), dates, scores, labels."""
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centered = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = Font(name=BODY_FONT, size=10)
    return [
        NamedStyle(
            STYLE_TITLE,
            font=Font(name=HEADING_FONT, size=16, bold=True),
            alignment=Alignment(horizontal="centerContinuous", vertical="center"),
        ),
        NamedStyle(
            STYLE_HEADER,
            font=Font(name=HEADING_FONT, size=10, bold=True),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            border=_BOX,
            alignment=centered,
        ),
        NamedStyle(
            STYLE_HEADER_UP,
            font=Font(name=HEADING_FONT, size=10, bold=True),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            border=_BOX,
            alignment=Alignment(
                horizontal="center", vertical="center", wrap_text=True, textRotation=90
            ),
        ),
        NamedStyle(STYLE_BODY, font=body, border=_BOX, alignment=wrap_top),
        NamedStyle(STYLE_CENTER, font=body, border=_BOX, alignment=centered),
        NamedStyle(
            STYLE_DATE, font=body, border=_BOX, alignment=centered, number_format=DATE_FORMAT
        ),
        NamedStyle(
            STYLE_SCORE, font=body, border=_BOX, alignment=centered, number_format=SCORE_FORMAT
        ),
        NamedStyle(
            STYLE_SHARE, font=body, border=_BOX, alignment=centered, number_format=SHARE_FORMAT
        ),
        NamedStyle(
            STYLE_LABEL,
            font=Font(name=HEADING_FONT, size=10, bold=True),
            fill=PatternFill("solid", fgColor=BAND_FILL),
            border=_BOX,
            alignment=wrap_top,
        ),
    ]


def ensure_styles(wb: Workbook) -> None:
    """Register the named styles in ``wb`` unless it already has them (e.g. from the template),
    and make 宋体 10 pt the default font, so an unstyled cell is never Calibri."""
    set_default_font(wb)
    existing = set(wb.named_styles)
    for style in named_styles():
        if style.name not in existing:
            wb.add_named_style(style)


def set_default_font(wb: Workbook) -> None:
    """宋体 10 pt for the Normal style and font 0 (openpyxl has no public API for either).

    Column widths are measured in the default font's digits, so this also keeps printed
    widths the same in every workbook (see ``printing.POINTS_PER_WIDTH_UNIT``).
    """
    font = Font(name=BODY_FONT, size=10)
    fonts = list(wb._fonts)
    fonts[0] = font
    wb._fonts = IndexedList(fonts)
    wb._named_styles["Normal"].font = font
