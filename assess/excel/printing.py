"""Page setup so every sheet prints as a legible A4 ledger (台账).

A4 landscape at a fixed scale of 90–100 %: body text is 10 pt, so nothing prints below 9 pt.
A sheet that fits the page width at 90 % or more prints one page across; a wider one (the
full 逐项对标) continues on pages to the right, its key columns repeated on each, rather than
shrinking to an unreadable 5 pt. Header rows repeat on every page; zone and period in the
page header, the date on the right, the page number (in the workbook's language) and the
checklist in words below.
"""

from __future__ import annotations

import datetime as dt
import math

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assess.excel.cells import BODY_FONT, clean_text
from assess.texts import Texts
from assess.texts import printing as print_words

# Excel refuses a header/footer longer than 255 characters (codes included).
_MAX_SECTION_CHARS = 80

MARGIN_INCHES = 0.4
A4_LANDSCAPE_WIDTH_PT = 841.9
PRINTABLE_WIDTH_PT = A4_LANDSCAPE_WIDTH_PT - 2 * 72 * MARGIN_INCHES
TOP_MARGIN_INCHES = 0.6  # and bottom: the page header and footer sit in these margins
A4_LANDSCAPE_HEIGHT_PT = 595.3
PRINTABLE_HEIGHT_PT = A4_LANDSCAPE_HEIGHT_PT - 2 * 72 * TOP_MARGIN_INCHES
# One column-width unit on paper with 宋体 10 pt as the workbook's default font, as measured in
# LibreOffice's PDF (Excel and WPS draw columns narrower, so they only gain room).
POINTS_PER_WIDTH_UNIT = 6.35
DEFAULT_WIDTH_UNITS = 8.43
MIN_SCALE = 90  # 10 pt text × 90 % = 9 pt
# The widest sheet that prints one page across at MIN_SCALE, in column-width units.
ONE_PAGE_UNITS = math.floor(10 * PRINTABLE_WIDTH_PT * 100 / MIN_SCALE / POINTS_PER_WIDTH_UNIT) / 10
HEADER_FOOTER_SIZE = 10  # LibreOffice scales it with the sheet: ≥ 9 pt at 90 %


def header_text(text: str) -> str:
    """User text made safe for a header/footer section: no codes, no control chars, short."""
    text = " ".join(clean_text(text).split())
    if len(text) > _MAX_SECTION_CHARS:
        text = text[: _MAX_SECTION_CHARS - 1] + "…"
    return text.replace("&", "&&")


def made_on(t: Texts, today: dt.date | None = None) -> str:
    """The dated header of a workbook made from files (compare, roll-up): 制表日期 2026-12-01."""
    return t(print_words.MADE_ON, date=(today or dt.date.today()).isoformat())


def sheet_width_units(ws: Worksheet) -> float:
    """The printed width of the used columns, in column-width units."""
    return sum(
        ws.column_dimensions[get_column_letter(col)].width or DEFAULT_WIDTH_UNITS
        for col in range(1, ws.max_column + 1)
    )


def print_scale(ws: Worksheet) -> int:
    """The largest scale (≤ 100 %) that fits one page across, but never below 90 %."""
    width_pt = sheet_width_units(ws) * POINTS_PER_WIDTH_UNIT
    fit = math.floor(100 * PRINTABLE_WIDTH_PT / width_pt) if width_pt else 100
    return max(MIN_SCALE, min(100, fit))


def page_height(ws: Worksheet) -> float:
    """How many points of row height one printed page holds at the sheet's scale."""
    return PRINTABLE_HEIGHT_PT * 100 / print_scale(ws)


def setup_print(
    ws: Worksheet,
    t: Texts,
    *,
    title_rows: str,
    header_left: str,
    header_right: str = "",
    footer_left: str = "",
    print_area: str | None = None,
) -> None:
    """A4 landscape at ``print_scale``, repeat ``title_rows`` (e.g. ``"2:2"``) on every page.

    Call it once the columns have their widths. ``header_left`` is typically "zone name
    period"; the sheet name is centred in the header; ``header_right`` (the date) and
    ``footer_left`` (the checklist in words) are optional. The footer centre numbers the
    pages in the workbook's language (第 &P 页 / 共 &N 页, Page &P of &N). A sheet wider than the page repeats its frozen columns on each page.
    """
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = print_scale(ws)
    ws.page_setup.pageOrder = "overThenDown"  # a wide table reads row block by row block
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_INCHES
    ws.page_margins.top = ws.page_margins.bottom = TOP_MARGIN_INCHES
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    frozen = ws.freeze_panes
    wide = sheet_width_units(ws) * POINTS_PER_WIDTH_UNIT * ws.page_setup.scale / 100
    if frozen and wide > PRINTABLE_WIDTH_PT:
        key_columns = ws[frozen].column - 1
        if key_columns:
            ws.print_title_cols = f"A:{get_column_letter(key_columns)}"
    if print_area:
        ws.print_area = print_area
    sections = (
        (ws.oddHeader.left, header_text(header_left)),
        (ws.oddHeader.center, "&A"),
        (ws.oddHeader.right, header_text(header_right)),
        (ws.oddFooter.left, header_text(footer_left)),
        (ws.oddFooter.center, t(print_words.PAGE_OF)),
    )
    for part, text in sections:
        part.text = text or None
        part.font = f"{BODY_FONT},常规" if text else None
        part.size = HEADER_FOOTER_SIZE if text else None
