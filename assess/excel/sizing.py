"""Column widths and row heights for wrapped text, so every program shows and prints all lines.

Excel does not grow rows for wrapped text written by a program, so a ledger would print one
line per cell; the height is estimated by breaking the text as the programs do (English
between words, Chinese anywhere; CJK = 2 units). A column is at least as wide as its longest
word, or “in progress” prints as “progres/s”.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess.textwidth import char_width

LINE_HEIGHT = 14.0  # points per line at 10 pt, with room for CJK fallback fonts
MAX_ROW_HEIGHT = 409.0  # Excel's limit
DEFAULT_COLUMN_WIDTH = 8.43


# What a character takes on paper, in column-width units (the width of “0”): a CJK character
# two, a narrow or broad Latin letter less or more, as LibreOffice's PDF measured them.
_NARROW = frozenset("fijlrtI.,;:!'’|()[]")
_BROAD = frozenset("mwMW@%")
CELL_PADDING = 0.5  # a cell's inner margins: a column is this much wider than its longest word
MIN_COLUMN = 6.0  # no text column is narrowed below six characters' width
BOLD = 1.1  # a bold letter is about a tenth wider
LONGEST_WORD = (
    16.0  # a longer run (a link, a path, a file number) breaks anyway: no column widens for it
)


@lru_cache(maxsize=8192)  # widths and heights measure the same texts again (export speed)
def print_width(text: str) -> float:
    """The width ``text`` takes on paper, in column-width units."""
    return sum(map(_char_width, text))


@cache  # one entry per distinct character
def _char_width(ch: str) -> float:
    if char_width(ch) == 2:
        return 2.0
    if ch == " ":
        return 0.5
    if ch in _NARROW:
        return 0.7
    return 1.3 if ch in _BROAD or ch.isupper() else 1.0


def _tokens(paragraph: str) -> list[str]:
    """Where a line may break: between words, after a hyphen or slash, around a CJK character."""
    tokens: list[str] = []
    word = ""
    for ch in paragraph:
        if ch.isspace() or char_width(ch) == 2:
            tokens += [word, ch] if word else [ch]
            word = ""
        else:
            word += ch
            if ch in "-/":
                tokens.append(word)
                word = ""
    return [*tokens, word] if word else tokens


@lru_cache(maxsize=4096)
def longest_word(text: str) -> float:
    """The widest run of ``text`` no line break may cut (an English word), at most LONGEST_WORD."""
    words = (print_width(t) for t in _tokens(text) if not t.isspace())
    return min(LONGEST_WORD, max(words, default=0.0))


@lru_cache(maxsize=4096)
def text_lines(text: str, column_width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell of ``column_width`` character units.

    Lines break as LibreOffice, Excel and WPS break them: English between words, Chinese
    between any two characters; only a word wider than the cell is cut.
    """
    usable = max(column_width, 1.0)  # the letters' widths above err on the wide side
    return sum(_paragraph_lines(part, usable) for part in text.split("\n"))


def _paragraph_lines(paragraph: str, usable: float) -> int:
    lines, used = 1, 0.0
    for token in _tokens(paragraph):
        size = print_width(token)
        if token.isspace():
            used += size
            continue
        if char_width(token[0]) == 2:  # Chinese fills the line: measured as its old estimate
            used += size
            if used > usable:
                lines, used = lines + 1, used - usable
            continue
        if used and used + size > usable:
            lines, used = lines + 1, 0.0
        cut = max(0, math.ceil(size / usable) - 1)  # a word wider than the line is cut
        lines, used = lines + cut, used + size - cut * usable
    return lines


def fit_row_height(
    ws: Worksheet, row: int, *, min_lines: int = 1, columns: int | None = None, bold: bool = False
) -> None:
    """Set ``row``'s height to show every line of its wrapped cells (merged cells excluded).

    Only text wraps: a number or a date shows on one line in its format (62.5, not the
    62.49999… it holds), so it never makes a row taller. ``columns`` (the table's width)
    spares a scan of the whole sheet for its last column; ``bold`` (a header row): wider letters.
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
        usable = (dim.width or DEFAULT_COLUMN_WIDTH) / (BOLD if bold else 1.0)
        lines = max(lines, text_lines(value, usable))
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


def fit_widths(widths: list[float], needs: list[float], budget: float | None) -> list[float]:
    """Widen each column to its ``needs`` (its longest word: no word is cut), then, when that
    passes ``budget`` units (one page across), narrow the columns with room to spare, each by
    its share of the room: the long texts get more lines, the labels stay whole."""
    out = [max(w, n) for w, n in zip(widths, needs, strict=True)]
    excess = sum(out) - budget if budget is not None else 0.0
    room = [max(0.0, w - max(n, MIN_COLUMN)) for w, n in zip(out, needs, strict=True)]
    if excess > 0 and sum(room) > 0:
        share = min(1.0, excess / sum(room))
        out = [w - r * share for w, r in zip(out, room, strict=True)]
    return [round(w, 2) for w in out]
