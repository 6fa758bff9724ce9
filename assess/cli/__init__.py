"""The ``assess`` command: one sub-command module per feature, registered here."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from assess import __version__, startup
from assess.cli import (
    compare_commands,
    core_commands,
    excel_commands,
    report_commands,
    review_commands,
    serve_commands,
    tui_commands,
)
from assess.cli.common import LANG_CHOICES, Parser, safe_output
from assess.errors import AssessError
from assess.lang import Lang
from assess.texts import cli as texts
from assess.texts.catalog import Texts

DESCRIPTION = """\
国家级经开区 16 项举措自评工具：逐项分解、逐条对标，找差距、找机遇。
Self-assessment of a national ETDZ against the 2025 work plan's 16 measures."""

COMMAND_MODULES = [
    core_commands, serve_commands, tui_commands, compare_commands, excel_commands, report_commands,
    review_commands,
]  # fmt: skip
FULL_SCREEN = {None, "open", "serve"}  # these draw on the terminal themselves
TUI = {None, "open"}  # these resume the collector after their first frame (assess.startup)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="assess",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"assess {__version__}")
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=LANG_CHOICES,
        default=None,
        help="输出和界面的语言，适用于所有命令（默认 zh）"
        "/ language of every command's output and screens (default zh)",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令 / COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def chosen_lang(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Lang:
    """The one language of this run: ``--lang`` before or after the command (never both, unequal)."""
    given = [value for value in (args.global_lang, getattr(args, "lang", None)) if value]
    if len(set(given)) > 1:
        zh, en = (
            Texts(lang)(texts.LANG_CONFLICT, first=given[0], second=given[1]) for lang in Lang
        )
        parser.error(f"{zh} / {en}")
    return Lang.parse(given[0]) if given else Lang.ZH


def tolerant_streams() -> None:
    """A terminal that cannot show a character gets "?" for it, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang = chosen_lang(parser, args)
    if args.command is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()
            return 0
        args.run = lambda a: tui_commands.open_demo(a.lang)  # no command: the demo in the TUI
    if args.command not in TUI:
        startup.resume()
    guard = contextlib.nullcontext() if args.command in FULL_SCREEN else safe_output()
    try:
        with guard:
            code: int = args.run(args)
    except AssessError as exc:
        t = Texts(args.lang)
        with safe_output():
            print(f"{t(texts.ERROR)}{t.colon}{exc.render(t)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `assess summary FILE | head`
        sys.stderr.close()
        return 0
    return code
