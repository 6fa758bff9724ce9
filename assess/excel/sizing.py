"""Row heights for wrapped text, computed so every program shows and prints all lines.

Excel does not grow rows for wrapped text written by a program, so a ledger would print one
line per cell; the height is estimated from the text's display width (CJK = 2 units).
"""

from __future__ import annotations

import math
from functools import lru_cache

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess.textwidth import width

LINE_HEIGHT = 14.0  # points per line at 10 pt, with room for CJK fallback fonts
MAX_ROW_HEIGHT = 409.0  # Excel's limit
DEFAULT_COLUMN_WIDTH = 8.43


@lru_cache(maxsize=4096)
def text_lines(text: str, column_width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell of ``column_width`` character units."""
    usable = max(column_width, 1.0)
    return sum(max(1, math.ceil(width(part) / usable)) for part in text.split("\n"))


def fit_row_height(
    ws: Worksheet, row: int, *, min_lines: int = 1, columns: int | None = None
) -> None:
    """Set ``row``'s height to show every line of its wrapped cells (merged cells excluded).

    Only text wraps: a number or a date shows on one line in its format (62.5, not the
    62.49999… it holds), so it never makes a row taller. ``columns`` (the table's width)
    spares a scan of the whole sheet for its last column.
    """
    lines = min_lines
    merged = [
        (r.min_col, r.max_col) for r in ws.merged_cells.ranges if r.min_row <= row <= r.max_row
    ]
    cells, dims = ws._cells, ws.column_dimensions  # read directly: no cell is made to be measured
    for col in range(1, (columns or ws.max_column) + 1):
        cell = cells.get((row, col))
        value = None if cell is None else cell._value
        if not isinstance(value, str) or any(first <= col <= last for first, last in merged):
            continue
        letter = get_column_letter(col)
        dim = dims.get(letter) or dims[letter]  # get: no default-making lookup when it exists
        lines = max(lines, text_lines(value, dim.width or DEFAULT_COLUMN_WIDTH))
    ws.row_dimensions[row].height = lines_height(lines)


def lines_height(lines: int) -> float:
    """The height of a row showing ``lines`` lines of 10 pt text."""
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4)


def turned_height(texts: list[str], column_width: float) -> float:
    """The row height that shows ``texts`` turned 90° in columns ``column_width`` wide.

    A turned line runs up the row: as many lines fit side by side as the column is wide
    (a width unit is about 5.3 pt in Excel, more in LibreOffice), and each line needs
    about 5.5 pt of height per width unit of text (a CJK character: 2 units at 10 pt).
    """
    lines = max(1, math.floor(column_width * 5.3 / LINE_HEIGHT))
    length = 1
    while any(text_lines(text, length) > lines for text in texts):
        length += 1
    return min(MAX_ROW_HEIGHT, length * 5.5 + 8)
