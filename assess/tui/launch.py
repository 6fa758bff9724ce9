"""``assess`` and ``assess open FILE`` the fast way: fork first, then import (see ``first_frame``).

Imports only ``os`` and ``sys`` before the fork, so the child starts on the core at once while
this process imports Textual. Whatever it does not know (an option, no terminal, no ``fork``,
a first run of the demo, a file the child could not open) goes the ordinary way, through
``assess.cli``, with its messages.
"""

from __future__ import annotations

import os
import sys

LANGS = ("zh", "en")  # as argparse's choices for --lang (``assess.cli.common.LANG_CHOICES``)


def wanted(argv: list[str]) -> tuple[str, str, bool] | None:
    """``assess [open FILE]`` with at most one ``--lang``: the file, its language, and whether
    it is the demo. None for anything else (argparse says what is wrong with it)."""
    rest: list[str] = []
    langs: set[str] = set()
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            langs.add(next(args, ""))
        elif arg.startswith("--lang="):
            langs.add(arg.removeprefix("--lang="))
        else:
            rest.append(arg)
    if len(langs) > 1 or not langs <= set(LANGS):
        return None
    lang = next(iter(langs), "zh")
    if not rest:
        from assess.userdata import demo_path

        demo = demo_path()
        return (str(demo), lang, True) if demo.is_file() else None  # made the first time
    if len(rest) == 2 and rest[0] == "open" and not rest[1].startswith("-"):
        return rest[1], lang, False
    return None


def fork_child(path: str, lang: str) -> tuple[int, int]:
    """The child computing the first frame of ``path`` (``first_frame.run_child``): its pid and
    the pipe's end its answer comes on."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: computes the first frame and exits, whatever happens
        try:
            os.close(read)
            from assess.tui.first_frame import run_child

            run_child(path, lang, write)
        finally:
            os._exit(1)
    os.close(write)
    return pid, read


def launch(argv: list[str]) -> int | None:
    """Run the window the fast way; None where it must go the ordinary way — also when the
    file could not be opened after the first frame: the ordinary way opens it again and says
    why it cannot. Ctrl+C before the window opens ends quietly, as in the CLI."""
    try:
        return _launch(argv)
    except KeyboardInterrupt:
        return 130


def _launch(argv: list[str]) -> int | None:
    if not hasattr(os, "fork") or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    found = wanted(argv)
    if found is None:
        return None
    path, lang, demo = found
    # assess uses no pydantic plugin: not scanning every installed package for one saves
    # ~12 ms of each start (in the child, and here when the file is loaded)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    pid, read = fork_child(path, lang)
    from pathlib import Path

    from assess.errors import LockedError
    from assess.filelock import FileLock
    from assess.lang import Lang
    from assess.texts import errors as errors_words
    from assess.tui.app import AssessApp  # Textual, while the child computes
    from assess.tui.first_frame import Pending, reap

    lock = FileLock(Path(path))
    try:  # before the window opens: a second window is refused before anything is drawn
        lock.acquire()
    except LockedError as exc:
        if exc.body.entry is not errors_words.LOCK_UNWRITABLE:
            os.close(read)
            reap(pid)
            return None  # the ordinary way says who has it
    # in a read-only folder no lock can be taken: the window opens the file to be read only
    try:
        app = AssessApp(None, Lang(lang), pending=Pending(pid, read, lock if lock.held else None))
        if demo:  # the demo lives in a hidden data folder: its workbooks go where assess started
            app.export_folder = Path.cwd()
        app.run()
    finally:  # however the window ended (the session released it too, if it was loaded)
        lock.release()
    if app.start_error:
        return None
    from assess.cli import tolerant_streams
    from assess.cli.tui_commands import after_window

    tolerant_streams()
    return after_window(app, Lang(lang))
