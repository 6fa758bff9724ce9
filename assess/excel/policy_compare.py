"""The policy's block of the comparison workbook: both rates and own tasks, claims and tasks
that moved (under the change classes of the 对比总览 sheet)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from assess.compare import Comparison, score_delta
from assess.excel.cells import (
    STYLE_BODY,
    STYLE_HEADER,
    STYLE_LABEL,
    STYLE_SCORE,
    put_number,
    put_text,
)
from assess.texts import Texts
from assess.texts.policy_changes import change_lines


def write_policy_block(ws: Worksheet, row: int, c: Comparison, t: Texts) -> int:
    """Write from ``row`` down; return the last row written."""
    row += 2
    for col, text in enumerate(("", "A", "B", "Δ"), 1):
        put_text(ws, row, col, text, STYLE_HEADER)
    for label, a, b in c.rate_rows():
        row += 1
        put_text(ws, row, 1, t(label), STYLE_LABEL)
        put_number(ws, row, 2, a.value, style=STYLE_SCORE)
        put_number(ws, row, 3, b.value, style=STYLE_SCORE)
        delta = put_number(ws, row, 4, score_delta(a, b), style=STYLE_SCORE)
        delta.number_format = "+0.0;-0.0;0.0"
    for line in change_lines(c, t):
        if line:
            row += 1
            put_text(
                ws, row, 1, line.strip(), STYLE_LABEL if not line.startswith(" ") else STYLE_BODY
            )
    return row
