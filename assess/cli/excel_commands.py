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
from assess.departments import unassigned
from assess.errors import AssessError
from assess.lang import Lang
from assess.review import FinalizedError, finalized_message, is_final
from assess.storage import AssessmentFile, save
from assess.texts import cli as texts
from assess.texts import departments as dept_texts
from assess.texts.catalog import Texts
from assess.texts.profile import FIX_FILE

if TYPE_CHECKING:  # the commands import openpyxl only when they run
    from assess.checklist import Checklist
    from assess.excel.importer import ImportReport
    from assess.excel.intake import Intake
    from assess.models import Assessment


ZH, EN = Texts(Lang.ZH), Texts(Lang.EN)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="导出对标分析工作簿 / export the gap-analysis workbook",
        description="导出 Excel 对标分析台账（总览、逐项对标、逐项对标（打印）、差距清单、机遇清单、行动计划、"
        "佐证材料、质量检查、说明），A4 横向，打印不小于 9 磅。--measures 只导出部分举措；下发给部门用 "
        "--by-department（每个牵头部门一个工作簿）或 --department 名称（只导出这一个部门的）。\n"
        "Export the gap-analysis workbook (A4 landscape, printed at 9 pt or more). --measures limits it to some\n"
        "measures, e.g. --measures 1-5,13; to send departments their part use --by-department (one workbook per\n"
        "lead department) or --department NAME (just that one).",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, help="评估文件 / assessment FILE.json")
    p.add_argument(
        "-o", "--output", type=Path, help="输出 .xlsx；默认为“经开区-评估期-对标分析.xlsx”"
    )
    p.add_argument("--measures", help="举措编号，如 1-5,13 / measure numbers, e.g. 1-5,13")
    p.add_argument(
        "--by-department",
        action="store_true",
        help=f"{ZH(dept_texts.BY_DEPARTMENT_HELP)} / {EN(dept_texts.BY_DEPARTMENT_HELP)}",
    )
    p.add_argument(
        "--department",
        metavar="NAME",
        help=f"{ZH(dept_texts.DEPARTMENT_HELP)} / {EN(dept_texts.DEPARTMENT_HELP)}",
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
    add_lang(p)
    p.set_defaults(run=run_export)

    p = sub.add_parser(
        "import",
        help="导入回填的工作簿 / import filled-in workbooks",
        description="一次导入各部门交回的工作簿（文件或目录），与导出时的基准三方比对：未改动的单元格"
        "不覆盖办公室之后的修改；部门只能修改本部门牵头的条目；两处都改了同一项即为冲突，用 --prefer "
        "选择。任何问题都不写入，并逐一列出（工作簿、工作表、行、列）。\n"
        "Import all returned workbooks (files or a folder) at once, merged three ways against what\n"
        "each was exported with: an untouched cell never reverts the office's newer work; a\n"
        "department changes only its own items; conflicts are listed (--prefer decides). Any\n"
        "problem changes nothing and is listed with workbook, sheet, row and column.",
        formatter_class=Formatter,
    )
    p.add_argument(
        "workbooks",
        type=Path,
        nargs="+",
        help="回填的 .xlsx 或目录 / returned workbooks or a folder",
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--into", type=Path, help="写入已有评估文件 / update FILE.json")
    target.add_argument("-o", "--output", type=Path, help="新建评估文件 / create NEW.json")
    p.add_argument(
        "--dry-run", action="store_true", help="只列出将要修改的内容 / show changes, write nothing"
    )
    p.add_argument(
        "--prefer",
        choices=("workbook", "file"),
        help="冲突时采用工作簿或评估文件的值 / on conflicts keep the workbook's or the file's value",
    )
    p.add_argument(
        "--who", help="修改记录中的填报人（默认取自工作簿封面）/ who filled it in (default: cover)"
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
    if args.by_department or args.department is not None:
        return _export_by_department(args, assessment, t)
    measures = parse_measures(args.measures) if args.measures else None
    output = args.output or args.file.parent / default_report_name(assessment, args.lang)
    require_suffix(output, ".xlsx")
    refuse_overwrite(output, args.force)
    started = time.perf_counter()
    export_report(checklist(), assessment, output, measures=measures, lang=args.lang)
    print(t(texts.WRITTEN_IN, path=output, seconds=time.perf_counter() - started))
    return 0


def _export_by_department(args: argparse.Namespace, assessment: Assessment, t: Texts) -> int:
    from assess.excel.department_book import export_by_department, planned_books

    if args.measures or (args.by_department and args.department is not None):
        raise AssessError(dept_texts.BY_DEPARTMENT_AND_MEASURES)
    cl = checklist()
    one = args.department is not None
    output: Path = args.output or args.file.parent
    book = output if one and output.suffix.lower() == ".xlsx" else None
    directory = output.parent if book is not None else output
    if directory.exists() and not directory.is_dir():
        raise AssessError(dept_texts.NOT_A_FOLDER, path=directory)
    books = planned_books(cl, assessment, directory)
    if one:
        books = _one_department(args.department.strip(), books, assessment, t)
        if book is not None:
            books = [(name, book, items) for name, _path, items in books]
    if not books:
        raise AssessError(dept_texts.NOTHING_ASSIGNED)
    for _name, path, _items in books:
        refuse_overwrite(path, args.force)
    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    written = export_by_department(cl, assessment, books, lang=args.lang)
    for (name, _path, items), path in zip(books, written, strict=True):
        print(t(dept_texts.BOOK_WRITTEN, path=path, department=name, count=len(items)))
    left = [] if one else unassigned(cl, assessment)
    if left:
        shown = t.list_sep.join(left[:20]) + ("…" if len(left) > 20 else "")
        note(t, t(dept_texts.NOT_EXPORTED, count=len(left), items=shown), stdout=True)
    print(t(dept_texts.SECONDS, seconds=time.perf_counter() - started))
    return 0


def _one_department(
    name: str, books: list[tuple[str, Path, list[str]]], assessment: Assessment, t: Texts
) -> list[tuple[str, Path, list[str]]]:
    """The named department's book; an unknown name is refused with the zone's list."""
    if name not in assessment.departments:
        known = t.list_sep.join(assessment.departments) or t(dept_texts.NO_DEPARTMENTS_YET)
        raise AssessError(dept_texts.EXPORT_UNKNOWN_DEPARTMENT, name=name, known=known)
    mine = [b for b in books if b[0] == name]
    if not mine:
        raise AssessError(dept_texts.LEADS_NOTHING, name=name)
    return mine


def workbook_paths(given: list[Path]) -> list[Path]:
    """Files as given; a folder stands for its .xlsx files (not Excel's ~$ lock files)."""
    out: list[Path] = []
    for path in given:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
            )
            if not found:
                raise AssessError(dept_texts.NO_WORKBOOK_IN_FOLDER, path=path)
            out += found
        else:
            out.append(path)
    return out


def run_import(args: argparse.Namespace) -> int:
    from assess.excel.importer import new_from_workbook
    from assess.profile_rules import profile_violations

    t = Texts(args.lang)
    cl = checklist()
    paths = workbook_paths(args.workbooks)
    if args.output is not None:
        if len(paths) != 1:
            raise AssessError(dept_texts.ONE_WORKBOOK_ONLY)
        refuse_overwrite(args.output, args.force)
        assessment, report = new_from_workbook(paths[0], cl)
        for line in report.notes:
            note(t, line.render(t), stdout=True)
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
        _print(cl, *_import(paths, cl, assessment, args), t, args.into.name)
        print(t(texts.DRY_RUN))
        return 0
    with AssessmentFile(args.into) as handle:
        loaded = handle.load(cl)
        if is_final(loaded.assessment):
            raise FinalizedError(finalized_message(loaded.assessment))
        result, report = _import(paths, cl, loaded.assessment, args)
        _print(cl, result, report, t, args.into.name)
        if report.changes or loaded.migration is not None:
            handle.save(loaded.assessment)
            print(t(texts.SAVED, path=args.into))
        else:
            print(t(texts.UNCHANGED))
    return 0


def _import(
    paths: list[Path], cl: Checklist, assessment: Assessment, args: argparse.Namespace
) -> tuple[Intake, ImportReport]:
    from assess.excel.conflicts import ConflictsRefused, conflict_lines
    from assess.excel.importer import import_many

    try:
        return import_many(paths, cl, assessment, who=args.who, prefer=args.prefer)
    except ConflictsRefused as exc:
        t = Texts(args.lang)
        found = conflict_lines(exc.conflicts, t, file_name=args.into.name, places=exc.places)
        lines = "\n".join(f"  - {line}" for line in found)
        raise AssessError(f"{exc.render(t)}\n{lines}") from None


def _print(cl: Checklist, result: Intake, report: ImportReport, t: Texts, file_name: str) -> None:
    from assess.excel.conflicts import conflict_lines
    from assess.excel.intake_summary import summary_lines

    for line in report.lines(t):
        print(line)
    if result.plan.conflicts:
        print(t(dept_texts.CONFLICTS_DECIDED, count=len(result.plan.conflicts)))
        places = result.places
        for line in conflict_lines(result.plan.conflicts, t, file_name=file_name, places=places):
            print(f"  {line}")
    for line in summary_lines(result, cl, t):
        print(line)
