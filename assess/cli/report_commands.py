"""``assess report``: the self-assessment report (自评报告) as a Word draft."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from assess.cli.common import (
    Formatter,
    add_lang,
    checklist,
    load_reporting,
    refuse_overwrite,
    require_suffix,
)
from assess.texts import cli as texts
from assess.texts.catalog import Texts


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="生成 Word 自评报告初稿 / write the self-assessment report (.docx)",
        description="按公文格式（GB/T 9704：A4、仿宋正文、一、（一）1. 层次）生成自评报告初稿："
        "基本情况，各举措的落实成效、存在差距、争取支持、下一步举措，以及落款。\n"
        "Write a Word draft of the self-assessment report in Chinese government-document style:\n"
        "basic information, then per measure results, gaps, support to seek and next steps.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, help="评估文件 / assessment FILE.json")
    p.add_argument(
        "-o", "--output", type=Path, help="输出 .docx；默认为“经开区-评估期-自评报告.docx”"
    )
    add_lang(p)
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
    p.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    from assess.word.render import default_report_name, write_report  # loads python-docx

    t = Texts(args.lang)
    assessment = load_reporting(args.file, t).assessment
    output = args.output or args.file.parent / default_report_name(assessment, args.lang)
    require_suffix(output, ".docx")
    refuse_overwrite(output, args.force)
    started = time.perf_counter()
    write_report(checklist(), assessment, output, lang=args.lang)
    print(t(texts.WRITTEN_IN, path=output, seconds=time.perf_counter() - started))
    return 0
