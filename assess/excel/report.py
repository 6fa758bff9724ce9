"""The gap-analysis workbook (对标分析台账): export of one assessment to the report template.

Sheets, in order: 总览, 逐项对标, 逐项对标（打印）, 差距清单, 机遇清单, 行动计划, 佐证材料, 质量检查,
说明 (the print sheet is made here; the others come from the template).
``--measures`` gives a department the same workbook limited to its measures; its 逐项对标 and
行动计划 sheets come back through ``assess.excel.importer``.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
import re
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.dimensions import DimensionHolder
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Checklist
from assess.departments import items_of
from assess.errors import AssessError
from assess.excel import layout, sheets
from assess.excel.base_sheet import base_of, write_base
from assess.excel.context import ReportContext
from assess.excel.cover import write_cover
from assess.excel.locking import NEVER_READ, READ_COLUMNS, open_only, read_only
from assess.excel.overview import write_overview
from assess.excel.policy_sheets import write_policy_sheets
from assess.excel.print_ledger import NAME as PRINT_LEDGER
from assess.excel.print_ledger import write_print_ledger
from assess.excel.printing import setup_print
from assess.excel.saving import workbook_bytes
from assess.excel.tables import write_headings
from assess.lang import Lang
from assess.models import Assessment
from assess.resources import template_path
from assess.storage import write_atomic
from assess.texts import Texts
from assess.texts import printing as print_words
from assess.texts.workbook import FILE_STEM

_ILLEGAL_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def default_report_name(assessment: Assessment, lang: Lang = Lang.ZH) -> str:
    """e.g. 示例经济技术开发区-2026年下半年-对标分析.xlsx, safe as a Windows file name."""
    kind = Texts(lang)(FILE_STEM)
    stem = safe_file_stem(f"{assessment.zone.name}-{assessment.period}-{kind}")
    return f"{stem or kind}.xlsx"


def safe_file_stem(stem: str) -> str:
    """Characters Windows forbids in file names replaced, trimmed to 120 characters."""
    return _ILLEGAL_IN_FILE_NAMES.sub("_", stem).strip(" .")[:120]


def export_report(
    checklist: Checklist,
    assessment: Assessment,
    path: Path,
    *,
    measures: Collection[int] | None = None,
    today: dt.date | None = None,
    lang: Lang = Lang.ZH,
    department: str = "",
    only: Collection[str] | None = None,
) -> Path:
    """Write the workbook to ``path`` atomically (temp file + rename) and return the path.

    ``measures`` limits the workbook to those measure numbers (a department's part);
    ``today`` decides what is overdue and the report date; ``lang`` is the workbook's language;
    ``department`` and ``only`` make a department's workbook of the items it leads or partners
    (``assess.excel.department_book``).
    """
    workbook = build_workbook(
        checklist, assessment, measures=measures, today=today, lang=lang,
        department=department, only=only,
    )  # fmt: skip
    path = Path(path)
    write_atomic(path, workbook_bytes(workbook), keep_backup=False)
    return path


def build_workbook(
    checklist: Checklist,
    assessment: Assessment,
    *,
    measures: Collection[int] | None = None,
    today: dt.date | None = None,
    lang: Lang = Lang.ZH,
    department: str = "",
    only: Collection[str] | None = None,
) -> Workbook:
    ctx = ReportContext.build(checklist, assessment, measures, today, lang, only)
    wb = _open_template()
    writers = (
        write_overview, sheets.write_items, sheets.write_gaps, sheets.write_opportunities,
        sheets.write_actions, sheets.write_evidence, sheets.write_quality, sheets.write_notes,
    )  # fmt: skip
    for sheet, ws, write in zip(layout.SHEETS, wb.worksheets, writers, strict=True):
        write_headings(ws, sheet, ctx.t)
        write(ws, ctx)
        if sheet in NEVER_READ:
            read_only(ws)
    ledger = wb.create_sheet(
        ctx.t(PRINT_LEDGER), index=wb.sheetnames.index(layout.ITEMS.name(ctx.t)) + 1
    )
    write_print_ledger(ledger, ctx)
    read_only(ledger)
    write_policy_sheets(wb, ctx)
    lead = set(items_of(checklist, assessment, department)) if department else set()
    partner = {i.id for i in ctx.items if i.id not in lead} if department else set()
    for sheet, read, added in READ_COLUMNS:
        open_only(wb[sheet.name(ctx.t)], sheet, read, added, closed=partner)
    listed = [(i.id, ctx.item_title(i), i.id in lead) for i in ctx.items] if department else []
    write_cover(wb, assessment, listed, department, ctx.t)
    for ws in wb.worksheets:
        _page_header(ws, ctx, department)
    item_ids = [i.id for i in ctx.items]
    write_base(wb, base_of(checklist, assessment, item_ids, department, ctx.limited), ctx.t)
    wb.active = 0
    return wb


def _page_header(ws: Worksheet, ctx: ReportContext, department: str) -> None:
    """Every page says whose it is: the zone and period, and a department's workbook the
    department (its printed pages lie among the others' on the office's desk)."""
    rows = ws.print_title_rows or ""
    setup_print(
        ws,
        ctx.t,
        title_rows=rows.replace("$", ""),
        header_left="　".join(filter(None, (ctx.zone_line, department))),
        header_right=ctx.t(print_words.REPORT_DATE, date=ctx.today.isoformat()),
        footer_left=ctx.t(print_words.FOOTER, version=ctx.checklist.version),
    )


def _open_template() -> Workbook:
    """A fresh copy of templates/report.xlsx, parsed and checked once per process."""
    copy: Workbook = pickle.loads(_template_pickle(template_path()))
    return copy


@cache
def _template_pickle(path: Path) -> bytes:
    """The parsed template as a pickle: unpickling a copy takes a seventh of the time of
    parsing the file again (this process's own bytes, never read from elsewhere)."""
    try:
        wb = load_workbook(path)
    except (OSError, BadZipFile, KeyError) as exc:
        raise AssessError(
            f"{path}: 无法读取报告模板，请重新安装 assess 或运行 templates/make_template.py "
            f"/ cannot read the report template; reinstall or regenerate it ({exc})"
        ) from None
    expected = [sheet.name(Texts()) for sheet in layout.SHEETS]
    if wb.sheetnames != expected:
        raise AssessError(
            f"{path}: 报告模板的工作表与程序不一致，请运行 templates/make_template.py 重新生成 "
            f"/ the template's sheets {wb.sheetnames} differ from {expected}; regenerate it"
        )
    buffer = io.BytesIO()
    _TemplatePickler(buffer).dump(wb)
    return buffer.getvalue()


class _TemplatePickler(pickle.Pickler):
    """Pickles a workbook: openpyxl's row and column dimension holders (defaultdicts bound to
    their sheet) would unpickle without their factory."""

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, DimensionHolder):
            return _dimensions, (obj.worksheet, obj.reference, obj.default_factory, dict(obj))
        return NotImplemented


def _dimensions(
    worksheet: Worksheet, reference: str, factory: object, items: dict[object, object]
) -> DimensionHolder:
    holder = DimensionHolder(worksheet, reference, factory)
    holder.update(items)
    return holder
