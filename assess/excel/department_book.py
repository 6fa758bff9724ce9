"""One workbook per 牵头部门 (``assess export --by-department``): its items, evidence and actions.

A department gets the items it leads, to fill in, and the items where it is only 配合部门,
marked 配合（只读）: it sees what it contributes to, but only the lead's workbook changes them
(two departments writing one item would only make conflicts). Each workbook carries its base,
so the office can go on working while departments fill theirs in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assess.checklist import Checklist
from assess.departments import items_of
from assess.excel.report import export_report, safe_file_stem
from assess.lang import Lang
from assess.models import Assessment


def department_file_name(assessment: Assessment, department: str) -> str:
    """“经开区-评估期-部门.xlsx”, safe as a Windows file name."""
    stem = safe_file_stem(f"{assessment.zone.name}-{assessment.period}-{department}")
    return f"{stem or department}.xlsx"


def planned_books(
    checklist: Checklist, assessment: Assessment, directory: Path
) -> list[tuple[str, Path, list[str]]]:
    """(department, file, items it leads or partners) for each department leading anything."""
    out = []
    for department in assessment.departments:
        if items_of(checklist, assessment, department):
            items = items_of(checklist, assessment, department, "any")
            out.append(
                (department, directory / department_file_name(assessment, department), items)
            )
    return out


def export_by_department(
    checklist: Checklist,
    assessment: Assessment,
    books: list[tuple[str, Path, list[str]]],
    today: dt.date | None = None,
    lang: Lang = Lang.ZH,
) -> list[Path]:
    """Write each planned workbook atomically (making their folder); return the files written."""
    for _name, path, _items in books:
        path.parent.mkdir(parents=True, exist_ok=True)
    return [
        export_report(
            checklist, assessment, path, today=today, lang=lang, department=name, only=items
        )
        for name, path, items in books
    ]
