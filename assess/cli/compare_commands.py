"""Sub-commands ``compare`` (two assessments) and ``rollup`` (many zones)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from assess.cli.common import (
    Formatter,
    add_lang,
    checklist,
    load_reporting,
    refuse_overwrite,
    require_suffix,
)
from assess.errors import AssessError
from assess.storage import write_atomic
from assess.texts import cli as texts
from assess.texts.catalog import Texts

if TYPE_CHECKING:
    from assess.rollup import Skipped

PROGRESS_EVERY = 50


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare",
        help="对比两份评估 / compare two assessments",
        description="逐项对比两份评估（同一经开区的两期，或两个经开区）：状态变化、变化分类、"
        "说明/佐证/举措的增删、得分变化、两期之间到期未完成的举措。\n"
        "Compare two assessments item by item (one zone across periods, or two zones): "
        "status changes, change class, texts/evidence/actions added or removed, score deltas, "
        "actions due in between and not done.",
        formatter_class=Formatter,
    )
    p.add_argument("a", type=Path, help="评估 A（上一期或参照）/ A: earlier or reference")
    p.add_argument("b", type=Path, help="评估 B（本期或对比对象）/ B: later or the other zone")
    p.add_argument("-o", "--output", type=Path, help="同时写出对比工作簿 / also write FILE.xlsx")
    p.add_argument("--force", action="store_true", help="覆盖已有工作簿 / overwrite")
    add_lang(p)
    p.set_defaults(run=run_compare)

    p = sub.add_parser(
        "rollup",
        help="汇总多个经开区 / roll up many zones",
        description="汇总多个评估文件（或文件夹中的所有 .json）：经开区 × 举措得分矩阵、分地区平均、"
        "总体得分排名、最常见的差距、各经开区覆盖率。读不了的文件列出原因并跳过。\n"
        "只汇总一个评估期：--period 指定的，否则多数经开区所在的评估期；其他评估期的文件单独列出，不排名、不计入平均。\n"
        "退出码：0 全部读取（其他评估期的文件、同一经开区的较早评估只列出，不算失败）；1 有文件读不了（工作簿照常写出）；"
        "2 没有可用的文件。\n"
        "Roll up many assessment files (or every .json in folders): zone × measure scores, "
        "regional averages, ranking, most common gaps, coverage. Files that fail to load are "
        "listed with the reason and skipped.\n"
        "One period is rolled up: --period, else the one most zones are assessed for; files of\n"
        "other periods are listed apart, not ranked or averaged.\n"
        "Exit 0 all loaded (other periods and older files of a zone are listed, not failures);\n"
        "1 some files could not be read (the workbook is still written); 2 nothing usable.",
        formatter_class=Formatter,
    )
    p.add_argument("inputs", type=Path, nargs="+", metavar="FILE_OR_DIR", help="评估文件或文件夹")
    p.add_argument(
        "--period", help="汇总的评估期，如 2025年下半年 / the period to roll up, e.g. 2025年下半年"
    )
    p.add_argument("-o", "--output", type=Path, help="写出汇总工作簿 / write FILE.xlsx")
    p.add_argument("--force", action="store_true", help="覆盖已有工作簿 / overwrite")
    add_lang(p)
    p.set_defaults(run=run_rollup)


def _check_output(path: Path | None, force: bool) -> None:
    if path is None:
        return
    require_suffix(path, ".xlsx")
    refuse_overwrite(path, force)


def run_compare(args: argparse.Namespace) -> int:
    from assess.cli.compare_text import comparison_text
    from assess.compare import compare

    t = Texts(args.lang)
    _check_output(args.output, args.force)
    cl = checklist()
    loaded_a = load_reporting(args.a, t)
    if args.a.exists() and args.b.exists() and args.a.samefile(args.b):
        raise AssessError(texts.COMPARE_SAME, path=args.b)
    loaded_b = load_reporting(args.b, t)
    comparison = compare(
        cl,
        loaded_a.assessment,
        loaded_b.assessment,
        migrations=(loaded_a.migration, loaded_b.migration),
    )
    print(comparison_text(comparison, t))
    if args.output is not None:
        from assess.excel.compare_book import build_compare_workbook, workbook_bytes

        workbook = build_compare_workbook(comparison, lang=args.lang)
        write_atomic(args.output, workbook_bytes(workbook), keep_backup=False)
        print("\n" + t(texts.WRITTEN, path=args.output))
    return 0


class ProgressLine:
    """Loading progress on stderr: one line rewritten in place on a terminal, else every N."""

    def __init__(self, stream: TextIO, t: Texts) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.t = t

    def __call__(self, done: int, total: int) -> None:
        text = self.t(texts.LOADING, done=done, total=total)
        if self.tty:
            end = "\n" if done == total else ""
            print(f"\r{text}", end=end, file=self.stream, flush=True)
        elif done % PROGRESS_EVERY == 0 or done == total:
            print(text, file=self.stream, flush=True)


@dataclass(frozen=True)
class SkippedLines:
    """The files a roll-up could not use, one line each with the reason."""

    skipped: list[Skipped]

    def render(self, t: Texts) -> str:
        return "\n".join(f"  {s.path}{t.colon}{s.reason_in(t)}" for s in self.skipped)


def run_rollup(args: argparse.Namespace) -> int:
    from assess.cli.compare_text import rollup_text
    from assess.rollup import build_rollup, collect_paths

    t = Texts(args.lang)
    _check_output(args.output, args.force)
    paths, missing = collect_paths(args.inputs)
    rollup = build_rollup(
        checklist(), paths, period=args.period, progress=ProgressLine(sys.stderr, t)
    )
    rollup.skipped[:0] = missing
    if not rollup.zones:
        raise AssessError(texts.NOTHING_TO_ROLL_UP, reasons=SkippedLines(rollup.skipped))
    print(rollup_text(rollup, t))
    if args.output is not None:
        from assess.excel.compare_book import workbook_bytes
        from assess.excel.rollup_book import build_rollup_workbook

        workbook = build_rollup_workbook(rollup, lang=args.lang)
        write_atomic(args.output, workbook_bytes(workbook), keep_backup=False)
        print("\n" + t(texts.WRITTEN, path=args.output))
    return 1 if any(s.failed for s in rollup.skipped) else 0
