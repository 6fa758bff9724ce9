"""Workbook sub-commands: export (对标分析台账) and import (departments' returned workbooks)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assess.cli.common import (
    Formatter,
    add_lang,
    checklist,
    load_reporting,
    note,
    refuse_overwrite,
    require_suffix,
)
from assess.cli.core_commands import violation_with_fix
from assess.errors import AssessError
from assess.review import FinalizedError, finalized_message, is_final
from assess.storage import AssessmentFile, save
from assess.texts import cli as texts
from assess.texts.catalog import Texts
from assess.texts.profile import FIX_FILE

if TYPE_CHECKING:  # the commands import openpyxl only when they run
    from assess.excel.importer import ImportReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="导出对标分析工作簿 / export the gap-analysis workbook",
        description="导出 Excel 对标分析台账（总览、逐项对标、逐项对标（打印）、差距清单、机遇清单、行动计划、"
        "佐证材料、质量检查、说明），A4 横向，打印不小于 9 磅。--measures 只导出部分举措，供各部门分头填写。\n"
        "Export the gap-analysis workbook (A4 landscape, printed at 9 pt or more). --measures limits it to some measures,\n"
        "e.g. --measures 1-5,13 for one department.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, help="评估文件 / assessment FILE.json")
    p.add_argument(
        "-o", "--output", type=Path, help="输出 .xlsx；默认为“经开区-评估期-对标分析.xlsx”"
    )
    p.add_argument("--measures", help="举措编号，如 1-5,13 / measure numbers, e.g. 1-5,13")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
    add_lang(p)
    p.set_defaults(run=run_export)

    p = sub.add_parser(
        "import",
        help="导入回填的工作簿 / import a filled-in workbook",
        description="读取工作簿的“逐项对标”“行动计划”“佐证材料”表，按条目编号写回评估文件；"
        "空白单元格不覆盖已有内容；工作簿有任何问题时不写入，并逐一列出（工作表、行、列）。\n"
        "Read a returned workbook back into an assessment, matched by item ID; empty cells never\n"
        "overwrite; a workbook with problems changes nothing and every problem is listed.",
        formatter_class=Formatter,
    )
    p.add_argument("workbook", type=Path, help="回填的 .xlsx / the returned workbook")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--into", type=Path, help="写入已有评估文件 / update FILE.json")
    target.add_argument("-o", "--output", type=Path, help="新建评估文件 / create NEW.json")
    p.add_argument(
        "--dry-run", action="store_true", help="只列出将要修改的内容 / show changes, write nothing"
    )
    p.add_argument("--force", action="store_true", help="覆盖已有的 -o 文件 / overwrite -o")
    add_lang(p)
    p.set_defaults(run=run_import)


def parse_measures(spec: str) -> list[int]:
    """``1-5,13`` → [1, 2, 3, 4, 5, 13]."""
    numbers: list[int] = []
    for part in spec.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        low, sep, high = part.partition("-")
        try:
            first, last = int(low), int(high if sep else low)
        except ValueError:
            raise AssessError(texts.MEASURES_FORMAT, spec=spec) from None
        if first > last:
            first, last = last, first
        numbers.extend(range(first, last + 1))
    if not numbers:
        raise AssessError(texts.MEASURES_EMPTY)
    return numbers


def run_export(args: argparse.Namespace) -> int:
    from assess.excel.report import default_report_name, export_report

    t = Texts(args.lang)
    assessment = load_reporting(args.file, t).assessment
    measures = parse_measures(args.measures) if args.measures else None
    output = args.output or args.file.parent / default_report_name(assessment, args.lang)
    require_suffix(output, ".xlsx")
    refuse_overwrite(output, args.force)
    started = time.perf_counter()
    export_report(checklist(), assessment, output, measures=measures, lang=args.lang)
    print(t(texts.WRITTEN_IN, path=output, seconds=time.perf_counter() - started))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from assess.excel.importer import import_into, new_from_workbook
    from assess.profile_rules import profile_violations

    t = Texts(args.lang)
    cl = checklist()
    if args.output is not None:
        refuse_overwrite(args.output, args.force)
        assessment, report = new_from_workbook(args.workbook, cl)
        for line in report.notes:  # both languages: made by the import pipeline
            note(t, line, stdout=True)
        for violation in profile_violations(assessment.zone):
            note(t, violation_with_fix(violation, t, FIX_FILE), stdout=True)
        filled = sum(1 for r in assessment.items.values() if not r.is_blank())
        counts = t(texts.IMPORT_COUNTS, filled=filled, evidence=len(assessment.evidence))
        if args.dry_run:
            print(f"{t(texts.DRY_RUN)}{counts}")
        else:
            save(args.output, assessment)
            print(t(texts.IMPORT_CREATED, path=args.output, counts=counts))
        return 0
    if args.dry_run:
        assessment = load_reporting(args.into, t).assessment
        _print(import_into(args.workbook, cl, assessment))
        print(t(texts.DRY_RUN))
        return 0
    with AssessmentFile(args.into) as handle:
        loaded = handle.load(cl)
        if is_final(loaded.assessment):
            raise FinalizedError(finalized_message(loaded.assessment))
        report = import_into(args.workbook, cl, loaded.assessment)
        _print(report)
        if report.changes or loaded.migration is not None:
            handle.save(loaded.assessment)
            print(t(texts.SAVED, path=args.into))
        else:
            print(t(texts.UNCHANGED))
    return 0


def _print(report: ImportReport) -> None:
    for line in report.lines():
        print(line)
