"""Regenerate templates/report.xlsx: named styles, sheet titles, header rows, widths, print setup.

Run from the repository root:  .venv/bin/python templates/make_template.py
The template is kept simple on purpose (openpyxl drops shapes and extended formatting when it
re-saves a file): charts, data validation and conditional formats are added by the export code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from assess.excel.cells import STYLE_HEADER, STYLE_TITLE, ensure_styles
from assess.excel.layout import HEADER_ROW, OVERVIEW, SHEETS, TITLE_ROW
from assess.excel.printing import setup_print
from assess.texts import Texts

TEMPLATE = Path(__file__).resolve().parent / "report.xlsx"


def build_template() -> Workbook:
    wb = Workbook()
    ensure_styles(wb)
    wb.remove(wb.active)
    t = Texts()  # the export renames sheets and rewrites headers in the workbook's language
    for layout in SHEETS:
        ws = wb.create_sheet(layout.name(t))
        # centred across the table's width without a merge: merges cost time at every export
        for col in range(1, len(layout.columns) + 1):
            ws.cell(TITLE_ROW, col).style = STYLE_TITLE
        ws.cell(TITLE_ROW, 1, layout.title(t))
        ws.row_dimensions[TITLE_ROW].height = 30
        for index, column in enumerate(layout.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
            if layout is not OVERVIEW:
                ws.cell(HEADER_ROW, index, column.header(t)).style = STYLE_HEADER
        if layout is not OVERVIEW:
            ws.row_dimensions[HEADER_ROW].height = 30  # room for two-line headers
            ws.freeze_panes = ws.cell(HEADER_ROW + 1, layout.frozen_cols + 1).coordinate
        title_rows = "" if layout is OVERVIEW else f"{HEADER_ROW}:{HEADER_ROW}"
        setup_print(ws, t, title_rows=title_rows, header_left="")
    return wb


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE
    build_template().save(target)
    print(f"written {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
