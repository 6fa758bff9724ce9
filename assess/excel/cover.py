"""The cover (封面) of the gap-analysis and department workbooks: the form block a ledger opens with.

Government ledgers open with 填报单位（盖章）, 填报人, 联系电话, 填报日期 and 审核人 / 审核意见,
signed on paper. What the assessment knows is filled in; the rest are blank lines to write on.
A department's 填报部门 / 填报人 / 联系电话 / 填报日期 are read back on import: the history
names who filled the workbook in, not the computer's user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from assess.excel.cells import (
    STYLE_BODY,
    STYLE_CENTER,
    STYLE_HEADER,
    STYLE_LABEL,
    STYLE_TITLE,
    merge,
    put_text,
)
from assess.excel.reader import ErrorValue, FormulaValue
from assess.excel.sizing import fit_row_height
from assess.lang import Lang
from assess.models import Assessment
from assess.review import ReviewInfo, review_state
from assess.texts import Text, Texts
from assess.texts import departments as dept_texts
from assess.texts.catalog import capitalised

ZH = Texts()
WIDTHS = (20, 14, 52, 16)
LAST_COL = len(WIDTHS)
LABELS_READ = (
    dept_texts.COVER_DEPARTMENT,
    dept_texts.COVER_FILLER,
    dept_texts.COVER_CONTACT,
    dept_texts.COVER_DATE,
)


@dataclass(frozen=True)
class CoverInfo:
    """What a department wrote on its cover; empty strings where it wrote nothing."""

    department: str = ""
    filler: str = ""
    contact: str = ""
    date: str = ""


def write_cover(
    wb: Workbook,
    assessment: Assessment,
    items: list[tuple[str, str, bool]],
    department: str,
    t: Texts = ZH,
) -> Worksheet:
    """The cover as the first sheet in the workbook's language; ``items`` (ID, title, led?)
    are listed for a department; the review block shows ``assess.review.review_state``."""
    ws = wb.create_sheet(t(dept_texts.COVER_SHEET), 0)
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    title = (
        t(dept_texts.COVER_DEPARTMENT_TITLE, zone=assessment.zone.name,
           period=assessment.period, department=department)
        if department
        else t(dept_texts.COVER_TITLE, zone=assessment.zone.name, period=assessment.period)
    )  # fmt: skip
    _merged(ws, 1, title, STYLE_TITLE)
    ws.row_dimensions[1].height = 36
    review = review_state(assessment)
    reviewer = " ".join(
        filter(None, (review.reviewer, review.date.isoformat() if review.date else ""))
    )
    filler = "" if department else assessment.assessor
    contact = "" if department else assessment.contact
    rows: list[tuple[Text, str]] = [
        (dept_texts.COVER_ZONE, assessment.zone.name),
        (dept_texts.COVER_PERIOD, assessment.period),
        (dept_texts.COVER_UNIT, ""),
        (dept_texts.COVER_DEPARTMENT, department),
        (dept_texts.COVER_FILLER, filler),
        (dept_texts.COVER_CONTACT, contact),
        (dept_texts.COVER_DATE, t(dept_texts.COVER_BLANK_DATE)),
        (dept_texts.COVER_REVIEW_STATE, review.state_text(t)),
        (dept_texts.COVER_REVIEWER, reviewer),
        (dept_texts.COVER_REVIEW, review.opinion),
        *_final_rows(review),
    ]
    row = 3
    for label, value in rows:
        put_text(ws, row, 1, capitalised(t(label)), STYLE_LABEL)  # a form's label: Phone
        put_text(ws, row, 2, value, STYLE_BODY)
        merge(ws, row, 2, row, LAST_COL, STYLE_BODY)
        tall = label is dept_texts.COVER_REVIEW or label is dept_texts.COVER_UNIT
        ws.row_dimensions[row].height = 60 if tall else 24
        row += 1
    row += 1
    _merged(ws, row, t(dept_texts.COVER_SIGNATURES), STYLE_BODY)
    ws.row_dimensions[row].height = 40
    row += 2
    how = dept_texts.COVER_HOW if department else dept_texts.COVER_HOW_FULL  # no 配合 rows
    _merged(ws, row, t(how), STYLE_BODY)
    fit_row_height(ws, row)
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, 48)
    if items:
        row += 2
        _merged(ws, row, t(dept_texts.COVER_ITEMS), STYLE_LABEL)
        row += 1
        for col, header in enumerate(t(dept_texts.COVER_ITEM_HEADERS).split("|"), start=1):
            put_text(ws, row, col + 1 if col > 1 else 1, header, STYLE_HEADER)
        merge(ws, row, 1, row, 2, STYLE_HEADER)
        role_lead, role_partner = t(dept_texts.ROLE_LEAD), t(dept_texts.ROLE_PARTNER)
        for item_id, item_title, led in items:
            row += 1
            put_text(ws, row, 1, item_id, STYLE_CENTER)
            merge(ws, row, 1, row, 2, STYLE_CENTER)
            put_text(ws, row, 3, item_title, STYLE_BODY)
            put_text(ws, row, 4, role_lead if led else role_partner, STYLE_CENTER)
            fit_row_height(ws, row)
    ws.print_area = f"A1:D{row}"
    return ws


def _final_rows(review: ReviewInfo) -> list[tuple[Text, str]]:
    """定稿人 (and 定稿意见) once final, as the report's 落款 names them."""
    if not review.finalizer:
        return []
    day = review.finalized.isoformat() if review.finalized else ""
    rows = [(dept_texts.COVER_FINALIZER, " ".join(filter(None, (review.finalizer, day))))]
    if review.final_opinion:
        rows.append((dept_texts.COVER_FINAL_OPINION, review.final_opinion))
    return rows


def _merged(ws: Worksheet, row: int, text: str, style: str) -> None:
    put_text(ws, row, 1, text, style)
    merge(ws, row, 1, row, LAST_COL, "" if style == STYLE_TITLE else style)  # a title has no box


def read_cover(rows: list[tuple[Any, ...]]) -> CoverInfo:
    """The cover's values, found by their labels in column A (either language, any case:
    covers exported before English labels were capitalised still read)."""
    found: dict[str, str] = {}
    labels = {Texts(lang)(entry).casefold(): entry.id for entry in LABELS_READ for lang in Lang}
    for values in rows[:20]:
        if len(values) < 2 or values[0] is None:
            continue
        key = labels.get(str(values[0]).strip().casefold())
        if key is not None and key not in found:
            found[key] = _cell(values[1])
    return CoverInfo(
        department=found.get(dept_texts.COVER_DEPARTMENT.id, ""),
        filler=found.get(dept_texts.COVER_FILLER.id, ""),
        contact=found.get(dept_texts.COVER_CONTACT.id, ""),
        date=found.get(dept_texts.COVER_DATE.id, ""),
    )


def _cell(value: Any) -> str:
    if value is None or isinstance(value, ErrorValue | FormulaValue):
        return ""  # a broken or never computed formula names nobody
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    text = str(value).strip()
    return "" if text == ZH(dept_texts.COVER_BLANK_DATE).strip() else text
