"""``assess open FILE``, and ``assess`` alone, which opens the demo in the TUI."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assess.cli.common import Formatter, add_lang, checklist, note
from assess.errors import AssessError, LoadError, Message
from assess.lang import Lang
from assess.storage import save
from assess.texts import cli as texts
from assess.texts import tui as tui_words
from assess.texts.catalog import Texts
from assess.userdata import demo_path

if TYPE_CHECKING:
    from assess.tui.app import AssessApp


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "open",
        help="在终端界面中逐项评估 / assess item by item in the terminal UI",
        description="打开评估文件，逐项记录状态、说明、佐证、差距、机遇和举措；每次修改自动保存。\n"
        "Open an assessment file in the terminal UI; every change is saved at once.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, help="评估文件 / assessment FILE.json")
    add_lang(p)
    p.set_defaults(run=run_open)


def run_open(args: argparse.Namespace) -> int:
    return open_tui(args.file, args.lang)


def open_tui(path: Path, lang: Lang, export_folder: Path | None = None) -> int:
    """Run the TUI on ``path``; lock and load errors reach the CLI as AssessError.
    Workbooks exported with ``x`` go to ``export_folder`` (default: beside the file)."""
    from assess.tui.app import open_app  # Textual loads only when the TUI is wanted

    app = open_app(path, lang=lang)
    app.export_folder = export_folder
    app.run()
    return after_window(app, lang)


def after_window(app: AssessApp, lang: Lang) -> int:
    """Once the window has closed: the workbooks it exported are named again, and its last
    word (where edits went), where the terminal keeps them."""
    for written in app.exported:
        with contextlib.suppress(OSError):  # the terminal may be gone (its window was closed)
            print(Texts(lang)(tui_words.EXPORTED, path=written), file=sys.stderr)
    if app.farewell:
        with contextlib.suppress(OSError):  # the terminal may be gone (its window was closed)
            print(app.farewell, file=sys.stderr, flush=True)
    return 0


def demo_copy(lang: Lang = Lang.ZH) -> Path:
    """The user's demo file, written from ``build_demo`` only the first time."""
    from assess.demo import build_demo  # only the first time

    t = Texts(lang)
    path = demo_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        save(path, build_demo(checklist()))
        note(t, t(texts.DEMO_CREATED, path=path))
    return path


def open_demo(lang: Lang) -> int:
    path = demo_copy(lang)
    try:
        # the demo lives in a hidden data folder: its workbooks go where the user started assess
        return open_tui(path, lang, export_folder=Path.cwd())
    except LoadError as exc:  # the fix is not to mend the JSON but to let it be made again
        raise AssessError(Message(texts.DEMO_DAMAGED, {"problem": exc, "path": path})) from None
