"""Which cells of the workbook take typing: the ones the import reads, and no others.

A list made from the other sheets (差距清单, the print ledger…) is never read back, nor are the
copies on the sheets that are: the policy's text and the item's place on 逐项对标, the status
and 说明 shown again on 上级事项 and 推进进度. A department typing there saw "0 处修改" and
its work gone; Excel/WPS now refuse the typing (工作表受保护, no password) instead.
"""

from __future__ import annotations

from collections.abc import Collection

from openpyxl.styles import Protection
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.excel import layout
from assess.excel.layout import HEADER_ROW, SheetLayout
from assess.excel.policy_layout import PACE, REQUESTS
from assess.excel.policy_sheets import ROOM

OPEN = Protection(locked=False)

# Lists made from the other sheets, which the import never reads (nor the print ledger).
NEVER_READ = (layout.GAPS, layout.OPPORTUNITIES, layout.QUALITY, layout.NOTES)

# The read sheets' columns that come back (the rest of each is a copy). On 推进进度 a row
# added below the listed ones names its item, so its 编号 cell is open there too.
ITEMS_READ = tuple(layout.ITEMS.keys[layout.ITEMS.col(fields.STATUS.id) - 1 :])
READ_COLUMNS: tuple[tuple[SheetLayout, tuple[str, ...], tuple[str, ...]], ...] = (
    (layout.ITEMS, ITEMS_READ, ()),
    (REQUESTS, (fields.ASKED_OF.id,), ()),
    (PACE, (fields.SCHEDULE.id,), ("item_id",)),
)


def read_only(ws: Worksheet) -> None:
    """Excel/WPS refuse typing in the sheet's locked cells (all, unless opened below), with no
    password; widths, heights and filters stay free."""
    guard = ws.protection
    guard.sheet = True
    guard.formatColumns = guard.formatRows = guard.autoFilter = False


def open_only(
    ws: Worksheet,
    sheet: SheetLayout,
    read: tuple[str, ...],
    added: tuple[str, ...],
    closed: Collection[str] = (),
) -> None:
    """Lock ``ws`` but for the ``read`` columns of its rows, save the rows of the ``closed``
    items (a department's 配合（只读） items: the import refuses their edits); with ``added``,
    ROOM rows below them open those columns too (where a department adds a row)."""
    read_only(ws)
    last = ws.max_row
    id_column = sheet.col("item_id")
    rows = [
        row
        for row in range(HEADER_ROW + 1, last + (ROOM if added else 0) + 1)
        if ws.cell(row, id_column).value not in closed
    ]
    for key in read:
        column = sheet.col(key)
        for row in rows:
            ws.cell(row, column).protection = OPEN
    for key in added:
        column = sheet.col(key)
        for row in range(last + 1, last + ROOM + 1):
            ws.cell(row, column).protection = OPEN
