"""The ``assess`` command: one sub-command module per feature, registered here."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from assess import __version__
from assess.cli import (
    compare_commands,
    core_commands,
    excel_commands,
    report_commands,
    review_commands,
    serve_commands,
    tui_commands,
)
from assess.cli.common import safe_output
from assess.errors import AssessError

DESCRIPTION = """\
国家级经开区 16 项举措自评工具：逐项分解、逐条对标，找差距、找机遇。
Self-assessment of a national ETDZ against the 2025 work plan's 16 measures."""

COMMAND_MODULES = [
    core_commands, serve_commands, tui_commands, compare_commands, excel_commands, report_commands,
    review_commands,
]  # fmt: skip
FULL_SCREEN = {None, "open", "serve"}  # these draw on the terminal themselves


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assess",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"assess {__version__}")
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=("zh", "en"),
        default="zh",
        help="不带命令时打开示例评估的界面语言 / UI language of the demo opened with no command",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令 / COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()
            return 0
        args.run = lambda a: tui_commands.open_demo(a.ui_lang)  # no command: the demo in the TUI
    guard = contextlib.nullcontext() if args.command in FULL_SCREEN else safe_output()
    try:
        with guard:
            code: int = args.run(args)
    except AssessError as exc:
        with safe_output():
            print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `assess summary FILE | head`
        sys.stderr.close()
        return 0
    return code
