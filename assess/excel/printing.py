"""Page setup so every sheet prints as a proper A4 ledger (台账).

A4 landscape, fitted to the page width (as many pages down as needed), header rows repeated
on every page, zone and period in the page header and 第 X 页 / 共 Y 页 in the footer.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from assess.excel.cells import BODY_FONT, clean_text

# Excel refuses a header/footer longer than 255 characters (codes included).
_MAX_SECTION_CHARS = 80


def header_text(text: str) -> str:
    """User text made safe for a header/footer section: no codes, no control chars, short."""
    text = " ".join(clean_text(text).split())
    if len(text) > _MAX_SECTION_CHARS:
        text = text[: _MAX_SECTION_CHARS - 1] + "…"
    return text.replace("&", "&&")


def setup_print(
    ws: Worksheet,
    *,
    title_rows: str,
    header_left: str,
    header_right: str = "",
    footer_left: str = "",
    print_area: str | None = None,
) -> None:
    """A4 landscape, fit to width, repeat ``title_rows`` (e.g. ``"2:2"``) on every page.

    ``header_left`` is typically "zone name　period"; the sheet name is centred in the header;
    ``header_right`` (e.g. the generation date) and ``footer_left`` (e.g. the checklist
    version) are optional. The footer centre reads 第 &P 页 / 共 &N 页.
    """
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    if print_area:
        ws.print_area = print_area
    sections = (
        (ws.oddHeader.left, header_text(header_left)),
        (ws.oddHeader.center, "&A"),
        (ws.oddHeader.right, header_text(header_right)),
        (ws.oddFooter.left, header_text(footer_left)),
        (ws.oddFooter.center, "第 &P 页 / 共 &N 页"),
    )
    for part, text in sections:
        part.text = text or None
        part.font = f"{BODY_FONT},常规" if text else None
        part.size = 9 if text else None
