"""Workbook sub-commands: export (对标分析台账) and import (departments' returned workbooks)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from assess.checklist import Checklist
from assess.cli.common import Formatter, checklist, load_reporting, refuse_overwrite
from assess.cli.core_commands import violation_both
from assess.departments import unassigned
from assess.errors import AssessError
from assess.excel.department_book import export_by_department, planned_books
from assess.excel.importer import ImportReport, import_many, new_from_workbook
from assess.excel.intake import Intake, conflict_lines, summary_lines
from assess.excel.report import default_report_name, export_report
from assess.merge import MergeRefused
from assess.models import Assessment
from assess.profile_rules import profile_violations
from assess.storage import AssessmentFile, save
from assess.texts.profile import FIX_FILE


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="导出对标分析工作簿 / export the gap-analysis workbook",
        description="导出 Excel 对标分析台账（总览、逐项对标、差距清单、机遇清单、行动计划、佐证材料、"
        "质量检查、说明），A4 横向打印。--measures 只导出部分举措，供各部门分头填写。\n"
        "Export the gap-analysis workbook (A4 landscape). --measures limits it to some measures,\n"
        "e.g. --measures 1-5,13 for one department.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, help="评估文件 / assessment FILE.json")
    p.add_argument(
        "-o", "--output", type=Path, help="输出 .xlsx；默认为「经开区-评估期-对标分析.xlsx」"
    )
    p.add_argument("--measures", help="举措编号，如 1-5,13 / measure numbers, e.g. 1-5,13")
    p.add_argument(
        "--by-department",
        action="store_true",
        help="每个牵头部门一个工作簿，-o 为目录 / one workbook per lead department; -o is a folder",
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
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
            raise AssessError(
                f"--measures「{spec}」格式应为 1-5,13 / expected a list like 1-5,13"
            ) from None
        if first > last:
            first, last = last, first
        numbers.extend(range(first, last + 1))
    if not numbers:
        raise AssessError("--measures 不能为空 / must not be empty")
    return numbers


def run_export(args: argparse.Namespace) -> int:
    assessment = load_reporting(args.file).assessment
    if args.by_department:
        return _export_by_department(args, assessment)
    measures = parse_measures(args.measures) if args.measures else None
    output = args.output or args.file.parent / default_report_name(assessment)
    if output.suffix.lower() != ".xlsx":
        raise AssessError(f"{output}: 输出文件应以 .xlsx 结尾 / the output must end in .xlsx")
    refuse_overwrite(output, args.force)
    started = time.perf_counter()
    export_report(checklist(), assessment, output, measures=measures)
    print(f"已导出 / exported {output}（{time.perf_counter() - started:.1f} s）")
    return 0


def _export_by_department(args: argparse.Namespace, assessment: Assessment) -> int:
    if args.measures:
        raise AssessError("--by-department 与 --measures 不能同时使用 / use one or the other")
    cl = checklist()
    directory = args.output or args.file.parent
    if directory.exists() and not directory.is_dir():
        raise AssessError(f"{directory}: -o 应为目录 / with --by-department, -o is a folder")
    books = planned_books(cl, assessment, directory)
    if not books:
        raise AssessError(
            "还没有为任何部门分配条目；请先在 assess open 中按 g（部门分工）分配 "
            "/ no department leads any item yet; assign them first (assess open, key g)"
        )
    for _name, path, _items in books:
        refuse_overwrite(path, args.force)
    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for (name, _path, items), path in zip(
        books, export_by_department(cl, assessment, books), strict=True
    ):
        print(f"已导出 / exported {path}（{name}，{len(items)} 个条目 / items）")
    left = unassigned(cl, assessment)
    if left:
        print(
            f"提示 / note: {len(left)} 个条目未指定牵头部门，未导出 / items with no lead, "
            f"not exported: {'、'.join(left[:20])}{'…' if len(left) > 20 else ''}"
        )
    print(f"（{time.perf_counter() - started:.1f} s）")
    return 0


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
                raise AssessError(
                    f"{path}: 文件夹中没有 .xlsx 工作簿 / no .xlsx workbook in the folder"
                )
            out += found
        else:
            out.append(path)
    return out


def run_import(args: argparse.Namespace) -> int:
    cl = checklist()
    paths = workbook_paths(args.workbooks)
    if args.output is not None:
        if len(paths) != 1:
            raise AssessError("-o 只能从一个工作簿新建评估文件 / -o takes exactly one workbook")
        refuse_overwrite(args.output, args.force)
        assessment, report = new_from_workbook(paths[0], cl)
        for note in report.notes:
            print(f"提示 / note: {note}")
        for violation in profile_violations(assessment.zone):
            print(f"提示 / note: {violation_both(violation, FIX_FILE)}")
        filled = sum(1 for r in assessment.items.values() if not r.is_blank())
        counts = f"{filled} 个条目有记录、{len(assessment.evidence)} 项佐证材料 / items with records: {filled}"
        if args.dry_run:
            print(f"（试运行，未写入 / dry run, nothing written）{counts}")
        else:
            save(args.output, assessment)
            print(f"已创建 / created {args.output}（{counts}）")
        return 0
    if args.dry_run:
        assessment = load_reporting(args.into).assessment
        _print(cl, *_import(paths, cl, assessment, args))
        print("（试运行，未写入 / dry run, nothing written）")
        return 0
    with AssessmentFile(args.into) as handle:
        loaded = handle.load(cl)
        result, report = _import(paths, cl, loaded.assessment, args)
        _print(cl, result, report)
        if report.changes or loaded.migration is not None:
            handle.save(loaded.assessment)
            print(f"已写入 / saved {args.into}")
        else:
            print("无修改，文件未改动 / no changes; the file is unchanged")
    return 0


def _import(
    paths: list[Path], cl: Checklist, assessment: Assessment, args: argparse.Namespace
) -> tuple[Intake, ImportReport]:
    try:
        return import_many(paths, cl, assessment, who=args.who, prefer=args.prefer)
    except MergeRefused as exc:
        lines = "\n".join(f"  - {line}" for line in conflict_lines(exc.conflicts))
        raise AssessError(f"{exc}\n{lines}") from None


def _print(cl: Checklist, result: Intake, report: ImportReport) -> None:
    for line in report.lines():
        print(line)
    if result.plan.conflicts:
        print(
            f"按 --prefer 解决的冲突 / conflicts decided by --prefer: {len(result.plan.conflicts)}"
        )
        for line in conflict_lines(result.plan.conflicts):
            print(f"  {line}")
    for line in summary_lines(result, cl):
        print(line)
